"""Table model of the visits list over ``VisitSummary`` dataclasses, loaded lazily.

The model reports every matching row (one ``count_visits`` query) but holds only the pages
the view has shown: a row's page of ``PAGE`` visits is read through
``services.visits.list_visits`` (filters and sorting in SQL) the first time Qt asks for
it, and at most ``MAX_PAGES`` pages stay cached.  Jumping to the end of 50,000 visits
therefore reads one page, not all the pages before it (as ``fetchMore`` would).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from qazvin_diplomacy.core import jalali
from qazvin_diplomacy.core.visits import VisitFilter, VisitStatus, VisitSummary
from qazvin_diplomacy.services import visits as visits_service
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.ui.common import ID_ROLE
from qazvin_diplomacy.ui.i18n import QT_TRANSLATE_NOOP, current_language, loc_text
from qazvin_diplomacy.ui.paged_model import PagedTableModel
from qazvin_diplomacy.ui.widgets.jalali import holiday_text, holidays_between, show_datetime

_ANY_INDEX = QModelIndex | QPersistentModelIndex

STATUS_COLORS = {
    VisitStatus.REQUESTED: "#6d6d6d",
    VisitStatus.PLANNED: "#1f5fa8",
    VisitStatus.CONFIRMED: "#2e7d32",
    VisitStatus.HELD: "#4e342e",
    VisitStatus.POSTPONED: "#b26a00",
    VisitStatus.CANCELLED: "#c62828",
}

#: (English header, sort key or None when the column cannot be sorted in SQL)
COLUMNS: tuple[tuple[str, str | None], ...] = (
    (QT_TRANSLATE_NOOP("VisitTableModel", "Title"), "title"),
    (QT_TRANSLATE_NOOP("VisitTableModel", "Guests"), None),
    (QT_TRANSLATE_NOOP("VisitTableModel", "Country"), "country"),
    (QT_TRANSLATE_NOOP("VisitTableModel", "Start"), "start"),
    (QT_TRANSLATE_NOOP("VisitTableModel", "End"), "end"),
    (QT_TRANSLATE_NOOP("VisitTableModel", "Status"), "status"),
    (QT_TRANSLATE_NOOP("VisitTableModel", "Venue"), "venue"),
    (QT_TRANSLATE_NOOP("VisitTableModel", "Host officials"), None),
)


def status_label(status: VisitStatus) -> str:
    """The status in the UI language."""
    return status.label(current_language())


class VisitTableModel(PagedTableModel[VisitSummary]):
    """Visits as rows; lazy paging through the service."""

    COLUMNS = COLUMNS

    def __init__(self, db: DatabaseHandle, parent: object | None = None) -> None:
        super().__init__(db, VisitFilter(), parent)
        self.sort_key = "start"
        self.reload()

    def count_rows(self) -> int:
        """Override: visits matching the filters."""
        return visits_service.count_visits(self.db, filters=self.filters)

    def fetch_rows(self, offset: int, limit: int) -> list[VisitSummary]:
        """Override: one page of visits in the chosen order."""
        return visits_service.list_visits(
            self.db,
            **self.page_query(offset, limit),
        )

    def visit(self, row: int) -> VisitSummary | None:
        """The visit of ``row`` (None if the database lost it since counting)."""
        return self.item(row)

    def reload(self) -> None:
        """Override: forget the days off read so far (the holiday list may have changed)."""
        self._days_off: dict[int, dict[dt.date, str]] = {}
        super().reload()

    def day_off(self, day: dt.date) -> str:
        """The holiday's name, "Friday", or "" on a working day (one holiday query per year)."""
        year = self._days_off.get(day.year)
        if year is None:
            found = holidays_between(dt.date(day.year, 1, 1), dt.date(day.year, 12, 31))
            year = {d: holiday_text(h) for d, h in found.items()}
            self._days_off[day.year] = year
        if day in year:
            return year[day]
        return self.tr("Friday") if jalali.is_friday(day) else ""

    def cell_data(self, v: VisitSummary, col: int, role: int) -> object:
        """Override: texts in the UI language, ids under ``UserRole``; a visit starting on a
        holiday or a Friday has its start flagged (red, with the day off named)."""
        if col == 3 and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            off = self.day_off(v.start_at.date())
            if off:  # the cell says "holiday" or "Friday"; its tooltip names the holiday
                friday = off == self.tr("Friday")
                shown = off if friday or role == Qt.ItemDataRole.ToolTipRole else self.tr("holiday")
                return f"{show_datetime(v.start_at)} ({shown})"
        if col == 3 and role == Qt.ItemDataRole.ForegroundRole:
            if self.day_off(v.start_at.date()):
                from PySide6.QtGui import QColor

                return QColor("#c62828")
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            lang = current_language()
            if col == 0:
                return loc_text(v.title_in(lang))
            if col == 1:
                return loc_text(v.guest_names(lang))
            if col == 2:
                return v.country_name(lang)
            if col == 3:
                return show_datetime(v.start_at)
            if col == 4:
                return show_datetime(v.end_at)
            if col == 5:
                return status_label(v.status)
            if col == 6:
                return loc_text(v.venue)
            if col == 7:
                return loc_text(v.host_names(lang))
        if role == ID_ROLE:
            return v.id
        if role == Qt.ItemDataRole.ForegroundRole and col == 5:
            from PySide6.QtGui import QColor

            return QColor(STATUS_COLORS[v.status])
        return None
