"""Content-addressed evidence files: blobs/ab/cd/<sha256>. Written (temp, fsync, rename) before any row points at them.

The address is the SHA-256 of the PLAINTEXT (it is printed in every 证据清单 and used by sync), whatever the vault
does to the bytes on disk (sealed with the workspace key when the workspace is encrypted). The file names do reveal
which hashes a laptop holds; they are the same hashes the records print, so nothing is added by hiding them.
Read plaintext through open / read_bytes / size / plain_path — never through path_for directly."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from inspector_app.storage.atomic import fsync_dir
from inspector_app.storage.vault import FileVault

CHUNK = 1 << 20


class DigestMismatch(ValueError):
    """The bytes received are not the file that was asked for."""


@dataclass(frozen=True, slots=True)
class StoredBlob:
    sha256: str
    size: int
    path: Path
    already_present: bool


class BlobStore:
    def __init__(self, root: Path, vault: FileVault | None = None):
        self.root = root
        self.vault = vault or FileVault(None)

    def path_for(self, sha256: str) -> Path:
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise ValueError(f"not a SHA-256 hex digest: {sha256!r}")
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def has(self, sha256: str) -> bool:
        return self.path_for(sha256).exists()

    def put_file(self, source: Path, cancelled: Callable[[], bool] | None = None) -> StoredBlob:
        """Copy `source` in, hashing as we go. The original bytes are kept exactly."""
        def pieces() -> Iterator[bytes]:
            with source.open("rb") as src:
                while chunk := src.read(CHUNK):
                    if cancelled and cancelled():
                        raise InterruptedError("cancelled")
                    yield chunk

        return self.put_stream(pieces())

    def put_stream(self, pieces: Iterable[bytes], expected: str | None = None) -> StoredBlob:
        """Store bytes as they arrive (a download): hashed while written to a temp file, fsynced, renamed into
        place only if the digest is `expected` (else `DigestMismatch` and nothing is kept). Bounded memory."""
        self.root.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".incoming-", dir=self.root)
        tmp = Path(tmp_name)
        digest = hashlib.sha256()
        size = 0
        try:
            with os.fdopen(fd, "wb") as out:
                with self.vault.writer(out) as sink:
                    for chunk in pieces:
                        digest.update(chunk)
                        sink.write(chunk)
                        size += len(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha = digest.hexdigest()
            if expected is not None and sha != expected:
                raise DigestMismatch(f"expected {expected}, received {sha} ({size} bytes)")
            final = self.path_for(sha)
            if final.exists():
                tmp.unlink()
                return StoredBlob(sha, size, final, True)
            final.parent.mkdir(parents=True, exist_ok=True)
            os.chmod(tmp, 0o600)
            os.replace(tmp, final)
            fsync_dir(final.parent)
            return StoredBlob(sha, size, final, False)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise

    def put_bytes(self, data: bytes) -> StoredBlob:
        sha = hashlib.sha256(data).hexdigest()
        final = self.path_for(sha)
        if final.exists():
            return StoredBlob(sha, len(data), final, True)
        self.vault.write_bytes(final, data)
        return StoredBlob(sha, len(data), final, False)

    def open(self, sha256: str) -> BinaryIO:
        """The plaintext, seekable; raises FileNotFoundError when the blob is not on this laptop."""
        return self.vault.open(self.path_for(sha256))

    def read_bytes(self, sha256: str) -> bytes:
        return self.vault.read_bytes(self.path_for(sha256))

    def size(self, sha256: str) -> int:
        """The plaintext size (what the server and the records count)."""
        return self.vault.size(self.path_for(sha256))

    def plain_path(self, sha256: str, suffix: str = "") -> Path:
        """A path holding the plaintext, for consumers that need one (see FileVault.plain_path)."""
        return self.vault.plain_path(self.path_for(sha256), suffix)

    def verify(self, sha256: str) -> bool:
        path = self.path_for(sha256)
        if not path.exists():
            return False
        digest = hashlib.sha256()
        try:
            with self.vault.open(path) as f:
                while chunk := f.read(CHUNK):
                    digest.update(chunk)
        except ValueError:  # SealedFileError: damaged or truncated
            return False
        return digest.hexdigest() == sha256
