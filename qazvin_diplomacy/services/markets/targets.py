"""Target markets (بازار هدف): a country or one of its regions × a product or sector."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, delete, func, select
from sqlalchemy.orm import Session, aliased

from qazvin_diplomacy.core.markets import (
    MarketFilter,
    MarketInput,
    MarketPerson,
    MarketPriority,
    MarketStatus,
    MarketView,
    Sector,
    validate_market,
)
from qazvin_diplomacy.core.text import index_key, normalize
from qazvin_diplomacy.services.filters import text_condition
from qazvin_diplomacy.services.listing import count_of, country_name_key, sorted_by
from qazvin_diplomacy.services.markets.regions import region_country
from qazvin_diplomacy.services.records import get_row, row_to_save, set_archived, write
from qazvin_diplomacy.storage.database import PERSIAN_COLLATION, Database
from qazvin_diplomacy.storage.directory import Country, Person
from qazvin_diplomacy.storage.markets import (
    Company,
    MarketRegion,
    Product,
    TargetMarket,
    TargetMarketCompany,
    TargetMarketPerson,
)

WHAT = "بازار هدف"
#: No filter: every live market.
ANY_MARKET = MarketFilter()
#: Sort keys accepted by :func:`list_markets`.
MARKET_SORT_KEYS = ("priority", "country", "status", "info_date")


def market_search_key(session: Session, row: TargetMarket) -> str:
    """Place (country, region), product or sector, notes and its people's names."""
    country = session.get(Country, row.country_id)
    region = session.get(MarketRegion, row.region_id) if row.region_id else None
    product = session.get(Product, row.product_id) if row.product_id else None
    people = session.execute(
        select(Person.name_fa, Person.name_en)
        .join(TargetMarketPerson, TargetMarketPerson.person_id == Person.id)
        .where(TargetMarketPerson.market_id == row.id)
    ).all()
    sector = Sector.find(row.sector) if row.sector else None
    return index_key(
        country.name_fa if country else "",
        country.name_en if country else "",
        region.name_fa if region else "",
        region.name_en if region else "",
        product.name_fa if product else "",
        product.name_en if product else "",
        sector.label_fa if sector else "",
        sector.label_en if sector else "",
        row.demand_notes,
        row.barriers,
        row.notes,
        *(n for p in people for n in p),
    )


def save_market(db: Database, *, market: MarketInput) -> MarketView:
    """Create or update a target market with its people and supplying companies."""
    with write(db) as session:
        validate_market(market, region_country(session, market.region_id))
        get_row(session, Country, market.country_id or 0, "کشور")
        if market.product_id is not None:
            get_row(session, Product, market.product_id, "محصول")
        for person_id, _role in market.people:
            get_row(session, Person, person_id, "شخص")
        for company_id in market.company_ids:
            get_row(session, Company, company_id, "شرکت")
        row = row_to_save(session, TargetMarket, market.id, market.version, WHAT)
        row.country_id = market.country_id or 0
        row.region_id = market.region_id
        row.product_id = market.product_id
        row.sector = market.sector
        row.demand_notes = normalize(market.demand_notes)
        row.priority = int(market.priority)
        row.status = market.status
        row.barriers = normalize(market.barriers)
        row.sources = normalize(market.sources)
        row.info_date = market.info_date
        row.notes = normalize(market.notes)
        session.flush()
        session.execute(delete(TargetMarketPerson).where(TargetMarketPerson.market_id == row.id))
        session.execute(delete(TargetMarketCompany).where(TargetMarketCompany.market_id == row.id))
        for position, (person_id, role) in enumerate(market.people):
            session.add(
                TargetMarketPerson(
                    market_id=row.id, person_id=person_id, role=role, position=position
                )
            )
        for company_id in dict.fromkeys(market.company_ids):
            session.add(TargetMarketCompany(market_id=row.id, company_id=company_id))
        session.flush()
        row.search_key = market_search_key(session, row)
        session.flush()
        return _views(session, [row.id])[0]


def _base_query() -> Select[Any]:
    region, product = aliased(MarketRegion), aliased(Product)
    return (
        select(
            TargetMarket,
            Country.name_fa,
            Country.name_en,
            Country.iso2,
            region.name_fa,
            region.name_en,
            product.name_fa,
            product.name_en,
        )
        .join(Country, Country.id == TargetMarket.country_id)
        .outerjoin(region, region.id == TargetMarket.region_id)
        .outerjoin(product, product.id == TargetMarket.product_id)
    )


def _views(session: Session, ids: list[int], *, details: bool = True) -> list[MarketView]:
    """Views of the markets ``ids`` in that order; ``details`` adds people and companies."""
    if not ids:
        return []
    rows = {r[0].id: r for r in session.execute(_base_query().where(TargetMarket.id.in_(ids)))}
    people: dict[int, list[MarketPerson]] = {}
    companies: dict[int, list[int]] = {}
    company_names: dict[int, list[str]] = {}
    if details:
        for link, person in session.execute(
            select(TargetMarketPerson, Person)
            .join(Person, Person.id == TargetMarketPerson.person_id)
            .where(TargetMarketPerson.market_id.in_(ids))
            .order_by(TargetMarketPerson.position)
        ):
            people.setdefault(link.market_id, []).append(
                MarketPerson(
                    person.id,
                    person.name_fa,
                    person.name_en,
                    person.title_fa,
                    link.role,
                    person.notes,
                )
            )
        for market_id, company_id, name in session.execute(
            select(TargetMarketCompany.market_id, Company.id, Company.name_fa)
            .join(Company, Company.id == TargetMarketCompany.company_id)
            .where(TargetMarketCompany.market_id.in_(ids))
            .order_by(Company.name_fa.collate(PERSIAN_COLLATION))
        ):
            companies.setdefault(market_id, []).append(company_id)
            company_names.setdefault(market_id, []).append(name)
    views = []
    for market_id in ids:
        m, c_fa, c_en, iso2, r_fa, r_en, p_fa, p_en = rows[market_id]
        views.append(
            MarketView(
                id=m.id,
                version=m.version,
                country_id=m.country_id,
                region_id=m.region_id,
                product_id=m.product_id,
                sector=m.sector,
                demand_notes=m.demand_notes,
                priority=m.priority,
                status=m.status,
                barriers=m.barriers,
                sources=m.sources,
                info_date=m.info_date,
                notes=m.notes,
                people=tuple((p.person_id, p.role) for p in people.get(m.id, [])),
                company_ids=tuple(companies.get(m.id, [])),
                country_fa=c_fa,
                country_en=c_en,
                country_iso2=iso2,
                region_fa=r_fa or "",
                region_en=r_en or "",
                product_fa=p_fa or "",
                product_en=p_en or "",
                person_rows=tuple(people.get(m.id, [])),
                company_names_fa=tuple(company_names.get(m.id, [])),
            )
        )
    return views


def get_market(db: Database, *, market_id: int) -> MarketView:
    """One target market with its people and companies."""
    with db.read_session() as session:
        get_row(session, TargetMarket, market_id, WHAT)
        return _views(session, [market_id])[0]


def _filtered(query: Select[Any], f: MarketFilter) -> Select[Any]:
    query = query.where(TargetMarket.archived_at.is_(None))
    if f.product_id is not None:
        query = query.where(TargetMarket.product_id == f.product_id)
    if f.sector:
        in_sector = select(Product.id).where(Product.sector == f.sector)
        query = query.where(
            (TargetMarket.sector == f.sector) | TargetMarket.product_id.in_(in_sector)
        )
    if f.priority is not None:
        query = query.where(TargetMarket.priority == f.priority)
    if f.country_id is not None:
        query = query.where(TargetMarket.country_id == f.country_id)
    if f.region_id is not None:
        query = query.where(TargetMarket.region_id == f.region_id)
    if f.status:
        query = query.where(TargetMarket.status == f.status)
    return query.where(text_condition(TargetMarket.search_key, f.text))


def count_markets(db: Database, *, filters: MarketFilter = ANY_MARKET) -> int:
    """How many live target markets the filters match."""
    return count_of(db, _filtered(select(func.count()).select_from(TargetMarket), filters))


def list_markets(
    db: Database,
    *,
    filters: MarketFilter = ANY_MARKET,
    sort: str = "priority",
    descending: bool = False,
    offset: int = 0,
    limit: int = 200,
    details: bool = False,
) -> list[MarketView]:
    """A page of live target markets matching ``filters`` (see :data:`MARKET_SORT_KEYS`)."""
    keys: dict[str, tuple[Any, ...]] = {
        "priority": (TargetMarket.priority,),
        "country": (country_name_key(TargetMarket.country_id),),
        "status": (TargetMarket.status,),
        "info_date": (TargetMarket.info_date.is_(None), TargetMarket.info_date),
    }
    query = sorted_by(
        _filtered(select(TargetMarket.id), filters), keys, sort, descending, TargetMarket.id
    )
    with db.read_session() as session:
        ids = list(session.scalars(query.offset(offset).limit(limit)))
        return _views(session, ids, details=details)


def archive_market(db: Database, *, market_id: int, version: int | None = None) -> None:
    """Archive a target market (it leaves the list, the map and the search)."""
    with write(db) as session:
        set_archived(session, get_row(session, TargetMarket, market_id, WHAT), version, True, WHAT)


def market_labels(lang: str = "fa") -> dict[str, list[tuple[Any, str]]]:
    """The choices of the market filters: priorities, statuses, sectors (code, label)."""
    return {
        "priority": [(p.value, p.label(lang)) for p in MarketPriority],
        "status": [(s.value, s.label(lang)) for s in MarketStatus],
        "sector": [(s.value, s.label(lang)) for s in Sector],
    }
