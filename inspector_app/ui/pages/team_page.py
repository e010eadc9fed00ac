"""Team and procedure: the officers, their certificates, 亮证 (credentials shown) and 回避 declarations, and the
step that takes the inspection on site once the law's conditions hold."""

from __future__ import annotations


from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.agency_time import local, today as agency_today
from inspector_app.domain.rules import Action, Facts, may
from inspector_app.domain.team import certificate_problem
from inspector_app.services.dto import InspectionDetail
from inspector_app.ui import labels
from inspector_app.ui.allowed import follow_rules
from inspector_app.ui.errors import user_message
from inspector_app.ui.operations import Operations


class TeamPage(QWidget):
    start_requested = Signal()

    def __init__(self, ops: Operations, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.detail: InspectionDetail | None = None
        self.header = QLabel(self)
        self.header.setWordWrap(True)
        # A handful of fixed rows: a read-only QTableWidget is enough here (no model shared with anything).
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("team_table")
        self.table.setHorizontalHeaderLabels([self.tr("Officer"), self.tr("Certificate no."), self.tr("Valid until"),
                                              self.tr("Credentials shown"), self.tr("Conflict of interest")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.shown_button = QPushButton(self.tr("Record credentials shown no&w"), self)
        self.no_conflict_button = QPushButton(self.tr("Declare &no conflict"), self)
        self.conflict_button = QPushButton(self.tr("Declare a c&onflict…"), self)
        self.start_button = QPushButton(self.tr("S&tart on-site inspection"), self)
        self.start_button.setObjectName("start_on_site")
        self.start_button.setStyleSheet("font-weight: bold; padding: 6px 14px;")
        self.problems = QLabel(self)
        self.problems.setObjectName("team_problems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #8a6d00;")
        self.shown_button.clicked.connect(self._shown)
        self.no_conflict_button.clicked.connect(lambda: self._declare(False))
        self.conflict_button.clicked.connect(lambda: self._declare(True))
        self.start_button.clicked.connect(self.start_requested)
        row = QHBoxLayout()
        for b in (self.shown_button, self.no_conflict_button, self.conflict_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.start_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.problems)

    def set_detail(self, detail: InspectionDetail) -> None:
        self.detail = detail
        s = detail.summary
        period = ""
        if detail.period_from and detail.period_to:
            period = self.tr("Period under inspection: %1 to %2").replace("%1", detail.period_from.isoformat()).replace(
                "%2", detail.period_to.isoformat())
        self.header.setText(f"<b>{s.institution_name}</b> · {labels.inspection_type(s.inspection_type)} · "
                            f"{labels.mode(s.mode)} · {labels.status(s.status)}<br>{detail.place}<br>{period}")
        day = agency_today()
        keep = set(self._selected_officers())  # a reload keeps the officers chosen for 亮证/回避
        self.table.setRowCount(len(detail.team))
        for n, m in enumerate(detail.team):
            expired = m.certificate_expiry < day
            conflict = {None: self.tr("not declared"), False: self.tr("none declared"),
                        True: self.tr("conflict: %1").replace("%1", m.conflict_note)}[m.has_conflict]
            cells = [m.name + (self.tr(" (lead officer)") if m.role == "leader" else ""), m.certificate_no,
                     m.certificate_expiry.isoformat() + (self.tr(" — expired") if expired else ""),
                     f"{local(m.credentials_shown_at):%Y-%m-%d %H:%M}" if m.credentials_shown_at else "—",
                     conflict]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, m.officer_id)
                if (c == 2 and expired) or (c == 4 and m.has_conflict):
                    item.setForeground(Qt.GlobalColor.red)
                self.table.setItem(n, c, item)
        facts = detail.facts()
        editable = may(Action.EDIT_TEAM, s.status, self.ops.role, facts)
        follow_rules({self.shown_button: Action.EDIT_TEAM, self.no_conflict_button: Action.EDIT_TEAM,
                      self.conflict_button: Action.EDIT_TEAM, self.start_button: Action.START_ON_SITE},
                     s.status, self.ops.role, facts)
        self.start_button.setVisible(may(Action.START_ON_SITE, s.status, self.ops.role, Facts()))  # the status's step
        if not editable:
            self.problems.setText("")
        elif detail.team_problem is None:
            self.problems.setText(self.tr("Ready: the team meets the two-officer rule, credentials were shown and "
                                          "every officer declared on conflicts of interest."))
            self.problems.setStyleSheet("color: #1b7f3b;")
        else:
            self.problems.setText(user_message(detail.team_problem))
            self.problems.setStyleSheet("color: #8a6d00;")
        for n, m in enumerate(detail.team):
            if m.officer_id in keep:
                self.table.selectionModel().select(
                    self.table.model().index(n, 0),
                    QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
        if self.table.rowCount() and not self.table.selectedItems():
            self.table.selectRow(0)
        self.table.setToolTip("\n".join(user_message(p) for m in detail.team
                                        if (p := certificate_problem(m.name, m.certificate_no,
                                                                     m.certificate_expiry, day)) is not None))

    def _selected_officers(self) -> list[str]:
        rows = {i.row() for i in self.table.selectedItems()}
        return [self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in sorted(rows)]

    def _shown(self) -> None:
        if self.detail is None:
            return
        iid, actor = self.detail.summary.id, self.ops.actor
        for officer in self._selected_officers():
            self.ops.write(lambda o=officer: self.ops.app.inspections.record_credentials_shown(actor, iid, o))

    def _declare(self, conflict: bool) -> None:
        if self.detail is None:
            return
        note = ""
        if conflict:
            note, ok = QInputDialog.getText(self, self.tr("Conflict of interest"),
                                            self.tr("Describe the relationship with the inspected institution:"))
            if not ok:
                return
        iid, actor = self.detail.summary.id, self.ops.actor
        for officer in self._selected_officers():
            self.ops.write(lambda o=officer: self.ops.app.inspections.declare_recusal(actor, iid, o, conflict, note))
