"""The date answer editor (split from answer_editors.py, which it extends)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from inspector_app.domain.agency_time import today as agency_today
from inspector_app.ui.widgets.date_edit import DateEdit
from inspector_app.domain.checklist import ItemDef
from inspector_app.ui.widgets.answer_editor_base import AnswerEditor


class DateEditor(AnswerEditor):
    """A date; with no date yet, the field offers today (or the runner's `default_date`, the inspection date) when
    it gets the focus instead of the lowest possible date, and saves it only on Enter or a real change."""

    def __init__(self, item: ItemDef, parent: QWidget | None = None):
        super().__init__(item, parent)
        day = agency_today()  # the agency's day (one time zone everywhere), not the laptop's
        self.default_date = QDate(day.year, day.month, day.day)
        self.edit = DateEdit(self)
        self.edit.setObjectName("date_input")
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setSpecialValueText(self.tr("(no date)"))
        self.edit.setMinimumDate(QDate(1990, 1, 1))
        self.edit.setDate(self.edit.minimumDate())
        self._offered = False  # today is shown as a suggestion, not yet chosen
        clear = QPushButton(self.tr("Clear"), self)
        clear.clicked.connect(lambda: self._emit(None))
        self.edit.editingFinished.connect(self._commit)
        self.edit.dateChanged.connect(self._changed)
        self.edit.installEventFilter(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(clear)
        layout.addStretch(1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.edit:
            if event.type() == QEvent.Type.FocusIn and self.edit.date() == self.edit.minimumDate():
                self._loading = True
                self.edit.setDate(self.default_date)
                self.edit.calendarWidget().setSelectedDate(self.default_date)
                self._loading = False
                self._offered = True
            elif event.type() == QEvent.Type.FocusOut and self._offered:
                self._loading = True
                self.edit.setDate(self.edit.minimumDate())  # nothing chosen: back to "(no date)"
                self._loading = False
                self._offered = False
            elif event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._offered = False
                self._commit()
                self.advance.emit()
                return True
        return super().eventFilter(watched, event)

    def _changed(self, _date: QDate) -> None:
        if self._loading:
            return
        self._offered = False
        if self.edit.calendarWidget().isVisible():
            self._commit()

    def _commit(self) -> None:
        if self._offered or self.edit.date() == self.edit.minimumDate():
            return
        self._emit(self.edit.date().toPython().isoformat())

    def show_value(self, value: Any) -> None:
        self._loading = True
        self._offered = False
        self.edit.setDate(QDate(dt.date.fromisoformat(value)) if value else self.edit.minimumDate())
        self._loading = False

    def focus_editor(self) -> None:
        self.edit.setFocus()
