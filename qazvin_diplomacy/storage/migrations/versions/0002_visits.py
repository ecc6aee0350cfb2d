"""visits: visits with guests, hosts, itinerary, protocol checklist and gifts

Revision ID: 0002_visits
Revises: 0001_foundation
Create Date: 2026-11-24 02:57:18.171407

Datetimes are stored as naive UTC (the models' UTCDateTime); follow-up tasks of a visit
live in the existing follow_up_task table (source_kind='visit').
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_visits"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "visit",
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("title_en", sa.String(length=300), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("start_at", sa.DateTime(), nullable=False),
        sa.Column("end_at", sa.DateTime(), nullable=False),
        sa.Column("venue", sa.String(length=300), nullable=False),
        sa.Column("venue_key", sa.String(length=300), nullable=False),
        sa.Column("country_id", sa.Integer(), nullable=True),
        sa.Column("delegation_name", sa.String(length=300), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("conflict_reason", sa.Text(), nullable=False),
        sa.Column("search_key", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["country_id"], ["country.id"], name=op.f("fk_visit_country_id_country")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit")),
        sa.UniqueConstraint("uuid", name=op.f("uq_visit_uuid")),
    )
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.create_index(
            "ix_visit_archived_at_start_at", ["archived_at", "start_at"], unique=False
        )
        batch_op.create_index(
            "ix_visit_country_archived_start",
            ["country_id", "archived_at", "start_at"],
            unique=False,
        )
        batch_op.create_index(
            "ix_visit_status_archived_start", ["status", "archived_at", "start_at"], unique=False
        )
        batch_op.create_index(
            "ix_visit_archived_at_end_at", ["archived_at", "end_at"], unique=False
        )
        batch_op.create_index("ix_visit_archived_at_title", ["archived_at", "title"], unique=False)
        batch_op.create_index("ix_visit_archived_at_venue", ["archived_at", "venue"], unique=False)
        batch_op.create_index(batch_op.f("ix_visit_venue_key"), ["venue_key"], unique=False)

    op.create_table(
        "visit_checklist_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("item_key", sa.String(length=30), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visit.id"],
            name=op.f("fk_visit_checklist_item_visit_id_visit"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit_checklist_item")),
        sa.UniqueConstraint("visit_id", "item_key", name=op.f("uq_visit_checklist_item_visit_id")),
    )
    op.create_table(
        "visit_gift",
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("direction", sa.String(length=20), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("description", sa.String(length=500), nullable=False),
        sa.Column("description_key", sa.String(length=500), nullable=False),
        sa.Column("gift_date", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_visit_gift_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visit.id"],
            name=op.f("fk_visit_gift_visit_id_visit"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit_gift")),
        sa.UniqueConstraint("uuid", name=op.f("uq_visit_gift_uuid")),
    )
    with op.batch_alter_table("visit_gift", schema=None) as batch_op:
        batch_op.create_index(
            "ix_visit_gift_person_id_description_key",
            ["person_id", "description_key"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_visit_gift_visit_id"), ["visit_id"], unique=False)

    op.create_table(
        "visit_guest",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_visit_guest_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visit.id"],
            name=op.f("fk_visit_guest_visit_id_visit"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit_guest")),
        sa.UniqueConstraint("visit_id", "person_id", name=op.f("uq_visit_guest_visit_id")),
    )
    with op.batch_alter_table("visit_guest", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_visit_guest_person_id"), ["person_id"], unique=False)

    op.create_table(
        "visit_host",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_visit_host_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visit.id"],
            name=op.f("fk_visit_host_visit_id_visit"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit_host")),
        sa.UniqueConstraint("visit_id", "person_id", name=op.f("uq_visit_host_visit_id")),
    )
    with op.batch_alter_table("visit_host", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_visit_host_person_id"), ["person_id"], unique=False)

    op.create_table(
        "visit_itinerary_item",
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("start_at", sa.DateTime(), nullable=False),
        sa.Column("end_at", sa.DateTime(), nullable=False),
        sa.Column("place", sa.String(length=300), nullable=False),
        sa.Column("activity", sa.Text(), nullable=False),
        sa.Column("place_en", sa.String(length=300), nullable=False),
        sa.Column("activity_en", sa.Text(), nullable=False),
        sa.Column("responsible_text", sa.String(length=200), nullable=False),
        sa.Column("responsible_person_id", sa.Integer(), nullable=True),
        sa.Column("transport", sa.String(length=200), nullable=False),
        sa.Column("interpreter", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["responsible_person_id"],
            ["person.id"],
            name=op.f("fk_visit_itinerary_item_responsible_person_id_person"),
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visit.id"],
            name=op.f("fk_visit_itinerary_item_visit_id_visit"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit_itinerary_item")),
        sa.UniqueConstraint("uuid", name=op.f("uq_visit_itinerary_item_uuid")),
    )
    with op.batch_alter_table("visit_itinerary_item", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_visit_itinerary_item_visit_id"), ["visit_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("visit_itinerary_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_visit_itinerary_item_visit_id"))

    op.drop_table("visit_itinerary_item")
    with op.batch_alter_table("visit_host", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_visit_host_person_id"))

    op.drop_table("visit_host")
    with op.batch_alter_table("visit_guest", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_visit_guest_person_id"))

    op.drop_table("visit_guest")
    with op.batch_alter_table("visit_gift", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_visit_gift_visit_id"))
        batch_op.drop_index("ix_visit_gift_person_id_description_key")

    op.drop_table("visit_gift")
    op.drop_table("visit_checklist_item")
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_visit_venue_key"))
        batch_op.drop_index("ix_visit_archived_at_venue")
        batch_op.drop_index("ix_visit_archived_at_title")
        batch_op.drop_index("ix_visit_archived_at_end_at")
        batch_op.drop_index("ix_visit_status_archived_start")
        batch_op.drop_index("ix_visit_country_archived_start")
        batch_op.drop_index("ix_visit_archived_at_start_at")

    op.drop_table("visit")
