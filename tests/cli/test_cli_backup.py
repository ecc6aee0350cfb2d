"""backup and restore from the command line, as the office's IT person runs them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from qazvin_diplomacy.cli import main


def _people(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [r[0] for r in conn.execute("SELECT name_fa FROM person ORDER BY id")]


def test_backup_then_restore_round_trip(tmp_path: Path, capsys) -> None:
    db = tmp_path / "office.sqlite3"
    assert main(["demo", "--db", str(db)]) == 0
    before = _people(db)
    out = tmp_path / "usb" / "office.qdbackup"
    out.parent.mkdir()
    assert main(["backup", "--db", str(db), "--out", str(out)]) == 0
    assert out.is_file()
    target = tmp_path / "restored.sqlite3"
    assert main(["restore", "--in", str(out), "--db", str(target)]) == 0
    assert _people(target) == before
    assert main(["check", "--db", str(target)]) == 0


def test_encrypted_backup_needs_the_right_password(tmp_path: Path, capsys) -> None:
    db = tmp_path / "office.sqlite3"
    assert main(["demo", "--db", str(db)]) == 0
    secret = tmp_path / "secret.txt"
    secret.write_text("گذرواژه-قوی-۱۴۰۵\n", encoding="utf-8")
    out = tmp_path / "office.qdbackup"
    assert main(["backup", "--db", str(db), "--out", str(out), "--password-file", str(secret)]) == 0
    assert b"SQLite format 3" not in out.read_bytes()
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("something else\n", encoding="utf-8")
    target = tmp_path / "restored.sqlite3"
    capsys.readouterr()
    assert (
        main(["restore", "--in", str(out), "--db", str(target), "--password-file", str(wrong)]) == 1
    )
    assert "گذرواژه" in capsys.readouterr().err
    assert not target.exists()
    assert (
        main(["restore", "--in", str(out), "--db", str(target), "--password-file", str(secret)])
        == 0
    )
    assert _people(target) == _people(db)


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path: Path, capsys) -> None:
    bogus = tmp_path / "not-a-backup.qdbackup"
    bogus.write_bytes(b"hello" * 100)
    target = tmp_path / "db.sqlite3"
    assert main(["restore", "--in", str(bogus), "--db", str(target)]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and err.startswith("خطا")
    assert not target.exists()
