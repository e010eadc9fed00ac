"""The outcome of an inspection: one of the six outcomes, refunds (退回, to the fund) and fines (罚款, to the
treasury) kept apart, and the ranges the penalty map suggests per article."""

from __future__ import annotations

from typing import Any

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
from inspector_app.domain.money import format_yuan, parse_yuan
from inspector_app.domain.outcomes import Outcome
from inspector_app.ui.errors import user_message


def leniency_words(campaign: str, advice: Any) -> str:
    """The self-inspection advice (domain/leniency.py) as the note of the outcome: the level and its reasons, in
    Chinese like the documents (it is kept with the outcome and printed in the case file)."""
    return f"自查自纠情节（{campaign}）：建议{advice.level.value}。" + "".join(advice.reasons)


class OutcomeDialog(QDialog):
    def __init__(self, suggestions: list[Any], total_to_recover: Any, parent: QWidget | None = None,
                 leniency: tuple[str, Any] | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Outcome of the inspection"))
        self.setMinimumWidth(560)
        self.outcome = QComboBox(self)
        self.outcome.setObjectName("outcome_choice")
        for o in Outcome:
            self.outcome.addItem(o.value, o.value)
        self.outcome.setCurrentIndex(self.outcome.findData(Outcome.RECTIFY.value))
        self.refund = QLineEdit(format_yuan(total_to_recover), self)
        self.refund.setObjectName("refund_amount")
        self.fine = QLineEdit("0.00", self)
        self.fine.setObjectName("fine_amount")
        self.articles = QLineEdit("、".join(s.article for s in suggestions), self)
        self.note = QPlainTextEdit(self)
        self.note.setTabChangesFocus(True)
        lines = [self.tr("%1: amount involved %2 yuan; suggested fine %3 – %4 yuan (%5)")
                 .replace("%1", s.article).replace("%2", format_yuan(s.amount_involved))
                 .replace("%3", format_yuan(s.low)).replace("%4", format_yuan(s.high)).replace("%5", s.note)
                 for s in suggestions]
        hint = QLabel("\n".join(lines) or self.tr("No penalty article in the findings: no suggestion."), self)
        hint.setObjectName("penalty_suggestions")
        hint.setWordWrap(True)
        hint.setStyleSheet("background: #f4f1e8; padding: 6px;")
        self.leniency = QLabel(self)
        self.leniency.setObjectName("leniency_advice")
        self.leniency.setWordWrap(True)
        self.leniency.setStyleSheet("background: #eef3f8; padding: 6px;")
        if leniency is not None:
            campaign, advice = leniency
            self.leniency.setText(
                self.tr("Self-inspection in %1 — suggested: %2").replace("%1", campaign).replace(
                    "%2", advice.level.value) + "\n" + "\n".join(f"• {r}" for r in advice.reasons))
            self.note.setPlainText(leniency_words(campaign, advice))  # kept with the outcome, editable
        else:
            self.leniency.setText(self.tr("The institution is in no campaign with a self-inspection phase: no "
                                          "leniency factor from self-inspection."))
        accounts = QLabel(self.tr("Refunds go back to the fund's special account; fines go to the treasury "
                                  "(Regulation art. 45). Record them separately."), self)
        accounts.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b3261e;")
        form = QFormLayout(self)
        form.addRow(self.tr("&Outcome:"), self.outcome)
        form.addRow(self.tr("Amount to &refund to the fund (yuan):"), self.refund)
        form.addRow(self.tr("&Fine (yuan):"), self.fine)
        form.addRow(self.tr("&Articles applied:"), self.articles)
        form.addRow(self.tr("&Note:"), self.note)
        form.addRow(hint)
        form.addRow(self.leniency)
        form.addRow(accounts)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.values: dict[str, Any] | None = None

    def accept(self) -> None:
        try:
            refund, fine = parse_yuan(self.refund.text() or "0"), parse_yuan(self.fine.text() or "0")
        except ValidationError as exc:
            self.error.setText(user_message(exc))
            return
        outcome = Outcome(self.outcome.currentData())
        if outcome is Outcome.NO_PROBLEM and (refund or fine):
            self.error.setText(self.tr("“No problem found” cannot carry a refund or a fine."))
            return
        self.values = {"outcome": outcome, "refund": refund, "fine": fine, "articles": self.articles.text().strip(),
                       "note": self.note.toPlainText().strip()}
        super().accept()
