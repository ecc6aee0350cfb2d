"""Province companies (exporters, producers, universities, science parks) and their contacts."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, delete, func, select
from sqlalchemy.orm import Session

from qazvin_diplomacy.core.markets import CompanyInput, CompanyView, validate_company
from qazvin_diplomacy.core.text import index_key, normalize
from qazvin_diplomacy.services.filters import text_condition
from qazvin_diplomacy.services.listing import count_of
from qazvin_diplomacy.services.records import get_row, row_to_save, set_archived, write
from qazvin_diplomacy.storage.database import PERSIAN_COLLATION, Database
from qazvin_diplomacy.storage.directory import Person
from qazvin_diplomacy.storage.markets import Company, CompanyContact, Product

WHAT = "شرکت"


def _contacts(session: Session, company_ids: list[int]) -> dict[int, list[tuple[int, str]]]:
    found: dict[int, list[tuple[int, str]]] = {}
    if not company_ids:
        return found
    rows = session.execute(
        select(CompanyContact.company_id, Person.id, Person.name_fa)
        .join(Person, Person.id == CompanyContact.person_id)
        .where(CompanyContact.company_id.in_(company_ids))
        .order_by(CompanyContact.company_id, CompanyContact.position)
    )
    for company_id, person_id, name in rows:
        found.setdefault(company_id, []).append((person_id, name))
    return found


def _product_counts(session: Session, company_ids: list[int]) -> dict[int, int]:
    if not company_ids:
        return {}
    rows = session.execute(
        select(Product.company_id, func.count())
        .where(Product.company_id.in_(company_ids), Product.archived_at.is_(None))
        .group_by(Product.company_id)
    )
    return {cid: int(n) for cid, n in rows}


def _views(session: Session, rows: list[Company]) -> list[CompanyView]:
    ids = [r.id for r in rows]
    contacts = _contacts(session, ids)
    products = _product_counts(session, ids)
    return [
        CompanyView(
            id=r.id,
            version=r.version,
            name_fa=r.name_fa,
            name_en=r.name_en,
            kind=r.kind,
            sector=r.sector,
            city_fa=r.city_fa,
            phone=r.phone,
            email=r.email,
            website=r.website,
            notes=r.notes,
            contact_person_ids=tuple(p for p, _n in contacts.get(r.id, [])),
            contact_names_fa=tuple(n for _p, n in contacts.get(r.id, [])),
            product_count=products.get(r.id, 0),
        )
        for r in rows
    ]


def company_search_key(session: Session, row: Company) -> str:
    """Names, town, notes and the names of its live products."""
    products = session.execute(
        select(Product.name_fa, Product.name_en).where(
            Product.company_id == row.id, Product.archived_at.is_(None)
        )
    ).all()
    return index_key(
        row.name_fa,
        row.name_en,
        row.city_fa,
        row.email,
        row.notes,
        *(n for p in products for n in p),
    )


def write_company(session: Session, company: CompanyInput) -> Company:
    """Validate ``company`` and write it with its contacts in an open transaction."""
    validate_company(company)
    for person_id in company.contact_person_ids:
        get_row(session, Person, person_id, "شخص")
    row = row_to_save(session, Company, company.id, company.version, WHAT, name_fa="")
    row.name_fa = normalize(company.name_fa)
    row.name_en = normalize(company.name_en)
    row.kind = company.kind
    row.sector = company.sector
    row.city_fa = normalize(company.city_fa)
    row.phone = company.phone.strip()
    row.email = company.email.strip()
    row.website = company.website.strip()
    row.notes = normalize(company.notes)
    session.flush()
    row.search_key = company_search_key(session, row)
    session.execute(delete(CompanyContact).where(CompanyContact.company_id == row.id))
    for position, person_id in enumerate(dict.fromkeys(company.contact_person_ids)):
        session.add(CompanyContact(company_id=row.id, person_id=person_id, position=position))
    session.flush()
    return row


def company_view(session: Session, row: Company) -> CompanyView:
    """A stored company as the view passed up."""
    return _views(session, [row])[0]


def save_company(db: Database, *, company: CompanyInput) -> CompanyView:
    """Create or update a company and its directory contacts (in the order given)."""
    validate_company(company)
    with write(db) as session:
        return company_view(session, write_company(session, company))


def get_company(db: Database, *, company_id: int) -> CompanyView:
    """One company (``NotFoundError`` when there is none)."""
    with db.read_session() as session:
        return _views(session, [get_row(session, Company, company_id, WHAT)])[0]


def _filtered(query: Select[Any], text: str, sector: str | None, kind: str | None) -> Select[Any]:
    query = query.where(Company.archived_at.is_(None), text_condition(Company.search_key, text))
    if sector:
        query = query.where(Company.sector == sector)
    if kind:
        query = query.where(Company.kind == kind)
    return query


def count_companies(
    db: Database, *, text: str = "", sector: str | None = None, kind: str | None = None
) -> int:
    """How many live companies match."""
    query = _filtered(select(func.count()).select_from(Company), text, sector, kind)
    return count_of(db, query)


def list_companies(
    db: Database,
    *,
    text: str = "",
    sector: str | None = None,
    kind: str | None = None,
    offset: int = 0,
    limit: int = 200,
) -> list[CompanyView]:
    """A page of live companies matching the filters, by Persian name."""
    query = _filtered(select(Company), text, sector, kind).order_by(
        Company.name_fa.collate(PERSIAN_COLLATION), Company.id
    )
    with db.read_session() as session:
        return _views(session, list(session.scalars(query.offset(offset).limit(limit))))


def archive_company(db: Database, *, company_id: int, version: int | None = None) -> None:
    """Archive a company (its exports stay recorded)."""
    with write(db) as session:
        set_archived(session, get_row(session, Company, company_id, WHAT), version, True, WHAT)
