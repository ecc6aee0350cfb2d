"""Agreements register (دفتر ثبت موافقت‌نامه‌ها): a landscape table of the agreements.

CLI: ``report agreements-register [--status S] [--country C] [--from D --to D]
[--agreement-kind K] [--axis A] [--text T] [--organization-id N]`` — the register list's
filters, so the printout shows what the list shows; the dates bound the signing date
(Jalali), status, kind and axis are codes (``in_force``) or their Persian labels.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus.flowables import Flowable

from qazvin_diplomacy.core.agreements import (
    AgreementKind,
    AgreementStatus,
    AgreementSummary,
    Axis,
    PartySide,
)
from qazvin_diplomacy.core.formatting import format_count
from qazvin_diplomacy.core.jalali import format_jalali
from qazvin_diplomacy.core.text import to_persian_digits
from qazvin_diplomacy.reports.catalog import (
    Option,
    ReportContent,
    ReportSpec,
    join_nonempty,
    paragraph,
)
from qazvin_diplomacy.reports.tables import rtl_table
from qazvin_diplomacy.services.agreements import (
    AgreementRegister,
    agreements_register,
    find_agreement_status,
    find_labelled,
)
from qazvin_diplomacy.services.connection import DatabaseHandle

TITLE = "دفتر ثبت موافقت‌نامه‌ها"
HEADER = [
    "ردیف",
    "شمارهٔ ثبت",
    "عنوان",
    "نوع",
    "طرف ایرانی",
    "طرف خارجی",
    "محورها",
    "امضا",
    "انقضا",
    "وضعیت",
]
# 26.5 cm: the A4 landscape frame.
WIDTHS = [
    1.0 * cm,
    2.2 * cm,
    4.7 * cm,
    1.9 * cm,
    3.6 * cm,
    4.2 * cm,
    2.9 * cm,
    1.9 * cm,
    2.0 * cm,
    2.0 * cm,
]
ALIGN = [
    "center",
    "center",
    "right",
    "center",
    "right",
    "right",
    "right",
    "center",
    "center",
    "center",
]
#: The --status values accepted: codes and Persian labels.
STATUS_CHOICES = tuple(s.value for s in AgreementStatus) + tuple(
    s.label_fa for s in AgreementStatus
)


#: The --agreement-kind and --axis values accepted: codes and Persian labels.
KIND_CHOICES = tuple(k.value for k in AgreementKind) + tuple(k.label_fa for k in AgreementKind)
AXIS_CHOICES = tuple(a.value for a in Axis) + tuple(a.label_fa for a in Axis)


def _day(d: date | None) -> str:
    return format_jalali(d) if d is not None else "—"


def foreign_cell(row: AgreementSummary) -> str:
    """The foreign parties, then their countries in brackets."""
    parties = row.parties_text(PartySide.FOREIGN)
    countries = "، ".join(row.countries_fa)
    return f"{parties} ({countries})" if parties and countries else parties or "—"


def status_cell(row: AgreementSummary) -> str:
    """The stored status; a lapsed one says so on a second line."""
    if row.shown_status != row.status:
        return f"{row.status.label_fa}\n({row.shown_status.label_fa})"
    return row.status.label_fa


def expiry_cell(row: AgreementSummary) -> str:
    """The running term's end; «تمدید خودکار» under it when it renews."""
    if row.expires_on is None:
        return "—"
    return _day(row.expires_on) + ("\nتمدید خودکار" if row.auto_renew else "")


def table_rows(register: AgreementRegister) -> list[list[str]]:
    """The table's cells in logical text, one list per agreement."""
    return [
        [
            to_persian_digits(n),
            r.reference_number or "—",
            r.title,
            r.kind.label_fa,
            r.parties_text(PartySide.IRANIAN) or "—",
            foreign_cell(r),
            r.axes_text() or "—",
            _day(r.signing_date),
            expiry_cell(r),
            status_cell(r),
        ]
        for n, r in enumerate(register.rows, 1)
    ]


def filter_line(register: AgreementRegister) -> str:
    """«امضا از … تا … — کشور: … — وضعیت: … — N سند»."""
    span = ""
    if register.date_from and register.date_to:
        span = f"امضا از {_day(register.date_from)} تا {_day(register.date_to)}"
    elif register.date_from:
        span = f"امضا از {_day(register.date_from)}"
    elif register.date_to:
        span = f"امضا تا {_day(register.date_to)}"
    parts = [
        span,
        f"کشور: {register.country_name_fa}" if register.country_name_fa else "",
        f"طرف: {register.organization_name_fa}" if register.organization_name_fa else "",
        f"وضعیت: {register.status.label_fa}" if register.status else "",
        f"نوع: {register.kind.label_fa}" if register.kind else "",
        f"محور: {register.axis.label_fa}" if register.axis else "",
        f"جستجو: «{register.text}»" if register.text else "",
        f"{format_count(len(register.rows))} سند",
        f"وضعیت‌ها به تاریخ {_day(register.today)}",
    ]
    return join_nonempty(parts, " — ")


def build(register: AgreementRegister) -> list[Flowable]:
    """The story: the filter line, then one table split over as many pages as needed."""
    story: list[Flowable] = [paragraph(filter_line(register))]
    if not register.rows:
        story.append(paragraph("موافقت‌نامه‌ای با این شرایط ثبت نشده است.", muted=True))
        return story
    story.append(rtl_table(HEADER, table_rows(register), WIDTHS, col_align=ALIGN))
    return story


def make(db: DatabaseHandle, options: Mapping[str, Any]) -> ReportContent:
    """Query the register for the options and lay it out, landscape."""
    country = options.get("country")
    status = options.get("status")
    kind = options.get("agreement_kind")
    axis = options.get("axis")
    data = agreements_register(
        db,
        status=find_agreement_status(status) if status else None,
        country_id=country.id if country is not None else None,
        date_from=options.get("date_from"),
        date_to=options.get("date_to"),
        kind=find_labelled(AgreementKind, kind, "نوع سند", "agreement kind") if kind else None,
        axis=find_labelled(Axis, axis, "محور همکاری", "axis") if axis else None,
        text=options.get("text") or "",
        organization_id=options.get("organization"),
    )
    return ReportContent(build(data), TITLE, landscape=True)


SPEC = ReportSpec(
    kind="agreements-register",
    title_fa=TITLE,
    title_en="Agreements register",
    options=(
        Option(
            "status",
            "choice",
            "وضعیت",
            "an agreement status (draft, legal_review, approved, signed, in_force, expired, "
            "terminated)",
            required=False,
            choices=STATUS_CHOICES,
        ),
        Option("country", "country", "کشور", "ISO code or name of a country", required=False),
        Option(
            "date_from",
            "date",
            "امضا از تاریخ",
            "first Jalali signing date",
            required=False,
            flag="--from",
        ),
        Option(
            "date_to",
            "date",
            "امضا تا تاریخ",
            "last Jalali signing date",
            required=False,
            flag="--to",
        ),
        Option(
            "agreement_kind",
            "choice",
            "نوع سند",
            "kind of document (" + ", ".join(k.value for k in AgreementKind) + ")",
            required=False,
            choices=KIND_CHOICES,
        ),
        Option(
            "axis",
            "choice",
            "محور همکاری",
            "axis of cooperation (" + ", ".join(a.value for a in Axis) + ")",
            required=False,
            choices=AXIS_CHOICES,
        ),
        Option(
            "text", "text", "متن جستجو", "words in titles, parties, signatories", required=False
        ),
        Option(
            "organization",
            "record_id",
            "سازمان طرف",
            "id of an organization party to the agreements",
            required=False,
            flag="--organization-id",
        ),
    ),
    make=make,
)
