"""The calendar's month grid and its week/day hour grid, painted (no widget per day or item).

Both draw :class:`~qazvin_diplomacy.core.calendar.AgendaEntry` values held in one shared
:class:`AgendaState` (entries, range, selection), so switching views keeps the selection.
A click selects an entry, a double-click or Enter opens it (``entryActivated``), dragging a
movable entry shows where it lands at once and, on release, asks the page to move it
(``moveRequested(entry, day, start or None)``) — the page saves through the services.
Columns run Saturday → Friday, right to left in the Persian layout.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTextLayout,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core import jalali
from qazvin_diplomacy.core.calendar import AgendaEntry, EntryKind, by_day
from qazvin_diplomacy.core.clock import TEHRAN
from qazvin_diplomacy.core.text import bidi_isolate
from qazvin_diplomacy.ui.i18n import current_language, direction_mark, loc_digits
from qazvin_diplomacy.ui.widgets.jalali import show_time, weekday_names

KIND_COLORS = {
    EntryKind.VISIT: "#1f5fa8",
    EntryKind.EVENT: "#2e7d32",
    EntryKind.SIGNING: "#6a1b9a",
    EntryKind.EXPIRY: "#b26a00",
    EntryKind.OBLIGATION: "#ad1457",
    EntryKind.FOLLOWUP: "#00838f",
    EntryKind.HOLIDAY: "#c62828",
}
OFF_DAY_BG = QColor("#fdecea")
CHOSEN_BG = QColor("#e6eef6")  # the selected day
CHOSEN_OFF_BG = QColor("#f2e3e6")
TODAY_BORDER = QColor("#2f4f6f")
GRID = QColor("#d0d0d0")
SELECTED = QColor("#ffd54f")
CLASH_MARK = "⚠"
SNAP_MINUTES = 15
HOUR_HEIGHT = 44
DRAG_DISTANCE = 6


def _tint(color: str, strength: float = 0.14) -> QColor:
    """``color`` mixed into white, opaque (an opaque fill paints much faster than a translucent one)."""
    c = QColor(color)
    return QColor(
        round(255 - (255 - c.red()) * strength),
        round(255 - (255 - c.green()) * strength),
        round(255 - (255 - c.blue()) * strength),
    )


_TINTS = {kind: _tint(color) for kind, color in KIND_COLORS.items()}


def entry_text(entry: AgendaEntry, *, time: bool = True) -> str:
    """What a cell shows: clash mark, start time, title — country or guests."""
    lang = current_language()
    parts = []
    if entry.clash:
        parts.append(CLASH_MARK)
    if time and entry.start is not None and not entry.all_day:
        parts.append(show_time(entry.start))
    title = entry.title_en if lang == "en" and entry.title_en else entry.title
    detail = entry.detail_en if lang == "en" and entry.detail_en else entry.detail
    # Each part isolated: a Persian title keeps its order in the English interface and a
    # Latin name keeps its own in the Persian one.
    parts.append(bidi_isolate(title) + (f" — {bidi_isolate(detail)}" if detail else ""))
    if entry.approximate:
        parts.append("~")
    return direction_mark() + " ".join(parts)


class AgendaState(QObject):
    """What every view shows: the entries of ``first`` … ``last`` and the selected entry."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries: list[AgendaEntry] = []
        self.first = self.last = dt.date.today()
        self.day = dt.date.today()  # the day the views are on (the selected day)
        self.selected: tuple[str, int, dt.date] | None = None
        self._by_day: dict[dt.date, list[AgendaEntry]] = {}

    def set_entries(self, first: dt.date, last: dt.date, entries: list[AgendaEntry]) -> None:
        """Show ``entries`` for ``first`` … ``last``; the selection stays if still there."""
        self.first, self.last, self.entries = first, last, entries
        self._by_day = by_day(entries, first, last)
        if self.selected is not None and self.selected_entry() is None:
            self.selected = None
        self.changed.emit()

    def on_day(self, day: dt.date) -> list[AgendaEntry]:
        """The entries of ``day`` (holidays first, then all-day, then by time)."""
        return self._by_day.get(day, [])

    def holidays(self, day: dt.date) -> list[AgendaEntry]:
        """The holidays of ``day``."""
        return [e for e in self.on_day(day) if e.kind is EntryKind.HOLIDAY]

    def selected_entry(self) -> AgendaEntry | None:
        """The selected entry, if it is still shown."""
        return next((e for e in self.entries if e.key == self.selected), None)

    def select(self, entry: AgendaEntry | None) -> None:
        """Select ``entry`` (None: nothing)."""
        self.selected = entry.key if entry is not None else None
        if entry is not None and not entry.covers(self.day):
            self.day = max(entry.first_day, self.first)
        self.changed.emit()

    def step(self, forward: bool, *, wrap: bool = True) -> bool:
        """Select the next (or previous) entry of the range, holidays aside; False at the end.

        Past the last (or before the first) entry the selection goes round when ``wrap``,
        else nothing changes and False is returned (Tab then leaves the calendar).
        """
        entries = [e for e in self.entries if e.kind is not EntryKind.HOLIDAY]
        if not entries:
            return False
        keys = [e.key for e in entries]
        if self.selected in keys:
            index = keys.index(self.selected) + (1 if forward else -1)
        else:
            index = 0 if forward else len(entries) - 1
        if not wrap and not 0 <= index < len(entries):
            return False
        self.select(entries[index % len(entries)])
        return True


class _Canvas(QWidget):
    """Hit boxes, selection, double-click, Enter and dragging; subclasses paint and place.

    A subclass fills ``self.boxes`` (rect, entry) while painting and says where a point
    lands with :meth:`target_at` (day, local start or None).
    """

    def __init__(
        self, state: AgendaState, owner: AgendaView, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.owner = owner
        self.boxes: list[tuple[QRectF, AgendaEntry]] = []
        self.exposed = QRectF()
        self._press: QPointF | None = None
        self._pressed: AgendaEntry | None = None
        self.drag_target: tuple[dt.date, dt.datetime | None] | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(False)
        state.changed.connect(self.update)

    def rtl(self) -> bool:
        """Whether columns run right to left."""
        return self.layoutDirection() == Qt.LayoutDirection.RightToLeft

    def entry_at(self, pos: QPointF) -> AgendaEntry | None:
        """The entry drawn under ``pos``."""
        for rect, entry in reversed(self.boxes):
            if rect.contains(pos):
                return entry
        return None

    def day_at(self, pos: QPointF) -> dt.date | None:
        """The day under ``pos``."""
        target = self.target_at(pos)
        return target[0] if target else None

    def target_at(self, pos: QPointF) -> tuple[dt.date, dt.datetime | None] | None:
        """Where an entry dropped at ``pos`` lands."""
        raise NotImplementedError

    def event(self, event: QEvent) -> bool:  # Qt override
        """Override: the tooltip of an entry is its whole text, status and time."""
        if event.type() == QEvent.Type.ToolTip:
            entry = self.entry_at(QPointF(event.pos()))  # type: ignore[attr-defined]
            if entry is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.owner.tooltip(entry), self)  # type: ignore[attr-defined]
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # Qt override
        """Override: select the entry under the mouse (or the day)."""
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        pos = event.position()
        entry = self.entry_at(pos)
        self._press, self._pressed = pos, entry
        day = self.day_at(pos)
        if day is not None:
            self.state.day = day
        self.state.select(entry)
        self.owner.daySelected.emit(self.state.day)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # Qt override
        """Override: drag a movable entry; where it would land is drawn at once."""
        entry = self._pressed
        if self._press is None or entry is None or not entry.kind.movable:
            return
        if (
            self.drag_target is None
            and (event.position() - self._press).manhattanLength() < DRAG_DISTANCE
        ):
            return
        target = self.target_at(event.position()) or self.drag_target
        if target == self.drag_target:
            return  # same quarter hour, same day: nothing to redraw
        before = self.ghost_rect(self.drag_target)
        self.drag_target = target
        self.setCursor(Qt.CursorShape.ClosedHandCursor)
        # Only where the entry would land, before and now, is painted again.
        for rect in (before, self.ghost_rect(target)):
            if rect is not None:
                self.update(rect.toAlignedRect().adjusted(-2, -2, 2, 2))

    def ghost_rect(self, target: tuple[dt.date, dt.datetime | None] | None) -> QRectF | None:
        """Where the dragged entry is drawn for ``target`` (None: nowhere)."""
        return None

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # Qt override
        """Override: a drag ends by asking the page to move the entry."""
        entry, target = self._pressed, self.drag_target
        self._press = self._pressed = None
        self.drag_target = None
        self.unsetCursor()
        self.update()
        if entry is None or target is None:
            return
        day, start = target
        if day == entry.first_day and (start is None or start == entry.start):
            return
        self.owner.moveRequested.emit(entry, day, start)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # Qt override
        """Override: open the entry under the mouse; on an empty spot, go to that day."""
        entry = self.entry_at(event.position())
        if entry is not None:
            self.owner.entryActivated.emit(entry)
        elif (day := self.day_at(event.position())) is not None:
            self.owner.dayActivated.emit(day)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        """Override: Enter opens the selected entry; Up/Down (and Tab) move the selection."""
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            entry = self.state.selected_entry()
            if entry is not None:
                self.owner.entryActivated.emit(entry)
            return
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.state.step(key == Qt.Key.Key_Down)
            self.owner.ensure_selected_visible()
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, forward: bool) -> bool:  # Qt override
        """Override: Tab moves through the entries; after the last one it leaves the calendar."""
        if self.state.step(forward, wrap=False):
            self.owner.ensure_selected_visible()
            return True
        return super().focusNextPrevChild(forward)

    # --- painting helpers ---------------------------------------------------------------

    def draw_chip(
        self, p: QPainter, rect: QRectF, entry: AgendaEntry, text: str, *, ghost: bool = False
    ) -> None:
        """One entry as a tinted box with a coloured edge and its elided text.

        Nothing is drawn outside the area being painted (a drag repaints a small part).
        """
        if not rect.intersects(self.exposed):
            return
        color = QColor(KIND_COLORS[entry.kind])
        fill = QColor(color) if ghost else _TINTS[entry.kind]
        if ghost:
            fill.setAlpha(70)
        selected = entry.key == self.state.selected and not ghost
        p.fillRect(rect, SELECTED if selected else fill)
        edge = (
            QRectF(rect.right() - 3, rect.top(), 3, rect.height())
            if self.rtl()
            else QRectF(rect.left(), rect.top(), 3, rect.height())
        )
        p.fillRect(edge, color)
        if ghost:
            p.setPen(QPen(color, 1, Qt.PenStyle.DashLine))
            p.drawRect(rect.adjusted(0, 0, -1, -1))
        text_rect = rect.adjusted(6, 1, -6, -1)
        metrics = QFontMetrics(p.font())
        lines = max(1, int(text_rect.height() // metrics.lineSpacing()))
        p.setPen(QColor("#1b1b1b") if entry.status != "cancelled" else QColor("#8a8a8a"))
        align = Qt.AlignmentFlag.AlignRight if self.rtl() else Qt.AlignmentFlag.AlignLeft
        top = text_rect.top() if lines > 1 else text_rect.center().y() - metrics.lineSpacing() / 2
        for i, line in enumerate(wrapped_lines(text, p.font(), int(text_rect.width()), lines)):
            row = QRectF(
                text_rect.left(),
                top + i * metrics.lineSpacing(),
                text_rect.width(),
                metrics.lineSpacing(),
            )
            p.drawText(row, int(align | Qt.AlignmentFlag.AlignVCenter), line)


_WRAPPED: dict[tuple[str, str, int, int], list[str]] = {}


def wrapped_lines(text: str, font: QFont, width: int, max_lines: int) -> list[str]:
    """``text`` broken into at most ``max_lines`` lines of ``width``; the last one elided ("…").

    Remembered (a drag or a scroll paints the same chips again without laying them out anew).
    """
    key = (text, font.key(), width, max_lines)
    found = _WRAPPED.get(key)
    if found is not None:
        return found
    metrics = QFontMetrics(font)
    lines: list[str] = []
    rest = text
    mark = text[:1] if text[:1] in ("\u200f", "\u200e") else ""
    while rest and len(lines) < max_lines - 1 and metrics.horizontalAdvance(rest) > width:
        layout = QTextLayout(rest, font)
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(width)
        layout.endLayout()
        cut = max(line.textLength(), 1)
        lines.append(rest[:cut].rstrip())
        rest = mark + rest[cut:].lstrip()
    if rest.strip(mark):
        lines.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
    if len(_WRAPPED) > 5000:
        _WRAPPED.clear()
    _WRAPPED[key] = lines
    return lines


class MonthCanvas(_Canvas):
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
        start_edge = Qt.AlignmentFlag.AlignRight if self.rtl() else Qt.AlignmentFlag.AlignLeft
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


class DayHeaderCanvas(_Canvas):
    """Above the hour grid: each day's name and date, its holidays and its all-day entries."""

    MAX_ROWS = 4

    def __init__(
        self, state: AgendaState, owner: AgendaView, time_width: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(state, owner, parent)
        self.time_width = time_width
        self.days: list[dt.date] = []
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


class HourCanvas(_Canvas):
    """The hours of the day down, one column per day; timed entries as boxes, side by side when they overlap."""

    def __init__(
        self, state: AgendaState, owner: AgendaView, time_width: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(state, owner, parent)
        self.time_width = time_width
        self.days: list[dt.date] = []
        self.setMinimumHeight(24 * HOUR_HEIGHT)
        self.setFixedHeight(24 * HOUR_HEIGHT)

    def column(self, index: int) -> QRectF:
        """The rectangle of day ``index``."""
        n = max(len(self.days), 1)
        w = (self.width() - self.time_width) / n
        x = (
            self.width() - self.time_width - (index + 1) * w
            if self.rtl()
            else self.time_width + index * w
        )
        return QRectF(x, 0, w, self.height())

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


class AgendaView(QWidget):
    """Base of the three views: the signals the page listens to and the shared state."""

    entryActivated = Signal(object)  # Qt naming; an AgendaEntry
    moveRequested = Signal(object, object, object)  # entry, day, local start or None
    dayActivated = Signal(object)  # a double-click on an empty spot of a day
    daySelected = Signal(object)

    def __init__(self, state: AgendaState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.more_text: Callable[[int], str] = lambda n: f"+{loc_digits(n)}"
        self.day_title: Callable[[dt.date], str] = lambda d: loc_digits(jalali.to_jalali(d)[2])
        self.tooltip: Callable[[AgendaEntry], str] = lambda e: entry_text(e)

    def date_range(self) -> tuple[dt.date, dt.date]:
        """The days this view shows for the state's day."""
        raise NotImplementedError

    def canvases(self) -> list[_Canvas]:
        """The painted parts (for focus and tests)."""
        raise NotImplementedError

    def ensure_selected_visible(self) -> None:
        """Scroll the selected entry into view (hour grid only)."""

    def focus_view(self) -> None:
        """Give the keyboard to the view (Enter then opens the selected entry)."""
        self.canvases()[-1].setFocus()


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

    def canvases(self) -> list[_Canvas]:
        """The month grid."""
        return [self.canvas]


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

    def canvases(self) -> list[_Canvas]:
        """The all-day band and the hour grid."""
        return [self.header, self.hours]

    def showEvent(self, event: object) -> None:  # Qt override
        """Override: the first time, scroll to the working day (07:00)."""
        super().showEvent(event)  # type: ignore[arg-type]
        if not self._scrolled:
            self._scrolled = True
            self.scroll.verticalScrollBar().setValue(7 * HOUR_HEIGHT)

    def ensure_selected_visible(self) -> None:
        """Scroll so the selected timed entry is on screen."""
        entry = self.state.selected_entry()
        if entry is not None and entry.start is not None and not entry.all_day:
            y = int(HourCanvas.y_of(entry.start, entry.first_day))
            self.scroll.ensureVisible(self.TIME_WIDTH, y, 0, 2 * HOUR_HEIGHT)


def kind_icon_color(kind: EntryKind) -> QColor:
    """The colour of ``kind`` (legend, reminder list)."""
    return QColor(KIND_COLORS[kind])
