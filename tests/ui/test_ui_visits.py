"""The visits module driven through its real widgets: form, conflicts, views, archive, model."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox

from qazvin_diplomacy.core import jalali
from qazvin_diplomacy.core.calendar import EntryKind
from qazvin_diplomacy.core.visits import (
    ChecklistItem,
    ChecklistState,
    GiftDirection,
    GiftEntry,
    GuestEntry,
    VisitFilter,
    VisitInput,
    VisitStatus,
)
from qazvin_diplomacy.services import directory
from qazvin_diplomacy.services import visits as visits_service
from qazvin_diplomacy.ui.calendar.canvas import CLASH_MARK, entry_text, wrapped_lines
from qazvin_diplomacy.ui.calendar.page import MONTH, WEEK
from qazvin_diplomacy.ui.common import TaskRunner
from qazvin_diplomacy.ui.modules import Hub, UiContext
from qazvin_diplomacy.ui.visits.form import ConflictDialog, VisitForm
from qazvin_diplomacy.ui.visits.models import VisitTableModel
from qazvin_diplomacy.ui.visits.page import CALENDAR_TAB, VisitsPage

DAY = jalali.from_jalali(1404, 8, 10)  # Saturday 1 November 2025, a working day


def make_visit(
    db,
    people,
    title: str,
    start_h: int,
    end_h: int,
    *,
    day: dt.date = DAY,
    host: bool = True,
    country_id: int | None = None,
    gifts=(),
) -> int:
    visit = VisitInput(
        title=title,
        start_at=dt.datetime.combine(day, dt.time(start_h)),
        end_at=dt.datetime.combine(day, dt.time(end_h)),
        status=VisitStatus.PLANNED,
        guests=(GuestEntry(people["counsellor"]),),
        hosts=(people["governor"],) if host else (),
        country_id=country_id,
        gifts=tuple(gifts),
    )
    return visits_service.save_visit(db, visit=visit).id


@pytest.fixture
def page(app, qtbot, paths, db, settings, people) -> VisitsPage:
    runner = TaskRunner()
    ctx = UiContext(
        paths=paths, db=db, settings=settings, runner=runner, hub=Hub(), today=lambda: DAY
    )
    widget = VisitsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    widget.refresh()
    return widget


def fill_persian_form(form: VisitForm, *, title: str, start: str, end: str) -> None:
    """Fill the general tab as a Persian-speaking user would (Persian digits)."""
    form.title_edit.setText(title)
    form.start_edit.date_edit.setText(start.split()[0])
    form.start_edit.time_line.setText(start.split()[1])
    form.end_edit.date_edit.setText(end.split()[0])
    form.end_edit.time_line.setText(end.split()[1])
    form.venue_edit.setText("استانداری قزوین، سالن اجلاس")
    form.purpose_edit.setPlainText("گفتگو درباره همکاری‌های اقتصادی و گردشگری")
    QTest.keyClicks(form.guests.search, "Tanaka")  # search the directory as typed
    QTest.keyClick(form.guests.search, Qt.Key.Key_Return)
    QTest.keyClicks(form.hosts.search, "Qazvini")
    QTest.keyClick(form.hosts.search, Qt.Key.Key_Return)


def test_create_visit_through_form_and_see_it_in_every_view(page: VisitsPage, qtbot, db) -> None:
    form = page.new_record()
    fill_persian_form(
        form, title="دیدار سفیر ژاپن با استاندار", start="۱۴۰۴/۰۸/۱۰ ۱۰:۰۰", end="۱۴۰۴/۰۸/۱۰ ۱۲:۳۰"
    )
    assert form.guests.ids() and form.hosts.ids()
    row = form.add_itinerary_row()
    form.itinerary.table.item(row, 1).setText("۱۴۰۴/۰۸/۱۰ ۱۱:۰۰")
    form.itinerary.table.item(row, 2).setText("دیدار با استاندار")
    form.itinerary.table.item(row, 3).setText("دفتر استاندار")
    form.check_buttons[(ChecklistItem.FLAGS, ChecklistState.DONE)].click()
    form.check_buttons[(ChecklistItem.HOTEL, ChecklistState.NOT_NEEDED)].click()
    visit, errors = form.collect()
    assert errors == {}
    with qtbot.waitSignal(form.saved, timeout=1000) as saved:
        form.save_button.click()
    visit_id = saved.args[0]
    detail = visits_service.get_visit(db, visit_id)
    assert detail.title == "دیدار سفیر ژاپن با استاندار"
    assert detail.start_at.astimezone(jalali_tz()).replace(tzinfo=None) == dt.datetime(
        2025, 11, 1, 10
    )
    assert [i.activity for i in detail.itinerary] == ["دیدار با استاندار"]
    states = {c.key: c.state for c in detail.checklist}
    assert states[ChecklistItem.FLAGS] is ChecklistState.DONE
    assert states[ChecklistItem.HOTEL] is ChecklistState.NOT_NEEDED
    # list
    page.views.setCurrentIndex(0)
    model = page.model
    assert any(model.visit(r).id == visit_id for r in range(model.rowCount()))
    assert "دیدار سفیر ژاپن با استاندار" in [
        model.index(r, 0).data() for r in range(model.rowCount())
    ]
    # the calendar tab: the office calendar's month and week views, visits only
    page.views.setCurrentIndex(CALENDAR_TAB)
    page.calendar.set_view(MONTH)
    page.calendar.go_to(DAY)
    assert page.calendar.kinds() == [EntryKind.VISIT, EntryKind.HOLIDAY]
    (entry,) = page.calendar.state.on_day(DAY)
    text = entry_text(entry)
    assert "دیدار سفیر ژاپن" in text and "۱۰:۰۰" in text and CLASH_MARK not in text
    page.calendar.set_view(WEEK)
    assert page.calendar.state.first == DAY  # Saturday: the week's first day
    assert [e.record_id for e in page.calendar.state.on_day(DAY)] == [visit_id]
    # double-click (or Enter) in the calendar opens the visit's form from this page
    before = len(page.forms)
    page.calendar.week.entryActivated.emit(entry)
    assert len(page.forms) == before + 1 and page.forms[-1].detail.id == visit_id


def test_calendar_tab_marks_clashes_and_keeps_whole_titles(page: VisitsPage, db, people) -> None:
    """Issue 20: the visits' month and week views marked no clash and cut titles (now they
    are the calendar's views: clash mark, titles wrapped or elided with the whole in the tip)."""
    long_title = "دیدار رایزن اقتصادی سفارت ژاپن با استاندار و معاونان اقتصادی استانداری"
    first = make_visit(db, people, long_title, 10, 12)
    visit = VisitInput(
        title="دیدار سفیر ژاپن",
        start_at=dt.datetime.combine(DAY, dt.time(11)),
        end_at=dt.datetime.combine(DAY, dt.time(13)),
        status=VisitStatus.PLANNED,
        guests=(GuestEntry(people["counsellor"]),),
        hosts=(people["governor"],),
    )
    second = visits_service.save_visit(db, visit=visit, conflict_reason="به درخواست سفارت").id
    lone = make_visit(db, people, "دیدار بدون تداخل", 10, 11, day=DAY + dt.timedelta(days=2))
    page.resize(1024, 700)
    page.views.setCurrentIndex(CALENDAR_TAB)
    for view in (MONTH, WEEK):
        page.calendar.set_view(view)
        page.calendar.go_to(DAY)
        entries = {
            e.record_id: e
            for d in (DAY, DAY + dt.timedelta(days=2))
            for e in page.calendar.state.on_day(d)
        }
        assert entries[first].clash and entries[second].clash and not entries[lone].clash
        assert entry_text(entries[first]).lstrip("\u200f").startswith(CLASH_MARK)
        assert CLASH_MARK not in entry_text(entries[lone])
        tip = page.calendar.entry_tooltip(entries[first])
        assert long_title in tip and "تداخل" in tip  # the whole title and the clash, on hover
        canvas = page.calendar.current_view().canvases()[-1]
        canvas.repaint()
        boxes = [rect for rect, e in canvas.boxes if e.record_id == first]
        assert boxes, "the visit is drawn"
        if view == WEEK:  # a two-hour visit has room to wrap its title, not cut it
            line = QFontMetrics(canvas.font()).lineSpacing()
            assert boxes[0].height() - 2 >= 2 * line, boxes[0]
            assert len(wrapped_lines(entry_text(entries[first]), canvas.font(), 200, 3)) > 1
        # the month's cell may elide the last line: the tooltip above has the whole title


def jalali_tz():
    from qazvin_diplomacy.core.clock import TEHRAN

    return TEHRAN


def test_conflicting_visit_warns_and_saves_only_with_reason(
    page: VisitsPage, qtbot, db, people
) -> None:
    make_visit(db, people, "دیدار رایزن اقتصادی", 10, 12)
    form = page.new_record()
    fill_persian_form(
        form, title="دیدار سفیر ژاپن", start="۱۴۰۴/۰۸/۱۰ ۱۱:۰۰", end="۱۴۰۴/۰۸/۱۰ ۱۳:۰۰"
    )
    seen: dict[str, object] = {}

    def answer(cancel: bool) -> None:
        dialog = form.conflict_dialog
        assert isinstance(dialog, ConflictDialog)
        seen["text"] = dialog.items.text()
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        seen["ok_before"] = ok.isEnabled()
        if cancel:
            dialog.reject()
            return
        dialog.reason.setPlainText("استاندار زمان را کوتاه می‌کند")
        seen["ok_after"] = ok.isEnabled()
        ok.click()

    QTimer.singleShot(0, lambda: answer(cancel=True))
    assert form.save() is False
    assert "دیدار رایزن اقتصادی" in str(seen["text"])  # the clashing visit is named
    assert seen["ok_before"] is False  # no saving without a reason
    assert form.title_edit.text() == "دیدار سفیر ژاپن"  # nothing typed was lost
    assert visits_service.count_visits(db) == 1
    QTimer.singleShot(0, lambda: answer(cancel=False))
    with qtbot.waitSignal(form.saved) as saved:
        assert form.save() is True
    assert seen["ok_after"] is True
    detail = visits_service.get_visit(db, saved.args[0])
    assert detail.conflict_reason == "استاندار زمان را کوتاه می‌کند"


def test_validation_errors_are_shown_next_to_fields_and_input_kept(page: VisitsPage) -> None:
    form = page.new_record()
    form.start_edit.date_edit.setText("۱۴۰۴/۰۸/۱۰")
    form.start_edit.time_line.setText("12:00")
    form.end_edit.date_edit.setText("1404/08/10")
    form.end_edit.time_line.setText("10:00")
    form.venue_edit.setText("هتل البرز")
    assert form.save() is False
    assert form.field_errors["title"].isVisible()
    assert form.field_errors["title"].text() == "عنوان دیدار را بنویسید."
    assert "بعد از" in form.end_edit.date_edit.error_label.text()
    assert form.field_errors["guests"].isVisible()
    assert form.venue_edit.text() == "هتل البرز"
    assert form.end_edit.time_line.text() == "10:00"
    form.end_edit.date_edit.setText("1404/13/01")
    assert form.save() is False
    assert form.end_edit.date_edit.error_label.isVisible()
    assert form.end_edit.date_edit.text() == "1404/13/01"


def test_itinerary_outside_the_visit_is_marked_on_its_row(page: VisitsPage, people) -> None:
    form = page.new_record()
    fill_persian_form(form, title="دیدار", start="۱۴۰۴/۰۸/۱۰ ۱۰:۰۰", end="۱۴۰۴/۰۸/۱۰ ۱۲:۰۰")
    row = form.add_itinerary_row()
    form.itinerary.table.item(row, 0).setText("۱۴۰۴/۰۸/۱۱ ۰۹:۰۰")
    form.itinerary.table.item(row, 1).setText("۱۴۰۴/۰۸/۱۱ ۱۰:۰۰")
    form.itinerary.table.item(row, 2).setText("بازدید")
    assert form.save() is False
    assert form.tabs.currentIndex() == 1
    assert form.itinerary.errors.isVisible() and "ردیف ۱" in form.itinerary.errors.text()


def test_repeated_gift_to_same_person_warns_before_saving(page: VisitsPage, db, people) -> None:
    make_visit(
        db,
        people,
        "دیدار نخست",
        8,
        9,
        host=False,
        gifts=[GiftEntry(GiftDirection.GIVEN, "قالیچه دستباف", people["counsellor"])],
    )
    form = page.new_record()
    fill_persian_form(form, title="دیدار دوم", start="۱۴۰۴/۰۸/۱۲ ۱۰:۰۰", end="۱۴۰۴/۰۸/۱۲ ۱۱:۰۰")
    form.guests.add_person(people["counsellor"], "یوکو ساتو", "Yoko Sato")
    row = form.add_gift_row()
    person = form.gifts.combo(row, 2)
    person.setCurrentIndex(person.findData(people["counsellor"]))
    form.gifts.table.item(row, 1).setText("قالیچه  دست‌باف")
    assert not form.gift_warning.isHidden()
    assert "قالیچه" in form.gift_warning.text()
    asked: list[str] = []
    form.confirm = lambda title, text: asked.append(text) or False  # the user declines
    assert form.save() is False
    assert asked and visits_service.count_visits(db) == 1


def test_delete_archives_with_confirmation_and_archive_view_restores(
    page: VisitsPage, db, people
) -> None:
    visit_id = make_visit(db, people, "دیدار برای بایگانی", 9, 10)
    page.refresh_all()
    form = page.open_record(visit_id)
    assert form is not None and form.archive_button.isVisible()
    form.confirm = lambda title, text: False
    assert form.archive() is False
    form.confirm = lambda title, text: True
    assert form.archive() is True
    assert visits_service.count_visits(db) == 0
    assert page.archive_model.rowCount() == 1 and page.model.rowCount() == 0
    page.views.setCurrentIndex(3)
    assert page.restore_selected() is False  # nothing selected yet
    page.archive_table.setCurrentIndex(page.archive_model.index(0, 0))  # as a click does
    assert page.restore_selected() is True
    assert page.model.rowCount() == 1 and page.archive_model.rowCount() == 0


def test_list_filters_and_lazy_paging(
    page: VisitsPage, db, people, qtmodeltester, monkeypatch
) -> None:
    japan = directory.country_by_code(db, "JP")
    assert japan is not None
    for i in range(7):
        make_visit(
            db,
            people,
            f"دیدار شماره {i}",
            8,
            9,
            day=DAY + dt.timedelta(days=i * 7),
            host=False,
            country_id=japan.id if i % 2 else None,
        )
    monkeypatch.setattr(VisitTableModel, "PAGE", 2)
    checked = VisitTableModel(db)  # paging, resets, sorting and filtering under the tester
    qtmodeltester.check(checked)
    checked.sort(5, Qt.SortOrder.DescendingOrder)
    checked.set_filters(VisitFilter(country_id=japan.id))
    assert checked.rowCount() == 3
    monkeypatch.setattr(VisitTableModel, "PAGE", 3)
    monkeypatch.setattr(VisitTableModel, "MAX_PAGES", 2)
    model = VisitTableModel(db)
    assert model.total == model.rowCount() == 7
    assert model.loaded_pages() == [0]  # only the first page is read up front
    assert model.index(6, 0).data() is not None  # jumping to the end reads its page only
    assert model.loaded_pages() == [0, 2]
    ids = [model.visit(r).id for r in range(7)]
    assert len(set(ids)) == 7  # pages neither overlap nor skip
    assert len(model.loaded_pages()) == 2  # the cache stays bounded
    model.sort(0, Qt.SortOrder.AscendingOrder)
    titles = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert titles[0] == "دیدار شماره ۰"  # Persian digits in the Persian view
    bar = page.filter_bar
    bar.load_countries()
    bar.country.setCurrentIndex(bar.country.findData(japan.id))
    assert page.model.total == 3
    bar.status.setCurrentIndex(bar.status.findData(VisitStatus.HELD.value))
    assert page.model.total == 0
    bar.clear()
    bar.date_from.setText("۱۴۰۴/۰۸/۱۷")
    bar.date_to.setText("۱۴۰۴/۰۸/۲۴")
    assert page.model.total == 2
    bar.clear()
    bar.text.setText("شماره ۳")
    page.apply_filters()
    assert page.model.total == 1


@pytest.mark.slow
def test_language_switch_rerenders_visits_in_english(page: VisitsPage, db, people, app) -> None:
    make_visit(db, people, "دیدار رایزن", 10, 11)
    page.refresh_all()
    page.views.setCurrentIndex(CALENDAR_TAB)
    page.calendar.set_view(MONTH)
    page.calendar.go_to(DAY)
    from qazvin_diplomacy.ui.application import apply_language

    apply_language(app, "en")
    assert page.model.index(0, 3).data() == "1404/08/10 10:00"
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "Title"
    assert page.calendar.title.text() == "Aban 1404"
    assert page.views.tabText(CALENDAR_TAB) == "Calendar"
    (entry,) = page.calendar.state.on_day(DAY)
    assert "10:00" in entry_text(entry)
    apply_language(app, "fa")
    assert page.model.index(0, 3).data() == "۱۴۰۴/۰۸/۱۰ ۱۰:۰۰"


def test_enter_in_a_field_does_not_save_and_escape_asks_before_discarding(
    page: VisitsPage, db
) -> None:
    form = page.new_record()
    form.title_edit.setText("دیدار نیمه‌کاره")
    QTest.keyClick(form.title_edit, Qt.Key.Key_Return)
    assert form.isVisible() and visits_service.count_visits(db) == 0
    asked: list[str] = []
    form.confirm = lambda title, text: asked.append(text) or False  # keep editing
    QTest.keyClick(form, Qt.Key.Key_Escape)
    assert asked and form.isVisible() and form.title_edit.text() == "دیدار نیمه‌کاره"
    form.confirm = lambda title, text: True
    form.cancel_button.click()
    assert not form.isVisible()
    untouched = page.new_record()
    untouched.confirm = lambda title, text: pytest.fail("no question for an untouched form")
    untouched.reject()
    assert not untouched.isVisible()


def test_export_writes_exactly_the_filtered_list(
    page: VisitsPage, db, people, qtbot, tmp_path
) -> None:
    """The list's Export button writes the visits as filtered, in a right-to-left sheet."""
    from openpyxl import load_workbook

    japan = directory.country_by_code(db, "JP")
    for i in range(5):
        make_visit(
            db,
            people,
            f"دیدار صادراتی {i}",
            8,
            9,
            day=DAY + dt.timedelta(days=i * 7),
            host=False,
            country_id=japan.id if i % 2 else None,
        )
    page.refresh()
    bar = page.filter_bar
    bar.load_countries()
    bar.country.setCurrentIndex(bar.country.findData(japan.id))
    assert page.model.total == 2
    target = tmp_path / "visits.xlsx"
    page.ask_export_path = lambda _suggested: target  # type: ignore[method-assign]
    page.export_button.click()
    page.ctx.runner.wait()
    qtbot.waitUntil(target.exists, timeout=10_000)
    sheet = load_workbook(target).active
    assert sheet.sheet_view.rightToLeft
    titles = {row[0] for row in sheet.iter_rows(min_row=2, values_only=True) if row[0]}
    assert titles == {"دیدار صادراتی 1", "دیدار صادراتی 3"}
