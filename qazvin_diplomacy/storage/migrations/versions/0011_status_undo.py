"""The event's history of decisions: "held" taken back, with the reason

Revision ID: 0011_status_undo
Revises: 0010_visit_decisions
Create Date: 2026-12-07 09:55:00.000000

Events had no history table (agreements keep theirs in ``agreement_status_change``);
``event_log_entry`` mirrors ``visit_log_entry``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_status_undo"
down_revision = "0010_visit_decisions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "event_log_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=False),
        sa.Column("new_value", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_event_log_entry_event_id_event"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_log_entry")),
    )
    with op.batch_alter_table("event_log_entry", schema=None) as batch_op:
        batch_op.create_index("ix_event_log_entry_event_id", ["event_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("event_log_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_event_log_entry_event_id")
    op.drop_table("event_log_entry")
