"""Signatures and the signed record: what is still missing, the officers' handwritten and digital signatures, the
party's sign-off or refusal, the signed documents, and the actions on them (sign, verify, view, export); after
signing, countersignatures, the rectification notice, an addendum and submission for review."""

from __future__ import annotations

import re
import shutil
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.agency_time import local
from inspector_app.domain.rules import Action, Facts
from inspector_app.services.changes import Changes
from inspector_app.services.context import Actor
from inspector_app.services.signing import DocumentDTO
from inspector_app.ui import record_labels, signing_state
from inspector_app.ui.dialogs.document_dialogs import AddendumDialog, NoticeDialog
from inspector_app.ui.dialogs.inquiry_dialog import InquiryDialog
from inspector_app.ui.dialogs.service_dialog import SERVABLE, ServiceDialog, method_labels
from inspector_app.ui.dialogs.party_signoff_dialog import PartySignoffDialog
from inspector_app.ui.dialogs.sign_dialog import SignDialog
from inspector_app.ui.dialogs.signature_dialog import SignatureDialog
from inspector_app.ui.dialogs.verify_dialog import VerifyDialog
from inspector_app.ui.allowed import follow_rules
from inspector_app.ui.operations import Operations
from inspector_app.ui.signing_state import SigningState
from inspector_app.ui.pages.draft_preview import DraftPreview
from inspector_app.ui.widgets.pdf_viewer import PdfViewer
from inspector_app.ui.errors import user_message

GOOD, WARN = "#1b7f3b", "#8a6d00"


def _table(parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    return table


def fit_rows(table: QTableWidget, rows: int) -> None:
    """Height for `rows` rows: the officers table never needs to scroll, nor to leave half the page blank."""
    height = table.horizontalHeader().sizeHint().height() + rows * table.verticalHeader().defaultSectionSize()
    table.setFixedHeight(height + 2 * table.frameWidth() + 2)


def pdf_file_name(doc: DocumentDTO) -> str:
    return (re.sub(r'[\\/:*?"<>|\s]+', "_", doc.number) or doc.kind) + ".pdf"


class SigningPage(QWidget):
    loaded = Signal(object)  # SigningState, after each refresh

    def __init__(self, ops: Operations, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.inspection_id: str | None = None
        self.state: SigningState | None = None
        self.viewer: PdfViewer | None = None
        self.verify_dialog: VerifyDialog | None = None
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
        self.officers = _table(self, "signing_officers", [self.tr("Officer"), self.tr("Signing certificate"),
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
        # documents
        self.documents = _table(self, "signing_documents", [self.tr("Number"), self.tr("Document"),
                                                            self.tr("Signed by"), self.tr("Awaiting"),
                                                            self.tr("Created")])
        self.documents.itemSelectionChanged.connect(self._update_buttons)
        self.documents.doubleClicked.connect(lambda _i: self.open_pdf())
        self.verify_button = QPushButton(self.tr("Verif&y…"), self)
        self.verify_button.setObjectName("verify_document")
        self.open_button = QPushButton(self.tr("Open P&DF"), self)
        self.open_button.setObjectName("open_pdf")
        self.system_button = QPushButton(self.tr("Open in sys&tem viewer"), self)
        self.system_button.setObjectName("open_system")
        self.export_button = QPushButton(self.tr("E&xport PDF…"), self)
        self.export_button.setObjectName("export_pdf")
        self.verify_button.clicked.connect(self.verify)
        self.open_button.clicked.connect(self.open_pdf)
        self.system_button.clicked.connect(self.open_in_system)
        self.export_button.clicked.connect(self.export_pdf)
        self.info = QLabel(self)
        self.info.setObjectName("signing_info")
        self.info.setWordWrap(True)
        doc_buttons = QHBoxLayout()
        for b in (self.open_button, self.system_button, self.verify_button, self.export_button):
            doc_buttons.addWidget(b)
        doc_buttons.addStretch(1)
        # after signing: countersign a document, the notice, an addendum, submission for review
        self.countersign_button = QPushButton(self.tr("Co&untersign…"), self)
        self.countersign_button.setObjectName("countersign_document")
        self.notice_button = QPushButton(self.tr("Rectification &notice…"), self)
        self.notice_button.setObjectName("issue_notice")
        self.addendum_button = QPushButton(self.tr("&Addendum…"), self)
        self.addendum_button.setObjectName("make_addendum")
        self.inquiry_button = QPushButton(self.tr("In&quiry record…"), self)  # 询问笔录 (records/kinds.py)
        self.inquiry_button.setObjectName("make_inquiry")
        self.service_button = QPushButton(self.tr("Proof of serv&ice…"), self)  # 送达回证 of the selected document
        self.service_button.setObjectName("make_service")
        self.inquiry_button.clicked.connect(self.make_inquiry)
        self.service_button.clicked.connect(self.make_service)
        self.submit_button = QPushButton(self.tr("Su&bmit for review"), self)
        self.submit_button.setObjectName("submit_for_review")
        self.countersign_button.clicked.connect(self.countersign)
        self.notice_button.clicked.connect(self.issue_notice)
        self.addendum_button.clicked.connect(self.make_addendum)
        self.submit_button.clicked.connect(self.submit)
        follow_up = QHBoxLayout()
        for b in (self.countersign_button, self.notice_button, self.addendum_button, self.inquiry_button,
                  self.service_button):
            follow_up.addWidget(b)
        follow_up.addStretch(1)
        follow_up.addWidget(self.submit_button)
        documents_box = QGroupBox(self.tr("Signed documents"), self)
        documents_layout = QVBoxLayout(documents_box)
        documents_layout.addWidget(self.documents, 1)
        documents_layout.addLayout(doc_buttons)
        documents_layout.addLayout(follow_up)
        documents_layout.addWidget(self.info)
        upper = QHBoxLayout()
        upper.addWidget(officers_box, 3)
        upper.addWidget(party_box, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.readiness)
        layout.addLayout(upper)
        layout.addWidget(documents_box, 1)
        ops.changed.connect(self._changed)
        self._update_buttons()

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
        self._show_documents(state)
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

    def _cell(self, table: QTableWidget, row: int, col: int, text: str, good: bool | None = None,
              data: Any = None) -> None:
        item = QTableWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, data)
        if good is not None:
            item.setForeground(Qt.GlobalColor.darkGreen if good else Qt.GlobalColor.darkRed)
        table.setItem(row, col, item)

    def _show_officers(self, s: SigningState) -> None:
        selected = self.selected_officer()
        self.officers.setRowCount(len(s.officers))
        for row, o in enumerate(s.officers):
            self._cell(self.officers, row, 0, o.name, None, o.officer_id)
            self._cell(self.officers, row, 1, self.tr("imported") if o.has_key else self.tr("missing"), o.has_key)
            self._cell(self.officers, row, 2, self.tr("drawn") if o.drawn else self.tr("not drawn yet"), o.drawn)
            self._cell(self.officers, row, 3, self.tr("signed") if o.signed else self.tr("not signed"), o.signed)
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

    def _show_documents(self, s: SigningState) -> None:
        selected = self.selected_document()
        self.documents.setRowCount(len(s.documents))
        for row, d in enumerate(s.documents):
            self._cell(self.documents, row, 0, d.number, None, d.id)
            served = s.served.get(d.id)
            kind = record_labels.document_kind(d.kind)
            if served is not None:  # the served document shows its service (送达回证)
                kind = self.tr("%1 — served %2 (%3)").replace("%1", kind).replace(
                    "%2", f"{local(served.served_at):%Y-%m-%d}").replace(
                    "%3", method_labels().get(served.method, served.method))
            self._cell(self.documents, row, 1, kind)
            self._cell(self.documents, row, 2, record_labels.fields(d.signed_fields))
            self._cell(self.documents, row, 3, record_labels.fields(d.pending_fields))
            self._cell(self.documents, row, 4, f"{local(d.created_at):%Y-%m-%d %H:%M}")
        ids = [d.id for d in s.documents]
        if ids:
            self.documents.selectRow(ids.index(selected.id) if selected and selected.id in ids else 0)

    def _update_buttons(self) -> None:
        s = self.state
        doc = self.selected_document()
        for b in (self.verify_button, self.open_button, self.system_button, self.export_button):
            b.setEnabled(doc is not None)
        follow_rules({self.party_button: Action.PARTY_SIGNOFF, self.draft_button: Action.PREVIEW_DRAFT,
                      self.draw_button: Action.CAPTURE_SIGNATURE, self.sign_button: Action.SIGN,
                      self.countersign_button: Action.COUNTERSIGN, self.notice_button: Action.ISSUE_NOTICE,
                      self.addendum_button: Action.ADDENDUM, self.submit_button: Action.SUBMIT,
                      self.inquiry_button: Action.INQUIRY, self.service_button: Action.SERVE},
                     s.detail.summary.status if s else None, self.ops.role,
                     s.facts(bool(self._pending_officers(doc))) if s else Facts())
        if doc is None or doc.kind not in SERVABLE or doc.pending_fields:  # the selection, not a rule
            self.service_button.setEnabled(False)

    # -- selection
    def selected_officer(self) -> str | None:
        rows = self.officers.selectionModel().selectedRows()
        return self.officers.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole) if rows else None

    def selected_document(self) -> DocumentDTO | None:
        rows = self.documents.selectionModel().selectedRows()
        if not rows or self.state is None:
            return None
        doc_id = self.documents.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        return next((d for d in self.state.documents if d.id == doc_id), None)

    def _pending_officers(self, doc: DocumentDTO | None) -> list[tuple[str, str]]:
        """(officer id, name) of team officers whose field on `doc` still waits (record and addenda number the
        officers as the team does; a notice has only the issuing officer's field, signed at issue)."""
        if doc is None or self.state is None or doc.kind not in ("record", "addendum", "inquiry", "service"):
            return []
        return [(o.officer_id, o.name) for o in self.state.officers if o.field in doc.pending_fields]

    def _team(self) -> list[tuple[str, str]]:
        return [(o.officer_id, o.name) for o in self.state.officers] if self.state else []

    # -- actions
    def countersign(self) -> None:
        doc = self.selected_document()
        pending = self._pending_officers(doc)
        if doc is None or not pending:
            return
        names = [name for _oid, name in pending]
        name, ok = QInputDialog.getItem(self, self.tr("Countersign"), self.tr("Officer:"), names, 0, False)
        if not ok:
            return
        oid = pending[names.index(name)][0]
        password, ok = QInputDialog.getText(self, self.tr("Countersign"),
                                            self.tr("Password of the signing certificate of %1:").replace("%1", name),
                                            QLineEdit.EchoMode.Password)
        if ok and password:
            self.ops.write(lambda: self.ops.app.signing.countersign(Actor(name, oid), doc.id, oid, password))

    def issue_notice(self) -> None:
        s = self.state
        if s is None or self.inspection_id is None:
            return
        today = local(self.ops.app.ctx.clock()).date()
        NoticeDialog(self.ops, self.inspection_id, self._team(), today, s.detail.summary.findings, self).exec()

    def make_inquiry(self) -> None:
        s, iid = self.state, self.inspection_id
        if s is None or iid is None:
            return
        InquiryDialog(self.ops, iid, self._team(), s.detail.summary.institution_name, self).exec()

    def make_service(self) -> None:
        s, doc = self.state, self.selected_document()
        if s is None or doc is None:
            return
        ServiceDialog(self.ops, doc, self._team(), s.detail.summary.institution_name, self).exec()

    def make_addendum(self) -> None:
        s, iid = self.state, self.inspection_id
        if s is None or iid is None:
            return
        AddendumDialog(self.ops, iid, self._team(), s.detail.summary.institution_name, self).exec()

    def submit(self) -> None:
        iid = self.inspection_id
        if iid is not None:
            actor = self.ops.actor
            self.ops.write(lambda: self.ops.app.review.submit(actor, iid))

    def party_signoff(self) -> None:
        if self.state is None or self.inspection_id is None:
            return
        PartySignoffDialog(self.ops, self.inspection_id, self.state.detail.summary.institution_name, self).exec()

    def draw_officer_signature(self) -> None:
        officer_id = self.selected_officer()
        o = next((o for o in self.state.officers if o.officer_id == officer_id), None) if self.state else None
        if o is None:
            return
        SignatureDialog("officer", self, name=o.name, ops=self.ops, inspection_id=self.inspection_id,
                        officer_id=o.officer_id).exec()

    def officer_signs(self) -> None:
        if self.state is None or self.inspection_id is None:
            return
        dialog = SignDialog(self.ops, self.inspection_id, self, state=self.state)
        chosen = next((o for o in self.state.officers if o.officer_id == self.selected_officer()), None)
        if chosen is not None and not chosen.signed:
            dialog.select_officer(chosen.officer_id)
        dialog.exec()

    def draft_preview(self) -> None:
        self.draft.start()

    def _with_pdf(self, then: Any) -> None:
        doc = self.selected_document()
        if doc is None:
            return
        signing = self.ops.app.signing
        self.ops.read(lambda: Path(signing.pdf_path(doc.id)), lambda path: then(doc, path))

    def open_pdf(self) -> None:
        self._with_pdf(self._show_pdf)

    def _show_pdf(self, doc: DocumentDTO, path: Path) -> None:
        if self.viewer is not None:
            self.viewer.close()
        self.viewer = PdfViewer(path, f"{doc.number} · {record_labels.document_kind(doc.kind)}", self.window())
        self.viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.viewer.destroyed.connect(self._viewer_gone)
        self.viewer.show()

    def _viewer_gone(self) -> None:
        self.viewer = None

    def verify(self) -> None:
        self._with_pdf(self._verify)

    def _verify(self, doc: DocumentDTO, path: Path) -> None:
        if self.verify_dialog is None:
            self.verify_dialog = VerifyDialog(self.ops, parent=self.window())
        self.verify_dialog.verify(path, label=f"{doc.number} · {record_labels.document_kind(doc.kind)}")
        self.verify_dialog.show()
        self.verify_dialog.raise_()

    def open_in_system(self) -> None:
        target_dir = Path(self.ops.app.paths.cache_dir) / "documents"

        def copy(doc: DocumentDTO, path: Path) -> None:
            # encrypted workspace: `path` is already a decrypted copy in the vault's private, wiped temp folder;
            # the named copy stays there rather than in clear in the workspace's cache
            base = path.parent / "documents" if self.ops.app.ctx.blobs.vault.encrypted else target_dir
            target = base / pdf_file_name(doc)
            self.ops.read(lambda: self._copy(path, target), self._launch)

        self._with_pdf(copy)

    @staticmethod
    def _copy(source: Path, target: Path) -> Path:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        return target

    def _launch(self, path: Path) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.info.setText(self.tr("No PDF viewer is set up on this computer. The file is at %1")
                              .replace("%1", str(path)))

    def export_pdf(self) -> None:
        doc = self.selected_document()
        if doc is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export signed PDF"), str(Path.home() / pdf_file_name(doc)),
                                              self.tr("PDF documents (*.pdf)"))
        if name:
            self.export_to(doc, Path(name))

    def export_to(self, doc: DocumentDTO, target: Path) -> None:
        signing = self.ops.app.signing
        self.ops.read(lambda: self._copy(Path(signing.pdf_path(doc.id)), target), self._exported)

    def _exported(self, path: Path) -> None:
        self.info.setText(self.tr("Exported to %1").replace("%1", str(path)))
