"""The shape every list page shares: a heading with its buttons over tabs, and a list tab.

:class:`ListFilterBar` is the base of the filter bars: the search box (its changes wait a
quarter second), ``watch`` for the other fields, ``refill`` for choice lists that keep the
choice across a language switch, the country list and the "Clear filters" button.

:class:`ListPage` builds the heading (large bold title, "New" button, ``add_head_button`` for
more) over a ``QTabWidget`` (``views``); :meth:`ListPage.add_list_tab` adds the list tab:
the filter bar, the table and a footer with the count line (what the list shows, "0 visits"
when empty) and the tab's buttons.  The page gives ``count_text()`` ("%1 visits") and, through
``ListExporting``, what "Export to Excel/CSV…" writes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core.access import may_edit
from qazvin_diplomacy.services import directory
from qazvin_diplomacy.services.export import ExportFilters
from qazvin_diplomacy.ui.common import fit_columns, read_only_rows, refill_combo, refit_columns
from qazvin_diplomacy.ui.i18n import Retranslating, is_rtl, loc_digits
from qazvin_diplomacy.ui.list_export import ListExporting
from qazvin_diplomacy.ui.modules import ModulePage, UiContext
from qazvin_diplomacy.ui.paged_model import PagedTableModel
from qazvin_diplomacy.ui.widgets.jalali import JalaliDateEdit


def heading_label(parent: QWidget) -> QLabel:
    """A page's title: the application font, larger and bold."""
    label = QLabel(parent)
    font = label.font()
    font.setPointSize(font.pointSize() + 6)
    font.setBold(True)
    label.setFont(font)
    return label


class ListFilterBar(Retranslating, QWidget):
    """Base of a list's filter bar; ``on_change`` runs when a filter changes.

    Subclasses build their fields after ``text``, lay them out, ``watch`` them, call
    ``add_clear_button`` and give ``clear``, ``filters`` and ``retranslate_ui``.  A bar with a
    country list (``country``) is given ``ctx``; the page fills it on its first refresh.
    """

    def __init__(
        self,
        on_change: Callable[[], None],
        parent: QWidget | None = None,
        ctx: UiContext | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.on_change = on_change
        self.text = QLineEdit(self)
        self.text.setClearButtonEnabled(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(on_change)
        self.text.textChanged.connect(lambda _t: self._timer.start())
        self.iso2: dict[int, str] = {}
        self._countries_loaded = False

    def watch(self, *fields: QWidget) -> None:
        """Run ``on_change`` when one of ``fields`` (choice, date, check box, number) changes."""
        for field in fields:
            if isinstance(field, QComboBox):
                field.currentIndexChanged.connect(lambda _i: self.on_change())
            elif isinstance(field, JalaliDateEdit):
                field.set_compact()  # an invalid date must not make the filter row jump
                field.dateChanged.connect(lambda _d: self.on_change())
            elif isinstance(field, QCheckBox):
                field.toggled.connect(lambda _c: self.on_change())
            elif isinstance(field, QSpinBox):
                field.valueChanged.connect(lambda _v: self.on_change())

    def lay_out_in_a_row(self, *fields: QWidget) -> None:
        """One line: the text box, ``fields`` (choices and dates share the width; labels and
        check boxes take what they need), then "Clear filters"; a change of any re-filters."""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.add_clear_button()
        layout.addWidget(self.text, 2)
        for field in fields:
            layout.addWidget(field, 1 if isinstance(field, QComboBox | JalaliDateEdit) else 0)
        layout.addWidget(self.clear_button)
        self.watch(*fields)

    def two_rows(self) -> tuple[QHBoxLayout, QHBoxLayout]:
        """Lay the bar out as two rows, one over the other; returns them (first, second)."""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        first, second = QHBoxLayout(), QHBoxLayout()
        outer.addLayout(first)
        outer.addLayout(second)
        return first, second

    def add_date_range(self, row: QHBoxLayout) -> None:
        """Add a labelled Jalali date range to ``row``: ``from_label``, ``date_from``,
        ``to_label`` and ``date_to`` (the caller sets the labels' texts and watches the dates)."""
        self.from_label = QLabel(self)
        self.date_from = JalaliDateEdit(self)
        self.to_label = QLabel(self)
        self.date_to = JalaliDateEdit(self)
        row.addWidget(self.from_label)
        row.addWidget(self.date_from, 1)
        row.addWidget(self.to_label)
        row.addWidget(self.date_to, 1)

    def add_clear_button(self) -> QPushButton:
        """The "Clear filters" button (``clear_button``), wired to ``clear``."""
        self.clear_button = QPushButton(self)
        self.clear_button.clicked.connect(self.clear)
        return self.clear_button

    def clear(self) -> None:
        """Reset every filter."""
        raise NotImplementedError

    #: Replace a combo's (text, data) choices, keeping the current one when still there.
    refill = staticmethod(refill_combo)

    def load_countries(self) -> None:
        """Fill ``country`` (once, and again after a language switch) with "All countries" first."""
        assert self.ctx is not None
        countries = directory.list_countries(self.ctx.db)
        self.iso2 = {c.id: c.iso2 for c in countries}
        self.refill(
            self.country,  # type: ignore[attr-defined]
            [
                (self.tr("All countries"), None),
                *((c.name_fa if is_rtl() else c.name_en, c.id) for c in countries),
            ],
        )
        self._countries_loaded = True

    @property
    def countries_loaded(self) -> bool:
        """True once the country list was filled."""
        return self._countries_loaded


class EmptyStateView:
    """Mixin of a list view (before the Qt class in the bases): while the view has no row it
    says so in the middle, ``empty_text()`` giving the sentence (what is missing and what to
    do next) in the UI language."""

    empty_text: Callable[[], str] | None = None

    def empty_message(self) -> str:
        """The sentence shown while the view has no row ("" when it has rows or none is set)."""
        model = self.model()  # type: ignore[attr-defined]
        if self.empty_text is None or model is None or model.rowCount() > 0:
            return ""
        return self.empty_text()

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt override
        """Override: the rows, or the empty-state sentence over an empty view."""
        super().paintEvent(event)  # type: ignore[misc]
        message = self.empty_message()
        if not message:
            return
        viewport = self.viewport()  # type: ignore[attr-defined]
        painter = QPainter(viewport)
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))  # type: ignore[attr-defined]
        area = viewport.rect().adjusted(32, 40, -32, -16)
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        painter.drawText(area, int(flags) | int(Qt.TextFlag.TextWordWrap), message)
        painter.end()


class FitTable(EmptyStateView, QTableView):
    """A table whose columns were given by ``common.fit_columns``: a new width is shared out
    again, the title column first; an empty table says so (``empty_text``)."""

    def reset(self) -> None:  # Qt override
        """Override: lay the rows out at once after the model's reset, so the scroll range is
        the new row count's before the next paint (scrolled down 50,000 rows, then filtered to
        5,000, the row numbers were painted for all 5,000 rows below an out-of-range offset).

        The row numbers' column keeps the widest width it has had: a filter leaving fewer
        digits (50,008 rows, then 4,172) does not move the whole table sideways — which also
        cost a second paint of every cell."""
        super().reset()
        numbers = self.verticalHeader()
        if numbers.isVisible():
            numbers.setMinimumWidth(max(numbers.minimumWidth(), numbers.width()))
        self.executeDelayedItemsLayout()

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt override
        """Override: a new width is shared out again, the title first (the contents are
        those measured when the rows last changed)."""
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            refit_columns(self, measure=False)


class EmptyStateTree(EmptyStateView, QTreeView):
    """A tree view that says so when it has no row (``empty_text``)."""


class MeasuredOnceDelegate(QStyledItemDelegate):
    """A list's cells, each text measured once: the size of a cell is that of its text, icon,
    check box and font in the view's font, so a status, kind, date or country shown again (in
    this filter's rows or the next's) is not laid out again each time the columns are fitted."""

    #: Sizes kept at most (the table's distinct texts); then forgotten all at once.
    LIMIT = 4000
    _ROLES = (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.CheckStateRole,
        Qt.ItemDataRole.SizeHintRole,
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sizes: dict[tuple, QSize] = {}

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """Override: the size measured for the same contents before, else Qt's.

        A paged list's cell gives the roles measured in one call into Python (``cell_roles``)
        instead of five calls of ``index.data`` (each through Qt and back)."""
        roles = getattr(index.model(), "cell_roles", None)
        text, decoration, font, check, fixed = (
            roles(index.row(), index.column(), self._ROLES)
            if roles is not None
            else [index.data(role) for role in self._ROLES]
        )
        if decoration is not None or fixed is not None or not isinstance(text, str):
            return super().sizeHint(option, index)  # an icon or a size of its own: as Qt does
        key = (text, None if font is None else font.key(), check, option.font.key())
        size = self._sizes.get(key)
        if size is None:
            if len(self._sizes) >= self.LIMIT:
                self._sizes.clear()
            size = self._sizes[key] = super().sizeHint(option, index)
        return QSize(size)


class ListTable(FitTable):
    """A list's table: read-only, one whole row selected, sorted in SQL (from ``sort_column``),
    columns of ``widths`` with column ``stretch`` taking what is left; double-click opens.

    While it has no row it says so in the middle of the table: ``empty_text()`` gives the
    sentence (what is missing and what to do next) in the UI language.
    """

    def __init__(
        self,
        model: PagedTableModel,
        *,
        sort_column: int,
        widths: tuple[int, ...],
        stretch: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.horizontalHeader().setSortIndicator(
            sort_column,
            Qt.SortOrder.DescendingOrder if model.descending else Qt.SortOrder.AscendingOrder,
        )
        self.setSortingEnabled(True)
        read_only_rows(self)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setDefaultSectionSize(28)
        self.setItemDelegate(MeasuredOnceDelegate(self))
        fit_columns(self, widths, stretch=stretch)


class ListPage(ListExporting, ModulePage):
    """A module page: heading and "New" button over the ``views`` tabs; the first is the list.

    Subclasses set ``model`` (the list's :class:`PagedTableModel`) and ``filter_bar`` (with
    ``filters()``) and give ``count_text``; a page with an archive tab sets ``archive_model``.
    """

    model: PagedTableModel
    archive_model: PagedTableModel
    filter_bar: ListFilterBar
    table: QTableView

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        outer = QVBoxLayout(self)
        self.head = QHBoxLayout()
        self.heading = heading_label(self)
        self.new_button = QPushButton(self)
        self.head.addWidget(self.heading, 1)
        self.head.addWidget(self.new_button)
        outer.addLayout(self.head)
        self.views = QTabWidget(self)
        outer.addWidget(self.views, 1)
        self.new_button.clicked.connect(lambda: self.new_record())
        self.new_button.setVisible(may_edit())  # a viewer adds nothing

    def add_head_button(self, button: QWidget) -> None:
        """Put ``button`` in the heading row, before "New"."""
        self.head.insertWidget(self.head.count() - 1, button)

    def add_list_tab(
        self, filter_bar: QWidget, table: QWidget, buttons: Sequence[QWidget]
    ) -> QWidget:
        """Add the list tab (filter bar, table, count line and ``buttons``) to ``views``."""
        page = QWidget(self)
        lay = QVBoxLayout(page)
        lay.addWidget(filter_bar)
        lay.addWidget(table, 1)
        self.count_label = QLabel(page)
        footer = QHBoxLayout()
        footer.addWidget(self.count_label, 1)
        for button in buttons:
            footer.addWidget(button)
        lay.addLayout(footer)
        self.views.addTab(page, "")
        if isinstance(table, ListTable):
            table.empty_text = self.empty_list_text
        return page

    def add_archive_tab(self, table: QWidget, restore_button: QWidget) -> QWidget:
        """Add the archive tab (the table of archived records over its Restore button)."""
        page = QWidget(self)
        lay = QVBoxLayout(page)
        lay.addWidget(table, 1)
        lay.addWidget(restore_button)
        self.views.addTab(page, "")
        if isinstance(table, ListTable):
            table.empty_text = self.empty_archive_text
        return page

    def empty_list_text(self) -> str:
        """What the empty list says: nothing to show, and the next action (translated)."""
        return ""

    def empty_archive_text(self) -> str:
        """What the empty archive says: nothing archived, and how records get there."""
        return ""

    def count_text(self) -> str:
        """The count line with "%1" for the number of rows ("%1 visits"), translated."""
        raise NotImplementedError

    def refresh(self) -> None:
        """Re-read the view on screen (the filter bar's country list the first time)."""
        bar = self.filter_bar
        if bar.ctx is not None and not bar.countries_loaded:
            bar.load_countries()
        self.refresh_current()

    def refresh_current(self) -> None:
        """Re-read the view on screen."""
        raise NotImplementedError

    def apply_filters(self) -> None:
        """Re-query the list with the filter bar's filters (in SQL)."""
        self.model.set_filters(self.filter_bar.filters())  # type: ignore[attr-defined]
        self._update_count()

    def refresh_all(self) -> None:
        """Reload the list and the archive (after a save, a status change, an archive or a
        restore); for pages with an archive tab."""
        self.apply_filters()
        self.archive_model.reload()

    def export_filters(self) -> ExportFilters:
        """The list exactly as it shows: the model's filters and order."""
        return ExportFilters(
            list_filter=self.model.filters,
            sort=self.model.sort_key,
            descending=self.model.descending,
        )

    def selected_id(self) -> int | None:
        """The id of the record selected in ``table`` (the current row when none is)."""
        rows = self.table.selectionModel().selectedRows()
        index = rows[0] if rows else self.table.currentIndex()
        record = self.model.item(index.row()) if index.isValid() else None
        return None if record is None else record.id

    def with_selected(self, action: Callable[[int], object], hint: str) -> None:
        """Run ``action`` on the selected record, or say ``hint`` in the status bar."""
        record_id = self.selected_id()
        if record_id is None:
            self.ctx.hub.status.emit(hint)
            return
        action(record_id)

    def _update_count(self) -> None:
        self.count_label.setText(self.count_text().replace("%1", loc_digits(self.model.total)))
