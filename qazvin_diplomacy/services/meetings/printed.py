"""What the secretariat prints: the minutes (صورتجلسه), the follow-up status report and the
letters to each responsible body — the data, read in one go for each report."""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from dataclasses import dataclass, replace
from datetime import date, time
from typing import Any, TypeVar

from sqlalchemy import select

from qazvin_diplomacy.core.clock import today_local
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.meetings import (
    Attendance,
    AttendeeView,
    MeetingView,
    ResolutionDue,
    ResolutionFilter,
    ResolutionStatus,
    ResolutionView,
    describe_recurrence,
)
from qazvin_diplomacy.core.text import persian_sort_key, to_persian_digits
from qazvin_diplomacy.services.meetings.common import MEETING_WHAT, person_names
from qazvin_diplomacy.services.meetings.queries import (
    BodySummary,
    body_summary,
    count_resolutions,
    list_resolutions,
)
from qazvin_diplomacy.services.meetings.records import load_meeting, meeting_view
from qazvin_diplomacy.services.meetings.resolutions import resolutions_of_meeting
from qazvin_diplomacy.services.meetings.series import rule_of
from qazvin_diplomacy.services.records import get_row
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.storage.directory import Organization
from qazvin_diplomacy.storage.meetings import Meeting, MeetingMinutesVersion, MeetingSeries

T = TypeVar("T")

#: More resolutions than this in one status report are refused (the list and export serve).
MAX_REPORT_ROWS = 20_000


@dataclass(frozen=True)
class MinutesData:
    """A meeting's minutes: header, attendance, agenda with notes, resolutions."""

    meeting: MeetingView
    secretary_name: str
    recurrence_fa: str
    present: tuple[AttendeeView, ...]
    absent: tuple[AttendeeView, ...]
    resolutions: tuple[ResolutionView, ...]

    @property
    def signers(self) -> tuple[AttendeeView, ...]:
        """Who signs the minutes: everyone present (a representative signs for the absent member)."""
        return self.present


def minutes_data(
    db: Database, *, meeting_id: int, version: int | None = None, today: date | None = None
) -> MinutesData:
    """The minutes of one meeting (``NotFoundError`` when there is none).

    ``version``: an approved version, printed as it was approved (from its kept snapshot;
    ``KnownError`` when the meeting has no such approved version); None: the minutes as
    they stand.
    """
    with db.read_session() as session:
        row = load_meeting(session, meeting_id)
        series = row.series
        secretary = person_names(session, [series.secretary_person_id]).get(
            series.secretary_person_id or 0, (series.secretary_text, "")
        )[0]
        if version is None:
            view = meeting_view(session, row)
            resolutions = tuple(resolutions_of_meeting(session, meeting_id, today or today_local()))
        else:
            snapshot = session.scalar(
                select(MeetingMinutesVersion.snapshot).where(
                    MeetingMinutesVersion.meeting_id == meeting_id,
                    MeetingMinutesVersion.version == version,
                )
            )
            if not snapshot:
                raise KnownError(
                    f"نسخهٔ {to_persian_digits(version)} صورتجلسهٔ این جلسه تأیید و نگه داشته نشده است.",
                    f"The meeting has no approved version {version} of its minutes.",
                )
            data = json.loads(snapshot)
            view = restore(MeetingView, data["meeting"])
            resolutions = tuple(restore(ResolutionView, r) for r in data["resolutions"])
        rhythm = describe_recurrence(rule_of(series))
    present = tuple(a for a in view.attendee_rows if a.attendance != Attendance.ABSENT.value)
    absent = tuple(a for a in view.attendee_rows if a.attendance == Attendance.ABSENT.value)
    return MinutesData(view, secretary, rhythm, present, absent, resolutions)


def restore(cls: type[T], value: Any) -> T:
    """A dataclass of ``cls`` from the JSON a minutes snapshot holds (dates and times as ISO
    text, tuples as lists, nested dataclasses as objects); unknown keys are ignored."""
    return _restore(cls, value)  # type: ignore[no-any-return]


def _restore(kind: Any, value: Any) -> Any:
    if value is None:
        return None
    if dataclasses.is_dataclass(kind):
        hints = typing.get_type_hints(kind)
        known = {f.name for f in dataclasses.fields(kind)}
        return kind(**{k: _restore(hints[k], v) for k, v in value.items() if k in known})
    origin = typing.get_origin(kind)
    if origin is tuple:
        (item, *_rest) = typing.get_args(kind)
        return tuple(_restore(item, v) for v in value)
    if origin in (types.UnionType, typing.Union):
        options = [a for a in typing.get_args(kind) if a is not type(None)]
        return _restore(options[0], value) if len(options) == 1 else value
    if kind is date:
        return date.fromisoformat(value)
    if kind is time:
        return time.fromisoformat(value)
    return value


@dataclass(frozen=True)
class BodyGroup:
    """One body's resolutions in the status report, with its counts."""

    summary: BodySummary
    resolutions: tuple[ResolutionView, ...]


@dataclass(frozen=True)
class StatusReport:
    """The follow-up status report: the filters, per-body counts and each body's resolutions."""

    filters: ResolutionFilter
    today: date
    body_name: str
    series_name: str
    groups: tuple[BodyGroup, ...]
    summary: tuple[BodySummary, ...]

    @property
    def count(self) -> int:
        """Resolutions listed."""
        return sum(len(g.resolutions) for g in self.groups)


def status_report(
    db: Database, *, filters: ResolutionFilter, today: date | None = None
) -> StatusReport:
    """The resolutions the filters match grouped by responsible body (the most overdue
    bodies first, each body's resolutions by deadline), and the open / done / overdue
    counts per body.  ``filters.body_id`` narrows to the body as responsible one."""
    day = today or filters.today or today_local()
    f = replace(filters, today=day, include_co=False)
    total = count_resolutions(db, filters=f)
    if total > MAX_REPORT_ROWS:
        raise KnownError(
            f"{to_persian_digits(total)} مصوبه با این شرایط هست؛ گزارش را محدودتر کنید "
            "(دستگاه، سلسله‌جلسات یا بازهٔ مهلت) یا فهرست را به Excel ببرید.",
            f"{total} resolutions match; narrow the report (body, series, deadline range) or export the list.",
        )
    rows = list_resolutions(db, filters=f, sort="deadline", limit=max(total, 1))
    summary = body_summary(db, filters=f, today=day)
    by_body: dict[int | None, list[ResolutionView]] = {}
    for r in rows:
        by_body.setdefault(r.responsible_org_id, []).append(r)
    order = {b.organization_id: i for i, b in enumerate(summary)}
    groups = tuple(
        BodyGroup(summary[order[org]], tuple(items))
        for org, items in sorted(by_body.items(), key=lambda kv: order.get(kv[0], len(order)))
        if org in order
    )
    with db.read_session() as session:
        body = session.get(Organization, f.body_id) if f.body_id is not None else None
        series = session.get(MeetingSeries, f.series_id) if f.series_id is not None else None
        body_name = body.name_fa if body else ""
        series_name = series.name_fa if series else ""
    return StatusReport(f, day, body_name, series_name, groups, tuple(summary))


def status_filter(
    *,
    status: str | None = None,
    body_id: int | None = None,
    series_id: int | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    today: date | None = None,
) -> ResolutionFilter:
    """The filter the CLI's ``--status open|overdue|done|…`` and others describe."""
    due = ResolutionDue.find(status) if status else ResolutionDue.ALL
    return ResolutionFilter(
        due=(due or ResolutionDue.ALL).value,
        today=today,
        body_id=body_id,
        include_co=False,
        series_id=series_id,
        deadline_from=date_from,
        deadline_to=date_to,
    )


@dataclass(frozen=True)
class BodyLetter:
    """A letter to one body: the resolutions of one meeting it is responsible for (or
    co-responsible for, marked ``co``)."""

    organization_id: int
    name_fa: str
    resolutions: tuple[ResolutionView, ...]
    co: tuple[bool, ...]


@dataclass(frozen=True)
class ResolutionLetters:
    """The letters of one meeting, one per body."""

    meeting: MeetingView
    letters: tuple[BodyLetter, ...]


def resolution_letters(db: Database, *, meeting_id: int) -> ResolutionLetters:
    """One letter per body named in the meeting's open resolutions (responsible or
    co-responsible), bodies in Persian alphabetical order."""
    with db.read_session() as session:
        get_row(session, Meeting, meeting_id, MEETING_WHAT)
        view = meeting_view(session, load_meeting(session, meeting_id), whole=False)
        resolutions = [
            r
            for r in resolutions_of_meeting(session, meeting_id)
            if r.status != ResolutionStatus.CANCELLED.value
        ]
    bodies: dict[int, tuple[str, list[tuple[ResolutionView, bool]]]] = {}
    for r in resolutions:
        if r.responsible_org_id is not None:
            bodies.setdefault(r.responsible_org_id, (r.responsible_name, []))[1].append((r, False))
        for org_id, name in zip(r.co_responsible_org_ids, r.co_responsible_names, strict=True):
            bodies.setdefault(org_id, (name, []))[1].append((r, True))
    letters = tuple(
        BodyLetter(
            org_id,
            name,
            tuple(r for r, _ in items),
            tuple(co for _, co in items),
        )
        for org_id, (name, items) in sorted(
            bodies.items(), key=lambda kv: persian_sort_key(kv[1][0])
        )
    )
    return ResolutionLetters(view, letters)


def letter_source_key(meeting_id: int, organization_id: int) -> str:
    """What the register knows a body's letter by: printing again reuses its number."""
    return f"resolutions:meeting:{meeting_id}:org:{organization_id}"
