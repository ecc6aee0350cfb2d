"""The resolutions tab: every resolution of every meeting, filtered, sorted and paged in SQL.

Filters: state (open, overdue, due this week, done, cancelled), responsible body (picked from
the directory; co-responsible too), series, deadline range and the words of the text.  A
body chosen here (or from the "By responsible body" tab) answers «what does this body owe
us»; "Print follow-up report" prints the report with the same filters, off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core.meetings import ResolutionDue, ResolutionFilter
from qazvin_diplomacy.services.export import EXPORT_KINDS, ExportFilters
from qazvin_diplomacy.ui.agreements.parties import DirectoryNames
from qazvin_diplomacy.ui.common import ID_ROLE
from qazvin_diplomacy.ui.i18n import Retranslating, current_language, loc_digits, loc_text
from qazvin_diplomacy.ui.icons import icon
from qazvin_diplomacy.ui.list_export import ListExporting
from qazvin_diplomacy.ui.list_page import ListFilterBar, ListTable
from qazvin_diplomacy.ui.meetings.models import ResolutionTableModel, fa_en, series_choices
from qazvin_diplomacy.ui.meetings.pickers import BODIES, PickField
from qazvin_diplomacy.ui.modules import UiContext
from qazvin_diplomacy.ui.ops import print_pdf


class SeriesFilterBar(ListFilterBar):
    """Base of the meetings module's filter bars, which choose a meeting series (``series``,
    built by the subclass); ``ctx`` gives today and the database."""

    series: QComboBox

    def __init__(
        self, ctx: UiContext, on_change: Callable[[], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(on_change, parent)
        self.app_ctx = ctx

    def load_series(self) -> None:
        """(Re)fill the series list, keeping the choice."""
        ctx = self.app_ctx
        self.refill(self.series, series_choices(ctx.db, ctx.today(), self.tr("All series")))


class ResolutionFilterBar(SeriesFilterBar):
    """State, body, series, deadline range and text; ``ctx`` gives today and the database."""

    def __init__(
        self, ctx: UiContext, on_change: Callable[[], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, on_change, parent)
        first, second = self.two_rows()
        self.due = QComboBox(self)
        self.series = QComboBox(self)
        self.series.setMinimumWidth(220)
        self.body = PickField(DirectoryNames(ctx.db), BODIES, self, rows=5)
        self.include_co = QCheckBox(self)
        self.include_co.setChecked(True)
        second.addWidget(self.body, 3)
        second.addWidget(self.include_co)
        self.add_date_range(second)
        self.add_clear_button()
        first.addWidget(self.text, 3)
        first.addWidget(self.due, 1)
        first.addWidget(self.series, 2)
        second.addWidget(self.clear_button)
        self.watch(self.due, self.series, self.include_co, self.date_from, self.date_to)
        self.body.activated.connect(lambda _i, _t: self.on_change())
        self.body.line.textChanged.connect(lambda text: None if text else self.on_change())
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        lang = current_language()
        self.text.setPlaceholderText(self.tr("Search number, text, body… (Ctrl+K)"))
        self.body.line.setPlaceholderText(self.tr("Responsible body: type part of its name"))
        self.include_co.setText(self.tr("Co-responsible too"))
        self.from_label.setText(self.tr("Deadline from"))
        self.to_label.setText(self.tr("to"))
        self.clear_button.setText(self.tr("Clear filters"))
        self.refill(self.due, [(d.label(lang), d.value) for d in ResolutionDue])
        self.body.relabel()
        self.load_series()

    def set_body(self, organization_id: int | None, due: str | None = None) -> None:
        """Show one body's resolutions (None: every body), in state ``due`` when given."""
        self.body.set_value(organization_id, "")
        if due is not None:
            self.due.blockSignals(True)
            self.due.setCurrentIndex(max(self.due.findData(due), 0))
            self.due.blockSignals(False)
        self.on_change()

    def clear(self) -> None:
        """Reset every filter."""
        for widget in (self.due, self.series):
            widget.blockSignals(True)
            widget.setCurrentIndex(0)
            widget.blockSignals(False)
        for edit in (self.date_from, self.date_to):
            edit.blockSignals(True)
            edit.setDate(None)
            edit.blockSignals(False)
        self.text.blockSignals(True)
        self.text.clear()
        self.text.blockSignals(False)
        self.body.set_value(None, "")
        self.include_co.setChecked(True)
        self.on_change()

    def filters(self) -> ResolutionFilter:
        """The filters as the service takes them (a body typed but not picked is ignored)."""
        return ResolutionFilter(
            due=self.due.currentData() or ResolutionDue.ALL.value,
            today=self.app_ctx.today(),
            body_id=self.body.value()[0],
            include_co=self.include_co.isChecked(),
            series_id=self.series.currentData(),
            deadline_from=self.date_from.date(),
            deadline_to=self.date_to.date(),
            text=self.text.text().strip(),
        )

    def report_options(self) -> dict[str, Any]:
        """Options of the ``resolutions`` report for these filters."""
        f = self.filters()
        options: dict[str, Any] = {}
        if f.body_id is not None:
            options["body"] = f.body_id
        if f.due != ResolutionDue.ALL.value:
            options["status"] = f.due
        if f.series_id is not None:
            options["series"] = f.series_id
        if f.deadline_from is not None:
            options["date_from"] = f.deadline_from
        if f.deadline_to is not None:
            options["date_to"] = f.deadline_to
        return options


class ResolutionsView(ListExporting, Retranslating, QWidget):
    """The resolutions list of the meetings page; ``openResolution(int)`` on double-click."""

    openResolution = Signal(int)  # Qt naming
    export_kind = "resolutions"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.filter_bar = ResolutionFilterBar(ctx, self.apply_filters, self)
        layout.addWidget(self.filter_bar)
        self.model = ResolutionTableModel(ctx.db, ctx.today, self)
        self.table = ListTable(
            self.model, sort_column=3, widths=(60, 300, 200, 90, 110, 85, 170, 85), stretch=1,
            parent=self,
        )  # fmt: skip
        self.table.empty_text = self.empty_text
        layout.addWidget(self.table, 1)
        footer = QHBoxLayout()
        self.count_label = QLabel(self)
        self.open_button = QPushButton(self)
        self.owed_button = QPushButton(self)
        self.print_button = QPushButton(self)
        self.export_button = QPushButton(self)
        footer.addWidget(self.count_label, 1)
        for button in (self.open_button, self.owed_button, self.print_button, self.export_button):
            footer.addWidget(button)
        layout.addLayout(footer)
        self.table.doubleClicked.connect(
            lambda idx: self.openResolution.emit(int(idx.data(ID_ROLE)))
        )
        self.open_button.clicked.connect(self._open_selected)
        self.owed_button.clicked.connect(self.show_selected_body)
        self.print_button.clicked.connect(lambda: self.print_report())
        self.export_button.clicked.connect(lambda: self.export_list())
        self.export_button.setEnabled("resolutions" in EXPORT_KINDS)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.open_button.setText(self.tr("Open"))
        self.owed_button.setText(self.tr("What this body owes"))
        self.owed_button.setToolTip(
            self.tr("The open resolutions of the selected row's responsible body")
        )
        self.print_button.setText(self.tr("Print follow-up report"))
        self.print_button.setIcon(icon("print"))
        self.print_button.setToolTip(
            self.tr("Who is late: the resolutions as filtered, grouped by body, as PDF")
        )
        self.export_button.setText(self.tr("Export to Excel/CSV…"))
        self.model.retranslate()
        self._count()

    def empty_text(self) -> str:
        """What the empty list says."""
        return self.tr(
            "No resolution to show. Clear the filters to see every resolution; resolutions are "
            "recorded in a meeting's form, on its Resolutions tab."
        )

    def refresh(self) -> None:
        """Re-read the list (today may have moved on; the series list too)."""
        self.filter_bar.load_series()
        self.apply_filters()

    def apply_filters(self) -> None:
        """Re-query the list with the filter bar's filters (in SQL)."""
        self.model.set_filters(self.filter_bar.filters())
        self._count()

    def _count(self) -> None:
        text = loc_digits(self.tr("%n resolutions", "", self.model.total))
        body_id = self.filter_bar.body.value()[0]
        if body_id is not None:
            name = loc_text(self.filter_bar.body.line.text())
            text += " — " + self.tr("owed by %1").replace("%1", name)
        self.count_label.setText(text)

    def selected(self) -> Any:
        """The resolution selected in the table (None when none)."""
        rows = self.table.selectionModel().selectedRows()
        index = rows[0] if rows else self.table.currentIndex()
        return self.model.item(index.row()) if index.isValid() else None

    def _open_selected(self) -> None:
        found = self.selected()
        if found is None:
            self.ctx.hub.status.emit(self.tr("Select a resolution first."))
            return
        self.openResolution.emit(found.id)

    def show_body(self, organization_id: int | None, _name: str = "") -> None:
        """«What does this body owe us»: its open resolutions (every body when None)."""
        self.filter_bar.set_body(organization_id, ResolutionDue.OPEN.value)

    def show_selected_body(self) -> None:
        """The open resolutions of the selected row's responsible body."""
        found = self.selected()
        if found is None or found.responsible_org_id is None:
            self.ctx.hub.status.emit(self.tr("Select a resolution with a responsible body first."))
            return
        self.show_body(
            found.responsible_org_id, fa_en(found.responsible_name, found.responsible_name_en)
        )

    def export_filters(self) -> ExportFilters:
        """Override: the resolutions as filtered and sorted."""
        return ExportFilters(
            list_filter=self.model.filters, sort=self.model.sort_key,
            descending=self.model.descending, today=self.ctx.today(),
        )  # fmt: skip

    def print_report(self) -> object:
        """The follow-up status report of the resolutions as filtered, as PDF (off the GUI thread)."""
        return print_pdf(
            self.ctx.runner, self.ctx.db, "resolutions", self.filter_bar.report_options(),
            parent=self, title=self.tr("Print follow-up report"),
        )  # fmt: skip
