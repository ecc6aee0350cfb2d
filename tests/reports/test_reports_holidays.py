"""The printed weekly agenda and daily programme mark lunar holidays, approximate or confirmed."""

from __future__ import annotations

import datetime as dt

from qazvin_diplomacy.core.jalali import from_jalali
from qazvin_diplomacy.reports.catalog import render_report
from qazvin_diplomacy.services.holidays import confirm_holiday

ASHURA = from_jalali(1404, 4, 15)  # Sunday; tabular 10 Muharram 1447
PRINTED = dt.datetime(2025, 7, 1, 9, 0)


def _lines(pdf_reader, path) -> list[str]:
    return [b.logical.replace("\u200c", "") for page in pdf_reader(path, split_gap=7) for b in page]


def test_weekly_agenda_prints_approximate_ashura(db, tmp_path, pdf_reader) -> None:
    out = tmp_path / "week.pdf"
    render_report("weekly-agenda", db, out, week=ASHURA, printed_at=PRINTED)
    lines = _lines(pdf_reader, out)
    assert "یکشنبه ۱۵ تیر ۱۴۰۴ — تعطیل رسمی (عاشورای حسینی، تقریبی)" in lines
    assert "شنبه ۱۴ تیر ۱۴۰۴ — تعطیل رسمی (تاسوعای حسینی، تقریبی)" in lines


def test_confirmed_holiday_is_printed_without_the_mark(db, tmp_path, pdf_reader) -> None:
    confirm_holiday(db, jalali_year=1404, key="ashura", day=ASHURA)
    out = tmp_path / "day.pdf"
    render_report("daily-programme", db, out, date=ASHURA, printed_at=PRINTED)
    lines = _lines(pdf_reader, out)
    assert any(
        line.startswith("یکشنبه ۱۵ تیر ۱۴۰۴ — تعطیل رسمی (عاشورای حسینی) —") for line in lines
    )
    assert not any("تقریبی" in line for line in lines)
