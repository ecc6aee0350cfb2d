"""Table model of the capacity catalogue over ``CapacityView`` rows, read a page at a time."""

from __future__ import annotations

from PySide6.QtCore import Qt

from qazvin_diplomacy.core.capacities import (
    CapacityAxis,
    CapacityFilter,
    CapacityStatus,
    CapacityView,
    County,
)
from qazvin_diplomacy.core.formatting import format_count, yes_no
from qazvin_diplomacy.services import capacities as capacities_service
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.ui.common import ID_ROLE
from qazvin_diplomacy.ui.i18n import QT_TRANSLATE_NOOP, current_language, loc_text
from qazvin_diplomacy.ui.paged_model import PagedTableModel

#: (English header, sort key or None)
COLUMNS: tuple[tuple[str, str | None], ...] = (
    (QT_TRANSLATE_NOOP("CapacityTableModel", "Axis"), "axis"),
    (QT_TRANSLATE_NOOP("CapacityTableModel", "Title"), "title"),
    (QT_TRANSLATE_NOOP("CapacityTableModel", "County"), "county"),
    (QT_TRANSLATE_NOOP("CapacityTableModel", "Status"), "status"),
    (QT_TRANSLATE_NOOP("CapacityTableModel", "Jobs"), "jobs"),
    (QT_TRANSLATE_NOOP("CapacityTableModel", "Investment needed"), "investment"),
    (QT_TRANSLATE_NOOP("CapacityTableModel", "Publishable"), None),
)


class CapacityTableModel(PagedTableModel[CapacityView]):
    """Capacities as rows, by axis then title; lazy paging through the service."""

    COLUMNS = COLUMNS

    def __init__(
        self, db: DatabaseHandle, parent: object | None = None, *, archived: bool = False
    ) -> None:
        super().__init__(db, CapacityFilter(archived=archived), parent)
        self.sort_key = "axis"
        self.descending = False
        self.reload()

    def count_rows(self) -> int:
        """Override: capacities matching the filters."""
        return capacities_service.count_capacities(self.db, filters=self.filters)

    def fetch_rows(self, offset: int, limit: int) -> list[CapacityView]:
        """Override: one page of capacities in the chosen order."""
        return capacities_service.list_capacities(self.db, **self.page_query(offset, limit))

    def cell_data(self, c: CapacityView, col: int, role: int) -> object:
        """Override: texts in the UI language, ids under ``ID_ROLE``."""
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            lang = current_language()
            if col == 0:
                return CapacityAxis.label_of(c.axis, lang)
            if col == 1:
                return loc_text(c.title_in(lang))
            if col == 2:
                return County.label_of(c.county, lang)
            if col == 3:
                return CapacityStatus.label_of(c.status, lang)
            if col == 4:
                return "" if c.jobs is None else format_count(c.jobs, lang)
            if col == 5:
                if c.investment is None:
                    return ""
                return f"{format_count(c.investment, lang)} {c.currency}"
            if col == 6:
                return yes_no(c.publishable, lang)
        if role == ID_ROLE:
            return c.id
        return None
