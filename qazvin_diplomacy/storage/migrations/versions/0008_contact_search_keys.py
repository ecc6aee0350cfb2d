"""contact search keys: phone numbers of people and organizations, e-mail of organizations

Revision ID: 0008_contact_search_keys
Revises: 0007_holidays
Create Date: 2026-12-07 06:00:00.000000

Search finds a contact by a fragment of its phone number («۲۲۳۳» finds «۰۲۱-۲۲۳۳۴۴۵۵») or of
its e-mail address.  The services now end the stored ``search_key`` of a person with its
phone numbers and that of an organization with its phone numbers and e-mail
(``services.directory.person_search_key`` / ``organization_search_key``); this revision
appends the same fields to the keys already stored.  The search index follows through its
triggers (``AFTER UPDATE OF search_key``).  No schema change.

The fields are computed with the core's own functions (``core.directory.phone_search_fields``,
``core.text.index_key``), so the keys match what the services write.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from qazvin_diplomacy.core.directory import phone_search_fields
from qazvin_diplomacy.core.text import SEARCH_FIELD_SEPARATOR, index_key

revision = "0008_contact_search_keys"
down_revision = "0007_holidays"
branch_labels = None
depends_on = None


def _append(table: str, with_email: bool) -> None:
    conn = op.get_bind()
    columns = "id, search_key, phone" + (", email" if with_email else "")
    rows = conn.execute(
        sa.text(
            f"SELECT {columns} FROM {table} WHERE phone <> ''"
            + (" OR email <> ''" if with_email else "")
        )
    ).all()
    updates = []
    for row in rows:
        extra = index_key(*phone_search_fields(row.phone), row.email if with_email else "")
        if extra:
            key = SEARCH_FIELD_SEPARATOR.join(k for k in (row.search_key, extra) if k)
            updates.append({"id": row.id, "key": key})
    if updates:
        conn.execute(sa.text(f"UPDATE {table} SET search_key = :key WHERE id = :id"), updates)


def upgrade() -> None:
    _append("person", with_email=False)  # a person's key already held its e-mail
    _append("organization", with_email=True)


def downgrade() -> None:
    # The extra fields only widen what search finds; the next save of a record rewrites its key.
    pass
