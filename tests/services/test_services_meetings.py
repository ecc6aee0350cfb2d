"""Meeting series, meetings and resolutions through the services: numbering, rules, lists."""

from __future__ import annotations

from dataclasses import replace
from datetime import time

import pytest

from qazvin_diplomacy.core.directory import OrganizationInput, PersonInput
from qazvin_diplomacy.core.errors import KnownError, StaleRecordError, ValidationError
from qazvin_diplomacy.core.jalali import from_jalali
from qazvin_diplomacy.core.meetings import (
    AgendaItemInput,
    AttendeeInput,
    Frequency,
    LinkInput,
    LogKind,
    MeetingFilter,
    MeetingInput,
    MeetingStatus,
    MemberInput,
    ResolutionDue,
    ResolutionFilter,
    ResolutionInput,
    ResolutionLogInput,
    ResolutionStatus,
    SeriesInput,
    SeriesRecurrence,
)
from qazvin_diplomacy.services import meetings as svc
from qazvin_diplomacy.services.directory import save_organization, save_person
from tests.statements import selects_run

SATURDAY = SeriesRecurrence(Frequency.WEEKLY, weekday=0)
TODAY = from_jalali(1404, 9, 1)


@pytest.fixture
def office(db):
    """Two bodies, a chair and a Saturday working group."""
    chamber = save_organization(db, org=OrganizationInput("اتاق بازرگانی قزوین", "Qazvin Chamber"))
    industry = save_organization(db, org=OrganizationInput("سازمان صنعت، معدن و تجارت"))
    chair = save_person(db, person=PersonInput("محمدرضا صفی‌خانی", title_fa="معاون اقتصادی"))
    series = svc.save_series(
        db,
        series=SeriesInput(
            "کارگروه توسعه صادرات غیرنفتی",
            "Non-oil export working group",
            chair_person_id=chair.id,
            venue="استانداری، سالن شهید رجایی",
            recurrence=SATURDAY,
            start_time=time(9, 0),
            members=(MemberInput(organization_id=chamber.id, role="عضو"), MemberInput(chair.id)),
        ),
    )
    return db, series, chamber, industry, chair


def _meeting(db, series, day=None, **kw):
    return svc.save_meeting(
        db,
        meeting=MeetingInput(
            series_id=series.id, meeting_date=day or from_jalali(1404, 8, 3), **kw
        ),
    )


def test_series_numbering_starts_at_first_number_and_follows_the_highest(office) -> None:
    db, series, *_ = office
    council = svc.save_series(db, series=SeriesInput("شورای گفت‌وگو", first_number=107))
    assert svc.next_number(db, series_id=council.id) == 107
    first = _meeting(db, council)
    assert first.number == 107
    assert svc.get_series(db, series_id=council.id).next_number == 108
    with pytest.raises(ValidationError) as caught:
        _meeting(db, council, number=107)
    assert caught.value.errors == {"number": caught.value.errors["number"]}
    assert "۱۰۷" in caught.value.errors["number"]


def test_new_meeting_takes_the_series_venue_chair_and_time(office) -> None:
    db, series, _chamber, _industry, chair = office
    m = _meeting(db, series)
    assert (m.venue, m.chair_person_id, m.start_time) == (series.venue, chair.id, time(9, 0))
    assert m.chair_name == "محمدرضا صفی‌خانی"
    assert m.status == MeetingStatus.DRAFT.value


def test_meeting_on_a_holiday_is_flagged(office) -> None:
    db, series, *_ = office
    # 22 Bahman 1404 (Revolution Day), a Wednesday: a special session.
    m = _meeting(db, series, from_jalali(1404, 11, 22))
    assert "انقلاب" in m.holiday_fa
    planned = svc.plan_sessions(
        db,
        series_id=series.id,
        date_from=from_jalali(1404, 11, 15),
        date_to=from_jalali(1404, 11, 30),
    )
    # Saturday 25 Bahman, three days after the session recorded, counts as held (moved);
    # the Saturday before is planned, numbered on.
    assert [(p.day, p.number) for p in planned] == [(from_jalali(1404, 11, 18), 2)]


def test_resolution_numbers_and_rules(office) -> None:
    db, series, chamber, industry, _ = office
    council = svc.save_series(db, series=SeriesInput("شورای گفت‌وگو", first_number=107))
    m = _meeting(db, council)
    r1 = svc.save_resolution(
        db,
        resolution=ResolutionInput(m.id, "تشکیل کنسرسیوم صادراتی", responsible_org_id=chamber.id),
    )
    r2 = svc.save_resolution(
        db,
        resolution=ResolutionInput(
            m.id,
            "تدوین نقشه راه عملیاتی صادرات",
            responsible_org_id=industry.id,
            co_responsible_org_ids=(chamber.id,),
            deadline=from_jalali(1404, 9, 30),
        ),
    )
    assert (r1.number, r2.number) == ("۱۰۷/۱", "۱۰۷/۲")
    assert r2.co_responsible_names == ("اتاق بازرگانی قزوین",)
    with pytest.raises(ValidationError) as caught:
        svc.set_resolution_status(db, resolution_id=r1.id, status="done")
    assert set(caught.value.errors) == {"closing_note"}
    assert svc.get_resolution(db, resolution_id=r1.id).status == "open"
    done = svc.set_resolution_status(
        db, resolution_id=r1.id, status="done", closing_note="اساسنامه تصویب شد.", today=TODAY
    )
    assert (done.status, done.closed_on) == ("done", TODAY)
    log = svc.list_log(db, resolution_id=r1.id)
    assert [(e.kind, e.old_status, e.new_status) for e in log] == [
        (LogKind.STATUS_CHANGED.value, "open", "done")
    ]


def test_moving_a_deadline_keeps_the_earlier_one(office) -> None:
    db, series, chamber, *_ = office
    m = _meeting(db, series)
    r = svc.save_resolution(
        db,
        resolution=ResolutionInput(
            m.id,
            "بانک اطلاعات نیازهای تاجیکستان",
            responsible_org_id=chamber.id,
            deadline=from_jalali(1404, 8, 30),
        ),
    )
    moved = svc.move_deadline(
        db,
        resolution_id=r.id,
        deadline=from_jalali(1404, 9, 15),
        reason="درخواست اتاق",
        today=TODAY,
    )
    assert moved.deadline == from_jalali(1404, 9, 15)
    (entry,) = svc.list_log(db, resolution_id=r.id)
    assert entry.kind == LogKind.DEADLINE_MOVED.value
    assert (entry.old_deadline, entry.new_deadline) == (
        from_jalali(1404, 8, 30),
        from_jalali(1404, 9, 15),
    )
    assert entry.text == "درخواست اتاق"
    # The form's save logs a moved deadline too.
    again = svc.save_resolution(
        db, resolution=replace(_input(moved), deadline=from_jalali(1404, 10, 1))
    )
    assert [e.old_deadline for e in svc.list_log(db, resolution_id=r.id)] == [
        from_jalali(1404, 8, 30),
        from_jalali(1404, 9, 15),
    ]
    assert again.version == moved.version + 1


def _input(view) -> ResolutionInput:
    return ResolutionInput(
        view.meeting_id,
        view.text,
        responsible_org_id=view.responsible_org_id,
        co_responsible_org_ids=view.co_responsible_org_ids,
        person_in_charge_id=view.person_in_charge_id,
        person_in_charge_text=view.person_in_charge_text,
        deadline=view.deadline,
        status=view.status,
        closing_note=view.closing_note,
        seq=view.seq,
        id=view.id,
        version=view.version,
    )


def test_log_entries_by_hand(office) -> None:
    db, series, chamber, *_ = office
    m = _meeting(db, series)
    r = svc.save_resolution(
        db, resolution=ResolutionInput(m.id, "گزارش", responsible_org_id=chamber.id)
    )
    svc.add_log_entry(
        db,
        entry=ResolutionLogInput(
            r.id, "letter_sent", from_jalali(1404, 8, 5), "۱۴۰۴/ب‌م/۱۲", "ابلاغ"
        ),
    )
    with pytest.raises(ValidationError) as caught:
        svc.add_log_entry(
            db, entry=ResolutionLogInput(r.id, "deadline_moved", from_jalali(1404, 8, 5), text="x")
        )
    assert "kind" in caught.value.errors
    assert [e.letter_number for e in svc.list_log(db, resolution_id=r.id)] == ["۱۴۰۴/ب‌م/۱۲"]
    assert svc.get_resolution(db, resolution_id=r.id).log_count == 1


def test_approved_minutes_are_locked_and_a_correction_is_a_new_version(office) -> None:
    db, series, chamber, *_ = office
    m = _meeting(
        db,
        series,
        agenda=(AgendaItemInput("گزارش سفر تیم تجاری به تاجیکستان", notes="ارائه شد"),),
        attendees=(AttendeeInput(name_text="نمایندهٔ گمرک", attendance="absent"),),
    )
    r = svc.save_resolution(
        db, resolution=ResolutionInput(m.id, "پیگیری", responsible_org_id=chamber.id)
    )
    with pytest.raises(ValidationError):
        svc.approve_minutes(db, meeting_id=m.id)  # a draft is not approved
    held = svc.set_meeting_status(db, meeting_id=m.id, status="held", version=m.version)
    approved = svc.approve_minutes(db, meeting_id=m.id, version=held.version, approved_by="دبیر")
    assert approved.locked
    with pytest.raises(KnownError, match="قفل"):
        svc.save_meeting(db, meeting=replace(_meeting_input(approved), venue="جای دیگر"))
    with pytest.raises(KnownError, match="قفل"):
        svc.save_resolution(db, resolution=replace(_input(r), text="متن دیگر"))
    with pytest.raises(KnownError, match="قفل"):
        svc.save_resolution(db, resolution=ResolutionInput(m.id, "مصوبهٔ تازه"))
    # The follow-up goes on under locked minutes.
    svc.set_resolution_status(db, resolution_id=r.id, status="in_progress")
    with pytest.raises(ValidationError):
        svc.start_correction(db, meeting_id=m.id, reason=" ")
    corrected = svc.start_correction(db, meeting_id=m.id, reason="نام غایب اصلاح شد")
    assert (corrected.status, corrected.minutes_version) == ("held", 2)
    again = svc.save_meeting(db, meeting=replace(_meeting_input(corrected), venue="اتاق بازرگانی"))
    svc.approve_minutes(db, meeting_id=m.id, version=again.version)
    versions = svc.minutes_versions(db, meeting_id=m.id)
    assert [v.version for v in versions] == [1, 2]
    assert versions[0].correction_reason == "نام غایب اصلاح شد"
    assert "استانداری" in versions[0].snapshot and "اتاق بازرگانی" in versions[1].snapshot


def _meeting_input(view) -> MeetingInput:
    return MeetingInput(
        series_id=view.series_id,
        meeting_date=view.meeting_date,
        number=view.number,
        start_time=view.start_time,
        end_time=view.end_time,
        venue=view.venue,
        chair_person_id=view.chair_person_id,
        chair_text=view.chair_text,
        notes=view.notes,
        attendees=tuple(view.attendees),
        invited_org_ids=view.invited_org_ids,
        agenda=tuple(
            AgendaItemInput(a.title, a.presenter_person_id, a.presenter_text, a.notes, a.id)
            for a in view.agenda
        ),
        links=view.links,
        id=view.id,
        version=view.version,
    )


def test_stale_meeting_is_refused(office) -> None:
    db, series, *_ = office
    m = _meeting(db, series)
    svc.save_meeting(db, meeting=replace(_meeting_input(m), notes="یک"))
    with pytest.raises(StaleRecordError):
        svc.save_meeting(db, meeting=replace(_meeting_input(m), notes="دو"))


def test_resolutions_list_filters_overdue_against_today(office) -> None:
    db, series, chamber, industry, _ = office
    m = _meeting(db, series)
    late = svc.save_resolution(
        db,
        resolution=ResolutionInput(
            m.id,
            "مطالعهٔ میدانی بازار اقلیم کردستان عراق",
            responsible_org_id=chamber.id,
            deadline=from_jalali(1404, 8, 30),
        ),
    )
    svc.save_resolution(
        db,
        resolution=ResolutionInput(
            m.id,
            "نقشه راه",
            responsible_org_id=industry.id,
            co_responsible_org_ids=(chamber.id,),
            deadline=from_jalali(1404, 9, 1),
        ),
    )
    svc.save_resolution(
        db,
        resolution=ResolutionInput(
            m.id,
            "دبیرخانه",
            responsible_org_id=industry.id,
            deadline=from_jalali(1404, 8, 1),
            status="done",
            closing_note="تشکیل شد",
        ),
    )
    overdue = svc.list_resolutions(db, filters=ResolutionFilter(due="overdue", today=TODAY))
    assert [r.id for r in overdue] == [late.id]
    assert overdue[0].overdue and overdue[0].days_overdue == 1
    # The next day the one due on 1 Azar is late too.
    tomorrow = from_jalali(1404, 9, 2)
    assert svc.count_resolutions(db, filters=ResolutionFilter(due="overdue", today=tomorrow)) == 2
    # Body filter: responsible or co-responsible; text ignores spelling variants.
    assert svc.count_resolutions(db, filters=ResolutionFilter(body_id=chamber.id)) == 2
    assert (
        svc.count_resolutions(db, filters=ResolutionFilter(body_id=chamber.id, include_co=False))
        == 1
    )
    assert svc.count_resolutions(db, filters=ResolutionFilter(text="كردستان")) == 1
    assert svc.count_resolutions(db, filters=ResolutionFilter(due=ResolutionDue.DONE.value)) == 1
    summary = {b.name_fa: b for b in svc.body_summary(db, today=TODAY)}
    assert (summary["اتاق بازرگانی قزوین"].open, summary["اتاق بازرگانی قزوین"].overdue) == (1, 1)
    assert (
        summary["سازمان صنعت، معدن و تجارت"].open,
        summary["سازمان صنعت، معدن و تجارت"].done,
    ) == (1, 1)
    page = svc.list_resolutions(db, sort="body", limit=2)
    assert len(page) == 2
    board = svc.dashboard(db, today=TODAY)
    assert board.overdue_count == 1 and board.overdue_by_body[0].organization_id == chamber.id
    assert [r.deadline for r in board.due_this_week] == [from_jalali(1404, 9, 1)]


def test_meetings_list_and_links(office) -> None:
    db, series, *_ = office
    from qazvin_diplomacy.core.agreements import AgreementInput  # noqa: F401  (kind exists)

    for day in (3, 10, 17):
        _meeting(db, series, from_jalali(1404, 8, day))
    assert svc.count_meetings(db, filters=MeetingFilter(series_id=series.id)) == 3
    rows = svc.list_meetings(db, filters=MeetingFilter(text="صادرات"), limit=2)
    assert [r.number for r in rows] == [3, 2]
    assert [m.number for m in svc.next_meetings(db, today=from_jalali(1404, 8, 10))] == [2, 3]
    with pytest.raises(ValidationError):
        _meeting(db, series, from_jalali(1404, 8, 24), links=(LinkInput("visit", 999),))


def test_archiving_a_meeting_takes_its_resolutions_out_of_the_lists(office) -> None:
    db, series, chamber, *_ = office
    m = _meeting(db, series)
    svc.save_resolution(db, resolution=ResolutionInput(m.id, "x", responsible_org_id=chamber.id))
    svc.archive_meeting(db, meeting_id=m.id)
    assert svc.count_resolutions(db) == 0
    assert svc.count_resolutions(db, filters=ResolutionFilter(archived=True)) == 1
    # With words typed, archived ones stay out too (the text path avoids the index).
    assert svc.count_resolutions(db, filters=ResolutionFilter(text="x")) == 0
    assert svc.list_resolutions(db, filters=ResolutionFilter(text="x", archived=True))[0].archived
    assert ResolutionStatus.OPEN.value == "open"


def test_meetings_and_resolution_deadlines_are_on_the_calendar(office) -> None:
    from qazvin_diplomacy.core.calendar import EntryKind
    from qazvin_diplomacy.services.calendar import agenda_between

    db, series, chamber, *_ = office
    m = _meeting(db, series, from_jalali(1404, 8, 3))
    r = svc.save_resolution(
        db,
        resolution=ResolutionInput(
            m.id,
            "اطلس بازارهای هدف",
            responsible_org_id=chamber.id,
            deadline=from_jalali(1404, 8, 5),
        ),
    )
    entries = agenda_between(
        db,
        start=from_jalali(1404, 8, 3),
        end=from_jalali(1404, 8, 9),
        today=from_jalali(1404, 8, 6),
    )
    meeting = next(e for e in entries if e.kind is EntryKind.MEETING)
    assert (meeting.record_id, meeting.open_target()) == (m.id, ("meetings", m.id))
    assert meeting.start is not None and meeting.start.hour == 9 and "۱" in meeting.title
    deadline = next(e for e in entries if e.kind is EntryKind.RESOLUTION)
    assert (deadline.record_id, deadline.overdue, deadline.detail) == (
        r.id,
        True,
        "اتاق بازرگانی قزوین",
    )
    assert deadline.open_target() == ("meetings", m.id)
    # The English title: Latin digits, the Persian text isolated (the colon kept in place)
    assert deadline.title_en.startswith("Resolution ")
    assert not any("\u06f0" <= c <= "\u06f9" for c in deadline.title_en)
    assert deadline.title_en.endswith("\u2068اطلس بازارهای هدف\u2069")
    svc.set_resolution_status(db, resolution_id=r.id, status="done", closing_note="تهیه شد")
    kinds = {
        e.kind
        for e in agenda_between(db, start=from_jalali(1404, 8, 3), end=from_jalali(1404, 8, 9))
    }
    assert EntryKind.RESOLUTION not in kinds and EntryKind.MEETING in kinds


def test_search_finds_series_meetings_and_resolutions_whatever_the_spelling(office) -> None:
    from qazvin_diplomacy.services.search import search

    db, series, chamber, *_ = office
    m = _meeting(db, series, agenda=(AgendaItemInput("گزارش سفر تیم تجاری به تاجیکستان"),))
    svc.save_resolution(
        db,
        resolution=ResolutionInput(
            m.id, "تهیهٔ بانک اطلاعاتی نیازهای تاجیکستان", responsible_org_id=chamber.id
        ),
    )
    # Arabic Kaf/Yeh, no ZWNJ: the same words.
    found = search(db, "كارگروه صادرات غيرنفتي")
    kinds = {g.kind: [h.id for h in g.hits] for g in found.groups}
    assert kinds.get("meeting_series") == [series.id]
    assert kinds.get("meeting") == [m.id]
    hits = {g.kind: g.hits for g in search(db, "تاجيكستان").groups}
    assert [h.id for h in hits["meeting"]] == [m.id]
    assert "۱/۱" in hits["resolution"][0].title
    svc.archive_meeting(db, meeting_id=m.id)
    assert "resolution" not in {g.kind for g in search(db, "تاجيكستان").groups}


def test_resolutions_sort_by_body_in_persian_order_and_back(office) -> None:
    db, series, chamber, industry, _ = office
    alef = save_organization(db, org=OrganizationInput("آموزش و پرورش استان"))
    m = _meeting(db, series)
    for org in (industry, chamber, alef):
        svc.save_resolution(db, resolution=ResolutionInput(m.id, "x", responsible_org_id=org.id))
    svc.save_resolution(db, resolution=ResolutionInput(m.id, "بی‌مسئول"))
    names = [r.responsible_name for r in svc.list_resolutions(db, sort="body")]
    assert names == ["آموزش و پرورش استان", "اتاق بازرگانی قزوین", "سازمان صنعت، معدن و تجارت", ""]
    back = [r.responsible_name for r in svc.list_resolutions(db, sort="body", descending=True)]
    assert back == names[::-1]
    paged = [r.responsible_name for r in svc.list_resolutions(db, sort="body", offset=1, limit=2)]
    assert paged == names[1:3]
    numbers = [r.number for r in svc.list_resolutions(db, sort="number", descending=True)]
    assert numbers == ["۱/۴", "۱/۳", "۱/۲", "۱/۱"]


def test_overdue_default_today_is_tehran_today(office, monkeypatch) -> None:
    """With no ``today`` given the lists count from Tehran's date (frozen here)."""
    from qazvin_diplomacy.services.meetings import queries

    db, series, chamber, *_ = office
    m = _meeting(db, series)
    svc.save_resolution(
        db,
        resolution=ResolutionInput(
            m.id, "x", responsible_org_id=chamber.id, deadline=from_jalali(1404, 8, 30)
        ),
    )
    monkeypatch.setattr(queries, "today_local", lambda: from_jalali(1404, 8, 30))
    assert svc.count_resolutions(db, filters=ResolutionFilter(due="overdue")) == 0
    monkeypatch.setattr(queries, "today_local", lambda: from_jalali(1404, 9, 1))
    assert svc.count_resolutions(db, filters=ResolutionFilter(due="overdue")) == 1
    (row,) = svc.list_resolutions(db, filters=ResolutionFilter(due="overdue"))
    assert row.days_overdue == 1


def test_an_office_holiday_flags_a_planned_session(office) -> None:
    from qazvin_diplomacy.services.holidays import add_holiday

    db, series, *_ = office
    add_holiday(db, day=from_jalali(1404, 8, 10), name_fa="تعطیلی اداری")
    planned = svc.plan_sessions(
        db, series_id=series.id, date_from=from_jalali(1404, 8, 1), date_to=from_jalali(1404, 8, 17)
    )
    assert [(p.number, p.holiday_fa) for p in planned] == [(1, ""), (2, "تعطیلی اداری"), (3, "")]
    moved = _meeting(db, series, from_jalali(1404, 8, 11), number=2)  # moved to the Sunday
    assert moved.holiday_fa == ""
    assert [
        p.day
        for p in svc.plan_sessions(
            db,
            series_id=series.id,
            date_from=from_jalali(1404, 8, 1),
            date_to=from_jalali(1404, 8, 17),
        )
    ] == [
        from_jalali(1404, 8, 3),
        from_jalali(1404, 8, 17),
    ]


def test_resolution_of_approved_minutes_cannot_be_archived(office) -> None:
    db, series, chamber, *_ = office
    m = _meeting(db, series)
    r = svc.save_resolution(
        db, resolution=ResolutionInput(m.id, "x", responsible_org_id=chamber.id)
    )
    held = svc.set_meeting_status(db, meeting_id=m.id, status="held")
    svc.approve_minutes(db, meeting_id=m.id, version=held.version)
    with pytest.raises(KnownError, match="قفل"):
        svc.archive_resolution(db, resolution_id=r.id)
    assert svc.count_resolutions(db) == 1


def test_a_new_meeting_is_filled_in_from_its_series(office) -> None:
    db, series, chamber, _industry, chair = office
    draft = svc.new_meeting_input(db, series_id=series.id, today=from_jalali(1404, 8, 1))
    assert (draft.number, draft.meeting_date) == (1, from_jalali(1404, 8, 3))
    assert [a.person_id for a in draft.attendees] == [chair.id]
    assert draft.invited_org_ids == (chamber.id,)
    saved = svc.save_meeting(db, meeting=draft)
    assert saved.number == 1 and saved.invited_names == ("اتاق بازرگانی قزوین",)
    again = svc.new_meeting_input(db, series_id=series.id, today=from_jalali(1404, 8, 1))
    assert (again.number, again.meeting_date) == (2, from_jalali(1404, 8, 10))


def test_an_agenda_items_files_are_named_in_the_meeting_and_removed_until_approved(
    office, tmp_path
) -> None:
    db, series, *_ = office
    meeting = _meeting(db, series, agenda=(AgendaItemInput("گزارش تیم تجاری تاجیکستان"),))
    item_id = meeting.agenda_rows[0].id
    first, second = tmp_path / "گزارش سفر.pdf", tmp_path / "roadmap.docx"
    first.write_bytes(b"%PDF-1.4 report")
    second.write_bytes(b"PK roadmap")
    kept = svc.add_agenda_attachment(db, agenda_item_id=item_id, source=first)
    dropped = svc.add_agenda_attachment(db, agenda_item_id=item_id, source=second)
    row = svc.get_meeting(db, meeting_id=meeting.id).agenda_rows[0]
    assert row.attachment_names == ("گزارش سفر.pdf", "roadmap.docx") and row.attachment_count == 2
    svc.remove_agenda_attachment(db, attachment_id=dropped.id)
    assert [f.id for f in svc.list_agenda_attachments(db, agenda_item_id=item_id)] == [kept.id]
    assert svc.get_meeting(db, meeting_id=meeting.id).agenda_rows[0].attachment_names == (
        "گزارش سفر.pdf",
    )
    held = svc.set_meeting_status(db, meeting_id=meeting.id, status=MeetingStatus.HELD.value)
    svc.approve_minutes(db, meeting_id=meeting.id, version=held.version, approved_by="دبیر")
    with pytest.raises(KnownError, match="قفل"):
        svc.remove_agenda_attachment(db, attachment_id=kept.id)
    assert len(svc.list_agenda_attachments(db, agenda_item_id=item_id)) == 1
    versions = svc.minutes_versions(db, meeting_id=meeting.id)
    assert "گزارش سفر.pdf" in versions[0].snapshot  # the approved minutes name the file


def test_a_resolution_links_to_delegations_and_markets_and_is_found_from_them(office) -> None:
    from qazvin_diplomacy.core.delegations import DelegationInput
    from qazvin_diplomacy.core.markets import MarketInput
    from qazvin_diplomacy.services import delegations, directory, markets

    db, series, chamber, *_ = office
    tajikistan = directory.country_by_code(db, "TJ").id
    market = markets.save_market(db, market=MarketInput(country_id=tajikistan, sector="food"))
    delegation = delegations.save_delegation(
        db,
        delegation=DelegationInput(
            title="اعزام تیم تجاری به تاجیکستان", country_id=tajikistan,
            start_date=from_jalali(1404, 7, 12), end_date=from_jalali(1404, 7, 16),
        ),
    )  # fmt: skip
    meeting = _meeting(db, series)
    links = (LinkInput("delegation", delegation.id), LinkInput("market", market.id))
    saved = svc.save_resolution(
        db,
        resolution=ResolutionInput(meeting.id, "گزارش تیم تجاری", chamber.id, links=links),
        today=TODAY,
    )
    assert [(link.kind, link.title) for link in saved.links] == [
        ("delegation", "اعزام تیم تجاری به تاجیکستان"), ("market", "تاجیکستان"),
    ]  # fmt: skip
    other = svc.save_resolution(
        db, resolution=ResolutionInput(meeting.id, "بی‌ربط", chamber.id), today=TODAY
    )
    for kind, target in (("delegation", delegation.id), ("market", market.id)):
        found = svc.resolutions_linked_to(db, kind=kind, target_id=target, today=TODAY)
        assert [r.id for r in found] == [saved.id] and other.id not in [r.id for r in found]
    assert svc.resolutions_linked_to(db, kind="visit", target_id=1, today=TODAY) == []
    with pytest.raises(ValidationError):
        svc.save_resolution(
            db,
            resolution=ResolutionInput(meeting.id, "x", links=(LinkInput("market", 99_999),)),
            today=TODAY,
        )


def test_meeting_lists_read_chairs_and_counts_for_all_rows_at_once(office) -> None:
    """The list, the calendar and the dashboard read each meeting's chair and resolution
    counts in one query for all of their rows: as many statements for five meetings as
    for one, and the same counts as a meeting read alone."""
    db, series, chamber, _, chair = office
    other = svc.save_series(db, series=SeriesInput("شورای گفت‌وگو", chair_person_id=chair.id))
    first = _meeting(db, series, from_jalali(1404, 8, 3))
    ids = [first.id]
    every = MeetingFilter()
    with selects_run(db) as one:
        svc.list_meetings(db, filters=every)
    for n, day in enumerate((10, 17, 24, 30)):
        m = _meeting(db, other if n % 2 else series, from_jalali(1404, 8, day))
        ids.append(m.id)
        for k in range(n):
            r = svc.save_resolution(
                db, resolution=ResolutionInput(m.id, f"مصوبه {k}", responsible_org_id=chamber.id)
            )
            if k == 1:
                svc.set_resolution_status(
                    db, resolution_id=r.id, status="done", closing_note="انجام شد", today=TODAY
                )
    first_day, last_day = from_jalali(1404, 8, 1), from_jalali(1404, 8, 30)
    with selects_run(db) as five:
        rows = svc.list_meetings(db, filters=every)
    with selects_run(db) as calendar:
        between = svc.meetings_between(db, first=first_day, last=last_day)
    assert len(rows) == len(between) == 5
    assert len(five) == len(one)
    assert len(calendar) <= len(one)
    alone = {i: svc.get_meeting(db, meeting_id=i) for i in ids}
    for row in (*rows, *between):
        assert (row.resolution_count, row.open_resolution_count) == (
            alone[row.id].resolution_count,
            alone[row.id].open_resolution_count,
        )
        assert row.chair_name == alone[row.id].chair_name != ""
    assert sorted(r.resolution_count for r in rows) == [0, 0, 1, 2, 3]
    assert sorted(r.open_resolution_count for r in rows) == [0, 0, 1, 1, 2]
