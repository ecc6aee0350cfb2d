"""The province's top-10 exporting companies of a Jalali year (ده شرکت برتر صادراتی).

CLI: ``report top-exporters --year 1404 --out F.pdf``.  The ranks come from the recorded
export values only (``services.markets.top_exporters``): equal values share a rank (every
company tied at the tenth place is listed) and a company that reported the year before but
has no record for this year is listed apart, as missing, never as zero.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus.flowables import Flowable

from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.formatting import format_count
from qazvin_diplomacy.core.markets import MAX_YEAR, MIN_YEAR, TopExporters
from qazvin_diplomacy.core.text import to_latin_digits, to_persian_digits
from qazvin_diplomacy.reports.catalog import Option, ReportContent, ReportSpec, paragraph
from qazvin_diplomacy.reports.tables import rtl_table
from qazvin_diplomacy.services import markets as markets_service
from qazvin_diplomacy.services.connection import DatabaseHandle

TITLE = "ده شرکت برتر صادراتی استان"
HEADER = ["رتبه", "شرکت", "صادرات (دلار)", "تعداد مقصد", "سال قبل (دلار)"]
WIDTHS = [2.2 * cm, 6.8 * cm, 3.2 * cm, 2.2 * cm, 3.2 * cm]
ALIGN = ["center", "right", "center", "center", "center"]


def parse_year(text: Any) -> int:
    """A Jalali year typed in any digits; ``KnownError`` otherwise."""
    raw = to_latin_digits(str(text or "")).strip()
    if raw.isdigit() and MIN_YEAR <= int(raw) <= MAX_YEAR:
        return int(raw)
    raise KnownError(
        f"سال «{text}» یک سال هجری شمسی چهاررقمی نیست.",
        f"'{text}' is not a four-digit Jalali year.",
    )


def table_rows(top: TopExporters) -> list[list[str]]:
    """Ranked companies, then the ones whose record for the year is missing."""
    rows = [
        [
            to_persian_digits(r.rank) + (" (هم‌رتبه)" if r.tied else ""),
            r.name_fa,
            format_count(r.total_usd),
            format_count(r.destinations),
            "—" if r.previous_usd is None else format_count(r.previous_usd),
        ]
        for r in top.ranks
    ]
    rows += [["—", m.name_fa, "ثبت نشده", "—", format_count(m.last_usd)] for m in top.missing]
    return rows


def build(top: TopExporters) -> list[Flowable]:
    """The story: what the ranks rest on, the table, the note on missing records."""
    year = to_persian_digits(top.year)
    story: list[Flowable] = [
        paragraph(
            f"سال {year} — رتبه‌بندی بر پایهٔ ارزش صادرات ثبت‌شده در دفتر؛ "
            "ارقام برابر رتبهٔ یکسان دارند."
        )
    ]
    if not top.ranks and not top.missing:
        story.append(paragraph(f"برای سال {year} صادراتی ثبت نشده است.", muted=True))
        return story
    story.append(rtl_table(HEADER, table_rows(top), WIDTHS, col_align=ALIGN))
    if top.missing:
        story.append(
            paragraph(
                f"{format_count(len(top.missing))} شرکت در سال {to_persian_digits(top.year - 1)} "
                f"صادرات ثبت کرده‌اند ولی برای سال {year} رکوردی ندارند؛ رقم آن‌ها صفر فرض نشده است.",
                muted=True,
            )
        )
    return story


def make(db: DatabaseHandle, options: Mapping[str, Any]) -> ReportContent:
    """Rank the year's exporters and lay the list out."""
    year = parse_year(options.get("year"))
    return ReportContent(build(markets_service.top_exporters(db, year=year)), TITLE)


SPEC = ReportSpec(
    kind="top-exporters",
    title_fa=TITLE,
    title_en="Top-10 exporting companies",
    options=(Option("year", "text", "سال", "the Jalali year, e.g. 1404"),),
    make=make,
)
