"""The meetings module: series form, meeting form with attendance, agenda and resolutions,
the resolution dialog (closing-note rule, follow-up log), the resolutions list's filters, the
per-body view and the dashboard cards."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from qazvin_diplomacy.core.directory import OrganizationInput, PersonInput
from qazvin_diplomacy.core.jalali import from_jalali
from qazvin_diplomacy.core.meetings import (
    AgendaItemInput,
    Attendance,
    AttendeeInput,
    Frequency,
    LinkInput,
    LogKind,
    MeetingInput,
    MeetingStatus,
    ResolutionDue,
    ResolutionInput,
    ResolutionStatus,
    SeriesInput,
    SeriesRecurrence,
)
from qazvin_diplomacy.services import directory
from qazvin_diplomacy.services import meetings as svc
from qazvin_diplomacy.ui.common import TaskRunner
from qazvin_diplomacy.ui.meetings import page as page_module
from qazvin_diplomacy.ui.meetings.cards import (
    NextMeetingsCard,
    OverdueByBodyCard,
    WeekResolutionsCard,
)
from qazvin_diplomacy.ui.meetings.page import (
    BODIES_TAB,
    RESOLUTIONS_TAB,
    SERIES_TAB,
    MeetingsPage,
)
from qazvin_diplomacy.ui.modules import Hub, UiContext
from qazvin_diplomacy.ui.registry import module

#: Saturday 3 Aban 1404 was the dialogue council's 107th session; "today" is a week later.
SESSION_DAY = from_jalali(1404, 8, 3)
TODAY = from_jalali(1404, 8, 10)


@pytest.fixture
def ctx(app, paths, db, settings) -> UiContext:
    return UiContext(
        paths=paths, db=db, settings=settings, runner=TaskRunner(), hub=Hub(), today=lambda: TODAY
    )


@pytest.fixture
def page(ctx, qtbot) -> MeetingsPage:
    widget = MeetingsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    widget.refresh()
    return widget


@pytest.fixture
def bodies(db) -> dict[str, int]:
    made = {}
    for key, fa in (
        ("chamber", "اتاق بازرگانی قزوین"),
        ("industry", "سازمان صنعت، معدن و تجارت استان قزوین"),
        ("customs", "گمرک قزوین"),
    ):
        made[key] = directory.save_organization(db, org=OrganizationInput(name_fa=fa)).id
    made["governor"] = directory.save_person(
        db, person=PersonInput(name_fa="محمد نوذری", title_fa="استاندار")
    ).id
    return made


def _council(db, bodies) -> tuple[int, int]:
    """The dialogue council with its 107th session (two agenda items); (series, meeting)."""
    series = svc.save_series(
        db,
        series=SeriesInput(
            name_fa="شورای گفت‌وگوی دولت و بخش خصوصی",
            recurrence=SeriesRecurrence(Frequency.MONTHLY_WEEKDAY, weekday=0, nth=1),
            first_number=107,
            chair_person_id=bodies["governor"],
        ),
    )
    meeting = svc.save_meeting(
        db,
        meeting=MeetingInput(
            series_id=series.id,
            meeting_date=SESSION_DAY,
            venue="سالن شهید رجایی استانداری",
            attendees=(AttendeeInput(person_id=bodies["governor"]),),
            agenda=(AgendaItemInput(title="کنسرسیوم صادراتی"), AgendaItemInput(title="نقشه راه")),
        ),
    )
    return series.id, meeting.id


def _resolution(db, meeting_id: int, text: str, body: int | None, deadline, **kw) -> int:
    return svc.save_resolution(
        db,
        resolution=ResolutionInput(
            meeting_id=meeting_id, text=text, responsible_org_id=body, deadline=deadline, **kw
        ),
        today=TODAY,
    ).id


def test_the_module_is_registered_with_its_cards(page: MeetingsPage) -> None:
    spec = module("meetings")
    assert spec.icon == "meeting" and {c.key for c in spec.cards} == {
        "meetings_next", "meetings_overdue", "meetings_week",
    }  # fmt: skip
    assert page.heading.text() == "جلسات"
    assert page.views.count() == 4


def test_create_a_weekly_series_and_see_its_next_session(page: MeetingsPage, db, bodies) -> None:
    page.views.setCurrentIndex(SERIES_TAB)
    form = page.new_record()
    assert form.windowTitle() and not form.save()  # the Persian name is required
    assert "نام" in form.field_set.error_text("name_fa")
    form.name_fa.setText("کارگروه توسعه صادرات غیرنفتی")
    box = form.recurrence
    box.frequency.setCurrentIndex(box.frequency.findData(Frequency.WEEKLY.value))
    box.weekday.setCurrentIndex(box.weekday.findData(0))  # Saturday
    form.first_number.setValue(12)
    form.chair.set_value(bodies["governor"], "")
    form.members.add_member(svc_member(bodies["chamber"]))
    assert "۱۲" in form.next_label.text()
    assert "شنبه" in box.planned.text()  # the next Saturdays are listed
    assert form.save()
    stored = svc.list_series(db, today=TODAY)
    assert [s.name_fa for s in stored] == ["کارگروه توسعه صادرات غیرنفتی"]
    assert stored[0].recurrence.frequency == Frequency.WEEKLY
    assert stored[0].chair_person_id == bodies["governor"]
    assert stored[0].members[0].organization_id == bodies["chamber"]
    assert stored[0].next_number == 12
    page.refresh()
    assert page.series.model.total == 1
    assert page.series.model.index(0, 4).data().startswith("۱۲")
    form.close()


def svc_member(organization_id: int):
    from qazvin_diplomacy.core.meetings import MemberInput

    return MemberInput(organization_id=organization_id, role="عضو")


def test_a_session_planned_on_a_holiday_is_flagged(page: MeetingsPage, db, bodies) -> None:
    series_id, _meeting = _council(db, bodies)
    form = page.new_meeting(series_id)
    form.meeting_date.setDate(from_jalali(1404, 11, 22))  # 22 Bahman
    assert form.general.holiday_label.isVisible() and "تعطیل" in form.general.holiday_label.text()
    form.meeting_date.setDate(from_jalali(1404, 11, 25))  # a Saturday, a working day
    assert not form.general.holiday_label.isVisible()
    assert "۱۰۸" in form.general.next_label.text()  # the council's next session
    form.confirm = lambda *_a: True  # discard the date typed
    form.close()


def test_record_a_session_with_attendance_agenda_and_resolutions(
    page: MeetingsPage, db, bodies
) -> None:
    series_id, _first = _council(db, bodies)
    form = page.new_meeting(series_id)
    form.meeting_date.setDate(from_jalali(1404, 9, 1))
    form.attendance.add_person(bodies["governor"])
    row = form.attendance.table.add_attendee(AttendeeInput(name_text="رئیس اتاق بازرگانی"))
    combo = form.attendance.table.combo(row, 2)
    combo.setCurrentIndex(combo.findData(Attendance.REPRESENTED.value))
    form.attendance.table.table.item(row, 3).setText("معاون اتاق")
    form.attendance.invited.add(bodies["customs"])
    form.agenda.add_item(AgendaItemInput(title="گزارش تیم تجاری تاجیکستان", notes="ارائه شد"))
    form.agenda.add_item(AgendaItemInput(title="بانک اطلاعات نیازهای کشورهای هدف"))
    form.agenda.table.setCurrentCell(1, 0)
    assert form.agenda.move_current(-1)  # the database first
    assert not form.tabs.isTabEnabled(3)  # resolutions need a saved meeting
    assert form.save()
    saved = svc.get_meeting(db, meeting_id=form.detail.id)
    assert saved.number == 108
    assert [i.title for i in saved.agenda_rows] == [
        "بانک اطلاعات نیازهای کشورهای هدف", "گزارش تیم تجاری تاجیکستان",
    ]  # fmt: skip
    represented = [a for a in saved.attendee_rows if a.attendance == Attendance.REPRESENTED.value]
    assert represented[0].represented_by_text == "معاون اتاق"
    assert saved.invited_org_ids == (bodies["customs"],)
    # A resolution on the first agenda item.
    assert form.tabs.isTabEnabled(3)
    form.agenda.table.setCurrentCell(0, 0)
    dialog = form.resolutions.new_resolution()
    dialog.text.setPlainText("ایجاد بانک اطلاعات نیازهای کشورهای هدف")
    dialog.responsible_org_id.set_value(bodies["chamber"], "")
    dialog.co_responsible_org_ids.add(bodies["industry"])
    dialog.deadline.setDate(from_jalali(1404, 10, 1))
    assert dialog.save()
    assert dialog.detail.number == "۱۰۸/۱"
    assert dialog.detail.agenda_item_id == saved.agenda_rows[0].id
    assert form.resolutions.table.rowCount() == 1
    assert form.resolutions.table.item(0, 0).text() == "۱۰۸/۱"
    dialog.close()
    # Held, then approved: the minutes are locked; a new version reopens them.
    form.status_combo.setCurrentIndex(form.status_combo.findData(MeetingStatus.HELD.value))
    assert form.save()
    form.confirm = lambda *_a: True
    form.status_combo.setCurrentIndex(form.status_combo.findData(MeetingStatus.APPROVED.value))
    assert form.save()
    assert form.detail.status == MeetingStatus.APPROVED.value
    assert form.locked() and not form.venue.isEnabled() and not form.save_button.isEnabled()
    assert form.version_button.isVisible() and form.general.lock_label.isVisible()
    assert form.new_version("نام یک حاضر اصلاح شد")
    assert form.detail.status == MeetingStatus.HELD.value and form.detail.minutes_version == 2
    assert form.venue.isEnabled()
    assert len(svc.minutes_versions(db, meeting_id=form.detail.id)) == 1
    form.close()


def test_done_is_refused_without_a_closing_note(page: MeetingsPage, db, bodies) -> None:
    _series, meeting_id = _council(db, bodies)
    res_id = _resolution(db, meeting_id, "تشکیل کنسرسیوم صادراتی", bodies["chamber"], TODAY)
    dialog = page.open_resolution(res_id)
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData(ResolutionStatus.DONE.value))
    assert dialog.field_set.labels["closing_note"].text().endswith("*")
    assert not dialog.save()
    assert "گزارش پایانی" in dialog.field_set.error_text("closing_note")
    assert svc.get_resolution(db, resolution_id=res_id).status == ResolutionStatus.OPEN.value
    dialog.closing_note.setPlainText("کنسرسیوم با ۱۲ شرکت تشکیل شد.")
    assert dialog.save()
    assert svc.get_resolution(db, resolution_id=res_id).status == ResolutionStatus.DONE.value
    kinds = [e.kind for e in dialog.log.entries]
    assert LogKind.STATUS_CHANGED.value in kinds
    dialog.close()


def test_the_follow_up_log_records_a_letter_with_its_file(
    page: MeetingsPage, db, bodies, tmp_path
) -> None:
    _series, meeting_id = _council(db, bodies)
    res_id = _resolution(db, meeting_id, "نقشه راه عملیاتی صادرات", bodies["industry"], TODAY)
    dialog = page.open_resolution(res_id)
    scan = tmp_path / "letter.pdf"
    scan.write_bytes(b"%PDF-1.4 letter")
    box = dialog.entry
    box.ask_file = lambda: str(scan)
    box.choose_file()
    box.kind.setCurrentIndex(box.kind.findData(LogKind.LETTER_SENT.value))
    box.letter_number.setText("۱۴۰۴/ص/۱۲۳")
    box.text.setText("درخواست گزارش پیشرفت")
    entry = dialog.add_log_entry()
    assert entry is not None
    log = svc.list_log(db, resolution_id=res_id)
    assert [e.kind for e in log] == [LogKind.LETTER_SENT.value]
    assert log[0].attachment_count == 1 and log[0].letter_number
    assert dialog.log.rowCount() == 1 and box.text.text() == ""
    # Moving the deadline keeps the earlier one in the log.
    dialog.deadline.setDate(TODAY + dt.timedelta(days=30))
    assert dialog.save()
    moved = [e for e in dialog.log.entries if e.kind == LogKind.DEADLINE_MOVED.value]
    assert moved and moved[0].old_deadline == TODAY
    dialog.close()


def test_the_resolutions_list_filters_by_state_body_series_deadline_and_text(
    page: MeetingsPage, db, bodies
) -> None:
    series_id, meeting_id = _council(db, bodies)
    late = _resolution(db, meeting_id, "مطالعه میدانی بازار اقلیم کردستان", bodies["chamber"],
                       TODAY - dt.timedelta(days=5))  # fmt: skip
    _resolution(db, meeting_id, "تشکیل دبیرخانه دیپلماسی اقتصادی", bodies["industry"],
                TODAY + dt.timedelta(days=2))  # fmt: skip
    _resolution(db, meeting_id, "بازار جنوب عراق", bodies["customs"], TODAY - dt.timedelta(days=40),
                status=ResolutionStatus.DONE.value, closing_note="انجام شد")  # fmt: skip
    page.views.setCurrentIndex(RESOLUTIONS_TAB)
    view = page.resolutions
    bar = view.filter_bar
    assert view.model.total == 3
    bar.due.setCurrentIndex(bar.due.findData(ResolutionDue.OVERDUE.value))
    assert view.model.total == 1 and view.model.item(0).id == late
    assert view.model.index(0, 4).data() == "۵ روز تأخیر"  # how late, beside the deadline
    bar.due.setCurrentIndex(bar.due.findData(ResolutionDue.WEEK.value))
    assert view.model.total == 1
    bar.due.setCurrentIndex(bar.due.findData(ResolutionDue.ALL.value))
    bar.series.setCurrentIndex(bar.series.findData(series_id))
    assert view.model.total == 3
    bar.date_from.setDate(TODAY - dt.timedelta(days=10))
    bar.date_to.setDate(TODAY + dt.timedelta(days=10))
    assert view.model.total == 2
    bar.text.setText("كردستان")  # Arabic Kaf: spelling variants are ignored
    view.apply_filters()
    assert view.model.total == 1
    bar.clear()
    assert view.model.total == 3
    # «What does this body owe us»: the chamber's open resolutions.
    bar.set_body(bodies["chamber"], ResolutionDue.OPEN.value)
    assert view.model.total == 1 and "اتاق بازرگانی" in view.count_label.text()
    view.table.selectRow(0)
    # Sorting by number in SQL.
    view.model.sort(0, view.model.descending and 0 or 1)
    assert view.model.total == 1


def test_the_bodies_tab_says_what_each_body_owes(page: MeetingsPage, db, bodies) -> None:
    _series, meeting_id = _council(db, bodies)
    _resolution(db, meeting_id, "الف", bodies["chamber"], TODAY - dt.timedelta(days=3))
    _resolution(db, meeting_id, "ب", bodies["chamber"], TODAY + dt.timedelta(days=3))
    _resolution(db, meeting_id, "ج", bodies["customs"], TODAY + dt.timedelta(days=9))
    page.views.setCurrentIndex(BODIES_TAB)
    page.refresh_current()
    model = page.bodies.model
    assert model.total == 2
    first = model.rows[0]
    assert first.organization_id == bodies["chamber"] and first.overdue == 1 and first.open == 2
    assert model.index(0, 2).data() == "۱"
    assert page.bodies.choose(0)
    assert page.views.currentIndex() == RESOLUTIONS_TAB
    assert page.resolutions.model.total == 2


def test_dashboard_cards_show_the_figures(ctx, db, bodies, qtbot) -> None:
    _series, meeting_id = _council(db, bodies)
    svc.save_meeting(
        db, meeting=MeetingInput(series_id=_series, meeting_date=TODAY + dt.timedelta(days=7))
    )
    _resolution(db, meeting_id, "الف", bodies["chamber"], TODAY - dt.timedelta(days=3))
    _resolution(db, meeting_id, "ب", bodies["chamber"], TODAY - dt.timedelta(days=1))
    _resolution(db, meeting_id, "ج", bodies["customs"], TODAY + dt.timedelta(days=2))
    cards = [NextMeetingsCard(ctx), OverdueByBodyCard(ctx), WeekResolutionsCard(ctx)]
    for card in cards:
        qtbot.addWidget(card)
        card.refresh()
    next_card, overdue_card, week_card = cards
    assert len(next_card.texts()) == 1 and "۱۰۸" in next_card.texts()[0]
    assert "(۲)" in overdue_card.title.text()
    assert overdue_card.texts()[0].startswith("\u2068اتاق بازرگانی")
    assert "۲" in overdue_card.texts()[0]
    assert "(۱)" in week_card.title.text() and "۱۰۷/۳" in week_card.texts()[0]


def test_printing_the_minutes_goes_through_print_pdf(
    page: MeetingsPage, db, bodies, monkeypatch
) -> None:
    _series, meeting_id = _council(db, bodies)
    calls = []
    monkeypatch.setattr(
        page_module, "print_pdf", lambda *a, **kw: calls.append((a[2], a[3])), raising=False
    )
    from qazvin_diplomacy.ui import ops

    monkeypatch.setattr(ops, "print_pdf", lambda *a, **kw: calls.append((a[2], a[3])))
    page.print_minutes(meeting_id)
    assert calls == [("minutes", {"meeting": meeting_id})]


def test_the_english_interface_shows_latin_numbers(page: MeetingsPage, app, db, bodies) -> None:
    from qazvin_diplomacy.ui.application import apply_language

    _series, meeting_id = _council(db, bodies)
    _resolution(db, meeting_id, "نقشه راه", bodies["chamber"], TODAY - dt.timedelta(days=2))
    _resolution(db, meeting_id, "کنسرسیوم", bodies["chamber"], TODAY - dt.timedelta(days=1))
    page.views.setCurrentIndex(RESOLUTIONS_TAB)
    page.refresh_current()
    assert page.resolutions.model.index(1, 4).data() == "۱ روز تأخیر"
    apply_language(app, "en")
    assert page.views.tabText(RESOLUTIONS_TAB) == "Resolutions"
    model = page.resolutions.model
    assert model.index(0, 0).data() == "107/1"
    assert [model.index(row, 4).data() for row in (0, 1)] == ["2 days late", "1 day late"]
    assert model.headerData(4, Qt.Orientation.Horizontal) == "Late"
    assert page.resolutions.count_label.text() == "2 resolutions"
    page.resolutions.filter_bar.text.setText("کنسرسیوم")
    page.resolutions.apply_filters()
    assert page.resolutions.count_label.text() == "1 resolution"


def test_search_hits_open_in_the_meetings_module(page: MeetingsPage, db, bodies) -> None:
    from qazvin_diplomacy.ui.search import MODULE_OF_KIND

    series_id, meeting_id = _council(db, bodies)
    res_id = _resolution(db, meeting_id, "نقشه راه", bodies["chamber"], TODAY)
    for kind, record_id in (
        ("meeting_series", series_id), ("meeting", meeting_id), ("resolution", res_id),
    ):  # fmt: skip
        assert MODULE_OF_KIND[kind] == "meetings"
        form = getattr(page, f"open_{kind}")(record_id)
        assert form is not None and form.record_id() == record_id
        form.close()


def _working_group(db, bodies) -> int:
    """The Saturday export working group: venue, chair, hours and standing members."""
    from qazvin_diplomacy.core.meetings import MemberInput

    return svc.save_series(
        db,
        series=SeriesInput(
            name_fa="کارگروه توسعه صادرات غیرنفتی",
            recurrence=SeriesRecurrence(Frequency.WEEKLY, weekday=0),
            venue="استانداری، سالن شهید رجایی",
            chair_person_id=bodies["governor"],
            start_time=dt.time(9, 0),
            end_time=dt.time(11, 0),
            members=(
                MemberInput(person_id=bodies["governor"], role="رئیس"),
                MemberInput(organization_id=bodies["chamber"], role="عضو"),
            ),
        ),
    ).id


def test_a_new_meeting_is_filled_in_from_its_series(page: MeetingsPage, db, bodies) -> None:
    group = _working_group(db, bodies)
    council, _meeting = _council(db, bodies)
    form = page.new_meeting(group)
    assert form.meeting_date.date() == TODAY  # a Saturday: the group meets today
    assert form.venue.text() == "استانداری، سالن شهید رجایی"
    assert form.chair.value() == (bodies["governor"], "")
    assert form.start_time.text() and form.number.value() == 0  # "next"
    assert [a.person_id for a in form.attendance.table.attendees()] == [bodies["governor"]]
    assert form.attendance.table.attendees()[0].role == "رئیس"
    assert form.attendance.invited.ids() == (bodies["chamber"],)
    assert not form.is_modified()
    # Another series refills what was not typed by hand: the venue typed stays.
    form.venue.setText("اتاق بازرگانی")
    combo = form.field_set.widgets["series_id"]
    combo.setCurrentIndex(combo.findData(council))
    assert form.venue.text() == "اتاق بازرگانی"
    assert form.meeting_date.date() == from_jalali(1404, 9, 1)  # the council's first Saturday
    assert form.attendance.table.attendees() == () and form.attendance.invited.ids() == ()
    assert "۱۰۸" in form.general.next_label.text()
    assert form.save()
    assert svc.get_meeting(db, meeting_id=form.detail.id).number == 108
    form.close()


def test_agenda_items_take_files_that_open_and_are_removed(
    page: MeetingsPage, db, bodies, tmp_path
) -> None:
    _series, meeting_id = _council(db, bodies)
    form = page.open_meeting(meeting_id)
    tab = form.agenda_tab
    form.agenda.add_item(AgendaItemInput(title="بند تازه"))
    form.agenda.table.setCurrentCell(2, 0)
    assert not tab.files.add_button.isEnabled()  # a new item: saved with the meeting first
    assert "ذخیره" in tab.files.note.text()
    form.agenda.table.setCurrentCell(0, 0)
    assert "۱" in tab.files_label.text() and "کنسرسیوم" in tab.files_label.text()
    slides = tmp_path / "کنسرسیوم.pptx"
    slides.write_bytes(b"slides")
    tab.files.description.setText("ارائه")
    assert tab.files.add_file(slides)
    item_id = svc.get_meeting(db, meeting_id=meeting_id).agenda_rows[0].id
    assert [f.original_name for f in svc.list_agenda_attachments(db, agenda_item_id=item_id)] == [
        "کنسرسیوم.pptx"
    ]
    opened = []
    tab.files.opener = opened.append
    assert tab.files.open_attachment(0).read_bytes() == b"slides" and opened
    form.agenda.table.setCurrentCell(1, 0)  # the other item has no files
    assert tab.files.table.rowCount() == 0
    form.agenda.table.setCurrentCell(0, 0)
    assert tab.files.table.rowCount() == 1
    tab.files.confirm_removal = lambda _name: False
    assert not tab.files.remove_attachment(0)
    tab.files.confirm_removal = lambda _name: True
    assert tab.files.remove_attachment(0)
    assert svc.list_agenda_attachments(db, agenda_item_id=item_id) == []
    assert tab.files.table.rowCount() == 0
    # Approved minutes: the files are listed and open, not added or removed.
    assert tab.files.add_file(slides)
    form.agenda.table.setRowCount(2)  # drop the unsaved item
    form.status_combo.setCurrentIndex(form.status_combo.findData(MeetingStatus.HELD.value))
    assert form.save()
    form.confirm = lambda *_a: True
    form.status_combo.setCurrentIndex(form.status_combo.findData(MeetingStatus.APPROVED.value))
    assert form.save() and form.locked()
    form.agenda.table.setCurrentCell(0, 0)
    assert tab.files.table.rowCount() == 1 and tab.files.open_button.isEnabled()
    assert not tab.files.add_button.isEnabled() and not tab.files.remove_button.isEnabled()
    assert not form.agenda.add_button.isEnabled()
    form.close()


def test_a_resolution_links_to_a_delegation_and_a_market_shown_from_both_sides(
    page: MeetingsPage, ctx, db, bodies, countries, qtbot
) -> None:
    from qazvin_diplomacy.core.delegations import DelegationInput
    from qazvin_diplomacy.core.markets import MarketInput
    from qazvin_diplomacy.services import delegations, markets
    from qazvin_diplomacy.ui.delegations.form import DelegationDialog
    from qazvin_diplomacy.ui.markets.card import MarketCardDialog

    tajikistan = directory.country_by_code(db, "TJ").id
    market = markets.save_market(db, market=MarketInput(country_id=tajikistan, sector="food"))
    trip = delegations.save_delegation(
        db,
        delegation=DelegationInput(
            title="اعزام تیم تجاری به تاجیکستان", country_id=tajikistan,
            start_date=from_jalali(1404, 7, 12), end_date=from_jalali(1404, 7, 16),
        ),
    )  # fmt: skip
    _series, meeting_id = _council(db, bodies)
    res_id = _resolution(db, meeting_id, "گزارش سفر تیم تجاری", bodies["chamber"], TODAY)
    dialog = page.open_resolution(res_id)
    links = dialog.links
    links.kind.setCurrentIndex(links.kind.findData("delegation"))
    assert links.picker.find("تاجيکستان") == 1  # Arabic Yeh: any spelling
    links.picker.activate_current()
    links.kind.setCurrentIndex(links.kind.findData("market"))
    assert links.picker.find("تاجیکستان") == 1
    links.picker.activate_current()
    assert links.list.count() == 2 and "هیئت" in links.list.item(0).text()
    assert dialog.is_modified() and dialog.save()
    stored = svc.get_resolution(db, resolution_id=res_id).links
    assert [(k.kind, k.target_id) for k in stored] == [
        ("delegation", trip.id), ("market", market.id),
    ]  # fmt: skip
    opened = []
    ctx.hub.openRecord.connect(lambda key, record_id: opened.append((key, record_id)))
    links.list.itemDoubleClicked.emit(links.list.item(0))
    assert opened == [("delegations", trip.id)]
    links.list.setCurrentRow(1)
    links.remove_current()
    assert dialog.save()
    assert [k.kind for k in svc.get_resolution(db, resolution_id=res_id).links] == ["delegation"]
    dialog.close()
    # The other direction: the delegation's links tab and the market card name the resolution.
    form = DelegationDialog(db, delegations.get_delegation(db, delegation_id=trip.id))
    qtbot.addWidget(form)
    assert "۱۰۷/۱" in form.resolutions.text() and "گزارش سفر" in form.resolutions.text()
    svc.save_resolution(
        db,
        resolution=replace(
            svc.get_resolution(db, resolution_id=res_id),
            links=(LinkInput("market", market.id),),
        ),
        today=TODAY,
    )
    card = MarketCardDialog(db, tajikistan, None)
    qtbot.addWidget(card)
    assert "۱۰۷/۱" in card.html() and "مصوبات" in card.html()
