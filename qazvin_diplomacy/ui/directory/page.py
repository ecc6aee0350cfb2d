"""The directory page (فهرست‌ها): countries, organizations (a tree) and people.

Each tab filters in SQL as the user types, opens a record page on double-click or Enter,
exports exactly the filtered list to Excel/CSV, and (organizations, people) merges two
selected duplicates after a confirmation that says what moves.  "Show archived" on the
organizations and people tabs adds the archived records, marked, so they can be opened and
restored from their page.  The people tab also starts
the Excel import wizard.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTabWidget, QVBoxLayout, QWidget

from qazvin_diplomacy.core.access import sees_confidential
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.services import directory
from qazvin_diplomacy.services.export import ExportFilters
from qazvin_diplomacy.services.history import organization_history, person_history
from qazvin_diplomacy.ui.common import show_error
from qazvin_diplomacy.ui.directory.forms import (
    CountryForm,
    MergeDialog,
    OrganizationForm,
    PersonForm,
)
from qazvin_diplomacy.ui.directory.lists import (
    CountriesTab,
    DirectoryTab,
    OrganizationsTab,
    PeopleTab,
)
from qazvin_diplomacy.ui.directory.models import ID_ROLE, pick
from qazvin_diplomacy.ui.directory.record import COUNTRY, ORGANIZATION, PERSON, RecordView
from qazvin_diplomacy.ui.i18n import loc_digits
from qazvin_diplomacy.ui.list_export import ListExporting
from qazvin_diplomacy.ui.list_page import heading_label
from qazvin_diplomacy.ui.modules import ModulePage, UiContext
from qazvin_diplomacy.ui.ops import TaskDialog

F = TypeVar("F", bound=QWidget)

COUNTRIES_TAB, ORGANIZATIONS_TAB, PEOPLE_TAB = range(3)


class DirectoryPage(ListExporting, ModulePage):
    """Countries, organizations and people; record pages, forms, merge, export, import.

    Not a ``ListPage``: it shows three lists, each with its own filters and buttons (one a
    tree), under one heading (``ui/directory/lists.py``).
    """

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.windows: list[QWidget] = []
        self.last_task: TaskDialog | None = None
        outer = QVBoxLayout(self)
        head = QHBoxLayout()
        self.heading = heading_label(self)
        head.addWidget(self.heading, 1)
        self.import_button = QPushButton(self)
        head.addWidget(self.import_button)
        outer.addLayout(head)
        self.tabs = QTabWidget(self)
        outer.addWidget(self.tabs, 1)
        self.countries_tab = CountriesTab(ctx.db, self.apply_filters, self)
        self.orgs_tab = OrganizationsTab(ctx.db, self.apply_filters, self)
        self.people_tab = PeopleTab(ctx.db, self.apply_filters, self)
        self.lists: tuple[DirectoryTab, ...] = (self.countries_tab, self.orgs_tab, self.people_tab)
        for tab in self.lists:
            self.tabs.addTab(tab, "")
        self.country_model = self.countries_tab.model
        self.org_model = self.orgs_tab.model
        self.person_model = self.people_tab.model

        self.search_box = self.people_tab.text
        self.tabs.currentChanged.connect(self._tab_changed)
        for tab in self.lists:
            tab.view.doubleClicked.connect(lambda i, kind=tab.KIND: self._open_index(kind, i))
            tab.open_button.clicked.connect(self.open_selected)
            tab.export_button.clicked.connect(lambda: self.export_current())
        self.countries_tab.edit_button.clicked.connect(self.edit_selected_country)
        self.orgs_tab.new_button.clicked.connect(lambda: self.new_organization())
        self.people_tab.new_button.clicked.connect(lambda: self.new_person())
        self.orgs_tab.merge_button.clicked.connect(lambda: self.merge_selected())
        self.people_tab.merge_button.clicked.connect(lambda: self.merge_selected())
        self.import_button.clicked.connect(lambda: self.open_import_wizard())
        ctx.hub.dataChanged.connect(self._data_changed)
        self._combos_loaded = False
        self.tabs.setCurrentIndex(PEOPLE_TAB)
        self.retranslate_ui()

    # --- language ----------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.heading.setText(self.tr("Directory"))
        self.import_button.setText(self.tr("Import contacts from Excel…"))
        for i, text in enumerate(
            (self.tr("Countries"), self.tr("Organizations"), self.tr("People"))
        ):
            self.tabs.setTabText(i, text)
        for tab in self.lists:
            tab.retranslate()
        if self._combos_loaded:
            self._load_combos()
        self._update_count()

    def _load_combos(self) -> None:
        for tab in (self.orgs_tab, self.people_tab):
            tab.load_countries(self.ctx.db)
        self._combos_loaded = True

    # --- data --------------------------------------------------------------------------

    def current_list(self) -> DirectoryTab:
        """The list on screen."""
        return self.lists[self.tabs.currentIndex()]

    def refresh(self) -> None:
        """Re-read the tab on screen."""
        if not self._combos_loaded:
            self._load_combos()
        self.apply_filters()

    def apply_filters(self) -> None:
        """Re-query the current tab with its filters (in SQL)."""
        self.current_list().apply_filters()
        self._update_count()

    def _update_count(self) -> None:
        self.current_list().update_count()

    def _tab_changed(self, index: int) -> None:
        self.search_box = self.lists[index].text
        self.apply_filters()

    def _data_changed(self, kind: str) -> None:
        if kind in ("*", "directory", "person", "organization", "country"):
            self.apply_filters()

    def export_filters(self) -> ExportFilters:
        """The current tab's filters, as the export takes them (what the list shows)."""
        return self.current_list().export_filters()

    # --- selection ---------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        """Ids of the rows selected in the current tab, in selection order."""
        return self.current_list().selected_ids()

    def select_ids(self, ids: list[int]) -> None:
        """Select the rows of ``ids`` in the current tab (for keyboard users and tests)."""
        self.current_list().select_ids(ids)

    # --- records -----------------------------------------------------------------------

    def _keep(self, widget: QWidget) -> QWidget:
        self.windows = [w for w in self.windows if w.isVisible()]
        self.windows.append(widget)
        return widget

    def _open_index(self, kind: str, index: QModelIndex) -> None:
        value = index.data(ID_ROLE)
        if value is not None:
            self.open_kind(kind, int(value))

    def open_selected(self) -> RecordView | None:
        """Open the record selected in the current tab."""
        ids = self.selected_ids()
        if not ids:
            self.ctx.hub.status.emit(self.tr("Select a row first."))
            return None
        return self.open_kind(self.current_list().KIND, ids[0])

    def open_kind(self, kind: str, record_id: int) -> RecordView | None:
        """Show the record page of a person, organization or country."""
        try:
            view = RecordView(self.ctx, kind, record_id, self)
        except KnownError as exc:
            show_error(self, exc)
            return None
        view.setWindowFlag(Qt.WindowType.Window, True)
        view.edit_requested.connect(self.edit_record)
        view.changed.connect(lambda _k: self.ctx.hub.dataChanged.emit("directory"))
        self._keep(view)
        view.show()
        return view

    def open_person(self, person_id: int) -> RecordView | None:
        """Show the people tab and the page of ``person_id``."""
        self.tabs.setCurrentIndex(PEOPLE_TAB)
        return self.open_kind(PERSON, person_id)

    def open_organization(self, org_id: int) -> RecordView | None:
        """Show the organizations tab and the page of ``org_id``."""
        self.tabs.setCurrentIndex(ORGANIZATIONS_TAB)
        return self.open_kind(ORGANIZATION, org_id)

    def open_country(self, country_id: int) -> RecordView | None:
        """Show the countries tab and the page of ``country_id``."""
        self.tabs.setCurrentIndex(COUNTRIES_TAB)
        return self.open_kind(COUNTRY, country_id)

    def open_record(self, record_id: int) -> RecordView | None:
        """The window's ``open_record("directory", id)``: a person (the usual link)."""
        return self.open_person(record_id)

    def edit_record(self, kind: str, record_id: int) -> QWidget | None:
        """Open the edit form of a record."""
        try:
            if kind == PERSON:
                form: QWidget = PersonForm(
                    self.ctx.db, directory.get_person(self.ctx.db, record_id), self
                )
            elif kind == ORGANIZATION:
                form = OrganizationForm(
                    self.ctx.db, directory.get_organization(self.ctx.db, record_id), self
                )
            else:
                country = next(
                    c for c in directory.list_countries(self.ctx.db) if c.id == record_id
                )
                form = CountryForm(self.ctx.db, country, self)
        except KnownError as exc:
            show_error(self, exc)
            return None
        return self._show_form(form, kind)

    def _show_form(self, form: F, kind: str) -> F:
        """Show ``form`` (of a ``kind`` record), kept while open; a save refreshes the lists."""
        form.saved.connect(lambda _i: self._saved(kind))  # type: ignore[attr-defined]
        self._keep(form)
        form.show()
        return form

    def edit_selected_country(self) -> QWidget | None:
        """Edit the selected country's target flag, priority and notes."""
        ids = self.selected_ids()
        if not ids:
            self.ctx.hub.status.emit(self.tr("Select a row first."))
            return None
        return self.edit_record(COUNTRY, ids[0])

    def new_person(self) -> PersonForm:
        """Open an empty contact form."""
        return self._show_form(PersonForm(self.ctx.db, None, self), PERSON)

    def new_organization(self) -> OrganizationForm:
        """Open an empty organization form."""
        return self._show_form(OrganizationForm(self.ctx.db, None, self), ORGANIZATION)

    def new_record(self) -> None:
        """Ctrl+N: a new contact (or organization on that tab)."""
        if self.tabs.currentIndex() == ORGANIZATIONS_TAB:
            self.new_organization()
        else:
            self.new_person()

    def _saved(self, kind: str) -> None:
        self.ctx.hub.status.emit(self.tr("Saved."))
        self.ctx.hub.dataChanged.emit("directory")
        for window in list(self.windows):
            if isinstance(window, RecordView) and window.isVisible():
                try:
                    window.reload()
                except KnownError:
                    window.close()

    # --- merge -------------------------------------------------------------------------

    def merge_selected(self) -> MergeDialog | None:
        """Confirm and merge the two people (or organizations) selected in the current tab."""
        index = self.tabs.currentIndex()
        ids = self.selected_ids()
        if index == COUNTRIES_TAB or len(ids) != 2:
            self.ctx.hub.status.emit(self.tr("Select exactly two rows to merge."))
            return None
        db = self.ctx.db
        records = []
        try:
            for record_id in ids:
                if index == PEOPLE_TAB:
                    p = directory.get_person(db, record_id)
                    name = pick(p.name_fa, p.name_en)
                    detail = pick(p.organization_name_fa, p.organization_name_en)
                    records.append(
                        (
                            record_id,
                            f"{name} ({detail})" if detail else name,
                            person_history(db, person_id=p.id),
                        )
                    )
                else:
                    o = directory.get_organization(db, record_id)
                    records.append(
                        (
                            record_id,
                            pick(o.name_fa, o.name_en),
                            organization_history(db, organization_id=o.id),
                        )
                    )
        except KnownError as exc:
            show_error(self, exc)
            return None
        kind = PERSON if index == PEOPLE_TAB else ORGANIZATION
        dialog = MergeDialog(db, kind, records[0], records[1], self)
        dialog.merged.connect(lambda _i: self._merged(dialog))
        self._keep(dialog)
        dialog.show()
        return dialog

    def _merged(self, dialog: MergeDialog) -> None:
        # The count includes the links of confidential records: said only to who sees them.
        if sees_confidential():
            moved = dialog.summary.links_moved if dialog.summary else 0
            message = self.tr("Merged; %1 links moved.").replace("%1", loc_digits(moved))
        else:
            message = self.tr("Merged.")
        self.ctx.hub.status.emit(message)
        self.ctx.hub.dataChanged.emit("*")

    # --- export / import ---------------------------------------------------------------

    @property
    def export_kind(self) -> str:  # type: ignore[override]
        """The list of the current tab."""
        return self.current_list().EXPORT_KIND

    def export_current(self, path: Path | None = None) -> TaskDialog | None:
        """Export the current tab, exactly as filtered, in the background."""
        self.last_task = self.export_list(path)
        return self.last_task

    def open_import_wizard(self) -> QWidget:
        """Open the Excel contact import wizard."""
        from qazvin_diplomacy.ui.import_wizard import ImportWizard

        wizard = ImportWizard(self.ctx, self)
        wizard.imported.connect(lambda _n: self.ctx.hub.dataChanged.emit("directory"))
        self._keep(wizard)
        wizard.show()
        return wizard

    # --- self-test ---------------------------------------------------------------------

    def selftest(self, shot: Callable[[str, QWidget], None]) -> None:
        """Each tab, a record page, the forms, the merge confirmation and the import wizard."""
        self.refresh()
        for index, name in (
            (COUNTRIES_TAB, "countries"),
            (ORGANIZATIONS_TAB, "organizations"),
            (PEOPLE_TAB, "people"),
        ):
            self.tabs.setCurrentIndex(index)
            shot(f"directory_{name}", self)
        self.tabs.setCurrentIndex(PEOPLE_TAB)
        self.people_tab.archived.setChecked(True)
        shot("directory_people_with_archived", self)
        gone = directory.list_people(self.ctx.db, archived_only=True, limit=1)
        if gone and gone[0].id is not None:
            view = self.open_person(gone[0].id)
            if view is not None:
                shot("directory_person_archived", view)
                view.close()
        self.people_tab.archived.setChecked(False)
        first = self.person_model.record(0)
        if first is not None and first.id is not None:
            view = self.open_person(first.id)
            if view is not None:
                shot("directory_person_page", view)
                view.close()
            form = self.edit_record(PERSON, first.id)
            if form is not None:
                shot("directory_person_form", form)
                form.close()
        form = self.new_person()
        form.name_fa.setText("")
        form.save()
        shot("directory_person_form_errors", form)
        form.close()
        org_form = self.new_organization()
        shot("directory_organization_form", org_form)
        org_form.close()
        self.tabs.setCurrentIndex(ORGANIZATIONS_TAB)
        first_org = next(iter(self.org_model.orgs), None)
        if first_org is not None:
            view = self.open_organization(first_org)
            if view is not None:
                shot("directory_organization_page", view)
                view.close()
        self.tabs.setCurrentIndex(COUNTRIES_TAB)
        country = self.country_model.record(0)
        if country is not None:
            view = self.open_country(country.id)
            if view is not None:
                shot("directory_country_page", view)
                view.close()
            cform = self.edit_record(COUNTRY, country.id)
            if cform is not None:
                shot("directory_country_form", cform)
                cform.close()
        self.tabs.setCurrentIndex(PEOPLE_TAB)
        second = self.person_model.record(1)
        if first is not None and second is not None:
            self.select_ids([first.id, second.id])  # type: ignore[list-item]
            dialog = self.merge_selected()
            if dialog is not None:
                shot("directory_merge", dialog)
                dialog.reject()
        wizard = self.open_import_wizard()
        shot("import_wizard", wizard)
        wizard.close()
