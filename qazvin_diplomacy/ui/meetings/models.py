"""Table models of the meetings module over core dataclasses, read a page at a time:
the meetings, the resolutions of every meeting and the meeting series."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from qazvin_diplomacy.core.meetings import (
    MeetingFilter,
    MeetingStatus,
    MeetingView,
    ResolutionFilter,
    ResolutionStatus,
    ResolutionView,
    SeriesView,
    describe_recurrence,
)
from qazvin_diplomacy.core.text import to_latin_digits
from qazvin_diplomacy.services import meetings as meetings_service
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.ui.common import ID_ROLE
from qazvin_diplomacy.ui.i18n import (
    QT_TRANSLATE_NOOP,
    current_language,
    is_rtl,
    loc_digits,
    loc_text,
)
from qazvin_diplomacy.ui.paged_model import PagedTableModel
from qazvin_diplomacy.ui.widgets.jalali import show_date, show_time

OVERDUE_COLOR = "#c62828"
DONE_COLOR = "#2e7d32"


def fa_en(fa: str, en: str) -> str:
    """The Persian text in the Persian UI, the English one (else the Persian) in English."""
    return loc_text(fa) if is_rtl() or not en else en


def number_text(number: str) -> str:
    """A resolution number («۱۰۷/۳») in the UI's digits (``107/3`` in English)."""
    return loc_digits(number) if is_rtl() else to_latin_digits(number)


def series_choices(db: DatabaseHandle, today: dt.date, any_text: str) -> list[tuple[str, object]]:
    """(name, id) of every series by name, after ``(any_text, None)`` for "any series"."""
    rows = meetings_service.list_series(db, today=today)
    return [(any_text, None), *((fa_en(s.name_fa, s.name_en), s.id) for s in rows)]


class MeetingTableModel(PagedTableModel[MeetingView]):
    """Meetings as rows, newest first."""

    COLUMNS = (
        (QT_TRANSLATE_NOOP("MeetingTableModel", "Date"), "date"),
        (QT_TRANSLATE_NOOP("MeetingTableModel", "Time"), None),
        (QT_TRANSLATE_NOOP("MeetingTableModel", "Series"), "series"),
        (QT_TRANSLATE_NOOP("MeetingTableModel", "Session"), "number"),
        (QT_TRANSLATE_NOOP("MeetingTableModel", "Venue"), "venue"),
        (QT_TRANSLATE_NOOP("MeetingTableModel", "Status"), "status"),
        (QT_TRANSLATE_NOOP("MeetingTableModel", "Resolutions"), None),
    )

    def __init__(self, db: DatabaseHandle, parent: object | None = None) -> None:
        super().__init__(db, MeetingFilter(), parent)
        self.sort_key = "date"
        self.reload()

    def count_rows(self) -> int:
        """Override: meetings matching the filters."""
        return meetings_service.count_meetings(self.db, filters=self.filters)

    def fetch_rows(self, offset: int, limit: int) -> list[MeetingView]:
        """Override: one page of meetings in the chosen order."""
        return meetings_service.list_meetings(self.db, **self.page_query(offset, limit))

    def cell_data(self, m: MeetingView, col: int, role: int) -> object:
        """Override: texts in the UI language, the meeting id under ``ID_ROLE``."""
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == 0:
                return show_date(m.meeting_date, weekday=True)
            if col == 1:
                return show_time(m.start_time) if m.start_time else ""
            if col == 2:
                return fa_en(m.series_name_fa, m.series_name_en)
            if col == 3:
                return loc_digits(m.number)
            if col == 4:
                return loc_text(m.venue)
            if col == 5:
                return MeetingStatus(m.status).label(current_language())
            if col == 6:
                return loc_digits(m.resolution_count)
        if role == ID_ROLE:
            return m.id
        return None


class ResolutionTableModel(PagedTableModel[ResolutionView]):
    """Resolutions of every meeting as rows (deadline first); an overdue one is red, with how
    many days late in a column of its own (short: never cut beside a long deadline)."""

    COLUMNS = (
        (QT_TRANSLATE_NOOP("ResolutionTableModel", "Number"), "number"),
        (QT_TRANSLATE_NOOP("ResolutionTableModel", "Resolution"), "text"),
        (QT_TRANSLATE_NOOP("ResolutionTableModel", "Responsible body"), "body"),
        (QT_TRANSLATE_NOOP("ResolutionTableModel", "Deadline"), "deadline"),
        (QT_TRANSLATE_NOOP("ResolutionTableModel", "Late"), "deadline"),
        (QT_TRANSLATE_NOOP("ResolutionTableModel", "Status"), "status"),
        (QT_TRANSLATE_NOOP("ResolutionTableModel", "Series"), "series"),
        (QT_TRANSLATE_NOOP("ResolutionTableModel", "Meeting date"), "meeting_date"),
    )

    def __init__(
        self, db: DatabaseHandle, today: Callable[[], dt.date], parent: object | None = None
    ) -> None:
        super().__init__(db, ResolutionFilter(today=today()), parent)
        self.today = today
        self.sort_key = "deadline"
        self.descending = False
        self.reload()

    def count_rows(self) -> int:
        """Override: resolutions matching the filters."""
        return meetings_service.count_resolutions(self.db, filters=self.filters)

    def fetch_rows(self, offset: int, limit: int) -> list[ResolutionView]:
        """Override: one page of resolutions in the chosen order."""
        return meetings_service.list_resolutions(self.db, **self.page_query(offset, limit))

    def cell_data(self, r: ResolutionView, col: int, role: int) -> object:
        """Override: texts in the UI language, the resolution id under ``ID_ROLE``; overdue
        rows red, done ones green."""
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == 0:
                return number_text(r.number)
            if col == 1:
                return loc_text(r.text)
            if col == 2:
                return fa_en(r.responsible_name, r.responsible_name_en)
            if col == 3:
                return show_date(r.deadline) if r.deadline is not None else "—"
            if col == 4:
                return loc_digits(self.tr("%n days late", "", r.days_overdue)) if r.overdue else ""
            if col == 5:
                return ResolutionStatus(r.status).label(current_language())
            if col == 6:
                return fa_en(r.series_name_fa, r.series_name_en)
            if col == 7:
                return show_date(r.meeting_date) if r.meeting_date else ""
        if role == ID_ROLE:
            return r.id
        if role == Qt.ItemDataRole.ForegroundRole:
            if r.overdue:
                return QColor(OVERDUE_COLOR)
            if ResolutionStatus(r.status) is ResolutionStatus.DONE:
                return QColor(DONE_COLOR)
        return None


class SeriesTableModel(PagedTableModel[SeriesView]):
    """Meeting series (working groups, councils) as rows, by Persian name (a few dozen at most:
    read at once)."""

    COLUMNS = (
        (QT_TRANSLATE_NOOP("SeriesTableModel", "Name"), None),
        (QT_TRANSLATE_NOOP("SeriesTableModel", "Meets"), None),
        (QT_TRANSLATE_NOOP("SeriesTableModel", "Chair"), None),
        (QT_TRANSLATE_NOOP("SeriesTableModel", "Sessions"), None),
        (QT_TRANSLATE_NOOP("SeriesTableModel", "Next session"), None),
        (QT_TRANSLATE_NOOP("SeriesTableModel", "Open resolutions"), None),
    )

    def __init__(
        self, db: DatabaseHandle, today: Callable[[], dt.date], parent: object | None = None
    ) -> None:
        super().__init__(db, None, parent)
        self.today = today
        self.rows: list[SeriesView] = []
        self.reload()

    def count_rows(self) -> int:
        """Override: every series (read here once per reload)."""
        self.rows = meetings_service.list_series(self.db, today=self.today())
        return len(self.rows)

    def fetch_rows(self, offset: int, limit: int) -> list[SeriesView]:
        """Override: the series read by the count."""
        return self.rows[offset : offset + limit]

    def cell_data(self, s: SeriesView, col: int, role: int) -> object:
        """Override: texts in the UI language, the series id under ``ID_ROLE``."""
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            lang = current_language()
            if col == 0:
                return fa_en(s.name_fa, s.name_en)
            if col == 1:
                return describe_recurrence(s.recurrence, lang)
            if col == 2:
                return loc_text(s.chair_name)
            if col == 3:
                return loc_digits(s.meeting_count)
            if col == 4:
                number = loc_digits(s.next_number)
                return f"{number} — {show_date(s.next_date)}" if s.next_date else number
            if col == 5:
                return loc_digits(s.open_resolutions)
        if role == ID_ROLE:
            return s.id
        return None
