"""The visits page (دیدارها): list with filters, the calendar's views and archive.

The list pages lazily and filters in SQL through ``services.visits``; the calendar tab is
the office calendar's month / week / day views (``ui.calendar.page.CalendarPage``) showing
only visits and holidays, so titles wrap, clashes are marked and visits can be dragged the
same way in both places.  Double-click opens the visit form; saving or archiving refreshes
every view.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from qazvin_diplomacy.core import jalali
from qazvin_diplomacy.core.access import is_admin
from qazvin_diplomacy.core.calendar import AgendaEntry, EntryKind
from qazvin_diplomacy.core.clock import TEHRAN, to_local
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.visits import (
    Conflict,
    ConflictKind,
    VisitFilter,
    VisitStatus,
)
from qazvin_diplomacy.services import visits as visits_service
from qazvin_diplomacy.ui import settings as S
from qazvin_diplomacy.ui.calendar.ics import IcsAction
from qazvin_diplomacy.ui.calendar.page import DAY, MONTH, WEEK, CalendarPage
from qazvin_diplomacy.ui.common import show_error
from qazvin_diplomacy.ui.forms_common import (
    keep_open_form,
    restore_selected_record,
    save_newest_form,
)
from qazvin_diplomacy.ui.i18n import current_language
from qazvin_diplomacy.ui.icons import icon
from qazvin_diplomacy.ui.list_page import ListFilterBar, ListPage, ListTable
from qazvin_diplomacy.ui.modules import UiContext
from qazvin_diplomacy.ui.ops import print_widget
from qazvin_diplomacy.ui.visits.form import ConflictDialog, VisitForm
from qazvin_diplomacy.ui.visits.models import ID_ROLE, VisitTableModel
from qazvin_diplomacy.ui.visits.reports import (
    ReportsDialog,
    VisitReportContext,
    open_visit_reports,
)
from qazvin_diplomacy.ui.widgets.jalali import JalaliDateEdit

LIST_TAB, CALENDAR_TAB, ARCHIVE_TAB = range(3)


class FilterBar(ListFilterBar):
    """Country, status, Jalali date range and free text; emits through ``on_change``."""

    def __init__(
        self, ctx: UiContext, on_change: Callable[[], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(on_change, parent, ctx)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.country = QComboBox(self)
        self.country.setMinimumWidth(140)
        self.status = QComboBox(self)
        self.date_from = JalaliDateEdit(self)
        self.date_to = JalaliDateEdit(self)
        self.from_label = QLabel(self)
        self.to_label = QLabel(self)
        self.add_clear_button()
        layout.addWidget(self.text, 2)
        layout.addWidget(self.country, 1)
        layout.addWidget(self.status, 1)
        layout.addWidget(self.from_label)
        layout.addWidget(self.date_from, 1)
        layout.addWidget(self.to_label)
        layout.addWidget(self.date_to, 1)
        layout.addWidget(self.clear_button)
        self.watch(self.country, self.status, self.date_from, self.date_to)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.text.setPlaceholderText(self.tr("Search title, guests, venue… (Ctrl+K)"))
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("To"))
        self.clear_button.setText(self.tr("Clear filters"))
        self.refill(
            self.status,
            [
                (self.tr("All statuses"), None),
                *((s.label(current_language()), s.value) for s in VisitStatus),
            ],
        )
        if self.countries_loaded:
            self.load_countries()

    def clear(self) -> None:
        """Reset every filter."""
        self.text.clear()
        self.country.setCurrentIndex(0)
        self.status.setCurrentIndex(0)
        self.date_from.setDate(None)
        self.date_to.setDate(None)

    def filters(self, **extra: bool) -> VisitFilter:
        """The filters as the service takes them (invalid dates are ignored, and marked)."""
        status = self.status.currentData()
        return VisitFilter(
            country_id=self.country.currentData(),
            status=VisitStatus(status) if status else None,
            date_from=self.date_from.date(),
            date_to=self.date_to.date(),
            text=self.text.text().strip(),
            **extra,
        )


class VisitsPage(ListPage):
    """List / month / week / archive views of the visits and the visit form."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.forms: list[VisitForm] = []
        # list
        self.filter_bar = FilterBar(ctx, self.apply_filters, self)
        self.search_box = self.filter_bar.text
        self.model = VisitTableModel(ctx.db, self)
        self.table = self._table(self.model)
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(lambda: self.export_list())
        self.add_list_tab(self.filter_bar, self.table, (self.export_button,))
        # month / week / day: the office calendar's views, visits and holidays only
        self.calendar = CalendarPage(
            ctx, self, kinds=(EntryKind.VISIT, EntryKind.HOLIDAY), heading=False
        )
        self.calendar.open_form = self._open_entry
        self.holidays_button = QPushButton(self.calendar)
        self.holidays_button.setIcon(icon("calendar"))
        self.holidays_button.clicked.connect(self.open_holidays)
        self.calendar.legend.addWidget(self.holidays_button)
        if not is_admin():  # the office's holidays are the administrator's
            self.holidays_button.hide()
        self.views.addTab(self.calendar, "")
        # archive
        self.archive_model = VisitTableModel(ctx.db, self)
        self.archive_model.set_filters(VisitFilter(archived_only=True))
        self.archive_table = self._table(self.archive_model)
        self.restore_button = QPushButton(self)
        self.add_archive_tab(self.archive_table, self.restore_button)

        self.table.doubleClicked.connect(lambda idx: self.open_record(int(idx.data(ID_ROLE))))
        IcsAction(ctx, self.table, EntryKind.VISIT)  # context menu: the visit as .ics
        self.archive_table.doubleClicked.connect(
            lambda idx: self.open_record(int(idx.data(ID_ROLE)))
        )
        self.restore_button.clicked.connect(self.restore_selected)
        self.views.currentChanged.connect(lambda _i: self.refresh_current())
        ctx.hub.dataChanged.connect(self._data_changed)
        view = ctx.settings.get(S.VISITS_VIEW)
        if view in ("month", "week"):
            self.calendar.set_view(MONTH if view == "month" else WEEK)
            self.views.setCurrentIndex(CALENDAR_TAB)
        self.retranslate_ui()

    def _table(self, model: VisitTableModel) -> ListTable:
        """A visits table, sorted by start."""
        return ListTable(
            model,
            sort_column=3,
            widths=(220, 170, 90, 175, 120, 90, 150, 150),
            stretch=0,
            parent=self,
        )

    # --- export ------------------------------------------------------------------------

    export_kind = "visits"

    # --- language ----------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.heading.setText(self.tr("Visits"))
        self.new_button.setText(self.tr("New visit"))
        self.export_button.setText(self.tr("Export to Excel/CSV…"))
        self.new_button.setIcon(icon("new"))
        for i, (text, name) in enumerate(
            (
                (self.tr("List"), "list"),
                (self.tr("Calendar"), "calendar"),
                (self.tr("Archive"), "archive"),
            )
        ):
            self.views.setTabText(i, text)
            self.views.setTabIcon(i, icon(name))
        self.restore_button.setText(self.tr("Restore selected visit"))
        self.restore_button.setIcon(icon("restore"))
        self.model.retranslate()
        self.archive_model.retranslate()
        self.holidays_button.setText(self.tr("Holidays…"))
        self.holidays_button.setToolTip(self.tr("Confirm or correct this year's lunar holidays"))
        self._update_count()

    def count_text(self) -> str:
        """Override: the count line of the visits list."""
        return self.tr("%1 visits")

    def empty_list_text(self) -> str:
        """Override: the empty visits list says what to do next."""
        return self.tr(
            "No visit to show. Clear the filters to see every visit, or press "
            "“New visit” to record one."
        )

    def empty_archive_text(self) -> str:
        """Override: the empty archive says how visits get there."""
        return self.tr(
            "The archive is empty. A visit you archive from its form appears here and can "
            "be restored."
        )

    # --- data --------------------------------------------------------------------------

    def refresh_current(self) -> None:
        """Re-read the view on screen."""
        index = self.views.currentIndex()
        if index == LIST_TAB:
            self.apply_filters()
        elif index == CALENDAR_TAB:
            self.calendar.refresh()
        else:
            self.archive_model.reload()

    def _data_changed(self, kind: str) -> None:
        if kind in ("*", "visits"):
            self.refresh_all()

    def open_holidays(self) -> QDialog:
        """The holidays dialog on the month shown; calendars refresh after each change."""
        from qazvin_diplomacy.ui.holidays import HolidaysDialog

        dialog = HolidaysDialog(
            self.ctx.db,
            self,
            year=jalali.to_jalali(self.calendar.state.day)[0],
            on_change=lambda: self.ctx.hub.dataChanged.emit("holidays"),
        )
        dialog.open()
        return dialog

    # --- actions -----------------------------------------------------------------------

    def _show_form(self, form: VisitForm) -> VisitForm:
        form.saved.connect(self._saved)
        form.archived.connect(self._archived)
        return keep_open_form(self.forms, form)

    def new_record(self, day: dt.date | None = None) -> VisitForm:
        """Open an empty visit form (starting at 10:00 on ``day`` when given, else on the
        calendar's selected day while the calendar is on screen)."""
        if not isinstance(day, dt.date) and self.views.currentIndex() == CALENDAR_TAB:
            day = self.calendar.state.day
        start = dt.datetime.combine(day, dt.time(10, 0)) if isinstance(day, dt.date) else None
        return self._show_form(VisitForm(self.ctx.db, None, self, start=start))

    def open_record(self, visit_id: int) -> VisitForm | None:
        """Open the form of visit ``visit_id``."""
        try:
            detail = visits_service.get_visit(self.ctx.db, visit_id)
        except KnownError as exc:
            show_error(self, exc)
            return None
        return self._show_form(VisitForm(self.ctx.db, detail, self))

    def _open_entry(self, entry: AgendaEntry) -> VisitForm | None:
        """The calendar's double-click or Enter: this page opens the visit's form."""
        return self.open_record(entry.record_id)

    def save(self) -> None:
        """Ctrl+S saves the most recently opened form."""
        save_newest_form(self.forms)

    def print_page(self) -> ReportsDialog:
        """Ctrl+P: the visit reports (Print / PDF), options taken from this page."""
        return open_visit_reports(self, self)

    def report_context(self) -> VisitReportContext:
        """The report options this page suggests (its tab, selection and filters)."""
        today = self.ctx.today()
        tab = self.views.currentIndex()
        first, last = jalali.month_range(*jalali.to_jalali(today)[:2])
        ctx = VisitReportContext(week=today, day=today, date_from=first, date_to=last)
        if tab == CALENDAR_TAB:
            first, last = self.calendar.current_view().date_range()
            view = self.calendar.stack.currentIndex()
            day = self.calendar.state.day if view == DAY else today
            ctx.week = ctx.day = day if first <= day <= last else first
            if view == MONTH:
                ctx.date_from, ctx.date_to = first, last
            ctx.kind = "weekly-agenda"
            return ctx
        table, model = (
            (self.archive_table, self.archive_model)
            if tab == ARCHIVE_TAB
            else (self.table, self.model)
        )
        rows = table.selectionModel().selectedRows()
        index = rows[0] if rows else table.currentIndex()
        visit = model.visit(index.row()) if index.isValid() else None
        if tab == LIST_TAB:
            filters = self.filter_bar.filters()
            ctx.country_id, ctx.status = filters.country_id, filters.status
            if filters.date_from or filters.date_to:
                ctx.date_from = filters.date_from or filters.date_to
                ctx.date_to = filters.date_to or filters.date_from
        if visit is not None:
            ctx.visit_id = visit.id
            ctx.day = ctx.week = to_local(visit.start_at).date()
            ctx.kind = "visit-dossier"
        else:
            ctx.kind = "visits-register"
        return ctx

    def print_view(self) -> None:
        """Print the view on screen (scaled to the page)."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        calendar = self.views.currentIndex() == CALENDAR_TAB
        print_widget(
            self.calendar.current_view() if calendar else self.views.currentWidget(), printer
        )

    def _saved(self, visit_id: int) -> None:
        self.ctx.hub.status.emit(self.tr("Visit saved."))
        self.ctx.hub.dataChanged.emit("visits")

    def _archived(self, visit_id: int) -> None:
        self.ctx.hub.status.emit(self.tr("Visit moved to the archive."))
        self.ctx.hub.dataChanged.emit("visits")

    def restore_selected(self) -> bool:
        """Restore the visit selected in the archive view."""
        return restore_selected_record(
            self,
            self.archive_table,
            self.archive_model.visit,
            lambda v: visits_service.restore_visit(self.ctx.db, visit_id=v.id, version=v.version),
            kind="visits",
            select_first=self.tr("Select a visit in the archive first."),
            restored=self.tr("Visit restored."),
        )

    # --- self-test ---------------------------------------------------------------------

    def selftest(self, shot: Callable[[str, QWidget], None]) -> None:
        """Show each view and the visit form (new, and the first stored visit)."""
        self.refresh()
        for index, view, name in (
            (LIST_TAB, None, "list"),
            (CALENDAR_TAB, MONTH, "month"),
            (CALENDAR_TAB, WEEK, "week"),
            (ARCHIVE_TAB, None, "archive"),
        ):
            self.views.setCurrentIndex(index)
            if view is not None:
                self.calendar.set_view(view)
            self.refresh_current()
            shot(f"visits_{name}", self)
        self.views.setCurrentIndex(LIST_TAB)
        form = self.new_record(self.ctx.today())
        for tab in range(form.tabs.count()):
            form.tabs.setCurrentIndex(tab)
            shot(f"visit_form_new_{tab}", form)
        form.start_edit.date_edit.open_popup()
        shot("calendar_popup", form.start_edit.date_edit.popup)
        form.start_edit.date_edit.popup.hide()
        contact = form.guests.new_contact()
        shot("new_contact", contact)
        contact.reject()
        start = dt.datetime.combine(self.ctx.today(), dt.time(10), tzinfo=TEHRAN)
        sample = [
            Conflict(
                ConflictKind.HOST,
                "«استاندار» در همین زمان میزبان دیدار «نمونه» است.",
                "The governor is host of the visit 'Sample' at the same time.",
                other_title="نمونه",
                other_start=start,
                other_end=start,
            ),
        ]
        conflict = ConflictDialog(sample, form)
        conflict.show()
        shot("conflict_dialog", conflict)
        conflict.reject()
        form.close()
        first = self.model.visit(0)
        if first is not None:
            opened = self.open_record(first.id)
            if opened is not None:
                for tab in range(opened.tabs.count()):
                    opened.tabs.setCurrentIndex(tab)
                    shot(f"visit_form_{tab}", opened)
                opened.close()
