"""The atlas of target markets on paper (اطلس بازارهای هدف).

CLI: ``report markets-map --out F.pdf [--year 1404]``.  Landscape: the world coloured by
the best priority of each country's target markets, then by the exports recorded in the
year, each with its key read right to left, then a table of the countries.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus.flowables import Flowable, PageBreak

from qazvin_diplomacy.core import atlas
from qazvin_diplomacy.core.formatting import format_count
from qazvin_diplomacy.core.markets import CountryAtlasEntry, MarketPriority
from qazvin_diplomacy.core.text import to_persian_digits
from qazvin_diplomacy.reports.catalog import (
    Option,
    ReportContent,
    ReportSpec,
    heading,
    paragraph,
    table_or_note,
)
from qazvin_diplomacy.reports.top_exporters import parse_year
from qazvin_diplomacy.reports.world_map import LegendItem, MapLegend, MapPicture, WorldMapFlowable
from qazvin_diplomacy.services import markets as markets_service
from qazvin_diplomacy.services.connection import DatabaseHandle

TITLE = "اطلس بازارهای هدف"
MAP_WIDTH, MAP_HEIGHT = 25.5 * cm, 13.2 * cm
HEADER = ["ردیف", "کشور", "بهترین اولویت", "تعداد بازار", "صادرات (دلار)", "رکورد صادرات"]
WIDTHS = [1.4 * cm, 7.0 * cm, 4.2 * cm, 3.0 * cm, 4.6 * cm, 3.2 * cm]
ALIGN = ["center", "right", "center", "center", "center", "center"]


def short_usd(value: int) -> str:
    """«۱۰۰ هزار»، «۵ میلیون»: a compact amount for a key."""
    if value >= 1_000_000:
        return f"{to_persian_digits(value // 1_000_000)} میلیون"
    if value >= 1000:
        return f"{to_persian_digits(value // 1000)} هزار"
    return to_persian_digits(value)


def priority_legend() -> list[LegendItem]:
    """The key of the priority map: one swatch per priority, then Iran."""
    items = [LegendItem(atlas.PRIORITY_FILLS[p.value], p.label_fa) for p in MarketPriority]
    return [*items, LegendItem(atlas.IRAN_FILL, "ایران")]


def export_legend() -> list[LegendItem]:
    """The key of the exports map: one swatch per bucket (USD), then Iran."""
    items = []
    for fill, (low, high) in zip(atlas.EXPORT_FILLS, atlas.export_ranges(), strict=True):
        text = (
            f"{short_usd(low)} دلار و بیشتر"
            if high is None
            else f"{short_usd(low)} تا {short_usd(high)} دلار"
        )
        items.append(LegendItem(fill, text))
    return [*items, LegendItem(atlas.IRAN_FILL, "ایران")]


def picture(entries: Mapping[str, CountryAtlasEntry], mode: str) -> MapPicture:
    """The world coloured by ``mode``, the market countries labelled (best priority first)."""
    fills = {
        code: fill
        for code, e in entries.items()
        if (fill := atlas.country_fill(e, mode)) is not None
    }
    if mode == atlas.PRIORITY:
        shown = sorted(
            (e for e in entries.values() if e.market_count), key=lambda e: e.priority or 9
        )
    else:
        shown = sorted(
            (e for e in entries.values() if e.export_records), key=lambda e: -e.export_usd
        )
    return MapPicture(fills=fills, labels=[(e.iso2, e.name_fa) for e in shown])


def table_rows(entries: Mapping[str, CountryAtlasEntry]) -> list[list[str]]:
    """Countries with markets (by priority) then with exports only (by value)."""
    ordered = sorted(entries.values(), key=lambda e: (e.priority or 9, -e.export_usd, e.name_fa))
    return [
        [
            to_persian_digits(n),
            e.name_fa,
            MarketPriority.label_of(e.priority) if e.priority else "—",
            to_persian_digits(e.market_count) if e.market_count else "—",
            format_count(e.export_usd) if e.export_records else "ثبت نشده",
            to_persian_digits(e.export_records) if e.export_records else "—",
        ]
        for n, e in enumerate(ordered, 1)
    ]


def build(entries: Mapping[str, CountryAtlasEntry], year: int) -> list[Flowable]:
    """Two maps and the table (``entries``: markets and the exports of ``year``)."""
    y = to_persian_digits(year)
    return [
        heading("کشورها بر پایهٔ اولویت بازارهای هدف"),
        WorldMapFlowable(picture(entries, atlas.PRIORITY), MAP_WIDTH, MAP_HEIGHT),
        MapLegend(priority_legend()),
        PageBreak(),
        heading(f"کشورها بر پایهٔ صادرات ثبت‌شده در سال {y}"),
        WorldMapFlowable(picture(entries, atlas.EXPORTS), MAP_WIDTH, MAP_HEIGHT),
        MapLegend(export_legend()),
        PageBreak(),
        heading("فهرست کشورها"),
        paragraph(
            f"کشورهایی که بازار هدف یا صادرات ثبت‌شده در سال {y} دارند؛ "
            "رقم صادرات فقط از رکوردهای ثبت‌شده است.",
            muted=True,
        ),
        table_or_note(
            HEADER,
            table_rows(entries),
            WIDTHS,
            "بازار هدف یا صادراتی ثبت نشده است.",
            col_align=ALIGN,
        ),  # fmt: skip
    ]


def make(db: DatabaseHandle, options: Mapping[str, Any]) -> ReportContent:
    """The atlas of the year ``--year`` (the latest year with exports when not given)."""
    years = markets_service.export_years(db)
    year = parse_year(options["year"]) if options.get("year") else (years[0] if years else 1404)
    entries = markets_service.atlas_entries(db, year=year)
    return ReportContent(build(entries, year), TITLE, landscape=True)


SPEC = ReportSpec(
    kind="markets-map",
    title_fa=TITLE,
    title_en="Atlas of target markets (map)",
    options=(
        Option("year", "text", "سال صادرات", "the Jalali year of the exports map", required=False),
    ),
    make=make,
)
