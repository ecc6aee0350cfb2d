"""Jalali (Solar Hijri) dates: conversion, parsing, formatting, weeks, months and holidays.

Conversion is delegated to ``jdatetime``, whose leap rule is the 33-year arithmetic rule
(a year is leap when ``year % 33`` is 1, 5, 9, 13, 17, 22, 26 or 30).  That rule agrees with
the official (astronomical) Iranian calendar for the years 1206–1498, which contains
everything the app accepts (``MIN_YEAR``–``MAX_YEAR``); it is the app's one conversion rule.

Everything here works on plain ``datetime.date`` / ``datetime.datetime`` / ``datetime.time``
values (store ISO; show Jalali): ``jdatetime`` objects never leave this module.  Errors a
user can cause raise :class:`JalaliDateError`, a ``ValueError`` (and a ``KnownError``) whose
message is Persian and names the problem.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

import jdatetime

from qazvin_diplomacy.core.clock import today_local
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.text import to_latin_digits, to_persian_digits

__all__ = [
    "MIN_YEAR",
    "MAX_YEAR",
    "MONTH_NAMES_FA",
    "MONTH_NAMES_EN",
    "WEEKDAY_NAMES_FA",
    "WEEKDAY_NAMES_EN",
    "GREGORIAN_MONTH_NAMES_EN",
    "GREGORIAN_MONTH_NAMES_FA",
    "Holiday",
    "JalaliDateError",
    "add_jalali_months",
    "date_from_day_of_year",
    "day_of_year",
    "days_in_month",
    "fixed_holidays",
    "format_gregorian",
    "format_jalali",
    "format_jalali_datetime",
    "format_time",
    "from_jalali",
    "holiday_name",
    "is_friday",
    "is_holiday",
    "is_leap",
    "is_off_day",
    "jalali_weekday",
    "month_grid",
    "month_range",
    "official_fixed_holidays",
    "parse_jalali",
    "parse_jalali_datetime",
    "parse_time",
    "to_jalali",
    "week_range",
]

# The range the app accepts.  1300 (March 1921) reaches back before the calendar became
# the legal one (1304) and covers every date the office records about living people and
# archived agreements.  1499 (ending March 2121) leaves room for long agreement
# expiries, and stays inside 1206–1498 where the 33-year rule is verified against the
# official calendar: 1498's leap status fixes Nowruz 1499, so every date up to the end of
# 1499 is right (the rule makes 1499 a common year, as the astronomical calendar does).
MIN_YEAR = 1300
MAX_YEAR = 1499

MONTH_NAMES_FA: tuple[str, ...] = (
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
)
MONTH_NAMES_EN: tuple[str, ...] = (
    "Farvardin",
    "Ordibehesht",
    "Khordad",
    "Tir",
    "Mordad",
    "Shahrivar",
    "Mehr",
    "Aban",
    "Azar",
    "Dey",
    "Bahman",
    "Esfand",
)
# Saturday first: index == jalali_weekday(d).
WEEKDAY_NAMES_FA: tuple[str, ...] = (
    "شنبه",
    "یکشنبه",
    "دوشنبه",
    "سه‌شنبه",
    "چهارشنبه",
    "پنجشنبه",
    "جمعه",
)
WEEKDAY_NAMES_EN: tuple[str, ...] = (
    "Saturday",
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
)
GREGORIAN_MONTH_NAMES_EN: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
GREGORIAN_MONTH_NAMES_FA: tuple[str, ...] = (
    "ژانویه",
    "فوریه",
    "مارس",
    "آوریل",
    "مه",
    "ژوئن",
    "ژوئیه",
    "اوت",
    "سپتامبر",
    "اکتبر",
    "نوامبر",
    "دسامبر",
)

_FRIDAY = 6  # jalali_weekday() of Friday


class JalaliDateError(KnownError, ValueError):
    """A date or time a user typed cannot be accepted; ``message`` says why, in Persian."""


def _fa(value: object) -> str:
    return to_persian_digits(value)


def _check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise JalaliDateError(
            f"سال {_fa(year)} خارج از بازهٔ پذیرفتنی است؛ سال باید بین {_fa(MIN_YEAR)} و {_fa(MAX_YEAR)} باشد.",
            f"Year {year} is out of range; it must be between {MIN_YEAR} and {MAX_YEAR}.",
        )


def _check_month(month: int) -> None:
    if not 1 <= month <= 12:
        raise JalaliDateError(
            f"ماه {_fa(month)} نادرست است؛ ماه باید عددی بین ۱ و ۱۲ باشد.",
            f"Month {month} is invalid; it must be between 1 and 12.",
        )


def is_leap(year: int) -> bool:
    """Whether Jalali ``year`` has 366 days (Esfand has 30 days), by jdatetime's 33-year rule."""
    return bool(jdatetime.date(year, 1, 1).isleap())


def days_in_month(year: int, month: int) -> int:
    """Number of days in Jalali ``month`` of ``year`` (31 for months 1–6, 30 for 7–11, 29/30 for 12)."""
    _check_month(month)
    if month <= 6:
        return 31
    if month <= 11:
        return 30
    return 30 if is_leap(year) else 29


def from_jalali(year: int, month: int, day: int) -> _dt.date:
    """Gregorian ``date`` of a Jalali date; raises :class:`JalaliDateError` (Persian) when invalid."""
    _check_year(year)
    _check_month(month)
    if not 1 <= day <= 31:
        raise JalaliDateError(
            f"روز {_fa(day)} نادرست است؛ روز باید عددی بین ۱ و ۳۱ باشد.",
            f"Day {day} is invalid; it must be between 1 and 31.",
        )
    length = days_in_month(year, month)
    if day > length:
        typed = _fa(f"{year}/{month:02d}/{day:02d}")
        if month == 12:
            raise JalaliDateError(
                f"سال {_fa(year)} کبیسه نیست و اسفند آن {_fa(length)} روز دارد؛ تاریخ {typed} وجود ندارد.",
                f"{year} is not a leap year: its Esfand has {length} days, so {year}/12/{day} does not exist.",
            )
        raise JalaliDateError(
            f"ماه {MONTH_NAMES_FA[month - 1]} {_fa(length)} روز دارد؛ تاریخ {typed} وجود ندارد.",
            f"{MONTH_NAMES_EN[month - 1]} has {length} days, so {year}/{month:02d}/{day:02d} does not exist.",
        )
    return jdatetime.date(year, month, day).togregorian()


def to_jalali(d: _dt.date) -> tuple[int, int, int]:
    """Jalali ``(year, month, day)`` of a Gregorian date (or the date part of a datetime)."""
    if isinstance(d, _dt.datetime):
        d = d.date()
    return _jalali_of(d)


@functools.lru_cache(maxsize=8192)
def _jalali_of(d: _dt.date) -> tuple[int, int, int]:
    """:func:`to_jalali` of a date, remembered: a list or a month view converts the same few
    hundred days for every cell it shows (``jdatetime`` reads the locale on each call)."""
    j = jdatetime.date.fromgregorian(date=d)
    return j.year, j.month, j.day


def day_of_year(d: _dt.date) -> int:
    """Day number of ``d`` in its Jalali year, 1 Farvardin being 1 (19 Ordibehesht is 50)."""
    year, month, day = to_jalali(d)
    return (month - 1) * 31 + day if month <= 7 else 186 + (month - 7) * 30 + day


def date_from_day_of_year(year: int, number: int) -> _dt.date:
    """Date of the ``number``-th day of Jalali ``year`` (e.g. 50 gives Panjah Bedar, 19 Ordibehesht)."""
    length = 366 if is_leap(year) else 365
    if not 1 <= number <= length:
        raise JalaliDateError(
            f"روز {_fa(number)}ام سال {_fa(year)} وجود ندارد؛ این سال {_fa(length)} روز دارد.",
            f"Day {number} of {year} does not exist; that year has {length} days.",
        )
    return from_jalali(year, 1, 1) + _dt.timedelta(days=number - 1)


# --- parsing ---------------------------------------------------------------------------

# Separators: / - . plus the Arabic date separator, Arabic decimal separator and dashes
# that Persian keyboards and word processors produce.
_SEP = r"\s*[/\-.\u060d\u066b\u2010-\u2015\u2212]\s*"
_DATE_RE = re.compile(rf"^(\d+){_SEP}(\d+){_SEP}(\d+)$", re.ASCII)
_TIME_RE = re.compile(r"^(\d{1,2})\s*:\s*(\d{1,2})(?:\s*:\s*(\d{1,2}))?$", re.ASCII)
# Bidi marks and other invisible characters that copying from documents leaves around a date.
_INVISIBLE = dict.fromkeys(
    map(ord, "\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff")
)


def example_date(digits: str = "fa") -> str:
    """A date to show as an example in hints and messages: today's (Tehran) Jalali date, so
    the example never shows a past year (``۱۴۰۵/۰۹/۱۶``; ``digits="latin"``: ``1405/09/16``)."""
    return format_jalali(today_local(), digits=digits)


def _clean(text: str) -> str:
    return to_latin_digits(text).translate(_INVISIBLE).replace("\u00a0", " ").strip()


def parse_jalali(text: str) -> _dt.date:
    """Parse a Jalali date typed as year/month/day into a Gregorian ``date``.

    Accepts Persian, Arabic-Indic and Latin digits, the separators ``/ - .`` (with optional
    spaces around them) and optional leading zeros: ``1404/7/3``, ``۱۴۰۴/۰۷/۰۳``,
    ``1404-07-03``, ``١٤٠٤.٧.٣``.  The year must have four digits.  Anything else raises
    :class:`JalaliDateError` with a Persian message naming the problem.
    """
    cleaned = _clean(text or "")
    if not cleaned:
        raise JalaliDateError("تاریخ وارد نشده است.", "No date was entered.")
    match = _DATE_RE.match(cleaned)
    if match is None:
        raise JalaliDateError(
            f"تاریخ «{text.strip()}» قابل فهم نیست؛ آن را به شکل سال/ماه/روز بنویسید، مثلاً {example_date()}.",
            f"Date '{text.strip()}' is not understood; write it as year/month/day, e.g. {example_date('latin')}.",
        )
    year_s, month_s, day_s = match.groups()
    if len(year_s) != 4 and len(day_s) == 4 and len(month_s) <= 2:
        raise JalaliDateError(
            f"ترتیب تاریخ «{text.strip()}» درست نیست؛ ابتدا سال، سپس ماه و بعد روز را بنویسید، مثلاً {example_date()}.",
            f"Date '{text.strip()}' is in the wrong order; write year/month/day, e.g. {example_date('latin')}.",
        )
    if len(year_s) != 4:
        raise JalaliDateError(
            f"سال «{_fa(year_s)}» باید چهاررقمی نوشته شود، مثلاً {example_date()[:4]} (سال دورقمی پذیرفته نمی‌شود).",
            f"Year '{year_s}' must be written with four digits, e.g. {example_date('latin')[:4]}.",
        )
    if len(month_s) > 2 or len(day_s) > 2:
        raise JalaliDateError(
            f"تاریخ «{text.strip()}» قابل فهم نیست؛ ماه و روز یک یا دو رقم دارند، مثلاً {example_date()}.",
            f"Date '{text.strip()}' is not understood; month and day have one or two digits.",
        )
    return from_jalali(int(year_s), int(month_s), int(day_s))


def parse_time(text: str) -> _dt.time:
    """Parse ``H:MM`` or ``HH:MM[:SS]`` (any digit script, 24-hour clock) into a ``time``."""
    cleaned = _clean(text or "")
    if not cleaned:
        raise JalaliDateError("ساعت وارد نشده است.", "No time was entered.")
    match = _TIME_RE.match(cleaned)
    if match is None:
        raise JalaliDateError(
            f"ساعت «{text.strip()}» قابل فهم نیست؛ آن را به شکل ساعت:دقیقه بنویسید، مثلاً ۰۹:۳۰.",
            f"Time '{text.strip()}' is not understood; write it as hours:minutes, e.g. 09:30.",
        )
    hour, minute = int(match[1]), int(match[2])
    second = int(match[3]) if match[3] is not None else 0
    if hour > 23:
        raise JalaliDateError(
            f"ساعت {_fa(hour)} نادرست است؛ ساعت باید بین ۰ و ۲۳ باشد.",
            f"Hour {hour} is invalid; it must be between 0 and 23.",
        )
    if minute > 59:
        raise JalaliDateError(
            f"دقیقهٔ {_fa(minute)} نادرست است؛ دقیقه باید بین ۰ و ۵۹ باشد.",
            f"Minute {minute} is invalid; it must be between 0 and 59.",
        )
    if second > 59:
        raise JalaliDateError(
            f"ثانیهٔ {_fa(second)} نادرست است؛ ثانیه باید بین ۰ و ۵۹ باشد.",
            f"Second {second} is invalid; it must be between 0 and 59.",
        )
    return _dt.time(hour, minute, second)


def parse_jalali_datetime(date_text: str, time_text: str) -> _dt.datetime:
    """Combine a typed Jalali date and time into a naive local ``datetime``."""
    return _dt.datetime.combine(parse_jalali(date_text), parse_time(time_text))


# --- formatting ------------------------------------------------------------------------


def _digits(text: str, digits: str) -> str:
    if digits == "fa":
        return to_persian_digits(text)
    if digits == "latin":
        return text
    raise ValueError(f"digits must be 'fa' or 'latin', not {digits!r}")


def _names(lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if lang == "fa":
        return MONTH_NAMES_FA, WEEKDAY_NAMES_FA
    if lang == "en":
        return MONTH_NAMES_EN, WEEKDAY_NAMES_EN
    raise ValueError(f"lang must be 'fa' or 'en', not {lang!r}")


def format_jalali(
    d: _dt.date, *, long: bool = False, weekday: bool = False, digits: str = "fa", lang: str = "fa"
) -> str:
    """Jalali text of a date (or of a datetime's date).

    ``۱۴۰۴/۰۸/۰۳`` by default; ``long=True`` gives ``۳ آبان ۱۴۰۴``; ``weekday=True`` puts the
    weekday name first (``شنبه ۳ آبان ۱۴۰۴``); ``digits="latin"`` writes ``1404/08/03``;
    ``lang="en"`` uses the English transliterated month and weekday names.
    """
    year, month, day = to_jalali(d)
    months, weekdays = _names(lang)
    if long:
        text = f"{day} {months[month - 1]} {year}"
    else:
        text = f"{year:04d}/{month:02d}/{day:02d}"
    if weekday:
        text = f"{weekdays[jalali_weekday(d)]} {text}"
    return _digits(text, digits)


def format_time(t: _dt.time | _dt.datetime, *, seconds: bool = False, digits: str = "fa") -> str:
    """``HH:MM`` (or ``HH:MM:SS``) of a time or datetime, Persian digits by default: ``۰۹:۳۰``."""
    text = f"{t.hour:02d}:{t.minute:02d}"
    if seconds:
        text += f":{t.second:02d}"
    return _digits(text, digits)


def format_jalali_datetime(
    dt: _dt.datetime,
    *,
    long: bool = False,
    weekday: bool = False,
    digits: str = "fa",
    lang: str = "fa",
) -> str:
    """Jalali date then time, e.g. ``۱۴۰۴/۰۸/۰۳ ۰۹:۳۰`` (``long``/``weekday`` as in :func:`format_jalali`)."""
    date_text = format_jalali(dt, long=long, weekday=weekday, digits=digits, lang=lang)
    return f"{date_text} {format_time(dt, digits=digits)}"


def format_gregorian(d: _dt.date, lang: str = "en", *, weekday: bool = False) -> str:
    """Gregorian text for foreign guests: ``24 October 2025`` (``lang="fa"``: ``۲۴ اکتبر ۲۰۲۵``)."""
    if isinstance(d, _dt.datetime):
        d = d.date()
    if lang == "en":
        text = f"{d.day} {GREGORIAN_MONTH_NAMES_EN[d.month - 1]} {d.year}"
        if weekday:
            text = f"{WEEKDAY_NAMES_EN[jalali_weekday(d)]} {text}"
        return text
    if lang == "fa":
        text = f"{d.day} {GREGORIAN_MONTH_NAMES_FA[d.month - 1]} {d.year}"
        if weekday:
            text = f"{WEEKDAY_NAMES_FA[jalali_weekday(d)]} {text}"
        return to_persian_digits(text)
    raise ValueError(f"lang must be 'fa' or 'en', not {lang!r}")


# --- weeks and months ------------------------------------------------------------------


def jalali_weekday(d: _dt.date) -> int:
    """Weekday in the Iranian week: 0 = Saturday (شنبه) … 6 = Friday (جمعه)."""
    return (d.weekday() + 2) % 7


def is_friday(d: _dt.date) -> bool:
    """Whether ``d`` is a Friday, the weekly day off."""
    return jalali_weekday(d) == _FRIDAY


def week_range(d: _dt.date) -> tuple[_dt.date, _dt.date]:
    """Saturday and Friday of the Jalali week containing ``d``."""
    if isinstance(d, _dt.datetime):
        d = d.date()
    start = d - _dt.timedelta(days=jalali_weekday(d))
    return start, start + _dt.timedelta(days=6)


def month_range(year: int, month: int) -> tuple[_dt.date, _dt.date]:
    """First and last day (Gregorian dates) of Jalali ``month`` of ``year``."""
    first = from_jalali(year, month, 1)
    return first, first + _dt.timedelta(days=days_in_month(year, month) - 1)


def month_grid(year: int, month: int) -> list[list[_dt.date | None]]:
    """The month as calendar rows of 7 cells, Saturday first; cells outside the month are ``None``.

    Rows are weeks in order; a month spans 5 or 6 rows.  This drives the UI month view.
    """
    first, last = month_range(year, month)
    cells: list[_dt.date | None] = [None] * jalali_weekday(first)
    day = first
    while day <= last:
        cells.append(day)
        day += _dt.timedelta(days=1)
    cells.extend([None] * (-len(cells) % 7))
    return [cells[i : i + 7] for i in range(0, len(cells), 7)]


def add_jalali_months(year: int, month: int, n: int) -> tuple[int, int]:
    """The ``(year, month)`` that is ``n`` months after (or before, if negative) the given one."""
    _check_month(month)
    index = year * 12 + (month - 1) + n
    new_year, new_month = divmod(index, 12)
    return new_year, new_month + 1


# --- holidays --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Holiday:
    """A public holiday on ``date``.

    ``approximate`` is true for lunar (Hijri qamari) holidays, which move every year and
    depend on the moon being sighted: ``core.holidays`` computes them approximately and the
    office confirms or corrects them (``services.holidays``); pass them as ``extra`` to the
    functions below.  ``kind`` is ``"fixed"``, ``"lunar"`` or ``"office"`` (added by the
    office); ``key`` names a fixed or lunar holiday (stable across years) and
    ``occurrence`` tells a lunar holiday's first and second fall in one Jalali year apart.
    """

    date: _dt.date
    name_fa: str
    name_en: str
    approximate: bool = False
    key: str = ""
    occurrence: int = 1
    kind: str = "fixed"


# (key, month, day, Persian name, English name) of the fixed official holidays, per DOMAIN.md.
# Esfand 29 only, also in leap years (Esfand 30 is a working day).
_FIXED_HOLIDAYS: tuple[tuple[str, int, int, str, str], ...] = (
    ("nowruz_1", 1, 1, "نوروز", "Nowruz"),
    ("nowruz_2", 1, 2, "نوروز", "Nowruz"),
    ("nowruz_3", 1, 3, "نوروز", "Nowruz"),
    ("nowruz_4", 1, 4, "نوروز", "Nowruz"),
    ("republic_day", 1, 12, "روز جمهوری اسلامی", "Islamic Republic Day"),
    ("sizdah_bedar", 1, 13, "سیزده بدر", "Sizdah Bedar (Nature Day)"),
    ("khomeini_demise", 3, 14, "رحلت امام خمینی", "Demise of Imam Khomeini"),
    ("khordad_15", 3, 15, "قیام ۱۵ خرداد", "Uprising of 15 Khordad"),
    ("revolution_day", 11, 22, "پیروزی انقلاب اسلامی", "Victory of the Islamic Revolution"),
    ("oil_nationalisation", 12, 29, "ملی شدن صنعت نفت", "Nationalisation of the Oil Industry"),
)


def official_fixed_holidays(year: int) -> list[Holiday]:
    """The fixed (solar) official holidays of Jalali ``year``, in date order."""
    return [
        Holiday(from_jalali(year, m, d), fa, en, key=key) for key, m, d, fa, en in _FIXED_HOLIDAYS
    ]


def fixed_holidays(year: int) -> dict[_dt.date, str]:
    """The fixed official holidays of Jalali ``year`` as ``{date: Persian name}``.

    Lunar holidays (Tasua, Ashura, Eid al-Fitr …) are not included: their dates move and
    depend on moon sighting; ``core.holidays`` computes them approximately and
    ``services.holidays`` applies the office's corrections; pass them via ``extra``.
    """
    return {h.date: h.name_fa for h in official_fixed_holidays(year)}


def _holidays_around(d: _dt.date, extra: Iterable[Holiday]) -> dict[_dt.date, str]:
    year = to_jalali(d)[0]
    found = fixed_holidays(year) if MIN_YEAR <= year <= MAX_YEAR else {}
    for holiday in extra:
        found.setdefault(holiday.date, holiday.name_fa)
    return found


def holiday_name(d: _dt.date, extra: Iterable[Holiday] = ()) -> str | None:
    """Persian name of the holiday on ``d`` (fixed official ones, plus ``extra``), else ``None``."""
    if isinstance(d, _dt.datetime):
        d = d.date()
    return _holidays_around(d, extra).get(d)


def is_holiday(d: _dt.date, extra: Iterable[Holiday] = ()) -> bool:
    """Whether ``d`` is a fixed official holiday (or one of ``extra``, e.g. lunar ones the office entered)."""
    return holiday_name(d, extra) is not None


def is_off_day(d: _dt.date, extra: Iterable[Holiday] = ()) -> bool:
    """Whether the office is closed on ``d``: a Friday or a holiday."""
    return is_friday(d) or is_holiday(d, extra)
