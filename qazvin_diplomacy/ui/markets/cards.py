"""The markets module's dashboard card: a small map of the year's exports by country.

Read through ``services.markets`` in the dashboard's worker: the exports of the current
Jalali year, or of the latest year recorded before it when this year has none yet (the
title says which year).  A click on a country opens its market card on the markets page.
The map is built with the first data, so an empty office and the window's start pay nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from qazvin_diplomacy.core.atlas import EXPORTS
from qazvin_diplomacy.core.formatting import format_count
from qazvin_diplomacy.core.jalali import to_jalali
from qazvin_diplomacy.core.markets import CountryAtlasEntry
from qazvin_diplomacy.core.text import bidi_isolate
from qazvin_diplomacy.services import markets as markets_service
from qazvin_diplomacy.ui.dashboard import DashboardCard
from qazvin_diplomacy.ui.i18n import current_language, is_rtl, loc_digits, loc_text
from qazvin_diplomacy.ui.markets.map_view import NEIGHBOURHOOD, WorldMap, region_rect
from qazvin_diplomacy.ui.modules import UiContext


@dataclass(frozen=True)
class ExportsMapData:
    """What the card shows: the year, each country's entry and every country's names."""

    year: int | None
    entries: dict[str, CountryAtlasEntry]
    names: dict[str, tuple[str, str, int]]


class ExportsMapCard(DashboardCard):
    """Exports by country on a small map (Iran's neighbourhood), the leading countries below."""

    MAP_HEIGHT = 210
    LEADING = 3

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.map: WorldMap | None = None  # built with the first data (not at start-up)
        self.leading = QLabel(self)
        self.leading.setWordWrap(True)
        self.layout_.addWidget(self.leading)
        self.data = ExportsMapData(None, {}, {})
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        year = self.data.year
        if year is None:
            self.title.setText(self.tr("Exports by country"))
        else:
            self.title.setText(self.tr("Exports by country in %1").replace("%1", loc_digits(year)))

    def read(self, today: dt.date) -> ExportsMapData:
        """This Jalali year's exports, or the latest year's before it."""
        db = self.ctx.db
        this_year = to_jalali(today)[0]
        years = [y for y in markets_service.export_years(db) if y <= this_year]
        year = this_year if this_year in years else (max(years) if years else None)
        if year is None:
            return ExportsMapData(None, {}, {})
        entries = markets_service.atlas_entries(db, year=year)
        exported = {code: e for code, e in entries.items() if e.export_records}
        return ExportsMapData(year, exported, markets_service.country_names(db))

    def show_data(self, data: ExportsMapData) -> None:
        """Colour the map and name the leading destinations."""
        self.data = data
        if not data.entries:
            return
        if self.map is None:
            self.map = WorldMap(self)
            self.map.setFixedHeight(self.MAP_HEIGHT)
            self.map.setMinimumWidth(200)
            self.map.focus_on(region_rect(*NEIGHBOURHOOD))
            self.map.countryClicked.connect(self.open_country)
            self.layout_.insertWidget(1, self.map)  # under the title
        self.map.set_data(data.entries, data.names, EXPORTS)
        lang = current_language()
        leading = sorted(data.entries.values(), key=lambda e: -e.export_usd)[: self.LEADING]
        parts = []
        for e in leading:
            name = e.name_fa if lang == "fa" else (e.name_en or e.name_fa)
            usd = format_count(e.export_usd, lang)
            parts.append(
                self.tr("%1: %2 USD").replace("%1", bidi_isolate(loc_text(name))).replace("%2", usd)
            )
        sep = "، " if is_rtl() else ", "
        self.leading.setText(
            self.tr("%1 countries; most: %2")
            .replace("%1", loc_digits(len(data.entries)))
            .replace("%2", sep.join(parts))
        )
        self.retranslate_ui()

    def is_relevant(self) -> bool:
        """Shown once exports are recorded."""
        return bool(self.data.entries)

    def open_country(self, iso2: str) -> Any:
        """Open the country's market card on the markets page (None outside the window)."""
        show = getattr(self.window(), "show_module", None)
        page = show("markets") if callable(show) else None
        return page.open_country(iso2) if page is not None else None
