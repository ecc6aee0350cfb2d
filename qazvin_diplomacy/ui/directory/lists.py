"""The three lists of the directory page: countries, organizations (a tree) and people.

Each tab owns its filters, view and model: it filters in SQL (``apply_filters``), says
what it shows (``count_text``), gives its filters to the export (``export_filters``) and
its selection (``selected_ids``/``select_ids``).  Filter changes call the page's
``on_filter``; the page owns the buttons' actions.  Texts are in the ``DirectoryPage``
context, like the page's own.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QModelIndex, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core.directory import OrganizationKind
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.services.export import ExportFilters
from qazvin_diplomacy.ui.common import fit_columns, read_only_rows
from qazvin_diplomacy.ui.directory.forms import fill_countries
from qazvin_diplomacy.ui.directory.models import (
    ID_ROLE,
    CountryTableModel,
    OrganizationTreeModel,
    PersonTableModel,
    kind_label,
)
from qazvin_diplomacy.ui.directory.record import COUNTRY, ORGANIZATION, PERSON
from qazvin_diplomacy.ui.i18n import loc_digits
from qazvin_diplomacy.ui.icons import icon
from qazvin_diplomacy.ui.list_page import EmptyStateTree, FitTable, MeasuredOnceDelegate

translate = QCoreApplication.translate
COUNTRY_WIDTHS = (170, 50, 300, 60, 70)
"""Starting widths of the countries' columns (country … priority); the notes take the rest."""
EMBASSY_MAX_WIDTH = 480


def _table(parent: QWidget, multi: bool = False) -> FitTable:
    view = read_only_rows(
        FitTable(parent),
        QAbstractItemView.SelectionMode.ExtendedSelection
        if multi
        else QAbstractItemView.SelectionMode.SingleSelection,
    )
    view.setAlternatingRowColors(True)
    view.verticalHeader().setDefaultSectionSize(28)
    view.setItemDelegate(MeasuredOnceDelegate(view))
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    return view


def _filter_combo(combo: QComboBox, db: DatabaseHandle) -> None:
    """The countries, "All countries" first (no signal; the choice is kept)."""
    current = combo.currentData()
    combo.blockSignals(True)
    fill_countries(combo, db, current)  # type: ignore[arg-type]
    combo.setItemText(0, translate("DirectoryPage", "All countries"))
    combo.blockSignals(False)


class DirectoryTab(QWidget):
    """A filter row, a view, a count and a row of buttons (New, Open, …, Export)."""

    KIND = ""  # the record kind its rows open (``record.py``)
    EXPORT_KIND = ""  # the list the export writes
    view: QAbstractItemView

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

    def finish(self, view: QAbstractItemView, extra_button: QPushButton) -> None:
        """Put the view and buttons in place (``extra_button`` after Open)."""
        self.view = view
        self.buttons.insertWidget(2, extra_button)
        self.layout_.addWidget(view, 1)
        self.layout_.addLayout(self.buttons)

    def retranslate(self) -> None:
        """The buttons shared by the three lists."""
        self.open_button.setText(translate("DirectoryPage", "Open"))
        self.export_button.setText(translate("DirectoryPage", "Export to Excel/CSV…"))
        self.new_button.setIcon(icon("new"))

    def search(self) -> str:
        """The search text, trimmed."""
        return self.text.text().strip()

    def apply_filters(self) -> None:
        """Re-query the list with its filters (in SQL)."""
        raise NotImplementedError

    def count_text(self) -> str:
        """What the list shows ("12 countries")."""
        raise NotImplementedError

    def export_filters(self) -> ExportFilters:
        """The list's filters, as the export takes them (what the list shows)."""
        raise NotImplementedError

    def update_count(self) -> None:
        """Show ``count_text``."""
        self.count_label.setText(self.count_text())

    def selected_ids(self) -> list[int]:
        """Ids of the rows selected, in selection order (else the current row's)."""
        ids: list[int] = []
        for index in self.view.selectionModel().selectedRows():
            value = index.data(ID_ROLE)
            if value is not None and int(value) not in ids:
                ids.append(int(value))
        if not ids and self.view.currentIndex().isValid():
            value = self.view.currentIndex().data(ID_ROLE)
            if value is not None:
                ids.append(int(value))
        return ids

    def indexes_of(self, ids: list[int]) -> list[QModelIndex]:
        """The first-column index of each of ``ids`` shown."""
        model = self.view.model()
        return [model.index(r, 0) for i in ids if (r := model.row_of(i)) >= 0]  # type: ignore[attr-defined]

    def select_ids(self, ids: list[int]) -> None:
        """Select the rows of ``ids`` (for keyboard users and tests)."""
        selection = self.view.selectionModel()
        selection.clear()
        for idx in self.indexes_of(ids):
            selection.select(idx, selection.SelectionFlag.Select | selection.SelectionFlag.Rows)


class CountriesTab(DirectoryTab):
    """Countries (target countries only, on request); Edit opens the country's form."""

    KIND = COUNTRY
    EXPORT_KIND = "countries"

    def __init__(
        self, db: DatabaseHandle, on_filter: Callable[[], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(on_filter, parent)
        self.targets_only = QCheckBox(self)
        self.filters.addWidget(self.targets_only)
        self.model = CountryTableModel(db, self)
        view = _table(self)
        view.setModel(self.model)
        # Country, code, embassy, target, priority; the notes take what is left.
        for col, width in enumerate(COUNTRY_WIDTHS):
            view.setColumnWidth(col, width)
        view.empty_text = lambda: translate(
            "DirectoryPage",
            "No country matches the search. Clear the search box or untick "
            "“Target countries only”.",
        )
        self.new_button.hide()
        self.edit_button = QPushButton(self)
        self.finish(view, self.edit_button)
        self.targets_only.toggled.connect(lambda _c: on_filter())

    def retranslate(self) -> None:
        """Texts for the current language."""
        super().retranslate()
        self.text.setPlaceholderText(translate("DirectoryPage", "Find a country… (Ctrl+K)"))
        self.targets_only.setText(translate("DirectoryPage", "Target countries only"))
        self.edit_button.setText(translate("DirectoryPage", "Edit"))
        self.model.retranslate()

    def apply_filters(self) -> None:
        """Re-query; the embassy column widens to its longest name."""
        self.model.text = self.search()
        self.model.targets_only = self.targets_only.isChecked()
        self.model.reload()
        self._fit_embassies()

    def _fit_embassies(self) -> None:
        """Widen the embassy column to its longest name (up to a cap), never narrowing it."""
        view, col = self.view, CountryTableModel.EMBASSY_COLUMN
        wanted = min(view.sizeHintForColumn(col), EMBASSY_MAX_WIDTH)
        if wanted > view.columnWidth(col):
            view.setColumnWidth(col, wanted)

    def count_text(self) -> str:
        """ "%1 countries"."""
        return translate("DirectoryPage", "%1 countries").replace(
            "%1", loc_digits(self.model.rowCount())
        )

    def export_filters(self) -> ExportFilters:
        """Search text and the target flag."""
        return ExportFilters(text=self.search(), targets_only=self.targets_only.isChecked())


class _MergingTab(DirectoryTab):
    """A list with a country filter, "Show archived" and "Merge two selected…"."""

    def _add_country_filters(self, on_filter: Callable[[], None]) -> None:
        self.country = QComboBox(self)
        self.country.setMinimumWidth(140)
        self.filters.addWidget(self.country, 1)
        self.archived = QCheckBox(self)
        self.filters.addWidget(self.archived)
        self.country.currentIndexChanged.connect(lambda _i: on_filter())
        self.archived.toggled.connect(lambda _c: on_filter())

    def _finish_merging(self, view: QAbstractItemView) -> None:
        self.merge_button = QPushButton(self)
        self.finish(view, self.merge_button)

    def retranslate(self) -> None:
        """Texts for the current language."""
        super().retranslate()
        self.archived.setText(translate("DirectoryPage", "Show archived"))
        self.archived.setToolTip(
            translate(
                "DirectoryPage", "Also list archived records (greyed), to open or restore them"
            )
        )
        self.merge_button.setText(translate("DirectoryPage", "Merge two selected…"))

    def load_countries(self, db: DatabaseHandle) -> None:
        """Fill the country filter ("All countries" first), keeping the choice."""
        _filter_combo(self.country, db)


class OrganizationsTab(_MergingTab):
    """Organizations as a tree (kind and country filters)."""

    KIND = ORGANIZATION
    EXPORT_KIND = "organizations"

    def __init__(
        self, db: DatabaseHandle, on_filter: Callable[[], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(on_filter, parent)
        self.kind = QComboBox(self)
        self.filters.addWidget(self.kind, 1)
        self._add_country_filters(on_filter)
        self.model = OrganizationTreeModel(db, self)
        view = read_only_rows(
            EmptyStateTree(self), QAbstractItemView.SelectionMode.ExtendedSelection
        )
        view.setModel(self.model)
        view.empty_text = lambda: translate(
            "DirectoryPage",
            "No organization to show. Clear the filters to see every organization, or press "
            "“New organization” to add one.",
        )
        view.setAlternatingRowColors(True)
        self._finish_merging(view)
        self.kind.currentIndexChanged.connect(lambda _i: on_filter())

    def retranslate(self) -> None:
        """Texts for the current language."""
        super().retranslate()
        self.text.setPlaceholderText(translate("DirectoryPage", "Find an organization… (Ctrl+K)"))
        self.new_button.setText(translate("DirectoryPage", "New organization"))
        current = self.kind.currentData()
        self.kind.blockSignals(True)
        self.kind.clear()
        self.kind.addItem(translate("DirectoryPage", "All kinds"), None)
        for k in OrganizationKind:
            self.kind.addItem(kind_label(k.value), k.value)
        self.kind.setCurrentIndex(max(self.kind.findData(current), 0))
        self.kind.blockSignals(False)
        if self.model.rowCount():
            self.model.retranslate()

    def apply_filters(self) -> None:
        """Re-query and show the whole tree."""
        self.model.text = self.search()
        self.model.kind = self.kind.currentData()
        self.model.country_id = self.country.currentData()
        self.model.include_archived = self.archived.isChecked()
        self.model.reload()
        tree: QTreeView = self.view  # type: ignore[assignment]
        tree.expandAll()
        header = tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # The kind and country as wide as their texts (the kind was cut while the country,
        # stretched as the last column, had room to spare); the name takes the rest.
        header.setStretchLastSection(False)
        for col in range(1, header.count()):
            tree.resizeColumnToContents(col)

    def count_text(self) -> str:
        """ "%1 organizations"."""
        return translate("DirectoryPage", "%1 organizations").replace(
            "%1", loc_digits(len(self.model.orgs))
        )

    def export_filters(self) -> ExportFilters:
        """Search text, kind, country and the archived flag."""
        return ExportFilters(
            text=self.search(),
            kind=self.kind.currentData(),
            country_id=self.country.currentData(),
            include_archived=self.archived.isChecked(),
        )

    def indexes_of(self, ids: list[int]) -> list[QModelIndex]:
        """The tree items of ``ids`` shown."""
        return [item.index() for i in ids if (item := self.model.item_of(i)) is not None]


class PeopleTab(_MergingTab):
    """People (country filter); pages of rows fetched as the list scrolls."""

    KIND = PERSON
    EXPORT_KIND = "people"

    def __init__(
        self, db: DatabaseHandle, on_filter: Callable[[], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(on_filter, parent)
        self._add_country_filters(on_filter)
        self.model = PersonTableModel(db, self)
        view = _table(self, multi=True)
        view.setModel(self.model)
        # The name takes what the other columns, narrowed to their content, leave.
        fit_columns(view, (200, 200, 220, 120, 140, 240), stretch=0)
        view.empty_text = lambda: translate(
            "DirectoryPage",
            "No contact to show. Clear the filters to see every contact, press “New contact” "
            "to add one, or import contacts from Excel.",
        )
        self._finish_merging(view)

    def retranslate(self) -> None:
        """Texts for the current language."""
        super().retranslate()
        self.text.setPlaceholderText(
            translate(
                "DirectoryPage", "Find a person by name, title, organization, country… (Ctrl+K)"
            )
        )
        self.new_button.setText(translate("DirectoryPage", "New contact"))
        self.model.retranslate()

    def apply_filters(self) -> None:
        """Re-query the first page of people."""
        self.model.text = self.search()
        self.model.country_id = self.country.currentData()
        self.model.include_archived = self.archived.isChecked()
        self.model.reload()

    def count_text(self) -> str:
        """ "%1 people" ("%1+ people" while more can be fetched)."""
        text = (
            translate("DirectoryPage", "%1+ people")
            if self.model.canFetchMore()
            else translate("DirectoryPage", "%1 people")
        )
        return text.replace("%1", loc_digits(self.model.rowCount()))

    def export_filters(self) -> ExportFilters:
        """Search text, country and the archived flag."""
        return ExportFilters(
            text=self.search(),
            country_id=self.country.currentData(),
            include_archived=self.archived.isChecked(),
        )
