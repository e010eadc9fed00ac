"""The server process's C allocator, set for streamed request bodies (issue 17).

uvicorn hands an upload's body over in pieces of 64–256 KiB, and the upload route holds a few MiB of them at a time
(routes_blobs.py). With glibc's defaults the heap top above 2 × the largest freed piece is given back to the
kernel after each request and taken again by the next, so nearly every page of every photo was a fresh page: one
page fault and a zeroed page per 4 KiB received (≈ 60,000 per 256 MiB; the body path's system CPU fell from
0.13 s to 0.04 s per 256 MiB without them, measured with an empty ASGI app). Keeping up to `KEEP` bytes of freed heap
and serving pieces below `PIECES` from it lets the next request reuse the same pages. Bounded: at most `KEEP`
freed bytes stay with the process beyond what it uses.
"""

from __future__ import annotations

import ctypes
import sys

M_TRIM_THRESHOLD = -1   # glibc <malloc.h>
M_MMAP_THRESHOLD = -3
KEEP = 64 << 20         # freed heap kept for reuse: a few requests' worth of held body pieces
PIECES = 32 << 20       # allocations below this come from the heap, not from a fresh mmap each (glibc's own cap)


def keep_freed_memory() -> bool:
    """Tune glibc's malloc for this process. True when applied; elsewhere (musl, macOS, Windows) a no-op."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):   # not glibc
        return False
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    # Setting either threshold switches off glibc's dynamic adjustment, so both are set.
    return bool(mallopt(M_MMAP_THRESHOLD, PIECES)) and bool(mallopt(M_TRIM_THRESHOLD, KEEP))
