"""Seating by precedence: honour on the host's right, alternating; interpreters; overrides."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qazvin_diplomacy.core.seating import (
    InterpreterPlacement,
    SeatGuest,
    SeatingError,
    TableShape,
    TableSpec,
    assign_seats,
    honour_sequence,
)


def test_honour_sequence_alternates_right_then_left() -> None:
    # Round table of 8, host at seat 1: right is 2, left is 8.
    assert honour_sequence(8, 1) == [2, 8, 3, 7, 4, 6, 5]
    # Straight head table of 7, host in the middle (4).
    assert honour_sequence(7, 4, TableShape.STRAIGHT) == [5, 3, 6, 2, 7, 1]
    # Straight table with the host at one end: only the right side remains.
    assert honour_sequence(4, 1, TableShape.STRAIGHT) == [2, 3, 4]


def test_guests_fill_the_head_table_in_honour_order() -> None:
    tables = [TableSpec(1, 5, host_key="gov"), TableSpec(2, 4, host_key="deputy")]
    guests = [SeatGuest(k) for k in ["g1", "g2", "g3", "g4", "g5", "g6"]]
    plan = assign_seats(guests, tables)
    seat = {a.key: (a.table, a.seat) for a in plan.assignments}
    assert seat["gov"] == (1, 1) and seat["deputy"] == (2, 1)
    assert seat["g1"] == (1, 2)  # the seat of honour: host's right
    assert seat["g2"] == (1, 5)  # host's left
    assert seat["g3"] == (1, 3) and seat["g4"] == (1, 4)
    assert seat["g5"] == (2, 2) and seat["g6"] == (2, 4)
    assert plan.unseated == ()
    assert plan.table_layout(tables[0]) == [(1, "gov"), (2, "g1"), (3, "g3"), (4, "g4"), (5, "g2")]


def test_a_table_without_host_gives_its_first_seat_to_the_first_guest() -> None:
    plan = assign_seats([SeatGuest("a"), SeatGuest("b")], [TableSpec(1, 4)])
    assert plan.of("a").seat == 1 and plan.of("b").seat == 2


def test_guests_who_do_not_fit_are_reported() -> None:
    plan = assign_seats([SeatGuest(i) for i in range(5)], [TableSpec(1, 3, host_key="h")])
    assert plan.unseated == (2, 3, 4)


def test_interpreter_behind_the_principal() -> None:
    guests = [SeatGuest("amb"), SeatGuest("interp", interpreter_for="amb"), SeatGuest("other")]
    plan = assign_seats(guests, [TableSpec(1, 6, host_key="gov")])
    interp = plan.of("interp")
    assert interp.seat is None and interp.table == 1 and interp.behind_of == "amb"
    assert plan.of("other").seat == 6  # the interpreter took no seat: next guest at host's left


def test_interpreter_beside_the_principal_on_the_outward_side() -> None:
    guests = [SeatGuest("amb"), SeatGuest("interp", interpreter_for="amb"), SeatGuest("other")]
    plan = assign_seats(
        guests, [TableSpec(1, 8, host_key="gov")], interpreters=InterpreterPlacement.BESIDE
    )
    assert plan.of("amb").seat == 2
    assert plan.of("interp").seat == 3  # beside, further from the host, same side
    assert plan.of("other").seat == 8


def test_interpreter_of_an_unseated_principal_is_unseated_too() -> None:
    guests = [SeatGuest("a"), SeatGuest("b"), SeatGuest("i", interpreter_for="b")]
    plan = assign_seats(guests, [TableSpec(1, 2, host_key="h")])
    assert plan.unseated == ("b", "i")


def test_manual_placements_are_kept_and_skipped_by_the_automatic_ones() -> None:
    guests = [SeatGuest(k) for k in ["g1", "g2", "g3"]]
    plan = assign_seats(guests, [TableSpec(1, 6, host_key="gov")], manual={"g3": (1, 2)})
    assert plan.of("g3").seat == 2 and plan.of("g3").manual
    assert plan.of("g1").seat == 6 and plan.of("g2").seat == 3


def test_a_seat_given_twice_is_refused_in_persian() -> None:
    with pytest.raises(SeatingError, match="دو بار") as caught:
        assign_seats(
            [SeatGuest("a"), SeatGuest("b")], [TableSpec(1, 6)], manual={"a": (1, 3), "b": (1, 3)}
        )
    assert isinstance(caught.value, ValueError)


def test_the_hosts_seat_cannot_be_given_by_hand() -> None:
    with pytest.raises(SeatingError):
        assign_seats([SeatGuest("a")], [TableSpec(1, 6, host_key="h")], manual={"a": (1, 1)})


@pytest.mark.parametrize("manual", [{"a": (9, 1)}, {"a": (1, 7)}, {"a": (1, 0)}])
def test_unknown_tables_and_seats_are_refused(manual) -> None:
    with pytest.raises(SeatingError):
        assign_seats([SeatGuest("a")], [TableSpec(1, 6)], manual=manual)


def test_bad_tables_are_refused() -> None:
    with pytest.raises(SeatingError, match="دو بار"):
        assign_seats([], [TableSpec(1, 4), TableSpec(1, 6)])
    with pytest.raises(SeatingError):
        assign_seats([], [TableSpec(1, 4, host_seat=5)])


@given(
    n_guests=st.integers(0, 40),
    capacities=st.lists(st.integers(1, 12), min_size=1, max_size=5),
    with_hosts=st.booleans(),
    beside=st.booleans(),
    interpreters=st.sets(st.integers(1, 39), max_size=6),
)
def test_no_seat_is_ever_given_twice(
    n_guests, capacities, with_hosts, beside, interpreters
) -> None:
    tables = [
        TableSpec(
            i + 1,
            c,
            shape=TableShape.ROUND if i % 2 else TableShape.STRAIGHT,
            host_key=f"host{i}" if with_hosts else None,
        )
        for i, c in enumerate(capacities)
    ]
    guests = [
        SeatGuest(i, interpreter_for=i - 1 if i in interpreters else None) for i in range(n_guests)
    ]
    plan = assign_seats(
        guests,
        tables,
        interpreters=InterpreterPlacement.BESIDE if beside else InterpreterPlacement.BEHIND,
    )
    seats = [(a.table, a.seat) for a in plan.assignments if a.seat is not None]
    assert len(seats) == len(set(seats))
    placed = {a.key for a in plan.assignments if not a.host}
    assert placed | set(plan.unseated) == set(range(n_guests))
    assert not placed & set(plan.unseated)
    for t in tables:
        assert all(
            1 <= a.seat <= t.capacity for a in plan.assignments if a.table == t.number and a.seat
        )
