"""The 证据清单 by keyboard: one item's list entry (statutory type, how obtained, provider, pages), and the party's
confirmation "与原件核对一致" once for the whole list, or its refusal. Both dialogs only collect values; the
evidence page saves them through the services on the writer thread."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from inspector_app.domain.evidence import MATCHES_ORIGINAL, EvidenceType, Measure
from inspector_app.services.dto import EvidenceDTO
from inspector_app.ui import labels


@dataclass(frozen=True, slots=True)
class Details:
    evidence_type: str
    measure: str
    provider: str
    page_count: int | None


class EvidenceDetailsDialog(QDialog):
    """Tab order follows the printed columns: type, how obtained, provider, pages; Enter saves."""

    def __init__(self, ev: EvidenceDTO, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("evidence_details")
        self.setWindowTitle(self.tr("Evidence list entry"))
        self.setMinimumWidth(460)
        self.type_box = QComboBox(self)
        self.type_box.setObjectName("evidence_type")
        for t in EvidenceType:
            self.type_box.addItem(labels.evidence_type(t.value), t.value)
        self.type_box.setCurrentIndex(max(0, self.type_box.findData(ev.evidence_type)))
        self.measure_box = QComboBox(self)
        self.measure_box.setObjectName("evidence_measure")
        for m in Measure:
            self.measure_box.addItem(labels.measure(m.value), m.value)
        self.measure_box.setCurrentIndex(max(0, self.measure_box.findData(ev.measure)))
        self.provider = QLineEdit(ev.provider, self)
        self.provider.setObjectName("evidence_provider")
        self.provider.setMaxLength(100)
        self.provider.setPlaceholderText(self.tr("Who handed it over, e.g. name and position"))
        self.pages = QSpinBox(self)
        self.pages.setObjectName("evidence_pages")
        self.pages.setRange(0, 100_000)
        self.pages.setSpecialValueText(self.tr("none"))  # 0: not a copy with pages
        self.pages.setValue(ev.page_count or 0)
        findings = sum(1 for t, _ in ev.links if t == "finding")
        items = sum(1 for t, _ in ev.links if t == "answer")
        proves = QLabel(self.tr("Linked to %1 finding(s) and %2 checklist item(s); link it from the checklist or "
                                "the findings.").replace("%1", str(findings)).replace("%2", str(items)), self)
        proves.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Item:"), QLabel(ev.caption or ev.source_name, self))
        form.addRow(self.tr("Statutory &type:"), self.type_box)
        form.addRow(self.tr("&How obtained:"), self.measure_box)
        form.addRow(self.tr("&Provider:"), self.provider)
        form.addRow(self.tr("P&ages (copies):"), self.pages)
        form.addRow(self.tr("What it proves:"), proves)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.type_box.setFocus()

    def details(self) -> Details:
        return Details(self.type_box.currentData(), self.measure_box.currentData(), self.provider.text().strip(),
                       self.pages.value() or None)


@dataclass(frozen=True, slots=True)
class Confirmation:
    refused: bool
    signer_name: str
    refusal_reason: str


class ListConfirmationDialog(QDialog):
    """Confirmed (the name of the person confirming) or refused (the reason): Alt+C / Alt+R choose."""

    def __init__(self, signer_name: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("evidence_confirmation")
        self.setWindowTitle(self.tr("Party's confirmation of the evidence list"))
        self.setMinimumWidth(480)
        self.confirmed = QRadioButton(self.tr("&Confirmed: %1").replace("%1", MATCHES_ORIGINAL), self)
        self.refused = QRadioButton(self.tr("&Refused to confirm"), self)
        self.confirmed.setChecked(True)
        self.signer = QLineEdit(signer_name, self)
        self.signer.setObjectName("confirmation_signer")
        self.signer.setMaxLength(100)
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("confirmation_reason")
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(80)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("The party checks the copies against the originals once for the whole list. "
                                   "The record's party signature signs it."), self))
        form.addRow(self.confirmed)
        form.addRow(self.tr("&Name of the person confirming:"), self.signer)
        form.addRow(self.refused)
        form.addRow(self.tr("Reason for re&fusing:"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.confirmed.toggled.connect(self._enable)
        self._enable(True)

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        self.signer.setFocus()  # the usual answer is a name: type it, Enter saves

    def _enable(self, confirmed: bool) -> None:
        self.signer.setEnabled(confirmed)
        self.reason.setEnabled(not confirmed)

    def confirmation(self) -> Confirmation:
        refused = self.refused.isChecked()
        return Confirmation(refused, "" if refused else self.signer.text().strip(),
                            self.reason.toPlainText().strip() if refused else "")
