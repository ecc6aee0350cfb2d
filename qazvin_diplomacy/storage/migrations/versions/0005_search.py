"""search: one FTS5 trigram index over every record's search_key, kept current by triggers

Revision ID: 0005_search
Revises: 0004_events
Create Date: 2026-11-24 06:00:00.000000

``search_fts`` is an FTS5 table (trigram tokenizer) with one column, ``key``: a copy of the
record's ``search_key`` (core.text.index_key).  Its rowid says which record a row is:
``code * 2**40 + id`` with the codes below, so the rows of one kind form one rowid range.
Triggers on each source table insert, replace and delete index rows whenever a record is
written, so no service has to remember; archived records are not indexed.

This file is frozen history: it carries its own copy of the trigger SQL (the same text that
``services.search.search_index_ddl`` generates; a test keeps the two equal).  Later kinds are
added by a later revision or by ``check --repair`` (``services.search.rebuild_search_index``).
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


def upgrade() -> None:
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
            op.execute(f"DROP TRIGGER IF EXISTS search_fts_{table}_{suffix}")
    op.execute("DROP TABLE IF EXISTS search_fts")
