"""Record ids typed by a user: any digit script, positive, and within SQLite's INTEGER.

A number above :data:`MAX_RECORD_ID` cannot even be sent to SQLite (``OverflowError``), so
it is refused here, with the other bad ids, as a ``KnownError`` naming the option.
"""

from __future__ import annotations

from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.text import to_latin_digits

__all__ = ["MAX_RECORD_ID", "parse_record_id"]

#: The largest SQLite INTEGER (2**63 − 1): no row can have a larger id.
MAX_RECORD_ID = 2**63 - 1


def parse_record_id(value: object, what_fa: str = "شناسه", what_en: str = "id") -> int:
    """``value`` (an int, or text in Latin, Persian or Arabic-Indic digits) as a record id.

    ``KnownError`` («… عدد نیست» / «… معتبر نیست») unless it is a whole number from 1 to
    :data:`MAX_RECORD_ID`; ``what_fa`` / ``what_en`` name the id in the messages.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    else:
        text = to_latin_digits(str(value)).strip()
        # isascii: str.isdigit also accepts «²» and other digits int() refuses.
        if not (text.isascii() and text.isdigit()):
            raise KnownError(
                f"{what_fa} «{value}» عدد نیست.", f"{what_en} '{value}' is not a number."
            )
        digits = text.lstrip("0") or "0"
        # More than 19 digits is above the maximum; int() of thousands of digits would raise.
        number = int(digits) if len(digits) <= 19 else MAX_RECORD_ID + 1
    if number < 1:
        raise KnownError(
            f"{what_fa} «{value}» معتبر نیست؛ شناسه عددی مثبت است.",
            f"{what_en} '{value}' is not valid; an id is a positive number.",
        )
    if number > MAX_RECORD_ID:
        raise KnownError(
            f"{what_fa} «{value}» معتبر نیست؛ از بزرگ‌ترین شناسهٔ ممکن بزرگ‌تر است.",
            f"{what_en} '{value}' is not valid; it is larger than any id ({MAX_RECORD_ID}).",
        )
    return number
