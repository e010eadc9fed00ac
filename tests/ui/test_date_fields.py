"""Date fields filled by keyboard: Tab leaves them (Qt's QDateEdit spent it on year → month → day first, so the
next field's text landed in the date), the arrow keys still move between the sections; the dates offered are the
agency's day, not the laptop's zone."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateTimeEdit, QLineEdit, QVBoxLayout, QWidget


def test_tab_leaves_a_date_field_and_the_arrows_move_between_its_sections(qtbot: Any) -> None:
    from inspector_app.ui.widgets.date_edit import DateEdit

    form = QWidget()
    qtbot.addWidget(form)
    before = QLineEdit(form)  # made in this order: the tab order
    date = DateEdit(QDate(2027, 1, 31), form)
    after = QLineEdit(form)
    date.setDisplayFormat("yyyy-MM-dd")
    layout = QVBoxLayout(form)
    for w in (before, date, after):
        layout.addWidget(w)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    date.setFocus()
    qtbot.waitUntil(date.hasFocus)
    assert date.currentSection() == QDateTimeEdit.Section.YearSection
    qtbot.keyClick(date, Qt.Key.Key_Right, delay=-1)
    qtbot.keyClick(date, Qt.Key.Key_Right, delay=-1)
    qtbot.keyClick(date, Qt.Key.Key_Right, delay=-1)
    qtbot.keyClick(date, Qt.Key.Key_Right, delay=-1)
    qtbot.keyClick(date, Qt.Key.Key_Right, delay=-1)
    assert date.currentSection() == QDateTimeEdit.Section.MonthSection  # the arrows still walk the sections
    qtbot.keyClick(date, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert date.hasFocus() and date.currentSection() == QDateTimeEdit.Section.DaySection  # Ctrl+Right too
    qtbot.keyClick(date, Qt.Key.Key_Tab)
    assert after.hasFocus() and date.date() == QDate(2027, 1, 31)
    qtbot.keyClicks(after, "next field")
    assert after.text() == "next field" and date.date() == QDate(2027, 1, 31)
    qtbot.keyClick(after, Qt.Key.Key_Backtab)
    assert date.hasFocus()
    qtbot.keyClick(date, Qt.Key.Key_Backtab)
    assert before.hasFocus()


def test_the_setup_dialogs_certificate_date_is_left_with_one_tab(qtbot: Any, tmp_path: Any) -> None:
    from inspector_app.domain.agency_time import today as agency_today
    from inspector_app.ui.dialogs.setup_dialog import SetupDialog

    dialog = SetupDialog([], tmp_path / "recovery-public.pem")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    day = agency_today()
    assert dialog.expiry.date() == QDate(day.year, day.month, day.day).addYears(2)
    dialog.expiry.setFocus()
    qtbot.waitUntil(dialog.expiry.hasFocus)
    qtbot.keyClick(dialog.expiry, Qt.Key.Key_Tab)
    assert not dialog.expiry.hasFocus() and dialog.focusWidget() is not None
    assert dialog.expiry.date() == QDate(day.year, day.month, day.day).addYears(2)


def test_tab_leaves_a_date_time_field(qtbot: Any) -> None:
    """The inquiry's start and end, the time of service, the new inspection's time: date and time, five sections."""
    from PySide6.QtCore import QDateTime, QTime

    from inspector_app.ui.widgets.date_edit import DateTimeEdit

    form = QWidget()
    qtbot.addWidget(form)
    when = DateTimeEdit(QDateTime(QDate(2027, 1, 31), QTime(9, 30)), form)
    place = QLineEdit(form)
    layout = QVBoxLayout(form)
    layout.addWidget(when)
    layout.addWidget(place)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    when.setFocus()
    qtbot.waitUntil(when.hasFocus)
    qtbot.keyClick(when, Qt.Key.Key_Tab)
    qtbot.keyClicks(place, "room 3")  # QTest types ASCII only
    assert place.text() == "room 3" and when.dateTime() == QDateTime(QDate(2027, 1, 31), QTime(9, 30))


def test_every_date_field_of_the_app_is_ours() -> None:
    """Qt's own date fields keep Tab for their sections: none may be made directly in the UI package."""
    import re
    from pathlib import Path

    import inspector_app.ui as ui

    root = Path(ui.__file__).parent
    direct = [f"{p.relative_to(root)}" for p in root.rglob("*.py") if p.name != "date_edit.py"
              and re.search(r"\bQDate(Time)?Edit\(", p.read_text(encoding="utf-8"))]
    assert direct == []
