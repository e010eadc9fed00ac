"""Accounts, password hashing (Argon2id, memory-hard) and expiring bearer tokens kept in the database, so any
server process sharing the database can check any token (stateless request handling)."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import bindparam, delete, select
from sqlalchemy.orm import Session

from inspector_app.domain.ids import new_id
from inspector_app.server.models import Token, User, UserTeam

ROLES = ("inspector", "team_lead", "admin")


@dataclass(frozen=True)
class Principal:
    user_id: str
    name: str
    role: str
    teams: tuple[str, ...]
    officer_id: str | None = None   # the account's roster officer (confidential drafts, server/confidential.py)

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    def can_see(self, team_id: str | None) -> bool:
        return team_id is None or self.is_admin or team_id in self.teams

    def can_write(self, team_id: str | None) -> bool:
        return team_id is not None and (self.is_admin or team_id in self.teams)


def make_hasher(memory_kib: int = 65536, time_cost: int = 3, parallelism: int = 4) -> PasswordHasher:
    return PasswordHasher(time_cost=time_cost, memory_cost=memory_kib, parallelism=parallelism)


def as_utc(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class UserExists(ValueError):
    pass


def add_user(s: Session, hasher: PasswordHasher, name: str, password: str, role: str,
             teams: list[str], officer_id: str | None = None) -> User:
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r} (inspector, team_lead, admin)")
    if not name.strip():
        raise ValueError("user name is empty")
    if len(password) < 8:
        raise ValueError("password must have at least 8 characters")
    if s.scalar(select(User).where(User.name == name)) is not None:
        raise UserExists(f"user {name!r} already exists")
    user = User(id=new_id(), name=name, role=role, password_hash=hasher.hash(password), officer_id=officer_id)
    s.add(user)
    s.flush()
    for t in dict.fromkeys(teams):
        s.add(UserTeam(user_id=user.id, team_id=t))
    return user


def set_teams(s: Session, user: User, teams: list[str]) -> None:
    s.execute(delete(UserTeam).where(UserTeam.user_id == user.id))
    for t in dict.fromkeys(teams):
        s.add(UserTeam(user_id=user.id, team_id=t))


def principal(s: Session, user: User) -> Principal:
    teams = tuple(sorted(s.scalars(select(UserTeam.team_id).where(UserTeam.user_id == user.id))))
    return Principal(user.id, user.name, user.role, teams, user.officer_id)


def verify_password(s: Session, hasher: PasswordHasher, name: str, password: str) -> User | None:
    user = s.scalar(select(User).where(User.name == name))
    if user is None or user.disabled:
        hasher.hash(password)  # same work either way: no user-enumeration by timing
        return None
    try:
        hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return None
    if hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hasher.hash(password)
    return user


def issue_token(s: Session, user: User, now: dt.datetime, ttl: dt.timedelta) -> tuple[str, dt.datetime, Principal]:
    token = secrets.token_urlsafe(32)
    expires = now + ttl
    s.add(Token(token_hash=_token_hash(token), user_id=user.id, created_at=now, expires_at=expires))
    s.execute(delete(Token).where(Token.user_id == user.id, Token.expires_at < now))
    return token, expires, principal(s, user)


def login(s: Session, hasher: PasswordHasher, name: str, password: str, now: dt.datetime,
          ttl: dt.timedelta) -> tuple[str, dt.datetime, Principal] | None:
    user = verify_password(s, hasher, name, password)
    return None if user is None else issue_token(s, user, now, ttl)


def revoke_token(s: Session, token: str) -> bool:
    """Logout: this token stops working at once, on every server process (tokens live in the database)."""
    return bool(s.execute(delete(Token).where(Token.token_hash == _token_hash(token))).rowcount)


def revoke_all(s: Session, user_id: str) -> int:
    """Every token of the account (a lost laptop, a departed officer). Returns how many were revoked."""
    return int(s.execute(delete(Token).where(Token.user_id == user_id)).rowcount or 0)


# Every request checks its token: one statement (token, account and teams joined, one row per team), built once,
# read as plain rows instead of three ORM loads (issue 17: the idle round's request). Still checked against the
# database each time, so a revoked token or a disabled account stops working at once on every process.
_AUTH = (select(Token.expires_at, User.id, User.name, User.role, User.disabled, User.officer_id, UserTeam.team_id)
         .join(User, User.id == Token.user_id).outerjoin(UserTeam, UserTeam.user_id == User.id)
         .where(Token.token_hash == bindparam("h")))


def authenticate(s: Session, token: str, now: dt.datetime) -> Principal | None:
    rows = s.connection().execute(_AUTH, {"h": _token_hash(token)}).all()
    if not rows:
        return None
    expires, user_id, name, role, disabled, officer_id, _team = rows[0]
    if as_utc(expires) <= now or disabled:
        return None
    teams = tuple(sorted({r[6] for r in rows if r[6] is not None}))
    return Principal(user_id, name, role, teams, officer_id)
