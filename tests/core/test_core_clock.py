"""The system clock's time zone compared with Tehran's fixed UTC+03:30."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest

from qazvin_diplomacy.core import clock

# Iran's zone as an un-updated Windows 10 still has it: daylight saving time (+04:30) from
# Farvardin 1 (day 80) to Shahrivar 30 (day 264), in POSIX TZ notation.
OLD_IRAN = "<+0330>-3:30<+0430>,J80/0,J264/0"


@pytest.fixture
def system_zone(monkeypatch: pytest.MonkeyPatch):
    """Set the process's time zone (as Windows' zone setting would) for one test."""

    def set_zone(spec: str) -> None:
        monkeypatch.setenv("TZ", spec)
        time.tzset()

    yield set_zone
    monkeypatch.undo()
    time.tzset()


def test_stale_iran_zone_is_an_hour_off_in_the_first_half_of_the_year(system_zone) -> None:
    system_zone(OLD_IRAN)
    spring = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)
    autumn = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    assert clock.system_offset_mismatch(spring) == timedelta(hours=4, minutes=30)
    assert clock.system_offset_mismatch(autumn) is None
    assert clock.format_offset(clock.system_offset(spring)) == "+04:30"


def test_updated_tehran_zone_matches_all_year(system_zone) -> None:
    system_zone("<+0330>-3:30")
    for month in (1, 4, 7, 10):
        assert clock.system_offset_mismatch(datetime(2026, month, 15, tzinfo=UTC)) is None


def test_a_different_zone_is_reported(system_zone) -> None:
    system_zone("UTC0")
    assert clock.system_offset_mismatch(datetime(2026, 3, 1, tzinfo=UTC)) == timedelta(0)
    assert clock.format_offset(timedelta(hours=-5)) == "-05:00"


def test_the_programs_own_time_stays_tehran_whatever_the_system_zone(system_zone) -> None:
    system_zone(OLD_IRAN)
    assert clock.now_local().utcoffset() == timedelta(hours=3, minutes=30)
