"""Protocol constants, the permanent-error type and the value checks of the wire format.

Everything that decides whether two values are "the same" goes through `same()`, which compares canonical JSON:
`True` and `1` are different values here, unlike in Python. Floats are refused in synced content: canonical JSON
of a float is not stable across platforms, so money and ratios travel as decimal strings (sync.md §7).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from inspector_app.domain.canonical import canonical_json

PROTOCOL = "sync/v1"
SCHEMA_VERSION = 2          # bumped when an op or entity is added; the server accepts N-1 clients
#                              (2: case_file_seal, the seal ledger)
MIN_CLIENT_SCHEMA = 1
MAX_MUTATIONS_PER_PUSH = 100
MAX_PUSH_BYTES = 1 << 20
MAX_PULL_LIMIT = 1000
OUTCOMES = ("applied", "noop", "conflict", "rejected")
TERMINAL = frozenset(OUTCOMES)
OPS = ("create", "append", "patch", "delete", "sign", "resolve")

SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
ID_RE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z:._-]{0,199}$")

# Wire value kinds of an entity field; a trailing "?" makes the field nullable.
KINDS = frozenset({"str", "bool", "int", "date", "datetime", "decimal", "sha256", "json"})


class PermanentError(Exception):
    """A mutation that can never succeed (validation, authorisation, class D edit): recorded as `rejected`."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason
        self.message = message


def same(a: Any, b: Any) -> bool:
    return a is b or _canon(a) == _canon(b)


def _canon(v: Any) -> str:
    try:
        return canonical_json(v)
    except TypeError:
        return repr(v)


def _check(kind: str, v: Any) -> bool:
    nullable = kind.endswith("?")
    base = kind.rstrip("?")
    if base == "json":
        return _no_floats(v)
    if v is None:
        return nullable
    if base == "str":
        return isinstance(v, str)
    if base == "bool":
        return isinstance(v, bool)
    if base == "int":
        return isinstance(v, int) and not isinstance(v, bool)
    if base == "date":
        if not isinstance(v, str):
            return False
        try:
            dt.date.fromisoformat(v)
        except ValueError:
            return False
        return True
    if base == "datetime":
        if not isinstance(v, str):
            return False
        try:
            dt.datetime.fromisoformat(v)
        except ValueError:
            return False
        return True
    if base == "decimal":
        if not isinstance(v, str):
            return False
        try:
            return Decimal(v).is_finite()
        except InvalidOperation:
            return False
    if base == "sha256":
        return isinstance(v, str) and bool(SHA256_RE.match(v))
    raise AssertionError(kind)


def check_value(kind: str, v: Any) -> bool:
    """Whether `v` is a valid wire value of `kind` (e.g. "decimal?")."""
    return _check(kind, v)


def _no_floats(v: Any) -> bool:
    if isinstance(v, float):
        return False
    if isinstance(v, dict):
        return all(isinstance(k, str) and _no_floats(x) for k, x in v.items())
    if isinstance(v, list):
        return all(_no_floats(x) for x in v)
    return v is None or isinstance(v, (str, int, bool))
