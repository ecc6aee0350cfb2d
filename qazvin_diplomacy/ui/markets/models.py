"""Table models of the markets module: target markets and companies (paged), top exporters."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from qazvin_diplomacy.core.markets import (
    CompanyKind,
    CompanyView,
    MarketFilter,
    MarketPriority,
    MarketStatus,
    MarketView,
    Sector,
    TopExporters,
)
from qazvin_diplomacy.services import markets as markets_service
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.ui.common import ID_ROLE
from qazvin_diplomacy.ui.i18n import QT_TRANSLATE_NOOP, current_language, loc_digits, loc_text
from qazvin_diplomacy.ui.markets.map_view import PRIORITY_COLORS
from qazvin_diplomacy.ui.paged_model import PagedTableModel, TranslatedColumns
from qazvin_diplomacy.ui.widgets.jalali import show_date

_ANY_INDEX = QModelIndex | QPersistentModelIndex


class MarketTableModel(PagedTableModel[MarketView]):
    """Target markets as rows, priority first; the priority cell has its map colour."""

    COLUMNS = (
        (QT_TRANSLATE_NOOP("MarketTableModel", "Priority"), "priority"),
        (QT_TRANSLATE_NOOP("MarketTableModel", "Country / region"), "country"),
        (QT_TRANSLATE_NOOP("MarketTableModel", "Product or sector"), None),
        (QT_TRANSLATE_NOOP("MarketTableModel", "Status"), "status"),
        (QT_TRANSLATE_NOOP("MarketTableModel", "Information date"), "info_date"),
        (QT_TRANSLATE_NOOP("MarketTableModel", "Needs and demand"), None),
    )

    def __init__(self, db: DatabaseHandle, parent: object | None = None) -> None:
        super().__init__(db, MarketFilter(), parent)
        self.sort_key = "priority"
        self.descending = False
        self.reload()

    def count_rows(self) -> int:
        """Override: markets matching the filters."""
        return markets_service.count_markets(self.db, filters=self.filters)

    def fetch_rows(self, offset: int, limit: int) -> list[MarketView]:
        """Override: one page in the chosen order."""
        return markets_service.list_markets(self.db, **self.page_query(offset, limit))

    def cell_data(self, m: MarketView, col: int, role: int) -> object:
        """Override: texts in the UI language, the market id under ``ID_ROLE``."""
        lang = current_language()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == 0:
                return MarketPriority.label_of(m.priority, lang)
            if col == 1:
                return loc_text(m.place_fa() if lang == "fa" else m.place_en())
            if col == 2:
                return loc_text(m.subject(lang))
            if col == 3:
                return MarketStatus.label_of(m.status, lang)
            if col == 4:
                return show_date(m.info_date) if m.info_date else "—"
            if col == 5:
                return loc_text(m.demand_notes)
        if role == ID_ROLE:
            return m.id
        if role == Qt.ItemDataRole.DecorationRole and col == 0:
            return PRIORITY_COLORS.get(m.priority)
        return None


class TopExportersModel(TranslatedColumns, QAbstractTableModel):
    """The year's top exporters: rank (ties marked), company, value, destinations, the year
    before (— when nothing was recorded), then the companies whose record is missing."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("TopExportersModel", "Rank"),
        QT_TRANSLATE_NOOP("TopExportersModel", "Company"),
        QT_TRANSLATE_NOOP("TopExportersModel", "Exports (USD)"),
        QT_TRANSLATE_NOOP("TopExportersModel", "Destinations"),
        QT_TRANSLATE_NOOP("TopExportersModel", "Year before (USD)"),
    )

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)
        self.top: TopExporters | None = None

    def set_top(self, top: TopExporters) -> None:
        """Show ``top``."""
        self.beginResetModel()
        self.top = top
        self.endResetModel()

    def rowCount(self, parent: _ANY_INDEX = QModelIndex()) -> int:  # noqa: B008
        """Override: ranked companies, then the missing ones."""
        if parent.isValid() or self.top is None:
            return 0
        return len(self.top.ranks) + len(self.top.missing)

    def columnCount(self, parent: _ANY_INDEX = QModelIndex()) -> int:  # noqa: B008
        """Override: fixed columns."""
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: _ANY_INDEX, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Override: the rank row or the missing-record row."""
        if not index.isValid() or self.top is None:
            return None
        row, col = index.row(), index.column()
        lang = current_language()
        ranks = self.top.ranks
        if row < len(ranks):
            r = ranks[row]
            if role == Qt.ItemDataRole.DisplayRole:
                values = (
                    self.tr("%1 (tie)").replace("%1", loc_digits(r.rank))
                    if r.tied
                    else loc_digits(r.rank),
                    r.name_fa if lang == "fa" else (r.name_en or r.name_fa),
                    loc_digits(f"{r.total_usd:,}"),
                    loc_digits(r.destinations),
                    "—" if r.previous_usd is None else loc_digits(f"{r.previous_usd:,}"),
                )
                return values[col]
            return None
        m = self.top.missing[row - len(ranks)]
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                "—",
                m.name_fa if lang == "fa" else (m.name_en or m.name_fa),
                self.tr("not recorded"),
                "",
                loc_digits(f"{m.last_usd:,}"),
            )
            return values[col]
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor("#8a6d00")
        return None


@dataclass(frozen=True)
class CompanyFilter:
    """The companies tab's filters."""

    text: str = ""
    sector: str | None = None


class CompanyTableModel(PagedTableModel[CompanyView]):
    """The province's companies as rows, by Persian name."""

    COLUMNS = (
        (QT_TRANSLATE_NOOP("CompanyTableModel", "Company"), None),
        (QT_TRANSLATE_NOOP("CompanyTableModel", "Kind"), None),
        (QT_TRANSLATE_NOOP("CompanyTableModel", "Sector"), None),
        (QT_TRANSLATE_NOOP("CompanyTableModel", "County"), None),
        (QT_TRANSLATE_NOOP("CompanyTableModel", "Products"), None),
        (QT_TRANSLATE_NOOP("CompanyTableModel", "Contacts"), None),
    )

    def __init__(self, db: DatabaseHandle, parent: object | None = None) -> None:
        super().__init__(db, CompanyFilter(), parent)
        self.reload()

    def count_rows(self) -> int:
        """Override: companies matching the filters."""
        return markets_service.count_companies(
            self.db, text=self.filters.text, sector=self.filters.sector
        )

    def fetch_rows(self, offset: int, limit: int) -> list[CompanyView]:
        """Override: one page by name."""
        return markets_service.list_companies(
            self.db, text=self.filters.text, sector=self.filters.sector, offset=offset, limit=limit
        )

    def cell_data(self, c: CompanyView, col: int, role: int) -> object:
        """Override: texts in the UI language, the company id under ``ID_ROLE``."""
        lang = current_language()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = (
                c.name_fa if lang == "fa" else (c.name_en or c.name_fa),
                CompanyKind.label_of(c.kind, lang),
                Sector.label_of(c.sector, lang),
                loc_text(c.city_fa),
                loc_digits(c.product_count),
                "، ".join(c.contact_names_fa) if lang == "fa" else ", ".join(c.contact_names_fa),
            )
            return values[col]
        if role == ID_ROLE:
            return c.id
        return None
