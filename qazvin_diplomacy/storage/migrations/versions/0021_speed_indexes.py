"""speed indexes: the calendar's visit range read from an index alone

Revision ID: 0021_speed_indexes
Revises: 0018_delegations
Create Date: 2026-12-07 14:30:00

The calendar asks for the visits overlapping a month (``start_at < upper AND end_at >
lower``, started at most the longest visit earlier) and, once more as a subquery, for their
guests and hosts.  ``ix_visit_archived_start_end`` (archived_at, start_at, end_at) answers
both from the index alone; the (archived_at, start_at) index it replaces read the table row
of every visit of the months before to look at its end.
"""

from __future__ import annotations

from alembic import op

revision = "0021_speed_indexes"
down_revision = "0020_confidential"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.create_index(
            "ix_visit_archived_start_end", ["archived_at", "start_at", "end_at"], unique=False
        )
        batch_op.drop_index("ix_visit_archived_at_start_at")


def downgrade() -> None:
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.create_index(
            "ix_visit_archived_at_start_at", ["archived_at", "start_at"], unique=False
        )
        batch_op.drop_index("ix_visit_archived_start_end")
