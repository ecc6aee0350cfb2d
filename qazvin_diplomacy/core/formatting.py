"""Values as an export or a message writes them: yes/no, counts, Jalali dates."""

from __future__ import annotations

from datetime import date, datetime

from qazvin_diplomacy.core.clock import TEHRAN
from qazvin_diplomacy.core.jalali import format_jalali, format_jalali_datetime
from qazvin_diplomacy.core.text import to_persian_digits

__all__ = ["format_count", "jalali_text", "language_names", "yes_no"]


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


#: ISO 639-1 codes of the languages the office's contacts speak: (Persian, English) names.
LANGUAGES: dict[str, tuple[str, str]] = {
    "fa": ("فارسی", "Persian"),
    "en": ("انگلیسی", "English"),
    "ar": ("عربی", "Arabic"),
    "ru": ("روسی", "Russian"),
    "tr": ("ترکی استانبولی", "Turkish"),
    "az": ("ترکی آذربایجانی", "Azerbaijani"),
    "ps": ("پشتو", "Pashto"),
    "tg": ("تاجیکی", "Tajik"),
    "ku": ("کردی", "Kurdish"),
    "hy": ("ارمنی", "Armenian"),
    "be": ("بلاروسی", "Belarusian"),
    "kk": ("قزاقی", "Kazakh"),
    "uz": ("ازبکی", "Uzbek"),
    "zh": ("چینی", "Chinese"),
    "ur": ("اردو", "Urdu"),
    "de": ("آلمانی", "German"),
    "fr": ("فرانسوی", "French"),
    "it": ("ایتالیایی", "Italian"),
    "es": ("اسپانیایی", "Spanish"),
    "ja": ("ژاپنی", "Japanese"),
    "ko": ("کره‌ای", "Korean"),
    "hi": ("هندی", "Hindi"),
    "ka": ("گرجی", "Georgian"),
    "tk": ("ترکمنی", "Turkmen"),
}


def language_names(codes: str, lang: str = "fa") -> str:
    """«پشتو، فارسی» for ``"ps, fa"``; an unknown code or a name already written stays as is."""
    parts = [p.strip() for p in codes.replace("،", ",").replace(";", ",").split(",")]
    index = 1 if lang == "en" else 0
    names = [LANGUAGES[p.lower()][index] if p.lower() in LANGUAGES else p for p in parts if p]
    return (", " if lang == "en" else "، ").join(names)
