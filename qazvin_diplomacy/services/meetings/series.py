"""Meeting series: save and read a working group or council, number and plan its sessions."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from qazvin_diplomacy.core.clock import today_local
from qazvin_diplomacy.core.meetings import (
    OPEN_RESOLUTION_STATUSES,
    Frequency,
    MemberInput,
    PlannedSession,
    SeriesInput,
    SeriesRecurrence,
    SeriesView,
    next_session_number,
    occurrences,
    planned_sessions,
    validate_series,
)
from qazvin_diplomacy.core.text import index_key, normalize
from qazvin_diplomacy.services.holidays import holidays_in_session
from qazvin_diplomacy.services.meetings.common import (
    SERIES_WHAT,
    check_orgs,
    check_people,
    org_names,
    person_names,
)
from qazvin_diplomacy.services.records import get_row, row_to_save, set_archived, write
from qazvin_diplomacy.storage.confidential import every_record
from qazvin_diplomacy.storage.database import PERSIAN_COLLATION, Database
from qazvin_diplomacy.storage.meetings import (
    Meeting,
    MeetingSeries,
    MeetingSeriesMember,
    Resolution,
)

#: How far ahead :func:`plan_sessions` and the next date look by default.
PLAN_DAYS = 120
#: A session recorded this close to a planned date stands for it (a moved session).
MOVED_DAYS = 3


def rule_of(row: MeetingSeries) -> SeriesRecurrence:
    """The stored rule of a series."""
    kind = Frequency.find(row.frequency) or Frequency.NONE
    return SeriesRecurrence(kind, row.weekday, row.day, row.nth, row.interval or 1)


def next_number_in(session: Session, row: MeetingSeries) -> int:
    """The next session number of a series, inside an open session.

    Counted over every session, confidential ones too: a number is never given twice.
    """
    with every_record():
        top = session.scalar(select(func.max(Meeting.number)).where(Meeting.series_id == row.id))
    return next_session_number([top] if top is not None else [], row.first_number)


def _series_view(session: Session, row: MeetingSeries, today: date) -> SeriesView:
    stats = session.execute(
        select(func.count(), func.max(Meeting.number), func.max(Meeting.meeting_date)).where(
            Meeting.series_id == row.id, Meeting.archived_at.is_(None)
        )
    ).one()
    open_count = session.scalar(
        select(func.count())
        .select_from(Resolution)
        .where(
            Resolution.series_id == row.id,
            Resolution.archived_at.is_(None),
            Resolution.status.in_(OPEN_RESOLUTION_STATUSES),
        )
    )
    people = person_names(
        session,
        [row.chair_person_id, row.secretary_person_id, *(m.person_id for m in row.members)],
    )
    orgs = org_names(session, [m.organization_id for m in row.members])
    upcoming = session.scalar(
        select(func.min(Meeting.meeting_date)).where(
            Meeting.series_id == row.id,
            Meeting.archived_at.is_(None),
            Meeting.meeting_date >= today,
        )
    )
    rule = rule_of(row)
    if upcoming is None:
        dates = occurrences(rule, today, today + timedelta(days=PLAN_DAYS), anchor=stats[2])
        upcoming = dates[0] if dates else None

    def member_name(m: MeetingSeriesMember) -> str:
        if m.person_id is not None:
            return people.get(m.person_id, ("", ""))[0]
        return orgs.get(m.organization_id or 0, ("", ""))[0]

    return SeriesView(
        id=row.id,
        version=row.version,
        name_fa=row.name_fa,
        name_en=row.name_en,
        chair_person_id=row.chair_person_id,
        chair_text=row.chair_text,
        secretary_person_id=row.secretary_person_id,
        secretary_text=row.secretary_text,
        venue=row.venue,
        recurrence=rule,
        start_time=row.start_time,
        end_time=row.end_time,
        first_number=row.first_number,
        notes=row.notes,
        members=tuple(MemberInput(m.person_id, m.organization_id, m.role) for m in row.members),
        chair_name=people.get(row.chair_person_id or 0, (row.chair_text, ""))[0],
        secretary_name=people.get(row.secretary_person_id or 0, (row.secretary_text, ""))[0],
        member_names=tuple(member_name(m) for m in row.members),
        meeting_count=int(stats[0] or 0),
        last_number=stats[1],
        next_number=next_number_in(session, row),
        next_date=upcoming,
        last_date=stats[2],
        open_resolutions=int(open_count or 0),
        archived=row.archived_at is not None,
    )


def _search_key(row: MeetingSeries, names: list[str]) -> str:
    return index_key(row.name_fa, row.name_en, row.venue, row.chair_text, row.notes, *names)


def save_series(db: Database, *, series: SeriesInput) -> SeriesView:
    """Create or update a series (its standing members replaced by the ones given).

    ``ValidationError`` by field (``name_fa``, ``recurrence_weekday`` …, ``members``) for a
    series the office cannot keep; ``StaleRecordError`` when edited elsewhere meanwhile.
    """
    validate_series(series)
    with write(db) as session:
        check_people(
            session,
            [
                series.chair_person_id,
                series.secretary_person_id,
                *(m.person_id for m in series.members),
            ],
            "members",
        )
        check_orgs(session, [m.organization_id for m in series.members], "members")
        row = row_to_save(
            session, MeetingSeries, series.id, series.version, SERIES_WHAT, name_fa=""
        )
        rule = series.recurrence
        row.name_fa = normalize(series.name_fa)
        row.name_en = normalize(series.name_en)
        row.chair_person_id = series.chair_person_id
        row.chair_text = normalize(series.chair_text)
        row.secretary_person_id = series.secretary_person_id
        row.secretary_text = normalize(series.secretary_text)
        row.venue = normalize(series.venue)
        row.frequency = Frequency(rule.frequency).value
        row.weekday = rule.weekday
        row.day = rule.day
        row.nth = rule.nth
        row.interval = rule.interval or 1
        row.start_time = series.start_time
        row.end_time = series.end_time
        row.first_number = series.first_number
        row.notes = normalize(series.notes)
        row.members.clear()
        session.flush()
        for order, member in enumerate(series.members):
            row.members.append(
                MeetingSeriesMember(
                    person_id=member.person_id,
                    organization_id=member.organization_id,
                    role=normalize(member.role),
                    sort_order=order,
                )
            )
        session.flush()
        names = [
            *person_names(session, [m.person_id for m in series.members]).values(),
            *org_names(session, [m.organization_id for m in series.members]).values(),
        ]
        row.search_key = _search_key(row, [n[0] for n in names])
        session.flush()
        return _series_view(session, row, today_local())


def get_series(db: Database, *, series_id: int, today: date | None = None) -> SeriesView:
    """One series with its counts, next number and next date (``NotFoundError`` if none)."""
    with db.read_session() as session:
        row = get_row(session, MeetingSeries, series_id, SERIES_WHAT)
        return _series_view(session, row, today or today_local())


def list_series(
    db: Database, *, archived: bool = False, today: date | None = None
) -> list[SeriesView]:
    """Every series (or the archived ones), by Persian name."""
    query = (
        select(MeetingSeries)
        .where(
            MeetingSeries.archived_at.is_not(None)
            if archived
            else MeetingSeries.archived_at.is_(None)
        )
        .options(selectinload(MeetingSeries.members))
        .order_by(MeetingSeries.name_fa.collate(PERSIAN_COLLATION), MeetingSeries.id)
    )
    day = today or today_local()
    with db.read_session() as session:
        return [_series_view(session, row, day) for row in session.scalars(query)]


def archive_series(
    db: Database, *, series_id: int, version: int | None = None, archived: bool = True
) -> None:
    """Archive (or restore) a series; its meetings and resolutions stay as they are."""
    with write(db) as session:
        row = get_row(session, MeetingSeries, series_id, SERIES_WHAT)
        set_archived(session, row, version, archived, SERIES_WHAT)


def next_number(db: Database, *, series_id: int) -> int:
    """The number the series' next session takes (one after the highest, or its first number)."""
    with db.read_session() as session:
        return next_number_in(session, get_row(session, MeetingSeries, series_id, SERIES_WHAT))


def plan_sessions(
    db: Database,
    *,
    series_id: int,
    date_from: date | None = None,
    date_to: date | None = None,
) -> list[PlannedSession]:
    """The sessions the series' rhythm gives from ``date_from`` (default today) to ``date_to``
    (default :data:`PLAN_DAYS` later) that are not yet recorded (a session recorded within
    :data:`MOVED_DAYS` days of a date counts as that date's, moved), numbered on from the next
    number, each flagged with the official holiday (fixed, lunar as the office confirmed it,
    the office's own) or Friday it falls on."""
    first = date_from or today_local()
    last = date_to or first + timedelta(days=PLAN_DAYS)
    with db.read_session() as session:
        row = get_row(session, MeetingSeries, series_id, SERIES_WHAT)
        taken = set(
            session.scalars(
                select(Meeting.meeting_date).where(
                    Meeting.series_id == series_id,
                    Meeting.archived_at.is_(None),
                    Meeting.meeting_date >= first - timedelta(days=MOVED_DAYS),
                    Meeting.meeting_date <= last + timedelta(days=MOVED_DAYS),
                )
            )
        )
        anchor = session.scalar(
            select(func.min(Meeting.meeting_date)).where(Meeting.series_id == series_id)
        )
        planned = planned_sessions(
            rule_of(row),
            first,
            last,
            next_number=next_number_in(session, row),
            holidays=holidays_in_session(session, first, last),
            anchor=anchor,
        )
    # A session recorded within MOVED_DAYS of a planned date is that date's session, moved
    # (e.g. off a holiday to the next day): the date is not planned again.
    kept = [p for p in planned if not any(abs((p.day - day).days) <= MOVED_DAYS for day in taken)]
    start = planned[0].number if planned else 0
    return [PlannedSession(p.day, start + i, p.holiday_fa) for i, p in enumerate(kept)]
