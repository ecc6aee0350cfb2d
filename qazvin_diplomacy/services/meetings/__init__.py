"""The economic-diplomacy secretariat: meeting series, meetings and minutes, resolutions followed to the end.

One submodule per use-case: ``series`` (a working group or council, its numbering and
planned sessions), ``records`` (one meeting: save, status, approve and correct the minutes),
``resolutions`` (one resolution: save, status, deadline, follow-up log), ``queries`` (lists
across all meetings with filters, sort and paging; per-body view; dashboard figures),
``links`` (links to visits, agreements …), ``printed`` (what the minutes, the status report
and the letters to the bodies print).  Keyword-only functions, one transaction each,
returning ``core.meetings`` dataclasses.
"""

from __future__ import annotations

from qazvin_diplomacy.services.meetings.common import (
    AGENDA_ITEM_KIND,
    LOG_KIND,
    MEETING_KIND,
    RESOLUTION_KIND,
    SERIES_KIND,
)
from qazvin_diplomacy.services.meetings.queries import (
    BodySummary,
    MeetingsDashboard,
    body_summary,
    count_meetings,
    count_resolutions,
    dashboard,
    due_this_week,
    list_meetings,
    list_resolutions,
    meetings_between,
    next_meetings,
    overdue_by_body,
)
from qazvin_diplomacy.services.meetings.records import (
    add_agenda_attachment,
    approve_minutes,
    archive_meeting,
    get_meeting,
    list_agenda_attachments,
    minutes_versions,
    save_meeting,
    set_meeting_status,
    start_correction,
)
from qazvin_diplomacy.services.meetings.resolutions import (
    add_log_attachment,
    add_log_entry,
    archive_resolution,
    get_resolution,
    list_log,
    list_log_attachments,
    list_meeting_resolutions,
    move_deadline,
    save_resolution,
    set_resolution_status,
)
from qazvin_diplomacy.services.meetings.series import (
    archive_series,
    get_series,
    list_series,
    next_number,
    plan_sessions,
    save_series,
)

__all__ = [
    "AGENDA_ITEM_KIND",
    "LOG_KIND",
    "MEETING_KIND",
    "RESOLUTION_KIND",
    "SERIES_KIND",
    "BodySummary",
    "MeetingsDashboard",
    "add_agenda_attachment",
    "add_log_attachment",
    "add_log_entry",
    "approve_minutes",
    "archive_meeting",
    "archive_resolution",
    "archive_series",
    "body_summary",
    "count_meetings",
    "count_resolutions",
    "dashboard",
    "due_this_week",
    "get_meeting",
    "get_resolution",
    "get_series",
    "list_agenda_attachments",
    "list_log",
    "list_log_attachments",
    "list_meeting_resolutions",
    "list_meetings",
    "list_resolutions",
    "list_series",
    "meetings_between",
    "minutes_versions",
    "move_deadline",
    "next_meetings",
    "next_number",
    "overdue_by_body",
    "plan_sessions",
    "save_meeting",
    "save_resolution",
    "save_series",
    "set_meeting_status",
    "set_resolution_status",
    "start_correction",
]
