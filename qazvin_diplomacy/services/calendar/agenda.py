"""Every dated thing of the office between two days, and the reminders of a day.

Each kind is read with one range query on its indexed date column (visits by ``start_at``,
events by ``start_date``, agreements by ``signing_date`` and ``expires_on``, follow-ups and
obligations by ``deadline``; the guests and hosts of the visits found come in one more
query) — never a query per day.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import TypeVar

from sqlalchemy import literal, select, union_all
from sqlalchemy.orm import Session

from qazvin_diplomacy.core.agreements import AgreementStatus
from qazvin_diplomacy.core.calendar import (
    AgendaEntry,
    EntryKind,
    local_last_day,
    mark_clashes,
    sort_entries,
)
from qazvin_diplomacy.core.clock import TEHRAN, to_local
from qazvin_diplomacy.core.events import MAX_EVENT_DAYS, EventStatus
from qazvin_diplomacy.core.followups import FollowUpStatus
from qazvin_diplomacy.core.visits import VisitStatus, local_days_span
from qazvin_diplomacy.services.calendar.delegations import delegation_entries
from qazvin_diplomacy.services.calendar.meetings import meeting_entries, resolution_entries
from qazvin_diplomacy.services.followups import OPEN_STATUSES, followup_view, overdue_query
from qazvin_diplomacy.services.holidays import holidays_in_session
from qazvin_diplomacy.services.visits.records import _overlapping
from qazvin_diplomacy.storage.agreements import Agreement
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.storage.directory import Country, Person
from qazvin_diplomacy.storage.events import Event
from qazvin_diplomacy.storage.followups import FollowUpTask
from qazvin_diplomacy.storage.visits import Visit, VisitGuest, VisitHost

ALL_KINDS = tuple(EntryKind)
E = TypeVar("E", AgreementStatus, FollowUpStatus)


def _member(enum: type[E], code: str) -> E | None:
    """The member stored as ``code`` (None for an unknown one); cheaper than ``find``."""
    try:
        return enum(code)
    except ValueError:
        return None


def _visit_people(
    session: Session, lower: dt.datetime, upper: dt.datetime
) -> tuple[dict[int, list[tuple[int, str, str]]], dict[int, list[int]]]:
    """Guests (id, Persian and English name) and host ids of the visits in ``[lower, upper)``.

    One query for both (hosts come without names); the range is given again as a subquery
    rather than as a list of ids (hundreds of bound parameters for a busy month).
    """
    in_range = select(Visit.id).where(Visit.archived_at.is_(None), _overlapping(lower, upper))
    links = union_all(
        select(
            VisitGuest.visit_id,
            VisitGuest.person_id,
            literal(1).label("guest"),
            VisitGuest.sort_order,
        ).where(VisitGuest.visit_id.in_(in_range)),
        select(
            VisitHost.visit_id,
            VisitHost.person_id,
            literal(0).label("guest"),
            VisitHost.sort_order,
        ).where(VisitHost.visit_id.in_(in_range)),
    ).subquery()
    guests: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    hosts: dict[int, list[int]] = defaultdict(list)
    rows = session.execute(
        select(links.c.visit_id, links.c.person_id, links.c.guest, Person.name_fa, Person.name_en)
        .join(Person, Person.id == links.c.person_id)
        .order_by(links.c.visit_id, links.c.guest.desc(), links.c.sort_order)
    )
    for visit_id, pid, guest, fa, en in rows:
        if guest:
            guests[visit_id].append((pid, fa, en))
        else:
            hosts[visit_id].append(pid)
    return guests, hosts


def _visits(session: Session, first: dt.date, last: dt.date) -> list[AgendaEntry]:
    lower, upper = local_days_span(first, last)
    rows = session.execute(
        select(
            Visit.id,
            Visit.version,
            Visit.title,
            Visit.title_en,
            Visit.start_at,
            Visit.end_at,
            Visit.status,
            Visit.venue,
            Visit.venue_key,
            Visit.conflict_reason,
            Visit.delegation_name,
            Country.name_fa,
            Country.name_en,
        )
        .outerjoin(Country, Country.id == Visit.country_id)
        .where(Visit.archived_at.is_(None), _overlapping(lower, upper))
        .order_by(Visit.start_at, Visit.id)
    ).all()
    guests, hosts = _visit_people(session, lower, upper)
    found = []
    for r in rows:
        start, end = to_local(r[4]), to_local(r[5])
        status = VisitStatus(r[6])
        people = guests.get(r[0], [])
        who_fa = "، ".join(fa for _, fa, _en in people) or r[10]
        who_en = ", ".join(en or fa for _, fa, en in people) or r[10]
        detail_fa = " — ".join(x for x in (r[11] or "", who_fa) if x)
        detail_en = " — ".join(x for x in (r[12] or r[11] or "", who_en) if x)
        found.append(
            AgendaEntry(
                kind=EntryKind.VISIT,
                record_id=r[0],
                version=r[1],
                title=r[2],
                title_en=r[3],
                start=start,
                end=end,
                first_day=start.date(),
                last_day=local_last_day(start, end),
                detail=detail_fa,
                detail_en=detail_en,
                venue=r[7],
                venue_key=r[8] if status is not VisitStatus.CANCELLED else "",
                clash=bool(r[9]),
                status=status.value,
                status_fa=status.label_fa,
                status_en=status.label_en,
                people=(*(pid for pid, _, _ in people), *hosts.get(r[0], ()))
                if status is not VisitStatus.CANCELLED
                else (),
            )
        )
    return found


def _events(session: Session, first: dt.date, last: dt.date) -> list[AgendaEntry]:
    rows = session.execute(
        select(
            Event.id,
            Event.version,
            Event.title_fa,
            Event.title_en,
            Event.start_date,
            Event.end_date,
            Event.start_time,
            Event.end_time,
            Event.status,
            Event.venue,
            Event.venue_en,
        )
        .where(
            Event.archived_at.is_(None),
            Event.start_date <= last,
            # Events last at most MAX_EVENT_DAYS: the bound keeps the start_date index usable.
            Event.start_date >= first - dt.timedelta(days=MAX_EVENT_DAYS),
            Event.end_date >= first,
        )
        .order_by(Event.start_date, Event.id)
    ).all()
    found = []
    for r in rows:
        start = end = None
        if r[6] is not None:
            start = dt.datetime.combine(r[4], r[6], tzinfo=TEHRAN)
            end_time = r[7] or (dt.datetime.combine(r[4], r[6]) + dt.timedelta(hours=1)).time()
            end = dt.datetime.combine(r[5], end_time, tzinfo=TEHRAN)
            if end <= start:
                end = start + dt.timedelta(hours=1)
        status = EventStatus(r[8])
        found.append(
            AgendaEntry(
                kind=EntryKind.EVENT,
                record_id=r[0],
                version=r[1],
                title=r[2],
                title_en=r[3],
                first_day=r[4],
                last_day=max(r[5], r[4]),
                start=start,
                end=end,
                detail=r[9],
                detail_en=r[10] or r[9],
                venue=r[9],
                status=status.value,
                status_fa=status.label_fa,
                status_en=status.label_en,
            )
        )
    return found


def _agreements(
    session: Session, kind: EntryKind, first: dt.date, last: dt.date
) -> list[AgendaEntry]:
    column = Agreement.signing_date if kind is EntryKind.SIGNING else Agreement.expires_on
    rows = session.execute(
        select(
            Agreement.id,
            Agreement.version,
            Agreement.title,
            Agreement.title_en,
            column,
            Agreement.status,
            Agreement.signing_place,
            Agreement.reference_number,
        )
        .where(Agreement.archived_at.is_(None), column >= first, column <= last)
        .order_by(column, Agreement.id)
    ).all()
    found = []
    for r in rows:
        status = _member(AgreementStatus, r[5])
        found.append(
            AgendaEntry(
                kind=kind,
                record_id=r[0],
                version=r[1],
                title=r[2],
                title_en=r[3],
                first_day=r[4],
                last_day=r[4],
                detail=r[7] if kind is EntryKind.EXPIRY else r[6],
                detail_en=r[7] if kind is EntryKind.EXPIRY else r[6],
                venue=r[6],
                status=r[5],
                status_fa=status.label_fa if status else r[5],
                status_en=status.label_en if status else r[5],
            )
        )
    return found


def _followups(
    session: Session, kinds: set[EntryKind], first: dt.date, last: dt.date, today: dt.date
) -> list[AgendaEntry]:
    conditions = [
        FollowUpTask.archived_at.is_(None),
        FollowUpTask.deadline >= first,
        FollowUpTask.deadline <= last,
    ]
    if EntryKind.OBLIGATION not in kinds:
        conditions.append(FollowUpTask.source_kind != "agreement")
    elif EntryKind.FOLLOWUP not in kinds:
        conditions.append(FollowUpTask.source_kind == "agreement")
    rows = session.execute(
        select(
            FollowUpTask.id,
            FollowUpTask.version,
            FollowUpTask.title,
            FollowUpTask.deadline,
            FollowUpTask.status,
            FollowUpTask.source_kind,
            FollowUpTask.source_id,
            FollowUpTask.owner_text,
            Person.name_fa,
            Person.name_en,
        )
        .outerjoin(Person, Person.id == FollowUpTask.owner_person_id)
        .where(*conditions)
        .order_by(FollowUpTask.deadline, FollowUpTask.id)
    ).all()
    found = []
    for r in rows:
        status = _member(FollowUpStatus, r[4])
        found.append(
            AgendaEntry(
                kind=EntryKind.OBLIGATION if r[5] == "agreement" else EntryKind.FOLLOWUP,
                record_id=r[0],
                version=r[1],
                title=r[2],
                first_day=r[3],
                last_day=r[3],
                detail=r[8] or r[7],
                detail_en=r[9] or r[8] or r[7],
                status=r[4],
                status_fa=status.label_fa if status else r[4],
                status_en=status.label_en if status else r[4],
                overdue=r[3] < today and r[4] in OPEN_STATUSES,
                source_kind=r[5],
                source_id=r[6],
            )
        )
    return found


def _holidays(session: Session, first: dt.date, last: dt.date) -> list[AgendaEntry]:
    return [
        AgendaEntry(
            kind=EntryKind.HOLIDAY,
            record_id=0,
            title=h.name_fa,
            title_en=h.name_en,
            first_day=h.date,
            last_day=h.date,
            approximate=h.approximate,
        )
        for h in holidays_in_session(session, first, last)
    ]


def agenda_between(
    db: Database,
    *,
    start: dt.date,
    end: dt.date,
    kinds: Iterable[EntryKind] | None = None,
    today: dt.date | None = None,
) -> list[AgendaEntry]:
    """Every entry of ``kinds`` (default: all) on Tehran local days ``start`` … ``end``.

    Archived records are left out; cancelled visits and events are kept (their status
    says so) but never marked as clashing.  Sorted as ``core.calendar.sort_entries``.
    """
    wanted = set(ALL_KINDS if kinds is None else kinds)
    today = today or dt.date.today()
    found: list[AgendaEntry] = []
    with db.read_session() as session:
        if EntryKind.VISIT in wanted:
            found += mark_clashes(_visits(session, start, end))
        if EntryKind.EVENT in wanted:
            found += _events(session, start, end)
        for kind in (EntryKind.SIGNING, EntryKind.EXPIRY):
            if kind in wanted:
                found += _agreements(session, kind, start, end)
        if wanted & {EntryKind.OBLIGATION, EntryKind.FOLLOWUP}:
            found += _followups(session, wanted, start, end, today)
        if EntryKind.MEETING in wanted:
            found += meeting_entries(session, start, end)
        if EntryKind.RESOLUTION in wanted:
            found += resolution_entries(session, start, end, today)
        if EntryKind.DELEGATION in wanted:
            found += delegation_entries(session, start, end)
        if EntryKind.HOLIDAY in wanted:
            found += _holidays(session, start, end)
    return sort_entries(found)


def reminders(db: Database, *, today: dt.date, limit: int = 50) -> list[AgendaEntry]:
    """Today's entries (holidays aside) and every open follow-up or obligation past its deadline."""
    todays = [
        e
        for e in agenda_between(db, start=today, end=today, today=today)
        if e.kind is not EntryKind.HOLIDAY
        and e.status not in (VisitStatus.CANCELLED.value, EventStatus.CANCELLED.value)
        and not (
            e.kind in (EntryKind.FOLLOWUP, EntryKind.OBLIGATION) and e.status not in OPEN_STATUSES
        )
    ]
    with db.read_session() as session:
        rows = session.scalars(overdue_query(today, limit)).all()
        overdue = []
        for t in rows:
            view = followup_view(t)
            assert view.deadline is not None
            overdue.append(
                AgendaEntry(
                    kind=EntryKind.OBLIGATION
                    if t.source_kind == "agreement"
                    else EntryKind.FOLLOWUP,
                    record_id=t.id,
                    version=t.version,
                    title=t.title,
                    first_day=view.deadline,
                    last_day=view.deadline,
                    detail=view.owner_name_fa,
                    detail_en=(t.owner.name_en if t.owner else "") or view.owner_name_fa,
                    status=t.status,
                    overdue=True,
                    source_kind=t.source_kind,
                    source_id=t.source_id,
                )
            )
    return todays[:limit] + overdue
