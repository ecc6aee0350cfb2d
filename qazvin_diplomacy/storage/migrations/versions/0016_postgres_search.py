"""postgres search: the PostgreSQL search triggers of the kinds added after 0005

Revision ID: 0016_postgres_search
Revises: 0015_audit_trail
Create Date: 2026-12-07 12:30:00.000000

Migrations 0013 (meetings) and 0014 (markets) install their kinds' FTS5 triggers on SQLite only.
On PostgreSQL this revision does what they do there: it copies the live rows of each of those
tables into ``search_fts`` and gives the table the three triggers calling ``search_fts_sync``
(made by 0005; its twin of the FTS5 triggers).  Tables this database does not have are skipped
and SQLite is left alone, so the revision is safe whatever order the branches were merged in.
The lead re-chains ``down_revision`` after the newest of those migrations.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016_postgres_search"
down_revision = "0015_audit_trail"
branch_labels = None
depends_on = None

KIND_SPAN = 1 << 40
#: (code, table) of the kinds added after 0005; all have ``archived_at``.
SOURCES = (
    (8, "meeting_series"),
    (9, "meeting"),
    (10, "resolution"),
    (11, "company"),
    (12, "product"),
    (13, "target_market"),
    (14, "market_region"),
)


def install(bind: sa.engine.Connection, sources: tuple[tuple[int, str], ...]) -> list[str]:
    """Index the live rows of ``sources`` and add their triggers; returns the tables done."""
    tables = set(sa.inspect(bind).get_table_names())
    done: list[str] = []
    for code, table in sources:
        if table not in tables:
            continue
        bind.exec_driver_sql(
            f"DELETE FROM search_fts WHERE rowid BETWEEN {code * KIND_SPAN} "
            f"AND {(code + 1) * KIND_SPAN - 1}"
        )
        bind.exec_driver_sql(
            f"INSERT INTO search_fts(rowid, key) SELECT {code * KIND_SPAN} + id, search_key "
            f"FROM {table} WHERE search_key <> '' AND archived_at IS NULL"
        )
        for suffix, when in (
            ("ai", "INSERT"),
            ("au", "UPDATE OF search_key, archived_at"),
            ("ad", "DELETE"),
        ):
            bind.exec_driver_sql(f"DROP TRIGGER IF EXISTS search_fts_{table}_{suffix} ON {table}")
            bind.exec_driver_sql(
                f"CREATE TRIGGER search_fts_{table}_{suffix} AFTER {when} ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION search_fts_sync('{code}', '1')"
            )
        done.append(table)
    return done


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        install(bind, SOURCES)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    tables = set(sa.inspect(bind).get_table_names())
    for code, table in SOURCES:
        if table in tables:
            for suffix in ("ai", "au", "ad"):
                op.execute(f"DROP TRIGGER IF EXISTS search_fts_{table}_{suffix} ON {table}")
            op.execute(
                f"DELETE FROM search_fts WHERE rowid BETWEEN {code * KIND_SPAN} "
                f"AND {(code + 1) * KIND_SPAN - 1}"
            )
