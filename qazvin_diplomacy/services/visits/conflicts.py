"""Scheduling conflicts of a visit being edited: the same people at overlapping visits."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from qazvin_diplomacy.core.access import sees_confidential
from qazvin_diplomacy.core.text import compact_key, normalize
from qazvin_diplomacy.core.visits import (
    MAX_VISIT_DAYS,
    Conflict,
    ConflictKind,
    PersonRef,
    VisitInput,
    VisitStatus,
    as_utc,
    hidden_conflict,
    local_dates,
    off_day_conflicts,
    person_conflict,
    venue_conflict,
)
from qazvin_diplomacy.services.holidays import holidays_in_session
from qazvin_diplomacy.services.visits.records import _local, _overlapping, _people_refs
from qazvin_diplomacy.storage.confidential import every_record
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.storage.visits import Visit, VisitGuest, VisitHost


def _find_conflicts(session: Session, visit: VisitInput) -> list[Conflict]:
    if visit.start_at is None or visit.end_at is None:
        return []
    start, end = as_utc(visit.start_at), as_utc(visit.end_at)
    if end <= start:
        return []
    others = [
        Visit.archived_at.is_(None),
        Visit.status != VisitStatus.CANCELLED.value,
        _overlapping(start, end),
    ]
    if visit.id is not None:
        others.append(Visit.id != visit.id)
    found: list[Conflict] = []
    host_ids = list(dict.fromkeys(visit.hosts))
    guest_ids = list(dict.fromkeys(g.person_id for g in visit.guests))
    people = {p.id: p for p in _people_refs(session, host_ids + guest_ids)}
    mine = [(pid, ConflictKind.HOST) for pid in host_ids] + [
        (pid, ConflictKind.GUEST) for pid in guest_ids
    ]
    if mine:
        ids = [pid for pid, _ in mine]
        booked: dict[int, list[tuple[bool, Any]]] = defaultdict(list)
        for link, as_host in ((VisitHost, True), (VisitGuest, False)):
            rows = session.execute(
                select(link.person_id, Visit.id, Visit.title, Visit.start_at, Visit.end_at)
                .join(Visit, Visit.id == link.visit_id)
                .where(link.person_id.in_(ids), *others)
                .order_by(Visit.start_at, Visit.id)
            )
            for r in rows:
                booked[r[0]].append((as_host, r))
        hidden_people = _hidden_people(session, ids, others)
        for pid, kind in mine:
            person = people.get(pid) or PersonRef(pid, f"#{pid}")
            if pid in hidden_people:
                found.append(hidden_conflict(kind, person=person))
            for as_host, r in booked.get(pid, []):
                found.append(
                    person_conflict(
                        kind,
                        person,
                        r[1],
                        r[2],
                        _local(r[3]),
                        _local(r[4]),
                        other_as_host=as_host,
                    )
                )
    venue_key = compact_key(visit.venue)
    if venue_key:
        rows = session.execute(
            select(Visit.id, Visit.title, Visit.start_at, Visit.end_at)
            .where(Visit.venue_key == venue_key, *others)
            .order_by(Visit.start_at, Visit.id)
        )
        for r in rows:
            found.append(
                venue_conflict(normalize(visit.venue), r[0], r[1], _local(r[2]), _local(r[3]))
            )
        if _venue_hidden(session, venue_key, others):
            found.append(hidden_conflict(ConflictKind.VENUE, venue=normalize(visit.venue)))
    days = local_dates(start, end)[: MAX_VISIT_DAYS + 1]
    holidays = holidays_in_session(session, days[0], days[-1]) if days else []
    found.extend(off_day_conflicts(start, end, holidays))
    return found


def _hidden_people(session: Session, ids: list[int], others: list[Any]) -> set[int]:
    """Which of the people ``ids`` are booked in overlapping visits hidden from the user."""
    if sees_confidential():
        return set()
    found: set[int] = set()
    with every_record():  # the clash is told, the confidential visit is not named
        for link in (VisitHost, VisitGuest):
            found |= set(
                session.scalars(
                    select(link.person_id)
                    .join(Visit, Visit.id == link.visit_id)
                    .where(link.person_id.in_(ids), Visit.confidential, *others)
                )
            )
    return found


def _venue_hidden(session: Session, venue_key: str, others: list[Any]) -> bool:
    """Whether the venue is booked in an overlapping visit hidden from the user."""
    if sees_confidential():
        return False
    with every_record():
        query = select(Visit.id).where(Visit.venue_key == venue_key, Visit.confidential, *others)
        return session.scalars(query.limit(1)).first() is not None


def find_conflicts(db: Database, *, visit: VisitInput) -> list[Conflict]:
    """What clashes with ``visit``: its hosts or guests, or its venue, booked in another visit.

    Other visits count when they overlap in time (half-open spans) and are neither cancelled
    nor archived.  Also each Friday or official holiday (lunar ones too) the visit touches.
    """
    with db.read_session() as session:
        return _find_conflicts(session, visit)
