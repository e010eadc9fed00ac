"""New inspection: institution (searchable), type and mode, the team (≥ 2 officers with valid certificates),
checklists suggested from the institution's category, place, time and the period under inspection."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from inspector_app.ui.widgets.date_edit import DateEdit, DateTimeEdit
from inspector_app.domain.agency_time import from_local, local
from inspector_app.domain.inspection import InspectionMode, InspectionType
from inspector_app.ui import labels
from inspector_app.ui.models.roster_models import (
    IdRole,
    InstitutionListModel,
    OfficerCheckModel,
    SearchProxy,
    TemplateCheckModel,
)
from inspector_app.ui.operations import Operations
from inspector_app.ui.errors import user_message


class NewInspectionDialog(QDialog):
    def __init__(self, ops: Operations, roster: tuple[list[Any], list[Any]], parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.created_id: str | None = None
        self.setWindowTitle(self.tr("New inspection"))
        self.resize(980, 700)
        institutions, officers = roster
        now = local(dt.datetime.now(dt.timezone.utc))  # the agency's clock, whatever the laptop's zone
        today = now.date()

        self.search = QLineEdit(self)
        self.search.setObjectName("institution_search")
        self.search.setPlaceholderText(self.tr("Search by name, credit code, designation code or region…"))
        self.institutions = InstitutionListModel(institutions, self)
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.institutions)
        self.inst_view = QListView(self)
        self.inst_view.setObjectName("institution_list")
        self.inst_view.setModel(self.proxy)
        self.search.textChanged.connect(self.proxy.set_text)
        self.search.returnPressed.connect(lambda: self.inst_view.setCurrentIndex(self.proxy.index(0, 0)))
        self.inst_view.selectionModel().currentChanged.connect(self._institution_chosen)

        self.type = QComboBox(self)
        for t in InspectionType:
            self.type.addItem(labels.inspection_type(t.value), t.value)
        self.mode = QComboBox(self)
        for m in InspectionMode:
            self.mode.addItem(labels.mode(m.value), m.value)
        self.when = DateTimeEdit(QDateTime(QDate(today.year, today.month, today.day), QTime(now.hour, now.minute)),
                                  self)
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.place = QLineEdit(self)
        self.place.setPlaceholderText(self.tr("Defaults to the institution's address"))
        self.period_from = DateEdit(QDate(today.year - 1, 1, 1), self)
        self.period_to = DateEdit(QDate(today.year - 1, 12, 31), self)
        for w in (self.period_from, self.period_to):
            w.setCalendarPopup(True)
            w.setDisplayFormat("yyyy-MM-dd")

        self.officers = OfficerCheckModel(officers, today, self)
        self.officer_view = QListView(self)
        self.officer_view.setObjectName("officer_list")
        self.officer_view.setModel(self.officers)
        self.templates = TemplateCheckModel(list(ops.app.library.templates.values()), self)
        self.template_view = QListView(self)
        self.template_view.setObjectName("template_list")
        self.template_view.setModel(self.templates)

        self.error = QLabel(self)
        self.error.setObjectName("new_inspection_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create"))
        self.buttons.accepted.connect(self._create)
        self.buttons.rejected.connect(self.reject)

        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("&Institution:"), self, buddy=self.search))
        left.addWidget(self.search)
        left.addWidget(self.inst_view, 1)
        form = QFormLayout()
        form.addRow(self.tr("&Type:"), self.type)
        form.addRow(self.tr("&Mode:"), self.mode)
        form.addRow(self.tr("&Date and time:"), self.when)
        form.addRow(self.tr("&Place:"), self.place)
        period = QHBoxLayout()
        period.addWidget(self.period_from)
        period.addWidget(QLabel("—", self))
        period.addWidget(self.period_to)
        form.addRow(self.tr("Period under inspection:"), period)
        team = QGroupBox(self.tr("Team (at least two officers with valid certificates)"), self)
        QVBoxLayout(team).addWidget(self.officer_view)
        checklists = QGroupBox(self.tr("Checklists (suggested from the institution's category)"), self)
        QVBoxLayout(checklists).addWidget(self.template_view)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(team, 1)
        right.addWidget(checklists, 1)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        me = ops.actor.officer_id
        if me:
            self.officers.set_checked(me)

    def _institution_chosen(self, current: Any, _previous: Any) -> None:
        if not current.isValid():
            return
        inst = self.institutions.institution(self.proxy.mapToSource(current).row())
        self.templates.suggest_for(inst.category)
        if not self.place.isModified():
            self.place.setText(inst.address)

    def selected_institution_id(self) -> str | None:
        idx = self.inst_view.currentIndex()
        return idx.data(IdRole) if idx.isValid() else None

    def _create(self) -> None:
        institution_id = self.selected_institution_id()
        if institution_id is None:
            self.error.setText(self.tr("Choose the institution to inspect."))
            return
        planned = from_local(self.when.dateTime().toPython())
        args = dict(institution_id=institution_id, inspection_type=InspectionType(self.type.currentData()),
                    mode=InspectionMode(self.mode.currentData()), planned_at=planned,
                    officer_ids=self.officers.checked_ids(), template_ids=self.templates.checked_ids(),
                    place=self.place.text().strip(), period_from=self.period_from.date().toPython(),
                    period_to=self.period_to.date().toPython())
        actor = self.ops.actor
        self.buttons.setEnabled(False)
        self.error.setText("")

        def done(result: tuple[str, Any]) -> None:
            self.created_id = result[0]
            self.buttons.setEnabled(True)
            self.accept()

        def failed(exc: BaseException) -> None:
            self.buttons.setEnabled(True)
            self.error.setText(user_message(exc))

        self.ops.runner.write(lambda: self.ops.app.inspections.create(actor, **args),
                              lambda r: (self.ops.changed.emit(r[1]), done(r)), failed)

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802
        # Enter in the search box selects the first match instead of submitting the dialog.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.search.hasFocus():
            return
        super().keyPressEvent(event)
