"""agreements: agreements with parties, signatories, axes and status history

Revision ID: 0003_agreements
Revises: 0002_visits
Create Date: 2026-11-24 04:00:00.000000

Datetimes are stored as naive UTC (the models' UTCDateTime); obligations of an agreement
live in the existing follow_up_task table (source_kind='agreement') and its files in the
attachment table (owner_kind='agreement').
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_agreements"
down_revision = "0002_visits"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "agreement",
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("title_en", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("status_changed_at", sa.DateTime(), nullable=False),
        sa.Column("reference_number", sa.String(length=100), nullable=False),
        sa.Column("signing_date", sa.Date(), nullable=True),
        sa.Column("signing_place", sa.String(length=300), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("duration_months", sa.Integer(), nullable=True),
        sa.Column("auto_renew", sa.Boolean(), nullable=False),
        sa.Column("renewal_months", sa.Integer(), nullable=True),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("visit_id", sa.Integer(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("legal_reviewer_person_id", sa.Integer(), nullable=True),
        sa.Column("legal_reviewer_text", sa.String(length=200), nullable=False),
        sa.Column("legal_review_date", sa.Date(), nullable=True),
        sa.Column("legal_verdict", sa.String(length=20), nullable=False),
        sa.Column("legal_opinion", sa.Text(), nullable=False),
        sa.Column("search_key", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["legal_reviewer_person_id"],
            ["person.id"],
            name=op.f("fk_agreement_legal_reviewer_person_id_person"),
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visit.id"], name=op.f("fk_agreement_visit_id_visit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement")),
        sa.UniqueConstraint("uuid", name=op.f("uq_agreement_uuid")),
    )
    with op.batch_alter_table("agreement", schema=None) as batch_op:
        batch_op.create_index(
            "ix_agreement_archived_at_expires_on", ["archived_at", "expires_on"], unique=False
        )
        batch_op.create_index(
            "ix_agreement_archived_at_signing_date", ["archived_at", "signing_date"], unique=False
        )
        batch_op.create_index(
            "ix_agreement_archived_at_title", ["archived_at", "title"], unique=False
        )
        batch_op.create_index(
            "ix_agreement_kind_archived_signing",
            ["kind", "archived_at", "signing_date"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_agreement_reference_number"), ["reference_number"], unique=False
        )
        batch_op.create_index(
            "ix_agreement_status_archived_signing",
            ["status", "archived_at", "signing_date"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_agreement_visit_id"), ["visit_id"], unique=False)

    op.create_table(
        "agreement_axis",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("axis", sa.String(length=30), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreement.id"],
            name=op.f("fk_agreement_axis_agreement_id_agreement"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_axis")),
        sa.UniqueConstraint("agreement_id", "axis", name=op.f("uq_agreement_axis_agreement_id")),
    )
    with op.batch_alter_table("agreement_axis", schema=None) as batch_op:
        batch_op.create_index(
            "ix_agreement_axis_axis_agreement_id", ["axis", "agreement_id"], unique=False
        )

    op.create_table(
        "agreement_party",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("side", sa.String(length=10), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("country_id", sa.Integer(), nullable=True),
        sa.Column("locality_fa", sa.String(length=200), nullable=False),
        sa.Column("locality_en", sa.String(length=200), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreement.id"],
            name=op.f("fk_agreement_party_agreement_id_agreement"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["country_id"], ["country.id"], name=op.f("fk_agreement_party_country_id_country")
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_agreement_party_organization_id_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_party")),
        sa.UniqueConstraint(
            "agreement_id", "organization_id", name=op.f("uq_agreement_party_agreement_id")
        ),
    )
    with op.batch_alter_table("agreement_party", schema=None) as batch_op:
        batch_op.create_index(
            "ix_agreement_party_country_id_agreement_id",
            ["country_id", "agreement_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_agreement_party_organization_id"), ["organization_id"], unique=False
        )

    op.create_table(
        "agreement_status_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("from_status", sa.String(length=20), nullable=False),
        sa.Column("to_status", sa.String(length=20), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("changed_by", sa.String(length=120), nullable=False),
        sa.Column("remark", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreement.id"],
            name=op.f("fk_agreement_status_change_agreement_id_agreement"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_status_change")),
    )
    with op.batch_alter_table("agreement_status_change", schema=None) as batch_op:
        batch_op.create_index(
            "ix_agreement_status_change_agreement_id_changed_at",
            ["agreement_id", "changed_at"],
            unique=False,
        )

    op.create_table(
        "agreement_signatory",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("party_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("title_fa", sa.String(length=250), nullable=False),
        sa.Column("title_en", sa.String(length=250), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreement.id"],
            name=op.f("fk_agreement_signatory_agreement_id_agreement"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["party_id"],
            ["agreement_party.id"],
            name=op.f("fk_agreement_signatory_party_id_agreement_party"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_agreement_signatory_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_signatory")),
        sa.UniqueConstraint(
            "agreement_id", "person_id", name=op.f("uq_agreement_signatory_agreement_id")
        ),
    )
    with op.batch_alter_table("agreement_signatory", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agreement_signatory_party_id"), ["party_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_agreement_signatory_person_id"), ["person_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("agreement_signatory", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreement_signatory_person_id"))
        batch_op.drop_index(batch_op.f("ix_agreement_signatory_party_id"))

    op.drop_table("agreement_signatory")
    with op.batch_alter_table("agreement_status_change", schema=None) as batch_op:
        batch_op.drop_index("ix_agreement_status_change_agreement_id_changed_at")

    op.drop_table("agreement_status_change")
    with op.batch_alter_table("agreement_party", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreement_party_organization_id"))
        batch_op.drop_index("ix_agreement_party_country_id_agreement_id")

    op.drop_table("agreement_party")
    with op.batch_alter_table("agreement_axis", schema=None) as batch_op:
        batch_op.drop_index("ix_agreement_axis_axis_agreement_id")

    op.drop_table("agreement_axis")
    with op.batch_alter_table("agreement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreement_visit_id"))
        batch_op.drop_index("ix_agreement_status_archived_signing")
        batch_op.drop_index(batch_op.f("ix_agreement_reference_number"))
        batch_op.drop_index("ix_agreement_kind_archived_signing")
        batch_op.drop_index("ix_agreement_archived_at_title")
        batch_op.drop_index("ix_agreement_archived_at_signing_date")
        batch_op.drop_index("ix_agreement_archived_at_expires_on")

    op.drop_table("agreement")
