"""rank_table: the office's own rank table for the order of precedence of other guests

Revision ID: 0006_rank_table
Revises: 0005_search
Create Date: 2026-11-24 07:00:00.000000

One row per rank-table key (a title beginning or a diplomatic rank) with its order number;
``title_key`` (the compact search key of the title) is unique.  The table starts empty, which
means "use the built-in default table".
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_rank_table"
down_revision = "0005_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rank_entry",
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("title_key", sa.String(length=200), nullable=False),
        sa.Column("rank_order", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rank_entry")),
        sa.UniqueConstraint("title_key", name=op.f("uq_rank_entry_title_key")),
        sa.UniqueConstraint("uuid", name=op.f("uq_rank_entry_uuid")),
    )


def downgrade() -> None:
    op.drop_table("rank_entry")
