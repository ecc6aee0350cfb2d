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

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core.directory import OrganizationKind
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
    fill_countries,
)
from qazvin_diplomacy.ui.directory.models import (
    ID_ROLE,
    CountryTableModel,
    OrganizationTreeModel,
    PersonTableModel,
    kind_label,
    pick,
)
from qazvin_diplomacy.ui.directory.record import COUNTRY, ORGANIZATION, PERSON, RecordView
from qazvin_diplomacy.ui.i18n import loc_digits
from qazvin_diplomacy.ui.icons import icon
from qazvin_diplomacy.ui.list_export import ListExporting
from qazvin_diplomacy.ui.list_page import heading_label
from qazvin_diplomacy.ui.modules import ModulePage, UiContext
from qazvin_diplomacy.ui.ops import TaskDialog

COUNTRIES_TAB, ORGANIZATIONS_TAB, PEOPLE_TAB = range(3)
EXPORT_KIND = {COUNTRIES_TAB: "countries", ORGANIZATIONS_TAB: "organizations", PEOPLE_TAB: "people"}
COUNTRY_WIDTHS = (170, 50, 300, 60, 70)
"""Starting widths of the countries' columns (country … priority); the notes take the rest."""
EMBASSY_MAX_WIDTH = 480


def _table(parent: QWidget, multi: bool = False) -> QTableView:
    view = QTableView(parent)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if multi
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setDefaultSectionSize(28)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    return view


class _Tab(QWidget):
    """A filter row, a view, a count and a row of buttons."""

    def __init__(self, on_filter: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QVBoxLayout(self)
        self.filters = QHBoxLayout()
        self.text = QLineEdit(self)
        self.text.setClearButtonEnabled(True)
        self.filters.addWidget(self.text, 3)
        self.layout_.addLayout(self.filters)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(250)
        self.timer.timeout.connect(on_filter)
        self.text.textChanged.connect(lambda _t: self.timer.start())
        self.buttons = QHBoxLayout()
        self.count_label = QLabel(self)
        self.new_button = QPushButton(self)
        self.open_button = QPushButton(self)
        self.export_button = QPushButton(self)
        self.buttons.addWidget(self.new_button)
        self.buttons.addWidget(self.open_button)
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.count_label)
        self.buttons.addWidget(self.export_button)

    def finish(self, view: QWidget) -> None:
        """Put the view and buttons in place."""
        self.layout_.addWidget(view, 1)
        self.layout_.addLayout(self.buttons)


class DirectoryPage(ListExporting, ModulePage):
    """Countries, organizations and people; record pages, forms, merge, export, import."""

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

        # countries
        self.countries_tab = _Tab(self.apply_filters, self)
        self.targets_only = QCheckBox(self.countries_tab)
        self.countries_tab.filters.addWidget(self.targets_only)
        self.country_model = CountryTableModel(ctx.db, self)
        self.country_view = _table(self.countries_tab)
        self.country_view.setModel(self.country_model)
        # Country, code, embassy, target, priority; the notes take what is left.
        for col, width in enumerate(COUNTRY_WIDTHS):
            self.country_view.setColumnWidth(col, width)
        self.countries_tab.new_button.hide()
        self.countries_tab.finish(self.country_view)
        self.edit_country_button = QPushButton(self.countries_tab)
        self.countries_tab.buttons.insertWidget(2, self.edit_country_button)
        self.tabs.addTab(self.countries_tab, "")

        # organizations
        self.orgs_tab = _Tab(self.apply_filters, self)
        self.org_kind = QComboBox(self.orgs_tab)
        self.org_country = QComboBox(self.orgs_tab)
        self.org_country.setMinimumWidth(140)
        self.orgs_tab.filters.addWidget(self.org_kind, 1)
        self.orgs_tab.filters.addWidget(self.org_country, 1)
        self.orgs_archived = QCheckBox(self.orgs_tab)
        self.orgs_tab.filters.addWidget(self.orgs_archived)
        self.org_model = OrganizationTreeModel(ctx.db, self)
        self.org_view = QTreeView(self.orgs_tab)
        self.org_view.setModel(self.org_model)
        self.org_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.org_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.org_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.org_view.setAlternatingRowColors(True)
        self.org_merge_button = QPushButton(self.orgs_tab)
        self.orgs_tab.buttons.insertWidget(2, self.org_merge_button)
        self.orgs_tab.finish(self.org_view)
        self.tabs.addTab(self.orgs_tab, "")

        # people
        self.people_tab = _Tab(self.apply_filters, self)
        self.people_country = QComboBox(self.people_tab)
        self.people_country.setMinimumWidth(140)
        self.people_tab.filters.addWidget(self.people_country, 1)
        self.people_archived = QCheckBox(self.people_tab)
        self.people_tab.filters.addWidget(self.people_archived)
        self.person_model = PersonTableModel(ctx.db, self)
        self.person_view = _table(self.people_tab, multi=True)
        self.person_view.setModel(self.person_model)
        for col, width in enumerate((200, 170, 200, 120, 140)):
            self.person_view.setColumnWidth(col, width)
        self.person_merge_button = QPushButton(self.people_tab)
        self.people_tab.buttons.insertWidget(2, self.person_merge_button)
        self.people_tab.finish(self.person_view)
        self.tabs.addTab(self.people_tab, "")

        self.search_box = self.people_tab.text
        for combo in (self.org_kind, self.org_country, self.people_country):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        for box in (self.targets_only, self.orgs_archived, self.people_archived):
            box.toggled.connect(lambda _c: self.apply_filters())
        self.tabs.currentChanged.connect(self._tab_changed)
        self.country_view.doubleClicked.connect(lambda i: self._open_index(COUNTRY, i))
        self.org_view.doubleClicked.connect(lambda i: self._open_index(ORGANIZATION, i))
        self.person_view.doubleClicked.connect(lambda i: self._open_index(PERSON, i))
        self.edit_country_button.clicked.connect(self.edit_selected_country)
        self.orgs_tab.new_button.clicked.connect(lambda: self.new_organization())
        self.people_tab.new_button.clicked.connect(lambda: self.new_person())
        for tab in (self.countries_tab, self.orgs_tab, self.people_tab):
            tab.open_button.clicked.connect(self.open_selected)
            tab.export_button.clicked.connect(lambda: self.export_current())
        self.org_merge_button.clicked.connect(lambda: self.merge_selected())
        self.person_merge_button.clicked.connect(lambda: self.merge_selected())
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
        self.countries_tab.text.setPlaceholderText(self.tr("Find a country… (Ctrl+K)"))
        self.orgs_tab.text.setPlaceholderText(self.tr("Find an organization… (Ctrl+K)"))
        self.people_tab.text.setPlaceholderText(
            self.tr("Find a person by name, title, organization, country… (Ctrl+K)")
        )
        self.targets_only.setText(self.tr("Target countries only"))
        for box in (self.orgs_archived, self.people_archived):
            box.setText(self.tr("Show archived"))
            box.setToolTip(self.tr("Also list archived records (greyed), to open or restore them"))
        self.edit_country_button.setText(self.tr("Edit"))
        self.orgs_tab.new_button.setText(self.tr("New organization"))
        self.people_tab.new_button.setText(self.tr("New contact"))
        for tab in (self.countries_tab, self.orgs_tab, self.people_tab):
            tab.open_button.setText(self.tr("Open"))
            tab.export_button.setText(self.tr("Export to Excel/CSV…"))
            tab.new_button.setIcon(icon("new"))
        self.org_merge_button.setText(self.tr("Merge two selected…"))
        self.person_merge_button.setText(self.tr("Merge two selected…"))
        current = self.org_kind.currentData()
        self.org_kind.blockSignals(True)
        self.org_kind.clear()
        self.org_kind.addItem(self.tr("All kinds"), None)
        for k in OrganizationKind:
            self.org_kind.addItem(kind_label(k.value), k.value)
        self.org_kind.setCurrentIndex(max(self.org_kind.findData(current), 0))
        self.org_kind.blockSignals(False)
        if self._combos_loaded:
            self._load_combos()
        self.country_model.retranslate()
        self.person_model.retranslate()
        if self.org_model.rowCount():
            self.org_model.retranslate()
        self._update_count()

    def _load_combos(self) -> None:
        for combo in (self.org_country, self.people_country):
            current = combo.currentData()
            combo.blockSignals(True)
            fill_countries(combo, self.ctx.db, current)
            combo.setItemText(0, self.tr("All countries"))
            combo.blockSignals(False)
        self._combos_loaded = True

    # --- data --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the tab on screen."""
        if not self._combos_loaded:
            self._load_combos()
        self.apply_filters()

    def apply_filters(self) -> None:
        """Re-query the current tab with its filters (in SQL)."""
        index = self.tabs.currentIndex()
        if index == COUNTRIES_TAB:
            self.country_model.text = self.countries_tab.text.text().strip()
            self.country_model.targets_only = self.targets_only.isChecked()
            self.country_model.reload()
            self._fit_embassies()
        elif index == ORGANIZATIONS_TAB:
            self.org_model.text = self.orgs_tab.text.text().strip()
            self.org_model.kind = self.org_kind.currentData()
            self.org_model.country_id = self.org_country.currentData()
            self.org_model.include_archived = self.orgs_archived.isChecked()
            self.org_model.reload()
            self.org_view.expandAll()
            self.org_view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        else:
            self.person_model.text = self.people_tab.text.text().strip()
            self.person_model.country_id = self.people_country.currentData()
            self.person_model.include_archived = self.people_archived.isChecked()
            self.person_model.reload()
        self._update_count()

    def _fit_embassies(self) -> None:
        """Widen the embassy column to its longest name (up to a cap), never narrowing it."""
        view, col = self.country_view, CountryTableModel.EMBASSY_COLUMN
        wanted = min(view.sizeHintForColumn(col), EMBASSY_MAX_WIDTH)
        if wanted > view.columnWidth(col):
            view.setColumnWidth(col, wanted)

    def _update_count(self) -> None:
        index = self.tabs.currentIndex()
        if index == COUNTRIES_TAB:
            n, tab = self.country_model.rowCount(), self.countries_tab
            text = self.tr("%1 countries")
        elif index == ORGANIZATIONS_TAB:
            n, tab = len(self.org_model.orgs), self.orgs_tab
            text = self.tr("%1 organizations")
        else:
            n, tab = self.person_model.rowCount(), self.people_tab
            text = (
                self.tr("%1+ people") if self.person_model.canFetchMore() else self.tr("%1 people")
            )
        tab.count_label.setText(text.replace("%1", loc_digits(n)))

    def _tab_changed(self, index: int) -> None:
        self.search_box = (self.countries_tab, self.orgs_tab, self.people_tab)[index].text
        self.apply_filters()

    def _data_changed(self, kind: str) -> None:
        if kind in ("*", "directory", "person", "organization", "country"):
            self.apply_filters()

    def export_filters(self) -> ExportFilters:
        """The current tab's filters, as the export takes them (what the list shows)."""
        index = self.tabs.currentIndex()
        if index == COUNTRIES_TAB:
            return ExportFilters(
                text=self.countries_tab.text.text().strip(),
                targets_only=self.targets_only.isChecked(),
            )
        if index == ORGANIZATIONS_TAB:
            return ExportFilters(
                text=self.orgs_tab.text.text().strip(),
                kind=self.org_kind.currentData(),
                country_id=self.org_country.currentData(),
                include_archived=self.orgs_archived.isChecked(),
            )
        return ExportFilters(
            text=self.people_tab.text.text().strip(),
            country_id=self.people_country.currentData(),
            include_archived=self.people_archived.isChecked(),
        )

    # --- selection ---------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        """Ids of the rows selected in the current tab, in selection order."""
        view = (self.country_view, self.org_view, self.person_view)[self.tabs.currentIndex()]
        ids: list[int] = []
        for index in view.selectionModel().selectedRows():
            value = index.data(ID_ROLE)
            if value is not None and int(value) not in ids:
                ids.append(int(value))
        if not ids and view.currentIndex().isValid():
            value = view.currentIndex().data(ID_ROLE)
            if value is not None:
                ids.append(int(value))
        return ids

    def select_ids(self, ids: list[int]) -> None:
        """Select the rows of ``ids`` in the current tab (for keyboard users and tests)."""
        index = self.tabs.currentIndex()
        if index == ORGANIZATIONS_TAB:
            view: QAbstractItemView = self.org_view
            indexes = [item.index() for i in ids if (item := self.org_model.item_of(i)) is not None]
        else:
            view = self.person_view if index == PEOPLE_TAB else self.country_view
            model = self.person_model if index == PEOPLE_TAB else self.country_model
            indexes = [model.index(r, 0) for i in ids if (r := model.row_of(i)) >= 0]
        selection = view.selectionModel()
        selection.clear()
        for idx in indexes:
            selection.select(
                idx,
                selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
            )

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
        kind = (COUNTRY, ORGANIZATION, PERSON)[self.tabs.currentIndex()]
        return self.open_kind(kind, ids[0])

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
        form = PersonForm(self.ctx.db, None, self)
        form.saved.connect(lambda _i: self._saved(PERSON))
        self._keep(form)
        form.show()
        return form

    def new_organization(self) -> OrganizationForm:
        """Open an empty organization form."""
        form = OrganizationForm(self.ctx.db, None, self)
        form.saved.connect(lambda _i: self._saved(ORGANIZATION))
        self._keep(form)
        form.show()
        return form

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
        moved = dialog.summary.links_moved if dialog.summary else 0
        self.ctx.hub.status.emit(
            self.tr("Merged; %1 links moved.").replace("%1", loc_digits(moved))
        )
        self.ctx.hub.dataChanged.emit("*")

    # --- export / import ---------------------------------------------------------------

    @property
    def export_kind(self) -> str:  # type: ignore[override]
        """The list of the current tab."""
        return EXPORT_KIND[self.tabs.currentIndex()]

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
        self.people_archived.setChecked(True)
        shot("directory_people_with_archived", self)
        gone = directory.list_people(self.ctx.db, archived_only=True, limit=1)
        if gone and gone[0].id is not None:
            view = self.open_person(gone[0].id)
            if view is not None:
                shot("directory_person_archived", view)
                view.close()
        self.people_archived.setChecked(False)
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
