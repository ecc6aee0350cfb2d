"""A company's whole sheet saved at once: the company, its products and its export records."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select

from qazvin_diplomacy.core.errors import ValidationError
from qazvin_diplomacy.core.markets import CompanyInput, CompanyView, ExportInput, ProductInput
from qazvin_diplomacy.services.markets.companies import (
    company_search_key,
    company_view,
    write_company,
)
from qazvin_diplomacy.services.markets.exports import write_export, write_product
from qazvin_diplomacy.services.records import write
from qazvin_diplomacy.storage.base import utcnow
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.storage.markets import ExportRecord, Product


def save_company_sheet(
    db: Database,
    *,
    company: CompanyInput,
    products: tuple[ProductInput, ...],
    exports: tuple[ExportInput, ...],
) -> CompanyView:
    """Save the company with exactly these products and export records, in one transaction.

    Rows with an id update the stored ones (after the version check), rows without one are
    added; the company's products not listed are archived and its export records not
    listed are removed.  A refused row refuses everything: its error is keyed
    ``products.<row>.<field>`` or ``exports.<row>.<field>``.
    """
    with write(db) as session:
        row = write_company(session, company)
        kept_products: set[int] = set()
        for index, product in enumerate(products):
            try:
                saved = write_product(session, replace(product, company_id=row.id))
            except ValidationError as exc:
                raise ValidationError(
                    {f"products.{index}.{k}": v for k, v in exc.errors.items()}
                ) from exc
            kept_products.add(saved.id)
        for stale in session.scalars(
            select(Product).where(Product.company_id == row.id, Product.archived_at.is_(None))
        ):
            if stale.id not in kept_products:
                stale.archived_at = utcnow()
        kept_exports: set[int] = set()
        for index, export in enumerate(exports):
            try:
                record = write_export(session, replace(export, company_id=row.id))
            except ValidationError as exc:
                raise ValidationError(
                    {f"exports.{index}.{k}": v for k, v in exc.errors.items()}
                ) from exc
            kept_exports.add(record.id)
        for old in session.scalars(select(ExportRecord).where(ExportRecord.company_id == row.id)):
            if old.id not in kept_exports:
                session.delete(old)
        session.flush()
        session.refresh(row)
        row.search_key = company_search_key(session, row)
        session.flush()
        return company_view(session, row)
