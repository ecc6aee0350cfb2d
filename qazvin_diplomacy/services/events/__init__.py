"""Events use-cases: events, invitations, replies, check-in, precedence, seating, next year's copy.

One module per use-case: ``records`` (the event itself, its list and the dashboard),
``guests`` (guest list, precedence, invitations, replies), ``checkin``, ``seating``,
``recurrence`` (next year's edition) and ``printed`` (data of letters, badges, cards and the
summary).  This package re-exports their public functions.

Every public function takes the ``Database`` first and keyword-only arguments, runs one
transaction and returns core objects (``core.events``), never ORM rows.  Event dates are
Tehran local dates; ``checked_in_at`` comes back timezone-aware in Tehran time.

Precedence (``core.precedence``) reads ``Person.diplomatic_rank`` and
``Person.functions_started_at`` of each guest; the other guests follow the office's stored
rank table (``services.rank_table``; the built-in default until one is saved).  Every
``rank_table`` argument left at None means that stored table; a mapping overrides it.  A manual precedence order
is stored per guest (``manual_precedence``) and kept until cleared.

Check-in search matches each typed word (Persian or Latin script, spelling variants ignored)
against the guests' directory ``search_key`` (names, titles, e-mail): a 500-guest event is
searched in about a millisecond.
"""

from __future__ import annotations

from qazvin_diplomacy.services.events.checkin import checkin_search, mark_attended
from qazvin_diplomacy.services.events.guests import (
    clear_precedence_override,
    get_guest,
    invite_by_filter,
    invite_guest,
    invite_people,
    list_guests,
    matching_people,
    precedence_list,
    record_invitations_sent,
    record_rsvp,
    remove_guest,
    set_precedence_override,
    update_guest,
)
from qazvin_diplomacy.services.events.printed import (
    badges,
    event_dates,
    event_summary,
    invitation_letters,
    invitation_warnings,
    place_cards,
)
from qazvin_diplomacy.services.events.records import (
    WHAT,
    WHAT_GUEST,
    archive_event,
    count_events,
    event_dashboard,
    events_awaiting_replies,
    get_event,
    list_events,
    restore_event,
    save_event,
    set_event_status,
    upcoming_events,
)
from qazvin_diplomacy.services.events.recurrence import copy_to_next_year, copy_to_next_year_in
from qazvin_diplomacy.services.events.seating import (
    clear_seat,
    get_seating,
    save_seating,
    seat_guests_in,
    set_seat,
)

__all__ = [
    "WHAT",
    "WHAT_GUEST",
    "archive_event",
    "badges",
    "checkin_search",
    "clear_precedence_override",
    "clear_seat",
    "copy_to_next_year",
    "copy_to_next_year_in",
    "count_events",
    "event_dashboard",
    "event_dates",
    "event_summary",
    "events_awaiting_replies",
    "get_event",
    "get_guest",
    "get_seating",
    "invitation_letters",
    "invitation_warnings",
    "invite_by_filter",
    "invite_guest",
    "invite_people",
    "list_events",
    "list_guests",
    "mark_attended",
    "matching_people",
    "place_cards",
    "precedence_list",
    "record_invitations_sent",
    "record_rsvp",
    "remove_guest",
    "restore_event",
    "save_event",
    "save_seating",
    "seat_guests_in",
    "set_event_status",
    "set_precedence_override",
    "set_seat",
    "upcoming_events",
    "update_guest",
]
