"""The minutes of a meeting (صورتجلسه): header, attendance, agenda with notes (and each
item's attached files by name), resolutions, signatures.

CLI: ``report minutes --meeting ID [--version N] --out F.pdf|F.docx``.  Minutes not yet
approved print «پیش‌نویس» in their header; a corrected version says which version it is;
``--version`` prints an approved version as it was approved (kept when corrected).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus.flowables import Flowable

from qazvin_diplomacy.core.jalali import format_jalali, format_time
from qazvin_diplomacy.core.meetings import Attendance, AttendeeView, MeetingStatus, ResolutionView
from qazvin_diplomacy.core.text import to_persian_digits
from qazvin_diplomacy.reports.catalog import (
    Option,
    ReportContent,
    ReportSpec,
    day_or_dash,
    gap,
    heading,
    join_nonempty,
    paragraph,
    table_or_note,
)
from qazvin_diplomacy.reports.rtl_draw import RTLParagraph
from qazvin_diplomacy.reports.styles import style
from qazvin_diplomacy.reports.tables import rtl_table
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.services.meetings import MinutesData, minutes_data

TITLE = "صورتجلسه"
MEETING_OPTION = Option("meeting", "record_id", "شناسهٔ جلسه", "the meeting's id")
ATTENDEE_HEADER = ["ردیف", "نام", "سمت / دستگاه", "حضور"]
ATTENDEE_WIDTHS = [1.1 * cm, 5.2 * cm, 7.5 * cm, 4.0 * cm]
RESOLUTION_HEADER = ["شماره", "متن مصوبه", "دستگاه مسئول", "مهلت"]
RESOLUTION_WIDTHS = [1.6 * cm, 8.6 * cm, 4.6 * cm, 3.0 * cm]
SIGN_HEADER = ["نام", "سمت / دستگاه", "امضا"]
SIGN_WIDTHS = [5.6 * cm, 7.2 * cm, 5.0 * cm]


def title_of(data: MinutesData) -> str:
    """«صورتجلسهٔ جلسهٔ ۱۰۷ شورای گفت‌وگوی دولت و بخش خصوصی»."""
    m = data.meeting
    return f"صورتجلسهٔ جلسهٔ {to_persian_digits(m.number)} {m.series_name_fa}"


def header_lines(data: MinutesData) -> list[str]:
    """Date and time, venue, chair, secretary, rhythm, status and version."""
    m = data.meeting
    when = format_jalali(m.meeting_date, long=True, weekday=True)
    if m.start_time is not None:
        when += f"، ساعت {format_time(m.start_time)}"
        if m.end_time is not None:
            when += f" تا {format_time(m.end_time)}"
    state = MeetingStatus(m.status)
    status = "تأییدشده" if state is MeetingStatus.APPROVED else "پیش‌نویس — تأیید نشده"
    version = (
        f" — نسخهٔ {to_persian_digits(m.minutes_version)} (اصلاحیه)" if m.minutes_version > 1 else ""
    )
    lines = [
        f"تاریخ و ساعت: {when}",
        f"محل: {m.venue or '—'}",
        join_nonempty(
            [
                f"رئیس جلسه: {m.chair_name or '—'}",
                f"دبیر: {data.secretary_name}" if data.secretary_name else "",
            ],
            " — ",
        ),
        f"وضعیت صورتجلسه: {status}{version}",
    ]
    if data.recurrence_fa:
        lines.insert(2, f"دورهٔ برگزاری: {data.recurrence_fa}")
    if m.holiday_fa:
        lines.append(f"توجه: این تاریخ تعطیل است ({m.holiday_fa}).")
    return lines


def _who(a: AttendeeView) -> str:
    return a.name or a.organization_name or "—"


def _role(a: AttendeeView) -> str:
    return join_nonempty([a.title or a.role, a.organization_name if a.name else ""])


def attendance_cell(a: AttendeeView) -> str:
    """«حاضر», «غایب», «با نماینده: …»."""
    if a.attendance == Attendance.REPRESENTED.value:
        return f"نماینده: {a.represented_by_name}" if a.represented_by_name else "با نماینده"
    return Attendance.label_of(a.attendance)


def attendee_rows(data: MinutesData) -> list[list[str]]:
    """Present and represented members, then the absent ones."""
    people = [*data.present, *data.absent]
    return [
        [to_persian_digits(n), _who(a), _role(a) or "—", attendance_cell(a)]
        for n, a in enumerate(people, 1)
    ]


def resolution_rows(resolutions: tuple[ResolutionView, ...]) -> list[list[str]]:
    """Number, text, responsible (co-responsible bodies under it), deadline."""
    return [
        [
            r.number,
            r.text,
            r.responsible_name
            + (f"\nهمکار: {'، '.join(r.co_responsible_names)}" if r.co_responsible_names else "")
            or "—",
            day_or_dash(r.deadline),
        ]
        for r in resolutions
    ]


def build(data: MinutesData) -> list[Flowable]:
    """The minutes' story."""
    m = data.meeting
    story: list[Flowable] = [RTLParagraph(title_of(data), style("title"))]
    story += [paragraph(line) for line in header_lines(data) if line]
    story.append(heading("حاضران و غایبان"))
    story.append(
        table_or_note(
            ATTENDEE_HEADER,
            attendee_rows(data),
            ATTENDEE_WIDTHS,
            "فهرست حاضران ثبت نشده است.",
            col_align=["center", "right", "right", "right"],
        )
    )
    if data.absent:
        story.append(paragraph("غایبان: " + "، ".join(_who(a) for a in data.absent), muted=True))
    if m.invited_names:
        story.append(paragraph("دستگاه‌های دعوت‌شده: " + "، ".join(m.invited_names)))
    story.append(heading("دستور جلسه و خلاصهٔ مذاکرات"))
    if not m.agenda_rows:
        story.append(paragraph("دستور جلسه ثبت نشده است.", muted=True))
    for item in m.agenda_rows:
        presenter = f" (ارائه: {item.presenter_name})" if item.presenter_name else ""
        story.append(
            RTLParagraph(
                f"{to_persian_digits(item.position)}. {item.title}{presenter}", style("bold")
            )
        )
        if item.notes:
            story += [paragraph(p) for p in item.notes.split("\n") if p.strip()]
        if item.attachment_names:
            names = "، ".join(item.attachment_names)
            story.append(paragraph(f"پیوست‌ها: {names}", muted=True))
    if m.notes:
        story.append(paragraph(m.notes))
    story.append(heading("مصوبات"))
    story.append(
        table_or_note(
            RESOLUTION_HEADER,
            resolution_rows(data.resolutions),
            RESOLUTION_WIDTHS,
            "در این جلسه مصوبه‌ای ثبت نشده است.",
            col_align=["center", "right", "right", "center"],
        )
    )
    story.append(gap(10))
    story.append(heading("امضای حاضران"))
    signers = [[_who(a), _role(a) or "—", ""] for a in data.signers]
    if signers:
        story.append(rtl_table(SIGN_HEADER, signers, SIGN_WIDTHS, zebra=False, padding_y=9))
    else:
        story.append(paragraph("حاضری ثبت نشده است.", muted=True))
    return story


def make(db: DatabaseHandle, options: Mapping[str, Any]) -> ReportContent:
    """The minutes of ``--meeting``."""
    data = minutes_data(db, meeting_id=options["meeting"], version=options.get("version"))
    return ReportContent(build(data), title_of(data))


SPEC = ReportSpec(
    kind="minutes",
    title_fa=TITLE,
    title_en="Minutes of a meeting",
    options=(
        MEETING_OPTION,
        Option(
            "version",
            "record_id",
            "نسخهٔ تأییدشده",
            "an approved version of the minutes, as approved (default: as they stand)",
            required=False,
        ),
    ),
    make=make,
    docx=True,
)
