"""Undo/redo of answers within a session: each command re-saves the previous answer through the services, so an
undo is itself journaled (the record shows what happened, including second thoughts)."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from inspector_app.services.dto import AnswerDTO
from inspector_app.ui.operations import Operations


class AnswerCommand(QUndoCommand):
    def __init__(self, ops: Operations, before: AnswerDTO, value: Any, verdict: str | None, label: str):
        super().__init__(label)
        self._ops = ops
        self._answer_id = before.id
        self._before = (before.value, before.verdict)
        self._after = (value, verdict)
        self._first = True

    def redo(self) -> None:
        if self._first:  # the edit was already saved when it was made
            self._first = False
            return
        self._ops.save_answer(self._answer_id, *self._after)

    def undo(self) -> None:
        self._ops.save_answer(self._answer_id, *self._before)
