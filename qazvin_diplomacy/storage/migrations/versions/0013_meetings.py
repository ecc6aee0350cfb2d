"""meetings: series, sessions and minutes, agenda items, resolutions and their follow-up log

Revision ID: 0013_meetings
Revises: 0012_visit_attachments
Create Date: 2026-12-07 11:02:26.458487

The economic-diplomacy secretariat's tables (see ``storage.meetings``).  Series, meetings
and resolutions join the global search: on SQLite their rows are copied into ``search_fts``
and triggers keep them current (this file carries its own copy of the trigger SQL, the text
``services.search_upkeep.search_index_ddl`` generates, as 0005 does); another database builds its
search its own way.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013_meetings"
down_revision = "0012_visit_attachments"
branch_labels = None
depends_on = None

KIND_SPAN = 1 << 40
# (code, table) of the kinds this revision adds to the search; all are archivable.
SEARCH_SOURCES = ((8, "meeting_series"), (9, "meeting"), (10, "resolution"))


def _rowid(prefix: str, code: int) -> str:
    return f"({code * KIND_SPAN} + {prefix}.id)"


def _trigger_ddl(code: int, table: str) -> list[str]:
    live_new = " AND new.archived_at IS NULL"
    return [
        f"CREATE TRIGGER search_fts_{table}_ai AFTER INSERT ON {table} "
        f"WHEN new.search_key <> ''{live_new} BEGIN "
        f"INSERT INTO search_fts(rowid, key) VALUES ({_rowid('new', code)}, new.search_key); END",
        f"CREATE TRIGGER search_fts_{table}_au AFTER UPDATE OF search_key, archived_at ON {table} BEGIN "
        f"DELETE FROM search_fts WHERE rowid = {_rowid('old', code)}; "
        f"INSERT INTO search_fts(rowid, key) SELECT {_rowid('new', code)}, new.search_key "
        f"WHERE new.search_key <> ''{live_new}; END",
        f"CREATE TRIGGER search_fts_{table}_ad AFTER DELETE ON {table} BEGIN "
        f"DELETE FROM search_fts WHERE rowid = {_rowid('old', code)}; END",
    ]


def _has_search_index() -> bool:
    bind = op.get_bind()
    return bind.dialect.name == "sqlite" and "search_fts" in sa.inspect(bind).get_table_names()


def upgrade() -> None:
    op.create_table(
        "meeting_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_kind", sa.String(length=30), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("target_kind", sa.String(length=30), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_link")),
        sa.UniqueConstraint(
            "owner_kind",
            "owner_id",
            "target_kind",
            "target_id",
            name=op.f("uq_meeting_link_owner_kind"),
        ),
    )
    with op.batch_alter_table("meeting_link", schema=None) as batch_op:
        batch_op.create_index("ix_meeting_link_target", ["target_kind", "target_id"], unique=False)

    op.create_table(
        "meeting_series",
        sa.Column("name_fa", sa.String(length=300), nullable=False),
        sa.Column("name_en", sa.String(length=300), nullable=False),
        sa.Column("chair_person_id", sa.Integer(), nullable=True),
        sa.Column("chair_text", sa.String(length=200), nullable=False),
        sa.Column("secretary_person_id", sa.Integer(), nullable=True),
        sa.Column("secretary_text", sa.String(length=200), nullable=False),
        sa.Column("venue", sa.String(length=300), nullable=False),
        sa.Column("frequency", sa.String(length=20), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=True),
        sa.Column("day", sa.Integer(), nullable=True),
        sa.Column("nth", sa.Integer(), nullable=True),
        sa.Column("interval", sa.Integer(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=True),
        sa.Column("end_time", sa.Time(), nullable=True),
        sa.Column("first_number", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("search_key", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["chair_person_id"],
            ["person.id"],
            name=op.f("fk_meeting_series_chair_person_id_person"),
        ),
        sa.ForeignKeyConstraint(
            ["secretary_person_id"],
            ["person.id"],
            name=op.f("fk_meeting_series_secretary_person_id_person"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_series")),
        sa.UniqueConstraint("uuid", name=op.f("uq_meeting_series_uuid")),
    )
    op.create_table(
        "meeting",
        sa.Column("series_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("meeting_date", sa.Date(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=True),
        sa.Column("end_time", sa.Time(), nullable=True),
        sa.Column("venue", sa.String(length=300), nullable=False),
        sa.Column("chair_person_id", sa.Integer(), nullable=True),
        sa.Column("chair_text", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("minutes_version", sa.Integer(), nullable=False),
        sa.Column("approved_at", sa.DateTime(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("search_key", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["chair_person_id"], ["person.id"], name=op.f("fk_meeting_chair_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["series_id"], ["meeting_series.id"], name=op.f("fk_meeting_series_id_meeting_series")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting")),
        sa.UniqueConstraint("series_id", "number", name=op.f("uq_meeting_series_id")),
        sa.UniqueConstraint("uuid", name=op.f("uq_meeting_uuid")),
    )
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.create_index(
            "ix_meeting_archived_at_meeting_date", ["archived_at", "meeting_date"], unique=False
        )
        batch_op.create_index(
            "ix_meeting_series_id_meeting_date", ["series_id", "meeting_date"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_meeting_status"), ["status"], unique=False)

    op.create_table(
        "meeting_series_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("series_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("organization_id", sa.Integer(), nullable=True),
        sa.Column("role", sa.String(length=200), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_meeting_series_member_organization_id_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_meeting_series_member_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["series_id"],
            ["meeting_series.id"],
            name=op.f("fk_meeting_series_member_series_id_meeting_series"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_series_member")),
    )
    with op.batch_alter_table("meeting_series_member", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_meeting_series_member_series_id"), ["series_id"], unique=False
        )

    op.create_table(
        "meeting_agenda_item",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("presenter_person_id", sa.Integer(), nullable=True),
        sa.Column("presenter_text", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_meeting_agenda_item_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["presenter_person_id"],
            ["person.id"],
            name=op.f("fk_meeting_agenda_item_presenter_person_id_person"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_agenda_item")),
        sa.UniqueConstraint("uuid", name=op.f("uq_meeting_agenda_item_uuid")),
    )
    with op.batch_alter_table("meeting_agenda_item", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_meeting_agenda_item_meeting_id"), ["meeting_id"], unique=False
        )

    op.create_table(
        "meeting_attendee",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("name_text", sa.String(length=200), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=True),
        sa.Column("role", sa.String(length=200), nullable=False),
        sa.Column("attendance", sa.String(length=20), nullable=False),
        sa.Column("represented_by_person_id", sa.Integer(), nullable=True),
        sa.Column("represented_by_text", sa.String(length=200), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_meeting_attendee_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_meeting_attendee_organization_id_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_meeting_attendee_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["represented_by_person_id"],
            ["person.id"],
            name=op.f("fk_meeting_attendee_represented_by_person_id_person"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_attendee")),
    )
    with op.batch_alter_table("meeting_attendee", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_meeting_attendee_meeting_id"), ["meeting_id"], unique=False
        )

    op.create_table(
        "meeting_invited_body",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_meeting_invited_body_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_meeting_invited_body_organization_id_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_invited_body")),
        sa.UniqueConstraint(
            "meeting_id", "organization_id", name=op.f("uq_meeting_invited_body_meeting_id")
        ),
    )
    with op.batch_alter_table("meeting_invited_body", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_meeting_invited_body_organization_id"), ["organization_id"], unique=False
        )

    op.create_table(
        "meeting_minutes_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("approved_at", sa.DateTime(), nullable=False),
        sa.Column("approved_by", sa.String(length=200), nullable=False),
        sa.Column("correction_reason", sa.Text(), nullable=False),
        sa.Column("snapshot", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_meeting_minutes_version_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_minutes_version")),
        sa.UniqueConstraint(
            "meeting_id", "version", name=op.f("uq_meeting_minutes_version_meeting_id")
        ),
    )
    op.create_table(
        "resolution",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("series_id", sa.Integer(), nullable=False),
        sa.Column("session_number", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("responsible_org_id", sa.Integer(), nullable=True),
        sa.Column("person_in_charge_id", sa.Integer(), nullable=True),
        sa.Column("person_in_charge_text", sa.String(length=200), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("closing_note", sa.Text(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("search_key", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["meeting_agenda_item.id"],
            name=op.f("fk_resolution_agenda_item_id_meeting_agenda_item"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name=op.f("fk_resolution_meeting_id_meeting")
        ),
        sa.ForeignKeyConstraint(
            ["person_in_charge_id"],
            ["person.id"],
            name=op.f("fk_resolution_person_in_charge_id_person"),
        ),
        sa.ForeignKeyConstraint(
            ["responsible_org_id"],
            ["organization.id"],
            name=op.f("fk_resolution_responsible_org_id_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["series_id"],
            ["meeting_series.id"],
            name=op.f("fk_resolution_series_id_meeting_series"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resolution")),
        sa.UniqueConstraint("meeting_id", "seq", name=op.f("uq_resolution_meeting_id")),
        sa.UniqueConstraint("uuid", name=op.f("uq_resolution_uuid")),
    )
    with op.batch_alter_table("resolution", schema=None) as batch_op:
        batch_op.create_index(
            "ix_resolution_archived_status_deadline_body",
            ["archived_at", "status", "deadline", "responsible_org_id"],
            unique=False,
        )
        batch_op.create_index(
            "ix_resolution_body_status_deadline",
            ["responsible_org_id", "status", "deadline"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_resolution_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(
            "ix_resolution_series_status_deadline",
            ["series_id", "status", "deadline"],
            unique=False,
        )

    op.create_table(
        "resolution_body",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("resolution_id", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_resolution_body_organization_id_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["resolution_id"],
            ["resolution.id"],
            name=op.f("fk_resolution_body_resolution_id_resolution"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resolution_body")),
        sa.UniqueConstraint(
            "resolution_id", "organization_id", name=op.f("uq_resolution_body_resolution_id")
        ),
    )
    with op.batch_alter_table("resolution_body", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_resolution_body_organization_id"), ["organization_id"], unique=False
        )

    op.create_table(
        "resolution_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("resolution_id", sa.Integer(), nullable=False),
        sa.Column("entry_date", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("letter_number", sa.String(length=100), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("old_deadline", sa.Date(), nullable=True),
        sa.Column("new_deadline", sa.Date(), nullable=True),
        sa.Column("old_status", sa.String(length=20), nullable=False),
        sa.Column("new_status", sa.String(length=20), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["resolution_id"],
            ["resolution.id"],
            name=op.f("fk_resolution_log_resolution_id_resolution"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resolution_log")),
    )
    with op.batch_alter_table("resolution_log", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_resolution_log_resolution_id"), ["resolution_id"], unique=False
        )
    if _has_search_index():
        for code, table in SEARCH_SOURCES:
            for statement in _trigger_ddl(code, table):
                op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for code, table in SEARCH_SOURCES:
            for suffix in ("ai", "au", "ad"):
                op.execute(f"DROP TRIGGER IF EXISTS search_fts_{table}_{suffix}")
            if _has_search_index():
                op.execute(
                    f"DELETE FROM search_fts WHERE rowid BETWEEN {code * KIND_SPAN} "
                    f"AND {(code + 1) * KIND_SPAN - 1}"
                )
    with op.batch_alter_table("resolution_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_resolution_log_resolution_id"))

    op.drop_table("resolution_log")
    with op.batch_alter_table("resolution_body", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_resolution_body_organization_id"))

    op.drop_table("resolution_body")
    with op.batch_alter_table("resolution", schema=None) as batch_op:
        batch_op.drop_index("ix_resolution_series_status_deadline")
        batch_op.drop_index(batch_op.f("ix_resolution_meeting_id"))
        batch_op.drop_index("ix_resolution_body_status_deadline")
        batch_op.drop_index("ix_resolution_archived_status_deadline_body")

    op.drop_table("resolution")
    op.drop_table("meeting_minutes_version")
    with op.batch_alter_table("meeting_invited_body", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_invited_body_organization_id"))

    op.drop_table("meeting_invited_body")
    with op.batch_alter_table("meeting_attendee", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_attendee_meeting_id"))

    op.drop_table("meeting_attendee")
    with op.batch_alter_table("meeting_agenda_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_agenda_item_meeting_id"))

    op.drop_table("meeting_agenda_item")
    with op.batch_alter_table("meeting_series_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_series_member_series_id"))

    op.drop_table("meeting_series_member")
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_status"))
        batch_op.drop_index("ix_meeting_series_id_meeting_date")
        batch_op.drop_index("ix_meeting_archived_at_meeting_date")

    op.drop_table("meeting")
    op.drop_table("meeting_series")
    with op.batch_alter_table("meeting_link", schema=None) as batch_op:
        batch_op.drop_index("ix_meeting_link_target")

    op.drop_table("meeting_link")
