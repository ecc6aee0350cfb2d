"""The office calendar service and its .ics export, on a real migrated database."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

import icalendar
import pytest

from qazvin_diplomacy.core.agreements import AgreementInput, AgreementKind
from qazvin_diplomacy.core.calendar import EntryKind
from qazvin_diplomacy.core.directory import PersonInput
from qazvin_diplomacy.core.errors import KnownError, StaleRecordError, ValidationError
from qazvin_diplomacy.core.events import EventInput, ProgrammeEntry
from qazvin_diplomacy.core.followups import FollowUpInput
from qazvin_diplomacy.core.jalali import from_jalali
from qazvin_diplomacy.core.visits import (
    TEHRAN,
    ConflictsFound,
    GuestEntry,
    GuestRole,
    ItineraryEntry,
    VisitInput,
)
from qazvin_diplomacy.services import agreements as agreements_service
from qazvin_diplomacy.services import calendar as svc
from qazvin_diplomacy.services import events as events_service
from qazvin_diplomacy.services import followups as followups_service
from qazvin_diplomacy.services import visits as visits_service
from qazvin_diplomacy.services.agenda_ics import export_agenda, export_record
from qazvin_diplomacy.services.directory import country_by_code, save_person
from qazvin_diplomacy.services.files import OutputRefused

SATURDAY = from_jalali(1404, 8, 3)  # 25 October 2025
SUNDAY = SATURDAY + timedelta(days=1)
MONDAY = SATURDAY + timedelta(days=2)
FRIDAY = SATURDAY + timedelta(days=6)


def at(d: date, hour: int, minute: int = 0) -> datetime:
    return datetime(d.year, d.month, d.day, hour, minute, tzinfo=TEHRAN)


@pytest.fixture
def office(db):
    """Two visits sharing the governor, an event, an agreement with an obligation, a follow-up."""
    japan = country_by_code(db, "JP")
    assert japan is not None

    def person(name_fa: str, name_en: str, country_id: int | None = None) -> int:
        view = save_person(db, person=PersonInput(name_fa, name_en, country_id=country_id))
        assert view.id is not None
        return view.id

    governor = person("استاندار قزوین", "Governor of Qazvin")
    ambassador = person("کازوتوشی آیکاوا", "Kazutoshi Aikawa", japan.id)
    visit = visits_service.save_visit(
        db,
        visit=VisitInput(
            title="دیدار سفیر ژاپن",
            title_en="Visit of the ambassador of Japan",
            start_at=at(SUNDAY, 10),
            end_at=at(SUNDAY, 12),
            venue="استانداری",
            guests=(GuestEntry(ambassador, GuestRole.HEAD),),
            hosts=(governor,),
            itinerary=(ItineraryEntry(at(SUNDAY, 10), at(SUNDAY, 11), "دیدار"),),
            followups=(FollowUpInput("ارسال صورت‌جلسه", deadline=MONDAY),),
        ),
    )
    other = visits_service.save_visit(
        db,
        visit=VisitInput(
            title="نشست اتاق بازرگانی",
            start_at=at(MONDAY, 9),
            end_at=at(MONDAY, 10),
            delegation_name="اتاق بازرگانی",
            hosts=(governor,),
        ),
    )
    event = events_service.save_event(
        db,
        event=EventInput(
            title_fa="شب فرهنگی ژاپن",
            start_date=MONDAY,
            start_time=time(18),
            end_time=time(20),
            venue="تالار فرهنگ",
            programme=(ProgrammeEntry("خوشامد", time(18), time(18, 15)),),
        ),
        today=SATURDAY,
    )
    agreement = agreements_service.save_agreement(
        db,
        agreement=AgreementInput(
            title="تفاهم‌نامه گردشگری",
            kind=AgreementKind.MOU,
            signing_date=SATURDAY,
            start_date=SATURDAY,
            end_date=FRIDAY,
            obligations=(FollowUpInput("گزارش شش‌ماهه", deadline=FRIDAY),),
        ),
        today=SATURDAY,
    )
    return {
        "db": db,
        "visit": visit,
        "other": other,
        "event": event,
        "agreement": agreement,
        "governor": governor,
    }


def week(db, **kw):
    return svc.agenda_between(db, start=SATURDAY, end=FRIDAY, today=SATURDAY, **kw)


def test_every_kind_of_dated_thing_is_on_the_calendar(office) -> None:
    entries = week(office["db"])
    kinds = {e.kind for e in entries}
    # Meetings and resolution deadlines: tests/services/test_services_meetings.py; trade
    # delegations: tests/services/test_services_delegations.py.
    secretariat = {EntryKind.MEETING, EntryKind.RESOLUTION, EntryKind.DELEGATION}
    assert kinds == set(EntryKind) - {EntryKind.HOLIDAY} - secretariat | (
        {EntryKind.HOLIDAY} if any(e.kind is EntryKind.HOLIDAY for e in entries) else set()
    )
    visit = next(
        e for e in entries if e.record_id == office["visit"].id and e.kind is EntryKind.VISIT
    )
    assert visit.start == at(SUNDAY, 10) and visit.first_day == visit.last_day == SUNDAY
    assert "ژاپن" in visit.detail and "کازوتوشی آیکاوا" in visit.detail
    assert "Japan" in visit.detail_en and "Kazutoshi Aikawa" in visit.detail_en
    event = next(e for e in entries if e.kind is EntryKind.EVENT)
    assert event.start == at(MONDAY, 18) and event.end == at(MONDAY, 20)
    expiry = next(e for e in entries if e.kind is EntryKind.EXPIRY)
    assert expiry.first_day == FRIDAY and expiry.open_target() == (
        "agreements",
        office["agreement"].id,
    )
    obligation = next(e for e in entries if e.kind is EntryKind.OBLIGATION)
    assert obligation.open_target() == ("agreements", office["agreement"].id)
    followup = next(e for e in entries if e.kind is EntryKind.FOLLOWUP)
    assert followup.open_target() == ("visits", office["visit"].id)


def test_kinds_not_asked_for_are_not_read(office) -> None:
    entries = week(office["db"], kinds=[EntryKind.OBLIGATION])
    assert [e.kind for e in entries] == [EntryKind.OBLIGATION]


def test_a_range_outside_leaves_everything_out(office) -> None:
    later = FRIDAY + timedelta(days=30)
    found = svc.agenda_between(office["db"], start=later, end=later + timedelta(days=6))
    assert [e for e in found if e.kind is not EntryKind.HOLIDAY] == []


def test_holidays_are_entries(db) -> None:
    nowruz = from_jalali(1405, 1, 1)
    found = svc.agenda_between(db, start=nowruz, end=nowruz, kinds=[EntryKind.HOLIDAY])
    assert found and {e.first_day for e in found} == {nowruz}
    assert any("نوروز" in e.title for e in found) and found[0].open_target() is None


def test_visits_sharing_a_host_at_the_same_time_are_marked(office) -> None:
    db = office["db"]
    assert not any(e.clash for e in week(db) if e.kind is EntryKind.VISIT)
    other = office["other"]
    with pytest.raises(ConflictsFound):
        visits_service.save_visit(
            db, visit=replace(other, start_at=at(SUNDAY, 11), end_at=at(SUNDAY, 13))
        )
    visits_service.save_visit(
        db,
        visit=replace(other, start_at=at(SUNDAY, 11), end_at=at(SUNDAY, 13)),
        conflict_reason="به درخواست سفارت",
    )
    marked = {e.record_id for e in week(db) if e.kind is EntryKind.VISIT and e.clash}
    assert marked == {office["visit"].id, other.id}


def test_moving_a_visit_runs_the_conflict_check_and_moves_its_itinerary(office) -> None:
    db = office["db"]
    entry = next(e for e in week(db) if e.key == ("visit", office["other"].id, e.key[2]))
    with pytest.raises(ConflictsFound):  # onto the governor's visit on Sunday
        svc.move_entry(db, entry=entry, day=SUNDAY, start=at(SUNDAY, 11))
    assert visits_service.get_visit(db, office["other"].id).start_at == at(MONDAY, 9)
    svc.move_entry(db, entry=entry, day=SUNDAY, start=at(SUNDAY, 11), conflict_reason="ضروری")
    moved = visits_service.get_visit(db, office["other"].id)
    assert (moved.start_at, moved.end_at) == (at(SUNDAY, 11), at(SUNDAY, 12))
    assert moved.conflict_reason == "ضروری"

    first = next(e for e in week(db) if e.key == ("visit", office["visit"].id, e.key[2]))
    svc.move_entry(db, entry=first, day=SATURDAY, start=at(SATURDAY, 14))
    visit = visits_service.get_visit(db, office["visit"].id)
    assert visit.start_at == at(SATURDAY, 14)
    assert visit.itinerary[0].start_at == at(SATURDAY, 14)
    assert [f.title for f in visit.followups] == ["ارسال صورت‌جلسه"]  # kept, not archived


def test_a_stale_entry_is_refused(office) -> None:
    db = office["db"]
    entry = next(e for e in week(db) if e.key == ("visit", office["visit"].id, e.key[2]))
    svc.move_entry(db, entry=entry, day=SATURDAY, start=at(SATURDAY, 8))
    with pytest.raises(StaleRecordError):
        svc.move_entry(db, entry=entry, day=MONDAY, start=at(MONDAY, 14))
    assert visits_service.get_visit(db, office["visit"].id).start_at == at(SATURDAY, 8)


def test_moving_an_event_moves_its_programme_and_is_validated(office) -> None:
    db = office["db"]
    entry = next(e for e in week(db) if e.kind is EntryKind.EVENT)
    svc.move_entry(db, entry=entry, day=SUNDAY, start=at(SUNDAY, 16), today=SATURDAY)
    event = events_service.get_event(db, office["event"].id)
    assert (event.start_date, event.start_time, event.end_time) == (SUNDAY, time(16), time(18))
    assert event.programme[0].start_time == time(16)
    entry = next(e for e in week(db) if e.kind is EntryKind.EVENT)
    with pytest.raises(ValidationError):  # 23:00 + two hours crosses midnight
        svc.move_entry(db, entry=entry, day=SUNDAY, start=at(SUNDAY, 23), today=SATURDAY)
    assert events_service.get_event(db, office["event"].id).start_time == time(16)


def test_moving_a_deadline_and_refusing_an_expiry(office) -> None:
    db = office["db"]
    entries = week(db)
    obligation = next(e for e in entries if e.kind is EntryKind.OBLIGATION)
    svc.move_entry(db, entry=obligation, day=MONDAY)
    tasks = followups_service.list_followups(
        db, source_kind="agreement", source_id=office["agreement"].id
    )
    assert [t.deadline for t in tasks] == [MONDAY]
    expiry = next(e for e in entries if e.kind is EntryKind.EXPIRY)
    with pytest.raises(KnownError):
        svc.move_entry(db, entry=expiry, day=MONDAY)


def test_reminders_list_today_and_overdue_followups(office) -> None:
    found = svc.reminders(office["db"], today=MONDAY + timedelta(days=1))
    kinds = [(e.kind, e.overdue) for e in found]
    assert (EntryKind.FOLLOWUP, True) in kinds  # the visit's follow-up was due on Monday
    today = svc.reminders(office["db"], today=SUNDAY)
    assert any(e.key[:2] == ("visit", office["visit"].id) for e in today)


def _events_of(path: Path) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return list(calendar.walk("VEVENT"))


def test_ics_export_parses_back_in_tehran_time(office, tmp_path: Path) -> None:
    out = tmp_path / "agenda.ics"
    count = export_agenda(office["db"], path=out, start=SATURDAY, end=FRIDAY, today=SATURDAY)
    events = _events_of(out)
    assert len(events) == count >= 6
    visit = next(e for e in events if str(e["uid"]).startswith(f"visit-{office['visit'].id}@"))
    assert str(visit["summary"]) == "دیدار سفیر ژاپن"
    assert visit["dtstart"].params["TZID"] == "Asia/Tehran"
    start = visit.decoded("dtstart")
    assert start.utcoffset() == timedelta(hours=3, minutes=30)
    assert start.replace(tzinfo=None) == datetime(2025, 10, 26, 10, 0)
    expiry = next(e for e in events if str(e["uid"]).startswith("expiry-"))
    assert expiry.decoded("dtstart") == FRIDAY and "پایان اعتبار" in str(expiry["summary"])
    zones = icalendar.Calendar.from_ical(out.read_bytes()).walk("VTIMEZONE")
    assert [str(z["tzid"]) for z in zones] == ["Asia/Tehran"]


def test_ics_export_of_one_event(office, tmp_path: Path) -> None:
    out = tmp_path / "event.ics"
    export_record(office["db"], path=out, kind=EntryKind.EVENT, record_id=office["event"].id)
    (event,) = _events_of(out)
    assert str(event["summary"]) == "رویداد: شب فرهنگی ژاپن"
    assert event.decoded("dtend").replace(tzinfo=None) == datetime(2025, 10, 27, 20, 0)


@pytest.mark.sqlite_only(reason="writes over the database file itself")
def test_ics_export_refuses_the_database_and_other_suffixes(office, tmp_path: Path) -> None:
    db = office["db"]
    before = hashlib.sha256(db.path.read_bytes()).hexdigest()
    with pytest.raises(OutputRefused):
        export_agenda(db, path=db.path, start=SATURDAY, end=FRIDAY)
    assert hashlib.sha256(db.path.read_bytes()).hexdigest() == before
    target = tmp_path / "agenda.xlsx"
    target.write_bytes(b"keep")
    with pytest.raises(KnownError):
        export_agenda(db, path=target, start=SATURDAY, end=FRIDAY)
    assert target.read_bytes() == b"keep"
    with pytest.raises(KnownError):
        export_agenda(db, path=tmp_path / "a.ics", start=FRIDAY, end=SATURDAY)
    assert not (tmp_path / "a.ics").exists()
