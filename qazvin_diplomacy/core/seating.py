"""Seating plan: tables and seats by order of precedence.

Seats of a table are numbered 1…capacity, the numbers increasing towards the host's right.
The host sits at ``host_seat`` (default: seat 1 of a round table, the middle of a straight
one).  The seat of honour is on the host's right; the next guests alternate outward:
right 1, left 1, right 2, left 2 … (:func:`honour_sequence`).  Tables are filled in
order (table 1 is the head table) with guests in precedence order.

An interpreter is placed with their principal: ``behind`` (a chair behind the principal at
the same table, no seat number of their own) or ``beside`` (the next seat outward on the
principal's side, when free).  Manual placements are kept as given and are never moved;
a seat is never given twice (a clash among manual placements raises :class:`SeatingError`).
Guests who do not fit are returned in ``unseated``.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass

from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.labels import LabelledEnum
from qazvin_diplomacy.core.text import to_persian_digits

__all__ = [
    "InterpreterPlacement",
    "SeatAssignment",
    "SeatGuest",
    "SeatingError",
    "SeatingPlan",
    "TableShape",
    "TableSpec",
    "assign_seats",
    "honour_sequence",
    "validate_tables",
]

Key = Hashable


class SeatingError(KnownError, ValueError):
    """A seating request that cannot be honoured (a seat given twice, a table that does not exist)."""


class TableShape(LabelledEnum):
    """Round tables wrap around; a straight (head) table is one row with the host in the middle."""

    ROUND = "round", "میز گرد", "Round table"
    STRAIGHT = "straight", "میز ردیفی (جایگاه)", "Straight (head) table"


class InterpreterPlacement(LabelledEnum):
    """Where interpreters sit."""

    BEHIND = "behind", "پشت سر مهمان", "Behind their principal"
    BESIDE = "beside", "کنار مهمان", "Beside their principal"


@dataclass(frozen=True)
class TableSpec:
    """A table: ``number`` (1 = head table), seats, shape, host (a key or None) and host's seat."""

    number: int
    capacity: int
    shape: TableShape = TableShape.ROUND
    host_key: Key | None = None
    host_seat: int | None = None
    label: str = ""

    @property
    def host_position(self) -> int:
        """The seat the host occupies (or the reference seat when the table has no host)."""
        if self.host_seat is not None:
            return self.host_seat
        return 1 if TableShape(self.shape) is TableShape.ROUND else (self.capacity + 1) // 2


@dataclass(frozen=True)
class SeatGuest:
    """A guest to seat, in precedence order; ``interpreter_for`` is the principal's key."""

    key: Key
    interpreter_for: Key | None = None


@dataclass(frozen=True)
class SeatAssignment:
    """Where one guest sits; ``seat`` is None for an interpreter behind ``behind_of``."""

    key: Key
    table: int
    seat: int | None
    manual: bool = False
    host: bool = False
    behind_of: Key | None = None


@dataclass(frozen=True)
class SeatingPlan:
    """Every placement (hosts included), and the guests who did not fit."""

    assignments: tuple[SeatAssignment, ...]
    unseated: tuple[Key, ...] = ()

    def of(self, key: Key) -> SeatAssignment | None:
        """The placement of ``key``, if any."""
        return next((a for a in self.assignments if a.key == key), None)

    def table_layout(self, table: TableSpec) -> list[tuple[int, Key | None]]:
        """``(seat, key or None)`` for every seat of ``table`` in seat-number order (for diagrams)."""
        taken = {
            a.seat: a.key
            for a in self.assignments
            if a.table == table.number and a.seat is not None
        }
        return [(seat, taken.get(seat)) for seat in range(1, table.capacity + 1)]


def _fa(value: object) -> str:
    return to_persian_digits(value)


def honour_sequence(
    capacity: int, host_seat: int, shape: TableShape = TableShape.ROUND
) -> list[int]:
    """Seats other than the host's in order of honour: right 1, left 1, right 2, left 2 …

    Seat numbers increase to the host's right.  On a round table the two sides meet
    opposite the host; on a straight table a side ends at the table's end.
    """
    if not 1 <= host_seat <= capacity:
        raise ValueError(f"host seat {host_seat} outside 1..{capacity}")
    order: list[int] = []
    seen = {host_seat}
    distance = 1
    while len(seen) < capacity:
        for seat in (host_seat + distance, host_seat - distance):
            if TableShape(shape) is TableShape.ROUND:
                seat = (seat - 1) % capacity + 1
            elif not 1 <= seat <= capacity:
                continue
            if seat not in seen:
                seen.add(seat)
                order.append(seat)
        distance += 1
    return order


def validate_tables(tables: Sequence[TableSpec]) -> dict[str, str]:
    """Persian messages by field (``tables.<i>.<field>``) for tables that cannot be used."""
    errors: dict[str, str] = {}
    numbers: set[int] = set()
    for i, t in enumerate(tables):
        if t.number < 1:
            errors[f"tables.{i}.number"] = "شمارهٔ میز باید عددی مثبت باشد."
        elif t.number in numbers:
            errors[f"tables.{i}.number"] = f"میز شمارهٔ {_fa(t.number)} دو بار تعریف شده است."
        numbers.add(t.number)
        if not 1 <= t.capacity <= 500:
            errors[f"tables.{i}.capacity"] = "تعداد صندلی‌های میز باید بین ۱ و ۵۰۰ باشد."
        elif t.host_seat is not None and not 1 <= t.host_seat <= t.capacity:
            errors[f"tables.{i}.host_seat"] = (
                f"صندلی میزبان ({_fa(t.host_seat)}) در میز {_fa(t.number)} وجود ندارد."
            )
    return errors


def _side_neighbour(table: TableSpec, seat: int) -> int | None:
    """The seat one step further from the host on the same side as ``seat``."""
    host = table.host_position
    if TableShape(table.shape) is TableShape.ROUND:
        offset = (seat - host) % table.capacity
        right = offset <= table.capacity // 2
        nxt = seat + 1 if right else seat - 1
        return (nxt - 1) % table.capacity + 1
    nxt = seat + 1 if seat > host else seat - 1
    return nxt if 1 <= nxt <= table.capacity else None


def assign_seats(
    guests: Sequence[SeatGuest],
    tables: Sequence[TableSpec],
    *,
    manual: Mapping[Key, tuple[int, int | None]] | None = None,
    interpreters: InterpreterPlacement = InterpreterPlacement.BEHIND,
) -> SeatingPlan:
    """Seat ``guests`` (in precedence order) at ``tables`` (see the module doc).

    ``manual`` maps a guest key to ``(table, seat)`` placed by hand (seat None: behind the
    principal, for an interpreter).  Raises :class:`SeatingError` (Persian) for a manual
    seat given twice, on a host's seat, at an unknown table or outside the table.
    """
    errors = validate_tables(tables)
    if errors:
        raise SeatingError("؛ ".join(errors.values()), "Invalid tables.")
    by_number = {t.number: t for t in sorted(tables, key=lambda t: t.number)}
    manual = dict(manual or {})
    taken: dict[tuple[int, int], Key] = {}
    assignments: dict[Key, SeatAssignment] = {}

    for t in by_number.values():
        if t.host_key is not None:
            taken[(t.number, t.host_position)] = t.host_key
            assignments[t.host_key] = SeatAssignment(
                t.host_key, t.number, t.host_position, manual=False, host=True
            )
    principal_of = {g.key: g.interpreter_for for g in guests if g.interpreter_for is not None}
    for key, (table_no, seat) in manual.items():
        if key in assignments and assignments[key].host:
            continue  # a host sits at the host's seat
        table = by_number.get(table_no)
        if table is None:
            raise SeatingError(
                f"میز شمارهٔ {_fa(table_no)} در چیدمان این رویداد وجود ندارد.",
                f"Table {table_no} does not exist.",
            )
        if seat is None:
            assignments[key] = SeatAssignment(
                key, table_no, None, manual=True, behind_of=principal_of.get(key)
            )
            continue
        if not 1 <= seat <= table.capacity:
            raise SeatingError(
                f"میز {_fa(table_no)} صندلی شمارهٔ {_fa(seat)} ندارد (۱ تا {_fa(table.capacity)}).",
                f"Table {table_no} has no seat {seat}.",
            )
        if (table_no, seat) in taken:
            raise SeatingError(
                f"صندلی {_fa(seat)} میز {_fa(table_no)} دو بار داده شده است.",
                f"Seat {seat} of table {table_no} is given twice.",
            )
        taken[(table_no, seat)] = key
        assignments[key] = SeatAssignment(key, table_no, seat, manual=True)

    sequences = {
        n: ([] if t.host_key is not None else [t.host_position])
        + honour_sequence(t.capacity, t.host_position, t.shape)
        for n, t in by_number.items()
    }
    guest_keys = {g.key for g in guests}
    interpreters_of: dict[Key, list[Key]] = {}
    for g in guests:
        if g.interpreter_for is not None and g.interpreter_for in guest_keys:
            interpreters_of.setdefault(g.interpreter_for, []).append(g.key)
    unseated: list[Key] = []

    def place_interpreters(principal_key: Key) -> None:
        principal = assignments[principal_key]
        for key in interpreters_of.get(principal_key, []):
            if key in assignments:
                continue
            if principal.seat is None or (
                InterpreterPlacement(interpreters) is InterpreterPlacement.BEHIND
            ):
                assignments[key] = SeatAssignment(
                    key, principal.table, None, behind_of=principal_key
                )
                continue
            table = by_number[principal.table]
            candidates = [
                s
                for s in (
                    _side_neighbour(table, principal.seat),
                    _other_neighbour(table, principal.seat),
                )
                if s is not None
            ]
            spot = next(
                ((table.number, s) for s in candidates if (table.number, s) not in taken), None
            )
            if spot is None:
                # No free neighbour: behind the principal rather than far away.
                assignments[key] = SeatAssignment(
                    key, principal.table, None, behind_of=principal_key
                )
                continue
            taken[spot] = key
            assignments[key] = SeatAssignment(key, spot[0], spot[1])

    for key in list(assignments):
        place_interpreters(key)
    for g in guests:
        if g.key in assignments:
            continue
        if g.interpreter_for is not None and g.interpreter_for in guest_keys:
            continue  # placed with the principal
        spot = _first_free(by_number, sequences, taken)
        if spot is None:
            unseated.append(g.key)
            continue
        taken[spot] = g.key
        assignments[g.key] = SeatAssignment(g.key, spot[0], spot[1])
        place_interpreters(g.key)
    # Interpreters whose principal could not be seated.
    for g in guests:
        if g.key not in assignments and g.key not in unseated:
            if g.interpreter_for in unseated:
                unseated.append(g.key)
                continue
            spot = _first_free(by_number, sequences, taken)
            if spot is None:
                unseated.append(g.key)
            else:
                taken[spot] = g.key
                assignments[g.key] = SeatAssignment(g.key, spot[0], spot[1])

    order = {g.key: i for i, g in enumerate(guests)}
    ordered = sorted(
        assignments.values(),
        key=lambda a: (a.table, a.seat is None, a.seat or 0, order.get(a.key, -1)),
    )
    return SeatingPlan(tuple(ordered), tuple(unseated))


def _other_neighbour(table: TableSpec, seat: int) -> int | None:
    """The seat one step closer to the host (the principal's other side), unless it is the host's."""
    beside = _side_neighbour(table, seat)
    for nxt in (seat - 1, seat + 1):
        if TableShape(table.shape) is TableShape.ROUND:
            nxt = (nxt - 1) % table.capacity + 1
        elif not 1 <= nxt <= table.capacity:
            continue
        if nxt != beside and nxt != table.host_position:
            return nxt
    return None


def _first_free(
    tables: Mapping[int, TableSpec],
    sequences: Mapping[int, list[int]],
    taken: Mapping[tuple[int, int], Key],
) -> tuple[int, int] | None:
    for number in tables:
        for seat in sequences[number]:
            if (number, seat) not in taken:
                return number, seat
    return None
