"""The right side of the checklist runner: what to check, the legal basis, the editor and the verdict."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.checklist import NUMERIC_TYPES, AnswerType, ItemDef, ItemState
from inspector_app.services.dto import AnswerDTO
from inspector_app.ui import keymap, labels
from inspector_app.ui.models.checklist_tree_model import STATE_COLOURS
from inspector_app.ui.widgets.answer_editors import AnswerEditor, make_editor

AUTO_JUDGED = {AnswerType.BOOL, AnswerType.BOOL_NA}


class ItemPanel(QScrollArea):
    answer_committed = Signal(object, object, object)  # value, verdict, note
    advance_requested = Signal()                        # Enter / an answer key in the editor: on to the next item
    finding_requested = Signal()
    evidence_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(self)
        self.setWidget(body)
        self._layout = QVBoxLayout(body)
        self.title = QLabel(body)
        self.title.setObjectName("item_title")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.state = QLabel(body)
        self.checks = QLabel(body)
        self.checks.setWordWrap(True)
        self.basis = QLabel(body)
        self.basis.setWordWrap(True)
        self.basis.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.basis.setStyleSheet("background: #f4f1e8; padding: 8px; border-radius: 4px;")
        self.editor_host = QVBoxLayout()
        self.verdict_row = QWidget(body)
        vr = QHBoxLayout(self.verdict_row)
        vr.setContentsMargins(0, 0, 0, 0)
        vr.addWidget(QLabel(self.tr("Verdict:"), self.verdict_row))
        self._verdicts = QButtonGroup(self)
        self._verdict_buttons: dict[str, QPushButton] = {}
        for state, text, key in ((ItemState.COMPLIANT, self.tr("Compliant (%1)"), "verdict_compliant"),
                                 (ItemState.VIOLATION, self.tr("Violation (%1)"), "verdict_violation"),
                                 (ItemState.NOT_APPLICABLE, self.tr("Not applicable (%1)"), "verdict_na")):
            bound = keymap.binding(key)
            b = QPushButton(text.replace("%1", bound.shown()), self.verdict_row)
            b.setObjectName(f"verdict_{state.value}")
            b.setCheckable(True)
            b.setShortcut(bound.sequences()[0])
            b.clicked.connect(lambda _=False, s=state.value: self._verdict_clicked(s))
            self._verdicts.addButton(b)
            self._verdict_buttons[state.value] = b
            vr.addWidget(b)
        vr.addStretch(1)
        self.note = QLineEdit(body)
        self.note.setPlaceholderText(self.tr("Note for this item (optional)"))
        self.note.editingFinished.connect(self._note_done)
        actions = QHBoxLayout()
        finding, evidence = keymap.binding("finding"), keymap.binding("evidence")
        self.finding_button = QPushButton(self.tr("Record a finding… (%1)").replace("%1", finding.shown()), body)
        self.finding_button.setObjectName("record_finding")
        self.finding_button.setShortcut(finding.sequences()[0])
        self.finding_button.clicked.connect(self.finding_requested)
        self.evidence_button = QPushButton(self.tr("Add evidence… (%1)").replace("%1", evidence.shown()), body)
        self.evidence_button.setObjectName("add_item_evidence")
        self.evidence_button.setShortcut(evidence.sequences()[0])
        self.evidence_button.clicked.connect(self.evidence_requested)
        actions.addWidget(self.finding_button)
        actions.addWidget(self.evidence_button)
        actions.addStretch(1)
        self.hint = QLabel(body)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        for w in (self.title, self.state, self.checks):
            self._layout.addWidget(w)
        self._layout.addLayout(self.editor_host)
        self._layout.addWidget(self.verdict_row)
        self._layout.addWidget(self.note)
        self._layout.addLayout(actions)
        self._layout.addWidget(self.basis)
        self._layout.addWidget(self.hint)
        self._layout.addStretch(1)
        self.editor: AnswerEditor | None = None
        self.item: ItemDef | None = None
        self.answer: AnswerDTO | None = None
        self._read_only = False
        # Set by the runner: (item, answer) → a check of a typed value, and the wording of a warning.
        self.plausibility_for: Any = None
        self.describe_warning: Any = None
        self.show_empty()

    def show_empty(self) -> None:
        self.title.setText(self.tr("Choose an item on the left"))
        for w in (self.state, self.checks, self.basis, self.hint, self.verdict_row, self.note,
                  self.finding_button, self.evidence_button):
            w.setVisible(False)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.setEnabled(True)
        if self.editor:
            self.editor.setEnabled(not read_only)
        self.verdict_row.setEnabled(not read_only)
        self.note.setReadOnly(read_only)

    def show_item(self, item: ItemDef, answer: AnswerDTO) -> None:
        if self.editor is not None:
            self.flush()
            self.editor.deleteLater()
        self.item, self.answer = item, answer
        self.title.setText(f"{item.id}  {item.label}")
        self.checks.setText(self.tr("What to check: %1").replace("%1", item.checks))
        basis = []
        if item.legal_basis:
            basis.append(self.tr("Legal basis: %1").replace("%1", item.legal_basis))
        if item.penalty:
            basis.append(self.tr("If violated: %1").replace("%1", item.penalty))
        if item.threshold:
            basis.append(self.tr("Threshold: %1").replace("%1", item.threshold.describe() + (item.unit or "")))
        self.basis.setText("\n".join(basis))
        self.hint.setText(self.tr("Evidence to collect: %1").replace("%1", item.evidence_hint)
                          if item.evidence_hint else "")
        self.editor = make_editor(item, self.widget())
        self.editor.commit.connect(self._value_committed)
        self.editor.advance.connect(self.advance_requested)
        if self.plausibility_for is not None and hasattr(self.editor, "plausibility"):
            self.editor.plausibility = self.plausibility_for(item, answer)
            self.editor.describe_warning = self.describe_warning
        if hasattr(self.editor, "link_requested"):
            self.editor.link_requested.connect(self.evidence_requested)
        self.editor_host.addWidget(self.editor)
        for w in (self.state, self.checks, self.basis, self.note, self.finding_button, self.evidence_button):
            w.setVisible(True)
        self.basis.setVisible(bool(basis))
        self.hint.setVisible(bool(item.evidence_hint))
        self.verdict_row.setVisible(item.answer not in AUTO_JUDGED and not (
            item.answer in NUMERIC_TYPES and item.threshold is not None))
        self.refresh(answer)
        self.set_read_only(self._read_only)

    def refresh(self, answer: AnswerDTO) -> None:
        if self.answer is None or answer.id != self.answer.id or self.editor is None:
            return
        self.answer = answer
        self.editor.show_value(answer.value)
        state = ItemState(answer.state)
        self.state.setText(labels.item_state(state))
        self.state.setStyleSheet(f"color: {STATE_COLOURS[state]}; font-weight: bold;")
        for s, b in self._verdict_buttons.items():
            b.setChecked(answer.verdict == s)
        if not self.note.hasFocus():
            self.note.setText(answer.note)

    def focus_editor(self) -> None:
        if self.editor:
            self.editor.focus_editor()

    def flush(self) -> None:
        """Commit anything typed but not yet committed (before leaving the item or closing)."""
        if self.editor is not None:
            self.editor.flush()
        self._note_done()

    def _value_committed(self, value: Any) -> None:
        verdict = self.answer.verdict if self.answer else None
        self.answer_committed.emit(value, verdict, None)

    def _verdict_clicked(self, verdict: str) -> None:
        if self.answer is None:
            return
        new = None if self.answer.verdict == verdict else verdict  # clicking the active verdict clears it
        self.answer_committed.emit(self.answer.value, new, None)

    def _note_done(self) -> None:
        if self.answer is not None and self.note.text() != self.answer.note and not self._read_only:
            self.answer_committed.emit(self.answer.value, self.answer.verdict, self.note.text())

    def schedule_focus(self) -> None:
        QTimer.singleShot(0, self.focus_editor)
