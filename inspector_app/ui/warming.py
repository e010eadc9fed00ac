"""Imports done ahead on a worker thread, so the GUI thread never waits on them after the password.

While the sign-in dialog waits, a warming thread imports, in this order: the main window's frame (shown right
after the password), then the database layer and services (`warm`, ~300 ms of SQLAlchemy and the ORM), then the
inspection page and Qt Multimedia. Once the password is submitted the heavy steps are HELD (`hold`): the key
derivation, the frame's build and its first paint come first, and an import on another thread would share the GIL
with them; `release` (after the frame has painted) lets the remaining steps go on. Importing only defines classes:
no widget is made on these threads."""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

# The frame: what `build_frame` needs (≈30-60 ms of imports), and the list page made right after its first paint.
FRAME_MODULES = ("inspector_app.ui.operations", "inspector_app.ui.sync_controller", "inspector_app.ui.lock",
                 "inspector_app.ui.main_window", "inspector_app.ui.pages.inspections_page")
# The inspection page (built a moment after the list fills) and the evidence page's camera check.
PAGE_MODULES = ("inspector_app.ui.pages.inspection_page", "PySide6.QtMultimedia")
UI_MODULES = FRAME_MODULES + PAGE_MODULES

_warming = threading.Lock()  # one importing thread at a time: two could meet in a partly initialised module
_go = threading.Event()  # cleared by `hold`: the heavy steps wait
_go.set()


def hold() -> None:
    """The password was submitted: heavy warming waits until the frame has painted (`release`)."""
    _go.clear()


def release() -> None:
    _go.set()


def held() -> bool:
    """The password is being checked, or the frame has not painted yet (`hold` without `release`)."""
    return not _go.is_set()


def _import(names: tuple[str, ...]) -> None:
    for name in names:
        _go.wait(5.0)  # never forever: a frame that never paints must not keep the imports back for good
        try:
            with _warming:
                importlib.import_module(name)
        except Exception:  # noqa: BLE001 - only a head start: the GUI thread imports it again and reports
            log.debug("warming %s failed", name, exc_info=True)  # (QtMultimedia may be absent: no camera)


def exclusive(fn: Callable[[], Any]) -> Any:
    """`fn` (imports, or opening the workspace, which imports the services) while no warming import runs."""
    with _warming:
        return fn()


def warm_frame_imports() -> None:
    """The frame's modules, never held: the frame needs them first."""
    for name in FRAME_MODULES:
        try:
            with _warming:
                importlib.import_module(name)
        except Exception:  # noqa: BLE001 - see `_import`
            log.debug("warming %s failed", name, exc_info=True)


def warm_ui_imports() -> None:
    """Every UI module above, on the calling (worker) thread."""
    warm_frame_imports()
    _import(PAGE_MODULES)


def warm_behind_sign_in(warm: Callable[[], Any] | None) -> None:
    """On a worker while the sign-in dialog waits: the frame, then (unless held) the services, then the pages."""
    warm_frame_imports()
    if warm is not None:
        _go.wait(5.0)
        try:
            exclusive(warm)
        except Exception:  # noqa: BLE001 - only a head start: build() imports the same again and reports
            log.debug("warming imports failed", exc_info=True)
    _import(PAGE_MODULES)
