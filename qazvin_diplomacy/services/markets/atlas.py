"""The atlas of target markets: country shapes for the map and what colours each country.

The shapes are Natural Earth's 1:110m countries as shipped by the ``world-atlas`` npm
package (public domain; ``resources/maps/``), decoded by ``core.topojson`` once per process.
A shape's id is the ISO 3166-1 numeric code; the shipped country list
(``data/countries.csv``) turns it into the alpha-2 code the directory stores.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sqlalchemy import func, select

from qazvin_diplomacy.core.history import History
from qazvin_diplomacy.core.markets import CountryAtlasEntry, MarketFilter, MarketView
from qazvin_diplomacy.core.topojson import Shape, decode_objects
from qazvin_diplomacy.paths import resources_dir
from qazvin_diplomacy.services.directory import load_country_rows
from qazvin_diplomacy.services.history import country_history
from qazvin_diplomacy.services.markets.exports import list_exports
from qazvin_diplomacy.services.markets.targets import ANY_MARKET, _filtered, _views
from qazvin_diplomacy.services.records import get_row
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.storage.directory import Country
from qazvin_diplomacy.storage.markets import ExportRecord, TargetMarket

MAP_FILE = "countries-110m.json"


@dataclass(frozen=True)
class CountryShape:
    """A country's outline for the map: alpha-2 code ("" when the shape has no ISO code)."""

    iso2: str
    numeric: str
    name_en: str
    shape: Shape


def map_path() -> Path:
    """The bundled TopoJSON file."""
    return resources_dir() / "maps" / MAP_FILE


@cache
def numeric_to_iso2() -> dict[str, str]:
    """ISO 3166-1 numeric code ("364") → alpha-2 ("IR"), from the shipped country list."""
    return {row["numeric"].zfill(3): row["iso2"] for row in load_country_rows() if row["numeric"]}


@cache
def world_shapes(path: Path | None = None) -> tuple[CountryShape, ...]:
    """Every country shape of the bundled map (decoded once per process)."""
    topology = json.loads((path or map_path()).read_text("utf-8"))
    codes = numeric_to_iso2()
    return tuple(
        CountryShape(codes.get(s.id.zfill(3), "") if s.id else "", s.id, s.name, s)
        for s in decode_objects(topology, "countries")
    )


def atlas_entries(
    db: Database, *, year: int | None, filters: MarketFilter = ANY_MARKET
) -> dict[str, CountryAtlasEntry]:
    """Per country (by alpha-2 code) that has a live market matching ``filters`` or exports
    recorded in ``year`` (every year when None): the best (lowest) priority, the number of
    markets and the recorded exports."""
    markets = _filtered(
        select(
            TargetMarket.country_id, func.min(TargetMarket.priority), func.count(TargetMarket.id)
        ),
        filters,
    ).group_by(TargetMarket.country_id)
    exports = select(
        ExportRecord.country_id, func.sum(ExportRecord.value_usd), func.count(ExportRecord.id)
    ).group_by(ExportRecord.country_id)
    if year is not None:
        exports = exports.where(ExportRecord.jalali_year == year)
    with db.read_session() as session:
        by_country: dict[int, dict[str, int]] = {}
        for country_id, best, count in session.execute(markets):
            by_country.setdefault(country_id, {}).update(priority=int(best), markets=int(count))
        for country_id, total, count in session.execute(exports):
            by_country.setdefault(country_id, {}).update(usd=int(total or 0), records=int(count))
        entries: dict[str, CountryAtlasEntry] = {}
        if not by_country:
            return entries
        countries = select(Country.id, Country.iso2, Country.name_fa, Country.name_en).where(
            Country.id.in_(by_country)
        )
        for country_id, iso2, name_fa, name_en in session.execute(countries):
            data = by_country[country_id]
            entries[iso2] = CountryAtlasEntry(
                country_id=country_id,
                iso2=iso2,
                name_fa=name_fa,
                name_en=name_en,
                priority=data.get("priority"),
                market_count=data.get("markets", 0),
                export_usd=data.get("usd", 0),
                export_records=data.get("records", 0),
            )
        return entries


def country_names(db: Database) -> dict[str, tuple[str, str, int]]:
    """Alpha-2 code → (Persian name, English name, country id) of every country."""
    with db.read_session() as session:
        return {
            iso2: (fa, en, cid)
            for iso2, fa, en, cid in session.execute(
                select(Country.iso2, Country.name_fa, Country.name_en, Country.id)
            )
        }


@dataclass(frozen=True)
class CountryCard:
    """A country's market card: its markets (with needs, people, companies), the year's
    exports by company and what the other modules record about it."""

    country_id: int
    iso2: str
    name_fa: str
    name_en: str
    markets: tuple[MarketView, ...]
    exports: tuple[tuple[str, int], ...]  # (company, USD) of the year
    export_year: int | None
    history: History


def country_card(db: Database, *, country_id: int, year: int | None = None) -> CountryCard:
    """The card the map opens for ``country_id``."""
    with db.read_session() as session:
        country = get_row(session, Country, country_id, "کشور")
        ids = list(
            session.scalars(
                _filtered(select(TargetMarket.id), MarketFilter(country_id=country_id)).order_by(
                    TargetMarket.priority, TargetMarket.region_id.is_not(None), TargetMarket.id
                )
            )
        )
        markets = tuple(_views(session, ids))
        iso2, name_fa, name_en = country.iso2, country.name_fa, country.name_en
    totals: dict[str, int] = {}
    for row in list_exports(db, country_id=country_id, year=year, limit=5000):
        totals[row.company_fa] = totals.get(row.company_fa, 0) + row.value_usd
    exports = tuple(sorted(totals.items(), key=lambda kv: -kv[1]))
    return CountryCard(
        country_id=country_id,
        iso2=iso2,
        name_fa=name_fa,
        name_en=name_en,
        markets=markets,
        exports=exports,
        export_year=year,
        history=country_history(db, country_id=country_id),
    )
