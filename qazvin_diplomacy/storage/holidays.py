"""The office's holiday entries (تعطیلات): corrections of lunar holidays and added holidays.

Lunar (Hijri qamari) official holidays are computed approximately by ``core.holidays``; the
office confirms or moves each occurrence once the moon is sighted, or marks it "not a holiday
this year".  One row per correction, keyed by ``(jalali_year, holiday_key, occurrence)``
(``occurrence`` is 1, or 2 when one lunar holiday falls twice in a Jalali year), with the
confirmed ``date`` or ``NULL`` for "cancelled".  Holidays the office adds itself (a national
day of mourning, a provincial holiday) have ``holiday_key`` ``NULL`` and carry their names.
The table lives in the database so the corrections travel with backups.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from qazvin_diplomacy.storage.base import Base, RecordMixin


class HolidayEntry(RecordMixin, Base):
    """A confirmed/cancelled lunar holiday occurrence, or an office-added holiday."""

    __tablename__ = "holiday_entry"
    __table_args__ = (
        # One correction per lunar occurrence; office-added rows (key NULL) are not limited.
        UniqueConstraint("jalali_year", "holiday_key", "occurrence"),
        Index("ix_holiday_entry_date", "date"),
    )

    jalali_year: Mapped[int] = mapped_column(Integer)
    holiday_key: Mapped[str | None] = mapped_column(String(40), default=None)
    occurrence: Mapped[int] = mapped_column(Integer, default=1)
    date: Mapped[date | None] = mapped_column(Date, default=None)
    name_fa: Mapped[str] = mapped_column(String(200), default="")
    name_en: Mapped[str] = mapped_column(String(200), default="")
