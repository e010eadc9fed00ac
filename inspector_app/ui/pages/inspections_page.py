"""The inspection list: search, filters by status, type and date, sortable columns."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector_app.ui.widgets.date_edit import DateEdit
from inspector_app.domain.agency_time import today as agency_today
from inspector_app.domain.inspection import InspectionType, Status
from inspector_app.ui import labels
from inspector_app.ui.models.inspection_table_model import IdRole, InspectionFilterProxy, InspectionTableModel

if TYPE_CHECKING:  # part of the main window's frame, shown before the services (and their read models) are imported
    from inspector_app.services.dto import InspectionSummary


class InspectionsPage(QWidget):
    open_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = InspectionTableModel(self)
        self.proxy = InspectionFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit(self)
        self.search.setObjectName("inspection_search")
        self.search.setPlaceholderText(self.tr("Search institution, officer, type… (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox(self)
        self.status.setObjectName("status_filter")
        self.status.addItem(self.tr("All statuses"), "")
        for s in Status:
            self.status.addItem(labels.status(s.value), s.value)
        self.type = QComboBox(self)
        self.type.addItem(self.tr("All types"), "")
        for t in InspectionType:
            self.type.addItem(labels.inspection_type(t.value), t.value)
        self.use_dates = QCheckBox(self.tr("From"), self)
        day = agency_today()
        today = QDate(day.year, day.month, day.day)
        self.date_from = DateEdit(today.addMonths(-3), self)
        self.date_to = DateEdit(today.addMonths(1), self)
        for w in (self.date_from, self.date_to):
            w.setCalendarPopup(True)
            w.setDisplayFormat("yyyy-MM-dd")
            w.setEnabled(False)
        self.count = QLabel(self)
        self._opening = False  # the workspace is still opening (`show_opening`): no rows read yet
        # room for up to four-digit counts from the start: the filters do not shift when the list fills
        self.count.setMinimumWidth(self.count.fontMetrics().horizontalAdvance(
            self.tr("%1 of %2").replace("%1", "8888").replace("%2", "8888")))
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.view = QTableView(self)
        self.view.setObjectName("inspection_table")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(4, Qt.SortOrder.DescendingOrder)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(28)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, width in ((1, 110), (2, 150), (3, 90), (4, 130), (5, 150), (6, 120), (7, 60), (8, 50)):
            header.resizeSection(col, width)
        self.view.activated.connect(self._activated)
        self._no_rows = self.tr("No inspections yet. Start one with “New inspection” (Ctrl+N).")
        self.empty = QLabel(self._no_rows, self)
        self.empty.setObjectName("empty_state")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #666; font-size: 13pt; padding: 40px;")
        self.search.textChanged.connect(self._filter_changed)
        self.status.currentIndexChanged.connect(self._filter_changed)
        self.type.currentIndexChanged.connect(self._filter_changed)
        self.use_dates.toggled.connect(self._filter_changed)
        self.date_from.dateChanged.connect(self._filter_changed)
        self.date_to.dateChanged.connect(self._filter_changed)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.status)
        filters.addWidget(self.type)
        filters.addWidget(self.use_dates)
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel("—", self))
        filters.addWidget(self.date_to)
        filters.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty, 1)  # in place of the table when it is hidden: the filters stay on top
        self.empty.hide()

    def set_rows(self, rows: list[InspectionSummary]) -> None:
        self._opening = False
        self.model.set_rows(rows)
        header = self.view.horizontalHeader()
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self._update_count()

    def update_rows(self, rows: list[InspectionSummary]) -> None:
        added = self.model.update_rows(rows)
        self._update_count()
        if len(added) == 1:  # one inspection just created: selected and in view, wherever the sort put it
            self.select(self.model.summary(added[0]).id)

    def _filter_changed(self) -> None:
        self.proxy.set_text(self.search.text())
        self.proxy.set_status(self.status.currentData())
        self.proxy.set_type(self.type.currentData())
        on = self.use_dates.isChecked()
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self.proxy.set_date_range(self.date_from.date().toPython() if on else None,
                                  self.date_to.date().toPython() if on else None)
        self._update_count()

    def _update_count(self) -> None:
        if self._opening:  # no rows read yet: neither a count nor "no inspections"
            return
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(self.tr("%1 of %2").replace("%1", str(shown)).replace("%2", str(total)))
        self.empty.setText(self._no_rows)
        self.empty.setVisible(total == 0)
        self.view.setVisible(total > 0)

    def _activated(self, index: QModelIndex) -> None:
        self.open_requested.emit(index.data(IdRole))

    def current_id(self) -> str | None:
        idx = self.view.currentIndex()
        return idx.data(IdRole) if idx.isValid() else None

    # -- persisted filter state (QSettings values are strings)
    def filter_state(self) -> dict[str, str]:
        return {"text": self.search.text(), "status": self.status.currentData() or "",
                "type": self.type.currentData() or "", "dates": "1" if self.use_dates.isChecked() else "",
                "from": self.date_from.date().toString("yyyy-MM-dd"), "to": self.date_to.date().toString("yyyy-MM-dd")}

    def restore_filters(self, state: dict[str, str]) -> None:
        self.search.setText(state.get("text", ""))
        self.status.setCurrentIndex(max(0, self.status.findData(state.get("status", ""))))
        self.type.setCurrentIndex(max(0, self.type.findData(state.get("type", ""))))
        for key, widget in (("from", self.date_from), ("to", self.date_to)):
            if state.get(key):
                widget.setDate(QDate.fromString(state[key], "yyyy-MM-dd"))
        self.use_dates.setChecked(bool(state.get("dates")))
        self._filter_changed()

    def select(self, inspection_id: str) -> None:
        row = self.model.row_of(inspection_id)
        if row is not None:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            self.view.setCurrentIndex(index)
            if index.isValid():
                self.view.scrollTo(index, QTableView.ScrollHint.EnsureVisible)

    def show_opening(self) -> None:
        """Until the workspace is open (the window is shown first): say so where the rows will be."""
        self._opening = True
        self.count.clear()
        self.empty.setText(self.tr("Opening the workspace…"))
        self.empty.show()
        self.view.hide()
