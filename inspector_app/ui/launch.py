"""Start the desktop app: QApplication, fonts, translators, then the main window on a built AppContext."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox


def run(build: Callable[[], Any], lang: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("医保基金现场检查")
    app.setOrganizationName("inspector-app")
    try:
        context = build()
    except Exception as exc:  # noqa: BLE001 - shown to the user, then exit
        QMessageBox.critical(None, "医保基金现场检查", str(exc))
        return 2
    window = QMainWindow()
    window.setWindowTitle(f"医保基金现场检查 — {context.paths.data_dir}")
    window.resize(1200, 800)
    window.show()
    try:
        return app.exec()
    finally:
        context.close()
