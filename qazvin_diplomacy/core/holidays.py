"""Lunar (Hijri qamari) official holidays of Iran, computed approximately.

Iran fixes each lunar month by sighting the new moon, so the true dates are only known a
day or two ahead.  The app computes them with the *tabular* (arithmetic) Islamic civil
calendar: 30-year cycles of 10 631 days, odd months of 30 days and even months of 29,
Dhu al-Hijja of 30 days in the leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26 and 29 of a
cycle, epoch 1 Muharram 1 AH = Friday 16 July 622 (Julian) = 19 July 622 (proleptic
Gregorian).  Those dates usually match the observed ones or miss by one day (rarely two), so
every lunar holiday computed here is ``approximate=True``; the office confirms or corrects
each occurrence (``services.holidays``).

Rule for the martyrdom of Imam Reza ("last day of Safar"): it is the day before
1 Rabi al-Awwal.  In the tabular calendar Safar always has 29 days, so it is computed as
29 Safar; when the sighted Safar has 30 days the office moves it to 30 Safar.

A Jalali year (365/366 days) is about 11 days longer than a lunar year (354/355), so one
lunar holiday can fall twice in a Jalali year; :func:`lunar_holidays` returns both
occurrences, numbered 1 and 2 in date order.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from dataclasses import dataclass

from qazvin_diplomacy.core.jalali import (
    MAX_YEAR,
    MIN_YEAR,
    Holiday,
    from_jalali,
    is_leap,
    official_fixed_holidays,
    to_jalali,
)

__all__ = [
    "HIJRI_MONTH_NAMES_EN",
    "HIJRI_MONTH_NAMES_FA",
    "LUNAR_HOLIDAYS",
    "LunarHoliday",
    "all_official_holidays",
    "hijri_days_in_month",
    "hijri_is_leap",
    "hijri_to_date",
    "holiday_on",
    "jalali_year_range",
    "lunar_holiday",
    "lunar_holidays",
    "to_hijri",
    "years_between",
]

HIJRI_MONTH_NAMES_FA: tuple[str, ...] = (
    "محرم",
    "صفر",
    "ربیع‌الاول",
    "ربیع‌الثانی",
    "جمادی‌الاول",
    "جمادی‌الثانی",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
    "ذی‌القعده",
    "ذی‌الحجه",
)
HIJRI_MONTH_NAMES_EN: tuple[str, ...] = (
    "Muharram",
    "Safar",
    "Rabi al-Awwal",
    "Rabi al-Thani",
    "Jumada al-Awwal",
    "Jumada al-Thani",
    "Rajab",
    "Sha'ban",
    "Ramadan",
    "Shawwal",
    "Dhu al-Qa'da",
    "Dhu al-Hijja",
)

# date.toordinal() of 1 Muharram 1 AH in the civil (Friday) epoch, minus one.
_EPOCH = 227014
_CYCLE_DAYS = 10631  # days in 30 lunar years


def hijri_is_leap(year: int) -> bool:
    """Whether tabular Hijri ``year`` has 355 days (Dhu al-Hijja of 30 days)."""
    return (14 + 11 * year) % 30 < 11


def hijri_days_in_month(year: int, month: int) -> int:
    """Days in tabular Hijri ``month`` of ``year``: 30 for odd months, 29 for even, Dhu al-Hijja 30 in leap years."""
    if not 1 <= month <= 12:
        raise ValueError(f"Hijri month must be 1..12, not {month}")
    if month % 2 == 1 or (month == 12 and hijri_is_leap(year)):
        return 30
    return 29


def _ordinal(year: int, month: int, day: int) -> int:
    return _EPOCH + day + (59 * (month - 1) + 1) // 2 + (year - 1) * 354 + (3 + 11 * year) // 30


def hijri_to_date(year: int, month: int, day: int) -> _dt.date:
    """Gregorian date of tabular Hijri ``year/month/day`` (e.g. 1447/1/1 gives 26 June 2025)."""
    if year < 1:
        raise ValueError(f"Hijri year must be positive, not {year}")
    length = hijri_days_in_month(year, month)
    if not 1 <= day <= length:
        raise ValueError(f"Hijri {year}/{month} has {length} days, not {day}")
    return _dt.date.fromordinal(_ordinal(year, month, day))


def to_hijri(d: _dt.date) -> tuple[int, int, int]:
    """Tabular Hijri ``(year, month, day)`` of a Gregorian date (or a datetime's date)."""
    if isinstance(d, _dt.datetime):
        d = d.date()
    ordinal = d.toordinal()
    if ordinal <= _EPOCH:
        raise ValueError(f"{d} is before the Hijri epoch")
    year = (30 * (ordinal - _EPOCH) + 10646) // _CYCLE_DAYS
    while _ordinal(year, 1, 1) > ordinal:
        year -= 1
    while _ordinal(year + 1, 1, 1) <= ordinal:
        year += 1
    month = 12
    while _ordinal(year, month, 1) > ordinal:
        month -= 1
    return year, month, ordinal - _ordinal(year, month, 1) + 1


@dataclass(frozen=True, slots=True)
class LunarHoliday:
    """An official lunar holiday: a stable ``key``, its Hijri month/day and its names."""

    key: str
    month: int
    day: int
    name_fa: str
    name_en: str


# Iran's official lunar holidays, in Hijri year order.  Keys are stable: the office's
# corrections are stored against them.
LUNAR_HOLIDAYS: tuple[LunarHoliday, ...] = (
    LunarHoliday("tasua", 1, 9, "تاسوعای حسینی", "Tasua"),
    LunarHoliday("ashura", 1, 10, "عاشورای حسینی", "Ashura"),
    LunarHoliday("arbaeen", 2, 20, "اربعین حسینی", "Arbaeen"),
    LunarHoliday(
        "prophet_demise",
        2,
        28,
        "رحلت رسول اکرم و شهادت امام حسن مجتبی",
        "Demise of the Prophet and martyrdom of Imam Hasan",
    ),
    # The last day of Safar: tabular Safar has 29 days (see the module docstring).
    LunarHoliday("imam_reza", 2, 29, "شهادت امام رضا", "Martyrdom of Imam Reza"),
    LunarHoliday("imam_askari", 3, 8, "شهادت امام حسن عسکری", "Martyrdom of Imam Hasan Askari"),
    LunarHoliday(
        "prophet_birth", 3, 17, "میلاد رسول اکرم و امام جعفر صادق", "Birth of the Prophet"
    ),
    LunarHoliday("fatima", 6, 3, "شهادت حضرت فاطمه زهرا", "Martyrdom of Fatima"),
    LunarHoliday("imam_ali_birth", 7, 13, "ولادت امام علی", "Birth of Imam Ali"),
    LunarHoliday("mabath", 7, 27, "مبعث رسول اکرم", "Mab'ath"),
    LunarHoliday("mahdi_birth", 8, 15, "ولادت حضرت قائم", "Birth of the Mahdi"),
    LunarHoliday("imam_ali_martyrdom", 9, 21, "شهادت امام علی", "Martyrdom of Imam Ali"),
    LunarHoliday("eid_fitr_1", 10, 1, "عید سعید فطر", "Eid al-Fitr"),
    LunarHoliday("eid_fitr_2", 10, 2, "تعطیل به مناسبت عید سعید فطر", "Eid al-Fitr holiday"),
    LunarHoliday("imam_sadiq", 10, 25, "شهادت امام جعفر صادق", "Martyrdom of Imam Sadiq"),
    LunarHoliday("eid_adha", 12, 10, "عید سعید قربان", "Eid al-Adha"),
    LunarHoliday("eid_ghadir", 12, 18, "عید سعید غدیر خم", "Eid al-Ghadir"),
)
_BY_KEY = {h.key: h for h in LUNAR_HOLIDAYS}


def lunar_holiday(key: str) -> LunarHoliday:
    """The lunar holiday with ``key``; ``KeyError`` when there is none."""
    return _BY_KEY[key]


def jalali_year_range(year: int) -> tuple[_dt.date, _dt.date]:
    """First and last Gregorian day of Jalali ``year`` (1 Farvardin … the last day of Esfand)."""
    first = from_jalali(year, 1, 1)
    return first, first + _dt.timedelta(days=(366 if is_leap(year) else 365) - 1)


def lunar_holidays(jalali_year: int) -> list[Holiday]:
    """Every official lunar holiday occurrence in Jalali ``year``, approximate, in date order.

    Each :class:`Holiday` has ``kind="lunar"``, the holiday's ``key`` and its ``occurrence``
    (1, or 2 for the second time the same holiday falls in this Jalali year).
    """
    first, last = jalali_year_range(jalali_year)
    hijri_first, hijri_last = to_hijri(first)[0], to_hijri(last)[0]
    found: list[tuple[_dt.date, LunarHoliday]] = []
    for hijri_year in range(hijri_first, hijri_last + 1):
        for holiday in LUNAR_HOLIDAYS:
            day = hijri_to_date(hijri_year, holiday.month, holiday.day)
            if first <= day <= last:
                found.append((day, holiday))
    found.sort(key=lambda item: item[0])
    seen: dict[str, int] = {}
    result: list[Holiday] = []
    for day, holiday in found:
        seen[holiday.key] = seen.get(holiday.key, 0) + 1
        result.append(
            Holiday(
                day,
                holiday.name_fa,
                holiday.name_en,
                approximate=True,
                key=holiday.key,
                occurrence=seen[holiday.key],
                kind="lunar",
            )
        )
    return result


def all_official_holidays(jalali_year: int) -> list[Holiday]:
    """Fixed and (approximate) lunar official holidays of Jalali ``year``, in date order."""
    holidays = official_fixed_holidays(jalali_year) + lunar_holidays(jalali_year)
    return sorted(holidays, key=lambda h: (h.date, h.kind != "fixed"))


def holiday_on(d: _dt.date, holidays: Iterable[Holiday]) -> Holiday | None:
    """The first of ``holidays`` on ``d`` (fixed ones win over others on the same day), else ``None``."""
    if isinstance(d, _dt.datetime):
        d = d.date()
    matches = [h for h in holidays if h.date == d]
    if not matches:
        return None
    return min(matches, key=lambda h: h.kind != "fixed")


def years_between(date_from: _dt.date, date_to: _dt.date) -> range:
    """The Jalali years that ``date_from``…``date_to`` touches, clipped to the app's range."""
    start = max(MIN_YEAR, to_jalali(date_from)[0])
    end = min(MAX_YEAR, to_jalali(date_to)[0])
    return range(start, end + 1)
