"""The outgoing-letters register (اندیکاتور دبیرخانه): letter numbers and the office's letterhead.

A letter leaving the office gets a number from a pattern the office sets, e.g.
``{year}/ب‌م/{seq}`` → «۱۴۰۵/ب‌م/۱۲۳»: ``{year}`` is the Jalali year of the letter's date,
``{seq}`` its place in that year's sequence (1, 2, … — a new sequence each Jalali year, a
number never given twice).  The numbers print in Persian digits; the pattern's own text stays
as typed.  Dataclasses here pass between the layers; no Qt, no SQL.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from qazvin_diplomacy.core.jalali import to_jalali
from qazvin_diplomacy.core.labels import LabelledEnum
from qazvin_diplomacy.core.text import to_persian_digits

DEFAULT_NUMBER_PATTERN = "{year}/ب‌م/{seq}"
#: The placeholders a number pattern may hold (``{seq}`` is required).
PATTERN_FIELDS = ("year", "yy", "seq")
#: The line above every letter (not one of the office's letterhead lines).
BLESSING = "بسمه تعالی"
DEFAULT_LETTERHEAD = ("استانداری قزوین", "دفتر امور بین‌الملل")
MAX_PATTERN_LENGTH = 60
_FIELD = re.compile(r"\{([^{}]*)\}")


class LetterKind(LabelledEnum):
    """What a registered letter is."""

    LETTER = "letter", "نامه", "Letter"
    THANKS = "thanks", "نامهٔ تشکر", "Thank-you letter"
    INVITATION = "invitation", "دعوت‌نامه", "Invitation"


class LetterLink(LabelledEnum):
    """The record a letter belongs to (``link_kind``); NONE for a letter of its own."""

    NONE = "", "—", "—"
    VISIT = "visit", "دیدار", "Visit"
    AGREEMENT = "agreement", "موافقت‌نامه", "Agreement"
    EVENT = "event", "رویداد", "Event"
    MEETING = "meeting", "جلسه", "Meeting"


def pattern_error(pattern: str) -> str | None:
    """Why ``pattern`` cannot number letters (Persian), or None when it can."""
    text = pattern.strip()
    if not text:
        return "الگوی شماره خالی است."
    if len(text) > MAX_PATTERN_LENGTH:
        return f"الگوی شماره بیش از {to_persian_digits(MAX_PATTERN_LENGTH)} نویسه است."
    names = _FIELD.findall(text)
    unknown = [n for n in names if n not in PATTERN_FIELDS]
    if unknown:
        return f"در الگوی شماره «{{{unknown[0]}}}» شناخته نیست؛ مجاز: {{year}}، {{yy}}، {{seq}}."
    if "seq" not in names:
        return "الگوی شماره باید {seq} (شمارهٔ ردیف نامه در سال) را داشته باشد."
    if _FIELD.sub("", text).count("{") or _FIELD.sub("", text).count("}"):
        return "در الگوی شماره آکولاد باز یا بسته تنها مانده است."
    return None


def format_letter_number(pattern: str, year: int, seq: int) -> str:
    """The number of letter ``seq`` of Jalali ``year``: placeholders filled in Persian digits."""
    values = {"year": str(year), "yy": f"{year % 100:02d}", "seq": str(seq)}
    return _FIELD.sub(lambda m: to_persian_digits(values[m.group(1)]), pattern.strip())


def letter_year(day: dt.date) -> int:
    """The Jalali year whose sequence a letter dated ``day`` takes its number from."""
    return to_jalali(day)[0]


@dataclass(frozen=True)
class LetterInput:
    """A letter to register: what the register records of it."""

    kind: LetterKind
    date: dt.date
    addressee: str
    subject: str
    link_kind: LetterLink = LetterLink.NONE
    link_id: int | None = None
    attachments_note: str = ""  # what «پیوست» says: «ندارد», «دارد», «۲ برگ» …
    body: str = ""  # the letter's paragraphs, one per line ('' : written from the linked record)
    cc: tuple[str, ...] = ()  # «رونوشت» recipients
    notes: str = ""


@dataclass(frozen=True)
class LetterView:
    """A registered letter."""

    id: int
    number: str
    jalali_year: int
    seq: int
    date: dt.date
    kind: LetterKind
    addressee: str
    subject: str
    link_kind: LetterLink
    link_id: int | None
    attachments_note: str
    body: str
    cc: tuple[str, ...]
    notes: str
    source_key: str | None
    printed_copies: int = 0
    version: int = 1


@dataclass(frozen=True)
class LetterFilter:
    """The register's filters: free text (number, addressee, subject), kind, Jalali year, dates."""

    text: str = ""
    kind: LetterKind | None = None
    year: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    link_kind: LetterLink | None = None
    link_id: int | None = None


@dataclass(frozen=True)
class OfficeSettings:
    """What the office sets once for every letter: numbering, letterhead, signatory, emblem.

    ``emblem`` is the SHA-256 of the emblem image kept with the attachments ('' for the
    bundled neutral emblem).
    """

    number_pattern: str = DEFAULT_NUMBER_PATTERN
    letterhead: tuple[str, ...] = DEFAULT_LETTERHEAD
    signatory_name: str = ""
    signatory_title: str = ""
    rsvp_phone: str = ""
    emblem: str = ""
    letterhead_en: tuple[str, ...] = field(
        default=("Governorate of Qazvin", "International Affairs Office")
    )
