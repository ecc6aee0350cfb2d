"""events: events with programme items, guests (invitations, replies, attendance, seats) and tables

Revision ID: 0004_events
Revises: 0003_agreements
Create Date: 2026-11-24 05:00:00.000000

Datetimes are stored as naive UTC (the models' UTCDateTime); dates and times of day of an
event are local (Tehran) values.  A seat is unique per (event, table, seat).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_events"
down_revision = "0003_agreements"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "event",
        sa.Column("title_fa", sa.String(length=300), nullable=False),
        sa.Column("title_en", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=True),
        sa.Column("end_time", sa.Time(), nullable=True),
        sa.Column("venue", sa.String(length=300), nullable=False),
        sa.Column("venue_en", sa.String(length=300), nullable=False),
        sa.Column("organizer", sa.String(length=300), nullable=False),
        sa.Column("organizer_en", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("budget_notes", sa.Text(), nullable=False),
        sa.Column("recurrence_kind", sa.String(length=20), nullable=True),
        sa.Column("recurrence_day", sa.Integer(), nullable=True),
        sa.Column("recurrence_month", sa.Integer(), nullable=True),
        sa.Column("recurrence_weekday", sa.Integer(), nullable=True),
        sa.Column("recurrence_nth", sa.Integer(), nullable=True),
        sa.Column("source_event_id", sa.Integer(), nullable=True),
        sa.Column("search_key", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["source_event_id"],
            ["event.id"],
            name=op.f("fk_event_source_event_id_event"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event")),
        sa.UniqueConstraint("uuid", name=op.f("uq_event_uuid")),
    )
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.create_index(
            "ix_event_archived_at_start_date", ["archived_at", "start_date"], unique=False
        )
        batch_op.create_index(
            "ix_event_kind_archived_start", ["kind", "archived_at", "start_date"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_event_source_event_id"), ["source_event_id"], unique=False
        )
        batch_op.create_index(
            "ix_event_status_archived_start", ["status", "archived_at", "start_date"], unique=False
        )

    op.create_table(
        "event_programme_item",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=True),
        sa.Column("end_time", sa.Time(), nullable=True),
        sa.Column("item_fa", sa.Text(), nullable=False),
        sa.Column("item_en", sa.Text(), nullable=False),
        sa.Column("speaker", sa.String(length=300), nullable=False),
        sa.Column("speaker_en", sa.String(length=300), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_event_programme_item_event_id_event"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_programme_item")),
        sa.UniqueConstraint("uuid", name=op.f("uq_event_programme_item_uuid")),
    )
    with op.batch_alter_table("event_programme_item", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_event_programme_item_event_id"), ["event_id"], unique=False
        )

    op.create_table(
        "event_guest",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("companions", sa.Integer(), nullable=False),
        sa.Column("invitation_sent_on", sa.Date(), nullable=True),
        sa.Column("invitation_channel", sa.String(length=20), nullable=True),
        sa.Column("rsvp", sa.String(length=20), nullable=False),
        sa.Column("rsvp_on", sa.Date(), nullable=True),
        sa.Column("attended", sa.Boolean(), nullable=False),
        sa.Column("checked_in_at", sa.DateTime(), nullable=True),
        sa.Column("table_no", sa.Integer(), nullable=True),
        sa.Column("seat_no", sa.Integer(), nullable=True),
        sa.Column("seat_behind", sa.Boolean(), nullable=False),
        sa.Column("seat_manual", sa.Boolean(), nullable=False),
        sa.Column("interpreter_for_person_id", sa.Integer(), nullable=True),
        sa.Column("manual_precedence", sa.Integer(), nullable=True),
        sa.Column("remarks", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_event_guest_event_id_event"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["interpreter_for_person_id"],
            ["person.id"],
            name=op.f("fk_event_guest_interpreter_for_person_id_person"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_event_guest_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_guest")),
        sa.UniqueConstraint("event_id", "person_id", name=op.f("uq_event_guest_event_id")),
        sa.UniqueConstraint("event_id", "table_no", "seat_no", name="uq_event_guest_seat"),
        sa.UniqueConstraint("uuid", name=op.f("uq_event_guest_uuid")),
    )
    with op.batch_alter_table("event_guest", schema=None) as batch_op:
        batch_op.create_index("ix_event_guest_event_id_rsvp", ["event_id", "rsvp"], unique=False)
        batch_op.create_index(batch_op.f("ix_event_guest_person_id"), ["person_id"], unique=False)

    op.create_table(
        "event_table",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("shape", sa.String(length=20), nullable=False),
        sa.Column("host_person_id", sa.Integer(), nullable=True),
        sa.Column("host_seat", sa.Integer(), nullable=True),
        sa.Column("label", sa.String(length=120), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_event_table_event_id_event"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["host_person_id"], ["person.id"], name=op.f("fk_event_table_host_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_table")),
        sa.UniqueConstraint("event_id", "number", name=op.f("uq_event_table_event_id")),
    )


def downgrade() -> None:
    op.drop_table("event_table")
    with op.batch_alter_table("event_guest", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_guest_person_id"))
        batch_op.drop_index("ix_event_guest_event_id_rsvp")

    op.drop_table("event_guest")
    with op.batch_alter_table("event_programme_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_programme_item_event_id"))

    op.drop_table("event_programme_item")
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.drop_index("ix_event_status_archived_start")
        batch_op.drop_index(batch_op.f("ix_event_source_event_id"))
        batch_op.drop_index("ix_event_kind_archived_start")
        batch_op.drop_index("ix_event_archived_at_start_date")

    op.drop_table("event")
