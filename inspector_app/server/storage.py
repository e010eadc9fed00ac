"""Where evidence bytes live. Uploads are staged on local disk (appends need a file), published blobs go to a
`BlobStorage`: content-addressed files here, or an S3-compatible bucket (s3_storage.py: the finished, verified
staging file is written once — multipart when large — then checked with a `HEAD`; see sync.md §11 and F12).
Which one is the server's configuration (`make_blob_storage`); both are read with ranged, 1 MiB-piece streams.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, Protocol

from inspector_app.fileio import PRIVATE_DIR, PRIVATE_FILE, ensure_private_dir, fsync_dir

try:  # POSIX advisory locks shared by every server process on the host (F10)
    import fcntl
except ImportError:  # pragma: no cover - Windows servers are not supported for uploads
    fcntl = None  # type: ignore[assignment]

SHA_RE = re.compile(r"^[0-9a-f]{64}$")
READ_CHUNK = 1 << 20


class InvalidKey(ValueError):
    pass


def check_sha(sha256: str) -> str:
    """The only way a client-supplied name reaches a path: 64 lowercase hex digits, nothing else."""
    if not isinstance(sha256, str) or not SHA_RE.match(sha256):
        raise InvalidKey(f"not a SHA-256 hex digest: {sha256!r}")
    return sha256


class BlobStorage(Protocol):
    def exists(self, sha256: str) -> bool: ...
    def size(self, sha256: str) -> int | None: ...
    def publish(self, sha256: str, staged: Path) -> str: ...
    def open(self, sha256: str) -> BinaryIO: ...
    def iter_range(self, sha256: str, start: int, end: int) -> Iterator[bytes]: ...
    def delete(self, sha256: str) -> None: ...
    def describe(self) -> str: ...


def make_blob_storage(url: str | None, root: Path, **s3_options: int) -> "BlobStorage":
    """The server's evidence store: `s3://bucket/prefix?endpoint=...` (s3_storage.py) or files under `root`."""
    if url:
        from inspector_app.server.s3_storage import S3BlobStorage

        store = S3BlobStorage(url, **s3_options)
        store.check()
        return store
    return FileBlobStorage(root)


_fsync_dir = fsync_dir


class FileBlobStorage:
    """cas/ab/cd/<sha256> under a root directory; publishing is an atomic rename of the verified staging file."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.cas = self.root / "cas"
        ensure_private_dir(self.root)
        ensure_private_dir(self.cas)

    def path(self, sha256: str) -> Path:
        check_sha(sha256)
        return self.cas / sha256[:2] / sha256[2:4] / sha256

    def exists(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def size(self, sha256: str) -> int | None:
        p = self.path(sha256)
        return p.stat().st_size if p.is_file() else None

    def publish(self, sha256: str, staged: Path) -> str:
        final = self.path(sha256)
        final.parent.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
        os.replace(staged, final)
        _fsync_dir(final.parent)
        return str(final.relative_to(self.root))

    def open(self, sha256: str) -> BinaryIO:
        return self.path(sha256).open("rb")

    def iter_range(self, sha256: str, start: int, end: int) -> Iterator[bytes]:
        return iter_file(self.open(sha256), start, end)

    def describe(self) -> str:
        return str(self.cas)

    def delete(self, sha256: str) -> None:
        self.path(sha256).unlink(missing_ok=True)


class Staging:
    """Incomplete uploads: staging/<sha256>.part. The offset is the file's length, read under the file lock."""

    def __init__(self, root: Path):
        self.dir = Path(root) / "staging"
        ensure_private_dir(self.dir)

    def path(self, sha256: str) -> Path:
        return self.dir / f"{check_sha(sha256)}.part"

    def ensure(self, sha256: str) -> Path:
        p = self.path(sha256)
        os.close(os.open(p, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE))   # owner-only from birth
        return p

    def length(self, sha256: str) -> int | None:
        p = self.path(sha256)
        return p.stat().st_size if p.exists() else None

    def settled_length(self, sha256: str, wait: float = 10.0) -> int | None:
        """The length with no chunk in flight: a PATCH streams under an exclusive lock and may still be cut back,
        so the offset a client is told waits (a shared lock) until that chunk is whole or gone. Past `wait` the
        plain length is answered; the next PATCH is checked under the lock anyway (409 names the true offset)."""
        p = self.path(sha256)
        try:
            f = p.open("rb")
        except FileNotFoundError:
            return None
        with f:
            deadline = time.monotonic() + wait
            while fcntl is not None:
                try:
                    fcntl.flock(f.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        break
                    time.sleep(0.01)
            return os.fstat(f.fileno()).st_size

    def discard(self, sha256: str) -> None:
        self.path(sha256).unlink(missing_ok=True)


class Locked(Exception):
    """Another request holds this upload (423)."""


class TooLong(Exception):
    """A streamed chunk went past its limit (the declared size or the largest chunk)."""


class StagedFile:
    """An exclusively locked staging file, opened for appending."""

    def __init__(self, path: Path):
        self.path = path
        self._f = path.open("r+b")  # never create: a missing file means the upload finished or expired
        if fcntl is not None:
            try:
                fcntl.flock(self._f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                self._f.close()
                raise Locked(str(path)) from None

    def __enter__(self) -> "StagedFile":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def offset(self) -> int:
        return os.fstat(self._f.fileno()).st_size

    def append_stream(self, pieces: Iterable[bytes], limit: int, observe: Callable[[bytes], None]) -> int:
        """Append pieces (bounded memory) and fsync once; more than `limit` bytes raises `TooLong`. On any
        failure the file is cut back to where it was, so a chunk is appended whole or not at all."""
        start = self.offset()
        self._f.seek(0, os.SEEK_END)
        written = 0
        try:
            for piece in pieces:
                written += len(piece)
                if written > limit:
                    raise TooLong(written)
                observe(piece)
                self._f.write(piece)
            self._f.flush()
            os.fsync(self._f.fileno())
        except BaseException:
            self.truncate(start)
            raise
        return written

    def truncate(self, length: int) -> None:
        self._f.flush()
        self._f.truncate(length)
        os.fsync(self._f.fileno())

    def digest(self) -> str:
        h = hashlib.sha256()
        self._f.seek(0)
        while chunk := self._f.read(READ_CHUNK):
            h.update(chunk)
        return h.hexdigest()

    def close(self) -> None:
        if not self._f.closed:
            self._f.close()  # closing releases the flock


def iter_file(f: BinaryIO, start: int, end: int) -> Iterator[bytes]:
    """Bytes [start, end) of an open file, in 1 MiB pieces; closes the file when done."""
    try:
        f.seek(start)
        left = end - start
        while left > 0:
            chunk = f.read(min(READ_CHUNK, left))
            if not chunk:
                break
            left -= len(chunk)
            yield chunk
    finally:
        f.close()
