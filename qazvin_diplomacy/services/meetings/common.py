"""What the meeting use-cases share: names of the records, the lock rule, names of people and bodies."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from qazvin_diplomacy.core.errors import KnownError, ValidationError
from qazvin_diplomacy.core.meetings import MeetingStatus
from qazvin_diplomacy.core.text import to_persian_digits
from qazvin_diplomacy.storage.directory import Organization, Person
from qazvin_diplomacy.storage.meetings import Meeting, MeetingSeries

#: ``owner_kind`` / ``source_kind`` codes of the records (attachments, links, search, calendar).
SERIES_KIND = "meeting_series"
MEETING_KIND = "meeting"
RESOLUTION_KIND = "resolution"
AGENDA_ITEM_KIND = "meeting_agenda_item"
LOG_KIND = "resolution_log"

SERIES_WHAT = "جلسه/کارگروه"
MEETING_WHAT = "جلسه"
RESOLUTION_WHAT = "مصوبه"


def refuse_archived(row: object, what: str, what_en: str) -> None:
    """An archived record is read-only until restored."""
    if getattr(row, "archived_at", None) is not None:
        raise KnownError(
            f"این {what} بایگانی شده است؛ برای ویرایش، ابتدا آن را از بایگانی بازیابی کنید.",
            f"This {what_en} is archived; restore it before editing.",
        )


def refuse_locked(meeting: Meeting) -> None:
    """Approved minutes are locked: a change needs a correction (a new version of the minutes)."""
    if MeetingStatus(meeting.status).locked:
        raise KnownError(
            f"صورتجلسهٔ جلسهٔ {to_persian_digits(meeting.number)} تأیید و قفل شده است؛ برای تغییر، "
            "«اصلاح صورتجلسه» را بزنید تا نسخهٔ تازه‌ای باز شود (نسخهٔ پیشین نگه داشته می‌شود).",
            f"The minutes of session {meeting.number} are approved and locked; start a correction "
            "(a new version, the earlier one kept) to change them.",
        )


def person_names(session: Session, ids: Iterable[int | None]) -> dict[int, tuple[str, str]]:
    """``{id: (Persian name with honorific, title)}`` of the people with these ids."""
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = session.execute(
        select(Person.id, Person.honorific_fa, Person.name_fa, Person.title_fa).where(
            Person.id.in_(wanted)
        )
    )
    return {pid: (" ".join(p for p in (hon, name) if p), title) for pid, hon, name, title in rows}


def org_names(session: Session, ids: Iterable[int | None]) -> dict[int, tuple[str, str]]:
    """``{id: (Persian name, English name)}`` of the organizations with these ids."""
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = session.execute(
        select(Organization.id, Organization.name_fa, Organization.name_en).where(
            Organization.id.in_(wanted)
        )
    )
    return {oid: (fa, en) for oid, fa, en in rows}


def check_people(session: Session, ids: Iterable[int | None], field: str) -> None:
    """``ValidationError`` on ``field`` when one of ``ids`` is not a person of the directory."""
    wanted = {i for i in ids if i is not None}
    if wanted and len(person_names(session, wanted)) != len(wanted):
        raise ValidationError({field: "شخص انتخاب‌شده در فهرست مخاطبان پیدا نشد."})


def check_orgs(session: Session, ids: Iterable[int | None], field: str) -> None:
    """``ValidationError`` on ``field`` when one of ``ids`` is not an organization."""
    wanted = {i for i in ids if i is not None}
    if wanted and len(org_names(session, wanted)) != len(wanted):
        raise ValidationError({field: "دستگاه انتخاب‌شده در فهرست سازمان‌ها پیدا نشد."})


def series_names(session: Session, ids: Iterable[int]) -> dict[int, tuple[str, str]]:
    """``{id: (Persian name, English name)}`` of the series with these ids."""
    wanted = set(ids)
    if not wanted:
        return {}
    rows = session.execute(
        select(MeetingSeries.id, MeetingSeries.name_fa, MeetingSeries.name_en).where(
            MeetingSeries.id.in_(wanted)
        )
    )
    return {sid: (fa, en) for sid, fa, en in rows}
