"""The office calendar page: views, opening by Enter, moving by dragging, legend, jump, reminders."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import icalendar
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from qazvin_diplomacy.core import jalali
from qazvin_diplomacy.core.calendar import EntryKind
from qazvin_diplomacy.core.followups import FollowUpInput
from qazvin_diplomacy.core.visits import TEHRAN, GuestEntry, GuestRole, VisitInput
from qazvin_diplomacy.services import visits as visits_service
from qazvin_diplomacy.ui.calendar import ics as calendar_ics
from qazvin_diplomacy.ui.calendar import page as calendar_page
from qazvin_diplomacy.ui.calendar.canvas import CLASH_MARK, HOUR_HEIGHT, entry_text
from qazvin_diplomacy.ui.calendar.page import DAY, MONTH, WEEK, CalendarPage
from qazvin_diplomacy.ui.calendar.reminders import ReminderList
from qazvin_diplomacy.ui.visits.page import CALENDAR_TAB

# Sunday 1404/08/04 (26 October 2025), a working day in a week without holidays.
SUNDAY = jalali.from_jalali(1404, 8, 4)
MONDAY = SUNDAY + dt.timedelta(days=1)


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=TEHRAN)


@pytest.fixture
def office(window, db, people):
    """Two visits of the governor on Sunday (the second saved with a clash reason) and the page."""
    window.ctx.today = lambda: SUNDAY
    first = visits_service.save_visit(
        db,
        visit=VisitInput(
            title="دیدار سفیر ژاپن",
            start_at=at(SUNDAY, 10),
            end_at=at(SUNDAY, 11),
            guests=(GuestEntry(people["ambassador"], GuestRole.HEAD),),
            hosts=(people["governor"],),
            followups=(FollowUpInput("ارسال صورت‌جلسه", deadline=SUNDAY - dt.timedelta(days=3)),),
        ),
    )
    second = visits_service.save_visit(
        db,
        visit=VisitInput(
            title="نشست رایزن اقتصادی",
            start_at=at(SUNDAY, 10, 30),
            end_at=at(SUNDAY, 11, 30),
            guests=(GuestEntry(people["counsellor"], GuestRole.HEAD),),
            hosts=(people["governor"],),
        ),
        conflict_reason="به درخواست سفارت",
    )
    page = window.show_module("calendar")
    assert isinstance(page, CalendarPage)
    page.go_to(SUNDAY)
    QApplication.processEvents()
    return {"window": window, "db": db, "page": page, "first": first, "second": second}


def _box(canvas, key):
    canvas.repaint()
    return next(rect for rect, e in canvas.boxes if e.key[:2] == key)


def test_week_view_shows_visits_on_the_hour_grid_with_guests_and_clash(office) -> None:
    page = office["page"]
    page.set_view(WEEK)
    entries = page.state.on_day(SUNDAY)
    visits = [e for e in entries if e.kind is EntryKind.VISIT]
    assert [e.title for e in visits] == ["دیدار سفیر ژاپن", "نشست رایزن اقتصادی"]
    assert all(e.clash for e in visits)
    text = entry_text(visits[0])
    assert CLASH_MARK in text and "هیروشی تاناکا" in text
    box = _box(page.week.hours, ("visit", office["first"].id))
    assert box.top() == pytest.approx(10 * HOUR_HEIGHT, abs=2)
    # the two overlapping visits sit side by side
    other = _box(page.week.hours, ("visit", office["second"].id))
    assert not box.intersects(other)


def test_month_cells_keep_the_day_number_apart_from_the_holiday(office) -> None:
    page = office["page"]
    page.go_to(jalali.from_jalali(1405, 1, 1))
    page.set_view(MONTH)
    holidays = page.state.holidays(jalali.from_jalali(1405, 1, 2))
    assert [h.title for h in holidays] == ["نوروز"]
    page.month.canvas.repaint()  # painting the month with holidays and entries does not fail
    assert page.title.text() == "فروردین ۱۴۰۵"


def test_enter_opens_the_selected_visit_and_again_after_the_form_closes(office, qtbot) -> None:
    page = office["page"]
    page.set_view(DAY)
    canvas = page.day.hours
    box = _box(canvas, ("visit", office["first"].id))
    QTest.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=box.center().toPoint())
    assert page.state.selected_entry().record_id == office["first"].id
    visits = office["window"].page("visits")
    QTest.keyClick(canvas, Qt.Key.Key_Return)
    assert [f.detail.id for f in visits.forms] == [office["first"].id]
    visits.forms[0].reject()
    QApplication.processEvents()
    assert visits.forms == []
    assert page.state.selected_entry().record_id == office["first"].id
    QTest.keyClick(canvas, Qt.Key.Key_Return)
    assert [f.detail.id for f in visits.forms] == [office["first"].id]
    visits.forms[0].reject()


def test_tab_moves_the_selection_and_double_click_opens(office) -> None:
    page = office["page"]
    page.set_view(WEEK)
    page.state.select(None)
    page.week.focus_view()
    page.week.hours.focusNextPrevChild(True)
    assert page.state.selected_entry() is not None
    canvas = page.week.hours
    box = _box(canvas, ("visit", office["second"].id))
    QTest.mouseDClick(canvas, Qt.MouseButton.LeftButton, pos=box.center().toPoint())
    visits = office["window"].page("visits")
    assert [f.detail.id for f in visits.forms] == [office["second"].id]
    visits.forms[0].reject()


def _drag(canvas, start: QPoint, end: QPoint) -> None:
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    QTest.mouseMove(canvas, QPoint(start.x(), start.y() + 10))
    QTest.mouseMove(canvas, end)
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=end)


def test_dragging_a_visit_moves_it_through_the_conflict_check(office, monkeypatch) -> None:
    page = office["page"]
    page.set_view(DAY)
    canvas = page.day.hours
    asked = []
    monkeypatch.setattr(page, "ask_conflict_reason", lambda c: asked.append(c) or None)
    box = _box(canvas, ("visit", office["second"].id))
    grab = box.center().toPoint()
    # two hours later: 12:30 – still clashes with nobody? the governor is free then
    _drag(canvas, grab, QPoint(grab.x(), grab.y() + 2 * HOUR_HEIGHT))
    moved = visits_service.get_visit(office["db"], office["second"].id)
    assert moved.start_at == at(SUNDAY, 12, 30) and asked == []
    # back onto the first visit: the clash is asked about; cancelling leaves it where it was
    box = _box(canvas, ("visit", office["second"].id))
    grab = box.center().toPoint()
    _drag(canvas, grab, QPoint(grab.x(), grab.y() - 2 * HOUR_HEIGHT))
    assert len(asked) == 1
    assert visits_service.get_visit(office["db"], office["second"].id).start_at == at(
        SUNDAY, 12, 30
    )
    monkeypatch.setattr(page, "ask_conflict_reason", lambda c: "ضروری")
    box = _box(canvas, ("visit", office["second"].id))
    grab = box.center().toPoint()
    _drag(canvas, grab, QPoint(grab.x(), grab.y() - 2 * HOUR_HEIGHT))
    moved = visits_service.get_visit(office["db"], office["second"].id)
    assert moved.start_at == at(SUNDAY, 10, 30) and moved.conflict_reason == "ضروری"


def test_dragging_to_another_day_in_the_week(office) -> None:
    page = office["page"]
    page.set_view(WEEK)
    canvas = page.week.hours
    box = _box(canvas, ("visit", office["first"].id))
    grab = box.center().toPoint()
    column = canvas.column(2)  # Monday (Saturday is column 0)
    _drag(canvas, grab, QPoint(int(column.center().x()), grab.y()))
    moved = visits_service.get_visit(office["db"], office["first"].id)
    assert moved.start_at == at(MONDAY, 10)


def test_a_refused_move_says_why_and_changes_nothing(office, monkeypatch) -> None:
    page = office["page"]
    page.set_view(WEEK)
    shown = []
    monkeypatch.setattr(calendar_page, "show_error", lambda parent, exc: shown.append(exc))
    visit = next(e for e in page.state.entries if e.kind is EntryKind.VISIT)
    assert page.move_entry(replace(visit, kind=EntryKind.EXPIRY), MONDAY, None) is False
    assert shown and "کشیدن" in shown[0].message
    stale = replace(visit, version=(visit.version or 0) + 5)
    assert page.move_entry(stale, MONDAY, None) is False
    assert len(shown) == 2
    assert visits_service.get_visit(office["db"], visit.record_id).start_at == visit.start


def test_legend_hides_a_kind(office) -> None:
    page = office["page"]
    page.set_view(WEEK)
    assert any(e.kind is EntryKind.VISIT for e in page.state.entries)
    page.kind_boxes[EntryKind.VISIT].setChecked(False)
    assert not any(e.kind is EntryKind.VISIT for e in page.state.entries)
    page.kind_boxes[EntryKind.VISIT].setChecked(True)
    assert any(e.kind is EntryKind.VISIT for e in page.state.entries)


def test_month_and_year_boxes_jump(office) -> None:
    page = office["page"]
    page.set_view(MONTH)
    page.year_box.setValue(1406)
    page.month_box.setCurrentIndex(10)
    page._jump()
    assert jalali.to_jalali(page.state.day)[:2] == (1406, 11)
    assert page.state.first == jalali.from_jalali(1406, 11, 1)
    page.shift(-12)
    assert jalali.to_jalali(page.state.day)[:2] == (1405, 11)


def test_export_range_to_ics(office, tmp_path: Path, monkeypatch) -> None:
    page = office["page"]
    page.set_view(WEEK)
    out = tmp_path / "week.ics"
    monkeypatch.setattr(calendar_page, "ask_ics_path", lambda parent, name: out)
    assert page.export_range() == out
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    summaries = {str(e["summary"]) for e in calendar.walk("VEVENT")}
    assert {"دیدار سفیر ژاپن", "نشست رایزن اقتصادی"} <= summaries


def test_reminders_list_today_and_overdue_and_are_not_modal(office) -> None:
    from qazvin_diplomacy.services.calendar import reminders

    page = office["page"]
    entries = reminders(office["db"], today=SUNDAY)
    dialog = ReminderList(page.ctx, page)
    dialog.show_entries(entries)
    dialog.show()
    texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert any("دیدار سفیر ژاپن" in t for t in texts)
    assert any("ارسال صورت‌جلسه" in t for t in texts)  # overdue since Thursday
    assert not dialog.isModal()
    dialog.reject()


def test_english_interface(office, app) -> None:
    from qazvin_diplomacy.ui.application import apply_language

    page = office["page"]
    apply_language(app, "en")
    page.set_view(DAY)
    assert page.title.text().startswith("Sunday 4 Aban 1404")
    assert "26 October 2025" in page.title.text()
    assert page.kind_boxes[EntryKind.VISIT].text() == "Visits"


def test_visit_list_context_menu_exports_the_visit(office, tmp_path: Path, monkeypatch) -> None:
    visits = office["window"].show_module("visits")
    visits.views.setCurrentIndex(0)
    visits.apply_filters()
    action = next(a for a in visits.table.actions() if isinstance(a, calendar_ics.IcsAction))
    assert action.text() == "خروجی تقویم…"
    out = tmp_path / "visit.ics"
    monkeypatch.setattr(calendar_ics, "ask_ics_path", lambda parent, name: out)
    assert action.export() is False  # no row yet: nothing asked, nothing written
    visits.table.setCurrentIndex(visits.model.index(0, 0))
    assert action.export() is True
    (event,) = icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert str(event["summary"]) == visits.model.visit(0).title


def test_visits_calendar_tab_is_this_calendar_with_visits_and_holidays_only(office) -> None:
    visits = office["window"].show_module("visits")
    visits.views.setCurrentIndex(CALENDAR_TAB)
    visits.calendar.set_view(MONTH)
    visits.calendar.go_to(SUNDAY)
    assert isinstance(visits.calendar, CalendarPage)
    assert {e.kind for e in visits.calendar.state.entries} <= {EntryKind.VISIT, EntryKind.HOLIDAY}
    texts = [
        entry_text(e).translate(dict.fromkeys(range(0x2066, 0x206A)))
        for e in visits.calendar.state.on_day(SUNDAY)
    ]
    assert any("دیدار سفیر ژاپن — هیروشی تاناکا" in t for t in texts), texts
    nowruz = jalali.from_jalali(1405, 1, 2)
    visits.calendar.go_to(nowruz)
    assert [h.title for h in visits.calendar.state.holidays(nowruz)] == ["نوروز"]


def test_reminders_show_on_start_and_again_only_for_new_items(office, qtbot) -> None:
    from qazvin_diplomacy.services.calendar import reminders

    window = office["window"]
    control = window.reminders
    control.check()  # what the timer does every few minutes, read in the background
    window.runner.wait()
    qtbot.waitUntil(lambda: control.list is not None and control.list.isVisible())
    listed = control.list
    assert listed.entries and not listed.isModal()
    listed.reject()  # dismissed: the same items do not come back
    control.show(reminders(office["db"], today=SUNDAY))
    assert not listed.isVisible()
    visits_service.save_visit(
        office["db"],
        visit=VisitInput(
            title="دیدار تازه",
            start_at=at(SUNDAY, 16),
            end_at=at(SUNDAY, 17),
            delegation_name="هیئت",
        ),
    )
    control.show(reminders(office["db"], today=SUNDAY))  # a visit added today is new
    assert listed.isVisible()
    listed.reject()
    assert control.timer.interval() == 5 * 60 * 1000


def test_tab_leaves_the_calendar_after_the_last_entry(office) -> None:
    page = office["page"]
    page.set_view(DAY)
    canvas = page.day.hours
    page.state.select(None)
    steps = 0
    while canvas.focusNextPrevChild(True) and page.state.selected_entry() is not None:
        steps += 1
        assert steps < 20
        if page.state.selected_entry().key == page.state.entries[-1].key:
            break
    assert page.state.step(True, wrap=False) is False  # at the last: Tab goes on to the page


def _ink_columns(canvas, box) -> list[int]:
    """x of the dark (text) pixels inside ``box``, the coloured edge left out."""
    image = canvas.grab().toImage()
    found = []
    for x in range(int(box.left()) + 5, int(box.right()) - 5):
        for y in range(int(box.top()) + 3, int(box.top()) + 18):
            if image.pixelColor(x, y).lightness() < 90:
                found.append(x)
                break
    return found


def test_text_starts_at_the_right_edge_in_persian_and_the_left_in_english(office, app) -> None:
    from qazvin_diplomacy.ui.application import apply_language

    page = office["page"]
    page.set_view(DAY)
    canvas = page.day.hours
    box = _box(canvas, ("visit", office["first"].id))
    ink = _ink_columns(canvas, box)
    assert ink and box.right() - max(ink) < 20 < min(ink) - box.left()
    apply_language(app, "en")
    box = _box(canvas, ("visit", office["first"].id))
    ink = _ink_columns(canvas, box)
    assert ink and min(ink) - box.left() < 20 < box.right() - max(ink)


def test_a_view_already_read_is_not_read_again_but_a_change_is(office, monkeypatch) -> None:
    """The visits tab reads its calendar on being shown; asking for the view it shows does
    not read the same range again.  Another view, day, legend or a saved change does."""
    page = office["page"]
    page.set_view(MONTH)
    reads: list[tuple[dt.date, dt.date]] = []
    real = calendar_page.calendar_service.agenda_between

    def counting(db, *, start, end, **kw):
        reads.append((start, end))
        return real(db, start=start, end=end, **kw)

    monkeypatch.setattr(calendar_page.calendar_service, "agenda_between", counting)
    page.set_view(MONTH)
    assert reads == []
    page.set_view(WEEK)
    page.set_view(MONTH)
    assert len(reads) == 2
    page.kind_boxes[EntryKind.FOLLOWUP].setChecked(False)
    page.set_view(MONTH)
    assert EntryKind.FOLLOWUP not in {e.kind for e in page.state.entries}
    reads.clear()
    visits_service.save_visit(
        office["db"],
        visit=replace(office["first"], title="دیدار سفیر ژاپن (ویرایش)"),
        conflict_reason="به درخواست سفارت",
    )
    office["window"].ctx.hub.dataChanged.emit("visits")  # what a saved form announces
    assert reads, "a saved change is read"
    assert "دیدار سفیر ژاپن (ویرایش)" in {e.title for e in page.state.entries}
    reads.clear()
    page.set_view(MONTH)
    assert reads == []
