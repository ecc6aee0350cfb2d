"""What the agreement form's files tab (the shared ``ui.attachments_tab.AttachmentsTab``)
needs of agreements: their service and texts — the signed scan and drafts kept with it."""

from __future__ import annotations

from qazvin_diplomacy.services import agreements as svc
from qazvin_diplomacy.ui.attachments_tab import AttachmentOwner
from qazvin_diplomacy.ui.i18n import QT_TRANSLATE_NOOP

AGREEMENT_FILES = AttachmentOwner(
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
