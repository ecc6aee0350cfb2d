"""foundation: directory, follow-ups, attachments

Revision ID: 0001_foundation
Revises:
Create Date: 2026-11-24 02:54:12.666665
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_foundation"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attachment",
        sa.Column("owner_kind", sa.String(length=30), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("original_name", sa.String(length=260), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachment")),
        sa.UniqueConstraint("uuid", name=op.f("uq_attachment_uuid")),
    )
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.create_index("ix_attachment_owner", ["owner_kind", "owner_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_attachment_sha256"), ["sha256"], unique=False)

    op.create_table(
        "country",
        sa.Column("iso2", sa.String(length=2), nullable=False),
        sa.Column("iso3", sa.String(length=3), nullable=False),
        sa.Column("name_fa", sa.String(length=120), nullable=False),
        sa.Column("name_en", sa.String(length=120), nullable=False),
        sa.Column("region", sa.String(length=30), nullable=False),
        sa.Column("is_target", sa.Boolean(), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("search_key", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_country")),
        sa.UniqueConstraint("iso2", name=op.f("uq_country_iso2")),
        sa.UniqueConstraint("iso3", name=op.f("uq_country_iso3")),
        sa.UniqueConstraint("uuid", name=op.f("uq_country_uuid")),
    )
    with op.batch_alter_table("country", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_country_search_key"), ["search_key"], unique=False)

    op.create_table(
        "organization",
        sa.Column("name_fa", sa.String(length=250), nullable=False),
        sa.Column("name_en", sa.String(length=250), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("country_id", sa.Integer(), nullable=True),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("city_fa", sa.String(length=120), nullable=False),
        sa.Column("city_en", sa.String(length=120), nullable=False),
        sa.Column("phone", sa.String(length=120), nullable=False),
        sa.Column("email", sa.String(length=250), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("search_key", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["country_id"], ["country.id"], name=op.f("fk_organization_country_id_country")
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["organization.id"], name=op.f("fk_organization_parent_id_organization")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organization")),
        sa.UniqueConstraint("uuid", name=op.f("uq_organization_uuid")),
    )
    with op.batch_alter_table("organization", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_organization_country_id"), ["country_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_organization_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "person",
        sa.Column("name_fa", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("honorific_fa", sa.String(length=60), nullable=False),
        sa.Column("honorific_en", sa.String(length=60), nullable=False),
        sa.Column("title_fa", sa.String(length=250), nullable=False),
        sa.Column("title_en", sa.String(length=250), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=True),
        sa.Column("country_id", sa.Integer(), nullable=True),
        sa.Column("diplomatic_rank", sa.String(length=30), nullable=True),
        sa.Column("functions_started_at", sa.DateTime(), nullable=True),
        sa.Column("languages", sa.String(length=120), nullable=False),
        sa.Column("phone", sa.String(length=120), nullable=False),
        sa.Column("email", sa.String(length=250), nullable=False),
        sa.Column("biography", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("search_key", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["country_id"], ["country.id"], name=op.f("fk_person_country_id_country")
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_person_organization_id_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
        sa.UniqueConstraint("uuid", name=op.f("uq_person_uuid")),
    )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_country_id"), ["country_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_person_organization_id"), ["organization_id"], unique=False
        )

    op.create_table(
        "follow_up_task",
        sa.Column("source_kind", sa.String(length=30), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("owner_person_id", sa.Integer(), nullable=True),
        sa.Column("owner_text", sa.String(length=200), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("search_key", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["owner_person_id"],
            ["person.id"],
            name=op.f("fk_follow_up_task_owner_person_id_person"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_up_task")),
        sa.UniqueConstraint("uuid", name=op.f("uq_follow_up_task_uuid")),
    )
    with op.batch_alter_table("follow_up_task", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_follow_up_task_deadline"), ["deadline"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_follow_up_task_owner_person_id"), ["owner_person_id"], unique=False
        )
        batch_op.create_index(
            "ix_follow_up_task_source", ["source_kind", "source_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_follow_up_task_status"), ["status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("follow_up_task", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_follow_up_task_status"))
        batch_op.drop_index("ix_follow_up_task_source")
        batch_op.drop_index(batch_op.f("ix_follow_up_task_owner_person_id"))
        batch_op.drop_index(batch_op.f("ix_follow_up_task_deadline"))

    op.drop_table("follow_up_task")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_organization_id"))
        batch_op.drop_index(batch_op.f("ix_person_country_id"))

    op.drop_table("person")
    with op.batch_alter_table("organization", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organization_parent_id"))
        batch_op.drop_index(batch_op.f("ix_organization_country_id"))

    op.drop_table("organization")
    with op.batch_alter_table("country", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_country_search_key"))

    op.drop_table("country")
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attachment_sha256"))
        batch_op.drop_index("ix_attachment_owner")

    op.drop_table("attachment")
