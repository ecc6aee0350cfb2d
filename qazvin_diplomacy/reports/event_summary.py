"""After the event (گزارش حضور رویداد): totals, attendance by country, and who did not come.

Totals and the per-country lines are ``services.events.event_summary``'s numbers as they are
(countries by Persian name, guests without a country last), with a «جمع» row that adds the
lines up.  Guests who accepted but did not attend are listed by precedence.
CLI: ``report event-summary --event ID``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus.flowables import Flowable

from qazvin_diplomacy.core.events import EventStatus, EventSummaryReport, GuestView, Rsvp
from qazvin_diplomacy.reports.catalog import ReportContent, ReportSpec, gap, heading, paragraph
from qazvin_diplomacy.reports.event_guests import EVENT_OPTION, event_heading, fa
from qazvin_diplomacy.reports.tables import rtl_table
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.services.events import event_summary, precedence_list

TITLE = "گزارش حضور مهمانان رویداد"
COUNTRY_HEADER = ["کشور", "دعوت‌شده", "پاسخ مثبت", "پاسخ منفی", "بی‌پاسخ", "حاضر", "همراهان حاضر"]
COUNTRY_WIDTHS = [5.2, 2.1, 2.1, 2.1, 2.1, 2.1, 2.1]  # cm, 17.8 in all
TOTAL_LABEL = "جمع"


def percent_fa(part: int, whole: int) -> str:
    """«۹۴٪» (rounded), or «—» when ``whole`` is 0."""
    return "—" if whole == 0 else f"{fa(round(100 * part / whole))}٪"


def total_rows(report: EventSummaryReport) -> list[list[str]]:
    """[label, number] for the key figures."""
    t = report.totals
    held = EventStatus(report.header.event.status) is EventStatus.HELD or t.attended > 0
    return [
        ["دعوت‌شدگان", fa(t.invited)],
        ["پاسخ مثبت", fa(t.yes)],
        ["پاسخ منفی", fa(t.no)],
        ["بی‌پاسخ", fa(t.no_reply)],
        ["همراهانِ پاسخ‌های مثبت", fa(t.companions_yes)],
        ["حاضران", fa(t.attended)],
        ["همراهانِ حاضران", fa(report.attended_companions)],
        ["جمع افراد حاضر (با همراهان)", fa(t.attended + report.attended_companions)],
        # before the event is held (no one checked in yet) a ratio would read «۰٪»
        ["نسبت حاضران به پاسخ‌های مثبت", percent_fa(t.attended, t.yes) if held else "—"],
    ]


def country_rows(report: EventSummaryReport) -> list[list[str]]:
    """One row per country, then the «جمع» row."""
    rows = [
        [
            c.country_fa,
            fa(c.invited),
            fa(c.yes),
            fa(c.no),
            fa(c.no_reply),
            fa(c.attended),
            fa(c.companions),
        ]
        for c in report.by_country
    ]
    lines = report.by_country
    rows.append(
        [
            TOTAL_LABEL,
            fa(sum(c.invited for c in lines)),
            fa(sum(c.yes for c in lines)),
            fa(sum(c.no for c in lines)),
            fa(sum(c.no_reply for c in lines)),
            fa(sum(c.attended for c in lines)),
            fa(sum(c.companions for c in lines)),
        ]
    )
    return rows


def build(report: EventSummaryReport, no_shows: Sequence[GuestView]) -> list[Flowable]:
    """Heading, key figures, the country table, the no-shows."""
    story = event_heading(report.header)
    story.append(heading("جمع کل", 2))
    figures = total_rows(report)
    half = (len(figures) + 1) // 2
    paired = [
        figures[i] + (figures[i + half] if i + half < len(figures) else ["", ""])
        for i in range(half)
    ]
    story.append(
        rtl_table(
            ["شاخص", "تعداد", "شاخص", "تعداد"],
            paired,
            [6.4 * cm, 2.5 * cm] * 2,
            col_align=["right", "center"] * 2,
        )  # fmt: skip
    )
    story.append(heading("حضور به تفکیک کشور", 2))
    if report.by_country:
        story.append(
            rtl_table(
                COUNTRY_HEADER,
                country_rows(report),
                [w * cm for w in COUNTRY_WIDTHS],
                col_align=["right"] + ["center"] * 6,
            )
        )
    else:
        story.append(paragraph("هنوز کسی به این رویداد دعوت نشده است.", muted=True))
    story.append(heading("پاسخ مثبت داده‌اند ولی حاضر نشدند", 2))
    event = report.header.event
    if EventStatus(event.status) is not EventStatus.HELD and report.totals.attended == 0:
        story.append(paragraph("رویداد هنوز برگزار نشده و حضوری ثبت نشده است.", muted=True))
    elif no_shows:
        for g in no_shows:
            parts = [g.name_fa or g.name_en, g.title_fa, g.country_name_fa]
            story.append(paragraph("• " + "، ".join(p for p in parts if p)))
    else:
        story.append(paragraph("موردی نیست.", muted=True))
    story.append(gap())
    return story


def make(db: DatabaseHandle, options: Mapping[str, Any]) -> ReportContent:
    """The service's summary and, by precedence, those who accepted and did not come."""
    report = event_summary(db, event_id=options["event"])
    accepted = precedence_list(db, event_id=options["event"], rsvp=Rsvp.YES).guests
    no_shows = [g for g in accepted if not g.attended]
    return ReportContent(build(report, no_shows), TITLE)


SPEC = ReportSpec(
    kind="event-summary",
    title_fa=TITLE,
    title_en="Event attendance summary",
    options=(EVENT_OPTION,),
    make=make,
)
