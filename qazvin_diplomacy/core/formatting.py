"""Values as an export or a message writes them: yes/no, counts, Jalali dates."""

from __future__ import annotations

from datetime import date, datetime

from qazvin_diplomacy.core.clock import TEHRAN
from qazvin_diplomacy.core.jalali import format_jalali, format_jalali_datetime
from qazvin_diplomacy.core.text import (
    bidi_isolate,
    has_persian,
    to_latin_digits,
    to_persian_digits,
)

__all__ = ["format_count", "jalali_text", "reference_text", "yes_no"]


def yes_no(flag: bool, lang: str = "fa") -> str:
    """«بله» / «خیر» (Yes / No in English)."""
    if lang == "en":
        return "Yes" if flag else "No"
    return "بله" if flag else "خیر"


def format_count(number: int, lang: str = "fa") -> str:
    """A count with thousands: «۲۰٬۰۰۰» (Persian digits and separator) or ``20,000`` in English."""
    text = f"{number:,}"
    if lang == "en":
        return text
    return to_persian_digits(text.replace(",", "\u066c"))


def jalali_text(
    moment: datetime | date | None, *, digits: str = "fa", with_time: bool = False
) -> str:
    """Jalali date text of a UTC moment (shown in Tehran) or a date; '' for None.

    Persian digits unless ``digits="latin"``; ``with_time`` adds a moment's Tehran time
    (``۱۴۰۴/۰۷/۰۹ ۰۹:۳۰``).
    """
    if moment is None:
        return ""
    if isinstance(moment, datetime):
        local = moment.astimezone(TEHRAN)
        if with_time:
            return format_jalali_datetime(local, digits=digits)
        moment = local.date()
    return format_jalali(moment, digits=digits)


def reference_text(reference: str, lang: str = "fa") -> str:
    """A reference or letter number for display, in its typed order read in the reader's
    direction: «۱۴۰۴/ه/۷» right to left in Persian (RLI … PDI), ``1404/ه/7`` left to right in
    English (LRI … PDI), with the reader's digits; a Latin-only code (``RM-12``) stays as typed
    (FSI … PDI)."""
    if not reference:
        return ""
    if not has_persian(reference):
        return bidi_isolate(reference)
    if lang == "fa":
        return f"\u2067{to_persian_digits(reference)}\u2069"
    return f"\u2066{to_latin_digits(reference)}\u2069"
