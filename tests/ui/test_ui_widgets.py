"""Jalali date input, month grid and week agenda, driven as a user would."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from qazvin_diplomacy.core import jalali
from qazvin_diplomacy.ui.widgets.jalali import JalaliDateEdit, JalaliDateTimeEdit
from qazvin_diplomacy.ui.widgets.month_grid import CalendarItem, MonthGrid, WeekAgenda


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


def test_month_grid_is_saturday_first_with_fridays_and_holidays_marked(app, qtbot) -> None:
    grid = MonthGrid()
    qtbot.addWidget(grid)
    grid.set_month(1404, 8)  # Aban 1404
    assert grid.weekday_labels[0].text() == "شنبه"
    assert grid.weekday_labels[6].text() == "جمعه"
    first = jalali.from_jalali(1404, 8, 1)
    col = jalali.jalali_weekday(first)
    assert first.weekday() == 3 and col == 5  # 1 Aban 1404 is a Thursday: sixth column
    assert grid.cells[0][col].day == first
    assert grid.cells[0][col].number.text() == "۱"
    assert all(cell.day is None for cell in grid.cells[0][:col])
    friday = grid.cells[0][6]
    assert friday.day is not None and friday.day.weekday() == 4 and friday.off_day
    assert not grid.cells[1][0].off_day  # a Saturday
    assert grid.header.title.text() == "آبان ۱۴۰۴"
    grid.set_month(1404, 11)  # Bahman: 22 Bahman is a fixed holiday
    cell = grid.cell_for(jalali.from_jalali(1404, 11, 22))
    assert cell is not None and cell.off_day and cell.holiday.text()


def test_month_grid_shows_items_and_double_click_emits_id(app, qtbot) -> None:
    grid = MonthGrid()
    qtbot.addWidget(grid)
    grid.resize(900, 700)
    grid.show()
    grid.set_month(1404, 8)
    day = jalali.from_jalali(1404, 8, 10)
    grid.set_items(
        [
            CalendarItem(42, day, "۱۰:۰۰ دیدار سفیر", sort_key="10"),
            CalendarItem(7, day, "۰۹:۰۰ جلسه", sort_key="09"),
        ]
    )
    cell = grid.cell_for(day)
    assert cell is not None
    assert cell.item_texts() == ["۰۹:۰۰ جلسه", "۱۰:۰۰ دیدار سفیر"]
    rect = cell.list.visualItemRect(cell.list.item(1))
    QTest.mouseClick(
        cell.list.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        rect.center(),
    )
    with qtbot.waitSignal(grid.itemActivated, timeout=1000) as signal:
        QTest.mouseDClick(
            cell.list.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            rect.center(),
        )
    assert signal.args == [42]
    with qtbot.waitSignal(grid.monthChanged) as changed:
        qtbot.mouseClick(grid.header.next_button, Qt.MouseButton.LeftButton)
    assert changed.args == [1404, 9]


def test_week_agenda_runs_saturday_to_friday(app, qtbot) -> None:
    week = WeekAgenda()
    qtbot.addWidget(week)
    week.set_week(dt.date(2025, 10, 29))  # a Wednesday
    start, end = week.date_range()
    assert start == dt.date(2025, 10, 25) and start.weekday() == 5  # Saturday
    assert end == dt.date(2025, 10, 31) and end.weekday() == 4  # Friday
    assert week.day_labels[0].text().startswith("شنبه")
    assert week.cells[6].off_day
    week.set_items([CalendarItem(5, dt.date(2025, 10, 27), "دیدار")])
    assert week.cells[2].item_texts() == ["دیدار"]
    with qtbot.waitSignal(week.weekChanged):
        week.shift(1)
    assert week.date_range()[0] == dt.date(2025, 11, 1)
