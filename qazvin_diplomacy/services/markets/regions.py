"""Regions within countries (اقلیم کردستان، جنوب عراق، هرات …): a region belongs to one country."""

from __future__ import annotations

from sqlalchemy import func, select, union_all
from sqlalchemy.orm import Session

from qazvin_diplomacy.core.errors import ValidationError
from qazvin_diplomacy.core.markets import RegionInput, RegionView, validate_region
from qazvin_diplomacy.core.text import index_key, normalize
from qazvin_diplomacy.services.records import (
    another_with,
    get_row,
    row_to_save,
    set_archived,
    write,
)
from qazvin_diplomacy.storage.database import PERSIAN_COLLATION, Database
from qazvin_diplomacy.storage.directory import Country
from qazvin_diplomacy.storage.markets import ExportRecord, MarketRegion, TargetMarket

WHAT = "منطقه"


def region_view(row: MarketRegion) -> RegionView:
    """A stored region as the view passed up."""
    return RegionView(
        id=row.id,
        version=row.version,
        country_id=row.country_id,
        name_fa=row.name_fa,
        name_en=row.name_en,
        notes=row.notes,
        country_fa=row.country.name_fa,
        country_en=row.country.name_en,
        country_iso2=row.country.iso2,
    )


def region_country(session: Session, region_id: int | None) -> int | None:
    """The country a region belongs to (None without a region)."""
    if region_id is None:
        return None
    return get_row(session, MarketRegion, region_id, WHAT).country_id


def _used_elsewhere(session: Session, region_id: int, country_id: int) -> bool:
    """Whether a market or export of the region names another country."""
    markets = select(TargetMarket.id).where(
        TargetMarket.region_id == region_id, TargetMarket.country_id != country_id
    )
    exports = select(ExportRecord.id).where(
        ExportRecord.region_id == region_id, ExportRecord.country_id != country_id
    )
    return (
        session.scalar(select(func.count()).select_from(union_all(markets, exports).subquery()))
        != 0
    )


def save_region(db: Database, *, region: RegionInput) -> RegionView:
    """Create or update a region.  Its name is unique within its country; it cannot move to
    another country while markets or exports of it name its country."""
    validate_region(region)
    name_fa = normalize(region.name_fa)
    with write(db) as session:
        get_row(session, Country, region.country_id or 0, "کشور")
        same = another_with(
            session, MarketRegion, region.id, country_id=region.country_id, name_fa=name_fa
        )
        if same is not None:
            raise ValidationError({"name_fa": "منطقه‌ای با همین نام در این کشور ثبت شده است."})
        row = row_to_save(session, MarketRegion, region.id, region.version, WHAT, name_fa="")
        if region.id is not None and row.country_id != region.country_id:
            session.flush()
            if _used_elsewhere(session, row.id, region.country_id or 0):
                raise ValidationError(
                    {
                        "country_id": "بازارها یا صادراتی از این منطقه ثبت شده است؛ "
                        "کشور آن را نمی‌توان تغییر داد."
                    }
                )
        row.country_id = region.country_id or 0
        row.name_fa = name_fa
        row.name_en = normalize(region.name_en)
        row.notes = normalize(region.notes)
        country = session.get(Country, row.country_id)
        row.search_key = index_key(
            row.name_fa,
            row.name_en,
            country.name_fa if country else "",
            country.name_en if country else "",
        )
        session.flush()
        session.refresh(row)
        return region_view(row)


def get_region(db: Database, *, region_id: int) -> RegionView:
    """One region (``NotFoundError`` when there is none)."""
    with db.read_session() as session:
        return region_view(get_row(session, MarketRegion, region_id, WHAT))


def list_regions(db: Database, *, country_id: int | None = None) -> list[RegionView]:
    """Live regions (of one country, or of all), by country then name."""
    query = (
        select(MarketRegion)
        .join(Country, Country.id == MarketRegion.country_id)
        .where(MarketRegion.archived_at.is_(None))
    )
    if country_id is not None:
        query = query.where(MarketRegion.country_id == country_id)
    query = query.order_by(
        Country.name_fa.collate(PERSIAN_COLLATION), MarketRegion.name_fa.collate(PERSIAN_COLLATION)
    )
    with db.read_session() as session:
        return [region_view(r) for r in session.scalars(query)]


def archive_region(db: Database, *, region_id: int, version: int | None = None) -> None:
    """Archive a region (its markets and exports keep it)."""
    with write(db) as session:
        set_archived(session, get_row(session, MarketRegion, region_id, WHAT), version, True, WHAT)
