"""Itinerary (برنامهٔ سفر) handed to the foreign guests: English, Persian or bilingual.

English is laid out left to right with the English page header ("Page 1 of 3"), Gregorian
dates with the Jalali date alongside, and names in their English form (Persian only when no
English form exists).  ``both`` is the English document with the Persian text in extra
columns; ``fa`` is a Persian (right-to-left) programme with Gregorian dates alongside.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from itertools import groupby
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus.flowables import Flowable

from qazvin_diplomacy.core.clock import to_local
from qazvin_diplomacy.core.jalali import format_gregorian, format_jalali, format_time
from qazvin_diplomacy.core.visits import ItineraryEntry, PersonRef, VisitDetail
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
from qazvin_diplomacy.services.visit_reports import visit_for_itinerary

TITLE_EN = "Programme of the Visit"
TITLE_FA = "برنامهٔ سفر"
FRAME = 17.8 * cm


def _en(en: str, fa: str) -> str:
    """The English form, or the Persian one when there is no English form."""
    return en.strip() or fa


def _items(visit: VisitDetail) -> list[ItineraryEntry]:
    """The programme; a visit without items is one item of its own."""
    if visit.itinerary:
        return [i for i in visit.itinerary if i.start_at is not None and i.end_at is not None]
    return [
        ItineraryEntry(
            visit.start_at, visit.end_at, visit.title, visit.venue, activity_en=visit.title_en
        )
    ]


def _by_day(items: list[ItineraryEntry]) -> list[tuple[date, list[ItineraryEntry]]]:
    ordered = sorted(items, key=lambda i: (i.start_at, i.end_at))
    return [(d, list(g)) for d, g in groupby(ordered, key=lambda i: to_local(i.start_at).date())]  # type: ignore[arg-type]


def _span(item: ItineraryEntry, digits: str) -> str:
    assert item.start_at is not None and item.end_at is not None
    start, end = format_time(item.start_at, digits=digits), format_time(item.end_at, digits=digits)
    if start == end:
        return start
    return f"{start} – {end}" if digits == "latin" else f"{start} تا {end}"


def _day_en(d: date) -> str:
    jalali = format_jalali(d, long=True, digits="latin", lang="en")
    return f"{format_gregorian(d, 'en', weekday=True)} ({jalali})"


def _day_fa(d: date) -> str:
    return f"{format_jalali(d, long=True, weekday=True)} ({format_gregorian(d, 'fa')})"


def _dates_en(visit: VisitDetail) -> str:
    assert visit.start_at is not None and visit.end_at is not None
    first, last = to_local(visit.start_at).date(), to_local(visit.end_at).date()
    if first == last:
        return _day_en(first)
    return f"{_day_en(first)} to {_day_en(last)}"


def _person_en(p: PersonRef) -> str:
    return join_nonempty([_en(p.name_en, p.name_fa), _en(p.title_en, p.title_fa)], ", ")


def _english(visit: VisitDetail, bilingual: bool) -> list[Flowable]:
    story: list[Flowable] = [heading(_en(visit.title_en, visit.title), 1, direction="ltr")]
    if bilingual and visit.title_en:
        story.append(heading(visit.title, 2))
    story.append(paragraph(f"Dates: {_dates_en(visit)}", direction="ltr"))
    hosts = visit.host_refs()
    if hosts:
        story.append(
            paragraph("Hosted by: " + "; ".join(_person_en(p) for p in hosts), direction="ltr")
        )
    guests = visit.guest_refs()
    roles = {g.person_id: g.role for g in visit.guests}
    if guests:
        story.append(heading("Delegation", 2, direction="ltr"))
        header = ["Name", "Title", "Role"]
        widths = [5.0 * cm, 9.0 * cm, 3.8 * cm]
        rows = [
            [_en(p.name_en, p.name_fa), _en(p.title_en, p.title_fa), roles[p.id].label_en]
            for p in guests
        ]
        align = ["left", "left", "left"]
        if bilingual:
            header += ["نام"]
            widths = [4.2 * cm, 6.0 * cm, 3.0 * cm, 4.6 * cm]
            rows = [r + [p.name_fa] for r, p in zip(rows, guests, strict=True)]
            align += ["right"]
        story.append(rtl_table(header, rows, widths, direction="ltr", col_align=align))
    elif visit.delegation_name:
        story.append(paragraph(f"Delegation: {visit.delegation_name}", direction="ltr"))
    story.append(heading("Programme", 2, direction="ltr"))
    for day, items in _by_day(_items(visit)):
        story.append(heading(_day_en(day), 3, direction="ltr"))
        if bilingual:
            story.append(heading(_day_fa(day), 3))
            # The Persian columns read right to left: «برنامه» is the rightmost.
            header = ["Time", "Activity", "Place", "محل", "برنامه"]
            widths = [2.6 * cm, 4.2 * cm, 3.8 * cm, 3.4 * cm, 3.8 * cm]
            align = ["left", "left", "left", "right", "right"]
            rows = [
                [
                    _span(i, "latin"),
                    _en(i.activity_en, i.activity),
                    _en(i.place_en, i.place),
                    i.place,
                    i.activity,
                ]
                for i in items
            ]
        else:
            header = ["Time", "Activity", "Place"]
            widths = [2.8 * cm, 8.0 * cm, 7.0 * cm]
            align = ["left", "left", "left"]
            rows = [
                [_span(i, "latin"), _en(i.activity_en, i.activity), _en(i.place_en, i.place)]
                for i in items
            ]
        story.append(rtl_table(header, rows, widths, direction="ltr", col_align=align))
        story.append(gap(4))
    return story


def _persian(visit: VisitDetail) -> list[Flowable]:
    story: list[Flowable] = [heading(visit.title, 1)]
    if visit.title_en:
        story.append(heading(visit.title_en, 3, direction="ltr"))
    hosts = visit.host_refs()
    if hosts:
        story.append(
            paragraph("میزبان: " + "؛ ".join(join_nonempty([p.name_fa, p.title_fa]) for p in hosts))
        )
    guests = visit.guest_refs()
    roles = {g.person_id: g.role for g in visit.guests}
    if guests:
        story.append(heading("هیئت", 2))
        rows = [[p.name_fa, p.title_fa, roles[p.id].label_fa, p.name_en] for p in guests]
        story.append(
            rtl_table(
                ["نام", "سمت", "نقش", "Name"],
                rows,
                [4.4 * cm, 6.6 * cm, 2.6 * cm, 4.2 * cm],
                col_align=["right", "right", "center", "left"],
            )
        )
    story.append(heading("برنامه", 2))
    for day, items in _by_day(_items(visit)):
        story.append(heading(_day_fa(day), 3))
        rows = [[_span(i, "fa"), i.activity, i.place, i.transport, i.interpreter] for i in items]
        story.append(
            rtl_table(
                ["ساعت", "برنامه", "محل", "وسیله", "مترجم"],
                rows,
                [2.4 * cm, 5.6 * cm, 4.4 * cm, 2.8 * cm, 2.6 * cm],
                col_align=["center", "right", "right", "right", "right"],
            )
        )
        story.append(gap(4))
    return story


def build(visit: VisitDetail, lang: str = "en") -> ReportContent:
    """The itinerary in ``lang`` ("en", "fa" or "both")."""
    if lang == "fa":
        return ReportContent(_persian(visit), TITLE_FA)
    title = TITLE_EN if lang == "en" else f"{TITLE_EN} — {TITLE_FA}"
    return ReportContent(_english(visit, lang == "both"), title, language="en")


def make(db: DatabaseHandle, options: Mapping[str, Any]) -> ReportContent:
    """Query the visit and lay its itinerary out in ``options['lang']``."""
    return build(visit_for_itinerary(db, visit_id=options["visit"]), options["lang"])


SPEC = ReportSpec(
    kind="itinerary",
    title_fa=TITLE_FA,
    title_en=TITLE_EN,
    options=(
        Option("visit", "record_id", "شناسهٔ دیدار", "the visit's id"),
        Option(
            "lang",
            "choice",
            "زبان",
            "en, fa or both",
            required=False,
            choices=("en", "fa", "both"),
            default="en",
        ),
    ),
    make=make,
)
