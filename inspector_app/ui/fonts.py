"""Make Chinese render on a machine without CJK fonts: register the Noto Sans SC build with Qt."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from inspector_app import fonts as font_build

log = logging.getLogger(__name__)


def register(fontset: font_build.FontSet) -> str | None:
    family = None
    for path in (fontset.regular, fontset.bold):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("Qt refused font %s", path)
            continue
        families = QFontDatabase.applicationFontFamilies(font_id)
        family = family or (families[0] if families else None)
    return family


def apply(app: QApplication, family: str) -> None:
    font = QFont(family)
    font.setPointSize(max(app.font().pointSize(), 10))
    app.setFont(font)


def ensure(app: QApplication, cache_dir: Path, run_in_background: Callable[..., None]) -> None:
    """Use the built fonts now if present; otherwise build them off the GUI thread and apply when ready."""
    fontset = font_build.cached_fonts(cache_dir)
    if fontset is not None:
        family = register(fontset)
        if family:
            apply(app, family)
        return

    def built(fs: font_build.FontSet) -> None:
        family = register(fs)
        if family:
            apply(app, family)

    run_in_background(lambda: font_build.ensure_fonts(cache_dir), built)
