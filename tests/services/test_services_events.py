"""Event services on a real, migrated database with the demo directory."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import func, insert, select

from qazvin_diplomacy.core.clock import TEHRAN
from qazvin_diplomacy.core.errors import StaleRecordError, ValidationError
from qazvin_diplomacy.core.events import (
    EventFilter,
    EventInput,
    EventKind,
    EventStatus,
    GuestInput,
    InvitationChannel,
    InviteCriteria,
    ProgrammeEntry,
    Rsvp,
)
from qazvin_diplomacy.core.jalali import from_jalali, to_jalali
from qazvin_diplomacy.core.precedence import FlagKind, PrecedenceGroup
from qazvin_diplomacy.core.recurrence import PANJAH_BEDAR, RecurrenceKind, RecurrenceRule
from qazvin_diplomacy.core.seating import InterpreterPlacement, TableSpec
from qazvin_diplomacy.core.text import index_key
from qazvin_diplomacy.services import directory
from qazvin_diplomacy.services import events as svc
from qazvin_diplomacy.services.demo import load_demo
from qazvin_diplomacy.services.events.recurrence import _next_year_text
from qazvin_diplomacy.storage.base import new_uuid, utcnow
from qazvin_diplomacy.storage.directory import Person
from qazvin_diplomacy.storage.events import EventGuest

PANJAH_BEDAR_1404 = from_jalali(1404, 2, 19)  # 9 May 2025
TODAY = from_jalali(1404, 2, 5)  # two weeks before


@pytest.fixture
def world(seeded):
    """The demo directory (no demo events needed, but they do no harm) and name → id (loaded
    once a session, see ``seeded``)."""
    return seeded(_demo_people)


def _demo_people(db) -> dict[str, int]:
    load_demo(db, today=TODAY)
    return {p.name_en: p.id for p in directory.list_people(db, limit=10_000)}


def pid(people: dict[str, int], name_en: str) -> int:
    return people[name_en]


def new_event(db, **changes) -> int:
    event = EventInput(
        title_fa="جشن پنجاه بدر ۱۴۰۴ با حضور سفیران",
        title_en="Panjah Bedar 1404 with the Ambassadors",
        kind=EventKind.CULTURAL,
        status=EventStatus.PLANNED,
        start_date=PANJAH_BEDAR_1404,
        start_time=time(17, 0),
        end_time=time(20, 0),
        venue="باغ موزه قزوین",
        venue_en="Qazvin Garden Museum",
        organizer="استانداری قزوین",
        organizer_en="Governorate of Qazvin",
        recurrence=PANJAH_BEDAR,
        programme=(
            ProgrammeEntry(
                "خوشامدگویی استاندار",
                time(17, 0),
                time(17, 15),
                "Welcome by the Governor",
                "محمد نوذری",
            ),
            ProgrammeEntry(
                "اجرای موسیقی محلی", time(17, 15), time(18, 0), "Folk music", "گروه موسیقی قزوین"
            ),
        ),
    )
    return svc.save_event(db, event=replace(event, **changes)).id


# --- events ----------------------------------------------------------------------------


def test_save_and_read_back_an_event(world) -> None:
    db, _ = world
    event_id = new_event(db)
    event = svc.get_event(db, event_id)
    assert event.title_fa.startswith("جشن پنجاه بدر")
    assert event.end_date == event.start_date == PANJAH_BEDAR_1404
    assert event.recurrence == PANJAH_BEDAR
    assert [p.item_en for p in event.programme] == ["Welcome by the Governor", "Folk music"]
    # Edit: drop one programme item, keep the other by id.
    edited = replace(event, programme=(replace(event.programme[1], item_fa="موسیقی"),))
    saved = svc.save_event(db, event=edited)
    assert [(p.id, p.item_fa) for p in saved.programme] == [(event.programme[1].id, "موسیقی")]
    with pytest.raises(StaleRecordError):
        svc.save_event(db, event=edited)


def test_bad_event_input_is_refused_with_persian_messages(world) -> None:
    db, _ = world
    before = svc.count_events(db)
    with pytest.raises(ValidationError) as caught:
        svc.save_event(
            db,
            event=EventInput(
                title_fa=" ",
                start_date=PANJAH_BEDAR_1404,
                end_date=PANJAH_BEDAR_1404 - timedelta(days=1),
                recurrence=RecurrenceRule(RecurrenceKind.DAY_OF_MONTH, day=31, month=12),
                programme=(ProgrammeEntry(""),),
            ),
        )
    errors = caught.value.errors
    assert set(errors) == {"title_fa", "end_date", "recurrence.day", "programme.0.item_fa"}
    assert "اسفند" in errors["recurrence.day"]
    assert svc.count_events(db) == before


def test_list_events_filters_in_sql(world) -> None:
    db, _ = world
    demo = {e.id for e in svc.list_events(db)}  # the demo's Panjah Bedar editions
    a = new_event(db, title_fa="رویداد آزمایشی الف")
    b = new_event(
        db,
        title_fa="نمایشگاه صنایع‌دستی",
        title_en="Handicrafts fair",
        kind=EventKind.EXHIBITION,
        start_date=from_jalali(1404, 6, 1),
        recurrence=None,
    )

    def ids(**filters) -> list[int]:
        return [
            e.id for e in svc.list_events(db, filters=EventFilter(**filters)) if e.id not in demo
        ]

    assert ids() == [b, a]
    assert ids(kind=EventKind.EXHIBITION) == [b]
    assert ids(text="صنايع دستي") == [b]  # Arabic Yeh, a space for the ZWNJ
    assert ids(date_to=from_jalali(1404, 3, 1)) == [a]
    assert ids(date_from=from_jalali(1404, 5, 1), date_to=from_jalali(1404, 7, 1)) == [b]
    assert svc.count_events(db, filters=EventFilter(kind=EventKind.EXHIBITION)) == 1
    svc.archive_event(db, event_id=b, version=None)
    assert ids() == [a]
    assert ids(archived_only=True) == [b]


# --- invitations -----------------------------------------------------------------------


def test_invite_the_diplomatic_corps_by_filter_and_skip_those_already_invited(world) -> None:
    db, people = world
    event_id = new_event(db)
    iraq = pid(people, "Adel Hussein Al-Jubouri")
    first = svc.invite_people(
        db,
        event_id=event_id,
        person_ids=[iraq],
        sent_on=TODAY,
        channel=InvitationChannel.NOTE_VERBALE,
    )
    assert (
        len(first.invited) == 1
        and first.invited[0].invitation_channel is InvitationChannel.NOTE_VERBALE
    )
    result = svc.invite_by_filter(
        db, event_id=event_id, criteria=InviteCriteria(heads_of_mission=True)
    )
    ranks = {g.diplomatic_rank for g in result.invited}
    assert ranks == {"ambassador", "charge_daffaires", "charge_ad_interim"}
    assert [s.person_id for s in result.skipped] == [iraq]
    assert "پیش‌تر" in result.skipped[0].reason_fa
    assert "۱ نفر پیش‌تر" in result.message_fa
    # No head of mission twice.
    guests = svc.list_guests(db, event_id=event_id)
    assert len(guests) == len({g.person_id for g in guests}) == 1 + len(result.invited)


def test_invite_by_region_country_and_organization_kind(world) -> None:
    db, people = world
    event_id = new_event(db)
    central_asia = svc.matching_people(db, criteria=InviteCriteria(region="central_asia"))
    views = {directory.get_person(db, i).country_name_en for i in central_asia}
    assert views == {"Tajikistan", "Kazakhstan", "Uzbekistan"}
    russia = directory.country_by_code(db, "RU")
    r = svc.invite_by_filter(
        db, event_id=event_id, criteria=InviteCriteria(country_id=russia.id, heads_of_mission=True)
    )
    assert [g.name_en for g in r.invited] == ["Sergei Vorontsov"]
    r = svc.invite_by_filter(
        db, event_id=event_id, criteria=InviteCriteria(organization_kind="university")
    )
    universities = {o.id for o in directory.list_organizations(db, kind="university", limit=1000)}
    expected = {
        p.id for p in directory.list_people(db, limit=10_000) if p.organization_id in universities
    }
    assert {g.person_id for g in r.invited} == expected and len(expected) >= 3 and not r.skipped
    assert "Abbas Rezvanifar" in {g.name_en for g in r.invited}
    with pytest.raises(ValidationError):
        svc.invite_by_filter(db, event_id=event_id, criteria=InviteCriteria())


def test_a_guest_invited_twice_is_refused_and_nothing_is_half_saved(world) -> None:
    db, people = world
    event_id = new_event(db)
    kz = pid(people, "Yerlan Zhaksybekov")
    svc.invite_guest(db, event_id=event_id, guest=GuestInput(person_id=kz, companions=1))
    with pytest.raises(ValidationError) as caught:
        svc.invite_guest(db, event_id=event_id, guest=GuestInput(person_id=kz))
    assert (
        caught.value.field == "person_id" and "پیش‌تر به این رویداد دعوت شده" in caught.value.message
    )
    with pytest.raises(ValidationError):
        svc.invite_guest(
            db,
            event_id=event_id,
            guest=GuestInput(person_id=pid(people, "Li Jianhua"), companions=99),
        )
    guests = svc.list_guests(db, event_id=event_id)
    assert [(g.person_id, g.companions) for g in guests] == [(kz, 1)]


def test_record_rsvp_and_update_guest(world) -> None:
    db, people = world
    event_id = new_event(db)
    g = svc.invite_guest(
        db, event_id=event_id, guest=GuestInput(person_id=pid(people, "Li Jianhua"))
    )
    assert g.rsvp is Rsvp.NO_REPLY
    g = svc.record_rsvp(
        db, guest_id=g.id, rsvp=Rsvp.YES, rsvp_on=TODAY, companions=2, version=g.version
    )
    assert (g.rsvp, g.rsvp_on, g.companions) == (Rsvp.YES, TODAY, 2)
    g = svc.update_guest(db, guest=replace(g, remarks="گیاه‌خوار؛ مترجم چینی لازم است"))
    assert "گیاه‌خوار" in g.remarks
    assert svc.get_event(db, event_id).counts.expected_people == 3
    with pytest.raises(StaleRecordError):
        svc.record_rsvp(db, guest_id=g.id, rsvp=Rsvp.NO, version=g.version - 1)


# --- check-in --------------------------------------------------------------------------


def test_checkin_search_ignores_arabic_and_persian_letter_variants(world) -> None:
    db, people = world
    event_id = new_event(db)
    svc.invite_by_filter(db, event_id=event_id, criteria=InviteCriteria(heads_of_mission=True))
    # «الحارثی» typed with Arabic Yeh; «قادرزاده» with a ZWNJ; Latin, any case.
    found = svc.checkin_search(db, event_id=event_id, text="الحارثي")
    assert [g.name_en for g in found] == ["Salim bin Hamad Al-Harthy"]
    assert [g.name_en for g in svc.checkin_search(db, event_id=event_id, text="قادر‌زاده")] == [
        "Jamshed Qodirzoda"
    ]
    assert [g.name_en for g in svc.checkin_search(db, event_id=event_id, text="jiAN")] == [
        "Li Jianhua"
    ]
    # Kaf: «ممدوف» has none, «ژاکسی‌بکوف» has two; typed with the Arabic Kaf.
    assert [g.name_en for g in svc.checkin_search(db, event_id=event_id, text="ژاكسي بكوف")] == [
        "Yerlan Zhaksybekov"
    ]
    # Someone not invited is not found at the door.
    assert svc.checkin_search(db, event_id=event_id, text="نوذری") == []
    assert svc.checkin_search(db, event_id=event_id, text="  ") == []


def test_mark_attended_and_undo(world) -> None:
    db, people = world
    event_id = new_event(db)
    g = svc.invite_guest(
        db, event_id=event_id, guest=GuestInput(person_id=pid(people, "Andrei Kovalevich"))
    )
    moment = datetime(2025, 5, 9, 17, 5, tzinfo=TEHRAN)
    g = svc.mark_attended(db, guest_id=g.id, at=moment)
    assert (
        g.attended
        and g.checked_in_at == moment
        and g.checked_in_at.utcoffset() == TEHRAN.utcoffset(None)
    )
    # Checked-in guests sort after those still expected.
    assert svc.checkin_search(db, event_id=event_id, text="kovalevich")[0].attended
    g = svc.mark_attended(db, guest_id=g.id, attended=False)
    assert not g.attended and g.checked_in_at is None


def test_checkin_search_is_fast_on_a_500_guest_event(world) -> None:
    db, people = world
    event_id = new_event(db)
    now = utcnow()
    rows = [
        {
            "uuid": new_uuid(),
            "created_at": now,
            "updated_at": now,
            "version": 1,
            "name_fa": f"مهمان آزمایشی {i}",
            "name_en": f"Test Guest {i}",
            "honorific_fa": "",
            "honorific_en": "",
            "title_fa": "",
            "title_en": "",
            "organization_id": None,
            "country_id": None,
            "diplomatic_rank": None,
            "functions_started_at": None,
            "languages": "",
            "phone": "",
            "email": "",
            "biography": "",
            "notes": "",
            "archived_at": None,
            "search_key": index_key(f"مهمان آزمایشی {i}", f"Test Guest {i}"),
        }
        for i in range(500)
    ]
    with db.session() as session:
        session.execute(insert(Person), rows)
        ids = list(session.scalars(select(Person.id).where(Person.name_en.like("Test Guest %"))))
    svc.invite_people(db, event_id=event_id, person_ids=ids)
    with db.session() as session:
        assert (
            session.scalar(
                select(func.count()).select_from(EventGuest).where(EventGuest.event_id == event_id)
            )
            == 500
        )
    for text in ["۴۹۹", "guest 12", "آزمايشي 3", "zzz"]:
        found = svc.checkin_search(db, event_id=event_id, text=text)
        if text == "۴۹۹":
            assert [g.name_en for g in found] == ["Test Guest 499"]
        if text == "zzz":
            assert found == []  # measured ~2 ms per query; no timing assertion in tests


# --- precedence ------------------------------------------------------------------------


def test_precedence_list_joins_rank_and_date_and_flags_the_undecided(world) -> None:
    db, people = world
    event_id = new_event(db)
    svc.invite_by_filter(db, event_id=event_id, criteria=InviteCriteria(heads_of_mission=True))
    svc.invite_people(
        db,
        event_id=event_id,
        person_ids=[pid(people, "Mohammad Nozari"), pid(people, "Dmitry Sokolov")],
    )
    listed = svc.precedence_list(db, event_id=event_id)
    names = [g.name_en for g in listed.guests]
    # Ambassadors by date (KZ 2020 first … AZ 2024 last), TJ (10:30) before BY (11:15) the same day.
    assert names[0] == "Yerlan Zhaksybekov"
    assert names.index("Jamshed Qodirzoda") + 1 == names.index("Andrei Kovalevich")
    assert names[9] == "Elchin Mammadov"  # last of the ten ambassadors
    assert names[10:] == [
        "Abdulqader Nuri",
        "Salim bin Hamad Al-Harthy",
        "Mohammad Nozari",
        "Dmitry Sokolov",
    ]
    assert listed.guests[11].precedence_group is PrecedenceGroup.CHARGE_AD_INTERIM
    assert [g.position for g in listed.guests] == list(range(1, 15))
    (flag,) = listed.flags
    assert flag.kind is FlagKind.MISSING_DATE and flag.keys == (
        pid(people, "Salim bin Hamad Al-Harthy"),
    )
    assert listed.guests[11].flagged


def test_a_manual_precedence_order_is_kept(world) -> None:
    db, people = world
    event_id = new_event(db)
    tj, by = pid(people, "Jamshed Qodirzoda"), pid(people, "Andrei Kovalevich")
    svc.invite_people(db, event_id=event_id, person_ids=[tj, by, pid(people, "Li Jianhua")])
    assert [g.person_id for g in svc.precedence_list(db, event_id=event_id).guests][1:] == [tj, by]
    listed = svc.set_precedence_override(db, event_id=event_id, person_ids=[by, tj])
    assert [g.person_id for g in listed.guests][1:] == [by, tj]
    assert [g.person_id for g in svc.precedence_list(db, event_id=event_id).guests][1:] == [by, tj]
    svc.clear_precedence_override(db, event_id=event_id)
    assert [g.person_id for g in svc.precedence_list(db, event_id=event_id).guests][1:] == [tj, by]


# --- seating ---------------------------------------------------------------------------


def _yes_to_all(db, event_id: int) -> None:
    for g in svc.list_guests(db, event_id=event_id):
        svc.record_rsvp(db, guest_id=g.id, rsvp=Rsvp.YES, rsvp_on=TODAY)


def test_seating_by_precedence_with_host_interpreter_and_overrides(world) -> None:
    db, people = world
    event_id = new_event(db)
    governor = pid(people, "Mohammad Nozari")
    kz, ru, cn = (
        pid(people, "Yerlan Zhaksybekov"),
        pid(people, "Sergei Vorontsov"),
        pid(people, "Li Jianhua"),
    )
    interp = pid(people, "Amirhossein Rostami")
    svc.invite_people(db, event_id=event_id, person_ids=[governor, kz, ru, cn])
    svc.invite_guest(
        db,
        event_id=event_id,
        guest=GuestInput(person_id=interp, interpreter_for_person_id=cn, remarks="مترجم چینی"),
    )
    _yes_to_all(db, event_id)
    tables = [TableSpec(1, 6, host_key=governor), TableSpec(2, 6)]
    plan = svc.save_seating(db, event_id=event_id, tables=tables)
    seat = {
        s.guest.person_id: (t.spec.number, s.seat) for t in plan.tables for s in t.seats if s.guest
    }
    assert seat[governor] == (1, 1)
    assert seat[kz] == (1, 2)  # seat of honour: the host's right
    assert seat[ru] == (1, 6)  # host's left
    assert seat[cn] == (1, 3)
    assert [g.person_id for g in plan.tables[0].behind] == [interp]
    # A manual override is kept when the plan is recomputed.
    svc.set_seat(
        db,
        guest_id=next(g.id for g in svc.list_guests(db, event_id=event_id) if g.person_id == ru),
        table_no=2,
        seat_no=1,
    )
    plan = svc.save_seating(db, event_id=event_id, interpreters=InterpreterPlacement.BESIDE)
    seat = {
        s.guest.person_id: (t.spec.number, s.seat) for t in plan.tables for s in t.seats if s.guest
    }
    assert seat[ru] == (2, 1) and seat[kz] == (1, 2) and seat[cn] == (1, 6)
    assert seat[interp] == (1, 5)  # beside the principal, outward
    cards = svc.place_cards(db, event_id=event_id)
    assert [(c.table_no, c.seat_no) for c in cards] == [(1, 1), (1, 2), (1, 5), (1, 6), (2, 1)]


def test_a_seat_given_twice_is_refused(world) -> None:
    db, people = world
    event_id = new_event(db)
    a, b = pid(people, "Li Jianhua"), pid(people, "Arsen Hakobyan")
    svc.invite_people(db, event_id=event_id, person_ids=[a, b])
    _yes_to_all(db, event_id)
    svc.save_seating(
        db, event_id=event_id, tables=[TableSpec(1, 4, host_key=pid(people, "Mohammad Nozari"))]
    )
    guests = {g.person_id: g for g in svc.list_guests(db, event_id=event_id)}
    with pytest.raises(ValidationError) as caught:
        svc.set_seat(db, guest_id=guests[b].id, table_no=1, seat_no=guests[a].seat_no)
    assert "قبلاً" in caught.value.message and guests[a].name_fa in caught.value.message
    with pytest.raises(ValidationError, match="قبلاً"):  # the host's seat
        svc.set_seat(db, guest_id=guests[b].id, table_no=1, seat_no=1)
    with pytest.raises(ValidationError, match="دو بار"):
        svc.save_seating(db, event_id=event_id, manual={a: (1, 3), b: (1, 3)})
    after = {g.person_id: (g.table_no, g.seat_no) for g in svc.list_guests(db, event_id=event_id)}
    assert after == {p: (g.table_no, g.seat_no) for p, g in guests.items()}  # nothing half-saved


# --- next year -------------------------------------------------------------------------


def test_copy_to_next_year_makes_a_draft_with_programme_and_guests(world) -> None:
    db, people = world
    event_id = new_event(db)
    kz, cn = pid(people, "Yerlan Zhaksybekov"), pid(people, "Li Jianhua")
    svc.invite_people(
        db, event_id=event_id, person_ids=[kz, cn], sent_on=TODAY, channel=InvitationChannel.EMAIL
    )
    g = svc.list_guests(db, event_id=event_id)[0]
    svc.record_rsvp(db, guest_id=g.id, rsvp=Rsvp.YES, rsvp_on=TODAY, companions=1)
    svc.mark_attended(db, guest_id=g.id)
    copy = svc.copy_to_next_year(db, event_id=event_id)
    assert copy.status is EventStatus.DRAFT and copy.source_event_id == event_id
    assert to_jalali(copy.start_date) == (1405, 2, 19)
    assert copy.title_fa == "جشن پنجاه بدر ۱۴۰۵ با حضور سفیران"
    assert copy.title_en == "Panjah Bedar 1405 with the Ambassadors"
    assert [p.item_fa for p in copy.programme] == [
        p.item_fa for p in svc.get_event(db, event_id).programme
    ]
    guests = svc.list_guests(db, event_id=copy.id)
    assert {g.person_id for g in guests} == {kz, cn}
    assert all(
        g.rsvp is Rsvp.NO_REPLY
        and not g.attended
        and g.invitation_sent_on is None
        and g.companions == 0
        for g in guests
    )
    assert copy.counts.no_reply == 2
    with pytest.raises(ValidationError, match="پیش‌تر"):
        svc.copy_to_next_year(db, event_id=event_id)
    # The 1405 edition can itself be copied to 1406.
    assert to_jalali(svc.copy_to_next_year(db, event_id=copy.id).start_date) == (1406, 2, 19)


def test_next_year_finds_the_year_in_every_digit_script() -> None:
    years = (1404, 1405, 2025, 2026)
    assert _next_year_text("جشن ١٤٠٤ — ۱۴۰۴ — 1404", *years) == "جشن ١٤٠٥ — ۱۴۰۵ — 1405"
    assert _next_year_text("Festival 2025", *years) == "Festival 2026"
    # A year inside a longer number (in any script) is not a year.
    assert _next_year_text("کد ١٤٠٤٥ و ۱۴۰۴۱ و 21404", *years) == "کد ١٤٠٤٥ و ۱۴۰۴۱ و 21404"


def test_copy_moves_an_arabic_indic_year_of_old_data_and_marks_last_years_remarks(world) -> None:
    db, people = world
    event_id = new_event(db)
    kz, cn = pid(people, "Yerlan Zhaksybekov"), pid(people, "Li Jianhua")
    svc.invite_people(db, event_id=event_id, person_ids=[kz, cn])
    apology = "به دلیل سفر به مسکو عذرخواهی کردند."
    for g in svc.list_guests(db, event_id=event_id):
        if g.person_id == kz:
            svc.update_guest(db, guest=replace(g, remarks=apology))
    from qazvin_diplomacy.storage.events import Event

    with db.session() as session:  # data typed before normalize stored ٠–٩ as Persian
        session.execute(
            Event.__table__.update()
            .where(Event.id == event_id)
            .values(title_fa="جشن پنجاه بدر ١٤٠٤ با حضور سفیران")
        )
    copy = svc.copy_to_next_year(db, event_id=event_id)
    assert copy.title_fa == "جشن پنجاه بدر ١٤٠٥ با حضور سفیران"
    remarks = {g.person_id: g.remarks for g in svc.list_guests(db, event_id=copy.id)}
    assert remarks == {kz: f"یادداشت ۱۴۰۴: {apology}", cn: ""}
    # The 1406 copy keeps the original year's mark instead of stacking another one.
    later = svc.copy_to_next_year(db, event_id=copy.id)
    assert [g.remarks for g in svc.list_guests(db, event_id=later.id) if g.person_id == kz] == [
        f"یادداشت ۱۴۰۴: {apology}"
    ]


def test_copy_with_a_rule_giving_no_date_next_year_saves_nothing(world) -> None:
    db, people = world
    rule = RecurrenceRule(RecurrenceKind.DAY_OF_MONTH, day=30, month=12)
    event_id = new_event(
        db, title_fa="آیین پایان سال ۱۴۰۳", start_date=from_jalali(1403, 12, 30), recurrence=rule
    )
    svc.invite_people(db, event_id=event_id, person_ids=[pid(people, "Li Jianhua")])
    before = svc.count_events(db)
    with pytest.raises(ValidationError) as caught:
        svc.copy_to_next_year(db, event_id=event_id)
    assert "کبیسه نیست" in caught.value.message and "۱۴۰۴" in caught.value.message
    assert svc.count_events(db) == before
    no_rule = new_event(db, recurrence=None)
    with pytest.raises(ValidationError, match="قاعدهٔ تکرار"):
        svc.copy_to_next_year(db, event_id=no_rule)


# --- dashboard and printed material ----------------------------------------------------


def test_dashboard_upcoming_with_counts_and_awaiting_replies(world) -> None:
    db, people = world
    soon = new_event(db)  # 14 days after TODAY
    later = new_event(
        db, title_fa="همایش اقتصادی", start_date=TODAY + timedelta(days=40), recurrence=None
    )
    past = new_event(
        db, title_fa="رویداد گذشته", start_date=TODAY - timedelta(days=3), recurrence=None
    )
    answered = new_event(
        db, title_fa="همه پاسخ داده‌اند", start_date=TODAY + timedelta(days=3), recurrence=None
    )
    for event_id in (soon, later, past, answered):
        svc.invite_people(
            db,
            event_id=event_id,
            person_ids=[pid(people, "Li Jianhua"), pid(people, "Arsen Hakobyan")],
        )
    _yes_to_all(db, answered)
    g = svc.list_guests(db, event_id=soon)[0]
    svc.record_rsvp(db, guest_id=g.id, rsvp=Rsvp.NO, rsvp_on=TODAY)
    mine = {soon, later, past, answered}
    dash = svc.event_dashboard(db, today=TODAY)
    assert [e.id for e in dash.upcoming if e.id in mine] == [answered, soon, later]
    soon_row = next(e for e in dash.upcoming if e.id == soon)
    assert (soon_row.counts.invited, soon_row.counts.no, soon_row.counts.no_reply) == (2, 1, 1)
    assert [e.id for e in dash.awaiting_replies if e.id in mine] == [soon]
    # The demo's Panjah Bedar 1404 (14 days ahead, replies outstanding) is there too.
    assert any("پنجاه بدر" in e.title_fa for e in dash.awaiting_replies)


def test_printed_material_data(world) -> None:
    db, people = world
    event_id = new_event(db)
    governor = pid(people, "Mohammad Nozari")
    iq, om, tj = (
        pid(people, "Adel Hussein Al-Jubouri"),
        pid(people, "Salim bin Hamad Al-Harthy"),
        pid(people, "Jamshed Qodirzoda"),
    )
    svc.invite_people(db, event_id=event_id, person_ids=[iq, om, tj])
    svc.save_seating(db, event_id=event_id, tables=[TableSpec(1, 8, host_key=governor)])
    guests = {g.person_id: g for g in svc.list_guests(db, event_id=event_id)}
    svc.record_rsvp(db, guest_id=guests[iq].id, rsvp=Rsvp.YES, companions=1)
    svc.record_rsvp(db, guest_id=guests[om].id, rsvp=Rsvp.NO)
    svc.mark_attended(db, guest_id=guests[iq].id)

    letters = svc.invitation_letters(db, event_id=event_id)
    assert [letter.guest.person_id for letter in letters] == [iq, tj]  # declined left out
    first = letters[0]
    assert first.salutation_fa == "جناب آقای عادل حسین الجبوری"
    assert first.salutation_en == "H.E. Mr. Adel Hussein Al-Jubouri"
    assert first.dates.jalali_fa == "جمعه ۱۹ اردیبهشت ۱۴۰۴"
    assert first.dates.gregorian_en == "Friday 9 May 2025"
    assert first.dates.time_fa == "۱۷:۰۰ تا ۲۰:۰۰"
    assert first.host_name_fa == "محمد نوذری" and first.venue_en == "Qazvin Garden Museum"

    badges = svc.badges(db, event_id=event_id)
    assert [(b.name_en, b.category_fa) for b in badges] == [("Adel Hussein Al-Jubouri", "سفیر")]
    # The first plan was made before anyone said yes: nobody seated, cards for yes-guests.
    assert [(c.name_en, c.seat_no) for c in svc.place_cards(db, event_id=event_id)] == [
        ("Adel Hussein Al-Jubouri", None)
    ]
    svc.save_seating(db, event_id=event_id)
    assert [(c.name_en, c.table_no, c.seat_no) for c in svc.place_cards(db, event_id=event_id)] == [
        ("Adel Hussein Al-Jubouri", 1, 2)
    ]

    summary = svc.event_summary(db, event_id=event_id)
    assert (summary.totals.invited, summary.totals.yes, summary.totals.attended) == (3, 1, 1)
    by = {c.country_en: c for c in summary.by_country}
    assert (by["Iraq"].attended, by["Iraq"].companions) == (1, 1)
    assert (by["Oman"].no, by["Tajikistan"].no_reply) == (1, 1)
    assert summary.attended_companions == 1
    assert [c.country_fa for c in summary.by_country] == sorted(
        c.country_fa for c in summary.by_country
    )


# --- demo ------------------------------------------------------------------------------


def test_demo_panjah_bedar_1404_and_its_1405_draft(world) -> None:
    db, people = world  # loaded with today = 5 Ordibehesht 1404, before the festival
    events = svc.list_events(db, filters=EventFilter(text="پنجاه بدر"), descending=False)
    assert [to_jalali(e.start_date) for e in events] == [(1404, 2, 19), (1405, 2, 19)]
    edition_1404, draft_1405 = events
    assert edition_1404.status is EventStatus.INVITING and edition_1404.recurring
    assert draft_1405.status is EventStatus.DRAFT and draft_1405.source_event_id == edition_1404.id
    assert "۱۴۰۵" in draft_1405.title_fa
    c = edition_1404.counts
    assert c.invited == draft_1405.counts.invited == draft_1405.counts.no_reply
    assert c.no >= 2 and c.no_reply >= 1 and c.yes > c.no and c.attended == 0  # not held yet
    listed = svc.precedence_list(db, event_id=edition_1404.id)
    assert listed.guests[0].name_en == "Yerlan Zhaksybekov"
    assert any(f.kind is FlagKind.MISSING_DATE for f in listed.flags)  # Oman's chargé a.i.
    seating = svc.get_seating(db, event_id=edition_1404.id)
    head = seating.tables[0]
    assert head.seats[0].host_person_id == pid(people, "Mohammad Nozari")
    assert head.seats[1].guest.name_en == "Yerlan Zhaksybekov"  # the seat of honour
    assert [g.name_en for g in head.behind] == ["Fatemeh Karimi"]  # interpreter behind Belarus


def test_demo_after_the_festival_records_attendance_and_scale_adds_events(tmp_path) -> None:
    from qazvin_diplomacy.storage.database import Database

    db = Database.open(tmp_path / "demo.sqlite3")
    try:
        summary = load_demo(db, scale=1, today=date(2025, 10, 25))
        assert summary.counts["events"] == 2 + 1 + 5  # Panjah Bedar ×2, Yalda, synthetic
        edition = svc.list_events(db, filters=EventFilter(text="پنجاه بدر ۱۴۰۴"))[0]
        assert edition.status is EventStatus.HELD
        report = svc.event_summary(db, event_id=edition.id)
        assert 0 < report.totals.attended < report.totals.yes
        assert {"Iraq", "Tajikistan", "Belarus", "China"} <= {
            c.country_en for c in report.by_country if c.attended
        }
        assert svc.count_events(db) == 8
        assert sum(e.counts.invited for e in svc.list_events(db)) == summary.counts["event_guests"]
    finally:
        db.close()


def test_demo_today_has_an_upcoming_yalda_night_partly_answered(tmp_path) -> None:
    from qazvin_diplomacy.storage.database import Database

    demo_today = from_jalali(1405, 9, 3)
    db = Database.open(tmp_path / "demo.sqlite3")
    try:
        load_demo(db, today=demo_today)
        dashboard = svc.event_dashboard(db, today=demo_today)
        assert [to_jalali(e.start_date) for e in dashboard.upcoming] == [(1405, 9, 30)]
        yalda = dashboard.upcoming[0]
        assert "یلدا ۱۴۰۵" in yalda.title_fa and yalda.status is EventStatus.INVITING
        c = yalda.counts
        assert c.yes >= 5 and c.no >= 1 and c.no_reply >= 3
        guests = svc.list_guests(db, event_id=yalda.id)
        assert all(g.invitation_sent_on and g.invitation_sent_on <= demo_today for g in guests)
        assert all(g.rsvp_on is None or g.rsvp_on <= demo_today for g in guests)
        assert not any(g.attended for g in guests)
    finally:
        db.close()


def test_save_seating_can_replace_existing_tables(db) -> None:
    """Saving new tables over old ones replaces them instead of clashing on (event, number)."""
    from qazvin_diplomacy.core.seating import TableSpec
    from qazvin_diplomacy.services import events as ev
    from qazvin_diplomacy.services.demo import load_demo

    load_demo(db)
    event_id = ev.list_events(db)[0].id
    first = [TableSpec(number=1, capacity=8), TableSpec(number=2, capacity=8)]
    second = [TableSpec(number=1, capacity=10)]
    for tables in (first, second):
        try:
            ev.save_seating(db, event_id=event_id, tables=tables, include_no_reply=True)
        except Exception as exc:  # a full table is fine; a constraint error is not
            assert "UNIQUE" not in str(exc), exc
    assert [t.spec.number for t in ev.get_seating(db, event_id=event_id).tables] == [1]
