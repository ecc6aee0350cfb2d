"""Official holidays (تعطیلات رسمی): fixed, lunar (approximate until confirmed) and office-added.

Fixed holidays come from ``core.jalali``; lunar ones are computed approximately by
``core.holidays`` and corrected by the office's :class:`~qazvin_diplomacy.storage.holidays.HolidayEntry`
rows: a row for ``(jalali_year, key, occurrence)`` with a date confirms (or moves) that
occurrence, which is then exact (``approximate=False``); a row without a date says "not a
holiday this year".  Rows without a key are holidays the office added (exact).

Field names used as keys of ``ValidationError.errors``: ``date``, ``name_fa``, ``name_en``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from qazvin_diplomacy.core.errors import NotFoundError, ValidationError
from qazvin_diplomacy.core.holidays import (
    all_official_holidays,
    jalali_year_range,
    lunar_holiday,
    years_between,
)
from qazvin_diplomacy.core.jalali import (
    MAX_YEAR,
    MIN_YEAR,
    Holiday,
    format_jalali,
    to_jalali,
)
from qazvin_diplomacy.core.text import normalize, to_persian_digits
from qazvin_diplomacy.services.records import check_version, get_row, write
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.storage.holidays import HolidayEntry

__all__ = [
    "MAX_SHIFT_DAYS",
    "NAME_MAX",
    "HolidayRow",
    "add_holiday",
    "cancel_holiday",
    "confirm_holiday",
    "holidays_in",
    "holidays_in_session",
    "remove_holiday",
    "reset_holiday",
    "update_holiday",
    "year_holidays",
]

NAME_MAX = 200
# A sighted lunar date differs from the tabular one by a day or two; a correction further
# away than this is a typing mistake (another month or year).
MAX_SHIFT_DAYS = 15
_WHAT = "تعطیلی"


@dataclass(frozen=True)
class HolidayRow:
    """One holiday of a Jalali year as the editor shows it.

    ``date`` is the date in force (``None``: a lunar holiday the office marked "not a holiday
    this year"); ``computed`` the fixed or tabular date (``None`` for office-added ones);
    ``entry_id``/``version`` identify the office's stored entry, if any.
    """

    kind: str  # "fixed", "lunar" or "office"
    key: str
    occurrence: int
    date: date | None
    computed: date | None
    name_fa: str
    name_en: str
    approximate: bool
    entry_id: int | None = None
    version: int | None = None

    @property
    def cancelled(self) -> bool:
        """A lunar holiday the office marked "not a holiday this year"."""
        return self.date is None

    def holiday(self) -> Holiday | None:
        """The :class:`Holiday` in force, or ``None`` when cancelled."""
        if self.date is None:
            return None
        return Holiday(
            self.date,
            self.name_fa,
            self.name_en,
            approximate=self.approximate,
            key=self.key,
            occurrence=self.occurrence,
            kind=self.kind,
        )


def _entries(session: Session, years: Iterable[int]) -> list[HolidayEntry]:
    return list(
        session.scalars(
            select(HolidayEntry)
            .where(HolidayEntry.jalali_year.in_(list(years)))
            .order_by(HolidayEntry.date, HolidayEntry.id)
        )
    )


def _rows_of_year(year: int, entries: Iterable[HolidayEntry]) -> list[HolidayRow]:
    corrections: dict[tuple[str, int], HolidayEntry] = {}
    added: list[HolidayEntry] = []
    for entry in entries:
        if entry.jalali_year != year:
            continue
        if entry.holiday_key is None:
            added.append(entry)
        else:
            corrections[(entry.holiday_key, entry.occurrence)] = entry
    rows: list[HolidayRow] = []
    for h in all_official_holidays(year):
        entry = corrections.get((h.key, h.occurrence)) if h.kind == "lunar" else None
        rows.append(
            HolidayRow(
                kind=h.kind,
                key=h.key,
                occurrence=h.occurrence,
                date=entry.date if entry is not None else h.date,
                computed=h.date,
                name_fa=h.name_fa,
                name_en=h.name_en,
                approximate=h.approximate and entry is None,
                entry_id=entry.id if entry is not None else None,
                version=entry.version if entry is not None else None,
            )
        )
    rows.extend(_office_row(entry) for entry in added)
    far = date.max
    rows.sort(
        key=lambda r: (r.date or r.computed or far, ("fixed", "lunar", "office").index(r.kind))
    )
    return rows


def year_holidays(db: Database, jalali_year: int) -> list[HolidayRow]:
    """Every holiday of ``jalali_year`` (fixed, lunar, office-added, cancelled ones too), by date."""
    _check_year(jalali_year)
    with db.read_session() as session:
        return _rows_of_year(jalali_year, _entries(session, [jalali_year]))


def holidays_in_session(session: Session, date_from: date, date_to: date) -> list[Holiday]:
    """:func:`holidays_in` inside an open session (for other services)."""
    years = years_between(date_from, date_to)
    if not years:
        return []
    entries = _entries(session, years)
    found: list[Holiday] = []
    for year in years:
        for row in _rows_of_year(year, entries):
            holiday = row.holiday()
            if holiday is not None and date_from <= holiday.date <= date_to:
                found.append(holiday)
    return found


def holidays_in(db: Database, date_from: date, date_to: date) -> list[Holiday]:
    """Holidays between ``date_from`` and ``date_to`` (inclusive), in date order.

    Fixed ones, lunar ones (``approximate=True`` unless the office confirmed them; those it
    cancelled left out) and the office's own.  Dates outside the app's Jalali range give none.
    """
    if date_to < date_from:
        return []
    with db.read_session() as session:
        return holidays_in_session(session, date_from, date_to)


# --- validation ----------------------------------------------------------------------------


def _fa(value: object) -> str:
    return to_persian_digits(value)


def _check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValidationError(
            {"date": f"سال {_fa(year)} خارج از بازهٔ {_fa(MIN_YEAR)} تا {_fa(MAX_YEAR)} است."},
            f"Year {year} is outside {MIN_YEAR}-{MAX_YEAR}.",
        )


def _check_in_year(day: date, year: int) -> None:
    first, last = jalali_year_range(year)
    if not first <= day <= last:
        raise ValidationError(
            {
                "date": f"تاریخ {format_jalali(day)} در سال {_fa(year)} نیست؛ "
                f"تاریخی بین {format_jalali(first)} و {format_jalali(last)} وارد کنید."
            },
            f"{format_jalali(day, digits='latin')} is not in year {year}.",
        )


def _lunar_row(session: Session, year: int, key: str, occurrence: int) -> HolidayRow:
    _check_year(year)
    try:
        lunar_holiday(key)
    except KeyError:
        raise NotFoundError(
            f"تعطیلی قمری «{key}» شناخته نیست.", f"Unknown lunar holiday '{key}'."
        ) from None
    for row in _rows_of_year(year, _entries(session, [year])):
        if row.kind == "lunar" and row.key == key and row.occurrence == occurrence:
            return row
    raise NotFoundError(
        f"این تعطیلی قمری در سال {_fa(year)} (نوبت {_fa(occurrence)}) وجود ندارد.",
        f"Lunar holiday '{key}' does not fall in {year} (occurrence {occurrence}).",
    )


def _names(name_fa: str, name_en: str) -> tuple[str, str]:
    fa = normalize(name_fa or "").strip()
    en = normalize(name_en or "")
    errors: dict[str, str] = {}
    if not fa:
        errors["name_fa"] = "نام فارسی تعطیلی را وارد کنید."
    elif len(fa) > NAME_MAX:
        errors["name_fa"] = f"نام فارسی حداکثر {_fa(NAME_MAX)} نویسه است."
    if len(en) > NAME_MAX:
        errors["name_en"] = f"نام انگلیسی حداکثر {_fa(NAME_MAX)} نویسه است."
    if errors:
        raise ValidationError(errors, "The holiday's name is missing or too long.")
    return fa, en


def _set_correction(
    db: Database, year: int, key: str, occurrence: int, day: date | None, version: int | None
) -> HolidayRow:
    with write(db) as session:
        row = _lunar_row(session, year, key, occurrence)
        if day is not None:
            _check_in_year(day, year)
            assert row.computed is not None
            if abs((day - row.computed).days) > MAX_SHIFT_DAYS:
                raise ValidationError(
                    {
                        "date": f"تاریخ {format_jalali(day)} بیش از {_fa(MAX_SHIFT_DAYS)} روز با "
                        f"تاریخ تقریبی {row.name_fa} ({format_jalali(row.computed)}) فاصله دارد؛ "
                        "تاریخ را بررسی کنید."
                    },
                    f"More than {MAX_SHIFT_DAYS} days away from the approximate date.",
                )
        if row.entry_id is not None:
            entry = get_row(session, HolidayEntry, row.entry_id, _WHAT)
            check_version(entry, version, _WHAT)
            entry.date = day
        else:
            entry = HolidayEntry(jalali_year=year, holiday_key=key, occurrence=occurrence, date=day)
            session.add(entry)
        session.flush()
        rows = _rows_of_year(year, _entries(session, [year]))
    return next(
        r for r in rows if r.kind == "lunar" and r.key == key and r.occurrence == occurrence
    )


def confirm_holiday(
    db: Database,
    *,
    jalali_year: int,
    key: str,
    day: date,
    occurrence: int = 1,
    version: int | None = None,
) -> HolidayRow:
    """Confirm (or move) lunar holiday ``key``'s ``occurrence`` in ``jalali_year`` to ``day``.

    ``day`` must lie in that Jalali year and within :data:`MAX_SHIFT_DAYS` of the computed
    date.  ``version`` is the stored entry's version the caller saw (``None``: don't check).
    """
    return _set_correction(db, jalali_year, key, occurrence, day, version)


def cancel_holiday(
    db: Database, *, jalali_year: int, key: str, occurrence: int = 1, version: int | None = None
) -> HolidayRow:
    """Mark lunar holiday ``key``'s ``occurrence`` "not a holiday this year"."""
    return _set_correction(db, jalali_year, key, occurrence, None, version)


def reset_holiday(db: Database, *, jalali_year: int, key: str, occurrence: int = 1) -> HolidayRow:
    """Drop the office's correction: the lunar holiday is the approximate computed one again."""
    with write(db) as session:
        row = _lunar_row(session, jalali_year, key, occurrence)
        if row.entry_id is not None:
            session.delete(get_row(session, HolidayEntry, row.entry_id, _WHAT))
    return replace(row, date=row.computed, approximate=True, entry_id=None, version=None)


def add_holiday(db: Database, *, day: date, name_fa: str, name_en: str = "") -> HolidayRow:
    """Add an office holiday on ``day`` (exact, ``kind="office"``); the Persian name is required."""
    fa, en = _names(name_fa, name_en)
    year = to_jalali(day)[0]
    _check_year(year)
    with write(db) as session:
        _refuse_duplicate(session, day, None)
        entry = HolidayEntry(
            jalali_year=year, holiday_key=None, occurrence=1, date=day, name_fa=fa, name_en=en
        )
        session.add(entry)
        session.flush()
        return _office_row(entry)


def update_holiday(
    db: Database,
    entry_id: int,
    *,
    day: date,
    name_fa: str,
    name_en: str = "",
    version: int | None = None,
) -> HolidayRow:
    """Change an office-added holiday's date or names."""
    fa, en = _names(name_fa, name_en)
    year = to_jalali(day)[0]
    _check_year(year)
    with write(db) as session:
        entry = _office_entry(session, entry_id)
        check_version(entry, version, _WHAT)
        _refuse_duplicate(session, day, entry_id)
        entry.jalali_year, entry.date, entry.name_fa, entry.name_en = year, day, fa, en
        session.flush()
        return _office_row(entry)


def remove_holiday(db: Database, entry_id: int, *, version: int | None = None) -> None:
    """Delete an office-added holiday (use :func:`reset_holiday` for a lunar correction)."""
    with write(db) as session:
        entry = _office_entry(session, entry_id)
        check_version(entry, version, _WHAT)
        session.delete(entry)


def _office_entry(session: Session, entry_id: int) -> HolidayEntry:
    entry = get_row(session, HolidayEntry, entry_id, _WHAT)
    if entry.holiday_key is not None:
        raise NotFoundError(
            f"تعطیلی با شناسه {_fa(entry_id)} را دفتر اضافه نکرده است.",
            f"Holiday {entry_id} was not added by the office.",
        )
    return entry


def _refuse_duplicate(session: Session, day: date, entry_id: int | None) -> None:
    query = select(HolidayEntry.id).where(
        HolidayEntry.holiday_key.is_(None), HolidayEntry.date == day
    )
    if entry_id is not None:
        query = query.where(HolidayEntry.id != entry_id)
    if session.scalar(query) is not None:
        raise ValidationError(
            {"date": f"برای {format_jalali(day)} پیش‌تر تعطیلی دیگری اضافه شده است."},
            "The office already added a holiday on that date.",
        )


def _office_row(entry: HolidayEntry) -> HolidayRow:
    return HolidayRow(
        kind="office",
        key=f"office-{entry.id}",
        occurrence=1,
        date=entry.date,
        computed=None,
        name_fa=entry.name_fa,
        name_en=entry.name_en,
        approximate=False,
        entry_id=entry.id,
        version=entry.version,
    )
