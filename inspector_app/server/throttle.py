"""Sign-in throttling per account name and per client address (issue 12 item 5).

Every attempt is counted *before* the password is checked (pessimistically) and un-counted on success, so a burst
of parallel guesses cannot all slip through before the first failure is recorded. After `free` failures each
further one makes the key wait 1 s, 2 s, 4 s … (capped); an account name reaching `lock_after` failures is locked
until an admin lifts it (`inspector server users unlock NAME`). While a key waits or is locked even the right
password is refused, which is what stops "25 wrong, then the right one works". Keys are names, not user rows, so
an unknown name behaves exactly like a known one (no enumeration). State lives in the database, shared by every
server process. Behind a reverse proxy every client has the proxy's address: the per-address key then throttles
the office as a whole, which is why its free allowance is larger.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from inspector_app.server.auth import as_utc
from inspector_app.server.errors import ApiError
from inspector_app.server.models import LoginThrottle


@dataclass(frozen=True)
class Policy:
    free: int = 3                   # failures per account name before delays start
    lock_after: int = 10            # consecutive failures that lock the account name
    addr_free: int = 20             # failures per client address before delays start
    max_delay: float = 900.0        # seconds
    addr_forget: dt.timedelta = dt.timedelta(hours=1)   # an address's count decays after a quiet hour


def _user_key(name: str) -> str:
    return f"user:{name[:190]}"


def _addr_key(addr: str) -> str:
    return f"addr:{addr[:190]}"


def _delay(failures: int, free: int, cap: float) -> float:
    if failures <= free:
        return 0.0
    return min(cap, 2.0 ** (failures - free - 1))


def _row(s: Session, key: str) -> LoginThrottle:
    """The key's row, locked. Parallel first attempts on PostgreSQL race to insert it: the loser's savepoint
    fails on the primary key, and it then locks the winner's row (SQLite serialises writers anyway)."""
    row = s.get(LoginThrottle, key, with_for_update=True)
    if row is None:
        try:
            with s.begin_nested():
                s.add(LoginThrottle(key=key, failures=0))
                s.flush()
        except IntegrityError:
            pass
        row = s.get(LoginThrottle, key, with_for_update=True, populate_existing=True)
        assert row is not None
    return row


def admit(s: Session, name: str, addr: str, now: dt.datetime, policy: Policy) -> None:
    """Refuse (423 locked, 429 wait) or count this attempt as a failure until `succeeded` says otherwise."""
    user, ip = _row(s, _user_key(name)), _row(s, _addr_key(addr))
    if user.locked_at is not None:
        raise ApiError(423, "account_locked", "该账号因多次密码错误已被锁定，请联系管理员解锁")
    if ip.last_failure_at is not None and now - as_utc(ip.last_failure_at) > policy.addr_forget:
        ip.failures, ip.blocked_until = 0, None
    for row in (user, ip):
        if row.blocked_until is not None and as_utc(row.blocked_until) > now:
            wait = max(1, math.ceil((as_utc(row.blocked_until) - now).total_seconds()))
            raise ApiError(429, "too_many_attempts", f"登录尝试过多，请 {wait} 秒后再试", retry_after=wait,
                           headers={"Retry-After": str(wait)})
    for row, free in ((user, policy.free), (ip, policy.addr_free)):
        row.failures = (row.failures or 0) + 1
        row.last_failure_at = now
        delay = _delay(row.failures, free, policy.max_delay)
        row.blocked_until = now + dt.timedelta(seconds=delay) if delay else None


def succeeded(s: Session, name: str, addr: str) -> None:
    s.execute(delete(LoginThrottle).where(LoginThrottle.key == _user_key(name)))
    ip = s.get(LoginThrottle, _addr_key(addr), with_for_update=True)
    if ip is not None:
        ip.failures = max(0, (ip.failures or 0) - 1)   # un-count this attempt only: earlier guesses still count
        if ip.failures == 0:
            s.delete(ip)


def failed(s: Session, name: str, now: dt.datetime, policy: Policy) -> None:
    user = _row(s, _user_key(name))
    if (user.failures or 0) >= policy.lock_after and user.locked_at is None:
        user.locked_at = now


def unlock(s: Session, name: str) -> bool:
    """Lift a lockout and forget the failures. True when the name was locked."""
    row = s.get(LoginThrottle, _user_key(name))
    was = row is not None and row.locked_at is not None
    s.execute(delete(LoginThrottle).where(LoginThrottle.key == _user_key(name)))
    return was


def locked(s: Session, name: str) -> bool:
    row = s.get(LoginThrottle, _user_key(name))
    return row is not None and row.locked_at is not None


def prune(s: Session, now: dt.datetime) -> None:
    """Forget stale counters (never a lockout of a name: only an admin lifts that)."""
    s.execute(delete(LoginThrottle).where(LoginThrottle.locked_at.is_(None),
                                          LoginThrottle.last_failure_at < now - dt.timedelta(days=1)))
