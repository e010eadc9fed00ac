"""Progress of a signature being made on the writer thread, shown on the GUI thread as a window-modal dialog
without a cancel button (a signature half-written cannot be cancelled safely)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget


class ProgressRelay(QObject):
    """Carries the service's progress callback (called on the writer thread) to the GUI thread as a queued signal."""

    progress = Signal(int, str)

    def report(self, percent: int, text: str) -> None:
        self.progress.emit(percent, text)


class SigningProgress:
    def __init__(self, parent: QWidget, object_name: str, title: str = ""):
        self._parent, self._name, self._title = parent, object_name, title
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
        d = QProgressDialog(label, "", 0, 100, self._parent)
        d.setObjectName(self._name)
        if self._title:
            d.setWindowTitle(self._title)
        d.setCancelButton(None)
        d.setWindowModality(Qt.WindowModality.WindowModal)
        d.setMinimumDuration(0)
        d.setAutoClose(False)
        d.setValue(0)
        self.dialog = d

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
