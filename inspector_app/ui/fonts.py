"""Make Chinese render on a machine without CJK fonts, without making the first window wait for a font build.

The static Noto Sans SC Regular/Bold (built once, ui-independent: inspector_app/fonts.py) are what the interface
and the PDF records use. On the very first start they do not exist yet: then the interface registers the
installed variable ``NotoSansSC[wght].ttf`` as a stand-in (Qt 6 renders a variable font at the requested weight;
about 70 ms, no build), the static fonts build in the background while the window is already in use, and the
status bar says so. The packaged app ships the static fonts, built at packaging time, so it never builds.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from inspector_app import fonts as font_build

log = logging.getLogger(__name__)


def register(paths: tuple[Path, ...]) -> str | None:
    family = None
    for path in paths:
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


def ensure(app: QApplication, cache_dir: Path, run_in_background: Callable[..., None],
           on_built: Callable[[object], None] | None = None,
           on_failed: Callable[[BaseException], None] | None = None) -> bool:
    """Give the interface its Chinese font now; start building the PDF fonts in the background if they are not
    current. Returns True when a build was started (`on_built(fontset)` / `on_failed(exc)` follow on the GUI
    thread), False when the PDF fonts are ready already."""
    cached = font_build.cached_fonts(cache_dir)
    ui_files: tuple[Path, ...] = ()
    if cached is not None:
        # The static instances when they exist: on xcb with hinting the variable font draws lighter strokes and
        # stray underline-like artefacts under some characters, so it is only the stand-in of the first start.
        ui_files = (cached.regular, cached.bold)
    else:
        try:
            ui_files = (font_build.source_font(),)
        except font_build.FontBuildError:
            pass
    family = register(ui_files) if ui_files else None
    if family:
        apply(app, family)
    if cached is not None:
        return False
    if not ui_files:
        log.warning("no Chinese font for the interface until the PDF fonts are built")

    def built(fontset: font_build.FontSet) -> None:
        if family is None:
            late = register((fontset.regular, fontset.bold))
            if late:
                apply(app, late)
        if on_built is not None:
            on_built(fontset)

    run_in_background(lambda: font_build.ensure_fonts(cache_dir, jobs=2), built, on_failed)
    return True
