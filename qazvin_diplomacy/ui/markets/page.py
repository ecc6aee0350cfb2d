"""The target markets page: the atlas map, the filtered market list and the top exporters.

The map colours countries by the best priority of their target markets or by the exports
recorded in a year; a click opens the country's market card.  The list filters markets by
text, country, region, product, priority and status; a double-click opens the card of the
market's country.  The third tab ranks the year's exporters (ties and missing records shown).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core.markets import (
    CompanyView,
    MarketFilter,
    MarketPriority,
    MarketStatus,
    MarketView,
    Sector,
)
from qazvin_diplomacy.services import markets as markets_service
from qazvin_diplomacy.ui.common import fit_columns
from qazvin_diplomacy.ui.forms_common import keep_open_form
from qazvin_diplomacy.ui.i18n import current_language, is_rtl, loc_digits
from qazvin_diplomacy.ui.list_page import ListFilterBar, ListPage, ListTable
from qazvin_diplomacy.ui.markets.card import MarketCardDialog
from qazvin_diplomacy.ui.markets.company_form import CompanyDialog
from qazvin_diplomacy.ui.markets.form import MarketDialog
from qazvin_diplomacy.ui.markets.map_view import (
    EXPORT_COLORS,
    EXPORT_STEPS,
    EXPORTS,
    IRAN_COLOR,
    NEIGHBOURHOOD,
    PRIORITY,
    PRIORITY_COLORS,
    WorldMap,
    region_rect,
)
from qazvin_diplomacy.ui.markets.models import (
    CompanyFilter,
    CompanyTableModel,
    MarketTableModel,
    TopExportersModel,
)
from qazvin_diplomacy.ui.modules import UiContext

DEFAULT_YEAR = 1404
WORLD, NEAR = "world", "near"


class MarketFilterBar(ListFilterBar):
    """Text, country, region, product, priority and status."""

    def __init__(
        self, ctx: UiContext, on_change: Callable[[], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(on_change, parent, ctx)
        self.country = QComboBox(self)
        self.region = QComboBox(self)
        self.product = QComboBox(self)
        self.priority = QComboBox(self)
        self.status = QComboBox(self)
        self.lay_out_in_a_row(self.country, self.region, self.product, self.priority, self.status)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        lang = current_language()
        self.text.setPlaceholderText(self.tr("Search markets… (Ctrl+F)"))
        self.clear_button.setText(self.tr("Clear filters"))
        self.refill(
            self.priority,
            [
                (self.tr("All priorities"), None),
                *((p.label(lang), p.value) for p in MarketPriority),
            ],
        )
        self.refill(
            self.status,
            [(self.tr("All statuses"), None), *((s.label(lang), s.value) for s in MarketStatus)],
        )
        if self.ctx is not None:
            self.load_choices()
            if self.countries_loaded:
                self.load_countries()

    def load_choices(self) -> None:
        """Fill the region and product lists from the services."""
        assert self.ctx is not None
        rtl = is_rtl()
        regions = markets_service.list_regions(self.ctx.db)
        self.refill(
            self.region,
            [
                (self.tr("All regions"), None),
                *(
                    (
                        f"{r.country_fa} — {r.name_fa}"
                        if rtl
                        else f"{r.country_en} — {r.name_en or r.name_fa}",
                        r.id,
                    )
                    for r in regions
                ),
            ],
        )
        products = markets_service.list_products(self.ctx.db)
        sectors = [
            (f"{self.tr('Sector')}: {s.label(current_language())}", f"s:{s.value}") for s in Sector
        ]
        self.refill(
            self.product,
            [
                (self.tr("All products and sectors"), None),
                *sectors,
                *((p.name_fa if rtl else (p.name_en or p.name_fa), p.id) for p in products),
            ],
        )

    def clear(self) -> None:
        """Reset every filter."""
        self.text.clear()
        for combo in (self.country, self.region, self.product, self.priority, self.status):
            combo.setCurrentIndex(0)

    def filters(self) -> MarketFilter:
        """The filters as the service takes them."""
        product = self.product.currentData()
        sector = product[2:] if isinstance(product, str) else None
        return MarketFilter(
            product_id=product if isinstance(product, int) else None,
            sector=sector,
            priority=self.priority.currentData(),
            country_id=self.country.currentData(),
            region_id=self.region.currentData(),
            status=self.status.currentData(),
            text=self.text.text().strip(),
        )


class MapLegend(QWidget):
    """The map's key: one swatch per colour with its meaning (laid out in the UI direction)."""

    SLOTS = max(len(EXPORT_COLORS), len(MarketPriority))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.swatches: list[QLabel] = []
        self.texts: list[QLabel] = []
        for _ in range(self.SLOTS):
            swatch, text = QLabel(self), QLabel(self)
            row.addWidget(swatch)
            row.addWidget(text)
            row.addSpacing(10)
            self.swatches.append(swatch)
            self.texts.append(text)
        self.home_swatch, self.home_text = QLabel(self), QLabel(self)
        pixmap = QPixmap(14, 14)
        pixmap.fill(IRAN_COLOR)
        self.home_swatch.setPixmap(pixmap)
        row.addWidget(self.home_swatch)
        row.addWidget(self.home_text)
        row.addStretch(1)

    def show_mode(self, mode: str, texts: list[str]) -> None:
        """Show the key of ``mode`` with ``texts`` (one per colour); unused slots are hidden."""
        colors = (
            [PRIORITY_COLORS[p.value] for p in MarketPriority]
            if mode == PRIORITY
            else list(EXPORT_COLORS)
        )
        for i, (swatch, label) in enumerate(zip(self.swatches, self.texts, strict=True)):
            used = i < len(colors)
            swatch.setVisible(used)
            label.setVisible(used)
            if used:
                pixmap = QPixmap(14, 14)
                pixmap.fill(QColor(colors[i]))
                swatch.setPixmap(pixmap)
                label.setText(texts[i])
        self.home_text.setText(self.tr("Iran"))


class MarketsPage(ListPage):
    """Map, list and top exporters of the target markets module."""

    export_kind = "markets"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.cards: list[MarketCardDialog] = []
        self.forms: list[QDialog] = []
        self._build_map_tab()
        self.filter_bar = MarketFilterBar(ctx, self.apply_filters, self)
        self.search_box = self.filter_bar.text
        self.model = MarketTableModel(ctx.db, self)
        self.table = ListTable(
            self.model, sort_column=0, widths=(120, 220, 200, 110, 110, 300), stretch=5, parent=self
        )
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(lambda: self.export_list())
        self.add_list_tab(self.filter_bar, self.table, (self.export_button,))
        self.table.doubleClicked.connect(lambda idx: self.edit_row(idx.row()))
        self._build_top_tab()
        self._build_companies_tab()
        ctx.hub.dataChanged.connect(lambda _kind: self.refresh_current())
        self.views.currentChanged.connect(lambda _i: self.refresh_current())
        self.retranslate_ui()

    # --- building ------------------------------------------------------------------------

    def _build_map_tab(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        bar = QHBoxLayout()
        self.mode = QComboBox(page)
        self.year = QComboBox(page)
        self.sector = QComboBox(page)
        self.extent = QComboBox(page)
        self.legend = MapLegend(page)
        self.map_hint = QLabel(page)
        bar.addWidget(self.mode)
        bar.addWidget(self.year)
        bar.addWidget(self.sector)
        bar.addWidget(self.extent)
        bar.addStretch(1)
        self.atlas_button = QPushButton(page)
        self.atlas_button.clicked.connect(lambda: self.print_atlas())
        bar.addWidget(self.atlas_button)
        layout.addLayout(bar)
        # The key on its own row: beside the combos it squeezed them (cut, no ellipsis) and
        # widened the window past a 1366-pixel screen.
        layout.addWidget(self.legend)
        self.map = WorldMap(page)
        layout.addWidget(self.map, 1)
        layout.addWidget(self.map_hint)
        self.views.addTab(page, "")
        self.map.countryClicked.connect(self.open_country)
        for combo in (self.mode, self.year, self.sector):
            combo.currentIndexChanged.connect(lambda _i: self.redraw_map())
        self.extent.currentIndexChanged.connect(lambda _i: self.show_extent())

    def _build_top_tab(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        bar = QHBoxLayout()
        self.top_year = QComboBox(page)
        self.top_note = QLabel(page)
        self.top_note.setWordWrap(True)
        bar.addWidget(self.top_year)
        bar.addWidget(self.top_note, 1)
        layout.addLayout(bar)
        self.top_model = TopExportersModel(self)
        self.top_table = QTableView(page)
        self.top_table.setModel(self.top_model)
        self.top_table.setAlternatingRowColors(True)
        self.top_table.verticalHeader().hide()  # the rank column numbers the rows already
        fit_columns(self.top_table, (120, 320, 150, 110, 150), stretch=1)
        layout.addWidget(self.top_table, 1)
        self.views.addTab(page, "")
        self.top_year.currentIndexChanged.connect(lambda _i: self.refresh_top())

    def _build_companies_tab(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        bar = QHBoxLayout()
        self.company_text = QLineEdit(page)
        self.company_text.setClearButtonEnabled(True)
        self.company_sector = QComboBox(page)
        self.new_company_button = QPushButton(page)
        bar.addWidget(self.company_text, 2)
        bar.addWidget(self.company_sector, 1)
        bar.addWidget(self.new_company_button)
        layout.addLayout(bar)
        self.company_model = CompanyTableModel(self.ctx.db, self)
        self.company_table = ListTable(
            self.company_model, sort_column=0, widths=(260, 120, 160, 100, 70, 200), stretch=5,
            parent=page,
        )  # fmt: skip
        layout.addWidget(self.company_table, 1)
        self.company_count = QLabel(page)
        layout.addWidget(self.company_count)
        self.views.addTab(page, "")
        self.company_text.textChanged.connect(lambda _t: self.refresh_companies())
        self.company_sector.currentIndexChanged.connect(lambda _i: self.refresh_companies())
        self.new_company_button.clicked.connect(lambda: self.open_company(None))
        self.company_table.doubleClicked.connect(
            lambda idx: self.open_company(self.company_model.item(idx.row()))
        )

    # --- texts ---------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        lang = current_language()
        self.heading.setText(self.tr("Target markets"))
        self.new_button.setText(self.tr("New target market"))
        self.views.setTabText(0, self.tr("Map"))
        self.views.setTabText(1, self.tr("Market list"))
        self.views.setTabText(2, self.tr("Top exporters"))
        self.views.setTabText(3, self.tr("Companies"))
        self.company_text.setPlaceholderText(self.tr("Search companies and products…"))
        self.new_company_button.setText(self.tr("New company"))
        self.filter_bar.refill(
            self.company_sector,
            [(self.tr("All sectors"), None), *((s.label(lang), s.value) for s in Sector)],
        )
        self.company_model.retranslate()
        self.export_button.setText(self.tr("Export to Excel/CSV…"))
        self.filter_bar.refill(
            self.mode,
            [
                (self.tr("Colour by market priority"), PRIORITY),
                (self.tr("Colour by exports"), EXPORTS),
            ],
        )
        self.filter_bar.refill(
            self.sector,
            [(self.tr("All sectors"), None), *((s.label(lang), s.value) for s in Sector)],
        )
        self.filter_bar.refill(
            self.extent, [(self.tr("Whole world"), WORLD), (self.tr("Iran's neighbourhood"), NEAR)]
        )
        self._fill_years()
        self.map_hint.setText(
            self.tr("Hover a country to see its name; click it to open its market card.")
        )
        self.atlas_button.setText(self.tr("Print atlas…"))
        self.atlas_button.setToolTip(
            self.tr(
                "The world map by market priority and by exports, and the countries' table (PDF)"
            )
        )
        self.model.retranslate()
        self.top_model.retranslate()
        self._update_count()
        self.redraw_map()

    def _fill_years(self) -> None:
        years = markets_service.export_years(self.ctx.db) or [DEFAULT_YEAR]
        chosen = DEFAULT_YEAR if DEFAULT_YEAR in years else years[0]
        items = [(loc_digits(y), y) for y in years]
        self.filter_bar.refill(self.year, items, self.year.currentData() or chosen)
        self.filter_bar.refill(self.top_year, items, self.top_year.currentData() or chosen)

    def count_text(self) -> str:
        """Override: the count line."""
        return self.tr("%1 target markets")

    def empty_list_text(self) -> str:
        """Override: the empty list says what to do next."""
        return self.tr("No target market to show. Clear the filters to see every market.")

    # --- data ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Override: the country list once, then the view on screen."""
        if not self.filter_bar.countries_loaded:
            self.filter_bar.load_countries()
        self.refresh_current()

    def refresh_current(self) -> None:
        """Re-read the view on screen."""
        index = self.views.currentIndex()
        if index == 0:
            self.redraw_map()
        elif index == 1:
            self.filter_bar.load_choices()
            self.apply_filters()
        elif index == 2:
            self._fill_years()
            self.refresh_top()
        else:
            self.refresh_companies()

    def refresh_companies(self) -> None:
        """Re-read the companies with the tab's filters."""
        self.company_model.set_filters(
            CompanyFilter(self.company_text.text().strip(), self.company_sector.currentData())
        )
        self.company_count.setText(
            self.tr("%1 companies").replace("%1", loc_digits(self.company_model.total))
        )

    def open_company(self, company: CompanyView | None) -> CompanyDialog:
        """The form of ``company`` (None: a new one), with its products and exports."""
        if company is not None:
            company = markets_service.get_company(self.ctx.db, company_id=company.id or 0)
        form = CompanyDialog(self.ctx.db, company, self)
        form.accepted.connect(lambda: self.ctx.hub.dataChanged.emit("markets"))
        form.finished.connect(lambda _r: form.deleteLater())
        return keep_open_form(self.forms, form)

    def redraw_map(self) -> None:
        """Colour the map from the services with the chosen mode, year and sector."""
        if not hasattr(self, "map"):
            return
        mode = self.mode.currentData() or PRIORITY
        year = self.year.currentData()
        entries = markets_service.atlas_entries(
            self.ctx.db, year=year, filters=MarketFilter(sector=self.sector.currentData())
        )
        if not hasattr(self, "_names"):
            self._names = markets_service.country_names(self.ctx.db)
        self.map.set_data(entries, self._names, mode)
        self.sector.setEnabled(mode == PRIORITY)
        self.year.setEnabled(mode == EXPORTS)
        if mode == PRIORITY:
            texts = [p.label(current_language()) for p in MarketPriority]
        else:
            bounds = [*EXPORT_STEPS[1:], None]
            texts = []
            for low, high in zip(EXPORT_STEPS, bounds, strict=True):
                if high is None:
                    texts.append(self.tr("%1 USD or more").replace("%1", _short_usd(low)))
                else:
                    texts.append(
                        self.tr("%1–%2 USD")
                        .replace("%1", _short_usd(low))
                        .replace("%2", _short_usd(high))
                    )
        self.legend.show_mode(mode, texts)

    def show_extent(self) -> None:
        """Show the whole world or Iran's neighbourhood (where most target markets are)."""
        near = self.extent.currentData() == NEAR
        self.map.focus_on(region_rect(*NEIGHBOURHOOD) if near else None)

    def refresh_top(self) -> None:
        """Rank the exporters of the chosen year."""
        year = self.top_year.currentData() or DEFAULT_YEAR
        top = markets_service.top_exporters(self.ctx.db, year=year)
        self.top_model.set_top(top)
        if not top.has_data:
            note = self.tr("Nothing recorded for %1.").replace("%1", loc_digits(year))
        else:
            note = self.tr(
                "Ranked by recorded exports; equal values share a rank. "
                "%1 companies reported last year but have no record for this year."
            ).replace("%1", loc_digits(len(top.missing)))
        self.top_note.setText(note)

    def print_atlas(self) -> object:
        """The atlas (report markets-map) of the chosen year as PDF, off the GUI thread."""
        from qazvin_diplomacy.ui.ops import print_pdf

        year = self.year.currentData() or DEFAULT_YEAR
        return print_pdf(
            self.ctx.runner, self.ctx.db, "markets-map", {"year": str(year)}, parent=self,
            title=self.atlas_button.text().rstrip("…"),
        )  # fmt: skip

    def print_page(self) -> None:
        """Override: Ctrl+P prints the atlas."""
        self.print_atlas()

    # --- opening -------------------------------------------------------------------------

    def open_country(self, iso2: str) -> MarketCardDialog | None:
        """Open the market card of the country ``iso2`` (from the map)."""
        names = getattr(self, "_names", None) or markets_service.country_names(self.ctx.db)
        found = names.get(iso2)
        if found is None:
            return None
        return self._open_card(found[2])

    def new_record(self) -> MarketDialog:
        """Ctrl+N / New: the form of a new target market."""
        return self._open_form(None)

    def edit_row(self, row: int) -> MarketDialog | None:
        """Open the form of the market in ``row``."""
        market = self.model.item(row)
        if market is None:
            return None
        return self._open_form(markets_service.get_market(self.ctx.db, market_id=market.id or 0))

    def _open_form(self, market: MarketView | None) -> MarketDialog:
        form = MarketDialog(self.ctx.db, market, self)
        form.accepted.connect(lambda: self.ctx.hub.dataChanged.emit("markets"))
        form.finished.connect(lambda _r: form.deleteLater())
        return keep_open_form(self.forms, form)

    def open_row(self, row: int) -> MarketCardDialog | None:
        """Open the card of the country of the market in ``row``."""
        market = self.model.item(row)
        return None if market is None else self._open_card(market.country_id or 0)

    def open_record(self, market_id: int) -> MarketCardDialog:
        """Open the card of market ``market_id``'s country (from the search)."""
        market = markets_service.get_market(self.ctx.db, market_id=market_id)
        return self._open_card(market.country_id or 0)

    def _open_card(self, country_id: int) -> MarketCardDialog:
        year = self.year.currentData() or DEFAULT_YEAR
        card = MarketCardDialog(self.ctx.db, country_id, year, self, self.ctx.runner)
        card.finished.connect(lambda _result, c=card: self._forget(c))
        card.show()
        self.cards.append(card)
        return card

    def _forget(self, card: MarketCardDialog) -> None:
        """A card was closed: drop it (its widget is deleted later)."""
        if card in self.cards:
            self.cards.remove(card)
        card.deleteLater()

    def selftest(self, shot: Callable[[str, QWidget], None]) -> None:
        """Override: the map in both colourings, the list, the top exporters and a card."""
        self.views.setCurrentIndex(0)
        self.mode.setCurrentIndex(0)
        shot("map", self)
        self.mode.setCurrentIndex(1)
        shot("map_exports", self)
        self.extent.setCurrentIndex(1)
        shot("map_neighbourhood", self)
        self.extent.setCurrentIndex(0)
        self.mode.setCurrentIndex(0)
        self.views.setCurrentIndex(1)
        shot("list", self)
        self.views.setCurrentIndex(2)
        shot("top_exporters", self)
        self.views.setCurrentIndex(3)
        shot("companies", self)
        company = self.open_company(self.company_model.item(0))
        shot("company_form", company)
        company.tabs.setCurrentIndex(2)
        shot("company_exports", company)
        company.reject()
        self.views.setCurrentIndex(0)
        card = self.open_country("IQ")
        if card is not None:
            shot("card", card)
            card.close()
        self.views.setCurrentIndex(1)
        form = self.edit_row(0) if self.model.total else self.new_record()
        if form is not None:
            shot("form", form)
            regions = form.edit_regions()
            if regions is not None:
                shot("regions", regions)
                regions.reject()
            form.reject()
        self.views.setCurrentIndex(0)


def _short_usd(value: int) -> str:
    """«100k», «5M» («۱۰۰ هزار»، «۵ میلیون»): a compact amount in the UI's words and digits."""
    if value >= 1_000_000:
        return QCoreApplication.translate("MarketsPage", "%1M").replace(
            "%1", loc_digits(value // 1_000_000)
        )
    if value >= 1000:
        return QCoreApplication.translate("MarketsPage", "%1k").replace(
            "%1", loc_digits(value // 1000)
        )
    return loc_digits(value)
