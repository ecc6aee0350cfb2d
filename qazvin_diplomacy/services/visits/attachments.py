"""Files of a visit (invitation letter, programme, photos), kept through ``services.attachments``."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from qazvin_diplomacy.core.attachments import MAX_ATTACHMENT_BYTES, AttachmentView
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.services.attachments import attach_checked, list_attachments
from qazvin_diplomacy.services.records import get_row
from qazvin_diplomacy.services.visits.records import SOURCE_KIND, WHAT
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.storage.visits import Visit


def add_visit_attachment(
    db: Database,
    *,
    visit_id: int,
    source: Path,
    description: str = "",
    limit: int = MAX_ATTACHMENT_BYTES,
) -> AttachmentView:
    """Attach a file to a visit (``owner_kind="visit"``).

    The visit must exist and not be archived; a missing, unreadable or too large file raises
    ``ValidationError`` on "file" (Persian) and no row is written.
    """

    def refuse(session: Session) -> None:
        if get_row(session, Visit, visit_id, WHAT).archived_at is not None:
            raise KnownError(
                f"این {WHAT} بایگانی شده است؛ برای ویرایش، ابتدا آن را از بایگانی بازیابی کنید.",
                "This visit is archived; restore it before editing.",
            )

    return attach_checked(db, refuse, (SOURCE_KIND, visit_id), source, description, limit)


def list_visit_attachments(db: Database, *, visit_id: int) -> list[AttachmentView]:
    """The files of one visit, oldest first (open one with ``services.attachments``)."""
    return list_attachments(db, owner_kind=SOURCE_KIND, owner_id=visit_id)
