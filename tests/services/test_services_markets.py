"""Target markets services: regions within countries, markets, exports, top-10, atlas, search."""

from __future__ import annotations

import pytest

from qazvin_diplomacy.core.directory import PersonInput
from qazvin_diplomacy.core.errors import ValidationError
from qazvin_diplomacy.core.markets import (
    CompanyInput,
    ExportInput,
    MarketFilter,
    MarketInput,
    ProductInput,
    RegionInput,
)
from qazvin_diplomacy.services import directory
from qazvin_diplomacy.services import markets as m
from qazvin_diplomacy.services.search import search
from qazvin_diplomacy.services.search_upkeep import search_index_problems


def _country(db, code: str) -> int:
    found = directory.country_by_code(db, code)
    assert found is not None
    return found.id


@pytest.fixture
def base(db) -> dict[str, int]:
    """Iraq with Kurdistan, Tajikistan, two companies with a product each, a contact."""
    iq, tj = _country(db, "IQ"), _country(db, "TJ")
    krg = m.save_region(db, region=RegionInput(iq, "اقلیم کردستان عراق", "Kurdistan Region")).id
    a = m.save_company(db, company=CompanyInput("صنایع شوینده نیلوفرپاک", sector="detergents")).id
    b = m.save_company(db, company=CompanyInput("صنایع غذایی نگین دشت", sector="food")).id
    powder = m.save_product(db, product=ProductInput(a, "پودر شوینده", "Washing powder")).id
    paste = m.save_product(db, product=ProductInput(b, "رب گوجه‌فرنگی", sector="food")).id
    person = directory.save_person(
        db, person=PersonInput(name_fa="کاروان هورامی", name_en="Karwan Hawrami")
    ).id
    return {"iq": iq, "tj": tj, "krg": krg, "a": a, "b": b, "powder": powder, "paste": paste,
            "person": person}  # fmt: skip


def test_a_market_region_must_be_in_its_country(db, base) -> None:
    with pytest.raises(ValidationError) as refused:
        m.save_market(
            db, market=MarketInput(country_id=base["tj"], region_id=base["krg"], sector="food")
        )
    assert refused.value.field == "region_id"
    assert m.count_markets(db) == 0
    saved = m.save_market(
        db,
        market=MarketInput(
            country_id=base["iq"],
            region_id=base["krg"],
            product_id=base["powder"],
            priority=1,
            people=((base["person"], "official"),),
            company_ids=(base["a"],),
        ),
    )
    assert saved.place_fa() == "عراق — اقلیم کردستان عراق"
    assert saved.person_rows[0].name_fa == "کاروان هورامی"
    assert saved.company_names_fa == ("صنایع شوینده نیلوفرپاک",)


def test_an_export_region_must_be_in_its_country(db, base) -> None:
    with pytest.raises(ValidationError) as refused:
        m.save_export(
            db,
            export=ExportInput(base["a"], base["tj"], 1404, 1000, region_id=base["krg"]),
        )
    assert refused.value.field == "region_id"
    assert m.list_exports(db) == []


def test_region_names_are_unique_within_a_country_only(db, base) -> None:
    with pytest.raises(ValidationError):
        m.save_region(db, region=RegionInput(base["iq"], "اقلیم كردستان عراق"))  # Arabic Kaf
    other = m.save_region(db, region=RegionInput(base["tj"], "اقلیم کردستان عراق"))
    assert other.country_id == base["tj"]


def test_a_used_region_cannot_move_to_another_country(db, base) -> None:
    m.save_market(db, market=MarketInput(base["iq"], region_id=base["krg"], sector="food"))
    region = m.get_region(db, region_id=base["krg"])
    with pytest.raises(ValidationError) as refused:
        m.save_region(
            db,
            region=RegionInput(base["tj"], region.name_fa, id=region.id, version=region.version),
        )
    assert refused.value.field == "country_id"
    assert m.get_region(db, region_id=base["krg"]).country_id == base["iq"]


def test_list_filters_product_priority_region_status(db, base) -> None:
    m.save_market(db, market=MarketInput(base["iq"], region_id=base["krg"],
                                         product_id=base["powder"], priority=1, status="active"))  # fmt: skip
    m.save_market(db, market=MarketInput(base["iq"], product_id=base["paste"], priority=2))
    m.save_market(db, market=MarketInput(base["tj"], sector="machinery", priority=3))
    assert m.count_markets(db) == 3
    assert len(m.list_markets(db, filters=MarketFilter(product_id=base["paste"]))) == 1
    assert len(m.list_markets(db, filters=MarketFilter(region_id=base["krg"]))) == 1
    assert len(m.list_markets(db, filters=MarketFilter(priority=3))) == 1
    assert len(m.list_markets(db, filters=MarketFilter(status="active"))) == 1
    assert len(m.list_markets(db, filters=MarketFilter(sector="food"))) == 1  # via the product
    assert [v.priority for v in m.list_markets(db, sort="priority", descending=True)] == [3, 2, 1]
    assert len(m.list_markets(db, filters=MarketFilter(text="کردستان"))) == 1


def test_top_exporters_from_the_database_with_a_tie_and_a_missing_year(db, base) -> None:
    c = m.save_company(db, company=CompanyInput("سیمان آبیک", sector="building")).id
    for company, country, year, usd in (
        (base["a"], base["iq"], 1404, 600), (base["a"], base["tj"], 1404, 400),
        (base["b"], base["iq"], 1404, 1000), (c, base["iq"], 1403, 700),
        (base["a"], base["iq"], 1403, 300),
    ):  # fmt: skip
        m.save_export(db, export=ExportInput(company, country, year, usd))
    top = m.top_exporters(db, year=1404)
    assert sorted((r.rank, r.company_id, r.total_usd, r.tied) for r in top.ranks) == sorted(
        [(1, base["a"], 1000, True), (1, base["b"], 1000, True)]
    )
    a_row = next(r for r in top.ranks if r.company_id == base["a"])
    assert a_row.destinations == 2 and a_row.previous_usd == 300
    assert [x.company_id for x in top.missing] == [c]
    assert m.export_years(db) == [1404, 1403]


def test_atlas_colouring_data(db, base) -> None:
    m.save_market(db, market=MarketInput(base["iq"], sector="food", priority=2))
    m.save_market(
        db, market=MarketInput(base["iq"], region_id=base["krg"], sector="food", priority=1)
    )
    m.save_market(db, market=MarketInput(base["tj"], sector="machinery", priority=3))
    m.save_export(db, export=ExportInput(base["a"], base["iq"], 1404, 250))
    m.save_export(db, export=ExportInput(base["b"], base["iq"], 1404, 750))
    m.save_export(db, export=ExportInput(base["b"], _country(db, "RU"), 1403, 90))
    entries = m.atlas_entries(db, year=1404)
    assert set(entries) == {"IQ", "TJ"}
    assert (entries["IQ"].priority, entries["IQ"].market_count) == (1, 2)
    assert (entries["IQ"].export_usd, entries["IQ"].export_records) == (1000, 2)
    assert entries["TJ"].export_records == 0
    assert m.atlas_entries(db, year=1403)["RU"].export_usd == 90
    assert set(m.atlas_entries(db, year=1404, filters=MarketFilter(sector="machinery"))) == {
        "TJ",
        "IQ",  # Iraq stays for its exports, without a priority
    }
    assert (
        m.atlas_entries(db, year=1404, filters=MarketFilter(sector="machinery"))["IQ"].priority
        is None
    )
    world = {s.iso2 for s in m.world_shapes()}
    assert {"IQ", "TJ", "AF", "BY", "RU", "IR"} <= world


def test_country_card_gathers_markets_people_and_exports(db, base) -> None:
    m.save_market(db, market=MarketInput(base["iq"], region_id=base["krg"], sector="detergents",
                                         people=((base["person"], "official"),),
                                         company_ids=(base["a"],), demand_notes="تقاضای شوینده"))  # fmt: skip
    m.save_export(db, export=ExportInput(base["a"], base["iq"], 1404, 250))
    card = m.country_card(db, country_id=base["iq"], year=1404)
    assert card.name_fa == "عراق"
    assert card.markets[0].demand_notes == "تقاضای شوینده"
    assert card.exports == (("صنایع شوینده نیلوفرپاک", 250),)


def test_search_finds_companies_products_markets_and_regions(db, base) -> None:
    m.save_market(db, market=MarketInput(base["iq"], region_id=base["krg"], product_id=base["powder"],
                                         people=((base["person"], "official"),)))  # fmt: skip
    kinds = {g.kind for g in search(db, "نیلوفرپاک").groups}
    assert {"company", "product"} <= kinds
    assert {"market", "region"} <= {g.kind for g in search(db, "کردستان").groups}
    assert "market" in {g.kind for g in search(db, "هورامی").groups}  # by its key person
    m.archive_company(db, company_id=base["a"])
    assert "company" not in {g.kind for g in search(db, "نیلوفرپاک").groups}
    assert search_index_problems(db) == []


def test_company_sheet_is_saved_whole_or_not_at_all(db, base) -> None:
    company = CompanyInput("لبنیات بهنوش دشت", sector="food")
    bad = ExportInput(None, base["tj"], 1404, 100, region_id=base["krg"])  # Kurdistan ≠ Tajikistan
    with pytest.raises(ValidationError) as refused:
        m.save_company_sheet(
            db,
            company=company,
            products=(ProductInput(None, "پنیر"),),
            exports=(ExportInput(None, base["iq"], 1404, 900), bad),
        )
    assert set(refused.value.errors) == {"exports.1.region_id"}
    assert m.count_companies(db, text="بهنوش") == 0
    saved = m.save_company_sheet(
        db,
        company=company,
        products=(ProductInput(None, "پنیر"), ProductInput(None, "ماست")),
        exports=(ExportInput(None, base["iq"], 1404, 900), ExportInput(None, base["tj"], 1403, 50)),
    )
    assert saved.product_count == 2
    exports = m.list_exports(db, company_id=saved.id)
    assert sorted(e.value_usd for e in exports) == [50, 900]
    keep = next(e for e in exports if e.value_usd == 900)
    cheese = next(p for p in m.list_products(db, company_id=saved.id) if p.name_fa == "پنیر")
    again = m.save_company_sheet(
        db,
        company=CompanyInput(saved.name_fa, sector="food", id=saved.id, version=saved.version),
        products=(ProductInput(saved.id, "پنیر", id=cheese.id, version=cheese.version),),
        exports=(ExportInput(saved.id, base["iq"], 1404, 950, id=keep.id, version=keep.version),),
    )
    assert again.product_count == 1
    assert [e.value_usd for e in m.list_exports(db, company_id=saved.id)] == [950]
    assert "company" not in {g.kind for g in search(db, "ماست").groups}  # archived product
