"""One inspection: header with status and next step, and tabs for the procedure, checklist, findings and evidence."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QTabWidget, QVBoxLayout, QWidget

from inspector_app.domain.rules import Action, may
from inspector_app.services.changes import Changes
from inspector_app.services.dto import InspectionDetail
from inspector_app.ui import keymap, labels
from inspector_app.ui.operations import Operations
from inspector_app.ui.models.checklist_tree_model import REQUIRED_MARK as REQUIRED
from inspector_app.ui.pages.checklist_page import ChecklistPage
from inspector_app.ui.pages.evidence_page import EvidencePage
from inspector_app.ui.pages.findings_page import FindingsPage
from inspector_app.ui.pages.leads_page import LeadsPage
from inspector_app.ui.pages.signing_page import SigningPage
from inspector_app.ui.pages.team_page import TeamPage


# The tabs in their order. Each is made on its own (`make_part`) so the main window can make them one per turn of
# the event loop behind the list (the checklist alone is ~20-70 ms), instead of all in one long turn.
PARTS = ("team", "checklist", "findings", "evidence", "leads", "signing")


def make_part(name: str, ops: Operations, undo: QUndoStack, parent: QWidget | None) -> Any:
    if name == "checklist":
        return ChecklistPage(ops, undo, parent)
    kinds: dict[str, Any] = {"team": TeamPage, "findings": FindingsPage, "evidence": EvidencePage,
                             "leads": LeadsPage, "signing": SigningPage}
    return kinds[name](ops, parent)


class InspectionPage(QWidget):
    back_requested = Signal()

    def __init__(self, ops: Operations, undo: QUndoStack, parent: QWidget | None = None,
                 made: dict[str, Any] | None = None):
        """`made`: tabs made before (`make_part`, one per turn of the event loop: ui/main_window.py), taken
        from the dict; the others are made here."""
        super().__init__(parent)
        self.ops = ops
        self.undo = undo
        self.inspection_id: str | None = None
        self.detail: InspectionDetail | None = None
        self._reload_seq = 0
        self._select_tab_pending = False
        self.title = QLabel(self)
        self.title.setObjectName("inspection_title")
        self.title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.status = QLabel(self)
        finish = keymap.binding("finish")
        self.finish_button = QPushButton(self.tr("Finish on-site work (%1)").replace("%1", finish.shown()), self)
        self.finish_button.setObjectName("finish_on_site")
        self.finish_button.setShortcut(finish.sequences()[0])
        self.finish_button.clicked.connect(self._finish)
        back_key = keymap.binding("back")
        back = QPushButton(self.tr("← Inspections (%1)").replace("%1", back_key.shown()), self)
        back.setObjectName("back_to_list")
        back.setShortcut(back_key.sequences()[0])
        back.clicked.connect(self.back_requested)
        self.tabs = QTabWidget(self)
        made = made if made is not None else {}
        parts = {name: made.pop(name, None) or make_part(name, ops, undo, self) for name in PARTS}
        self.team: TeamPage = parts["team"]
        self.checklist: ChecklistPage = parts["checklist"]
        self.findings: FindingsPage = parts["findings"]
        self.evidence: EvidencePage = parts["evidence"]
        self.leads: LeadsPage = parts["leads"]
        self.signing: SigningPage = parts["signing"]
        self.tabs.addTab(self.team, self.tr("Team && procedure"))
        self.tabs.addTab(self.checklist, self.tr("Checklist"))
        self.tabs.addTab(self.findings, self.tr("Findings"))
        self.tabs.addTab(self.evidence, self.tr("Evidence"))
        self.tabs.addTab(self.leads, self.tr("Leads"))
        self.tabs.addTab(self.signing, self.tr("Signatures && record"))
        self.team.start_requested.connect(self._start)
        self.checklist.finding_requested.connect(self._finding_for_item)
        self.checklist.evidence_requested.connect(
            lambda answer_id: self.evidence.choose_files(link=("answer", answer_id)))
        self.leads.evidence_requested.connect(
            lambda finding_id: self.evidence.choose_files(link=("finding", finding_id)))
        head = QHBoxLayout()
        head.addWidget(back)
        head.addWidget(self.title, 1)
        head.addWidget(self.status)
        head.addWidget(self.finish_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.tabs, 1)
        ops.changed.connect(self._changed)

    def open(self, inspection_id: str) -> None:
        if inspection_id != self.inspection_id:
            self.checklist.flush()
            self.undo.clear()
        self.inspection_id = inspection_id
        self.reload(select_tab=True)
        self.signing.open(inspection_id)

    def reload(self, select_tab: bool = False) -> None:
        iid = self.inspection_id
        if iid is None:
            return
        app = self.ops.app
        # Reads run on a pool, so two reloads (one per write of a multi-officer action) can finish out of order;
        # only the newest request may paint, or an older snapshot would overwrite a newer one.
        self._reload_seq += 1
        seq = self._reload_seq
        self._select_tab_pending = self._select_tab_pending or select_tab  # a superseded open() still picks the tab
        self.ops.read(lambda: (app.queries.detail(iid), app.queries.checklist(iid), app.findings.list(iid),
                               app.evidence.list(iid), app.lead_review.on_site(iid)),
                      lambda data: self._loaded(data, seq))

    def _loaded(self, data: tuple[Any, ...], seq: int) -> None:
        detail, parts, findings, evidence, leads = data
        if detail.summary.id != self.inspection_id or seq != self._reload_seq:
            return
        select_tab, self._select_tab_pending = self._select_tab_pending, False
        self.detail = detail
        status, role, facts = detail.summary.status, self.ops.role, detail.facts()
        s = detail.summary
        self.title.setText(f"{s.institution_name} — {labels.inspection_type(s.inspection_type)}")
        self.status.setText(labels.status(s.status))
        self.finish_button.setVisible(may(Action.FINISH_ON_SITE, status, role, facts))
        self.team.set_detail(detail)
        self.checklist.inspection_id = detail.summary.id
        self.checklist.set_checklist(parts, not may(Action.EDIT_CHECKLIST, status, role, facts))
        self.findings.set_findings(detail.summary.id, findings, not may(Action.EDIT_FINDINGS, status, role, facts))
        self.evidence.set_evidence(detail.summary.id, evidence, not may(Action.ADD_EVIDENCE, status, role, facts))
        self.leads.set_data(detail, leads)
        if select_tab:  # the team tab while the team is being settled, else the checklist
            self.tabs.setCurrentWidget(self.team if may(Action.EDIT_TEAM, status, role, facts) else self.checklist)

    def _changed(self, changes: Changes) -> None:
        if self.inspection_id is None or self.inspection_id not in changes.inspections:
            return
        if changes.answers and not (changes.findings or changes.evidence) and self.detail is not None \
                and may(Action.EDIT_CHECKLIST, self.detail.summary.status, None, self.detail.facts()):
            return  # answers being edited update in place through answer_saved; no reload needed
        self.reload()

    def _start(self) -> None:
        iid, actor = self.inspection_id, self.ops.actor
        self.ops.write(lambda: self.ops.app.inspections.start_on_site(actor, iid),
                       lambda _r: self.tabs.setCurrentWidget(self.checklist))

    def step_tab(self, step: int) -> None:
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())

    def show_checklist(self) -> None:
        self.tabs.setCurrentWidget(self.checklist)

    def _finish(self) -> None:
        """First what is missing (the required items still unanswered, by id and name, with a way to the first
        one); the confirmation only when the end of the on-site work can succeed."""
        self.checklist.flush()
        iid = self.inspection_id
        if iid is None:
            return
        # Queued behind the answers still being written (the writer thread runs in order), so it sees them.
        self.ops.write(lambda: self.ops.app.inspections.unanswered_required(iid), self._finish_checked)

    def _finish_checked(self, missing: list[tuple[str, str]]) -> None:
        if missing:
            shown = "\n".join(f"{REQUIRED} {item_id}  {label}" for item_id, label in missing[:15])
            more = len(missing) - 15
            if more > 0:
                shown += "\n" + self.tr("… and %n more", "", more)
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Finish on-site work"),
                              self.tr("%n required item(s) are not answered yet:", "", len(missing)) + "\n" + shown,
                              parent=self)
            box.setObjectName("required_missing_box")
            go = box.addButton(self.tr("Go to the first"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(QMessageBox.StandardButton.Close)
            box.setDefaultButton(go)
            box.exec()
            if box.clickedButton() is go:
                self.tabs.setCurrentWidget(self.checklist)
                self.checklist.select_item(missing[0][0])
            return
        answer = QMessageBox.question(self, self.tr("Finish on-site work"),
                                      self.tr("Finish the on-site work? The record then waits for signatures; "
                                              "answers can still be corrected until it is signed."))
        if answer == QMessageBox.StandardButton.Yes:
            iid, actor = self.inspection_id, self.ops.actor
            self.ops.write(lambda: self.ops.app.inspections.finish_on_site(actor, iid))

    def _finding_for_item(self, answer_id: str) -> None:
        # The inspector stays on the checklist: the dialog opens over it and the focus goes back to the item, so
        # the next key answers it (keyboard-first); the finding shows on the Findings tab.
        self.ops.read(lambda: self.ops.app.findings.prefill_from_item(answer_id),
                      lambda draft: (self.findings.add_for_item(draft, answer_id),
                                     self.checklist.panel.schedule_focus()))

    def flush(self) -> None:
        self.checklist.flush()
