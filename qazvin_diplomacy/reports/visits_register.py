"""Visits register (دفتر ثبت دیدارها): a landscape table of the visits of a range."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus.flowables import Flowable

from qazvin_diplomacy.core.formatting import format_count
from qazvin_diplomacy.core.jalali import MONTH_NAMES_FA, format_jalali, format_time, to_jalali
from qazvin_diplomacy.core.text import to_persian_digits
from qazvin_diplomacy.core.visits import VisitStatus
from qazvin_diplomacy.reports.catalog import (
    Option,
    ReportContent,
    ReportSpec,
    gap,
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
HEADER = ["ردیف", "تاریخ", "ساعت", "عنوان", "کشور", "مهمانان", "وضعیت", "نتیجه"]
# 26.5 cm: the A4 landscape frame.  Date and time in columns of their own keep a row on one
# line unless its title, guests or outcome are long.
WIDTHS = [
    1.1 * cm, 1.9 * cm, 2.2 * cm, 6.4 * cm, 2.4 * cm, 5.2 * cm, 2.0 * cm, 5.3 * cm,
]  # fmt: skip
ALIGN = ["center", "center", "center", "right", "right", "right", "center", "right"]
FONT_SIZE = 8.0
PADDING_Y = 1.5
#: The status cell of a cancelled visit (the row is also printed muted).
CANCELLED_MARK = "لغو شد"


def time_cell(row: RegisterRow) -> str:
    """«۱۰:۳۰ تا ۱۲:۰۰», with the end date when the visit ends on another day."""
    start, end = row.start_at, row.end_at
    text = f"{format_time(start)} تا "
    if end.date() != start.date():
        text += f"{format_jalali(end)} "
    return text + format_time(end)


def status_label(status: VisitStatus) -> str:
    """The status as the register prints it: «لغو شد» for a cancelled visit."""
    return CANCELLED_MARK if status is VisitStatus.CANCELLED else status.label_fa


def _row(n: int, r: RegisterRow) -> list[str]:
    return [
        str(n), format_jalali(r.start_at), time_cell(r), r.title, r.country_fa, r.guests,
        status_label(r.status), r.outcome,
    ]  # fmt: skip


def table_rows(register: VisitsRegister) -> list[list[str]]:
    """The table's cells in logical text, one list per visit (no month headings)."""
    return [_row(n, r) for n, r in enumerate(register.rows, 1)]


def month_key(row: RegisterRow) -> tuple[int, int]:
    """(Jalali year, month) of the visit's start."""
    year, month, _day = to_jalali(row.start_at.date())
    return year, month


def month_heading(key: tuple[int, int], count: int) -> str:
    """«مهر ۱۴۰۴ — ۳۴ دیدار»."""
    year, month = key
    return f"{MONTH_NAMES_FA[month - 1]} {to_persian_digits(year)} — {format_count(count)} دیدار"


def grouped_rows(register: VisitsRegister) -> tuple[list[list[str]], list[int], list[int]]:
    """Rows with a heading row before each month; (rows, heading indices, cancelled indices)."""
    counts = Counter(month_key(r) for r in register.rows)
    rows: list[list[str]] = []
    bands: list[int] = []
    muted: list[int] = []
    blank = [""] * (len(HEADER) - 1)
    current: tuple[int, int] | None = None
    for n, r in enumerate(register.rows, 1):
        key = month_key(r)
        if key != current:
            current = key
            bands.append(len(rows))
            rows.append([month_heading(key, counts[key]), *blank])
        if r.status is VisitStatus.CANCELLED:
            muted.append(len(rows))
        rows.append(_row(n, r))
    return rows, bands, muted


def total_line(register: VisitsRegister) -> str:
    """«جمع: ۱۲۳ دیدار در ۱۲ ماه — برگزارشده: ۱۰۰، لغو شد: ۳ …»."""
    months = len({month_key(r) for r in register.rows})
    by_status = Counter(r.status for r in register.rows)
    parts = [
        f"{status_label(s)}: {format_count(by_status[s])}" for s in VisitStatus if by_status[s]
    ]
    head = f"جمع: {format_count(len(register.rows))} دیدار در {format_count(months)} ماه"
    return f"{head} — {'، '.join(parts)}"


def build(register: VisitsRegister) -> list[Flowable]:
    """The story: the filter line, one table (a heading row per month), then the total."""
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
    rows, bands, muted = grouped_rows(register)
    story.append(
        rtl_table(
            HEADER,
            rows,
            WIDTHS,
            col_align=ALIGN,
            font_size=FONT_SIZE,
            padding_y=PADDING_Y,
            band_rows=bands,
            muted_rows=muted,
        )  # fmt: skip
    )
    story.append(gap(6))
    story.append(paragraph(total_line(register)))
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
