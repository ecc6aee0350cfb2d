"""Today's items and overdue follow-ups, as a small non-modal list shown on start and every few minutes.

:class:`Reminders` reads ``services.calendar.reminders`` off the GUI thread (``ui.ops.run_op``)
after the window's first paint and then every :data:`INTERVAL_MS`; the list window shows
itself when it has something the clerk has not dismissed yet (a new item), stays out of the
way otherwise, and never blocks the main window.  A double-click opens an item's form.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core.calendar import AgendaEntry, EntryKind
from qazvin_diplomacy.services import calendar as calendar_service
from qazvin_diplomacy.ui.calendar.canvas import entry_text, kind_icon_color
from qazvin_diplomacy.ui.calendar.opening import open_entry_form
from qazvin_diplomacy.ui.i18n import Retranslating, loc_digits
from qazvin_diplomacy.ui.modules import UiContext
from qazvin_diplomacy.ui.ops import run_op
from qazvin_diplomacy.ui.widgets.jalali import show_date

INTERVAL_MS = 5 * 60 * 1000


class ReminderList(Retranslating, QDialog):
    """A non-modal tool window listing today's items and the overdue follow-ups."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Tool)
        self.ctx = ctx
        self.setModal(False)
        self.entries: list[AgendaEntry] = []
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        layout.addWidget(self.list, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.list.itemActivated.connect(self._open)
        self.resize(460, 360)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.setWindowTitle(self.tr("Reminders"))
        today = sum(1 for e in self.entries if not e.overdue)
        overdue = len(self.entries) - today
        self.intro.setText(
            self.tr("Today: %1 items. Overdue follow-ups: %2.")
            .replace("%1", loc_digits(today))
            .replace("%2", loc_digits(overdue))
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Dismiss"))
        self._fill()

    def show_entries(self, entries: list[AgendaEntry]) -> None:
        """List ``entries`` (today's first, then the overdue ones)."""
        self.entries = list(entries)
        self.retranslate_ui()

    def _fill(self) -> None:
        self.list.clear()
        today = [e for e in self.entries if not e.overdue]
        overdue = [e for e in self.entries if e.overdue]
        for title, group in ((self.tr("Today"), today), (self.tr("Overdue follow-ups"), overdue)):
            if not group:
                continue
            head = QListWidgetItem(title)
            font = head.font()
            font.setBold(True)
            head.setFont(font)
            head.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(head)
            self._add(group)

    def _add(self, entries: list[AgendaEntry]) -> None:
        for entry in entries:
            text = entry_text(entry)
            if entry.overdue:
                text += "  " + self.tr("(due %1)").replace("%1", show_date(entry.first_day))
            item = QListWidgetItem(text)
            item.setForeground(kind_icon_color(entry.kind))
            item.setData(Qt.ItemDataRole.UserRole, self.entries.index(entry))
            item.setToolTip(text)
            self.list.addItem(item)

    def _open(self, item: QListWidgetItem) -> None:
        if item.data(Qt.ItemDataRole.UserRole) is None:  # a heading
            return
        entry = self.entries[int(item.data(Qt.ItemDataRole.UserRole))]
        if entry.kind is not EntryKind.HOLIDAY:
            open_entry_form(self.parentWidget() or self, self.ctx, entry)


class Reminders(QObject):
    """Reads the reminders in the background on start and every few minutes; shows new ones."""

    def __init__(self, ctx: UiContext, window: QWidget) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.list: ReminderList | None = None
        self.seen: set[tuple[str, int, object]] = set()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        """Check now and then every :data:`INTERVAL_MS`."""
        self.check()
        self.timer.start()

    def check(self) -> None:
        """Read today's items and overdue follow-ups off the GUI thread."""
        db, today = self.ctx.db, self.ctx.today()
        run_op(
            self.ctx.runner,
            lambda _job: calendar_service.reminders(db, today=today),
            on_done=self.show,
            on_failed=lambda _exc: None,  # a reminder is not worth an error dialog
            parent=self.window,
        )

    def _dismissed(self) -> None:
        """What the list showed when the clerk closed it is not shown again by itself."""
        if self.list is not None:
            self.seen.update(e.key for e in self.list.entries)

    def show(self, entries: list[AgendaEntry]) -> None:
        """Show the list when an item is new since the clerk last dismissed it."""
        if not self.window.isVisible():
            return
        keys = {e.key for e in entries}
        if self.list is None:
            self.list = ReminderList(self.ctx, self.window)
            self.list.rejected.connect(self._dismissed)
        self.list.show_entries(entries)
        if keys - self.seen and entries:
            self.list.show()
            self.list.raise_()
