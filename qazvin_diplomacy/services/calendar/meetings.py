"""The secretariat's entries of the office calendar: meetings and resolution deadlines.

Each is one indexed range query (meetings by ``meeting_date``, resolutions by ``deadline``).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from qazvin_diplomacy.core.calendar import AgendaEntry, EntryKind
from qazvin_diplomacy.core.clock import TEHRAN
from qazvin_diplomacy.core.meetings import (
    OPEN_RESOLUTION_STATUSES,
    MeetingStatus,
    ResolutionStatus,
    is_overdue,
)
from qazvin_diplomacy.core.text import FSI, PDI, to_latin_digits, to_persian_digits
from qazvin_diplomacy.storage.directory import Organization
from qazvin_diplomacy.storage.meetings import Meeting, MeetingSeries, Resolution

#: A meeting with a start and no end time is shown this long.
DEFAULT_LENGTH = dt.timedelta(hours=2)


def meeting_entries(session: Session, first: dt.date, last: dt.date) -> list[AgendaEntry]:
    """Meetings (not archived) on days ``first`` … ``last``."""
    rows = session.execute(
        select(
            Meeting.id,
            Meeting.version,
            Meeting.number,
            Meeting.meeting_date,
            Meeting.start_time,
            Meeting.end_time,
            Meeting.venue,
            Meeting.status,
            MeetingSeries.name_fa,
            MeetingSeries.name_en,
        )
        .join(MeetingSeries, MeetingSeries.id == Meeting.series_id)
        .where(
            Meeting.archived_at.is_(None),
            Meeting.meeting_date >= first,
            Meeting.meeting_date <= last,
        )
        .order_by(Meeting.meeting_date, Meeting.id)
    ).all()
    found = []
    for mid, version, number, day, start_time, end_time, venue, status, name_fa, name_en in rows:
        start = end = None
        if start_time is not None:
            start = dt.datetime.combine(day, start_time, tzinfo=TEHRAN)
            end = dt.datetime.combine(day, end_time, tzinfo=TEHRAN) if end_time else None
            if end is None or end <= start:
                end = start + DEFAULT_LENGTH
        state = MeetingStatus.find(status) or MeetingStatus.DRAFT
        found.append(
            AgendaEntry(
                kind=EntryKind.MEETING,
                record_id=mid,
                version=version,
                title=f"{name_fa} — جلسه {to_persian_digits(number)}",
                title_en=f"{name_en or name_fa} — session {number}",
                first_day=day,
                last_day=day,
                start=start,
                end=end,
                detail=venue,
                venue=venue,
                status=state.value,
                status_fa=state.label_fa,
                status_en=state.label_en,
            )
        )
    return found


def resolution_entries(
    session: Session, first: dt.date, last: dt.date, today: dt.date
) -> list[AgendaEntry]:
    """Deadlines of open resolutions (not archived) on days ``first`` … ``last``."""
    rows = session.execute(
        select(
            Resolution.id,
            Resolution.version,
            Resolution.number,
            Resolution.text,
            Resolution.deadline,
            Resolution.status,
            Resolution.meeting_id,
            Organization.name_fa,
            Organization.name_en,
        )
        .outerjoin(Organization, Organization.id == Resolution.responsible_org_id)
        .where(
            Resolution.archived_at.is_(None),
            Resolution.status.in_(OPEN_RESOLUTION_STATUSES),
            Resolution.deadline >= first,
            Resolution.deadline <= last,
        )
        .order_by(Resolution.deadline, Resolution.id)
    ).all()
    found = []
    for rid, version, number, text, deadline, status, meeting_id, body_fa, body_en in rows:
        state = ResolutionStatus(status)
        found.append(
            AgendaEntry(
                kind=EntryKind.RESOLUTION,
                record_id=rid,
                version=version,
                title=f"مصوبه {number}: {text}",
                # Latin digits in English; the Persian text isolated so the colon stays put
                title_en=f"Resolution {to_latin_digits(number)}: {FSI}{text}{PDI}",
                first_day=deadline,
                last_day=deadline,
                detail=body_fa or "",
                detail_en=body_en or body_fa or "",
                status=state.value,
                status_fa=state.label_fa,
                status_en=state.label_en,
                overdue=is_overdue(deadline, status, today),
                source_kind="meeting",
                source_id=meeting_id,
            )
        )
    return found
