"""Check-in at the door: finding a guest as typed and marking them present."""

from __future__ import annotations

from datetime import UTC, datetime

from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.events import EventStatus, GuestView
from qazvin_diplomacy.services.events.guests import (
    _guest_query,
    _guest_row,
    _guest_view,
    _one_guest,
)
from qazvin_diplomacy.services.filters import text_condition
from qazvin_diplomacy.services.records import write
from qazvin_diplomacy.storage.base import utcnow
from qazvin_diplomacy.storage.database import PERSIAN_COLLATION, Database
from qazvin_diplomacy.storage.directory import Person
from qazvin_diplomacy.storage.events import Event, EventGuest


def checkin_search(db: Database, *, event_id: int, text: str, limit: int = 20) -> list[GuestView]:
    """Guests whose name or title contains every typed word (Persian or Latin, variants ignored).

    Not yet checked-in guests come first, then by Persian name.  Empty text gives nothing.
    """
    if not text.strip():
        return []
    query = (
        _guest_query()
        .where(
            EventGuest.event_id == event_id,
            text_condition(Person.search_key, text),  # type: ignore[arg-type]
        )
        .order_by(EventGuest.attended, Person.name_fa.collate(PERSIAN_COLLATION), EventGuest.id)
        .limit(max(limit, 0))
    )
    with db.read_session() as session:
        return [_guest_view(r) for r in session.execute(query)]


def mark_attended(
    db: Database, *, guest_id: int, attended: bool = True, at: datetime | None = None
) -> GuestView:
    """Check a guest in (``at`` defaults to now) or undo a check-in made by mistake."""
    if at is not None and at.tzinfo is None:
        raise ValueError("check-in time must be timezone-aware")
    with write(db) as session:
        row = _guest_row(session, guest_id)
        event = session.get(Event, row.event_id)
        if event is not None and event.status == EventStatus.CANCELLED.value:
            raise KnownError(
                "این رویداد لغو شده است و پذیرش مهمان ثبت نمی‌شود.",
                "The event is cancelled; check-in is not recorded.",
            )
        row.attended = attended
        row.checked_in_at = (at.astimezone(UTC) if at else utcnow()) if attended else None
        session.flush()
        return _one_guest(session, guest_id)
