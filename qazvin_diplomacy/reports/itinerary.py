"""Itinerary (برنامهٔ سفر) handed to the foreign guests: English, Persian or bilingual.

English is laid out left to right with the English page header ("Page 1 of 3"), Gregorian
dates with the Jalali date alongside, and names in their English form (Persian only when no
English form exists).  A title, activity or place without English prints ``NO_ENGLISH`` in
its English place — never the Persian text left-aligned as if it were English — and the box
at the top lists each one with its Persian, so the office can fill it in before sending.  ``both`` is the English document with the Persian text in extra
columns; ``fa`` is a Persian (right-to-left) programme with Gregorian dates alongside.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from itertools import groupby
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.units import cm
from reportlab.platypus.flowables import Flowable

from qazvin_diplomacy.core.clock import to_local
from qazvin_diplomacy.core.jalali import format_gregorian, format_jalali, format_time
from qazvin_diplomacy.core.visits import ItineraryEntry, PersonRef, VisitDetail, VisitStatus
from qazvin_diplomacy.reports.catalog import (
    Option,
    ReportContent,
    ReportSpec,
    gap,
    heading,
    join_nonempty,
    paragraph,
)
from qazvin_diplomacy.reports.rtl import Direction
from qazvin_diplomacy.reports.rtl_draw import RTLParagraph
from qazvin_diplomacy.reports.styles import CONFIDENTIAL_COLOR, scaled, style
from qazvin_diplomacy.reports.tables import rtl_table
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.services.visit_reports import visit_for_itinerary

TITLE_EN = "Programme of the Visit"
TITLE_FA = "برنامهٔ سفر"
FRAME = 17.8 * cm
WARNING_COLOR = colors.HexColor("#8a5a00")
#: The banner over the programme of a visit that will not take place as printed.
STATUS_BANNERS: dict[VisitStatus, tuple[str, str]] = {
    VisitStatus.POSTPONED: (
        "POSTPONED — this visit has been postponed; the programme below is not in force.",
        "این دیدار به تعویق افتاده است؛ برنامهٔ زیر معتبر نیست.",
    ),
    VisitStatus.CANCELLED: (
        "CANCELLED — this visit has been cancelled.",
        "این دیدار لغو شده است.",
    ),
}
#: Printed where a title, an activity or a place has no English text.
NO_ENGLISH = "[no English text]"
MISSING_EN_TITLE = f"English missing — marked {NO_ENGLISH} below (names printed in Persian):"
MISSING_EN_TITLE_FA = f"متن انگلیسی این موارد ثبت نشده و به جای آن {NO_ENGLISH} چاپ شده است:"


class Banner(Flowable):
    """Paragraphs in a framed, tinted box across the frame (a status or a warning)."""

    PAD = 6.0

    def __init__(self, paragraphs: list[RTLParagraph], color: colors.Color) -> None:
        super().__init__()
        self.paragraphs = paragraphs
        self.color = color
        self.spaceBefore = 4
        self.spaceAfter = 8
        self._heights: list[float] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Wrap each paragraph inside the padding (Flowable.wrap)."""
        inner = availWidth - 2 * self.PAD
        self._heights = [p.wrap(inner, availHeight)[1] for p in self.paragraphs]
        self.width = availWidth
        self.height = sum(self._heights) + 2 * self.PAD
        return self.width, self.height

    def draw(self) -> None:
        """The tinted box, its frame, then the paragraphs top to bottom (Flowable.draw)."""
        canvas = self.canv
        canvas.saveState()
        c = self.color  # a solid tint (no transparency for print shops' pre-flight checks)
        tint = colors.Color(*(v + (1 - v) * 0.92 for v in (c.red, c.green, c.blue)))
        canvas.setFillColor(tint)
        canvas.setStrokeColor(self.color)
        canvas.setLineWidth(1.2)
        canvas.rect(0, 0, self.width, self.height, stroke=1, fill=1)
        canvas.restoreState()
        y = self.height - self.PAD
        for para, h in zip(self.paragraphs, self._heights, strict=True):
            y -= h
            para.drawOn(canvas, self.PAD, y)


def _banner_line(
    text: str, direction: Direction, color: colors.Color, *, bold: bool = True, center: bool = True
) -> RTLParagraph:
    base = style("bold" if bold else "body_right")
    alignment = TA_CENTER if center else (TA_LEFT if direction == "ltr" else base.alignment)
    return RTLParagraph(
        text,
        scaled(base, 10.5, textColor=color, alignment=alignment, spaceAfter=0),
        direction=direction,
    )


def status_banner(visit: VisitDetail, lang: str) -> Banner | None:
    """The «postponed» / «cancelled» banner in the itinerary's language(s); None otherwise."""
    texts = STATUS_BANNERS.get(visit.status)
    if texts is None:
        return None
    en, fa = texts
    lines = []
    if lang in ("en", "both"):
        lines.append(_banner_line(en, "ltr", CONFIDENTIAL_COLOR))
    if lang in ("fa", "both"):
        lines.append(_banner_line(fa, "rtl", CONFIDENTIAL_COLOR))
    return Banner(lines, CONFIDENTIAL_COLOR)


def _rtl_run(text: str) -> str:
    """Persian quoted inside an English line: a right-to-left isolate (RLI … PDI), so that
    the brackets and colon before it keep their places."""
    return f"\u2067{text}\u2069"


def missing_english(visit: VisitDetail) -> list[str]:
    """The fields without English, each with its Persian text: one line per field."""
    missing: list[str] = []
    if visit.title.strip() and not visit.title_en.strip():
        missing.append(f"Title of the visit: {_rtl_run(visit.title)}")
    people = [("Host", p) for p in visit.host_refs()] + [("Guest", p) for p in visit.guest_refs()]
    for role, p in people:
        if p.name_fa.strip() and not p.name_en.strip():
            missing.append(f"{role}'s name: {_rtl_run(p.name_fa)}")
        if p.title_fa.strip() and not p.title_en.strip():
            missing.append(f"{role}'s title ({_en(p.name_en, p.name_fa)}): {_rtl_run(p.title_fa)}")
    for item in _items(visit):
        when = f"{_day_en(to_local(item.start_at).date())}, {_span(item, 'latin')}"  # type: ignore[arg-type]
        if item.activity.strip() and not item.activity_en.strip():
            missing.append(f"Activity ({when}): {_rtl_run(item.activity)}")
        if item.place.strip() and not item.place_en.strip():
            missing.append(f"Place ({when}): {_rtl_run(item.place)}")
    return missing


def missing_english_warning(visit: VisitDetail, bilingual: bool) -> Banner | None:
    """A box listing the fields without an English form (None when nothing is missing)."""
    missing = missing_english(visit)
    if not missing:
        return None
    lines = [_banner_line(MISSING_EN_TITLE, "ltr", WARNING_COLOR, center=False)]
    if bilingual:
        lines.append(_banner_line(MISSING_EN_TITLE_FA, "rtl", WARNING_COLOR, center=False))
    lines += [
        _banner_line(f"• {m}", "ltr", WARNING_COLOR, bold=False, center=False) for m in missing
    ]
    return Banner(lines, WARNING_COLOR)


def _en(en: str, fa: str) -> str:
    """The English form, or the Persian one when there is no English form (names)."""
    return en.strip() or fa


def _en_text(en: str, fa: str) -> str:
    """The English form of a title, an activity or a place; ``NO_ENGLISH`` when only the
    Persian exists (listed in the warning box); '' when there is neither."""
    return en.strip() or (NO_ENGLISH if fa.strip() else "")


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


def _bi(en: str, fa: str, bilingual: bool) -> str:
    """A label in English, with its Persian after it in the bilingual itinerary."""
    return f"{en} / {fa}" if bilingual else en


def _head(en: str, fa: str, bilingual: bool) -> str:
    """A table header: English, the Persian under it in the bilingual itinerary."""
    return f"{en}\n{fa}" if bilingual else en


def _english(visit: VisitDetail, bilingual: bool) -> list[Flowable]:
    story: list[Flowable] = [heading(_en_text(visit.title_en, visit.title), 1, direction="ltr")]
    if bilingual and visit.title.strip():
        story.append(heading(visit.title, 2))
    lang = "both" if bilingual else "en"
    for box in (status_banner(visit, lang), missing_english_warning(visit, bilingual)):
        if box is not None:
            story.append(box)
    story.append(paragraph(f"Dates: {_dates_en(visit)}", direction="ltr"))
    if bilingual:
        story.append(paragraph(f"تاریخ: {_dates_fa(visit)}"))
    hosts = visit.host_refs()
    if hosts:
        story.append(
            paragraph("Hosted by: " + "; ".join(_person_en(p) for p in hosts), direction="ltr")
        )
        if bilingual:
            story.append(paragraph("میزبان: " + "؛ ".join(_person_fa(p) for p in hosts)))
    guests = visit.guest_refs()
    roles = {g.person_id: g.role for g in visit.guests}
    if guests:
        story.append(heading(_bi("Delegation", "هیئت", bilingual), 2, direction="ltr"))
        header = ["Name", "Title", "Role"]
        widths = [5.0 * cm, 9.0 * cm, 3.8 * cm]
        rows = [
            [_en(p.name_en, p.name_fa), _en(p.title_en, p.title_fa), roles[p.id].label_en]
            for p in guests
        ]
        align = ["left", "left", "left"]
        if bilingual:
            header = [_head("Name", "نام", True), _head("Title", "سمت", True)]
            header += [_head("Role", "نقش", True), "نام"]
            widths = [4.2 * cm, 6.0 * cm, 3.0 * cm, 4.6 * cm]
            rows = [r + [p.name_fa] for r, p in zip(rows, guests, strict=True)]
            align += ["right"]
        story.append(rtl_table(header, rows, widths, direction="ltr", col_align=align))
    elif visit.delegation_name:
        label = _bi("Delegation", "هیئت", bilingual)
        story.append(paragraph(f"{label}: {visit.delegation_name}", direction="ltr"))
    story.append(heading(_bi("Programme", "برنامه", bilingual), 2, direction="ltr"))
    for day, items in _by_day(_items(visit)):
        story.append(heading(_day_en(day), 3, direction="ltr"))
        if bilingual:
            story.append(heading(_day_fa(day), 3))
            # The Persian columns read right to left: «برنامه» is the rightmost.
            header = [_head("Time", "ساعت", True), "Activity", "Place", "محل", "برنامه"]
            widths = [2.6 * cm, 4.2 * cm, 3.8 * cm, 3.4 * cm, 3.8 * cm]
            align = ["left", "left", "left", "right", "right"]
            rows = [
                [
                    _span(i, "latin"),
                    _en_text(i.activity_en, i.activity),
                    _en_text(i.place_en, i.place),
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
                [
                    _span(i, "latin"),
                    _en_text(i.activity_en, i.activity),
                    _en_text(i.place_en, i.place),
                ]
                for i in items
            ]
        story.append(rtl_table(header, rows, widths, direction="ltr", col_align=align))
        story.append(gap(4))
    return story


def _dates_fa(visit: VisitDetail) -> str:
    assert visit.start_at is not None and visit.end_at is not None
    first, last = to_local(visit.start_at).date(), to_local(visit.end_at).date()
    if first == last:
        return _day_fa(first)
    return f"{_day_fa(first)} تا {_day_fa(last)}"


def _person_fa(p: PersonRef) -> str:
    return join_nonempty([p.name_fa, p.title_fa])


def _persian(visit: VisitDetail) -> list[Flowable]:
    story: list[Flowable] = [heading(visit.title, 1)]
    if visit.title_en:
        story.append(heading(visit.title_en, 3, direction="ltr"))
    banner = status_banner(visit, "fa")
    if banner is not None:
        story.append(banner)
    hosts = visit.host_refs()
    if hosts:
        story.append(paragraph("میزبان: " + "؛ ".join(_person_fa(p) for p in hosts)))
    guests = visit.guest_refs()
    roles = {g.person_id: g.role for g in visit.guests}
    if guests:
        story.append(heading("هیئت", 2))
        rows = [[p.name_fa, p.title_fa, roles[p.id].label_fa, p.name_en] for p in guests]
        story.append(
            rtl_table(
                ["نام", "سمت", "نقش", "نام انگلیسی"],
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
