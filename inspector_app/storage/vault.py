"""Every workspace file other than the database goes through one FileVault: sealed (storage/sealed.py) when the
workspace has a key, plain otherwise — so consumers never branch on encryption.

Readers get plaintext as a seekable file object (`open`), as bytes (`read_bytes`), or — for consumers that need a
path (Qt image loading, the PDF viewer, copying out an export) — as a decrypted copy in a private temp folder
(`plain_path`): mode 0700, in RAM (/dev/shm) where the system has it, named after the process, wiped by `close()`
and at exit; folders left by a killed process are wiped at the next start. A plain workspace hands out its own paths.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import shutil
import tempfile
import threading
from pathlib import Path
from typing import BinaryIO

from inspector_app.storage.atomic import fsync_dir
from inspector_app.storage.sealed import HEADER, SealReader, SealWriter, SealedFileError, is_sealed
from inspector_app.storage.sqlcipher import derive

TEMP_PREFIX = "inspector-plain-"

__all__ = ["FileVault", "SealedFileError"]


def _temp_base() -> str:
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else tempfile.gettempdir()


def wipe_stale_temp() -> None:
    """Remove private temp folders of processes that no longer run (killed before they could wipe them)."""
    for d in Path(_temp_base()).glob(f"{TEMP_PREFIX}*"):
        try:
            pid = int(d.name[len(TEMP_PREFIX):].split("-")[0])
            if d.stat().st_uid != os.getuid():
                continue
            os.kill(pid, 0)
        except ProcessLookupError:
            shutil.rmtree(d, ignore_errors=True)
        except (ValueError, OSError):
            continue


def file_key(workspace_key: bytes) -> bytes:
    """The AES-256-GCM key of the workspace's files (HKDF of the workspace key; the database has its own)."""
    return derive(workspace_key, b"files")


class FileVault:
    def __init__(self, workspace_key: bytes | None):
        self._key = None if workspace_key is None else file_key(workspace_key)
        self._temp: Path | None = None
        self._copies: dict[Path, tuple[int, int]] = {}
        self._lock = threading.Lock()

    @property
    def encrypted(self) -> bool:
        return self._key is not None

    # ------------------------------------------------------------------ writing

    def writer(self, out: BinaryIO) -> BinaryIO:
        """Wrap an open binary file: what is written to the result lands in `out` sealed (or as is). Close the
        result before fsyncing `out`."""
        if self._key is None:
            return _Passthrough(out)  # type: ignore[return-value]
        return SealWriter(out, self._key)  # type: ignore[return-value]

    def write_bytes(self, target: Path, data: bytes, mode: int = 0o600) -> Path:
        """Temp file in the target folder, fsync, rename, fsync of the folder: the old file or the new one."""
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".incoming-", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as out:
                with self.writer(out) as w:
                    w.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(tmp, mode)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        fsync_dir(target.parent)
        return target

    # ------------------------------------------------------------------ reading

    def open(self, path: Path) -> BinaryIO:
        raw = open(path, "rb")
        if self._key is None:
            return raw
        try:
            return SealReader(raw, self._key, Path(path).name)  # type: ignore[return-value]
        except BaseException:
            raw.close()
            raise

    def read_bytes(self, path: Path) -> bytes:
        with self.open(path) as f:
            return f.read()

    def size(self, path: Path) -> int:
        if self._key is None:
            return Path(path).stat().st_size
        with self.open(path) as f:
            return f.size  # type: ignore[attr-defined,no-any-return]

    def plain_path(self, path: Path, suffix: str = "") -> Path:
        """A path whose bytes are the plaintext of `path`: itself when plain, else a private decrypted copy."""
        if self._key is None:
            return Path(path)
        st = Path(path).stat()
        stamp = (st.st_mtime_ns, st.st_size)
        with self._lock:
            folder = self._temp_dir()
        # one stable name per source file (a hash of its path, which reveals nothing the path does not)
        copy = folder / (hashlib.sha256(str(path).encode()).hexdigest()[:32] + (suffix or Path(path).suffix))
        with self._lock:
            if self._copies.get(copy) == stamp and copy.exists():
                return copy
        fd, name = tempfile.mkstemp(prefix=".p-", dir=folder)
        try:
            with os.fdopen(fd, "wb") as out, self.open(path) as src:
                shutil.copyfileobj(src, out, 1 << 20)
            os.replace(name, copy)  # a viewer holding the previous copy keeps its own inode
        except BaseException:
            Path(name).unlink(missing_ok=True)
            raise
        with self._lock:
            self._copies[copy] = stamp
        return copy

    def _temp_dir(self) -> Path:
        if self._temp is None or not self._temp.exists():
            wipe_stale_temp()
            self._temp = Path(tempfile.mkdtemp(prefix=f"{TEMP_PREFIX}{os.getpid()}-", dir=_temp_base()))
            atexit.register(shutil.rmtree, self._temp, True)
        return self._temp

    def close(self) -> None:
        with self._lock:
            if self._temp is not None:
                shutil.rmtree(self._temp, ignore_errors=True)
            self._temp = None
            self._copies.clear()

    # ------------------------------------------------------------------ conversion support

    @staticmethod
    def is_sealed_file(path: Path) -> bool:
        with open(path, "rb") as f:
            return is_sealed(f.read(HEADER))


class _Passthrough:
    """The plain vault's writer: writes go straight to the file; closing leaves the file open for fsync."""

    def __init__(self, out: BinaryIO):
        self._out = out

    def write(self, data: bytes) -> int:
        return self._out.write(data)

    def __enter__(self) -> "_Passthrough":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._out.flush()
