"""GUI test fixtures: a real MainWindow on a fresh workspace, offscreen."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture
def window(app, roster, qtbot) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    from inspector_app.services.context import Actor
    from inspector_app.ui.launch import build_window

    o = roster["officers"][0]
    w = build_window(app, Actor(o.name, o.id), "en")
    qtbot.addWidget(w)
    w.show()
    yield w
    w.ops.runner.wait()


def settle(qtbot: Any, window: Any) -> None:
    """Let queued writes and reads finish and their results arrive on the GUI thread."""
    window.ops.runner.wait()
    qtbot.wait(50)
    window.ops.runner.wait()
    qtbot.wait(20)


def when_modal(kind: type, action: Any, timeout_ms: int = 10000) -> None:
    """Run `action(dialog)` as soon as a modal dialog of `kind` is open (it may open after an async read);
    reject whatever is open on timeout so a failing test cannot hang in exec()."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    waited = [0]

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            try:
                action(dialog)
            finally:
                if dialog.isVisible():
                    dialog.reject()
            return
        waited[0] += 50
        if waited[0] > timeout_ms:
            if dialog is not None:
                dialog.close()
            return
        QTimer.singleShot(50, poll)

    QTimer.singleShot(0, poll)
