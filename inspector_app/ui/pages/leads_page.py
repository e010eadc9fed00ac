"""On site: the inspected institution's data leads (数据比对线索) and what it reported in its self-inspection return
(自查自纠). Each lead is marked confirmed / not confirmed / not checked with a note; the service turns a confirmed lead
into a finding with its amount (services/lead_review.py). Evidence is linked to the finding a confirmed lead became
(the evidence service links to checklist items and findings only). Availability follows the rule book: marking a
lead changes the findings, so the buttons follow Action.EDIT_FINDINGS (ui/allowed.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.inspection import Status
from inspector_app.domain.money import format_yuan
from inspector_app.domain.rules import Action, Facts
from inspector_app.services.dto import InspectionDetail
from inspector_app.ui import labels
from inspector_app.ui.allowed import follow_rules
from inspector_app.ui.operations import Operations

if TYPE_CHECKING:  # the leads services load on first use, not at start-up
    from inspector_app.services.lead_sample import PrefillResult, SampleItem
    from inspector_app.services.lead_review import OnSiteLeads
    from inspector_app.services.leads import LeadDTO


def _table(parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
    # Read-only rows refreshed as a whole after each write: a QTableWidget is enough (no shared model).
    t = QTableWidget(0, len(headers), parent)
    t.setObjectName(name)
    t.setHorizontalHeaderLabels(headers)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.verticalHeader().setVisible(False)
    t.setWordWrap(True)
    return t


class LeadsPage(QWidget):
    evidence_requested = Signal(str)            # the finding id a confirmed lead became
    prefilled = Signal(object)                  # PrefillResult, after chosen leads filled a sample table

    def __init__(self, ops: Operations, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.inspection_id: str | None = None
        self.leads: tuple[LeadDTO, ...] = ()
        self.summary = QLabel(self)
        self.summary.setObjectName("leads_summary")
        self.summary.setWordWrap(True)
        self.table = _table(self, "leads_table", [
            self.tr("Rule"), self.tr("Settlement no."), self.tr("Patient"), self.tr("Amount (yuan)"),
            self.tr("Details"), self.tr("Check result"), self.tr("Note")])
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.table.horizontalHeader()
        for col in (0, 1, 2, 3, 5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.note = QLineEdit(self)
        self.note.setObjectName("lead_note")
        self.note.setPlaceholderText(self.tr("Note on the check (what the records showed)"))
        self.item = QComboBox(self)
        self.item.setObjectName("lead_campaign_item")
        self.item.setToolTip(self.tr("The campaign item a confirmed lead falls under: the leniency advice compares "
                                     "it with what the institution self-reported"))
        self._suggested: dict[str, str] = {}
        self.confirm_button = QPushButton(self.tr("Confir&med"), self)
        self.confirm_button.setObjectName("lead_confirm")
        self.reject_button = QPushButton(self.tr("No&t confirmed"), self)
        self.reject_button.setObjectName("lead_reject")
        self.unchecked_button = QPushButton(self.tr("Not chec&ked"), self)
        self.unchecked_button.setObjectName("lead_unchecked")
        self.evidence_button = QPushButton(self.tr("Add ev&idence…"), self)
        self.evidence_button.setObjectName("lead_evidence")
        self.evidence_button.setToolTip(self.tr("Evidence for the finding a confirmed lead became"))
        self.prefill_button = QPushButton(self.tr("Fill a sample ta&ble…"), self)
        self.prefill_button.setObjectName("lead_prefill")
        self.prefill_button.setToolTip(self.tr("Fill the rows of a checklist item's sample table from the chosen "
                                               "leads"))
        # a confirmed lead is filed under the chosen campaign item; the other verdicts leave it as it is
        self.confirm_button.clicked.connect(lambda: self.mark("confirmed", self.item.currentData()))
        self.reject_button.clicked.connect(lambda: self.mark("not_confirmed"))
        self.unchecked_button.clicked.connect(lambda: self.mark("not_checked"))
        self.evidence_button.clicked.connect(self._evidence)
        self.prefill_button.clicked.connect(self.prefill)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.reported_label = QLabel(self.tr("Self-reported problems (self-inspection return)"), self)
        self.reported_label.setStyleSheet("font-weight: bold;")
        self.reported = _table(self, "self_reported_table", [
            self.tr("Campaign"), self.tr("Item"), self.tr("Problem"), self.tr("Amount (yuan)"),
            self.tr("Refunded (yuan)"), self.tr("Refunded on"), self.tr("Receipt no.")])
        rh = self.reported.horizontalHeader()
        for col in (0, 1, 3, 4, 5, 6):
            rh.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        rh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.return_state = QLabel(self)
        self.return_state.setObjectName("self_report_state")
        self.return_state.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addWidget(self.item)
        for b in (self.confirm_button, self.reject_button, self.unchecked_button, self.evidence_button,
                  self.prefill_button):
            buttons.addWidget(b)
        top = QWidget(self)
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self.summary)
        tl.addWidget(self.table, 1)
        tl.addLayout(buttons)
        self.message = QLabel(self)
        self.message.setObjectName("leads_message")
        self.message.setWordWrap(True)
        tl.addWidget(self.message)
        bottom = QWidget(self)
        bl = QVBoxLayout(bottom)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(self.reported_label)
        bl.addWidget(self.return_state)
        bl.addWidget(self.reported, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self._status: str | None = None
        self._facts = Facts()
        self._selection_changed()

    # ------------------------------------------------------------------ data in

    def set_data(self, detail: InspectionDetail, data: OnSiteLeads) -> None:
        self.inspection_id = detail.summary.id
        self._status, self._facts = detail.summary.status, detail.facts()
        chosen = {x.id for x in self.selected()}
        self.leads = data.leads
        self._suggested = dict(data.suggested_items or {})
        self.item.clear()
        self.item.addItem(self.tr("(no campaign item)"), None)
        for item_id, label in data.campaign_items:
            self.item.addItem(f"{item_id} {label}", item_id)
        self.item.setEnabled(bool(data.campaign_items))
        self.table.clearSelection()
        self.table.setRowCount(len(data.leads))
        for r, lead in enumerate(data.leads):
            cells = [labels.lead_rule(lead.rule), lead.settlement_no, lead.patient_masked, format_yuan(lead.amount),
                     self._details(lead), labels.lead_status(lead.status), lead.note]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
            if lead.id in chosen:
                self._select(r, clear=False)
        self.table.resizeRowsToContents()
        self.summary.setText(
            self.tr("%n lead(s) for this institution", "", len(data.leads)) + " · " +
            self.tr("%1 checked, %2 confirmed (%3 yuan)").replace("%1", str(data.checked)).replace(
                "%2", str(data.confirmed)).replace("%3", format_yuan(data.confirmed_amount)))
        self.reported.setRowCount(len(data.self_reported))
        for r, p in enumerate(data.self_reported):
            cells = [p.campaign, f"{p.item_id} {p.item_label}", p.description, format_yuan(p.amount),
                     format_yuan(p.refunded), p.refunded_on.isoformat() if p.refunded_on else "", p.receipt_no]
            for c, text in enumerate(cells):
                self.reported.setItem(r, c, QTableWidgetItem(text))
        self.reported.resizeRowsToContents()
        lines = []
        for p in {(p.campaign, p.received_on, p.late, p.deadline): p for p in data.self_reported}.values():
            lines.append(self.tr("%1: return received on %2 (deadline %3)").replace("%1", p.campaign).replace(
                "%2", p.received_on.isoformat()).replace("%3", p.deadline.isoformat())
                + (self.tr(" — late") if p.late else ""))
        for name in data.campaigns_without_return:
            lines.append(self.tr("%1: no self-inspection return received").replace("%1", name))
        if not lines:
            lines.append(self.tr("The institution is in no campaign with a self-inspection phase."))
        self.return_state.setText("\n".join(lines))
        self._selection_changed()

    def _details(self, lead: LeadDTO) -> str:
        d = lead.detail
        parts = []
        if d.get("admitted_on"):
            parts.append(self.tr("stay %1 – %2").replace("%1", str(d["admitted_on"])).replace(
                "%2", str(d.get("discharged_on") or "")))
        if d.get("previous_settlement"):
            parts.append(self.tr("previous stay %1, discharged %2").replace("%1", str(d["previous_settlement"]))
                         .replace("%2", str(d.get("previous_discharge") or "")))
        if d.get("other_institution"):
            parts.append(self.tr("also in %1 (%2 days overlap)").replace("%1", str(d["other_institution"]))
                         .replace("%2", str(d.get("overlap_days", ""))))
        if d.get("item_name") or d.get("item_code"):
            parts.append(f"{d.get('item_code') or ''} {d.get('item_name') or ''}".strip())
        if d.get("unit_price"):
            parts.append(self.tr("price %1, list %2").replace("%1", str(d["unit_price"])).replace(
                "%2", str(d.get("price_limit", ""))))
        if d.get("allowed"):
            parts.append(self.tr("quantity %1, plausible %2").replace("%1", str(d.get("quantity", ""))).replace(
                "%2", str(d["allowed"])))
        return "; ".join(parts)

    # ------------------------------------------------------------------ actions

    def selected(self) -> list[LeadDTO]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.leads[r] for r in rows if r < len(self.leads)]

    def select_settlement(self, settlement_no: str, rule: str | None = None) -> None:
        for r, lead in enumerate(self.leads):
            if lead.settlement_no == settlement_no and (rule is None or lead.rule == rule):
                self._select(r, clear=True)
                return
        raise KeyError(settlement_no)

    def _select(self, row: int, clear: bool) -> None:
        flags = QItemSelectionModel.SelectionFlag.Rows | (
            QItemSelectionModel.SelectionFlag.ClearAndSelect if clear else QItemSelectionModel.SelectionFlag.Select)
        self.table.selectionModel().select(self.table.model().index(row, 0), flags)
        self.table.setCurrentCell(row, 0, QItemSelectionModel.SelectionFlag.NoUpdate)

    def _selection_changed(self) -> None:
        chosen = self.selected()
        status = Status(self._status) if self._status else None
        marks = {self.confirm_button: Action.EDIT_FINDINGS, self.reject_button: Action.EDIT_FINDINGS,
                 self.unchecked_button: Action.EDIT_FINDINGS, self.evidence_button: Action.ADD_EVIDENCE,
                 self.prefill_button: Action.EDIT_CHECKLIST}
        follow_rules(marks, status if chosen else None, self.ops.role, self._facts)
        if len(chosen) != 1:
            self.confirm_button.setEnabled(False)
            self.reject_button.setEnabled(False)
            self.unchecked_button.setEnabled(False)
        if len(chosen) != 1 or not chosen[0].finding_id:
            self.evidence_button.setEnabled(False)
        if len(chosen) == 1 and self.note.text() != chosen[0].note:
            self.note.setText(chosen[0].note)
        if len(chosen) == 1:
            found = self.item.findData(self._suggested.get(chosen[0].id))
            self.item.setCurrentIndex(max(found, 0))

    def mark(self, status: str, item: str | None = None) -> None:
        chosen = self.selected()
        if self.inspection_id is None or len(chosen) != 1:
            return
        iid, lead_id, note, actor = self.inspection_id, chosen[0].id, self.note.text(), self.ops.actor
        self.ops.write(lambda: self.ops.app.lead_review.mark(actor, iid, lead_id, status, note, campaign_item=item))

    def _evidence(self) -> None:
        chosen = self.selected()
        if len(chosen) == 1 and chosen[0].finding_id:
            self.evidence_requested.emit(chosen[0].finding_id)

    def prefill(self) -> None:
        """Choose a checklist item with a sample table; the chosen leads become its rows (on the writer)."""
        lead_ids = [x.id for x in self.selected()]
        iid = self.inspection_id
        if iid is None or not lead_ids:
            return
        self.ops.read(lambda: self.ops.app.lead_samples.sample_items(iid),
                      lambda items: self._choose_item(iid, lead_ids, items))

    def _choose_item(self, iid: str, lead_ids: list[str], items: list[SampleItem]) -> None:
        if not items:
            self.message.setText(self.tr("This inspection's checklist has no item with a sample table."))
            return
        dialog = QInputDialog(self)
        dialog.setObjectName("sample_item_dialog")
        dialog.setWindowTitle(self.tr("Fill a sample table"))
        dialog.setLabelText(self.tr("%n chosen lead(s) become rows of the sample table of:", "", len(lead_ids)))
        dialog.setComboBoxItems([self.tr("%1 %2 (%3 rows)").replace("%1", i.item_id).replace("%2", i.label)
                                 .replace("%3", str(i.rows)) for i in items])
        dialog.setComboBoxEditable(False)
        if not dialog.exec():
            return
        names = dialog.comboBoxItems()
        chosen = items[names.index(dialog.textValue())] if dialog.textValue() in names else items[0]
        actor = self.ops.actor
        self.ops.write(lambda: self.ops.app.lead_samples.prefill(actor, iid, chosen.answer_id, lead_ids),
                       lambda result: self._prefilled(chosen, result[0]))

    def _prefilled(self, item: SampleItem, result: PrefillResult) -> None:
        self.ops.answer_saved.emit(result.answer)  # the checklist shows the new rows in place
        text = self.tr("%n row(s) added to the sample table of %1.", "", result.added).replace(
            "%1", f"{item.item_id} {item.label}")
        if result.skipped:
            text += " " + self.tr("Already in the table: %1").replace("%1", "、".join(result.skipped))
        self.message.setText(text)
        self.prefilled.emit(result)
