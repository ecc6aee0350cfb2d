"""The calendar's week and day views: an hour grid (Outlook-like) under a band of all-day entries."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPen,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core import jalali
from qazvin_diplomacy.core.calendar import AgendaEntry, EntryKind
from qazvin_diplomacy.core.clock import TEHRAN
from qazvin_diplomacy.ui.calendar.canvas import (
    CHOSEN_BG,
    CHOSEN_OFF_BG,
    GRID,
    HOUR_HEIGHT,
    OFF_DAY_BG,
    SNAP_MINUTES,
    TODAY_BORDER,
    AgendaCanvas,
    AgendaState,
    AgendaView,
    entry_text,
)
from qazvin_diplomacy.ui.i18n import current_language, direction_mark
from qazvin_diplomacy.ui.widgets.jalali import show_time, weekday_names


class _DayColumns(AgendaCanvas):
    """A canvas with one column per day of ``days``, right of (RTL: left of) the hours column."""

    def __init__(
        self, state: AgendaState, owner: AgendaView, time_width: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(state, owner, parent)
        self.time_width = time_width
        self.days: list[dt.date] = []

    def column(self, index: int) -> QRectF:
        """The rectangle of day ``index`` (0: the first day shown)."""
        n = max(len(self.days), 1)
        w = (self.width() - self.time_width) / n
        x = (
            self.width() - self.time_width - (index + 1) * w
            if self.rtl()
            else self.time_width + index * w
        )
        return QRectF(x, 0, w, self.height())


class DayHeaderCanvas(_DayColumns):
    """Above the hour grid: each day's name and date, its holidays and its all-day entries."""

    MAX_ROWS = 4

    def __init__(
        self, state: AgendaState, owner: AgendaView, time_width: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(state, owner, time_width, parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def line(self) -> int:
        """Height of one all-day row."""
        return QFontMetrics(self.font()).lineSpacing() + 4

    def rows(self) -> int:
        """All-day rows shown (the busiest day's, at most ``MAX_ROWS``)."""
        most = max(
            (
                len(
                    [
                        e
                        for e in self.state.on_day(d)
                        if e.all_day and e.kind is not EntryKind.HOLIDAY
                    ]
                )
                for d in self.days
            ),
            default=0,
        )
        return min(most, self.MAX_ROWS)

    def refit(self) -> None:
        """Height for the day titles and the all-day rows."""
        self.setFixedHeight(
            2 * QFontMetrics(self.font()).lineSpacing() + 8 + max(self.rows(), 1) * self.line()
        )

    def target_at(self, pos: QPointF) -> tuple[dt.date, dt.datetime | None] | None:
        """The day of the column under ``pos``."""
        for i, day in enumerate(self.days):
            if self.column(i).contains(QPointF(pos.x(), 1)):
                return day, None
        return None

    def ghost_rect(self, target: tuple[dt.date, dt.datetime | None] | None) -> QRectF | None:
        """Override: the column of the target day."""
        if target is None or target[0] not in self.days:
            return None
        return self.column(self.days.index(target[0]))

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt override
        """Override: titles, holidays and all-day chips per day."""
        self.exposed = QRectF(event.rect())
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#f7f9fb"))
        self.boxes = []
        metrics = QFontMetrics(self.font())
        names = weekday_names()
        today = dt.date.today()
        line = self.line()
        title_h = 2 * metrics.lineSpacing() + 6
        for i, day in enumerate(self.days):
            rect = self.column(i)
            holidays = self.state.holidays(day)
            off = bool(holidays) or jalali.is_friday(day)
            chosen = day == self.state.day and len(self.days) > 1
            if off or chosen:
                p.fillRect(rect, (CHOSEN_OFF_BG if off else CHOSEN_BG) if chosen else OFF_DAY_BG)
            p.setPen(QPen(TODAY_BORDER, 2) if day == today else QPen(GRID, 1))
            p.drawRect(rect.adjusted(0, 0, -1, -1))
            bold = QFont(self.font())
            bold.setBold(True)
            p.setFont(bold)
            p.setPen(QColor("#c62828") if off else QColor("#1b1b1b"))
            title = f"{names[jalali.jalali_weekday(day)]} {self.owner.day_title(day)}"
            top = QRectF(rect.left() + 2, 2, rect.width() - 4, metrics.lineSpacing())
            p.drawText(
                top,
                int(Qt.AlignmentFlag.AlignCenter),
                metrics.elidedText(title, Qt.TextElideMode.ElideRight, int(top.width())),
            )
            p.setFont(self.font())
            if holidays:
                text = "، ".join(
                    h.title_en if current_language() == "en" and h.title_en else h.title
                    for h in holidays
                )
                second = QRectF(
                    rect.left() + 2,
                    2 + metrics.lineSpacing(),
                    rect.width() - 4,
                    metrics.lineSpacing(),
                )
                p.setPen(QColor("#c62828"))
                p.drawText(
                    second,
                    int(Qt.AlignmentFlag.AlignCenter),
                    metrics.elidedText(
                        direction_mark() + text, Qt.TextElideMode.ElideRight, int(second.width())
                    ),
                )
            items = [
                e for e in self.state.on_day(day) if e.all_day and e.kind is not EntryKind.HOLIDAY
            ]
            rows = self.rows()
            shown = items if len(items) <= rows else items[: max(rows - 1, 0)]
            y = title_h
            for entry in shown:
                box = QRectF(rect.left() + 2, y, rect.width() - 4, line - 2)
                self.draw_chip(p, box, entry, entry_text(entry, time=False))
                self.boxes.append((box, entry))
                y += line
            if len(shown) < len(items):
                p.setPen(QColor("#2f4f6f"))
                p.drawText(
                    QRectF(rect.left() + 4, y, rect.width() - 8, line),
                    int(Qt.AlignmentFlag.AlignCenter),
                    self.owner.more_text(len(items) - len(shown)),
                )
            if self.drag_target and self._pressed is not None and self.drag_target[0] == day:
                ghost = QRectF(rect.left() + 2, title_h, rect.width() - 4, line - 2)
                self.draw_chip(
                    p, ghost, self._pressed, entry_text(self._pressed, time=False), ghost=True
                )
        p.end()


class HourCanvas(_DayColumns):
    """The hours of the day down, one column per day; timed entries as boxes, side by side when they overlap."""

    def __init__(
        self, state: AgendaState, owner: AgendaView, time_width: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(state, owner, time_width, parent)
        self.setMinimumHeight(24 * HOUR_HEIGHT)
        self.setFixedHeight(24 * HOUR_HEIGHT)

    @staticmethod
    def y_of(moment: dt.datetime, day: dt.date) -> float:
        """Vertical position of ``moment`` in ``day``'s column (clamped to the day)."""
        local = moment.astimezone(TEHRAN)
        if local.date() < day:
            return 0.0
        if local.date() > day:
            return 24.0 * HOUR_HEIGHT
        return (local.hour + local.minute / 60) * HOUR_HEIGHT

    def target_at(self, pos: QPointF) -> tuple[dt.date, dt.datetime | None] | None:
        """Day under ``pos`` and the time there, snapped to a quarter hour."""
        for i, day in enumerate(self.days):
            if self.column(i).contains(QPointF(pos.x(), 1)):
                grab = 0.0
                if (
                    self._pressed is not None
                    and self._pressed.start is not None
                    and self._press is not None
                ):
                    grab = self._press.y() - self.y_of(self._pressed.start, self._pressed.first_day)
                minutes = int(max(pos.y() - grab, 0) / HOUR_HEIGHT * 60)
                minutes = min(round(minutes / SNAP_MINUTES) * SNAP_MINUTES, 24 * 60 - SNAP_MINUTES)
                start = dt.datetime.combine(
                    day, dt.time(minutes // 60, minutes % 60), tzinfo=TEHRAN
                )
                return day, start
        return None

    def _layout(self, day: dt.date) -> list[tuple[AgendaEntry, int, int]]:
        """Timed entries of ``day`` with their column and the column count of their cluster."""
        timed = [e for e in self.state.on_day(day) if not e.all_day]
        timed.sort(key=lambda e: (e.start, e.end))
        placed: list[tuple[AgendaEntry, int, int]] = []
        cluster: list[tuple[AgendaEntry, int]] = []
        ends: list[dt.datetime] = []
        cluster_end: dt.datetime | None = None

        def flush() -> None:
            width = max((c for _, c in cluster), default=0) + 1
            placed.extend((e, c, width) for e, c in cluster)

        for e in timed:
            assert e.start is not None and e.end is not None
            if cluster_end is not None and e.start >= cluster_end:
                flush()
                cluster, ends, cluster_end = [], [], None
            col = next((i for i, end in enumerate(ends) if end <= e.start), len(ends))
            if col == len(ends):
                ends.append(e.end)
            else:
                ends[col] = e.end
            cluster.append((e, col))
            cluster_end = e.end if cluster_end is None else max(cluster_end, e.end)
        flush()
        return placed

    def ghost_rect(self, target: tuple[dt.date, dt.datetime | None] | None) -> QRectF | None:
        """Override: the box of the dragged entry at the target day and time."""
        entry = self._pressed
        if target is None or entry is None or entry.start is None or entry.end is None:
            return None
        day, start = target
        if day not in self.days or start is None:
            return None
        rect = self.column(self.days.index(day))
        top = self.y_of(start, day)
        bottom = max(self.y_of(start + (entry.end - entry.start), day), top + HOUR_HEIGHT / 2)
        return QRectF(rect.left() + 3, top, rect.width() - 6, bottom - top)

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt override
        """Override: hour lines and labels, day columns, entry boxes and a dragged entry's landing place."""
        self.exposed = QRectF(event.rect())
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("white"))
        self.boxes = []
        for i, day in enumerate(self.days):
            rect = self.column(i)
            if self.state.holidays(day) or jalali.is_friday(day):
                p.fillRect(rect, OFF_DAY_BG)
            else:
                work = QRectF(rect.left(), 8 * HOUR_HEIGHT, rect.width(), 8 * HOUR_HEIGHT)
                p.fillRect(work, QColor("#fbfcfe"))
        label_rect_x = self.width() - self.time_width if self.rtl() else 0
        for hour in range(24):
            y = hour * HOUR_HEIGHT
            p.setPen(QPen(GRID, 1))
            p.drawLine(QPointF(0, y), QPointF(self.width(), y))
            p.setPen(QPen(QColor("#eeeeee"), 1, Qt.PenStyle.DotLine))
            p.drawLine(QPointF(0, y + HOUR_HEIGHT / 2), QPointF(self.width(), y + HOUR_HEIGHT / 2))
            p.setPen(QColor("#6b7b88"))
            p.drawText(
                QRectF(label_rect_x, y + 1, self.time_width - 4, 16),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                show_time(dt.time(hour)),
            )
        p.setPen(QPen(GRID, 1))
        for i, _day in enumerate(self.days):
            rect = self.column(i)
            p.drawLine(rect.topLeft(), rect.bottomLeft())
            p.drawLine(rect.topRight(), rect.bottomRight())
        now = dt.datetime.now(TEHRAN)  # the red line of the time now, under the entries
        for i, day in enumerate(self.days):
            if day == now.date():
                rect = self.column(i)
                y = self.y_of(now, day)
                p.setPen(QPen(QColor("#c62828"), 2))
                p.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
        for i, day in enumerate(self.days):
            rect = self.column(i)
            for entry, col, width in self._layout(day):
                assert entry.start is not None and entry.end is not None
                top = self.y_of(entry.start, day)
                bottom = max(self.y_of(entry.end, day), top + HOUR_HEIGHT / 2)
                w = (rect.width() - 6) / width
                x = rect.right() - 3 - (col + 1) * w if self.rtl() else rect.left() + 3 + col * w
                box = QRectF(x, top + 1, w - 2, bottom - top - 2)
                self.draw_chip(p, box, entry, entry_text(entry))
                self.boxes.append((box, entry))
        ghost = self.ghost_rect(self.drag_target)
        if ghost is not None and self.drag_target is not None and self._pressed is not None:
            start = self.drag_target[1]
            assert start is not None and self._pressed.start and self._pressed.end
            end = start + (self._pressed.end - self._pressed.start)
            text = f"{show_time(start)} – {show_time(end)}"
            self.draw_chip(p, ghost, self._pressed, direction_mark() + text, ghost=True)
        p.end()


class TimeGridView(AgendaView):
    """A week (Saturday → Friday) or one day on an hour grid, all-day entries above it."""

    TIME_WIDTH = 52

    def __init__(self, state: AgendaState, days: int, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.span = days
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.header = DayHeaderCanvas(state, self, self.TIME_WIDTH, self)
        self.hours = HourCanvas(state, self, self.TIME_WIDTH)
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self.hours)
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.setSpacing(0)
        top.addWidget(self.header, 1)
        # As wide as the hour grid's scroll bar, on the same side, so the columns line up.
        self.gutter = QWidget(self)
        self.gutter.setFixedWidth(self.scroll.verticalScrollBar().sizeHint().width())
        top.addWidget(self.gutter)
        layout.addLayout(top)
        layout.addWidget(self.scroll, 1)
        state.changed.connect(self.header.refit)
        self._scrolled = False

    def date_range(self) -> tuple[dt.date, dt.date]:
        """The week of the state's day, or that day."""
        if self.span == 1:
            first = last = self.state.day
        else:
            first, last = jalali.week_range(self.state.day)
        days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
        self.header.days = self.hours.days = days
        return first, last

    def canvases(self) -> list[AgendaCanvas]:
        """The all-day band and the hour grid."""
        return [self.header, self.hours]

    def showEvent(self, event: QShowEvent) -> None:  # Qt override
        """Override: the first time, scroll to the working day (07:00)."""
        super().showEvent(event)
        if not self._scrolled:
            self._scrolled = True
            self.scroll.verticalScrollBar().setValue(7 * HOUR_HEIGHT)

    def ensure_selected_visible(self) -> None:
        """Scroll so the selected timed entry is on screen."""
        entry = self.state.selected_entry()
        if entry is not None and entry.start is not None and not entry.all_day:
            y = int(HourCanvas.y_of(entry.start, entry.first_day))
            self.scroll.ensureVisible(self.TIME_WIDTH, y, 0, 2 * HOUR_HEIGHT)
