"""The one durable, owner-only file write of the project (client, server and fonts), dependency-free.

Rules (issue 12 item 3): the workspace holds patients' data, signing keys and a live server token, so every
directory in it is 0700 and every file 0600 — on creation (`private_umask`, explicit modes below) and fixed on
every start (`secure_tree`, for workspaces made by older versions or copied in with other modes). A durable write
goes temp file in the same directory → write → fsync → rename → fsync of the directory, so a crash leaves either
the old file or the complete new one, never half of it, and no reader ever sees a partial file.

On Windows, files under the user's profile are private to the user by default and POSIX modes mean little; the
calls below are harmless there (chmod only toggles the read-only flag), and directory fsync is skipped.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
PRIVATE_UMASK = 0o077


def private_umask() -> int:
    """Make everything this process creates from now on owner-only (SQLite's database, WAL and SHM files, Qt's
    settings, temporary exports...). Returns the previous mask."""
    return os.umask(PRIVATE_UMASK)


def fsync_dir(directory: Path) -> None:
    """Make a rename in `directory` durable. Not possible on Windows (NTFS journals the rename itself)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def ensure_private_dir(directory: Path) -> Path:
    """Create `directory` (and missing parents) as 0700; an existing one is narrowed to 0700 too."""
    directory = Path(directory)
    directory.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        if stat.S_IMODE(directory.stat().st_mode) != PRIVATE_DIR:
            os.chmod(directory, PRIVATE_DIR)
    return directory


def atomic_write(target: Path, data: bytes | Callable[[BinaryIO], object], mode: int = PRIVATE_FILE) -> Path:
    """Write `data` (bytes, or a function writing to the open file) to `target` durably, with `mode`."""
    target = Path(target)
    target.parent.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)  # 0600 from birth
    try:
        with os.fdopen(fd, "wb") as out:
            if callable(data):
                data(out)
            else:
                out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if mode != PRIVATE_FILE:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(target.parent)
    return target


def write_text(target: Path, text: str, mode: int = PRIVATE_FILE) -> Path:
    return atomic_write(target, text.encode("utf-8"), mode)


def secure_tree(root: Path) -> int:
    """Narrow every directory under `root` (itself included) to 0700 and every file to 0600. Symlinks are not
    followed (a link out of the workspace must not make us chmod someone else's file). Only entries whose mode
    is wrong are touched, so a start on a large, already private workspace costs one stat per entry.
    Returns how many entries were changed."""
    root = Path(root)
    if os.name != "posix" or not root.is_dir():
        return 0
    changed = 0

    def fix(path: str, st_mode: int, wanted: int) -> None:
        nonlocal changed
        if stat.S_IMODE(st_mode) != wanted:
            with contextlib.suppress(OSError):
                os.chmod(path, wanted)
                changed += 1

    fix(str(root), root.stat().st_mode, PRIVATE_DIR)
    stack = [str(root)]
    while stack:
        with contextlib.suppress(OSError), os.scandir(stack.pop()) as it:
            for entry in it:
                try:
                    st = entry.stat(follow_symlinks=False)
                except OSError:
                    continue
                if stat.S_ISLNK(st.st_mode):
                    continue
                if stat.S_ISDIR(st.st_mode):
                    fix(entry.path, st.st_mode, PRIVATE_DIR)
                    stack.append(entry.path)
                elif stat.S_ISREG(st.st_mode):
                    fix(entry.path, st.st_mode, PRIVATE_FILE)
    return changed


@contextlib.contextmanager
def exclusive_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (created owner-only) across processes; closing the file releases it,
    also when the holder dies. Where there is no flock (Windows) it holds nothing: callers must stay safe without
    it (atomic replaces), the lock only saves repeated work."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)
