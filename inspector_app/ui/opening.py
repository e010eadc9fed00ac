"""The workspace opens behind the main window's frame (ui/launch.py `run`): the frame is shown right after the
password; once it has painted, a worker opens the workspace (the database layer's imports, the ORM's mapping,
the database and its migrations check); the services are attached on the GUI thread when it is done."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from inspector_app.ui import warming
from inspector_app.ui.errors import plain_message

log = logging.getLogger(__name__)


class WorkspaceOpening(QObject):
    """`open_workspace` runs on a worker started after the window's first paint; `attach(window, context)` runs on
    the GUI thread with its result. An error is shown and the app quits with exit code 2."""

    def __init__(self, window: Any, open_workspace: Callable[[], Any], attach: Callable[[Any, Any], None],
                 title: str, after_paint: Callable[[], None] | None = None):
        super().__init__(window)
        self.window, self.title = window, title
        self._after_paint = after_paint  # the rest of the frame (the list page), before the worker starts
        self._open, self._attach = open_workspace, attach
        self.opened: dict[str, Any] = {}
        self.exit_code = 0
        self._worker = threading.Thread(target=self._work, name="open-workspace", daemon=True)
        self._poll = QTimer(self, interval=20)
        self._poll.timeout.connect(self._check)
        self._started = False

    def start_after_paint(self) -> None:
        """Start once the frame has painted — painting while the worker imports would share the GIL with it,
        stretching the first paint into a stall — or after 300 ms at the latest (a hidden or minimised window
        may not paint at all)."""
        self.window.installEventFilter(self)
        QTimer.singleShot(300, self, self._start)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.window and event.type() == QEvent.Type.Paint and not self._started:
            QTimer.singleShot(0, self, self._start)  # after this paint is done and flushed
        return False

    def _start(self) -> None:
        if self._started:
            return
        self._started = True
        self.window.removeEventFilter(self)
        if self._after_paint is not None:
            try:
                self._after_paint()
            except Exception:  # noqa: BLE001 - the workspace must still open (and its sign-in be written)
                log.exception("the rest of the frame could not be made")
        warming.release()  # the warming held since the password may go on as well
        self._worker.start()
        self._poll.start()

    def _work(self) -> None:
        try:
            self.opened["context"] = warming.exclusive(self._open)
            warming.warm_ui_imports()  # the inspection page, made a moment after the list fills
        except BaseException as exc:  # noqa: BLE001 - shown on the GUI thread
            self.opened["error"] = exc

    def _check(self) -> None:
        if self._worker.is_alive():
            return
        self._poll.stop()
        if "error" in self.opened:
            from PySide6.QtWidgets import QMessageBox  # an error/about box: its type (≈ 1 ms) not made at every start

            QMessageBox.critical(self.window, self.title, plain_message(self.opened["error"]))
            self.exit_code = 2
            # hide, not close: a close would post a quit of its own (last window closed) beside this exit's, and
            # the one left over would end the next event loop of the process at once
            self.window.hide()
            QApplication.exit(2)
            return
        self._attach(self.window, self.opened["context"])

    def finish(self) -> None:
        """After the event loop: a window closed before the workspace was open still has its queued writes (the
        sign-in and sign-out for the journal) done, then everything queued is written."""
        ops = self.window.ops
        if not ops.ready:
            if not self._started:
                self._start()
            self._worker.join()
            self._poll.stop()
            if "context" in self.opened:
                try:
                    ops.attached.disconnect()  # the closed window fills nothing
                except (RuntimeError, TypeError):
                    pass
                ops.attach(self.opened["context"])
        ops.runner.wait()

    def close(self) -> None:
        if "context" in self.opened:
            self.opened["context"].close()
