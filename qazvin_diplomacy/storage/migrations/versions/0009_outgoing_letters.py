"""outgoing letters: the register (اندیکاتور), its yearly counters and the office's settings

Revision ID: 0009_outgoing_letters
Revises: 0008_contact_search_keys
Create Date: 2026-12-07 08:30:00.000000

``outgoing_letter`` holds one row per numbered letter, unique on ``(jalali_year, seq)`` and on
``source_key`` (what it was printed for, so a reprint reuses its number); ``letter_counter``
the last number given in each Jalali year (a number is never given twice, even if a row were
lost); ``office_setting`` key/value pairs the whole office shares (number pattern,
letterhead, signatory, emblem).  All start empty.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_outgoing_letters"
down_revision = "0008_contact_search_keys"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outgoing_letter",
        sa.Column("jalali_year", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=80), nullable=False),
        sa.Column("letter_date", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("addressee", sa.String(length=300), nullable=False),
        sa.Column("subject", sa.String(length=500), nullable=False),
        sa.Column("link_kind", sa.String(length=30), nullable=False),
        sa.Column("link_id", sa.Integer(), nullable=True),
        sa.Column("attachments_note", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("cc", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("source_key", sa.String(length=120), nullable=True),
        sa.Column("search_key", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outgoing_letter")),
        sa.UniqueConstraint("jalali_year", "seq", name=op.f("uq_outgoing_letter_jalali_year")),
        sa.UniqueConstraint("source_key", name=op.f("uq_outgoing_letter_source_key")),
        sa.UniqueConstraint("uuid", name=op.f("uq_outgoing_letter_uuid")),
    )
    with op.batch_alter_table("outgoing_letter", schema=None) as batch_op:
        batch_op.create_index("ix_outgoing_letter_link", ["link_kind", "link_id"], unique=False)
        batch_op.create_index("ix_outgoing_letter_number", ["number"], unique=False)
        batch_op.create_index("ix_outgoing_letter_letter_date", ["letter_date"], unique=False)
    op.create_table(
        "letter_counter",
        sa.Column("jalali_year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("jalali_year", name=op.f("pk_letter_counter")),
    )
    op.create_table(
        "office_setting",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_office_setting")),
    )


def downgrade() -> None:
    op.drop_table("office_setting")
    op.drop_table("letter_counter")
    with op.batch_alter_table("outgoing_letter", schema=None) as batch_op:
        batch_op.drop_index("ix_outgoing_letter_letter_date")
        batch_op.drop_index("ix_outgoing_letter_number")
        batch_op.drop_index("ix_outgoing_letter_link")
    op.drop_table("outgoing_letter")
