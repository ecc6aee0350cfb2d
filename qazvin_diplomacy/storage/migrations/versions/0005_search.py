"""search: one FTS5 trigram index over every record's search_key, kept current by triggers

Revision ID: 0005_search
Revises: 0004_events
Create Date: 2026-11-24 06:00:00.000000

``search_fts`` is an FTS5 table (trigram tokenizer) with one column, ``key``: a copy of the
record's ``search_key`` (core.text.index_key).  Its rowid says which record a row is:
``code * 2**40 + id`` with the codes below, so the rows of one kind form one rowid range.
Triggers on each source table insert, replace and delete index rows whenever a record is
written, so no service has to remember; archived records are not indexed.

On PostgreSQL the twin is an ordinary table ``search_fts(rowid, key)`` with a ``pg_trgm`` GIN
index on ``key`` (``LIKE '%term%'`` uses it as FTS5 uses its trigrams) and one PL/pgSQL trigger
function shared by every source table; this revision also creates the ``pg_trgm`` extension
and the ICU collation ``persian`` that ``ORDER BY … COLLATE persian`` needs there.

This file is frozen history: it carries its own copy of the trigger SQL (the same text that
``services.search_upkeep.search_index_ddl`` generates; a test keeps the two equal).  Later kinds are
added by a later revision or by ``check --repair`` (``services.search_upkeep.rebuild_search_index``).
"""

from __future__ import annotations

from alembic import op

revision = "0005_search"
down_revision = "0004_events"
branch_labels = None
depends_on = None

KIND_SPAN = 1 << 40
# (code, table, has archived_at)
SOURCES = (
    (1, "person", True),
    (2, "organization", True),
    (3, "country", False),
    (4, "visit", True),
    (5, "agreement", True),
    (6, "event", True),
    (7, "follow_up_task", True),
)


def _rowid(prefix: str, code: int) -> str:
    return f"({code * KIND_SPAN} + {prefix}.id)"


def _trigger_ddl(code: int, table: str, archivable: bool) -> list[str]:
    live_new = " AND new.archived_at IS NULL" if archivable else ""
    watched = "search_key, archived_at" if archivable else "search_key"
    return [
        f"CREATE TRIGGER search_fts_{table}_ai AFTER INSERT ON {table} "
        f"WHEN new.search_key <> ''{live_new} BEGIN "
        f"INSERT INTO search_fts(rowid, key) VALUES ({_rowid('new', code)}, new.search_key); END",
        f"CREATE TRIGGER search_fts_{table}_au AFTER UPDATE OF {watched} ON {table} BEGIN "
        f"DELETE FROM search_fts WHERE rowid = {_rowid('old', code)}; "
        f"INSERT INTO search_fts(rowid, key) SELECT {_rowid('new', code)}, new.search_key "
        f"WHERE new.search_key <> ''{live_new}; END",
        f"CREATE TRIGGER search_fts_{table}_ad AFTER DELETE ON {table} BEGIN "
        f"DELETE FROM search_fts WHERE rowid = {_rowid('old', code)}; END",
    ]


#: The PostgreSQL trigger function: TG_ARGV = (kind code, '1' when the table has archived_at).
PG_FUNCTION = """
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


def _pg_trigger_ddl(code: int, table: str, archivable: bool) -> list[str]:
    watched = "search_key, archived_at" if archivable else "search_key"
    args = f"'{code}', '{1 if archivable else 0}'"
    return [
        f"CREATE TRIGGER search_fts_{table}_{suffix} AFTER {when} ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION search_fts_sync({args})"
        for suffix, when in (("ai", "INSERT"), ("au", f"UPDATE OF {watched}"), ("ad", "DELETE"))
    ]


def _upgrade_postgresql() -> None:
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.execute(
        "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_collation WHERE collname = 'persian') "
        "THEN CREATE COLLATION persian (provider = icu, locale = 'fa-IR'); END IF; END $$"
    )
    op.execute("CREATE TABLE search_fts (rowid bigint PRIMARY KEY, key text NOT NULL)")
    op.execute("CREATE INDEX search_fts_key_trgm ON search_fts USING gin (key gin_trgm_ops)")
    op.execute(PG_FUNCTION)
    for code, table, archivable in SOURCES:
        live = " AND archived_at IS NULL" if archivable else ""
        op.execute(
            f"INSERT INTO search_fts(rowid, key) SELECT {code * KIND_SPAN} + id, search_key "
            f"FROM {table} WHERE search_key <> ''{live}"
        )
        for statement in _pg_trigger_ddl(code, table, archivable):
            op.execute(statement)


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _upgrade_postgresql()
        return
    op.execute("CREATE VIRTUAL TABLE search_fts USING fts5(key, tokenize = 'trigram')")
    for code, table, archivable in SOURCES:
        live = " AND archived_at IS NULL" if archivable else ""
        op.execute(
            f"INSERT INTO search_fts(rowid, key) SELECT {code * KIND_SPAN} + id, search_key "
            f"FROM {table} WHERE search_key <> ''{live}"
        )
        for statement in _trigger_ddl(code, table, archivable):
            op.execute(statement)


def downgrade() -> None:
    for _code, table, _archivable in SOURCES:
        for suffix in ("ai", "au", "ad"):
            on_table = f" ON {table}" if op.get_bind().dialect.name == "postgresql" else ""
            op.execute(f"DROP TRIGGER IF EXISTS search_fts_{table}_{suffix}{on_table}")
    op.execute("DROP TABLE IF EXISTS search_fts")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS search_fts_sync()")
