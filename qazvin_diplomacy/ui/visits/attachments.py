"""What the visit form's files tab (the shared ``ui.attachments_tab.AttachmentsTab``) needs
of visits: their service and texts — the invitation letter, programme, photos …"""

from __future__ import annotations

from qazvin_diplomacy.services import visits as svc
from qazvin_diplomacy.ui.attachments_tab import AttachmentOwner
from qazvin_diplomacy.ui.i18n import QT_TRANSLATE_NOOP

VISIT_FILES = AttachmentOwner(
    add=lambda db, owner_id, source, description, limit: svc.add_visit_attachment(
        db, visit_id=owner_id, source=source, description=description, limit=limit
    ),
    files=lambda db, owner_id: svc.list_visit_attachments(db, visit_id=owner_id),
    context="VisitForm",
    save_first=QT_TRANSLATE_NOOP("VisitForm", "Save the visit first; then files can be attached."),
    note=QT_TRANSLATE_NOOP(
        "VisitForm",
        "The invitation and other letters, the programme, photos. Files are copied into the "
        "office's data folder (at most %1 MB each).",
    ),
    placeholder=QT_TRANSLATE_NOOP("VisitForm", "Description, e.g. invitation letter, programme"),
)
