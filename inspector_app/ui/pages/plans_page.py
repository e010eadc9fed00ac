"""Plans for team leads: the plans, each item's coverage with its denominator (behind schedule in red), a chart of
the coverage per item, and the 双随机 draw of an item."""

from __future__ import annotations

from typing import Any

from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.plans import PlanStatus
from inspector_app.services.changes import Changes
from inspector_app.ui.models.rows_model import RowsTableModel
from inspector_app.ui.operations import Operations
from inspector_app.ui.widgets.bar_chart import BarChart

ModelIndex = QModelIndex | QPersistentModelIndex
BEHIND = QColor("#b3261e")


class CoverageTableModel(RowsTableModel):
    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [self.tr("Item"), self.tr("Inspected / in scope"), self.tr("Target"), self.tr("Done / required"),
                self.tr("Times / frequency"), self.tr("Days left")][section]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        c = r.coverage
        if role == Qt.ItemDataRole.DisplayRole:
            return [r.item.name, f"{r.item.scope.label_zh()} {c.done}/{c.scope_size} = {c.share_pct}%",
                    r.item.target.label_zh(), f"{c.done}/{c.required}" if c.required else "—",
                    f"{c.times_done}/{c.frequency}" if c.frequency else "—",
                    str(c.days_left) + (self.tr(" (behind)") if c.behind else "")][index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and c.behind:
            return QBrush(BEHIND)
        return None


class PlansPage(QWidget):
    published = Signal(str)  # the path of the 结果公示 written

    def __init__(self, ops: Operations, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.plans: list[Any] = []
        self.dialog: Any = None
        self.plan_box = QComboBox(self)
        self.plan_box.setObjectName("plan_box")
        self.plan_box.currentIndexChanged.connect(self._plan_chosen)
        self.status = QLabel(self)
        self.status.setObjectName("plan_status")
        self.model = CoverageTableModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("coverage")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.chart = BarChart(self.tr("Coverage of the items (%)"), "#2f6f9f", self)
        self.draw_button = QPushButton(self.tr("&Draw…"), self)
        self.draw_button.setObjectName("draw")
        self.draw_button.clicked.connect(self.open_draw)
        self.import_button = QPushButton(self.tr("&Import plan…"), self)
        self.import_button.setObjectName("import_plan")
        self.import_button.clicked.connect(lambda: self.import_plan())
        self.new_button = QPushButton(self.tr("&New plan…"), self)
        self.new_button.setObjectName("new_plan")
        self.new_button.clicked.connect(lambda: self.open_editor())
        self.open_button = QPushButton(self.tr("&Open plan…"), self)
        self.open_button.setObjectName("open_plan")
        self.open_button.clicked.connect(lambda: self.open_editor(self.current_plan()))
        self.advance_button = QPushButton(self, objectName="advance_plan")
        self.advance_button.clicked.connect(self.advance)
        self.publish_button = QPushButton(self.tr("&Publish the last round…"), self)
        self.publish_button.setObjectName("publish_round")
        self.publish_button.clicked.connect(lambda: self.publish())
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Plan:"), self))
        top.addWidget(self.plan_box, 1)
        top.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addWidget(self.draw_button)
        buttons.addWidget(self.publish_button)
        buttons.addStretch(1)
        buttons.addWidget(self.advance_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr("Items (behind schedule in red); only signed inspections count"), self))
        layout.addWidget(self.view, 1)
        layout.addWidget(self.chart, 1)
        layout.addLayout(buttons)
        ops.changed.connect(self._changed)

    def refresh(self, select: str | None = None) -> None:
        self.ops.read(self.ops.app.plans.list, lambda plans: self._plans_loaded(plans, select))

    def _plans_loaded(self, plans: list[Any], select: str | None = None) -> None:
        current = self.current_plan()
        if select is not None:
            current = next((p for p in plans if p.id == select), current)
        self.plans = plans
        self.plan_box.blockSignals(True)
        self.plan_box.clear()
        for p in plans:
            self.plan_box.addItem(f"{p.title}（{self.status_label(p.status)}）", p.id)
        ids = [p.id for p in plans]
        self.plan_box.setCurrentIndex(ids.index(current.id) if current and current.id in ids else 0)
        self.plan_box.blockSignals(False)
        self._plan_chosen()

    def status_label(self, status: PlanStatus) -> str:
        return {PlanStatus.DRAFT: self.tr("draft"), PlanStatus.APPROVED: self.tr("approved"),
                PlanStatus.FILED: self.tr("filed"), PlanStatus.RUNNING: self.tr("running"),
                PlanStatus.SUMMARY: self.tr("summary reported"), PlanStatus.ARCHIVED: self.tr("archived")}[status]

    def current_plan(self) -> Any:
        i = self.plan_box.currentIndex()
        return self.plans[i] if 0 <= i < len(self.plans) else None

    def _plan_chosen(self, *_args: Any) -> None:
        plan = self.current_plan()
        self.new_button.setEnabled(self.ops.is_team_lead)   # planning is the lead's (rule book PLANNER_ROLES)
        self.open_button.setEnabled(plan is not None)   # the dialog itself is read-only unless the rules allow
        if plan is None:
            self.model.set_rows([])
            return
        self.status.setText(f"{plan.window.start} — {plan.window.end}")
        lead = self.ops.is_team_lead
        self.draw_button.setEnabled(lead and plan.drawable)
        self.publish_button.setEnabled(lead)
        self.import_button.setEnabled(lead)
        nxt = plan.next_status
        self.advance_button.setVisible(nxt is not None)
        self.advance_button.setEnabled(lead and nxt is not None)
        if nxt is not None:
            self.advance_button.setText(self.tr("Mark as %1").replace("%1", self.status_label(nxt)))
        coverage = self.ops.app.coverage
        self.ops.read(lambda: coverage.coverage(plan.id), self._coverage_loaded)

    def _coverage_loaded(self, rows: list[Any]) -> None:
        self.model.set_rows(rows)
        self.chart.set_bars([(r.item.name, float(r.coverage.share_pct), f"{r.coverage.share_pct}%") for r in rows])
        if rows and not self.view.selectionModel().hasSelection():
            self.view.selectRow(0)

    def selected_item(self) -> Any:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row(rows[0].row()).item if rows else None

    def open_draw(self) -> None:
        item = self.selected_item()
        if item is None:
            return
        from inspector_app.ui.dialogs.draw_dialog import DrawDialog

        self.dialog = DrawDialog(self.ops, item.id, item.name, self)
        self.dialog.finished.connect(lambda _r: self._plan_chosen())
        self.dialog.open()

    def open_editor(self, plan: Any = None) -> None:
        """A new plan typed in, or the current one opened (edited while a draft); once saved it is shown."""
        from inspector_app.ui.dialogs.plan_dialog import PlanDialog

        self.dialog = PlanDialog(self.ops, self, plan)
        self.dialog.accepted.connect(lambda: self.refresh(self.dialog.saved.id))
        self.dialog.open()

    def import_plan(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a plan file"), "",
                                                  self.tr("Plan files (*.toml)"))
            if not path:
                return
        plans, actor = self.ops.app.plans, self.ops.actor
        self.ops.write(lambda: plans.import_file(actor, Path(path)), lambda _r: self.refresh())

    def advance(self) -> None:
        plan = self.current_plan()
        nxt = plan.next_status if plan else None
        if nxt is None:
            return
        plans, actor = self.ops.app.plans, self.ops.actor
        self.ops.write(lambda: plans.set_status(actor, plan.id, nxt), lambda _r: self.refresh())

    def publish(self, path: str | None = None) -> None:
        """The 结果公示 of the selected item's last accepted round, as PDF with its JSON beside it."""
        item = self.selected_item()
        if item is None:
            return
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Publish the results of the round"),
                                                  "抽查结果公示.pdf", self.tr("PDF (*.pdf)"))
            if not path:
                return
        app = self.ops.app

        def work() -> Any:
            from inspector_app.services.draw_publication import write_round_publication

            return write_round_publication(app.ctx, app.draws.last_accepted(item.id).id, Path(path))

        self.ops.read(work, lambda r: self.published.emit(str(r[0])))

    def _changed(self, changes: Changes) -> None:
        if self.isVisible() and (changes.inspections or "plan" in changes.extra):
            self._plan_chosen()
