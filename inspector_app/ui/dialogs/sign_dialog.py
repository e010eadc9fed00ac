"""An officer of the team signs the record with their certificate (PKCS#12 + password) on the writer thread, with
progress; the first signature certifies and freezes the record, later ones countersign. Each officer's key and
handwritten-signature state is shown, and both can be supplied from here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
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
from inspector_app.domain.errors import DomainError
from inspector_app.services.context import Actor
from inspector_app.services.document_pipeline import signing_cancellable, warm_signing
from inspector_app.services.signing import DocumentDTO
from inspector_app.ui import signing_state
from inspector_app.ui.dialogs.inline import message, write_inline
from inspector_app.ui.dialogs.signature_dialog import SignatureDialog
from inspector_app.ui.dialogs.signing_progress import SigningProgress
from inspector_app.ui.errors import user_message
from inspector_app.ui.operations import Operations
from inspector_app.ui.signing_state import OfficerState, SigningState


class SignDialog(QDialog):
    signed = Signal(object)  # DocumentDTO

    def __init__(self, ops: Operations, inspection_id: str, parent: QWidget | None = None,
                 state: SigningState | None = None):
        super().__init__(parent)
        self.ops, self.inspection_id = ops, inspection_id
        self.state: SigningState | None = None
        self.document: DocumentDTO | None = None
        self.setWindowTitle(self.tr("Officer signs the record"))
        self.setMinimumSize(720, 460)
        intro = QLabel(self.tr("Each officer of the team signs with their own signing certificate. The first "
                               "signature freezes the record; corrections afterwards need an addendum."), self)
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("sign_officers")
        self.table.setHorizontalHeaderLabels([self.tr("Officer"), self.tr("Signing certificate"),
                                              self.tr("Handwritten signature"), self.tr("Digital signature")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.draw_button = QPushButton(self.tr("&Draw handwritten signature…"), self)
        self.draw_button.setObjectName("draw_signature")
        self.import_button = QPushButton(self.tr("&Import certificate (PKCS#12)…"), self)
        self.import_button.setObjectName("import_certificate")
        self.draw_button.clicked.connect(self.draw_signature)
        self.import_button.clicked.connect(self.import_certificate)
        self.password = QLineEdit(self)
        self.password.setObjectName("sign_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.info = QLabel(self)
        self.info.setObjectName("sign_info")
        self.info.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("sign_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.sign_button = self.buttons.addButton(self.tr("&Sign"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_button.setObjectName("sign_button")
        self.sign_button.setDefault(True)
        self.buttons.accepted.connect(self.sign)
        self.buttons.rejected.connect(self.reject)
        tools = QHBoxLayout()
        tools.addWidget(self.draw_button)
        tools.addWidget(self.import_button)
        tools.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Certificate &password:"), self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(tools)
        layout.addLayout(form)
        layout.addWidget(self.info)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.progress = SigningProgress(self, "sign_progress", self.tr("Signing the record"),
                                        cancellable=signing_cancellable())
        self._busy = False
        warm_signing()  # the signing process starts while the officer types the password
        if state is not None:
            self.set_state(state)
        else:
            self.reload()

    # -- data
    def reload(self) -> None:
        app, iid = self.ops.app, self.inspection_id
        self.ops.read(lambda: signing_state.load(app, iid), self.set_state, self._failed)

    def set_state(self, state: SigningState) -> None:
        chosen = self.selected_officer()
        self.state = state
        self.table.setRowCount(len(state.officers))
        for row, o in enumerate(state.officers):
            cells = [(o.name, None),
                     (self.tr("imported") if o.has_key else self.tr("missing — import it"), o.has_key),
                     (self.tr("drawn") if o.drawn else self.tr("not drawn yet"), o.drawn),
                     (self.tr("signed") if o.signed else self.tr("not signed"), o.signed)]
            for col, (text, good) in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, o.officer_id)
                if good is not None:
                    item.setForeground(Qt.GlobalColor.darkGreen if good else Qt.GlobalColor.darkRed)
                self.table.setItem(row, col, item)
        rows = {o.officer_id: n for n, o in enumerate(state.officers)}
        me = self.ops.actor.officer_id
        default = next((n for n, o in enumerate(state.officers) if not o.signed and o.officer_id == me),
                       next((n for n, o in enumerate(state.officers) if not o.signed), 0))
        self.table.selectRow(rows.get(chosen, default) if chosen else default)
        self._selection_changed()

    def select_officer(self, officer_id: str) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) == officer_id:
                self.table.selectRow(row)
                return

    def selected_officer(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole) if rows else None

    def _officer(self) -> OfficerState | None:
        oid = self.selected_officer()
        return next((o for o in self.state.officers if o.officer_id == oid), None) if self.state else None

    def _selection_changed(self) -> None:
        o = self._officer()
        frozen = bool(self.state and self.state.frozen)
        self.draw_button.setEnabled(o is not None and not frozen and not self._busy)
        self.import_button.setEnabled(o is not None and not self._busy)
        ready = o is not None and o.has_key and not o.signed and not self._busy
        self.sign_button.setEnabled(ready)
        self.password.setEnabled(ready)
        if o is None:
            self.info.setText("")
        elif o.signed:
            self.info.setText(self.tr("%1 has already signed this record.").replace("%1", o.name))
        elif not o.has_key:
            self.info.setText(self.tr("%1 has no signing certificate on this laptop: import their PKCS#12 file.")
                              .replace("%1", o.name))
        elif self.state and self.state.missing and not frozen:
            self.info.setText(self.tr("Before the first signature: %1").replace(
                "%1", user_message(DomainError("signing.not_ready", "", problems=self.state.missing))))
        else:
            self.info.setText(self.tr("%1 signs as officer of the team. Enter the certificate password.")
                              .replace("%1", o.name))

    # -- handwritten signature and certificate
    def draw_signature(self) -> None:
        o = self._officer()
        if o is None:
            return
        dialog = SignatureDialog("officer", self, name=o.name, ops=self.ops, inspection_id=self.inspection_id,
                                 officer_id=o.officer_id)
        if dialog.exec():
            self.reload()

    def import_certificate(self) -> None:
        o = self._officer()
        if o is None:
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Signing certificate of %1").replace("%1", o.name), "",
                                              self.tr("PKCS#12 certificate (*.p12 *.pfx);;All files (*)"))
        if not path:
            return
        password, ok = QInputDialog.getText(self, self.tr("Certificate password"),
                                            self.tr("Password of %1:").replace("%1", Path(path).name),
                                            QLineEdit.EchoMode.Password)
        if ok:
            self.import_file(o.officer_id, Path(path), password)

    def import_file(self, officer_id: str, path: Path, password: str) -> None:
        keys = self.ops.app.keys
        self.error.setText("")
        self.ops.read(lambda: keys.import_pkcs12(officer_id, path, password), self._imported, self._failed)

    def _imported(self, cert: Any) -> None:
        subject = cert.subject.rfc4514_string()
        until = local(cert.not_valid_after_utc)
        self.info.setText(self.tr("Certificate imported: %1, valid until %2.").replace("%1", subject)
                          .replace("%2", f"{until:%Y-%m-%d}"))
        self.reload()

    # -- signing
    def sign(self) -> None:
        o = self._officer()
        if o is None or self._busy or not self.sign_button.isEnabled():
            return
        password = self.password.text()
        if not password:
            self.error.setText(self.tr("Enter the password of the signing certificate."))
            self.password.setFocus()
            return
        app, iid, report = self.ops.app, self.inspection_id, self.progress.report
        actor = Actor(o.name, o.officer_id)  # the password proves who signs
        self._busy = True
        self._selection_changed()
        self.error.setText("")
        self.progress.start(self.tr("Signing…"))
        cancel = self.progress.cancel_event
        write_inline(self.ops, lambda: app.signing.sign_record(actor, iid, o.officer_id, password, report, cancel),
                     self._signed, self._sign_failed)

    def _end_progress(self) -> None:
        self._busy = False
        self.progress.end()

    def _signed(self, result: tuple[DocumentDTO, Any]) -> None:
        self._end_progress()
        self.document = result[0]
        self.password.clear()
        self.signed.emit(self.document)
        self.accept()

    def _sign_failed(self, exc: BaseException) -> None:
        self._end_progress()
        self._selection_changed()
        self.error.setText(message(exc))
        self.password.selectAll()
        self.password.setFocus()

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(message(exc))

    def reject(self) -> None:
        if not self._busy:  # the signature is being written: wait for it
            super().reject()

    def accept(self) -> None:
        if self.document is not None:
            super().accept()
        else:
            self.sign()
