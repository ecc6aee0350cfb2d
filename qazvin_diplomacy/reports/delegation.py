"""A trade delegation's briefing (before) and outcome (after): one document.

CLI: ``report delegation --delegation ID --out F.pdf|F.docx``.  Header (direction, place,
dates, head, status), members with their roles, objectives, the target markets concerned,
the programme, budget notes, then the outcome report and the agreements signed on the trip
when they are recorded, and the follow-ups after the trip.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus.flowables import Flowable

from qazvin_diplomacy.core.delegations import (
    DelegationDirection,
    DelegationStatus,
    DelegationView,
    MemberKind,
    MemberRole,
)
from qazvin_diplomacy.core.jalali import format_jalali
from qazvin_diplomacy.core.text import to_persian_digits
from qazvin_diplomacy.reports.catalog import (
    Option,
    ReportContent,
    ReportSpec,
    day_or_dash,
    followup_rows,
    heading,
    paragraph,
    table_or_note,
)
from qazvin_diplomacy.reports.rtl_draw import RTLParagraph
from qazvin_diplomacy.reports.styles import style
from qazvin_diplomacy.services import delegations as delegations_service
from qazvin_diplomacy.services.connection import DatabaseHandle

TITLE = "گزارش هیئت تجاری"
MEMBER_HEADER = ["ردیف", "نام", "نوع", "نقش"]
MEMBER_WIDTHS = [1.2 * cm, 8.4 * cm, 4.2 * cm, 4.0 * cm]
PROGRAMME_HEADER = ["روز", "ساعت", "مکان", "برنامه"]
PROGRAMME_WIDTHS = [2.8 * cm, 1.8 * cm, 5.0 * cm, 8.2 * cm]
FOLLOWUP_HEADER = ["اقدام", "مسئول", "مهلت", "وضعیت"]
FOLLOWUP_WIDTHS = [8.0 * cm, 4.6 * cm, 2.6 * cm, 2.6 * cm]


def title_of(d: DelegationView) -> str:
    """«گزارش هیئت تجاری: اعزام تیم تجاری استان قزوین به تاجیکستان»."""
    return f"{TITLE}: {d.title}"


def header_lines(d: DelegationView) -> list[str]:
    """Direction and place, dates, head, status."""
    way = DelegationDirection(d.direction)
    place = "مقصد" if way is DelegationDirection.OUTGOING else "مبدأ"
    dates = "—"
    if d.start_date and d.end_date:
        dates = (
            f"{format_jalali(d.start_date, long=True)} تا {format_jalali(d.end_date, long=True)}"
        )
    return [
        f"نوع هیئت: {way.label_fa} — {place}: {d.place_fa() or '—'}",
        f"تاریخ سفر: {dates}",
        f"سرپرست: {d.head_name() or '—'}",
        f"وضعیت: {DelegationStatus.label_of(d.status)}",
    ]


def member_rows(d: DelegationView) -> list[list[str]]:
    """Number, name, kind, role of each member."""
    return [
        [
            to_persian_digits(n),
            m.display_name() or "—",
            MemberKind.label_of(m.kind),
            MemberRole.label_of(m.role),
        ]
        for n, m in enumerate(d.members, 1)
    ]


def programme_rows(d: DelegationView) -> list[list[str]]:
    """Day, time, place and activity of each programme item, in order."""
    return [[day_or_dash(p.day), p.time_text, p.place, p.activity] for p in d.programme]


def _text_section(title: str, text: str, empty: str) -> list[Flowable]:
    lines = [line for line in text.split("\n") if line.strip()]
    return [heading(title), *([paragraph(t) for t in lines] or [paragraph(empty, muted=True)])]


def build(d: DelegationView) -> list[Flowable]:
    """The briefing's story."""
    story: list[Flowable] = [RTLParagraph(title_of(d), style("title"))]
    story += [paragraph(line) for line in header_lines(d)]
    story.append(heading("اعضای هیئت"))
    story.append(
        table_or_note(
            MEMBER_HEADER, member_rows(d), MEMBER_WIDTHS, "عضوی ثبت نشده است.",
            col_align=["center", "right", "right", "right"],
        )
    )  # fmt: skip
    story += _text_section("اهداف", d.objectives, "اهداف سفر ثبت نشده است.")
    story.append(heading("بازارهای هدف مرتبط"))
    markets = [paragraph(f"• {name}") for name in d.market_names_fa]
    story += markets or [paragraph("بازار هدفی پیوند نشده است.", muted=True)]
    story.append(heading("برنامهٔ سفر"))
    story.append(
        table_or_note(
            PROGRAMME_HEADER, programme_rows(d), PROGRAMME_WIDTHS, "برنامه‌ای ثبت نشده است.",
            col_align=["center", "center", "right", "right"],
        )
    )  # fmt: skip
    if d.budget_notes:
        story += _text_section("یادداشت بودجه", d.budget_notes, "")
    if d.outcome or d.agreement_titles:
        story += _text_section("گزارش نتایج", d.outcome, "گزارش نتایج هنوز ثبت نشده است.")
        story.append(heading("موافقت‌نامه‌های امضاشده در سفر"))
        signed = [paragraph(f"• {title}") for title in d.agreement_titles]
        story += signed or [paragraph("موافقت‌نامه‌ای پیوند نشده است.", muted=True)]
    if d.followups:
        story.append(heading("پیگیری‌ها"))
        story.append(
            table_or_note(
                FOLLOWUP_HEADER, followup_rows(d.followups), FOLLOWUP_WIDTHS, "",
                col_align=["right", "right", "center", "center"],
            )
        )  # fmt: skip
    return story


def make(db: DatabaseHandle, options: Mapping[str, Any]) -> ReportContent:
    """The briefing of ``--delegation``."""
    d = delegations_service.get_delegation(db, delegation_id=options["delegation"])
    return ReportContent(build(d), title_of(d))


SPEC = ReportSpec(
    kind="delegation",
    title_fa=TITLE,
    title_en="Trade delegation briefing and outcome",
    options=(Option("delegation", "record_id", "شناسهٔ هیئت", "the delegation's id"),),
    make=make,
    docx=True,
)
