"""Letters on the command line: ``report letter`` (numbered when printed, PDF or Word by the
file's extension), ``letters list`` and ``export letters``."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from qazvin_diplomacy.cli import main
from qazvin_diplomacy.services import letters as svc
from qazvin_diplomacy.storage.database import Database


@pytest.fixture
def office(db_path: Path) -> Path:
    Database.open(db_path).close()  # a migrated, empty office database
    return db_path


def _count(path: Path) -> int:
    db = Database.open(path, read_only=True)
    try:
        return svc.count_letters(db)
    finally:
        db.close()


def test_report_letter_as_word_registers_its_number(office: Path, tmp_path, capsys) -> None:
    out = tmp_path / "letter.docx"
    code = main(["report", "letter", "--db", str(office), "--out", str(out),
                 "--addressee", "سفارت جمهوری فدرال آلمان", "--subject", "بازدید Alborz Steel",
                 "--body", r"بند یکم با تلفن +98 28 3355 1234\nبند دوم", "--cc", "بایگانی; دفتر"])  # fmt: skip
    assert code == 0, capsys.readouterr().err
    paragraphs = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "– بایگانی" in paragraphs and any(p.startswith("بند دوم") for p in paragraphs)
    assert _count(office) == 1
    assert main(["report", "letter", "--db", str(office), "--out", str(tmp_path / "l.pdf"),
                 "--letter", "۱"]) == 0  # fmt: skip
    assert _count(office) == 1  # printed again: the same letter, the same number
    capsys.readouterr()
    assert main(["letters", "list", "--db", str(office)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("۱۴") and "/ب‌م/۱\t" in lines[0] and "سفارت" in lines[0]
    assert lines[-1] == "1 letter(s)"
    assert main(["letters", "list", "--db", str(office), "--kind", "thanks"]) == 0
    assert capsys.readouterr().out.splitlines() == ["0 letter(s)"]
    sheet = tmp_path / "register.xlsx"
    assert main(["export", "letters", "--db", str(office), "--out", str(sheet)]) == 0
    assert sheet.stat().st_size > 0


def test_a_refused_letter_is_one_line_takes_no_number_and_writes_nothing(
    office: Path, tmp_path, capsys
) -> None:
    out = tmp_path / "letter.pdf"
    code = main(["report", "letter", "--db", str(office), "--out", str(out), "--body", "متن"])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and err.startswith("خطا:") and "--addressee" in err
    assert "Traceback" not in err
    code = main(["report", "visits-register", "--db", str(office), "--out", str(tmp_path / "r.docx"),
                 "--from", "1405/01/01", "--to", "1405/01/31"])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 1 and "Word" in err
    assert not out.exists() and not (tmp_path / "r.docx").exists()
    assert [p.name for p in tmp_path.iterdir()] == [office.name]
    assert _count(office) == 0


def test_letters_list_of_a_missing_database(tmp_path, capsys) -> None:
    assert main(["letters", "list", "--db", str(tmp_path / "none.sqlite3")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("خطا:") and "Traceback" not in err
