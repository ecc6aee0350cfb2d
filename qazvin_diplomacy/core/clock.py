"""The office's local time: Asia/Tehran.

Iran abolished daylight saving time in 2022, so local time is a fixed UTC+03:30; a fixed
offset avoids depending on the tz database, which Windows machines often lack.
Times are stored in UTC and shown in local time.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

TEHRAN = timezone(timedelta(hours=3, minutes=30), "Asia/Tehran")


def now_utc() -> datetime:
    """The current time in UTC, timezone-aware (what lockouts and sign-ins are measured by)."""
    return datetime.now(UTC)


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


def time_recorded(moment: datetime) -> bool:
    """False for a moment whose Tehran time is exactly midnight: by the project's convention
    only its date is known (a date typed without a time), so no time of day is shown."""
    local = to_local(moment)
    return (local.hour, local.minute, local.second) != (0, 0, 0)


def system_offset(moment: datetime | None = None) -> timedelta:
    """The UTC offset the operating system's time zone gives ``moment`` (default: now)."""
    moment = moment or datetime.now(UTC)
    return moment.astimezone().utcoffset() or timedelta(0)


def system_offset_mismatch(moment: datetime | None = None) -> timedelta | None:
    """The system's UTC offset when it is not Tehran's +03:30, else None.

    An offline Windows 10 without the 2022 Iran time-zone update still keeps daylight
    saving time (UTC+04:30 in the first half of the year): its clock, set to the wall
    time, then has a UTC an hour off, and so do the times the program stores.
    """
    offset = system_offset(moment)
    return None if offset == TEHRAN.utcoffset(None) else offset


def format_offset(offset: timedelta) -> str:
    """``+04:30`` / ``-05:00`` for a UTC offset."""
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{rest:02d}"
