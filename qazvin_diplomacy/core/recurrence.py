"""Yearly recurrence of an event by a Jalali rule.

Three kinds of rule, each giving at most one date per Jalali year:

* ``day_of_year``: the N-th day of the year (Panjah Bedar: day 50, i.e. 19 Ordibehesht);
* ``day_of_month``: day D of month M (e.g. 29 Esfand);
* ``nth_weekday``: the N-th given weekday of month M (``nth=-1``: the last one), e.g. the
  first Saturday of Mehr.  Weekdays count from Saturday: 0 = شنبه … 6 = جمعه.

:func:`validate_rule` refuses rules that can never give a date (day 31 of Esfand, day 367,
the 6th Monday); :func:`occurrence` raises :class:`RecurrenceError` (a Persian
``ValueError``) for a year in which a valid rule has no date (30 Esfand or day 366 in a
common year, a fifth Friday that month lacks).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from qazvin_diplomacy.core.jalali import (
    MONTH_NAMES_EN,
    MONTH_NAMES_FA,
    WEEKDAY_NAMES_EN,
    WEEKDAY_NAMES_FA,
    JalaliDateError,
    date_from_day_of_year,
    day_of_year,
    days_in_month,
    from_jalali,
    is_leap,
    jalali_weekday,
    to_jalali,
)
from qazvin_diplomacy.core.labels import LabelledEnum
from qazvin_diplomacy.core.text import to_persian_digits

__all__ = [
    "PANJAH_BEDAR",
    "RecurrenceError",
    "RecurrenceKind",
    "RecurrenceRule",
    "describe_rule",
    "occurrence",
    "occurrence_after",
    "rule_from_date",
    "validate_rule",
]

# The longest each month can ever be (Esfand: 30 in a leap year).
_MAX_MONTH_DAYS = (31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 30, 30)
_ORDINALS_FA = {1: "اول", 2: "دوم", 3: "سوم", 4: "چهارم", 5: "پنجم", -1: "آخر"}
_ORDINALS_EN = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", -1: "last"}


class RecurrenceError(JalaliDateError):
    """A recurrence rule that gives no date (in a year, or ever); the message is Persian."""


class RecurrenceKind(LabelledEnum):
    """How a yearly rule picks its day."""

    DAY_OF_YEAR = "day_of_year", "روز چندم سال", "Day N of the year"
    DAY_OF_MONTH = "day_of_month", "روز معین از ماه", "Day D of month M"
    NTH_WEEKDAY = "nth_weekday", "چندمین روز هفته در ماه", "N-th weekday of month M"


@dataclass(frozen=True)
class RecurrenceRule:
    """A yearly Jalali rule; which fields count depends on ``kind``.

    ``day``: N (1–366) for ``day_of_year``, D (1–31) for ``day_of_month``.  ``month``: 1–12
    for ``day_of_month`` and ``nth_weekday``.  ``weekday`` 0 (Saturday) … 6 (Friday) and
    ``nth`` 1–5 or -1 (last) for ``nth_weekday``.
    """

    kind: RecurrenceKind
    day: int | None = None
    month: int | None = None
    weekday: int | None = None
    nth: int | None = None


# Panjah Bedar (پنجاه بدر): the 50th day of the year, 19 Ordibehesht.
PANJAH_BEDAR = RecurrenceRule(RecurrenceKind.DAY_OF_YEAR, day=50)


def _fa(value: object) -> str:
    return to_persian_digits(value)


def validate_rule(rule: RecurrenceRule) -> dict[str, str]:
    """Persian messages by field (``day``, ``month``, ``weekday``, ``nth``) for a rule that can never give a date.

    An empty dict means the rule is well formed (it may still miss some years, e.g. 30 Esfand).
    """
    errors: dict[str, str] = {}
    kind = RecurrenceKind(rule.kind)
    if kind is RecurrenceKind.DAY_OF_YEAR:
        if rule.day is None or not 1 <= rule.day <= 366:
            errors["day"] = "شمارهٔ روز سال باید عددی بین ۱ و ۳۶۶ باشد."
        return errors
    if rule.month is None or not 1 <= rule.month <= 12:
        errors["month"] = "ماه باید عددی بین ۱ و ۱۲ باشد."
    if kind is RecurrenceKind.DAY_OF_MONTH:
        if rule.day is None or not 1 <= rule.day <= 31:
            errors["day"] = "روز ماه باید عددی بین ۱ و ۳۱ باشد."
        elif "month" not in errors:
            assert rule.month is not None
            longest = _MAX_MONTH_DAYS[rule.month - 1]
            if rule.day > longest:
                errors["day"] = (
                    f"ماه {MONTH_NAMES_FA[rule.month - 1]} هیچ‌گاه {_fa(rule.day)} روز ندارد "
                    f"(حداکثر {_fa(longest)} روز)؛ این قاعده در هیچ سالی تاریخی نمی‌دهد."
                )
        return errors
    if rule.weekday is None or not 0 <= rule.weekday <= 6:
        errors["weekday"] = "روز هفته را انتخاب کنید (شنبه تا جمعه)."
    if rule.nth not in _ORDINALS_FA:
        errors["nth"] = "ترتیب باید اول تا پنجم یا «آخر» باشد."
    return errors


def _check(rule: RecurrenceRule) -> None:
    errors = validate_rule(rule)
    if errors:
        raise RecurrenceError("؛ ".join(errors.values()), "The recurrence rule never gives a date.")


def occurrence(rule: RecurrenceRule, year: int) -> date:
    """The (Gregorian) date the rule gives in Jalali ``year``.

    Raises :class:`RecurrenceError` with a Persian message when the rule is malformed or
    gives no date in that year (e.g. 30 Esfand 1404: 1404 is not a leap year).
    """
    _check(rule)
    kind = RecurrenceKind(rule.kind)
    if kind is RecurrenceKind.DAY_OF_YEAR:
        assert rule.day is not None
        length = 366 if is_leap(year) else 365
        if rule.day > length:
            raise RecurrenceError(
                f"سال {_fa(year)} کبیسه نیست و {_fa(length)} روز دارد؛ روز {_fa(rule.day)}ام سال "
                "در این سال وجود ندارد.",
                f"{year} is not a leap year: day {rule.day} does not exist.",
            )
        return date_from_day_of_year(year, rule.day)
    assert rule.month is not None
    length = days_in_month(year, rule.month)
    month_fa = MONTH_NAMES_FA[rule.month - 1]
    if kind is RecurrenceKind.DAY_OF_MONTH:
        assert rule.day is not None
        if rule.day > length:
            raise RecurrenceError(
                f"سال {_fa(year)} کبیسه نیست و {month_fa} آن {_fa(length)} روز دارد؛ "
                f"{_fa(rule.day)} {month_fa} در این سال وجود ندارد.",
                f"{year} is not a leap year: {rule.day} {MONTH_NAMES_EN[rule.month - 1]} does not exist.",
            )
        return from_jalali(year, rule.month, rule.day)
    assert rule.weekday is not None and rule.nth is not None
    first = from_jalali(year, rule.month, 1)
    days = [first + timedelta(days=i) for i in range(length)]
    matching = [d for d in days if jalali_weekday(d) == rule.weekday]
    if rule.nth == -1:
        return matching[-1]
    if rule.nth > len(matching):
        raise RecurrenceError(
            f"{month_fa} {_fa(year)} فقط {_fa(len(matching))} {WEEKDAY_NAMES_FA[rule.weekday]} دارد؛ "
            f"{WEEKDAY_NAMES_FA[rule.weekday]} {_ORDINALS_FA[rule.nth]} در این ماه وجود ندارد.",
            f"{MONTH_NAMES_EN[rule.month - 1]} {year} has no {_ORDINALS_EN[rule.nth]} "
            f"{WEEKDAY_NAMES_EN[rule.weekday]}.",
        )
    return matching[rule.nth - 1]


def occurrence_after(rule: RecurrenceRule, d: date) -> date:
    """The rule's date in the Jalali year after the year of ``d`` (next year's edition)."""
    return occurrence(rule, to_jalali(d)[0] + 1)


def rule_from_date(d: date, kind: RecurrenceKind) -> RecurrenceRule:
    """The rule of ``kind`` that gives ``d`` in its year (to suggest a rule from an event's date).

    For ``nth_weekday`` a day in the last seven days of its month gives ``nth=-1`` (last)
    when it is also the fifth such weekday, so the rule exists every year.
    """
    kind = RecurrenceKind(kind)
    year, month, day = to_jalali(d)
    if kind is RecurrenceKind.DAY_OF_YEAR:
        return RecurrenceRule(kind, day=day_of_year(d))
    if kind is RecurrenceKind.DAY_OF_MONTH:
        return RecurrenceRule(kind, day=day, month=month)
    nth = (day - 1) // 7 + 1
    if nth == 5:
        nth = -1
    return RecurrenceRule(kind, month=month, weekday=jalali_weekday(d), nth=nth)


def describe_rule(rule: RecurrenceRule, lang: str = "fa") -> str:
    """The rule in words: «روز ۵۰ام سال (هر سال)», "Day 50 of the Jalali year"."""
    kind = RecurrenceKind(rule.kind)
    if validate_rule(rule):
        return "قاعدهٔ نادرست" if lang != "en" else "invalid rule"
    if kind is RecurrenceKind.DAY_OF_YEAR:
        if lang == "en":
            return f"Day {rule.day} of the Jalali year"
        return f"روز {_fa(rule.day)}ام سال"
    assert rule.month is not None
    if kind is RecurrenceKind.DAY_OF_MONTH:
        if lang == "en":
            return f"{rule.day} {MONTH_NAMES_EN[rule.month - 1]} every year"
        return f"{_fa(rule.day)} {MONTH_NAMES_FA[rule.month - 1]} هر سال"
    assert rule.weekday is not None and rule.nth is not None
    if lang == "en":
        return (
            f"The {_ORDINALS_EN[rule.nth]} {WEEKDAY_NAMES_EN[rule.weekday]} of "
            f"{MONTH_NAMES_EN[rule.month - 1]}"
        )
    return f"{WEEKDAY_NAMES_FA[rule.weekday]} {_ORDINALS_FA[rule.nth]} {MONTH_NAMES_FA[rule.month - 1]}"
