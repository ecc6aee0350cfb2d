"""Cells of a spreadsheet: formula safety and the stored text of a value.

``services.export`` writes every text CSV cell through :func:`neutralise_formula` so a value such
as ``=HYPERLINK(...)`` can never run as a formula when a spreadsheet opens the file (.xlsx cells
are typed text instead, see :func:`is_formula_like`); :func:`restore_neutralised` undoes it on
import (:func:`cell_text`), so export → import round-trips.
"""

from __future__ import annotations

from datetime import date, datetime, time

from qazvin_diplomacy.core.text import normalize

__all__ = [
    "FORMULA_TRIGGERS",
    "cell_text",
    "is_formula_like",
    "neutralise_formula",
    "restore_neutralised",
]


FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(text: str) -> bool:
    """Whether a spreadsheet could read ``text`` as a formula (it starts with = + - @ tab CR)."""
    return text.startswith(FORMULA_TRIGGERS)


def neutralise_formula(text: str) -> str:
    """Prefix ``'`` to text that Excel could read as a formula (starts with = + - @ tab CR)."""
    return "'" + text if is_formula_like(text) else text


def restore_neutralised(text: str) -> str:
    """Undo :func:`neutralise_formula` on a value read back from an exported sheet."""
    if text.startswith("'") and text[1:].startswith(FORMULA_TRIGGERS):
        return text[1:]
    return text


def cell_text(value: object) -> str:
    """A cell's value as stored text: whole floats without ``.0``, dates as ISO, trimmed.

    Text is normalised (Arabic Yeh/Kaf, stray spaces) and an export's ``'`` prefix is removed.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ") if value.time() != time(0) else value.date().isoformat()
    if isinstance(value, (int, date)):
        return str(value) if not isinstance(value, date) else value.isoformat()
    return restore_neutralised(normalize(str(value)))
