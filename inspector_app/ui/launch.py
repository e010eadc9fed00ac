"""Start the desktop app: QApplication, language, fonts, settings, task runner, then the main window.

`build_window` is the UI composition root (used by `run`, the screenshot command and the GUI tests)."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QApplication, QMessageBox

from inspector_app import fonts as font_build
from inspector_app.services.context import Actor
from inspector_app.ui import fonts as ui_fonts
from inspector_app.ui.i18n import default_language, install_translators
from inspector_app.ui.main_window import MainWindow
from inspector_app.ui.operations import Operations
from inspector_app.ui.settings import UiSettings
from inspector_app.ui.sync_controller import SyncController
from inspector_app.ui.tasks import GuiGarbageCollector, TaskRunner

log = logging.getLogger(__name__)


def qt_app() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv)
    app.setApplicationName("inspector-app")
    app.setApplicationDisplayName("医保基金现场检查")
    app.setOrganizationName("inspector-app")
    return app


def choose_actor(context: Any, settings: UiSettings) -> Actor | None:
    officers = {o.id: o for o in context.roster.officers()}
    chosen = settings.officer_id()
    if chosen not in officers:
        from inspector_app.ui.dialogs.officer_dialog import OfficerDialog

        if not officers:
            return Actor(name="本机用户")
        dialog = OfficerDialog(list(officers.values()))
        if not dialog.exec() or dialog.chosen_id() is None:
            return None
        chosen = dialog.chosen_id()
        assert chosen is not None
        settings.set_officer_id(chosen)
    officer = officers[chosen]
    return Actor(name=officer.name, officer_id=officer.id)


def build_window(context: Any, actor: Actor, language: str, settings: UiSettings | None = None,
                 runner: TaskRunner | None = None) -> MainWindow:
    app = qt_app()
    settings = settings or UiSettings(context.paths.settings_file)
    runner = runner or TaskRunner(app)
    shown: list[MainWindow] = []  # the font callbacks arrive on the GUI thread after the window exists
    building = ui_fonts.ensure(app, font_build.default_cache_dir(), runner.background,
                               on_built=lambda _fs: shown and shown[0].fonts_ready(),
                               on_failed=lambda exc: shown and shown[0].fonts_failed(exc))
    ops = Operations(context, runner, actor, app)
    sync = SyncController(context, settings.server_url(), app)
    window = MainWindow(ops, settings, language, sync=sync)
    shown.append(window)
    if building:
        window.fonts_building()
    collector = GuiGarbageCollector()  # unparented: it must outlive the window to switch collection back on
    collector.start()
    window.closed.connect(collector.stop)
    window.destroyed.connect(collector.stop)
    sync.start()
    return window


def run(build: Callable[[], Any], lang: str | None = None) -> int:
    app = qt_app()
    try:
        context = build()
    except Exception as exc:  # noqa: BLE001 - shown to the user, then exit
        QMessageBox.critical(None, "医保基金现场检查", str(exc))
        return 2
    settings = UiSettings(context.paths.settings_file)
    language = lang or settings.language() or default_language()
    translators = install_translators(app, language, context.paths.cache_dir)
    actor = choose_actor(context, settings)
    if actor is None:
        context.close()
        return 0
    window = build_window(context, actor, language, settings)
    window.show()
    try:
        return app.exec()
    finally:
        del translators
        context.close()
