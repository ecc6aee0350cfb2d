"""Seating: tables, seats and the automatic seating of guests by precedence."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypedDict, Unpack

from sqlalchemy import select
from sqlalchemy.orm import Session

from qazvin_diplomacy.core.errors import ValidationError
from qazvin_diplomacy.core.events import GuestView, Rsvp, SeatingView, SeatView, TableView
from qazvin_diplomacy.core.seating import (
    InterpreterPlacement,
    SeatGuest,
    SeatingError,
    TableShape,
    TableSpec,
    assign_seats,
    validate_tables,
)
from qazvin_diplomacy.core.text import normalize
from qazvin_diplomacy.services.events.guests import (
    _guest_row,
    _guests,
    _one_guest,
    _precedence_list,
)
from qazvin_diplomacy.services.events.records import WHAT_GUEST, _fa, _load, _load_open, _table_spec
from qazvin_diplomacy.services.records import check_version, write
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.storage.directory import Person
from qazvin_diplomacy.storage.events import Event, EventGuest, EventTable


def _seat_taken_message(session: Session, table_no: int, seat_no: int, holder: int | None) -> str:
    name = ""
    if holder is not None:
        name = session.scalar(select(Person.name_fa).where(Person.id == holder)) or ""
    text = f"صندلی {_fa(seat_no)} میز {_fa(table_no)} قبلاً"
    return text + (f" به «{name}» داده شده است." if name else " داده شده است.")


def _seating_view(session: Session, event: Event) -> SeatingView:
    guests = _guests(session, event.id)
    hosts = {
        pid: (fa, en)
        for pid, fa, en in session.execute(
            select(Person.id, Person.name_fa, Person.name_en).where(
                Person.id.in_([t.host_person_id for t in event.tables if t.host_person_id])
            )
        )
    }
    tables = []
    placed: set[int] = set()
    for t in event.tables:
        spec = _table_spec(t)
        at_table = {g.seat_no: g for g in guests if g.table_no == t.number and g.seat_no}
        seats = []
        for seat in range(1, t.capacity + 1):
            guest = at_table.get(seat)
            is_host = t.host_person_id is not None and seat == spec.host_position
            host_names = hosts.get(t.host_person_id or 0, ("", ""))
            seats.append(
                SeatView(
                    seat=seat,
                    guest=guest,
                    host_person_id=t.host_person_id if is_host else None,
                    host_name_fa=host_names[0] if is_host else "",
                    host_name_en=host_names[1] if is_host else "",
                )
            )
            if guest is not None:
                placed.add(guest.id or 0)
        behind = tuple(g for g in guests if g.table_no == t.number and g.seat_behind)
        placed.update(g.id or 0 for g in behind)
        tables.append(TableView(spec=spec, seats=tuple(seats), behind=behind))
    unseated = tuple(g for g in guests if (g.id or 0) not in placed and g.rsvp is Rsvp.YES)
    return SeatingView(event_id=event.id, tables=tuple(tables), unseated=unseated)


def get_seating(db: Database, *, event_id: int) -> SeatingView:
    """The saved plan: every table with every seat, who sits behind whom, and yes-guests unseated."""
    with db.read_session() as session:
        return _seating_view(session, _load(session, event_id))


def _write_tables(session: Session, event: Event, tables: Sequence[TableSpec]) -> None:
    errors = validate_tables(tables)
    if errors:
        raise ValidationError(errors)
    hosts = [t.host_key for t in tables if t.host_key is not None]
    if len(hosts) != len(set(hosts)):
        raise ValidationError({"tables": "یک نفر میزبان دو میز شده است."})
    if hosts:
        known = set(session.scalars(select(Person.id).where(Person.id.in_(hosts))))
        if set(hosts) - known:
            raise ValidationError({"tables": "میزبان انتخاب‌شده در فهرست مخاطبان پیدا نشد."})
    # Delete the old tables first: the unit of work would insert the new rows before deleting
    # the orphans and trip the unique (event, number) constraint.
    event.tables.clear()
    session.flush()
    event.tables = [
        EventTable(
            number=t.number,
            capacity=t.capacity,
            shape=TableShape(t.shape).value,
            host_person_id=t.host_key,  # type: ignore[arg-type]
            host_seat=t.host_seat,
            label=normalize(t.label),
        )
        for t in sorted(tables, key=lambda t: t.number)
    ]
    session.flush()


class SeatingChoices(TypedDict, total=False):
    """What ``save_seating`` and ``seat_guests_in`` take besides the event (see there); a
    choice not given keeps its default."""

    tables: Sequence[TableSpec] | None
    manual: Mapping[int, tuple[int, int | None]] | None
    interpreters: InterpreterPlacement
    include_no_reply: bool
    rank_table: Mapping[str, int] | None


def save_seating(db: Database, *, event_id: int, **choices: Unpack[SeatingChoices]) -> SeatingView:
    """Compute and save the seating plan by precedence; manual placements are kept.

    ``tables`` replaces the event's tables (``host_key`` = a person id); None keeps them.
    ``manual`` maps person ids to ``(table, seat)`` placed by hand (seat None: behind the
    principal); these and the manual seats already saved are kept, every other seat is
    recomputed.  Seated: guests who said yes (and unanswered ones with
    ``include_no_reply``).  A seat given twice raises ``ValidationError`` on "seat";
    nothing is saved then.
    """
    with write(db) as session:
        return seat_guests_in(session, event_id=event_id, **choices)


def seat_guests_in(
    session: Session,
    *,
    event_id: int,
    tables: Sequence[TableSpec] | None = None,
    manual: Mapping[int, tuple[int, int | None]] | None = None,
    interpreters: InterpreterPlacement = InterpreterPlacement.BEHIND,
    include_no_reply: bool = False,
    rank_table: Mapping[str, int] | None = None,
) -> SeatingView:
    """``save_seating`` inside an open transaction (for bulk loaders such as the demo)."""
    event = _load_open(session, event_id)
    if tables is not None:
        _write_tables(session, event, tables)
    specs = [_table_spec(t) for t in event.tables]
    if not specs:
        raise ValidationError({"tables": "ابتدا میزها را تعریف کنید."})
    rows = {
        g.person_id: g
        for g in session.scalars(select(EventGuest).where(EventGuest.event_id == event_id))
    }
    wanted_manual: dict[int, tuple[int, int | None]] = {
        g.person_id: (g.table_no, None if g.seat_behind else g.seat_no)  # type: ignore[misc]
        for g in rows.values()
        if g.seat_manual and g.table_no is not None
    }
    for pid, spot in (manual or {}).items():
        if pid not in rows:
            raise ValidationError({"seat": "فقط مهمانان همین رویداد را می‌توان جای داد."})
        wanted_manual[pid] = spot
    replies = [Rsvp.YES.value] + ([Rsvp.NO_REPLY.value] if include_no_reply else [])
    listed = _precedence_list(session, event_id, rank_table, EventGuest.rsvp.in_(replies))
    seat_guests = [
        SeatGuest(g.person_id, interpreter_for=g.interpreter_for_person_id) for g in listed.guests
    ]
    try:
        plan = assign_seats(seat_guests, specs, manual=wanted_manual, interpreters=interpreters)
    except SeatingError as exc:
        raise ValidationError({"seat": exc.message}, exc.message_en) from exc
    for g in rows.values():
        g.table_no = None
        g.seat_no = None
        g.seat_behind = False
        g.seat_manual = False
    session.flush()  # free every seat before giving them again
    for a in plan.assignments:
        row = rows.get(a.key)  # type: ignore[arg-type]
        if row is None:
            continue  # a host who is not a guest
        if a.host:
            row.table_no, row.seat_no = a.table, a.seat
            continue
        row.table_no = a.table
        row.seat_no = a.seat
        row.seat_behind = a.seat is None
        row.seat_manual = a.manual
    session.flush()
    session.expire(event)
    return _seating_view(session, _load(session, event_id))


def set_seat(
    db: Database, *, guest_id: int, table_no: int, seat_no: int | None, version: int | None = None
) -> GuestView:
    """Place one guest by hand (kept when the plan is recomputed); seat None: behind the principal.

    A seat already given (to a guest or to the table's host) raises ``ValidationError`` on
    "seat" naming who has it.
    """
    with write(db) as session:
        row = _guest_row(session, guest_id)
        check_version(row, version, WHAT_GUEST)
        event = _load_open(session, row.event_id)
        table = next((t for t in event.tables if t.number == table_no), None)
        if table is None:
            raise ValidationError(
                {"seat": f"میز شمارهٔ {_fa(table_no)} در این رویداد تعریف نشده است."}
            )
        if seat_no is not None:
            if not 1 <= seat_no <= table.capacity:
                raise ValidationError(
                    {"seat": f"میز {_fa(table_no)} صندلی شمارهٔ {_fa(seat_no)} ندارد."}
                )
            spec = _table_spec(table)
            if table.host_person_id is not None and seat_no == spec.host_position:
                if table.host_person_id != row.person_id:
                    raise ValidationError(
                        {
                            "seat": _seat_taken_message(
                                session, table_no, seat_no, table.host_person_id
                            )
                        }
                    )
            holder = session.scalar(
                select(EventGuest.person_id).where(
                    EventGuest.event_id == row.event_id,
                    EventGuest.table_no == table_no,
                    EventGuest.seat_no == seat_no,
                    EventGuest.id != row.id,
                )
            )
            if holder is not None:
                raise ValidationError(
                    {"seat": _seat_taken_message(session, table_no, seat_no, holder)}
                )
        row.table_no = table_no
        row.seat_no = seat_no
        row.seat_behind = seat_no is None
        row.seat_manual = True
        session.flush()
        return _one_guest(session, guest_id)


def clear_seat(db: Database, *, guest_id: int) -> GuestView:
    """Take a guest off the plan (a manual placement is forgotten too)."""
    with write(db) as session:
        row = _guest_row(session, guest_id)
        row.table_no = None
        row.seat_no = None
        row.seat_behind = False
        row.seat_manual = False
        session.flush()
        return _one_guest(session, guest_id)
