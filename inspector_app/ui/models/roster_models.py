"""List models for the roster pickers: institutions (searchable) and officers (checkable; expired ones disabled)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from inspector_app.domain.checklist import TemplateDef
from inspector_app.services.dto import InstitutionDTO, OfficerDTO
from inspector_app.ui import labels

ModelIndex = QModelIndex | QPersistentModelIndex
IdRole = Qt.ItemDataRole.UserRole + 1
SearchRole = Qt.ItemDataRole.UserRole + 2


class InstitutionListModel(QAbstractListModel):
    def __init__(self, rows: list[InstitutionDTO], parent: Any = None):
        super().__init__(parent)
        self._rows = rows

    def institution(self, row: int) -> InstitutionDTO:
        return self._rows[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{r.name}  ·  {labels.category(r.category)} {r.level}  ·  {r.region}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{r.name}\n{r.credit_code}\n{r.designation_code}\n{r.address}"
        if role == SearchRole:
            return " ".join((r.name, r.credit_code, r.designation_code, r.region, r.category)).lower()
        if role == IdRole:
            return r.id
        return None


class SearchProxy(QSortFilterProxyModel):
    """Every word typed must appear in the row's search text (name, codes, region, category)."""

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._words: list[str] = []

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.lower().split()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:  # noqa: N802
        hay = self.sourceModel().index(source_row, 0, source_parent).data(SearchRole) or ""
        return all(w in hay for w in self._words)


class OfficerCheckModel(QAbstractListModel):
    def __init__(self, rows: list[OfficerDTO], day: dt.date, parent: Any = None):
        super().__init__(parent)
        self._rows = rows
        self._day = day
        self._checked: set[str] = set()

    def checked_ids(self) -> list[str]:
        return [r.id for r in self._rows if r.id in self._checked]

    def set_checked(self, officer_id: str, checked: bool = True) -> None:
        for n, r in enumerate(self._rows):
            if r.id == officer_id and r.valid_on(self._day):
                (self._checked.add if checked else self._checked.discard)(r.id)
                idx = self.index(n)
                self.dataChanged.emit(idx, idx)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        valid = r.valid_on(self._day)
        if role == Qt.ItemDataRole.DisplayRole:
            text = f"{r.name}  ·  {r.certificate_no}"
            if not valid:
                text += "  " + self.tr("(certificate expired %1)").replace("%1", r.certificate_expiry.isoformat())
            return text
        if role == Qt.ItemDataRole.ToolTipRole and valid:
            return r.department
        if role == Qt.ItemDataRole.ToolTipRole and not valid:
            return self.tr("Certificate %1 expired on %2: this officer cannot take part in an inspection "
                           "(Regulation art. 29).").replace("%1", r.certificate_no).replace(
                "%2", r.certificate_expiry.isoformat())
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if r.id in self._checked else Qt.CheckState.Unchecked
        if role == IdRole:
            return r.id
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        r = self._rows[index.row()]
        if not r.valid_on(self._day):
            return False
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self._checked.add(r.id)
        else:
            self._checked.discard(r.id)
        self.dataChanged.emit(index, index)
        return True

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if not self._rows[index.row()].valid_on(self._day):
            return Qt.ItemFlag.NoItemFlags  # shown, but disabled: the reason is in the text and tooltip
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable


class TemplateCheckModel(QAbstractListModel):
    def __init__(self, templates: list[TemplateDef], parent: Any = None):
        super().__init__(parent)
        self._rows = sorted(templates, key=lambda t: t.id)
        self._checked: set[str] = set()
        self._applicable: set[str] = set()

    def suggest_for(self, category: str) -> None:
        """Tick the templates made for the category; list the other applicable ones next, then the rest."""
        self.beginResetModel()
        self._checked = {t.id for t in self._rows if category in t.primary_for}
        self._applicable = {t.id for t in self._rows if category in t.applies_to}
        self._rows.sort(key=lambda t: (t.id not in self._checked, t.id not in self._applicable, t.id))
        self.endResetModel()

    def checked_ids(self) -> list[str]:
        return [t.id for t in self._rows if t.id in self._checked]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        t = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = self.tr("%1  (%n item(s), version %2)", "", len(t.items())).replace("%1", t.title).replace(
                "%2", t.version)
            return text + ("  ·  " + self.tr("applicable") if t.id in self._applicable and t.id not in self._checked
                           else "")
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if t.id in self._checked else Qt.CheckState.Unchecked
        if role == IdRole:
            return t.id
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        t = self._rows[index.row()]
        (self._checked.add if Qt.CheckState(value) == Qt.CheckState.Checked else self._checked.discard)(t.id)
        self.dataChanged.emit(index, index)
        return True

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
