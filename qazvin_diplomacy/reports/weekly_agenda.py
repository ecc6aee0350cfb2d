"""Weekly agenda (برنامهٔ هفتگی): Saturday to Friday, day by day, every day shown."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, time
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus.flowables import Flowable

from qazvin_diplomacy.core.clock import to_local
from qazvin_diplomacy.core.jalali import format_jalali, format_time
from qazvin_diplomacy.core.text import to_persian_digits
from qazvin_diplomacy.core.visits import VisitSummary
from qazvin_diplomacy.reports.catalog import (
    Option,
    ReportContent,
    ReportSpec,
    gap,
    heading,
    paragraph,
)
from qazvin_diplomacy.reports.tables import rtl_table
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.services.visit_reports import AgendaDay, WeeklyAgenda, weekly_agenda

TITLE = "برنامهٔ هفتگی دیدارها"
EMPTY_DAY = "برنامه‌ای ثبت نشده"
HEADER = ["ساعت", "عنوان", "مهمانان", "میزبان", "محل", "وضعیت"]
# 17.8 cm: the A4 portrait frame.
WIDTHS = [2.3 * cm, 4.3 * cm, 3.3 * cm, 3.0 * cm, 2.5 * cm, 2.4 * cm]
ALIGN = ["center", "right", "right", "right", "right", "center"]
#: Second line of the status cell of a visit on a Friday or an official holiday.
OFF_DAY_FLAG = "روز تعطیل!"


def time_on(day: date, visit: VisitSummary) -> str:
    """The visit's time as seen on ``day``: «۱۰:۰۰ تا ۱۳:۰۰», «از ۱۰:۰۰», «تمام روز», «تا ۱۲:۰۰»."""
    start, end = to_local(visit.start_at), to_local(visit.end_at)
    first, last = start.date(), end.date()
    if end.time() == time(0, 0) and last > first:
        last = date.fromordinal(last.toordinal() - 1)
        end_text = "۲۴:۰۰"
    else:
        end_text = format_time(end)
    if first == last:
        return f"{format_time(start)} تا {end_text}"
    if day == first:
        return f"از {format_time(start)}\n(تا {format_jalali(last)} {end_text})"
    if day == last:
        return f"تا {end_text}"
    return "تمام روز"


def day_title(day: AgendaDay) -> str:
    """«جمعه ۷ آذر ۱۴۰۵ — تعطیل» and the like."""
    text = format_jalali(day.day, long=True, weekday=True)
    if day.holiday is not None and day.holiday_approximate:
        text += f" — تعطیل رسمی ({day.holiday}، تقریبی)"
    elif day.holiday is not None:
        text += f" — تعطیل رسمی ({day.holiday})"
    elif day.is_friday:
        text += " — تعطیل"
    return text


def status_cell(day: AgendaDay, visit: VisitSummary) -> str:
    """The status, and «روز تعطیل!» under it when the visit falls on a Friday or holiday."""
    label = visit.status.label_fa
    return f"{label}\n{OFF_DAY_FLAG}" if day.is_off_day else label


def build(agenda: WeeklyAgenda) -> list[Flowable]:
    """The story: a line about the week, then each day's heading and table."""
    first = format_jalali(agenda.week_start, long=True, weekday=True)
    last = format_jalali(agenda.week_end, long=True, weekday=True)
    count = agenda.visit_count
    summary = f"{count} دیدار" if count else "بدون دیدار"
    story: list[Flowable] = [paragraph(f"هفتهٔ {first} تا {last} — {to_persian_digits(summary)}")]
    for day in agenda.days:
        story.append(heading(day_title(day), 3))
        if not day.visits:
            story.append(paragraph(EMPTY_DAY, muted=True))
            continue
        rows = [
            [
                time_on(day.day, v), v.title, v.guest_names(), v.host_names(), v.venue,
                status_cell(day, v),
            ]
            for v in day.visits
        ]  # fmt: skip
        story.append(rtl_table(HEADER, rows, WIDTHS, col_align=ALIGN))
        story.append(gap(4))
    return story


def make(db: DatabaseHandle, options: Mapping[str, Any]) -> ReportContent:
    """Query the week of ``options['week']`` and lay it out."""
    return ReportContent(build(weekly_agenda(db, day=options["week"])), TITLE)


SPEC = ReportSpec(
    kind="weekly-agenda",
    title_fa=TITLE,
    title_en="Weekly agenda",
    options=(
        Option("week", "date", "هفته (یک روز از آن)", "a Jalali date in the week, e.g. 1405/09/03"),
    ),
    make=make,
)
