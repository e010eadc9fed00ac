"""A key slot's password step: password + the slot's stored parameters → the 32-byte key-encryption key.

New slots use **Argon2id, m = 46 MiB (47,104 KiB), t = 1, p = 1, 16-byte random salt** (RFC 9106), computed by
`cryptography` (OpenSSL 3.2+). Why these numbers:
- The OWASP Password Storage Cheat Sheet puts Argon2id first and lists equivalent minimum settings, of which
  m = 47,104 KiB, t = 1, p = 1 is the one with the most memory: memory per guess is what a GPU or ASIC attacker
  pays for. Its minimum for scrypt is N = 2^17, r = 8, p = 1 (128 MiB, ≈ 0.27 s on our 2-core test machine).
- Slots made before 2026-12 use scrypt N = 2^15, r = 8, p = 1: 32 MiB, a quarter of that scrypt minimum, and
  ≈ 62 ms of CPU at every sign-in and unlock. Argon2id at 46 MiB takes ≈ 40 ms (a fresh process, memory
  first touched included). It asks more memory per guess than those slots did, and Argon2id resists trading
  memory for time better than scrypt does.
- Those scrypt slots still open, and are re-wrapped with the current parameters at the next sign-in that opens
  them (`KeySlots.unlock`), so a workspace does not keep the older setting for ever.

The parameters live in the slot and are part of its authenticated data: editing them (to weaken them) makes the
unwrap fail like a wrong password. Parameters beyond the bounds below are refused before any work, so a forged
slot cannot make the sign-in allocate gigabytes.
"""

from __future__ import annotations

import base64
import hashlib
import os
from typing import Any

from inspector_app.domain.errors import QT_TRANSLATE_NOOP, DomainError

WRONG_PASSWORD = QT_TRANSLATE_NOOP("Errors", "The password is wrong.")

ARGON2ID = {"alg": "argon2id", "m": 47104, "t": 1, "p": 1}
KEK_BYTES = 32
SALT_BYTES = 16
# What a slot may ask for (a forged file must not make the laptop swap or spin): Argon2id up to 512 MiB and 4
# passes (11× and 4× today's); scrypt exactly as the releases before 2026-12 wrote it, at most (32 MiB).
MAX_ARGON2_KIB, MAX_ARGON2_T, MAX_ARGON2_P = 1 << 19, 4, 4
MAX_SCRYPT_N, MAX_SCRYPT_R, MAX_SCRYPT_P = 1 << 15, 8, 1


class KeySlotError(DomainError):
    """A key-slot problem the user can act on (wrong password, missing slot, bad file); coded (`keyslot.*`)."""


class WrongPasswordError(KeySlotError):
    def __init__(self, code: str = "keyslot.wrong_password", template: str | None = None, /, **params: Any):
        super().__init__(code, template or WRONG_PASSWORD, **params)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def new_parameters() -> dict[str, Any]:
    """The current KDF with a fresh salt: what a new or re-wrapped slot stores."""
    return {**ARGON2ID, "salt": b64(os.urandom(SALT_BYTES))}


def outdated(kdf: dict[str, Any]) -> bool:
    """True when a slot that opened should be re-wrapped with the current parameters (an older algorithm, or
    Argon2id with less memory or fewer passes than now)."""
    if kdf.get("alg") != ARGON2ID["alg"]:
        return True
    try:
        return int(kdf["m"]) < ARGON2ID["m"] or int(kdf["t"]) < ARGON2ID["t"]
    except (KeyError, TypeError, ValueError):
        return True


def _bounded(kdf: dict[str, Any], limits: dict[str, tuple[int, int]]) -> dict[str, int]:
    try:
        values = {name: int(kdf[name]) for name in limits}
    except (KeyError, TypeError, ValueError) as exc:
        raise WrongPasswordError() from exc  # a damaged slot opens no better than a wrong password
    for name, (low, high) in limits.items():
        if not low <= values[name] <= high:
            raise KeySlotError("keyslot.kdf_out_of_bounds", QT_TRANSLATE_NOOP(
                "Errors", "The key slot asks for key-derivation parameter {name} = {value}, outside {low}–{high}: "
                          "the key slot file is damaged or was tampered with."),
                name=name, value=values[name], low=low, high=high)
    return values


def derive(password: str, kdf: dict[str, Any]) -> bytes:
    """The key-encryption key. Slow on purpose (tens of milliseconds): off the UI thread."""
    alg = kdf.get("alg")
    secret = password.encode("utf-8")
    try:
        salt = unb64(str(kdf["salt"]))
    except (KeyError, ValueError) as exc:
        raise WrongPasswordError() from exc
    if alg == "argon2id":
        v = _bounded(kdf, {"m": (8 * 1024, MAX_ARGON2_KIB), "t": (1, MAX_ARGON2_T), "p": (1, MAX_ARGON2_P)})
        from cryptography.exceptions import UnsupportedAlgorithm
        from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

        try:
            return Argon2id(salt=salt, length=KEK_BYTES, iterations=v["t"], lanes=v["p"],
                            memory_cost=v["m"]).derive(secret)
        except UnsupportedAlgorithm as exc:
            raise KeySlotError("keyslot.kdf_unavailable", QT_TRANSLATE_NOOP(
                "Errors", "This computer's cryptography library cannot compute Argon2id (it needs OpenSSL 3.2 or "
                          "later): {detail}"), detail=str(exc)) from exc
    if alg == "scrypt":  # slots made before 2026-12: still opened, then re-wrapped (see the module's docstring)
        v = _bounded(kdf, {"n": (2, MAX_SCRYPT_N), "r": (1, MAX_SCRYPT_R), "p": (1, MAX_SCRYPT_P)})
        return hashlib.scrypt(secret, salt=salt, n=v["n"], r=v["r"], p=v["p"], dklen=KEK_BYTES,
                              maxmem=256 * v["r"] * v["n"] + (1 << 20))
    raise KeySlotError("keyslot.unsupported_kdf", QT_TRANSLATE_NOOP(
        "Errors", "Unsupported key derivation algorithm: {alg}."), alg=str(alg))
