"""Lists of capacities: filtered, sorted and paged in SQL; the brochure's publishable items."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session

from qazvin_diplomacy.core.capacities import (
    OWNER_KIND,
    CapacityAxis,
    CapacityFilter,
    CapacityStatus,
    CapacityView,
    County,
)
from qazvin_diplomacy.services.attachments import is_intact, stored_path
from qazvin_diplomacy.services.capacities.records import capacity_view
from qazvin_diplomacy.services.filters import text_condition
from qazvin_diplomacy.services.listing import count_of, sorted_by
from qazvin_diplomacy.storage.attachments import Attachment
from qazvin_diplomacy.storage.capacities import Capacity
from qazvin_diplomacy.storage.database import PERSIAN_COLLATION, Database
from qazvin_diplomacy.storage.directory import Organization


def _code(enum: Any, value: str | None) -> str | None:
    """The stored code of a filter value typed as a code or a label (unknown: as typed)."""
    if not value:
        return None
    member = enum.find(value)
    return member.value if member is not None else value


def _filtered(query: Select[Any], f: CapacityFilter) -> Select[Any]:
    if f.archived is not None:
        query = query.where(
            Capacity.archived_at.is_not(None) if f.archived else Capacity.archived_at.is_(None)
        )
    if (axis := _code(CapacityAxis, f.axis)) is not None:
        query = query.where(Capacity.axis == axis)
    if (county := _code(County, f.county)) is not None:
        query = query.where(Capacity.county == county)
    if (status := _code(CapacityStatus, f.status)) is not None:
        query = query.where(Capacity.status == status)
    if f.publishable is not None:
        query = query.where(Capacity.publishable.is_(f.publishable))
    return query.where(text_condition(Capacity.search_key, f.text))


def _order_of(enum: Any, column: Any) -> Any:
    """The enum's display order of a code column (unknown codes last)."""
    return case({m.value: i for i, m in enumerate(enum)}, value=column, else_=len(enum))


def count_capacities(db: Database, *, filters: CapacityFilter | None = None) -> int:
    """How many capacities the filters match."""
    query = _filtered(select(func.count()).select_from(Capacity), filters or CapacityFilter())
    return count_of(db, query)


def _views(session: Session, rows: list[Capacity]) -> list[CapacityView]:
    org_ids = {r.contact_org_id for r in rows if r.contact_org_id is not None}
    orgs: dict[int, tuple[str, str]] = {}
    if org_ids:
        found = session.execute(
            select(Organization.id, Organization.name_fa, Organization.name_en).where(
                Organization.id.in_(org_ids)
            )
        )
        orgs = {oid: (fa, en) for oid, fa, en in found}
    return [capacity_view(r, orgs.get(r.contact_org_id or 0)) for r in rows]


def list_capacities(
    db: Database,
    *,
    filters: CapacityFilter | None = None,
    sort: str = "axis",
    descending: bool = False,
    offset: int = 0,
    limit: int = 200,
) -> list[CapacityView]:
    """One page of capacities (no photos), by axis then title by default.

    ``sort``: one of ``core.capacities.CAPACITY_SORT_KEYS``.
    """
    title = Capacity.title.collate(PERSIAN_COLLATION)
    keys: dict[str, tuple[Any, ...]] = {  # the first is the default order
        "axis": (_order_of(CapacityAxis, Capacity.axis), title),
        "title": (title,),
        "county": (_order_of(County, Capacity.county), title),
        "status": (_order_of(CapacityStatus, Capacity.status), title),
        "investment": (Capacity.investment,),
        "jobs": (Capacity.jobs,),
        "updated": (Capacity.updated_at,),
    }
    query = _filtered(select(Capacity), filters or CapacityFilter())
    query = sorted_by(query, keys, sort, descending, Capacity.id)
    with db.read_session() as session:
        rows = list(session.scalars(query.offset(offset).limit(limit)))
        return _views(session, rows)


def brochure_capacities(
    db: Database, *, axis: str | None = None
) -> list[tuple[CapacityAxis, list[CapacityView]]]:
    """The brochure's content: publishable, live capacities grouped by axis (axes in order,
    empty axes left out), each group by county then title."""
    wanted = _code(CapacityAxis, axis)
    groups: list[tuple[CapacityAxis, list[CapacityView]]] = []
    with db.read_session() as session:
        for member in CapacityAxis:
            if wanted is not None and member.value != wanted:
                continue
            query = _filtered(
                select(Capacity), CapacityFilter(axis=member.value, publishable=True)
            ).order_by(
                _order_of(County, Capacity.county),
                Capacity.title.collate(PERSIAN_COLLATION),
                Capacity.id,
            )
            rows = list(session.scalars(query))
            if rows:
                groups.append((member, _views(session, rows)))
    return groups


#: The picture formats the brochure prints (ReportLab reads them without a converter).
BROCHURE_IMAGE_TYPES = ("image/png", "image/jpeg")


def brochure_photos(db: Database, *, capacity_ids: list[int]) -> dict[int, Path]:
    """The first intact PNG/JPEG photo of each capacity that has one (for the brochure).

    A photo whose stored file is missing or damaged is skipped, never printed half-read.
    """
    found: dict[int, Path] = {}
    if not capacity_ids:
        return found
    query = (
        select(Attachment.owner_id, Attachment.sha256)
        .where(
            Attachment.owner_kind == OWNER_KIND,
            Attachment.owner_id.in_(capacity_ids),
            Attachment.archived_at.is_(None),
            Attachment.media_type.in_(BROCHURE_IMAGE_TYPES),
        )
        .order_by(Attachment.id)
    )
    with db.read_session() as session:
        rows = session.execute(query).all()
    for owner_id, sha256 in rows:
        if owner_id in found:
            continue
        path = stored_path(db, sha256)
        if is_intact(path, sha256):
            found[owner_id] = path
    return found
