"""The inspected party's response to the record (domain R3): its representative signs, with opinion and answer on
recusal; or refuses, and the officers record the reason, a witness (name, ID number, relation), the witness's
signature and their own note. Stored as a signature capture, then the sign-off; errors stay in the dialog."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.errors import ValidationError
from inspector_app.services.changes import Changes
from inspector_app.services.signing import PartySignoff
from inspector_app.ui.dialogs.inline import message, write_inline
from inspector_app.ui.dialogs.signature_dialog import SignerPanel
from inspector_app.ui.operations import Operations
from inspector_app.ui.errors import user_message

DEFAULT_OPINION = "以上记录已阅，属实。"
DEFAULT_RECUSAL = "不申请回避。"


class PartySignoffDialog(QDialog):
    def __init__(self, ops: Operations, inspection_id: str, institution: str, parent: QWidget | None = None,
                 document_kind: str = "record"):
        super().__init__(parent)
        self.ops, self.inspection_id, self.document_kind = ops, inspection_id, document_kind
        self.setWindowTitle(self.tr("Inspected party: signature or refusal"))
        self.setMinimumWidth(660)
        intro = QLabel(self.tr("Read the record to the representative of %1, then record whether they sign it. "
                               "If they refuse, a witness must confirm the refusal.").replace("%1", institution),
                       self)
        intro.setWordWrap(True)
        self.signs = QRadioButton(self.tr("The party si&gns the record"), self)
        self.signs.setObjectName("party_signs")
        self.refuses = QRadioButton(self.tr("The party re&fuses to sign"), self)
        self.refuses.setObjectName("party_refuses")
        self.signs.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.signs)
        group.addButton(self.refuses)
        # signed: the representative, opinion, answer on recusal, signature
        self.party = SignerPanel("party", self)
        self.opinion = QPlainTextEdit(DEFAULT_OPINION, self)
        self.opinion.setObjectName("party_opinion")
        self.opinion.setTabChangesFocus(True)
        self.opinion.setFixedHeight(56)
        self.recusal = QLineEdit(DEFAULT_RECUSAL, self)
        self.recusal.setObjectName("party_recusal")
        signed_page = QWidget(self)
        signed_form = QFormLayout()
        signed_form.setContentsMargins(0, 0, 0, 0)
        signed_form.addRow(self.tr("&Opinion on the record:"), self.opinion)
        signed_form.addRow(self.tr("Applies for re&cusal?"), self.recusal)
        signed_layout = QVBoxLayout(signed_page)
        signed_layout.setContentsMargins(0, 0, 0, 0)
        signed_layout.addWidget(self.party, 1)
        signed_layout.addLayout(signed_form)
        # refused: reason, officer's note, the witness and their signature
        self.reason = QLineEdit(self)
        self.reason.setObjectName("refusal_reason")
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("officer_note")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(56)
        self.note.setPlaceholderText(self.tr("e.g. The record was read out; the party refused to sign; a witness "
                                             "was invited."))
        self.witness = SignerPanel("witness", self)
        refused_page = QWidget(self)
        refused_form = QFormLayout()
        refused_form.setContentsMargins(0, 0, 0, 0)
        refused_form.addRow(self.tr("Refusal rea&son:"), self.reason)
        refused_form.addRow(self.tr("Officers' no&te:"), self.note)
        refused_layout = QVBoxLayout(refused_page)
        refused_layout.setContentsMargins(0, 0, 0, 0)
        refused_layout.addLayout(refused_form)
        refused_layout.addWidget(self.witness, 1)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(signed_page)
        self.pages.addWidget(refused_page)
        self.refuses.toggled.connect(self._mode_changed)
        self.error = QLabel(self)
        self.error.setObjectName("party_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.signs)
        layout.addWidget(self.refuses)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.saved = False

    def _mode_changed(self, refused: bool) -> None:
        self.pages.setCurrentIndex(1 if refused else 0)
        self.error.setText("")

    def signoff(self) -> PartySignoff:
        if self.refuses.isChecked():
            w = self.witness
            return PartySignoff(refused=True, refusal_reason=self.reason.text().strip(),
                                witness_name=w.name.text().strip(), witness_id_number=w.id_number.text().strip(),
                                witness_relation=w.relation.text().strip(),
                                officer_note=self.note.toPlainText().strip())
        p = self.party
        return PartySignoff(refused=False, signer_name=p.name.text().strip(), title=p.title.text().strip(),
                            id_number=p.id_number.text().strip(), phone=p.phone.text().strip(),
                            opinion=self.opinion.toPlainText().strip() or DEFAULT_OPINION,
                            recusal_answer=self.recusal.text().strip() or DEFAULT_RECUSAL)

    def accept(self) -> None:
        data = self.signoff()
        panel = self.witness if data.refused else self.party
        try:
            data.validate()  # the service checks again; this answers at once
        except ValidationError as exc:
            self.error.setText(user_message(exc))
            return
        problem = panel.problem()
        if problem:
            self.error.setText(problem)
            return
        signature = panel.value()
        ops, iid, actor, kind = self.ops, self.inspection_id, self.ops.actor, self.document_kind

        def store() -> Changes:
            first = ops.app.signing.capture_signature(actor, iid, signature.role, signature.name, signature.strokes,
                                                      signature.png, document_kind=kind)
            return first | ops.app.signing.record_party_signoff(actor, iid, data, document_kind=kind)

        self.buttons.setEnabled(False)
        self.error.setText("")
        write_inline(ops, store, self._stored, self._failed)

    def _stored(self, _changes: Changes) -> None:
        self.buttons.setEnabled(True)
        self.saved = True
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(message(exc))
