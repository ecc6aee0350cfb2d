"""Argument types shared by the sub-commands' parsers.

A value refused here is a usage error: one line, Persian — English, exit 2 (``cli._Parser``),
before any file is opened.  Numbers may be typed in Latin, Persian or Arabic-Indic digits.
This module stays light (no SQLAlchemy): it is imported whenever the parser is built.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.ids import parse_record_id
from qazvin_diplomacy.core.text import to_latin_digits, to_persian_digits

__all__ = ["bounded_int", "chain_head", "record_id"]


def _refuse(fa: str, en: str) -> argparse.ArgumentTypeError:
    return argparse.ArgumentTypeError(f"{fa} — {en}")


def record_id(text: str) -> int:
    """A record id (1 … 2**63 − 1) in any digit script."""
    try:
        return parse_record_id(text)
    except KnownError as exc:
        raise _refuse(exc.message, exc.message_en) from None


def chain_head(text: str) -> tuple[int, str]:
    """A chain head kept on paper, ``N:HASHPREFIX`` (``core.audit.parse_head``)."""
    from qazvin_diplomacy.core.audit import parse_head

    try:
        return parse_head(text)
    except KnownError as exc:
        raise _refuse(exc.message, exc.message_en) from None


def bounded_int(low: int, high: int, note_en: str = "") -> Callable[[str], int]:
    """A type accepting a whole number from ``low`` to ``high``; ``note_en`` says why the bound."""

    def parse(text: str) -> int:
        typed = to_latin_digits(text).strip()
        sign, digits = ("-", typed[1:]) if typed.startswith("-") else ("", typed)
        if not (digits.isascii() and digits.isdigit()):
            raise _refuse(f"«{text}» عدد صحیح نیست.", f"'{text}' is not a whole number.")
        digits = digits.lstrip("0") or "0"
        number = int(sign + digits) if len(digits) <= 19 else (high + 1 if not sign else low - 1)
        if not low <= number <= high:
            why = f" ({note_en})" if note_en else ""
            raise _refuse(
                f"«{text}» خارج از بازه است؛ عددی از {to_persian_digits(low)} تا "
                f"{to_persian_digits(high)} بنویسید.",
                f"'{text}' is out of range; give a number from {low} to {high}{why}.",
            )
        return number

    parse.__name__ = "whole number"  # what argparse calls the type in its own messages
    return parse
