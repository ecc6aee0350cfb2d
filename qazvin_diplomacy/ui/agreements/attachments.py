"""The attachments tab of the agreement form: the signed scan and drafts kept with it.

The widget is the shared :class:`qazvin_diplomacy.ui.attachments_tab.AttachmentsTab`; this
module binds it to the agreement's service and texts.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from qazvin_diplomacy.core.attachments import MAX_ATTACHMENT_BYTES
from qazvin_diplomacy.services import agreements as svc
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.ui import attachments_tab
from qazvin_diplomacy.ui.i18n import QT_TRANSLATE_NOOP
from qazvin_diplomacy.ui.ops import open_file

AGREEMENT_FILES = attachments_tab.AttachmentOwner(
    add=lambda db, owner_id, source, description, limit: svc.add_agreement_attachment(
        db, agreement_id=owner_id, source=source, description=description, limit=limit
    ),
    files=lambda db, owner_id: svc.list_agreement_attachments(db, agreement_id=owner_id),
    context="AgreementForm",
    save_first=QT_TRANSLATE_NOOP(
        "AgreementForm", "Save the agreement first; then files can be attached."
    ),
    note=QT_TRANSLATE_NOOP(
        "AgreementForm",
        "The signed scan and the drafts in both languages. Files are copied into the "
        "office's data folder (at most %1 MB each).",
    ),
    placeholder=QT_TRANSLATE_NOOP("AgreementForm", "Description, e.g. signed scan, Persian draft"),
)


class AttachmentsTab(attachments_tab.AttachmentsTab):
    """The files of the agreement ``agreement_id()`` (None until it is saved)."""

    def __init__(
        self,
        db: DatabaseHandle,
        agreement_id: Callable[[], int | None],
        *,
        limit: Callable[[], int] = lambda: MAX_ATTACHMENT_BYTES,
        opener: Callable[[Path], None] = open_file,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            db, AGREEMENT_FILES, agreement_id, limit=limit, opener=opener, parent=parent
        )
