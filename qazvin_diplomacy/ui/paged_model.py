"""A table model over service results, read a page at a time.

The model reports every matching row (one count query) but holds only the pages the view
has shown: a row's page is read through the service (filters and sorting in SQL) the first
time Qt asks for it, and at most ``MAX_PAGES`` pages stay cached. Jumping to the end of
50,000 rows therefore reads one page, not all the pages before it (as ``fetchMore`` would).
Subclasses say how to count and how to read a page; rows are frozen dataclasses with an ``id``.

:class:`TranslatedColumns` gives every table model of the UI (paged or not) its translated
column titles, row numbers in the UI's digits and ``retranslate``; the paged model adds sorting
in SQL by the column's key.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    Qt,
)

from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.ui.i18n import loc_digits
from qazvin_diplomacy.ui.icons import icon

Row = TypeVar("Row")
_ANY_INDEX = QModelIndex | QPersistentModelIndex


class TranslatedColumns:
    """Mixin for a table model (before the Qt base) with fixed columns ``COLUMNS``.

    A column is its English title (translated in the model class's context) or a
    (title, sort key) pair.
    """

    COLUMNS: tuple[str | tuple[str, str | None], ...] = ()

    def column_title(self, section: int) -> str:
        """The title of column ``section`` in the UI language."""
        column = self.COLUMNS[section]
        return self.tr(column if isinstance(column, str) else column[0])  # type: ignore[attr-defined]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Override: translated column titles, row numbers in the UI's digits."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            return self.column_title(section)
        if orientation == Qt.Orientation.Vertical and 0 <= section < self.rowCount():  # type: ignore[attr-defined]
            return loc_digits(section + 1)
        return None

    def multiData(self, index: _ANY_INDEX, roleDataSpan: QModelRoleDataSpan) -> None:
        """Override: every role a delegate asks of a cell (text, font, colours, icon …) in
        one call into Python — Qt's default calls ``data`` once per role, seven calls for
        each cell measured or painted."""
        for role_data in roleDataSpan:
            value = self.data(index, role_data.role())  # type: ignore[attr-defined]
            if value is None:
                role_data.clearData()
            else:
                role_data.setData(value)

    def retranslate(self) -> None:
        """Tell views every text changed (language switch): cells, titles and row numbers."""
        rows, last_column = self.rowCount(), len(self.COLUMNS) - 1  # type: ignore[attr-defined]
        if rows:
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, last_column))  # type: ignore[attr-defined]
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, last_column)  # type: ignore[attr-defined]
        if rows:
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, rows - 1)  # type: ignore[attr-defined]


class PagedTableModel(TranslatedColumns, QAbstractTableModel, Generic[Row]):
    """Lazy paging through a service; subclasses implement ``count_rows`` and ``fetch_rows``.

    ``COLUMNS`` are (title, sort key) pairs; clicking a column with a key sorts by it in SQL.
    """

    #: Rows read at a time: a screenful and the rows its columns are fitted on
    #: (``common.FIT_SAMPLE_ROWS``), so a filter reads one page.
    PAGE = 100
    MAX_PAGES = 100
    COLUMNS: tuple[tuple[str, str | None], ...] = ()

    def __init__(self, db: DatabaseHandle, filters: Any, parent: object | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.filters = filters
        self.descending = True
        self.sort_key = ""
        self._pages: OrderedDict[int, list[Row]] = OrderedDict()
        self._total = 0

    # --- what subclasses provide ---------------------------------------------------------

    def count_rows(self) -> int:
        """How many rows the current filters match (one SQL count)."""
        raise NotImplementedError

    def fetch_rows(self, offset: int, limit: int) -> list[Row]:
        """One page of rows with the current filters and order."""
        raise NotImplementedError

    def cell_data(self, record: Row, col: int, role: int) -> object:
        """What ``data`` gives for column ``col`` of ``record`` in ``role``."""
        raise NotImplementedError

    def page_query(self, offset: int, limit: int) -> dict[str, Any]:
        """The keywords of a service's page query: filters, order, offset and limit."""
        return {
            "filters": self.filters,
            "sort": self.sort_key,
            "descending": self.descending,
            "offset": offset,
            "limit": limit,
        }

    # --- loading -----------------------------------------------------------------------

    def reload(self) -> None:
        """Re-count and drop the cached pages (model reset); the first page is read now."""
        self.beginResetModel()
        try:
            self._pages.clear()
            self._total = self.count_rows()
            if self._total:
                self._page(0)
        finally:
            self.endResetModel()

    def set_filters(self, filters: Any) -> None:
        """Apply ``filters`` (in SQL) and reload."""
        self.filters = filters
        self.reload()

    @property
    def total(self) -> int:
        """How many rows the filters match (loaded or not)."""
        return self._total

    def loaded_pages(self) -> list[int]:
        """Numbers of the pages held in memory (least recently used first)."""
        return list(self._pages)

    def _page(self, number: int) -> list[Row]:
        if self._pages and next(reversed(self._pages)) == number:  # the page just asked for
            return self._pages[number]
        page = self._pages.get(number)
        if page is None:
            page = self.fetch_rows(number * self.PAGE, self.PAGE)
            self._pages[number] = page
            while len(self._pages) > self.MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page

    def item(self, row: int) -> Row | None:
        """The record of ``row`` (None if the database lost it since counting)."""
        if not 0 <= row < self._total:
            return None
        page = self._page(row // self.PAGE)
        offset = row % self.PAGE
        return page[offset] if offset < len(page) else None

    def row_of(self, record_id: int) -> int:
        """Row of a record among the cached pages (-1 when not loaded)."""
        for number, page in self._pages.items():
            for i, record in enumerate(page):
                if getattr(record, "id", None) == record_id:
                    return number * self.PAGE + i
        return -1

    # --- model -------------------------------------------------------------------------

    def rowCount(self, parent: _ANY_INDEX = QModelIndex()) -> int:  # noqa: B008
        """Override: every matching row (pages are read on demand)."""
        return 0 if parent.isValid() else self._total

    def data(self, index: _ANY_INDEX, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Override: the row's ``cell_data`` (nothing when the database lost the row); a
        record flagged confidential has a lock in its first cell."""
        record = self.item(index.row()) if index.isValid() else None
        if record is None:
            return None
        return self._cell(record, index.column(), role)

    def multiData(self, index: _ANY_INDEX, roleDataSpan: QModelRoleDataSpan) -> None:
        """Override: as :meth:`TranslatedColumns.multiData`, the row looked up once."""
        record = self.item(index.row()) if index.isValid() else None
        col = index.column()
        for role_data in roleDataSpan:
            value = None if record is None else self._cell(record, col, role_data.role())
            if value is None:
                role_data.clearData()
            else:
                role_data.setData(value)

    def cell_roles(self, row: int, col: int, roles: Sequence[int]) -> list[object]:
        """What ``data`` gives for the cell (``row``, ``col``) in each of ``roles``: one call
        for a delegate measuring the cell, the row looked up once."""
        record = self.item(row)
        if record is None or not 0 <= col < len(self.COLUMNS):
            return [None] * len(roles)
        return [self._cell(record, col, role) for role in roles]

    def _cell(self, record: Row, col: int, role: int) -> object:
        found = self.cell_data(record, col, role)
        if found is None and col == 0 and getattr(record, "confidential", False):
            if role == Qt.ItemDataRole.DecorationRole:
                return icon("lock")
            if role == Qt.ItemDataRole.AccessibleDescriptionRole:
                return QCoreApplication.translate("PagedTableModel", "Confidential")
        return found

    def columnCount(self, parent: _ANY_INDEX = QModelIndex()) -> int:  # noqa: B008
        """Override: fixed columns."""
        return 0 if parent.isValid() else len(self.COLUMNS)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Override: sort in SQL by the column's key (columns without one keep the order)."""
        if not 0 <= column < len(self.COLUMNS) or self.COLUMNS[column][1] is None:
            return
        self.sort_key = str(self.COLUMNS[column][1])
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()
