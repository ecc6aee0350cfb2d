"""Persian text: digits, normalisation for storage, keys for search."""

from __future__ import annotations

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
LATIN_DIGITS = "0123456789"

_TO_PERSIAN = str.maketrans(LATIN_DIGITS + ARABIC_INDIC_DIGITS, PERSIAN_DIGITS * 2)
_TO_LATIN = str.maketrans(PERSIAN_DIGITS + ARABIC_INDIC_DIGITS, LATIN_DIGITS * 2)


def to_persian_digits(text: object) -> str:
    """Return ``text`` (any object, via ``str``) with Latin and Arabic-Indic digits as Persian."""
    return str(text).translate(_TO_PERSIAN)


def to_latin_digits(text: object) -> str:
    """Return ``text`` with Persian and Arabic-Indic digits as Latin ``0-9``."""
    return str(text).translate(_TO_LATIN)
