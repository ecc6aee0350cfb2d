"""The audit trail: verify its hash chain, list and filter its entries, a record's trail.

The entries themselves are written by ``storage.audit`` for every write through a session;
who wrote is ``core.actor.current_actor()`` (the OS login until the application has users).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import replace

from sqlalchemy import Select, func, or_, select

from qazvin_diplomacy.core.audit import AuditFilter, AuditRecord, ChainCheck
from qazvin_diplomacy.core.clock import from_local
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.text import normalize, to_persian_digits
from qazvin_diplomacy.storage.audit import AuditEntry, verify_chain
from qazvin_diplomacy.storage.confidential import visible_audit_entry
from qazvin_diplomacy.storage.database import Database

__all__ = [
    "audit_actors",
    "audit_entities",
    "change_marker",
    "count_audit_entries",
    "iter_audit_entries",
    "last_change",
    "list_audit_entries",
    "record_trail",
    "require_intact",
    "verify_audit_trail",
]


#: The orders the audit list offers: key → column (ties broken by time).
SORT_KEYS = {
    "time": AuditEntry.id,
    "actor": AuditEntry.actor,
    "desk": AuditEntry.desk,
    "entity": AuditEntry.entity,
    "action": AuditEntry.action,
}


def verify_audit_trail(db: Database, *, expect: tuple[int, str] | None = None) -> ChainCheck:
    """Walk the whole chain; the first entry that does not verify is named in the result.

    An intact chain is then compared with the head this desk witnessed
    (``services.audit_seal``: entries cut off the end are reported) and, with ``expect``
    (entry, hash prefix), with a head kept on paper."""
    from qazvin_diplomacy.services.audit_seal import Head, check_expected, check_witness

    with db.read_session() as session:
        result = verify_chain(session)
    if result.broken is not None:
        return result
    head = Head(result.entries, result.last_hash) if result.entries else None
    broken = check_witness(db, head)
    if broken is None and expect is not None:
        broken = check_expected(db, *expect)
    return replace(result, broken=broken) if broken is not None else result


def require_intact(db: Database, *, expect: tuple[int, str] | None = None) -> ChainCheck:
    """``verify_audit_trail``, raising ``KnownError`` (Persian — English) when it is broken."""
    result = verify_audit_trail(db, expect=expect)
    if result.broken is not None:
        b = result.broken
        raise KnownError(
            f"زنجیرهٔ سابقهٔ تغییرات در مدخل {to_persian_digits(b.entry_id)} شکسته است: {b.reason_fa}.",
            f"The audit trail is broken at entry {b.entry_id}: {b.reason_en}.",
        )
    return result


def _record(row: AuditEntry) -> AuditRecord:
    try:
        changes = json.loads(row.changes)
    except ValueError:
        changes = {"?": row.changes}
    return AuditRecord(
        row.id,
        row.recorded_at,
        row.actor,
        row.desk,
        row.action,
        row.entity,
        row.entity_id,
        changes if isinstance(changes, dict) else {"?": changes},
    )


def _filtered(stmt: Select, filters: AuditFilter | None) -> Select:  # type: ignore[type-arg]
    f = filters or AuditFilter()
    visible = visible_audit_entry()  # the entries of confidential records: cleared users only
    if visible is not None:
        stmt = stmt.where(visible)
    if f.date_from is not None:
        stmt = stmt.where(
            AuditEntry.recorded_at >= from_local(dt.datetime.combine(f.date_from, dt.time()))
        )
    if f.date_to is not None:
        end = dt.datetime.combine(f.date_to + dt.timedelta(days=1), dt.time())
        stmt = stmt.where(AuditEntry.recorded_at < from_local(end))
    if f.actor:
        stmt = stmt.where(AuditEntry.actor == f.actor)
    if f.entity:
        stmt = stmt.where(AuditEntry.entity == f.entity)
    if f.entity_id:
        stmt = stmt.where(AuditEntry.entity_id == f.entity_id)
    text = normalize(f.text)
    if text:
        stmt = stmt.where(
            or_(
                AuditEntry.changes.contains(text, autoescape=True),
                AuditEntry.entity.contains(text, autoescape=True),
                AuditEntry.actor.contains(text, autoescape=True),
                AuditEntry.desk.contains(text, autoescape=True),
                AuditEntry.entity_id == text,
            )
        )
    return stmt


def count_audit_entries(db: Database, *, filters: AuditFilter | None = None) -> int:
    """How many entries ``filters`` select."""
    with db.read_session() as session:
        return int(session.scalar(_filtered(select(func.count(AuditEntry.id)), filters)) or 0)


def list_audit_entries(
    db: Database,
    *,
    filters: AuditFilter | None = None,
    offset: int = 0,
    limit: int | None = 200,
    sort: str = "time",
    descending: bool = True,
) -> list[AuditRecord]:
    """One page of the entries ``filters`` select, by ``sort`` (a ``SORT_KEYS`` key, then
    time), newest first unless not ``descending``."""
    column = SORT_KEYS.get(sort, AuditEntry.id)
    order = [column.desc() if descending else column.asc()]
    if column is not AuditEntry.id:
        order.append(AuditEntry.id.desc() if descending else AuditEntry.id.asc())
    stmt = _filtered(select(AuditEntry), filters).order_by(*order).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    with db.read_session() as session:
        return [_record(row) for row in session.scalars(stmt)]


def iter_audit_entries(
    db: Database, *, filters: AuditFilter | None = None, batch: int = 2000
) -> Iterator[AuditRecord]:
    """Every entry ``filters`` select, oldest first, read a batch at a time (reports)."""
    after = 0
    while True:
        stmt = _filtered(select(AuditEntry), filters).where(AuditEntry.id > after)
        with db.read_session() as session:
            rows = [_record(r) for r in session.scalars(stmt.order_by(AuditEntry.id).limit(batch))]
        if not rows:
            return
        yield from rows
        after = rows[-1].id


def record_trail(db: Database, *, entity: str, entity_id: int | str) -> list[AuditRecord]:
    """Every recorded change of one row (table name and id), oldest first: its history."""
    return list(
        iter_audit_entries(db, filters=AuditFilter(entity=entity, entity_id=str(entity_id)))
    )


def audit_actors(db: Database) -> list[str]:
    """The names that have written, sorted (for the page's user filter)."""
    with db.read_session() as session:
        return sorted(session.scalars(select(AuditEntry.actor).distinct()))


def audit_entities(db: Database) -> list[str]:
    """The tables that have entries, sorted (for the page's entity filter)."""
    with db.read_session() as session:
        return sorted(session.scalars(select(AuditEntry.entity).distinct()))


def last_change(db: Database, *, entity: str, entity_id: int | str) -> AuditRecord | None:
    """The newest entry of one row (who changed it last, when, from which desk), or None."""
    stmt = _filtered(
        select(AuditEntry), AuditFilter(entity=entity, entity_id=str(entity_id))
    ).order_by(AuditEntry.id.desc())
    with db.read_session() as session:
        row = session.scalars(stmt.limit(1)).first()
        return _record(row) if row is not None else None


def change_marker(db: Database) -> int:
    """A number that grows with every write to the database, from any desk: the newest audit
    entry's id (0 when none).  One index lookup on either engine, cheap to ask every few seconds."""
    with db.read_session() as session:
        return int(session.scalar(select(func.max(AuditEntry.id))) or 0)
