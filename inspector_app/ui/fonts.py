"""Make Chinese render on a machine without CJK fonts, without making the first window wait for a font build.

The static Noto Sans SC Regular/Bold (built once, ui-independent: inspector_app/fonts.py) are what the interface
and the PDF records use. On the very first start they do not exist yet: then the interface registers the
installed variable ``NotoSansSC[wght].ttf`` as a stand-in (Qt 6 renders a variable font at the requested weight;
about 70 ms, no build), the static fonts build in the background while the window is already in use, and the
status bar says so; when they are built they replace the stand-in at once (no restart). The packaged app ships the
static fonts, built at packaging time, so it never builds.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QHeaderView

from inspector_app import fonts as font_build

log = logging.getLogger(__name__)


# the fonts registered before the main window (`for_first_window`, `prewarm`): `ensure` uses them instead of adding
# the same files to the font database a second time; their font ids, so a stand-in can be removed when replaced
_prewarmed: dict[tuple[Path, ...], str] = {}
_prewarmed_ids: dict[tuple[Path, ...], list[int]] = {}
# set by `apply` (the main window's font): the main window has been laid out with it, so a `prewarm` still queued
# behind a fast password (its timer fires after the frame is built) has nothing left to warm
_applied: list[str] = []
# what the main window's first layout and paint draw: menus, buttons, headers, digits
_SAMPLE = "检查清单文件编辑视图帮助同步签名证据问题机构状态医保基金现场 0123456789 ABCabc（）、。…"


def _register_once(paths: tuple[Path, ...]) -> str | None:
    family = _prewarmed.get(paths)
    if family:
        return family
    ids: list[int] = []
    family = register(paths, ids)
    if family:
        _prewarmed[paths], _prewarmed_ids[paths] = family, ids
    return family


def for_first_window(app: QApplication, cache_dir: Path) -> None:
    """Before the sign-in or first-start dialog: the officers' names in it are Chinese, and on a machine without a
    CJK system font (a fresh Linux install, a container) Qt draws them as boxes unless the interface font is
    registered and set first. The static fonts when they are built (≈ 3 ms to register), on the very first start
    the variable stand-in (≈ 70 ms, see `ensure`); nothing is built here."""
    cached = font_build.cached_fonts(cache_dir)
    if cached is not None:
        paths: tuple[Path, ...] = (cached.regular, cached.bold)
    else:
        try:
            paths = (font_build.source_font(),)
        except font_build.FontBuildError:
            log.warning("no Chinese font for the sign-in dialog until the PDF fonts are built")
            return
    family = _register_once(paths)
    if family:
        _set_font(app, family)  # not `apply`: the main window is not built yet, `prewarm` still has work to do


def prewarm(app: QApplication, cache_dir: Path) -> None:
    """On the GUI thread while the sign-in dialog waits for the password: draw a sample in the interface font
    (registered by `for_first_window`, or here), regular and bold, so the glyphs of the main window's menus, buttons
    and headers are loaded before its first layout and paint, which otherwise load them right after the password.
    Nothing shown changes."""
    if _applied:
        return  # too late: the main window is built already (the password came before this timer)
    cached = font_build.cached_fonts(cache_dir)
    if cached is None:
        return  # a first start: `ensure` registers the stand-in and starts the build
    family = _register_once((cached.regular, cached.bold))
    if not family:
        return
    from PySide6.QtGui import QImage, QPainter  # only when there is time to warm (not with a fast password)

    image = QImage(8, 8, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    try:
        for bold in (False, True):
            font = QFont(family)
            font.setPointSize(max(app.font().pointSize(), 10))
            font.setBold(bold)
            painter.setFont(font)
            painter.drawText(0, 6, _SAMPLE)
    finally:
        painter.end()


def register(paths: tuple[Path, ...], ids: list[int] | None = None) -> str | None:
    family = None
    for path in paths:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("Qt refused font %s", path)
            continue
        if ids is not None:
            ids.append(font_id)
        families = QFontDatabase.applicationFontFamilies(font_id)
        family = family or (families[0] if families else None)
    return family


def _set_font(app: QApplication, family: str) -> None:
    font = QFont(family)
    font.setPointSize(max(app.font().pointSize(), 10))
    app.setFont(font)


def apply(app: QApplication, family: str) -> None:
    """The main window's font (and any later change of it): headers are measured again."""
    _set_font(app, family)
    _applied[:] = [family]
    fit_headers(app)


def fit_headers(app: QApplication) -> None:
    """After a font change, table headers sized for the old font would clip their titles (应追回金额（元）):
    sections sized to contents are measured again, and no other section stays narrower than its title."""
    for widget in app.allWidgets():
        if isinstance(widget, QHeaderView) and widget.orientation() == Qt.Orientation.Horizontal:
            widget.resizeSections()
            for section in range(widget.count()):
                if widget.sectionResizeMode(section) == QHeaderView.ResizeMode.Interactive:
                    wanted = widget.sectionSizeFromContents(section).width()
                    if widget.sectionSize(section) < wanted:
                        widget.resizeSection(section, wanted)


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
    family = _register_once(ui_files) if ui_files else None  # registered once per process, whoever comes first
    stand_in = _prewarmed_ids.get(ui_files, []) if cached is None else []
    if family:
        apply(app, family)
    if cached is not None:
        return False
    if not ui_files:
        log.warning("no Chinese font for the interface until the PDF fonts are built")

    def built(fontset: font_build.FontSet) -> None:
        # The static fonts replace the stand-in the moment they exist (not at the next start): the variable font
        # draws lighter strokes and stray artefacts on xcb. The stand-in is removed first, or Qt would keep
        # matching the family to it.
        for font_id in stand_in:
            QFontDatabase.removeApplicationFont(font_id)
        _prewarmed.pop(ui_files, None)
        _prewarmed_ids.pop(ui_files, None)
        late = register((fontset.regular, fontset.bold))
        if late:
            apply(app, late)
        if on_built is not None:
            on_built(fontset)

    run_in_background(lambda: font_build.ensure_fonts(cache_dir, jobs=2), built, on_failed)
    return True
