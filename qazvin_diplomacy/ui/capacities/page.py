"""The capacities page (ظرفیت‌های استان): the catalogue embassies can consult.

A list with search, axis, county, status and "publishable only" filters; New/Open show the
capacity form (with its photos); "Print brochure" writes ``report capacity-brochure`` in the
chosen language off the GUI thread; the archive tab restores archived capacities.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QComboBox, QPushButton, QWidget

from qazvin_diplomacy.core.capacities import CapacityAxis, CapacityFilter, CapacityStatus, County
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.services import capacities as capacities_service
from qazvin_diplomacy.services.export import ExportFilters
from qazvin_diplomacy.ui.capacities.form import CapacityForm
from qazvin_diplomacy.ui.capacities.models import CapacityTableModel
from qazvin_diplomacy.ui.common import ID_ROLE, show_error
from qazvin_diplomacy.ui.forms_common import keep_open_form
from qazvin_diplomacy.ui.i18n import QT_TRANSLATE_NOOP, current_language
from qazvin_diplomacy.ui.icons import icon
from qazvin_diplomacy.ui.list_page import ListFilterBar, ListPage, ListTable
from qazvin_diplomacy.ui.modules import UiContext
from qazvin_diplomacy.ui.ops import TaskDialog, print_pdf

#: The brochure's languages: (code, English label in context "CapacitiesPage").
BROCHURE_LANGUAGES = (
    ("fa", QT_TRANSLATE_NOOP("CapacitiesPage", "Persian")),
    ("en", QT_TRANSLATE_NOOP("CapacitiesPage", "English")),
    ("both", QT_TRANSLATE_NOOP("CapacitiesPage", "Persian and English")),
)


class CapacityFilterBar(ListFilterBar):
    """Text, axis, county, status, publishable only."""

    def __init__(self, on_change: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(on_change, parent)
        self.axis = QComboBox(self)
        self.county = QComboBox(self)
        self.status = QComboBox(self)
        self.publishable = QCheckBox(self)
        self.lay_out_in_a_row(self.axis, self.county, self.status, self.publishable)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        lang = current_language()
        self.text.setPlaceholderText(self.tr("Search title, description, contact… (Ctrl+K)"))
        self.publishable.setText(self.tr("Publishable only"))
        self.clear_button.setText(self.tr("Clear filters"))
        self.refill(
            self.axis,
            [(self.tr("All axes"), None), *((a.label(lang), a.value) for a in CapacityAxis)],
        )
        self.refill(
            self.county,
            [(self.tr("All counties"), None), *((c.label(lang), c.value) for c in County)],
        )
        self.refill(
            self.status,
            [(self.tr("All statuses"), None), *((s.label(lang), s.value) for s in CapacityStatus)],
        )

    def clear(self) -> None:
        """Reset every filter."""
        self.text.clear()
        for combo in (self.axis, self.county, self.status):
            combo.setCurrentIndex(0)
        self.publishable.setChecked(False)

    def filters(self) -> CapacityFilter:
        """The filters as the service takes them."""
        return CapacityFilter(
            text=self.text.text().strip(),
            axis=self.axis.currentData(),
            county=self.county.currentData(),
            status=self.status.currentData(),
            publishable=True if self.publishable.isChecked() else None,
        )


class CapacitiesPage(ListPage):
    """The province's capacity catalogue."""

    export_kind = "capacities"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.forms: list[CapacityForm] = []
        self.filter_bar = CapacityFilterBar(self.apply_filters, self)
        self.search_box = self.filter_bar.text
        self.model = CapacityTableModel(ctx.db, self)
        self.table = ListTable(
            self.model, sort_column=0, widths=(140, 320, 100, 120, 80, 150, 70), stretch=1,
            parent=self,
        )  # fmt: skip
        self.open_button = QPushButton(self)
        self.archive_button = QPushButton(self)
        self.export_button = QPushButton(self)
        self.brochure_lang = QComboBox(self)
        self.brochure_button = QPushButton(self)
        self.add_list_tab(
            self.filter_bar,
            self.table,
            (self.open_button, self.archive_button, self.export_button, self.brochure_lang,
             self.brochure_button),
        )  # fmt: skip
        self.archive_model = CapacityTableModel(ctx.db, self, archived=True)
        self.archive_table = ListTable(
            self.archive_model, sort_column=0, widths=(140, 320, 100, 120, 80, 150, 70),
            stretch=1, parent=self,
        )  # fmt: skip
        self.restore_button = QPushButton(self)
        self.add_archive_tab(self.archive_table, self.restore_button)
        self.table.doubleClicked.connect(lambda idx: self.open_capacity(int(idx.data(ID_ROLE))))
        self.open_button.clicked.connect(lambda: self._with_selected(self.open_capacity))
        self.archive_button.clicked.connect(lambda: self._with_selected(self.archive))
        self.restore_button.clicked.connect(lambda: self.restore())
        self.export_button.clicked.connect(lambda: self.export_list())
        self.brochure_button.clicked.connect(lambda: self.print_brochure())
        ctx.hub.dataChanged.connect(self._data_changed)
        self.retranslate_ui()

    # --- language ----------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.heading.setText(self.tr("Province capacities"))
        self.new_button.setText(self.tr("New capacity"))
        self.new_button.setIcon(icon("new"))
        self.views.setTabText(0, self.tr("Catalogue"))
        self.views.setTabIcon(0, icon("list"))
        self.views.setTabText(1, self.tr("Archive"))
        self.views.setTabIcon(1, icon("archive"))
        self.open_button.setText(self.tr("Open"))
        self.archive_button.setText(self.tr("Archive"))
        self.restore_button.setText(self.tr("Restore"))
        self.export_button.setText(self.tr("Export to Excel/CSV…"))
        self.brochure_button.setText(self.tr("Print brochure"))
        self.brochure_button.setIcon(icon("print"))
        self.brochure_button.setToolTip(
            self.tr("The publishable capacities, one section per axis, for embassies")
        )
        chosen = self.brochure_lang.currentData()
        self.brochure_lang.clear()
        for code, label in BROCHURE_LANGUAGES:
            self.brochure_lang.addItem(self.tr(label), code)
        self.brochure_lang.setCurrentIndex(max(self.brochure_lang.findData(chosen), 0))
        self.model.retranslate()
        self.archive_model.retranslate()
        self._update_count()

    def empty_list_text(self) -> str:
        """Override: the empty list says what to do next."""
        return self.tr(
            "No capacity to show. Clear the filters, or press “New capacity” to record one."
        )

    def empty_archive_text(self) -> str:
        """Override: nothing archived yet."""
        return self.tr("No archived capacity.")

    def count_text(self) -> str:
        """Override: the count line."""
        return self.tr("%1 capacities")

    # --- data --------------------------------------------------------------------------

    def refresh_current(self) -> None:
        """Re-read the catalogue and the archive."""
        self.apply_filters()
        self.archive_model.reload()

    def _data_changed(self, kind: str) -> None:
        if kind in ("capacities", "*"):
            self.refresh_current()

    def export_filters(self) -> ExportFilters:
        """Override: the catalogue as filtered and sorted."""
        return ExportFilters(
            list_filter=self.filter_bar.filters(),
            sort=self.model.sort_key,
            descending=self.model.descending,
        )

    def selected_id(self, table: ListTable | None = None) -> int | None:
        """The capacity selected in ``table`` (default: the catalogue)."""
        table = table or self.table
        rows = table.selectionModel().selectedRows()
        index = rows[0] if rows else table.currentIndex()
        return int(index.data(ID_ROLE)) if index.isValid() else None

    def _with_selected(self, action: Callable[[int], object]) -> None:
        capacity_id = self.selected_id()
        if capacity_id is None:
            self.ctx.hub.status.emit(self.tr("Select a capacity first."))
            return
        action(capacity_id)

    # --- actions -----------------------------------------------------------------------

    def _show(self, form: CapacityForm) -> CapacityForm:
        form.saved.connect(lambda _id: self.ctx.hub.dataChanged.emit("capacities"))
        return keep_open_form(self.forms, form)

    def new_record(self) -> CapacityForm:
        """Override: a new capacity."""
        return self._show(CapacityForm(self.ctx.db, None, self))

    def open_capacity(self, capacity_id: int) -> CapacityForm | None:
        """Open a stored capacity."""
        try:
            detail = capacities_service.get_capacity(self.ctx.db, capacity_id=capacity_id)
        except KnownError as exc:
            show_error(self, exc)
            return None
        return self._show(CapacityForm(self.ctx.db, detail, self))

    def archive(self, capacity_id: int, archived: bool = True) -> None:
        """Archive (or restore) a capacity: it leaves the list, the search and the brochure."""
        try:
            capacities_service.archive_capacity(
                self.ctx.db, capacity_id=capacity_id, archived=archived
            )
        except KnownError as exc:
            show_error(self, exc)
            return
        self.ctx.hub.dataChanged.emit("capacities")

    def restore(self) -> None:
        """Restore the capacity selected in the archive."""
        capacity_id = self.selected_id(self.archive_table)
        if capacity_id is not None:
            self.archive(capacity_id, archived=False)

    def print_brochure(self) -> TaskDialog:
        """Write the brochure in the chosen language and open it."""
        options = {"lang": self.brochure_lang.currentData() or "fa"}
        axis = self.filter_bar.axis.currentData()
        if axis:
            options["axis"] = axis
        return print_pdf(
            self.ctx.runner, self.ctx.db, "capacity-brochure", options, parent=self,
            title=self.tr("Print brochure"),
        )  # fmt: skip

    def print_page(self) -> None:
        """Override: Ctrl+P prints the brochure."""
        self.print_brochure()

    def selftest(self, shot: Callable[[str, QWidget], None]) -> None:
        """Override: the catalogue and the capacity form."""
        self.refresh()
        shot("capacities", self)
        first = self.model.item(0) if self.model.total else None
        if first is not None:
            form = self.open_capacity(first.id)
        else:
            form = self.new_record()
        if form is not None:
            shot("capacity_form", form)
            form.close()
