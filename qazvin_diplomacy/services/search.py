"""Global search: one query across every kind of record, answered by an FTS5 trigram index.

The index (table ``search_fts``, created by migration 0005) holds one row per record that is
not archived: its ``search_key`` (``core.text.index_key`` of its searchable fields — compact
keys with Yeh/Kaf, ZWNJ, diacritics, tatweel, digit scripts and Latin case already folded).
The rowid tells the record: ``code * 2**40 + id`` (:data:`KIND_SPAN`), so each kind is one
rowid range that FTS5 can restrict a match to.  SQL triggers on each source table keep the
index current on every insert, update of ``search_key``/``archived_at`` and delete, whoever
writes; :func:`rebuild_search_index` recreates table, triggers and content (``check --repair``),
and :func:`search_index_problems` tells whether that is needed.  A damaged index (an FTS5
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

Adding a kind of record is one entry in :data:`SEARCH_SOURCES` (its table must have ``id``,
``search_key`` and, if ``archivable``, ``archived_at``), plus a migration or ``check
--repair`` to install its triggers on existing databases.
"""

from __future__ import annotations

import json
import time as _time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.exc import DatabaseError

from qazvin_diplomacy.core.capacities import CapacityAxis, County
from qazvin_diplomacy.core.clock import to_local
from qazvin_diplomacy.core.delegations import DelegationDirection
from qazvin_diplomacy.core.jalali import format_jalali
from qazvin_diplomacy.core.markets import MarketStatus, Sector
from qazvin_diplomacy.core.text import cut_variants, search_terms, to_persian_digits
from qazvin_diplomacy.services.records import write
from qazvin_diplomacy.services.search_index import (
    FTS_TABLE,
    SearchIndexDamaged,
    check_index,
    existing_names,
    raise_if_index_damaged,
)
from qazvin_diplomacy.storage.confidential import hidden_ids_sql
from qazvin_diplomacy.storage.database import Database

__all__ = [
    "FTS_TABLE",
    "KIND_SPAN",
    "MAX_LIMIT_PER_KIND",
    "MAX_SPLIT_QUERIES",
    "MIN_INDEXED_TERM",
    "SPLIT_CAP",
    "SEARCH_SOURCES",
    "SearchGroup",
    "SearchHit",
    "SearchIndexDamaged",
    "SearchResults",
    "SearchSource",
    "rebuild_search_index",
    "search",
    "raise_if_index_damaged",
    "search_index_ddl",
    "search_index_problems",
    "search_kinds",
]

KIND_SPAN = 1 << 40
MIN_INDEXED_TERM = 3
MAX_SPLIT_QUERIES = 60  # cut variants tried for a query typed without spaces
SPLIT_CAP = 200  # a cut variant matching this many records is too loose to be kept
MAX_LIMIT_PER_KIND = 10_000  # hits of one kind asked for at once (the UI asks for 8)
#: A longer "word" (a pasted paragraph without spaces) is not cut: its cuts grow with the
#: cube of its length (600 characters took 7 s and 380 MB) and three glued words are shorter.
MAX_CUT_TERM = 48


def _date(value: Any, digits: str = "fa") -> str:
    """Jalali text of a stored date ('YYYY-MM-DD') or naive-UTC datetime text."""
    if not value:
        return ""
    try:
        if isinstance(value, str) and len(value) > 10:
            day = to_local(datetime.fromisoformat(value)).date()
        else:
            day = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
        return format_jalali(day, digits=digits)
    except ValueError:
        return ""


def _date_en(value: Any) -> str:
    return _date(value, "latin")


def _join(*parts: Any) -> str:
    return "، ".join(str(p) for p in parts if p)


def _join_en(*parts: Any) -> str:
    return ", ".join(str(p) for p in parts if p)


def _either(en: Any, fa: Any) -> Any:
    """The English text when there is one, else the Persian."""
    return en or fa


@dataclass(frozen=True)
class SearchSource:
    """A kind of record in the global search.

    ``select_sql`` reads ``id, title, title_en, *extra`` for the ids given as a JSON array in
    ``:ids``; ``subtitle`` and ``subtitle_en`` make the Persian and English subtitles from
    the extra columns.  ``short_queries``: the
    kind is searched by queries of only one- or two-character terms (the directory, where
    a name's first letters make sense; not the tens of thousands of visits).
    """

    kind: str
    code: int
    table: str
    label_fa: str
    label_en: str
    select_sql: str
    subtitle: Callable[[Sequence[Any]], str]
    subtitle_en: Callable[[Sequence[Any]], str]
    archivable: bool = True
    short_queries: bool = False

    @property
    def rowid_range(self) -> tuple[int, int]:
        """The first and last rowid of this kind in the index."""
        return self.code * KIND_SPAN, (self.code + 1) * KIND_SPAN - 1


_IDS = "(SELECT value FROM json_each(:ids))"
#: The same list of ids on PostgreSQL (``select_sql`` is written with :data:`_IDS`).
_PG_IDS = "(SELECT CAST(value AS bigint) FROM json_array_elements_text(CAST(:ids AS json)))"

SEARCH_SOURCES: tuple[SearchSource, ...] = (
    SearchSource(
        "person",
        1,
        "person",
        "اشخاص",
        "People",
        "SELECT p.id, trim(p.honorific_fa || ' ' || p.name_fa), p.name_en, p.title_fa, o.name_fa, "
        "c.name_fa, p.title_en, o.name_en, c.name_en "
        "FROM person p LEFT JOIN organization o ON o.id = p.organization_id "
        f"LEFT JOIN country c ON c.id = p.country_id WHERE p.id IN {_IDS}",
        lambda r: _join(*r[:3]),
        lambda r: _join_en(_either(r[3], r[0]), _either(r[4], r[1]), _either(r[5], r[2])),
        short_queries=True,
    ),
    SearchSource(
        "organization",
        2,
        "organization",
        "سازمان‌ها",
        "Organizations",
        "SELECT o.id, o.name_fa, o.name_en, o.city_fa, c.name_fa, c.name_en FROM organization o "
        f"LEFT JOIN country c ON c.id = o.country_id WHERE o.id IN {_IDS}",
        lambda r: _join(*r[:2]),
        lambda r: _join_en(r[0], _either(r[2], r[1])),
        short_queries=True,
    ),
    SearchSource(
        "country",
        3,
        "country",
        "کشورها",
        "Countries",
        f"SELECT id, name_fa, name_en, iso2 FROM country WHERE id IN {_IDS}",
        lambda r: _join(*r),
        lambda r: _join_en(*r),
        archivable=False,
        short_queries=True,
    ),
    SearchSource(
        "visit",
        4,
        "visit",
        "دیدارها",
        "Visits",
        "SELECT v.id, v.title, v.title_en, v.start_at, c.name_fa, c.name_en FROM visit v "
        f"LEFT JOIN country c ON c.id = v.country_id WHERE v.id IN {_IDS}",
        lambda r: _join(_date(r[0]), r[1]),
        lambda r: _join_en(_date_en(r[0]), _either(r[2], r[1])),
    ),
    SearchSource(
        "agreement",
        5,
        "agreement",
        "موافقت‌نامه‌ها",
        "Agreements",
        f"SELECT id, title, title_en, signing_date, signing_place FROM agreement WHERE id IN {_IDS}",
        lambda r: _join(_date(r[0]), r[1]),
        lambda r: _join_en(_date_en(r[0]), r[1]),
    ),
    SearchSource(
        "event",
        6,
        "event",
        "رویدادها",
        "Events",
        f"SELECT id, title_fa, title_en, start_date, venue, venue_en FROM event WHERE id IN {_IDS}",
        lambda r: _join(_date(r[0]), r[1]),
        lambda r: _join_en(_date_en(r[0]), _either(r[2], r[1])),
    ),
    SearchSource(
        "followup",
        7,
        "follow_up_task",
        "اقدام‌های پیگیری",
        "Follow-ups",
        "SELECT f.id, f.title, '', coalesce(p.name_fa, f.owner_text), f.deadline FROM follow_up_task f "
        f"LEFT JOIN person p ON p.id = f.owner_person_id WHERE f.id IN {_IDS}",
        lambda r: _join(r[0], f"مهلت {_date(r[1])}" if r[1] else ""),
        lambda r: _join_en(r[0], f"due {_date_en(r[1])}" if r[1] else ""),
    ),
    SearchSource(
        "meeting_series",
        8,
        "meeting_series",
        "جلسات و کارگروه‌ها",
        "Meeting series",
        f"SELECT id, name_fa, name_en, venue FROM meeting_series WHERE id IN {_IDS}",
        lambda r: _join(r[0]),
        lambda r: _join_en(r[0]),
    ),
    SearchSource(
        "meeting",
        9,
        "meeting",
        "جلسه‌ها",
        "Meetings",
        "SELECT m.id, s.name_fa || ' — جلسه ' || m.number, "
        "CASE WHEN s.name_en <> '' THEN s.name_en || ' — session ' || m.number ELSE '' END, "
        "m.meeting_date, m.venue, "
        "m.number FROM meeting m JOIN meeting_series s ON s.id = m.series_id "
        f"WHERE m.id IN {_IDS}",
        lambda r: _join(_date(r[0]), r[1]),
        lambda r: _join_en(_date_en(r[0]), f"session {r[2]}", r[1]),
    ),
    SearchSource(
        "resolution",
        10,
        "resolution",
        "مصوبات",
        "Resolutions",
        "SELECT r.id, r.number || ' — ' || r.text, '', o.name_fa, r.deadline, o.name_en "
        "FROM resolution r LEFT JOIN organization o ON o.id = r.responsible_org_id "
        f"WHERE r.id IN {_IDS}",
        lambda r: _join(r[0], f"مهلت {_date(r[1])}" if r[1] else ""),
        lambda r: _join_en(_either(r[2], r[0]), f"due {_date_en(r[1])}" if r[1] else ""),
    ),
    SearchSource(
        "company",
        11,
        "company",
        "شرکت‌ها",
        "Companies",
        f"SELECT id, name_fa, name_en, city_fa, sector FROM company WHERE id IN {_IDS}",
        lambda r: _join(Sector.label_of(r[1] or None), r[0]),
        lambda r: _join_en(Sector.label_of(r[1] or None, "en")),
    ),
    SearchSource(
        "product",
        12,
        "product",
        "محصولات",
        "Products",
        "SELECT p.id, p.name_fa, p.name_en, c.name_fa, c.name_en, p.hs_code FROM product p "
        f"JOIN company c ON c.id = p.company_id WHERE p.id IN {_IDS}",
        lambda r: _join(r[0], r[2]),
        lambda r: _join_en(_either(r[1], r[0]), r[2]),
    ),
    SearchSource(
        "market",
        13,
        "target_market",
        "بازارهای هدف",
        "Target markets",
        "SELECT m.id, c.name_fa || coalesce(' — ' || g.name_fa, ''), "
        "c.name_en || coalesce(' — ' || nullif(g.name_en, ''), ''), coalesce(p.name_fa, ''), "
        "coalesce(p.name_en, ''), m.status FROM target_market m "
        "JOIN country c ON c.id = m.country_id "
        "LEFT JOIN market_region g ON g.id = m.region_id "
        f"LEFT JOIN product p ON p.id = m.product_id WHERE m.id IN {_IDS}",
        lambda r: _join(r[0], MarketStatus.label_of(r[2] or None)),
        lambda r: _join_en(_either(r[1], r[0]), MarketStatus.label_of(r[2] or None, "en")),
    ),
    SearchSource(
        "region",
        14,
        "market_region",
        "مناطق",
        "Regions",
        "SELECT g.id, g.name_fa, g.name_en, c.name_fa, c.name_en FROM market_region g "
        f"JOIN country c ON c.id = g.country_id WHERE g.id IN {_IDS}",
        lambda r: _join(r[0]),
        lambda r: _join_en(_either(r[1], r[0])),
    ),
    SearchSource(
        "delegation",
        15,
        "trade_delegation",
        "هیئت‌های تجاری",
        "Trade delegations",
        "SELECT d.id, d.title, d.title_en, d.start_date, c.name_fa, c.name_en, d.direction "
        "FROM trade_delegation d JOIN country c ON c.id = d.country_id "
        f"WHERE d.id IN {_IDS}",
        lambda r: _join(_date(r[0]), DelegationDirection.label_of(r[3] or None), r[1]),
        lambda r: _join_en(
            _date_en(r[0]), DelegationDirection.label_of(r[3] or None, "en"), _either(r[2], r[1])
        ),
    ),
    SearchSource(
        "capacity",
        16,
        "capacity",
        "ظرفیت‌های استان",
        "Province capacities",
        f"SELECT id, title, title_en, axis, county FROM capacity WHERE id IN {_IDS}",
        lambda r: _join(CapacityAxis.label_of(r[0], "fa"), County.label_of(r[1], "fa")),
        lambda r: _join_en(CapacityAxis.label_of(r[0], "en"), County.label_of(r[1], "en")),
    ),
)
_BY_KIND = {s.kind: s for s in SEARCH_SOURCES}
assert len({s.code for s in SEARCH_SOURCES}) == len(SEARCH_SOURCES)


def search_kinds() -> list[tuple[str, str, str]]:
    """(kind, Persian label, English label) of every searchable kind, in display order."""
    return [(s.kind, s.label_fa, s.label_en) for s in SEARCH_SOURCES]


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
    sql = source.select_sql
    if conn.dialect.name == "postgresql":
        sql = sql.replace(_IDS, _PG_IDS)
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
    sources = [_source(k) for k in kinds] if kinds is not None else list(SEARCH_SOURCES)
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


def _source(kind: str) -> SearchSource:
    try:
        return _BY_KIND[kind]
    except KeyError:
        raise ValueError(f"unknown search kind {kind!r}; known: {', '.join(_BY_KIND)}") from None


# --- index maintenance -----------------------------------------------------------------


def _rowid(prefix: str, code: int) -> str:
    return f"({code * KIND_SPAN} + {prefix}.id)"


def search_index_ddl(source: SearchSource) -> list[str]:
    """The CREATE TRIGGER statements keeping ``source``'s rows in the index (as migration 0005)."""
    table, code = source.table, source.code
    live_new = " AND new.archived_at IS NULL" if source.archivable else ""
    watched = "search_key, archived_at" if source.archivable else "search_key"
    return [
        f"CREATE TRIGGER {FTS_TABLE}_{table}_ai AFTER INSERT ON {table} "
        f"WHEN new.search_key <> ''{live_new} BEGIN "
        f"INSERT INTO {FTS_TABLE}(rowid, key) VALUES ({_rowid('new', code)}, new.search_key); END",
        f"CREATE TRIGGER {FTS_TABLE}_{table}_au AFTER UPDATE OF {watched} ON {table} BEGIN "
        f"DELETE FROM {FTS_TABLE} WHERE rowid = {_rowid('old', code)}; "
        f"INSERT INTO {FTS_TABLE}(rowid, key) SELECT {_rowid('new', code)}, new.search_key "
        f"WHERE new.search_key <> ''{live_new}; END",
        f"CREATE TRIGGER {FTS_TABLE}_{table}_ad AFTER DELETE ON {table} BEGIN "
        f"DELETE FROM {FTS_TABLE} WHERE rowid = {_rowid('old', code)}; END",
    ]


#: PostgreSQL's trigger function (as migration 0005): TG_ARGV = (code, '1' if archivable).
PG_SYNC_FUNCTION = """
CREATE OR REPLACE FUNCTION search_fts_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    span bigint := CAST(TG_ARGV[0] AS bigint) * 1099511627776;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM search_fts WHERE rowid = span + OLD.id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.search_key <> '' THEN
        IF TG_ARGV[1] = '1' THEN
            IF NEW.archived_at IS NOT NULL THEN
                RETURN NULL;
            END IF;
        END IF;
        INSERT INTO search_fts(rowid, key) VALUES (span + NEW.id, NEW.search_key);
    END IF;
    RETURN NULL;
END
$$
"""


def search_index_ddl_postgresql(source: SearchSource) -> list[str]:
    """PostgreSQL's CREATE TRIGGER statements for ``source`` (as migration 0005)."""
    watched = "search_key, archived_at" if source.archivable else "search_key"
    args = f"'{source.code}', '{1 if source.archivable else 0}'"
    return [
        f"CREATE TRIGGER {FTS_TABLE}_{source.table}_{suffix} AFTER {when} ON {source.table} "
        f"FOR EACH ROW EXECUTE FUNCTION search_fts_sync({args})"
        for suffix, when in (("ai", "INSERT"), ("au", f"UPDATE OF {watched}"), ("ad", "DELETE"))
    ]


def _trigger_names(source: SearchSource) -> list[str]:
    return [f"{FTS_TABLE}_{source.table}_{suffix}" for suffix in ("ai", "au", "ad")]


def _live_rows_sql(source: SearchSource, what: str) -> str:
    live = " AND archived_at IS NULL" if source.archivable else ""
    return f"SELECT {what} FROM {source.table} WHERE search_key <> ''{live}"


_SHADOW_TABLES = ("data", "idx", "content", "docsize", "config")  # FTS5's own tables


def _drop_index(conn: Connection) -> None:
    """Drop the index table, also one too damaged for ``DROP TABLE``.

    FTS5 must open a table to drop it, which fails when a shadow table is missing or
    unreadable («vtable constructor failed», «invalid fts5 file format»): the table is then
    removed from the schema by hand (``writable_schema``, schema version bumped so SQLite
    reloads it) and its shadow tables, ordinary tables, dropped.
    """
    try:
        with conn.begin_nested():
            conn.exec_driver_sql(f"DROP TABLE IF EXISTS {FTS_TABLE}")
        return
    except DatabaseError:
        pass
    version = conn.exec_driver_sql("PRAGMA schema_version").scalar_one()
    conn.exec_driver_sql("PRAGMA writable_schema = ON")
    try:
        conn.execute(
            text("DELETE FROM sqlite_master WHERE type = 'table' AND name = :name"),
            {"name": FTS_TABLE},
        )
        conn.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
    finally:
        conn.exec_driver_sql("PRAGMA writable_schema = OFF")
    for suffix in _SHADOW_TABLES:
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS {FTS_TABLE}_{suffix}")


def rebuild_search_index(db: Database) -> int:
    """Recreate the index, its triggers and its content from every source table; return rows indexed.

    One transaction: a failure leaves the old index as it was.  Kinds whose table does not
    exist in this database are skipped.  A damaged index table is replaced (see
    :func:`_drop_index`).
    """
    with write(db) as session:
        conn = session.connection()
        tables = existing_names(conn, "table")
        if conn.dialect.name == "postgresql":
            return _rebuild_postgresql(conn, tables)
        for source in SEARCH_SOURCES:
            for name in _trigger_names(source):
                conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        _drop_index(conn)
        conn.exec_driver_sql(
            f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(key, tokenize = 'trigram')"
        )
        total = 0
        for source in SEARCH_SOURCES:
            if source.table not in tables:
                continue
            rowid = f"{source.code * KIND_SPAN} + id"
            result = conn.exec_driver_sql(
                f"INSERT INTO {FTS_TABLE}(rowid, key) {_live_rows_sql(source, f'{rowid}, search_key')}"
            )
            total += max(result.rowcount or 0, 0)
            for statement in search_index_ddl(source):
                conn.exec_driver_sql(statement)
        conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")
        return total


def _rebuild_postgresql(conn: Connection, tables: set[str]) -> int:
    """:func:`rebuild_search_index` on PostgreSQL: table, GIN trigram index, function, triggers."""
    for source in SEARCH_SOURCES:
        if source.table in tables:
            for name in _trigger_names(source):
                conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON {source.table}")
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {FTS_TABLE}")
    conn.exec_driver_sql(f"CREATE TABLE {FTS_TABLE} (rowid bigint PRIMARY KEY, key text NOT NULL)")
    conn.exec_driver_sql(
        f"CREATE INDEX {FTS_TABLE}_key_trgm ON {FTS_TABLE} USING gin (key gin_trgm_ops)"
    )
    conn.exec_driver_sql(PG_SYNC_FUNCTION)
    total = 0
    for source in SEARCH_SOURCES:
        if source.table not in tables:
            continue
        rowid = f"{source.code * KIND_SPAN} + id"
        result = conn.exec_driver_sql(
            f"INSERT INTO {FTS_TABLE}(rowid, key) {_live_rows_sql(source, f'{rowid}, search_key')}"
        )
        total += max(result.rowcount or 0, 0)
        for statement in search_index_ddl_postgresql(source):
            conn.exec_driver_sql(statement)
    return total


def search_index_problems(db: Database) -> list[str]:
    """Persian descriptions of what is wrong with the search index (empty: healthy).

    Checks that the index and every trigger exist (a table rebuilt by a later migration loses
    its triggers), that each kind has as many index rows as live records, and FTS5's own
    integrity check; an index SQLite cannot even read is reported as damaged.
    ``rebuild_search_index`` repairs all of these.
    """
    problems: list[str] = []
    with db.engine.connect() as conn:
        tables = existing_names(conn, "table")
        if FTS_TABLE not in tables:
            return ["نمایه جستجو وجود ندارد؛ «check --repair» را اجرا کنید."]
        triggers = existing_names(conn, "trigger")
        try:
            for source in SEARCH_SOURCES:
                if source.table not in tables:
                    continue
                missing = [n for n in _trigger_names(source) if n not in triggers]
                if missing:
                    problems.append(
                        f"به‌روزرسانی خودکار نمایه جستجوی {source.label_fa} برقرار نیست."
                    )
                lo, hi = source.rowid_range
                indexed = conn.execute(
                    text(f"SELECT count(*) FROM {FTS_TABLE} WHERE rowid BETWEEN :lo AND :hi"),
                    {"lo": lo, "hi": hi},
                ).scalar_one()
                live = conn.exec_driver_sql(_live_rows_sql(source, "count(*)")).scalar_one()
                if indexed != live:
                    problems.append(
                        f"نمایه جستجوی {source.label_fa} {to_persian_digits(indexed)} ردیف دارد ولی "
                        f"{to_persian_digits(live)} رکورد هست."
                    )
            check_index(conn)
        except DatabaseError as exc:  # sqlite3.DatabaseError wrapped by SQLAlchemy
            problems.append(
                f"نمایه جستجو آسیب دیده است ({exc.__class__.__name__})؛ «check --repair» را اجرا کنید."
            )
        conn.rollback()
    return problems
