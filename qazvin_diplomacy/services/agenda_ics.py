"""The office agenda as an iCalendar (``.ics``) file, for phones and Outlook.

Summaries are Persian (the kind, then the title); times are Tehran wall-clock times with
``TZID=Asia/Tehran`` and the zone itself written as a ``VTIMEZONE`` (a fixed +03:30, Iran
having dropped daylight saving time in 2022), so a calendar program needs no zone database.
An entry without a time of day is an all-day event.  Files are written like every export:
never over the database or its folders (``files.refuse_database_files``) and atomically.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path

from qazvin_diplomacy.core.calendar import AgendaEntry, EntryKind
from qazvin_diplomacy.core.clock import TEHRAN
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.jalali import format_jalali
from qazvin_diplomacy.services import events as events_service
from qazvin_diplomacy.services import visits as visits_service
from qazvin_diplomacy.services.calendar import agenda_between
from qazvin_diplomacy.services.files import DatabaseFiles, atomic_write, refuse_database_files
from qazvin_diplomacy.storage.database import Database

TZID = "Asia/Tehran"
PRODID = "-//Qazvin Diplomacy Desk//Agenda//FA"
#: The longest range one export may cover (a year and a bit: a whole Jalali year fits).
MAX_DAYS = 400


def _timezone() -> object:
    from icalendar import Timezone, TimezoneStandard

    zone = Timezone()
    zone.add("tzid", TZID)
    standard = TimezoneStandard()
    standard.add("dtstart", dt.datetime(1970, 1, 1))
    standard.add("tzoffsetfrom", dt.timedelta(hours=3, minutes=30))
    standard.add("tzoffsetto", dt.timedelta(hours=3, minutes=30))
    standard.add("tzname", "+0330")
    zone.add_component(standard)
    return zone


def _summary(entry: AgendaEntry) -> str:
    if entry.kind is EntryKind.VISIT:
        return entry.title
    return f"{entry.kind.label_fa}: {entry.title}"


def _description(entry: AgendaEntry) -> str:
    lines = [entry.detail]
    if entry.status_fa:
        lines.append(f"وضعیت: {entry.status_fa}")
    if entry.title_en:
        lines.append(entry.title_en)
    if entry.approximate:
        lines.append("تاریخ تقریبی (تا تأیید دفتر)")
    return "\n".join(x for x in lines if x)


def _local(moment: dt.datetime) -> dt.datetime:
    """Tehran wall-clock time, naive (written with ``TZID``)."""
    return moment.astimezone(TEHRAN).replace(tzinfo=None)


def agenda_calendar(entries: Iterable[AgendaEntry], *, name: str = "دفتر دیپلماسی قزوین") -> bytes:
    """``entries`` as the bytes of one ``VCALENDAR`` (UTF-8, CRLF lines)."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TZID)
    calendar.add_component(_timezone())
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    for entry in entries:
        event = Event()
        day = entry.first_day if entry.kind is EntryKind.HOLIDAY else None
        uid = f"{entry.kind.value}-{entry.record_id or day}@qazvin-diplomacy"
        event.add("uid", uid)
        event.add("dtstamp", stamp)
        event.add("summary", _summary(entry))
        if entry.start is not None and entry.end is not None:
            event.add("dtstart", _local(entry.start), parameters={"TZID": TZID})
            event.add("dtend", _local(entry.end), parameters={"TZID": TZID})
        else:
            event.add("dtstart", entry.first_day)
            event.add("dtend", entry.last_day + dt.timedelta(days=1))
            event.add("transp", "TRANSPARENT")
        if entry.venue:
            event.add("location", entry.venue)
        description = _description(entry)
        if description:
            event.add("description", description)
        event.add("categories", [entry.kind.label_fa])
        if entry.status in ("cancelled",):
            event.add("status", "CANCELLED")
        calendar.add_component(event)
    return calendar.to_ical()


def _write(db: Database, path: Path | str, data: bytes) -> None:
    target = Path(path)
    refuse_database_files(target, DatabaseFiles.of(db), purpose="export")
    if target.suffix.lower() != ".ics":
        raise KnownError(
            f"پسوند پروندهٔ خروجی باید ‎.ics باشد، نه «{target.suffix or 'هیچ'}»؛ چیزی نوشته نشد.",
            f"The output file must end in .ics, not '{target.suffix}'; nothing was written.",
        )
    with atomic_write(target) as tmp:
        tmp.write_bytes(data)


def check_range(start: dt.date, end: dt.date) -> None:
    """Refuse an empty range or one longer than :data:`MAX_DAYS`."""
    if end < start:
        raise KnownError(
            f"تاریخ پایان ({format_jalali(end)}) پیش از تاریخ آغاز ({format_jalali(start)}) است.",
            "The end date is before the start date.",
        )
    if (end - start).days >= MAX_DAYS:
        raise KnownError(
            "بازهٔ تاریخ‌ها بیش از یک سال است؛ بازهٔ کوتاه‌تری انتخاب کنید.",
            f"The range is longer than {MAX_DAYS} days; choose a shorter one.",
        )


def export_agenda(
    db: Database,
    *,
    path: Path | str,
    start: dt.date,
    end: dt.date,
    kinds: Sequence[EntryKind] | None = None,
    today: dt.date | None = None,
) -> int:
    """Write the entries of ``start`` … ``end`` (inclusive) to ``path`` (.ics); return how many."""
    check_range(start, end)
    refuse_database_files(Path(path), DatabaseFiles.of(db), purpose="export")
    entries = agenda_between(db, start=start, end=end, kinds=kinds, today=today)
    _write(db, path, agenda_calendar(entries))
    return len(entries)


def record_entry(db: Database, *, kind: EntryKind, record_id: int) -> AgendaEntry:
    """The calendar entry of one visit or event (``NotFoundError`` if it does not exist)."""
    if kind is EntryKind.VISIT:
        visit = visits_service.get_visit(db, record_id)
        assert visit.start_at is not None and visit.end_at is not None
        first, last = visit.start_at.date(), visit.end_at.date()
    elif kind is EntryKind.EVENT:
        event = events_service.get_event(db, record_id)
        assert event.start_date is not None
        first, last = event.start_date, event.end_date or event.start_date
    else:
        raise ValueError(f"only visits and events are exported one by one, not {kind}")
    for entry in agenda_between(db, start=first, end=last, kinds=(kind,)):
        if entry.record_id == record_id:
            return entry
    raise KnownError(
        f"این {kind.label_fa} بایگانی شده است و در تقویم نیست.",
        f"This {kind.label_en.lower()} is archived and not on the calendar.",
    )


def export_record(db: Database, *, path: Path | str, kind: EntryKind, record_id: int) -> None:
    """Write one visit or event to ``path`` (.ics)."""
    refuse_database_files(Path(path), DatabaseFiles.of(db), purpose="export")
    entry = record_entry(db, kind=kind, record_id=record_id)
    _write(db, path, agenda_calendar([entry], name=entry.title))
