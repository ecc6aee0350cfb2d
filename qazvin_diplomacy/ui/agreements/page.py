"""The agreements page (موافقت‌نامه‌ها): the register with filters, the archive and the form.

The register pages lazily and filters and sorts in SQL (``services.agreements``); a
double-click opens the agreement form.  "Print / PDF" renders the ``agreements-register``
report with every filter of the list (status, country, years, kind, axis, text,
organization) in the task runner;
"Export to Excel/CSV…" writes exactly the register as filtered and sorted
(``ui.list_export``).  From a country or an organization, ``show_country`` /
``show_organization`` list its agreements.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QPushButton,
    QWidget,
)

from qazvin_diplomacy.core import jalali
from qazvin_diplomacy.core.agreements import (
    AgreementFilter,
    AgreementKind,
    AgreementStatus,
    Axis,
    jalali_year_span,
)
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.services import agreements as agreements_service
from qazvin_diplomacy.services import directory
from qazvin_diplomacy.services.export import ExportFilters
from qazvin_diplomacy.ui.agreements.form import AgreementForm
from qazvin_diplomacy.ui.agreements.models import (
    ID_ROLE,
    SIGNED_COLUMN,
    AgreementTableModel,
)
from qazvin_diplomacy.ui.agreements.printing import PdfPrinter
from qazvin_diplomacy.ui.common import show_error
from qazvin_diplomacy.ui.forms_common import (
    keep_open_form,
    restore_selected_record,
    save_newest_form,
)
from qazvin_diplomacy.ui.i18n import current_language, is_rtl, loc_digits, loc_text
from qazvin_diplomacy.ui.icons import icon
from qazvin_diplomacy.ui.list_page import ListFilterBar, ListPage, ListTable
from qazvin_diplomacy.ui.modules import UiContext

REGISTER_TAB, ARCHIVE_TAB = range(2)
YEARS_BACK = 40


class AgreementFilterBar(ListFilterBar):
    """Kind, status, country, axis, Jalali signing-year range and free text."""

    def __init__(
        self, ctx: UiContext, on_change: Callable[[], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(on_change, parent, ctx)
        first, second = self.two_rows()
        self.kind = QComboBox(self)
        self.status = QComboBox(self)
        self.country = QComboBox(self)
        self.country.setMinimumWidth(150)
        self.axis = QComboBox(self)
        self.year_from = QComboBox(self)
        self.year_to = QComboBox(self)
        for combo in (self.year_from, self.year_to):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.from_label = QLabel(self)
        self.to_label = QLabel(self)
        self.add_clear_button()
        self.organization_label = QLabel(self)
        self.organization_label.setStyleSheet("color: #1f5fa8; font-weight: bold;")
        self.organization_clear = QPushButton(self)
        self.organization_id: int | None = None
        first.addWidget(self.text, 3)
        first.addWidget(self.kind, 1)
        first.addWidget(self.status, 1)
        first.addWidget(self.country, 1)
        second.addWidget(self.axis, 1)
        second.addWidget(self.from_label)
        second.addWidget(self.year_from)
        second.addWidget(self.to_label)
        second.addWidget(self.year_to)
        second.addWidget(self.organization_label)
        second.addWidget(self.organization_clear)
        second.addStretch(1)
        second.addWidget(self.clear_button)
        self.watch(self.kind, self.status, self.country, self.axis, self.year_from, self.year_to)
        self.organization_clear.clicked.connect(lambda: self.set_organization(None, ""))
        self._organization_name = ""
        self.set_organization(None, "")
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        lang = current_language()
        self.text.setPlaceholderText(self.tr("Search title, parties, signatories… (Ctrl+K)"))
        self.from_label.setText(self.tr("Signed from"))
        self.to_label.setText(self.tr("to"))
        self.clear_button.setText(self.tr("Clear filters"))
        self.organization_clear.setText(self.tr("Show all organizations"))
        self.refill(
            self.kind,
            [(self.tr("All kinds"), None), *((k.label(lang), k.value) for k in AgreementKind)],
        )
        self.refill(
            self.status,
            [
                (self.tr("All statuses"), None),
                *((s.label(lang), s.value) for s in AgreementStatus),
            ],
        )
        self.refill(
            self.axis,
            [(self.tr("All axes"), None), *((a.label(lang), a.value) for a in Axis)],
        )
        this_year = jalali.to_jalali(self.ctx.today())[0]
        years = [(loc_digits(y), y) for y in range(this_year + 1, this_year - YEARS_BACK, -1)]
        self.refill(self.year_from, [(self.tr("any year"), None), *years])
        self.refill(self.year_to, [(self.tr("any year"), None), *years])
        self._show_organization()
        if self.countries_loaded:
            self.load_countries()

    def set_organization(self, organization_id: int | None, name: str) -> None:
        """Limit the list to one organization's agreements (None: every organization)."""
        changed = organization_id != self.organization_id
        self.organization_id = organization_id
        self._organization_name = name if organization_id is not None else ""
        self._show_organization()
        if changed:
            self.on_change()

    def _show_organization(self) -> None:
        shown = self.organization_id is not None
        self.organization_label.setText(
            self.tr("Party: %1").replace("%1", loc_text(self._organization_name)) if shown else ""
        )
        self.organization_label.setVisible(shown)
        self.organization_clear.setVisible(shown)

    def set_year(self, combo: QComboBox, year: int | None) -> None:
        """Choose a Jalali year (None: any) in ``combo``."""
        combo.setCurrentIndex(max(combo.findData(year), 0) if year is not None else 0)

    def clear(self) -> None:
        """Reset every filter."""
        for combo in (
            self.kind,
            self.status,
            self.country,
            self.axis,
            self.year_from,
            self.year_to,
        ):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.text.blockSignals(True)
        self.text.clear()
        self.text.blockSignals(False)
        self.organization_id = None
        self._show_organization()
        self.on_change()

    def filters(self, **extra: bool) -> AgreementFilter:
        """The filters as the service takes them."""
        kind, status, axis = (c.currentData() for c in (self.kind, self.status, self.axis))
        return AgreementFilter(
            kind=AgreementKind(kind) if kind else None,
            status=AgreementStatus(status) if status else None,
            country_id=self.country.currentData(),
            organization_id=self.organization_id,
            axis=Axis(axis) if axis else None,
            year_from=self.year_from.currentData(),
            year_to=self.year_to.currentData(),
            text=self.text.text().strip(),
            **extra,
        )

    def report_options(self) -> dict[str, Any]:
        """Options of the ``agreements-register`` report for these filters (all of them)."""
        f = self.filters()
        options: dict[str, Any] = {}
        if f.status is not None:
            options["status"] = f.status.value
        if f.country_id is not None:
            options["country"] = getattr(self, "iso2", {}).get(f.country_id)
        first, last = jalali_year_span(f.year_from, f.year_to)
        if first is not None:
            options["date_from"] = first
        if last is not None:
            options["date_to"] = last
        if f.kind is not None:
            options["agreement_kind"] = f.kind.value
        if f.axis is not None:
            options["axis"] = f.axis.value
        if f.text:
            options["text"] = f.text
        if f.organization_id is not None:
            options["organization"] = f.organization_id
        return options


class AgreementsPage(ListPage):
    """Register and archive of the agreements, and the agreement form."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.forms: list[AgreementForm] = []
        self.printer = PdfPrinter(ctx.db, ctx.runner, self)
        self.print_button = QPushButton(self)
        self.add_head_button(self.print_button)

        self.filter_bar = AgreementFilterBar(ctx, self.apply_filters, self)
        self.search_box = self.filter_bar.text
        self.model = AgreementTableModel(ctx.db, self, today=ctx.today)
        self.table = self._table(self.model)
        self.export_button = QPushButton(self)
        self.add_list_tab(self.filter_bar, self.table, (self.export_button,))

        self.archive_model = AgreementTableModel(ctx.db, self, today=ctx.today)
        self.archive_model.set_filters(AgreementFilter(archived_only=True))
        self.archive_table = self._table(self.archive_model)
        self.restore_button = QPushButton(self)
        self.add_archive_tab(self.archive_table, self.restore_button)

        self.print_button.clicked.connect(self.print_page)
        self.export_button.clicked.connect(lambda: self.export_list())
        self.table.doubleClicked.connect(lambda idx: self.open_record(int(idx.data(ID_ROLE))))
        self.archive_table.doubleClicked.connect(
            lambda idx: self.open_record(int(idx.data(ID_ROLE)))
        )
        self.restore_button.clicked.connect(self.restore_selected)
        self.views.currentChanged.connect(lambda _i: self.refresh_current())
        ctx.hub.dataChanged.connect(self._data_changed)
        self.retranslate_ui()

    # --- language ----------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.heading.setText(self.tr("Agreements"))
        self.new_button.setText(self.tr("New agreement"))
        self.new_button.setIcon(icon("new"))
        self.print_button.setText(self.tr("Print / PDF"))
        self.print_button.setToolTip(
            self.tr("The register in Persian, with the list's status, country and years")
        )
        self.print_button.setIcon(icon("print"))
        self.export_button.setText(self.tr("Export to Excel/CSV…"))
        self.export_button.setToolTip(
            self.tr("Every agreement of the register as filtered and sorted, as .xlsx or .csv")
        )
        self.views.setTabText(REGISTER_TAB, self.tr("Register"))
        self.views.setTabIcon(REGISTER_TAB, icon("list"))
        self.views.setTabText(ARCHIVE_TAB, self.tr("Archive"))
        self.views.setTabIcon(ARCHIVE_TAB, icon("archive"))
        self.restore_button.setText(self.tr("Restore selected agreement"))
        self.restore_button.setIcon(icon("restore"))
        self.model.retranslate()
        self.archive_model.retranslate()
        self._update_count()

    def count_text(self) -> str:
        """Override: the count line of the register."""
        return self.tr("%1 agreements")

    def empty_list_text(self) -> str:
        """Override: the empty register says what to do next."""
        return self.tr(
            "No agreement to show. Clear the filters to see the whole register, or press "
            "“New agreement” to record one."
        )

    def empty_archive_text(self) -> str:
        """Override: the empty archive says how agreements get there."""
        return self.tr(
            "The archive is empty. An agreement you archive from its form appears here and "
            "can be restored."
        )

    def _table(self, model: AgreementTableModel) -> ListTable:
        """A register table, sorted by signing date."""
        return ListTable(
            model,
            sort_column=SIGNED_COLUMN,
            widths=(95, 300, 90, 160, 90, 85, 100, 95, 150),
            stretch=1,
            parent=self,
        )

    # --- data --------------------------------------------------------------------------

    def refresh_current(self) -> None:
        """Re-read the view on screen."""
        if self.views.currentIndex() == REGISTER_TAB:
            self.apply_filters()
        else:
            self.archive_model.reload()

    def _data_changed(self, kind: str) -> None:
        if kind in ("*", "agreements", "directory"):
            self.refresh_all()

    def show_country(self, country_id: int) -> None:
        """The register of one country's agreements (from a country's page)."""
        if not self.filter_bar.countries_loaded:
            self.filter_bar.load_countries()
        self.views.setCurrentIndex(REGISTER_TAB)
        self.filter_bar.country.setCurrentIndex(
            max(self.filter_bar.country.findData(country_id), 0)
        )
        self.apply_filters()

    def show_organization(self, organization_id: int) -> None:
        """The register of the agreements to which one organization is a party."""
        try:
            org = directory.get_organization(self.ctx.db, organization_id)
        except KnownError as exc:
            show_error(self, exc)
            return
        self.views.setCurrentIndex(REGISTER_TAB)
        name = org.name_fa if is_rtl() else (org.name_en or org.name_fa)
        self.filter_bar.set_organization(organization_id, name)
        self.apply_filters()

    # --- actions -----------------------------------------------------------------------

    def _show_form(self, form: AgreementForm) -> AgreementForm:
        form.saved.connect(self._saved)
        form.changed.connect(self._changed)
        form.archived.connect(self._archived)
        return keep_open_form(self.forms, form)

    def new_record(self) -> AgreementForm:
        """Open an empty agreement form."""
        return self._show_form(AgreementForm(self.ctx, None, self))

    def open_record(self, agreement_id: int) -> AgreementForm | None:
        """Open the form of agreement ``agreement_id`` (raised if already open)."""
        for form in self.forms:
            if form.detail is not None and form.detail.id == agreement_id and form.isVisible():
                form.raise_()
                form.activateWindow()
                return form
        try:
            detail = agreements_service.get_agreement(
                self.ctx.db, agreement_id=agreement_id, today=self.ctx.today()
            )
        except KnownError as exc:
            show_error(self, exc)
            return None
        return self._show_form(AgreementForm(self.ctx, detail, self))

    def save(self) -> None:
        """Ctrl+S saves the most recently opened form."""
        save_newest_form(self.forms)

    def print_page(self) -> None:
        """Ctrl+P / Print: the agreements register as PDF with the list's filters."""
        options = self.filter_bar.report_options()
        self.printer.print_report("agreements-register", options)

    export_kind = "agreements"

    def export_filters(self) -> ExportFilters:
        """The register exactly as shown (filters and order), on today's date."""
        return replace(super().export_filters(), today=self.ctx.today())

    def _saved(self, _agreement_id: int) -> None:
        self.ctx.hub.status.emit(self.tr("Agreement saved."))
        self.ctx.hub.dataChanged.emit("agreements")

    def _changed(self, _agreement_id: int) -> None:
        self.ctx.hub.dataChanged.emit("agreements")

    def _archived(self, _agreement_id: int) -> None:
        self.ctx.hub.status.emit(self.tr("Agreement moved to the archive."))
        self.ctx.hub.dataChanged.emit("agreements")

    def restore_selected(self) -> bool:
        """Restore the agreement selected in the archive view."""
        return restore_selected_record(
            self,
            self.archive_table,
            self.archive_model.agreement,
            lambda a: agreements_service.restore_agreement(
                self.ctx.db, agreement_id=a.id, version=a.version
            ),
            kind="agreements",
            select_first=self.tr("Select an agreement in the archive first."),
            restored=self.tr("Agreement restored."),
        )

    # --- self-test ---------------------------------------------------------------------

    def selftest(self, shot: Callable[[str, QWidget], None]) -> None:
        """Show the register, the archive and the form (new, and the first stored agreement)."""
        self.refresh()
        for index, name in ((REGISTER_TAB, "register"), (ARCHIVE_TAB, "archive")):
            self.views.setCurrentIndex(index)
            self.refresh_current()
            shot(f"agreements_{name}", self)
        self.views.setCurrentIndex(REGISTER_TAB)
        form = self.new_record()
        for tab in range(form.tabs.count()):
            form.tabs.setCurrentIndex(tab)
            shot(f"agreement_form_new_{tab}", form)
        form.close()
        first = self.model.agreement(0)
        if first is not None:
            opened = self.open_record(first.id)
            if opened is not None:
                for tab in range(opened.tabs.count()):
                    opened.tabs.setCurrentIndex(tab)
                    shot(f"agreement_form_{tab}", opened)
                if opened.detail is not None and opened.detail.allowed_transitions():
                    target = opened.detail.allowed_transitions()[0]
                    dialog = _preview_dialog(opened, target)
                    shot("agreement_transition", dialog)
                    dialog.reject()
                opened.close()


def _preview_dialog(form: AgreementForm, target: AgreementStatus) -> QWidget:
    """The transition dialog shown without acting (self-test)."""
    from qazvin_diplomacy.ui.agreements.widgets import TransitionDialog

    assert form.detail is not None
    dialog = TransitionDialog(form.detail.status, target, lambda _a, _r: "", form)
    dialog.show()
    return dialog
