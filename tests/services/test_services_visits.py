"""Visit services on a real, migrated temporary database."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from qazvin_diplomacy.core.directory import PersonInput
from qazvin_diplomacy.core.errors import (
    KnownError,
    NotFoundError,
    StaleRecordError,
    ValidationError,
)
from qazvin_diplomacy.core.followups import FollowUpInput
from qazvin_diplomacy.core.jalali import from_jalali
from qazvin_diplomacy.core.visits import (
    TEHRAN,
    ChecklistEntry,
    ChecklistItem,
    ChecklistState,
    ConflictKind,
    ConflictsFound,
    GiftDirection,
    GiftEntry,
    GuestEntry,
    GuestRole,
    ItineraryEntry,
    VisitFilter,
    VisitInput,
    VisitStatus,
)
from qazvin_diplomacy.services import followups as followup_service
from qazvin_diplomacy.services import visits as svc
from qazvin_diplomacy.services.directory import country_by_code, save_person

# A working week: Saturday 1404/08/03 … Friday 1404/08/09 (25–31 October 2025).
SATURDAY = from_jalali(1404, 8, 3)
SUNDAY = SATURDAY + timedelta(days=1)
MONDAY = SATURDAY + timedelta(days=2)
FRIDAY = from_jalali(1404, 8, 9)


def at(d: date, hour: int, minute: int = 0) -> datetime:
    return datetime(d.year, d.month, d.day, hour, minute, tzinfo=TEHRAN)


@pytest.fixture
def world(db):
    """Countries and a few contacts: two hosts and four guests."""
    japan = country_by_code(db, "JP")
    italy = country_by_code(db, "IT")
    assert japan is not None and italy is not None

    def person(name_fa: str, name_en: str = "", country_id: int | None = None) -> int:
        view = save_person(db, person=PersonInput(name_fa, name_en, country_id=country_id))
        assert view.id is not None
        return view.id

    return {
        "db": db,
        "japan": japan.id,
        "italy": italy.id,
        "governor": person("استاندار قزوین", "Governor of Qazvin"),
        "deputy": person("معاون اقتصادی استاندار", "Economic deputy governor"),
        "jp_amb": person("کازوتوشی آیکاوا", "Kazutoshi Aikawa", japan.id),
        "jp_counsellor": person("رایزن اقتصادی ژاپن", "Japan economic counsellor", japan.id),
        "it_amb": person("سفیر ایتالیا", "Ambassador of Italy", italy.id),
        "it_consul": person("کنسول ایتالیا", "Consul of Italy", italy.id),
    }


def base_visit(w, **changes) -> VisitInput:
    visit = VisitInput(
        title="دیدار سفیر ژاپن با استاندار",
        purpose="گسترش همکاری‌های اقتصادی",
        start_at=at(SUNDAY, 10),
        end_at=at(SUNDAY, 12),
        venue="سالن اجتماعات استانداری",
        guests=(GuestEntry(w["jp_amb"], GuestRole.HEAD),),
        hosts=(w["governor"],),
    )
    return replace(visit, **changes)


def save(w, **changes):
    return svc.save_visit(w["db"], visit=base_visit(w, **changes))


def raw_count(db, table: str) -> int:
    with db.engine.connect() as conn:  # a connection of its own, on either database
        return conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one()


# --- saving and reading ----------------------------------------------------------------


def test_full_form_round_trip(world) -> None:
    w = world
    visit = base_visit(
        w,
        title="ديدار سفير ژاپن",  # Arabic Yeh: stored as Persian Yeh
        guests=(
            GuestEntry(w["jp_amb"], GuestRole.HEAD),
            GuestEntry(w["jp_counsellor"], GuestRole.MEMBER),
        ),
        hosts=(w["governor"], w["deputy"]),
        itinerary=(
            ItineraryEntry(
                at(SUNDAY, 10),
                at(SUNDAY, 10, 30),
                "استقبال",
                place="ورودی استانداری",
                responsible_person_id=w["deputy"],
                transport="خودرو تشریفات",
                interpreter="مترجم ژاپنی",
            ),
            ItineraryEntry(at(SUNDAY, 10, 30), at(SUNDAY, 12), "نشست", responsible_text="دفتر"),
        ),
        checklist=(
            ChecklistEntry(ChecklistItem.FLAGS, ChecklistState.DONE, "پرچم ژاپن"),
            ChecklistEntry(ChecklistItem.HOTEL, ChecklistState.NOT_NEEDED),
        ),
        gifts=(GiftEntry(GiftDirection.GIVEN, "تابلو فرش", person_id=w["jp_amb"]),),
        followups=(FollowUpInput("ارسال صورتجلسه", owner_person_id=w["deputy"], deadline=MONDAY),),
        outcome="توافق بر سر سفر هیئت تجاری",
    )
    saved = svc.save_visit(w["db"], visit=visit)
    again = svc.get_visit(w["db"], saved.id)
    assert again == saved
    assert saved.title == "دیدار سفیر ژاپن"
    assert saved.version == 1 and saved.status is VisitStatus.REQUESTED
    assert saved.start_at == at(SUNDAY, 10) and saved.start_at.utcoffset() == timedelta(hours=3.5)
    assert saved.country_id == w["japan"]  # taken from the first guest
    assert saved.country_name_fa == "ژاپن"
    assert [g.person_id for g in saved.guests] == [w["jp_amb"], w["jp_counsellor"]]
    assert saved.guests[0].role is GuestRole.HEAD
    assert saved.hosts == (w["governor"], w["deputy"])
    assert [p.name_fa for p in saved.guest_refs()] == ["کازوتوشی آیکاوا", "رایزن اقتصادی ژاپن"]
    assert [i.activity for i in saved.itinerary] == ["استقبال", "نشست"]
    assert saved.itinerary[0].transport == "خودرو تشریفات" and saved.itinerary[0].id
    assert [c.key for c in saved.checklist] == list(ChecklistItem)
    assert saved.checklist[0].state is ChecklistState.DONE
    assert saved.checklist[5].state is ChecklistState.NOT_NEEDED
    assert saved.gifts[0].gift_date == SUNDAY  # defaults to the visit's first day
    assert saved.followups[0].title == "ارسال صورتجلسه"
    assert saved.followups[0].owner_name_fa == "معاون اقتصادی استاندار"
    # The follow-up is a shared task linked to the visit.
    shared = followup_service.list_followups(w["db"], source_kind="visit", source_id=saved.id)
    assert [t.id for t in shared] == [saved.followups[0].id]


def test_editing_children_keeps_ids_and_bumps_version(world) -> None:
    w = world
    first = save(
        w,
        itinerary=(
            ItineraryEntry(at(SUNDAY, 10), at(SUNDAY, 11), "الف"),
            ItineraryEntry(at(SUNDAY, 11), at(SUNDAY, 12), "ب"),
        ),
        followups=(FollowUpInput("یک"), FollowUpInput("دو")),
        guests=(GuestEntry(w["jp_amb"]), GuestEntry(w["jp_counsellor"])),
    )
    kept = first.itinerary[1]
    edited = replace(
        first,
        itinerary=(replace(kept, activity="ب ویرایش‌شده"),),
        followups=(first.followups[0],),
        guests=(GuestEntry(w["jp_counsellor"], GuestRole.HEAD), GuestEntry(w["jp_amb"])),
    )
    second = svc.save_visit(w["db"], visit=edited)
    assert second.version == first.version + 1
    assert [(i.id, i.activity) for i in second.itinerary] == [(kept.id, "ب ویرایش‌شده")]
    assert [t.title for t in second.followups] == ["یک"]
    assert [(g.person_id, g.role) for g in second.guests] == [
        (w["jp_counsellor"], GuestRole.HEAD),
        (w["jp_amb"], GuestRole.MEMBER),
    ]
    assert raw_count(w["db"], "visit_itinerary_item") == 1
    # The removed follow-up is archived, not deleted.
    assert raw_count(w["db"], "follow_up_task") == 2
    # Only a child changed: the visit's version still moves.
    third = svc.save_visit(
        w["db"],
        visit=replace(
            second, checklist=(ChecklistEntry(ChecklistItem.SEATING, ChecklistState.DONE),)
        ),
    )
    assert third.version == second.version + 1
    assert third.checklist[-1].state is ChecklistState.DONE


def test_required_fields_and_spans_are_refused_with_field_names(world) -> None:
    with pytest.raises(ValidationError) as info:
        svc.save_visit(world["db"], visit=VisitInput(title=" "))
    assert {"title", "start_at", "end_at", "guests"} <= set(info.value.errors)
    with pytest.raises(ValidationError) as info:
        save(world, end_at=at(SUNDAY, 9))
    assert "end_at" in info.value.errors
    with pytest.raises(ValidationError) as info:
        save(world, itinerary=(ItineraryEntry(at(SUNDAY, 11), at(SUNDAY, 13), "ناهار"),))
    assert "itinerary.0.end_at" in info.value.errors
    assert raw_count(world["db"], "visit") == 0


def test_delegation_name_without_guests_is_enough(world) -> None:
    saved = save(world, guests=(), delegation_name="هیئت تجاری ایتالیا", country_id=world["italy"])
    assert saved.guests == () and saved.delegation_name == "هیئت تجاری ایتالیا"
    assert svc.list_visits(world["db"])[0].guest_names() == "هیئت تجاری ایتالیا"


def test_unknown_person_is_a_validation_error_not_a_crash(world) -> None:
    with pytest.raises(ValidationError) as info:
        save(world, hosts=(99999,))
    assert "hosts" in info.value.errors


def test_get_unknown_visit_raises_not_found(world) -> None:
    with pytest.raises(NotFoundError):
        svc.get_visit(world["db"], 12345)


# --- optimistic locking ----------------------------------------------------------------


def test_stale_save_raises_and_changes_nothing(world) -> None:
    w = world
    original = save(w)
    mine = replace(
        original, title="نسخه من", gifts=(GiftEntry(GiftDirection.GIVEN, "کتاب", w["jp_amb"]),)
    )
    theirs = svc.save_visit(w["db"], visit=replace(original, title="نسخه همکار"))
    with pytest.raises(StaleRecordError):
        svc.save_visit(w["db"], visit=mine)
    now = svc.get_visit(w["db"], original.id)
    assert now == theirs and now.title == "نسخه همکار"
    assert raw_count(w["db"], "visit_gift") == 0


def test_stale_status_change_and_archive_are_refused(world) -> None:
    original = save(world)
    svc.save_visit(world["db"], visit=replace(original, purpose="تغییر"))
    with pytest.raises(StaleRecordError):
        svc.change_status(
            world["db"], visit_id=original.id, version=original.version, status=VisitStatus.PLANNED
        )
    with pytest.raises(StaleRecordError):
        svc.archive_visit(world["db"], visit_id=original.id, version=original.version)
    assert svc.get_visit(world["db"], original.id).status is VisitStatus.REQUESTED


# --- status ----------------------------------------------------------------------------


def test_status_workflow(world) -> None:
    v = save(world)
    v = svc.change_status(world["db"], visit_id=v.id, version=v.version, status=VisitStatus.PLANNED)
    v = svc.change_status(
        world["db"], visit_id=v.id, version=v.version, status=VisitStatus.POSTPONED
    )
    v = svc.change_status(world["db"], visit_id=v.id, version=v.version, status=VisitStatus.PLANNED)
    v = svc.change_status(
        world["db"], visit_id=v.id, version=v.version, status=VisitStatus.CONFIRMED
    )
    v = svc.change_status(world["db"], visit_id=v.id, version=v.version, status=VisitStatus.HELD)
    assert v.status is VisitStatus.HELD
    with pytest.raises(ValidationError) as info:
        svc.change_status(world["db"], visit_id=v.id, version=v.version, status=VisitStatus.PLANNED)
    assert "status" in info.value.errors
    with pytest.raises(ValidationError):
        svc.save_visit(world["db"], visit=replace(v, status=VisitStatus.CANCELLED))
    assert svc.get_visit(world["db"], v.id).status is VisitStatus.HELD


def test_new_visit_may_be_entered_as_held(world) -> None:
    held = save(world, status=VisitStatus.HELD, outcome="امضای تفاهم‌نامه")
    assert held.status is VisitStatus.HELD


# --- archive ---------------------------------------------------------------------------


def test_archive_and_restore(world) -> None:
    db = world["db"]
    v = save(world)
    svc.archive_visit(db, visit_id=v.id, version=v.version)
    assert svc.list_visits(db) == [] and svc.count_visits(db) == 0
    assert svc.visits_between(db, start=SATURDAY, end=FRIDAY) == []
    archived = svc.list_visits(db, filters=VisitFilter(archived_only=True))
    assert [a.id for a in archived] == [v.id] and archived[0].archived
    assert svc.count_visits(db, filters=VisitFilter(include_archived=True)) == 1
    detail = svc.get_visit(db, v.id)
    assert detail.archived
    with pytest.raises(KnownError):
        svc.save_visit(db, visit=replace(detail, title="x"))
    svc.restore_visit(db, visit_id=v.id, version=detail.version)
    assert [s.id for s in svc.list_visits(db)] == [v.id]
    assert not svc.get_visit(db, v.id).archived


# --- conflicts -------------------------------------------------------------------------


def test_same_host_overlapping_is_a_conflict(world) -> None:
    w = world
    first = save(w)
    clash = base_visit(
        w,
        title="دیدار سفیر ایتالیا",
        guests=(GuestEntry(w["it_amb"]),),
        venue="هتل",
        start_at=at(SUNDAY, 11),
        end_at=at(SUNDAY, 13),
    )
    conflicts = svc.find_conflicts(w["db"], visit=clash)
    assert [c.kind for c in conflicts] == [ConflictKind.HOST]
    assert conflicts[0].other_visit_id == first.id and conflicts[0].person_id == w["governor"]
    assert first.title in conflicts[0].description_fa
    with pytest.raises(ConflictsFound) as info:
        svc.save_visit(w["db"], visit=clash)
    assert info.value.conflicts == conflicts
    assert raw_count(w["db"], "visit") == 1
    saved = svc.save_visit(w["db"], visit=clash, conflict_reason="استاندار فقط بخش دوم حضور دارد")
    assert saved.conflict_reason == "استاندار فقط بخش دوم حضور دارد"


def test_touching_visits_do_not_conflict(world) -> None:
    w = world
    save(w)
    later = base_visit(
        w, guests=(GuestEntry(w["it_amb"]),), start_at=at(SUNDAY, 12), end_at=at(SUNDAY, 13)
    )
    assert svc.find_conflicts(w["db"], visit=later) == []


def test_same_guest_and_same_venue_conflict(world) -> None:
    w = world
    save(w)
    guest_clash = base_visit(
        w,
        hosts=(w["deputy"],),
        venue="اتاق بازرگانی",
        start_at=at(SUNDAY, 11),
        end_at=at(SUNDAY, 14),
    )
    assert [c.kind for c in svc.find_conflicts(w["db"], visit=guest_clash)] == [ConflictKind.GUEST]
    # Same venue spelt with Arabic Yeh, a ZWNJ and extra spaces is still the same venue.
    venue_clash = base_visit(
        w,
        hosts=(w["deputy"],),
        guests=(GuestEntry(w["it_amb"]),),
        venue="سالن  اجتماعات\u200cاستانداري",
        start_at=at(SUNDAY, 9),
        end_at=at(SUNDAY, 10, 30),
    )
    found = svc.find_conflicts(w["db"], visit=venue_clash)
    assert [c.kind for c in found] == [ConflictKind.VENUE]


def test_a_guest_booked_as_host_elsewhere_is_seen(world) -> None:
    w = world
    save(w)  # governor hosts
    odd = base_visit(
        w,
        hosts=(w["deputy"],),
        guests=(GuestEntry(w["governor"]),),
        venue="",
        start_at=at(SUNDAY, 11),
        end_at=at(SUNDAY, 12),
    )
    found = svc.find_conflicts(w["db"], visit=odd)
    assert [c.kind for c in found] == [ConflictKind.GUEST]
    assert "میزبان" in found[0].description_fa


def test_cancelled_archived_and_self_do_not_conflict(world) -> None:
    w = world
    first = save(w)
    # Saving the same visit again does not clash with itself.
    assert svc.find_conflicts(w["db"], visit=first) == []
    svc.save_visit(w["db"], visit=replace(first, title="ویرایش"))
    second = save(w, title="دیدار دوم", start_at=at(MONDAY, 10), end_at=at(MONDAY, 12))
    svc.change_status(
        w["db"], visit_id=second.id, version=second.version, status=VisitStatus.CANCELLED
    )
    third = save(w, title="دیدار سوم", start_at=at(SATURDAY, 10), end_at=at(SATURDAY, 12))
    svc.archive_visit(w["db"], visit_id=third.id, version=third.version)
    for day in (MONDAY, SATURDAY):
        probe = base_visit(w, start_at=at(day, 11), end_at=at(day, 13))
        assert svc.find_conflicts(w["db"], visit=probe) == []


def test_friday_and_holiday_conflicts(world) -> None:
    w = world
    friday = base_visit(w, start_at=at(FRIDAY, 10), end_at=at(FRIDAY, 12))
    found = svc.find_conflicts(w["db"], visit=friday)
    assert [c.kind for c in found] == [ConflictKind.OFF_DAY]
    assert found[0].day == FRIDAY and found[0].other_visit_id is None
    with pytest.raises(ConflictsFound):
        svc.save_visit(w["db"], visit=friday)
    nowruz = from_jalali(1405, 1, 2)
    holiday = svc.find_conflicts(
        w["db"], visit=base_visit(w, start_at=at(nowruz, 10), end_at=at(nowruz, 11))
    )
    assert len(holiday) == 1 and "نوروز" in holiday[0].description_fa
    saved = svc.save_visit(w["db"], visit=friday, conflict_reason="به درخواست سفارت")
    assert saved.conflict_reason == "به درخواست سفارت"
    # Moved to a working day: the stored reason is cleared.
    moved = svc.save_visit(
        w["db"], visit=replace(saved, start_at=at(SUNDAY, 10), end_at=at(SUNDAY, 12))
    )
    assert moved.conflict_reason == ""


def test_blank_reason_does_not_override_conflicts(world) -> None:
    friday = base_visit(world, start_at=at(FRIDAY, 10), end_at=at(FRIDAY, 12))
    with pytest.raises(ConflictsFound):
        svc.save_visit(world["db"], visit=friday, conflict_reason="   ")


# --- lists and filters -----------------------------------------------------------------


@pytest.fixture
def agenda(world):
    """Six visits over two weeks in two countries, with varied statuses and spellings."""
    w = world
    db = w["db"]
    specs = [
        ("دیدار سفیر ژاپن", w["jp_amb"], SATURDAY, VisitStatus.PLANNED, "نمایشگاه صنایع‌دستی"),
        ("نشست رایزن اقتصادی", w["jp_counsellor"], SUNDAY, VisitStatus.CONFIRMED, "سرمایه گذاری"),
        ("بازدید سفیر ایتالیا", w["it_amb"], MONDAY, VisitStatus.REQUESTED, "همکاری فرهنگی"),
        ("دیدار کنسول", w["it_consul"], MONDAY + timedelta(days=7), VisitStatus.HELD, "گردشگری"),
        ("بازدید دوم", w["it_amb"], SUNDAY + timedelta(days=7), VisitStatus.CANCELLED, "کشاورزی"),
        ("دیدار قدیمی", w["jp_amb"], SUNDAY - timedelta(days=28), VisitStatus.HELD, "یادبود"),
    ]
    ids = {}
    for i, (title, guest, day, status, purpose) in enumerate(specs):
        v = svc.save_visit(
            db,
            visit=VisitInput(
                title=title,
                purpose=purpose,
                status=status,
                guests=(GuestEntry(guest),),
                hosts=(w["governor"],),
                start_at=at(day, 8 + i),
                end_at=at(day, 9 + i),
            ),
        )
        ids[title] = v.id
    return ids


def titles(rows) -> list[str]:
    return [r.title for r in rows]


def test_default_list_is_by_start_and_has_names(world, agenda) -> None:
    rows = svc.list_visits(world["db"])
    assert titles(rows)[0] == "دیدار قدیمی" and len(rows) == 6
    first = rows[1]
    assert first.guest_names() == "کازوتوشی آیکاوا" and first.host_names() == "استاندار قزوین"
    assert first.country_name_fa == "ژاپن" and first.country_name("en") == "Japan"
    assert [r.start_at for r in rows] == sorted(r.start_at for r in rows)


def test_filter_by_country_and_status(world, agenda) -> None:
    db = world["db"]
    italy = VisitFilter(country_id=world["italy"])
    assert set(titles(svc.list_visits(db, filters=italy))) == {
        "بازدید سفیر ایتالیا",
        "دیدار کنسول",
        "بازدید دوم",
    }
    assert svc.count_visits(db, filters=italy) == 3
    held = VisitFilter(status=VisitStatus.HELD)
    assert set(titles(svc.list_visits(db, filters=held))) == {"دیدار کنسول", "دیدار قدیمی"}
    both = VisitFilter(country_id=world["japan"], status=VisitStatus.HELD)
    assert titles(svc.list_visits(db, filters=both)) == ["دیدار قدیمی"]


def test_filter_by_date_range(world, agenda) -> None:
    db = world["db"]
    week = VisitFilter(date_from=SATURDAY, date_to=FRIDAY)
    assert titles(svc.list_visits(db, filters=week)) == [
        "دیدار سفیر ژاپن",
        "نشست رایزن اقتصادی",
        "بازدید سفیر ایتالیا",
    ]
    assert svc.count_visits(db, filters=VisitFilter(date_from=FRIDAY)) == 2
    assert svc.count_visits(db, filters=VisitFilter(date_to=SATURDAY)) == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ژاپن", {"دیدار سفیر ژاپن", "نشست رایزن اقتصادی", "دیدار قدیمی"}),  # country name
        ("سفير", {"دیدار سفیر ژاپن", "بازدید سفیر ایتالیا", "بازدید دوم"}),  # Arabic Yeh + guest
        ("صنايع دستي", {"دیدار سفیر ژاپن"}),  # Arabic Yeh, space for ZWNJ
        ("سرمایه‌گذاری", {"نشست رایزن اقتصادی"}),  # ZWNJ for a space
        ("ایتا", {"بازدید سفیر ایتالیا", "دیدار کنسول", "بازدید دوم"}),  # partial word
        ("aikawa", {"دیدار سفیر ژاپن", "دیدار قدیمی"}),  # English name of the guest
        ("كنسول گردشگری", {"دیدار کنسول"}),  # Arabic Kaf, two words ANDed
        ("Italy", {"بازدید سفیر ایتالیا", "دیدار کنسول", "بازدید دوم"}),
        ("ناموجود", set()),
    ],
)
def test_free_text_filter_ignores_spelling_variants(world, agenda, text, expected) -> None:
    rows = svc.list_visits(world["db"], filters=VisitFilter(text=text))
    assert set(titles(rows)) == expected
    assert svc.count_visits(world["db"], filters=VisitFilter(text=text)) == len(expected)


def test_renamed_contact_is_found_by_new_name(world, agenda) -> None:
    from qazvin_diplomacy.services.directory import get_person

    db = world["db"]
    person = get_person(db, world["it_consul"])
    save_person(db, person=replace(person, name_fa="جوزپه روسی"))
    assert titles(svc.list_visits(db, filters=VisitFilter(text="روسی"))) == ["دیدار کنسول"]


def test_sorting_and_pagination(world, agenda) -> None:
    db = world["db"]
    everything = svc.list_visits(db, sort="title")
    assert titles(everything) == sorted(titles(everything))
    pages = [svc.list_visits(db, sort="title", offset=o, limit=4) for o in (0, 4)]
    assert [len(p) for p in pages] == [4, 2]
    assert titles(pages[0] + pages[1]) == titles(everything)
    desc = svc.list_visits(db, sort="start", descending=True)
    assert titles(desc) == list(reversed(titles(svc.list_visits(db))))
    by_status = svc.list_visits(db, sort="status")
    orders = [r.status.order for r in by_status]
    assert orders == sorted(orders)
    by_country = svc.list_visits(db, sort="country")
    assert [r.country_name_fa for r in by_country] == sorted(r.country_name_fa for r in by_country)
    assert svc.list_visits(db, offset=100) == []
    with pytest.raises(ValueError):
        svc.list_visits(db, sort="nonsense")


@pytest.mark.parametrize("sort", ["status", "country", "start", "title", "venue", "end"])
@pytest.mark.parametrize("descending", [False, True])
def test_pages_concatenate_to_the_full_list(world, agenda, sort, descending) -> None:
    db = world["db"]
    # One more visit without a country (a delegation only), and one more held visit.
    save(
        world,
        guests=(),
        delegation_name="هیئت بی‌کشور",
        start_at=at(SATURDAY, 7),
        end_at=at(SATURDAY, 8),
        venue="",
    )
    save(world, status=VisitStatus.HELD, start_at=at(SATURDAY, 18), end_at=at(SATURDAY, 19))
    full = svc.list_visits(db, sort=sort, descending=descending)
    assert len(full) == 8
    paged = [
        r
        for o in range(0, 8, 3)
        for r in svc.list_visits(db, sort=sort, descending=descending, offset=o, limit=3)
    ]
    assert [r.id for r in paged] == [r.id for r in full]
    if sort in ("status", "country"):
        key = (lambda r: r.status.order) if sort == "status" else (lambda r: r.country_name_fa)
        groups = [key(r) for r in full]
        assert groups == sorted(groups, reverse=descending)
        for a, b in zip(full, full[1:], strict=False):
            if key(a) == key(b):  # same group: by start
                assert (a.start_at >= b.start_at) if descending else (a.start_at <= b.start_at)
    filtered = svc.list_visits(
        db,
        sort=sort,
        descending=descending,
        filters=VisitFilter(country_id=world["italy"]),
        limit=2,
    )
    assert len(filtered) == 2 and all(r.country_id == world["italy"] for r in filtered)


def test_visits_between_and_dashboard(world, agenda) -> None:
    db = world["db"]
    week = svc.visits_between(db, start=SATURDAY, end=FRIDAY)
    assert titles(week) == ["دیدار سفیر ژاپن", "نشست رایزن اقتصادی", "بازدید سفیر ایتالیا"]
    assert titles(svc.visits_between(db, start=SUNDAY, end=SUNDAY)) == ["نشست رایزن اقتصادی"]
    next_week = svc.visits_between(
        db, start=SATURDAY + timedelta(days=7), end=FRIDAY + timedelta(days=7)
    )
    assert "بازدید دوم" in titles(next_week)
    cards = svc.today_and_week(db, today=SUNDAY + timedelta(days=7))
    assert cards.week_start == SATURDAY + timedelta(days=7)
    assert titles(cards.week_visits) == ["دیدار کنسول"]  # the cancelled one is left out
    assert cards.today_visits == ()
    monday = svc.today_and_week(db, today=MONDAY)
    assert titles(monday.today_visits) == ["بازدید سفیر ایتالیا"]


def test_multi_day_visit_shows_on_each_day(world) -> None:
    save(world, start_at=at(SATURDAY, 20), end_at=at(MONDAY, 9))
    for day in (SATURDAY, SUNDAY, MONDAY):
        assert len(svc.visits_between(world["db"], start=day, end=day)) == 1
    assert (
        svc.visits_between(
            world["db"], start=MONDAY + timedelta(days=1), end=MONDAY + timedelta(days=1)
        )
        == []
    )


# --- gifts -----------------------------------------------------------------------------


def test_same_gift_to_same_person_is_warned_across_visits(world) -> None:
    w = world
    db = w["db"]
    first = save(w, gifts=(GiftEntry(GiftDirection.GIVEN, "تابلو فرش ابریشمی", w["jp_amb"]),))
    assert svc.gift_warning(db, person_id=w["jp_amb"], description="کتاب") is None
    # Spelling variants of the same description are the same gift.
    message = svc.gift_warning(db, person_id=w["jp_amb"], description="تابلو فرش  ابريشمي")
    assert message is not None and first.title in message and "۱۴۰۴/۰۸/۰۴" in message
    # Another person, or the gift row itself, is not a repeat.
    assert svc.gift_warning(db, person_id=w["it_amb"], description="تابلو فرش ابریشمی") is None
    assert (
        svc.gift_warning(
            db,
            person_id=w["jp_amb"],
            description="تابلو فرش ابریشمی",
            exclude_gift_id=first.gifts[0].id,
        )
        is None
    )
    # A warning, not a refusal: the second visit saves.
    second = save(
        w,
        start_at=at(MONDAY, 10),
        end_at=at(MONDAY, 11),
        gifts=(GiftEntry(GiftDirection.GIVEN, "تابلو فرش ابریشمی", w["jp_amb"]),),
    )
    assert len(second.gifts) == 1


def test_gift_warnings_of_a_form(world) -> None:
    w = world
    db = w["db"]
    first = save(w, gifts=(GiftEntry(GiftDirection.GIVEN, "ظرف سفالی", w["jp_amb"]),))
    # Re-saving the same visit does not warn about its own gift.
    assert svc.gift_warnings(db, visit=first) == {}
    form = base_visit(
        w,
        start_at=at(MONDAY, 10),
        end_at=at(MONDAY, 11),
        gifts=(
            GiftEntry(GiftDirection.GIVEN, "ظرف سفالی", w["jp_amb"]),
            GiftEntry(GiftDirection.GIVEN, "کتاب قزوین", w["it_amb"]),
            GiftEntry(GiftDirection.GIVEN, "كتاب قزوين", w["it_amb"]),
            GiftEntry(GiftDirection.RECEIVED, "ظرف سفالی", w["jp_amb"]),
        ),
    )
    warnings = svc.gift_warnings(db, visit=form)
    assert sorted(warnings) == [0, 2]
    # Received gifts and archived visits do not count.
    svc.archive_visit(db, visit_id=first.id, version=first.version)
    assert svc.gift_warning(db, person_id=w["jp_amb"], description="ظرف سفالی") is None
