"""Editable sample table (抽样表) for SAMPLE items: declared columns plus a per-row violation flag."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QPushButton, QTableView, QVBoxLayout, QWidget

from inspector_app.domain.checklist import Column
from inspector_app.ui import keymap

ModelIndex = QModelIndex | QPersistentModelIndex


class SampleTableModel(QAbstractTableModel):
    """Rows are plain dicts as stored in the answer; the last column is the violation flag (checkable)."""

    edited = Signal()

    def __init__(self, columns: tuple[Column, ...], parent: Any = None):
        super().__init__(parent)
        self._columns = columns
        self._rows: list[dict[str, Any]] = []

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = [dict(r) for r in rows]
        self.endResetModel()

    def rows(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self._rows]

    def add_row(self) -> int:
        pos = len(self._rows)
        self.beginInsertRows(QModelIndex(), pos, pos)
        self._rows.append({})
        self.endInsertRows()
        return pos

    def remove_row(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
            self.edited.emit()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._columns) + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return self._columns[section].label if section < len(self._columns) else self.tr("Violation")

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if index.column() == len(self._columns):
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if row.get("violation") else Qt.CheckState.Unchecked
            return None
        col = self._columns[index.column()]
        value = row.get(col.id)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col.type == "bool" and role == Qt.ItemDataRole.DisplayRole:
                return {"yes": self.tr("Yes"), "no": self.tr("No")}.get(value, "" if value is None else str(value))
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and col.type in ("money", "count", "pct"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid():
            return False
        row = self._rows[index.row()]
        if index.column() == len(self._columns):
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            if checked:
                row["violation"] = True
            else:
                row.pop("violation", None)
        elif role == Qt.ItemDataRole.EditRole:
            col = self._columns[index.column()]
            text = str(value).strip()
            if col.type == "bool":
                text = {"是": "yes", "否": "no", "y": "yes", "n": "no"}.get(text.lower(), text)
            if text:
                row[col.id] = text
            else:
                row.pop(col.id, None)
        else:
            return False
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == len(self._columns):
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable


class SampleTableEditor(QWidget):
    changed = Signal()

    def __init__(self, columns: tuple[Column, ...], parent: QWidget | None = None):
        super().__init__(parent)
        self.model = SampleTableModel(columns, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.setEditTriggers(QTableView.EditTrigger.AllEditTriggers)
        add = QPushButton(self.tr("Add row"), self)
        add.setShortcut(keymap.keys("add_row")[0])
        remove = QPushButton(self.tr("Remove row"), self)
        add.clicked.connect(self._add)
        remove.clicked.connect(self._remove)
        self.model.edited.connect(self.changed)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addLayout(buttons)

    def _add(self) -> None:
        row = self.model.add_row()
        self.view.setCurrentIndex(self.model.index(row, 0))
        self.view.edit(self.model.index(row, 0))

    def _remove(self) -> None:
        self.model.remove_row(self.view.currentIndex().row())
