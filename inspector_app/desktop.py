"""Entry of the desktop app (`inspector` without a command): the first window (sign-in) comes up before the
database layer is imported. inspector_app.app — SQLAlchemy, the ORM, every service — is imported on a worker while
the officer types the password, and the context is built off the UI thread after it (ui/launch.py). Kept apart from
app.py, whose module imports the whole core; this module imports no Qt itself (the ui package does)."""

from __future__ import annotations

import importlib
from typing import Any


def _warm() -> None:
    importlib.import_module("inspector_app.app")
    from sqlalchemy.orm import configure_mappers

    configure_mappers()  # the ORM's mapping step, otherwise done by the first query after the password


def launch_gui(data_dir: str | None = None, lang: str | None = None) -> int:
    from inspector_app import startup_gc

    startup_gc.pause()  # until the window's collector takes over; back on below if no window came
    try:
        return _launch(data_dir, lang)
    finally:
        startup_gc.resume()


def _launch(data_dir: str | None, lang: str | None) -> int:
    from inspector_app.paths import resolve_paths
    from inspector_app.ui.launch import run

    def build(key: bytes | None) -> Any:
        from inspector_app.app import build_context

        return build_context(data_dir, workspace_key=key)

    # sign-in dialog → unlock (off the UI thread) → build_context(..., workspace_key=key) on a worker → window
    return run(build, lang=lang, paths=resolve_paths(data_dir), warm=_warm)
