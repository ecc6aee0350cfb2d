"""Table models of the events module over ``core.events`` dataclasses.

``EventTableModel`` pages lazily through ``services.events.list_events`` (filters in SQL);
``GuestTableModel``, ``PrecedenceModel`` and ``CheckinModel`` hold one event's guests (a few
hundred at most) as plain ``GuestView`` rows.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from qazvin_diplomacy.core.events import EventFilter, EventStatus, EventSummary, GuestView, Rsvp
from qazvin_diplomacy.services import events as events_service
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.ui.common import ID_ROLE
from qazvin_diplomacy.ui.i18n import (
    QT_TRANSLATE_NOOP,
    current_language,
    is_rtl,
    loc_digits,
    loc_text,
)
from qazvin_diplomacy.ui.paged_model import PagedTableModel, TranslatedColumns
from qazvin_diplomacy.ui.widgets.jalali import show_date, show_time

_ANY_INDEX = QModelIndex | QPersistentModelIndex

STATUS_COLORS = {
    EventStatus.DRAFT: "#6d6d6d",
    EventStatus.PLANNED: "#1f5fa8",
    EventStatus.INVITING: "#6a1b9a",
    EventStatus.HELD: "#4e342e",
    EventStatus.POSTPONED: "#b26a00",
    EventStatus.CANCELLED: "#c62828",
}
RSVP_COLORS = {Rsvp.YES: "#2e7d32", Rsvp.NO: "#c62828", Rsvp.NO_REPLY: "#8a6d00"}
FLAG_BG = QColor("#fff0c2")


def guest_name(g: GuestView) -> str:
    """The guest's name in the UI language."""
    return loc_text(g.display(current_language()))


def guest_country(g: GuestView) -> str:
    """The guest's country in the UI language."""
    return (
        (g.country_name_fa or g.country_name_en)
        if is_rtl()
        else (g.country_name_en or g.country_name_fa)
    )


def guest_title(g: GuestView) -> str:
    """The guest's title in the UI language."""
    return loc_text((g.title_fa or g.title_en) if is_rtl() else (g.title_en or g.title_fa))


def seat_text(g: GuestView) -> str:
    """«میز ۱، صندلی ۲» style text (Persian digits in Persian)."""
    if g.table_no is None:
        return ""
    table = loc_digits(g.table_no)
    if g.seat_behind or g.seat_no is None:
        return f"{table} / —"
    return f"{table} / {loc_digits(g.seat_no)}"


class _ListModel(TranslatedColumns, QAbstractTableModel):
    """A table of ``GuestView`` rows with fixed columns (``COLUMNS``: English headers)."""

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)
        self.rows: list[GuestView] = []

    def set_rows(self, rows: Sequence[GuestView]) -> None:
        """Replace every row (model reset)."""
        self.beginResetModel()
        try:
            self.rows = list(rows)
        finally:
            self.endResetModel()

    def guest(self, row: int) -> GuestView | None:
        """The guest of ``row``."""
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, guest_id: int) -> int:
        """Row of invitation ``guest_id`` (-1 when absent)."""
        return next((i for i, g in enumerate(self.rows) if g.id == guest_id), -1)

    def rowCount(self, parent: _ANY_INDEX = QModelIndex()) -> int:  # noqa: B008
        """Override: one row per guest."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _ANY_INDEX = QModelIndex()) -> int:  # noqa: B008
        """Override: fixed columns."""
        return 0 if parent.isValid() else len(self.COLUMNS)

    def text(self, g: GuestView, col: int) -> str:  # pragma: no cover - overridden
        """Display text of ``g`` in column ``col``."""
        raise NotImplementedError

    def data(self, index: _ANY_INDEX, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Override: texts in the UI language, invitation ids under ``UserRole``."""
        if not index.isValid():
            return None
        g = self.guest(index.row())
        if g is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(g, index.column())
        if role == ID_ROLE:
            return g.id
        return self.extra(g, index.column(), role)

    def extra(self, g: GuestView, col: int, role: int) -> object:
        """Other roles (colours, fonts) of a cell."""
        return None


class GuestTableModel(_ListModel):
    """The guests tab: invitation, reply, attendance and seat of every guest."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("GuestTableModel", "Name"),
        QT_TRANSLATE_NOOP("GuestTableModel", "Country"),
        QT_TRANSLATE_NOOP("GuestTableModel", "Title"),
        QT_TRANSLATE_NOOP("GuestTableModel", "Companions"),
        QT_TRANSLATE_NOOP("GuestTableModel", "Invitation sent"),
        QT_TRANSLATE_NOOP("GuestTableModel", "Channel"),
        QT_TRANSLATE_NOOP("GuestTableModel", "Reply"),
        QT_TRANSLATE_NOOP("GuestTableModel", "Reply date"),
        QT_TRANSLATE_NOOP("GuestTableModel", "Attended"),
        QT_TRANSLATE_NOOP("GuestTableModel", "Table / seat"),
        QT_TRANSLATE_NOOP("GuestTableModel", "Remarks"),
    )

    def text(self, g: GuestView, col: int) -> str:
        """Display text of a cell."""
        lang = current_language()
        if col == 0:
            return guest_name(g)
        if col == 1:
            return guest_country(g)
        if col == 2:
            return guest_title(g)
        if col == 3:
            return loc_digits(g.companions)
        if col == 4:
            return show_date(g.invitation_sent_on) if g.invitation_sent_on else ""
        if col == 5:
            return g.invitation_channel.label(lang) if g.invitation_channel else ""
        if col == 6:
            return g.rsvp.label(lang)
        if col == 7:
            return show_date(g.rsvp_on) if g.rsvp_on else ""
        if col == 8:
            return show_time(g.checked_in_at) if g.attended and g.checked_in_at else ""
        if col == 9:
            return seat_text(g)
        if col == 10:
            return loc_text(g.remarks)
        return ""

    def extra(self, g: GuestView, col: int, role: int) -> object:
        """Reply coloured; a tick mark for attendance."""
        if role == Qt.ItemDataRole.ForegroundRole and col == 6:
            return QColor(RSVP_COLORS[g.rsvp])
        if role == Qt.ItemDataRole.DecorationRole and col == 8 and g.attended:
            from qazvin_diplomacy.ui.icons import icon

            return icon("check")
        return None


class PrecedenceModel(_ListModel):
    """The order of precedence: position, name, group, reason; undecided rows flagged."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("PrecedenceModel", "Position"),
        QT_TRANSLATE_NOOP("PrecedenceModel", "Name"),
        QT_TRANSLATE_NOOP("PrecedenceModel", "Country"),
        QT_TRANSLATE_NOOP("PrecedenceModel", "Group"),
        QT_TRANSLATE_NOOP("PrecedenceModel", "Reason"),
        QT_TRANSLATE_NOOP("PrecedenceModel", "Decision needed"),
        QT_TRANSLATE_NOOP("PrecedenceModel", "Manual order"),
    )

    def text(self, g: GuestView, col: int) -> str:
        """Display text of a cell."""
        if col == 0:
            return loc_digits(g.position if g.position is not None else "")
        if col == 1:
            return guest_name(g)
        if col == 2:
            return guest_country(g)
        if col == 3:
            group = g.precedence_group
            if group is None:
                return ""
            return group.label_fa if is_rtl() else group.label_en
        if col == 4:
            return (
                loc_text(g.precedence_note)
                if is_rtl()
                else (g.precedence_note_en or g.precedence_note)
            )
        if col == 5:
            return self.tr("Yes — decide") if g.flagged else ""
        if col == 6:
            return self.tr("Manual") if g.manual_precedence is not None else ""
        return ""

    def extra(self, g: GuestView, col: int, role: int) -> object:
        """Flagged rows tinted; the flag column in red bold."""
        if role == Qt.ItemDataRole.BackgroundRole and g.flagged:
            return FLAG_BG
        if role == Qt.ItemDataRole.ForegroundRole and col == 5 and g.flagged:
            return QColor("#c62828")
        if role == Qt.ItemDataRole.FontRole and col == 5 and g.flagged:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def move(self, row: int, delta: int) -> int:
        """Move ``row`` up (-1) or down (+1) in the shown order; returns its new row."""
        target = row + delta
        if not (0 <= row < len(self.rows) and 0 <= target < len(self.rows)):
            return row
        rows = list(self.rows)
        rows[row], rows[target] = rows[target], rows[row]
        self.set_rows(rows)
        return target

    def person_ids(self) -> list[int]:
        """Person ids in the shown order (what a manual override stores)."""
        return [g.person_id for g in self.rows]


class CheckinModel(_ListModel):
    """The check-in results: large text, checked-in guests marked."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("CheckinModel", "Guest"),
        QT_TRANSLATE_NOOP("CheckinModel", "Country"),
        QT_TRANSLATE_NOOP("CheckinModel", "Reply"),
        QT_TRANSLATE_NOOP("CheckinModel", "Checked in"),
    )
    POINT_SIZE = 16

    def text(self, g: GuestView, col: int) -> str:
        """Display text of a cell."""
        if col == 0:
            other = g.name_en if is_rtl() else g.name_fa
            name = guest_name(g)
            return f"{name} — {other}" if other and other != name else name
        if col == 1:
            return guest_country(g)
        if col == 2:
            return g.rsvp.label(current_language())
        if col == 3:
            if g.attended and g.checked_in_at:
                return self.tr("Checked in %1").replace("%1", show_time(g.checked_in_at))
            return ""
        return ""

    def extra(self, g: GuestView, col: int, role: int) -> object:
        """Big font; checked-in rows green."""
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setPointSize(self.POINT_SIZE)
            font.setBold(col == 0)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and g.attended:
            return QColor("#2e7d32")
        if role == Qt.ItemDataRole.DecorationRole and col == 3 and g.attended:
            from qazvin_diplomacy.ui.icons import icon

            return icon("check")
        return None


#: (English header, sort key) of the events list: only the date sorts.
EVENT_COLUMNS: tuple[tuple[str, str | None], ...] = (
    (QT_TRANSLATE_NOOP("EventTableModel", "Title"), None),
    (QT_TRANSLATE_NOOP("EventTableModel", "Kind"), None),
    (QT_TRANSLATE_NOOP("EventTableModel", "Date"), "date"),
    (QT_TRANSLATE_NOOP("EventTableModel", "Venue"), None),
    (QT_TRANSLATE_NOOP("EventTableModel", "Status"), None),
    (QT_TRANSLATE_NOOP("EventTableModel", "Invited"), None),
    (QT_TRANSLATE_NOOP("EventTableModel", "Replies (yes / no / none)"), None),
    (QT_TRANSLATE_NOOP("EventTableModel", "Yearly"), None),
)


def reply_counts_text(e: EventSummary) -> str:
    """«۵ / ۲ / ۳» — yes, no, no reply."""
    c = e.counts
    return loc_digits(f"{c.yes} / {c.no} / {c.no_reply}")


def event_date_text(e: EventSummary) -> str:
    """Start date (and end date when longer than a day) in Jalali."""
    text = show_date(e.start_date)
    if e.end_date and e.end_date != e.start_date:
        text += f" – {show_date(e.end_date)}"
    if e.start_time is not None:
        text += f" {show_time(e.start_time)}"
    return text


class EventTableModel(PagedTableModel[EventSummary]):
    """Events as rows, read a page at a time through the service (filters in SQL)."""

    MAX_PAGES = 20
    COLUMNS = EVENT_COLUMNS

    def __init__(self, db: DatabaseHandle, parent: object | None = None) -> None:
        super().__init__(db, EventFilter(), parent)
        self.reload()

    def count_rows(self) -> int:
        """Override: events matching the filters."""
        return events_service.count_events(self.db, filters=self.filters)

    def fetch_rows(self, offset: int, limit: int) -> list[EventSummary]:
        """Override: one page of events, newest first unless ``descending`` is False."""
        return events_service.list_events(
            self.db,
            filters=self.filters,
            descending=self.descending,
            offset=offset,
            limit=limit,
        )

    def summary(self, row: int) -> EventSummary | None:
        """The event of ``row``."""
        return self.item(row)

    def cell_data(self, e: EventSummary, col: int, role: int) -> object:
        """Override: texts in the UI language, ids under ``UserRole``."""
        lang = current_language()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == 0:
                return loc_text(e.title_in(lang))
            if col == 1:
                return e.kind.label(lang)
            if col == 2:
                return event_date_text(e)
            if col == 3:
                return loc_text(e.venue_in(lang))
            if col == 4:
                return e.status.label(lang)
            if col == 5:
                return loc_digits(e.counts.invited)
            if col == 6:
                return reply_counts_text(e)
            if col == 7:
                return self.tr("Yes") if e.recurring else ""
        if role == ID_ROLE:
            return e.id
        if role == Qt.ItemDataRole.ForegroundRole and col == 4:
            return QColor(STATUS_COLORS[e.status])
        return None
