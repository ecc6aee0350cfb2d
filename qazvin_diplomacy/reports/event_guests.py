"""Guest list of an event by order of precedence (فهرست مهمانان به ترتیب تقدم تشریفاتی).

One row per invited guest in the order of ``services.events.precedence_list``: position, name
(Persian and English), title, country, the basis of the rank, reply, attendance, table and seat,
remarks.  Ties and missing dates are not decided here: the rows concerned say «نیازمند تصمیم»
and the flags are listed below the table for a human to decide.  A4 landscape.
CLI: ``report event-guests --event ID``.

Also holds the pieces every event report shares: the ``--event`` option and the heading block.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus.flowables import Flowable

from qazvin_diplomacy.core.directory import with_honorific
from qazvin_diplomacy.core.events import (
    EventDetail,
    EventReportData,
    EventStatus,
    GuestList,
    GuestView,
    ReplyCounts,
    Rsvp,
)
from qazvin_diplomacy.core.text import to_persian_digits
from qazvin_diplomacy.reports.catalog import (
    Option,
    ReportContent,
    ReportSpec,
    gap,
    heading,
    join_nonempty,
    paragraph,
)
from qazvin_diplomacy.reports.tables import rtl_table
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.services.events import event_dates, get_event, precedence_list

TITLE = "فهرست مهمانان به ترتیب تقدم تشریفاتی"
NEEDS_DECISION = "نیازمند تصمیم"

#: The option of every event report: ``--event ID``.
EVENT_OPTION = Option("event", "record_id", "شناسه رویداد", "the event's id")

HEADER = ["ردیف", "مهمان", "سمت", "کشور", "مبنای تقدم", "پاسخ", "حضور", "میز و صندلی", "ملاحظات"]
WIDTHS = [1.1, 5.0, 4.4, 2.0, 4.3, 2.2, 1.3, 2.9, 3.3]  # cm, first column on the right
ALIGN = ["center", "right", "right", "right", "right", "center", "center", "center", "right"]


def fa(value: object) -> str:
    """Persian digits."""
    return to_persian_digits(value)


def report_data(db: DatabaseHandle, event_id: int) -> EventReportData:
    """The event and its printed dates; ``NotFoundError`` (Persian) for an unknown id."""
    event = get_event(db, event_id)
    return EventReportData(event=event, dates=event_dates(event))


def when_fa(data: EventReportData) -> str:
    """«جمعه ۱۹ اردیبهشت ۱۴۰۴ (۹ مه ۲۰۲۵)، ساعت ۱۶:۳۰ تا ۲۱:۰۰»."""
    dates = data.dates
    text = f"{dates.jalali_fa} ({dates.gregorian_fa})"
    if dates.time_fa:
        text += f"، ساعت {dates.time_fa}"
    return text


def counts_fa(counts: ReplyCounts) -> str:
    """«دعوت‌شده ۲۱؛ پاسخ مثبت ۱۸ …» in one line."""
    return "؛ ".join(
        [
            f"دعوت‌شده {fa(counts.invited)}",
            f"پاسخ مثبت {fa(counts.yes)}",
            f"پاسخ منفی {fa(counts.no)}",
            f"بی‌پاسخ {fa(counts.no_reply)}",
            f"حاضر {fa(counts.attended)}",
            f"همراهانِ پاسخ مثبت {fa(counts.companions_yes)}",
        ]
    )


def event_heading(data: EventReportData) -> list[Flowable]:
    """Title (Persian, then English), date and time, venue and status of the event."""
    event = data.event
    story: list[Flowable] = [heading(event.title_fa, 1)]
    if event.title_en:
        story.append(paragraph(event.title_en, direction="ltr", muted=True))
    story.append(paragraph(f"تاریخ: {when_fa(data)}"))
    facts = [
        f"مکان: {event.venue}" if event.venue else "",
        f"برگزارکننده: {event.organizer}" if event.organizer else "",
        f"وضعیت: {EventStatus(event.status).label_fa}",
    ]
    story.append(paragraph(join_nonempty(facts, "؛ ")))
    return story


def seat_fa(g: GuestView) -> str:
    """«میز ۱، صندلی ۲», «میز ۱، پشت سر مهمان» or «—»."""
    if g.table_no is None:
        return "—"
    if g.seat_behind:
        return f"میز {fa(g.table_no)}، پشت سر مهمان"
    if g.seat_no is None:
        return f"میز {fa(g.table_no)}"
    return f"میز {fa(g.table_no)}، صندلی {fa(g.seat_no)}"


def attendance_fa(g: GuestView, event: EventDetail) -> str:
    """«حاضر», «غایب» once the event is held, else «—»."""
    if g.attended:
        return "حاضر"
    return "غایب" if EventStatus(event.status) is EventStatus.HELD else "—"


def rsvp_fa(g: GuestView) -> str:
    """The reply, with companions: «می‌آید (با ۱ همراه)»."""
    text = Rsvp(g.rsvp).label_fa
    if g.companions:
        text += f" (با {fa(g.companions)} همراه)"
    return text


def guest_rows(guests: GuestList, event: EventDetail) -> list[list[str]]:
    """One row per guest in precedence order (see ``HEADER``)."""
    rows = []
    for index, g in enumerate(guests.guests, 1):
        name = with_honorific(g.honorific_fa, g.name_fa or g.name_en)
        if g.name_en and g.name_fa:
            name += "\n" + g.name_en
        basis = g.precedence_note or "—"
        if g.flagged:
            basis = f"{NEEDS_DECISION}: {basis}"
        rows.append(
            [
                fa(g.position or index),
                name,
                g.title_fa or g.title_en or "—",
                g.country_name_fa or "—",
                basis,
                rsvp_fa(g),
                attendance_fa(g, event),
                seat_fa(g),
                g.remarks or "",
            ]
        )
    return rows


def build(data: EventReportData, guests: GuestList) -> list[Flowable]:
    """The story: event heading, counts, the ordered table, then the points to decide."""
    story = event_heading(data)
    story.append(paragraph(counts_fa(data.event.counts), muted=True))
    story.append(gap(4))
    if guests.guests:
        story.append(
            rtl_table(
                HEADER, guest_rows(guests, data.event), [w * cm for w in WIDTHS], col_align=ALIGN
            )
        )
    else:
        story.append(paragraph("هنوز کسی به این رویداد دعوت نشده است.", muted=True))
    story.append(heading("موارد نیازمند تصمیم", 2))
    open_flags = guests.open_flags
    if open_flags:
        story.append(
            paragraph(
                "ترتیب این موارد را قاعده تعیین نمی‌کند؛ تا تصمیم شما، به ترتیب ثبت آمده‌اند.",
                muted=True,
            )
        )
        for i, flag in enumerate(open_flags, 1):
            story.append(paragraph(f"{fa(i)}. {flag.message_fa}"))
    else:
        story.append(paragraph("موردی نیست: ترتیب همهٔ مهمانان روشن است.", muted=True))
    resolved = len(guests.flags) - len(open_flags)
    if resolved:
        story.append(paragraph(f"{fa(resolved)} مورد با ترتیب دستی حل شده است.", muted=True))
    return story


def make(db: DatabaseHandle, options: Mapping[str, Any]) -> ReportContent:
    """Read the event and its precedence-ordered guests; A4 landscape."""
    data = report_data(db, options["event"])
    guests = precedence_list(db, event_id=options["event"])
    return ReportContent(build(data, guests), TITLE, landscape=True)


SPEC = ReportSpec(
    kind="event-guests",
    title_fa=TITLE,
    title_en="Guest list by order of precedence",
    options=(EVENT_OPTION,),
    make=make,
)
