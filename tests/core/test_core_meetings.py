"""Meeting rules without a database: numbering, Jalali recurrence, holidays, overdue, status rules."""

from __future__ import annotations

from datetime import date

import pytest

from qazvin_diplomacy.core.errors import ValidationError
from qazvin_diplomacy.core.jalali import Holiday, from_jalali, is_leap, jalali_weekday, to_jalali
from qazvin_diplomacy.core.meetings import (
    Frequency,
    MeetingStatus,
    ResolutionInput,
    ResolutionStatus,
    SeriesInput,
    SeriesRecurrence,
    days_overdue,
    describe_recurrence,
    format_resolution_number,
    is_overdue,
    next_session_number,
    occurrences,
    parse_resolution_number,
    planned_sessions,
    validate_recurrence,
    validate_resolution,
    validate_series,
)

SATURDAY = SeriesRecurrence(Frequency.WEEKLY, weekday=0)


def j(y: int, m: int, d: int) -> date:
    return from_jalali(y, m, d)


def test_resolution_numbers_print_in_persian_and_read_any_digits() -> None:
    assert format_resolution_number(107, 3) == "۱۰۷/۳"
    assert format_resolution_number(107, 3, digits="latin") == "107/3"
    for text in ("۱۰۷/۳", "107/3", "١٠٧/٣", " 107 - 3 "):
        assert parse_resolution_number(text) == (107, 3)
    assert parse_resolution_number("۱۰۷") is None
    assert parse_resolution_number("") is None


def test_next_session_number() -> None:
    assert next_session_number([], 1) == 1
    assert next_session_number([], 107) == 107
    assert next_session_number([107, 105, 106], 1) == 108
    assert next_session_number([3], 107) == 107  # the first number wins over older numbers


def test_the_107th_session_was_on_a_saturday() -> None:
    assert jalali_weekday(j(1404, 8, 3)) == 0
    sessions = occurrences(SATURDAY, j(1404, 8, 1), j(1404, 8, 30))
    assert [to_jalali(d)[2] for d in sessions] == [3, 10, 17, 24]


def test_weekly_rhythm_every_two_weeks_keeps_the_anchor_phase() -> None:
    rule = SeriesRecurrence(Frequency.WEEKLY, weekday=0, interval=2)
    dates = occurrences(rule, j(1404, 8, 1), j(1404, 9, 15), anchor=j(1404, 8, 10))
    assert dates == [j(1404, 8, 10), j(1404, 8, 24), j(1404, 9, 8)]
    # An anchor after the range still picks its own fortnights.
    later = occurrences(rule, j(1404, 8, 1), j(1404, 8, 30), anchor=j(1404, 9, 22))
    assert later == [j(1404, 8, 10), j(1404, 8, 24)]


def test_monthly_day_30_falls_on_esfand_30_only_in_a_leap_year() -> None:
    rule = SeriesRecurrence(Frequency.MONTHLY_DAY, day=30)
    assert is_leap(1403) and not is_leap(1404)
    leap = occurrences(rule, j(1403, 12, 1), j(1403, 12, 30))
    assert leap == [j(1403, 12, 30)]
    common = occurrences(rule, j(1404, 12, 1), j(1404, 12, 29))
    assert common == [j(1404, 12, 29)]  # the month's last day
    # Day 31 in the 30-day months of the second half of the year: their last day.
    assert [
        to_jalali(d)
        for d in occurrences(
            SeriesRecurrence(Frequency.MONTHLY_DAY, day=31), j(1404, 6, 1), j(1404, 8, 30)
        )
    ] == [
        (1404, 6, 31),
        (1404, 7, 30),
        (1404, 8, 30),
    ]


def test_monthly_nth_weekday_skips_a_month_without_it() -> None:
    first_saturday = SeriesRecurrence(Frequency.MONTHLY_WEEKDAY, weekday=0, nth=1)
    assert occurrences(first_saturday, j(1404, 7, 1), j(1404, 9, 30)) == [
        j(1404, 7, 5),
        j(1404, 8, 3),
        j(1404, 9, 1),
    ]
    fifth = SeriesRecurrence(Frequency.MONTHLY_WEEKDAY, weekday=0, nth=5)
    found = occurrences(fifth, j(1404, 1, 1), j(1404, 12, 29))
    assert all(to_jalali(d)[2] >= 29 for d in found) and 0 < len(found) < 12
    last = SeriesRecurrence(Frequency.MONTHLY_WEEKDAY, weekday=0, nth=-1)
    assert occurrences(last, j(1404, 8, 1), j(1404, 8, 30)) == [j(1404, 8, 24)]


def test_planned_sessions_flag_fixed_lunar_and_office_holidays() -> None:
    # 1405: 14 Khordad (a fixed holiday) is a Thursday; a weekly Thursday group meets on it.
    thursday = SeriesRecurrence(Frequency.WEEKLY, weekday=5)
    planned = planned_sessions(thursday, j(1405, 3, 10), j(1405, 3, 20), next_number=41)
    assert [(to_jalali(p.day), p.number, p.holiday_fa) for p in planned] == [
        ((1405, 3, 14), 41, "رحلت امام خمینی")
    ]
    # A lunar holiday (as the office confirmed it) is passed in; numbers still run on.
    lunar = Holiday(j(1404, 8, 10), "شهادت (نمونه)", "Example", approximate=True, kind="lunar")
    weekly = planned_sessions(
        SATURDAY, j(1404, 8, 1), j(1404, 8, 20), next_number=108, holidays=[lunar]
    )
    assert [(p.number, p.holiday_fa) for p in weekly] == [
        (108, ""),
        (109, "شهادت (نمونه)"),
        (110, ""),
    ]


def test_planned_sessions_on_esfand_29_and_30() -> None:
    rule = SeriesRecurrence(Frequency.MONTHLY_DAY, day=30)
    (leap,) = planned_sessions(rule, j(1403, 12, 1), j(1403, 12, 30), next_number=1)
    assert leap.day == j(1403, 12, 30) and not leap.on_holiday  # Esfand 30 is a working day
    (common,) = planned_sessions(rule, j(1404, 12, 1), j(1404, 12, 29), next_number=1)
    assert common.day == j(1404, 12, 29) and "نفت" in common.holiday_fa


def test_recurrence_validation_and_description() -> None:
    assert validate_recurrence(SeriesRecurrence(Frequency.WEEKLY)) == {
        "weekday": "روز هفتهٔ جلسه را انتخاب کنید (شنبه تا جمعه)."
    }
    assert set(
        validate_recurrence(SeriesRecurrence(Frequency.MONTHLY_DAY, day=32, interval=0))
    ) == {
        "day",
        "interval",
    }
    assert occurrences(SeriesRecurrence(Frequency.WEEKLY), j(1404, 1, 1), j(1404, 2, 1)) == []
    assert describe_recurrence(SATURDAY) == "هر شنبه"
    assert describe_recurrence(SATURDAY, "en") == "Every Saturday"
    assert describe_recurrence(SeriesRecurrence(Frequency.MONTHLY_WEEKDAY, weekday=0, nth=1)) == (
        "شنبه اول هر ماه"
    )


def test_overdue_is_against_the_date_given() -> None:
    deadline = j(1404, 9, 1)
    assert not is_overdue(deadline, "open", deadline)
    assert is_overdue(deadline, "in_progress", j(1404, 9, 2))
    assert days_overdue(deadline, "open", j(1404, 9, 11)) == 10
    assert not is_overdue(deadline, "done", j(1404, 10, 1))
    assert not is_overdue(None, "open", j(1404, 10, 1))


def test_overdue_uses_tehran_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """At 22:00 UTC on 30 Aban it is already 1 Azar in Tehran: a deadline of 30 Aban is late."""
    from datetime import UTC, datetime

    from qazvin_diplomacy.core import clock

    class Frozen(datetime):
        @classmethod
        def now(cls, tz=None):  # type: ignore[override]
            moment = datetime(2025, 11, 21, 22, 0, tzinfo=UTC)  # 30 Aban 1404, 22:00 UTC
            return moment.astimezone(tz) if tz else moment

    monkeypatch.setattr(clock, "datetime", Frozen)
    today = clock.today_local()
    assert today == j(1404, 9, 1)
    assert is_overdue(j(1404, 8, 30), "open", today)


def test_status_rules() -> None:
    assert MeetingStatus.APPROVED.locked and not MeetingStatus.HELD.locked
    assert ResolutionStatus.DONE.is_closed and not ResolutionStatus.IN_PROGRESS.is_closed
    with pytest.raises(ValidationError) as caught:
        validate_resolution(ResolutionInput(1, "متن", status="done"))
    assert set(caught.value.errors) == {"closing_note"}
    validate_resolution(ResolutionInput(1, "متن", status="done", closing_note="انجام شد"))
    with pytest.raises(ValidationError) as caught:
        validate_resolution(
            ResolutionInput(1, " ", responsible_org_id=3, co_responsible_org_ids=(3,))
        )
    assert set(caught.value.errors) == {"text", "co_responsible_org_ids"}
    with pytest.raises(ValidationError) as caught:
        validate_resolution(ResolutionInput(1, "x", status="late"))
    assert set(caught.value.errors) == {"status"}
    with pytest.raises(ValidationError) as caught:
        validate_series(SeriesInput("", recurrence=SeriesRecurrence(Frequency.WEEKLY, weekday=9)))
    assert set(caught.value.errors) == {"name_fa", "recurrence_weekday"}
