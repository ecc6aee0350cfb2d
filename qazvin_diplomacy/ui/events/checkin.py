"""The check-in desk at the door: one big search box, instant results, Enter marks attended.

Typing part of a name in Persian or Latin script finds the guest (Arabic/Persian letter
variants, ZWNJ and digit scripts ignored, see ``services.events.checkin_search``); the
arrow keys move through the results; Enter (or the big button) checks the highlighted
guest in and clears the box for the next one.  A guest who has not replied "attending"
is checked in only after a confirmation.  "Undo check-in" undoes the last check-in made
in this view (its button names whom), else the highlighted guest's.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.events import EventFilter, EventSummary, GuestView, Rsvp
from qazvin_diplomacy.services import events as events_service
from qazvin_diplomacy.ui.common import pad_cells, read_only_rows, show_error
from qazvin_diplomacy.ui.events.models import CheckinModel, guest_name
from qazvin_diplomacy.ui.events.widgets import EventPanel
from qazvin_diplomacy.ui.i18n import is_rtl, loc_digits, loc_text
from qazvin_diplomacy.ui.widgets.jalali import show_date, show_time


class CheckinView(EventPanel):
    """Check guests in at the door; ``checkedIn(int)`` with the invitation id."""

    checkedIn = Signal(int)  # Qt naming

    def build_ui(self) -> None:
        """Event chooser and counter, the search box, the results, the buttons."""
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.event_label = QLabel(self)
        self.event_combo = QComboBox(self)
        self.event_combo.setMinimumWidth(380)
        self.counter = QLabel(self)
        big = QFont(self.counter.font())
        big.setPointSize(big.pointSize() + 4)
        big.setBold(True)
        self.counter.setFont(big)
        top.addWidget(self.event_label)
        top.addWidget(self.event_combo, 1)
        top.addWidget(self.counter)
        layout.addLayout(top)
        # Said when the chosen event is not today (checking in two weeks early is a mistake).
        self.day_warning = QLabel(self)
        self.day_warning.setWordWrap(True)
        self.day_warning.setStyleSheet(
            "QLabel { background: #fff3cd; color: #664d03; padding: 4px 8px; }"
        )
        self.day_warning.hide()
        layout.addWidget(self.day_warning)
        self.search = QLineEdit(self)
        font = QFont(self.search.font())
        font.setPointSize(24)
        self.search.setFont(font)
        self.search.setMinimumHeight(64)
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        self.model = CheckinModel(self)
        self.results = read_only_rows(QTableView(self))
        self.results.setModel(self.model)
        pad_cells(self.results)
        self.results.verticalHeader().setDefaultSectionSize(46)
        self.results.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            self.results.horizontalHeader().setSectionResizeMode(
                col, QHeaderView.ResizeMode.ResizeToContents
            )
        layout.addWidget(self.results, 1)
        buttons = QHBoxLayout()
        self.attend_button = QPushButton(self)
        self.attend_button.setFont(big)
        self.attend_button.setMinimumHeight(54)
        self.attend_button.setStyleSheet("background: #2e7d32; color: white; padding: 6px 18px;")
        self.undo_button = QPushButton(self)
        buttons.addWidget(self.attend_button, 2)
        buttons.addWidget(self.undo_button, 1)
        layout.addLayout(buttons)
        self.message = QLabel(self)
        self.message.setFont(big)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.search.textChanged.connect(self.find)
        self.search.returnPressed.connect(self.check_in_current)
        self.search.installEventFilter(self)
        self.attend_button.clicked.connect(self.check_in_current)
        self.undo_button.clicked.connect(self.undo_current)
        self.results.doubleClicked.connect(lambda _i: self.check_in_current())
        self.event_combo.currentIndexChanged.connect(lambda _i: self._event_changed())
        self.setFocusProxy(self.search)
        self._events: list[EventSummary] = []
        #: The last check-in made in this view (what "Undo check-in" undoes).
        self.last_checked_in: GuestView | None = None

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.event_label.setText(self.tr("Event:"))
        self.search.setPlaceholderText(
            self.tr("Type part of the guest's name (Persian or Latin) and press Enter")
        )
        self.attend_button.setText(self.tr("Mark attended (Enter)"))
        self._update_undo()
        self.model.retranslate()
        if self._events:
            self.load_events()
        self._update_counter()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        """Override: Up/Down in the search box move through the results."""
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.model.rows:
                row = self.results.currentIndex().row()
                step = 1 if event.key() == Qt.Key.Key_Down else -1
                row = min(max(row + step, 0), len(self.model.rows) - 1)
                self.results.setCurrentIndex(self.model.index(row, 0))
                return True
        return super().eventFilter(watched, event)

    # --- data --------------------------------------------------------------------------

    def load_events(self) -> None:
        """Fill the event chooser: open events from a month ago on, today's or the next first."""
        today = self.today()
        current = self.event_combo.currentData()
        self._events = events_service.list_events(
            self.db,
            filters=EventFilter(date_from=today - dt.timedelta(days=30)),
            descending=False,
            limit=200,
        )
        self.event_combo.blockSignals(True)
        self.event_combo.clear()
        for e in self._events:
            title = e.title_fa if is_rtl() else (e.title_en or e.title_fa)
            self.event_combo.addItem(f"{show_date(e.start_date)} — {loc_text(title)}", e.id)
        if current is not None and self.event_combo.findData(current) >= 0:
            self.event_combo.setCurrentIndex(self.event_combo.findData(current))
        else:
            upcoming = next((e for e in self._events if e.end_date >= today), None)
            self.event_combo.setCurrentIndex(
                self.event_combo.findData(upcoming.id) if upcoming else self.event_combo.count() - 1
            )
        self.event_combo.blockSignals(False)
        self._event_changed()

    def set_event(self, event_id: int) -> bool:
        """Choose event ``event_id`` (loading the chooser if needed)."""
        if self.event_combo.findData(event_id) < 0:
            self.load_events()
        index = self.event_combo.findData(event_id)
        if index < 0:
            try:
                e = events_service.get_event(self.db, event_id)
            except KnownError:
                return False
            title = e.title_fa if is_rtl() else (e.title_en or e.title_fa)
            assert e.start_date is not None
            self.event_combo.addItem(f"{show_date(e.start_date)} — {loc_text(title)}", e.id)
            index = self.event_combo.count() - 1
        self.event_combo.setCurrentIndex(index)
        return True

    def event_id(self) -> int | None:
        """The event at the door."""
        data = self.event_combo.currentData()
        return int(data) if data is not None else None

    def _update_undo(self) -> None:
        last = self.last_checked_in
        self.undo_button.setText(
            self.tr("Undo check-in of %1").replace("%1", guest_name(last))
            if last is not None
            else self.tr("Undo check-in")
        )

    def _event_dates(self) -> tuple[dt.date, dt.date] | None:
        event_id = self.event_id()
        if event_id is None:
            return None
        found = next((e for e in self._events if e.id == event_id), None)
        if found is not None:
            return found.start_date, found.end_date
        try:
            detail = events_service.get_event(self.db, event_id)
        except KnownError:
            return None
        assert detail.start_date is not None
        return detail.start_date, detail.end_date or detail.start_date

    def update_day_warning(self) -> str:
        """Say when the event at the door is not today (days ahead, or already over)."""
        dates, today = self._event_dates(), self.today()
        text = ""
        if dates is not None and dates[0] > today:
            text = (
                self.tr("This event is on %1, in %2 days: guests are checked in on the day.")
                .replace("%1", show_date(dates[0], weekday=True))
                .replace("%2", loc_digits((dates[0] - today).days))
            )
        elif dates is not None and dates[1] < today:
            text = self.tr("This event ended on %1.").replace("%1", show_date(dates[1]))
        self.day_warning.setText(text)
        self.day_warning.setVisible(bool(text))
        return text

    def _event_changed(self) -> None:
        self.last_checked_in = None
        self._update_undo()
        self.update_day_warning()
        self.message.setText("")
        self.find(self.search.text())
        self._update_counter()

    def _update_counter(self) -> None:
        event_id = self.event_id()
        if event_id is None:
            self.counter.setText("")
            return
        counts = events_service.get_event(self.db, event_id).counts
        self.counter.setText(
            self.tr("Checked in: %1 of %2 attending")
            .replace("%1", loc_digits(counts.attended))
            .replace("%2", loc_digits(counts.yes))
        )

    def find(self, text: str) -> list[GuestView]:
        """Search the event's guests as the user types (first result highlighted)."""
        event_id = self.event_id()
        rows = (
            events_service.checkin_search(self.db, event_id=event_id, text=text)
            if event_id is not None
            else []
        )
        self.model.set_rows(rows)
        if rows:
            self.results.setCurrentIndex(self.model.index(0, 0))
        return rows

    def current(self) -> GuestView | None:
        """The highlighted result."""
        return self.model.guest(self.results.currentIndex().row())

    def check_in_current(self) -> GuestView | None:
        """Mark the highlighted guest attended, say so in large text, clear the box."""
        g = self.current()
        if g is None:
            if self.search.text().strip():
                self.message.setStyleSheet("color: #c62828;")
                self.message.setText(self.tr("No guest found with this name."))
            return None
        if g.attended:
            self.message.setStyleSheet("color: #b26a00;")
            self.message.setText(
                self.tr("%1 was already checked in at %2.")
                .replace("%1", guest_name(g))
                .replace("%2", show_time(g.checked_in_at) if g.checked_in_at else "")
            )
            return g
        if g.rsvp is not Rsvp.YES and not self.confirm(
            self.tr("Check in"),
            self.tr("%1 has not replied that they will attend (reply: %2). Check them in anyway?")
            .replace("%1", guest_name(g))
            .replace("%2", g.rsvp.label("fa" if is_rtl() else "en")),
        ):
            self.message.setStyleSheet("color: #b26a00;")
            self.message.setText(self.tr("%1 was not checked in.").replace("%1", guest_name(g)))
            return None
        try:
            saved = events_service.mark_attended(self.db, guest_id=g.id or 0)
        except KnownError as exc:
            show_error(self, exc)
            return None
        self.last_checked_in = saved
        self._update_undo()
        self.message.setStyleSheet("color: #2e7d32;")
        self.message.setText(self.tr("Welcome: %1 checked in.").replace("%1", guest_name(saved)))
        self.search.clear()
        self.search.setFocus()
        self._update_counter()
        self.checkedIn.emit(saved.id or 0)
        return saved

    def confirm(self, title: str, text: str) -> bool:
        """Ask a yes/no question (tests replace this)."""
        from qazvin_diplomacy.ui.common import ask

        return ask(self, title, text)

    def undo_current(self) -> GuestView | None:
        """Undo a check-in made by mistake: the last one made here, else the highlighted guest's.

        The box is cleared after each check-in, so the highlighted row is usually someone
        else; the last check-in of this view is what a mistaken Enter needs undone.
        """
        g = self.last_checked_in
        if g is None:
            g = self.current()
            if g is None or not g.attended:
                self.message.setStyleSheet("color: #b26a00;")
                self.message.setText(self.tr("No check-in to undo."))
                return None
        try:
            saved = events_service.mark_attended(self.db, guest_id=g.id or 0, attended=False)
        except KnownError as exc:
            show_error(self, exc)
            return None
        self.last_checked_in = None
        self._update_undo()
        self.message.setStyleSheet("color: #b26a00;")
        self.message.setText(self.tr("Check-in of %1 undone.").replace("%1", guest_name(saved)))
        self.find(self.search.text())
        self._update_counter()
        return saved
