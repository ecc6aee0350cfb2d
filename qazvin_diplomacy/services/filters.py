"""SQL conditions shared by list queries."""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, true
from sqlalchemy.orm import InstrumentedAttribute

from qazvin_diplomacy.core.text import search_terms


def text_condition(column: InstrumentedAttribute[str], text: str | None) -> ColumnElement[bool]:
    """Every word of ``text`` occurs (as a compact key) in the stored ``index_key`` column.

    Keys hold no ``%``, ``_`` or ``|`` (see ``core.text.compact_key``), so no escaping is needed;
    partial words match, and Yeh/Kaf, ZWNJ, diacritics and digit scripts are ignored.
    """
    terms = search_terms(text)
    if not terms:
        return true()
    return and_(*(column.like(f"%{term}%") for term in terms))
