"""Copying every row of one database into another of the same schema, engine to engine.

The application's own logical format: the rows of every table, read through the models'
column types (so a date is a date, a UTC time a UTC time, whatever the engine stores) and
written in foreign-key order, in batches, inside the caller's transaction on the target.
A table whose rows refer to rows of the same table (an organisation's parent) gets such
references set once the rows they name exist.  Used by ``transfer`` (a desk's SQLite to the
office's PostgreSQL and back) and by backups of a server database (into the SQLite file a
``.qdbackup`` holds).

A table's **checksum** is engine-independent: the SHA-256 of its rows' canonical JSON
(columns by name; a time in UTC ISO form, a date ISO, bytes hex, a real ``repr``), each row
hashed and the row hashes sorted, so neither the engine's row order nor its storage shows.
"""

from __future__ import annotations

import datetime as dt
import decimal
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, MetaData, Table, func, select, text, update

from qazvin_diplomacy.storage.models import metadata as model_metadata

#: Rows read and written per batch.
BATCH = 1000

#: ``progress(rows_done, rows_total, table)``.
RowProgress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class TableCopy:
    """One table copied: its rows and its checksum on each side."""

    table: str
    rows: int
    source_checksum: str
    target_checksum: str

    @property
    def matches(self) -> bool:
        """Whether the target holds exactly the source's rows."""
        return self.source_checksum == self.target_checksum


def tables_of(conn: Connection, *, reflect: bool = False) -> list[Table]:
    """The application's tables in foreign-key order (parents first).

    The models' tables (the newest schema), or with ``reflect`` those read from the database
    itself (an older schema: a database about to be migrated).
    """
    if not reflect:
        return list(model_metadata.sorted_tables)
    reflected = MetaData()
    reflected.reflect(conn)
    return [
        t
        for t in reflected.sorted_tables
        if t.name != "alembic_version" and not t.name.startswith("search_fts")
    ]


def _canonical(value: Any) -> Any:
    """A JSON-ready value that is the same for the same content on every engine."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, decimal.Decimal):
        return str(value.normalize())
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value.isoformat()
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).hex()
    if isinstance(value, (dict, list)):
        return value
    return str(value)


def _row_digest(table: Table, row: Any) -> bytes:
    values = {c.name: _canonical(row._mapping[c]) for c in table.columns}
    line = json.dumps(values, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(line.encode("utf-8")).digest()


def _ordered(table: Table) -> Any:
    return select(table).order_by(*table.primary_key.columns)


def _batches(conn: Connection, table: Table) -> Iterator[list[Any]]:
    # The statement's options, not the connection's: ``Connection.execution_options`` changes
    # the connection itself, and a later INSERT on it would go through a server-side cursor.
    result = conn.execute(_ordered(table).execution_options(stream_results=True, yield_per=BATCH))
    yield from result.partitions(BATCH)


def checksum(conn: Connection, table: Table) -> tuple[int, str]:
    """``(rows, checksum)`` of ``table`` as ``conn`` sees it (see the module docstring)."""
    digests = sorted(_row_digest(table, row) for batch in _batches(conn, table) for row in batch)
    total = hashlib.sha256()
    for digest in digests:
        total.update(digest)
    return len(digests), total.hexdigest()


def row_counts(conn: Connection, tables: Iterable[Table]) -> dict[str, int]:
    """The number of rows of each table."""
    return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one() for t in tables}


def _self_references(table: Table) -> list[tuple[str, str]]:
    """``(column, referred column)`` of the foreign keys from ``table`` to itself."""
    return [
        (fk.parent.name, fk.column.name) for fk in table.foreign_keys if fk.column.table is table
    ]


def copy_table(
    source: Connection, target: Connection, table: Table, on_rows: Callable[[int], None]
) -> int:
    """Insert every row of ``table`` from ``source`` into ``target``; return how many.

    A self-reference to a row not yet inserted is written as NULL first and set afterwards.
    """
    refs = _self_references(table)
    seen: dict[str, set[Any]] = {referred: set() for _col, referred in refs}
    later: list[tuple[dict[str, Any], str, Any]] = []
    pk = [c.name for c in table.primary_key.columns]
    copied = 0
    for batch in _batches(source, table):
        rows = [{c.name: row._mapping[c] for c in table.columns} for row in batch]
        for row in rows:
            for referred in seen:
                seen[referred].add(row[referred])
        for row in rows:
            for col, referred in refs:
                if row[col] is not None and row[col] not in seen[referred]:
                    later.append(({k: row[k] for k in pk}, col, row[col]))
                    row[col] = None
        target.execute(table.insert(), rows)
        copied += len(rows)
        on_rows(len(rows))
    for key, col, value in later:
        where = [table.c[k] == v for k, v in key.items()]
        target.execute(update(table).where(*where).values({col: value}))
    return copied


def set_sequences(conn: Connection, tables: Iterable[Table]) -> None:
    """PostgreSQL: move each table's id sequence past its largest id (nothing on SQLite)."""
    if conn.dialect.name != "postgresql":
        return
    for table in tables:
        keys = list(table.primary_key.columns)
        if len(keys) != 1 or keys[0].type.python_type is not int:
            continue
        col = keys[0].name
        conn.execute(
            text(
                f'SELECT setval(pg_get_serial_sequence(:t, :c), COALESCE(MAX("{col}"), 0) + 1, '
                f'false) FROM "{table.name}"'
            ),
            {"t": table.name, "c": col},
        )


def defer_foreign_keys(conn: Connection) -> None:
    """SQLite: check foreign keys at commit, not per row, in this transaction."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")


def copy_all(
    source: Connection,
    target: Connection,
    tables: list[Table],
    progress: RowProgress | None = None,
) -> dict[str, int]:
    """Copy every table of ``tables`` (foreign-key order) inside ``target``'s transaction."""
    counts = row_counts(source, tables)
    total = sum(counts.values())
    done = 0
    current = ""

    def on_rows(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(done, total, current)

    defer_foreign_keys(target)
    copied: dict[str, int] = {}
    for table in tables:
        current = table.name
        copied[table.name] = copy_table(source, target, table, on_rows)
    set_sequences(target, tables)
    return copied


def compare(source: Connection, target: Connection, tables: list[Table]) -> list[TableCopy]:
    """Each table's rows and checksums on both sides."""
    report = []
    for table in tables:
        rows, ours = checksum(source, table)
        _rows, theirs = checksum(target, table)
        report.append(
            TableCopy(table.name, rows, ours, theirs if _rows == rows else f"{theirs}/{_rows}")
        )
    return report


def snapshot_connection(engine: Any) -> Any:
    """A connection that sees one consistent state of the whole database while it is read."""
    conn = engine.connect()
    if conn.dialect.name == "postgresql":
        conn = conn.execution_options(isolation_level="REPEATABLE READ")
    conn.begin()
    return conn


def dump(source_engine: Any, target_engine: Any, *, reflect: bool) -> list[TableCopy]:
    """Every row of ``source_engine``'s database into ``target_engine``'s (same schema, empty).

    The source is read in one consistent snapshot, the target written in one transaction;
    the checksums of both sides are returned (a mismatch is the caller's to refuse).
    ``reflect``: the schema is not the newest (see :func:`tables_of`).
    """
    with snapshot_connection(source_engine) as src:
        tables = tables_of(src, reflect=reflect)
        with target_engine.begin() as dst:
            copy_all(src, dst, tables)
        with target_engine.connect() as dst:
            report = compare(src, dst, tables)
        src.rollback()
    return report
