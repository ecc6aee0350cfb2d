"""Trade delegation rules: dates, destination, region within its country, members, status."""

from __future__ import annotations

from datetime import date

import pytest

from qazvin_diplomacy.core.delegations import (
    DelegationInput,
    DelegationMember,
    DelegationStatus,
    status_moves,
    validate_delegation,
)
from qazvin_diplomacy.core.errors import ValidationError

OK = DelegationInput(
    title="اعزام تیم تجاری به تاجیکستان",
    country_id=7,
    start_date=date(2025, 10, 4),
    end_date=date(2025, 10, 8),
)


def _refused(d: DelegationInput, region_country_id: int | None = None) -> dict[str, str]:
    with pytest.raises(ValidationError) as refused:
        validate_delegation(d, region_country_id)
    return refused.value.errors


def test_a_complete_delegation_passes() -> None:
    validate_delegation(OK)
    validate_delegation(OK.__class__(**{**OK.__dict__, "end_date": OK.start_date}))


def test_the_end_may_not_come_before_the_start() -> None:
    errors = _refused(DelegationInput(**{**OK.__dict__, "end_date": date(2025, 10, 3)}))
    assert set(errors) == {"end_date"}


def test_a_destination_is_required_and_named_by_direction() -> None:
    outgoing = _refused(DelegationInput(**{**OK.__dict__, "country_id": None}))
    incoming = _refused(
        DelegationInput(**{**OK.__dict__, "country_id": None, "direction": "incoming"})
    )
    assert "مقصد" in outgoing["country_id"] and "مبدأ" in incoming["country_id"]


def test_a_region_must_belong_to_the_chosen_country() -> None:
    with_region = DelegationInput(**{**OK.__dict__, "region_id": 3})
    assert set(_refused(with_region, region_country_id=9)) == {"region_id"}
    validate_delegation(with_region, region_country_id=7)


def test_members_need_a_name_known_roles_and_no_person_twice() -> None:
    blank = DelegationInput(**{**OK.__dict__, "members": (DelegationMember(name_text="  "),)})
    assert set(_refused(blank)) == {"members"}
    bad_role = DelegationInput(
        **{**OK.__dict__, "members": (DelegationMember(name_text="x", role="captain"),)}
    )
    assert set(_refused(bad_role)) == {"members"}
    twice = DelegationInput(
        **{**OK.__dict__, "members": (DelegationMember(person_id=1), DelegationMember(person_id=1))}
    )
    assert set(_refused(twice)) == {"members"}


def test_title_dates_direction_and_status_are_checked() -> None:
    errors = _refused(
        DelegationInput(title=" ", direction="sideways", country_id=1, status="flying")
    )
    assert set(errors) == {"title", "direction", "start_date", "end_date", "status"}


def test_status_moves_follow_the_visits_and_held_waits_for_the_trip() -> None:
    today = date(2025, 10, 1)
    moves = {
        m.status: m for m in status_moves(DelegationStatus.CONFIRMED, date(2025, 10, 4), today)
    }
    assert not moves[DelegationStatus.HELD].allowed and moves[DelegationStatus.HELD].why_fa
    assert moves[DelegationStatus.POSTPONED].allowed
    assert not moves[DelegationStatus.REQUESTED].allowed  # confirmed → requested is not a move
    begun = {m.status: m for m in status_moves(DelegationStatus.CONFIRMED, today, today)}
    assert begun[DelegationStatus.HELD].allowed
