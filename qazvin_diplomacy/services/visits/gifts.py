"""Gift warnings: a guest who was already given the same gift at an earlier visit."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from qazvin_diplomacy.core.text import compact_key
from qazvin_diplomacy.core.visits import GiftDirection, VisitInput, gift_warning_text
from qazvin_diplomacy.services.visits.records import _people_refs
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.storage.directory import Person
from qazvin_diplomacy.storage.visits import Visit, VisitGift


def _earlier_gift(
    session: Session,
    person_id: int,
    key: str,
    *,
    exclude_gift_id: int | None = None,
    exclude_visit_id: int | None = None,
) -> tuple[str, str, date | None] | None:
    """(person name, visit title, date) of a stored gift of the same kind to the person."""
    conditions = [
        VisitGift.person_id == person_id,
        VisitGift.description_key == key,
        VisitGift.direction == GiftDirection.GIVEN.value,
        Visit.archived_at.is_(None),
    ]
    if exclude_gift_id is not None:
        conditions.append(VisitGift.id != exclude_gift_id)
    if exclude_visit_id is not None:
        conditions.append(VisitGift.visit_id != exclude_visit_id)
    row = session.execute(
        select(Person.name_fa, Visit.title, VisitGift.gift_date)
        .join(Visit, Visit.id == VisitGift.visit_id)
        .join(Person, Person.id == VisitGift.person_id)
        .where(*conditions)
        .order_by(VisitGift.gift_date.desc(), VisitGift.id.desc())
        .limit(1)
    ).first()
    return (row[0], row[1], row[2]) if row else None


def gift_warning(
    db: Database, *, person_id: int, description: str, exclude_gift_id: int | None = None
) -> str | None:
    """A Persian warning when ``person_id`` was already given the same gift, else None.

    "The same" compares descriptions by compact key (spelling variants, spaces and ZWNJ
    ignored), across every visit that is not archived.  A warning, not a refusal.
    """
    key = compact_key(description)
    if not key:
        return None
    with db.read_session() as session:
        earlier = _earlier_gift(session, person_id, key, exclude_gift_id=exclude_gift_id)
    if earlier is None:
        return None
    return gift_warning_text(earlier[0], description, earlier[1], earlier[2])


def gift_warnings(db: Database, *, visit: VisitInput) -> dict[int, str]:
    """Warnings for the given gifts of a whole form, by gift row index.

    A row is warned about when the person received the same gift in another visit or in
    an earlier row of this form.  The visit's own stored gifts are not counted: the form
    replaces them.
    """
    warnings: dict[int, str] = {}
    seen: dict[tuple[int, str], int] = {}
    with db.read_session() as session:
        for i, gift in enumerate(visit.gifts):
            key = compact_key(gift.description)
            if gift.direction is not GiftDirection.GIVEN or gift.person_id is None or not key:
                continue
            earlier = _earlier_gift(session, gift.person_id, key, exclude_visit_id=visit.id)
            if earlier is not None:
                warnings[i] = gift_warning_text(
                    earlier[0], gift.description, earlier[1], earlier[2]
                )
            elif (gift.person_id, key) in seen:
                name = next(iter(_people_refs(session, [gift.person_id])), None)
                warnings[i] = (
                    f"هدیه «{gift.description.strip()}» در همین دیدار دو بار به "
                    f"«{name.name_fa if name else gift.person_id}» داده شده است."
                )
            seen.setdefault((gift.person_id, key), i)
    return warnings
