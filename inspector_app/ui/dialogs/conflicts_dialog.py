"""Open sync conflicts with both values side by side; the user chooses, and the choice syncs as a change."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from inspector_app.ui.models.rows_model import RowsTableModel

ModelIndex = QModelIndex | QPersistentModelIndex


def _show(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


class ConflictsTableModel(RowsTableModel):
    def conflict(self, row: int) -> Any:
        return self.row(row)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [self.tr("What"), self.tr("Value on the server"), self.tr("Value from this laptop"),
                    self.tr("Kind")][section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        c = self._rows[index.row()]
        return [f"{c.label}" + (f" · {c.field}" if c.field else ""), _show(c.server_value), _show(c.client_value),
                c.kind + (f"（{c.reason}）" if c.reason else "")][index.column()]


class ConflictsDialog(QDialog):
    def __init__(self, ops: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.setWindowTitle(self.tr("Sync conflicts"))
        self.resize(900, 420)
        self.model = ConflictsTableModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("conflicts_table")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.keep_server = QPushButton(self.tr("Keep the &server's value"), self)
        self.take_mine = QPushButton(self.tr("Use &this laptop's value"), self)
        self.keep_server.clicked.connect(lambda: self._resolve("server"))
        self.take_mine.clicked.connect(lambda: self._resolve("client"))
        note = QLabel(self.tr("Nothing is lost: both values stay in the record's history whatever you choose."), self)
        row = QHBoxLayout()
        row.addWidget(self.keep_server)
        row.addWidget(self.take_mine)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(note)
        layout.addLayout(row)
        self.reload()

    def reload(self) -> None:
        from inspector_app.sync import conflicts

        ctx = self.ops.app.ctx
        self.ops.read(lambda: conflicts.list_conflicts(ctx), self.model.set_rows)

    def _resolve(self, choice: str) -> None:
        from inspector_app.sync import conflicts

        idx = self.view.currentIndex()
        if not idx.isValid():
            return
        c = self.model.conflict(idx.row())
        ctx, actor = self.ops.app.ctx, self.ops.actor
        self.ops.write(lambda: conflicts.resolve(ctx, actor, c.conflict_id, choice), lambda _r: self.reload())
