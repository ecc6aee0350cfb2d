"""Agreements use-cases: the register, the form, the workflow, alerts, attachments and reports.

One module per use-case: ``records`` (one agreement, read whole and saved from the form),
``register`` (the list, counts and the register report's data), ``workflow`` (legal review,
status, expiry, archive), ``attachments`` and ``alerts``.  This package re-exports their
public functions.

Every function takes the ``Database`` first and keyword-only arguments, runs one
transaction and returns core objects (``core.agreements``), never ORM rows.  ``today`` is a
Tehran local date (default: the office's today); it decides what counts as expired, the
running term of an automatically renewed agreement and the alerts.

Obligations are follow-up tasks (``source_kind="agreement"``), so they also appear in the
office's follow-up list; files go through ``services.attachments`` with
``owner_kind="agreement"``.  Parties and signatories are picked (or created) through
``services.directory`` (``list_organizations``, ``list_people``).

Free-text search: each typed word must occur (as a compact key) in the agreement's stored
``search_key`` or in the directory ``search_key`` of one of its parties or signatories, so a
renamed organization is found under its new name without re-indexing agreements.
"""

from __future__ import annotations

from qazvin_diplomacy.services.agreements.alerts import agreement_alerts
from qazvin_diplomacy.services.agreements.attachments import (
    add_agreement_attachment,
    list_agreement_attachments,
)
from qazvin_diplomacy.services.agreements.records import (
    IRAN_ISO2,
    OWNER_KIND,
    SOURCE_KIND,
    WHAT,
    agreement_timeline,
    get_agreement,
    save_agreement,
)
from qazvin_diplomacy.services.agreements.register import (
    AgreementRegister,
    agreement_counts,
    agreement_sheet,
    agreements_of_organization,
    agreements_register,
    agreements_with_country,
    count_agreements,
    find_agreement_status,
    find_labelled,
    list_agreements,
)
from qazvin_diplomacy.services.agreements.workflow import (
    archive_agreement,
    change_status,
    expire_due,
    record_legal_review,
    restore_agreement,
)

__all__ = [
    "IRAN_ISO2",
    "OWNER_KIND",
    "SOURCE_KIND",
    "WHAT",
    "AgreementRegister",
    "add_agreement_attachment",
    "agreement_alerts",
    "agreement_counts",
    "agreement_sheet",
    "agreement_timeline",
    "agreements_of_organization",
    "agreements_register",
    "agreements_with_country",
    "archive_agreement",
    "change_status",
    "count_agreements",
    "expire_due",
    "find_agreement_status",
    "find_labelled",
    "get_agreement",
    "list_agreement_attachments",
    "list_agreements",
    "record_legal_review",
    "restore_agreement",
    "save_agreement",
]
