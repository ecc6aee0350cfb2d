"""The itinerary tab of the visit form: one row per programme item, times as Jalali text."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QWidget

from qazvin_diplomacy.core import jalali
from qazvin_diplomacy.core.clock import TEHRAN
from qazvin_diplomacy.core.visits import ItineraryEntry
from qazvin_diplomacy.ui.common import fit_columns
from qazvin_diplomacy.ui.forms_common import RowTable
from qazvin_diplomacy.ui.i18n import QT_TRANSLATE_NOOP
from qazvin_diplomacy.ui.widgets.jalali import show_date, show_time

_TIME_RE = re.compile(r"\s+(?=[0-9۰-۹٠-٩]{1,2}\s*:)")


def parse_cell_datetime(text: str) -> dt.datetime:
    """``۱۴۰۴/۰۸/۰۳ ۰۹:۳۰`` → naive local datetime (time optional); ValueError if invalid."""
    parts = _TIME_RE.split(text.strip(), maxsplit=1)
    day = jalali.parse_jalali(parts[0])
    t = jalali.parse_time(parts[1]) if len(parts) > 1 else dt.time(0, 0)
    return dt.datetime.combine(day, t)


def cell_datetime_text(value: dt.datetime | None) -> str:
    """Local Jalali date and time for a table cell."""
    if value is None:
        return ""
    local = naive_local(value)
    return f"{show_date(local)} {show_time(local)}"


def naive_local(value: dt.datetime | None) -> dt.datetime | None:
    """Tehran wall-clock time without tzinfo (a naive value is already local: the form's own)."""
    if value is None or value.tzinfo is None:
        return value
    return value.astimezone(TEHRAN).replace(tzinfo=None)


class ItineraryTab(RowTable):
    """Itinerary rows; a new row starts where the row above ends (the first one at the visit's
    start, ``default_start()``) and lasts an hour.  The columns fit the form: the activity
    takes the width left and long texts wrap, so no sideways scrolling at the form's size."""

    #: Column widths; the activity (column 2) stretches.
    WIDTHS = (125, 125, 200, 120, 110, 85, 85)
    STRETCH = 2
    EDIT_COLUMN = 2  # the times are filled in: the activity is typed first

    HEADERS = (
        QT_TRANSLATE_NOOP("VisitForm", "Start"),
        QT_TRANSLATE_NOOP("VisitForm", "End"),
        QT_TRANSLATE_NOOP("VisitForm", "Activity"),
        QT_TRANSLATE_NOOP("VisitForm", "Place"),
        QT_TRANSLATE_NOOP("VisitForm", "Responsible"),
        QT_TRANSLATE_NOOP("VisitForm", "Transport"),
        QT_TRANSLATE_NOOP("VisitForm", "Interpreter"),
    )
    FIELDS = (
        "start_at",
        "end_at",
        "activity",
        "place",
        "responsible_text",
        "transport",
        "interpreter",
    )
    PREFIX = "itinerary"

    def __init__(
        self, default_start: Callable[[], dt.datetime | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(self.HEADERS, self.WIDTHS, parent)
        self.default_start = default_start
        fit_columns(self.table, self.WIDTHS, stretch=self.STRETCH)
        self.table.setWordWrap(True)
        # Pixel scrolling: in a right-to-left window the bar and the columns move together.
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.add_button.clicked.connect(lambda: self.edit_new_row(self.add_entry()))

    def next_start(self) -> dt.datetime | None:
        """Where a new row starts: the end of the last row when readable, else the visit's start."""
        for row in range(self.table.rowCount() - 1, -1, -1):
            text = self.text(row, 1)
            try:
                return parse_cell_datetime(text) if text else None
            except ValueError:
                break
        return self.default_start()

    def add_entry(self, item: ItineraryEntry | None = None) -> int:
        """Append an itinerary row (a new one starts where the previous ends, for an hour)."""
        if item is None or isinstance(item, bool):
            start = self.next_start() or self.default_start()
            end = start + dt.timedelta(hours=1) if start is not None else None
            values = [cell_datetime_text(start), cell_datetime_text(end), "", "", "", "", ""]
            return self.add_row(values)
        values = [
            cell_datetime_text(item.start_at),
            cell_datetime_text(item.end_at),
            item.activity,
            item.place,
            item.responsible_text,
            item.transport,
            item.interpreter,
        ]
        return self.add_row(values, item.id)

    def entries(self, errors: dict[str, str]) -> tuple[ItineraryEntry, ...]:
        """The rows as entries; unreadable times go into ``errors`` by row and field."""
        return tuple(
            ItineraryEntry(
                start_at=self.parsed(row, 0, parse_cell_datetime, errors),
                end_at=self.parsed(row, 1, parse_cell_datetime, errors),
                activity=self.text(row, 2),
                place=self.text(row, 3),
                responsible_text=self.text(row, 4),
                transport=self.text(row, 5),
                interpreter=self.text(row, 6),
                id=self.record(row)[0],
            )
            for row in range(self.table.rowCount())
        )
