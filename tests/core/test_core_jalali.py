"""Tests for qazvin_diplomacy.core.jalali: conversion, parsing, formatting, calendar, holidays."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qazvin_diplomacy.core import jalali as J
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.jalali import (
    MAX_YEAR,
    MIN_YEAR,
    MONTH_NAMES_EN,
    MONTH_NAMES_FA,
    WEEKDAY_NAMES_EN,
    WEEKDAY_NAMES_FA,
    Holiday,
    JalaliDateError,
    add_jalali_months,
    date_from_day_of_year,
    day_of_year,
    days_in_month,
    fixed_holidays,
    format_gregorian,
    format_jalali,
    format_jalali_datetime,
    format_time,
    from_jalali,
    holiday_name,
    is_friday,
    is_holiday,
    is_leap,
    is_off_day,
    jalali_weekday,
    month_grid,
    month_range,
    official_fixed_holidays,
    parse_jalali,
    parse_jalali_datetime,
    parse_time,
    to_jalali,
    week_range,
)

FIRST_DAY = dt.date(1921, 3, 21)  # 1 Farvardin 1300
LAST_DAY = dt.date(2121, 3, 20)  # 29 Esfand 1499 (1499 is a common year)

# Leap years 1206–1498 as the 33-year arithmetic rule gives them (year % 33 in
# {1, 5, 9, 13, 17, 22, 26, 30}).  Written out rather than recomputed so that a change of
# rule or library shows up here.  This is the rule jdatetime uses and the one the brief
# states matches the official calendar of the University of Tehran's calendar centre for
# 1206–1498; test_core_jalali_equinox.py checks the list independently against the
# astronomical definition of the calendar (vernal equinox before/after noon, Tehran time).
OFFICIAL_LEAP_YEARS_1206_1498 = frozenset(
    {
        1210, 1214, 1218, 1222, 1226, 1230, 1234, 1238, 1243, 1247, 1251, 1255, 1259, 1263, 1267, 1271,
        1276, 1280, 1284, 1288, 1292, 1296, 1300, 1304, 1309, 1313, 1317, 1321, 1325, 1329, 1333, 1337,
        1342, 1346, 1350, 1354, 1358, 1362, 1366, 1370, 1375, 1379, 1383, 1387, 1391, 1395, 1399, 1403,
        1408, 1412, 1416, 1420, 1424, 1428, 1432, 1436, 1441, 1445, 1449, 1453, 1457, 1461, 1465, 1469,
        1474, 1478, 1482, 1486, 1490, 1494, 1498,
    }
)  # fmt: skip


# --- leap years and month lengths ------------------------------------------------------


@pytest.mark.parametrize("year", [1403, 1408, 1436, 1469, 1399, 1370, 1375])
def test_leap_years(year: int) -> None:
    assert is_leap(year)
    assert days_in_month(year, 12) == 30


@pytest.mark.parametrize("year", [1404, 1437, 1470, 1400, 1402, 1499])
def test_common_years(year: int) -> None:
    assert not is_leap(year)
    assert days_in_month(year, 12) == 29


def test_leap_years_match_official_table_1206_1498() -> None:
    computed = {y for y in range(1206, 1499) if is_leap(y)}
    assert computed == OFFICIAL_LEAP_YEARS_1206_1498
    assert len(computed) == 71


def test_leap_rule_in_closed_form() -> None:
    # An equivalent statement of the 33-year rule: (25*y + 11) mod 33 < 8.
    for year in range(MIN_YEAR, MAX_YEAR + 1):
        assert is_leap(year) == ((25 * year + 11) % 33 < 8), year


def test_year_lengths_follow_from_leap_status() -> None:
    for year in range(MIN_YEAR, MAX_YEAR):
        length = (from_jalali(year + 1, 1, 1) - from_jalali(year, 1, 1)).days
        assert length == (366 if is_leap(year) else 365), year


def test_days_in_month() -> None:
    assert [days_in_month(1404, m) for m in range(1, 13)] == [31] * 6 + [30] * 5 + [29]
    assert days_in_month(1403, 12) == 30
    with pytest.raises(ValueError, match="ماه ۱۳"):
        days_in_month(1404, 13)


# --- conversion ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("jalali", "gregorian"),
    [
        ((1404, 8, 3), dt.date(2025, 10, 25)),
        ((1404, 1, 1), dt.date(2025, 3, 21)),
        ((1403, 1, 1), dt.date(2024, 3, 20)),
        ((1403, 12, 30), dt.date(2025, 3, 20)),
        ((1400, 1, 1), dt.date(2021, 3, 21)),
        ((1357, 11, 22), dt.date(1979, 2, 11)),
        ((1300, 1, 1), FIRST_DAY),
        ((1499, 12, 29), LAST_DAY),
    ],
)
def test_known_conversions(jalali: tuple[int, int, int], gregorian: dt.date) -> None:
    assert from_jalali(*jalali) == gregorian
    assert to_jalali(gregorian) == jalali


def test_to_jalali_accepts_datetime() -> None:
    assert to_jalali(dt.datetime(2025, 10, 25, 23, 59)) == (1404, 8, 3)


def test_every_day_in_range_converts_consistently() -> None:
    """Walk every day of 1300–1499: Jalali dates advance one day at a time and round-trip."""
    expected = (MIN_YEAR, 1, 1)
    day = FIRST_DAY
    count = 0
    while day <= LAST_DAY:
        assert to_jalali(day) == expected
        assert from_jalali(*expected) == day
        y, m, d = expected
        if d < days_in_month(y, m):
            expected = (y, m, d + 1)
        elif m < 12:
            expected = (y, m + 1, 1)
        else:
            expected = (y + 1, 1, 1)
        day += dt.timedelta(days=1)
        count += 1
    assert count == sum(366 if is_leap(y) else 365 for y in range(MIN_YEAR, MAX_YEAR + 1))


def test_day_of_year_and_panjah_bedar() -> None:
    panjah_bedar = from_jalali(1404, 2, 19)  # 19 Ordibehesht
    assert day_of_year(panjah_bedar) == 50
    assert date_from_day_of_year(1404, 50) == panjah_bedar
    assert day_of_year(from_jalali(1404, 1, 1)) == 1
    assert day_of_year(from_jalali(1404, 7, 1)) == 187
    assert day_of_year(from_jalali(1403, 12, 30)) == 366
    assert date_from_day_of_year(1403, 366) == from_jalali(1403, 12, 30)
    with pytest.raises(JalaliDateError, match="۳۶۵ روز"):
        date_from_day_of_year(1404, 366)


@given(st.dates(min_value=FIRST_DAY, max_value=LAST_DAY))
def test_day_of_year_round_trip(d: dt.date) -> None:
    assert date_from_day_of_year(to_jalali(d)[0], day_of_year(d)) == d


# --- parsing ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "1404/7/3",
        "۱۴۰۴/۰۷/۰۳",
        "1404-07-03",
        "١٤٠٤.٧.٣",
        "  1404 / 07 / 03  ",
        "۱۴۰۴-۷-۳",
        "1404.07.03",
        "\u200f۱۴۰۴/۰۷/۰۳\u200e",  # bidi marks left by copy-paste
        "۱۴۰۴/07/٠٣",  # mixed scripts
    ],
)
def test_parse_jalali_accepts(text: str) -> None:
    assert parse_jalali(text) == dt.date(2025, 9, 25)


def test_parse_leap_day() -> None:
    assert parse_jalali("1403/12/30") == dt.date(2025, 3, 20)
    assert parse_jalali("۱۴۰۴/۰۸/۰۳") == dt.date(2025, 10, 25)


@pytest.mark.parametrize(
    ("text", "fragments"),
    [
        ("", ["وارد نشده"]),
        ("   ", ["وارد نشده"]),
        ("abc", ["قابل فهم نیست", "سال/ماه/روز"]),
        ("1404/07", ["قابل فهم نیست"]),
        ("1404/07/03/01", ["قابل فهم نیست"]),
        ("1404 07 03", ["قابل فهم نیست"]),
        ("1404/007/03", ["قابل فهم نیست"]),
        ("04/07/03", ["چهاررقمی", "دورقمی"]),
        ("۰۴/۰۷/۰۳", ["چهاررقمی"]),
        ("3/7/1404", ["ترتیب"]),
        ("1299/12/29", ["۱۲۹۹", "۱۳۰۰", "۱۴۹۹"]),
        ("1500/01/01", ["۱۵۰۰", "خارج"]),
        ("1404/13/01", ["ماه ۱۳", "۱۲"]),
        ("1404/00/01", ["ماه ۰"]),
        ("1404/01/32", ["روز ۳۲", "۳۱"]),
        ("1404/01/00", ["روز ۰"]),
        ("1404/12/30", ["۱۴۰۴", "کبیسه نیست", "۲۹ روز"]),
        ("1404/07/31", ["مهر", "۳۰ روز"]),
        ("1404/11/31", ["بهمن", "۳۰ روز"]),
    ],
)
def test_parse_jalali_refuses_with_persian_message(text: str, fragments: list[str]) -> None:
    with pytest.raises(ValueError) as info:
        parse_jalali(text)
    message = str(info.value)
    for fragment in fragments:
        assert fragment in message
    assert isinstance(info.value, KnownError)
    assert info.value.message_en  # an English message exists for the English UI
    assert not any(c in message for c in "0123456789") or text.strip() in message


def test_from_jalali_raises_same_errors() -> None:
    with pytest.raises(ValueError, match="کبیسه نیست"):
        from_jalali(1404, 12, 30)
    with pytest.raises(ValueError, match="مهر"):
        from_jalali(1404, 7, 31)
    with pytest.raises(ValueError, match="خارج از بازه"):
        from_jalali(1299, 1, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9:30", dt.time(9, 30)),
        ("۰۹:۳۰", dt.time(9, 30)),
        ("21:05", dt.time(21, 5)),
        (" ٢١ : ٠٥ ", dt.time(21, 5)),
        ("0:00", dt.time(0, 0)),
        ("23:59:58", dt.time(23, 59, 58)),
    ],
)
def test_parse_time(text: str, expected: dt.time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("25:00", "ساعت ۲۵"),
        ("24:00", "ساعت ۲۴"),
        ("9:60", "دقیقهٔ ۶۰"),
        ("9:30:75", "ثانیهٔ ۷۵"),
        ("", "وارد نشده"),
        ("9.30pm", "قابل فهم نیست"),
        ("930", "قابل فهم نیست"),
    ],
)
def test_parse_time_refuses(text: str, fragment: str) -> None:
    with pytest.raises(ValueError, match=fragment):
        parse_time(text)


def test_parse_jalali_datetime() -> None:
    value = parse_jalali_datetime("۱۴۰۴/۰۸/۰۳", "۰۹:۳۰")
    assert value == dt.datetime(2025, 10, 25, 9, 30)
    assert value.tzinfo is None
    with pytest.raises(ValueError, match="ساعت ۲۵"):
        parse_jalali_datetime("1404/08/03", "25:00")
    with pytest.raises(ValueError, match="کبیسه"):
        parse_jalali_datetime("1404/12/30", "10:00")


# --- formatting ------------------------------------------------------------------------

SATURDAY = dt.date(2025, 10, 25)  # 1404/08/03


def test_format_jalali_variants() -> None:
    assert format_jalali(SATURDAY) == "۱۴۰۴/۰۸/۰۳"
    assert format_jalali(SATURDAY, digits="latin") == "1404/08/03"
    assert format_jalali(SATURDAY, long=True) == "۳ آبان ۱۴۰۴"
    assert format_jalali(SATURDAY, long=True, weekday=True) == "شنبه ۳ آبان ۱۴۰۴"
    assert format_jalali(SATURDAY, weekday=True) == "شنبه ۱۴۰۴/۰۸/۰۳"
    assert format_jalali(SATURDAY, long=True, weekday=True, lang="en", digits="latin") == (
        "Saturday 3 Aban 1404"
    )
    assert format_jalali(dt.datetime(2025, 10, 25, 23, 0)) == "۱۴۰۴/۰۸/۰۳"
    with pytest.raises(ValueError):
        format_jalali(SATURDAY, digits="roman")


def test_format_time_and_datetime() -> None:
    assert format_time(dt.time(9, 30)) == "۰۹:۳۰"
    assert format_time(dt.time(21, 5), digits="latin") == "21:05"
    assert format_time(dt.time(9, 30, 7), seconds=True) == "۰۹:۳۰:۰۷"
    assert format_jalali_datetime(dt.datetime(2025, 10, 25, 9, 30)) == "۱۴۰۴/۰۸/۰۳ ۰۹:۳۰"
    assert format_jalali_datetime(dt.datetime(2025, 10, 25, 9, 30), long=True, weekday=True) == (
        "شنبه ۳ آبان ۱۴۰۴ ۰۹:۳۰"
    )


def test_format_gregorian() -> None:
    assert format_gregorian(dt.date(2025, 10, 24)) == "24 October 2025"
    assert format_gregorian(dt.date(2025, 10, 24), weekday=True) == "Friday 24 October 2025"
    assert format_gregorian(dt.date(2025, 10, 24), "fa") == "۲۴ اکتبر ۲۰۲۵"
    assert format_gregorian(dt.datetime(2026, 1, 2, 8, 0)) == "2 January 2026"
    with pytest.raises(ValueError):
        format_gregorian(SATURDAY, "de")


@settings(max_examples=300)
@given(st.dates(min_value=FIRST_DAY, max_value=LAST_DAY))
def test_round_trip_properties(d: dt.date) -> None:
    assert from_jalali(*to_jalali(d)) == d
    assert parse_jalali(format_jalali(d)) == d
    assert parse_jalali(format_jalali(d, digits="latin")) == d
    assert parse_jalali(J.to_latin_digits(format_jalali(d)).replace("/", "-")) == d


@pytest.mark.slow
def test_parse_format_round_trip_every_day() -> None:
    day = FIRST_DAY
    while day <= LAST_DAY:
        assert parse_jalali(format_jalali(day)) == day
        assert parse_jalali(format_jalali(day, digits="latin")) == day
        day += dt.timedelta(days=1)


@given(st.times())
def test_time_round_trip(t: dt.time) -> None:
    assert parse_time(format_time(t, seconds=True)) == t.replace(microsecond=0)
    assert parse_time(format_time(t, digits="latin")) == t.replace(second=0, microsecond=0)


# --- names, weeks and months -----------------------------------------------------------


def test_names() -> None:
    assert MONTH_NAMES_FA[0] == "فروردین" and MONTH_NAMES_FA[-1] == "اسفند"
    assert MONTH_NAMES_EN[0] == "Farvardin" and MONTH_NAMES_EN[-1] == "Esfand"
    assert len(MONTH_NAMES_FA) == len(MONTH_NAMES_EN) == 12
    assert WEEKDAY_NAMES_FA[0] == "شنبه" and WEEKDAY_NAMES_FA[6] == "جمعه"
    assert WEEKDAY_NAMES_EN[0] == "Saturday" and WEEKDAY_NAMES_EN[6] == "Friday"


def test_weekday_saturday_first() -> None:
    assert jalali_weekday(SATURDAY) == 0
    assert jalali_weekday(dt.date(2025, 10, 24)) == 6  # Friday
    assert jalali_weekday(dt.date(2025, 10, 26)) == 1  # Sunday
    assert [jalali_weekday(SATURDAY + dt.timedelta(days=i)) for i in range(7)] == list(range(7))


def test_week_range() -> None:
    assert week_range(SATURDAY) == (SATURDAY, dt.date(2025, 10, 31))
    assert week_range(dt.date(2025, 10, 31)) == (SATURDAY, dt.date(2025, 10, 31))
    assert week_range(dt.date(2025, 10, 24)) == (dt.date(2025, 10, 18), dt.date(2025, 10, 24))


@given(st.dates(min_value=FIRST_DAY, max_value=LAST_DAY))
def test_week_range_properties(d: dt.date) -> None:
    start, end = week_range(d)
    assert start <= d <= end
    assert (end - start).days == 6
    assert jalali_weekday(start) == 0 and is_friday(end)


def test_month_range() -> None:
    assert month_range(1404, 8) == (dt.date(2025, 10, 23), dt.date(2025, 11, 21))
    assert month_range(1403, 12) == (dt.date(2025, 2, 19), dt.date(2025, 3, 20))
    assert month_range(1404, 12)[1] == dt.date(2026, 3, 20)


def test_month_grid_aban_1404() -> None:
    grid = month_grid(1404, 8)  # 1 Aban 1404 is a Thursday
    assert len(grid) == 5
    assert all(len(row) == 7 for row in grid)
    assert grid[0][:5] == [None] * 5
    assert grid[0][5] == dt.date(2025, 10, 23)
    assert grid[1][0] == SATURDAY
    assert grid[-1][-1] == dt.date(2025, 11, 21)


@given(st.integers(MIN_YEAR, MAX_YEAR), st.integers(1, 12))
def test_month_grid_properties(year: int, month: int) -> None:
    grid = month_grid(year, month)
    assert 5 <= len(grid) <= 6
    assert all(len(row) == 7 for row in grid)
    cells = [cell for row in grid for cell in row]
    days = [cell for cell in cells if cell is not None]
    assert len(days) == days_in_month(year, month)
    assert days[0] == from_jalali(year, month, 1)
    assert all((b - a).days == 1 for a, b in zip(days, days[1:], strict=False))
    for row in grid:
        for column, cell in enumerate(row):
            if cell is not None:
                assert jalali_weekday(cell) == column
    assert grid[0][0] is not None or grid[0][6] is not None
    assert any(cell is not None for cell in grid[-1])


def test_add_jalali_months() -> None:
    assert add_jalali_months(1404, 8, 1) == (1404, 9)
    assert add_jalali_months(1404, 12, 1) == (1405, 1)
    assert add_jalali_months(1404, 1, -1) == (1403, 12)
    assert add_jalali_months(1404, 8, 17) == (1406, 1)
    assert add_jalali_months(1404, 8, -20) == (1402, 12)
    assert add_jalali_months(1404, 8, 0) == (1404, 8)
    with pytest.raises(ValueError):
        add_jalali_months(1404, 13, 1)


@given(st.integers(MIN_YEAR, MAX_YEAR), st.integers(1, 12), st.integers(-300, 300))
def test_add_jalali_months_inverse(year: int, month: int, n: int) -> None:
    y, m = add_jalali_months(year, month, n)
    assert 1 <= m <= 12
    assert add_jalali_months(y, m, -n) == (year, month)
    assert (y * 12 + m) - (year * 12 + month) == n


# --- holidays --------------------------------------------------------------------------


def test_fixed_holidays_1404() -> None:
    holidays = fixed_holidays(1404)
    expected = {
        (1, 1): "نوروز",
        (1, 2): "نوروز",
        (1, 3): "نوروز",
        (1, 4): "نوروز",
        (1, 12): "روز جمهوری اسلامی",
        (1, 13): "سیزده بدر",
        (3, 14): "رحلت امام خمینی",
        (3, 15): "قیام ۱۵ خرداد",
        (11, 22): "پیروزی انقلاب اسلامی",
        (12, 29): "ملی شدن صنعت نفت",
    }
    assert holidays == {from_jalali(1404, m, d): name for (m, d), name in expected.items()}
    assert dt.date(2026, 2, 11) in holidays  # 22 Bahman 1404


def test_esfand_30_is_not_a_holiday_in_leap_years() -> None:
    assert is_holiday(from_jalali(1403, 12, 29))
    assert not is_holiday(from_jalali(1403, 12, 30))
    assert len(fixed_holidays(1403)) == 10


def test_holiday_queries() -> None:
    nowruz = from_jalali(1404, 1, 1)
    assert holiday_name(nowruz) == "نوروز"
    assert holiday_name(dt.datetime(2025, 3, 21, 10, 0)) == "نوروز"
    assert holiday_name(from_jalali(1404, 1, 5)) is None
    assert is_holiday(from_jalali(1404, 3, 15))
    assert not is_holiday(SATURDAY)
    assert is_friday(dt.date(2025, 10, 24)) and not is_friday(SATURDAY)
    assert is_off_day(dt.date(2025, 10, 24))  # a Friday
    assert is_off_day(from_jalali(1404, 1, 12))  # a Tuesday holiday
    assert not is_off_day(SATURDAY)


def test_office_entered_lunar_holidays() -> None:
    eid = Holiday(from_jalali(1404, 1, 11), "عید فطر", "Eid al-Fitr", approximate=True)
    assert holiday_name(eid.date) is None  # lunar holidays are never computed
    assert holiday_name(eid.date, extra=[eid]) == "عید فطر"
    assert is_holiday(eid.date, extra=[eid]) and is_off_day(eid.date, extra=[eid])
    with pytest.raises(AttributeError):
        eid.name_fa = "x"  # type: ignore[misc]


def test_official_fixed_holidays_are_exact() -> None:
    holidays = official_fixed_holidays(1404)
    assert [h.date for h in holidays] == sorted(h.date for h in holidays)
    assert not any(h.approximate for h in holidays)
    assert holidays[0].name_en == "Nowruz"


@given(st.dates(min_value=FIRST_DAY, max_value=LAST_DAY))
def test_off_day_property(d: dt.date) -> None:
    assert is_off_day(d) == (d.weekday() == 4 or d in fixed_holidays(to_jalali(d)[0]))
