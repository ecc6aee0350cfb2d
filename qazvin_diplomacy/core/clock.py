"""The office's local time: Asia/Tehran.

Iran abolished daylight saving time in 2022, so local time is a fixed UTC+03:30; a fixed
offset avoids depending on the tz database, which Windows machines often lack.
Times are stored in UTC and shown in local time.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

TEHRAN = timezone(timedelta(hours=3, minutes=30), "Asia/Tehran")


def now_local() -> datetime:
    """The current local (Tehran) time, timezone-aware."""
    return datetime.now(TEHRAN)


def today_local() -> date:
    """Today's date in Tehran."""
    return now_local().date()


def from_local(naive: datetime) -> datetime:
    """A naive local (Tehran) time as a timezone-aware UTC datetime."""
    if naive.tzinfo is not None:
        return naive.astimezone(UTC)
    return naive.replace(tzinfo=TEHRAN).astimezone(UTC)


def to_local(moment: datetime) -> datetime:
    """A timezone-aware datetime in Tehran time (naive input is taken as UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(TEHRAN)
