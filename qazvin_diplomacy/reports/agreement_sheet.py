"""Agreement sheet (شناسنامه موافقت‌نامه): one agreement for the governor's file.

Parties, signatories, validity, legal review, obligations, status history and attached
files.  CLI: ``report agreement-sheet --agreement ID``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus.flowables import Flowable

from qazvin_diplomacy.core.agreements import AgreementDetail, PartySide, PartyView, SignatoryView
from qazvin_diplomacy.core.jalali import format_jalali, format_time
from qazvin_diplomacy.core.text import to_persian_digits
from qazvin_diplomacy.reports.catalog import (
    Option,
    ReportContent,
    ReportSpec,
    day_or_dash,
    followup_rows,
    gap,
    heading,
    join_nonempty,
    paragraph,
    table_or_note,
)
from qazvin_diplomacy.reports.tables import rtl_table
from qazvin_diplomacy.services.agreements import agreement_sheet
from qazvin_diplomacy.services.connection import DatabaseHandle

TITLE = "شناسنامهٔ موافقت‌نامه"
FRAME = 17.8 * cm  # the A4 portrait frame
NONE = "موردی ثبت نشده است."


def validity_text(a: AgreementDetail) -> str:
    """«از … تا …» or «… ماه از …», with automatic renewal and the running term."""
    start = a.start_date or a.signing_date
    if a.end_date is not None:
        text = (
            f"از {day_or_dash(start)} تا {day_or_dash(a.end_date)}"
            if start
            else f"تا {day_or_dash(a.end_date)}"
        )
    elif a.duration_months:
        months = to_persian_digits(a.duration_months)
        text = f"{months} ماه از {day_or_dash(start)}" if start else f"{months} ماه از تاریخ امضا"
    else:
        text = "نامحدود" if start else "—"
    if a.auto_renew:
        renewal = a.renewal_months or a.duration_months or 12
        text += f"؛ تمدید خودکار هر {to_persian_digits(renewal)} ماه"
    return text


def fact_rows(a: AgreementDetail) -> list[list[str]]:
    """The key facts, one [label, value] per row."""
    status = a.status.label_fa
    if a.shown_status != a.status:
        status += f" (در عمل {a.shown_status.label_fa})"
    rows = [
        ["نوع سند", a.kind.label_fa],
        ["شمارهٔ ثبت", a.reference_number or "—"],
        ["وضعیت", status],
        ["تاریخ و محل امضا", join_nonempty([day_or_dash(a.signing_date), a.signing_place], "، ")],
        ["اعتبار", validity_text(a)],
        [
            "انقضا",
            day_or_dash(a.current_expiry)
            + (" (دورهٔ جاری)" if a.auto_renew and a.current_expiry else ""),
        ],
        ["محورهای همکاری", "، ".join(x.label_fa for x in a.axes) or "—"],
    ]
    if a.visit_title:
        rows.append(["دیدار مرتبط", a.visit_title])
    if a.summary:
        rows.append(["خلاصه", a.summary])
    if a.archived:
        rows.append(["بایگانی", "این سند بایگانی شده است."])
    return rows


def party_rows(a: AgreementDetail) -> list[list[str]]:
    """[side, organization, country, province/city] per party, Iranian side first."""
    rows = []
    for side in PartySide:
        for p in a.parties:
            if isinstance(p, PartyView) and p.side == side:
                rows.append(
                    [
                        side.label_fa,
                        p.organization_name_fa,
                        p.country_name_fa or "—",
                        p.locality_fa or "—",
                    ]
                )
    return rows


def signatory_rows(a: AgreementDetail) -> list[list[str]]:
    """[side, name, title, for] per signatory, Iranian side first."""
    rows = []
    for side in PartySide:
        for s in a.signatories:
            if isinstance(s, SignatoryView) and s.side == side:
                rows.append([side.label_fa, s.name_fa, s.title_fa or "—", s.party_name_fa])
    return rows


def history_rows(a: AgreementDetail) -> list[list[str]]:
    """[when, from, to, by, remark] per status change, oldest first."""
    return [
        [
            f"{format_jalali(h.changed_at)} {format_time(h.changed_at)}",
            h.from_status.label_fa if h.from_status else "—",
            h.to_status.label_fa,
            h.changed_by or "—",
            h.remark or "—",
        ]
        for h in a.history
    ]


def build(a: AgreementDetail) -> list[Flowable]:
    """The story of the sheet, section by section."""
    story: list[Flowable] = [heading(a.title, 1)]
    if a.title_en:
        story.append(paragraph(a.title_en, direction="ltr", muted=True))
    story.append(rtl_table(["مورد", "شرح"], fact_rows(a), [3.6 * cm, FRAME - 3.6 * cm]))

    story.append(heading("طرف‌ها", 2))
    story.append(
        table_or_note(
            ["طرف", "سازمان", "کشور", "استان / شهر"],
            party_rows(a),
            [2.4 * cm, 8.0 * cm, 3.4 * cm, 4.0 * cm],
            NONE,
            col_align=["center", "right", "right", "right"],
        )
    )

    story.append(heading("امضاکنندگان", 2))
    story.append(
        table_or_note(
            ["طرف", "نام", "سمت", "از سوی"],
            signatory_rows(a),
            [2.4 * cm, 4.2 * cm, 6.0 * cm, 5.2 * cm],
            NONE,
            col_align=["center", "right", "right", "right"],
        )
    )

    story.append(heading("بررسی حقوقی (دفتر نمایندگی وزارت امور خارجه)", 2))
    review = a.legal_review
    if review.review_date or review.opinion or review.verdict:
        story.append(
            paragraph(
                join_nonempty(
                    [
                        f"بررسی‌کننده: {a.legal_reviewer_name_fa}"
                        if a.legal_reviewer_name_fa
                        else "",
                        f"تاریخ: {day_or_dash(review.review_date)}" if review.review_date else "",
                        f"نظر: {review.verdict.label_fa}" if review.verdict else "",
                    ],
                    "؛ ",
                )
            )
        )
        if review.opinion:
            story.append(paragraph(review.opinion))
    else:
        story.append(paragraph("بررسی حقوقی هنوز ثبت نشده است.", muted=True))

    story.append(heading("تعهدات", 2))
    story.append(
        table_or_note(
            ["تعهد", "مسئول", "مهلت", "وضعیت"],
            followup_rows(a.obligations),
            [8.4 * cm, 4.2 * cm, 2.6 * cm, 2.6 * cm],
            NONE,
            col_align=["right", "right", "center", "center"],
        )
    )

    story.append(heading("سابقهٔ وضعیت", 2))
    story.append(
        rtl_table(
            ["زمان", "از", "به", "اقدام‌کننده", "توضیح"],
            history_rows(a),
            [3.2 * cm, 2.4 * cm, 2.4 * cm, 3.6 * cm, 6.2 * cm],
            col_align=["center", "center", "center", "right", "right"],
        )
    )

    if a.attachments:
        story.append(heading("پیوست‌ها", 2))
        for f in a.attachments:
            size = to_persian_digits(max(1, round(f.size / 1024)))
            text = join_nonempty([f.description, f"{size} کیلوبایت"], "، ")
            story.append(paragraph(f"• {f.original_name} ({text})"))
    story.append(gap())
    return story


def make(db: DatabaseHandle, options: Mapping[str, Any]) -> ReportContent:
    """Read the agreement and lay it out, portrait."""
    detail = agreement_sheet(db, agreement_id=options["agreement"])
    return ReportContent(build(detail), TITLE)


SPEC = ReportSpec(
    kind="agreement-sheet",
    title_fa=TITLE,
    title_en="Agreement sheet",
    options=(Option("agreement", "record_id", "شناسه موافقت‌نامه", "the agreement's id"),),
    make=make,
)
