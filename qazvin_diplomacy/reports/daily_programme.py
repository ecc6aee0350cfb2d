"""Daily programme (برنامهٔ روزانه): the governor's day item by item."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus.flowables import Flowable

from qazvin_diplomacy.core.jalali import format_jalali, format_time
from qazvin_diplomacy.core.text import to_persian_digits
from qazvin_diplomacy.reports.catalog import (
    Option,
    ReportContent,
    ReportSpec,
    heading,
    join_nonempty,
    paragraph,
)
from qazvin_diplomacy.reports.tables import Align, rtl_table
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.services.visit_reports import (
    DailyProgramme,
    ProgrammeItem,
    daily_programme,
)

TITLE = "برنامهٔ روزانهٔ استاندار"
EMPTY = "برای این روز برنامه‌ای ثبت نشده است."
HEADER = ["ساعت", "برنامه", "مهمانان", "محل", "مسئول", "ملاحظات"]
WIDTHS = [2.3 * cm, 4.5 * cm, 3.5 * cm, 3.0 * cm, 2.3 * cm, 2.2 * cm]


def item_text(item: ProgrammeItem) -> str:
    """The activity and, on a second line, the visit it belongs to (its guests have a column)."""
    if item.is_visit:
        return item.activity
    context = ""
    if item.visit_title != item.activity:  # no «دیدار: دیدار …» when the title says it
        title = item.visit_title
        context = title if title.startswith("دیدار") else f"دیدار: {title}"
    return "\n".join(p for p in (item.activity, context) if p)


def notes_text(item: ProgrammeItem) -> str:
    """Transport, interpreter and notes, each on its own line rather than run together."""
    return "\n".join(part for part in item.notes.split("؛ ") if part)


def time_text(item: ProgrammeItem) -> str:
    """«۱۰:۰۰ تا ۱۱:۳۰» (or one time for an item without duration)."""
    if item.end_at == item.start_at:
        return format_time(item.start_at)
    return f"{format_time(item.start_at)} تا {format_time(item.end_at)}"


def host_line(programme: DailyProgramme) -> str:
    """«محمد نوذری، استاندار قزوین»: whose day the programme is."""
    host = programme.host
    return join_nonempty([host.name_fa, host.title_fa]) if host is not None else ""


def title_for(programme: DailyProgramme) -> str:
    """«برنامهٔ روزانهٔ استاندار», or «برنامهٔ روزانه» with the chosen official's name."""
    return TITLE if programme.host is None else f"برنامهٔ روزانهٔ {programme.host.name_fa}"


def build(programme: DailyProgramme) -> list[Flowable]:
    """The story: the date line, then one table row per item."""
    when = format_jalali(programme.day, long=True, weekday=True)
    if programme.holiday and programme.holiday_approximate:
        when += f" — تعطیل رسمی ({programme.holiday}، تقریبی)"
    elif programme.holiday:
        when += f" — تعطیل رسمی ({programme.holiday})"
    elif programme.is_friday:
        when += " — تعطیل"
    count = to_persian_digits(len(programme.items))
    story: list[Flowable] = []
    if programme.host is not None:
        story.append(heading(host_line(programme), 2))
    story.append(paragraph(f"{when} — {count} بند برنامه"))
    if not programme.items:
        story.append(paragraph(EMPTY, muted=True))
        return story
    rows = [
        [time_text(i), item_text(i), i.guests, i.place, i.responsible, notes_text(i)]
        for i in programme.items
    ]
    align: list[Align] = ["center", "right", "right", "right", "right", "right"]
    story.append(rtl_table(HEADER, rows, WIDTHS, col_align=align))
    return story


def make(db: DatabaseHandle, options: Mapping[str, Any]) -> ReportContent:
    """Query the day ``options['date']`` (of ``options['host']`` when given) and lay it out."""
    programme = daily_programme(db, day=options["date"], host_id=options.get("host"))
    return ReportContent(build(programme), title_for(programme))


SPEC = ReportSpec(
    kind="daily-programme",
    title_fa=TITLE,
    title_en="Daily programme",
    options=(
        Option("date", "date", "تاریخ", "a Jalali date, e.g. 1405/09/03"),
        Option(
            "host",
            "record_id",
            "میزبان (شناسهٔ شخص)",
            "person id of the official (governor or a deputy); only the visits they host",
            required=False,
        ),
    ),
    make=make,
)
