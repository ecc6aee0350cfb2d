"""The place a target market and a trade delegation share: a country from the directory and a
region of that country (the regions offered follow the country chosen)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from qazvin_diplomacy.services import directory
from qazvin_diplomacy.services import markets as markets_service
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.ui.common import refill_combo
from qazvin_diplomacy.ui.i18n import is_rtl


def fill_countries(db: DatabaseHandle, combo: QComboBox) -> None:
    """Every country in the UI language after "—" (none), keeping the one chosen."""
    rtl = is_rtl()
    countries = directory.list_countries(db)
    refill_combo(
        combo, [("—", None), *((c.name_fa if rtl else c.name_en, c.id) for c in countries)]
    )


def fill_regions(
    db: DatabaseHandle, country: QComboBox, region: QComboBox, whole_country: str
) -> None:
    """The regions of the country chosen in ``country`` only, after ``whole_country`` (None)."""
    country_id = country.currentData()
    regions = markets_service.list_regions(db, country_id=country_id) if country_id else []
    rtl = is_rtl()
    refill_combo(
        region,
        [
            (whole_country, None),
            *((r.name_fa if rtl else (r.name_en or r.name_fa), r.id) for r in regions),
        ],
    )
