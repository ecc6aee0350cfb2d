"""What global search knows of each kind of record: :data:`SEARCH_SOURCES`.

One :class:`SearchSource` per kind — its code (the index's rowid range, ``code * 2**40 + id``,
:data:`KIND_SPAN`), its table, its labels, the SQL reading a page of hits and the subtitles a
hit shows in Persian and English.  ``services.search`` queries them, ``services.search_upkeep``
keeps their index rows current.  Adding a kind of record is one entry here (its table must have
``id``, ``search_key`` and, if ``archivable``, ``archived_at``), plus a migration or ``check
--repair`` to install its triggers on existing databases.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from qazvin_diplomacy.core.capacities import CapacityAxis, County
from qazvin_diplomacy.core.clock import to_local
from qazvin_diplomacy.core.delegations import DelegationDirection
from qazvin_diplomacy.core.jalali import format_jalali
from qazvin_diplomacy.core.markets import MarketStatus, Sector

__all__ = [
    "KIND_SPAN",
    "SEARCH_SOURCES",
    "SearchSource",
    "hits_sql",
    "search_kinds",
    "source_of",
]

KIND_SPAN = 1 << 40


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


def source_of(kind: str) -> SearchSource:
    """The source of ``kind`` (``ValueError`` for an unknown kind)."""
    try:
        return _BY_KIND[kind]
    except KeyError:
        raise ValueError(f"unknown search kind {kind!r}; known: {', '.join(_BY_KIND)}") from None


def hits_sql(source: SearchSource, dialect: str) -> str:
    """The SQL reading ``source``'s hits by id (a JSON list in ``:ids``) on ``dialect``."""
    if dialect == "postgresql":
        return source.select_sql.replace(_IDS, _PG_IDS)
    return source.select_sql
