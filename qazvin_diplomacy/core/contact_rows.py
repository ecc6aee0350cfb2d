"""Contact sheets, the row part: one row's cleaned texts checked and parsed into a contact.

:func:`parse_contact_row` turns each row into a :class:`ContactRow` and collects
:class:`CellIssue` objects (Persian messages, row numbers in Persian digits).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from qazvin_diplomacy.core.clock import TEHRAN
from qazvin_diplomacy.core.directory import DiplomaticRank, email_error, phone_error
from qazvin_diplomacy.core.jalali import (
    MAX_YEAR,
    MIN_YEAR,
    JalaliDateError,
    days_in_month,
    example_date,
    from_jalali,
    parse_jalali,
)
from qazvin_diplomacy.core.sheet_headers import field_label, is_contact_field, row_label
from qazvin_diplomacy.core.text import (
    has_persian,
    is_probably_latin,
    normalize,
    to_latin_digits,
    to_persian_digits,
)

__all__ = ["CellIssue", "ContactRow", "parse_contact_row"]


@dataclass(frozen=True)
class CellIssue:
    """A problem in one cell (or a whole row when ``column`` is empty), in Persian."""

    row: int
    column: str
    field: str
    message: str

    def describe(self) -> str:
        """«ردیف ۵، ستون C (ایمیل): …» — the text shown to the user."""
        where = row_label(self.row)
        if self.column:
            label = field_label(self.field) if is_contact_field(self.field) else self.field
            where += f"، ستون {self.column} ({label})"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class ContactRow:
    """One row of a contact sheet, cleaned and parsed (country/organization still as names)."""

    row: int
    name_fa: str
    name_en: str = ""
    honorific_fa: str = ""
    honorific_en: str = ""
    title_fa: str = ""
    title_en: str = ""
    organization: str = ""
    country: str = ""
    phone: str = ""
    email: str = ""
    languages: str = ""
    diplomatic_rank: str | None = None
    functions_started_at: datetime | None = None
    biography: str = ""
    notes: str = ""


def _issue(row: int, columns: Mapping[str, str], name: str, message: str) -> CellIssue:
    return CellIssue(row, columns.get(name, ""), name, message)


#: The Gregorian days that the accepted Jalali years (``MIN_YEAR``–``MAX_YEAR``) cover.
_FIRST_DAY = from_jalali(MIN_YEAR, 1, 1)
_LAST_DAY = from_jalali(MAX_YEAR, 12, days_in_month(MAX_YEAR, 12))


def _gregorian_error(day: date, text: str) -> str | None:
    """Persian message when a Gregorian date cannot be meant, else None.

    A Jalali year (``MIN_YEAR``–``MAX_YEAR``) is a Jalali date typed into a Gregorian cell
    («1404-07-01», or a cell that Excel turned into a date): refused rather than stored as
    1404 AD.  Other days outside the Jalali years the application accepts (Excel's first day,
    ``0001-01-01``) are refused too.
    """
    if MIN_YEAR <= day.year <= MAX_YEAR:
        return (
            f"سال {to_persian_digits(day.year)} در تاریخ میلادی «{text}» سال شمسی است؛ تاریخ شمسی "
            f"را در ستون «تاریخ آغاز مأموریت» به شکل {example_date()} بنویسید یا تاریخ میلادی درست را وارد کنید."
        )
    if not _FIRST_DAY <= day <= _LAST_DAY:
        return (
            f"تاریخ میلادی «{text}» پذیرفتنی نیست؛ تاریخ باید بین {_FIRST_DAY.isoformat()} "
            f"و {_LAST_DAY.isoformat()} باشد."
        )
    return None


def _parse_started(
    row: int, values: Mapping[str, str], columns: Mapping[str, str], issues: list[CellIssue]
) -> datetime | None:
    iso = values.get("functions_started_iso", "")
    if iso:
        try:
            moment = datetime.fromisoformat(to_latin_digits(iso).strip())
        except ValueError:
            issues.append(
                _issue(
                    row,
                    columns,
                    "functions_started_iso",
                    f"تاریخ میلادی «{iso}» قابل فهم نیست؛ آن را به شکل 2025-09-25 بنویسید.",
                )
            )
            return None
        if message := _gregorian_error(moment.date(), iso):
            issues.append(_issue(row, columns, "functions_started_iso", message))
            return None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=TEHRAN)
        return moment.astimezone(UTC)
    text = values.get("functions_started", "")
    if not text:
        return None
    latin = to_latin_digits(text)
    day: date | None = None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", latin) and int(latin[:4]) > 1700:
        # An Excel date cell (Gregorian) in the Jalali column: taken as that Gregorian day.
        # (An earlier year is the Jalali date it looks like, read below.)
        try:
            day = date.fromisoformat(latin)
            message = _gregorian_error(day, text)
        except ValueError:
            message = f"تاریخ میلادی «{text}» وجود ندارد."
    else:
        try:
            day = parse_jalali(text)
            message = None
        except JalaliDateError as exc:
            message = exc.message
    if message or day is None:
        issues.append(_issue(row, columns, "functions_started", message or text))
        return None
    return datetime.combine(day, time(0), tzinfo=TEHRAN).astimezone(UTC)


def parse_contact_row(
    row: int, values: Mapping[str, str], columns: Mapping[str, str] | None = None
) -> tuple[ContactRow | None, list[CellIssue]]:
    """Check and parse one row's cleaned texts (field → text); return the row and its issues.

    ``columns`` maps field → column letter for the messages.  The row is None when it has an
    issue.  A single name column holding a Latin name fills both Persian and English names
    (the Persian name is required by the directory).
    """
    columns = columns or {}
    issues: list[CellIssue] = []
    name = values.get("name", "")
    if not name:
        name = " ".join(v for v in (values.get("first_name", ""), values.get("last_name", "")) if v)
    name_en = values.get("name_en", "")
    if name and not name_en and is_probably_latin(name) and not has_persian(name):
        name_en = name
    if not name:
        name = name_en
    if not name:
        where = "name" if "name" in columns or "first_name" not in columns else "first_name"
        issues.append(_issue(row, columns, where, "نام شخص خالی است؛ نام الزامی است."))
    phone = to_latin_digits(values.get("phone", "")).strip()
    if phone and (msg := phone_error(phone)):
        issues.append(_issue(row, columns, "phone", msg))
    email = values.get("email", "").strip()
    if email and (msg := email_error(email)):
        issues.append(_issue(row, columns, "email", msg))
    rank: str | None = None
    if raw_rank := values.get("diplomatic_rank", ""):
        found = DiplomaticRank.find(raw_rank)
        rank = found.value if found is not None else None
        if rank is None:
            labels = "، ".join(r.label_fa for r in DiplomaticRank)
            issues.append(
                _issue(
                    row,
                    columns,
                    "diplomatic_rank",
                    f"رتبهٔ دیپلماتیک «{raw_rank}» شناخته نیست؛ یکی از این‌ها را بنویسید: {labels}.",
                )
            )
    started = _parse_started(row, values, columns, issues)
    if issues:
        return None, issues
    return ContactRow(
        row=row,
        name_fa=normalize(name),
        name_en=normalize(name_en),
        honorific_fa=values.get("honorific_fa", ""),
        honorific_en=values.get("honorific_en", ""),
        title_fa=values.get("title_fa", ""),
        title_en=values.get("title_en", ""),
        organization=values.get("organization", ""),
        country=values.get("country", ""),
        phone=phone,
        email=email,
        languages=values.get("languages", ""),
        diplomatic_rank=rank,
        functions_started_at=started,
        biography=values.get("biography", ""),
        notes=values.get("notes", ""),
    ), []
