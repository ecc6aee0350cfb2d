"""The visit's history of decisions and the clash a reason was given for

Revision ID: 0010_visit_decisions
Revises: 0009_outgoing_letters
Create Date: 2026-12-07 08:30:00.000000

``visit.conflict_key`` remembers which clash the stored ``conflict_reason`` answers, so a
later save asks again only when the clash changed; ``visit_log_entry`` keeps earlier clash
reasons and undone status moves with their reasons.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_visit_decisions"
down_revision = "0009_outgoing_letters"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.add_column(sa.Column("conflict_key", sa.Text(), nullable=False, server_default=""))
    op.create_table(
        "visit_log_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=False),
        sa.Column("new_value", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visit.id"],
            name=op.f("fk_visit_log_entry_visit_id_visit"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit_log_entry")),
    )
    with op.batch_alter_table("visit_log_entry", schema=None) as batch_op:
        batch_op.create_index("ix_visit_log_entry_visit_id", ["visit_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("visit_log_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_visit_log_entry_visit_id")
    op.drop_table("visit_log_entry")
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.drop_column("conflict_key")
