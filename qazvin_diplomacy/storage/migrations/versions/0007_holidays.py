"""holidays: the office's corrections of lunar holidays and its own added holidays

Revision ID: 0007_holidays
Revises: 0006_rank_table
Create Date: 2026-11-24 08:00:00.000000

One row per confirmed (or cancelled: ``date`` NULL) lunar holiday occurrence, unique on
``(jalali_year, holiday_key, occurrence)``, plus rows for holidays the office adds itself
(``holiday_key`` NULL, names filled in).  The table starts empty: every lunar holiday is then
the approximate computed one.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_holidays"
down_revision = "0006_rank_table"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "holiday_entry",
        sa.Column("jalali_year", sa.Integer(), nullable=False),
        sa.Column("holiday_key", sa.String(length=40), nullable=True),
        sa.Column("occurrence", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("name_fa", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_holiday_entry")),
        sa.UniqueConstraint(
            "jalali_year",
            "holiday_key",
            "occurrence",
            name=op.f("uq_holiday_entry_jalali_year"),
        ),
        sa.UniqueConstraint("uuid", name=op.f("uq_holiday_entry_uuid")),
    )
    with op.batch_alter_table("holiday_entry", schema=None) as batch_op:
        batch_op.create_index("ix_holiday_entry_date", ["date"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("holiday_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_holiday_entry_date")
    op.drop_table("holiday_entry")
