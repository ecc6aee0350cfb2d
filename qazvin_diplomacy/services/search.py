"""Global search: one query across every kind of record, answered by an FTS5 trigram index.

The index (table ``search_fts``, created by migration 0005) holds one row per record that is
not archived: its ``search_key`` (``core.text.index_key`` of its searchable fields — compact
keys with Yeh/Kaf, ZWNJ, diacritics, tatweel, digit scripts and Latin case already folded).
The rowid tells the record: ``code * 2**40 + id`` (:data:`KIND_SPAN`), so each kind is one
rowid range that FTS5 can restrict a match to.  SQL triggers on each source table keep the
index current on every insert, update of ``search_key``/``archived_at`` and delete, whoever
writes (``services.search_upkeep``: the triggers, ``rebuild_search_index`` for ``check
--repair`` and ``search_index_problems``).  The kinds and how a hit reads are
``services.search_sources.SEARCH_SOURCES``.  A damaged index (an FTS5
table SQLite cannot read) makes :func:`search` — and every write to an indexed table, through
its triggers (``services.records.write``) — raise :class:`SearchIndexDamaged`, whose message
points to ``check --repair``; the repair works even when the damaged table cannot be dropped.

Matching (what :func:`search` does with a query):

* The query is split with ``core.text.search_terms``; every term must occur (AND) as a
  substring of the record's key, so partial words match: «تاجیک» finds «سفیر تاجیکستان».
* Terms of three or more characters go to the trigram index (``MATCH '"term" …'``).
* Terms of one or two characters cannot use a trigram index.  With at least one longer term
  they only filter the rows the index found (``instr``).  A query made only of short terms
  (someone has typed one or two letters so far) looks only in the directory — people,
  organizations, countries (``SearchSource.short_queries``) — for records having a field
  that *starts* with each term (``ab`` finds «Abbas», not every key containing «ab»), read
  from the index content in rowid order with a LIMIT: SQL, never Python, a few thousand
  short rows at most.  From the third letter on, every kind is searched.
* Words typed without a space between them («سفیرتاجیکستان») still find a record whose
  fields hold them apart («سفیر …» as title, «تاجیکستان» as country): for a kind where the
  query as typed finds nothing, each term of eight or more characters is also tried cut in
  two (``core.text.cut_variants``: pieces of four or more characters, «سفیر» + «تاجیکستان»
  …) and, if that finds nothing anywhere, in three.  A kind where the typed word matches
  is not cut (it is a real word there: «کاردار» finds the chargés d'affaires, not every
  record holding «کار» and «دار»).  Every cut is one indexed query over the kinds still
  empty (:data:`MAX_SPLIT_QUERIES` at most) and a cut matching :data:`SPLIT_CAP` records or
  more is dropped as noise, so a long nonsense word stays cheap; a query holding a term
  longer than :data:`MAX_CUT_TERM` characters is not cut at all.
* A record flagged confidential (and a confidential meeting's resolutions, a flagged record's
  follow-ups) stays in the index but is left out of every query made for a user without
  clearance (``services.confidential.hidden_ids_sql``), before the LIMIT: no hit, no "more".
* Results are grouped by kind in :data:`SEARCH_SOURCES` order; within a kind the newest
  records (highest id) come first.  ``limit_per_kind`` hits per kind, ``has_more`` tells
  whether there were more.

Adding a kind of record is one entry in ``SEARCH_SOURCES`` (its table must have ``id``,
``search_key`` and, if ``archivable``, ``archived_at``), plus a migration or ``check
--repair`` to install its triggers on existing databases.
"""

from __future__ import annotations

import json
import time as _time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Select, column, literal, select, table, text
from sqlalchemy.exc import DatabaseError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from qazvin_diplomacy.core.text import cut_variants, search_terms
from qazvin_diplomacy.services.search_index import (
    FTS_TABLE,
    SearchIndexDamaged,
    raise_if_index_damaged,
)
from qazvin_diplomacy.services.search_sources import (
    SEARCH_SOURCES,
    SearchSource,
    hits_sql,
    source_of,
)
from qazvin_diplomacy.storage.confidential import hidden_ids_sql
from qazvin_diplomacy.storage.database import Database

__all__ = [
    "MAX_LIMIT_PER_KIND",
    "MAX_SPLIT_QUERIES",
    "MIN_INDEXED_TERM",
    "SPLIT_CAP",
    "SearchGroup",
    "SearchHit",
    "SearchIndexDamaged",
    "SearchResults",
    "indexed_ids",
    "search",
]

MIN_INDEXED_TERM = 3
MAX_SPLIT_QUERIES = 60  # cut variants tried for a query typed without spaces
SPLIT_CAP = 200  # a cut variant matching this many records is too loose to be kept
MAX_LIMIT_PER_KIND = 10_000  # hits of one kind asked for at once (the UI asks for 8)
#: A longer "word" (a pasted paragraph without spaces) is not cut: its cuts grow with the
#: cube of its length (600 characters took 7 s and 380 MB) and three glued words are shorter.
MAX_CUT_TERM = 48

# --- results ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchHit:
    """One record found: open it with ``kind`` and ``id``."""

    kind: str
    id: int
    title: str
    subtitle: str = ""
    title_en: str = ""
    subtitle_en: str = ""


@dataclass(frozen=True)
class SearchGroup:
    """The hits of one kind; ``has_more`` when the kind had more than were returned."""

    kind: str
    label_fa: str
    label_en: str
    hits: list[SearchHit]
    has_more: bool = False


@dataclass(frozen=True)
class SearchResults:
    """Hits grouped by kind (only kinds with hits), in display order."""

    query: str
    groups: list[SearchGroup] = field(default_factory=list)
    elapsed_ms: float = 0.0

    @property
    def hits(self) -> list[SearchHit]:
        """Every hit, group after group (the order Enter/arrow keys walk)."""
        return [hit for group in self.groups for hit in group.hits]

    @property
    def empty(self) -> bool:
        """True when nothing was found."""
        return not self.groups

    def group(self, kind: str) -> SearchGroup | None:
        """The group of ``kind``, if it has hits."""
        return next((g for g in self.groups if g.kind == kind), None)


# --- querying --------------------------------------------------------------------------


def _match_expression(terms: Iterable[str]) -> str:
    # Compact keys hold no quotes or punctuation, so quoting each term is enough.
    return " ".join(f'"{t}"' for t in terms)


def _split_terms(terms: list[str]) -> tuple[list[str], list[str]]:
    """The terms the trigram index can match (three or more characters) and the shorter ones."""
    return (
        [t for t in terms if len(t) >= MIN_INDEXED_TERM],
        [t for t in terms if len(t) < MIN_INDEXED_TERM],
    )


def _like_pattern(term: str) -> str:
    """``%term%`` for LIKE, its wildcards escaped (``ESCAPE '\\'``)."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _term_filter(terms: list[str], dialect: str = "sqlite") -> tuple[str, dict[str, Any]]:
    """The WHERE clause (and its parameters) for index rows holding every term.

    Long terms go to the trigram index, short ones filter what it found (``instr``); with
    only short terms, fields must *start* with each of them (see the module notes).  On
    PostgreSQL a long term is ``key LIKE '%term%'``, answered by the ``pg_trgm`` GIN index
    (substring matching, as FTS5's trigram phrase query), and ``instr`` is ``strpos``.
    """
    long_terms, short_terms = _split_terms(terms)
    params: dict[str, Any] = {}
    clauses: list[str] = []
    instr = "strpos" if dialect == "postgresql" else "instr"
    if long_terms:
        if dialect == "postgresql":
            for i, term in enumerate(long_terms):
                clauses.append(f"key LIKE :m{i} ESCAPE '\\'")
                params[f"m{i}"] = _like_pattern(term)
        else:
            clauses.append(f"{FTS_TABLE} MATCH :match")
            params["match"] = _match_expression(long_terms)
        for i, term in enumerate(short_terms):
            clauses.append(f"{instr}(key, :s{i}) > 0")
            params[f"s{i}"] = term
    else:
        for i, term in enumerate(short_terms):
            clauses.append(f"(substr(key, 1, {len(term)}) = :s{i} OR {instr}(key, :p{i}) > 0)")
            params[f"s{i}"] = term
            params[f"p{i}"] = "|" + term
    return " AND ".join(clauses), params


class _key_holds(FunctionElement[bool]):
    """The index row's key holds a term: FTS5's trigram phrase query on SQLite, ``LIKE``
    (answered by the ``pg_trgm`` GIN index) on PostgreSQL, as :func:`_term_filter` spells them."""

    inherit_cache = True

    def __init__(self, term: str) -> None:
        super().__init__(literal(_match_expression([term])), literal(_like_pattern(term)))


@compiles(_key_holds)
def _key_matches(element: _key_holds, compiler: Any, **kw: Any) -> str:
    phrase = list(element.clauses)[0]
    return f"{FTS_TABLE} MATCH {compiler.process(phrase, **kw)}"


@compiles(_key_holds, "postgresql")
def _key_like(element: _key_holds, compiler: Any, **kw: Any) -> str:
    pattern = list(element.clauses)[1]
    return f"{FTS_TABLE}.key LIKE {compiler.process(pattern, **kw)} ESCAPE '\\'"


_INDEX = table(FTS_TABLE, column("rowid"), column("key"))


def indexed_ids(kind: str, term: str) -> Select[Any]:
    """Ids of the live records of ``kind`` whose index key holds ``term``, for a list's filter.

    ``term`` is one compact key of :data:`MIN_INDEXED_TERM` or more characters (from
    ``core.text.search_terms``); shorter ones cannot use a trigram index.  The index holds the
    records' own ``search_key`` and only records that are not archived.  Its match is a
    substring match like ``search_key LIKE '%term%'`` but may fold a few more characters
    (FTS5 folds Unicode case), so a caller wanting exactly ``LIKE``'s rows keeps its ``LIKE``
    and uses these ids to narrow the rows it is tried on.
    """
    if len(term) < MIN_INDEXED_TERM:
        raise ValueError(f"a term of {len(term)} characters cannot use the trigram index")
    lo, hi = source_of(kind).rowid_range
    rowid = _INDEX.c.rowid
    return select(rowid - lo).where(_key_holds(term), rowid.between(lo, hi))


def _hidden_filter(sources: Iterable[SearchSource]) -> str:
    """``AND rowid NOT IN …`` leaving out the records the signed-in user may not see.

    Confidential records stay in the index (users with clearance find them); for anyone
    else they are left out before the LIMIT, so neither the hits, nor "more", nor a
    subtitle tells of them.  Empty when the user sees everything.
    """
    clauses = []
    for source in sources:
        hidden = hidden_ids_sql(source.table)
        if hidden is not None:
            first = source.rowid_range[0]
            clauses.append(f" AND rowid NOT IN (SELECT {first} + h.id FROM ({hidden}) h)")
    return "".join(clauses)


def _matching_ids(
    conn: Connection, source: SearchSource, terms: list[str], limit: int, offset: int
) -> list[int]:
    lo, hi = source.rowid_range
    where, params = _term_filter(terms, conn.dialect.name)
    params.update(lo=lo, hi=hi, limit=limit, offset=offset)
    sql = (
        f"SELECT rowid FROM {FTS_TABLE} WHERE {where} AND rowid BETWEEN :lo AND :hi"
        f"{_hidden_filter([source])} ORDER BY rowid DESC LIMIT :limit OFFSET :offset"
    )
    return [rowid - lo for (rowid,) in conn.execute(text(sql), params)]


def _hits(conn: Connection, source: SearchSource, ids: list[int]) -> list[SearchHit]:
    if not ids:
        return []
    sql = hits_sql(source, conn.dialect.name)
    rows = {r[0]: r for r in conn.execute(text(sql), {"ids": json.dumps(ids)})}
    hits = []
    for record_id in ids:  # keep the index's order
        row = rows.get(record_id)
        if row is None:
            continue
        title = row[1] or row[2] or ""
        extra = row[3:]
        hits.append(
            SearchHit(
                source.kind,
                record_id,
                title,
                source.subtitle(extra),
                row[2] or "",
                source.subtitle_en(extra),
            )
        )
    return hits


def _split_hits(
    conn: Connection, sources: list[SearchSource], variants: list[list[str]]
) -> dict[str, list[int]]:
    """Ids per kind matched by any cut variant, newest first.

    One indexed query per variant over all the kinds; a variant matching SPLIT_CAP records or
    more is too loose to mean anything (a word cut into fragments) and is dropped.
    """
    lo = min(s.rowid_range[0] for s in sources)
    hi = max(s.rowid_range[1] for s in sources)
    found: set[int] = set()
    for variant in variants:
        where, params = _term_filter(variant, conn.dialect.name)
        params.update(lo=lo, hi=hi)
        sql = (
            f"SELECT rowid FROM {FTS_TABLE} WHERE {where} AND rowid BETWEEN :lo AND :hi"
            f"{_hidden_filter(sources)}"
        )
        rowids = conn.execute(text(f"{sql} LIMIT {SPLIT_CAP}"), params).scalars().all()
        if len(rowids) < SPLIT_CAP:
            found.update(rowids)
    by_kind: dict[str, list[int]] = {}
    for source in sources:
        first, last = source.rowid_range
        ids = sorted((r - first for r in found if first <= r <= last), reverse=True)
        if ids:
            by_kind[source.kind] = ids
    return by_kind


def _add_cut_hits(
    conn: Connection,
    sources: list[SearchSource],
    terms: list[str],
    found: dict[str, list[int]],
    wanted: int,
) -> None:
    """Fill the kinds the query found nothing in with hits of its cut variants (see the notes)."""
    if any(len(term) > MAX_CUT_TERM for term in terms):
        return
    for pieces in (2, 3):
        needy = [s for s in sources if not found[s.kind]]
        if not needy or (pieces == 3 and any(found.values())):
            return
        variants = cut_variants(terms, pieces)[:MAX_SPLIT_QUERIES]
        if not variants:
            continue
        for kind, ids in _split_hits(conn, needy, variants).items():
            found[kind] = ids[:wanted]


def search(
    db: Database,
    query: str,
    *,
    kinds: Iterable[str] | None = None,
    limit_per_kind: int = 8,
    offset: int = 0,
) -> SearchResults:
    """Find records of every kind (or of ``kinds``) matching ``query``; see the module notes.

    An empty query (or one of punctuation only) finds nothing.  ``offset`` skips that many hits
    of each kind (for "more results" of one kind); cut variants of unspaced words are tried
    on the first page only.
    """
    started = _time.perf_counter()
    terms = search_terms(query)
    if not terms:
        return SearchResults(query)
    sources = [source_of(k) for k in kinds] if kinds is not None else list(SEARCH_SOURCES)
    long_terms, _short = _split_terms(terms)
    if not long_terms:
        sources = [s for s in sources if s.short_queries]
    wanted = limit_per_kind + 1
    with _explained(db), db.engine.connect() as conn:
        found = {s.kind: _matching_ids(conn, s, terms, wanted, offset) for s in sources}
        if offset == 0:
            _add_cut_hits(conn, sources, terms, found, wanted)
        groups: list[SearchGroup] = []
        for source in sources:
            ids = found[source.kind]
            if not ids:
                continue
            hits = _hits(conn, source, ids[:limit_per_kind])
            if hits:
                groups.append(
                    SearchGroup(
                        source.kind,
                        source.label_fa,
                        source.label_en,
                        hits,
                        has_more=len(ids) > limit_per_kind,
                    )
                )
    return SearchResults(query, groups, (_time.perf_counter() - started) * 1000)


@contextmanager
def _explained(db: Database) -> Iterator[None]:
    try:
        yield
    except DatabaseError as exc:
        raise_if_index_damaged(db, exc)
        raise
