"""Pure visit rules: status workflow, validation, time spans, off days, conflicts' texts."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

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
    ItineraryEntry,
    PersonRef,
    VisitDetail,
    VisitInput,
    VisitStatus,
    VisitSummary,
    allowed_transitions,
    as_utc,
    can_transition,
    checklist_progress,
    complete_checklist,
    local_dates,
    local_days_span,
    off_day_conflicts,
    overlaps,
    person_conflict,
    transition_error,
    validate_visit,
    venue_conflict,
)

# Sunday 1404/08/04 = 26 October 2025 (a working day).
SUNDAY = from_jalali(1404, 8, 4)


def at(d: date, hour: int, minute: int = 0) -> datetime:
    return datetime(d.year, d.month, d.day, hour, minute, tzinfo=TEHRAN)


def valid(**changes: object) -> VisitInput:
    base = VisitInput(
        title="دیدار سفیر ژاپن",
        start_at=at(SUNDAY, 10),
        end_at=at(SUNDAY, 12),
        guests=(GuestEntry(1),),
    )
    return VisitInput(**{**base.__dict__, **changes})


# --- workflow --------------------------------------------------------------------------


def test_main_path_of_the_workflow_is_allowed() -> None:
    path = [VisitStatus.REQUESTED, VisitStatus.PLANNED, VisitStatus.CONFIRMED, VisitStatus.HELD]
    for old, new in zip(path, path[1:], strict=False):
        assert can_transition(old, new)


def test_postponed_returns_to_planning_and_held_only_back_to_confirmed() -> None:
    assert can_transition(VisitStatus.POSTPONED, VisitStatus.PLANNED)
    assert can_transition(VisitStatus.CONFIRMED, VisitStatus.POSTPONED)
    assert allowed_transitions(VisitStatus.HELD) == (VisitStatus.CONFIRMED,)  # the undo
    assert not can_transition(VisitStatus.HELD, VisitStatus.CANCELLED)
    assert not can_transition(VisitStatus.REQUESTED, VisitStatus.HELD)
    assert not can_transition(VisitStatus.CANCELLED, VisitStatus.HELD)


def test_staying_in_the_same_status_is_always_allowed() -> None:
    for status in VisitStatus:
        assert can_transition(status, status)
        assert transition_error(status, status) is None


def test_transition_error_is_persian_and_names_both_statuses() -> None:
    message = transition_error(VisitStatus.REQUESTED, VisitStatus.HELD)
    assert message is not None
    assert VisitStatus.REQUESTED.label_fa in message and VisitStatus.HELD.label_fa in message
    held = transition_error(VisitStatus.HELD, VisitStatus.PLANNED)
    assert held is not None and "برگزار" in held


def test_labels_use_the_office_words() -> None:
    assert VisitStatus.CONFIRMED.label_fa == "قطعی"
    assert VisitStatus.POSTPONED.label("en") == "Postponed"
    assert ChecklistItem.PRESS_PHOTOGRAPHER.label_en == "Press / photographer"
    assert ChecklistState.NOT_NEEDED.label_fa == "لازم نیست"
    assert GiftDirection.RECEIVED.label_fa == "دریافتی"
    assert [s.order for s in VisitStatus] == list(range(6))


# --- validation ------------------------------------------------------------------------


def test_a_complete_visit_is_valid() -> None:
    assert validate_visit(valid()) == {}


def test_required_fields_are_named() -> None:
    errors = validate_visit(VisitInput())
    assert set(errors) == {"title", "start_at", "end_at", "guests"}
    assert all(any("\u0600" <= ch <= "\u06ff" for ch in m) for m in errors.values())


def test_a_delegation_name_replaces_guests() -> None:
    assert validate_visit(valid(guests=(), delegation_name="هیئت تجاری استان گیلان ترکیه")) == {}
    assert "guests" in validate_visit(valid(guests=(), delegation_name="  "))


def test_end_must_be_after_start() -> None:
    assert "end_at" in validate_visit(valid(end_at=at(SUNDAY, 10)))
    assert "end_at" in validate_visit(valid(end_at=at(SUNDAY, 9)))


def test_naive_times_are_tehran_local() -> None:
    naive = datetime(2025, 10, 26, 10, 0)
    assert as_utc(naive) == datetime(2025, 10, 26, 6, 30, tzinfo=UTC)
    # Naive start and aware end are compared as the same instants.
    assert validate_visit(valid(start_at=naive, end_at=at(SUNDAY, 10, 30))) == {}


def test_duplicate_guest_and_host_who_is_also_guest_are_refused() -> None:
    assert "guests" in validate_visit(valid(guests=(GuestEntry(1), GuestEntry(1))))
    assert "hosts" in validate_visit(valid(hosts=(1,)))
    assert "hosts" in validate_visit(valid(hosts=(5, 5)))


def test_itinerary_items_must_lie_inside_the_visit() -> None:
    inside = ItineraryEntry(at(SUNDAY, 10), at(SUNDAY, 11), "خوشامدگویی")
    early = ItineraryEntry(at(SUNDAY, 9), at(SUNDAY, 10, 30), "استقبال")
    late = ItineraryEntry(at(SUNDAY, 11, 30), at(SUNDAY, 12, 30), "ناهار")
    backwards = ItineraryEntry(at(SUNDAY, 11), at(SUNDAY, 10, 30), "بازدید")
    errors = validate_visit(valid(itinerary=(inside, early, late, backwards)))
    assert "itinerary.0.start_at" not in errors and "itinerary.0.end_at" not in errors
    assert "itinerary.1.start_at" in errors
    assert "itinerary.2.end_at" in errors
    assert "itinerary.3.end_at" in errors


def test_itinerary_item_needs_activity_and_times() -> None:
    errors = validate_visit(valid(itinerary=(ItineraryEntry(None, None, " "),)))
    assert {"itinerary.0.activity", "itinerary.0.start_at", "itinerary.0.end_at"} <= set(errors)


def test_gifts_and_followups_rows_are_checked() -> None:
    errors = validate_visit(
        valid(
            gifts=(
                GiftEntry(GiftDirection.GIVEN, "تابلو فرش", person_id=None),
                GiftEntry(GiftDirection.RECEIVED, "", person_id=None),
                GiftEntry(GiftDirection.RECEIVED, "کتاب", person_id=None),
            ),
            followups=(FollowUpInput(title=""), FollowUpInput(title="ارسال نامه", status="x")),
        )
    )
    assert "gifts.0.person_id" in errors
    assert "gifts.1.description" in errors
    assert not any(k.startswith("gifts.2") for k in errors)
    assert "followups.0.title" in errors and "followups.1.status" in errors


def test_overlong_visit_is_refused() -> None:
    assert "end_at" in validate_visit(valid(end_at=at(SUNDAY, 10) + timedelta(days=90)))


def test_duplicate_checklist_items_are_refused() -> None:
    entries = (ChecklistEntry(ChecklistItem.FLAGS), ChecklistEntry(ChecklistItem.FLAGS))
    assert "checklist" in validate_visit(valid(checklist=entries))


# --- checklist -------------------------------------------------------------------------


def test_complete_checklist_fills_every_item_in_order() -> None:
    full = complete_checklist([ChecklistEntry(ChecklistItem.HOTEL, ChecklistState.DONE, "هتل")])
    assert [e.key for e in full] == list(ChecklistItem)
    assert full[5] == ChecklistEntry(ChecklistItem.HOTEL, ChecklistState.DONE, "هتل")
    assert all(e.state is ChecklistState.NOT_DONE for e in full if e.key is not ChecklistItem.HOTEL)
    assert checklist_progress(full) == (1, 8)


# --- time ------------------------------------------------------------------------------


def test_spans_are_half_open() -> None:
    a = (at(SUNDAY, 10), at(SUNDAY, 12))
    assert overlaps(*a, at(SUNDAY, 11), at(SUNDAY, 13))
    assert not overlaps(*a, at(SUNDAY, 12), at(SUNDAY, 13))
    assert overlaps(*a, at(SUNDAY, 9), at(SUNDAY, 14))


def test_local_days_span_uses_tehran_midnights() -> None:
    lower, upper = local_days_span(SUNDAY, SUNDAY)
    assert lower == datetime(2025, 10, 25, 20, 30, tzinfo=UTC)
    assert upper - lower == timedelta(days=1)


def test_local_dates_of_a_span() -> None:
    assert local_dates(at(SUNDAY, 22), at(SUNDAY + timedelta(days=1), 0)) == [SUNDAY]
    two = local_dates(at(SUNDAY, 22), at(SUNDAY + timedelta(days=1), 1))
    assert two == [SUNDAY, SUNDAY + timedelta(days=1)]
    # A UTC instant late on Saturday is already Sunday in Tehran.
    utc = datetime(2025, 10, 25, 21, 0, tzinfo=UTC)
    assert local_dates(utc, utc + timedelta(hours=1)) == [SUNDAY]


# --- off days and conflict texts -------------------------------------------------------


def test_friday_and_fixed_holidays_are_off_days() -> None:
    friday = from_jalali(1404, 8, 9)
    found = off_day_conflicts(at(friday, 10), at(friday, 11))
    assert [c.kind for c in found] == [ConflictKind.OFF_DAY]
    assert found[0].day == friday and "جمعه" in found[0].description_fa

    bahman22 = from_jalali(1404, 11, 22)
    holiday = off_day_conflicts(at(bahman22, 9), at(bahman22, 10))
    assert len(holiday) == 1 and "پیروزی انقلاب" in holiday[0].description_fa

    assert off_day_conflicts(at(SUNDAY, 10), at(SUNDAY, 12)) == []


def test_multi_day_visit_reports_each_off_day() -> None:
    thursday = from_jalali(1404, 8, 8)
    found = off_day_conflicts(at(thursday, 10), at(thursday + timedelta(days=2), 10))
    assert [c.day for c in found] == [from_jalali(1404, 8, 9)]


def test_conflict_texts_name_the_person_visit_and_time() -> None:
    person = PersonRef(3, "مهدی استاندار", "Mahdi Governor")
    c = person_conflict(
        ConflictKind.HOST,
        person,
        9,
        "دیدار سفیر ایتالیا",
        at(SUNDAY, 10),
        at(SUNDAY, 11),
        other_as_host=True,
    )
    assert c.other_visit_id == 9 and c.person_id == 3
    assert "مهدی استاندار" in c.description_fa and "میزبان" in c.description_fa
    assert "۱۴۰۴/۰۸/۰۴" in c.description_fa and "۱۰:۰۰" in c.description_fa
    assert "Mahdi Governor" in c.description_en and "1404/08/04" in c.description_en
    guest = person_conflict(
        ConflictKind.GUEST, person, 9, "x", at(SUNDAY, 10), at(SUNDAY, 11), other_as_host=False
    )
    assert "مهمان" in guest.description_fa
    v = venue_conflict("سالن اجتماعات", 4, "نشست", at(SUNDAY, 10), at(SUNDAY, 11))
    assert v.kind is ConflictKind.VENUE and "سالن اجتماعات" in v.description_fa


def test_conflicts_found_carries_the_list_and_a_persian_message() -> None:
    friday = from_jalali(1404, 8, 9)
    conflicts = off_day_conflicts(at(friday, 10), at(friday, 11))
    error = ConflictsFound(conflicts)
    assert error.conflicts == conflicts
    assert conflicts[0].description_fa in error.message
    assert "Friday" in error.message_en


# --- records ---------------------------------------------------------------------------


def test_summary_names_fall_back_to_delegation_and_other_language() -> None:
    people = (PersonRef(1, "علی", "Ali"), PersonRef(2, "", "John"))
    row = VisitSummary(1, 1, "t", at(SUNDAY, 1), at(SUNDAY, 2), VisitStatus.HELD, guests=people)
    assert row.guest_names() == "علی، John"
    assert row.guest_names("en") == "Ali, John"
    empty = VisitSummary(
        2, 1, "t", at(SUNDAY, 1), at(SUNDAY, 2), VisitStatus.HELD, delegation_name="هیئت"
    )
    assert empty.guest_names() == "هیئت" and empty.host_names() == ""


def test_detail_is_an_input_and_resolves_people() -> None:
    detail = VisitDetail(
        title="t",
        guests=(GuestEntry(2),),
        hosts=(1,),
        people=(PersonRef(1, "میزبان"), PersonRef(2, "مهمان")),
    )
    assert isinstance(detail, VisitInput)
    assert [p.name_fa for p in detail.guest_refs()] == ["مهمان"]
    assert [p.name_fa for p in detail.host_refs()] == ["میزبان"]
    assert detail.person(None) is None and not detail.archived


@pytest.mark.parametrize("status", list(VisitStatus))
def test_every_status_has_both_labels(status: VisitStatus) -> None:
    assert status.label_fa and status.label_en and status.label_fa != status.label_en
