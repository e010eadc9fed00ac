"""A new annual plan or campaign made in the app (issue 14 item 1: "loaded from a TOML file … or edited in the app"):
the plan's header and its items (name, content, scope, target, frequency, division, checklists, inspection type).

Saving goes through PlanService.create, which validates with coded errors (the same rules as plan files); a refused
plan keeps the dialog open with the reason shown, nothing saved. Items take the plan's window; a plan is saved as a
draft and then approved, filed … on the Plans page like an imported one.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.errors import DomainError
from inspector_app.domain.inspection import InspectionType
from inspector_app.domain.plans import PlanData, PlanItemData, PlanKind, Scope, Target, TargetKind, Window
from inspector_app.domain.roster import Category, Level, Ownership
from inspector_app.ui.errors import user_message
from inspector_app.ui.operations import Operations


def _checklist(values: list[tuple[str, str]], parent: QWidget, name: str) -> QListWidget:
    """A list of checkable choices (value, label)."""
    w = QListWidget(parent)
    w.setObjectName(name)
    for value, label in values:
        item = QListWidgetItem(label, w)
        item.setData(Qt.ItemDataRole.UserRole, value)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
    w.setMaximumHeight(130)
    return w


def _checked(w: QListWidget) -> tuple[str, ...]:
    return tuple(w.item(i).data(Qt.ItemDataRole.UserRole) for i in range(w.count())
                 if w.item(i).checkState() == Qt.CheckState.Checked)


def _set_checked(w: QListWidget, values: tuple[str, ...]) -> None:
    for i in range(w.count()):
        item = w.item(i)
        on = item.data(Qt.ItemDataRole.UserRole) in values
        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


class PlanDialog(QDialog):
    def __init__(self, ops: Operations, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.saved: Any = None            # the PlanDTO once saved
        self.last_error: BaseException | None = None
        self.items: list[dict[str, Any]] = []
        self._current = -1
        self.setWindowTitle(self.tr("New plan"))
        year = dt.date.today().year
        self.key = QLineEdit(self, objectName="plan_key", placeholderText="2026-annual")
        self.kind = QComboBox(self, objectName="plan_kind")
        self.kind.addItem(self.tr("Annual plan"), PlanKind.ANNUAL.value)
        self.kind.addItem(self.tr("Campaign"), PlanKind.CAMPAIGN.value)
        self.title = QLineEdit(self, objectName="plan_title")
        self.year = QSpinBox(self, objectName="plan_year", minimum=1990, maximum=2200, value=year)
        self.start = QDateEdit(QDate(year, 1, 1), self, objectName="plan_start", calendarPopup=True)
        self.end = QDateEdit(QDate(year, 12, 31), self, objectName="plan_end", calendarPopup=True)
        self.issuer = QLineEdit(self, objectName="plan_issuer")
        self.document_no = QLineEdit(self, objectName="plan_document_no")
        head = QFormLayout()
        head.addRow(self.tr("Plan id:"), self.key)
        head.addRow(self.tr("Kind:"), self.kind)
        head.addRow(self.tr("Title:"), self.title)
        head.addRow(self.tr("Year:"), self.year)
        window = QHBoxLayout()
        window.addWidget(self.start)
        window.addWidget(QLabel("—", self))
        window.addWidget(self.end)
        head.addRow(self.tr("Window:"), window)
        head.addRow(self.tr("Issued by:"), self.issuer)
        head.addRow(self.tr("Document number:"), self.document_no)

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
        self.content.setMaximumHeight(60)
        self.categories = _checklist([(c.value, c.value) for c in Category], self, "item_categories")
        self.levels = _checklist([(lv.value, lv.value) for lv in Level], self, "item_levels")
        self.ownership = _checklist([(o.value, o.value) for o in Ownership], self, "item_ownership")
        self.regions = QLineEdit(self, objectName="item_regions", placeholderText=self.tr("all regions"))
        self.target_kind = QComboBox(self, objectName="item_target_kind")
        self.target_kind.addItem(self.tr("No target (frequency only)"), TargetKind.NONE.value)
        self.target_kind.addItem(self.tr("Share of the scope (%)"), TargetKind.SHARE.value)
        self.target_kind.addItem(self.tr("Number of institutions"), TargetKind.COUNT.value)
        self.target_value = QLineEdit(self, objectName="item_target_value")
        self.frequency = QSpinBox(self, objectName="item_frequency", minimum=0, maximum=365)
        self.division = QLineEdit(self, objectName="item_division")
        self.templates = _checklist([(t.id, f"{t.title}（{t.id}）") for t in ops.app.library.templates.values()],
                                    self, "item_templates")
        self.inspection_type = QComboBox(self, objectName="item_type")
        for t in InspectionType:
            self.inspection_type.addItem(t.value, t.value)
        form = QFormLayout(self.item_box)
        form.addRow(self.tr("Item id:"), self.item_key)
        form.addRow(self.tr("Name:"), self.item_name)
        form.addRow(self.tr("Content:"), self.content)
        scope = QHBoxLayout()
        for w in (self.categories, self.levels, self.ownership):
            scope.addWidget(w)
        form.addRow(self.tr("Scope:"), scope)
        form.addRow(self.tr("Regions (comma-separated):"), self.regions)
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
        self.resize(900, 720)

    # ------------------------------------------------------------------------------------------------ items

    def add_item(self) -> None:
        self._store()
        n = len(self.items) + 1
        self.items.append({"key": f"item-{n}", "name": "", "content": "", "categories": (), "levels": (),
                           "ownership": (), "regions": "", "target_kind": TargetKind.NONE.value, "target_value": "",
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
            "content": self.content.toPlainText().strip(), "categories": _checked(self.categories),
            "levels": _checked(self.levels), "ownership": _checked(self.ownership), "regions": self.regions.text(),
            "target_kind": self.target_kind.currentData(), "target_value": self.target_value.text(),
            "frequency": self.frequency.value(), "division": self.division.text().strip(),
            "templates": _checked(self.templates), "inspection_type": self.inspection_type.currentData()}

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
        for w, key in ((self.categories, "categories"), (self.levels, "levels"), (self.ownership, "ownership"),
                       (self.templates, "templates")):
            _set_checked(w, d[key])
        self.regions.setText(d["regions"])
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
            regions = tuple(r.strip() for r in d["regions"].replace("，", ",").split(",") if r.strip())
            items.append(PlanItemData(
                key=d["key"], name=d["name"], content=d["content"],
                scope=Scope(d["categories"], d["levels"], regions, d["ownership"]),
                target=Target.from_text(TargetKind(d["target_kind"]), d["target_value"]), frequency=d["frequency"],
                division=d["division"], templates=d["templates"],
                inspection_type=InspectionType(d["inspection_type"])))
        start, end = self.start.date().toPython(), self.end.date().toPython()
        return PlanData(key=self.key.text().strip(), kind=PlanKind(self.kind.currentData()),
                        title=self.title.text().strip(), year=self.year.value(), window=Window(start, end),
                        items=tuple(items), issuer=self.issuer.text().strip(),
                        document_no=self.document_no.text().strip())

    def save(self) -> None:
        plans, actor = self.ops.app.plans, self.ops.actor
        self.error.clear()
        self.buttons.setEnabled(False)

        def work() -> Any:
            return plans.create(actor, plan)

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
