"""Signatures and the signed record: what is still missing, the officers' handwritten and digital signatures, the
party's sign-off or refusal; the signed documents and the actions on them (sign, verify, view, export; after signing,
countersignatures, the rectification notice, an addendum and submission for review) are the SignedDocuments panel
(signing_documents.py), whose widgets and actions the page exposes under the same names."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QTableWidget, QVBoxLayout, QWidget

from inspector_app.domain.rules import Action, Facts
from inspector_app.services.changes import Changes
from inspector_app.ui import signing_state
from inspector_app.ui.allowed import follow_rules
from inspector_app.ui.operations import Operations
from inspector_app.ui.signing_state import SigningState
from inspector_app.ui.pages.draft_preview import DraftPreview
from inspector_app.ui.pages.signing_documents import SignedDocuments, make_table, pdf_file_name, set_cell
from inspector_app.ui.errors import user_message

if TYPE_CHECKING:  # the dialogs and the viewer are imported when first opened (start-up: issue 17)
    from inspector_app.ui.dialogs.verify_dialog import VerifyDialog
    from inspector_app.ui.widgets.pdf_viewer import PdfViewer

__all__ = ["SigningPage", "fit_rows", "pdf_file_name"]

GOOD, WARN = "#1b7f3b", "#8a6d00"


def fit_rows(table: QTableWidget, rows: int) -> None:
    """Height for `rows` rows: the officers table never needs to scroll, nor to leave half the page blank."""
    height = table.horizontalHeader().sizeHint().height() + rows * table.verticalHeader().defaultSectionSize()
    table.setFixedHeight(height + 2 * table.frameWidth() + 2)


class SigningPage(QWidget):
    loaded = Signal(object)  # SigningState, after each refresh

    def __init__(self, ops: Operations, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.inspection_id: str | None = None
        self.state: SigningState | None = None
        self._stale = False
        self.readiness = QLabel(self)
        self.readiness.setObjectName("signing_readiness")
        self.readiness.setWordWrap(True)
        self.readiness.setTextFormat(Qt.TextFormat.RichText)
        # A fixed band for what is missing (up to six lines): as the list shrinks, the buttons below stay where
        # they are instead of jumping under the pointer.
        self.readiness.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.readiness.setFixedHeight(self.readiness.fontMetrics().lineSpacing() * 7 + 8)
        # officers
        self.officers = make_table(self, "signing_officers", [self.tr("Officer"), self.tr("Signing certificate"),
                                                          self.tr("Handwritten signature"),
                                                          self.tr("Digital signature")])
        fit_rows(self.officers, 3)
        self.draw_button = QPushButton(self.tr("Draw hand&written signature…"), self)
        self.draw_button.setObjectName("draw_officer_signature")
        self.draw_button.clicked.connect(self.draw_officer_signature)
        self.sign_button = QPushButton(self.tr("&Officer signs…"), self)
        self.sign_button.setObjectName("officer_signs")
        self.sign_button.setStyleSheet("font-weight: bold; padding: 4px 12px;")
        self.sign_button.clicked.connect(self.officer_signs)
        officers_box = QGroupBox(self.tr("Officers"), self)
        officer_buttons = QHBoxLayout()
        officer_buttons.addWidget(self.draw_button)
        officer_buttons.addStretch(1)
        officer_buttons.addWidget(self.sign_button)
        officers_layout = QVBoxLayout(officers_box)
        officers_layout.addWidget(self.officers, 1)
        officers_layout.addLayout(officer_buttons)
        # party
        self.party = QLabel(self)
        self.party.setObjectName("signing_party")
        self.party.setWordWrap(True)
        self.party.setTextFormat(Qt.TextFormat.RichText)
        self.party.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.party_button = QPushButton(self.tr("&Party signs / refuses…"), self)
        self.party_button.setObjectName("party_signoff")
        self.party_button.clicked.connect(self.party_signoff)
        party_box = QGroupBox(self.tr("Inspected party"), self)
        party_layout = QVBoxLayout(party_box)
        party_layout.addWidget(self.party, 1)
        # the party reads the record before anyone signs (signing freezes it): a watermarked draft, not signable
        self.draft = DraftPreview(self)
        self.draft_button = self.draft.button
        party_buttons = QHBoxLayout()
        party_buttons.addWidget(self.draft_button)
        party_buttons.addStretch(1)
        party_buttons.addWidget(self.party_button)
        party_layout.addLayout(party_buttons)
        # documents: the table, the actions on the selected document and the follow-up actions (signing_documents)
        self.docs = SignedDocuments(self)
        for name in ("documents", "info", "verify_button", "open_button", "system_button", "export_button",
                     "countersign_button", "notice_button", "addendum_button", "inquiry_button", "service_button",
                     "seizure_button", "make_seizure",
                     "submit_button", "selected_document", "countersign", "issue_notice", "make_inquiry",
                     "make_service", "make_addendum", "submit", "open_pdf", "verify", "open_in_system", "export_pdf",
                     "export_to"):
            setattr(self, name, getattr(self.docs, name))
        upper = QHBoxLayout()
        upper.addWidget(officers_box, 3)
        upper.addWidget(party_box, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.readiness)
        layout.addLayout(upper)
        layout.addWidget(self.docs, 1)
        ops.changed.connect(self._changed)
        self._update_buttons()

    # the in-app viewer and the verification dialog belong to the documents panel (the draft preview opens its
    # viewer through the page)
    @property
    def viewer(self) -> PdfViewer | None:
        return self.docs.viewer

    @viewer.setter
    def viewer(self, viewer: PdfViewer | None) -> None:
        self.docs.viewer = viewer

    def _viewer_gone(self) -> None:
        self.docs.viewer = None

    @property
    def verify_dialog(self) -> VerifyDialog | None:
        return self.docs.verify_dialog

    # -- data
    def open(self, inspection_id: str) -> None:
        if inspection_id != self.inspection_id:
            self.state = None
            self.info.clear()
        self.inspection_id = inspection_id
        self.reload()

    def reload(self) -> None:
        self._stale = False
        iid, app = self.inspection_id, self.ops.app
        if iid is not None:
            self.ops.read(lambda: signing_state.load(app, iid), self.set_state)

    def _changed(self, changes: Changes) -> None:
        if self.inspection_id is None or self.inspection_id not in changes.inspections:
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True  # e.g. checklist answers: refresh when the tab is shown

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self.reload()

    def set_state(self, state: SigningState) -> None:
        if state.detail.summary.id != self.inspection_id:
            return
        self.state = state
        self._show_readiness(state)
        self._show_officers(state)
        self._show_party(state)
        self.docs.show_documents(state)
        self._update_buttons()
        self.loaded.emit(state)

    def _show_readiness(self, s: SigningState) -> None:
        record = s.record
        waiting = [o.name for o in s.officers if not o.signed]
        if record is not None and not waiting:
            text, color = self.tr("✔ The record %1 is signed by every officer of the team.").replace(
                "%1", escape(record.number)), GOOD
        elif record is not None:
            text, color = self.tr("The record %1 is frozen by the first signature. Still to sign: %2.").replace(
                "%1", escape(record.number)).replace("%2", escape("、".join(waiting))), WARN
        elif s.missing:
            items = "".join(f"<li>{escape(user_message(m))}</li>" for m in s.missing)
            text, color = self.tr("Before the record can be signed:") + f"<ul style='margin:0'>{items}</ul>", WARN
        else:
            text, color = self.tr("Ready: the officers can sign the record."), GOOD
        self.readiness.setText(f"<span style='font-weight:bold; color:{color}'>{text}</span>")

    def _show_officers(self, s: SigningState) -> None:
        selected = self.selected_officer()
        self.officers.setRowCount(len(s.officers))
        for row, o in enumerate(s.officers):
            set_cell(self.officers, row, 0, o.name, None, o.officer_id)
            set_cell(self.officers, row, 1, self.tr("imported") if o.has_key else self.tr("missing"), o.has_key)
            set_cell(self.officers, row, 2, self.tr("drawn") if o.drawn else self.tr("not drawn yet"), o.drawn)
            set_cell(self.officers, row, 3, self.tr("signed") if o.signed else self.tr("not signed"), o.signed)
        fit_rows(self.officers, max(3, len(s.officers)))
        rows = [n for n, o in enumerate(s.officers) if o.officer_id == selected]
        if s.officers:
            self.officers.selectRow(rows[0] if rows else 0)

    def _show_party(self, s: SigningState) -> None:
        p = s.party
        if p is None:
            self.party.setText(self.tr("Not recorded yet. After the record is read to them, the party's "
                                       "representative signs it — or, if they refuse, record the refusal with a "
                                       "witness."))
            return
        if p.signature_drawn:
            note, color = self.tr("Handwritten signature captured."), GOOD
        else:
            note, color = self.tr("No handwritten signature captured."), WARN
        drawn = f"<br><span style='color:{color}'>{escape(note)}</span>"
        if p.refused:
            text = self.tr("<b>Refused to sign.</b> Reason: %1<br>Witness: %2 (%3)").replace(
                "%1", escape(p.refusal_reason)).replace("%2", escape(p.witness_name)).replace(
                "%3", escape(p.witness_relation))
        else:
            who = p.signer_name + (f"（{p.title}）" if p.title else "")
            text = self.tr("<b>Signed</b> by %1").replace("%1", escape(who))
        self.party.setText(text + drawn)

    def _update_buttons(self) -> None:
        s = self.state
        doc = self.selected_document()
        for b in (self.verify_button, self.open_button, self.system_button, self.export_button):
            b.setEnabled(doc is not None)
        follow_rules({self.party_button: Action.PARTY_SIGNOFF, self.draft_button: Action.PREVIEW_DRAFT,
                      self.draw_button: Action.CAPTURE_SIGNATURE, self.sign_button: Action.SIGN,
                      self.countersign_button: Action.COUNTERSIGN, self.notice_button: Action.ISSUE_NOTICE,
                      self.addendum_button: Action.ADDENDUM, self.submit_button: Action.SUBMIT,
                      self.inquiry_button: Action.INQUIRY, self.service_button: Action.SERVE,
                      self.seizure_button: Action.SEIZE},
                     s.detail.summary.status if s else None, self.ops.role,
                     s.facts(bool(self.docs.pending_officers(doc))) if s else Facts())
        if doc is None or doc.kind not in signing_state.SERVABLE or doc.pending_fields:  # the selection, not a rule
            self.service_button.setEnabled(False)

    # -- selection
    def selected_officer(self) -> str | None:
        rows = self.officers.selectionModel().selectedRows()
        return self.officers.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole) if rows else None

    # -- actions
    def party_signoff(self) -> None:
        if self.state is None or self.inspection_id is None:
            return
        from inspector_app.ui.dialogs.party_signoff_dialog import PartySignoffDialog

        PartySignoffDialog(self.ops, self.inspection_id, self.state.detail.summary.institution_name, self).exec()

    def draw_officer_signature(self) -> None:
        officer_id = self.selected_officer()
        o = next((o for o in self.state.officers if o.officer_id == officer_id), None) if self.state else None
        if o is None:
            return
        from inspector_app.ui.dialogs.signature_dialog import SignatureDialog

        SignatureDialog("officer", self, name=o.name, ops=self.ops, inspection_id=self.inspection_id,
                        officer_id=o.officer_id).exec()

    def officer_signs(self) -> None:
        if self.state is None or self.inspection_id is None:
            return
        from inspector_app.ui.dialogs.sign_dialog import SignDialog

        dialog = SignDialog(self.ops, self.inspection_id, self, state=self.state)
        chosen = next((o for o in self.state.officers if o.officer_id == self.selected_officer()), None)
        if chosen is not None and not chosen.signed:
            dialog.select_officer(chosen.officer_id)
        dialog.exec()

    def draft_preview(self) -> None:
        self.draft.start()
