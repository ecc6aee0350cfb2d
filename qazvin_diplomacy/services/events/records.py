"""Event records: reading, the list and its filters, saving, status workflow, archive, dashboard."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session, selectinload

from qazvin_diplomacy.core.clock import to_local, today_local
from qazvin_diplomacy.core.directory import DiplomaticRank
from qazvin_diplomacy.core.errors import KnownError, NotFoundError, ValidationError
from qazvin_diplomacy.core.events import (
    EventDashboard,
    EventDetail,
    EventFilter,
    EventInput,
    EventKind,
    EventStatus,
    EventSummary,
    ProgrammeEntry,
    ReplyCounts,
    Rsvp,
    StatusUndo,
    held_too_early,
    needs_status_reason,
    transition_error,
    validate_event,
)
from qazvin_diplomacy.core.recurrence import RecurrenceKind, RecurrenceRule
from qazvin_diplomacy.core.seating import TableShape, TableSpec
from qazvin_diplomacy.core.text import index_key, normalize, to_persian_digits
from qazvin_diplomacy.services.filters import text_condition
from qazvin_diplomacy.services.records import check_version, set_archived, write
from qazvin_diplomacy.storage.base import utcnow
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.storage.directory import Person
from qazvin_diplomacy.storage.events import (
    Event,
    EventGuest,
    EventLogEntry,
    EventProgrammeItem,
    EventTable,
)

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
        log=tuple(
            StatusUndo(to_local(e.at), EventStatus(e.old_value), EventStatus(e.new_value), e.reason)
            for e in row.log
            if e.kind == STATUS_UNDONE
        ),
    )


def _load(session: Session, event_id: int) -> Event:
    row = session.scalar(
        select(Event)
        .where(Event.id == event_id)
        .options(selectinload(Event.programme), selectinload(Event.tables), selectinload(Event.log))
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
    Event.venue_en,
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
            venue_en=r[13] or "",
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
    row.search_key = event_search_key(row)


def event_search_key(row: Event) -> str:
    """The search key of an event: its titles, venue, organizer and description."""
    return index_key(
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


def save_event(
    db: Database, *, event: EventInput, today: date | None = None, status_reason: str = ""
) -> EventDetail:
    """Validate and write the event form (with its programme) in one transaction.

    Raises ``ValidationError`` ({field: Persian message}) — also on "status" for a move the
    workflow forbids, for "held" before the start date (``today``: Tehran's today by
    default) or "held" taken back without a ``status_reason`` (kept in the event's
    history) —, ``StaleRecordError`` when the event changed since it was read,
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
            _record_undo(row, event.status, status_reason)
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


STATUS_UNDONE = "status_undone"  # event_log_entry.kind of a "held" taken back


def _record_undo(row: Event, new: EventStatus | str, reason: str) -> None:
    """Keep a "held" taken back in the history; refused without a reason."""
    if not needs_status_reason(row.status, new):
        return
    reason = normalize(reason)
    if not reason:
        raise ValidationError(
            {"status": "دلیل لغو «برگزارشده» را بنویسید؛ در سابقه رویداد نگه داشته می‌شود."}
        )
    row.log.append(
        EventLogEntry(
            at=utcnow(),
            kind=STATUS_UNDONE,
            old_value=row.status,
            new_value=EventStatus(new).value,
            reason=reason,
        )
    )


def set_event_status(
    db: Database,
    *,
    event_id: int,
    version: int | None,
    status: EventStatus,
    today: date | None = None,
    status_reason: str = "",
) -> EventDetail:
    """Change only the status of an event, as the workflow allows (``core.events``).

    A move the workflow forbids, "held" before the event's start date (``today``:
    Tehran's today by default) or "held" taken back without a ``status_reason`` raises
    ``ValidationError`` on ``status``; nothing is saved.  The reason is kept in its history.
    """
    with write(db) as session:
        row = _load_open(session, event_id)
        check_version(row, version, WHAT)
        _check_transition(row.status, status)
        early = held_too_early(row.status, status, row.start_date, today or today_local())
        if early:
            raise ValidationError({"status": early})
        _record_undo(row, status, status_reason)
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
