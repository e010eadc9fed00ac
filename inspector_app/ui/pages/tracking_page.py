"""Rectification tracking and the lead's dashboard: deadlines with days left or overdue, re-inspection and
voluntary refunds; counts by status, amounts to refund and recovered, findings by article."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.agency_time import local
from inspector_app.ui.models.rows_model import RowsTableModel
from inspector_app.domain.money import format_yuan
from inspector_app.services.changes import Changes
from inspector_app.ui import labels
from inspector_app.ui.dialogs.reinspection_dialog import ReinspectionDialog
from inspector_app.ui.operations import Operations
from inspector_app.ui.widgets.bar_chart import BarChart

ModelIndex = QModelIndex | QPersistentModelIndex


class RectificationTableModel(RowsTableModel):
    def item(self, row: int) -> Any:
        return self.row(row)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [self.tr("Institution"), self.tr("Deadline"), self.tr("Days left"), self.tr("Result"),
                self.tr("Voluntary refund (yuan)")][section]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 2:
                if r.result:
                    return "—"
                return self.tr("%1 days overdue").replace("%1", str(-r.days_left)) if r.overdue else str(r.days_left)
            return [r.institution_name, r.deadline.isoformat(), "", labels.rectification_result(r.result),
                    format_yuan(r.voluntary_refund) + (f"（{r.voluntary_refund_on}）" if r.voluntary_refund_on else "")
                    ][index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and r.overdue:
            return QBrush(QColor("#b3261e"))
        return None


class TrackingPage(QWidget):
    def __init__(self, ops: Operations, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.model = RectificationTableModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("rectifications")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.dialog: ReinspectionDialog | None = None
        reinspect = QPushButton(self.tr("&Re-inspection…"), self)
        reinspect.setObjectName("reinspect")
        refund = QPushButton(self.tr("Record voluntary ref&und…"), self)
        reinspect.clicked.connect(self.reinspect)
        self.view.activated.connect(lambda _i: self.reinspect())
        refund.clicked.connect(self._refund)
        self.figures = QLabel(self)
        self.figures.setObjectName("dashboard_figures")
        self.figures.setStyleSheet("font-size: 12pt;")
        self.status_chart = BarChart(self.tr("Inspections by status"), "#2f6f9f", self)
        self.article_chart = BarChart(self.tr("Findings by article of the Regulation"), "#b3261e", self)
        buttons = QHBoxLayout()
        buttons.addWidget(reinspect)
        buttons.addWidget(refund)
        buttons.addStretch(1)
        charts = QGridLayout()
        charts.addWidget(self.status_chart, 0, 0)
        charts.addWidget(self.article_chart, 0, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.figures)
        layout.addLayout(charts)
        layout.addWidget(QLabel(self.tr("Rectifications (overdue in red)"), self))
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        ops.changed.connect(self._changed)

    def refresh(self) -> None:
        review = self.ops.app.review
        self.ops.read(lambda: (review.rectifications(), review.dashboard()), self._loaded)

    def _loaded(self, data: tuple[Any, Any]) -> None:
        rects, dash = data
        self.model.set_rows(rects)
        self.figures.setText(self.tr("Open rectifications: %1 · overdue: %2 · to refund to the fund: %3 yuan · "
                                     "refunded voluntarily: %4 yuan · fines: %5 yuan")
                             .replace("%1", str(dash.open_rectifications)).replace("%2", str(len(dash.overdue)))
                             .replace("%3", format_yuan(dash.to_refund)).replace("%4", format_yuan(dash.refunded))
                             .replace("%5", format_yuan(dash.fines)))
        self.status_chart.set_bars([(labels.status(k), float(v), str(v)) for k, v in
                                    sorted(dash.by_status.items(), key=lambda kv: -kv[1])])
        self.article_chart.set_bars([(k, float(v), str(v)) for k, v in dash.findings_by_article.items()])

    def _changed(self, changes: Changes) -> None:
        if self.isVisible() and changes.inspections:
            self.refresh()

    def _selected(self) -> Any:
        idx = self.view.currentIndex()
        return self.model.item(idx.row()) if idx.isValid() else None

    def reinspect(self) -> None:
        r = self._selected()
        if r is None:
            return
        app = self.ops.app
        self.ops.read(app.roster.officers, lambda officers: self._open_reinspection(r, officers))

    def _open_reinspection(self, rectification: Any, officers: list[Any]) -> None:
        self.dialog = ReinspectionDialog(self.ops, rectification, officers, local(self.ops.app.ctx.clock()).date(),
                                         self)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.open()

    def _refund(self) -> None:
        r = self._selected()
        if r is None:
            return
        amount, ok = QInputDialog.getText(self, self.tr("Voluntary refund"), self.tr("Amount refunded (yuan):"))
        if ok and amount.strip():
            actor, today = self.ops.actor, local(self.ops.app.ctx.clock()).date()
            self.ops.write(lambda: self.ops.app.review.record_voluntary_refund(actor, r.id, amount, today))
