"""The search index's upkeep: its triggers, its rebuild (``check --repair``) and its check.

SQL triggers on each source table (:func:`search_index_ddl`; on PostgreSQL
:func:`search_index_ddl_postgresql` calling :data:`PG_SYNC_FUNCTION`) keep the index current on
every insert, update of ``search_key``/``archived_at`` and delete, whoever writes;
:func:`rebuild_search_index` recreates table, triggers and content, and
:func:`search_index_problems` tells whether that is needed.  The repair works even when a
damaged FTS5 table cannot be dropped.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, text
from sqlalchemy.exc import DatabaseError

from qazvin_diplomacy.core.text import to_persian_digits
from qazvin_diplomacy.services.records import write
from qazvin_diplomacy.services.search_index import (
    FTS_TABLE,
    check_index,
    existing_names,
)
from qazvin_diplomacy.services.search_sources import KIND_SPAN, SEARCH_SOURCES, SearchSource
from qazvin_diplomacy.storage.database import Database

__all__ = [
    "PG_SYNC_FUNCTION",
    "rebuild_search_index",
    "search_index_ddl",
    "search_index_ddl_postgresql",
    "search_index_problems",
]


def _rowid(prefix: str, code: int) -> str:
    return f"({code * KIND_SPAN} + {prefix}.id)"


def search_index_ddl(source: SearchSource) -> list[str]:
    """The CREATE TRIGGER statements keeping ``source``'s rows in the index (as migration 0005)."""
    table, code = source.table, source.code
    live_new = " AND new.archived_at IS NULL" if source.archivable else ""
    watched = "search_key, archived_at" if source.archivable else "search_key"
    return [
        f"CREATE TRIGGER {FTS_TABLE}_{table}_ai AFTER INSERT ON {table} "
        f"WHEN new.search_key <> ''{live_new} BEGIN "
        f"INSERT INTO {FTS_TABLE}(rowid, key) VALUES ({_rowid('new', code)}, new.search_key); END",
        f"CREATE TRIGGER {FTS_TABLE}_{table}_au AFTER UPDATE OF {watched} ON {table} BEGIN "
        f"DELETE FROM {FTS_TABLE} WHERE rowid = {_rowid('old', code)}; "
        f"INSERT INTO {FTS_TABLE}(rowid, key) SELECT {_rowid('new', code)}, new.search_key "
        f"WHERE new.search_key <> ''{live_new}; END",
        f"CREATE TRIGGER {FTS_TABLE}_{table}_ad AFTER DELETE ON {table} BEGIN "
        f"DELETE FROM {FTS_TABLE} WHERE rowid = {_rowid('old', code)}; END",
    ]


#: PostgreSQL's trigger function (as migration 0005): TG_ARGV = (code, '1' if archivable).
PG_SYNC_FUNCTION = """
CREATE OR REPLACE FUNCTION search_fts_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    span bigint := CAST(TG_ARGV[0] AS bigint) * 1099511627776;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM search_fts WHERE rowid = span + OLD.id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.search_key <> '' THEN
        IF TG_ARGV[1] = '1' THEN
            IF NEW.archived_at IS NOT NULL THEN
                RETURN NULL;
            END IF;
        END IF;
        INSERT INTO search_fts(rowid, key) VALUES (span + NEW.id, NEW.search_key);
    END IF;
    RETURN NULL;
END
$$
"""


def search_index_ddl_postgresql(source: SearchSource) -> list[str]:
    """PostgreSQL's CREATE TRIGGER statements for ``source`` (as migration 0005)."""
    watched = "search_key, archived_at" if source.archivable else "search_key"
    args = f"'{source.code}', '{1 if source.archivable else 0}'"
    return [
        f"CREATE TRIGGER {FTS_TABLE}_{source.table}_{suffix} AFTER {when} ON {source.table} "
        f"FOR EACH ROW EXECUTE FUNCTION search_fts_sync({args})"
        for suffix, when in (("ai", "INSERT"), ("au", f"UPDATE OF {watched}"), ("ad", "DELETE"))
    ]


def _trigger_names(source: SearchSource) -> list[str]:
    return [f"{FTS_TABLE}_{source.table}_{suffix}" for suffix in ("ai", "au", "ad")]


def _live_rows_sql(source: SearchSource, what: str) -> str:
    live = " AND archived_at IS NULL" if source.archivable else ""
    return f"SELECT {what} FROM {source.table} WHERE search_key <> ''{live}"


_SHADOW_TABLES = ("data", "idx", "content", "docsize", "config")  # FTS5's own tables


def _drop_index(conn: Connection) -> None:
    """Drop the index table, also one too damaged for ``DROP TABLE``.

    FTS5 must open a table to drop it, which fails when a shadow table is missing or
    unreadable («vtable constructor failed», «invalid fts5 file format»): the table is then
    removed from the schema by hand (``writable_schema``, schema version bumped so SQLite
    reloads it) and its shadow tables, ordinary tables, dropped.
    """
    try:
        with conn.begin_nested():
            conn.exec_driver_sql(f"DROP TABLE IF EXISTS {FTS_TABLE}")
        return
    except DatabaseError:
        pass
    version = conn.exec_driver_sql("PRAGMA schema_version").scalar_one()
    conn.exec_driver_sql("PRAGMA writable_schema = ON")
    try:
        conn.execute(
            text("DELETE FROM sqlite_master WHERE type = 'table' AND name = :name"),
            {"name": FTS_TABLE},
        )
        conn.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
    finally:
        conn.exec_driver_sql("PRAGMA writable_schema = OFF")
    for suffix in _SHADOW_TABLES:
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS {FTS_TABLE}_{suffix}")


def rebuild_search_index(db: Database) -> int:
    """Recreate the index, its triggers and its content from every source table; return rows indexed.

    One transaction: a failure leaves the old index as it was.  Kinds whose table does not
    exist in this database are skipped.  A damaged index table is replaced (see
    :func:`_drop_index`).
    """
    with write(db) as session:
        conn = session.connection()
        tables = existing_names(conn, "table")
        if conn.dialect.name == "postgresql":
            return _rebuild_postgresql(conn, tables)
        for source in SEARCH_SOURCES:
            for name in _trigger_names(source):
                conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        _drop_index(conn)
        conn.exec_driver_sql(
            f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(key, tokenize = 'trigram')"
        )
        total = _fill(conn, tables, search_index_ddl)
        conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")
        return total


def _rebuild_postgresql(conn: Connection, tables: set[str]) -> int:
    """:func:`rebuild_search_index` on PostgreSQL: table, GIN trigram index, function, triggers."""
    for source in SEARCH_SOURCES:
        if source.table in tables:
            for name in _trigger_names(source):
                conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON {source.table}")
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {FTS_TABLE}")
    conn.exec_driver_sql(f"CREATE TABLE {FTS_TABLE} (rowid bigint PRIMARY KEY, key text NOT NULL)")
    conn.exec_driver_sql(
        f"CREATE INDEX {FTS_TABLE}_key_trgm ON {FTS_TABLE} USING gin (key gin_trgm_ops)"
    )
    conn.exec_driver_sql(PG_SYNC_FUNCTION)
    return _fill(conn, tables, search_index_ddl_postgresql)


def _fill(conn: Connection, tables: set[str], ddl: Callable[[SearchSource], list[str]]) -> int:
    """Each present source's live rows into the new index, then its triggers (``ddl``); the
    number of rows indexed."""
    total = 0
    for source in SEARCH_SOURCES:
        if source.table not in tables:
            continue
        rowid = f"{source.code * KIND_SPAN} + id"
        result = conn.exec_driver_sql(
            f"INSERT INTO {FTS_TABLE}(rowid, key) {_live_rows_sql(source, f'{rowid}, search_key')}"
        )
        total += max(result.rowcount or 0, 0)
        for statement in ddl(source):
            conn.exec_driver_sql(statement)
    return total


def search_index_problems(db: Database) -> list[str]:
    """Persian descriptions of what is wrong with the search index (empty: healthy).

    Checks that the index and every trigger exist (a table rebuilt by a later migration loses
    its triggers), that each kind has as many index rows as live records, and FTS5's own
    integrity check; an index SQLite cannot even read is reported as damaged.
    ``rebuild_search_index`` repairs all of these.
    """
    problems: list[str] = []
    with db.engine.connect() as conn:
        tables = existing_names(conn, "table")
        if FTS_TABLE not in tables:
            return ["نمایه جستجو وجود ندارد؛ «check --repair» را اجرا کنید."]
        triggers = existing_names(conn, "trigger")
        try:
            for source in SEARCH_SOURCES:
                if source.table not in tables:
                    continue
                missing = [n for n in _trigger_names(source) if n not in triggers]
                if missing:
                    problems.append(
                        f"به‌روزرسانی خودکار نمایه جستجوی {source.label_fa} برقرار نیست."
                    )
                lo, hi = source.rowid_range
                indexed = conn.execute(
                    text(f"SELECT count(*) FROM {FTS_TABLE} WHERE rowid BETWEEN :lo AND :hi"),
                    {"lo": lo, "hi": hi},
                ).scalar_one()
                live = conn.exec_driver_sql(_live_rows_sql(source, "count(*)")).scalar_one()
                if indexed != live:
                    problems.append(
                        f"نمایه جستجوی {source.label_fa} {to_persian_digits(indexed)} ردیف دارد ولی "
                        f"{to_persian_digits(live)} رکورد هست."
                    )
            check_index(conn)
        except DatabaseError as exc:  # sqlite3.DatabaseError wrapped by SQLAlchemy
            problems.append(
                f"نمایه جستجو آسیب دیده است ({exc.__class__.__name__})؛ «check --repair» را اجرا کنید."
            )
        conn.rollback()
    return problems
