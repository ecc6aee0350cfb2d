"""One meeting: save it from the form, read it whole, move its status, approve and correct its minutes."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, selectinload

from qazvin_diplomacy.core.attachments import MAX_ATTACHMENT_BYTES, AttachmentView
from qazvin_diplomacy.core.clock import to_local, today_local
from qazvin_diplomacy.core.errors import KnownError, ValidationError
from qazvin_diplomacy.core.jalali import holiday_name, jalali_weekday
from qazvin_diplomacy.core.meetings import (
    MEETING_MOVES,
    OPEN_RESOLUTION_STATUSES,
    AgendaItemView,
    Attendance,
    AttendeeInput,
    AttendeeView,
    MeetingInput,
    MeetingStatus,
    MeetingView,
    MinutesVersion,
    format_resolution_number,
)
from qazvin_diplomacy.core.text import index_key, normalize, to_persian_digits
from qazvin_diplomacy.services.attachments import attach_checked, list_attachments
from qazvin_diplomacy.services.confidential import flag_errors
from qazvin_diplomacy.services.holidays import holidays_in_session
from qazvin_diplomacy.services.meetings.common import (
    AGENDA_ITEM_KIND,
    MEETING_KIND,
    MEETING_WHAT,
    SERIES_WHAT,
    check_orgs,
    check_people,
    org_names,
    person_names,
    refuse_archived,
    refuse_locked,
)
from qazvin_diplomacy.services.meetings.links import links_of, write_links
from qazvin_diplomacy.services.meetings.resolutions import resolutions_of_meeting
from qazvin_diplomacy.services.meetings.series import next_number_in, plan_sessions
from qazvin_diplomacy.services.records import (
    another_with,
    check_version,
    get_row,
    set_archived,
    write,
)
from qazvin_diplomacy.storage.attachments import Attachment
from qazvin_diplomacy.storage.base import utcnow
from qazvin_diplomacy.storage.confidential import every_record
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.storage.dialects import not_indexed
from qazvin_diplomacy.storage.meetings import (
    Meeting,
    MeetingAgendaItem,
    MeetingAttendee,
    MeetingInvitedBody,
    MeetingMinutesVersion,
    MeetingSeries,
    Resolution,
)


def _validate(meeting: MeetingInput) -> None:
    errors: dict[str, str] = {}
    if meeting.meeting_date is None:
        errors["meeting_date"] = "تاریخ جلسه را وارد کنید."
    if meeting.number is not None and meeting.number < 1:
        errors["number"] = "شمارهٔ جلسه باید دست‌کم ۱ باشد."
    if meeting.start_time and meeting.end_time and meeting.end_time <= meeting.start_time:
        errors["end_time"] = "ساعت پایان باید پس از ساعت شروع باشد."
    for i, a in enumerate(meeting.attendees):
        if a.person_id is None and not normalize(a.name_text) and a.organization_id is None:
            errors["attendees"] = f"ردیف {to_persian_digits(i + 1)} حاضران نام یا دستگاه ندارد."
        if Attendance.find(a.attendance) is None:
            errors["attendees"] = "وضعیت حضور معتبر نیست."
    for i, item in enumerate(meeting.agenda):
        if not normalize(item.title):
            errors["agenda"] = f"بند {to_persian_digits(i + 1)} دستور جلسه عنوان ندارد."
    if errors:
        raise ValidationError(errors)


def _holidays_note(session: Session, day: date) -> str:
    """The holiday (or Friday) on ``day``: such a meeting is flagged so it can be moved."""
    name = holiday_name(day, holidays_in_session(session, day, day))
    return name or ("جمعه" if jalali_weekday(day) == 6 else "")


def load_meeting(session: Session, meeting_id: int) -> Meeting:
    """The meeting row with its sub-rows (``NotFoundError`` when there is none)."""
    row = session.scalars(
        select(Meeting)
        .where(Meeting.id == meeting_id)
        .options(
            selectinload(Meeting.attendees),
            selectinload(Meeting.invited),
            selectinload(Meeting.agenda),
        )
    ).first()
    if row is None:
        get_row(session, Meeting, meeting_id, MEETING_WHAT)  # raises NotFoundError
    assert row is not None
    return row


def meeting_view(
    session: Session,
    row: Meeting,
    *,
    whole: bool = True,
    people: dict[int, tuple[str, str]] | None = None,
    counts: tuple[int, int] | None = None,
) -> MeetingView:
    """A stored meeting as the form and the minutes show it (``whole=False``: a list row).

    ``people`` (names by id) and ``counts`` (its resolutions, open ones) when the caller has
    read them already for many meetings (:func:`meeting_list_views`)."""
    series = row.series
    if people is None:
        people = person_names(
            session,
            [
                row.chair_person_id,
                *(a.person_id for a in row.attendees),
                *(a.represented_by_person_id for a in row.attendees),
                *(i.presenter_person_id for i in row.agenda),
            ]
            if whole
            else [row.chair_person_id],
        )
    if counts is None:
        counts = resolution_counts(session, [row.id]).get(row.id, (0, 0))
    attendees: tuple[AttendeeView, ...] = ()
    agenda: tuple[AgendaItemView, ...] = ()
    invited: tuple[str, ...] = ()
    if whole:
        orgs = org_names(
            session,
            [a.organization_id for a in row.attendees] + [b.organization_id for b in row.invited],
        )
        attendees = tuple(
            AttendeeView(
                person_id=a.person_id,
                name_text=a.name_text,
                organization_id=a.organization_id,
                attendance=a.attendance,
                represented_by_person_id=a.represented_by_person_id,
                represented_by_text=a.represented_by_text,
                role=a.role,
                name=people.get(a.person_id or 0, (a.name_text, ""))[0],
                title=people.get(a.person_id or 0, ("", a.role))[1] or a.role,
                organization_name=orgs.get(a.organization_id or 0, ("", ""))[0],
                represented_by_name=people.get(
                    a.represented_by_person_id or 0, (a.represented_by_text, "")
                )[0],
            )
            for a in row.attendees
        )
        files = _attachment_names(session, [i.id for i in row.agenda])
        agenda = tuple(
            AgendaItemView(
                title=i.title,
                presenter_person_id=i.presenter_person_id,
                presenter_text=i.presenter_text,
                notes=i.notes,
                id=i.id,
                position=n + 1,
                presenter_name=people.get(i.presenter_person_id or 0, (i.presenter_text, ""))[0],
                attachment_count=len(files.get(i.id, ())),
                attachment_names=files.get(i.id, ()),
            )
            for n, i in enumerate(row.agenda)
        )
        invited = tuple(orgs.get(b.organization_id, ("", ""))[0] for b in row.invited)
    return MeetingView(
        id=row.id,
        version=row.version,
        series_id=row.series_id,
        number=row.number,
        meeting_date=row.meeting_date,
        start_time=row.start_time,
        end_time=row.end_time,
        venue=row.venue,
        chair_person_id=row.chair_person_id,
        chair_text=row.chair_text,
        notes=row.notes,
        attendees=attendees,
        invited_org_ids=tuple(b.organization_id for b in row.invited) if whole else (),
        agenda=agenda,
        links=links_of(session, owner_kind=MEETING_KIND, owner_id=row.id) if whole else (),
        status=row.status,
        series_name_fa=series.name_fa,
        series_name_en=series.name_en,
        chair_name=people.get(row.chair_person_id or 0, (row.chair_text, ""))[0],
        minutes_version=row.minutes_version,
        holiday_fa=_holidays_note(session, row.meeting_date) if whole else "",
        attendee_rows=attendees,
        agenda_rows=agenda,
        invited_names=invited,
        resolution_count=counts[0],
        open_resolution_count=counts[1],
        archived=row.archived_at is not None,
        confidential=row.confidential,
    )


def resolution_counts(session: Session, meeting_ids: list[int]) -> dict[int, tuple[int, int]]:
    """``{meeting id: (its resolutions, the open ones)}`` (archived ones left out; a meeting
    without any is not in it)."""
    if not meeting_ids:
        return {}
    open_one = case((Resolution.status.in_(OPEN_RESOLUTION_STATUSES), 1), else_=0)
    rows = session.execute(
        select(Resolution.meeting_id, func.count(), func.coalesce(func.sum(open_one), 0))
        # By the meetings' index: SQLite would rather walk every live resolution (archived_at).
        .where(
            Resolution.meeting_id.in_(meeting_ids), not_indexed(Resolution.archived_at).is_(None)
        )
        .group_by(Resolution.meeting_id)
    )
    return {meeting: (int(n), int(open_n)) for meeting, n, open_n in rows}


def meeting_list_views(session: Session, rows: Sequence[Meeting]) -> list[MeetingView]:
    """List rows (``whole=False``) of ``rows`` (their series loaded): the chairs' names and
    the resolution counts of all of them read in one query each, not two a meeting."""
    people = person_names(session, [r.chair_person_id for r in rows])
    counts = resolution_counts(session, [r.id for r in rows])
    return [
        meeting_view(session, r, whole=False, people=people, counts=counts.get(r.id, (0, 0)))
        for r in rows
    ]


def _attachment_names(session: Session, ids: list[int]) -> dict[int, tuple[str, ...]]:
    """``{agenda item id: the names of its files, oldest first}``."""
    if not ids:
        return {}
    rows = session.execute(
        select(Attachment.owner_id, Attachment.original_name)
        .where(
            Attachment.owner_kind == AGENDA_ITEM_KIND,
            Attachment.owner_id.in_(ids),
            Attachment.archived_at.is_(None),
        )
        .order_by(Attachment.id)
    )
    names: dict[int, tuple[str, ...]] = {}
    for owner, name in rows:
        names[owner] = (*names.get(owner, ()), name)
    return names


def meeting_search_key(session: Session, row: Meeting, series: MeetingSeries) -> str:
    """The search key of a meeting: its series, number, venue, chair, notes and agenda titles."""
    people = person_names(session, [row.chair_person_id])
    return index_key(
        series.name_fa,
        series.name_en,
        f"جلسه {row.number}",
        row.venue,
        row.chair_text,
        *(p[0] for p in people.values()),
        row.notes,
        *(i.title for i in row.agenda),
    )


def save_meeting(db: Database, *, meeting: MeetingInput) -> MeetingView:
    """Create or update a meeting with its attendees, invited bodies, agenda items and links.

    A new meeting without a number takes the series' next one, and the series' venue and
    chair when none is given.  Agenda items keep their ids (and files) when given back with
    them; those left out are removed.  Approved minutes are locked (``KnownError``: start a
    correction); a number another session of the series has is refused on ``number``.
    """
    _validate(meeting)
    if errors := flag_errors(meeting.confidential):
        raise ValidationError(errors)
    with write(db) as session:
        series = get_row(session, MeetingSeries, meeting.series_id, SERIES_WHAT)
        check_people(
            session,
            [
                meeting.chair_person_id,
                *(a.person_id for a in meeting.attendees),
                *(a.represented_by_person_id for a in meeting.attendees),
                *(i.presenter_person_id for i in meeting.agenda),
            ],
            "attendees",
        )
        check_orgs(
            session,
            [*(a.organization_id for a in meeting.attendees), *meeting.invited_org_ids],
            "invited_org_ids",
        )
        new = meeting.id is None
        if new:
            refuse_archived(series, SERIES_WHAT, "series")
            # Added once filled in: the queries below would flush it half-made.
            row = Meeting(series_id=series.id, status=MeetingStatus.DRAFT.value)
        else:
            row = load_meeting(session, meeting.id)  # type: ignore[arg-type]
            check_version(row, meeting.version, MEETING_WHAT)
            refuse_archived(row, MEETING_WHAT, "meeting")
            refuse_locked(row)
        number = meeting.number
        if number is None:
            number = row.number if not new else next_number_in(session, series)
        with every_record():  # a confidential session's number is taken too
            clash = another_with(session, Meeting, row.id, series_id=series.id, number=number)
        if clash is not None:
            raise ValidationError(
                {
                    "number": f"جلسهٔ شمارهٔ {to_persian_digits(number)} این سلسله‌جلسات پیش‌تر ثبت شده است."
                }
            )
        renumbered = not new and (row.number != number or row.series_id != series.id)
        row.series_id = series.id
        row.series = series
        row.number = number
        row.meeting_date = meeting.meeting_date
        row.start_time = (
            meeting.start_time if (meeting.start_time or not new) else series.start_time
        )
        row.end_time = meeting.end_time if (meeting.end_time or not new) else series.end_time
        row.venue = normalize(meeting.venue) or (series.venue if new else "")
        row.confidential = meeting.confidential
        if new and meeting.chair_person_id is None and not normalize(meeting.chair_text):
            row.chair_person_id = series.chair_person_id
            row.chair_text = series.chair_text
        else:
            row.chair_person_id = meeting.chair_person_id
            row.chair_text = normalize(meeting.chair_text)
        row.notes = normalize(meeting.notes)
        if new:
            session.add(row)
        _write_children(session, row, meeting)
        session.flush()
        if renumbered:
            for res in session.scalars(select(Resolution).where(Resolution.meeting_id == row.id)):
                res.series_id = series.id
                res.session_number = number
                res.number = format_resolution_number(number, res.seq)
        write_links(session, owner_kind=MEETING_KIND, owner_id=row.id, links=meeting.links)
        row.search_key = meeting_search_key(session, row, series)
        session.flush()
        return meeting_view(session, row)


def _write_children(session: Session, row: Meeting, meeting: MeetingInput) -> None:
    row.attendees.clear()
    row.invited.clear()
    session.flush()
    for order, a in enumerate(meeting.attendees):
        row.attendees.append(
            MeetingAttendee(
                person_id=a.person_id,
                name_text=normalize(a.name_text),
                organization_id=a.organization_id,
                role=normalize(a.role),
                attendance=(Attendance.find(a.attendance) or Attendance.PRESENT).value,
                represented_by_person_id=a.represented_by_person_id,
                represented_by_text=normalize(a.represented_by_text),
                sort_order=order,
            )
        )
    for order, org_id in enumerate(dict.fromkeys(meeting.invited_org_ids)):
        row.invited.append(MeetingInvitedBody(organization_id=org_id, sort_order=order))
    existing = {i.id: i for i in row.agenda}
    kept: list[MeetingAgendaItem] = []
    for order, item in enumerate(meeting.agenda):
        target = existing.get(item.id) if item.id is not None else None
        if item.id is not None and target is None:
            raise ValidationError({"agenda": "بند دستور جلسه در این جلسه پیدا نشد."})
        if target is None:
            target = MeetingAgendaItem(title="")
        target.sort_order = order
        target.title = normalize(item.title)
        target.presenter_person_id = item.presenter_person_id
        target.presenter_text = normalize(item.presenter_text)
        target.notes = normalize(item.notes)
        kept.append(target)
    row.agenda = kept


def new_meeting_input(
    db: Database, *, series_id: int, meeting_date: date | None = None, today: date | None = None
) -> MeetingInput:
    """A new meeting of a series, filled in as the series says: the next number, the next
    planned date (or ``meeting_date``), venue, chair and times; its standing members who are
    people as attendees (present) and those that are bodies as invited bodies.  Not saved."""
    with db.read_session() as session:
        series = get_row(session, MeetingSeries, series_id, SERIES_WHAT)
        number = next_number_in(session, series)
        people = [m.person_id for m in series.members if m.person_id is not None]
        roles = {m.person_id: m.role for m in series.members if m.person_id is not None}
        bodies = [m.organization_id for m in series.members if m.organization_id is not None]
        venue, chair, chair_text = series.venue, series.chair_person_id, series.chair_text
        start, end = series.start_time, series.end_time
    if meeting_date is None:
        planned = plan_sessions(db, series_id=series_id, date_from=today)
        meeting_date = planned[0].day if planned else (today or today_local())
    return MeetingInput(
        series_id=series_id,
        meeting_date=meeting_date,
        number=number,
        start_time=start,
        end_time=end,
        venue=venue,
        chair_person_id=chair,
        chair_text=chair_text,
        attendees=tuple(AttendeeInput(person_id=p, role=roles.get(p, "")) for p in people),
        invited_org_ids=tuple(bodies),
    )


def get_meeting(db: Database, *, meeting_id: int) -> MeetingView:
    """One meeting read whole (``NotFoundError`` when there is none)."""
    with db.read_session() as session:
        return meeting_view(session, load_meeting(session, meeting_id))


def set_meeting_status(
    db: Database, *, meeting_id: int, status: str, version: int | None = None
) -> MeetingView:
    """Move a meeting draft ↔ held (approval is :func:`approve_minutes`)."""
    target = MeetingStatus.find(status)
    with write(db) as session:
        row = load_meeting(session, meeting_id)
        check_version(row, version, MEETING_WHAT)
        refuse_archived(row, MEETING_WHAT, "meeting")
        current = MeetingStatus(row.status)
        if target is None or target is MeetingStatus.APPROVED:
            raise ValidationError({"status": "برای تأیید صورتجلسه، «تأیید صورتجلسه» را بزنید."})
        if target is not current and target not in MEETING_MOVES[current]:
            refuse_locked(row)
            raise ValidationError({"status": "این تغییر وضعیت جلسه مجاز نیست."})
        row.status = target.value
        session.flush()
        return meeting_view(session, row)


def minutes_snapshot(session: Session, row: Meeting) -> str:
    """The minutes as approved: the meeting whole and its resolutions, as JSON."""

    def plain(value: Any) -> Any:
        if isinstance(value, (date, time, datetime)):
            return value.isoformat()
        return str(value)

    data = {
        "meeting": asdict(meeting_view(session, row)),
        "resolutions": [asdict(r) for r in resolutions_of_meeting(session, row.id)],
    }
    return json.dumps(data, ensure_ascii=False, default=plain, sort_keys=True)


def approve_minutes(
    db: Database, *, meeting_id: int, version: int | None = None, approved_by: str = ""
) -> MeetingView:
    """Approve a held meeting's minutes: they are kept as version N and locked."""
    with write(db) as session:
        row = load_meeting(session, meeting_id)
        check_version(row, version, MEETING_WHAT)
        refuse_archived(row, MEETING_WHAT, "meeting")
        if row.status != MeetingStatus.HELD.value:
            refuse_locked(row)
            raise ValidationError(
                {
                    "status": "تنها صورتجلسهٔ جلسهٔ برگزارشده تأیید می‌شود؛ ابتدا جلسه را «برگزارشده» کنید."
                }
            )
        now = utcnow()
        row.status = MeetingStatus.APPROVED.value  # the snapshot shows the minutes approved
        row.approved_at = now
        session.flush()
        session.add(
            MeetingMinutesVersion(
                meeting_id=row.id,
                version=row.minutes_version,
                approved_at=now,
                approved_by=normalize(approved_by),
                snapshot=minutes_snapshot(session, row),
            )
        )
        session.flush()
        return meeting_view(session, row)


def start_correction(
    db: Database, *, meeting_id: int, reason: str, version: int | None = None
) -> MeetingView:
    """Reopen approved minutes as the next version (held, editable); the approved one is kept
    with ``reason`` written on it.  A reason is required."""
    if not normalize(reason):
        raise ValidationError({"reason": "دلیل اصلاح صورتجلسهٔ تأییدشده را بنویسید."})
    with write(db) as session:
        row = load_meeting(session, meeting_id)
        check_version(row, version, MEETING_WHAT)
        if row.status != MeetingStatus.APPROVED.value:
            raise KnownError(
                "این صورتجلسه هنوز تأیید نشده است و بی‌نیاز از اصلاحیه ویرایش می‌شود.",
                "These minutes are not approved; edit them directly.",
            )
        kept = session.scalar(
            select(MeetingMinutesVersion).where(
                MeetingMinutesVersion.meeting_id == row.id,
                MeetingMinutesVersion.version == row.minutes_version,
            )
        )
        if kept is not None:
            kept.correction_reason = normalize(reason)
        row.minutes_version += 1
        row.status = MeetingStatus.HELD.value
        row.approved_at = None
        session.flush()
        return meeting_view(session, row)


def minutes_versions(db: Database, *, meeting_id: int) -> list[MinutesVersion]:
    """The approved versions of a meeting's minutes, oldest first."""
    with db.read_session() as session:
        get_row(session, Meeting, meeting_id, MEETING_WHAT)
        rows = session.scalars(
            select(MeetingMinutesVersion)
            .where(MeetingMinutesVersion.meeting_id == meeting_id)
            .order_by(MeetingMinutesVersion.version)
        )
        return [
            MinutesVersion(
                r.version,
                to_local(r.approved_at).date(),
                r.approved_by,
                r.correction_reason,
                r.snapshot,
            )
            for r in rows
        ]


def archive_meeting(
    db: Database, *, meeting_id: int, version: int | None = None, archived: bool = True
) -> None:
    """Archive (or restore) a meeting; its resolutions are archived (restored) with it."""
    with write(db) as session:
        row = get_row(session, Meeting, meeting_id, MEETING_WHAT)
        set_archived(session, row, version, archived, MEETING_WHAT)
        for res in session.scalars(select(Resolution).where(Resolution.meeting_id == row.id)):
            res.archived_at = row.archived_at
        session.flush()


def add_agenda_attachment(
    db: Database,
    *,
    agenda_item_id: int,
    source: Path,
    description: str = "",
    limit: int = MAX_ATTACHMENT_BYTES,
) -> AttachmentView:
    """Attach a file to an agenda item (``owner_kind="meeting_agenda_item"``); refused when
    the meeting is archived or its minutes approved."""

    def refuse(session: Session) -> None:
        item = get_row(session, MeetingAgendaItem, agenda_item_id, "بند دستور جلسه")
        refuse_archived(item.meeting, MEETING_WHAT, "meeting")
        refuse_locked(item.meeting)

    owner = (AGENDA_ITEM_KIND, agenda_item_id)
    return attach_checked(db, refuse, owner, source, description, limit)


def list_agenda_attachments(db: Database, *, agenda_item_id: int) -> list[AttachmentView]:
    """The files of one agenda item, oldest first."""
    return list_attachments(db, owner_kind=AGENDA_ITEM_KIND, owner_id=agenda_item_id)


def remove_agenda_attachment(db: Database, *, attachment_id: int) -> None:
    """Take a file off its agenda item (archived: it leaves the item and the minutes); refused
    when the meeting is archived or its minutes approved."""
    with write(db) as session:
        row = get_row(session, Attachment, attachment_id, "پیوست")
        if row.owner_kind != AGENDA_ITEM_KIND or row.owner_id is None:
            raise KnownError(
                "این پرونده از پیوست‌های بند دستور جلسه نیست.", "The file is not an agenda item's."
            )
        item = get_row(session, MeetingAgendaItem, row.owner_id, "بند دستور جلسه")
        refuse_archived(item.meeting, MEETING_WHAT, "meeting")
        refuse_locked(item.meeting)
        set_archived(session, row, None, True, "پیوست")
