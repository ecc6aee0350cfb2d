"""confidential: a flag on visits, agreements, meetings and delegations

Revision ID: 0020_confidential
Revises: 0018_delegations
Create Date: 2026-12-07 14:00:00

``confidential`` (false for every existing record) hides a visit, agreement, meeting or trade
delegation from users without clearance (``storage.confidential``); a meeting's resolutions
are hidden with it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020_confidential"
down_revision = "0019_users"
branch_labels = None
depends_on = None

TABLES = ("visit", "agreement", "meeting", "trade_delegation")


def upgrade() -> None:
    # A plain ADD COLUMN on both databases: batch mode would copy SQLite's tables and drop
    # their search-index triggers.
    for table in TABLES:
        op.add_column(
            table,
            sa.Column("confidential", sa.Boolean(), nullable=False, server_default=sa.false()),
        )


def downgrade() -> None:  # the search triggers come back with `check --repair`
    for table in TABLES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("confidential")
