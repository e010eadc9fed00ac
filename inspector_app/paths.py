"""Where the app keeps its data. One module; `--data-dir` or INSPECTOR_HOME override the platform defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from inspector_app import fileio

APP_NAME = "inspector-app"
ENV_HOME = "INSPECTOR_HOME"
WORKSPACE_MARKER = ".inspector-workspace"


@dataclass(frozen=True, slots=True)
class AppPaths:
    data_dir: Path
    cache_dir: Path
    config_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / "inspector.sqlite3"

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def blobs_dir(self) -> Path:
        return self.data_dir / "blobs"

    @property
    def thumbnails_dir(self) -> Path:
        return self.cache_dir / "thumbnails"

    @property
    def keys_dir(self) -> Path:
        return self.data_dir / "keys"

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.ini"

    def ensure(self, walk: bool = True) -> "AppPaths":
        """Create the workspace owner-only and fix what an older version or a copy left readable to others
        (issue 12 item 3; fileio.py). From here on the process creates owner-only files. `walk=False` leaves the
        walk through every entry (one stat each: ≈ 30 ms per 10,000 photos) to a later `ensure()`: the desktop's
        start does so before its sign-in dialog, and opening the workspace after the password walks on a worker."""
        fileio.private_umask()
        # Walk the whole data folder only when the app created it (the marker): a --data-dir pointed at a folder
        # holding other things (or a workspace of an older version) gets only the app's own entries narrowed.
        marker = self.data_dir / WORKSPACE_MARKER
        fresh = not self.data_dir.exists() or not any(self.data_dir.iterdir())
        for d in (self.data_dir, self.cache_dir, self.config_dir, self.backups_dir, self.blobs_dir):
            fileio.ensure_private_dir(d)
        if fresh:
            fileio.write_text(marker, "inspector-app workspace: every entry here is the app's (owner-only)\n")
        if not walk:
            return self
        ours = marker.exists()
        if ours:
            roots = [self.data_dir, self.cache_dir, self.config_dir]
        else:
            roots = [self.cache_dir, self.config_dir, self.backups_dir, self.blobs_dir, self.keys_dir]
            for f in self.data_dir.glob(self.database.name + "*"):
                fileio.secure_tree(f) if f.is_dir() else os.chmod(f, fileio.PRIVATE_FILE)
        for d in dict.fromkeys(roots):
            fileio.secure_tree(d)
        return self


def resolve_paths(data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
    """--data-dir wins, then INSPECTOR_HOME, then the platform's user directories."""
    base = data_dir or os.environ.get(ENV_HOME)
    if base:
        root = Path(base).expanduser().resolve()
        return AppPaths(data_dir=root, cache_dir=root / "cache", config_dir=root / "config")
    return AppPaths(
        data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        cache_dir=Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
        config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
    )
