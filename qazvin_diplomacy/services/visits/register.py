"""The visits list and calendar: filters and sort orders (paged in SQL), counts, date ranges and the agenda cards."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select, true, union
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, aliased

from qazvin_diplomacy.core.jalali import week_range
from qazvin_diplomacy.core.text import search_terms
from qazvin_diplomacy.core.visits import (
    SORT_KEYS,
    AgendaCards,
    PersonRef,
    VisitFilter,
    VisitStatus,
    VisitSummary,
    local_days_span,
)
from qazvin_diplomacy.services.listing import count_of
from qazvin_diplomacy.services.search import MIN_INDEXED_TERM, indexed_ids
from qazvin_diplomacy.services.search_index import raise_if_index_damaged
from qazvin_diplomacy.services.visits.records import PERSON_REF_COLUMNS, _local, _overlapping
from qazvin_diplomacy.storage.database import PERSIAN_COLLATION, Database
from qazvin_diplomacy.storage.dialects import not_indexed
from qazvin_diplomacy.storage.directory import Country, Person
from qazvin_diplomacy.storage.visits import Visit, VisitGuest, VisitHost

#: A word the index finds in more visits than this is looked for in a page's rows one by one
#: (``LIKE`` while walking the sort order finds a page's rows soon); a rarer one narrows the
#: rows to try through the index first.
DENSE_TERM = 4000


def _text_condition(text: str, indexed: Callable[[str], bool]) -> ColumnElement[bool]:
    """Each typed word in the visit's own key or in a guest's or host's directory key.

    A word for which ``indexed`` is true is first looked up in the search index
    (``services.search.indexed_ids``, which holds the live visits' keys): only the visits it
    names are tried with ``LIKE`` (the index may fold a few more characters than ``LIKE``), so
    the rows are the same as a scan's without reading every visit.  Other words (one or two
    characters, which a trigram index cannot serve; lists with archived visits, which the
    index does not hold; words in most visits) are tried on each row as before.
    """
    conditions = []
    for term in search_terms(text):
        pattern = f"%{term}%"
        # The people are read once for the guests and the hosts (a CTE), not scanned twice.
        people = select(select(Person.id).where(Person.search_key.like(pattern)).cte().c.id)
        of_people = (
            select(VisitGuest.visit_id).where(VisitGuest.person_id.in_(people)),
            select(VisitHost.visit_id).where(VisitHost.person_id.in_(people)),
        )
        if indexed(term):
            own = aliased(Visit)
            named = select(own.id).where(
                own.id.in_(indexed_ids("visit", term)), own.search_key.like(pattern)
            )
            conditions.append(Visit.id.in_(union(named, *of_people)))
        else:
            conditions.append(or_(Visit.search_key.like(pattern), Visit.id.in_(union(*of_people))))
    return and_(*conditions) if conditions else true()


def _index_serves(filters: VisitFilter, session: Session | None) -> Callable[[str], bool]:
    """Which words of ``filters.text`` to look up in the index first (see ``_text_condition``).

    With a ``session`` (a page to read in sort order) only words the index finds in at most
    :data:`DENSE_TERM` visits; without one (a count, which reads every match) every word long
    enough for the trigram index.
    """
    if filters.include_archived or filters.archived_only:
        return lambda term: False

    def serves(term: str) -> bool:
        if len(term) < MIN_INDEXED_TERM:
            return False
        if session is None:
            return True
        hits = indexed_ids("visit", term).limit(DENSE_TERM + 1).subquery()
        return (session.scalar(select(func.count()).select_from(hits)) or 0) <= DENSE_TERM

    return serves


@contextmanager
def _index_explained(db: Database, filters: VisitFilter) -> Iterator[None]:
    """A text filter reads the search index: a damaged one raises ``SearchIndexDamaged`` (its
    message says to run ``check --repair``), as global search and every write do."""
    try:
        yield
    except DatabaseError as exc:
        if filters.text.strip():
            raise_if_index_damaged(db, exc)
        raise


# "+column" (``not_indexed``) keeps SQLite from choosing an archived_at index: used when grouping, where a
# scan of the covering (status|country_id, archived_at, start_at) index is much cheaper.
_ARCHIVED_NOT_INDEXED: ColumnElement[Any] = not_indexed(Visit.archived_at)


def _filter_conditions(
    filters: VisitFilter,
    archived: ColumnElement[Any] | None = None,
    session: Session | None = None,
    serves: Callable[[str], bool] | None = None,
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
        serves = serves or _index_serves(filters, session)
        conditions.append(_text_condition(filters.text, serves))
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
    Visit.title_en,
    Visit.confidential,
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
        select(link.visit_id, *PERSON_REF_COLUMNS)
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
            title_en=r[12] or "",
            confidential=bool(r[13]),
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
    offset, limit = max(offset, 0), max(limit, 0)
    with _index_explained(db, filters), db.read_session() as session:
        if sort in _BUCKETED:
            ids = _bucketed_page(session, filters, sort, descending, offset, limit)
            rows = _summaries(session, _summary_query().where(Visit.id.in_(ids)))
            position = {visit_id: i for i, visit_id in enumerate(ids)}
            return sorted(rows, key=lambda row: position[row.id])
        serves = functools.cache(_index_serves(filters, session))
        terms = search_terms(filters.text)
        # Words the index serves lead to their few visits by id: those are read and sorted,
        # rather than every live visit walked in the sort order (the archived_at index) to
        # try each against them (about 40 ms at 50,000 visits).
        by_id = bool(terms) and all(serves(term) for term in terms)
        archived = _ARCHIVED_NOT_INDEXED if by_id else None
        conditions = _filter_conditions(filters, archived, session=session, serves=serves)
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
    conditions = _filter_conditions(filters, session=session)
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
    # A text filter's short words read every row anyway: a plain table scan beats walking the
    # archived_at index with a lookup per row (about 2x on 50,000 visits); words the search
    # index serves lead to their rows by id either way.
    scan = filters.text.strip() and filters.date_from is None and filters.date_to is None
    conditions = _filter_conditions(filters, _ARCHIVED_NOT_INDEXED if scan else None)
    query = select(func.count()).select_from(Visit).where(*conditions)
    with _index_explained(db, filters):
        return count_of(db, query)


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
