"""Durable file writes for the storage layer: the project's one implementation lives in inspector_app.fileio
(temp file → fsync → rename → fsync of the folder, owner-only modes)."""

from __future__ import annotations

from pathlib import Path

from inspector_app.fileio import PRIVATE_FILE, atomic_write, fsync_dir

__all__ = ["fsync_dir", "write_bytes"]


def write_bytes(target: Path, data: bytes, mode: int | None = None) -> Path:
    """Write `data` to `target` so that a crash leaves either the old file or the complete new one (0600)."""
    return atomic_write(target, data, PRIVATE_FILE if mode is None else mode)
