"""core.tabular's export helpers: labels in both languages, counts, Jalali text, formula checks."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime
from importlib.resources import files

from qazvin_diplomacy.core.directory import DiplomaticRank, OrganizationKind
from qazvin_diplomacy.core.followups import SOURCE_KIND_FA, FollowUpStatus
from qazvin_diplomacy.core.tabular import (
    followup_status_label,
    format_count,
    is_formula_like,
    jalali_text,
    org_kind_label,
    parse_contact_row,
    rank_label,
    region_label,
    source_kind_label,
    yes_no,
)


def test_format_count_uses_the_persian_thousands_separator() -> None:
    assert format_count(20_000) == "۲۰٬۰۰۰"
    assert format_count(1_234_567) == "۱٬۲۳۴٬۵۶۷" and format_count(999) == "۹۹۹"
    assert format_count(20_000, "en") == "20,000"


def test_jalali_text_digits_and_time() -> None:
    moment = datetime(2025, 10, 1, 6, 0, tzinfo=UTC)  # 09:30 in Tehran
    assert jalali_text(moment) == "۱۴۰۴/۰۷/۰۹"
    assert jalali_text(moment, with_time=True) == "۱۴۰۴/۰۷/۰۹ ۰۹:۳۰"
    assert jalali_text(moment, digits="latin", with_time=True) == "1404/07/09 09:30"
    assert jalali_text(date(2025, 10, 5), digits="latin") == "1404/07/13"
    assert jalali_text(date(2025, 10, 5), with_time=True) == "۱۴۰۴/۰۷/۱۳"  # a date has no time
    assert jalali_text(None, with_time=True) == ""


def test_every_enumerated_value_has_both_labels() -> None:
    for rank in DiplomaticRank:
        assert rank_label(rank.value) == rank.label_fa
        assert rank_label(rank.value, "en") not in ("", rank.value, rank.label_fa)
    for kind in OrganizationKind:
        assert org_kind_label(kind.value) == kind.label_fa
        assert org_kind_label(kind.value, "en") not in ("", kind.value, kind.label_fa)
    for status in FollowUpStatus:
        assert followup_status_label(status.value) == status.label_fa
        assert followup_status_label(status.value, "en") not in ("", status.value)
    for source in SOURCE_KIND_FA:
        assert source_kind_label(source) == SOURCE_KIND_FA[source]
        assert source_kind_label(source, "en") not in ("", SOURCE_KIND_FA[source]) or not source
    regions = {r["region"] for r in csv.DictReader(_countries_csv().splitlines())}
    for region in regions:
        assert region_label(region) != region and region_label(region, "en") != region
    assert region_label("latin_america") == "آمریکای لاتین"
    assert region_label("latin_america", "en") == "Latin America"


def test_unknown_values_are_shown_as_stored() -> None:
    assert rank_label("") == "" and rank_label(None) == "" and rank_label("pope") == "pope"
    assert org_kind_label("guild", "en") == "guild" and region_label("moon", "en") == "moon"
    assert followup_status_label("stuck") == "stuck" and source_kind_label("call", "en") == "call"
    assert (yes_no(True), yes_no(False), yes_no(True, "en"), yes_no(False, "en")) == (
        "بله",
        "خیر",
        "Yes",
        "No",
    )


def test_english_rank_labels_are_read_back_by_the_import() -> None:
    for rank in DiplomaticRank:
        row, issues = parse_contact_row(
            2, {"name": "Ana Silva", "diplomatic_rank": rank_label(rank.value, "en")}
        )
        assert issues == [] and row is not None and row.diplomatic_rank == rank.value


def test_formula_like() -> None:
    for text in ("=1+1", "+98 21", "-x", "@a", "\tx", "\rx"):
        assert is_formula_like(text)
    for text in ("", "سلام", "a=b", "'=x", " =x"):
        assert not is_formula_like(text)


def _countries_csv() -> str:
    return files("qazvin_diplomacy.data").joinpath("countries.csv").read_text("utf-8")
