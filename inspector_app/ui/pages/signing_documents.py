"""The signing page's signed documents: the table (number, kind with its service, signed and awaiting fields), the
selection, the file actions on the selected document (open, verify, open in the system viewer, export) and the
follow-up actions after signing (countersign, notice, addendum, inquiry, proof of service, submission)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
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
from inspector_app.services.context import Actor
from inspector_app.services.signing import DocumentDTO
from inspector_app.ui import record_labels
from inspector_app.ui.file_dialogs import EXPORT_PDF, FileDialogs
from inspector_app.ui.signing_state import SigningState

if TYPE_CHECKING:  # the dialogs and the viewer are imported when first opened (start-up: issue 17)
    from inspector_app.ui.dialogs.verify_dialog import VerifyDialog
    from inspector_app.ui.pages.signing_page import SigningPage
    from inspector_app.ui.widgets.pdf_viewer import PdfViewer


def make_table(parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    return table


def set_cell(table: QTableWidget, row: int, col: int, text: str, good: bool | None = None, data: Any = None) -> None:
    item = QTableWidgetItem(text)
    item.setData(Qt.ItemDataRole.UserRole, data)
    if good is not None:
        item.setForeground(Qt.GlobalColor.darkGreen if good else Qt.GlobalColor.darkRed)
    table.setItem(row, col, item)


def pdf_file_name(doc: DocumentDTO) -> str:
    return (re.sub(r'[\\/:*?"<>|\s]+', "_", doc.number) or doc.kind) + ".pdf"


class SignedDocuments(QGroupBox):
    """The "Signed documents" box of `page` (a SigningPage: its state, inspection and operations)."""

    def __init__(self, page: SigningPage):
        super().__init__(page)
        self.setTitle(self.tr("Signed documents"))
        self.page = page
        self.ops = page.ops
        self.viewer: PdfViewer | None = None
        self.verify_dialog: VerifyDialog | None = None
        self.documents = make_table(self, "signing_documents", [self.tr("Number"), self.tr("Document"),
                                                                self.tr("Signed by"), self.tr("Awaiting"),
                                                                self.tr("Created")])
        self.documents.itemSelectionChanged.connect(page._update_buttons)
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
        self.seizure_button = QPushButton(self.tr("Sei&zure or preservation…"), self)  # 封存 / 先行登记保存
        self.seizure_button.setObjectName("make_seizure")
        self.seizure_button.clicked.connect(self.make_seizure)
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
                  self.service_button, self.seizure_button):
            follow_up.addWidget(b)
        follow_up.addStretch(1)
        follow_up.addWidget(self.submit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.documents, 1)
        layout.addLayout(doc_buttons)
        layout.addLayout(follow_up)
        layout.addWidget(self.info)

    def show_documents(self, s: SigningState) -> None:
        selected = self.selected_document()
        self.documents.setRowCount(len(s.documents))
        for row, d in enumerate(s.documents):
            set_cell(self.documents, row, 0, d.number, None, d.id)
            served = s.served.get(d.id)
            kind = record_labels.document_kind(d.kind)
            if served is not None:  # the served document shows its service (送达回证)
                from inspector_app.ui.dialogs.service_dialog import method_labels

                kind = self.tr("%1 — served %2 (%3)").replace("%1", kind).replace(
                    "%2", f"{local(served.served_at):%Y-%m-%d}").replace(
                    "%3", method_labels().get(served.method, served.method))
            set_cell(self.documents, row, 1, kind)
            set_cell(self.documents, row, 2, record_labels.fields(d.signed_fields))
            set_cell(self.documents, row, 3, record_labels.fields(d.pending_fields))
            set_cell(self.documents, row, 4, f"{local(d.created_at):%Y-%m-%d %H:%M}")
        ids = [d.id for d in s.documents]
        if ids:
            self.documents.selectRow(ids.index(selected.id) if selected and selected.id in ids else 0)

    # -- selection
    def selected_document(self) -> DocumentDTO | None:
        rows = self.documents.selectionModel().selectedRows()
        if not rows or self.page.state is None:
            return None
        doc_id = self.documents.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        return next((d for d in self.page.state.documents if d.id == doc_id), None)

    def pending_officers(self, doc: DocumentDTO | None) -> list[tuple[str, str]]:
        """(officer id, name) of team officers whose field on `doc` still waits (record and addenda number the
        officers as the team does; a notice has only the issuing officer's field, signed at issue)."""
        state = self.page.state
        if doc is None or state is None or doc.kind not in ("record", "addendum", "inquiry", "service", "seal",
                                                                "preservation", "seal_extension"):
            return []
        return [(o.officer_id, o.name) for o in state.officers if o.field in doc.pending_fields]

    def _team(self) -> list[tuple[str, str]]:
        state = self.page.state
        return [(o.officer_id, o.name) for o in state.officers] if state else []

    # -- follow-up actions (dialogs stay parented to the page)
    def countersign(self) -> None:
        doc = self.selected_document()
        pending = self.pending_officers(doc)
        if doc is None or not pending:
            return
        names = [name for _oid, name in pending]
        name, ok = QInputDialog.getItem(self.page, self.tr("Countersign"), self.tr("Officer:"), names, 0, False)
        if not ok:
            return
        oid = pending[names.index(name)][0]
        password, ok = QInputDialog.getText(self.page, self.tr("Countersign"),
                                            self.tr("Password of the signing certificate of %1:").replace("%1", name),
                                            QLineEdit.EchoMode.Password)
        if ok and password:
            self.ops.write(lambda: self.ops.app.signing.countersign(Actor(name, oid), doc.id, oid, password))

    def issue_notice(self) -> None:
        s, iid = self.page.state, self.page.inspection_id
        if s is None or iid is None:
            return
        today = local(self.ops.app.ctx.clock()).date()
        from inspector_app.ui.dialogs.document_dialogs import NoticeDialog

        NoticeDialog(self.ops, iid, self._team(), today, s.detail.summary.findings, self.page).exec()

    def make_inquiry(self) -> None:
        s, iid = self.page.state, self.page.inspection_id
        if s is None or iid is None:
            return
        from inspector_app.ui.dialogs.inquiry_dialog import InquiryDialog

        InquiryDialog(self.ops, iid, self._team(), s.detail.summary.institution_name, self.page).exec()

    def make_seizure(self) -> None:
        s, iid = self.page.state, self.page.inspection_id
        if s is None or iid is None:
            return
        from inspector_app.ui.dialogs.seizure_dialog import SeizureDialog

        SeizureDialog(self.ops, iid, self._team(), s.detail.summary.institution_name, self.page).exec()

    def make_service(self) -> None:
        s, doc = self.page.state, self.selected_document()
        if s is None or doc is None:
            return
        from inspector_app.ui.dialogs.service_dialog import ServiceDialog

        ServiceDialog(self.ops, doc, self._team(), s.detail.summary.institution_name, self.page).exec()

    def make_addendum(self) -> None:
        s, iid = self.page.state, self.page.inspection_id
        if s is None or iid is None:
            return
        from inspector_app.ui.dialogs.document_dialogs import AddendumDialog

        AddendumDialog(self.ops, iid, self._team(), s.detail.summary.institution_name, self.page).exec()

    def submit(self) -> None:
        iid = self.page.inspection_id
        if iid is not None:
            actor = self.ops.actor
            self.ops.write(lambda: self.ops.app.review.submit(actor, iid))

    # -- the selected document's PDF
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
        from inspector_app.ui.widgets.pdf_viewer import PdfViewer

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
            from inspector_app.ui.dialogs.verify_dialog import VerifyDialog

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
        name = FileDialogs.of(self.page).save_file_name(EXPORT_PDF, self.tr("Export signed PDF"),
                                                        str(Path.home() / pdf_file_name(doc)),
                                                        self.tr("PDF documents (*.pdf)"))
        if name:
            self.export_to(doc, Path(name))

    def export_to(self, doc: DocumentDTO, target: Path) -> None:
        signing = self.ops.app.signing
        self.ops.read(lambda: self._copy(Path(signing.pdf_path(doc.id)), target), self._exported)

    def _exported(self, path: Path) -> None:
        self.info.setText(self.tr("Exported to %1").replace("%1", str(path)))
