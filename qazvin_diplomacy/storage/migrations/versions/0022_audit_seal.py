"""audit seal: triggers refusing UPDATE and DELETE of audit entries

Revision ID: 0022_audit_seal
Revises: 0021_speed_indexes
Create Date: 2026-12-07 17:10:00

The audit trail is append-only: an UPDATE or DELETE of ``audit_entry`` (and a TRUNCATE on
PostgreSQL) is refused by a trigger, on both engines.  The statements are
``storage.audit.seal_ddl``'s text, copied here so the migration never changes with the code.
The legitimate whole-database replacements lift the seal for their own transaction
(``storage.audit.unsealed``).
"""

from __future__ import annotations

from alembic import op

revision = "0022_audit_seal"
down_revision = "0021_speed_indexes"
branch_labels = None
depends_on = None

_MESSAGE = "audit_entry is append-only"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE OR REPLACE FUNCTION audit_entry_sealed() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN RAISE EXCEPTION '{_MESSAGE}'; END $$"
        )
        op.execute(
            "CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry "
            "FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_sealed()"
        )
        op.execute(
            "CREATE TRIGGER audit_entry_no_delete BEFORE DELETE OR TRUNCATE ON audit_entry "
            "FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_sealed()"
        )
        return
    op.execute(
        "CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry "
        f"BEGIN SELECT RAISE(ABORT, '{_MESSAGE}'); END"
    )
    op.execute(
        "CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry "
        f"BEGIN SELECT RAISE(ABORT, '{_MESSAGE}'); END"
    )


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for name in ("audit_entry_no_update", "audit_entry_no_delete"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}" + (" ON audit_entry" if postgresql else ""))
    if postgresql:
        op.execute("DROP FUNCTION IF EXISTS audit_entry_sealed()")
