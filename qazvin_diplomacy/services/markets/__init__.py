"""Target markets use-cases: companies, products and exports, regions, markets, the atlas.

One module per use-case: ``companies`` (the province's companies and their directory
contacts), ``exports`` (products, recorded exports, the top-10 exporters of a year),
``sheets`` (a company with its products and exports in one transaction),
``regions`` (regions within a country), ``targets`` (target markets with their people and
supplying companies, the filtered list) and ``atlas`` (the map's shapes, per-country
colouring data, a country's market card).  This package re-exports their public functions.

Every public function takes the ``Database`` first and keyword-only arguments, runs one
transaction and returns core objects (``core.markets``), never ORM rows.
"""

from __future__ import annotations

from qazvin_diplomacy.services.markets.atlas import (
    CountryCard,
    CountryShape,
    atlas_entries,
    country_card,
    country_names,
    world_shapes,
)
from qazvin_diplomacy.services.markets.companies import (
    archive_company,
    count_companies,
    get_company,
    list_companies,
    save_company,
)
from qazvin_diplomacy.services.markets.exports import (
    archive_product,
    delete_export,
    export_years,
    list_exports,
    list_products,
    save_export,
    save_product,
    top_exporters,
)
from qazvin_diplomacy.services.markets.regions import (
    archive_region,
    get_region,
    list_regions,
    save_region,
)
from qazvin_diplomacy.services.markets.sheets import save_company_sheet
from qazvin_diplomacy.services.markets.targets import (
    MARKET_SORT_KEYS,
    archive_market,
    count_markets,
    get_market,
    list_markets,
    market_labels,
    save_market,
)

__all__ = [
    "MARKET_SORT_KEYS",
    "CountryCard",
    "CountryShape",
    "archive_company",
    "archive_market",
    "archive_product",
    "archive_region",
    "atlas_entries",
    "count_companies",
    "count_markets",
    "country_card",
    "country_names",
    "delete_export",
    "export_years",
    "get_company",
    "get_market",
    "get_region",
    "list_companies",
    "list_exports",
    "list_markets",
    "list_products",
    "list_regions",
    "market_labels",
    "save_company",
    "save_company_sheet",
    "save_export",
    "save_market",
    "save_product",
    "save_region",
    "top_exporters",
    "world_shapes",
]
