"""One capacity: save it from the form (validated, one transaction), read it, archive it, its photos."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from qazvin_diplomacy.core.attachments import MAX_ATTACHMENT_BYTES, AttachmentView
from qazvin_diplomacy.core.capacities import (
    OWNER_KIND,
    AreaUnit,
    CapacityAxis,
    CapacityInput,
    CapacityStatus,
    CapacityView,
    County,
    Currency,
    validate_capacity,
)
from qazvin_diplomacy.core.errors import KnownError, ValidationError
from qazvin_diplomacy.core.text import index_key, normalize
from qazvin_diplomacy.services.attachments import attach_checked, attachments_of, list_attachments
from qazvin_diplomacy.services.records import get_row, row_to_save, set_archived, write
from qazvin_diplomacy.storage.capacities import Capacity
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.storage.directory import Organization

WHAT = "ظرفیت"


def refuse_archived(row: Capacity) -> None:
    """An archived capacity is read-only until restored."""
    if row.archived_at is not None:
        raise KnownError(
            "این ظرفیت بایگانی شده است؛ برای ویرایش، ابتدا آن را از بایگانی بازیابی کنید.",
            "This capacity is archived; restore it before editing.",
        )


def capacity_view(
    row: Capacity, org: tuple[str, str] | None = None, photos: list[AttachmentView] | None = None
) -> CapacityView:
    """A stored capacity as the services hand it out (``org``: the contact's Persian/English names)."""
    return CapacityView(
        id=row.id,
        version=row.version,
        title=row.title,
        title_en=row.title_en,
        description=row.description,
        description_en=row.description_en,
        axis=row.axis,
        county=row.county,
        status=row.status,
        area=row.area,
        area_unit=row.area_unit,
        jobs=row.jobs,
        investment=row.investment,
        currency=row.currency,
        contact_org_id=row.contact_org_id,
        publishable=row.publishable,
        contact_name=org[0] if org else "",
        contact_name_en=org[1] if org else "",
        archived=row.archived_at is not None,
        photos=photos or [],
    )


def _org_names(session: Session, org_id: int | None) -> tuple[str, str] | None:
    if org_id is None:
        return None
    org = session.get(Organization, org_id)
    return (org.name_fa, org.name_en) if org is not None else None


def capacity_search_key(row: Capacity, org: tuple[str, str] | None) -> str:
    """The search key: titles, descriptions, axis and county names, the contact body."""
    return index_key(
        row.title,
        row.title_en,
        row.description,
        row.description_en,
        CapacityAxis.label_of(row.axis, "fa"),
        CapacityAxis.label_of(row.axis, "en"),
        County.label_of(row.county, "fa"),
        County.label_of(row.county, "en"),
        *(org or ()),
    )


def save_capacity(db: Database, *, capacity: CapacityInput) -> CapacityView:
    """Create (``id`` None) or update a capacity after :func:`validate_capacity`.

    Labels typed instead of codes («گردشگری», «Buin Zahra») are accepted; a contact body
    that is not in the directory is refused on ``contact_org_id``; a stale copy raises
    ``StaleRecordError``; an archived capacity is read-only.
    """
    validate_capacity(capacity)
    with write(db) as session:
        org = _org_names(session, capacity.contact_org_id)
        if capacity.contact_org_id is not None and org is None:
            raise ValidationError(
                {"contact_org_id": "دستگاه انتخاب‌شده در فهرست سازمان‌ها پیدا نشد."}
            )
        row = row_to_save(session, Capacity, capacity.id, capacity.version, WHAT)
        if capacity.id is not None:
            refuse_archived(row)
        row.title = normalize(capacity.title)
        row.title_en = normalize(capacity.title_en)
        row.description = normalize(capacity.description)
        row.description_en = normalize(capacity.description_en)
        row.axis = CapacityAxis.find(capacity.axis).value  # type: ignore[union-attr]
        row.county = County.find(capacity.county).value  # type: ignore[union-attr]
        row.status = CapacityStatus.find(capacity.status).value  # type: ignore[union-attr]
        row.area = capacity.area
        row.area_unit = AreaUnit.find(capacity.area_unit).value  # type: ignore[union-attr]
        row.jobs = capacity.jobs
        row.investment = capacity.investment
        row.currency = Currency.find(capacity.currency).value  # type: ignore[union-attr]
        row.contact_org_id = capacity.contact_org_id
        row.publishable = bool(capacity.publishable)
        row.search_key = capacity_search_key(row, org)
        session.flush()
        return capacity_view(row, org)


def get_capacity(db: Database, *, capacity_id: int) -> CapacityView:
    """One capacity with its contact body's names and its photos (``NotFoundError`` if none)."""
    with db.read_session() as session:
        row = get_row(session, Capacity, capacity_id, WHAT)
        photos = attachments_of(session, owner_kind=OWNER_KIND, owner_id=row.id)
        return capacity_view(row, _org_names(session, row.contact_org_id), photos)


def archive_capacity(
    db: Database, *, capacity_id: int, version: int | None = None, archived: bool = True
) -> None:
    """Archive (or restore) a capacity: archived ones leave the list, the search and the brochure."""
    with write(db) as session:
        row = get_row(session, Capacity, capacity_id, WHAT)
        set_archived(session, row, version, archived, WHAT)


def add_capacity_photo(
    db: Database,
    *,
    capacity_id: int,
    source: Path,
    description: str = "",
    limit: int = MAX_ATTACHMENT_BYTES,
) -> AttachmentView:
    """Attach a photo (or any file) to a capacity through ``services.attachments``."""

    def refuse(session: Session) -> None:
        refuse_archived(get_row(session, Capacity, capacity_id, WHAT))

    return attach_checked(db, refuse, (OWNER_KIND, capacity_id), source, description, limit)


def list_capacity_photos(db: Database, *, capacity_id: int) -> list[AttachmentView]:
    """The files of one capacity, oldest first."""
    return list_attachments(db, owner_kind=OWNER_KIND, owner_id=capacity_id)
