"""Recurring events: copying an event (with its guests) to next year's edition."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from qazvin_diplomacy.core.errors import ValidationError
from qazvin_diplomacy.core.events import EventDetail, EventStatus, Rsvp
from qazvin_diplomacy.core.jalali import to_jalali
from qazvin_diplomacy.core.recurrence import RecurrenceError, occurrence_after
from qazvin_diplomacy.services.events.records import (
    _detail,
    _fa,
    _load,
    _load_open,
    _rule_of,
    event_search_key,
)
from qazvin_diplomacy.services.records import write
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.storage.directory import Person
from qazvin_diplomacy.storage.events import Event, EventGuest, EventProgrammeItem, EventTable


def _next_year_text(
    text: str, old_jalali: int, new_jalali: int, old_greg: int, new_greg: int
) -> str:
    """Replace the edition's years (Jalali and Gregorian) in a title.

    Years written in Latin (``1404``), Persian (``۱۴۰۴``) or Arabic-Indic (``١٤٠٤``, found in
    data typed before ``normalize`` stored them as Persian) digits are found; the new year
    is written in the script the old one was in.  A year inside a longer number is left alone.
    """
    for old, new in ((old_jalali, new_jalali), (old_greg, new_greg)):
        for digits in _DIGIT_SCRIPTS:
            old_text, new_text = _in_digits(old, digits), _in_digits(new, digits)
            text = re.sub(rf"(?<![{_ALL_DIGITS}]){old_text}(?![{_ALL_DIGITS}])", new_text, text)
    return text


#: Digit scripts a year may be written in: Latin, Persian, Arabic-Indic.
_DIGIT_SCRIPTS = ("0123456789", "۰۱۲۳۴۵۶۷۸۹", "٠١٢٣٤٥٦٧٨٩")
#: Every digit of any script (a year must not be part of a longer number in any of them).
_ALL_DIGITS = "".join(_DIGIT_SCRIPTS)


def _in_digits(number: int, digits: str) -> str:
    return "".join(digits[int(c)] for c in str(number))


def _last_year_remark(remarks: str, old_jalali: int) -> str:
    """A guest remark carried into next year's edition, marked as last year's (or ``""``).

    Remarks are about one edition (an apology, an interpreter brought that day, a diet):
    copied bare they would read as current.  They are kept — a standing need such as a diet
    may still hold — but prefixed «یادداشت ۱۴۰۴: » so the office re-checks them; a remark
    already marked by an older copy keeps its original year.
    """
    remarks = (remarks or "").strip()
    if not remarks or _LAST_YEAR_MARK.match(remarks):
        return remarks
    return f"یادداشت {_fa(old_jalali)}: {remarks}"


#: How a remark copied from a previous edition starts («یادداشت ۱۴۰۴: …»).
_LAST_YEAR_MARK = re.compile(r"یادداشت [۰-۹]{4}: ")


def copy_to_next_year_in(session: Session, *, event_id: int) -> Event:
    """``copy_to_next_year`` inside an open transaction (for bulk loaders); returns the new row."""
    source = _load_open(session, event_id)
    rule = _rule_of(source)
    if rule is None:
        raise ValidationError(
            {"recurrence": "این رویداد قاعدهٔ تکرار سالانه ندارد؛ ابتدا قاعدهٔ تکرار را تعیین کنید."}
        )
    try:
        start = occurrence_after(rule, source.start_date)
    except RecurrenceError as exc:
        raise ValidationError({"recurrence": exc.message}, exc.message_en) from exc
    old_year, new_year = to_jalali(source.start_date)[0], to_jalali(start)[0]
    existing = session.scalar(
        select(Event.id).where(
            Event.source_event_id == source.id,
            Event.archived_at.is_(None),
        )
    )
    if existing is not None:
        raise ValidationError(
            {"recurrence": f"رویداد سال {_fa(new_year)} پیش‌تر از روی این رویداد ساخته شده است."}
        )
    copy = Event(
        title_fa="",
        start_date=start,
        end_date=start + (source.end_date - source.start_date),
    )
    years = (old_year, new_year, source.start_date.year, start.year)
    copy.title_fa = _next_year_text(source.title_fa, *years)
    copy.title_en = _next_year_text(source.title_en, *years)
    for name in (
        "kind",
        "start_time",
        "end_time",
        "venue",
        "venue_en",
        "organizer",
        "organizer_en",
        "description",
        "budget_notes",
        "recurrence_kind",
        "recurrence_day",
        "recurrence_month",
        "recurrence_weekday",
        "recurrence_nth",
    ):
        setattr(copy, name, getattr(source, name))
    copy.status = EventStatus.DRAFT.value
    copy.source_event_id = source.id
    copy.search_key = event_search_key(copy)
    copy.programme = [
        EventProgrammeItem(
            sort_order=p.sort_order,
            start_time=p.start_time,
            end_time=p.end_time,
            item_fa=p.item_fa,
            item_en=p.item_en,
            speaker=p.speaker,
            speaker_en=p.speaker_en,
        )
        for p in source.programme
    ]
    copy.tables = [
        EventTable(
            number=t.number,
            capacity=t.capacity,
            shape=t.shape,
            host_person_id=t.host_person_id,
            host_seat=t.host_seat,
            label=t.label,
        )
        for t in source.tables
    ]
    session.add(copy)
    session.flush()
    guests = session.execute(
        select(EventGuest.person_id, EventGuest.interpreter_for_person_id, EventGuest.remarks)
        .join(Person, Person.id == EventGuest.person_id)
        .where(EventGuest.event_id == source.id, Person.archived_at.is_(None))
        .order_by(EventGuest.id)
    ).all()
    kept = {r[0] for r in guests}
    for person_id, interpreter_for, remarks in guests:
        session.add(
            EventGuest(
                event_id=copy.id,
                person_id=person_id,
                companions=0,
                rsvp=Rsvp.NO_REPLY.value,
                interpreter_for_person_id=interpreter_for if interpreter_for in kept else None,
                remarks=_last_year_remark(remarks, old_year),
            )
        )
    session.flush()
    return copy


def copy_to_next_year(db: Database, *, event_id: int) -> EventDetail:
    """Create next year's edition as a draft on the date the recurrence rule gives.

    The programme, tables and guest list are copied (archived people are left out); replies,
    invitation dates, attendance, seats and manual orders start afresh; years in the titles
    move on (۱۴۰۴ → ۱۴۰۵, 2025 → 2026, also in Arabic-Indic digits); each guest's remarks are
    kept but marked as last year's («یادداشت ۱۴۰۴: …», see ``_last_year_remark``).  ``ValidationError`` on "recurrence" when there is no
    rule, the rule gives no date next year (e.g. 30 Esfand in a common year), or next year's
    edition already exists; nothing is written then.
    """
    with write(db) as session:
        copy = copy_to_next_year_in(session, event_id=event_id)
        session.expire(copy)
        return _detail(session, _load(session, copy.id))
