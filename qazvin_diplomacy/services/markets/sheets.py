"""A company's whole sheet saved at once: the company, its products and its export records."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any, TypeVar

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

_R = TypeVar("_R")


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
        kept_products = _written(
            "products", products, lambda p: write_product(session, replace(p, company_id=row.id))
        )
        for stale in session.scalars(
            select(Product).where(Product.company_id == row.id, Product.archived_at.is_(None))
        ):
            if stale.id not in kept_products:
                stale.archived_at = utcnow()
        kept_exports = _written(
            "exports", exports, lambda e: write_export(session, replace(e, company_id=row.id))
        )
        for old in session.scalars(select(ExportRecord).where(ExportRecord.company_id == row.id)):
            if old.id not in kept_exports:
                session.delete(old)
        session.flush()
        session.refresh(row)
        row.search_key = company_search_key(session, row)
        session.flush()
        return company_view(session, row)


def _written(name: str, rows: Sequence[_R], write_row: Callable[[_R], Any]) -> set[int]:
    """The ids of ``rows`` as ``write_row`` stores them; a row refused is refused under
    ``<name>.<row>.<field>``."""
    kept: set[int] = set()
    for index, item in enumerate(rows):
        try:
            kept.add(write_row(item).id)
        except ValidationError as exc:
            raise ValidationError(
                {f"{name}.{index}.{k}": v for k, v in exc.errors.items()}
            ) from exc
    return kept
