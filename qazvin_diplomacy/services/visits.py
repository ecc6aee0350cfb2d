"""Visits use-cases: list, calendar, form (validation, conflicts, saving), status and archive.

Every function takes the ``Database`` first and keyword-only arguments, runs one
transaction and returns core objects (``core.visits``), never ORM rows.  Datetimes come
back timezone-aware in Tehran time; dates in arguments are Tehran local dates.

Free-text search: each typed word must occur (as a compact key, see ``core.text``) either
in the visit's stored ``search_key`` (title, purpose, venue, delegation, country names,
outcome) or in the directory ``search_key`` of one of its guests or hosts, so a renamed
contact is found under the new name without re-indexing visits.

Range queries assume no visit lasts more than ``MAX_VISIT_DAYS`` (``save_visit`` refuses
longer ones; bulk loaders such as the demo must respect it too).  Guests and hosts are
picked and created through ``services.directory`` (``list_people``, ``save_person``).
Off days are Fridays and the holidays of ``services.holidays`` (fixed, lunar — approximate until
the office confirms them — and office-added).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    func,
    literal_column,
    or_,
    select,
    true,
    union,
)
from sqlalchemy.orm import Session, selectinload

from qazvin_diplomacy.core.clock import to_local
from qazvin_diplomacy.core.errors import KnownError, NotFoundError, ValidationError
from qazvin_diplomacy.core.followups import FollowUpInput, FollowUpView
from qazvin_diplomacy.core.jalali import week_range
from qazvin_diplomacy.core.text import compact_key, index_key, normalize, search_terms
from qazvin_diplomacy.core.visits import (
    MAX_VISIT_DAYS,
    SORT_KEYS,
    AgendaCards,
    ChecklistEntry,
    ChecklistItem,
    ChecklistState,
    Conflict,
    ConflictKind,
    ConflictsFound,
    GiftDirection,
    GiftEntry,
    GuestEntry,
    GuestRole,
    ItineraryEntry,
    PersonRef,
    VisitDetail,
    VisitFilter,
    VisitInput,
    VisitStatus,
    VisitSummary,
    as_utc,
    complete_checklist,
    gift_warning_text,
    local_dates,
    local_days_span,
    off_day_conflicts,
    person_conflict,
    transition_error,
    validate_visit,
    venue_conflict,
)
from qazvin_diplomacy.services.followups import apply_followup
from qazvin_diplomacy.services.holidays import holidays_in_session
from qazvin_diplomacy.services.records import check_version, get_row, set_archived, write
from qazvin_diplomacy.storage.base import utcnow
from qazvin_diplomacy.storage.database import PERSIAN_COLLATION, Database
from qazvin_diplomacy.storage.directory import Country, Person
from qazvin_diplomacy.storage.followups import FollowUpTask
from qazvin_diplomacy.storage.visits import (
    Visit,
    VisitChecklistItem,
    VisitGift,
    VisitGuest,
    VisitHost,
    VisitItineraryItem,
)

__all__ = [
    "archive_visit",
    "change_status",
    "count_visits",
    "find_conflicts",
    "get_visit",
    "gift_warning",
    "gift_warnings",
    "list_visits",
    "restore_visit",
    "save_visit",
    "today_and_week",
    "visits_between",
]

WHAT = "دیدار"
SOURCE_KIND = "visit"
# Visits are at most MAX_VISIT_DAYS long (validated), so a visit overlapping a range starts
# at most that long before it: the bound lets range queries use the start_at indexes.
_LONGEST = timedelta(days=MAX_VISIT_DAYS + 1)
_CHECKLIST_KEYS = frozenset(k.value for k in ChecklistItem)


# --- reading ---------------------------------------------------------------------------


def _local(dt: datetime) -> datetime:
    return to_local(dt)


def _overlapping(lower: datetime, upper: datetime) -> ColumnElement[bool]:
    """Visits sharing a moment with ``[lower, upper)`` (UTC)."""
    return and_(Visit.start_at < upper, Visit.end_at > lower, Visit.start_at > lower - _LONGEST)


def _text_condition(text: str) -> ColumnElement[bool]:
    """Each typed word in the visit's own key or in a guest's or host's directory key."""
    conditions = []
    for term in search_terms(text):
        people = select(Person.id).where(Person.search_key.like(f"%{term}%"))
        linked = union(
            select(VisitGuest.visit_id).where(VisitGuest.person_id.in_(people)),
            select(VisitHost.visit_id).where(VisitHost.person_id.in_(people)),
        )
        conditions.append(or_(Visit.search_key.like(f"%{term}%"), Visit.id.in_(linked)))
    return and_(*conditions) if conditions else true()


# "+column" keeps SQLite from choosing an archived_at index: used when grouping, where a
# scan of the covering (status|country_id, archived_at, start_at) index is much cheaper.
_ARCHIVED_NOT_INDEXED: ColumnElement[Any] = literal_column("+visit.archived_at")


def _filter_conditions(
    filters: VisitFilter, archived: ColumnElement[Any] | None = None
) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    archived_at = Visit.archived_at if archived is None else archived
    if filters.archived_only:
        conditions.append(archived_at.is_not(None))
    elif not filters.include_archived:
        conditions.append(archived_at.is_(None))
    if filters.country_id is not None:
        conditions.append(Visit.country_id == filters.country_id)
    if filters.status is not None:
        conditions.append(Visit.status == VisitStatus(filters.status).value)
    if filters.date_from is not None or filters.date_to is not None:
        first = filters.date_from or date(1900, 1, 1)
        last = filters.date_to or date(2200, 1, 1)
        lower, upper = local_days_span(first, last)
        if filters.date_from is None:
            conditions.append(Visit.start_at < upper)
        else:
            conditions.append(_overlapping(lower, upper))
    if filters.text and filters.text.strip():
        conditions.append(_text_condition(filters.text))
    if filters.person_id is not None:
        conditions.append(Visit.id.in_(_visits_of_people(Person.id == filters.person_id)))
    if filters.organization_id is not None:
        conditions.append(
            Visit.id.in_(_visits_of_people(Person.organization_id == filters.organization_id))
        )
    return conditions


def _visits_of_people(who: ColumnElement[bool]) -> Any:
    """Ids of the visits whose guests or hosts match ``who`` (a condition on Person)."""
    people = select(Person.id).where(who)
    return union(
        select(VisitGuest.visit_id).where(VisitGuest.person_id.in_(people)),
        select(VisitHost.visit_id).where(VisitHost.person_id.in_(people)),
    )


# Sort keys read from an index on (archived_at, column); "status" and "country" are sorted
# group by group (see _bucketed_page).  Ties are broken by id.
_SORT_COLUMNS: dict[str, Any] = {
    "start": Visit.start_at,
    "end": Visit.end_at,
    "title": Visit.title,
    "venue": Visit.venue,
}
_BUCKETED = ("status", "country")
assert set(_SORT_COLUMNS) | set(_BUCKETED) == set(SORT_KEYS)

_SUMMARY_COLUMNS = (
    Visit.id,
    Visit.version,
    Visit.title,
    Visit.start_at,
    Visit.end_at,
    Visit.status,
    Visit.venue,
    Visit.country_id,
    Country.name_fa,
    Country.name_en,
    Visit.delegation_name,
    Visit.archived_at,
)


def _summary_query() -> Select[Any]:
    return select(*_SUMMARY_COLUMNS).outerjoin(Country, Country.id == Visit.country_id)


def _people_of(
    session: Session, link: type[VisitGuest] | type[VisitHost], visit_ids: Sequence[int]
) -> dict[int, list[PersonRef]]:
    found: dict[int, list[PersonRef]] = defaultdict(list)
    if not visit_ids:
        return found
    rows = session.execute(
        select(
            link.visit_id,
            Person.id,
            Person.name_fa,
            Person.name_en,
            Person.title_fa,
            Person.title_en,
            Person.country_id,
        )
        .join(Person, Person.id == link.person_id)
        .where(link.visit_id.in_(visit_ids))
        .order_by(link.visit_id, link.sort_order, link.id)
    )
    for visit_id, *person in rows:
        found[visit_id].append(PersonRef(*person))
    return found


def _summaries(session: Session, query: Select[Any]) -> list[VisitSummary]:
    rows = session.execute(query).all()
    ids = [r[0] for r in rows]
    guests = _people_of(session, VisitGuest, ids)
    hosts = _people_of(session, VisitHost, ids)
    return [
        VisitSummary(
            id=r[0],
            version=r[1],
            title=r[2],
            start_at=_local(r[3]),
            end_at=_local(r[4]),
            status=VisitStatus(r[5]),
            venue=r[6],
            country_id=r[7],
            country_name_fa=r[8] or "",
            country_name_en=r[9] or "",
            delegation_name=r[10],
            guests=tuple(guests.get(r[0], ())),
            hosts=tuple(hosts.get(r[0], ())),
            archived=r[11] is not None,
        )
        for r in rows
    ]


def list_visits(
    db: Database,
    *,
    filters: VisitFilter | None = None,
    sort: str = "start",
    descending: bool = False,
    offset: int = 0,
    limit: int = 100,
) -> list[VisitSummary]:
    """One page of the visits list, filtered and sorted in SQL.

    ``sort`` is one of ``core.visits.SORT_KEYS``: "status" sorts in workflow order and
    "country" by Persian name, both then by start; ties are broken by id in the same
    direction, so pages never overlap or skip rows.  The page's ids are found first from
    the indexes alone (a "deferred join"), so a page deep in 50,000 visits costs about as
    much as the first.
    """
    if sort not in SORT_KEYS:
        raise ValueError(f"unknown sort key {sort!r}; expected one of {SORT_KEYS}")
    filters = filters or VisitFilter()
    conditions = _filter_conditions(filters)
    offset, limit = max(offset, 0), max(limit, 0)
    with db.read_session() as session:
        if sort in _BUCKETED:
            ids = _bucketed_page(session, filters, sort, descending, offset, limit)
            rows = _summaries(session, _summary_query().where(Visit.id.in_(ids)))
            position = {visit_id: i for i, visit_id in enumerate(ids)}
            return sorted(rows, key=lambda row: position[row.id])
        column = _SORT_COLUMNS[sort]
        order = (column.desc(), Visit.id.desc()) if descending else (column.asc(), Visit.id.asc())
        page = select(Visit.id).where(*conditions).order_by(*order).offset(offset).limit(limit)
        query = _summary_query().where(Visit.id.in_(page.scalar_subquery())).order_by(*order)
        return _summaries(session, query)


def _bucketed_page(
    session: Session,
    filters: VisitFilter,
    sort: str,
    descending: bool,
    offset: int,
    limit: int,
) -> list[int]:
    """Ids of a page sorted by status (workflow order) or country (Persian name), then start.

    Sorting 50,000 rows by a computed key takes ~100 ms; instead count the visits of each
    status/country, skip whole groups up to ``offset`` and read the page from the
    ``(status|country_id, archived_at, start_at)`` indexes.
    """
    column = Visit.status if sort == "status" else Visit.country_id
    grouping = _filter_conditions(filters, _ARCHIVED_NOT_INDEXED)
    counts: dict[Any, int] = {
        value: n
        for value, n in session.execute(
            select(column, func.count()).where(*grouping).group_by(column)
        )
    }
    conditions = _filter_conditions(filters)
    if sort == "status":
        known = [s.value for s in VisitStatus]
        values: list[Any] = [v for v in known if v in counts]
        values += sorted(v for v in counts if v not in known)
    else:
        named = session.scalars(
            select(Country.id)
            .where(Country.id.in_([v for v in counts if v is not None]))
            .order_by(Country.name_fa.collate(PERSIAN_COLLATION), Country.id)
        ).all()
        values = ([None] if None in counts else []) + list(named)  # NULL first, as SQL sorts
    if descending:
        values.reverse()
    order = (
        (Visit.start_at.desc(), Visit.id.desc())
        if descending
        else (Visit.start_at.asc(), Visit.id.asc())
    )
    ids: list[int] = []
    for value in values:
        if len(ids) >= limit:
            break
        if offset >= counts[value]:
            offset -= counts[value]
            continue
        same = column.is_(None) if value is None else column == value
        ids += session.scalars(
            select(Visit.id)
            .where(*conditions, same)
            .order_by(*order)
            .offset(offset)
            .limit(limit - len(ids))
        ).all()
        offset = 0
    return ids


def count_visits(db: Database, *, filters: VisitFilter | None = None) -> int:
    """How many visits ``list_visits`` would give with ``filters`` (all pages)."""
    filters = filters or VisitFilter()
    # A text filter reads every row anyway: a plain table scan beats walking the
    # archived_at index with a lookup per row (about 2x on 50,000 visits).
    scan = filters.text.strip() and filters.date_from is None and filters.date_to is None
    conditions = _filter_conditions(filters, _ARCHIVED_NOT_INDEXED if scan else None)
    query = select(func.count()).select_from(Visit).where(*conditions)
    with db.read_session() as session:
        return int(session.scalar(query) or 0)


def visits_between(
    db: Database, *, start: date, end: date, include_cancelled: bool = True
) -> list[VisitSummary]:
    """Visits (not archived) overlapping Tehran local days ``start`` … ``end`` inclusive, by start.

    For the month grid and the week agenda; a visit over several days appears once.
    """
    lower, upper = local_days_span(start, end)
    conditions = [Visit.archived_at.is_(None), _overlapping(lower, upper)]
    if not include_cancelled:
        conditions.append(Visit.status != VisitStatus.CANCELLED.value)
    query = _summary_query().where(*conditions).order_by(Visit.start_at, Visit.id)
    with db.read_session() as session:
        return _summaries(session, query)


def today_and_week(db: Database, *, today: date) -> AgendaCards:
    """Dashboard cards: visits (not cancelled) of ``today`` and of its Saturday–Friday week."""
    week_start, week_end = week_range(today)
    week = visits_between(db, start=week_start, end=week_end, include_cancelled=False)
    lower, upper = local_days_span(today, today)
    todays = [v for v in week if v.start_at < upper and v.end_at > lower]
    return AgendaCards(today, week_start, week_end, tuple(todays), tuple(week))


def _people_refs(session: Session, ids: Iterable[int | None]) -> tuple[PersonRef, ...]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return ()
    rows = session.execute(
        select(
            Person.id,
            Person.name_fa,
            Person.name_en,
            Person.title_fa,
            Person.title_en,
            Person.country_id,
        ).where(Person.id.in_(wanted))
    )
    return tuple(PersonRef(*r) for r in rows)


def _followup_view(task: FollowUpTask, people: dict[int, PersonRef]) -> FollowUpView:
    owner = people.get(task.owner_person_id) if task.owner_person_id is not None else None
    return FollowUpView(
        id=task.id,
        version=task.version,
        title=task.title,
        source_kind=task.source_kind,
        source_id=task.source_id,
        owner_person_id=task.owner_person_id,
        owner_text=task.owner_text,
        deadline=task.deadline,
        status=task.status,
        notes=task.notes,
        owner_name_fa=owner.name_fa if owner else task.owner_text,
    )


def _detail(session: Session, row: Visit) -> VisitDetail:
    tasks = session.scalars(
        select(FollowUpTask)
        .where(
            FollowUpTask.source_kind == SOURCE_KIND,
            FollowUpTask.source_id == row.id,
            FollowUpTask.archived_at.is_(None),
        )
        .order_by(FollowUpTask.deadline.is_(None), FollowUpTask.deadline, FollowUpTask.id)
    ).all()
    people = _people_refs(
        session,
        [g.person_id for g in row.guests]
        + [h.person_id for h in row.hosts]
        + [i.responsible_person_id for i in row.itinerary]
        + [g.person_id for g in row.gifts]
        + [t.owner_person_id for t in tasks],
    )
    by_id = {p.id: p for p in people}
    return VisitDetail(
        id=row.id,
        version=row.version,
        title=row.title,
        title_en=row.title_en,
        start_at=_local(row.start_at),
        end_at=_local(row.end_at),
        purpose=row.purpose,
        status=VisitStatus(row.status),
        venue=row.venue,
        country_id=row.country_id,
        delegation_name=row.delegation_name,
        outcome=row.outcome,
        guests=tuple(GuestEntry(g.person_id, GuestRole(g.role)) for g in row.guests),
        hosts=tuple(h.person_id for h in row.hosts),
        itinerary=tuple(
            ItineraryEntry(
                start_at=_local(i.start_at),
                end_at=_local(i.end_at),
                activity=i.activity,
                place=i.place,
                activity_en=i.activity_en,
                place_en=i.place_en,
                responsible_text=i.responsible_text,
                responsible_person_id=i.responsible_person_id,
                transport=i.transport,
                interpreter=i.interpreter,
                notes=i.notes,
                id=i.id,
            )
            for i in row.itinerary
        ),
        checklist=complete_checklist(
            ChecklistEntry(ChecklistItem(c.item_key), ChecklistState(c.state), c.note)
            for c in row.checklist
            if c.item_key in _CHECKLIST_KEYS
        ),
        gifts=tuple(
            GiftEntry(
                direction=GiftDirection(g.direction),
                description=g.description,
                person_id=g.person_id,
                gift_date=g.gift_date,
                notes=g.notes,
                id=g.id,
            )
            for g in row.gifts
        ),
        followups=tuple(_followup_view(t, by_id) for t in tasks),
        conflict_reason=row.conflict_reason,
        country_name_fa=row.country.name_fa if row.country else "",
        country_name_en=row.country.name_en if row.country else "",
        archived_at=_local(row.archived_at) if row.archived_at else None,
        created_at=_local(row.created_at),
        updated_at=_local(row.updated_at),
        people=people,
    )


def _load(session: Session, visit_id: int) -> Visit:
    row = session.scalar(
        select(Visit)
        .where(Visit.id == visit_id)
        .options(
            selectinload(Visit.guests),
            selectinload(Visit.hosts),
            selectinload(Visit.itinerary),
            selectinload(Visit.checklist),
            selectinload(Visit.gifts),
        )
    )
    if row is None:
        raise NotFoundError(f"دیدار با شناسه {visit_id} پیدا نشد.", f"No visit with id {visit_id}.")
    return row


def get_visit(db: Database, visit_id: int) -> VisitDetail:
    """The whole visit (archived ones too: see ``VisitDetail.archived``)."""
    with db.read_session() as session:
        return _detail(session, _load(session, visit_id))


# --- conflicts -------------------------------------------------------------------------


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
        for pid, kind in mine:
            person = people.get(pid) or PersonRef(pid, f"#{pid}")
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
    days = local_dates(start, end)[: MAX_VISIT_DAYS + 1]
    holidays = holidays_in_session(session, days[0], days[-1]) if days else []
    found.extend(off_day_conflicts(start, end, holidays))
    return found


def find_conflicts(db: Database, *, visit: VisitInput) -> list[Conflict]:
    """What clashes with ``visit``: its hosts or guests, or its venue, booked in another visit.

    Other visits count when they overlap in time (half-open spans) and are neither cancelled
    nor archived.  Also each Friday or official holiday (lunar ones too) the visit touches.
    """
    with db.read_session() as session:
        return _find_conflicts(session, visit)


# --- gifts -----------------------------------------------------------------------------


def _earlier_gift(
    session: Session,
    person_id: int,
    key: str,
    *,
    exclude_gift_id: int | None = None,
    exclude_visit_id: int | None = None,
) -> tuple[str, str, date | None] | None:
    """(person name, visit title, date) of a stored gift of the same kind to the person."""
    conditions = [
        VisitGift.person_id == person_id,
        VisitGift.description_key == key,
        VisitGift.direction == GiftDirection.GIVEN.value,
        Visit.archived_at.is_(None),
    ]
    if exclude_gift_id is not None:
        conditions.append(VisitGift.id != exclude_gift_id)
    if exclude_visit_id is not None:
        conditions.append(VisitGift.visit_id != exclude_visit_id)
    row = session.execute(
        select(Person.name_fa, Visit.title, VisitGift.gift_date)
        .join(Visit, Visit.id == VisitGift.visit_id)
        .join(Person, Person.id == VisitGift.person_id)
        .where(*conditions)
        .order_by(VisitGift.gift_date.desc(), VisitGift.id.desc())
        .limit(1)
    ).first()
    return (row[0], row[1], row[2]) if row else None


def gift_warning(
    db: Database, *, person_id: int, description: str, exclude_gift_id: int | None = None
) -> str | None:
    """A Persian warning when ``person_id`` was already given the same gift, else None.

    "The same" compares descriptions by compact key (spelling variants, spaces and ZWNJ
    ignored), across every visit that is not archived.  A warning, not a refusal.
    """
    key = compact_key(description)
    if not key:
        return None
    with db.read_session() as session:
        earlier = _earlier_gift(session, person_id, key, exclude_gift_id=exclude_gift_id)
    if earlier is None:
        return None
    return gift_warning_text(earlier[0], description, earlier[1], earlier[2])


def gift_warnings(db: Database, *, visit: VisitInput) -> dict[int, str]:
    """Warnings for the given gifts of a whole form, by gift row index.

    A row is warned about when the person received the same gift in another visit or in
    an earlier row of this form.  The visit's own stored gifts are not counted: the form
    replaces them.
    """
    warnings: dict[int, str] = {}
    seen: dict[tuple[int, str], int] = {}
    with db.read_session() as session:
        for i, gift in enumerate(visit.gifts):
            key = compact_key(gift.description)
            if gift.direction is not GiftDirection.GIVEN or gift.person_id is None or not key:
                continue
            earlier = _earlier_gift(session, gift.person_id, key, exclude_visit_id=visit.id)
            if earlier is not None:
                warnings[i] = gift_warning_text(
                    earlier[0], gift.description, earlier[1], earlier[2]
                )
            elif (gift.person_id, key) in seen:
                name = next(iter(_people_refs(session, [gift.person_id])), None)
                warnings[i] = (
                    f"هدیه «{gift.description.strip()}» در همین دیدار دو بار به "
                    f"«{name.name_fa if name else gift.person_id}» داده شده است."
                )
            seen.setdefault((gift.person_id, key), i)
    return warnings


# --- writing ---------------------------------------------------------------------------


def _check_people_exist(session: Session, visit: VisitInput) -> dict[str, str]:
    groups = {
        "guests": [g.person_id for g in visit.guests],
        "hosts": list(visit.hosts),
    }
    for i, item in enumerate(visit.itinerary):
        groups[f"itinerary.{i}.responsible_person_id"] = [item.responsible_person_id]
    for i, gift in enumerate(visit.gifts):
        groups[f"gifts.{i}.person_id"] = [gift.person_id]
    for i, task in enumerate(visit.followups):
        groups[f"followups.{i}.owner_person_id"] = [task.owner_person_id]
    wanted = {pid for ids in groups.values() for pid in ids if pid is not None}
    known = (
        set(session.scalars(select(Person.id).where(Person.id.in_(wanted)))) if wanted else set()
    )
    errors: dict[str, str] = {}
    for name, ids in groups.items():
        if any(pid is not None and pid not in known for pid in ids):
            errors[name] = "شخص انتخاب‌شده در فهرست مخاطبان پیدا نشد."
    if visit.country_id is not None and session.get(Country, visit.country_id) is None:
        errors["country_id"] = "کشور انتخاب‌شده پیدا نشد."
    return errors


def _sync_links(
    session: Session,
    rows: list[Any],
    wanted: Sequence[tuple[int, dict[str, Any]]],
    factory: type[VisitGuest] | type[VisitHost],
) -> None:
    """Make link ``rows`` (keyed by person_id) match ``wanted`` [(person_id, values)]."""
    existing = {r.person_id: r for r in rows}
    keep = {pid for pid, _ in wanted}
    for row in list(rows):
        if row.person_id not in keep:
            rows.remove(row)
    session.flush()  # delete before insert: (visit_id, person_id) is unique
    for order, (pid, values) in enumerate(wanted):
        row = existing.get(pid)
        if row is None:
            row = factory(person_id=pid)
            rows.append(row)
        row.sort_order = order
        for name, value in values.items():
            setattr(row, name, value)


def _by_id(rows: Iterable[Any], ids: Iterable[int | None], what: str) -> dict[int, Any]:
    existing = {r.id: r for r in rows}
    for row_id in ids:
        if row_id is not None and row_id not in existing:
            raise NotFoundError(
                f"{what} با شناسه {row_id} در این دیدار پیدا نشد؛ فرم را دوباره باز کنید.",
                f"No {what} with id {row_id} in this visit.",
            )
    return existing


def _write_children(session: Session, row: Visit, visit: VisitInput, start: datetime) -> None:
    _sync_links(
        session,
        row.guests,
        [(g.person_id, {"role": GuestRole(g.role).value}) for g in visit.guests],
        VisitGuest,
    )
    _sync_links(session, row.hosts, [(pid, {}) for pid in visit.hosts], VisitHost)

    items = _by_id(row.itinerary, (i.id for i in visit.itinerary), "بند برنامه")
    kept_items = []
    for order, item in enumerate(visit.itinerary):
        target = items.get(item.id) if item.id is not None else None
        if target is None:
            target = VisitItineraryItem()
        assert item.start_at is not None and item.end_at is not None  # validated
        target.sort_order = order
        target.start_at = as_utc(item.start_at)
        target.end_at = as_utc(item.end_at)
        target.place = normalize(item.place)
        target.activity = normalize(item.activity)
        target.place_en = normalize(item.place_en)
        target.activity_en = normalize(item.activity_en)
        target.responsible_text = normalize(item.responsible_text)
        target.responsible_person_id = item.responsible_person_id
        target.transport = normalize(item.transport)
        target.interpreter = normalize(item.interpreter)
        target.notes = normalize(item.notes)
        kept_items.append(target)
    row.itinerary = kept_items

    states = {c.key: c for c in complete_checklist(visit.checklist)}
    checklist = {c.item_key: c for c in row.checklist}
    for key, entry in states.items():
        target_c = checklist.get(key.value)
        if target_c is None:
            target_c = VisitChecklistItem(item_key=key.value)
            row.checklist.append(target_c)
        target_c.state = ChecklistState(entry.state).value
        target_c.note = normalize(entry.note)

    gifts = _by_id(row.gifts, (g.id for g in visit.gifts), "هدیه")
    kept_gifts = []
    first_day = to_local(start).date()
    for order, gift in enumerate(visit.gifts):
        target_g = gifts.get(gift.id) if gift.id is not None else None
        if target_g is None:
            target_g = VisitGift()
        target_g.sort_order = order
        target_g.direction = GiftDirection(gift.direction).value
        target_g.person_id = gift.person_id
        target_g.description = normalize(gift.description)
        target_g.description_key = compact_key(gift.description)
        target_g.gift_date = gift.gift_date or first_day
        target_g.notes = normalize(gift.notes)
        kept_gifts.append(target_g)
    row.gifts = kept_gifts


def _write_followups(session: Session, visit_id: int, followups: Sequence[FollowUpInput]) -> None:
    tasks = session.scalars(
        select(FollowUpTask).where(
            FollowUpTask.source_kind == SOURCE_KIND,
            FollowUpTask.source_id == visit_id,
            FollowUpTask.archived_at.is_(None),
        )
    ).all()
    existing = _by_id(tasks, (t.id for t in followups), "اقدام پیگیری")
    kept: set[int] = set()
    for task in followups:
        target = existing.get(task.id) if task.id is not None else None
        if target is None:
            target = FollowUpTask(title="")
            session.add(target)
        else:
            check_version(target, task.version, "اقدام پیگیری")
            kept.add(target.id)
        apply_followup(target, replace(task, source_kind=SOURCE_KIND, source_id=visit_id))
    now = utcnow()
    for task_row in tasks:
        if task_row.id not in kept:
            task_row.archived_at = now


def visit_search_key(row: Visit, country: Country | None) -> str:
    """The stored search key of a visit (its own texts and its country's names)."""
    return index_key(
        row.title,
        row.title_en,
        row.purpose,
        row.venue,
        row.delegation_name,
        country.name_fa if country else "",
        country.name_en if country else "",
        row.outcome,
    )


def _search_key(session: Session, row: Visit) -> str:
    country = session.get(Country, row.country_id) if row.country_id is not None else None
    return visit_search_key(row, country)


def _guest_country(session: Session, visit: VisitInput) -> int | None:
    if visit.country_id is not None or not visit.guests:
        return visit.country_id
    ids = [g.person_id for g in visit.guests]
    rows = session.execute(select(Person.id, Person.country_id).where(Person.id.in_(ids)))
    countries = {pid: cid for pid, cid in rows}
    return next((countries[i] for i in ids if countries.get(i) is not None), None)


def save_visit(
    db: Database, *, visit: VisitInput, conflict_reason: str | None = None
) -> VisitDetail:
    """Validate and write the whole visit form in one transaction; return it as stored.

    Raises ``ValidationError`` ({field: Persian message}) for missing or inconsistent input,
    ``ConflictsFound`` when something clashes (see ``find_conflicts``) and no
    ``conflict_reason`` is given (the reason is stored; it is cleared when a later save has
    no conflicts), ``StaleRecordError`` when the visit or one of its follow-ups changed since
    it was read (``version``), ``NotFoundError`` for an unknown id.  Nothing is written when
    any of these is raised.
    """
    errors = validate_visit(visit)
    if errors:
        raise ValidationError(errors)
    assert visit.start_at is not None and visit.end_at is not None
    start, end = as_utc(visit.start_at), as_utc(visit.end_at)
    reason = normalize(conflict_reason)
    with write(db) as session:
        if visit.id is None:
            row = Visit(title="", start_at=start, end_at=end)
        else:
            row = _load(session, visit.id)
            check_version(row, visit.version, WHAT)
            if row.archived_at is not None:
                raise KnownError(
                    "این دیدار بایگانی شده است؛ برای ویرایش، ابتدا آن را از بایگانی بازیابی کنید.",
                    "This visit is archived; restore it before editing.",
                )
            message = transition_error(VisitStatus(row.status), VisitStatus(visit.status))
            if message:
                errors["status"] = message
        errors.update(_check_people_exist(session, visit))
        if errors:
            raise ValidationError(errors)
        conflicts = _find_conflicts(session, visit)
        if conflicts and not reason:
            raise ConflictsFound(conflicts)
        row.title = normalize(visit.title)
        row.title_en = normalize(visit.title_en)
        row.purpose = normalize(visit.purpose)
        row.status = VisitStatus(visit.status).value
        row.start_at = start
        row.end_at = end
        row.venue = normalize(visit.venue)
        row.venue_key = compact_key(visit.venue)
        row.country_id = _guest_country(session, visit)
        row.delegation_name = normalize(visit.delegation_name)
        row.outcome = normalize(visit.outcome)
        row.conflict_reason = reason if conflicts else ""
        row.search_key = _search_key(session, row)
        # Touch the visit so its version moves even when only child rows changed.
        row.updated_at = utcnow()
        if visit.id is None:
            session.add(row)
            session.flush()
        _write_children(session, row, visit, start)
        _write_followups(session, row.id, visit.followups)
        session.flush()
        session.expire(row)
        return _detail(session, _load(session, row.id))


def change_status(
    db: Database, *, visit_id: int, version: int | None, status: VisitStatus
) -> VisitDetail:
    """Move a visit to ``status`` if the workflow allows it (``ValidationError`` on "status")."""
    with write(db) as session:
        row = _load(session, visit_id)
        check_version(row, version, WHAT)
        message = transition_error(VisitStatus(row.status), VisitStatus(status))
        if message:
            raise ValidationError({"status": message})
        if row.status != VisitStatus(status).value:
            row.status = VisitStatus(status).value
            session.flush()
        return _detail(session, row)


def archive_visit(db: Database, *, visit_id: int, version: int | None) -> None:
    """Archive (delete for users) a visit; it stays restorable from the archive view."""
    with write(db) as session:
        set_archived(session, get_row(session, Visit, visit_id, WHAT), version, True, WHAT)


def restore_visit(db: Database, *, visit_id: int, version: int | None) -> None:
    """Bring an archived visit back into lists and calendars."""
    with write(db) as session:
        set_archived(session, get_row(session, Visit, visit_id, WHAT), version, False, WHAT)
