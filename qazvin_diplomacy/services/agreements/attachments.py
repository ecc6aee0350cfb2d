"""Files of an agreement, kept through ``services.attachments``."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from qazvin_diplomacy.core.attachments import MAX_ATTACHMENT_BYTES, AttachmentView
from qazvin_diplomacy.services.agreements.records import OWNER_KIND, WHAT, _refuse_archived
from qazvin_diplomacy.services.attachments import attach_checked, list_attachments
from qazvin_diplomacy.services.records import get_row
from qazvin_diplomacy.storage.agreements import Agreement
from qazvin_diplomacy.storage.database import Database


def add_agreement_attachment(
    db: Database,
    *,
    agreement_id: int,
    source: Path,
    description: str = "",
    limit: int = MAX_ATTACHMENT_BYTES,
) -> AttachmentView:
    """Attach a file (signed scan, draft in Persian or English …) to an agreement.

    The agreement must exist and not be archived; a missing, unreadable or too large file
    raises ``ValidationError`` on "file" (Persian) and no row is written.
    """

    def refuse(session: Session) -> None:
        _refuse_archived(get_row(session, Agreement, agreement_id, WHAT))

    return attach_checked(db, refuse, (OWNER_KIND, agreement_id), source, description, limit)


def list_agreement_attachments(db: Database, *, agreement_id: int) -> list[AttachmentView]:
    """The files of one agreement, oldest first (open one with ``services.attachments``)."""
    return list_attachments(db, owner_kind=OWNER_KIND, owner_id=agreement_id)
