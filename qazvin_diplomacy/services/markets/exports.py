"""Products, recorded exports and the top-10 exporters of a year."""

from __future__ import annotations

from sqlalchemy import ColumnElement, distinct, func, select
from sqlalchemy.orm import Session, aliased

from qazvin_diplomacy.core.errors import ValidationError
from qazvin_diplomacy.core.markets import (
    TOP_N,
    ExportInput,
    ExportTotal,
    ExportView,
    ProductInput,
    ProductView,
    TopExporters,
    rank_exporters,
    validate_export,
    validate_product,
)
from qazvin_diplomacy.core.text import index_key, normalize
from qazvin_diplomacy.services.markets.companies import company_search_key
from qazvin_diplomacy.services.markets.regions import region_country
from qazvin_diplomacy.services.records import get_row, row_to_save, set_archived, write
from qazvin_diplomacy.storage.database import PERSIAN_COLLATION, Database
from qazvin_diplomacy.storage.directory import Country
from qazvin_diplomacy.storage.markets import Company, ExportRecord, MarketRegion, Product

PRODUCT = "محصول"
EXPORT = "رکورد صادرات"


def _product_view(row: Product) -> ProductView:
    return ProductView(
        id=row.id,
        version=row.version,
        company_id=row.company_id,
        name_fa=row.name_fa,
        name_en=row.name_en,
        hs_code=row.hs_code,
        sector=row.sector,
        annual_capacity=row.annual_capacity,
        capacity_unit=row.capacity_unit,
        company_fa=row.company.name_fa,
    )


def _refresh_company_key(session: Session, company_id: int) -> None:
    company = session.get(Company, company_id)
    if company is not None:
        session.flush()
        company.search_key = company_search_key(session, company)


def write_product(session: Session, product: ProductInput) -> Product:
    """Validate ``product`` and write it in an open transaction (its company's key follows)."""
    validate_product(product)
    get_row(session, Company, product.company_id or 0, "شرکت")
    row = row_to_save(session, Product, product.id, product.version, PRODUCT, name_fa="")
    old_company = row.company_id if product.id is not None else None
    row.company_id = product.company_id or 0
    row.name_fa = normalize(product.name_fa)
    row.name_en = normalize(product.name_en)
    row.hs_code = product.hs_code.strip()
    row.sector = product.sector
    row.annual_capacity = product.annual_capacity
    row.capacity_unit = normalize(product.capacity_unit)
    session.flush()
    session.refresh(row)
    row.search_key = index_key(
        row.name_fa, row.name_en, row.hs_code, row.company.name_fa, row.company.name_en
    )
    for company_id in {row.company_id, old_company} - {None}:
        _refresh_company_key(session, company_id)  # type: ignore[arg-type]
    session.flush()
    return row


def save_product(db: Database, *, product: ProductInput) -> ProductView:
    """Create or update a product (its company's search then finds it by name too)."""
    validate_product(product)
    with write(db) as session:
        return _product_view(write_product(session, product))


def list_products(db: Database, *, company_id: int | None = None) -> list[ProductView]:
    """Live products (of one company, or all), by name."""
    query = select(Product).where(Product.archived_at.is_(None))
    if company_id is not None:
        query = query.where(Product.company_id == company_id)
    query = query.order_by(Product.name_fa.collate(PERSIAN_COLLATION), Product.id)
    with db.read_session() as session:
        return [_product_view(p) for p in session.scalars(query)]


def archive_product(db: Database, *, product_id: int, version: int | None = None) -> None:
    """Archive a product."""
    with write(db) as session:
        row = get_row(session, Product, product_id, PRODUCT)
        set_archived(session, row, version, True, PRODUCT)
        _refresh_company_key(session, row.company_id)


def write_export(session: Session, export: ExportInput) -> ExportRecord:
    """Validate ``export`` and write it in an open transaction: its region must be in its
    country, its product (if any) the company's own."""
    validate_export(export, region_country(session, export.region_id))
    get_row(session, Company, export.company_id or 0, "شرکت")
    get_row(session, Country, export.country_id or 0, "کشور")
    if export.product_id is not None:
        product = get_row(session, Product, export.product_id, PRODUCT)
        if product.company_id != export.company_id:
            raise ValidationError({"product_id": "این محصول از آنِ شرکت انتخاب‌شده نیست."})
    row = row_to_save(session, ExportRecord, export.id, export.version, EXPORT, value_usd=0)
    row.company_id = export.company_id or 0
    row.country_id = export.country_id or 0
    row.region_id = export.region_id
    row.product_id = export.product_id
    row.jalali_year = export.year
    row.value_usd = export.value_usd
    session.flush()
    return row


def save_export(db: Database, *, export: ExportInput) -> ExportView:
    """Create or update one export record (see :func:`write_export`)."""
    with write(db) as session:
        row = write_export(session, export)
        return _export_views(session, [ExportRecord.id == row.id])[0]


def _export_views(
    session: Session, conditions: list[ColumnElement[bool]], limit: int | None = None
) -> list[ExportView]:
    region = aliased(MarketRegion)
    rows = session.execute(
        select(ExportRecord, Company.name_fa, Country.name_fa, region.name_fa, Product.name_fa)
        .join(Company, Company.id == ExportRecord.company_id)
        .join(Country, Country.id == ExportRecord.country_id)
        .outerjoin(region, region.id == ExportRecord.region_id)
        .outerjoin(Product, Product.id == ExportRecord.product_id)
        .where(*conditions)
        .order_by(ExportRecord.jalali_year.desc(), ExportRecord.value_usd.desc(), ExportRecord.id)
        .limit(limit)
    )
    return [
        ExportView(
            id=r.id,
            version=r.version,
            company_id=r.company_id,
            country_id=r.country_id,
            region_id=r.region_id,
            product_id=r.product_id,
            year=r.jalali_year,
            value_usd=r.value_usd,
            company_fa=company,
            country_fa=country,
            region_fa=region_fa or "",
            product_fa=product or "",
        )
        for r, company, country, region_fa, product in rows
    ]


def list_exports(
    db: Database,
    *,
    company_id: int | None = None,
    country_id: int | None = None,
    year: int | None = None,
    limit: int = 500,
) -> list[ExportView]:
    """Export records matching the filters, newest year and largest value first."""
    conditions: list[ColumnElement[bool]] = []
    if company_id is not None:
        conditions.append(ExportRecord.company_id == company_id)
    if country_id is not None:
        conditions.append(ExportRecord.country_id == country_id)
    if year is not None:
        conditions.append(ExportRecord.jalali_year == year)
    with db.read_session() as session:
        return _export_views(session, conditions, limit)


def delete_export(db: Database, *, export_id: int) -> None:
    """Remove an export record entered by mistake."""
    with write(db) as session:
        session.delete(get_row(session, ExportRecord, export_id, EXPORT))


def export_years(db: Database) -> list[int]:
    """The Jalali years that have export records, newest first."""
    with db.read_session() as session:
        return list(
            session.scalars(
                select(ExportRecord.jalali_year)
                .distinct()
                .order_by(ExportRecord.jalali_year.desc())
            )
        )


def top_exporters(db: Database, *, year: int, n: int = TOP_N) -> TopExporters:
    """The ``n`` largest exporters of ``year`` by recorded value (``core.markets.rank_exporters``:
    ties share a rank, companies recorded the year before but not this year are listed as
    missing).  Archived companies are left out."""
    query = (
        select(
            ExportRecord.company_id,
            ExportRecord.jalali_year,
            func.sum(ExportRecord.value_usd),
            func.count(distinct(ExportRecord.country_id)),
        )
        .join(Company, Company.id == ExportRecord.company_id)
        .where(Company.archived_at.is_(None), ExportRecord.jalali_year.in_((year, year - 1)))
        .group_by(ExportRecord.company_id, ExportRecord.jalali_year)
    )
    with db.read_session() as session:
        totals = [ExportTotal(c, y, int(v or 0), int(d)) for c, y, v, d in session.execute(query)]
        ids = {t.company_id for t in totals}
        names: dict[int, tuple[str, str]] = {}
        if ids:
            for cid, fa, en in session.execute(
                select(Company.id, Company.name_fa, Company.name_en).where(Company.id.in_(ids))
            ):
                names[cid] = (fa, en)
        years = tuple(export_years_in(session))
    ranked = rank_exporters(totals, names, year, n)
    return TopExporters(ranked.year, ranked.n, ranked.ranks, ranked.missing, tuple(sorted(years)))


def export_years_in(session: Session) -> list[int]:
    """The years with records, within an open session."""
    return list(session.scalars(select(ExportRecord.jalali_year).distinct()))
