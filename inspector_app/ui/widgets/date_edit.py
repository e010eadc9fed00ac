"""The app's date and date-time fields: Tab and Shift+Tab leave them, as they leave every other field of a form.

Qt's QDateEdit / QDateTimeEdit spend Tab on their own sections first (year → month → day → hour → minute), so
someone filling a form by keyboard typed the next field's text into the date after two Tabs. Only Tab and
Backtab are taken here: the arrow keys and Ctrl+Left/Right still move between the sections, typing a whole date
(20270131) fills them in turn, and the calendar pops up with Alt+Down."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QWidget

_TABS = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
_NOT_TAB = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


def _leave_on_tab(widget: QWidget, event: QEvent) -> bool:
    """True when `event` was Tab/Backtab and the focus has moved on (QWidget's own step, not the sections')."""
    if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent) or event.key() not in _TABS:
        return False
    if event.modifiers() & _NOT_TAB:
        return False
    forward = event.key() == Qt.Key.Key_Tab and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
    return QWidget.focusNextPrevChild(widget, forward)


class DateEdit(QDateEdit):
    def event(self, event: QEvent) -> bool:
        return _leave_on_tab(self, event) or super().event(event)


class DateTimeEdit(QDateTimeEdit):
    def event(self, event: QEvent) -> bool:
        return _leave_on_tab(self, event) or super().event(event)
