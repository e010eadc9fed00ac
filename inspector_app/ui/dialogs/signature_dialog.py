"""Capture one handwritten signature: an officer, the party's representative or a witness, with who they are.

`SignerPanel` (fields + pad) is shared with the party sign-off dialog; `SignatureDialog` wraps one panel and, when
given the operations and an inspection, stores the capture itself (errors stay in the dialog)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from inspector_app.ui.dialogs.inline import message, write_inline
from inspector_app.ui.operations import Operations
from inspector_app.ui.widgets.signature_pad import SignaturePad, Stroke

ROLES = ("officer", "party", "witness")


@dataclass(frozen=True, slots=True)
class SignatureInput:
    role: str
    name: str
    title: str
    id_number: str
    phone: str
    relation: str
    strokes: list[Stroke]
    png: bytes


class SignerPanel(QWidget):
    def __init__(self, role: str, parent: QWidget | None = None, name: str = "", name_fixed: bool = False):
        super().__init__(parent)
        assert role in ROLES, role
        self.role = role
        self.name = QLineEdit(name, self)
        self.name.setObjectName(f"{role}_name")
        self.name.setReadOnly(name_fixed)
        self.title = QLineEdit(self)
        self.title.setObjectName(f"{role}_title")
        self.id_number = QLineEdit(self)
        self.id_number.setObjectName(f"{role}_id_number")
        self.id_number.setMaxLength(18)
        self.id_number.setPlaceholderText(self.tr("18-digit resident ID number"))
        self.phone = QLineEdit(self)
        self.phone.setObjectName(f"{role}_phone")
        self.relation = QLineEdit(self)
        self.relation.setObjectName(f"{role}_relation")
        self.relation.setPlaceholderText(self.tr("e.g. community worker, staff of a neighbouring unit"))
        captions = {"officer": self.tr("Signature of the officer:"),
                    "party": self.tr("Signature of the party's representative:"),
                    "witness": self.tr("Signature of the witness:")}
        self.pad = SignaturePad(self, captions[role])
        self.pad.setObjectName(f"{role}_pad")
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Witness &name:") if role == "witness" else self.tr("&Name:"), self.name)
        if role == "party":
            form.addRow(self.tr("&Title / position:"), self.title)
        if role in ("party", "witness"):
            form.addRow(self.tr("&ID number:"), self.id_number)
        if role == "party":
            form.addRow(self.tr("P&hone:"), self.phone)
        if role == "witness":
            form.addRow(self.tr("Relation to the &party:"), self.relation)
        for edit in (self.title, self.id_number, self.phone, self.relation):
            if form.indexOf(edit) < 0:
                edit.hide()  # not asked of this role
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.pad, 1)

    def problem(self) -> str | None:
        """What stops this signature from being taken, in words; None when complete."""
        if not self.name.text().strip():
            return self.tr("Enter the signer's name.")
        if self.pad.is_empty():
            return self.tr("The signature pad is empty: the signer must sign on the pad before you confirm.")
        return None

    def value(self) -> SignatureInput:
        return SignatureInput(self.role, self.name.text().strip(), self.title.text().strip(),
                              self.id_number.text().strip(), self.phone.text().strip(),
                              self.relation.text().strip(), self.pad.strokes(), self.pad.to_png())


class SignatureDialog(QDialog):
    def __init__(self, role: str, parent: QWidget | None = None, *, name: str = "", ops: Operations | None = None,
                 inspection_id: str | None = None, officer_id: str | None = None):
        super().__init__(parent)
        titles = {"officer": self.tr("Handwritten signature of the officer"),
                  "party": self.tr("Signature of the party's representative"),
                  "witness": self.tr("Signature of the witness")}
        self.setWindowTitle(titles[role])
        self.setMinimumWidth(620)
        self.ops, self.inspection_id, self.officer_id = ops, inspection_id, officer_id
        self.panel = SignerPanel(role, self, name=name, name_fixed=role == "officer" and bool(name))
        self.error = QLabel(self)
        self.error.setObjectName("signature_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.captured: SignatureInput | None = None
        (self.panel.pad.canvas if self.panel.name.isReadOnly() else self.panel.name).setFocus()

    def accept(self) -> None:
        problem = self.panel.problem()
        if problem:
            self.error.setText(problem)
            return
        value = self.panel.value()
        if self.ops is None or self.inspection_id is None:
            self.captured = value
            super().accept()
            return
        ops, iid, officer_id = self.ops, self.inspection_id, self.officer_id
        actor = ops.actor
        self.buttons.setEnabled(False)
        self.error.setText("")
        write_inline(ops, lambda: ops.app.signing.capture_signature(actor, iid, value.role, value.name, value.strokes,
                                                                      value.png, officer_id),
                     lambda _r: self._stored(value), self._failed)

    def _stored(self, value: SignatureInput) -> None:
        self.buttons.setEnabled(True)
        self.captured = value
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(message(exc))
