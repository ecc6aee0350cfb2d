"""The audit trail: every write to a mapped table, hash-chained so no one can quietly edit it.

One ``AuditEntry`` per inserted, updated or deleted row (recorded by a Session ``after_flush``
listener, so every model — including ones added later — is covered without code of its own),
and one summary entry per bulk statement (``session.execute(insert(Model), rows)``,
``delete(…)``, ``update(…)``: the demo seeding, the rank table import, merges), recorded by a
``do_orm_execute`` listener with the table, the number of rows and the statement's criteria.

**Canonical form** of an entry (what its hash covers): the JSON object

    {"action", "actor", "changes", "desk", "entity", "entity_id", "prev_hash", "recorded_at", "seq"}

serialised with ``json.dumps(sort_keys=True, separators=(",", ":"), ensure_ascii=False)`` and
encoded as UTF-8, where ``seq`` is the entry's id (1, 2, 3 … without gaps), ``recorded_at`` is
UTC as ``YYYY-MM-DDTHH:MM:SS.ffffffZ``, ``entity_id`` is text or null, ``changes`` is the stored
JSON parsed back (``{field: [before, after]}`` for rows; ``{"rows": n, "criteria": "…"}`` for
bulk statements) and ``prev_hash`` is the previous entry's ``entry_hash`` (64 zeros for the
first).  ``entry_hash`` = lowercase hex SHA-256 of those bytes.  Changing any stored field of an
entry breaks its own hash; deleting an entry breaks the next one's ``prev_hash`` and the gap in
``seq``.  (Cutting entries off the end leaves a shorter valid chain: only a copy of the last
hash kept elsewhere can show that — ``services.audit_seal`` keeps such copies, the "witnesses".)

**Seal**: migration ``0022_audit_seal`` adds triggers refusing UPDATE and DELETE on
``audit_entry`` (both engines).  The few legitimate replacements of every row (a restore into a
server database, undoing a failed transfer) lift them for their own transaction with
:func:`unsealed`.  Someone with the owner's rights can drop them too: they are a hurdle, the
witnesses are the detection.

Concurrency: the next ``seq`` and ``prev_hash`` are read in the writing transaction.  SQLite
holds its write lock by then (the flush has written); PostgreSQL takes a transaction-level
advisory lock first, so two desks cannot fork the chain.
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import hashlib
import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Index, Integer, String, Text, event, inspect, select
from sqlalchemy.orm import Mapped, Session, mapped_column
from sqlalchemy.orm.attributes import NO_VALUE
from sqlalchemy.sql.dml import Delete, Insert, Update

from qazvin_diplomacy.core.actor import current_actor, desk_name
from qazvin_diplomacy.core.audit import ChainBreak, ChainCheck
from qazvin_diplomacy.core.text import to_persian_digits as fa
from qazvin_diplomacy.storage.base import Base, UTCDateTime, utcnow

GENESIS_HASH = "0" * 64
#: Key of the PostgreSQL advisory lock that serialises appending to the chain.
CHAIN_LOCK_KEY = 0x51A2D1A0
#: Columns every record has whose change says nothing (kept out of an update's changes).
_NOISE = frozenset({"version", "updated_at"})
#: Columns derived from the others (the search index's normalised text): never recorded.
_DERIVED = frozenset({"search_key"})
#: Columns whose values are never written to the trail (only that they changed).
_SECRET = frozenset({"password_hash"})
#: Mapped tables that are not recorded: the trail itself, and caches rebuilt from the data.
EXCLUDED_TABLES: set[str] = {"audit_entry"}
#: ``Session.info`` key holding the (id, hash) of the last entry the session appended.
HEAD_KEY = "qazvin_audit_head"
#: The seal's trigger names (migration ``0022_audit_seal``) and the PostgreSQL function.
SEAL_TRIGGERS = ("audit_entry_no_update", "audit_entry_no_delete")
SEAL_FUNCTION = "audit_entry_sealed"
SEAL_MESSAGE = "audit_entry is append-only"


def seal_ddl(dialect: str) -> list[str]:
    """The statements creating the seal on ``dialect`` ("sqlite" or "postgresql")."""
    if dialect == "postgresql":
        return [
            f"CREATE OR REPLACE FUNCTION {SEAL_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN RAISE EXCEPTION '{SEAL_MESSAGE}'; END $$",
            *(
                f"CREATE TRIGGER {name} BEFORE {verb} ON audit_entry "
                f"FOR EACH STATEMENT EXECUTE FUNCTION {SEAL_FUNCTION}()"
                for name, verb in zip(SEAL_TRIGGERS, ("UPDATE", "DELETE OR TRUNCATE"), strict=True)
            ),
        ]
    return [
        f"CREATE TRIGGER {name} BEFORE {verb} ON audit_entry "
        f"BEGIN SELECT RAISE(ABORT, '{SEAL_MESSAGE}'); END"
        for name, verb in zip(SEAL_TRIGGERS, ("UPDATE", "DELETE"), strict=True)
    ]


def drop_seal_ddl(dialect: str) -> list[str]:
    """The statements removing the seal (the migration's downgrade; :func:`unsealed`)."""
    drops = [
        f"DROP TRIGGER IF EXISTS {name}" + (" ON audit_entry" if dialect == "postgresql" else "")
        for name in SEAL_TRIGGERS
    ]
    if dialect == "postgresql":
        drops.append(f"DROP FUNCTION IF EXISTS {SEAL_FUNCTION}()")
    return drops


@contextmanager
def unsealed(conn: Connection) -> Iterator[None]:
    """Within ``conn``'s transaction, let audit rows be deleted (a whole-database replacement).

    PostgreSQL disables the seal's triggers and SQLite drops them; both are transactional, so
    the seal is back when the block ends, and untouched if the transaction rolls back.
    """
    dialect = conn.dialect.name
    sealed = _is_sealed(conn)
    if sealed and dialect == "postgresql":
        for name in SEAL_TRIGGERS:
            conn.exec_driver_sql(f"ALTER TABLE audit_entry DISABLE TRIGGER {name}")
    elif sealed:
        for statement in drop_seal_ddl(dialect):
            conn.exec_driver_sql(statement)
    yield
    if sealed and dialect == "postgresql":
        for name in SEAL_TRIGGERS:
            conn.exec_driver_sql(f"ALTER TABLE audit_entry ENABLE TRIGGER {name}")
    elif sealed:
        for statement in seal_ddl(dialect):
            conn.exec_driver_sql(statement)


def _is_sealed(conn: Connection) -> bool:
    """Whether the seal's triggers exist (a database older than 0022 has none)."""
    if conn.dialect.name == "postgresql":
        sql = "SELECT count(*) FROM pg_trigger WHERE tgname = '%s' AND NOT tgisinternal"
    else:
        sql = "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = '%s'"
    return bool(conn.exec_driver_sql(sql % SEAL_TRIGGERS[1]).scalar())


class AuditEntry(Base):
    """One recorded change (see the module docstring for the canonical form)."""

    __tablename__ = "audit_entry"
    __table_args__ = (
        Index("ix_audit_entry_recorded_at", "recorded_at"),
        Index("ix_audit_entry_entity", "entity", "entity_id"),
        Index("ix_audit_entry_actor", "actor"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(String(120), default="")
    desk: Mapped[str] = mapped_column(String(120), default="")
    action: Mapped[str] = mapped_column(String(16))
    entity: Mapped[str] = mapped_column(String(80))
    entity_id: Mapped[str | None] = mapped_column(String(80), default=None)
    changes: Mapped[str] = mapped_column(Text, default="{}")
    prev_hash: Mapped[str] = mapped_column(String(64))
    entry_hash: Mapped[str] = mapped_column(String(64))


def _stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical(
    *,
    seq: int,
    recorded_at: dt.datetime,
    actor: str,
    desk: str,
    action: str,
    entity: str,
    entity_id: str | None,
    changes: str,
    prev_hash: str,
) -> bytes:
    """The bytes an entry's hash covers (see the module docstring)."""
    content = {
        "seq": seq,
        "recorded_at": _stamp(recorded_at),
        "actor": actor,
        "desk": desk,
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "changes": json.loads(changes),
        "prev_hash": prev_hash,
    }
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )


def _plain(value: Any) -> Any:
    """A column value as JSON: dates ISO (datetimes in UTC), enums by value, bytes by hash."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return (
            value if value == value and value not in (float("inf"), float("-inf")) else str(value)
        )
    if isinstance(value, dt.datetime):
        return _stamp(value) if value.tzinfo else value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return _plain(value.value)
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return "sha256:" + hashlib.sha256(bytes(value)).hexdigest()
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_plain(v) for v in value]
    return str(value)


def _dumps(changes: Mapping[str, Any]) -> str:
    return json.dumps(changes, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _row_changes(obj: object, action: str) -> tuple[str, str | None, dict[str, Any]] | None:
    """(table, id, changes) of one flushed object, or None when nothing is recorded."""
    state = inspect(obj)
    mapper = state.mapper
    table = mapper.persist_selectable
    name = getattr(table, "name", "")
    if name in EXCLUDED_TABLES:
        return None
    changes: dict[str, Any] = {}
    for prop in mapper.column_attrs:
        key = prop.key
        if key in _DERIVED:
            continue
        if action == "insert":
            value = state.dict.get(key, NO_VALUE)
            if value is not NO_VALUE and value is not None:
                changes[key] = [None, _plain(value)]
        elif action == "delete":
            value = state.dict.get(key, NO_VALUE)
            if value is not NO_VALUE and value is not None:
                changes[key] = [_plain(value), None]
        elif key not in _NOISE:
            history = state.attrs[key].history
            if not history.has_changes():
                continue
            before = _plain(history.deleted[0]) if history.deleted else None
            after = _plain(history.added[0]) if history.added else None
            if before != after:
                changes[key] = [before, after]
    for key in _SECRET & changes.keys():
        changes[key] = [None if v is None else "***" for v in changes[key]]
    if action == "update" and not changes:
        return None
    identity = state.identity or mapper.primary_key_from_instance(obj)
    ids = [str(v) for v in identity or () if v is not None]
    return name, ("/".join(ids) or None), changes


@dataclass(frozen=True)
class _Pending:
    action: str
    entity: str
    entity_id: str | None
    changes: dict[str, Any]


def _append(session: Session, pending: list[_Pending]) -> None:
    """Append ``pending`` to the chain in the session's transaction."""
    if not pending:
        return
    session.info[HEAD_KEY] = append_entries(session.connection(), pending)


def chain_head(conn: Connection | Session) -> tuple[int, str] | None:
    """The newest entry's (id, hash), None when the trail is empty."""
    table = AuditEntry.__table__
    last = conn.execute(
        select(table.c.id, table.c.entry_hash).order_by(table.c.id.desc()).limit(1)
    ).first()
    return (int(last[0]), str(last[1])) if last else None


def entry_hash_at(conn: Connection | Session, entry_id: int) -> str | None:
    """The stored hash of entry ``entry_id``, None when there is no such entry."""
    table = AuditEntry.__table__
    found = conn.execute(select(table.c.entry_hash).where(table.c.id == entry_id)).first()
    return str(found[0]) if found else None


def record_event(
    conn: Connection, *, action: str, entity: str, changes: Mapping[str, Any]
) -> tuple[int, str]:
    """Append one entry that is no row's change (a restore) in ``conn``'s transaction;
    returns its (id, hash)."""
    return append_entries(conn, [_Pending(action, entity, None, dict(changes))])


def append_entries(conn: Connection, pending: list[_Pending]) -> tuple[int, str]:
    """Append ``pending`` (not empty) in ``conn``'s transaction; the new head's (id, hash)."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({CHAIN_LOCK_KEY})")
    table = AuditEntry.__table__
    last = conn.execute(
        select(table.c.id, table.c.entry_hash).order_by(table.c.id.desc()).limit(1)
    ).first()
    seq, prev = (last[0], last[1]) if last else (0, GENESIS_HASH)
    now, actor, desk = utcnow(), current_actor(), desk_name()
    rows = []
    for item in pending:
        seq += 1
        changes = _dumps(item.changes)
        fields = dict(
            seq=seq,
            recorded_at=now,
            actor=actor,
            desk=desk,
            action=item.action,
            entity=item.entity,
            entity_id=item.entity_id,
            changes=changes,
            prev_hash=prev,
        )
        digest = hashlib.sha256(canonical(**fields)).hexdigest()  # type: ignore[arg-type]
        fields["id"] = fields.pop("seq")
        fields["entry_hash"] = digest
        rows.append(fields)
        prev = digest
    conn.execute(table.insert(), rows)
    return seq, prev


def _deleted_in(session: Session, context: object) -> list[Any]:
    """Every object the flush deleted: those ``session.delete`` was given, and the orphans a
    ``delete-orphan`` cascade removed (an itinerary item taken out of a visit's list), which
    only the flush's unit of work knows (``states``: state → (is delete, list only))."""
    found = {id(obj): obj for obj in session.deleted}
    states = getattr(context, "states", None) or {}
    for state, (is_delete, list_only) in states.items():
        obj = state.obj() if is_delete and not list_only else None
        if obj is not None:
            found.setdefault(id(obj), obj)
    return list(found.values())


def _after_flush(session: Session, context: object) -> None:
    pending: list[_Pending] = []
    for action, objects in (
        ("insert", session.new),
        ("update", session.dirty),
        ("delete", _deleted_in(session, context)),
    ):
        for obj in objects:
            if action == "update" and not session.is_modified(obj, include_collections=False):
                continue
            found = _row_changes(obj, action)
            if found is not None:
                pending.append(_Pending(action, *found))
    pending.sort(key=lambda p: (p.entity, p.entity_id or "", p.action))
    _append(session, pending)


def _statement_table(statement: Any) -> str:
    table = getattr(statement, "table", None)
    return str(getattr(table, "name", "") or "")


def _criteria(statement: Any, params: Any) -> str:
    where = getattr(statement, "whereclause", None)
    if where is None:
        return ""
    try:
        text = str(where.compile(compile_kwargs={"literal_binds": True}))
    except Exception:  # a value with no literal form: the SQL with its placeholders
        text = str(where)
    return text[:2000]


def _do_orm_execute(state: Any) -> Any:
    """Run a bulk INSERT/UPDATE/DELETE and append one summary entry for it."""
    statement = state.statement
    if not isinstance(statement, Insert | Update | Delete):
        return None
    entity = _statement_table(statement)
    if not entity or entity in EXCLUDED_TABLES:
        return None
    result = state.invoke_statement()
    params = state.parameters
    if isinstance(statement, Insert):
        action = "bulk_insert"
        rows = len(params) if isinstance(params, list) else 1
    else:
        action = "bulk_update" if isinstance(statement, Update) else "bulk_delete"
        rows = result.rowcount if result.rowcount is not None else -1
    changes: dict[str, Any] = {"rows": rows}
    if not isinstance(statement, Insert):
        changes["criteria"] = _criteria(statement, params)
    _append(state.session, [_Pending(action, entity, None, changes)])
    return result


def install(target: Any) -> None:
    """Record every write made through sessions of ``target`` (a sessionmaker or Session)."""
    if not event.contains(target, "after_flush", _after_flush):
        event.listen(target, "after_flush", _after_flush)
        event.listen(target, "do_orm_execute", _do_orm_execute)


def _rows(session: Session, batch: int = 2000) -> Iterator[AuditEntry]:
    after = 0
    while True:
        chunk = list(
            session.scalars(
                select(AuditEntry).where(AuditEntry.id > after).order_by(AuditEntry.id).limit(batch)
            )
        )
        if not chunk:
            return
        yield from chunk
        after = chunk[-1].id
        session.expunge_all()


def verify_chain(session: Session) -> ChainCheck:
    """Walk the whole chain in order; stop at the first entry that does not verify."""
    expected_seq, prev, count = 1, GENESIS_HASH, 0
    for row in _rows(session):
        if row.id != expected_seq:
            missing = (
                f"{expected_seq}" if row.id == expected_seq + 1 else f"{expected_seq}–{row.id - 1}"
            )
            return ChainCheck(
                count,
                ChainBreak(
                    row.id,
                    f"پیش از مدخل {fa(row.id)} مدخل {fa(missing)} حذف شده است",
                    f"entry {missing} before entry {row.id} was deleted",
                ),
                prev,
            )
        if row.prev_hash != prev:
            return ChainCheck(
                count,
                ChainBreak(
                    row.id,
                    f"مدخل {fa(row.id)} به مدخل پیش از خود نمی‌خورد (مدخل پیشین تغییر کرده یا حذف شده است)",
                    f"entry {row.id} does not follow the entry before it "
                    "(that one was changed or removed)",
                ),
                prev,
            )
        try:
            digest = hashlib.sha256(
                canonical(
                    seq=row.id,
                    recorded_at=row.recorded_at,
                    actor=row.actor,
                    desk=row.desk,
                    action=row.action,
                    entity=row.entity,
                    entity_id=row.entity_id,
                    changes=row.changes,
                    prev_hash=row.prev_hash,
                )
            ).hexdigest()
        except (ValueError, TypeError, AttributeError):  # unreadable JSON or time: changed
            digest = ""
        if digest != row.entry_hash:
            return ChainCheck(
                count,
                ChainBreak(
                    row.id,
                    f"محتوای مدخل {fa(row.id)} پس از ثبت تغییر کرده است",
                    f"entry {row.id} was changed after it was recorded",
                ),
                prev,
            )
        prev, expected_seq, count = row.entry_hash, expected_seq + 1, count + 1
    return ChainCheck(count, None, prev)
