"""Visits use-cases: list, calendar, form (validation, conflicts, saving), status and archive.

One module per use-case: ``records`` (one visit read whole), ``register`` (the list, the
calendar's ranges and the agenda cards), ``attachments`` (files, through
``services.attachments`` with ``owner_kind="visit"``), ``conflicts``, ``gifts`` (repeated-gift warnings)
and ``saving`` (the form, status, archive).  This package re-exports their public functions.

Every function takes the ``Database`` first and keyword-only arguments, runs one
transaction and returns core objects (``core.visits``), never ORM rows.  Datetimes come
back timezone-aware in Tehran time; dates in arguments are Tehran local dates.

Free-text search: each typed word must occur (as a compact key, see ``core.text``) either
in the visit's stored ``search_key`` (title, purpose, venue, delegation, country names,
outcome) or in the directory ``search_key`` of one of its guests or hosts, so a renamed
contact is found under the new name without re-indexing visits.

Range queries assume no visit lasts more than ``MAX_VISIT_DAYS`` (``save_visit`` refuses
longer ones; bulk loaders such as the demo must respect it too).  Guests and hosts are
picked and created through ``services.directory`` (``list_people``, ``save_person``).
Off days are Fridays and the holidays of ``services.holidays`` (fixed, lunar — approximate until
the office confirms them — and office-added).
"""

from __future__ import annotations

from qazvin_diplomacy.services.visits.attachments import (
    add_visit_attachment,
    list_visit_attachments,
)
from qazvin_diplomacy.services.visits.conflicts import find_conflicts
from qazvin_diplomacy.services.visits.gifts import gift_warning, gift_warnings
from qazvin_diplomacy.services.visits.records import SOURCE_KIND, WHAT, get_visit
from qazvin_diplomacy.services.visits.register import (
    count_visits,
    list_visits,
    today_and_week,
    visits_between,
)
from qazvin_diplomacy.services.visits.saving import (
    archive_visit,
    change_status,
    restore_visit,
    save_visit,
    visit_search_key,
)

__all__ = [
    "SOURCE_KIND",
    "WHAT",
    "add_visit_attachment",
    "archive_visit",
    "change_status",
    "count_visits",
    "find_conflicts",
    "get_visit",
    "gift_warning",
    "gift_warnings",
    "list_visit_attachments",
    "list_visits",
    "restore_visit",
    "save_visit",
    "today_and_week",
    "visit_search_key",
    "visits_between",
]
