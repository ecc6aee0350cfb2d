"""What the calendar's views share: colours, entry texts, the shared state, the painted base.

The views (``month.MonthView``, ``hours.TimeGridView``) draw
:class:`~qazvin_diplomacy.core.calendar.AgendaEntry` values held in one shared
:class:`AgendaState` (entries, range, selection), so switching views keeps the selection.
A click selects an entry, a double-click or Enter opens it (``entryActivated``), dragging a
movable entry shows where it lands at once and, on release, asks the page to move it
(``moveRequested(entry, day, start or None)``) — the page saves through the services.
Columns run Saturday → Friday, right to left in the Persian layout.  Everything is painted:
no widget per day or per entry.
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
    QPen,
    QTextLayout,
)
from PySide6.QtWidgets import (
    QToolTip,
    QWidget,
)

from qazvin_diplomacy.core import jalali
from qazvin_diplomacy.core.calendar import AgendaEntry, EntryKind, by_day
from qazvin_diplomacy.core.text import bidi_isolate
from qazvin_diplomacy.ui.i18n import current_language, direction_mark, loc_digits
from qazvin_diplomacy.ui.widgets.jalali import show_time

KIND_COLORS = {
    EntryKind.VISIT: "#1f5fa8",
    EntryKind.EVENT: "#2e7d32",
    EntryKind.SIGNING: "#6a1b9a",
    EntryKind.EXPIRY: "#b26a00",
    EntryKind.OBLIGATION: "#ad1457",
    EntryKind.FOLLOWUP: "#00838f",
    EntryKind.MEETING: "#4e342e",
    EntryKind.RESOLUTION: "#5d4037",
    EntryKind.DELEGATION: "#00695c",
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


class AgendaCanvas(QWidget):
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
        # Absolute: a right-to-left painter would otherwise swap left and right.
        align = Qt.AlignmentFlag.AlignAbsolute | (
            Qt.AlignmentFlag.AlignRight if self.rtl() else Qt.AlignmentFlag.AlignLeft
        )
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

    def canvases(self) -> list[AgendaCanvas]:
        """The painted parts (for focus and tests)."""
        raise NotImplementedError

    def ensure_selected_visible(self) -> None:
        """Scroll the selected entry into view (hour grid only)."""

    def focus_view(self) -> None:
        """Give the keyboard to the view (Enter then opens the selected entry)."""
        self.canvases()[-1].setFocus()


def kind_icon_color(kind: EntryKind) -> QColor:
    """The colour of ``kind`` (legend, reminder list)."""
    return QColor(KIND_COLORS[kind])
