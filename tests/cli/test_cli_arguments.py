"""Values typed on the command line that used to give a traceback or a silent 0 rows.

Ids above SQLite's INTEGER, enum values no list has, unbounded counts, and a damaged search
index: each is refused in one line (Persian — English), without a traceback, leaving the
files as they were.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from qazvin_diplomacy import cli
from qazvin_diplomacy.cli import build_parser, main
from qazvin_diplomacy.cli.args import record_id
from qazvin_diplomacy.core.directory import OrganizationInput, PersonInput
from qazvin_diplomacy.services.directory import save_organization, save_person
from qazvin_diplomacy.storage.database import Database

pytestmark = pytest.mark.sqlite_only(
    reason="hands the SQLite file (db.path) to --db; the server URL twins: test_cli_server.py, test_cli_directory.py"
)

HUGE = "99999999999999999999999"  # above 2**63 - 1
ROOT = Path(__file__).resolve().parents[2]


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "qazvin_diplomacy", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        cwd=ROOT,
        env=env,
    )


def _one_line(err: str) -> str:
    assert "Traceback" not in err, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


@pytest.fixture
def filled(db: Database, db_path: Path) -> Path:
    org = save_organization(
        db, org=OrganizationInput(name_fa="سفارت نمونه", kind="embassy", phone="+98 21 8877 6655")
    )
    save_person(
        db, person=PersonInput(name_fa="مینا احمدی", phone="۰۲۱-۲۲۳۳۴۴۵۵", organization_id=org.id)
    )
    return db_path


# --- record ids ------------------------------------------------------------------------------


def test_an_id_above_sqlite_integers_is_refused_by_report_in_one_line(
    filled: Path, tmp_path: Path
) -> None:
    out = tmp_path / "r.pdf"
    result = _cli(
        "report", "visit-dossier", "--visit", HUGE, "--db", str(filled), "--out", str(out)
    )
    assert result.returncode == 1
    line = _one_line(result.stderr)
    assert "معتبر نیست" in line and " — " in line and HUGE in line
    assert not out.exists()


@pytest.mark.parametrize(
    ("argv", "persian"),
    [
        (("visit-dossier", "--visit", HUGE), "معتبر نیست"),
        (("itinerary", "--visit", "۹" * 30), "معتبر نیست"),  # Persian digits, too large
        (("agreement-sheet", "--agreement", HUGE), "معتبر نیست"),
        (("event-guests", "--event", HUGE), "معتبر نیست"),
        (("agreements-register", "--organization-id", HUGE), "معتبر نیست"),
        (("visit-dossier", "--visit", "²"), "عدد نیست"),  # a digit int() refuses
        (("visit-dossier", "--visit", "9" * 5000), "معتبر نیست"),  # int() refuses > 4300 digits
    ],
)
def test_every_report_id_option_is_bounded(
    filled: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: tuple[str, ...],
    persian: str,
) -> None:
    out = tmp_path / "r.pdf"
    assert main(["report", *argv, "--db", str(filled), "--out", str(out)]) == 1
    assert persian in _one_line(capsys.readouterr().err)
    assert not out.exists()


@pytest.mark.parametrize("value", [HUGE, "0", "-3", "abc", "۱۲x"])
def test_export_organization_id_is_a_usage_error(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    out = tmp_path / "p.csv"
    with pytest.raises(SystemExit) as info:
        main(
            ["export", "people", "--organization-id", value, "--db", str(filled), "--out", str(out)]
        )
    assert info.value.code == 2
    line = _one_line(capsys.readouterr().err)
    assert "--organization-id" in line and value in line and " — " in line
    assert not out.exists()


def test_export_organization_id_in_persian_digits_is_accepted(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "p.csv"
    argv = ["export", "people", "--organization-id", "۱", "--db", str(filled), "--out", str(out)]
    assert main(argv) == 0
    assert "1 rows" in capsys.readouterr().out


def test_every_id_option_of_the_parser_uses_the_record_id_type() -> None:
    """An audit of the whole parser: no ``…-id`` option is a bare ``int`` (unbounded)."""
    found = []

    def walk(parser: argparse.ArgumentParser) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for sub in action.choices.values():
                    walk(sub)
            elif action.dest.endswith("_id") and action.type is not None:
                found.append(action.dest)
                assert action.type is record_id, action.option_strings

    walk(build_parser())
    assert "organization_id" in found


# --- enum values ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "option", "allowed"),
    [
        ("organizations", "--org-kind", ("embassy", "سفارت", "university")),
        ("followups", "--status", ("open", "in_progress", "done", "cancelled")),
        ("visits", "--status", ("requested", "held")),
        ("agreements", "--agreement-kind", ("mou",)),
        ("agreements", "--axis", ("tourism",)),
        ("events", "--event-kind", ("cultural",)),
    ],
)
def test_an_unknown_enum_value_is_refused_with_the_allowed_ones(
    filled: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    kind: str,
    option: str,
    allowed: tuple[str, ...],
) -> None:
    out = tmp_path / "x.csv"
    assert main(["export", kind, option, "bogus", "--db", str(filled), "--out", str(out)]) == 1
    line = _one_line(capsys.readouterr().err)
    assert "«bogus»" in line and "'bogus'" in line
    assert all(word in line for word in allowed), line
    assert not out.exists()


def test_enum_values_are_matched_without_regard_to_case(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "o.csv"
    assert (
        main(
            [
                "export",
                "organizations",
                "--org-kind",
                "Embassy",
                "--db",
                str(filled),
                "--out",
                str(out),
            ]
        )
        == 0
    )
    assert "1 rows" in capsys.readouterr().out
    assert (
        main(
            [
                "export",
                "organizations",
                "--org-kind",
                "university",
                "--db",
                str(filled),
                "--out",
                str(out),
            ]
        )
        == 0
    )
    assert "0 rows" in capsys.readouterr().out


# --- counts ----------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["0", "-1", "10001", HUGE, "many"])
def test_search_limit_is_bounded(
    filled: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    with pytest.raises(SystemExit) as info:
        main(["search", "احمدی", "--limit", value, "--db", str(filled)])
    assert info.value.code == 2
    line = _one_line(capsys.readouterr().err)
    assert "--limit" in line and value in line


def test_search_limit_in_persian_digits(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "احمدی", "--limit", "۵", "--db", str(filled)]) == 0
    assert "مینا احمدی" in capsys.readouterr().out


@pytest.mark.parametrize("value", ["1001", "1000000000", HUGE, "-1"])
def test_demo_scale_is_bounded_before_anything_is_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    db = tmp_path / "big.sqlite3"
    assert main(["demo", "--db", str(db), "--scale", value]) == 1
    line = _one_line(capsys.readouterr().err)
    assert "مقیاس" in line and "scale" in line
    assert list(tmp_path.iterdir()) == []


def test_a_scaled_demo_reports_each_step_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from qazvin_diplomacy.services.demo import DEMO_CONTRIBUTORS

    assert main(["demo", "--db", str(tmp_path / "d.sqlite3"), "--scale", "1"]) == 0
    captured = capsys.readouterr()
    steps = len(DEMO_CONTRIBUTORS)
    lines = captured.err.strip().splitlines()
    assert len(lines) == steps + 1
    assert lines[0].startswith(f"demo 1/{steps}: ") and "synthetic visits" in captured.err
    assert lines[-1] == f"demo {steps}/{steps}: writing the database file …"
    assert "demo database written" in captured.out
    assert main(["demo", "--db", str(tmp_path / "plain.sqlite3")]) == 0
    assert capsys.readouterr().err == ""  # the small demo is quick: no progress lines


def test_demo_progress_survives_a_missing_or_broken_stderr(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "stderr", None)  # pythonw.exe: no console at all
    cli.database._demo_progress(1, 9, "synthetic_visits")

    class Gone:
        def write(self, _text: str) -> int:
            raise OSError(22, "Invalid argument")

    monkeypatch.setattr(sys, "stderr", Gone())
    cli.database._demo_progress(2, 9, "commit")


# --- a damaged search index ----------------------------------------------------------------


def _damage_index(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM search_fts_data")  # FTS5 can no longer open the index
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # all in the main file: compare bytes


@pytest.mark.slow
def test_a_damaged_index_makes_search_and_import_say_so_and_repair_fixes_it(
    filled: Path, db: Database, tmp_path: Path
) -> None:
    db.close()
    _damage_index(filled)
    before = filled.read_bytes()
    searched = _cli("search", "۲۲۳۳", "--db", str(filled))
    assert searched.returncode == 1 and searched.stdout == ""
    line = _one_line(searched.stderr)
    assert "نمایه جستجو آسیب دیده" in line and "check --repair" in line

    sheet = tmp_path / "c.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["نام", "تلفن"])
    book.active.append(["کاوه رحیمی", "028-3355-1000"])
    book.save(sheet)
    imported = _cli("import", "contacts", str(sheet), "--db", str(filled))
    assert imported.returncode == 1
    line = _one_line(imported.stderr)
    assert "check --repair" in line and "هیچ تغییری ثبت نشد" in line
    assert filled.read_bytes() == before  # nothing imported

    repaired = _cli("check", "--repair", "--db", str(filled))
    assert repaired.returncode == 0, repaired.stdout + repaired.stderr
    assert _cli("import", "contacts", str(sheet), "--db", str(filled)).returncode == 0
    found = _cli("search", "۳۳۵۵", "--db", str(filled))
    assert found.returncode == 0 and "کاوه رحیمی" in found.stdout
    found = _cli("search", "۲۲۳۳", "--db", str(filled))
    assert "مینا احمدی" in found.stdout


def test_check_names_a_damaged_index_without_a_traceback(filled: Path, db: Database) -> None:
    db.close()
    _damage_index(filled)
    checked = _cli("check", "--db", str(filled))
    assert checked.returncode == 1 and "Traceback" not in checked.stderr
    assert "نمایه جستجو آسیب دیده" in checked.stdout and "check --repair" in checked.stdout
