"""Pieces of the plan editor: checkable choice lists (scope values from the roster, templates from the library) and
the table of a campaign's phases (name, start, end)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.agency_time import today as agency_today
from inspector_app.ui.widgets.date_edit import DateEdit
from inspector_app.domain.plans import Phase, Window


def checklist(values: list[tuple[str, str]], parent: QWidget, name: str) -> QListWidget:
    """A list of checkable choices (value, label)."""
    w = QListWidget(parent)
    w.setObjectName(name)
    set_choices(w, values)
    w.setFixedHeight(112)   # five values shown: the roster's levels and ownerships without scrolling
    return w


def set_choices(w: QListWidget, values: list[tuple[str, str]]) -> None:
    """Replace the choices, keeping the checked ones that are still offered."""
    keep = checked(w)
    w.clear()
    for value, label in values:
        item = QListWidgetItem(label, w)
        item.setData(Qt.ItemDataRole.UserRole, value)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if value in keep else Qt.CheckState.Unchecked)


def checked(w: QListWidget) -> tuple[str, ...]:
    return tuple(w.item(i).data(Qt.ItemDataRole.UserRole) for i in range(w.count())
                 if w.item(i).checkState() == Qt.CheckState.Checked)


def set_checked(w: QListWidget, values: tuple[str, ...]) -> None:
    """Check exactly `values`; a value the list does not offer (a region no institution has any more) is added, so
    what the plan says is never silently dropped."""
    offered = {w.item(i).data(Qt.ItemDataRole.UserRole) for i in range(w.count())}
    for v in values:
        if v not in offered:
            item = QListWidgetItem(v, w)
            item.setData(Qt.ItemDataRole.UserRole, v)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    for i in range(w.count()):
        item = w.item(i)
        on = item.data(Qt.ItemDataRole.UserRole) in values
        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def date_edit(parent: QWidget, day: dt.date, name: str = "") -> DateEdit:
    w = DateEdit(QDate(day.year, day.month, day.day), parent, calendarPopup=True)
    w.setDisplayFormat("yyyy-MM-dd")   # the same in every locale, and never clipped
    if name:
        w.setObjectName(name)
    return w


class PhasesEditor(QWidget):
    """The phases of a campaign (e.g. 动员部署, 自查自纠, 专项检查, 总结), each with its dates."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("plan_phases")
        self.table.setHorizontalHeaderLabels([self.tr("Phase"), self.tr("Start"), self.tr("End")])
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in (1, 2):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setFixedHeight(150)   # header and four phases (动员部署, 自查自纠, 专项检查, 总结)
        self.add_button = QPushButton(self.tr("Add p&hase"), self, objectName="add_phase")
        self.add_button.clicked.connect(lambda: self.add_phase("", self.default_day, self.default_day))
        self.remove_button = QPushButton(self.tr("Remove phase"), self, objectName="remove_phase")
        self.remove_button.clicked.connect(self._remove)
        self.default_day = agency_today()  # the agency's day, not the laptop's zone
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def add_phase(self, name: str, start: dt.date, end: dt.date) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(name))
        self.table.setCellWidget(row, 1, date_edit(self.table, start))
        self.table.setCellWidget(row, 2, date_edit(self.table, end))

    def _remove(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def set_phases(self, phases: tuple[Phase, ...]) -> None:
        self.table.setRowCount(0)
        for p in phases:
            self.add_phase(p.name, p.window.start, p.window.end)

    def phases(self) -> tuple[Phase, ...]:
        out = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            start, end = (self.table.cellWidget(row, c).date().toPython() for c in (1, 2))  # type: ignore[attr-defined]
            out.append(Phase(item.text().strip() if item else "", Window(start, end)))
        return tuple(out)

    def set_editable(self, on: bool) -> None:
        self.add_button.setEnabled(on)
        self.remove_button.setEnabled(on)
        self.table.setEditTriggers(QTableWidget.EditTrigger.AllEditTriggers if on
                                   else QTableWidget.EditTrigger.NoEditTriggers)
        for row in range(self.table.rowCount()):
            for c in (1, 2):
                self.table.cellWidget(row, c).setEnabled(on)
