"""capacities: the province's capacity catalogue that embassies can consult (issue 17, item 4)

Revision ID: 0017_capacities
Revises: 0016_postgres_search
Create Date: 2026-12-07 12:20:00.000000

One ``capacity`` table (see ``storage.capacities``); photos are ``attachment`` rows with
``owner_kind="capacity"``.  Capacities join the global search with code 16: on SQLite their
rows are copied into ``search_fts`` and triggers keep them current (this file carries its own
copy of the trigger SQL, the text ``services.search_upkeep.search_index_ddl`` generates, as 0005 and
0013 do); another database builds its search its own way.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017_capacities"
down_revision = "0016_postgres_search"
branch_labels = None
depends_on = None

KIND_SPAN = 1 << 40
SEARCH_CODE = 16
PG_TRIGGERS = (("ai", "INSERT"), ("au", "UPDATE OF search_key, archived_at"), ("ad", "DELETE"))
TABLE = "capacity"


def _rowid(prefix: str) -> str:
    return f"({SEARCH_CODE * KIND_SPAN} + {prefix}.id)"


def _trigger_ddl() -> list[str]:
    live_new = " AND new.archived_at IS NULL"
    return [
        f"CREATE TRIGGER search_fts_{TABLE}_ai AFTER INSERT ON {TABLE} "
        f"WHEN new.search_key <> ''{live_new} BEGIN "
        f"INSERT INTO search_fts(rowid, key) VALUES ({_rowid('new')}, new.search_key); END",
        f"CREATE TRIGGER search_fts_{TABLE}_au AFTER UPDATE OF search_key, archived_at ON {TABLE} BEGIN "
        f"DELETE FROM search_fts WHERE rowid = {_rowid('old')}; "
        f"INSERT INTO search_fts(rowid, key) SELECT {_rowid('new')}, new.search_key "
        f"WHERE new.search_key <> ''{live_new}; END",
        f"CREATE TRIGGER search_fts_{TABLE}_ad AFTER DELETE ON {TABLE} BEGIN "
        f"DELETE FROM search_fts WHERE rowid = {_rowid('old')}; END",
    ]


def _has_search_index() -> bool:
    bind = op.get_bind()
    return bind.dialect.name == "sqlite" and "search_fts" in sa.inspect(bind).get_table_names()


def upgrade() -> None:
    op.create_table(
        "capacity",
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("title_en", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("description_en", sa.Text(), nullable=False),
        sa.Column("axis", sa.String(length=30), nullable=False),
        sa.Column("county", sa.String(length=30), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("area", sa.Float(), nullable=True),
        sa.Column("area_unit", sa.String(length=5), nullable=False),
        sa.Column("jobs", sa.Integer(), nullable=True),
        sa.Column("investment", sa.BigInteger(), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("contact_org_id", sa.Integer(), nullable=True),
        sa.Column("publishable", sa.Boolean(), nullable=False),
        sa.Column("search_key", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["contact_org_id"],
            ["organization.id"],
            name=op.f("fk_capacity_contact_org_id_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_capacity")),
        sa.UniqueConstraint("uuid", name=op.f("uq_capacity_uuid")),
    )
    with op.batch_alter_table("capacity", schema=None) as batch_op:
        batch_op.create_index(
            "ix_capacity_archived_axis_county", ["archived_at", "axis", "county"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_capacity_contact_org_id"), ["contact_org_id"], unique=False
        )
        batch_op.create_index("ix_capacity_publishable_axis", ["publishable", "axis"], unique=False)
    if _has_search_index():
        for statement in _trigger_ddl():
            op.execute(statement)
    elif op.get_bind().dialect.name == "postgresql":  # the twin: search_fts_sync (0005)
        for suffix, when in PG_TRIGGERS:
            op.execute(
                f"CREATE TRIGGER search_fts_{TABLE}_{suffix} AFTER {when} ON {TABLE} "
                f"FOR EACH ROW EXECUTE FUNCTION search_fts_sync('{SEARCH_CODE}', '1')"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for suffix in ("ai", "au", "ad"):
            op.execute(f"DROP TRIGGER IF EXISTS search_fts_{TABLE}_{suffix}")
        if _has_search_index():
            op.execute(
                f"DELETE FROM search_fts WHERE rowid BETWEEN {SEARCH_CODE * KIND_SPAN} "
                f"AND {(SEARCH_CODE + 1) * KIND_SPAN - 1}"
            )
    with op.batch_alter_table("capacity", schema=None) as batch_op:
        batch_op.drop_index("ix_capacity_publishable_axis")
        batch_op.drop_index(batch_op.f("ix_capacity_contact_org_id"))
        batch_op.drop_index("ix_capacity_archived_axis_county")
    op.drop_table("capacity")
