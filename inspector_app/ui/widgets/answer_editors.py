"""One editor per answer type. An editor shows a stored answer and emits `commit(value)` when an edit is
complete (a click, Enter, leaving the field, or a short pause while typing), never on every keystroke."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.checklist import AnswerType, ItemDef
from inspector_app.domain.plausibility import PlausibilityWarning
from inspector_app.ui.widgets.answer_editor_base import AnswerEditor
from inspector_app.ui.widgets.date_editor import DateEditor
from inspector_app.ui.widgets.sample_table import SampleTableEditor

__all__ = ["AnswerEditor", "make_editor"]

TYPING_PAUSE_MS = 800


class ChoiceButtonsEditor(AnswerEditor):
    """是/否 (/不适用) as big toggle buttons with keys Y, N, A (and 1–3)."""

    def __init__(self, item: ItemDef, parent: QWidget | None = None):
        super().__init__(item, parent)
        options = [("yes", self.tr("&Yes (Y)"), "Y"), ("no", self.tr("&No (N)"), "N")]
        if item.answer is AnswerType.BOOL_NA:
            options.append(("na", self.tr("Not &applicable (A)"), "A"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._buttons: dict[str, QPushButton] = {}
        self._keys: dict[str, QPushButton] = {}
        for n, (value, text, key) in enumerate(options, start=1):
            b = QPushButton(text, self)
            b.setCheckable(True)
            b.setMinimumHeight(36)
            b.setObjectName(f"answer_{value}")
            self._group.addButton(b)
            self._buttons[value] = b
            b.clicked.connect(lambda _=False, v=value: self._emit(v))
            layout.addWidget(b)
            self._keys[key] = b
            self._keys[str(n)] = b
        layout.addStretch(1)

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802
        # Letter keys reach us from the focused button (buttons ignore them): Y/N/A or 1/2/3 answer at once.
        button = self._keys.get(event.text().upper())
        if button is not None and self.isEnabled():
            button.click()
            event.accept()
            self.advance.emit()
            return
        super().keyPressEvent(event)

    def show_value(self, value: Any) -> None:
        self._loading = True
        self._group.setExclusive(False)
        for v, b in self._buttons.items():
            b.setChecked(v == value)
        self._group.setExclusive(True)
        self._loading = False

    def focus_editor(self) -> None:
        next(iter(self._buttons.values())).setFocus()


class NumberEditor(AnswerEditor):
    """count / pct / money: validated as you type; a threshold flags a violation before you even commit."""

    def __init__(self, item: ItemDef, parent: QWidget | None = None):
        super().__init__(item, parent)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("number_input")
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.edit.setMaximumWidth(220)
        unit = QLabel(item.unit or {"pct": "%", "money": self.tr("yuan")}.get(item.answer.value, ""), self)
        self.hint = QLabel(self)
        self.hint.setObjectName("threshold_hint")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit)
        row.addWidget(unit)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        if item.threshold:
            self.hint.setText(self.tr("Threshold: %1").replace("%1", item.threshold.describe() + (item.unit or "")))
        self.warning = QLabel(self)
        self.warning.setObjectName("plausibility_hint")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #9a5b00; font-weight: bold;")
        self.warning.setVisible(False)
        layout.addWidget(self.warning)
        # Set by the runner: the domain's plausibility check for this item (previous and sibling values bound).
        self.plausibility: Callable[[str], list[PlausibilityWarning]] | None = None
        self.describe_warning: Callable[[PlausibilityWarning], str] = lambda w: w.message
        self._pause = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._pause.timeout.connect(self._paused)
        self.edit.textEdited.connect(self._typed)
        self.edit.editingFinished.connect(self.flush)
        self.edit.returnPressed.connect(self.advance)
        self._last = ""

    def _typed(self, text: str) -> None:
        self._evaluate(text)
        self._pause.start()

    def warnings(self, text: str) -> list[PlausibilityWarning]:
        return self.plausibility(text) if self.plausibility and text.strip() else []

    def _paused(self) -> None:
        # A doubtful value is not saved on a typing pause: it waits for Enter or leaving the field, where the
        # runner asks to confirm it.
        if not self.warnings(self.edit.text()):
            self.flush()

    def _evaluate(self, text: str) -> None:
        found = self.warnings(text)
        self.warning.setText("\n".join(self.describe_warning(w) for w in found))
        self.warning.setVisible(bool(found))
        text = text.strip().replace(",", "").rstrip("%")
        if not text:
            self.hint.setStyleSheet("")
            return
        try:
            number = Decimal(text)
        except InvalidOperation:
            self.hint.setText(self.tr("Not a number"))
            self.hint.setStyleSheet("color: #b3261e;")
            return
        if self.item.threshold is None:
            self.hint.setText("")
            return
        limit = self.item.threshold.describe() + (self.item.unit or "")
        if self.item.threshold.satisfied_by(number):
            self.hint.setText(self.tr("Within the threshold (%1)").replace("%1", limit))
            self.hint.setStyleSheet("color: #1b7f3b;")
        else:
            self.hint.setText(self.tr("Violation: exceeds the threshold (%1)").replace("%1", limit))
            self.hint.setStyleSheet("color: #b3261e; font-weight: bold;")

    def flush(self) -> None:
        self._pause.stop()
        text = self.edit.text().strip()
        if text != self._last:
            self._last = text
            self._emit(text or None)

    def show_value(self, value: Any) -> None:
        self._loading = True
        self._last = "" if value is None else str(value)
        self.edit.setText(self._last)
        self._evaluate(self._last)
        self._loading = False

    def focus_editor(self) -> None:
        self.edit.setFocus()
        self.edit.selectAll()


class TextEditor(AnswerEditor):
    def __init__(self, item: ItemDef, parent: QWidget | None = None):
        super().__init__(item, parent)
        self.edit = QPlainTextEdit(self)
        self.edit.setObjectName("text_input")
        self.edit.setTabChangesFocus(True)
        self.edit.setMinimumHeight(90)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        self._pause = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._pause.timeout.connect(self.flush)
        self.edit.textChanged.connect(lambda: None if self._loading else self._pause.start())
        self._last = ""

    def flush(self) -> None:
        self._pause.stop()
        text = self.edit.toPlainText()
        if text != self._last:
            self._last = text
            self._emit(text or None)

    def focusOutEvent(self, event: Any) -> None:  # noqa: N802
        self.flush()
        super().focusOutEvent(event)

    def show_value(self, value: Any) -> None:
        self._loading = True
        self._last = value or ""
        self.edit.setPlainText(self._last)
        self._loading = False

    def focus_editor(self) -> None:
        self.edit.setFocus()


class ChoiceEditor(AnswerEditor):
    def __init__(self, item: ItemDef, parent: QWidget | None = None):
        super().__init__(item, parent)
        self.combo = QComboBox(self)
        self.combo.addItem(self.tr("(choose)"), None)
        for c in item.choices:
            self.combo.addItem(c, c)
        self.combo.activated.connect(lambda i: (self._emit(self.combo.itemData(i)), self.advance.emit()))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addStretch(1)

    def show_value(self, value: Any) -> None:
        self._loading = True
        self.combo.setCurrentIndex(max(0, self.combo.findData(value)))
        self._loading = False

    def focus_editor(self) -> None:
        self.combo.setFocus()


class MultiEditor(AnswerEditor):
    def __init__(self, item: ItemDef, parent: QWidget | None = None):
        super().__init__(item, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: list[QCheckBox] = []
        for c in item.choices:
            box = QCheckBox(c, self)
            box.toggled.connect(self._changed)
            layout.addWidget(box)
            self.boxes.append(box)

    def _changed(self) -> None:
        self._emit([b.text() for b in self.boxes if b.isChecked()] or None)

    def show_value(self, value: Any) -> None:
        self._loading = True
        chosen = set(value or [])
        for b in self.boxes:
            b.setChecked(b.text() in chosen)
        self._loading = False

    def focus_editor(self) -> None:
        if self.boxes:
            self.boxes[0].setFocus()


class SampleEditor(AnswerEditor):
    def __init__(self, item: ItemDef, parent: QWidget | None = None):
        super().__init__(item, parent)
        self.table = SampleTableEditor(item.columns, self)
        self.table.changed.connect(lambda: self._emit({"rows": self.table.model.rows()}))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)

    def show_value(self, value: Any) -> None:
        self._loading = True
        self.table.model.set_rows((value or {}).get("rows", []))
        self._loading = False

    def focus_editor(self) -> None:
        self.table.view.setFocus()


class AttachmentEditor(AnswerEditor):
    """Evidence linked to the item; linking happens on the evidence page or with the button."""

    link_requested = Signal()

    def __init__(self, item: ItemDef, parent: QWidget | None = None):
        super().__init__(item, parent)
        self.label = QLabel(self)
        button = QPushButton(self.tr("Add evidence for this item…"), self)
        button.clicked.connect(self.link_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(button)
        layout.addStretch(1)

    def show_value(self, value: Any) -> None:
        n = len(value or [])
        self.label.setText(self.tr("%n file(s) linked", "", n))


EDITORS: dict[AnswerType, type[AnswerEditor]] = {
    AnswerType.BOOL: ChoiceButtonsEditor, AnswerType.BOOL_NA: ChoiceButtonsEditor, AnswerType.COUNT: NumberEditor,
    AnswerType.PCT: NumberEditor, AnswerType.MONEY: NumberEditor, AnswerType.DATE: DateEditor,
    AnswerType.TEXT: TextEditor, AnswerType.CHOICE: ChoiceEditor, AnswerType.MULTI: MultiEditor,
    AnswerType.SAMPLE: SampleEditor, AnswerType.ATTACHMENT: AttachmentEditor,
}


def make_editor(item: ItemDef, parent: QWidget | None = None) -> AnswerEditor:
    return EDITORS[item.answer](item, parent)
