"""The app's date field: Tab and Shift+Tab leave it, as they leave every other field of a form.

Qt's QDateEdit spends Tab on its own sections first (year → month → day), so someone filling a form by keyboard
typed the next field's text into the date after two Tabs. Here the arrow keys still move between the sections,
typing a whole date (20270131) fills them in turn, and the calendar pops up with Alt+Down."""

from __future__ import annotations

from PySide6.QtWidgets import QDateEdit, QWidget


class DateEdit(QDateEdit):
    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt's override and its parameter name
        return QWidget.focusNextPrevChild(self, next)
