"""Yearly Jalali recurrence rules, across leap years (1403 and 1408 leap, 1404 and 1405 not)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qazvin_diplomacy.core.jalali import (
    from_jalali,
    is_leap,
    jalali_weekday,
    to_jalali,
)
from qazvin_diplomacy.core.recurrence import (
    PANJAH_BEDAR,
    RecurrenceError,
    RecurrenceKind,
    RecurrenceRule,
    describe_rule,
    occurrence,
    occurrence_after,
    rule_from_date,
    validate_rule,
)


def test_the_calendar_facts_the_tests_rely_on() -> None:
    assert is_leap(1403) and is_leap(1408)
    assert not is_leap(1404) and not is_leap(1405)


@pytest.mark.parametrize(
    ("year", "gregorian"),
    [
        (1403, date(2024, 5, 8)),
        (1404, date(2025, 5, 9)),
        (1405, date(2026, 5, 9)),
        (1408, date(2029, 5, 8)),
    ],
)
def test_panjah_bedar_is_19_ordibehesht_every_year(year: int, gregorian: date) -> None:
    assert occurrence(PANJAH_BEDAR, year) == gregorian
    assert to_jalali(gregorian) == (year, 2, 19)


def test_day_366_exists_only_in_leap_years() -> None:
    rule = RecurrenceRule(RecurrenceKind.DAY_OF_YEAR, day=366)
    assert to_jalali(occurrence(rule, 1403)) == (1403, 12, 30)
    assert to_jalali(occurrence(rule, 1408)) == (1408, 12, 30)
    with pytest.raises(RecurrenceError, match="کبیسه نیست") as caught:
        occurrence(rule, 1404)
    assert isinstance(caught.value, ValueError)
    assert "۱۴۰۴" in caught.value.message


def test_30_esfand_in_a_common_year_has_no_date() -> None:
    rule = RecurrenceRule(RecurrenceKind.DAY_OF_MONTH, day=30, month=12)
    assert occurrence(rule, 1403) == from_jalali(1403, 12, 30)
    with pytest.raises(ValueError, match="اسفند"):
        occurrence(rule, 1405)
    # The day before is fine every year.
    last_common = RecurrenceRule(RecurrenceKind.DAY_OF_MONTH, day=29, month=12)
    assert occurrence(last_common, 1405) == from_jalali(1405, 12, 29)


def test_day_31_of_esfand_never_exists() -> None:
    rule = RecurrenceRule(RecurrenceKind.DAY_OF_MONTH, day=31, month=12)
    errors = validate_rule(rule)
    assert "day" in errors and "هیچ" in errors["day"]
    for year in (1403, 1404):
        with pytest.raises(RecurrenceError, match="هیچ"):
            occurrence(rule, year)


@pytest.mark.parametrize(
    "rule",
    [
        RecurrenceRule(RecurrenceKind.DAY_OF_YEAR, day=0),
        RecurrenceRule(RecurrenceKind.DAY_OF_YEAR, day=367),
        RecurrenceRule(RecurrenceKind.DAY_OF_MONTH, day=31, month=7),
        RecurrenceRule(RecurrenceKind.DAY_OF_MONTH, day=1, month=13),
        RecurrenceRule(RecurrenceKind.NTH_WEEKDAY, month=1, weekday=7, nth=1),
        RecurrenceRule(RecurrenceKind.NTH_WEEKDAY, month=1, weekday=0, nth=6),
        RecurrenceRule(RecurrenceKind.NTH_WEEKDAY, month=1, weekday=0, nth=0),
    ],
)
def test_malformed_rules_are_refused(rule: RecurrenceRule) -> None:
    assert validate_rule(rule)
    with pytest.raises(RecurrenceError):
        occurrence(rule, 1404)


def test_nth_weekday_and_last() -> None:
    # The first Saturday of Mehr 1404: 1 Mehr 1404 is a Wednesday (23 Sep 2025) → 5 Mehr.
    first_saturday = RecurrenceRule(RecurrenceKind.NTH_WEEKDAY, month=7, weekday=0, nth=1)
    d = occurrence(first_saturday, 1404)
    assert to_jalali(d) == (1404, 7, 5) and jalali_weekday(d) == 0
    last_friday_esfand = RecurrenceRule(RecurrenceKind.NTH_WEEKDAY, month=12, weekday=6, nth=-1)
    for year in (1403, 1404, 1408):
        d = occurrence(last_friday_esfand, year)
        assert jalali_weekday(d) == 6 and to_jalali(d)[1] == 12
        assert to_jalali(d + timedelta(days=7))[1] == 1  # no later Friday in Esfand


def test_a_fifth_weekday_missing_in_some_years() -> None:
    rule = RecurrenceRule(RecurrenceKind.NTH_WEEKDAY, month=7, weekday=6, nth=5)
    assert to_jalali(occurrence(rule, 1406)) == (1406, 7, 30)
    with pytest.raises(RecurrenceError, match="جمعه"):
        occurrence(rule, 1404)


def test_occurrence_after_gives_next_years_edition() -> None:
    this_year = from_jalali(1404, 2, 19)
    assert occurrence_after(PANJAH_BEDAR, this_year) == from_jalali(1405, 2, 19)
    leap_rule = RecurrenceRule(RecurrenceKind.DAY_OF_YEAR, day=366)
    assert occurrence_after(leap_rule, from_jalali(1407, 5, 1)) == from_jalali(1408, 12, 30)
    with pytest.raises(RecurrenceError):
        occurrence_after(leap_rule, from_jalali(1403, 12, 30))


def test_describe_rule() -> None:
    assert "۵۰" in describe_rule(PANJAH_BEDAR)
    assert describe_rule(PANJAH_BEDAR, "en") == "Day 50 of the Jalali year"
    rule = RecurrenceRule(RecurrenceKind.NTH_WEEKDAY, month=7, weekday=0, nth=-1)
    assert describe_rule(rule) == "شنبه آخر مهر"


@given(
    st.dates(min_value=from_jalali(1380, 1, 1), max_value=from_jalali(1470, 12, 29)),
    st.sampled_from(list(RecurrenceKind)),
)
def test_a_rule_made_from_a_date_gives_that_date_back(d: date, kind: RecurrenceKind) -> None:
    rule = rule_from_date(d, kind)
    assert not validate_rule(rule)
    assert occurrence(rule, to_jalali(d)[0]) == d
