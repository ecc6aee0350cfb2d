"""A Jalali month grid and a week agenda, both driven by ``core.jalali``.

Both show :class:`CalendarItem` values (e.g. visits) per day; double-clicking an item emits
its id.  Columns run Saturday → Friday (right to left in the Persian layout); Fridays and
official holidays (from the holiday provider of ``ui.widgets.jalali``, asked once per month
or week) are tinted and their day number is red; an unconfirmed lunar holiday is marked
"approx." in its tooltip.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core import jalali
from qazvin_diplomacy.ui.common import ID_ROLE
from qazvin_diplomacy.ui.i18n import Retranslating, direction_mark, loc_digits, strip_direction_mark
from qazvin_diplomacy.ui.icons import icon
from qazvin_diplomacy.ui.widgets.jalali import (
    holiday_text,
    holidays_between,
    month_title,
    show_date,
    weekday_names,
)

OFF_DAY_BG = "#fdecea"
TODAY_BORDER = "#2f4f6f"


@dataclass(frozen=True)
class CalendarItem:
    """Something shown on a day: ``id`` is emitted on double-click."""

    id: int
    day: dt.date
    text: str
    tooltip: str = ""
    color: str = ""
    sort_key: str = ""


def _group(items: Iterable[CalendarItem]) -> dict[dt.date, list[CalendarItem]]:
    by_day: dict[dt.date, list[CalendarItem]] = defaultdict(list)
    for item in items:
        by_day[item.day].append(item)
    for day_items in by_day.values():
        day_items.sort(key=lambda i: (i.sort_key, i.text))
    return by_day


class DayCell(QFrame):
    """One day: its number (red on days off), holiday name, and its items."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.Box)
        self.setObjectName("DayCell")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(3, 2, 3, 2)
        layout.setSpacing(1)
        head = QHBoxLayout()
        self.number = QLabel(self)
        font = self.number.font()
        font.setBold(True)
        self.number.setFont(font)
        self.holiday = QLabel(self)
        self.holiday.setStyleSheet("color: #c62828; font-size: 8pt;")
        self.count = QLabel(self)
        self.count.setStyleSheet("color: #6b7b88; font-size: 8pt;")
        head.addWidget(self.number)
        head.addStretch(1)
        head.addWidget(self.count)
        layout.addLayout(head)
        # The holiday's name on its own line under the day number, never run into it; a long
        # name is cut at the cell's edge (the whole name is in its tooltip).
        self.holiday.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.holiday)
        self.list = QListWidget(self)
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setStyleSheet(
            "QListWidget { background: transparent; }"
            "QScrollBar:vertical { width: 7px; background: transparent; margin: 0; }"
            "QScrollBar::handle:vertical { background: #b8c4cc; border-radius: 3px;"
            " min-height: 14px; }"
            "QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical { height: 0; }"
            "QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical { background: none; }"
        )
        layout.addWidget(self.list, 1)
        self.day: dt.date | None = None
        self.off_day = False

    def set_day(
        self,
        day: dt.date | None,
        items: list[CalendarItem],
        holiday: jalali.Holiday | None = None,
    ) -> None:
        """Show ``day`` (None: an empty cell outside the month), its holiday and its items."""
        self.day = day
        self.list.clear()
        self.setEnabled(day is not None)
        if day is None:
            self.count.setText("")
            self.number.setText("")
            self.holiday.setText("")
            self.setStyleSheet("#DayCell { background: #f4f4f4; border: 1px solid #e0e0e0; }")
            self.off_day = False
            return
        self.number.setText(loc_digits(jalali.to_jalali(day)[2]))
        name = holiday_text(holiday) if holiday is not None else ""
        self.holiday.setText(name)
        self.holiday.setToolTip(name)
        self.holiday.setVisible(bool(name))
        self.off_day = holiday is not None or jalali.is_friday(day)
        border = f"2px solid {TODAY_BORDER}" if day == dt.date.today() else "1px solid #d0d0d0"
        bg = OFF_DAY_BG if self.off_day else "white"
        self.setStyleSheet(f"#DayCell {{ background: {bg}; border: {border}; }}")
        self.number.setStyleSheet("color: #c62828;" if self.off_day else "")
        self.count.setText(f"({loc_digits(len(items))})" if len(items) > 3 else "")
        for item in items:
            entry = QListWidgetItem(direction_mark() + item.text)
            entry.setData(ID_ROLE, item.id)
            entry.setToolTip(item.tooltip or item.text)
            if item.color:
                entry.setForeground(QColor(item.color))
            self.list.addItem(entry)

    def item_texts(self) -> list[str]:
        """Texts of the items shown (for tests and the self-test)."""
        return [strip_direction_mark(self.list.item(i).text()) for i in range(self.list.count())]


class _NavHeader(QWidget):
    """Previous / title / next / today buttons."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.prev_button = QToolButton(self)
        self.next_button = QToolButton(self)
        self.today_button = QToolButton(self)
        self.title = QLabel(self)
        font = QFont(self.title.font())
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.prev_button)
        layout.addWidget(self.title, 1)
        layout.addWidget(self.next_button)
        layout.addWidget(self.today_button)

    def set_icons(self) -> None:
        """Directional icons for the current language (mirrored in RTL)."""
        self.prev_button.setIcon(icon("prev"))
        self.next_button.setIcon(icon("next"))


class MonthGrid(Retranslating, QWidget):
    """A Jalali month, Saturday first, with items per day.

    Signals: ``itemActivated(int)`` on double-click of an item, ``dayActivated(object)`` on
    double-click of a day's empty area, ``monthChanged(int, int)`` after navigation (the
    owner then calls :meth:`set_items` with that month's items).
    """

    itemActivated = Signal(int)  # Qt naming
    dayActivated = Signal(object)
    monthChanged = Signal(int, int)
    holidaysRequested = Signal()  # the "Holidays…" button (hidden unless shown)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        year, month, _ = jalali.to_jalali(dt.date.today())
        self.year, self.month = year, month
        self._items: list[CalendarItem] = []
        outer = QVBoxLayout(self)
        self.header = _NavHeader(self)
        self.holidays_button = QToolButton(self.header)
        self.holidays_button.hide()
        self.holidays_button.clicked.connect(self.holidaysRequested.emit)
        header_layout = self.header.layout()
        assert header_layout is not None
        header_layout.addWidget(self.holidays_button)
        self.header.prev_button.clicked.connect(lambda: self.shift(-1))
        self.header.next_button.clicked.connect(lambda: self.shift(1))
        self.header.today_button.clicked.connect(self.go_today)
        outer.addWidget(self.header)
        self.grid = QGridLayout()
        self.grid.setSpacing(2)
        outer.addLayout(self.grid, 1)
        self.weekday_labels: list[QLabel] = []
        for col in range(7):
            label = QLabel(self)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setStyleSheet("font-weight: bold;" + (" color: #c62828;" if col == 6 else ""))
            self.grid.addWidget(label, 0, col)
            self.weekday_labels.append(label)
        self.cells: list[list[DayCell]] = []
        for row in range(6):
            cells = []
            for col in range(7):
                cell = DayCell(self)
                cell.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
                cell.setMinimumSize(90, 70)
                cell.list.itemDoubleClicked.connect(
                    lambda it: self.itemActivated.emit(int(it.data(ID_ROLE)))
                )
                cell.list.viewport().installEventFilter(self)
                self.grid.addWidget(cell, row + 1, col)
                cells.append(cell)
            self.cells.append(cells)
        for col in range(7):
            self.grid.setColumnStretch(col, 1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language (weekday names, digits, icons)."""
        for label, name in zip(self.weekday_labels, weekday_names(), strict=True):
            label.setText(name)
        self.header.set_icons()
        self.header.prev_button.setToolTip(self.tr("Previous month"))
        self.header.next_button.setToolTip(self.tr("Next month"))
        self.header.today_button.setText(self.tr("Today"))
        self.holidays_button.setText(self.tr("Holidays…"))
        self.holidays_button.setToolTip(self.tr("Confirm or correct this year's lunar holidays"))
        self._fill()

    def show_holidays_button(self, visible: bool = True) -> None:
        """Show the "Holidays…" button (its click emits ``holidaysRequested``)."""
        self.holidays_button.setVisible(visible)

    def eventFilter(self, obj: object, event: QEvent) -> bool:  # Qt override
        """Override: a double-click on a day's empty area emits ``dayActivated``."""
        if event.type() == QEvent.Type.MouseButtonDblClick:
            for row in self.cells:
                for cell in row:
                    if cell.list.viewport() is obj and cell.day is not None:
                        if cell.list.itemAt(event.position().toPoint()) is None:
                            self.dayActivated.emit(cell.day)
                            return True
        return super().eventFilter(obj, event)

    def date_range(self) -> tuple[dt.date, dt.date]:
        """First and last day of the displayed month."""
        return jalali.month_range(self.year, self.month)

    def set_month(self, year: int, month: int) -> None:
        """Show ``month`` of ``year`` (items are kept only for days in it) and emit."""
        self.year, self.month = year, month
        self._fill()
        self.monthChanged.emit(year, month)

    def shift(self, months: int) -> None:
        """Move by ``months``."""
        year, month = jalali.add_jalali_months(self.year, self.month, months)
        if jalali.MIN_YEAR <= year <= jalali.MAX_YEAR:
            self.set_month(year, month)

    def go_today(self) -> None:
        """Show the current month."""
        year, month, _ = jalali.to_jalali(dt.date.today())
        self.set_month(year, month)

    def set_items(self, items: Iterable[CalendarItem]) -> None:
        """Replace the items shown."""
        self._items = list(items)
        self._fill()

    def cell_for(self, day: dt.date) -> DayCell | None:
        """The cell showing ``day`` (None when not in the displayed month)."""
        for row in self.cells:
            for cell in row:
                if cell.day == day:
                    return cell
        return None

    def _fill(self) -> None:
        self.header.title.setText(month_title(self.year, self.month))
        by_day = _group(self._items)
        weeks = jalali.month_grid(self.year, self.month)
        holidays = holidays_between(*self.date_range())
        for r, row in enumerate(self.cells):
            week = weeks[r] if r < len(weeks) else [None] * 7
            for c, cell in enumerate(row):
                day = week[c]
                cell.set_day(
                    day, by_day.get(day, []) if day else [], holidays.get(day) if day else None
                )
            visible = r < len(weeks)
            for cell in row:
                cell.setVisible(visible)


class WeekAgenda(Retranslating, QWidget):
    """Seven columns Saturday → Friday with each day's items, for the week of a date.

    Signals: ``itemActivated(int)``, ``dayActivated(object)``, ``weekChanged(object, object)``
    with the Saturday and Friday of the new week.
    """

    itemActivated = Signal(int)  # Qt naming
    dayActivated = Signal(object)
    weekChanged = Signal(object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start, self.end = jalali.week_range(dt.date.today())
        self._items: list[CalendarItem] = []
        outer = QVBoxLayout(self)
        self.header = _NavHeader(self)
        self.header.prev_button.clicked.connect(lambda: self.shift(-1))
        self.header.next_button.clicked.connect(lambda: self.shift(1))
        self.header.today_button.clicked.connect(lambda: self.set_week(dt.date.today()))
        outer.addWidget(self.header)
        row = QHBoxLayout()
        row.setSpacing(3)
        outer.addLayout(row, 1)
        self.day_labels: list[QLabel] = []
        self.cells: list[DayCell] = []
        for _col in range(7):
            column = QVBoxLayout()
            label = QLabel(self)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            cell = DayCell(self)
            cell.number.hide()
            cell.list.itemDoubleClicked.connect(
                lambda it: self.itemActivated.emit(int(it.data(ID_ROLE)))
            )
            column.addWidget(label)
            column.addWidget(cell, 1)
            row.addLayout(column, 1)
            self.day_labels.append(label)
            self.cells.append(cell)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.header.set_icons()
        self.header.prev_button.setToolTip(self.tr("Previous week"))
        self.header.next_button.setToolTip(self.tr("Next week"))
        self.header.today_button.setText(self.tr("This week"))
        self._fill()

    def date_range(self) -> tuple[dt.date, dt.date]:
        """Saturday and Friday of the displayed week."""
        return self.start, self.end

    def set_week(self, day: dt.date) -> None:
        """Show the week containing ``day`` and emit ``weekChanged``."""
        self.start, self.end = jalali.week_range(day)
        self._fill()
        self.weekChanged.emit(self.start, self.end)

    def shift(self, weeks: int) -> None:
        """Move by ``weeks``."""
        self.set_week(self.start + dt.timedelta(days=7 * weeks))

    def set_items(self, items: Iterable[CalendarItem]) -> None:
        """Replace the items shown."""
        self._items = list(items)
        self._fill()

    def _fill(self) -> None:
        self.header.title.setText(
            f"{show_date(self.start, long=True)} – {show_date(self.end, long=True)}"
        )
        by_day = _group(self._items)
        names = weekday_names()
        holidays = holidays_between(self.start, self.end)
        for i, (label, cell) in enumerate(zip(self.day_labels, self.cells, strict=True)):
            day = self.start + dt.timedelta(days=i)
            label.setText(f"{names[i]}\n{show_date(day)}")
            off = day in holidays or jalali.is_friday(day)
            label.setStyleSheet("font-weight: bold;" + (" color: #c62828;" if off else ""))
            cell.set_day(day, by_day.get(day, []), holidays.get(day))
