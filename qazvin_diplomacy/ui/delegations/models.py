"""The paged table model of the trade delegations list."""

from __future__ import annotations

from PySide6.QtCore import Qt

from qazvin_diplomacy.core.delegations import (
    DelegationDirection,
    DelegationFilter,
    DelegationStatus,
    DelegationView,
)
from qazvin_diplomacy.services import delegations as delegations_service
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.ui.common import ID_ROLE
from qazvin_diplomacy.ui.i18n import QT_TRANSLATE_NOOP, current_language, loc_text
from qazvin_diplomacy.ui.paged_model import PagedTableModel
from qazvin_diplomacy.ui.widgets.jalali import show_date


class DelegationTableModel(PagedTableModel[DelegationView]):
    """Delegations as rows, by start date: direction, title, place, dates, head, status."""

    COLUMNS = (
        (QT_TRANSLATE_NOOP("DelegationTableModel", "Direction"), "direction"),
        (QT_TRANSLATE_NOOP("DelegationTableModel", "Title"), "title"),
        (QT_TRANSLATE_NOOP("DelegationTableModel", "Destination / origin"), "country"),
        (QT_TRANSLATE_NOOP("DelegationTableModel", "From"), "start_date"),
        (QT_TRANSLATE_NOOP("DelegationTableModel", "To"), "end_date"),
        (QT_TRANSLATE_NOOP("DelegationTableModel", "Head"), None),
        (QT_TRANSLATE_NOOP("DelegationTableModel", "Status"), "status"),
    )

    def __init__(self, db: DatabaseHandle, parent: object | None = None) -> None:
        super().__init__(db, DelegationFilter(), parent)
        self.sort_key = "start_date"
        self.descending = True
        self.reload()

    def count_rows(self) -> int:
        """Override: delegations matching the filters."""
        return delegations_service.count_delegations(self.db, filters=self.filters)

    def fetch_rows(self, offset: int, limit: int) -> list[DelegationView]:
        """Override: one page in the chosen order."""
        return delegations_service.list_delegations(self.db, **self.page_query(offset, limit))

    def cell_data(self, d: DelegationView, col: int, role: int) -> object:
        """Override: texts in the UI language (Jalali dates), the id under ``ID_ROLE``."""
        lang = current_language()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == 0:
                return DelegationDirection.label_of(d.direction, lang)
            if col == 1:
                return loc_text(d.title_en or d.title if lang == "en" else d.title)
            if col == 2:
                return loc_text(d.place_en() if lang == "en" else d.place_fa())
            if col == 3:
                return show_date(d.start_date) if d.start_date else "—"
            if col == 4:
                return show_date(d.end_date) if d.end_date else "—"
            if col == 5:
                return loc_text(d.head_name(lang)) or "—"
            if col == 6:
                return DelegationStatus.label_of(d.status, lang)
        if role == ID_ROLE:
            return d.id
        return None
