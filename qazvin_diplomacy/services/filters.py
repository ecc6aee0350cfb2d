"""SQL conditions shared by list queries."""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, exists, or_, select, true
from sqlalchemy.orm import InstrumentedAttribute, aliased

from qazvin_diplomacy.core.text import MIN_CUT_PIECE, cut_variants, search_terms


def text_condition(column: InstrumentedAttribute[str], text: str | None) -> ColumnElement[bool]:
    """Every word of ``text`` occurs (as a compact key) in the stored ``index_key`` column.

    Keys hold no ``%``, ``_`` or ``|`` (see ``core.text.compact_key``), so no escaping is needed;
    partial words match, and Yeh/Kaf, ZWNJ, diacritics and digit scripts are ignored.  A word
    typed glued to the next one («سفیرتاجیکستان») that no row of the table holds as typed also
    matches a row holding its two halves (``core.text.cut_variants``), as the global search does.
    """
    terms = search_terms(text)
    if not terms:
        return true()
    return and_(*(_term_condition(column, term) for term in terms))


def _term_condition(column: InstrumentedAttribute[str], term: str) -> ColumnElement[bool]:
    typed = column.like(f"%{term}%")
    if len(term) < 2 * MIN_CUT_PIECE:
        return typed
    cuts = [
        and_(*(column.like(f"%{piece}%") for piece in variant)) for variant in cut_variants([term])
    ]
    # The same column of another copy of the table: "no row at all holds the word as typed".
    other = getattr(aliased(column.class_), column.key)
    anywhere = exists(select(other).where(other.like(f"%{term}%")))
    return or_(typed, and_(~anywhere, or_(*cuts)))
