"""Target market rules: the top-10 exporters (ties, gaps) and a region within its country."""

from __future__ import annotations

import pytest

from qazvin_diplomacy.core.errors import ValidationError
from qazvin_diplomacy.core.markets import (
    ExportInput,
    ExportTotal,
    MarketInput,
    MarketPriority,
    MarketStatus,
    rank_exporters,
    validate_export,
    validate_market,
)

NAMES = {i: (f"شرکت {i}", f"Company {i}") for i in range(1, 20)}


def test_ties_share_a_rank_and_the_next_rank_skips() -> None:
    totals = [
        ExportTotal(1, 1404, 900),
        ExportTotal(2, 1404, 700),
        ExportTotal(3, 1404, 700),
        ExportTotal(4, 1404, 500),
    ]
    top = rank_exporters(totals, NAMES, 1404, n=10)
    assert [(r.company_id, r.rank, r.tied) for r in top.ranks] == [
        (1, 1, False),
        (2, 2, True),
        (3, 2, True),
        (4, 4, False),
    ]


def test_a_tie_at_the_cut_off_keeps_every_tied_company() -> None:
    totals = [ExportTotal(i, 1404, 1000 - i) for i in range(1, 10)]  # ranks 1..9
    totals += [ExportTotal(10, 1404, 50), ExportTotal(11, 1404, 50), ExportTotal(12, 1404, 10)]
    top = rank_exporters(totals, NAMES, 1404, n=10)
    assert [r.company_id for r in top.ranks][-2:] == [10, 11]
    assert [r.rank for r in top.ranks][-2:] == [10, 10]
    assert len(top.ranks) == 11
    assert 12 not in {r.company_id for r in top.ranks}


def test_missing_year_is_shown_not_counted_as_zero() -> None:
    totals = [
        ExportTotal(1, 1403, 400),
        ExportTotal(1, 1404, 500),
        ExportTotal(2, 1403, 900),  # reported last year, nothing yet this year
        ExportTotal(3, 1404, 100),  # new this year: no previous value
        ExportTotal(4, 1401, 300),  # an older exporter is not listed as missing
    ]
    top = rank_exporters(totals, NAMES, 1404)
    assert [r.company_id for r in top.ranks] == [1, 3]
    assert top.ranks[0].previous_usd == 400
    assert top.ranks[1].previous_usd is None
    assert [(m.company_id, m.last_year, m.last_usd) for m in top.missing] == [(2, 1403, 900)]
    assert top.years_recorded == (1401, 1403, 1404)


def test_a_year_without_records_has_no_ranks() -> None:
    top = rank_exporters([ExportTotal(1, 1403, 5)], NAMES, 1404)
    assert not top.has_data
    assert [m.company_id for m in top.missing] == [1]


def _market(**kw: object) -> MarketInput:
    base: dict[str, object] = {"country_id": 1, "sector": "food"}
    base.update(kw)
    return MarketInput(**base)  # type: ignore[arg-type]


def test_a_region_must_belong_to_the_market_country() -> None:
    validate_market(_market(region_id=5), region_country_id=1)
    with pytest.raises(ValidationError) as refused:
        validate_market(_market(region_id=5), region_country_id=2)
    assert refused.value.field == "region_id"
    with pytest.raises(ValidationError) as export_refused:
        validate_export(
            ExportInput(company_id=1, country_id=1, year=1404, value_usd=10, region_id=5),
            region_country_id=2,
        )
    assert set(export_refused.value.errors) == {"region_id"}


def test_a_market_needs_a_product_or_sector_and_priority_one_to_three() -> None:
    with pytest.raises(ValidationError) as refused:
        validate_market(_market(sector="", priority=4, status="won"))
    assert set(refused.value.errors) == {"product_id", "priority", "status"}
    validate_market(_market(sector="", product_id=3, priority=3))


def test_priority_and_status_labels() -> None:
    assert MarketPriority(1).label_fa.startswith("اولویت ۱")
    assert MarketStatus.find("تثبیت‌شده") is MarketStatus.ESTABLISHED
    assert MarketStatus.label_of("active", "en") == "Active"


def test_an_export_year_and_value_are_checked() -> None:
    with pytest.raises(ValidationError) as refused:
        validate_export(ExportInput(company_id=None, country_id=1, year=2025, value_usd=-1))
    assert set(refused.value.errors) == {"company_id", "year", "value_usd"}


def test_a_title_suggests_the_role_in_a_market() -> None:
    from qazvin_diplomacy.core.markets import MarketPersonRole, suggest_person_role

    assert suggest_person_role("رایزن اقتصادی سفارت عراق") is MarketPersonRole.COUNSELLOR
    assert suggest_person_role("", "Ambassador of Belarus") is MarketPersonRole.AMBASSADOR
    assert suggest_person_role("والی هرات") is MarketPersonRole.OFFICIAL
    assert suggest_person_role("") is MarketPersonRole.KEY_CONTACT
