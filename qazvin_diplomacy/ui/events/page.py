"""The events page (رویدادها): the events list with filters, the event form, the check-in desk.

The list reads through ``services.events`` (filters in SQL, lazy pages).  Double-click
opens the event form (general, programme, guests, precedence, seating); the check-in tab is
the screen for the door.  Print actions render the event reports off the GUI thread;
"Export to Excel/CSV…" writes exactly the list as filtered and sorted (``ui.list_export``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QPushButton,
    QWidget,
)

from qazvin_diplomacy.core.calendar import EntryKind
from qazvin_diplomacy.core.errors import KnownError, ValidationError
from qazvin_diplomacy.core.events import EventFilter, EventKind, EventStatus, EventSummary
from qazvin_diplomacy.services import events as events_service
from qazvin_diplomacy.services.export import ExportFilters
from qazvin_diplomacy.ui.calendar.ics import IcsAction
from qazvin_diplomacy.ui.common import menu_button, refusal_text, show_error
from qazvin_diplomacy.ui.events.checkin import CheckinView
from qazvin_diplomacy.ui.events.form import EventForm
from qazvin_diplomacy.ui.events.models import ID_ROLE, EventTableModel
from qazvin_diplomacy.ui.events.widgets import ReportPrinter
from qazvin_diplomacy.ui.forms_common import keep_open_form, save_newest_form
from qazvin_diplomacy.ui.i18n import current_language
from qazvin_diplomacy.ui.icons import icon
from qazvin_diplomacy.ui.list_page import ListFilterBar, ListPage, ListTable
from qazvin_diplomacy.ui.modules import UiContext
from qazvin_diplomacy.ui.widgets.jalali import JalaliDateEdit

LIST_TAB, CHECKIN_TAB = range(2)


class EventFilterBar(ListFilterBar):
    """Text, kind, status, Jalali date range, archived; calls ``on_change``."""

    def __init__(self, on_change: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(on_change, parent)
        self.kind = QComboBox(self)
        self.status = QComboBox(self)
        self.from_label = QLabel(self)
        self.date_from = JalaliDateEdit(self)
        self.to_label = QLabel(self)
        self.date_to = JalaliDateEdit(self)
        self.archived = QCheckBox(self)
        self.lay_out_in_a_row(
            self.kind,
            self.status,
            self.from_label,
            self.date_from,
            self.to_label,
            self.date_to,
            self.archived,
        )
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.text.setPlaceholderText(self.tr("Search title, venue, organizer… (Ctrl+K)"))
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("To"))
        self.archived.setText(self.tr("Archived too"))
        self.clear_button.setText(self.tr("Clear filters"))
        lang = current_language()
        for combo, any_text, enum in (
            (self.kind, self.tr("All kinds"), EventKind),
            (self.status, self.tr("All statuses"), EventStatus),
        ):
            self.refill(combo, [(any_text, None), *((m.label(lang), m.value) for m in enum)])

    def clear(self) -> None:
        """Reset every filter."""
        self.text.clear()
        self.kind.setCurrentIndex(0)
        self.status.setCurrentIndex(0)
        self.date_from.setDate(None)
        self.date_to.setDate(None)
        self.archived.setChecked(False)

    def filters(self) -> EventFilter:
        """The filters as the service takes them."""
        kind, status = self.kind.currentData(), self.status.currentData()
        return EventFilter(
            text=self.text.text().strip(),
            kind=EventKind(kind) if kind else None,
            status=EventStatus(status) if status else None,
            date_from=self.date_from.date(),
            date_to=self.date_to.date(),
            include_archived=self.archived.isChecked(),
        )


class EventsPage(ListPage):
    """The events list, the event form and the check-in desk."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.forms: list[EventForm] = []
        # list
        self.filter_bar = EventFilterBar(self.apply_filters, self)
        self.search_box = self.filter_bar.text
        self.model = EventTableModel(ctx.db, self)
        self.table = ListTable(
            self.model,
            sort_column=2,
            widths=(230, 80, 140, 160, 120, 80, 210, 70),
            stretch=0,
            parent=self,
        )
        self.open_button = QPushButton(self)
        self.next_year_button = QPushButton(self)
        self.checkin_button = QPushButton(self)
        self.print_button, self.print_menu = menu_button(self)
        self.export_button = QPushButton(self)
        self.add_list_tab(
            self.filter_bar,
            self.table,
            (
                self.open_button,
                self.next_year_button,
                self.checkin_button,
                self.print_button,
                self.export_button,
            ),
        )
        # check-in
        self.checkin = CheckinView(ctx.db, self, today=ctx.today)
        self.views.addTab(self.checkin, "")
        self.printer = ReportPrinter(ctx.db, ctx.runner, self)
        self.printer.done.connect(
            lambda path: ctx.hub.status.emit(self.tr("Report ready: %1").replace("%1", path.name))
        )

        self.table.doubleClicked.connect(lambda idx: self.open_record(int(idx.data(ID_ROLE))))
        IcsAction(ctx, self.table, EntryKind.EVENT)  # context menu: the event as .ics
        self.open_button.clicked.connect(self.open_selected)
        self.next_year_button.clicked.connect(self.next_year_selected)
        self.checkin_button.clicked.connect(self.checkin_selected)
        self.export_button.clicked.connect(lambda: self.export_list())
        self.views.currentChanged.connect(lambda _i: self.refresh_current())
        self.checkin.checkedIn.connect(lambda _g: ctx.hub.dataChanged.emit("events"))
        ctx.hub.dataChanged.connect(self._data_changed)
        self.retranslate_ui()

    # --- language ----------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.heading.setText(self.tr("Events"))
        self.new_button.setText(self.tr("New event"))
        self.new_button.setIcon(icon("new"))
        self.views.setTabText(LIST_TAB, self.tr("Events"))
        self.views.setTabIcon(LIST_TAB, icon("list"))
        self.views.setTabText(CHECKIN_TAB, self.tr("Check-in at the door"))
        self.views.setTabIcon(CHECKIN_TAB, icon("check"))
        self.open_button.setText(self.tr("Open"))
        self.next_year_button.setText(self.tr("Create next year's event"))
        self.checkin_button.setText(self.tr("Check-in for this event"))
        self.print_button.setText(self.tr("Print / PDF"))
        self.print_button.setIcon(icon("print"))
        self.export_button.setText(self.tr("Export to Excel/CSV…"))
        self.export_button.setToolTip(
            self.tr("Every event of the list as filtered and sorted, as .xlsx or .csv")
        )
        self.printer.fill_menu(self.print_menu, self.selected_id)
        self.print_button.setEnabled(bool(self.print_menu.actions()))
        self.model.retranslate()
        self._update_count()

    def count_text(self) -> str:
        """Override: the count line of the events list."""
        return self.tr("%1 events")

    def empty_list_text(self) -> str:
        """Override: the empty events list says what to do next."""
        return self.tr(
            "No event to show. Clear the filters to see every event, or press "
            "“New event” to record one."
        )

    # --- data --------------------------------------------------------------------------

    def refresh_current(self) -> None:
        """Re-read the visible view."""
        if self.views.currentIndex() == LIST_TAB:
            self.apply_filters()
        else:
            self.checkin.load_events()

    def _data_changed(self, kind: str) -> None:
        if kind in ("*", "events"):
            self.apply_filters()

    def selected(self) -> EventSummary | None:
        """The event selected in the list."""
        rows = self.table.selectionModel().selectedRows()
        index = rows[0] if rows else self.table.currentIndex()
        return self.model.summary(index.row()) if index.isValid() else None

    def selected_id(self) -> int | None:
        """The selected event's id (status-bar hint when none)."""
        e = self.selected()
        if e is None:
            self.ctx.hub.status.emit(self.tr("Select an event in the list first."))
            return None
        return e.id

    # --- actions -----------------------------------------------------------------------

    def _show_form(self, form: EventForm) -> EventForm:
        form.saved.connect(self._saved)
        form.archived.connect(self._archived)
        form.nextYear.connect(self._next_year_created)
        form.guests.status.connect(self.ctx.hub.status.emit)
        form.precedence.status.connect(self.ctx.hub.status.emit)
        form.seating.status.connect(self.ctx.hub.status.emit)
        return keep_open_form(self.forms, form)

    def new_record(self) -> EventForm:
        """Open an empty event form."""
        return self._show_form(
            EventForm(self.ctx.db, None, self, runner=self.ctx.runner, today=self.ctx.today)
        )

    def open_record(self, event_id: int) -> EventForm | None:
        """Open the form of event ``event_id``."""
        for form in self.forms:
            if form.event_id() == event_id and form.isVisible():
                form.raise_()
                form.activateWindow()
                return form
        try:
            detail = events_service.get_event(self.ctx.db, event_id)
        except KnownError as exc:
            show_error(self, exc)
            return None
        return self._show_form(
            EventForm(self.ctx.db, detail, self, runner=self.ctx.runner, today=self.ctx.today)
        )

    def open_selected(self) -> EventForm | None:
        """Open the selected event."""
        event_id = self.selected_id()
        return self.open_record(event_id) if event_id is not None else None

    def next_year_selected(self) -> int | None:
        """Create next year's edition of the selected event; returns the copy's id."""
        event_id = self.selected_id()
        if event_id is None:
            return None
        try:
            copy = events_service.copy_to_next_year(self.ctx.db, event_id=event_id)
        except ValidationError as exc:
            show_error(self, KnownError(refusal_text(exc)))
            return None
        except KnownError as exc:
            show_error(self, exc)
            return None
        self._next_year_created(copy.id)
        return copy.id

    def checkin_selected(self) -> None:
        """Open the check-in desk on the selected event."""
        event_id = self.selected_id()
        if event_id is None:
            return
        self.views.setCurrentIndex(CHECKIN_TAB)
        self.checkin.set_event(event_id)
        self.checkin.search.setFocus()

    def save(self) -> None:
        """Ctrl+S saves the most recently opened form."""
        save_newest_form(self.forms)

    def print_page(self) -> None:
        """Ctrl+P: the guest list of the selected event (by precedence)."""
        event_id = self.selected_id()
        if event_id is not None and self.print_menu.actions():
            self.printer.print_report("event-guests", event_id)

    export_kind = "events"

    def export_filters(self) -> ExportFilters:
        """The events exactly as the list shows them (filters and order)."""
        return ExportFilters(list_filter=self.model.filters, descending=self.model.descending)

    def _saved(self, _event_id: int) -> None:
        self.ctx.hub.status.emit(self.tr("Event saved."))
        self.ctx.hub.dataChanged.emit("events")

    def _archived(self, _event_id: int) -> None:
        self.ctx.hub.status.emit(self.tr("Event moved to the archive."))
        self.ctx.hub.dataChanged.emit("events")

    def _next_year_created(self, event_id: int) -> None:
        self.ctx.hub.status.emit(
            self.tr("Next year's event created as a draft, with the programme and guest list.")
        )
        self.ctx.hub.dataChanged.emit("events")
        self.open_record(event_id)

    # --- self-test ---------------------------------------------------------------------

    def selftest(self, shot: Callable[[str, QWidget], None]) -> None:
        """Show the list, the check-in desk, a new form and the first event's tabs."""
        self.views.setCurrentIndex(LIST_TAB)
        self.refresh()
        shot("events_list", self)
        self.views.setCurrentIndex(CHECKIN_TAB)
        self.checkin.load_events()
        self.checkin.search.setText("تاج")
        shot("checkin", self)
        self.checkin.search.clear()
        self.views.setCurrentIndex(LIST_TAB)
        form = self.new_record()
        shot("event_form_new", form)
        form.close()
        first = self._first_with_guests()
        if first is not None:
            opened = self.open_record(first)
            if opened is not None:
                for tab in range(opened.tabs.count()):
                    opened.tabs.setCurrentIndex(tab)
                    shot(f"event_form_{tab}", opened)
                rank_table = opened.precedence.open_rank_table()
                shot("rank_table", rank_table)
                rank_table.reject()
                dialog = opened.guests.open_filter_dialog()
                if dialog is not None:
                    dialog.heads.setChecked(True)
                    dialog.run_preview()
                    shot("invite_by_filter", dialog)
                    dialog.reject()
                opened.close()

    def _first_with_guests(self) -> int | None:
        for row in range(min(self.model.total, 50)):
            e = self.model.summary(row)
            if e is not None and e.counts.invited:
                return e.id
        e = self.model.summary(0)
        return e.id if e is not None else None
