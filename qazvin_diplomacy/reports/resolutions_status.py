"""Follow-up status of resolutions (گزارش پیگیری مصوبات): who is late, grouped by body.

A summary table (open / overdue / done / cancelled per responsible body, the most overdue
first), then each body's resolutions with their deadline and days overdue.
CLI: ``report resolutions --out F.pdf [--body ORG_ID] [--status open|overdue|done|…]
[--series ID] [--from D --to D]`` (the dates bound the deadline, Jalali).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus.flowables import Flowable

from qazvin_diplomacy.core.clock import today_local
from qazvin_diplomacy.core.formatting import format_count
from qazvin_diplomacy.core.meetings import ResolutionDue, ResolutionStatus, ResolutionView
from qazvin_diplomacy.core.text import to_persian_digits
from qazvin_diplomacy.reports.catalog import (
    Option,
    ReportContent,
    ReportSpec,
    day_or_dash,
    heading,
    join_nonempty,
    paragraph,
)
from qazvin_diplomacy.reports.tables import rtl_table
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.services.meetings import StatusReport, status_filter, status_report

TITLE = "گزارش پیگیری مصوبات"
SUMMARY_HEADER = [
    "دستگاه مسئول",
    "باز",
    "گذشته از مهلت",
    "انجام‌شده",
    "لغوشده",
    "قدیمی‌ترین مهلت گذشته",
]
SUMMARY_WIDTHS = [9.0 * cm, 2.2 * cm, 3.0 * cm, 2.6 * cm, 2.4 * cm, 4.0 * cm]
HEADER = ["شماره", "متن مصوبه", "جلسه", "مهلت", "وضعیت", "تأخیر (روز)", "آخرین پیگیری"]
WIDTHS = [1.7 * cm, 10.0 * cm, 5.0 * cm, 2.2 * cm, 2.5 * cm, 2.1 * cm, 2.3 * cm]
ALIGN = ["center", "right", "right", "center", "center", "center", "center"]
STATUS_CHOICES = tuple(d.value for d in ResolutionDue)


def summary_rows(report: StatusReport) -> list[list[str]]:
    """One row per body, then the totals."""
    fa = to_persian_digits
    rows = [
        [
            b.name_fa,
            fa(b.open),
            fa(b.overdue),
            fa(b.done),
            fa(b.cancelled),
            day_or_dash(b.oldest_overdue),
        ]
        for b in report.summary
    ]
    if len(report.summary) > 1:
        rows.append(
            [
                "جمع",
                fa(sum(b.open for b in report.summary)),
                fa(sum(b.overdue for b in report.summary)),
                fa(sum(b.done for b in report.summary)),
                fa(sum(b.cancelled for b in report.summary)),
                "",
            ]
        )
    return rows


def resolution_rows(items: tuple[ResolutionView, ...]) -> list[list[str]]:
    """A body's resolutions: number, text, meeting, deadline, status, days overdue, last follow-up."""
    return [
        [
            r.number,
            r.text,
            join_nonempty([r.series_name_fa, day_or_dash(r.meeting_date)]),
            day_or_dash(r.deadline),
            "گذشته از مهلت" if r.overdue else ResolutionStatus.label_of(r.status),
            to_persian_digits(r.days_overdue) if r.overdue else "—",
            day_or_dash(r.last_log_on),
        ]
        for r in items
    ]


def filter_line(report: StatusReport) -> str:
    """What the report covers, and the date overdue is counted against."""
    f = report.filters
    span = ""
    if f.deadline_from or f.deadline_to:
        span = join_nonempty(
            [
                f"مهلت از {day_or_dash(f.deadline_from)}" if f.deadline_from else "مهلت",
                f"تا {day_or_dash(f.deadline_to)}" if f.deadline_to else "",
            ],
            " ",
        )
    due = ResolutionDue(f.due)
    return join_nonempty(
        [
            f"دستگاه: {report.body_name}" if report.body_name else "",
            f"جلسات: {report.series_name}" if report.series_name else "",
            f"وضعیت: {due.label_fa}" if due is not ResolutionDue.ALL else "",
            span,
            f"{format_count(report.count)} مصوبه",
            f"تأخیر به تاریخ {day_or_dash(report.today)}",
        ],
        " — ",
    )


def build(report: StatusReport) -> list[Flowable]:
    """The story: filter line, summary per body, each body's resolutions."""
    story: list[Flowable] = [paragraph(filter_line(report))]
    if not report.groups:
        story.append(paragraph("مصوبه‌ای با این شرایط ثبت نشده است.", muted=True))
        return story
    story.append(heading("خلاصه به تفکیک دستگاه"))
    story.append(
        rtl_table(
            SUMMARY_HEADER,
            summary_rows(report),
            SUMMARY_WIDTHS,
            col_align=["right", "center", "center", "center", "center", "center"],
        )
    )
    for group in report.groups:
        s = group.summary
        story.append(
            heading(
                f"{s.name_fa} — {to_persian_digits(s.overdue)} گذشته از مهلت، "
                f"{to_persian_digits(s.open)} باز"
            )
        )
        story.append(rtl_table(HEADER, resolution_rows(group.resolutions), WIDTHS, col_align=ALIGN))
    return story


def make(db: DatabaseHandle, options: Mapping[str, Any]) -> ReportContent:
    """The status report for the options, landscape."""
    filters = status_filter(
        status=options.get("status"),
        body_id=options.get("body"),
        series_id=options.get("series"),
        date_from=options.get("date_from"),
        date_to=options.get("date_to"),
        today=today_local(),
    )
    return ReportContent(build(status_report(db, filters=filters)), TITLE, landscape=True)


SPEC = ReportSpec(
    kind="resolutions",
    title_fa=TITLE,
    title_en="Resolutions follow-up status",
    options=(
        Option("body", "record_id", "شناسهٔ دستگاه", "the responsible body's id", required=False),
        Option(
            "status",
            "choice",
            "وضعیت",
            "a state: " + ", ".join(STATUS_CHOICES),
            required=False,
            choices=STATUS_CHOICES,
        ),
        Option("series", "record_id", "شناسهٔ سلسله‌جلسات", "the meeting series' id", required=False),
        Option(
            "date_from", "date", "مهلت از", "deadline from (Jalali)", required=False, flag="--from"
        ),
        Option(
            "date_to", "date", "مهلت تا", "deadline until (Jalali)", required=False, flag="--to"
        ),
    ),
    make=make,
)
