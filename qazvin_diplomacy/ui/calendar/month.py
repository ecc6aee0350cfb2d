"""The calendar's month view: six weeks of days, each with its number, holidays and entries."""

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
)
from PySide6.QtWidgets import (
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core import jalali
from qazvin_diplomacy.core.calendar import EntryKind
from qazvin_diplomacy.ui.calendar.canvas import (
    CHOSEN_BG,
    CHOSEN_OFF_BG,
    GRID,
    OFF_DAY_BG,
    TODAY_BORDER,
    AgendaCanvas,
    AgendaState,
    AgendaView,
    entry_text,
)
from qazvin_diplomacy.ui.i18n import current_language, direction_mark, loc_digits
from qazvin_diplomacy.ui.widgets.jalali import weekday_names


class MonthCanvas(AgendaCanvas):
    """Six weeks of days, each with its day number, holiday name and entries."""

    HEADER = 24

    def __init__(
        self, state: AgendaState, owner: AgendaView, parent: QWidget | None = None
    ) -> None:
        super().__init__(state, owner, parent)
        self.year, self.month = jalali.to_jalali(dt.date.today())[:2]
        self.setMinimumSize(560, 380)

    def weeks(self) -> list[list[dt.date | None]]:
        """The month's weeks, Saturday first."""
        return jalali.month_grid(self.year, self.month)

    def _cell(self, row: int, col: int, rows: int) -> QRectF:
        w = self.width() / 7
        h = (self.height() - self.HEADER) / rows
        x = (6 - col) * w if self.rtl() else col * w
        return QRectF(x, self.HEADER + row * h, w, h)

    def target_at(self, pos: QPointF) -> tuple[dt.date, dt.datetime | None] | None:
        """The day of the cell under ``pos`` (the entry keeps its time of day)."""
        weeks = self.weeks()
        for r, week in enumerate(weeks):
            for c, day in enumerate(week):
                if day is not None and self._cell(r, c, len(weeks)).contains(pos):
                    return day, None
        return None

    def ghost_rect(self, target: tuple[dt.date, dt.datetime | None] | None) -> QRectF | None:
        """Override: the cell of the target day."""
        weeks = self.weeks()
        for r, week in enumerate(weeks):
            for c, day in enumerate(week):
                if target is not None and day == target[0]:
                    return self._cell(r, c, len(weeks))
        return None

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt override
        """Override: weekday names, then each day's cell."""
        self.exposed = QRectF(event.rect())
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("white"))
        weeks = self.weeks()
        rows = len(weeks)
        names = weekday_names()
        bold = QFont(self.font())
        bold.setBold(True)
        p.setFont(bold)
        for col, name in enumerate(names):
            rect = self._cell(0, col, rows)
            header = QRectF(rect.left(), 0, rect.width(), self.HEADER)
            p.setPen(QColor("#c62828") if col == 6 else QColor("#1b1b1b"))
            p.drawText(header, int(Qt.AlignmentFlag.AlignCenter), name)
        self.boxes = []
        today = dt.date.today()
        small = QFont(self.font())
        small.setPointSizeF(max(self.font().pointSizeF() - 1, 7))
        line = QFontMetrics(small).lineSpacing() + 3
        dragged = self._pressed if self.drag_target else None
        for r, week in enumerate(weeks):
            for c, day in enumerate(week):
                rect = self._cell(r, c, rows)
                if day is None:
                    p.fillRect(rect, QColor("#f4f4f4"))
                    p.setPen(GRID)
                    p.drawRect(rect)
                    continue
                self._paint_day(p, rect, day, today, bold, small, line)
                if dragged is not None and self.drag_target and self.drag_target[0] == day:
                    ghost = QRectF(
                        rect.left() + 2, rect.bottom() - line - 2, rect.width() - 4, line
                    )
                    p.setFont(small)
                    self.draw_chip(p, ghost, dragged, entry_text(dragged), ghost=True)
        p.end()

    def _paint_day(
        self,
        p: QPainter,
        rect: QRectF,
        day: dt.date,
        today: dt.date,
        bold: QFont,
        small: QFont,
        line: int,
    ) -> None:
        entries = self.state.on_day(day)
        holidays = [e for e in entries if e.kind is EntryKind.HOLIDAY]
        items = [e for e in entries if e.kind is not EntryKind.HOLIDAY]
        off = bool(holidays) or jalali.is_friday(day)
        chosen = day == self.state.day
        p.fillRect(
            rect,
            (CHOSEN_OFF_BG if off else CHOSEN_BG)
            if chosen
            else (OFF_DAY_BG if off else QColor("white")),
        )
        p.setPen(QPen(TODAY_BORDER, 2) if day == today else QPen(GRID, 1))
        p.drawRect(rect.adjusted(0, 0, -1, -1))
        inner = rect.adjusted(4, 2, -4, -2)
        p.setFont(bold)
        number_height = QFontMetrics(bold).lineSpacing()
        # Absolute: a right-to-left painter would otherwise swap left and right.
        start_edge = Qt.AlignmentFlag.AlignAbsolute | (
            Qt.AlignmentFlag.AlignRight if self.rtl() else Qt.AlignmentFlag.AlignLeft
        )
        p.setPen(QColor("#c62828") if off else QColor("#1b1b1b"))
        head = QRectF(inner.left(), inner.top(), inner.width(), number_height)
        p.drawText(
            head,
            int(start_edge | Qt.AlignmentFlag.AlignVCenter),
            loc_digits(jalali.to_jalali(day)[2]),
        )
        p.setFont(small)
        y = inner.top() + number_height
        metrics = QFontMetrics(small)
        if holidays:
            # The holiday's name on its own line under the day number, never run into it.
            names = "، ".join(
                h.title_en if current_language() == "en" and h.title_en else h.title
                for h in holidays
            )
            if any(h.approximate for h in holidays):
                names += " ~"
            p.setPen(QColor("#c62828"))
            text = metrics.elidedText(
                direction_mark() + names, Qt.TextElideMode.ElideRight, int(inner.width())
            )
            p.drawText(
                QRectF(inner.left(), y, inner.width(), metrics.lineSpacing()),
                int(start_edge | Qt.AlignmentFlag.AlignVCenter),
                text,
            )
            y += metrics.lineSpacing()
        room = int((inner.bottom() - y) // line)
        shown = items if len(items) <= room else items[: max(room - 1, 0)]
        # Few items: each gets up to three lines (title, then country or guests), not one cut line.
        per_item = max(1, min(3, room // max(len(shown), 1))) if len(shown) == len(items) else 1
        height = line * per_item - (line - metrics.lineSpacing() - 3) * (per_item - 1)
        for entry in shown:
            box = QRectF(inner.left(), y, inner.width(), height - 1)
            self.draw_chip(p, box, entry, entry_text(entry))
            self.boxes.append((box, entry))
            y += height
        if len(shown) < len(items):
            p.setPen(QColor("#2f4f6f"))
            more = QRectF(inner.left(), y, inner.width(), line)
            p.drawText(
                more,
                int(start_edge | Qt.AlignmentFlag.AlignVCenter),
                direction_mark() + self.owner.more_text(len(items) - len(shown)),
            )


class MonthView(AgendaView):
    """The month of the state's day."""

    def __init__(self, state: AgendaState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.canvas = MonthCanvas(state, self, self)
        layout.addWidget(self.canvas)

    def date_range(self) -> tuple[dt.date, dt.date]:
        """First and last day of the month."""
        self.canvas.year, self.canvas.month = jalali.to_jalali(self.state.day)[:2]
        return jalali.month_range(self.canvas.year, self.canvas.month)

    def canvases(self) -> list[AgendaCanvas]:
        """The month grid."""
        return [self.canvas]
