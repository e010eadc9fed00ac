"""File dialogs kept per purpose on the top-level window and reused, instead of QFileDialog's static helpers.

Why: a static helper builds a whole Qt file dialog (a file system model with its gatherer thread, two views, the
completer, the sidebar) on the GUI thread when called, and destroys it after the officer's choice — the destruction
saves the dialog's state through QSettings (a disk write on the GUI thread) and joins the gatherer thread. In the
whole-inspection run the save dialog's close, just before the export, was the last event-loop stall over 100 ms.
A kept dialog is built once (ahead, in idle time: `prepare`), then only shown and hidden; its file system model also
keeps the directories already read, so typing a path the second time reads nothing again. The dialog's state is
saved once, when the window is destroyed.

Each use resets what the static helper would set (title, filters, mode, directory, the proposed name) and clears
the previous choice, so a reused dialog behaves like a new one; `exec()` keeps the callers synchronous as before."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView, QDialog, QFileDialog, QLineEdit, QWidget

# The purposes made ahead (`prepare`): the two file dialogs of an inspection's ordinary course.
EVIDENCE = "evidence"
EXPORT_PDF = "export_pdf"
AHEAD = (EVIDENCE, EXPORT_PDF)


class FileDialogs(QObject):
    """The kept dialogs of one top-level window (a child of it: they go with it)."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setObjectName("file_dialogs")
        self.window = window
        self.dialogs: dict[str, QFileDialog] = {}

    @staticmethod
    def of(widget: QWidget) -> FileDialogs:
        window = widget.window()
        found = window.findChild(FileDialogs, "file_dialogs")
        return found if isinstance(found, FileDialogs) else FileDialogs(window)

    def dialog(self, purpose: str) -> QFileDialog:
        dialog = self.dialogs.get(purpose)
        if dialog is None:
            dialog = self.dialogs[purpose] = QFileDialog(self.window)
            dialog.setObjectName(f"file_dialog_{purpose}")
        return dialog

    def prepare(self, purposes: tuple[str, ...] = AHEAD, delay_ms: int = 0) -> None:
        """Build the dialogs of `purposes` one per turn of the event loop (each ~10-20 ms of CPU)."""
        left = [p for p in purposes if p not in self.dialogs]
        if left:
            QTimer.singleShot(delay_ms, self, lambda: self._make_one(tuple(left)))

    def _make_one(self, purposes: tuple[str, ...]) -> None:
        self.dialog(purposes[0])
        self.prepare(purposes[1:], 50)

    def _reset(self, purpose: str, caption: str, folder: Path, name: str, name_filter: str,
               mode: QFileDialog.FileMode, accept: QFileDialog.AcceptMode) -> QFileDialog:
        dialog = self.dialog(purpose)
        dialog.setWindowTitle(caption)
        dialog.setAcceptMode(accept)
        dialog.setFileMode(mode)
        dialog.setNameFilter(name_filter)
        dialog.setDirectory(str(folder))
        # The last use's choice must not come back: the name typed (selectFile("") keeps it) and the views'
        # selection (QFileDialog adds it to what is chosen). A platform dialog has neither widget.
        edit = dialog.findChild(QLineEdit, "fileNameEdit")
        if edit is not None:
            edit.clear()
        for view in dialog.findChildren(QAbstractItemView):
            if view.selectionModel() is not None:
                view.selectionModel().clear()
        if name:
            dialog.selectFile(name)
        return dialog

    def open_file_names(self, purpose: str, caption: str, folder: str, name_filter: str) -> list[str]:
        """As QFileDialog.getOpenFileNames, in `folder`: the existing files chosen, or none when cancelled."""
        dialog = self._reset(purpose, caption, Path(folder), "", name_filter, QFileDialog.FileMode.ExistingFiles,
                             QFileDialog.AcceptMode.AcceptOpen)
        return dialog.selectedFiles() if dialog.exec() == QDialog.DialogCode.Accepted else []

    def save_file_name(self, purpose: str, caption: str, proposed: str, name_filter: str) -> str:
        """As QFileDialog.getSaveFileName (its overwrite question included), proposing the file `proposed` (a
        path, never a folder): the path chosen, or "" when cancelled."""
        path = Path(proposed)
        dialog = self._reset(purpose, caption, path.parent, path.name, name_filter, QFileDialog.FileMode.AnyFile,
                             QFileDialog.AcceptMode.AcceptSave)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return ""
        chosen = dialog.selectedFiles()
        return chosen[0] if chosen else ""
