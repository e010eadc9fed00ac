"""Progress of a signature being made on the writer thread, shown on the GUI thread as a window-modal dialog.

With `cancellable=True` it has a Cancel button that sets `cancel_event`: the service then stops the signing child
process (records/worker_process.py) — rendering and signing there write nothing, so a cancel before the result
comes back leaves nothing half-done. Without it (signatures made inline), no Cancel button is offered."""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget


class ProgressRelay(QObject):
    """Carries the service's progress callback (called on the writer thread) to the GUI thread as a queued signal."""

    progress = Signal(int, str)

    def report(self, percent: int, text: str) -> None:
        self.progress.emit(percent, text)


class SigningProgress:
    def __init__(self, parent: QWidget, object_name: str, title: str = "", cancellable: bool = False):
        self._parent, self._name, self._title = parent, object_name, title
        self.cancellable = cancellable
        self.cancel_event = threading.Event()
        self.dialog: QProgressDialog | None = None
        self.log: list[tuple[int, str]] = []  # as received on the GUI thread
        # No parent: the owner keeps it alive, and the writer thread may still call it after the dialog closed.
        self.relay = ProgressRelay()
        self.relay.progress.connect(self._show, Qt.ConnectionType.QueuedConnection)

    @property
    def report(self):  # type: ignore[no-untyped-def]
        """The callback to hand to the service (safe from any thread)."""
        return self.relay.report

    def start(self, label: str) -> None:
        self.end()
        self.log.clear()
        self.cancel_event = threading.Event()  # a fresh one per signature: the service holds the one it was given
        d = QProgressDialog(label, "", 0, 100, self._parent)
        d.setObjectName(self._name)
        if self._title:
            d.setWindowTitle(self._title)
        if self.cancellable:
            d.setCancelButtonText(QCoreApplication.translate("SigningProgress", "Cancel"))
            d.canceled.connect(self._cancel)
        else:
            d.setCancelButton(None)
        d.setWindowModality(Qt.WindowModality.WindowModal)
        d.setMinimumDuration(0)
        d.setAutoClose(False)
        d.setValue(0)
        self.dialog = d

    def _cancel(self) -> None:
        self.cancel_event.set()
        if self.dialog is not None:
            self.dialog.setLabelText(QCoreApplication.translate("SigningProgress", "Cancelling…"))

    @Slot(int, str)
    def _show(self, percent: int, text: str) -> None:
        self.log.append((percent, text))
        if self.dialog is not None:
            self.dialog.setLabelText(text)
            self.dialog.setValue(percent)

    def end(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
