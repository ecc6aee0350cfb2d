"""Audit trail (گزارش سابقهٔ تغییرات): who changed what, when and at which desk, in a date range.

CLI: ``report audit --from D --to D [--user U] --out F.pdf`` — Jalali dates (inclusive, Tehran
days), times in Tehran time; the first line says whether the hash chain verifies.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus.flowables import Flowable

from qazvin_diplomacy.core.audit import AuditFilter, AuditRecord, action_label, entity_label
from qazvin_diplomacy.core.audit_fields import CHANGED_FA, ROUTINE_FIELDS, field_label, value_text
from qazvin_diplomacy.core.clock import to_local
from qazvin_diplomacy.core.formatting import format_count
from qazvin_diplomacy.core.jalali import format_jalali, format_time
from qazvin_diplomacy.core.text import bidi_isolate, to_persian_digits
from qazvin_diplomacy.reports.catalog import (
    Option,
    ReportContent,
    ReportSpec,
    join_nonempty,
    paragraph,
)
from qazvin_diplomacy.reports.tables import rtl_table
from qazvin_diplomacy.services.audit import iter_audit_entries, verify_audit_trail
from qazvin_diplomacy.services.audit_seal import Head
from qazvin_diplomacy.services.connection import DatabaseHandle

TITLE = "گزارش سابقهٔ تغییرات"
HEADER = ["شماره", "زمان (تهران)", "کاربر", "رایانه", "عمل", "جدول", "شناسه", "تغییرات"]
# 26.5 cm: the A4 landscape frame.
WIDTHS = [1.4 * cm, 2.6 * cm, 2.4 * cm, 2.4 * cm, 1.8 * cm, 3.0 * cm, 1.5 * cm, 11.4 * cm]
ALIGN = ["center", "center", "center", "center", "center", "right", "center", "right"]
#: At most this many changed fields per row, each value cut to ``VALUE_CHARS``.
FIELD_LINES = 12
VALUE_CHARS = 90


def _clip(line: str) -> str:
    return line if len(line) <= VALUE_CHARS else line[: VALUE_CHARS - 1] + "…"


def changes_cell(entry: AuditRecord) -> str:
    """«field: از «before» به «after»» in Persian words and digits, one changed field a line (long values cut, extra lines counted)."""
    lines = entry.change_lines(
        CHANGED_FA, label=field_label, value=value_text, hidden=ROUTINE_FIELDS, blanks=False
    )
    shown = [_clip(line) for line in lines[:FIELD_LINES]]
    if len(lines) > FIELD_LINES:
        shown.append(f"(و {to_persian_digits(len(lines) - FIELD_LINES)} فیلد دیگر)")
    return "\n".join(shown) or "—"


def when_cell(entry: AuditRecord) -> str:
    """Jalali date and Tehran time (with seconds) of the entry."""
    local = to_local(entry.recorded_at)
    return f"{format_jalali(local)}\n{format_time(local, seconds=True)}"


def table_rows(entries: list[AuditRecord]) -> list[list[str]]:
    """The table's cells in logical text, one list per entry."""
    return [
        [
            to_persian_digits(e.id),
            when_cell(e),
            e.actor or "—",
            e.desk or "—",
            action_label(e.action),
            entity_label(e.entity),
            e.entity_id or "—",
            changes_cell(e),
        ]
        for e in entries
    ]


def build(filters: AuditFilter, entries: list[AuditRecord], chain_line: str) -> list[Flowable]:
    """The story: the range and chain status, then the entries (oldest first)."""
    head = join_nonempty(
        [
            f"از {format_jalali(filters.date_from)} تا {format_jalali(filters.date_to)}"
            if filters.date_from and filters.date_to
            else "",
            f"کاربر: {filters.actor}" if filters.actor else "",
            f"{format_count(len(entries))} مدخل",
        ],
        " — ",
    )
    story: list[Flowable] = [paragraph(head), paragraph(chain_line, muted=True)]
    if not entries:
        story.append(paragraph("در این بازه تغییری ثبت نشده است.", muted=True))
        return story
    story.append(rtl_table(HEADER, table_rows(entries), WIDTHS, col_align=ALIGN))
    return story


def make(db: DatabaseHandle, options: Mapping[str, Any]) -> ReportContent:
    """Read the entries of the range (and user) and lay them out, landscape."""
    filters = AuditFilter(
        date_from=options.get("date_from"),
        date_to=options.get("date_to"),
        actor=options.get("user") or "",
    )
    chain = verify_audit_trail(db)
    if chain.broken is None:
        chain_line = f"زنجیرهٔ سابقهٔ تغییرات سالم است ({format_count(chain.entries)} مدخل بررسی شد)."
        if chain.entries:  # the head, for the office to keep on paper (``audit verify --expect``)
            head = Head(chain.entries, chain.last_hash)
            paper = bidi_isolate(f"{head.entry}:{head.hash[:16]}")  # as ``--expect`` takes it
            chain_line += (
                f" سر زنجیره: مدخل {to_persian_digits(head.entry)} با چکیدهٔ {paper}؛ "
                "آن را روی کاغذ نگه دارید"
            )
    else:
        chain_line = (
            f"هشدار: زنجیرهٔ سابقهٔ تغییرات در مدخل {to_persian_digits(chain.broken.entry_id)} "
            f"شکسته است: {chain.broken.reason_fa}."
        )
    entries = list(iter_audit_entries(db, filters=filters))
    return ReportContent(build(filters, entries, chain_line), TITLE, landscape=True)


SPEC = ReportSpec(
    kind="audit",
    title_fa=TITLE,
    title_en="Audit trail",
    options=(
        Option("date_from", "date", "از تاریخ", "first Jalali date (Tehran days)", flag="--from"),
        Option("date_to", "date", "تا تاریخ", "last Jalali date (inclusive)", flag="--to"),
        Option(
            "user", "text", "کاربر", "only the changes of this user (login name)", required=False
        ),
    ),
    make=make,
)
