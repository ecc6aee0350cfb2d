"""Moving a calendar entry by dragging: saved through the module's own service.

``save_visit``, ``save_event`` and ``save_followup`` do the work, so a move is validated and
conflict-checked exactly like the form.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from qazvin_diplomacy.core.calendar import (
    AgendaEntry,
    EntryKind,
    shift_time,
)
from qazvin_diplomacy.core.clock import TEHRAN, to_local
from qazvin_diplomacy.core.errors import KnownError, StaleRecordError, ValidationError
from qazvin_diplomacy.services import events as events_service
from qazvin_diplomacy.services import visits as visits_service
from qazvin_diplomacy.services.followups import followup_view, save_followup
from qazvin_diplomacy.services.records import get_row
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.storage.followups import FollowUpTask


def _check_same(found: int, expected: int | None, what: str) -> None:
    if expected is not None and found != expected:
        raise StaleRecordError(what)


def move_entry(
    db: Database,
    *,
    entry: AgendaEntry,
    day: dt.date,
    start: dt.datetime | None = None,
    conflict_reason: str | None = None,
    today: dt.date | None = None,
) -> None:
    """Move ``entry`` to ``day`` (and, for a timed entry, to local time ``start``) and save it.

    The record is read again and saved through its module's service with everything else
    unchanged, so the form's validation applies (``ValidationError``) and, for a visit, its
    conflict check (``ConflictsFound`` unless ``conflict_reason`` is given).  A visit's
    itinerary and an event's programme move with it.  ``StaleRecordError`` when the record
    changed since ``entry`` was read; ``KnownError`` for a kind that cannot be dragged.
    """
    if not entry.kind.movable:
        raise KnownError(
            f"«{entry.kind.label_fa}» را نمی‌توان با کشیدن جابه‌جا کرد؛ آن را در فرمش تغییر دهید.",
            f"A {entry.kind.label_en.lower()} cannot be moved by dragging; change it in its form.",
        )
    if entry.kind is EntryKind.VISIT:
        _move_visit(db, entry, day, start, conflict_reason)
    elif entry.kind is EntryKind.EVENT:
        _move_event(db, entry, day, start, today)
    else:
        with db.read_session() as session:
            task = followup_view(get_row(session, FollowUpTask, entry.record_id, "اقدام پیگیری"))
        _check_same(task.version, entry.version, "اقدام پیگیری")
        save_followup(db, task=replace(task, deadline=day))


def _move_visit(
    db: Database,
    entry: AgendaEntry,
    day: dt.date,
    start: dt.datetime | None,
    conflict_reason: str | None,
) -> None:
    visit = visits_service.get_visit(db, entry.record_id)
    _check_same(visit.version, entry.version, visits_service.WHAT)
    assert visit.start_at is not None and visit.end_at is not None
    old = to_local(visit.start_at)
    new = (
        start.replace(tzinfo=TEHRAN)
        if start is not None and start.tzinfo is None
        else (start or dt.datetime.combine(day, old.timetz()))
    )
    delta = new - old
    if not delta:
        return
    moved = replace(
        visit,
        start_at=visit.start_at + delta,
        end_at=visit.end_at + delta,
        itinerary=tuple(
            replace(
                i,
                start_at=i.start_at + delta if i.start_at else None,
                end_at=i.end_at + delta if i.end_at else None,
            )
            for i in visit.itinerary
        ),
    )
    visits_service.save_visit(db, visit=moved, conflict_reason=conflict_reason)


def _move_event(
    db: Database,
    entry: AgendaEntry,
    day: dt.date,
    start: dt.datetime | None,
    today: dt.date | None,
) -> None:
    event = events_service.get_event(db, entry.record_id)
    _check_same(event.version or 0, entry.version, "رویداد")
    assert event.start_date is not None
    days = day - event.start_date
    shift = dt.timedelta(0)
    if start is not None and event.start_time is not None:
        shift = dt.datetime.combine(day, start.time()) - dt.datetime.combine(day, event.start_time)
    times = [event.start_time, event.end_time] + [
        t for p in event.programme for t in (p.start_time, p.end_time)
    ]
    if any(t is not None and shift_time(t, shift) is None for t in times):
        raise ValidationError(
            {"start_time": "با این جابه‌جایی، ساعت رویداد یا برنامه‌اش از نیمه‌شب می‌گذرد."}
        )
    if not days and not shift:
        return
    moved = replace(
        event,
        start_date=event.start_date + days,
        end_date=(event.end_date or event.start_date) + days,
        start_time=shift_time(event.start_time, shift),
        end_time=shift_time(event.end_time, shift),
        programme=tuple(
            replace(
                p,
                start_time=shift_time(p.start_time, shift),
                end_time=shift_time(p.end_time, shift),
            )
            for p in event.programme
        ),
    )
    events_service.save_event(db, event=moved, today=today)
