"""File dialogs kept per purpose on the top-level window and reused, instead of QFileDialog's static helpers.

Why: a static helper builds a whole Qt file dialog (a file system model with its gatherer thread, two views, the
completer, the sidebar) on the GUI thread when called, and destroys it after the officer's choice — the destruction
saves the dialog's state through QSettings (a disk write on the GUI thread) and joins the gatherer thread. In the
whole-inspection run the save dialog's close, just before the export, was the last event-loop stall over 100 ms.
A kept dialog is built once (ahead, in idle time: `prepare`), then only shown and hidden; its file system model also
keeps the directories already read, so typing a path the second time reads nothing again. The dialog's state is
saved once, when the window is destroyed.

Each use resets what the static helper would set (title, filters, mode, directory, the proposed name) and clears
the previous choice, so a reused dialog behaves like a new one; `exec()` keeps the callers synchronous as before.

The name field completes paths through `FolderCompleter`, not Qt's own completer: Qt's lists each folder a path
passes through in the dialog's file system model, then sorts and files the entries on the GUI thread as they
arrive — typing a path through a 560-entry /tmp was a 35-90 ms turn of the GUI thread (≤ 4 ms per key without
it). `FolderCompleter` lists a folder on a worker thread, sorted there, and hands the names over in one step."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QDialog, QFileDialog, QLineEdit, QWidget

# The purposes made ahead (`prepare`): the two file dialogs of an inspection's ordinary course.
EVIDENCE = "evidence"
EXPORT_PDF = "export_pdf"
AHEAD = (EVIDENCE, EXPORT_PDF)


SEPARATORS = "/\\" if os.name == "nt" else "/"


def _listing(folder: Path, shown_as: str, hidden: bool) -> list[str]:
    """The entries of `folder` as the field shows them (`shown_as` + name, a folder with a trailing "/"), sorted;
    [] when it cannot be read. Runs on a worker thread."""
    entries = []
    try:
        with os.scandir(folder) as found:
            for entry in found:
                if entry.name.startswith(".") and not hidden:
                    continue
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                entries.append(shown_as + entry.name + ("/" if is_dir else ""))
    except OSError:
        return []
    return sorted(entries, key=str.casefold if os.name == "nt" else None)


class FolderCompleter(QCompleter):
    """Completes the path typed in a file dialog's name field with the entries of the folder typed so far (or of
    the dialog's folder for a name without one), listed on a worker thread (see the module's doc)."""

    listed = Signal(str, list)  # (the folder part of the text, its entries): from the worker to the GUI thread

    def __init__(self, dialog: QFileDialog, edit: QLineEdit):
        super().__init__(dialog)
        self.setObjectName("folder_completer")
        self.dialog, self.edit = dialog, edit
        self.names = QStringListModel(self)
        self.setModel(self.names)
        windows = os.name == "nt"
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive if windows else Qt.CaseSensitivity.CaseSensitive)
        self.setModelSorting(QCompleter.ModelSorting.CaseInsensitivelySortedModel if windows
                             else QCompleter.ModelSorting.CaseSensitivelySortedModel)
        self.shown_as: str | None = None  # the folder part whose entries the model holds (or will hold)
        self.listed.connect(self._listed, Qt.ConnectionType.QueuedConnection)
        edit.textEdited.connect(self._edited)
        self.install()

    def install(self) -> None:
        """On the name field, in place of Qt's completer (again after each reset, should the dialog restore it)."""
        if self.edit.completer() is not self:
            self.edit.setCompleter(self)

    def _edited(self, text: str) -> None:
        cut = max(text.rfind(sep) for sep in SEPARATORS) + 1
        shown_as = text[:cut]
        if shown_as == self.shown_as:
            return  # QLineEdit filters the entries already there as the name is typed
        self.shown_as = shown_as
        self.names.setStringList([])
        typed = Path(os.path.expanduser(shown_as)) if shown_as else Path()
        folder = typed if typed.is_absolute() else Path(self.dialog.directory().absolutePath()) / typed
        hidden = text[cut:].startswith(".")

        def work() -> None:
            entries = _listing(folder, shown_as, hidden)
            try:
                self.listed.emit(shown_as, entries)
            except RuntimeError:
                pass  # the dialog is gone (the window closed meanwhile): nobody to complete for

        threading.Thread(target=work, name="folder-completer", daemon=True).start()

    def _listed(self, shown_as: str, entries: list[str]) -> None:
        if shown_as != self.shown_as:
            return  # the officer typed on into another folder meanwhile
        self.names.setStringList(entries)
        text = self.edit.text()
        if self.edit.hasFocus() and text.startswith(shown_as) and text != shown_as:
            self.setCompletionPrefix(text)
            self.complete()

    def reset(self) -> None:
        self.shown_as = None
        self.names.setStringList([])
        popup = self.popup()
        if popup is not None:
            popup.hide()
        self.install()


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
            edit = dialog.findChild(QLineEdit, "fileNameEdit")
            if edit is not None:  # a platform dialog has no name field of Qt's
                FolderCompleter(dialog, edit)
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
        completer = dialog.findChild(FolderCompleter, "folder_completer")
        if completer is not None:
            completer.reset()
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
