"""An annual plan or campaign made or edited in the app (issue 14 item 1: "loaded from a TOML file … or edited in the
app"): the plan's header, its phases, and its items (name, content, window, scope, target, frequency, division,
checklists, inspection type).

Saving goes through PlanService.create (a new plan) or PlanService.update (a draft), which validate with coded errors
(the same rules as plan files); a refused plan keeps the dialog open with the reason shown, nothing saved. Scope
values are chosen, never typed: categories, levels and ownership from the roster's vocabulary, regions from the
regions of the roster's institutions. Once approved a plan is read-only here: the rule book (domain/rules.py, through
ui/allowed.py) says so and why.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.agency_time import today as agency_today
from inspector_app.domain.errors import DomainError
from inspector_app.domain.inspection import InspectionType
from inspector_app.domain.plans import PlanData, PlanItemData, PlanKind, Scope, Target, TargetKind, Window
from inspector_app.domain.roster import Category, Level, Ownership
from inspector_app.ui.allowed import plan_refusal_for
from inspector_app.ui.dialogs.plan_widgets import PhasesEditor, checked, checklist, date_edit, set_checked, set_choices
from inspector_app.ui.errors import user_message
from inspector_app.ui.operations import Operations


class PlanDialog(QDialog):
    """A new plan (``plan`` None) or an existing one: editable while a draft, read-only after approval."""

    def __init__(self, ops: Operations, parent: QWidget | None = None, plan: Any = None):
        super().__init__(parent)
        self.ops = ops
        self.plan = plan                  # the PlanDTO edited (None: a new plan)
        self.saved: Any = None            # the PlanDTO once saved
        self.last_error: BaseException | None = None
        self.items: list[dict[str, Any]] = []
        self._current = -1
        self.setWindowTitle(self.tr("New plan") if plan is None else self.tr("Plan"))
        year = agency_today().year
        self.key = QLineEdit(self, objectName="plan_key", placeholderText="2026-annual")
        self.kind = QComboBox(self, objectName="plan_kind")
        self.kind.addItem(self.tr("Annual plan"), PlanKind.ANNUAL.value)
        self.kind.addItem(self.tr("Campaign"), PlanKind.CAMPAIGN.value)
        self.title = QLineEdit(self, objectName="plan_title")
        self.year = QSpinBox(self, objectName="plan_year", minimum=1990, maximum=2200, value=year)
        self.start = date_edit(self, dt.date(year, 1, 1), "plan_start")
        self.end = date_edit(self, dt.date(year, 12, 31), "plan_end")
        self.issuer = QLineEdit(self, objectName="plan_issuer")
        self.document_no = QLineEdit(self, objectName="plan_document_no")
        self.phases = PhasesEditor(self)
        head = QFormLayout()
        head.addRow(self.tr("Plan id:"), self.key)
        head.addRow(self.tr("Kind:"), self.kind)
        head.addRow(self.tr("Title:"), self.title)
        head.addRow(self.tr("Year:"), self.year)
        head.addRow(self.tr("Window:"), self._pair(self.start, self.end))
        head.addRow(self.tr("Issued by:"), self.issuer)
        head.addRow(self.tr("Document number:"), self.document_no)
        head.addRow(self.tr("Phases:"), self.phases)

        self.item_list = QListWidget(self, objectName="plan_items")
        self.item_list.currentRowChanged.connect(self._item_chosen)
        self.add_button = QPushButton(self.tr("&Add item"), self, objectName="add_item")
        self.add_button.clicked.connect(self.add_item)
        self.remove_button = QPushButton(self.tr("&Remove item"), self, objectName="remove_item")
        self.remove_button.clicked.connect(self.remove_item)
        left = QVBoxLayout()
        left.addWidget(self.item_list, 1)
        left.addWidget(self.add_button)
        left.addWidget(self.remove_button)

        self.item_box = QGroupBox(self.tr("Item"), self)
        self.item_key = QLineEdit(self, objectName="item_key")
        self.item_name = QLineEdit(self, objectName="item_name")
        self.item_name.textEdited.connect(self._name_edited)
        self.content = QPlainTextEdit(self, objectName="item_content")
        self.content.setMaximumHeight(50)
        self.own_window = QCheckBox(self.tr("Own window"), self, objectName="item_own_window")
        self.item_start = date_edit(self, dt.date(year, 1, 1), "item_start")
        self.item_end = date_edit(self, dt.date(year, 12, 31), "item_end")
        self.own_window.toggled.connect(self._own_window_toggled)
        self._own_window_toggled(False)
        self.categories = checklist([(c.value, c.value) for c in Category], self, "item_categories")
        self.levels = checklist([(lv.value, lv.value) for lv in Level], self, "item_levels")
        self.ownership = checklist([(o.value, o.value) for o in Ownership], self, "item_ownership")
        self.regions = checklist([], self, "item_regions")
        self.regions.setToolTip(self.tr("None checked: all regions"))
        self.target_kind = QComboBox(self, objectName="item_target_kind")
        self.target_kind.addItem(self.tr("No target (frequency only)"), TargetKind.NONE.value)
        self.target_kind.addItem(self.tr("Share of the scope (%)"), TargetKind.SHARE.value)
        self.target_kind.addItem(self.tr("Number of institutions"), TargetKind.COUNT.value)
        self.target_value = QLineEdit(self, objectName="item_target_value")
        self.frequency = QSpinBox(self, objectName="item_frequency", minimum=0, maximum=365)
        self.division = QLineEdit(self, objectName="item_division")
        self.templates = checklist([(t.id, f"{t.title}（{t.id}）") for t in ops.app.library.templates.values()],
                                   self, "item_templates")
        self.templates.setFixedHeight(84)
        self.inspection_type = QComboBox(self, objectName="item_type")
        for t in InspectionType:
            self.inspection_type.addItem(t.value, t.value)
        form = QFormLayout(self.item_box)
        form.addRow(self.tr("Item id:"), self.item_key)
        form.addRow(self.tr("Name:"), self.item_name)
        form.addRow(self.tr("Content:"), self.content)
        window = QHBoxLayout()
        window.addWidget(self.own_window)
        window.addLayout(self._pair(self.item_start, self.item_end))
        form.addRow(self.tr("Window:"), window)
        scope = QGridLayout()
        for col, (caption, w, stretch) in enumerate((
                (self.tr("Categories"), self.categories, 3), (self.tr("Levels"), self.levels, 2),
                (self.tr("Ownership"), self.ownership, 2), (self.tr("Regions"), self.regions, 2))):
            scope.addWidget(QLabel(caption, self), 0, col)
            scope.addWidget(w, 1, col)
            scope.setColumnStretch(col, stretch)
            w.setMinimumWidth(w.sizeHintForColumn(0) + 36)   # every value readable, no sideways scrolling
        form.addRow(self.tr("Scope (none checked: any):"), scope)
        target = QHBoxLayout()
        target.addWidget(self.target_kind)
        target.addWidget(self.target_value)
        form.addRow(self.tr("Target:"), target)
        form.addRow(self.tr("Times per year:"), self.frequency)
        form.addRow(self.tr("Responsible division:"), self.division)
        form.addRow(self.tr("Checklists:"), self.templates)
        form.addRow(self.tr("Inspection type:"), self.inspection_type)
        self.item_box.setEnabled(False)

        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addWidget(self.item_box, 3)
        self.error = QLabel(self, objectName="plan_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(body, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(1000, 840)
        self.editable = True
        if plan is not None:
            self._load(plan)
            problem = plan_refusal_for(plan.status.value, ops.role)
            if problem is not None:
                self._read_only(problem)
        plans = ops.app.plans
        ops.read(plans.regions, self._regions_loaded)   # the roster's regions, off the UI thread

    def _pair(self, a: QWidget, b: QWidget) -> QHBoxLayout:
        pair = QHBoxLayout()
        pair.addWidget(a)
        pair.addWidget(QLabel("—", self))
        pair.addWidget(b)
        pair.addStretch(1)
        return pair

    def _own_window_toggled(self, on: bool) -> None:
        self.item_start.setEnabled(on)
        self.item_end.setEnabled(on)

    def _regions_loaded(self, regions: list[str]) -> None:
        self._store()
        set_choices(self.regions, [(r, r) for r in regions])
        if 0 <= self._current < len(self.items):
            set_checked(self.regions, self.items[self._current]["regions"])
        self.regions_ready = True

    regions_ready = False

    def _load(self, plan: Any) -> None:
        """The plan's values into the form (an existing plan is edited or read)."""
        self.key.setText(plan.key)
        self.key.setReadOnly(True)   # the id other laptops, the CLI and the server know the plan by
        self.kind.setCurrentIndex(self.kind.findData(plan.kind.value))
        self.title.setText(plan.title)
        self.year.setValue(plan.year)
        for w, day in ((self.start, plan.window.start), (self.end, plan.window.end)):
            w.setDate(day)
        self.issuer.setText(plan.issuer)
        self.document_no.setText(plan.document_no)
        self.phases.set_phases(plan.phases)
        for i in plan.items:
            own = i.window != plan.window
            t = i.target
            value = format(t.share_pct.normalize(), "f") if t.kind is TargetKind.SHARE else (
                str(t.count) if t.kind is TargetKind.COUNT else "")
            self.items.append({"key": i.key, "name": i.name, "content": i.content, "requirements": i.requirements,
                               "own_window": own, "start": i.window.start, "end": i.window.end,
                               "categories": i.scope.categories, "levels": i.scope.levels,
                               "ownership": i.scope.ownership, "regions": i.scope.regions,
                               "target_kind": t.kind.value, "target_value": value, "frequency": i.frequency,
                               "division": i.division, "templates": i.templates,
                               "inspection_type": i.inspection_type.value})
            self.item_list.addItem(i.name)
        if self.items:
            self.item_list.setCurrentRow(0)

    def _read_only(self, reason: BaseException) -> None:
        """Every field shown, none editable; the rule book's reason in place of the error line."""
        self.editable = False
        for w in (self.key, self.title, self.issuer, self.document_no, self.item_key, self.item_name,
                  self.target_value, self.division):
            w.setReadOnly(True)
        self.content.setReadOnly(True)
        for w in (self.kind, self.year, self.start, self.end, self.add_button, self.remove_button, self.own_window,
                  self.item_start, self.item_end, self.target_kind, self.frequency, self.inspection_type):
            w.setEnabled(False)
        for w in (self.categories, self.levels, self.ownership, self.regions, self.templates):
            w.setEnabled(False)
        self.phases.set_editable(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        self.error.setText(user_message(reason))

    # ------------------------------------------------------------------------------------------------ items

    def add_item(self) -> None:
        self._store()
        n = len(self.items) + 1
        start, end = self.start.date().toPython(), self.end.date().toPython()
        self.items.append({"key": f"item-{n}", "name": "", "content": "", "requirements": "", "own_window": False,
                           "start": start, "end": end, "categories": (), "levels": (), "ownership": (),
                           "regions": (), "target_kind": TargetKind.NONE.value, "target_value": "",
                           "frequency": 0, "division": "", "templates": (),
                           "inspection_type": InspectionType.SPECIAL.value})
        self.item_list.addItem(self.tr("(unnamed item)"))
        self.item_list.setCurrentRow(len(self.items) - 1)

    def remove_item(self) -> None:
        row = self.item_list.currentRow()
        if row < 0:
            return
        self._current = -1   # the form's contents belong to the removed item
        del self.items[row]
        self.item_list.takeItem(row)
        self._item_chosen(self.item_list.currentRow())

    def _name_edited(self, text: str) -> None:
        row = self.item_list.currentRow()
        if row >= 0:
            self.item_list.item(row).setText(text or self.tr("(unnamed item)"))

    def _store(self) -> None:
        """The form's values into the current item."""
        if not 0 <= self._current < len(self.items):
            return
        self.items[self._current] = {
            "key": self.item_key.text().strip(), "name": self.item_name.text().strip(),
            "content": self.content.toPlainText().strip(),
            "requirements": self.items[self._current]["requirements"],   # from a plan file; not edited here
            "own_window": self.own_window.isChecked(), "start": self.item_start.date().toPython(),
            "end": self.item_end.date().toPython(), "categories": checked(self.categories),
            "levels": checked(self.levels), "ownership": checked(self.ownership), "regions": checked(self.regions),
            "target_kind": self.target_kind.currentData(), "target_value": self.target_value.text(),
            "frequency": self.frequency.value(), "division": self.division.text().strip(),
            "templates": checked(self.templates), "inspection_type": self.inspection_type.currentData()}

    def _item_chosen(self, row: int) -> None:
        self._store()
        self._current = row
        self.item_box.setEnabled(0 <= row < len(self.items))
        if not 0 <= row < len(self.items):
            return
        d = self.items[row]
        self.item_key.setText(d["key"])
        self.item_name.setText(d["name"])
        self.content.setPlainText(d["content"])
        self.own_window.setChecked(d["own_window"])
        self._own_window_toggled(d["own_window"] and self.editable)
        self.item_start.setDate(d["start"])
        self.item_end.setDate(d["end"])
        for w, key in ((self.categories, "categories"), (self.levels, "levels"), (self.ownership, "ownership"),
                       (self.regions, "regions"), (self.templates, "templates")):
            set_checked(w, d[key])
        self.target_kind.setCurrentIndex(self.target_kind.findData(d["target_kind"]))
        self.target_value.setText(d["target_value"])
        self.frequency.setValue(d["frequency"])
        self.division.setText(d["division"])
        self.inspection_type.setCurrentIndex(self.inspection_type.findData(d["inspection_type"]))

    # ------------------------------------------------------------------------------------------------ saving

    def _plan(self) -> PlanData:
        """The plan as typed; the service validates it (coded errors)."""
        self._store()
        items = []
        for d in self.items:
            items.append(PlanItemData(
                key=d["key"], name=d["name"], content=d["content"], requirements=d["requirements"],
                scope=Scope(d["categories"], d["levels"], d["regions"], d["ownership"]),
                target=Target.from_text(TargetKind(d["target_kind"]), d["target_value"]), frequency=d["frequency"],
                window=Window(d["start"], d["end"]) if d["own_window"] else None,
                division=d["division"], templates=d["templates"],
                inspection_type=InspectionType(d["inspection_type"])))
        start, end = self.start.date().toPython(), self.end.date().toPython()
        old = self.plan
        return PlanData(key=self.key.text().strip(), kind=PlanKind(self.kind.currentData()),
                        title=self.title.text().strip(), year=self.year.value(), window=Window(start, end),
                        items=tuple(items), issuer=self.issuer.text().strip(),
                        document_no=self.document_no.text().strip(), phases=self.phases.phases(),
                        filing_due=old.filing_due if old else None, summary_due=old.summary_due if old else None)

    def save(self) -> None:
        if not self.editable:
            return
        plans, actor, existing = self.ops.app.plans, self.ops.actor, self.plan
        self.error.clear()
        self.buttons.setEnabled(False)

        def work() -> Any:
            if existing is None:
                return plans.create(actor, plan)
            return plans.update(actor, existing.id, plan)

        try:
            plan = self._plan()
        except DomainError as exc:   # a typed value refused (a target that is no number): shown like the service's
            self._refused(exc)
            return
        self.ops.write(work, self._saved, self._refused)

    def _saved(self, result: Any) -> None:
        self.saved = result[0]
        self.last_error = None
        self.buttons.setEnabled(True)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.last_error = exc
        self.error.setText(self.tr("Not saved: %1").replace("%1", user_message(exc)))
        self.buttons.setEnabled(True)
