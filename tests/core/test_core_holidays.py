"""Lunar holidays: tabular Hijri conversion, anchors, the year's list, Imam Reza's rule."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qazvin_diplomacy.core.holidays import (
    LUNAR_HOLIDAYS,
    all_official_holidays,
    hijri_days_in_month,
    hijri_is_leap,
    hijri_to_date,
    holiday_on,
    jalali_year_range,
    lunar_holidays,
    to_hijri,
    years_between,
)
from qazvin_diplomacy.core.jalali import MAX_YEAR, MIN_YEAR, from_jalali, to_jalali


def test_exact_anchors_of_the_arithmetic_calendar() -> None:
    # Epoch: 1 Muharram 1 AH = Friday 16 July 622 Julian = 19 July 622 proleptic Gregorian.
    assert hijri_to_date(1, 1, 1) == dt.date(622, 7, 19)
    assert hijri_to_date(1, 1, 1).weekday() == 4  # Friday
    # Sample dates of Reingold & Dershowitz, "Calendrical Calculations" (arithmetic Islamic).
    assert to_hijri(dt.date(1945, 11, 12)) == (1364, 12, 6)
    assert to_hijri(dt.date.fromordinal(601716)) == (1058, 5, 18)
    assert hijri_to_date(1447, 1, 1) == dt.date(2025, 6, 27)


@pytest.mark.parametrize(
    ("hijri", "observed"),
    [
        # Observed in Iran / announced (the tabular date may differ by one day).
        ((1447, 1, 1), dt.date(2025, 6, 27)),  # 1 Muharram 1447 (Saudi 26 June)
        ((1446, 10, 1), dt.date(2025, 3, 31)),  # Eid al-Fitr 1446 (Iran 31 March)
        ((1447, 1, 10), dt.date(2025, 7, 6)),  # Ashura 1447 = 15 Tir 1404
        ((1445, 12, 10), dt.date(2024, 6, 17)),  # Eid al-Adha 1445
        ((1445, 9, 1), dt.date(2024, 3, 12)),  # 1 Ramadan 1445 in Iran
    ],
)
def test_tabular_dates_are_within_one_day_of_observed(hijri, observed) -> None:
    assert abs((hijri_to_date(*hijri) - observed).days) <= 1


def test_month_lengths_and_leap_years() -> None:
    leaps = [y for y in range(1, 31) if hijri_is_leap(y)]
    assert leaps == [2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29]
    assert hijri_days_in_month(1446, 1) == 30 and hijri_days_in_month(1446, 2) == 29
    assert hijri_days_in_month(1445, 12) == (30 if hijri_is_leap(1445) else 29)
    for year in (1445, 1446, 1447):
        length = (hijri_to_date(year + 1, 1, 1) - hijri_to_date(year, 1, 1)).days
        assert length == (355 if hijri_is_leap(year) else 354)
    with pytest.raises(ValueError):
        hijri_to_date(1446, 2, 30)  # tabular Safar has 29 days
    with pytest.raises(ValueError):
        hijri_to_date(1446, 13, 1)


@given(st.dates(min_value=dt.date(700, 1, 1), max_value=dt.date(2200, 12, 31)))
def test_round_trip_from_gregorian(d: dt.date) -> None:
    assert hijri_to_date(*to_hijri(d)) == d


@given(
    st.integers(min_value=1, max_value=1700),
    st.integers(min_value=1, max_value=12),
    st.integers(min_value=1, max_value=30),
)
def test_round_trip_from_hijri(year: int, month: int, day: int) -> None:
    day = min(day, hijri_days_in_month(year, month))
    assert to_hijri(hijri_to_date(year, month, day)) == (year, month, day)


def test_lunar_holidays_of_1404() -> None:
    found = lunar_holidays(1404)
    assert all(h.approximate and h.kind == "lunar" for h in found)
    assert [h.date for h in found] == sorted(h.date for h in found)
    by_key = {(h.key, h.occurrence): h for h in found}
    ashura = by_key[("ashura", 1)]
    assert ashura.date == from_jalali(1404, 4, 15) and ashura.name_fa == "عاشورای حسینی"
    assert by_key[("tasua", 1)].date == from_jalali(1404, 4, 14)
    # 21 Ramadan 1446 falls on 1 Farvardin, 21 Ramadan 1447 again on 19 Esfand: twice.
    assert by_key[("imam_ali_martyrdom", 1)].date == from_jalali(1404, 1, 1)
    assert by_key[("imam_ali_martyrdom", 2)].date == from_jalali(1404, 12, 19)
    assert by_key[("eid_fitr_1", 2)].date == from_jalali(1404, 12, 29)
    counts = Counter(h.key for h in found)
    assert set(counts) == {h.key for h in LUNAR_HOLIDAYS}
    assert len(found) == 19


def test_imam_reza_is_the_day_before_rabi_al_awwal() -> None:
    for year in range(1400, 1420):
        for h in lunar_holidays(year):
            if h.key == "imam_reza":
                assert to_hijri(h.date)[1:] == (2, 29)
                assert to_hijri(h.date + dt.timedelta(days=1))[1:] == (3, 1)


def test_every_holiday_every_year_exactly_once_or_twice() -> None:
    for year in range(MIN_YEAR, MAX_YEAR + 1):
        first, last = jalali_year_range(year)
        found = lunar_holidays(year)
        assert all(first <= h.date <= last for h in found)
        counts = Counter(h.key for h in found)
        assert set(counts) == {h.key for h in LUNAR_HOLIDAYS}, year
        assert set(counts.values()) <= {1, 2}
        for key in counts:
            assert [h.occurrence for h in found if h.key == key] == list(range(1, counts[key] + 1))


def test_all_official_holidays_put_fixed_first_on_a_shared_day() -> None:
    # 2 Shawwal 1447 (tabular) is 1 Farvardin 1405, Nowruz.
    everything = all_official_holidays(1405)
    nowruz = from_jalali(1405, 1, 1)
    same_day = [h for h in everything if h.date == nowruz]
    assert [h.kind for h in same_day] == ["fixed", "lunar"]
    assert holiday_on(nowruz, everything).key == "nowruz_1"
    assert holiday_on(nowruz + dt.timedelta(days=4), everything) is None


def test_years_between_clips_to_the_app_range() -> None:
    assert list(years_between(from_jalali(1403, 12, 1), from_jalali(1405, 1, 5))) == [
        1403,
        1404,
        1405,
    ]
    assert to_jalali(jalali_year_range(1403)[1]) == (1403, 12, 30)  # 1403 is leap
    assert list(years_between(dt.date(1900, 1, 1), dt.date(1921, 3, 1))) == []
