"""Events use-cases: events, invitations, replies, check-in, precedence, seating, next year's copy.

Every public function takes the ``Database`` first and keyword-only arguments, runs one
transaction and returns core objects (``core.events``), never ORM rows.  Event dates are
Tehran local dates; ``checked_in_at`` comes back timezone-aware in Tehran time.

Precedence (``core.precedence``) reads ``Person.diplomatic_rank`` and
``Person.functions_started_at`` of each guest; the other guests follow the office's stored
rank table (``services.rank_table``; the built-in default until one is saved).  Every
``rank_table`` argument left at None means that stored table; a mapping overrides it.  A manual precedence order
is stored per guest (``manual_precedence``) and kept until cleared.

Check-in search matches each typed word (Persian or Latin script, spelling variants ignored)
against the guests' directory ``search_key`` (names, titles, e-mail): a 500-guest event is
searched in about a millisecond.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Select, case, func, select, update
from sqlalchemy.orm import Session, selectinload

from qazvin_diplomacy.core.clock import to_local, today_local
from qazvin_diplomacy.core.directory import DiplomaticRank
from qazvin_diplomacy.core.errors import KnownError, NotFoundError, ValidationError
from qazvin_diplomacy.core.events import (
    Badge,
    CountryAttendance,
    EventDashboard,
    EventDates,
    EventDetail,
    EventFilter,
    EventInput,
    EventKind,
    EventReportData,
    EventStatus,
    EventSummary,
    EventSummaryReport,
    GuestInput,
    GuestList,
    GuestView,
    InvitationChannel,
    InvitationLetter,
    InviteCriteria,
    InviteResult,
    PlaceCard,
    ProgrammeEntry,
    ReplyCounts,
    Rsvp,
    SeatingView,
    SeatView,
    SkippedPerson,
    TableView,
    held_too_early,
    transition_error,
    validate_event,
    validate_guest,
)
from qazvin_diplomacy.core.jalali import format_gregorian, format_jalali, format_time, to_jalali
from qazvin_diplomacy.core.precedence import (
    PrecedenceCandidate,
    PrecedenceResult,
    order_of_precedence,
    rank_key_label,
)
from qazvin_diplomacy.core.recurrence import (
    RecurrenceError,
    RecurrenceKind,
    RecurrenceRule,
    occurrence_after,
)
from qazvin_diplomacy.core.seating import (
    InterpreterPlacement,
    SeatGuest,
    SeatingError,
    TableShape,
    TableSpec,
    assign_seats,
    validate_tables,
)
from qazvin_diplomacy.core.text import (
    compact_key,
    index_key,
    normalize,
    persian_sort_key,
    to_persian_digits,
)
from qazvin_diplomacy.services.filters import text_condition
from qazvin_diplomacy.services.rank_table import rank_table_in
from qazvin_diplomacy.services.records import check_version, set_archived, write
from qazvin_diplomacy.storage.base import utcnow
from qazvin_diplomacy.storage.database import PERSIAN_COLLATION, Database
from qazvin_diplomacy.storage.directory import Country, Organization, Person
from qazvin_diplomacy.storage.events import Event, EventGuest, EventProgrammeItem, EventTable

__all__ = [
    "archive_event",
    "badges",
    "checkin_search",
    "clear_precedence_override",
    "clear_seat",
    "copy_to_next_year",
    "copy_to_next_year_in",
    "count_events",
    "event_dashboard",
    "event_dates",
    "event_summary",
    "events_awaiting_replies",
    "get_event",
    "get_guest",
    "get_seating",
    "invitation_letters",
    "invite_by_filter",
    "invite_guest",
    "invite_people",
    "list_events",
    "list_guests",
    "mark_attended",
    "matching_people",
    "place_cards",
    "precedence_list",
    "record_invitations_sent",
    "record_rsvp",
    "remove_guest",
    "restore_event",
    "save_event",
    "save_seating",
    "seat_guests_in",
    "set_precedence_override",
    "set_event_status",
    "set_seat",
    "update_guest",
    "upcoming_events",
]

WHAT = "رویداد"
WHAT_GUEST = "دعوت"
_HEAD_RANKS = (
    DiplomaticRank.AMBASSADOR.value,
    DiplomaticRank.ENVOY.value,
    DiplomaticRank.CHARGE_DAFFAIRES.value,
)


def _fa(value: object) -> str:
    return to_persian_digits(value)


# --- reading ---------------------------------------------------------------------------


def _counts_query(event_ids: Select[Any] | Sequence[int]) -> Select[Any]:
    g = EventGuest
    return (
        select(
            g.event_id,
            func.count(),
            func.sum(case((g.rsvp == Rsvp.YES.value, 1), else_=0)),
            func.sum(case((g.rsvp == Rsvp.NO.value, 1), else_=0)),
            func.sum(case((g.rsvp == Rsvp.NO_REPLY.value, 1), else_=0)),
            func.sum(case((g.attended.is_(True), 1), else_=0)),
            func.sum(case((g.rsvp == Rsvp.YES.value, g.companions), else_=0)),
        )
        .where(g.event_id.in_(event_ids))
        .group_by(g.event_id)
    )


def _counts(session: Session, event_ids: Sequence[int]) -> dict[int, ReplyCounts]:
    if not event_ids:
        return {}
    return {
        r[0]: ReplyCounts(*(int(v or 0) for v in r[1:]))
        for r in session.execute(_counts_query(list(event_ids)))
    }


def _rule_of(row: Event) -> RecurrenceRule | None:
    if not row.recurrence_kind:
        return None
    return RecurrenceRule(
        RecurrenceKind(row.recurrence_kind),
        day=row.recurrence_day,
        month=row.recurrence_month,
        weekday=row.recurrence_weekday,
        nth=row.recurrence_nth,
    )


def _table_spec(t: EventTable) -> TableSpec:
    return TableSpec(
        number=t.number,
        capacity=t.capacity,
        shape=TableShape(t.shape),
        host_key=t.host_person_id,
        host_seat=t.host_seat,
        label=t.label,
    )


def _detail(session: Session, row: Event) -> EventDetail:
    return EventDetail(
        id=row.id,
        version=row.version,
        title_fa=row.title_fa,
        title_en=row.title_en,
        kind=EventKind(row.kind),
        status=EventStatus(row.status),
        start_date=row.start_date,
        end_date=row.end_date,
        start_time=row.start_time,
        end_time=row.end_time,
        venue=row.venue,
        venue_en=row.venue_en,
        organizer=row.organizer,
        organizer_en=row.organizer_en,
        description=row.description,
        budget_notes=row.budget_notes,
        recurrence=_rule_of(row),
        programme=tuple(
            ProgrammeEntry(
                item_fa=p.item_fa,
                start_time=p.start_time,
                end_time=p.end_time,
                item_en=p.item_en,
                speaker=p.speaker,
                speaker_en=p.speaker_en,
                id=p.id,
            )
            for p in row.programme
        ),
        source_event_id=row.source_event_id,
        counts=_counts(session, [row.id]).get(row.id, ReplyCounts()),
        tables=tuple(_table_spec(t) for t in row.tables),
        archived_at=to_local(row.archived_at) if row.archived_at else None,
        created_at=to_local(row.created_at),
        updated_at=to_local(row.updated_at),
    )


def _load(session: Session, event_id: int) -> Event:
    row = session.scalar(
        select(Event)
        .where(Event.id == event_id)
        .options(selectinload(Event.programme), selectinload(Event.tables))
    )
    if row is None:
        raise NotFoundError(
            f"رویداد با شناسه {_fa(event_id)} پیدا نشد.", f"No event with id {event_id}."
        )
    return row


def _load_open(session: Session, event_id: int) -> Event:
    row = _load(session, event_id)
    if row.archived_at is not None:
        raise KnownError(
            "این رویداد بایگانی شده است؛ برای تغییر، ابتدا آن را از بایگانی بازیابی کنید.",
            "This event is archived; restore it first.",
        )
    return row


def get_event(db: Database, event_id: int) -> EventDetail:
    """The whole event with its programme, tables and reply counts (archived ones too)."""
    with db.read_session() as session:
        return _detail(session, _load(session, event_id))


_SUMMARY_COLUMNS = (
    Event.id,
    Event.version,
    Event.title_fa,
    Event.title_en,
    Event.kind,
    Event.status,
    Event.start_date,
    Event.end_date,
    Event.start_time,
    Event.venue,
    Event.recurrence_kind,
    Event.source_event_id,
    Event.archived_at,
)


def _summaries(session: Session, query: Select[Any]) -> list[EventSummary]:
    rows = session.execute(query).all()
    counts = _counts(session, [r[0] for r in rows])
    return [
        EventSummary(
            id=r[0],
            version=r[1],
            title_fa=r[2],
            title_en=r[3],
            kind=EventKind(r[4]),
            status=EventStatus(r[5]),
            start_date=r[6],
            end_date=r[7],
            start_time=r[8],
            venue=r[9],
            counts=counts.get(r[0], ReplyCounts()),
            recurring=r[10] is not None,
            source_event_id=r[11],
            archived=r[12] is not None,
        )
        for r in rows
    ]


def _filter_conditions(filters: EventFilter) -> list[Any]:
    conditions: list[Any] = []
    if filters.archived_only:
        conditions.append(Event.archived_at.is_not(None))
    elif not filters.include_archived:
        conditions.append(Event.archived_at.is_(None))
    if filters.kind is not None:
        conditions.append(Event.kind == EventKind(filters.kind).value)
    if filters.status is not None:
        conditions.append(Event.status == EventStatus(filters.status).value)
    if filters.date_from is not None:
        conditions.append(Event.end_date >= filters.date_from)
    if filters.date_to is not None:
        conditions.append(Event.start_date <= filters.date_to)
    if filters.text and filters.text.strip():
        conditions.append(text_condition(Event.search_key, filters.text))  # type: ignore[arg-type]
    who = []
    if filters.person_id is not None:
        who.append(Person.id == filters.person_id)
    if filters.organization_id is not None:
        who.append(Person.organization_id == filters.organization_id)
    if filters.country_id is not None:
        who.append(Person.country_id == filters.country_id)
    for condition in who:
        conditions.append(
            Event.id.in_(
                select(EventGuest.event_id).where(
                    EventGuest.person_id.in_(select(Person.id).where(condition))
                )
            )
        )
    return conditions


def list_events(
    db: Database,
    *,
    filters: EventFilter | None = None,
    descending: bool = True,
    offset: int = 0,
    limit: int = 100,
) -> list[EventSummary]:
    """One page of events filtered in SQL, by start date (newest first by default), with reply counts."""
    conditions = _filter_conditions(filters or EventFilter())
    order = (
        (Event.start_date.desc(), Event.id.desc())
        if descending
        else (Event.start_date.asc(), Event.id.asc())
    )
    query = (
        select(*_SUMMARY_COLUMNS)
        .where(*conditions)
        .order_by(*order)
        .offset(max(offset, 0))
        .limit(max(limit, 0))
    )
    with db.read_session() as session:
        return _summaries(session, query)


def count_events(db: Database, *, filters: EventFilter | None = None) -> int:
    """How many events ``list_events`` would give (all pages)."""
    conditions = _filter_conditions(filters or EventFilter())
    with db.read_session() as session:
        return int(session.scalar(select(func.count()).select_from(Event).where(*conditions)) or 0)


# --- guests: reading -------------------------------------------------------------------


def _guest_query() -> Select[Any]:
    return (
        select(
            EventGuest,
            Person,
            Organization.name_fa,
            Organization.name_en,
            Country.iso2,
            Country.name_fa,
            Country.name_en,
        )
        .join(Person, Person.id == EventGuest.person_id)
        .outerjoin(Organization, Organization.id == Person.organization_id)
        .outerjoin(Country, Country.id == Person.country_id)
    )


def _guest_view(r: Any) -> GuestView:
    g: EventGuest = r[0]
    p: Person = r[1]
    return GuestView(
        id=g.id,
        version=g.version,
        event_id=g.event_id,
        person_id=g.person_id,
        companions=g.companions,
        invitation_sent_on=g.invitation_sent_on,
        invitation_channel=InvitationChannel(g.invitation_channel)
        if g.invitation_channel
        else None,
        rsvp=Rsvp(g.rsvp),
        rsvp_on=g.rsvp_on,
        interpreter_for_person_id=g.interpreter_for_person_id,
        remarks=g.remarks,
        name_fa=p.name_fa,
        name_en=p.name_en,
        honorific_fa=p.honorific_fa,
        honorific_en=p.honorific_en,
        title_fa=p.title_fa,
        title_en=p.title_en,
        organization_name_fa=r[2] or "",
        organization_name_en=r[3] or "",
        country_id=p.country_id,
        country_iso2=r[4] or "",
        country_name_fa=r[5] or "",
        country_name_en=r[6] or "",
        diplomatic_rank=p.diplomatic_rank,
        functions_started_at=to_local(p.functions_started_at) if p.functions_started_at else None,
        attended=g.attended,
        checked_in_at=to_local(g.checked_in_at) if g.checked_in_at else None,
        table_no=g.table_no,
        seat_no=g.seat_no,
        seat_behind=g.seat_behind,
        seat_manual=g.seat_manual,
        manual_precedence=g.manual_precedence,
    )


def _guests(session: Session, event_id: int, *conditions: Any) -> list[GuestView]:
    query = (
        _guest_query()
        .where(EventGuest.event_id == event_id, *conditions)
        .order_by(Person.name_fa.collate(PERSIAN_COLLATION), EventGuest.id)
    )
    return [_guest_view(r) for r in session.execute(query)]


def _one_guest(session: Session, guest_id: int) -> GuestView:
    row = session.execute(_guest_query().where(EventGuest.id == guest_id)).first()
    if row is None:
        raise NotFoundError(
            f"دعوت با شناسه {_fa(guest_id)} پیدا نشد.", f"No guest with id {guest_id}."
        )
    return _guest_view(row)


def get_guest(db: Database, guest_id: int) -> GuestView:
    """One invitation by id."""
    with db.read_session() as session:
        return _one_guest(session, guest_id)


def list_guests(
    db: Database, *, event_id: int, text: str = "", rsvp: Rsvp | None = None
) -> list[GuestView]:
    """Guests of an event by Persian name, optionally filtered by name text and reply (in SQL)."""
    conditions: list[Any] = []
    if text.strip():
        conditions.append(text_condition(Person.search_key, text))  # type: ignore[arg-type]
    if rsvp is not None:
        conditions.append(EventGuest.rsvp == Rsvp(rsvp).value)
    with db.read_session() as session:
        _load(session, event_id)
        return _guests(session, event_id, *conditions)


def _rank(guests: Sequence[GuestView], rank_table: Mapping[str, int] | None) -> PrecedenceResult:
    candidates = [
        PrecedenceCandidate(
            key=g.person_id,
            name=g.name_fa or g.name_en,
            name_en=g.name_en or g.name_fa,
            diplomatic_rank=g.diplomatic_rank,
            functions_started_at=g.functions_started_at,
            title_fa=g.title_fa,
            title_en=g.title_en,
        )
        for g in guests
    ]
    override = [
        g.person_id
        for g in sorted(
            (g for g in guests if g.manual_precedence is not None),
            key=lambda g: g.manual_precedence,  # type: ignore[arg-type, return-value]
        )
    ]
    return order_of_precedence(candidates, table=rank_table, override=override)


def _precedence_list(
    session: Session,
    event_id: int,
    rank_table: Mapping[str, int] | None,
    *conditions: Any,
) -> GuestList:
    guests = _guests(session, event_id, *conditions)
    if rank_table is None:
        rank_table = rank_table_in(session)
    result = _rank(guests, rank_table)
    by_person = {g.person_id: g for g in guests}
    ordered = [
        replace(
            by_person[e.key],
            position=e.position,
            precedence_group=e.group,
            precedence_note=e.reason_fa,
            precedence_note_en=e.reason_en,
            flagged=e.flagged,
        )
        for e in result.entries
    ]
    return GuestList(event_id=event_id, guests=tuple(ordered), flags=result.flags)


def precedence_list(
    db: Database,
    *,
    event_id: int,
    rank_table: Mapping[str, int] | None = None,
    rsvp: Rsvp | None = None,
    attended_only: bool = False,
) -> GuestList:
    """Guests in order of precedence, each with position, group and reason, plus the flags.

    ``rsvp``/``attended_only`` narrow the list (the receiving line: ``rsvp=Rsvp.YES``).
    """
    conditions: list[Any] = []
    if rsvp is not None:
        conditions.append(EventGuest.rsvp == Rsvp(rsvp).value)
    if attended_only:
        conditions.append(EventGuest.attended.is_(True))
    with db.read_session() as session:
        _load(session, event_id)
        return _precedence_list(session, event_id, rank_table, *conditions)


def set_precedence_override(db: Database, *, event_id: int, person_ids: Sequence[int]) -> GuestList:
    """Keep a manual order for ``person_ids`` (a human's decision on ties and missing dates).

    The people keep the positions the rules gave them as a group, in this order; other guests'
    manual positions are cleared.  Unknown people raise ``ValidationError``.
    """
    ids = list(dict.fromkeys(person_ids))
    with write(db) as session:
        _load_open(session, event_id)
        guests = {
            g.person_id: g
            for g in session.scalars(select(EventGuest).where(EventGuest.event_id == event_id))
        }
        missing = [pid for pid in ids if pid not in guests]
        if missing:
            raise ValidationError(
                {"person_id": "فقط مهمانان همین رویداد را می‌توان در ترتیب دستی آورد."}
            )
        for g in guests.values():
            g.manual_precedence = None
        session.flush()
        for i, pid in enumerate(ids):
            guests[pid].manual_precedence = i
        session.flush()
        return _precedence_list(session, event_id, None)


def clear_precedence_override(db: Database, *, event_id: int) -> None:
    """Forget the manual order: the rules decide again (flags reappear)."""
    with write(db) as session:
        _load_open(session, event_id)
        session.execute(
            update(EventGuest)
            .where(EventGuest.event_id == event_id)
            .values(manual_precedence=None)
            .execution_options(synchronize_session=False)
        )


# --- events: writing -------------------------------------------------------------------


def _apply_event(row: Event, event: EventInput) -> None:
    row.title_fa = normalize(event.title_fa)
    row.title_en = normalize(event.title_en)
    row.kind = EventKind(event.kind).value
    row.status = EventStatus(event.status).value
    assert event.start_date is not None
    row.start_date = event.start_date
    row.end_date = event.end_date or event.start_date
    row.start_time = event.start_time
    row.end_time = event.end_time
    row.venue = normalize(event.venue)
    row.venue_en = normalize(event.venue_en)
    row.organizer = normalize(event.organizer)
    row.organizer_en = normalize(event.organizer_en)
    row.description = normalize(event.description)
    row.budget_notes = normalize(event.budget_notes)
    rule = event.recurrence
    row.recurrence_kind = RecurrenceKind(rule.kind).value if rule else None
    row.recurrence_day = rule.day if rule else None
    row.recurrence_month = rule.month if rule else None
    row.recurrence_weekday = rule.weekday if rule else None
    row.recurrence_nth = rule.nth if rule else None
    row.search_key = index_key(
        row.title_fa,
        row.title_en,
        row.venue,
        row.venue_en,
        row.organizer,
        row.organizer_en,
        row.description,
    )


def _write_programme(row: Event, programme: Sequence[ProgrammeEntry]) -> None:
    existing = {p.id: p for p in row.programme}
    for item in programme:
        if item.id is not None and item.id not in existing:
            raise NotFoundError(
                f"بند برنامه با شناسه {_fa(item.id)} در این رویداد پیدا نشد؛ فرم را دوباره باز کنید.",
                f"No programme item {item.id} in this event.",
            )
    kept = []
    for order, item in enumerate(programme):
        target = existing.get(item.id) if item.id is not None else None
        if target is None:
            target = EventProgrammeItem(item_fa="")
        target.sort_order = order
        target.start_time = item.start_time
        target.end_time = item.end_time
        target.item_fa = normalize(item.item_fa)
        target.item_en = normalize(item.item_en)
        target.speaker = normalize(item.speaker)
        target.speaker_en = normalize(item.speaker_en)
        kept.append(target)
    row.programme = kept


def save_event(db: Database, *, event: EventInput, today: date | None = None) -> EventDetail:
    """Validate and write the event form (with its programme) in one transaction.

    Raises ``ValidationError`` ({field: Persian message}) — also on "status" for a move the
    workflow forbids or for "held" before the start date (``today``: Tehran's today by
    default) —, ``StaleRecordError`` when the event changed since it was read,
    ``NotFoundError`` for an unknown id.  Nothing is written when any of these is raised.
    """
    errors = validate_event(event)
    if not errors and event.id is None:
        early = held_too_early(None, event.status, event.start_date, today or today_local())
        if early:
            errors["status"] = early
    if errors:
        raise ValidationError(errors)
    with write(db) as session:
        if event.id is None:
            row = Event(title_fa="", start_date=event.start_date, end_date=event.start_date)
            session.add(row)
        else:
            row = _load_open(session, event.id)
            check_version(row, event.version, WHAT)
            _check_transition(row.status, event.status)
            early = held_too_early(
                row.status, event.status, event.start_date, today or today_local()
            )
            if early:
                raise ValidationError({"status": early})
        _apply_event(row, event)
        row.updated_at = utcnow()
        _write_programme(row, event.programme)
        session.flush()
        session.expire(row)
        return _detail(session, _load(session, row.id))


def _check_transition(old: str, new: EventStatus | str) -> None:
    message = transition_error(old, new)
    if message is not None:
        raise ValidationError({"status": message})


def set_event_status(
    db: Database,
    *,
    event_id: int,
    version: int | None,
    status: EventStatus,
    today: date | None = None,
) -> EventDetail:
    """Change only the status of an event, as the workflow allows (``core.events``).

    A move the workflow forbids, or "held" before the event's start date (``today``:
    Tehran's today by default), raises ``ValidationError`` on ``status``; nothing is saved.
    """
    with write(db) as session:
        row = _load_open(session, event_id)
        check_version(row, version, WHAT)
        _check_transition(row.status, status)
        early = held_too_early(row.status, status, row.start_date, today or today_local())
        if early:
            raise ValidationError({"status": early})
        row.status = EventStatus(status).value
        session.flush()
        return _detail(session, row)


def archive_event(db: Database, *, event_id: int, version: int | None) -> None:
    """Archive (delete for users) an event; it stays restorable."""
    with write(db) as session:
        set_archived(session, _load(session, event_id), version, True, WHAT)


def restore_event(db: Database, *, event_id: int, version: int | None) -> None:
    """Bring an archived event back."""
    with write(db) as session:
        set_archived(session, _load(session, event_id), version, False, WHAT)


# --- invitations -----------------------------------------------------------------------


def _people_names(session: Session, ids: Iterable[int]) -> dict[int, tuple[str, bool]]:
    wanted = list(set(ids))
    if not wanted:
        return {}
    rows = session.execute(
        select(Person.id, Person.name_fa, Person.archived_at).where(Person.id.in_(wanted))
    )
    return {r[0]: (r[1], r[2] is not None) for r in rows}


def _already_invited(session: Session, event_id: int, ids: Sequence[int]) -> set[int]:
    if not ids:
        return set()
    return set(
        session.scalars(
            select(EventGuest.person_id).where(
                EventGuest.event_id == event_id, EventGuest.person_id.in_(list(ids))
            )
        )
    )


def _invite_rows(
    session: Session,
    event_id: int,
    person_ids: Sequence[int],
    sent_on: date | None,
    channel: InvitationChannel | None,
) -> tuple[list[int], list[SkippedPerson]]:
    """Add invitations for ``person_ids`` not yet invited; return (new guest ids, skipped)."""
    ids = list(dict.fromkeys(person_ids))
    names = _people_names(session, ids)
    unknown = [pid for pid in ids if pid not in names]
    if unknown:
        raise ValidationError(
            {"person_id": "شخص انتخاب‌شده در فهرست مخاطبان پیدا نشد."},
            f"Unknown people: {unknown}",
        )
    invited = _already_invited(session, event_id, ids)
    skipped: list[SkippedPerson] = []
    rows = []
    for pid in ids:
        name, archived = names[pid]
        if pid in invited:
            skipped.append(SkippedPerson(pid, name, f"«{name}» پیش‌تر به این رویداد دعوت شده است."))
        elif archived:
            skipped.append(SkippedPerson(pid, name, f"«{name}» بایگانی شده است و دعوت نشد."))
        else:
            row = EventGuest(
                event_id=event_id,
                person_id=pid,
                companions=0,
                rsvp=Rsvp.NO_REPLY.value,
                invitation_sent_on=sent_on,
                invitation_channel=InvitationChannel(channel).value if channel else None,
                remarks="",
            )
            session.add(row)
            rows.append(row)
    session.flush()
    return [r.id for r in rows], skipped


def _result(
    session: Session, guest_ids: Sequence[int], skipped: list[SkippedPerson]
) -> InviteResult:
    views = []
    if guest_ids:
        query = (
            _guest_query()
            .where(EventGuest.id.in_(list(guest_ids)))
            .order_by(Person.name_fa.collate(PERSIAN_COLLATION))
        )
        views = [_guest_view(r) for r in session.execute(query)]
    return InviteResult(invited=tuple(views), skipped=tuple(skipped))


def invite_guest(db: Database, *, event_id: int, guest: GuestInput) -> GuestView:
    """Invite one person with the invitation's details.

    Raises ``ValidationError`` on ``person_id`` when the person is already invited (Persian:
    «… پیش‌تر به این رویداد دعوت شده است») or is archived, and for bad fields.
    """
    errors = validate_guest(guest)
    if errors:
        raise ValidationError(errors)
    with write(db) as session:
        _load_open(session, event_id)
        ids, skipped = _invite_rows(session, event_id, [guest.person_id], None, None)
        if skipped:
            raise ValidationError({"person_id": skipped[0].reason_fa})
        row = session.get(EventGuest, ids[0])
        assert row is not None
        _apply_guest(session, row, guest)
        session.flush()
        return _one_guest(session, row.id)


def invite_people(
    db: Database,
    *,
    event_id: int,
    person_ids: Sequence[int],
    sent_on: date | None = None,
    channel: InvitationChannel | None = None,
) -> InviteResult:
    """Invite several people; those already invited (or archived) are skipped and reported."""
    with write(db) as session:
        _load_open(session, event_id)
        ids, skipped = _invite_rows(session, event_id, person_ids, sent_on, channel)
        return _result(session, ids, skipped)


def _criteria_query(criteria: InviteCriteria) -> Select[Any]:
    query = select(Person.id).where(Person.archived_at.is_(None))
    if criteria.heads_of_mission:
        ranks = list(_HEAD_RANKS)
        if criteria.include_ad_interim:
            ranks.append(DiplomaticRank.CHARGE_AD_INTERIM.value)
        query = query.where(Person.diplomatic_rank.in_(ranks))
    if criteria.region:
        query = query.where(
            Person.country_id.in_(select(Country.id).where(Country.region == criteria.region))
        )
    if criteria.country_id is not None:
        query = query.where(Person.country_id == criteria.country_id)
    if criteria.organization_kind:
        query = query.where(
            Person.organization_id.in_(
                select(Organization.id).where(Organization.kind == criteria.organization_kind)
            )
        )
    return query.order_by(Person.name_fa.collate(PERSIAN_COLLATION), Person.id)


def _check_criteria(criteria: InviteCriteria) -> None:
    if criteria.empty:
        raise ValidationError(
            {"criteria": "دست‌کم یک شرط (سران نمایندگی، منطقه، کشور یا نوع سازمان) را انتخاب کنید."}
        )


def matching_people(db: Database, *, criteria: InviteCriteria) -> list[int]:
    """Ids of the people ``invite_by_filter`` would consider (for a preview), by Persian name."""
    _check_criteria(criteria)
    with db.read_session() as session:
        return list(session.scalars(_criteria_query(criteria)))


def invite_by_filter(
    db: Database,
    *,
    event_id: int,
    criteria: InviteCriteria,
    sent_on: date | None = None,
    channel: InvitationChannel | None = None,
) -> InviteResult:
    """Invite everyone in the directory matching ``criteria``; already invited people are skipped and reported."""
    _check_criteria(criteria)
    with write(db) as session:
        _load_open(session, event_id)
        ids = list(session.scalars(_criteria_query(criteria)))
        new_ids, skipped = _invite_rows(session, event_id, ids, sent_on, channel)
        return _result(session, new_ids, skipped)


def _apply_guest(session: Session, row: EventGuest, guest: GuestInput) -> None:
    if guest.interpreter_for_person_id is not None:
        principal = session.scalar(
            select(EventGuest.id).where(
                EventGuest.event_id == row.event_id,
                EventGuest.person_id == guest.interpreter_for_person_id,
            )
        )
        if principal is None:
            raise ValidationError(
                {
                    "interpreter_for_person_id": "میهمانی که مترجم همراه اوست به این رویداد دعوت نشده است."
                }
            )
    row.companions = guest.companions
    row.invitation_sent_on = guest.invitation_sent_on
    row.invitation_channel = (
        InvitationChannel(guest.invitation_channel).value if guest.invitation_channel else None
    )
    row.rsvp = Rsvp(guest.rsvp).value
    row.rsvp_on = guest.rsvp_on
    row.interpreter_for_person_id = guest.interpreter_for_person_id
    row.remarks = normalize(guest.remarks)


def _guest_row(session: Session, guest_id: int) -> EventGuest:
    row = session.get(EventGuest, guest_id)
    if row is None:
        raise NotFoundError(
            f"دعوت با شناسه {_fa(guest_id)} پیدا نشد.", f"No guest with id {guest_id}."
        )
    return row


def update_guest(db: Database, *, guest: GuestInput) -> GuestView:
    """Save the editable fields of an invitation (``guest.id`` required; ``person_id`` cannot change)."""
    if guest.id is None:
        raise ValueError("update_guest needs guest.id; use invite_guest for a new invitation")
    errors = validate_guest(guest)
    if errors:
        raise ValidationError(errors)
    with write(db) as session:
        row = _guest_row(session, guest.id)
        check_version(row, guest.version, WHAT_GUEST)
        if row.person_id != guest.person_id:
            raise ValidationError(
                {"person_id": "شخص دعوت‌شده را نمی‌توان تغییر داد؛ دعوت تازه‌ای بسازید."}
            )
        _apply_guest(session, row, guest)
        session.flush()
        return _one_guest(session, row.id)


def record_invitations_sent(
    db: Database,
    *,
    event_id: int,
    guest_ids: Sequence[int] | None = None,
    sent_on: date,
    channel: InvitationChannel,
) -> int:
    """Mark invitations as sent on ``sent_on`` by ``channel`` (all of the event's when ``guest_ids`` is None)."""
    with write(db) as session:
        _load_open(session, event_id)
        conditions = [EventGuest.event_id == event_id]
        if guest_ids is not None:
            conditions.append(EventGuest.id.in_(list(guest_ids)))
        rows = session.scalars(select(EventGuest).where(*conditions)).all()
        for row in rows:
            row.invitation_sent_on = sent_on
            row.invitation_channel = InvitationChannel(channel).value
        return len(rows)


def record_rsvp(
    db: Database,
    *,
    guest_id: int,
    rsvp: Rsvp,
    rsvp_on: date | None = None,
    companions: int | None = None,
    version: int | None = None,
) -> GuestView:
    """Record a guest's reply (and, optionally, how many companions come); ``no_reply`` clears the date."""
    with write(db) as session:
        row = _guest_row(session, guest_id)
        check_version(row, version, WHAT_GUEST)
        view = _one_guest(session, guest_id)
        new = replace(
            view,
            rsvp=Rsvp(rsvp),
            rsvp_on=None if Rsvp(rsvp) is Rsvp.NO_REPLY else rsvp_on,
            companions=view.companions if companions is None else companions,
        )
        errors = validate_guest(new)
        if errors:
            raise ValidationError(errors)
        row.rsvp = new.rsvp.value
        row.rsvp_on = new.rsvp_on
        row.companions = new.companions
        session.flush()
        return _one_guest(session, guest_id)


def remove_guest(db: Database, *, guest_id: int, version: int | None = None) -> None:
    """Withdraw an invitation (and the guest's seat)."""
    with write(db) as session:
        row = _guest_row(session, guest_id)
        check_version(row, version, WHAT_GUEST)
        session.delete(row)


# --- check-in at the door --------------------------------------------------------------


def checkin_search(db: Database, *, event_id: int, text: str, limit: int = 20) -> list[GuestView]:
    """Guests whose name or title contains every typed word (Persian or Latin, variants ignored).

    Not yet checked-in guests come first, then by Persian name.  Empty text gives nothing.
    """
    if not text.strip():
        return []
    query = (
        _guest_query()
        .where(
            EventGuest.event_id == event_id,
            text_condition(Person.search_key, text),  # type: ignore[arg-type]
        )
        .order_by(EventGuest.attended, Person.name_fa.collate(PERSIAN_COLLATION), EventGuest.id)
        .limit(max(limit, 0))
    )
    with db.read_session() as session:
        return [_guest_view(r) for r in session.execute(query)]


def mark_attended(
    db: Database, *, guest_id: int, attended: bool = True, at: datetime | None = None
) -> GuestView:
    """Check a guest in (``at`` defaults to now) or undo a check-in made by mistake."""
    if at is not None and at.tzinfo is None:
        raise ValueError("check-in time must be timezone-aware")
    with write(db) as session:
        row = _guest_row(session, guest_id)
        event = session.get(Event, row.event_id)
        if event is not None and event.status == EventStatus.CANCELLED.value:
            raise KnownError(
                "این رویداد لغو شده است و پذیرش مهمان ثبت نمی‌شود.",
                "The event is cancelled; check-in is not recorded.",
            )
        row.attended = attended
        row.checked_in_at = (at.astimezone(UTC) if at else utcnow()) if attended else None
        session.flush()
        return _one_guest(session, guest_id)


# --- seating ---------------------------------------------------------------------------


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


def save_seating(
    db: Database,
    *,
    event_id: int,
    tables: Sequence[TableSpec] | None = None,
    manual: Mapping[int, tuple[int, int | None]] | None = None,
    interpreters: InterpreterPlacement = InterpreterPlacement.BEHIND,
    include_no_reply: bool = False,
    rank_table: Mapping[str, int] | None = None,
) -> SeatingView:
    """Compute and save the seating plan by precedence; manual placements are kept.

    ``tables`` replaces the event's tables (``host_key`` = a person id); None keeps them.
    ``manual`` maps person ids to ``(table, seat)`` placed by hand (seat None: behind the
    principal); these and the manual seats already saved are kept, every other seat is
    recomputed.  Seated: guests who said yes (and unanswered ones with
    ``include_no_reply``).  A seat given twice raises ``ValidationError`` on "seat";
    nothing is saved then.
    """
    with write(db) as session:
        return seat_guests_in(
            session,
            event_id=event_id,
            tables=tables,
            manual=manual,
            interpreters=interpreters,
            include_no_reply=include_no_reply,
            rank_table=rank_table,
        )


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


# --- next year's edition ---------------------------------------------------------------


def _next_year_text(
    text: str, old_jalali: int, new_jalali: int, old_greg: int, new_greg: int
) -> str:
    """Replace the edition's years (Jalali and Gregorian) in a title.

    Years written in Latin (``1404``), Persian (``۱۴۰۴``) or Arabic-Indic (``١٤٠٤``, found in
    data typed before ``normalize`` stored them as Persian) digits are found; the new year
    is written in the script the old one was in.  A year inside a longer number is left alone.
    """
    for old, new in ((old_jalali, new_jalali), (old_greg, new_greg)):
        for digits in _DIGIT_SCRIPTS:
            old_text, new_text = _in_digits(old, digits), _in_digits(new, digits)
            text = re.sub(rf"(?<![{_ALL_DIGITS}]){old_text}(?![{_ALL_DIGITS}])", new_text, text)
    return text


#: Digit scripts a year may be written in: Latin, Persian, Arabic-Indic.
_DIGIT_SCRIPTS = ("0123456789", "۰۱۲۳۴۵۶۷۸۹", "٠١٢٣٤٥٦٧٨٩")
#: Every digit of any script (a year must not be part of a longer number in any of them).
_ALL_DIGITS = "".join(_DIGIT_SCRIPTS)


def _in_digits(number: int, digits: str) -> str:
    return "".join(digits[int(c)] for c in str(number))


def _last_year_remark(remarks: str, old_jalali: int) -> str:
    """A guest remark carried into next year's edition, marked as last year's (or ``""``).

    Remarks are about one edition (an apology, an interpreter brought that day, a diet):
    copied bare they would read as current.  They are kept — a standing need such as a diet
    may still hold — but prefixed «یادداشت ۱۴۰۴: » so the office re-checks them; a remark
    already marked by an older copy keeps its original year.
    """
    remarks = (remarks or "").strip()
    if not remarks or _LAST_YEAR_MARK.match(remarks):
        return remarks
    return f"یادداشت {_fa(old_jalali)}: {remarks}"


#: How a remark copied from a previous edition starts («یادداشت ۱۴۰۴: …»).
_LAST_YEAR_MARK = re.compile(r"یادداشت [۰-۹]{4}: ")


def copy_to_next_year_in(session: Session, *, event_id: int) -> Event:
    """``copy_to_next_year`` inside an open transaction (for bulk loaders); returns the new row."""
    source = _load_open(session, event_id)
    rule = _rule_of(source)
    if rule is None:
        raise ValidationError(
            {"recurrence": "این رویداد قاعدهٔ تکرار سالانه ندارد؛ ابتدا قاعدهٔ تکرار را تعیین کنید."}
        )
    try:
        start = occurrence_after(rule, source.start_date)
    except RecurrenceError as exc:
        raise ValidationError({"recurrence": exc.message}, exc.message_en) from exc
    old_year, new_year = to_jalali(source.start_date)[0], to_jalali(start)[0]
    existing = session.scalar(
        select(Event.id).where(
            Event.source_event_id == source.id,
            Event.archived_at.is_(None),
        )
    )
    if existing is not None:
        raise ValidationError(
            {"recurrence": f"رویداد سال {_fa(new_year)} پیش‌تر از روی این رویداد ساخته شده است."}
        )
    copy = Event(
        title_fa="",
        start_date=start,
        end_date=start + (source.end_date - source.start_date),
    )
    years = (old_year, new_year, source.start_date.year, start.year)
    copy.title_fa = _next_year_text(source.title_fa, *years)
    copy.title_en = _next_year_text(source.title_en, *years)
    for name in (
        "kind",
        "start_time",
        "end_time",
        "venue",
        "venue_en",
        "organizer",
        "organizer_en",
        "description",
        "budget_notes",
        "recurrence_kind",
        "recurrence_day",
        "recurrence_month",
        "recurrence_weekday",
        "recurrence_nth",
    ):
        setattr(copy, name, getattr(source, name))
    copy.status = EventStatus.DRAFT.value
    copy.source_event_id = source.id
    copy.search_key = index_key(
        copy.title_fa,
        copy.title_en,
        copy.venue,
        copy.venue_en,
        copy.organizer,
        copy.organizer_en,
        copy.description,
    )
    copy.programme = [
        EventProgrammeItem(
            sort_order=p.sort_order,
            start_time=p.start_time,
            end_time=p.end_time,
            item_fa=p.item_fa,
            item_en=p.item_en,
            speaker=p.speaker,
            speaker_en=p.speaker_en,
        )
        for p in source.programme
    ]
    copy.tables = [
        EventTable(
            number=t.number,
            capacity=t.capacity,
            shape=t.shape,
            host_person_id=t.host_person_id,
            host_seat=t.host_seat,
            label=t.label,
        )
        for t in source.tables
    ]
    session.add(copy)
    session.flush()
    guests = session.execute(
        select(EventGuest.person_id, EventGuest.interpreter_for_person_id, EventGuest.remarks)
        .join(Person, Person.id == EventGuest.person_id)
        .where(EventGuest.event_id == source.id, Person.archived_at.is_(None))
        .order_by(EventGuest.id)
    ).all()
    kept = {r[0] for r in guests}
    for person_id, interpreter_for, remarks in guests:
        session.add(
            EventGuest(
                event_id=copy.id,
                person_id=person_id,
                companions=0,
                rsvp=Rsvp.NO_REPLY.value,
                interpreter_for_person_id=interpreter_for if interpreter_for in kept else None,
                remarks=_last_year_remark(remarks, old_year),
            )
        )
    session.flush()
    return copy


def copy_to_next_year(db: Database, *, event_id: int) -> EventDetail:
    """Create next year's edition as a draft on the date the recurrence rule gives.

    The programme, tables and guest list are copied (archived people are left out); replies,
    invitation dates, attendance, seats and manual orders start afresh; years in the titles
    move on (۱۴۰۴ → ۱۴۰۵, 2025 → 2026, also in Arabic-Indic digits); each guest's remarks are
    kept but marked as last year's («یادداشت ۱۴۰۴: …», see ``_last_year_remark``).  ``ValidationError`` on "recurrence" when there is no
    rule, the rule gives no date next year (e.g. 30 Esfand in a common year), or next year's
    edition already exists; nothing is written then.
    """
    with write(db) as session:
        copy = copy_to_next_year_in(session, event_id=event_id)
        session.expire(copy)
        return _detail(session, _load(session, copy.id))


# --- dashboard -------------------------------------------------------------------------


def upcoming_events(
    db: Database, *, today: date, days: int = 60, limit: int = 20
) -> list[EventSummary]:
    """Open events (not archived, held or cancelled) from ``today`` to ``days`` ahead, soonest first."""
    query = (
        select(*_SUMMARY_COLUMNS)
        .where(
            Event.archived_at.is_(None),
            Event.end_date >= today,
            Event.start_date <= today + timedelta(days=days),
            Event.status.not_in([EventStatus.HELD.value, EventStatus.CANCELLED.value]),
        )
        .order_by(Event.start_date, Event.id)
        .limit(limit)
    )
    with db.read_session() as session:
        return _summaries(session, query)


def events_awaiting_replies(
    db: Database, *, today: date, within_days: int = 14
) -> list[EventSummary]:
    """Open events starting within ``within_days`` that still have unanswered invitations."""
    pending = select(EventGuest.event_id).where(EventGuest.rsvp == Rsvp.NO_REPLY.value)
    query = (
        select(*_SUMMARY_COLUMNS)
        .where(
            Event.archived_at.is_(None),
            Event.start_date >= today,
            Event.start_date <= today + timedelta(days=within_days),
            Event.status.not_in([EventStatus.HELD.value, EventStatus.CANCELLED.value]),
            Event.id.in_(pending),
        )
        .order_by(Event.start_date, Event.id)
    )
    with db.read_session() as session:
        return _summaries(session, query)


def event_dashboard(
    db: Database, *, today: date, days: int = 60, reply_window_days: int = 14
) -> EventDashboard:
    """Both dashboard cards at once."""
    return EventDashboard(
        today=today,
        upcoming=tuple(upcoming_events(db, today=today, days=days)),
        awaiting_replies=tuple(
            events_awaiting_replies(db, today=today, within_days=reply_window_days)
        ),
    )


# --- printed material ------------------------------------------------------------------


def event_dates(event: EventDetail | EventSummary) -> EventDates:
    """The event's date(s) and time in Jalali and Gregorian, Persian and English."""
    start, end = event.start_date, event.end_date
    assert start is not None
    jalali_fa = format_jalali(start, long=True, weekday=True)
    jalali_en = format_jalali(start, long=True, weekday=True, digits="latin", lang="en")
    gregorian_fa = format_gregorian(start, "fa")
    gregorian_en = format_gregorian(start, "en", weekday=True)
    if end is not None and end != start:
        jalali_fa += " تا " + format_jalali(end, long=True, weekday=True)
        jalali_en += " to " + format_jalali(end, long=True, weekday=True, digits="latin", lang="en")
        gregorian_fa += " تا " + format_gregorian(end, "fa")
        gregorian_en += " to " + format_gregorian(end, "en", weekday=True)
    time_fa = time_en = ""
    if event.start_time is not None:
        time_fa = format_time(event.start_time)
        time_en = format_time(event.start_time, digits="latin")
        end_time = getattr(event, "end_time", None)
        if end_time is not None:
            time_fa += " تا " + format_time(end_time)
            time_en += "–" + format_time(end_time, digits="latin")
    return EventDates(jalali_fa, gregorian_fa, jalali_en, gregorian_en, time_fa, time_en)


def _header(session: Session, event_id: int) -> EventReportData:
    event = _detail(session, _load(session, event_id))
    return EventReportData(event=event, dates=event_dates(event))


def _salutation(g: GuestView, lang: str) -> str:
    if lang == "en":
        honorific = g.honorific_en
        if not honorific and g.diplomatic_rank == DiplomaticRank.AMBASSADOR.value:
            honorific = "H.E."
        return f"{honorific} {g.name_en or g.name_fa}".strip()
    return f"{g.honorific_fa} {g.name_fa or g.name_en}".strip()


def invitation_letters(
    db: Database,
    *,
    event_id: int,
    guest_ids: Sequence[int] | None = None,
    include_declined: bool = False,
    host_person_id: int | None = None,
    rank_table: Mapping[str, int] | None = None,
) -> list[InvitationLetter]:
    """One personalised bilingual letter per guest, in precedence order.

    Declined guests are left out unless ``include_declined``; ``guest_ids`` narrows to some
    invitations.  Interpreters (someone's interpreter) and the organizer's own people (their
    organization is named in the event's organizer, see ``_of_organizer``) get no letter.
    The letter is signed by ``host_person_id`` or else the head table's host.  English
    texts missing on the event stay empty (``venue_en``): the letter says so plainly instead
    of printing Persian in the English half (``invitation_warnings`` tells before printing).
    """
    with db.read_session() as session:
        header = _header(session, event_id)
        listed = _precedence_list(session, event_id, rank_table).guests
        event = header.event
        host_id = host_person_id
        if host_id is None:
            host_id = next((t.host_key for t in event.tables if t.host_key is not None), None)  # type: ignore[assignment]
        host = session.get(Person, host_id) if host_id is not None else None
    wanted = set(guest_ids) if guest_ids is not None else None
    letters = []
    for g in listed:
        if wanted is not None and g.id not in wanted:
            continue
        if g.rsvp is Rsvp.NO and not include_declined:
            continue
        if g.interpreter_for_person_id is not None or _of_organizer(g, event):
            continue
        letters.append(
            InvitationLetter(
                guest=g,
                salutation_fa=_salutation(g, "fa"),
                salutation_en=_salutation(g, "en"),
                event_title_fa=event.title_fa,
                event_title_en=event.title_en or event.title_fa,
                dates=header.dates,
                venue_fa=event.venue,
                venue_en=event.venue_en,
                organizer_fa=event.organizer,
                organizer_en=event.organizer_en or event.organizer,
                host_name_fa=host.name_fa if host else "",
                host_name_en=host.name_en if host else "",
                host_title_fa=host.title_fa if host else "",
                host_title_en=host.title_en if host else "",
                programme=event.programme,
            )
        )
    return letters


def _of_organizer(g: GuestView, event: EventDetail) -> bool:
    """Whether the guest works for the event's organizer (the office's own people).

    True when the guest's organization name (Persian or English) appears in the event's
    organizer text («استانداری قزوین — اداره کل …» covers the staff of «استانداری قزوین»),
    compared as compact search keys (spelling variants and spaces do not matter).
    """
    organizer = [compact_key(t) for t in (event.organizer, event.organizer_en) if t]
    names = [compact_key(t) for t in (g.organization_name_fa, g.organization_name_en) if t]
    return any(n and n in o for n in names for o in organizer)


def invitation_warnings(db: Database, *, event_id: int) -> list[tuple[str, str]]:
    """What the invitation letters of ``event_id`` would print poorly, as (Persian, English).

    Today: no English venue (the English half then refers to the Persian text) and no
    English title (the Persian title is printed in the English half).  Empty: fine.
    """
    event = get_event(db, event_id)
    found: list[tuple[str, str]] = []
    if event.venue and not event.venue_en:
        found.append(
            (
                "محل برگزاری به انگلیسی ثبت نشده است؛ بخش انگلیسی دعوت‌نامه به متن فارسی ارجاع می‌دهد.",
                "The venue has no English name; the English half of the letters will refer "
                "to the Persian text.",
            )
        )
    if not event.title_en:
        found.append(
            (
                "عنوان انگلیسی رویداد ثبت نشده است؛ عنوان فارسی در بخش انگلیسی چاپ می‌شود.",
                "The event has no English title; the Persian title will be printed in the "
                "English half.",
            )
        )
    return found


def _category(g: GuestView) -> tuple[str, str]:
    if g.diplomatic_rank:
        rank = DiplomaticRank(g.diplomatic_rank)
        return rank.label_fa, rank_key_label(rank.value, "en")
    if g.interpreter_for_person_id is not None:
        return "مترجم", "Interpreter"
    return "میهمان", "Guest"


def badges(
    db: Database,
    *,
    event_id: int,
    attending_only: bool = True,
    rank_table: Mapping[str, int] | None = None,
) -> list[Badge]:
    """Name badges in precedence order (guests who said yes, or every guest)."""
    with db.read_session() as session:
        header = _header(session, event_id)
        conditions = [EventGuest.rsvp == Rsvp.YES.value] if attending_only else []
        listed = _precedence_list(session, event_id, rank_table, *conditions).guests
    event = header.event
    result = []
    for g in listed:
        category_fa, category_en = _category(g)
        result.append(
            Badge(
                guest_id=g.id or 0,
                name_fa=g.name_fa,
                name_en=g.name_en,
                title_fa=g.title_fa,
                title_en=g.title_en,
                country_fa=g.country_name_fa,
                country_en=g.country_name_en,
                category_fa=category_fa,
                category_en=category_en,
                event_title_fa=event.title_fa,
                event_title_en=event.title_en,
            )
        )
    return result


def place_cards(
    db: Database, *, event_id: int, rank_table: Mapping[str, int] | None = None
) -> list[PlaceCard]:
    """Folded table cards: seated guests by table and seat; if nobody is seated, yes-guests by precedence.

    Interpreters sitting behind a principal get no card.
    """
    with db.read_session() as session:
        _load(session, event_id)
        listed = _precedence_list(
            session, event_id, rank_table, EventGuest.rsvp == Rsvp.YES.value
        ).guests
        seated = [g for g in _guests(session, event_id) if g.seat_no is not None]
    chosen = (
        sorted(seated, key=lambda g: (g.table_no or 0, g.seat_no or 0))
        if seated
        else [g for g in listed if not g.seat_behind]
    )
    return [
        PlaceCard(
            guest_id=g.id or 0,
            name_fa=g.name_fa,
            name_en=g.name_en,
            honorific_fa=g.honorific_fa,
            honorific_en=g.honorific_en,
            country_fa=g.country_name_fa,
            country_en=g.country_name_en,
            table_no=g.table_no,
            seat_no=g.seat_no,
        )
        for g in chosen
    ]


def event_summary(db: Database, *, event_id: int) -> EventSummaryReport:
    """After the event: reply and attendance totals and a line per country (by Persian name)."""
    with db.read_session() as session:
        header = _header(session, event_id)
        guests = _guests(session, event_id)
    by_country: dict[int | None, list[GuestView]] = defaultdict(list)
    for g in guests:
        by_country[g.country_id].append(g)
    lines = []
    for country_id, group in by_country.items():
        lines.append(
            CountryAttendance(
                country_id=country_id,
                country_fa=group[0].country_name_fa if country_id is not None else "بدون کشور",
                country_en=group[0].country_name_en if country_id is not None else "No country",
                invited=len(group),
                yes=sum(g.rsvp is Rsvp.YES for g in group),
                no=sum(g.rsvp is Rsvp.NO for g in group),
                no_reply=sum(g.rsvp is Rsvp.NO_REPLY for g in group),
                attended=sum(g.attended for g in group),
                companions=sum(g.companions for g in group if g.attended),
            )
        )
    lines.sort(key=lambda c: (c.country_id is None, persian_sort_key(c.country_fa)))
    return EventSummaryReport(
        header=header,
        totals=header.event.counts,
        by_country=tuple(lines),
        attended_companions=sum(c.companions for c in lines),
    )
