"""The outgoing-letters register: numbers by the office's pattern, per Jalali year, never reused."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import delete

from qazvin_diplomacy.core.errors import ValidationError
from qazvin_diplomacy.core.jalali import from_jalali
from qazvin_diplomacy.core.letters import (
    LetterFilter,
    LetterInput,
    LetterKind,
    LetterLink,
    format_letter_number,
    pattern_error,
)
from qazvin_diplomacy.services import letters as svc
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.storage.letters import OutgoingLetter


def _letter(day: tuple[int, int, int] = (1405, 2, 10), **changes: object) -> LetterInput:
    base = LetterInput(
        kind=LetterKind.LETTER,
        date=from_jalali(*day),
        addressee="اتاق بازرگانی قزوین",
        subject="هماهنگی بازدید هیئت Alborz Steel (فاز ۲)",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_pattern_rules() -> None:
    assert format_letter_number("{year}/ب‌م/{seq}", 1405, 123) == "۱۴۰۵/ب‌م/۱۲۳"
    assert format_letter_number("ق-{yy}-{seq}", 1405, 7) == "ق-۰۵-۷"
    assert pattern_error("{year}/ب‌م/{seq}") is None
    assert "seq" in (pattern_error("{year}/ب‌م") or "")
    assert "{month}" in (pattern_error("{month}/{seq}") or "")
    assert pattern_error("{seq}}") is not None
    assert pattern_error("  ") is not None


def test_numbers_follow_the_pattern_and_restart_each_jalali_year(db: Database) -> None:
    first = svc.register_letter(db, letter=_letter())
    second = svc.register_letter(db, letter=_letter((1405, 12, 29)))
    next_year = svc.register_letter(db, letter=_letter((1406, 1, 1)))
    assert (first.number, second.number, next_year.number) == (
        "۱۴۰۵/ب‌م/۱",
        "۱۴۰۵/ب‌م/۲",
        "۱۴۰۶/ب‌م/۱",
    )
    svc.save_office_settings(
        db, settings=replace(svc.get_office_settings(db), number_pattern="{year}-ق-{seq}")
    )
    assert svc.register_letter(db, letter=_letter()).number == "۱۴۰۵-ق-۳"


def test_a_number_is_never_given_twice_even_if_the_last_row_is_lost(db: Database) -> None:
    svc.register_letter(db, letter=_letter())
    last = svc.register_letter(db, letter=_letter())
    with db.session() as session:
        session.execute(delete(OutgoingLetter).where(OutgoingLetter.id == last.id))
    again = svc.register_letter(db, letter=_letter())
    assert again.seq == 3 and again.number != last.number


def test_printing_again_reuses_the_number(db: Database) -> None:
    key = "invitation:event:1:person:2"
    a = svc.register_letter(db, letter=_letter(), source_key=key)
    b = svc.register_letter(db, letter=_letter(subject="دیگر"), source_key=key)
    assert (a.id, a.number) == (b.id, b.number)
    assert svc.count_letters(db) == 1


def test_refusals_name_the_field_and_write_nothing(db: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        svc.register_letter(db, letter=_letter(addressee="  "))
    assert "addressee" in caught.value.errors
    with pytest.raises(ValidationError) as caught:
        svc.register_letter(db, letter=_letter(link_kind=LetterLink.VISIT))
    assert "link_id" in caught.value.errors
    with pytest.raises(ValidationError) as caught:
        svc.save_office_settings(
            db, settings=replace(svc.get_office_settings(db), number_pattern="{year}")
        )
    assert "number_pattern" in caught.value.errors
    assert svc.count_letters(db) == 0
    assert svc.get_office_settings(db).number_pattern == "{year}/ب‌م/{seq}"


def test_search_filter_sort_and_printed_copy(db: Database, tmp_path: Path) -> None:
    svc.register_letter(db, letter=_letter())
    thanks = svc.register_letter(
        db,
        letter=_letter(
            kind=LetterKind.THANKS,
            addressee="سفارت جمهوری تاجیکستان",
            subject="سپاس از حضور در پنجاه‌بدر",
            link_kind=LetterLink.EVENT,
            link_id=4,
        ),
    )
    assert [v.id for v in svc.list_letters(db, filters=LetterFilter(text="تاجيكستان"))] == [
        thanks.id
    ]  # Arabic Yeh/Kaf typed
    assert svc.count_letters(db, filters=LetterFilter(text="alborz")) == 1
    assert svc.count_letters(db, filters=LetterFilter(kind=LetterKind.THANKS)) == 1
    assert svc.count_letters(db, filters=LetterFilter(link_kind=LetterLink.EVENT, link_id=4)) == 1
    assert [v.seq for v in svc.list_letters(db, sort="number", descending=False)] == [1, 2]
    pdf = tmp_path / "letter.pdf"
    pdf.write_bytes(b"%PDF-1.4 test")
    svc.keep_printed_copy(db, letter_id=thanks.id, path=pdf)
    assert svc.get_letter(db, letter_id=thanks.id).printed_copies == 1
    assert svc.printed_copies(db, letter_id=thanks.id)[0].original_name == "letter.pdf"


def test_settings_round_trip_and_emblem(db: Database, tmp_path: Path) -> None:
    saved = svc.save_office_settings(
        db,
        settings=replace(
            svc.get_office_settings(db),
            letterhead=("بسمه تعالی", "استانداری قزوین", ""),
            signatory_name="دکتر محمدنوید ‌پرویزی",
            signatory_title="مدیرکل امور بین‌الملل",
        ),
    )
    assert svc.get_office_settings(db) == saved
    assert saved.letterhead == ("بسمه تعالی", "استانداری قزوین")
    assert svc.emblem_path(db) is None  # the neutral default
    with pytest.raises(ValidationError):
        svc.set_emblem(db, source=tmp_path / "x.gif")
    png = tmp_path / "seal.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 100)
    svc.set_emblem(db, source=png)
    path = svc.emblem_path(db)
    assert path is not None and path.read_bytes() == png.read_bytes()
    svc.set_emblem(db, source=None)
    assert svc.emblem_path(db) is None


@pytest.mark.sqlite_only(reason="a database file on a read-only medium")
def test_a_read_only_database_reprints_numbered_letters_and_refuses_new_ones(
    db: Database, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a read-only medium a letter numbered before keeps its number; one that needs a
    new number is refused in Persian (never printed unnumbered); no copy is kept."""
    from qazvin_diplomacy.services.connection import open_database
    from qazvin_diplomacy.storage import location

    numbered = svc.register_letter(db, letter=_letter(), source_key="invitation:event:1:person:2")
    db.close()
    before = db_path.read_bytes()
    monkeypatch.setattr(location, "is_writable", lambda _path: False)
    ro = open_database(db_path, read_only=True)
    try:
        assert ro.read_only
        again = svc.register_letter(ro, letter=_letter(), source_key="invitation:event:1:person:2")
        assert again.number == numbered.number
        for key in (None, "invitation:event:1:person:3"):
            with pytest.raises(svc.ReadOnlyRegisterError) as refused:
                svc.register_letter(ro, letter=_letter(), source_key=key)
            assert "فقط‌خواندنی" in refused.value.message and refused.value.message_en
        printed = tmp_path / "letter.pdf"
        printed.write_bytes(b"%PDF-1.4 printed")
        assert svc.keep_printed_copy(ro, letter_id=numbered.id, path=printed) is None
        assert svc.get_letter(ro, letter_id=numbered.id).printed_copies == 0
    finally:
        ro.close()
    assert db_path.read_bytes() == before
