"""The 送达回证 dialog for the selected signed document: how it was served (直接, 留置 with a witness and a photo,
邮寄, 电子), to whom, when and where; the receiver's or the witness's handwriting; both serving officers sign on the
writer thread (the first certifies, the second countersigns at once). The photo is read on the writer thread too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.ui.widgets.date_edit import DateTimeEdit
from inspector_app.records import model_docs as md
from inspector_app.services.context import Actor
from inspector_app.services.service_receipts import ServiceInput
from inspector_app.ui.dialogs.document_dialogs import _SignedDocumentDialog
from inspector_app.ui.dialogs.inquiry_dialog import _pydt, _qdt
from inspector_app.ui.operations import Operations
from inspector_app.ui.record_labels import document_kind
from inspector_app.ui.widgets.signature_pad import SignaturePad

from inspector_app.ui.signing_state import SERVABLE  # noqa: F401 - documents served on the party (送达回证)


def method_labels() -> dict[str, str]:
    """送达方式 (stored in Chinese, as the document prints it) -> the UI's words."""
    return dict(zip(md.SERVICE_METHODS, (
        QCoreApplication.translate("ServiceDialog", "Handed over (signed for)"),
        QCoreApplication.translate("ServiceDialog", "Left at the premises (refused; witness and photo)"),
        QCoreApplication.translate("ServiceDialog", "By registered post"),
        QCoreApplication.translate("ServiceDialog", "Electronic")), strict=True))


class ServiceDialog(_SignedDocumentDialog):
    def __init__(self, ops: Operations, document: Any, officers: list[tuple[str, str]], institution: str,
                 parent: QWidget | None = None):
        super().__init__(ops, document.inspection_id, officers, parent)
        self.served = document
        self.photo_path: Path | None = None
        self.setWindowTitle(self.tr("Proof of service"))
        self.resize(720, 640)
        intro = QLabel(self.tr("Serving %1 %2.").replace("%1", document_kind(document.kind))
                       .replace("%2", document.number), self)
        intro.setWordWrap(True)
        self.method = QComboBox(self)
        self.method.setObjectName("service_method")
        for value, label in method_labels().items():
            self.method.addItem(label, value)
        self.recipient = QLineEdit(institution, self)
        self.receiver, self.relation = QLineEdit(self), QLineEdit(self)
        self.served_at = DateTimeEdit(_qdt(ops.app.ctx.clock()), self)
        self.served_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.served_at.setCalendarPopup(True)
        self.place = QLineEdit(self)
        self.refusal = QLineEdit(self)
        self.witness_name, self.witness_id, self.witness_relation = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.photo_label = QLabel(self.tr("No photo"), self)
        photo_button = QPushButton(self.tr("C&hoose photo…"), self)
        photo_button.clicked.connect(self._choose_photo)
        self.postal, self.address = QLineEdit(self), QLineEdit(self)
        self.pad = SignaturePad(self)
        self.second = QComboBox(self)
        for oid, name in officers:
            self.second.addItem(name, oid)
        if len(officers) > 1:
            self.second.setCurrentIndex(1)
        self.second_password = QLineEdit(self)
        self.second_password.setEchoMode(QLineEdit.EchoMode.Password)
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.photo_label, 1)
        photo_row.addWidget(photo_button)
        form = QFormLayout()
        form.addRow(self.tr("Method:"), self.method)
        form.addRow(self.tr("Served on:"), self.recipient)
        form.addRow(self.tr("Received by:"), self.receiver)
        form.addRow(self.tr("Their relation to the party:"), self.relation)
        form.addRow(self.tr("Served at:"), self.served_at)
        form.addRow(self.tr("Place:"), self.place)
        form.addRow(self.tr("Refusal and where the document was left:"), self.refusal)
        form.addRow(self.tr("Witness name:"), self.witness_name)
        form.addRow(self.tr("Witness ID number:"), self.witness_id)
        form.addRow(self.tr("Witness relation:"), self.witness_relation)
        form.addRow(self.tr("Photo of the document left:"), photo_row)
        form.addRow(self.tr("Postal number:"), self.postal)
        form.addRow(self.tr("Electronic address (consented):"), self.address)
        signer = QFormLayout()
        self.signer_rows(signer)
        signer.addRow(self.tr("Second serving officer:"), self.second)
        signer.addRow(self.tr("Their password:"), self.second_password)
        self.buttons.button(self.buttons.StandardButton.Ok).setText(self.tr("Both officers sign"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.pad, 1)
        layout.addLayout(signer)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.method.currentIndexChanged.connect(self._method_changed)
        self._method_changed()

    def _method_changed(self) -> None:
        method = self.method.currentData()
        left = method == "留置送达"
        for w in (self.refusal, self.witness_name, self.witness_id, self.witness_relation):
            w.setEnabled(left)
        self.postal.setEnabled(method == "邮寄送达")
        self.address.setEnabled(method == "电子送达")
        self.pad.setEnabled(method in ("直接送达", "留置送达"))
        self.pad.set_caption(self.tr("Signature of the witness") if left else self.tr("Signature of the receiver"))

    def _choose_photo(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Photo of the document left"), "",
                                              self.tr("Images (*.jpg *.jpeg *.png)"))
        if name:
            self.set_photo(Path(name))

    def set_photo(self, path: Path) -> None:
        self.photo_path = path
        self.photo_label.setText(path.name)

    def accept(self) -> None:
        first, second = self.officer.currentData(), self.second.currentData()
        if first == second:
            self.error.setText(self.tr("The document is served by two different officers."))
            return
        second_pw = self.second_password.text()
        if not second_pw:
            self.error.setText(self.tr("Enter the second serving officer's password."))
            return
        method = self.method.currentData()
        png = None if self.pad.is_empty() else self.pad.to_png()
        order = [self.officer.itemData(i) for i in range(self.officer.count())]
        officer_ids = tuple(sorted((first, second), key=order.index))
        names = {self.officer.itemData(i): self.officer.itemText(i) for i in range(self.officer.count())}
        fields = dict(
            served_document_id=self.served.id, method=method, recipient=self.recipient.text().strip(),
            served_at=_pydt(self.served_at.dateTime()), place=self.place.text().strip(), officer_ids=officer_ids,
            receiver_name=self.receiver.text().strip(), receiver_relation=self.relation.text().strip(),
            receiver_signed=method == "直接送达", refusal_note=self.refusal.text().strip(),
            witness_name=self.witness_name.text().strip(), witness_id_number=self.witness_id.text().strip(),
            witness_relation=self.witness_relation.text().strip(), postal_number=self.postal.text().strip(),
            electronic_address=self.address.text().strip(),
            receiver_png=png if method == "直接送达" else None, witness_png=png if method == "留置送达" else None)
        photo_path, app = self.photo_path, self.ops.app

        def both(_actor: Actor, oid: str, password: str, progress: Any) -> Any:
            passwords = {oid: password, second: second_pw}
            photo = photo_path.read_bytes() if photo_path is not None else None  # on the writer, not the UI
            data = ServiceInput(**fields, photo=photo)  # type: ignore[arg-type]
            a, b = officer_ids
            doc, _changes = app.service_receipts.create(Actor(names[a], a), data, officer_id=a, password=passwords[a],
                                                        progress=progress)
            return app.signing.countersign(Actor(names[b], b), doc.id, b, passwords[b])

        self.run(both)

