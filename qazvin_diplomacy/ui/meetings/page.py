"""The meetings page (جلسات): the sessions of every working group and council, the resolutions
of every session followed to the end, what each body owes, and the series themselves.

- *Meetings*: filtered by series, status, Jalali date range and text; double-click opens the
  meeting form (attendance, agenda, resolutions, minutes).
- *Resolutions*: every resolution of every meeting, filtered and sorted in SQL (paged for
  tens of thousands of rows); double-click opens the resolution with its follow-up log.
- *By body*: open / overdue / done per responsible body; a row shows that body's resolutions.
- *Series*: the working groups and councils, their recurrence and the next session number.

Printing (minutes, the follow-up report, the letters to each body) renders off the GUI
thread through ``ui.ops.print_pdf``; "Export to Excel/CSV…" writes the list as shown.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QPushButton, QWidget

from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.meetings import MeetingFilter, MeetingStatus
from qazvin_diplomacy.services import meetings as meetings_service
from qazvin_diplomacy.ui.common import ID_ROLE, show_error
from qazvin_diplomacy.ui.forms_common import keep_open_form, save_newest_form
from qazvin_diplomacy.ui.i18n import current_language
from qazvin_diplomacy.ui.icons import icon
from qazvin_diplomacy.ui.list_page import ListPage, ListTable
from qazvin_diplomacy.ui.meetings.bodies import BodiesView
from qazvin_diplomacy.ui.meetings.form import MeetingForm
from qazvin_diplomacy.ui.meetings.models import MeetingTableModel
from qazvin_diplomacy.ui.meetings.resolution import ResolutionDialog
from qazvin_diplomacy.ui.meetings.resolutions import ResolutionsView, SeriesFilterBar
from qazvin_diplomacy.ui.meetings.series import SeriesDialog, SeriesListView
from qazvin_diplomacy.ui.modules import UiContext

MEETINGS_TAB, RESOLUTIONS_TAB, BODIES_TAB, SERIES_TAB = range(4)


class MeetingFilterBar(SeriesFilterBar):
    """Text, series, status and a Jalali date range."""

    def __init__(
        self, ctx: UiContext, on_change: Callable[[], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, on_change, parent)
        first, second = self.two_rows()
        self.series = QComboBox(self)
        self.series.setMinimumWidth(220)
        self.status = QComboBox(self)
        self.add_date_range(second)
        self.add_clear_button()
        first.addWidget(self.text, 3)
        first.addWidget(self.series, 2)
        first.addWidget(self.status, 1)
        second.addStretch(1)
        second.addWidget(self.clear_button)
        self.watch(self.series, self.status, self.date_from, self.date_to)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        lang = current_language()
        self.text.setPlaceholderText(self.tr("Search series, venue, agenda… (Ctrl+K)"))
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("To"))
        self.clear_button.setText(self.tr("Clear filters"))
        self.refill(
            self.status,
            [(self.tr("All statuses"), None), *((s.label(lang), s.value) for s in MeetingStatus)],
        )
        self.load_series()

    def clear(self) -> None:
        """Reset every filter."""
        self.text.clear()
        self.series.setCurrentIndex(0)
        self.status.setCurrentIndex(0)
        self.date_from.setDate(None)
        self.date_to.setDate(None)

    def filters(self) -> MeetingFilter:
        """The filters as the service takes them."""
        status = self.status.currentData()
        return MeetingFilter(
            text=self.text.text().strip(),
            series_id=self.series.currentData(),
            status=status,
            date_from=self.date_from.date(),
            date_to=self.date_to.date(),
        )


class MeetingsPage(ListPage):
    """Meetings, resolutions, bodies and series; the meeting, resolution and series forms."""

    export_kind = "meetings"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.forms: list[QWidget] = []
        self.filter_bar = MeetingFilterBar(ctx, self.apply_filters, self)
        self.search_box = self.filter_bar.text
        self.model = MeetingTableModel(ctx.db, self)
        self.table = ListTable(
            self.model, sort_column=0, widths=(150, 70, 300, 70, 200, 130, 90), stretch=2,
            parent=self,
        )  # fmt: skip
        self.open_button = QPushButton(self)
        self.minutes_button = QPushButton(self)
        self.export_button = QPushButton(self)
        self.add_list_tab(
            self.filter_bar, self.table, (self.open_button, self.minutes_button, self.export_button)
        )
        self.resolutions = ResolutionsView(ctx, self)
        self.views.addTab(self.resolutions, "")
        self.bodies = BodiesView(ctx, self)
        self.views.addTab(self.bodies, "")
        self.series = SeriesListView(ctx, self)
        self.views.addTab(self.series, "")
        self.table.doubleClicked.connect(lambda idx: self.open_record(int(idx.data(ID_ROLE))))
        self.open_button.clicked.connect(lambda: self._on_selected(self.open_record))
        self.minutes_button.clicked.connect(lambda: self._on_selected(self.print_minutes))
        self.export_button.clicked.connect(lambda: self.export_list())
        self.resolutions.openResolution.connect(self.open_resolution)
        self.bodies.bodyChosen.connect(self.show_body)
        self.series.openSeries.connect(self.open_series)
        self.views.currentChanged.connect(lambda _i: self.refresh_current())
        ctx.hub.dataChanged.connect(self._data_changed)
        self.retranslate_ui()

    # --- language ----------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.heading.setText(self.tr("Meetings"))
        self.new_button.setIcon(icon("new"))
        self._update_new_button()
        self.views.setTabText(MEETINGS_TAB, self.tr("Meetings"))
        self.views.setTabIcon(MEETINGS_TAB, icon("meeting"))
        self.views.setTabText(RESOLUTIONS_TAB, self.tr("Resolutions"))
        self.views.setTabIcon(RESOLUTIONS_TAB, icon("followup"))
        self.views.setTabText(BODIES_TAB, self.tr("By responsible body"))
        self.views.setTabIcon(BODIES_TAB, icon("list"))
        self.views.setTabText(SERIES_TAB, self.tr("Working groups and councils"))
        self.views.setTabIcon(SERIES_TAB, icon("week"))
        self.open_button.setText(self.tr("Open"))
        self.minutes_button.setText(self.tr("Print minutes"))
        self.minutes_button.setIcon(icon("print"))
        self.export_button.setText(self.tr("Export to Excel/CSV…"))
        self.export_button.setToolTip(
            self.tr("Every meeting of the list as filtered and sorted, as .xlsx or .csv")
        )
        self.model.retranslate()
        self._update_count()

    def _update_new_button(self) -> None:
        if self.views.currentIndex() == SERIES_TAB:
            self.new_button.setText(self.tr("New series"))
        else:
            self.new_button.setText(self.tr("New meeting"))

    def empty_list_text(self) -> str:
        """Override: the empty list says what to do next."""
        return self.tr(
            "No meeting to show. Clear the filters to see every meeting, or press “New "
            "meeting” to record one (set up its working group or council first, in the last tab)."
        )

    def count_text(self) -> str:
        """Override: the count line of the meetings list."""
        return self.tr("%1 meetings")

    # --- data --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Override: no country list here; re-read the view on screen."""
        self.refresh_current()

    def refresh_current(self) -> None:
        """Re-read the view on screen."""
        self._update_new_button()
        index = self.views.currentIndex()
        if index == MEETINGS_TAB:
            self.filter_bar.load_series()
            self.apply_filters()
        elif index == RESOLUTIONS_TAB:
            self.resolutions.refresh()
        elif index == BODIES_TAB:
            self.bodies.refresh()
        else:
            self.series.refresh()

    def _on_selected(self, action: Callable[[int], object]) -> None:
        self.with_selected(action, self.tr("Select a meeting first."))

    def _data_changed(self, kind: str) -> None:
        if kind in ("meetings", "directory", "*"):
            self.refresh_current()

    # --- forms -------------------------------------------------------------------------

    def _keep(self, form: QWidget) -> QWidget:
        saved = getattr(form, "saved", None)
        if saved is not None:
            saved.connect(lambda *_a: self.ctx.hub.dataChanged.emit("meetings"))
        return keep_open_form(self.forms, form)

    def new_record(self) -> QWidget:
        """Override: a new series on the series tab, else a new meeting."""
        if self.views.currentIndex() == SERIES_TAB:
            return self.new_series()
        return self.new_meeting()

    def new_meeting(self, series_id: int | None = None) -> MeetingForm:
        """An empty meeting form (of ``series_id`` when given: its next number and venue)."""
        form = MeetingForm(self.ctx, None, self, series_id=series_id)
        self._keep(form)
        return form

    def new_series(self) -> SeriesDialog:
        """An empty series form."""
        form = SeriesDialog(self.ctx, None, self)
        self._keep(form)
        return form

    def _raise_open(self, kind: type, record_id: int) -> QWidget | None:
        for form in self.forms:
            if isinstance(form, kind) and form.record_id() == record_id and form.isVisible():
                form.raise_()
                form.activateWindow()
                return form
        return None

    def open_record(self, meeting_id: int) -> MeetingForm | None:
        """Open the meeting form of ``meeting_id`` (raised if already open)."""
        found = self._raise_open(MeetingForm, meeting_id)
        if found is not None:
            return found  # type: ignore[return-value]
        try:
            detail = meetings_service.get_meeting(self.ctx.db, meeting_id=meeting_id)
        except KnownError as exc:
            show_error(self, exc)
            return None
        form = MeetingForm(self.ctx, detail, self)
        self._keep(form)
        return form

    def open_meeting(self, meeting_id: int) -> MeetingForm | None:
        """Open a meeting found by the global search (``open_<kind>``)."""
        return self.open_record(meeting_id)

    def open_meeting_series(self, series_id: int) -> SeriesDialog | None:
        """Open a series found by the global search (``open_<kind>``)."""
        return self.open_series(series_id)

    def open_series(self, series_id: int) -> SeriesDialog | None:
        """Open the series form of ``series_id``."""
        found = self._raise_open(SeriesDialog, series_id)
        if found is not None:
            return found  # type: ignore[return-value]
        try:
            detail = meetings_service.get_series(self.ctx.db, series_id=series_id)
        except KnownError as exc:
            show_error(self, exc)
            return None
        form = SeriesDialog(self.ctx, detail, self)
        self._keep(form)
        return form

    def open_resolution(self, resolution_id: int) -> ResolutionDialog | None:
        """Open resolution ``resolution_id`` with its follow-up log."""
        found = self._raise_open(ResolutionDialog, resolution_id)
        if found is not None:
            return found  # type: ignore[return-value]
        try:
            detail = meetings_service.get_resolution(self.ctx.db, resolution_id=resolution_id)
        except KnownError as exc:
            show_error(self, exc)
            return None
        form = ResolutionDialog(self.ctx, detail, self)
        self._keep(form)
        return form

    def show_body(self, organization_id: int, name: str) -> None:
        """The resolutions a body owes (the resolutions tab filtered to it, open ones)."""
        self.views.setCurrentIndex(RESOLUTIONS_TAB)
        self.resolutions.show_body(organization_id, name)

    def save(self) -> None:
        """Ctrl+S saves the most recently opened form."""
        save_newest_form(self.forms)

    # --- printing ----------------------------------------------------------------------

    def print_minutes(self, meeting_id: int) -> object:
        """The minutes (صورتجلسه) of a meeting as PDF, off the GUI thread."""
        from qazvin_diplomacy.ui.ops import print_pdf

        return print_pdf(
            self.ctx.runner, self.ctx.db, "minutes", {"meeting": meeting_id}, parent=self,
            title=self.tr("Print minutes"),
        )  # fmt: skip

    def print_page(self) -> None:
        """Ctrl+P: the minutes of the selected meeting, or the follow-up report of the
        resolutions as filtered."""
        if self.views.currentIndex() in (RESOLUTIONS_TAB, BODIES_TAB):
            self.resolutions.print_report()
        else:
            self._on_selected(self.print_minutes)

    # --- self-test ---------------------------------------------------------------------

    def selftest(self, shot: Callable[[str, QWidget], None]) -> None:
        """Override: every tab, and the forms (series, meeting, resolution)."""
        for index, name in (
            (MEETINGS_TAB, "meetings"), (RESOLUTIONS_TAB, "resolutions"), (BODIES_TAB, "bodies"),
            (SERIES_TAB, "series"),
        ):  # fmt: skip
            self.views.setCurrentIndex(index)
            self.refresh_current()
            shot(name, self)
        self.views.setCurrentIndex(MEETINGS_TAB)
        self.refresh_current()
        rows = (self.model.item(i) for i in range(min(self.model.total, 60)))
        first = next((m for m in rows if m is not None and m.resolution_count), None)
        if first is not None and first.id is not None:
            form = self.open_record(first.id)
            if form is not None:
                for tab in range(form.tabs.count()):
                    form.tabs.setCurrentIndex(tab)
                    shot(f"meeting_form_{tab}", form)
                form.close()
        form = self.new_meeting()
        shot("meeting_form_new", form)
        form.close()
        series = self.series.model.item(0)
        dialog = self.open_series(series.id) if series is not None else self.new_series()
        if dialog is not None:
            shot("series_form", dialog)
            dialog.close()
        resolution = self.resolutions.model.item(0)
        if resolution is not None:
            opened = self.open_resolution(resolution.id)
            if opened is not None:
                shot("resolution_form", opened)
                opened.close()
