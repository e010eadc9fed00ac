"""The first window does not wait for the PDF font build: the interface uses the variable font at once, the
static fonts for PDF records build in the background, and the status bar says so."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest


def test_window_shows_before_the_pdf_fonts_are_built(app, roster, qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtGui import QFontInfo
    from PySide6.QtWidgets import QApplication

    from inspector_app import fonts
    from inspector_app.services.context import Actor
    from inspector_app.ui.launch import build_window

    empty = tmp_path / "no-fonts-yet"
    monkeypatch.setenv("INSPECTOR_FONT_CACHE", str(empty))
    release = threading.Event()
    started: list[Path] = []
    built = fonts.FontSet(regular=empty / fonts.REGULAR_FILE, bold=empty / fonts.BOLD_FILE, licence=empty / "OFL.txt")

    def slow_build(cache_dir: Path, progress: Any = None, **kw: Any) -> fonts.FontSet:
        started.append(Path(cache_dir))
        assert release.wait(30), "the test never released the build"
        return built

    monkeypatch.setattr(fonts, "ensure_fonts", slow_build)
    o = roster["officers"][0]
    window = build_window(app, Actor(o.name, o.id), "en")  # returns while the build is still running
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: started == [empty])
    assert "Preparing the Chinese fonts" in window.statusBar().currentMessage()
    assert QFontInfo(QApplication.font()).family() == fonts.FAMILY  # Chinese renders already
    release.set()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Fonts for PDF records ready")
    window.ops.runner.wait()


def test_the_built_static_fonts_replace_the_variable_stand_in_at_once(app, roster, qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The first start's stand-in (the variable font, which Qt registers as its Thin default instance: light,
    uneven strokes) is removed and the static Regular/Bold take over as soon as they are built, not at the next
    start; table headers are measured again for the new font."""
    import shutil

    from PySide6.QtGui import QFontDatabase

    from inspector_app import fonts
    from inspector_app.services.context import Actor
    from inspector_app.ui.launch import build_window

    static = fonts.ensure_fonts(fonts.default_cache_dir())  # built once per machine (the packaged app ships them)
    empty, ready = tmp_path / "no-fonts-yet", tmp_path / "built"
    ready.mkdir()
    built = fonts.FontSet(regular=Path(shutil.copy(static.regular, ready)), bold=Path(shutil.copy(static.bold, ready)),
                          licence=Path(shutil.copy(static.licence, ready)))
    monkeypatch.setenv("INSPECTOR_FONT_CACHE", str(empty))
    release = threading.Event()
    monkeypatch.setattr(fonts, "ensure_fonts", lambda *a, **k: (release.wait(30), built)[1])
    o = roster["officers"][0]
    window = build_window(app, Actor(o.name, o.id), "en")
    qtbot.addWidget(window)
    window.show()
    assert "Thin" in QFontDatabase.styles(fonts.FAMILY)  # the stand-in
    release.set()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Fonts for PDF records ready")
    assert sorted(QFontDatabase.styles(fonts.FAMILY)) == ["Bold", "Regular"]
    header = window.inspection_page.findings.view.horizontalHeader()
    assert all(header.sectionSize(c) >= header.sectionSizeFromContents(c).width() for c in range(header.count()))
    window.ops.runner.wait()


def test_no_build_and_no_note_when_the_fonts_are_current(window, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    assert "Preparing" not in window.statusBar().currentMessage()


def test_the_sign_in_dialog_gets_the_chinese_font_before_it_shows(app, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """On a machine without a CJK system font (a fresh Linux install: `fc-list :lang=zh` prints nothing) the
    officers' names in the sign-in dialog were drawn as boxes: the interface font was set only with the main
    window. `run` sets it before the first dialog, from the built fonts or, on a first start, the stand-in."""
    from PySide6.QtGui import QFont, QFontInfo, QFontMetrics
    from PySide6.QtWidgets import QApplication

    from inspector_app import fonts
    from inspector_app.paths import resolve_paths
    from inspector_app.ui import launch

    seen: list[tuple[str, bool]] = []

    def fake_sign_in(*_a: Any, **_k: Any) -> None:
        font = QApplication.font()
        seen.append((QFontInfo(font).family(), QFontMetrics(font).inFontUcs4(ord("谭"))))
        return None  # the officer cancels: `run` quits

    class Keys:
        def __init__(self, _path: Path) -> None: ...

        def initialised(self) -> bool:
            return True

    walked: list[Any] = []
    monkeypatch.setattr(launch, "sign_in", fake_sign_in)
    monkeypatch.setattr(launch, "WorkspaceKeys", Keys)
    monkeypatch.setattr("inspector_app.fileio.secure_tree", lambda root: walked.append(root) or 0)
    for cache in (fonts.default_cache_dir(), tmp_path / "no-fonts-yet"):  # built; a first start's stand-in
        monkeypatch.setenv("INSPECTOR_FONT_CACHE", str(cache))
        QApplication.setFont(QFont("DejaVu Sans"))
        assert launch.run(lambda _key: None, "zh_CN", resolve_paths(tmp_path / "ws")) == 0
    assert seen == [(fonts.FAMILY, True), (fonts.FAMILY, True)]
    assert walked == []  # nor does the first window wait for a walk through the workspace (build_context walks)


def test_a_prewarm_after_the_font_is_applied_does_nothing(window, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """The sign-in dialog queues `prewarm` 100 ms after it shows; a password typed faster brings the main window
    (which registers and applies the font itself) before it fires, and it must not register and draw again."""
    from PySide6.QtWidgets import QApplication

    from inspector_app import fonts
    from inspector_app.ui import fonts as ui_fonts

    assert ui_fonts._applied  # the window fixture applied the interface font
    registered: list[Any] = []
    monkeypatch.setattr(ui_fonts, "register", lambda *a, **k: registered.append(a) or "x")
    ui_fonts.prewarm(QApplication.instance(), fonts.default_cache_dir())  # type: ignore[arg-type]
    assert registered == []


def test_no_font_prewarm_while_the_password_is_checked(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """The key derivation and the frame come first once the password is submitted (warming held): the prewarm
    waits, and runs after a wrong password lets the warming go on."""
    from PySide6.QtWidgets import QApplication

    from inspector_app.ui import fonts as ui_fonts
    from inspector_app.ui import launch, warming

    calls: list[Any] = []
    monkeypatch.setattr(ui_fonts, "prewarm", lambda *a: calls.append(a))
    app = QApplication.instance()
    warming.hold()
    try:
        launch._prewarm_font(app)  # type: ignore[arg-type]
        qtbot.wait(50)
        assert calls == []
    finally:
        warming.release()  # as a wrong password does
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=2000)
