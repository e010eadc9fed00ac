"""Record or edit a finding: description, severity, amounts (exact yuan), legal basis and penalty article."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from inspector_app.domain.errors import ValidationError
from inspector_app.domain.findings import FindingData, Severity
from inspector_app.domain.money import format_yuan, parse_yuan
from inspector_app.ui import labels
from inspector_app.ui.errors import user_message


class FindingDialog(QDialog):
    """Made once per findings page and reused (`load` refills it): opening it costs no widget construction."""

    def __init__(self, draft: FindingData, parent: QWidget | None = None, editing: bool = False):
        super().__init__(parent)
        self.setMinimumWidth(560)
        self.description = QPlainTextEdit(self)
        self.description.setObjectName("finding_description")
        self.description.setTabChangesFocus(True)
        self.severity = QComboBox(self)
        for s in Severity:
            self.severity.addItem(labels.severity(s.value), s.value)
        self.involved = QLineEdit(self)
        self.involved.setObjectName("amount_involved")
        self.recover = QLineEdit(self)
        self.recover.setObjectName("amount_to_recover")
        for w in (self.involved, self.recover):
            w.setPlaceholderText("0.00")
        self.basis = QLineEdit(self)
        self.penalty = QLineEdit(self)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        self.item_label = QLabel(self)
        form = QFormLayout(self)
        form.addRow(self.tr("Checklist item:"), self.item_label)
        form.addRow(self.tr("&Description:"), self.description)
        form.addRow(self.tr("&Severity:"), self.severity)
        form.addRow(self.tr("Amount &involved (yuan):"), self.involved)
        form.addRow(self.tr("Amount to &recover (yuan):"), self.recover)
        form.addRow(self.tr("&Legal basis:"), self.basis)
        form.addRow(self.tr("&Penalty article:"), self.penalty)
        form.addRow(self.error)
        self._form = form
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.result_data: FindingData | None = None
        self.load(draft, editing)

    def load(self, draft: FindingData, editing: bool = False) -> None:
        """Fill the dialog for `draft` (a new finding or the one being edited), as a fresh dialog would be."""
        self.setWindowTitle(self.tr("Edit finding") if editing else self.tr("Record a finding"))
        self._item_id = draft.item_id
        self.item_label.setText(draft.item_id or "")
        self._form.setRowVisible(self.item_label, bool(draft.item_id))
        self.description.setPlainText(draft.description)
        self.severity.setCurrentIndex(self.severity.findData(Severity(draft.severity).value))
        self.involved.setText(format_yuan(draft.amount_involved) if draft.amount_involved else "")
        self.recover.setText(format_yuan(draft.amount_to_recover) if draft.amount_to_recover else "")
        self.basis.setText(draft.legal_basis)
        self.penalty.setText(draft.penalty_article)
        self.error.setText("")
        self.result_data = None
        self.description.setFocus()

    def _amount(self, edit: QLineEdit) -> Decimal:
        return parse_yuan(edit.text()) if edit.text().strip() else Decimal("0.00")

    def accept(self) -> None:
        try:
            data = FindingData(description=self.description.toPlainText().strip(),
                               severity=Severity(self.severity.currentData()),
                               amount_involved=self._amount(self.involved),
                               amount_to_recover=self._amount(self.recover), legal_basis=self.basis.text().strip(),
                               penalty_article=self.penalty.text().strip(), item_id=self._item_id)
            data.validate()
        except ValidationError as exc:
            self.error.setText(user_message(exc))
            return
        self.result_data = data
        super().accept()
