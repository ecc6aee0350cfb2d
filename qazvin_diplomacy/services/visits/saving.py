"""Saving a visit from the form (validation, children, follow-ups, search key), its status and archive."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from qazvin_diplomacy.core.clock import to_local
from qazvin_diplomacy.core.errors import KnownError, NotFoundError, ValidationError
from qazvin_diplomacy.core.followups import FollowUpInput
from qazvin_diplomacy.core.text import compact_key, index_key, normalize
from qazvin_diplomacy.core.visits import (
    VISIT_TEXT_FIELDS,
    ChecklistState,
    ConflictsFound,
    GiftDirection,
    GuestRole,
    LogKind,
    VisitDetail,
    VisitInput,
    VisitStatus,
    as_utc,
    complete_checklist,
    conflict_key,
    held_too_early,
    needs_status_reason,
    transition_error,
    validate_visit,
)
from qazvin_diplomacy.services.confidential import flag_errors
from qazvin_diplomacy.services.followups import write_source_followups
from qazvin_diplomacy.services.records import check_version, get_row, set_archived, write
from qazvin_diplomacy.services.visits.conflicts import _find_conflicts
from qazvin_diplomacy.services.visits.records import SOURCE_KIND, WHAT, _detail, _load
from qazvin_diplomacy.storage.base import utcnow
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.storage.directory import Country, Person
from qazvin_diplomacy.storage.visits import (
    Visit,
    VisitChecklistItem,
    VisitGift,
    VisitGuest,
    VisitHost,
    VisitItineraryItem,
    VisitLogEntry,
)

#: The message when "held" is undone without a reason.
UNDO_REASON_REQUIRED = "برای لغو وضعیت «برگزارشده»، دلیل را بنویسید؛ در سابقهٔ دیدار می‌ماند."


def _check_people_exist(session: Session, visit: VisitInput) -> dict[str, str]:
    groups = {
        "guests": [g.person_id for g in visit.guests],
        "hosts": list(visit.hosts),
    }
    for i, item in enumerate(visit.itinerary):
        groups[f"itinerary.{i}.responsible_person_id"] = [item.responsible_person_id]
    for entry in visit.checklist:
        groups.setdefault("checklist", []).append(entry.owner_person_id)
    for i, gift in enumerate(visit.gifts):
        groups[f"gifts.{i}.person_id"] = [gift.person_id]
    for i, task in enumerate(visit.followups):
        groups[f"followups.{i}.owner_person_id"] = [task.owner_person_id]
    wanted = {pid for ids in groups.values() for pid in ids if pid is not None}
    known = (
        set(session.scalars(select(Person.id).where(Person.id.in_(wanted)))) if wanted else set()
    )
    errors: dict[str, str] = {}
    for name, ids in groups.items():
        if any(pid is not None and pid not in known for pid in ids):
            errors[name] = "شخص انتخاب‌شده در فهرست مخاطبان پیدا نشد."
    if visit.country_id is not None and session.get(Country, visit.country_id) is None:
        errors["country_id"] = "کشور انتخاب‌شده پیدا نشد."
    return errors


def _sync_links(
    session: Session,
    rows: list[Any],
    wanted: Sequence[tuple[int, dict[str, Any]]],
    factory: type[VisitGuest] | type[VisitHost],
) -> None:
    """Make link ``rows`` (keyed by person_id) match ``wanted`` [(person_id, values)]."""
    existing = {r.person_id: r for r in rows}
    keep = {pid for pid, _ in wanted}
    for row in list(rows):
        if row.person_id not in keep:
            rows.remove(row)
    session.flush()  # delete before insert: (visit_id, person_id) is unique
    for order, (pid, values) in enumerate(wanted):
        row = existing.get(pid)
        if row is None:
            row = factory(person_id=pid)
            rows.append(row)
        row.sort_order = order
        for name, value in values.items():
            setattr(row, name, value)


def _by_id(rows: Iterable[Any], ids: Iterable[int | None], what: str) -> dict[int, Any]:
    existing = {r.id: r for r in rows}
    for row_id in ids:
        if row_id is not None and row_id not in existing:
            raise _not_found(what, row_id)
    return existing


def _not_found(what: str, row_id: int) -> NotFoundError:
    return NotFoundError(
        f"{what} با شناسه {row_id} در این دیدار پیدا نشد؛ فرم را دوباره باز کنید.",
        f"No {what} with id {row_id} in this visit.",
    )


def _write_children(session: Session, row: Visit, visit: VisitInput, start: datetime) -> None:
    _sync_links(
        session,
        row.guests,
        [(g.person_id, {"role": GuestRole(g.role).value}) for g in visit.guests],
        VisitGuest,
    )
    _sync_links(session, row.hosts, [(pid, {}) for pid in visit.hosts], VisitHost)

    items = _by_id(row.itinerary, (i.id for i in visit.itinerary), "بند برنامه")
    kept_items = []
    for order, item in enumerate(visit.itinerary):
        target = items.get(item.id) if item.id is not None else None
        if target is None:
            target = VisitItineraryItem()
        assert item.start_at is not None and item.end_at is not None  # validated
        target.sort_order = order
        target.start_at = as_utc(item.start_at)
        target.end_at = as_utc(item.end_at)
        target.place = normalize(item.place)
        target.activity = normalize(item.activity)
        target.place_en = normalize(item.place_en)
        target.activity_en = normalize(item.activity_en)
        target.responsible_text = normalize(item.responsible_text)
        target.responsible_person_id = item.responsible_person_id
        target.transport = normalize(item.transport)
        target.interpreter = normalize(item.interpreter)
        target.notes = normalize(item.notes)
        kept_items.append(target)
    row.itinerary = kept_items

    states = {c.key: c for c in complete_checklist(visit.checklist)}
    checklist = {c.item_key: c for c in row.checklist}
    for key, entry in states.items():
        target_c = checklist.get(key.value)
        if target_c is None:
            target_c = VisitChecklistItem(item_key=key.value)
            row.checklist.append(target_c)
        target_c.state = ChecklistState(entry.state).value
        target_c.note = normalize(entry.note)
        target_c.owner_text = normalize(entry.owner_text)
        target_c.owner_person_id = entry.owner_person_id
        target_c.deadline = entry.deadline

    gifts = _by_id(row.gifts, (g.id for g in visit.gifts), "هدیه")
    kept_gifts = []
    first_day = to_local(start).date()
    for order, gift in enumerate(visit.gifts):
        target_g = gifts.get(gift.id) if gift.id is not None else None
        if target_g is None:
            target_g = VisitGift()
        target_g.sort_order = order
        target_g.direction = GiftDirection(gift.direction).value
        target_g.person_id = gift.person_id
        target_g.description = normalize(gift.description)
        target_g.description_key = compact_key(gift.description)
        target_g.gift_date = gift.gift_date or first_day
        target_g.notes = normalize(gift.notes)
        kept_gifts.append(target_g)
    row.gifts = kept_gifts


def _write_followups(session: Session, visit_id: int, followups: Sequence[FollowUpInput]) -> None:
    write_source_followups(
        session,
        followups,
        source_kind=SOURCE_KIND,
        source_id=visit_id,
        what="اقدام پیگیری",
        not_found=lambda task_id: _not_found("اقدام پیگیری", task_id),
    )


def visit_search_key(row: Visit, country: Country | None) -> str:
    """The stored search key of a visit (its own texts and its country's names)."""
    return index_key(
        row.title,
        row.title_en,
        row.purpose,
        row.venue,
        row.delegation_name,
        row.reference_number,
        country.name_fa if country else "",
        country.name_en if country else "",
        row.outcome,
    )


def _search_key(session: Session, row: Visit) -> str:
    country = session.get(Country, row.country_id) if row.country_id is not None else None
    return visit_search_key(row, country)


def _guest_country(session: Session, visit: VisitInput) -> int | None:
    if visit.country_id is not None or not visit.guests:
        return visit.country_id
    ids = [g.person_id for g in visit.guests]
    rows = session.execute(select(Person.id, Person.country_id).where(Person.id.in_(ids)))
    countries = {pid: cid for pid, cid in rows}
    return next((countries[i] for i in ids if countries.get(i) is not None), None)


def _log(row: Visit, kind: LogKind, old: str, new: str, reason: str = "") -> None:
    row.log.append(
        VisitLogEntry(at=utcnow(), kind=kind.value, old_value=old, new_value=new, reason=reason)
    )


def _status_move(
    row: Visit | None,
    new: VisitStatus,
    start: datetime,
    reason: str,
    now: datetime | None,
) -> str | None:
    """The Persian refusal of moving ``row`` (None: a new visit) to ``new``, else None."""
    old = VisitStatus(row.status) if row is not None else None
    if old is not None:
        message = transition_error(old, new)
        if message:
            return message
    early = held_too_early(old, new, start, now or utcnow())
    if early:
        return early
    if needs_status_reason(old, new) and not reason:
        return UNDO_REASON_REQUIRED
    return None


def _record_status(row: Visit, new: VisitStatus, reason: str) -> None:
    """Set the status; an undone "held" goes into the visit's history with its reason."""
    old = VisitStatus(row.status)
    if needs_status_reason(old, new):
        _log(row, LogKind.STATUS_UNDONE, old.value, new.value, reason)
    row.status = new.value


def save_visit(
    db: Database,
    *,
    visit: VisitInput,
    conflict_reason: str | None = None,
    status_reason: str = "",
    now: datetime | None = None,
) -> VisitDetail:
    """Validate and write the whole visit form in one transaction; return it as stored.

    Raises ``ValidationError`` ({field: Persian message}) for missing or inconsistent input
    or a status move the workflow refuses ("held" before the start, ``now`` by default the
    clock's; "held" undone without a ``status_reason``), ``ConflictsFound`` when something
    clashes (see ``find_conflicts``) and no ``conflict_reason`` is given for this clash: a
    reason stored for the same clash is kept without asking; a changed clash is asked again
    with the stored reason as ``previous_reason``.  A replaced or dropped reason stays in the
    visit's history (``VisitDetail.log``), as does an undone "held" with its reason.
    ``StaleRecordError`` when the visit or one of its follow-ups changed since it was read
    (``version``), ``NotFoundError`` for an unknown id.  Nothing is written when any of these
    is raised.
    """
    errors = validate_visit(visit) | flag_errors(visit.confidential)
    if errors:
        raise ValidationError(errors)
    assert visit.start_at is not None and visit.end_at is not None
    start, end = as_utc(visit.start_at), as_utc(visit.end_at)
    reason = normalize(conflict_reason)
    with write(db) as session:
        if visit.id is None:
            row = Visit(title="", start_at=start, end_at=end, status=VisitStatus.REQUESTED.value)
            message = _status_move(None, VisitStatus(visit.status), start, "", now)
        else:
            row = _load(session, visit.id)
            check_version(row, visit.version, WHAT)
            if row.archived_at is not None:
                raise KnownError(
                    "این دیدار بایگانی شده است؛ برای ویرایش، ابتدا آن را از بایگانی بازیابی کنید.",
                    "This visit is archived; restore it before editing.",
                )
            message = _status_move(
                row, VisitStatus(visit.status), start, normalize(status_reason), now
            )
        if message:
            errors["status"] = message
        errors.update(_check_people_exist(session, visit))
        if errors:
            raise ValidationError(errors)
        conflicts = _find_conflicts(session, visit)
        key = conflict_key(conflicts)
        stored = row.conflict_reason or "" if visit.id is not None else ""
        if conflicts and not reason:
            if stored and row.conflict_key == key:
                reason = stored  # the same clash: the reason given for it is kept
            else:
                raise ConflictsFound(conflicts, previous_reason=stored)
        if stored and stored != (reason if conflicts else ""):
            _log(row, LogKind.CONFLICT_REASON, stored, reason if conflicts else "")
        for name in VISIT_TEXT_FIELDS:
            setattr(row, name, normalize(getattr(visit, name)))
        if visit.id is None:
            row.status = VisitStatus(visit.status).value
        else:
            _record_status(row, VisitStatus(visit.status), normalize(status_reason))
        row.start_at = start
        row.end_at = end
        row.venue_key = compact_key(visit.venue)
        row.country_id = _guest_country(session, visit)
        row.confidential = visit.confidential
        row.conflict_reason = reason if conflicts else ""
        row.conflict_key = key
        row.search_key = _search_key(session, row)
        # Touch the visit so its version moves even when only child rows changed.
        row.updated_at = utcnow()
        if visit.id is None:
            session.add(row)
            session.flush()
        _write_children(session, row, visit, start)
        _write_followups(session, row.id, visit.followups)
        session.flush()
        session.expire(row)
        return _detail(session, _load(session, row.id))


def change_status(
    db: Database,
    *,
    visit_id: int,
    version: int | None,
    status: VisitStatus,
    reason: str = "",
    now: datetime | None = None,
) -> VisitDetail:
    """Move a visit to ``status`` if the workflow allows it (``ValidationError`` on "status").

    "Held" is refused before the visit's start (``now``: the clock's); undoing "held" needs
    a ``reason``, kept in the visit's history.
    """
    with write(db) as session:
        row = _load(session, visit_id)
        check_version(row, version, WHAT)
        message = _status_move(row, VisitStatus(status), row.start_at, normalize(reason), now)
        if message:
            raise ValidationError({"status": message})
        if row.status != VisitStatus(status).value:
            _record_status(row, VisitStatus(status), normalize(reason))
            row.updated_at = utcnow()
            session.flush()
        session.expire(row)
        return _detail(session, _load(session, row.id))


def archive_visit(db: Database, *, visit_id: int, version: int | None) -> None:
    """Archive (delete for users) a visit; it stays restorable from the archive view."""
    with write(db) as session:
        set_archived(session, get_row(session, Visit, visit_id, WHAT), version, True, WHAT)


def restore_visit(db: Database, *, visit_id: int, version: int | None) -> None:
    """Bring an archived visit back into lists and calendars."""
    with write(db) as session:
        set_archived(session, get_row(session, Visit, visit_id, WHAT), version, False, WHAT)
