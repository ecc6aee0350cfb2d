"""users: the people who sign in, their roles and lockout state

Revision ID: 0019_users
Revises: 0018_delegations
Create Date: 2026-12-07 14:00:00

``app_user``: login name (unique once normalised and case-folded: ``login_key``), display
name, role (admin / editor / viewer), clearance for confidential records, the Argon2id
password hash, disabled flag, failed attempts and locked-until (UTC) for the lockout, last
sign-in.  The idle-lock minutes are an office setting (``office_setting``, key
``users.idle_lock_minutes``): no table of their own.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019_users"
down_revision = "0018_delegations"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "app_user",
        sa.Column("login", sa.String(length=60), nullable=False),
        sa.Column("login_key", sa.String(length=60), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("cleared", sa.Boolean(), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("disabled", sa.Boolean(), nullable=False),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("last_login_at", sa.DateTime(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_app_user")),
        sa.UniqueConstraint("login_key", name=op.f("uq_app_user_login_key")),
        sa.UniqueConstraint("uuid", name=op.f("uq_app_user_uuid")),
    )


def downgrade() -> None:
    op.drop_table("app_user")
