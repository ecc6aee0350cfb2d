"""Lists across all meetings: meetings and resolutions filtered, sorted and paged in SQL,
the per-body view («what does the chamber of commerce owe us») and the dashboard figures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, and_, case, func, literal, or_, select, union_all
from sqlalchemy.orm import Session, selectinload

from qazvin_diplomacy.core.clock import today_local
from qazvin_diplomacy.core.jalali import week_range
from qazvin_diplomacy.core.meetings import (
    OPEN_RESOLUTION_STATUSES,
    MeetingFilter,
    MeetingView,
    ResolutionDue,
    ResolutionFilter,
    ResolutionStatus,
    ResolutionView,
)
from qazvin_diplomacy.core.text import persian_sort_key, search_terms
from qazvin_diplomacy.services.filters import text_condition
from qazvin_diplomacy.services.listing import count_of, sorted_by
from qazvin_diplomacy.services.meetings.common import MEETING_KIND, RESOLUTION_KIND
from qazvin_diplomacy.services.meetings.records import meeting_list_views
from qazvin_diplomacy.services.meetings.resolutions import views_of
from qazvin_diplomacy.storage.database import PERSIAN_COLLATION, Database
from qazvin_diplomacy.storage.directory import Organization
from qazvin_diplomacy.storage.meetings import (
    Meeting,
    MeetingLink,
    MeetingSeries,
    Resolution,
    ResolutionBody,
)

# --- meetings -----------------------------------------------------------------------------


def _meetings_filtered(query: Select[Any], f: MeetingFilter) -> Select[Any]:
    query = query.where(
        Meeting.archived_at.is_not(None) if f.archived else Meeting.archived_at.is_(None)
    )
    if f.series_id is not None:
        query = query.where(Meeting.series_id == f.series_id)
    if f.status:
        query = query.where(Meeting.status == f.status)
    if f.date_from is not None:
        query = query.where(Meeting.meeting_date >= f.date_from)
    if f.date_to is not None:
        query = query.where(Meeting.meeting_date <= f.date_to)
    return query.where(text_condition(Meeting.search_key, f.text))


def count_meetings(db: Database, *, filters: MeetingFilter | None = None) -> int:
    """How many meetings the filters match."""
    query = _meetings_filtered(
        select(func.count()).select_from(Meeting), filters or MeetingFilter()
    )
    return count_of(db, query)


def list_meetings(
    db: Database,
    *,
    filters: MeetingFilter | None = None,
    sort: str = "date",
    descending: bool = True,
    offset: int = 0,
    limit: int = 200,
) -> list[MeetingView]:
    """One page of meetings (list rows: no attendees or agenda), newest first by default.

    ``sort``: one of ``core.meetings.MEETING_SORT_KEYS``.
    """
    keys: dict[str, tuple[Any, ...]] = {
        "date": (Meeting.meeting_date, Meeting.start_time),
        "number": (Meeting.number,),
        "series": (MeetingSeries.name_fa.collate(PERSIAN_COLLATION), Meeting.number),
        "status": (Meeting.status, Meeting.meeting_date),
        "venue": (Meeting.venue.collate(PERSIAN_COLLATION),),
    }
    query = _meetings_filtered(select(Meeting), filters or MeetingFilter())
    if sort == "series":
        query = query.join(MeetingSeries, MeetingSeries.id == Meeting.series_id)
    query = sorted_by(
        query.options(selectinload(Meeting.series)), keys, sort, descending, Meeting.id
    )
    with db.read_session() as session:
        return meeting_list_views(session, session.scalars(query.offset(offset).limit(limit)).all())


# --- resolutions --------------------------------------------------------------------------


def _resolutions_filtered(query: Select[Any], f: ResolutionFilter) -> Select[Any]:
    """``query`` over ``Resolution`` narrowed by the list's filters (all in SQL)."""
    today = f.today or today_local()
    archived: Any = Resolution.archived_at
    if search_terms(f.text) and f.body_id is None and f.series_id is None and f.meeting_id is None:
        # Words are matched row by row anyway: one pass over the table beats reaching
        # nearly every row through the archived_at index (measured 55 ms against 110 ms
        # at 15,000 resolutions), so the index is kept out of it.
        archived = func.coalesce(Resolution.archived_at, None)
    query = query.where(archived.is_not(None) if f.archived else archived.is_(None))
    due = ResolutionDue.find(f.due) or ResolutionDue.ALL
    if due is ResolutionDue.DONE:
        query = query.where(Resolution.status == ResolutionStatus.DONE.value)
    elif due is ResolutionDue.CANCELLED:
        query = query.where(Resolution.status == ResolutionStatus.CANCELLED.value)
    elif due is not ResolutionDue.ALL:
        query = query.where(Resolution.status.in_(OPEN_RESOLUTION_STATUSES))
    if due is ResolutionDue.OVERDUE:
        query = query.where(Resolution.deadline < today)
    elif due is ResolutionDue.WEEK:
        first, last = week_range(today)
        query = query.where(Resolution.deadline >= first, Resolution.deadline <= last)
    if f.body_id is not None:
        if f.include_co:
            # A union of two indexed lookups (an OR would scan every resolution).
            owned = union_all(
                select(Resolution.id).where(Resolution.responsible_org_id == f.body_id),
                select(ResolutionBody.resolution_id).where(
                    ResolutionBody.organization_id == f.body_id
                ),
            )
            query = query.where(Resolution.id.in_(owned))
        else:
            query = query.where(Resolution.responsible_org_id == f.body_id)
    if f.series_id is not None:
        query = query.where(Resolution.series_id == f.series_id)
    if f.meeting_id is not None:
        query = query.where(Resolution.meeting_id == f.meeting_id)
    if f.deadline_from is not None:
        query = query.where(Resolution.deadline >= f.deadline_from)
    if f.deadline_to is not None:
        query = query.where(Resolution.deadline <= f.deadline_to)
    if f.linked_to:
        query = query.where(_linked_condition(f.linked_to))
    return query.where(text_condition(Resolution.search_key, f.text))


def _linked_condition(targets: tuple[tuple[str, int], ...]) -> Any:
    """Resolutions linked to one of ``targets``, or whose meeting is."""
    by_kind: dict[str, list[int]] = {}
    for kind, target_id in targets:
        by_kind.setdefault(kind, []).append(target_id)
    matches = or_(
        *(
            and_(MeetingLink.target_kind == kind, MeetingLink.target_id.in_(ids))
            for kind, ids in by_kind.items()
        )
    )
    own = select(MeetingLink.owner_id).where(MeetingLink.owner_kind == RESOLUTION_KIND, matches)
    meetings = select(MeetingLink.owner_id).where(MeetingLink.owner_kind == MEETING_KIND, matches)
    return or_(Resolution.id.in_(own), Resolution.meeting_id.in_(meetings))


def count_resolutions(db: Database, *, filters: ResolutionFilter | None = None) -> int:
    """How many resolutions the filters match."""
    query = _resolutions_filtered(
        select(func.count()).select_from(Resolution), filters or ResolutionFilter()
    )
    return count_of(db, query)


def list_resolutions(
    db: Database,
    *,
    filters: ResolutionFilter | None = None,
    sort: str = "deadline",
    descending: bool = False,
    offset: int = 0,
    limit: int = 200,
) -> list[ResolutionView]:
    """One page of resolutions across all meetings.

    ``sort``: one of ``core.meetings.RESOLUTION_SORT_KEYS`` (deadline: those without one last).
    """
    f = filters or ResolutionFilter()
    today = f.today or today_local()
    with db.read_session() as session:
        keys: dict[str, tuple[Any, ...]] = {
            "deadline": (Resolution.deadline.is_(None), Resolution.deadline),
            "number": (Resolution.series_id, Resolution.session_number, Resolution.seq),
            "status": (Resolution.status, Resolution.deadline),
            "meeting_date": (Meeting.meeting_date, Resolution.seq),
        }
        if sort == "body":
            keys["body"] = (_name_rank(session, Organization, Resolution.responsible_org_id),)
        elif sort == "series":
            keys["series"] = (
                _name_rank(session, MeetingSeries, Resolution.series_id),
                Resolution.session_number,
            )
        if sort not in keys:
            sort = "deadline"
        order = []
        for i, key in enumerate(keys[sort]):
            # "no deadline last" stays last whichever way the deadline is sorted.
            nulls_last = sort == "deadline" and i == 0
            order.append(key if nulls_last or not descending else key.desc())
        # The page's ids first: sorting narrow (key, id) rows, not whole resolutions, keeps
        # a page at any offset fast; the rows are then read by id.
        query = _resolutions_filtered(select(Resolution.id), f)
        if sort == "meeting_date":
            query = query.join(Meeting, Meeting.id == Resolution.meeting_id)
        query = query.order_by(*order, Resolution.id.desc() if descending else Resolution.id)
        ids = list(session.scalars(query.offset(offset).limit(limit)))
        found = {r.id: r for r in session.scalars(select(Resolution).where(Resolution.id.in_(ids)))}
        return views_of(session, [found[i] for i in ids], today)


def _name_rank(session: Session, model: Any, column: Any) -> Any:
    """``column`` (an organization or series id) as its name's place in Persian alphabetical
    order: sorting by it costs a CASE per row, not a Python collation call per comparison.
    Only the ids used by resolutions are ranked (a few dozen bodies, however many companies)."""
    used = select(column).where(column.is_not(None)).distinct()
    rows = session.execute(select(model.id, model.name_fa).where(model.id.in_(used))).all()
    ranked = sorted(rows, key=lambda r: (persian_sort_key(r[1]), r[0]))
    if not ranked:
        return literal(0)
    return case({rid: n for n, (rid, _name) in enumerate(ranked)}, value=column, else_=len(ranked))


@dataclass(frozen=True)
class BodySummary:
    """What one body owes: its resolutions open, overdue and done (responsible body only)."""

    organization_id: int | None
    name_fa: str
    name_en: str
    open: int
    overdue: int
    done: int
    cancelled: int
    oldest_overdue: date | None = None

    @property
    def total(self) -> int:
        """Every resolution the body is responsible for."""
        return self.open + self.done + self.cancelled


def body_summary(
    db: Database, *, filters: ResolutionFilter | None = None, today: date | None = None
) -> list[BodySummary]:
    """Per responsible body: open / overdue / done counts of the resolutions the filters
    match (state filter aside), the most overdue bodies first.  ``organization_id`` None is
    «no body named»."""
    f = filters or ResolutionFilter()
    day = today or f.today or today_local()
    open_ = Resolution.status.in_(OPEN_RESOLUTION_STATUSES)
    late = open_ & (Resolution.deadline < day)
    base = _resolutions_filtered(
        select(
            Resolution.responsible_org_id,
            func.sum(case((open_, 1), else_=0)),
            func.sum(case((late, 1), else_=0)),
            func.sum(case((Resolution.status == ResolutionStatus.DONE.value, 1), else_=0)),
            func.sum(case((Resolution.status == ResolutionStatus.CANCELLED.value, 1), else_=0)),
            func.min(case((late, Resolution.deadline), else_=None)),
        ),
        ResolutionFilter(
            due=ResolutionDue.ALL.value,
            today=day,
            body_id=f.body_id,
            include_co=False,
            series_id=f.series_id,
            meeting_id=f.meeting_id,
            deadline_from=f.deadline_from,
            deadline_to=f.deadline_to,
            text=f.text,
        ),
    ).group_by(Resolution.responsible_org_id)
    with db.read_session() as session:
        rows = session.execute(base).all()
        names = dict(
            (oid, (fa, en))
            for oid, fa, en in session.execute(
                select(Organization.id, Organization.name_fa, Organization.name_en).where(
                    Organization.id.in_([r[0] for r in rows if r[0] is not None])
                )
            )
        )
    found = [
        BodySummary(
            org_id,
            *names.get(org_id, ("بدون دستگاه مسئول", "No responsible body")),
            int(o or 0),
            int(late_n or 0),
            int(d or 0),
            int(c or 0),
            oldest,
        )
        for org_id, o, late_n, d, c, oldest in rows
    ]
    found.sort(key=lambda b: (-b.overdue, -b.open, persian_sort_key(b.name_fa)))
    return found


# --- dashboard ----------------------------------------------------------------------------


def next_meetings(db: Database, *, today: date | None = None, limit: int = 5) -> list[MeetingView]:
    """The coming meetings (today onwards, not archived), soonest first."""
    day = today or today_local()
    query = (
        select(Meeting)
        .where(Meeting.archived_at.is_(None), Meeting.meeting_date >= day)
        .options(selectinload(Meeting.series))
        .order_by(Meeting.meeting_date, Meeting.start_time, Meeting.id)
        .limit(limit)
    )
    with db.read_session() as session:
        return meeting_list_views(session, session.scalars(query).all())


def overdue_by_body(
    db: Database, *, today: date | None = None, limit: int = 10
) -> list[BodySummary]:
    """Bodies with overdue resolutions, the most overdue first (the dashboard card)."""
    return [b for b in body_summary(db, today=today) if b.overdue][:limit]


def due_this_week(
    db: Database, *, today: date | None = None, limit: int = 20
) -> list[ResolutionView]:
    """Open resolutions whose deadline falls in the week of ``today`` (Saturday to Friday)."""
    return list_resolutions(
        db, filters=ResolutionFilter(due=ResolutionDue.WEEK.value, today=today), limit=limit
    )


@dataclass(frozen=True)
class MeetingsDashboard:
    """The figures of the dashboard cards."""

    next_meetings: tuple[MeetingView, ...]
    overdue_by_body: tuple[BodySummary, ...]
    due_this_week: tuple[ResolutionView, ...]
    open_count: int
    overdue_count: int


def dashboard(db: Database, *, today: date | None = None) -> MeetingsDashboard:
    """Next meetings, overdue resolutions by body, resolutions due this week, and the totals."""
    day = today or today_local()
    return MeetingsDashboard(
        tuple(next_meetings(db, today=day)),
        tuple(overdue_by_body(db, today=day)),
        tuple(due_this_week(db, today=day)),
        count_resolutions(db, filters=ResolutionFilter(due=ResolutionDue.OPEN.value, today=day)),
        count_resolutions(db, filters=ResolutionFilter(due=ResolutionDue.OVERDUE.value, today=day)),
    )


def meetings_between(db: Database, *, first: date, last: date) -> list[MeetingView]:
    """Meetings from ``first`` to ``last`` (inclusive), by date (for the calendar)."""
    query = (
        select(Meeting)
        .where(
            Meeting.archived_at.is_(None),
            Meeting.meeting_date >= first,
            Meeting.meeting_date <= last,
        )
        .options(selectinload(Meeting.series))
        .order_by(Meeting.meeting_date, Meeting.start_time, Meeting.id)
    )
    with db.read_session() as session:
        return meeting_list_views(session, session.scalars(query).all())
