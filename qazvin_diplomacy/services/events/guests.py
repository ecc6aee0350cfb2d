"""Guests of an event: the guest list, precedence, invitations and replies."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import Select, select, update
from sqlalchemy.orm import Session

from qazvin_diplomacy.core.clock import to_local
from qazvin_diplomacy.core.directory import DiplomaticRank
from qazvin_diplomacy.core.errors import NotFoundError, ValidationError
from qazvin_diplomacy.core.events import (
    GuestInput,
    GuestList,
    GuestView,
    InvitationChannel,
    InviteCriteria,
    InviteResult,
    Rsvp,
    SkippedPerson,
    validate_guest,
)
from qazvin_diplomacy.core.precedence import (
    PrecedenceCandidate,
    PrecedenceResult,
    order_of_precedence,
)
from qazvin_diplomacy.core.text import normalize
from qazvin_diplomacy.services.directory import person_names
from qazvin_diplomacy.services.events.records import _HEAD_RANKS, WHAT_GUEST, _fa, _load, _load_open
from qazvin_diplomacy.services.filters import text_condition
from qazvin_diplomacy.services.rank_table import rank_table_in
from qazvin_diplomacy.services.records import check_version, write
from qazvin_diplomacy.storage.database import PERSIAN_COLLATION, Database
from qazvin_diplomacy.storage.directory import Country, Organization, Person
from qazvin_diplomacy.storage.events import EventGuest


def _guest_query() -> Select[Any]:
    return (
        select(
            EventGuest,
            Person,
            Organization.name_fa,
            Organization.name_en,
            Country.iso2,
            Country.name_fa,
            Country.name_en,
        )
        .join(Person, Person.id == EventGuest.person_id)
        .outerjoin(Organization, Organization.id == Person.organization_id)
        .outerjoin(Country, Country.id == Person.country_id)
    )


def _guest_view(r: Any) -> GuestView:
    g: EventGuest = r[0]
    p: Person = r[1]
    return GuestView(
        id=g.id,
        version=g.version,
        event_id=g.event_id,
        person_id=g.person_id,
        companions=g.companions,
        invitation_sent_on=g.invitation_sent_on,
        invitation_channel=InvitationChannel(g.invitation_channel)
        if g.invitation_channel
        else None,
        rsvp=Rsvp(g.rsvp),
        rsvp_on=g.rsvp_on,
        interpreter_for_person_id=g.interpreter_for_person_id,
        remarks=g.remarks,
        **person_names(p),
        organization_name_fa=r[2] or "",
        organization_name_en=r[3] or "",
        country_id=p.country_id,
        country_iso2=r[4] or "",
        country_name_fa=r[5] or "",
        country_name_en=r[6] or "",
        diplomatic_rank=p.diplomatic_rank,
        functions_started_at=to_local(p.functions_started_at) if p.functions_started_at else None,
        attended=g.attended,
        checked_in_at=to_local(g.checked_in_at) if g.checked_in_at else None,
        table_no=g.table_no,
        seat_no=g.seat_no,
        seat_behind=g.seat_behind,
        seat_manual=g.seat_manual,
        manual_precedence=g.manual_precedence,
    )


def _guests(session: Session, event_id: int, *conditions: Any) -> list[GuestView]:
    query = (
        _guest_query()
        .where(EventGuest.event_id == event_id, *conditions)
        .order_by(Person.name_fa.collate(PERSIAN_COLLATION), EventGuest.id)
    )
    return [_guest_view(r) for r in session.execute(query)]


def _one_guest(session: Session, guest_id: int) -> GuestView:
    row = session.execute(_guest_query().where(EventGuest.id == guest_id)).first()
    if row is None:
        raise NotFoundError(
            f"دعوت با شناسه {_fa(guest_id)} پیدا نشد.", f"No guest with id {guest_id}."
        )
    return _guest_view(row)


def get_guest(db: Database, guest_id: int) -> GuestView:
    """One invitation by id."""
    with db.read_session() as session:
        return _one_guest(session, guest_id)


def list_guests(
    db: Database, *, event_id: int, text: str = "", rsvp: Rsvp | None = None
) -> list[GuestView]:
    """Guests of an event by Persian name, optionally filtered by name text and reply (in SQL)."""
    conditions: list[Any] = []
    if text.strip():
        conditions.append(text_condition(Person.search_key, text))  # type: ignore[arg-type]
    if rsvp is not None:
        conditions.append(EventGuest.rsvp == Rsvp(rsvp).value)
    with db.read_session() as session:
        _load(session, event_id)
        return _guests(session, event_id, *conditions)


def _rank(guests: Sequence[GuestView], rank_table: Mapping[str, int] | None) -> PrecedenceResult:
    candidates = [
        PrecedenceCandidate(
            key=g.person_id,
            name=g.name_fa or g.name_en,
            name_en=g.name_en or g.name_fa,
            diplomatic_rank=g.diplomatic_rank,
            functions_started_at=g.functions_started_at,
            title_fa=g.title_fa,
            title_en=g.title_en,
        )
        for g in guests
    ]
    override = [
        g.person_id
        for g in sorted(
            (g for g in guests if g.manual_precedence is not None),
            key=lambda g: g.manual_precedence,  # type: ignore[arg-type, return-value]
        )
    ]
    return order_of_precedence(candidates, table=rank_table, override=override)


def _precedence_list(
    session: Session,
    event_id: int,
    rank_table: Mapping[str, int] | None,
    *conditions: Any,
) -> GuestList:
    guests = _guests(session, event_id, *conditions)
    if rank_table is None:
        rank_table = rank_table_in(session)
    result = _rank(guests, rank_table)
    by_person = {g.person_id: g for g in guests}
    ordered = [
        replace(
            by_person[e.key],
            position=e.position,
            precedence_group=e.group,
            precedence_note=e.reason_fa,
            precedence_note_en=e.reason_en,
            flagged=e.flagged,
        )
        for e in result.entries
    ]
    return GuestList(event_id=event_id, guests=tuple(ordered), flags=result.flags)


def precedence_list(
    db: Database,
    *,
    event_id: int,
    rank_table: Mapping[str, int] | None = None,
    rsvp: Rsvp | None = None,
    attended_only: bool = False,
) -> GuestList:
    """Guests in order of precedence, each with position, group and reason, plus the flags.

    ``rsvp``/``attended_only`` narrow the list (the receiving line: ``rsvp=Rsvp.YES``).
    """
    conditions: list[Any] = []
    if rsvp is not None:
        conditions.append(EventGuest.rsvp == Rsvp(rsvp).value)
    if attended_only:
        conditions.append(EventGuest.attended.is_(True))
    with db.read_session() as session:
        _load(session, event_id)
        return _precedence_list(session, event_id, rank_table, *conditions)


def set_precedence_override(db: Database, *, event_id: int, person_ids: Sequence[int]) -> GuestList:
    """Keep a manual order for ``person_ids`` (a human's decision on ties and missing dates).

    The people keep the positions the rules gave them as a group, in this order; other guests'
    manual positions are cleared.  Unknown people raise ``ValidationError``.
    """
    ids = list(dict.fromkeys(person_ids))
    with write(db) as session:
        _load_open(session, event_id)
        guests = {
            g.person_id: g
            for g in session.scalars(select(EventGuest).where(EventGuest.event_id == event_id))
        }
        missing = [pid for pid in ids if pid not in guests]
        if missing:
            raise ValidationError(
                {"person_id": "فقط مهمانان همین رویداد را می‌توان در ترتیب دستی آورد."}
            )
        for g in guests.values():
            g.manual_precedence = None
        session.flush()
        for i, pid in enumerate(ids):
            guests[pid].manual_precedence = i
        session.flush()
        return _precedence_list(session, event_id, None)


def clear_precedence_override(db: Database, *, event_id: int) -> None:
    """Forget the manual order: the rules decide again (flags reappear)."""
    with write(db) as session:
        _load_open(session, event_id)
        session.execute(
            update(EventGuest)
            .where(EventGuest.event_id == event_id)
            .values(manual_precedence=None)
            .execution_options(synchronize_session=False)
        )


# --- invitations -----------------------------------------------------------------------


def _people_names(session: Session, ids: Iterable[int]) -> dict[int, tuple[str, bool]]:
    wanted = list(set(ids))
    if not wanted:
        return {}
    rows = session.execute(
        select(Person.id, Person.name_fa, Person.archived_at).where(Person.id.in_(wanted))
    )
    return {r[0]: (r[1], r[2] is not None) for r in rows}


def _already_invited(session: Session, event_id: int, ids: Sequence[int]) -> set[int]:
    if not ids:
        return set()
    return set(
        session.scalars(
            select(EventGuest.person_id).where(
                EventGuest.event_id == event_id, EventGuest.person_id.in_(list(ids))
            )
        )
    )


def _invite_rows(
    session: Session,
    event_id: int,
    person_ids: Sequence[int],
    sent_on: date | None,
    channel: InvitationChannel | None,
) -> tuple[list[int], list[SkippedPerson]]:
    """Add invitations for ``person_ids`` not yet invited; return (new guest ids, skipped)."""
    ids = list(dict.fromkeys(person_ids))
    names = _people_names(session, ids)
    unknown = [pid for pid in ids if pid not in names]
    if unknown:
        raise ValidationError(
            {"person_id": "شخص انتخاب‌شده در فهرست مخاطبان پیدا نشد."},
            f"Unknown people: {unknown}",
        )
    invited = _already_invited(session, event_id, ids)
    skipped: list[SkippedPerson] = []
    rows = []
    for pid in ids:
        name, archived = names[pid]
        if pid in invited:
            skipped.append(SkippedPerson(pid, name, f"«{name}» پیش‌تر به این رویداد دعوت شده است."))
        elif archived:
            skipped.append(SkippedPerson(pid, name, f"«{name}» بایگانی شده است و دعوت نشد."))
        else:
            row = EventGuest(
                event_id=event_id,
                person_id=pid,
                companions=0,
                rsvp=Rsvp.NO_REPLY.value,
                invitation_sent_on=sent_on,
                invitation_channel=InvitationChannel(channel).value if channel else None,
                remarks="",
            )
            session.add(row)
            rows.append(row)
    session.flush()
    return [r.id for r in rows], skipped


def _result(
    session: Session, guest_ids: Sequence[int], skipped: list[SkippedPerson]
) -> InviteResult:
    views = []
    if guest_ids:
        query = (
            _guest_query()
            .where(EventGuest.id.in_(list(guest_ids)))
            .order_by(Person.name_fa.collate(PERSIAN_COLLATION))
        )
        views = [_guest_view(r) for r in session.execute(query)]
    return InviteResult(invited=tuple(views), skipped=tuple(skipped))


def invite_guest(db: Database, *, event_id: int, guest: GuestInput) -> GuestView:
    """Invite one person with the invitation's details.

    Raises ``ValidationError`` on ``person_id`` when the person is already invited (Persian:
    «… پیش‌تر به این رویداد دعوت شده است») or is archived, and for bad fields.
    """
    errors = validate_guest(guest)
    if errors:
        raise ValidationError(errors)
    with write(db) as session:
        _load_open(session, event_id)
        ids, skipped = _invite_rows(session, event_id, [guest.person_id], None, None)
        if skipped:
            raise ValidationError({"person_id": skipped[0].reason_fa})
        row = session.get(EventGuest, ids[0])
        assert row is not None
        _apply_guest(session, row, guest)
        session.flush()
        return _one_guest(session, row.id)


def invite_people(
    db: Database,
    *,
    event_id: int,
    person_ids: Sequence[int],
    sent_on: date | None = None,
    channel: InvitationChannel | None = None,
) -> InviteResult:
    """Invite several people; those already invited (or archived) are skipped and reported."""
    with write(db) as session:
        _load_open(session, event_id)
        ids, skipped = _invite_rows(session, event_id, person_ids, sent_on, channel)
        return _result(session, ids, skipped)


def _criteria_query(criteria: InviteCriteria) -> Select[Any]:
    query = select(Person.id).where(Person.archived_at.is_(None))
    if criteria.heads_of_mission:
        ranks = list(_HEAD_RANKS)
        if criteria.include_ad_interim:
            ranks.append(DiplomaticRank.CHARGE_AD_INTERIM.value)
        query = query.where(Person.diplomatic_rank.in_(ranks))
    if criteria.region:
        query = query.where(
            Person.country_id.in_(select(Country.id).where(Country.region == criteria.region))
        )
    if criteria.country_id is not None:
        query = query.where(Person.country_id == criteria.country_id)
    if criteria.organization_kind:
        query = query.where(
            Person.organization_id.in_(
                select(Organization.id).where(Organization.kind == criteria.organization_kind)
            )
        )
    return query.order_by(Person.name_fa.collate(PERSIAN_COLLATION), Person.id)


def _check_criteria(criteria: InviteCriteria) -> None:
    if criteria.empty:
        raise ValidationError(
            {"criteria": "دست‌کم یک شرط (سران نمایندگی، منطقه، کشور یا نوع سازمان) را انتخاب کنید."}
        )


def matching_people(db: Database, *, criteria: InviteCriteria) -> list[int]:
    """Ids of the people ``invite_by_filter`` would consider (for a preview), by Persian name."""
    _check_criteria(criteria)
    with db.read_session() as session:
        return list(session.scalars(_criteria_query(criteria)))


def invite_by_filter(
    db: Database,
    *,
    event_id: int,
    criteria: InviteCriteria,
    sent_on: date | None = None,
    channel: InvitationChannel | None = None,
) -> InviteResult:
    """Invite everyone in the directory matching ``criteria``; already invited people are skipped and reported."""
    _check_criteria(criteria)
    with write(db) as session:
        _load_open(session, event_id)
        ids = list(session.scalars(_criteria_query(criteria)))
        new_ids, skipped = _invite_rows(session, event_id, ids, sent_on, channel)
        return _result(session, new_ids, skipped)


def _apply_guest(session: Session, row: EventGuest, guest: GuestInput) -> None:
    if guest.interpreter_for_person_id is not None:
        principal = session.scalar(
            select(EventGuest.id).where(
                EventGuest.event_id == row.event_id,
                EventGuest.person_id == guest.interpreter_for_person_id,
            )
        )
        if principal is None:
            raise ValidationError(
                {
                    "interpreter_for_person_id": "مهمانی که مترجم همراه اوست به این رویداد دعوت نشده است."
                }
            )
    row.companions = guest.companions
    row.invitation_sent_on = guest.invitation_sent_on
    row.invitation_channel = (
        InvitationChannel(guest.invitation_channel).value if guest.invitation_channel else None
    )
    row.rsvp = Rsvp(guest.rsvp).value
    row.rsvp_on = guest.rsvp_on
    row.interpreter_for_person_id = guest.interpreter_for_person_id
    row.remarks = normalize(guest.remarks)


def _guest_row(session: Session, guest_id: int) -> EventGuest:
    row = session.get(EventGuest, guest_id)
    if row is None:
        raise NotFoundError(
            f"دعوت با شناسه {_fa(guest_id)} پیدا نشد.", f"No guest with id {guest_id}."
        )
    return row


def update_guest(db: Database, *, guest: GuestInput) -> GuestView:
    """Save the editable fields of an invitation (``guest.id`` required; ``person_id`` cannot change)."""
    if guest.id is None:
        raise ValueError("update_guest needs guest.id; use invite_guest for a new invitation")
    errors = validate_guest(guest)
    if errors:
        raise ValidationError(errors)
    with write(db) as session:
        row = _guest_row(session, guest.id)
        check_version(row, guest.version, WHAT_GUEST)
        if row.person_id != guest.person_id:
            raise ValidationError(
                {"person_id": "شخص دعوت‌شده را نمی‌توان تغییر داد؛ دعوت تازه‌ای بسازید."}
            )
        _apply_guest(session, row, guest)
        session.flush()
        return _one_guest(session, row.id)


def record_invitations_sent(
    db: Database,
    *,
    event_id: int,
    guest_ids: Sequence[int] | None = None,
    sent_on: date,
    channel: InvitationChannel,
) -> int:
    """Mark invitations as sent on ``sent_on`` by ``channel`` (all of the event's when ``guest_ids`` is None)."""
    with write(db) as session:
        _load_open(session, event_id)
        conditions = [EventGuest.event_id == event_id]
        if guest_ids is not None:
            conditions.append(EventGuest.id.in_(list(guest_ids)))
        rows = session.scalars(select(EventGuest).where(*conditions)).all()
        for row in rows:
            row.invitation_sent_on = sent_on
            row.invitation_channel = InvitationChannel(channel).value
        return len(rows)


def record_rsvp(
    db: Database,
    *,
    guest_id: int,
    rsvp: Rsvp,
    rsvp_on: date | None = None,
    companions: int | None = None,
    version: int | None = None,
) -> GuestView:
    """Record a guest's reply (and, optionally, how many companions come); ``no_reply`` clears the date."""
    with write(db) as session:
        row = _guest_row(session, guest_id)
        check_version(row, version, WHAT_GUEST)
        view = _one_guest(session, guest_id)
        new = replace(
            view,
            rsvp=Rsvp(rsvp),
            rsvp_on=None if Rsvp(rsvp) is Rsvp.NO_REPLY else rsvp_on,
            companions=view.companions if companions is None else companions,
        )
        errors = validate_guest(new)
        if errors:
            raise ValidationError(errors)
        row.rsvp = new.rsvp.value
        row.rsvp_on = new.rsvp_on
        row.companions = new.companions
        session.flush()
        return _one_guest(session, guest_id)


def remove_guest(db: Database, *, guest_id: int, version: int | None = None) -> None:
    """Withdraw an invitation (and the guest's seat)."""
    with write(db) as session:
        row = _guest_row(session, guest_id)
        check_version(row, version, WHAT_GUEST)
        session.delete(row)
