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
    """`n` UUIDv7 strings as `n` calls of new_id would give them (monotonic), for bulk inserts: one lock, one read
    of the random source and one hex conversion instead of `n` (a million-line import can raise tens of thousands
    of leads)."""
    global _last_ms, _counter
    if n <= 0:
        return []
    # (millisecond, 12-bit counter) read as one number ms * 4096 + counter: new_id's next stamp is always the last
    # one plus 1 (a counter past 0xFFF borrows the next millisecond), or the clock's millisecond when that is later
    with _lock:
        now = time.time_ns() // 1_000_000
        first = now << 12 if now > _last_ms else (_last_ms << 12) + _counter + 1
        last = first + n - 1
        _last_ms, _counter = last >> 12, last & 0xFFF
    # 16 bytes per id: 48-bit ms, version 7 + counter, then 64 random bits whose top two are the variant (10)
    stamps = b"".join(((((v >> 12) & ((1 << 48) - 1)) << 16) | 0x7000 | (v & 0xFFF)).to_bytes(8, "big")
                      for v in range(first, last + 1))
    noise = bytearray(os.urandom(8 * n))
    noise[0::8] = noise[0::8].translate(_VARIANT)
    raw = bytearray(16 * n)
    for k in range(8):
        raw[k::16] = stamps[k::8]
        raw[8 + k::16] = noise[k::8]
    h = raw.hex()
    return [f"{h[j:j + 8]}-{h[j + 8:j + 12]}-{h[j + 12:j + 16]}-{h[j + 16:j + 20]}-{h[j + 20:j + 32]}"
            for j in range(0, 32 * n, 32)]


_VARIANT = bytes((b & 0x3F) | 0x80 for b in range(256))  # a random byte with its top two bits set to 10
