"""Resolutions (مصوبات): save one, move its status and deadline, keep its follow-up log.

Rules: a resolution is «done» only with a closing note; a moved deadline writes the earlier
one to the log (kind ``deadline_moved``); a status change is logged too.  The wording of a
resolution (text, bodies, person in charge, number) is locked with its meeting's approved
minutes; its follow-up (status, deadline, log) goes on.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from qazvin_diplomacy.core.attachments import MAX_ATTACHMENT_BYTES, AttachmentView
from qazvin_diplomacy.core.clock import today_local
from qazvin_diplomacy.core.errors import ValidationError
from qazvin_diplomacy.core.meetings import (
    MANUAL_LOG_KINDS,
    LogKind,
    ResolutionInput,
    ResolutionLogEntry,
    ResolutionLogInput,
    ResolutionStatus,
    ResolutionView,
    days_overdue,
    format_resolution_number,
    is_overdue,
    validate_resolution,
    validate_resolution_status,
)
from qazvin_diplomacy.core.text import index_key, normalize
from qazvin_diplomacy.services.attachments import attach_checked, list_attachments
from qazvin_diplomacy.services.meetings.common import (
    LOG_KIND,
    MEETING_WHAT,
    RESOLUTION_KIND,
    RESOLUTION_WHAT,
    check_orgs,
    check_people,
    org_names,
    person_names,
    refuse_archived,
    refuse_locked,
    series_names,
)
from qazvin_diplomacy.services.meetings.links import linked_to, links_of, write_links
from qazvin_diplomacy.services.records import (
    another_with,
    check_version,
    get_row,
    set_archived,
    write,
)
from qazvin_diplomacy.storage.attachments import Attachment
from qazvin_diplomacy.storage.base import utcnow
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.storage.meetings import (
    Meeting,
    MeetingAgendaItem,
    MeetingSeries,
    Resolution,
    ResolutionBody,
    ResolutionLog,
)


def views_of(
    session: Session, rows: Sequence[Resolution], today: date, *, links: bool = False
) -> list[ResolutionView]:
    """Stored resolutions as views, names read in a few queries for the whole page."""
    if not rows:
        return []
    ids = [r.id for r in rows]
    co: dict[int, list[int]] = {}
    for res_id, org_id in session.execute(
        select(ResolutionBody.resolution_id, ResolutionBody.organization_id)
        .where(ResolutionBody.resolution_id.in_(ids))
        .order_by(ResolutionBody.sort_order)
    ):
        co.setdefault(res_id, []).append(org_id)
    orgs = org_names(
        session, [r.responsible_org_id for r in rows] + [o for v in co.values() for o in v]
    )
    people = person_names(session, [r.person_in_charge_id for r in rows])
    series = series_names(session, {r.series_id for r in rows})
    dates = dict(
        session.execute(
            select(Meeting.id, Meeting.meeting_date).where(
                Meeting.id.in_({r.meeting_id for r in rows})
            )
        ).all()
    )
    logs = {
        res_id: (int(n), last)
        for res_id, n, last in session.execute(
            select(ResolutionLog.resolution_id, func.count(), func.max(ResolutionLog.entry_date))
            .where(ResolutionLog.resolution_id.in_(ids))
            .group_by(ResolutionLog.resolution_id)
        )
    }
    views = []
    for r in rows:
        co_ids = tuple(co.get(r.id, ()))
        name = orgs.get(r.responsible_org_id or 0, ("", ""))
        log = logs.get(r.id, (0, None))
        views.append(
            ResolutionView(
                id=r.id,
                version=r.version,
                meeting_id=r.meeting_id,
                text=r.text,
                responsible_org_id=r.responsible_org_id,
                co_responsible_org_ids=co_ids,
                person_in_charge_id=r.person_in_charge_id,
                person_in_charge_text=r.person_in_charge_text,
                deadline=r.deadline,
                status=r.status,
                closing_note=r.closing_note,
                seq=r.seq,
                agenda_item_id=r.agenda_item_id,
                links=links_of(session, owner_kind=RESOLUTION_KIND, owner_id=r.id) if links else (),
                number=r.number,
                session_number=r.session_number,
                series_id=r.series_id,
                series_name_fa=series.get(r.series_id, ("", ""))[0],
                series_name_en=series.get(r.series_id, ("", ""))[1],
                meeting_date=dates.get(r.meeting_id),
                responsible_name=name[0],
                responsible_name_en=name[1],
                co_responsible_names=tuple(orgs.get(o, ("", ""))[0] for o in co_ids),
                person_in_charge_name=people.get(
                    r.person_in_charge_id or 0, (r.person_in_charge_text, "")
                )[0],
                closed_on=r.closed_on,
                overdue=is_overdue(r.deadline, r.status, today),
                days_overdue=days_overdue(r.deadline, r.status, today),
                log_count=log[0],
                last_log_on=log[1],
                archived=r.archived_at is not None,
            )
        )
    return views


def resolutions_of_meeting(
    session: Session, meeting_id: int, today: date | None = None
) -> list[ResolutionView]:
    """The resolutions of one meeting in number order, inside an open session."""
    rows = session.scalars(
        select(Resolution)
        .where(Resolution.meeting_id == meeting_id, Resolution.archived_at.is_(None))
        .order_by(Resolution.seq)
    ).all()
    return views_of(session, rows, today or today_local())


def list_meeting_resolutions(
    db: Database, *, meeting_id: int, today: date | None = None
) -> list[ResolutionView]:
    """The resolutions of one meeting («۱۰۷/۱», «۱۰۷/۲» …)."""
    with db.read_session() as session:
        get_row(session, Meeting, meeting_id, MEETING_WHAT)
        return resolutions_of_meeting(session, meeting_id, today)


def resolutions_linked_to(
    db: Database, *, kind: str, target_id: int, today: date | None = None
) -> list[ResolutionView]:
    """The resolutions (not archived) that concern one visit, agreement, delegation or market
    (``kind`` a ``LinkKind`` code), by deadline."""
    with db.read_session() as session:
        ids = linked_to(session, target_kind=kind, target_id=target_id, owner_kind=RESOLUTION_KIND)
        if not ids:
            return []
        rows = session.scalars(
            select(Resolution)
            .where(Resolution.id.in_(ids), Resolution.archived_at.is_(None))
            .order_by(Resolution.deadline.is_(None), Resolution.deadline, Resolution.id)
        ).all()
        return views_of(session, rows, today or today_local())


def get_resolution(
    db: Database, *, resolution_id: int, today: date | None = None
) -> ResolutionView:
    """One resolution with its links (``NotFoundError`` when there is none)."""
    with db.read_session() as session:
        row = get_row(session, Resolution, resolution_id, RESOLUTION_WHAT)
        return views_of(session, [row], today or today_local(), links=True)[0]


def resolution_search_key(session: Session, row: Resolution, co_ids: Sequence[int]) -> str:
    """The search key of a resolution: number, text, closing note, bodies, person, series."""
    orgs = org_names(session, [row.responsible_org_id, *co_ids])
    people = person_names(session, [row.person_in_charge_id])
    series = session.get(MeetingSeries, row.series_id)
    return index_key(
        f"مصوبه {row.session_number}/{row.seq}",
        row.text,
        row.closing_note,
        row.person_in_charge_text,
        *(n for pair in orgs.values() for n in pair),
        *(p[0] for p in people.values()),
        series.name_fa if series else "",
    )


def _log(
    row: Resolution,
    kind: LogKind,
    day: date,
    *,
    text: str = "",
    old_deadline: date | None = None,
    new_deadline: date | None = None,
    old_status: str = "",
    new_status: str = "",
) -> None:
    row.log.append(
        ResolutionLog(
            entry_date=day,
            kind=kind.value,
            text=normalize(text),
            old_deadline=old_deadline,
            new_deadline=new_deadline,
            old_status=old_status,
            new_status=new_status,
            recorded_at=utcnow(),
        )
    )


def _apply_status(
    row: Resolution, status: str, closing_note: str, day: date, reason: str = ""
) -> None:
    if row.status != status:
        _log(
            row, LogKind.STATUS_CHANGED, day, text=reason, old_status=row.status, new_status=status
        )
        row.status = status
    row.closing_note = normalize(closing_note)
    row.closed_on = (row.closed_on or day) if ResolutionStatus(status).is_closed else None


def _apply_deadline(row: Resolution, deadline: date | None, day: date, reason: str = "") -> None:
    if row.deadline != deadline:
        if row.id is not None:
            _log(
                row,
                LogKind.DEADLINE_MOVED,
                day,
                text=reason,
                old_deadline=row.deadline,
                new_deadline=deadline,
            )
        row.deadline = deadline


def save_resolution(
    db: Database, *, resolution: ResolutionInput, today: date | None = None
) -> ResolutionView:
    """Create or update a resolution.  A new one takes its meeting's next number («۱۰۷/۴»).

    A changed deadline or status is logged (the earlier deadline kept).  The wording is
    locked with approved minutes (``KnownError``); ``ValidationError`` by field otherwise.
    """
    validate_resolution(resolution)
    day = today or today_local()
    with write(db) as session:
        meeting = get_row(session, Meeting, resolution.meeting_id, MEETING_WHAT)
        refuse_archived(meeting, MEETING_WHAT, "meeting")
        check_orgs(session, [resolution.responsible_org_id], "responsible_org_id")
        check_orgs(session, resolution.co_responsible_org_ids, "co_responsible_org_ids")
        check_people(session, [resolution.person_in_charge_id], "person_in_charge_id")
        if resolution.agenda_item_id is not None:
            item = session.get(MeetingAgendaItem, resolution.agenda_item_id)
            if item is None or item.meeting_id != meeting.id:
                raise ValidationError({"agenda_item_id": "بند دستور جلسه در این جلسه پیدا نشد."})
        co_ids = list(dict.fromkeys(resolution.co_responsible_org_ids))
        if resolution.id is None:
            refuse_locked(meeting)
            # Two desks numbering the same meeting's next resolution take turns: the meeting row
            # is locked until this one commits (PostgreSQL; a SQLite write already holds the file).
            session.execute(select(Meeting.id).where(Meeting.id == meeting.id).with_for_update())
            top = session.scalar(
                select(func.max(Resolution.seq)).where(Resolution.meeting_id == meeting.id)
            )
            row = Resolution(
                meeting_id=meeting.id,
                seq=resolution.seq or (top or 0) + 1,
                status=ResolutionStatus.OPEN.value,
            )  # added once filled in (the queries below would flush it half-made)
        else:
            row = get_row(session, Resolution, resolution.id, RESOLUTION_WHAT)
            check_version(row, resolution.version, RESOLUTION_WHAT)
            refuse_archived(row, RESOLUTION_WHAT, "resolution")
            if row.meeting_id != meeting.id:
                raise ValidationError({"meeting_id": "مصوبه به جلسهٔ دیگری منتقل نمی‌شود."})
            current_co = [b.organization_id for b in row.co_bodies]
            wording_changed = (
                normalize(resolution.text) != row.text
                or resolution.responsible_org_id != row.responsible_org_id
                or co_ids != current_co
                or resolution.person_in_charge_id != row.person_in_charge_id
                or normalize(resolution.person_in_charge_text) != row.person_in_charge_text
                or (resolution.seq is not None and resolution.seq != row.seq)
            )
            if wording_changed:
                refuse_locked(meeting)
        seq = resolution.seq or row.seq
        if another_with(session, Resolution, row.id, meeting_id=meeting.id, seq=seq) is not None:
            raise ValidationError(
                {"seq": f"مصوبهٔ {format_resolution_number(meeting.number, seq)} پیش‌تر ثبت شده است."}
            )
        row.seq = seq
        row.series_id = meeting.series_id
        row.session_number = meeting.number
        row.number = format_resolution_number(meeting.number, seq)
        row.agenda_item_id = resolution.agenda_item_id
        row.text = normalize(resolution.text)
        row.responsible_org_id = resolution.responsible_org_id
        row.person_in_charge_id = resolution.person_in_charge_id
        row.person_in_charge_text = normalize(resolution.person_in_charge_text)
        if resolution.id is None:
            row.deadline = resolution.deadline
            row.status = resolution.status
            row.closing_note = normalize(resolution.closing_note)
            row.closed_on = day if ResolutionStatus(resolution.status).is_closed else None
            session.add(row)
        else:
            _apply_deadline(row, resolution.deadline, day)
            _apply_status(row, resolution.status, resolution.closing_note, day)
        row.co_bodies.clear()
        session.flush()
        for order, org_id in enumerate(co_ids):
            row.co_bodies.append(ResolutionBody(organization_id=org_id, sort_order=order))
        write_links(session, owner_kind=RESOLUTION_KIND, owner_id=row.id, links=resolution.links)
        row.search_key = resolution_search_key(session, row, co_ids)
        session.flush()
        return views_of(session, [row], day, links=True)[0]


def set_resolution_status(
    db: Database,
    *,
    resolution_id: int,
    status: str,
    closing_note: str = "",
    reason: str = "",
    version: int | None = None,
    today: date | None = None,
) -> ResolutionView:
    """Move a resolution to ``status`` (logged).  «done» needs a closing note (``ValidationError``
    on ``closing_note``); a closed one reopened loses its closing date."""
    errors = validate_resolution_status(status, closing_note)
    if errors:
        raise ValidationError(errors)
    day = today or today_local()
    with write(db) as session:
        row = get_row(session, Resolution, resolution_id, RESOLUTION_WHAT)
        check_version(row, version, RESOLUTION_WHAT)
        refuse_archived(row, RESOLUTION_WHAT, "resolution")
        _apply_status(row, status, closing_note or row.closing_note, day, reason)
        session.flush()
        return views_of(session, [row], day)[0]


def move_deadline(
    db: Database,
    *,
    resolution_id: int,
    deadline: date | None,
    reason: str = "",
    version: int | None = None,
    today: date | None = None,
) -> ResolutionView:
    """Give a resolution a new deadline; the log keeps the earlier one and the reason."""
    day = today or today_local()
    with write(db) as session:
        row = get_row(session, Resolution, resolution_id, RESOLUTION_WHAT)
        check_version(row, version, RESOLUTION_WHAT)
        refuse_archived(row, RESOLUTION_WHAT, "resolution")
        _apply_deadline(row, deadline, day, reason)
        session.flush()
        return views_of(session, [row], day)[0]


def _entry(row: ResolutionLog, files: int = 0) -> ResolutionLogEntry:
    return ResolutionLogEntry(
        resolution_id=row.resolution_id,
        kind=row.kind,
        entry_date=row.entry_date,
        letter_number=row.letter_number,
        text=row.text,
        id=row.id,
        old_deadline=row.old_deadline,
        new_deadline=row.new_deadline,
        old_status=row.old_status,
        new_status=row.new_status,
        attachment_count=files,
    )


def add_log_entry(db: Database, *, entry: ResolutionLogInput) -> ResolutionLogEntry:
    """Record a letter sent, a reply received, a reminder or a progress report."""
    kind = LogKind.find(entry.kind)
    errors: dict[str, str] = {}
    if kind not in MANUAL_LOG_KINDS:
        allowed = "، ".join(k.label_fa for k in MANUAL_LOG_KINDS)
        errors["kind"] = f"نوع پیگیری باید یکی از این‌ها باشد: {allowed}."
    if entry.entry_date is None:
        errors["entry_date"] = "تاریخ پیگیری را وارد کنید."
    if not normalize(entry.text) and not normalize(entry.letter_number):
        errors["text"] = "شرح پیگیری یا شمارهٔ نامه را وارد کنید."
    if errors:
        raise ValidationError(errors)
    assert kind is not None
    with write(db) as session:
        row = get_row(session, Resolution, entry.resolution_id, RESOLUTION_WHAT)
        refuse_archived(row, RESOLUTION_WHAT, "resolution")
        log = ResolutionLog(
            entry_date=entry.entry_date,
            kind=kind.value,
            letter_number=normalize(entry.letter_number),
            text=normalize(entry.text),
            recorded_at=utcnow(),
        )
        row.log.append(log)
        session.flush()
        return _entry(log)


def list_log(db: Database, *, resolution_id: int) -> list[ResolutionLogEntry]:
    """A resolution's follow-up log, by date (oldest first)."""
    with db.read_session() as session:
        get_row(session, Resolution, resolution_id, RESOLUTION_WHAT)
        return log_in(session, resolution_id)


def log_in(session: Session, resolution_id: int) -> list[ResolutionLogEntry]:
    """:func:`list_log` inside an open session."""
    rows = session.scalars(
        select(ResolutionLog)
        .where(ResolutionLog.resolution_id == resolution_id)
        .order_by(ResolutionLog.entry_date, ResolutionLog.id)
    ).all()
    files = dict(
        session.execute(
            select(Attachment.owner_id, func.count())
            .where(
                Attachment.owner_kind == LOG_KIND,
                Attachment.owner_id.in_([r.id for r in rows]),
                Attachment.archived_at.is_(None),
            )
            .group_by(Attachment.owner_id)
        ).all()
    )
    return [_entry(r, int(files.get(r.id, 0))) for r in rows]


def add_log_attachment(
    db: Database,
    *,
    log_id: int,
    source: Path,
    description: str = "",
    limit: int = MAX_ATTACHMENT_BYTES,
) -> AttachmentView:
    """Attach a file (the letter, the reply) to a log entry (``owner_kind="resolution_log"``)."""

    def refuse(session: Session) -> None:
        get_row(session, ResolutionLog, log_id, "پیگیری")

    return attach_checked(db, refuse, (LOG_KIND, log_id), source, description, limit)


def list_log_attachments(db: Database, *, log_id: int) -> list[AttachmentView]:
    """The files of one log entry, oldest first."""
    return list_attachments(db, owner_kind=LOG_KIND, owner_id=log_id)


def archive_resolution(
    db: Database, *, resolution_id: int, version: int | None = None, archived: bool = True
) -> None:
    """Archive (or restore) a resolution; refused while its meeting's minutes are approved."""
    with write(db) as session:
        row = get_row(session, Resolution, resolution_id, RESOLUTION_WHAT)
        refuse_locked(row.meeting)
        set_archived(session, row, version, archived, RESOLUTION_WHAT)


__all__ = [
    "add_log_attachment",
    "add_log_entry",
    "archive_resolution",
    "get_resolution",
    "list_log",
    "list_log_attachments",
    "list_meeting_resolutions",
    "log_in",
    "move_deadline",
    "resolutions_linked_to",
    "resolutions_of_meeting",
    "save_resolution",
    "set_resolution_status",
    "views_of",
]
