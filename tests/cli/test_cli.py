"""The command line, run as the office's IT staff would run it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from qazvin_diplomacy import __version__
from qazvin_diplomacy.cli import main


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "qazvin_diplomacy", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["version"]) == 0
    assert __version__ in capsys.readouterr().out


def test_unknown_command_is_one_line_and_exit_2() -> None:
    result = run("frobnicate")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1


def test_bad_option_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["check", "--db", "x.db", "--no-such-option"])
    assert info.value.code == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


@pytest.mark.slow
def test_demo_then_check_exit_0(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite3"
    made = run("demo", "--db", str(db))
    assert made.returncode == 0, made.stderr
    checked = run("check", "--db", str(db))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "OK" in checked.stdout


def test_demo_refuses_a_database_that_is_not_empty(tmp_path: Path, capsys) -> None:
    db = tmp_path / "demo.sqlite3"
    assert main(["demo", "--db", str(db)]) == 0
    assert main(["demo", "--db", str(db)]) == 1
    assert "خالی نیست" in capsys.readouterr().err


def test_check_refuses_a_text_file_with_one_line(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("not a database", encoding="utf-8")
    result = run("check", "--db", str(bogus))
    assert result.returncode == 1
    assert "SQLite" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert bogus.read_text(encoding="utf-8") == "not a database"


def test_check_reports_broken_foreign_keys(tmp_path: Path, capsys) -> None:
    import sqlite3

    db = tmp_path / "fk.sqlite3"
    assert main(["demo", "--db", str(db)]) == 0
    with sqlite3.connect(db) as conn:  # a connection without foreign keys, as a careless tool would
        conn.execute("UPDATE person SET organization_id = 987654 WHERE id = 1")
    capsys.readouterr()
    assert main(["check", "--db", str(db)]) == 1
    assert "ارجاع نامعتبر" in capsys.readouterr().out


def test_check_missing_file(tmp_path: Path, capsys) -> None:
    assert main(["check", "--db", str(tmp_path / "none.sqlite3")]) == 1
    assert not (tmp_path / "none.sqlite3").exists()
