"""One visit read whole (guests, hosts, itinerary, checklist, gifts, follow-ups), and what every visits module shares."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, select
from sqlalchemy.orm import Session, selectinload

from qazvin_diplomacy.core.clock import to_local
from qazvin_diplomacy.core.errors import NotFoundError
from qazvin_diplomacy.core.followups import FollowUpView
from qazvin_diplomacy.core.visits import (
    MAX_VISIT_DAYS,
    VISIT_TEXT_FIELDS,
    ChecklistEntry,
    ChecklistItem,
    ChecklistState,
    GiftDirection,
    GiftEntry,
    GuestEntry,
    GuestRole,
    ItineraryEntry,
    LogKind,
    PersonRef,
    VisitDetail,
    VisitLogItem,
    VisitStatus,
    complete_checklist,
)
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.storage.directory import Person
from qazvin_diplomacy.storage.followups import FollowUpTask
from qazvin_diplomacy.storage.visits import Visit

WHAT = "دیدار"
SOURCE_KIND = "visit"
# Visits are at most MAX_VISIT_DAYS long (validated), so a visit overlapping a range starts
# at most that long before it: the bound lets range queries use the start_at indexes.
_LONGEST = timedelta(days=MAX_VISIT_DAYS + 1)
_CHECKLIST_KEYS = frozenset(k.value for k in ChecklistItem)


def _local(dt: datetime) -> datetime:
    return to_local(dt)


def _overlapping(lower: datetime, upper: datetime) -> ColumnElement[bool]:
    """Visits sharing a moment with ``[lower, upper)`` (UTC)."""
    return and_(Visit.start_at < upper, Visit.end_at > lower, Visit.start_at > lower - _LONGEST)


#: The columns of a ``PersonRef``, in its order.
PERSON_REF_COLUMNS = (
    Person.id,
    Person.name_fa,
    Person.name_en,
    Person.title_fa,
    Person.title_en,
    Person.country_id,
)


def _people_refs(session: Session, ids: Iterable[int | None]) -> tuple[PersonRef, ...]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return ()
    rows = session.execute(select(*PERSON_REF_COLUMNS).where(Person.id.in_(wanted)))
    return tuple(PersonRef(*r) for r in rows)


def _followup_view(task: FollowUpTask, people: dict[int, PersonRef]) -> FollowUpView:
    owner = people.get(task.owner_person_id) if task.owner_person_id is not None else None
    return FollowUpView(
        id=task.id,
        version=task.version,
        title=task.title,
        source_kind=task.source_kind,
        source_id=task.source_id,
        owner_person_id=task.owner_person_id,
        owner_text=task.owner_text,
        deadline=task.deadline,
        status=task.status,
        notes=task.notes,
        owner_name_fa=owner.name_fa if owner else task.owner_text,
    )


def _detail(session: Session, row: Visit) -> VisitDetail:
    tasks = session.scalars(
        select(FollowUpTask)
        .where(
            FollowUpTask.source_kind == SOURCE_KIND,
            FollowUpTask.source_id == row.id,
            FollowUpTask.archived_at.is_(None),
        )
        .order_by(FollowUpTask.deadline.is_(None), FollowUpTask.deadline, FollowUpTask.id)
    ).all()
    people = _people_refs(
        session,
        [g.person_id for g in row.guests]
        + [h.person_id for h in row.hosts]
        + [i.responsible_person_id for i in row.itinerary]
        + [c.owner_person_id for c in row.checklist]
        + [g.person_id for g in row.gifts]
        + [t.owner_person_id for t in tasks],
    )
    by_id = {p.id: p for p in people}
    return VisitDetail(
        id=row.id,
        version=row.version,
        **{name: getattr(row, name) for name in VISIT_TEXT_FIELDS},
        start_at=_local(row.start_at),
        end_at=_local(row.end_at),
        status=VisitStatus(row.status),
        country_id=row.country_id,
        confidential=row.confidential,
        guests=tuple(GuestEntry(g.person_id, GuestRole(g.role)) for g in row.guests),
        hosts=tuple(h.person_id for h in row.hosts),
        itinerary=tuple(
            ItineraryEntry(
                start_at=_local(i.start_at),
                end_at=_local(i.end_at),
                activity=i.activity,
                place=i.place,
                activity_en=i.activity_en,
                place_en=i.place_en,
                responsible_text=i.responsible_text,
                responsible_person_id=i.responsible_person_id,
                transport=i.transport,
                interpreter=i.interpreter,
                notes=i.notes,
                id=i.id,
            )
            for i in row.itinerary
        ),
        checklist=complete_checklist(
            ChecklistEntry(
                ChecklistItem(c.item_key),
                ChecklistState(c.state),
                c.note,
                c.owner_text,
                c.owner_person_id,
                c.deadline,
            )
            for c in row.checklist
            if c.item_key in _CHECKLIST_KEYS
        ),
        gifts=tuple(
            GiftEntry(
                direction=GiftDirection(g.direction),
                description=g.description,
                person_id=g.person_id,
                gift_date=g.gift_date,
                notes=g.notes,
                id=g.id,
            )
            for g in row.gifts
        ),
        followups=tuple(_followup_view(t, by_id) for t in tasks),
        conflict_reason=row.conflict_reason,
        log=tuple(
            VisitLogItem(LogKind(e.kind), to_local(e.at), e.old_value, e.new_value, e.reason)
            for e in row.log
        ),
        country_name_fa=row.country.name_fa if row.country else "",
        country_name_en=row.country.name_en if row.country else "",
        archived_at=_local(row.archived_at) if row.archived_at else None,
        created_at=_local(row.created_at),
        updated_at=_local(row.updated_at),
        people=people,
    )


def _load(session: Session, visit_id: int) -> Visit:
    row = session.scalar(
        select(Visit)
        .where(Visit.id == visit_id)
        .options(
            selectinload(Visit.guests),
            selectinload(Visit.hosts),
            selectinload(Visit.itinerary),
            selectinload(Visit.checklist),
            selectinload(Visit.gifts),
            selectinload(Visit.log),
        )
    )
    if row is None:
        raise NotFoundError(f"دیدار با شناسه {visit_id} پیدا نشد.", f"No visit with id {visit_id}.")
    return row


def get_visit(db: Database, visit_id: int) -> VisitDetail:
    """The whole visit (archived ones too: see ``VisitDetail.archived``)."""
    with db.read_session() as session:
        return _detail(session, _load(session, visit_id))
