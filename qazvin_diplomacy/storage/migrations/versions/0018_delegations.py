"""delegations: trade delegations sent and received

Revision ID: 0018_delegations
Revises: 0017_capacities
Create Date: 2026-12-07 12:20:00

``trade_delegation`` is a delegation sent (``outgoing``) or received (``incoming``): its
country, optional region (``market_region``) and city, dates, head, objectives, budget
notes, outcome and status (a visit's statuses); ``trade_delegation_member`` its members
(a directory person, a company or university of ``company``, or a typed name) with roles;
``trade_delegation_market`` the target markets concerned; ``trade_delegation_agreement``
the agreements signed on the trip; ``trade_delegation_programme_item`` its ordered
programme.  Delegations join the global search (code 15): on SQLite their index
triggers are installed here (a frozen copy of ``services.search_upkeep.search_index_ddl``).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018_delegations"
down_revision = "0017_capacities"
branch_labels = None
depends_on = None

KIND_SPAN = 1 << 40
SEARCH_CODE, SEARCH_TABLE = 15, "trade_delegation"


PG_TRIGGERS = (("ai", "INSERT"), ("au", "UPDATE OF search_key, archived_at"), ("ad", "DELETE"))


def _rowid(prefix: str) -> str:
    return f"({SEARCH_CODE * KIND_SPAN} + {prefix}.id)"


def _trigger_ddl() -> list[str]:
    table, live_new = SEARCH_TABLE, " AND new.archived_at IS NULL"
    return [
        f"CREATE TRIGGER search_fts_{table}_ai AFTER INSERT ON {table} "
        f"WHEN new.search_key <> ''{live_new} BEGIN "
        f"INSERT INTO search_fts(rowid, key) VALUES ({_rowid('new')}, new.search_key); END",
        f"CREATE TRIGGER search_fts_{table}_au AFTER UPDATE OF search_key, archived_at ON {table} "
        f"BEGIN DELETE FROM search_fts WHERE rowid = {_rowid('old')}; "
        f"INSERT INTO search_fts(rowid, key) SELECT {_rowid('new')}, new.search_key "
        f"WHERE new.search_key <> ''{live_new}; END",
        f"CREATE TRIGGER search_fts_{table}_ad AFTER DELETE ON {table} BEGIN "
        f"DELETE FROM search_fts WHERE rowid = {_rowid('old')}; END",
    ]


def _sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


def upgrade() -> None:
    op.create_table(
        "trade_delegation",
        sa.Column("direction", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("title_en", sa.String(length=300), nullable=False),
        sa.Column("country_id", sa.Integer(), nullable=False),
        sa.Column("region_id", sa.Integer(), nullable=True),
        sa.Column("city", sa.String(length=200), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("head_person_id", sa.Integer(), nullable=True),
        sa.Column("head_text", sa.String(length=250), nullable=False),
        sa.Column("objectives", sa.Text(), nullable=False),
        sa.Column("budget_notes", sa.Text(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("search_key", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["country_id"], ["country.id"], name=op.f("fk_trade_delegation_country_id_country")
        ),
        sa.ForeignKeyConstraint(
            ["head_person_id"],
            ["person.id"],
            name=op.f("fk_trade_delegation_head_person_id_person"),
        ),
        sa.ForeignKeyConstraint(
            ["region_id"],
            ["market_region.id"],
            name=op.f("fk_trade_delegation_region_id_market_region"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trade_delegation")),
        sa.UniqueConstraint("uuid", name=op.f("uq_trade_delegation_uuid")),
    )
    with op.batch_alter_table("trade_delegation", schema=None) as batch_op:
        batch_op.create_index(
            "ix_trade_delegation_archived_start", ["archived_at", "start_date"], unique=False
        )
        batch_op.create_index(
            "ix_trade_delegation_country_archived",
            ["country_id", "archived_at", "start_date"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_trade_delegation_direction"), ["direction"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_trade_delegation_head_person_id"), ["head_person_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_trade_delegation_region_id"), ["region_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_trade_delegation_status"), ["status"], unique=False)

    op.create_table(
        "trade_delegation_agreement",
        sa.Column("delegation_id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreement.id"],
            name=op.f("fk_trade_delegation_agreement_agreement_id_agreement"),
        ),
        sa.ForeignKeyConstraint(
            ["delegation_id"],
            ["trade_delegation.id"],
            name=op.f("fk_trade_delegation_agreement_delegation_id_trade_delegation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "delegation_id", "agreement_id", name=op.f("pk_trade_delegation_agreement")
        ),
    )
    with op.batch_alter_table("trade_delegation_agreement", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_trade_delegation_agreement_agreement_id"),
            ["agreement_id"],
            unique=False,
        )

    op.create_table(
        "trade_delegation_market",
        sa.Column("delegation_id", sa.Integer(), nullable=False),
        sa.Column("market_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["delegation_id"],
            ["trade_delegation.id"],
            name=op.f("fk_trade_delegation_market_delegation_id_trade_delegation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["market_id"],
            ["target_market.id"],
            name=op.f("fk_trade_delegation_market_market_id_target_market"),
        ),
        sa.PrimaryKeyConstraint(
            "delegation_id", "market_id", name=op.f("pk_trade_delegation_market")
        ),
    )
    with op.batch_alter_table("trade_delegation_market", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_trade_delegation_market_market_id"), ["market_id"], unique=False
        )

    op.create_table(
        "trade_delegation_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("delegation_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("company_id", sa.Integer(), nullable=True),
        sa.Column("name_text", sa.String(length=250), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["company.id"],
            name=op.f("fk_trade_delegation_member_company_id_company"),
        ),
        sa.ForeignKeyConstraint(
            ["delegation_id"],
            ["trade_delegation.id"],
            name=op.f("fk_trade_delegation_member_delegation_id_trade_delegation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_trade_delegation_member_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trade_delegation_member")),
    )
    with op.batch_alter_table("trade_delegation_member", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_trade_delegation_member_company_id"), ["company_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_trade_delegation_member_delegation_id"), ["delegation_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_trade_delegation_member_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "trade_delegation_programme_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("delegation_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=True),
        sa.Column("time_text", sa.String(length=50), nullable=False),
        sa.Column("place", sa.String(length=300), nullable=False),
        sa.Column("activity", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["delegation_id"],
            ["trade_delegation.id"],
            name=op.f("fk_trade_delegation_programme_item_delegation_id_trade_delegation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trade_delegation_programme_item")),
    )
    with op.batch_alter_table("trade_delegation_programme_item", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_trade_delegation_programme_item_delegation_id"),
            ["delegation_id"],
            unique=False,
        )
    if _sqlite():  # the search index (FTS5)
        for statement in _trigger_ddl():
            op.execute(statement)
    elif op.get_bind().dialect.name == "postgresql":  # its twin: search_fts_sync (0005)
        for suffix, when in PG_TRIGGERS:
            op.execute(
                f"CREATE TRIGGER search_fts_{SEARCH_TABLE}_{suffix} AFTER {when} ON {SEARCH_TABLE} "
                f"FOR EACH ROW EXECUTE FUNCTION search_fts_sync('{SEARCH_CODE}', '1')"
            )


def downgrade() -> None:
    if _sqlite():
        for suffix in ("ai", "au", "ad"):
            op.execute(f"DROP TRIGGER IF EXISTS search_fts_{SEARCH_TABLE}_{suffix}")
        lo = SEARCH_CODE * KIND_SPAN
        op.execute(f"DELETE FROM search_fts WHERE rowid BETWEEN {lo} AND {lo + KIND_SPAN - 1}")
    with op.batch_alter_table("trade_delegation_programme_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_trade_delegation_programme_item_delegation_id"))
    op.drop_table("trade_delegation_programme_item")
    with op.batch_alter_table("trade_delegation_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_trade_delegation_member_person_id"))
        batch_op.drop_index(batch_op.f("ix_trade_delegation_member_delegation_id"))
        batch_op.drop_index(batch_op.f("ix_trade_delegation_member_company_id"))
    op.drop_table("trade_delegation_member")
    with op.batch_alter_table("trade_delegation_market", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_trade_delegation_market_market_id"))
    op.drop_table("trade_delegation_market")
    with op.batch_alter_table("trade_delegation_agreement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_trade_delegation_agreement_agreement_id"))
    op.drop_table("trade_delegation_agreement")
    with op.batch_alter_table("trade_delegation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_trade_delegation_status"))
        batch_op.drop_index(batch_op.f("ix_trade_delegation_region_id"))
        batch_op.drop_index(batch_op.f("ix_trade_delegation_head_person_id"))
        batch_op.drop_index(batch_op.f("ix_trade_delegation_direction"))
        batch_op.drop_index("ix_trade_delegation_country_archived")
        batch_op.drop_index("ix_trade_delegation_archived_start")
    op.drop_table("trade_delegation")
