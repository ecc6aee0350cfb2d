"""Jalali date input, month grid and week agenda, driven as a user would."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from qazvin_diplomacy.core import jalali
from qazvin_diplomacy.ui.widgets.jalali import JalaliDateEdit, JalaliDateTimeEdit


def _type(qtbot, edit: JalaliDateEdit, text: str) -> None:
    """Type ``text`` and press Enter (QTest can only key-click ASCII, so Persian is pasted)."""
    edit.line.clear()
    if text.isascii():
        QTest.keyClicks(edit.line, text)
    else:
        edit.line.insert(text)
    QTest.keyClick(edit.line, Qt.Key.Key_Return)


def test_invalid_jalali_date_is_refused_at_the_field_and_text_kept(app, qtbot) -> None:
    edit = JalaliDateEdit(required=True)
    qtbot.addWidget(edit)
    edit.show()
    _type(qtbot, edit, "1404/12/30")  # 1404 is not a leap year
    assert edit.date() is None
    assert not edit.is_valid()
    assert edit.error_label.isVisible()
    assert "کبیسه" in edit.error_label.text()
    assert edit.text() == "1404/12/30"  # never loses what was typed
    assert edit.line.property("invalid") is True
    _type(qtbot, edit, "۱۴۰۳/۱۲/۳۰")  # 1403 is leap; Persian digits
    assert edit.date() == jalali.from_jalali(1403, 12, 30)
    assert not edit.error_label.isVisible()


def test_date_edit_shows_persian_digits_and_accepts_latin(app, qtbot) -> None:
    edit = JalaliDateEdit()
    qtbot.addWidget(edit)
    with qtbot.waitSignal(edit.dateChanged) as signal:
        _type(qtbot, edit, "1404-8-3")
    assert signal.args == [dt.date(2025, 10, 25)]
    edit.setDate(dt.date(2025, 10, 25))
    assert edit.text() == "۱۴۰۴/۰۸/۰۳"
    _type(qtbot, edit, "")
    assert edit.date() is None and edit.is_valid()  # empty is fine when not required


def test_calendar_popup_picks_a_date(app, qtbot) -> None:
    edit = JalaliDateEdit()
    qtbot.addWidget(edit)
    edit.show()
    edit.setDate(jalali.from_jalali(1404, 8, 3))
    edit.open_popup()
    assert edit.popup.year_month == (1404, 8)
    target = jalali.from_jalali(1404, 8, 20)
    qtbot.mouseClick(edit.popup.buttons[target], Qt.MouseButton.LeftButton)
    assert edit.date() == target
    assert not edit.popup.isVisible()
    edit.open_popup()
    edit.popup.shift(1)
    assert edit.popup.year_month == (1404, 9)
    edit.popup.hide()


def test_datetime_edit_combines_date_and_time(app, qtbot) -> None:
    edit = JalaliDateTimeEdit(required=True)
    qtbot.addWidget(edit)
    edit.date_edit.setText("۱۴۰۴/۰۸/۱۰")
    edit.time_line.setText("۱۰:۳۰")
    assert edit.validate() == ""
    assert edit.dateTime() == dt.datetime(2025, 11, 1, 10, 30)
    edit.time_line.setText("25:00")
    assert edit.validate_time() != ""
    assert edit.dateTime() is None
    assert edit.time_line.text() == "25:00"
