"""Visits get what agreements have: a reference number and checklist owners and deadlines

Revision ID: 0012_visit_attachments
Revises: 0011_status_undo
Create Date: 2026-12-07 09:50:00.000000

``visit.reference_number`` is the office's reference or letter number; each protocol
checklist item gets an owner (typed text or a person) and an optional deadline.  A visit's
files need no table of their own: they are ``attachment`` rows with ``owner_kind="visit"``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_visit_attachments"
down_revision = "0011_status_undo"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("reference_number", sa.String(length=100), nullable=False, server_default="")
        )
    with op.batch_alter_table("visit_checklist_item", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("owner_text", sa.String(length=200), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("owner_person_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("deadline", sa.Date(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_visit_checklist_item_owner_person_id_person"),
            "person",
            ["owner_person_id"],
            ["id"],
        )


def downgrade() -> None:
    with op.batch_alter_table("visit_checklist_item", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_visit_checklist_item_owner_person_id_person"), type_="foreignkey"
        )
        batch_op.drop_column("deadline")
        batch_op.drop_column("owner_person_id")
        batch_op.drop_column("owner_text")
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.drop_column("reference_number")
