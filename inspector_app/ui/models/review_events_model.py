"""Review events (comments, returns, approvals) of one inspection, newest last."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from inspector_app.domain.agency_time import local

ModelIndex = QModelIndex | QPersistentModelIndex


class ReviewEventsListModel(QAbstractListModel):
    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._rows: list[Any] = []
        self._finding_numbers: dict[str, int] = {}

    def set_rows(self, rows: list[Any], finding_numbers: dict[str, int]) -> None:
        self.beginResetModel()
        self._rows, self._finding_numbers = list(rows), finding_numbers
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        e = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            kind = {"comment": self.tr("Comment"), "return": self.tr("Returned for correction"),
                    "approve": self.tr("Approved")}.get(e.kind, e.kind)
            about = ""
            if e.finding_id in self._finding_numbers:
                about = self.tr(" on finding %1").replace("%1", str(self._finding_numbers[e.finding_id]))
            return f"{local(e.created_at):%Y-%m-%d %H:%M}  {e.author}  {kind}{about}\n{e.text}"
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor({"return": "#b3261e", "approve": "#1b7f3b"}.get(e.kind, "#222")))
        return None
