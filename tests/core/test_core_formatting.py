"""core.formatting and core.cells: counts, Jalali text, yes/no, formula checks."""

from __future__ import annotations

from datetime import UTC, date, datetime

from qazvin_diplomacy.core.cells import is_formula_like
from qazvin_diplomacy.core.formatting import format_count, jalali_text, yes_no


def test_format_count_uses_the_persian_thousands_separator() -> None:
    assert format_count(20_000) == "۲۰٬۰۰۰"
    assert format_count(1_234_567) == "۱٬۲۳۴٬۵۶۷" and format_count(999) == "۹۹۹"
    assert format_count(20_000, "en") == "20,000"


def test_jalali_text_digits_and_time() -> None:
    moment = datetime(2025, 10, 1, 6, 0, tzinfo=UTC)  # 09:30 in Tehran
    assert jalali_text(moment) == "۱۴۰۴/۰۷/۰۹"
    assert jalali_text(moment, with_time=True) == "۱۴۰۴/۰۷/۰۹ ۰۹:۳۰"
    assert jalali_text(moment, digits="latin", with_time=True) == "1404/07/09 09:30"
    assert jalali_text(date(2025, 10, 5), digits="latin") == "1404/07/13"
    assert jalali_text(date(2025, 10, 5), with_time=True) == "۱۴۰۴/۰۷/۱۳"  # a date has no time
    assert jalali_text(None, with_time=True) == ""


def test_yes_no() -> None:
    assert (yes_no(True), yes_no(False), yes_no(True, "en"), yes_no(False, "en")) == (
        "بله",
        "خیر",
        "Yes",
        "No",
    )


def test_formula_like() -> None:
    for text in ("=1+1", "+98 21", "-x", "@a", "\tx", "\rx"):
        assert is_formula_like(text)
    for text in ("", "سلام", "a=b", "'=x", " =x"):
        assert not is_formula_like(text)
