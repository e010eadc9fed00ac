"""Globally unique, time-ordered identifiers generated offline (UUIDv7, RFC 9562)."""

from __future__ import annotations

import os
import threading
import time
import uuid

_lock = threading.Lock()
_last_ms = 0
_counter = 0


def new_id() -> str:
    """Return a UUIDv7 string; monotonic within this process even inside one millisecond."""
    global _last_ms, _counter
    with _lock:
        ms = time.time_ns() // 1_000_000
        if ms <= _last_ms:
            ms = _last_ms
            _counter += 1
            if _counter > 0xFFF:  # 12-bit counter exhausted: borrow the next millisecond
                ms += 1
                _counter = 0
        else:
            _counter = 0
        _last_ms = ms
        counter = _counter
    rand = int.from_bytes(os.urandom(8), "big") & ((1 << 62) - 1)
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= counter << 64
    value |= 0b10 << 62
    value |= rand
    return str(uuid.UUID(int=value))


def new_ids(n: int) -> list[str]:
    """`n` UUIDv7 strings as `n` calls of new_id would give them (monotonic), for bulk inserts: one lock and one
    read of the random source instead of `n` (a million-line import can raise tens of thousands of leads)."""
    global _last_ms, _counter
    if n <= 0:
        return []
    stamps: list[tuple[int, int]] = []
    with _lock:
        now = time.time_ns() // 1_000_000
        for _ in range(n):
            ms = now
            if ms <= _last_ms:
                ms = _last_ms
                _counter += 1
                if _counter > 0xFFF:
                    ms += 1
                    _counter = 0
            else:
                _counter = 0
            _last_ms = ms
            stamps.append((ms, _counter))
    noise = os.urandom(8 * n).hex()
    out = []
    for i, (ms, counter) in enumerate(stamps):
        r = noise[16 * i:16 * i + 16]  # 64 random bits: the variant (10) takes the top two of the first digit
        t = f"{ms & ((1 << 48) - 1):012x}"
        out.append(f"{t[:8]}-{t[8:]}-7{counter:03x}-{'89ab'[int(r[0], 16) & 3]}{r[1:4]}-{r[4:]}")
    return out
