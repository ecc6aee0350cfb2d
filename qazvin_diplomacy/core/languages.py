"""Language names for the language codes stored on a contact («hy, ru, en» → «ارمنی، روسی، انگلیسی»).

A person's languages are kept as typed, usually ISO 639-1 codes separated by commas. People
read names, never codes: :func:`language_names` turns every known code into its name in the
reader's language and leaves anything else (a name already written out) as typed.
"""

from __future__ import annotations

import re

from qazvin_diplomacy.core.text import compact_key

# ISO 639-1 code → (Persian name, English name); the languages an office meets.
LANGUAGES: dict[str, tuple[str, str]] = {
    "fa": ("فارسی", "Persian"),
    "en": ("انگلیسی", "English"),
    "ar": ("عربی", "Arabic"),
    "ru": ("روسی", "Russian"),
    "hy": ("ارمنی", "Armenian"),
    "az": ("آذربایجانی", "Azerbaijani"),
    "tr": ("ترکی استانبولی", "Turkish"),
    "ku": ("کردی", "Kurdish"),
    "ps": ("پشتو", "Pashto"),
    "tg": ("تاجیکی", "Tajik"),
    "uz": ("ازبکی", "Uzbek"),
    "kk": ("قزاقی", "Kazakh"),
    "ky": ("قرقیزی", "Kyrgyz"),
    "tk": ("ترکمنی", "Turkmen"),
    "ka": ("گرجی", "Georgian"),
    "ur": ("اردو", "Urdu"),
    "hi": ("هندی", "Hindi"),
    "bn": ("بنگالی", "Bengali"),
    "zh": ("چینی", "Chinese"),
    "ja": ("ژاپنی", "Japanese"),
    "ko": ("کره‌ای", "Korean"),
    "vi": ("ویتنامی", "Vietnamese"),
    "th": ("تایلندی", "Thai"),
    "id": ("اندونزیایی", "Indonesian"),
    "ms": ("مالایی", "Malay"),
    "fr": ("فرانسوی", "French"),
    "de": ("آلمانی", "German"),
    "it": ("ایتالیایی", "Italian"),
    "es": ("اسپانیایی", "Spanish"),
    "pt": ("پرتغالی", "Portuguese"),
    "nl": ("هلندی", "Dutch"),
    "sv": ("سوئدی", "Swedish"),
    "no": ("نروژی", "Norwegian"),
    "da": ("دانمارکی", "Danish"),
    "fi": ("فنلاندی", "Finnish"),
    "pl": ("لهستانی", "Polish"),
    "cs": ("چکی", "Czech"),
    "sk": ("اسلواکی", "Slovak"),
    "hu": ("مجاری", "Hungarian"),
    "ro": ("رومانیایی", "Romanian"),
    "bg": ("بلغاری", "Bulgarian"),
    "sr": ("صربی", "Serbian"),
    "hr": ("کرواتی", "Croatian"),
    "el": ("یونانی", "Greek"),
    "uk": ("اوکراینی", "Ukrainian"),
    "be": ("بلاروسی", "Belarusian"),
    "mn": ("مغولی", "Mongolian"),
    "sw": ("سواحیلی", "Swahili"),
    "am": ("امهری", "Amharic"),
    "he": ("عبری", "Hebrew"),
}

_SEPARATORS = re.compile(r"\s*[,،;؛/]\s*")
_BY_NAME = {compact_key(name): code for code, names in LANGUAGES.items() for name in (code, *names)}


def language_name(code: str, lang: str = "fa") -> str:
    """The name of one language code in ``lang`` ("fa" or "en"); unknown text as typed."""
    names = LANGUAGES.get(code.strip().lower())
    if names is None:
        return code.strip()
    return names[0] if lang == "fa" else names[1]


def language_names(text: str, lang: str = "fa") -> str:
    """A stored list of languages as people read it: ``"hy, ru, en"`` → «ارمنی، روسی،
    انگلیسی» (``lang="en"``: "Armenian, Russian, English"); names already written are kept."""
    parts = [p for p in _SEPARATORS.split(text or "") if p.strip()]
    return ("، " if lang == "fa" else ", ").join(language_name(p, lang) for p in parts)


def language_codes(text: str) -> str:
    """The inverse of :func:`language_names` for storing what a form shows: every language
    name (Persian or English) or code back to its code, ``"hy, ru, en"``; other text as typed."""
    parts = [p.strip() for p in _SEPARATORS.split(text or "") if p.strip()]
    return ", ".join(_BY_NAME.get(compact_key(p), p) for p in parts)
