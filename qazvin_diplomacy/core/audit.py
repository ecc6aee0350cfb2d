"""The audit trail as the layers above storage see it: entries, filters, the chain's check."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Any

from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.text import to_latin_digits

#: How each action is shown (Persian, English).
ACTION_LABELS: dict[str, tuple[str, str]] = {
    "insert": ("افزودن", "Added"),
    "update": ("ویرایش", "Edited"),
    "delete": ("حذف", "Deleted"),
    "bulk_insert": ("افزودن گروهی", "Added in bulk"),
    "bulk_update": ("ویرایش گروهی", "Edited in bulk"),
    "bulk_delete": ("حذف گروهی", "Deleted in bulk"),
}


def action_label(action: str, language: str = "fa") -> str:
    """An action's label in ``language`` ("fa" or "en"); an unknown action as it is."""
    fa, en = ACTION_LABELS.get(action, (action, action))
    return en if language == "en" else fa


def _as_stored(name: str, value: Any) -> str:
    """A recorded value as stored, «—» for none."""
    return "—" if value is None else str(value)


@dataclass(frozen=True)
class AuditRecord:
    """One entry: who, when (UTC), from which desk, what (table, id, field → [before, after])."""

    id: int
    recorded_at: dt.datetime
    actor: str
    desk: str
    action: str
    entity: str
    entity_id: str | None
    changes: dict[str, Any]

    def change_lines(
        self,
        changed: str = "{field}: {before} → {after}",
        *,
        label: Callable[[str], str] = str,
        value: Callable[[str, Any], str] = _as_stored,
        hidden: Collection[str] = (),
        blanks: bool = True,
    ) -> list[str]:
        """One line per changed field: ``changed`` filled in for an update, «field: value»
        for an insert or delete, «name: value» for a bulk statement's rows and criteria.
        Each field is named by ``label(name)`` and its values written by ``value(name, v)``;
        the fields in ``hidden`` are left out, and without ``blanks`` so are the empty fields
        of a record added or deleted."""
        lines: list[str] = []
        for name, change in sorted(self.changes.items()):
            if name in hidden:
                continue
            field_name = label(name)
            if isinstance(change, list) and len(change) == 2:
                before, after = change
                if self.action in ("insert", "delete"):
                    kept = after if self.action == "insert" else before
                    if blanks or kept not in (None, ""):
                        lines.append(f"{field_name}: {value(name, kept)}")
                else:
                    lines.append(
                        changed.format(
                            field=field_name, before=value(name, before), after=value(name, after)
                        )
                    )
            else:
                lines.append(f"{field_name}: {value(name, change)}")
        return lines


@dataclass(frozen=True)
class AuditFilter:
    """What the audit list shows: local (Tehran) dates inclusive, actor, table, text."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    actor: str = ""
    entity: str = ""
    entity_id: str = ""
    text: str = ""


@dataclass(frozen=True)
class ChainBreak:
    """The first entry that does not verify, and why (Persian and English)."""

    entry_id: int
    reason_fa: str
    reason_en: str


@dataclass(frozen=True)
class ChainCheck:
    """The outcome of verifying the chain: intact when ``broken`` is None."""

    entries: int
    broken: ChainBreak | None
    last_hash: str = field(default="")

    @property
    def intact(self) -> bool:
        """True when every entry verifies."""
        return self.broken is None


#: Persian names of the tables (an entity not listed is shown by its table name).
ENTITY_LABELS: dict[str, str] = {
    "agreement": "موافقت‌نامه",
    "agreement_party": "طرف موافقت‌نامه",
    "agreement_signatory": "امضاکنندهٔ موافقت‌نامه",
    "agreement_axis": "محور موافقت‌نامه",
    "agreement_status_change": "تغییر وضعیت موافقت‌نامه",
    "attachment": "پیوست",
    "country": "کشور",
    "organization": "سازمان",
    "person": "شخص",
    "event": "رویداد",
    "event_log_entry": "یادداشت رویداد",
    "event_programme_item": "برنامهٔ رویداد",
    "event_guest": "مهمان رویداد",
    "event_table": "میز رویداد",
    "follow_up_task": "پیگیری",
    "holiday_entry": "تعطیلی",
    "outgoing_letter": "نامهٔ صادره",
    "letter_counter": "شمارندهٔ نامه",
    "office_setting": "تنظیمات دفتر",
    "rank_entry": "جدول تشریفات",
    "visit": "دیدار",
    "visit_guest": "مهمان دیدار",
    "visit_host": "میزبان دیدار",
    "visit_itinerary_item": "برنامهٔ سفر",
    "visit_checklist_item": "فهرست وارسی دیدار",
    "visit_gift": "هدیهٔ دیدار",
    "visit_log_entry": "یادداشت دیدار",
    "app_user": "کاربر",
    "meeting_series": "سلسله‌جلسات",
    "meeting_series_member": "عضو سلسله‌جلسات",
    "meeting": "جلسه",
    "meeting_agenda_item": "بند دستور جلسه",
    "meeting_attendee": "حاضر در جلسه",
    "meeting_invited_body": "دستگاه دعوت‌شده به جلسه",
    "meeting_link": "پیوند جلسه",
    "meeting_minutes_version": "نسخهٔ صورت‌جلسه",
    "resolution": "مصوبه",
    "resolution_body": "دستگاه مسئول مصوبه",
    "resolution_log": "پیگیری مصوبه",
    "company": "شرکت",
    "company_contact": "رابط شرکت",
    "product": "محصول",
    "export_record": "صادرات ثبت‌شده",
    "market_region": "منطقه",
    "target_market": "بازار هدف",
    "target_market_company": "شرکت تأمین‌کنندهٔ بازار هدف",
    "target_market_person": "شخص مؤثر در بازار هدف",
    "capacity": "ظرفیت استان",
    "trade_delegation": "هیئت تجاری",
    "trade_delegation_member": "عضو هیئت تجاری",
    "trade_delegation_programme_item": "برنامهٔ هیئت تجاری",
    "trade_delegation_market": "بازار هدف هیئت تجاری",
    "trade_delegation_agreement": "موافقت‌نامهٔ هیئت تجاری",
}


def entity_label(entity: str, language: str = "fa") -> str:
    """A table's Persian name (the table name itself when it has none), or in English its
    name in words ("trade delegation member")."""
    if language == "en":
        return entity.replace("_", " ").capitalize()
    return ENTITY_LABELS.get(entity, entity)


def parse_head(text: str) -> tuple[int, str]:
    """A chain head kept on paper, ``N:HASHPREFIX`` (any digit script, at least 4 hex digits
    of the hash, a trailing «…» allowed), as (entry, lowercase prefix); ``KnownError`` else."""
    entry, _, prefix = to_latin_digits(text).strip().partition(":")
    prefix = prefix.strip().rstrip("….").lower()
    try:
        number = int(entry.strip())
        if number < 1 or not 4 <= len(prefix) <= 64 or not prefix.isascii():
            raise ValueError(text)
        int(prefix, 16)
    except ValueError as exc:
        raise KnownError(
            f"«{text}» سر زنجیره نیست؛ به شکل شماره:چکیده بنویسید (مانند 120:ab12cd34).",
            f"'{text}' is not a chain head; write it as NUMBER:HASH-PREFIX (e.g. 120:ab12cd34).",
        ) from exc
    return number, prefix
