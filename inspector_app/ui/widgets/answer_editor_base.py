"""The base of every answer editor (ui/widgets/answer_editors.py, date_editor.py)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from inspector_app.domain.checklist import ItemDef


class AnswerEditor(QWidget):
    """Base class: subclasses implement `show_value` and call `self.commit.emit(value)`; `advance` asks the runner
    to move on to the next item (Enter in a field, a Y/N/A key on the answer buttons)."""

    commit = Signal(object)
    advance = Signal()

    def __init__(self, item: ItemDef, parent: QWidget | None = None):
        super().__init__(parent)
        self.item = item
        self._loading = False

    def show_value(self, value: Any) -> None:
        raise NotImplementedError

    def focus_editor(self) -> None:
        self.setFocus()

    def flush(self) -> None:
        """Commit text typed but not yet committed (editors that commit on a pause override this)."""

    def _emit(self, value: Any) -> None:
        if not self._loading:
            self.commit.emit(value)
