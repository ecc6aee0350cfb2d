"""Visits register (دفتر ثبت دیدارها): a landscape table of the visits of a range."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus.flowables import Flowable

from qazvin_diplomacy.core.formatting import format_count
from qazvin_diplomacy.core.jalali import format_jalali, format_time
from qazvin_diplomacy.reports.catalog import (
    Option,
    ReportContent,
    ReportSpec,
    join_nonempty,
    paragraph,
)
from qazvin_diplomacy.reports.tables import rtl_table
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.services.visit_reports import (
    RegisterRow,
    VisitsRegister,
    visits_register,
)

TITLE = "دفتر ثبت دیدارها"
HEADER = ["ردیف", "تاریخ", "عنوان", "کشور", "مهمانان", "وضعیت", "نتیجه"]
# 26.5 cm: the A4 landscape frame.
WIDTHS = [1.2 * cm, 3.0 * cm, 6.6 * cm, 2.6 * cm, 5.0 * cm, 2.3 * cm, 5.8 * cm]
ALIGN = ["center", "center", "right", "right", "right", "center", "right"]


def date_cell(row: RegisterRow) -> str:
    """«۱۴۰۵/۰۹/۰۳» and the times on a second line (the end date too when it differs)."""
    start, end = row.start_at, row.end_at
    text = f"{format_jalali(start)}\n{format_time(start)} تا "
    if end.date() != start.date():
        text += f"{format_jalali(end)} "
    return text + format_time(end)


def table_rows(register: VisitsRegister) -> list[list[str]]:
    """The table's cells in logical text, one list per visit."""
    return [
        [str(n), date_cell(r), r.title, r.country_fa, r.guests, r.status.label_fa, r.outcome]
        for n, r in enumerate(register.rows, 1)
    ]


def build(register: VisitsRegister) -> list[Flowable]:
    """The story: the filter line, then one table split over as many pages as needed."""
    first = format_jalali(register.date_from)
    last = format_jalali(register.date_to)
    parts = [
        f"از {first} تا {last}",
        f"کشور: {register.country.name_fa}" if register.country else "",
        f"وضعیت: {register.status.label_fa}" if register.status else "",
        f"{format_count(len(register.rows))} دیدار",
    ]
    story: list[Flowable] = [paragraph(join_nonempty(parts, " — "))]
    if not register.rows:
        story.append(paragraph("در این بازه دیداری ثبت نشده است.", muted=True))
        return story
    story.append(rtl_table(HEADER, table_rows(register), WIDTHS, col_align=ALIGN))
    return story


def make(db: DatabaseHandle, options: Mapping[str, Any]) -> ReportContent:
    """Query the register for the options and lay it out, landscape."""
    country = options.get("country")
    data = visits_register(
        db,
        date_from=options["date_from"],
        date_to=options["date_to"],
        country_id=country.id if country is not None else None,
        status=options.get("status"),
    )
    return ReportContent(build(data), TITLE, landscape=True)


SPEC = ReportSpec(
    kind="visits-register",
    title_fa=TITLE,
    title_en="Visits register",
    options=(
        Option("date_from", "date", "از تاریخ", "first Jalali date of the range", flag="--from"),
        Option("date_to", "date", "تا تاریخ", "last Jalali date of the range", flag="--to"),
        Option("country", "country", "کشور", "ISO code or name of a country", required=False),
        Option("status", "status", "وضعیت", "a visit status (held, planned …)", required=False),
    ),
    make=make,
)
