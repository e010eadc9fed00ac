"""Findings of one inspection with exact yuan amounts; totals for the footer."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from inspector_app.ui.models.rows_model import RowsTableModel
from inspector_app.domain.money import format_yuan
from inspector_app.services.dto import FindingDTO
from inspector_app.ui import labels

ModelIndex = QModelIndex | QPersistentModelIndex
FindingIdRole = Qt.ItemDataRole.UserRole + 1


class FindingsTableModel(RowsTableModel):
    def finding(self, row: int) -> FindingDTO:
        return self.row(row)

    def totals(self) -> tuple[Decimal, Decimal]:
        return (sum((f.amount_involved for f in self._rows), Decimal("0.00")),
                sum((f.amount_to_recover for f in self._rows), Decimal("0.00")))

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [self.tr("No."), self.tr("Item"), self.tr("Description"), self.tr("Severity"),
                self.tr("Amount involved (yuan)"), self.tr("To recover (yuan)"), self.tr("Legal basis")][section]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        f = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return [str(index.row() + 1), f.item_id or self.tr("(free-standing)"), f.description,
                    labels.severity(f.severity), format_yuan(f.amount_involved), format_yuan(f.amount_to_recover),
                    f.legal_basis][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (0, 4, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == FindingIdRole:
            return f.id
        return None
