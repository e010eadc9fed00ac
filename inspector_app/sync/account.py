"""Sign-in: online against the server, or offline after a first online sign-in.

Offline sign-in checks the password against a local scrypt verifier (memory-hard; the password itself is never
stored). The last bearer token is kept so background sync can resume without asking again until it expires.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import os
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from inspector_app.sync import local

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
ACCOUNT_KEY = "account"


@dataclass(frozen=True)
class Account:
    server_url: str
    user: str
    user_id: str | None
    role: str | None
    teams: tuple[str, ...]
    token: str | None
    expires_at: dt.datetime | None

    def token_valid(self, now: dt.datetime) -> bool:
        return bool(self.token) and (self.expires_at is None or self.expires_at > now)


@dataclass(frozen=True)
class SignInResult:
    ok: bool
    online: bool
    account: Account | None
    message: str


def make_verifier(password: str, salt: bytes | None = None) -> dict[str, Any]:
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32)
    return {"alg": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P,
            "salt": base64.b64encode(salt).decode(), "hash": base64.b64encode(digest).decode()}


def check_verifier(verifier: dict[str, Any], password: str) -> bool:
    try:
        salt = base64.b64decode(verifier["salt"])
        expected = base64.b64decode(verifier["hash"])
        got = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=int(verifier["n"]), r=int(verifier["r"]),
                             p=int(verifier["p"]), dklen=len(expected))
    except (KeyError, ValueError, TypeError):
        return False
    return hmac.compare_digest(got, expected)


def load(s: Session) -> Account | None:
    raw = local.meta_get(s, ACCOUNT_KEY)
    if not raw:
        return None
    exp = raw.get("expires_at")
    return Account(raw.get("server_url", ""), raw["user"], raw.get("user_id"), raw.get("role"),
                   tuple(raw.get("teams") or ()), raw.get("token"),
                   dt.datetime.fromisoformat(exp) if exp else None)


def store_online(s: Session, server_url: str, user: str, password: str, login: dict[str, Any]) -> Account:
    info = login.get("user") or {}
    raw = {"server_url": server_url, "user": user, "user_id": info.get("id"), "role": info.get("role"),
           "teams": list(info.get("teams") or ()), "token": login["token"], "expires_at": login.get("expires_at"),
           "verifier": make_verifier(password)}
    local.meta_set(s, ACCOUNT_KEY, raw)
    acc = load(s)
    assert acc is not None
    return acc


def verify_offline(s: Session, user: str, password: str) -> Account | None:
    raw = local.meta_get(s, ACCOUNT_KEY)
    if not raw or raw.get("user") != user or not raw.get("verifier"):
        return None
    if not check_verifier(raw["verifier"], password):
        return None
    return load(s)


def forget_token(s: Session) -> None:
    raw = local.meta_get(s, ACCOUNT_KEY)
    if raw:
        local.meta_set(s, ACCOUNT_KEY, {**raw, "token": None, "expires_at": None})


def sign_out(s: Session) -> None:
    forget_token(s)
