"""The office calendar: every dated thing between two days, reminders, and moving an entry.

``agenda`` reads each kind with one indexed range query (never a query per day);
``moves`` saves a dragged entry through its module's service (``save_visit``,
``save_event``, ``save_followup``), so a move is validated and conflict-checked like the
form.  This package re-exports their public functions.
"""

from __future__ import annotations

from qazvin_diplomacy.services.calendar.agenda import ALL_KINDS, agenda_between, reminders
from qazvin_diplomacy.services.calendar.moves import move_entry

__all__ = ["ALL_KINDS", "agenda_between", "move_entry", "reminders"]
