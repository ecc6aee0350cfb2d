"""An output that is the database: every spelling of it is refused by report, export, backup
and restore with one line, and the database stays byte-identical (issue 12, item 1).
A workbook open in Excel: one line saying "close it", no temporary file left (issue 19, item 2)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from qazvin_diplomacy.cli import main
from qazvin_diplomacy.services import files

COMMANDS = {
    "report": ["report", "weekly-agenda", "--week", "1404/07/01"],
    "export": ["export", "countries"],
    "backup": ["backup"],
}
# Every way of naming the database or its files seen from the database's own folder.
ATTACKS = [
    "{db}",
    "./{db}",
    "../office/{db}",
    "alias/{db}",
    "link{ext}",
    "hard{ext}",
    "{db}-wal",
    "{db}-shm",
    "r-attachments/x{ext}",
    "r-attachments/ab/abcd",
    "r-attachments",
    "r-backups",
]
TODAY = dt.date(2026, 11, 24)  # the day of the demo in tests/cli/test_cli_reports.py
EXT = {"report": ".pdf", "export": ".xlsx", "backup": ".qdbackup"}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, demo_database: Callable[..., Path]) -> Path:
    """The demo database (a copy of the session's: the CLI reports of tests/cli/test_cli_reports.py
    load the same demo, on the same day)."""
    return demo_database(tmp_path_factory.mktemp("demo") / "demo.db", today=TODAY)


def _office(tmp_path: Path, demo: Path, name: str) -> Path:
    """A copy of the demo database named ``name`` with its folders, links to it and an attachment."""
    office = tmp_path / "office"
    office.mkdir()
    db = office / name
    shutil.copyfile(demo, db)
    (office / "r-backups").mkdir()
    (office / "r-attachments" / "ab").mkdir(parents=True)
    (office / "r-attachments" / "ab" / "abcd").write_bytes(b"attached file")
    (office / "r-backups" / "old.qdbackup").write_bytes(b"an older backup")
    for ext in EXT.values():
        os.symlink(db, office / f"link{ext}")
        os.link(db, office / f"hard{ext}")
    os.symlink(office, office / "alias")
    return db


def _state(office: Path) -> dict[str, str]:
    """Every file under ``office`` and its SHA-256 (SQLite's own -wal/-shm files aside)."""
    found = {}
    for path in sorted(office.rglob("*")):
        if path.is_file() and not path.is_symlink() and not path.name.endswith(("-wal", "-shm")):
            found[str(path.relative_to(office))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def _assert_refused(code: int, err: str, office: Path, before: dict[str, str]) -> None:
    assert code == 1
    assert len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err
    assert _state(office) == before
    for sidecar in office.glob("*-wal"):  # never a PDF, workbook or ZIP where SQLite looks
        assert sidecar.read_bytes()[:4] not in (b"%PDF", b"PK\x03\x04")


@pytest.mark.parametrize("attack", ATTACKS)
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_an_output_that_is_the_database_is_refused(
    command: str,
    attack: str,
    tmp_path: Path,
    demo: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Export picks its format by the suffix, so its database is named like a workbook.
    name = "r.xlsx" if command == "export" else "r.db"
    db = _office(tmp_path, demo, name)
    office = db.parent
    monkeypatch.chdir(office)
    out = attack.format(db=name, ext=EXT[command])
    before = _state(office)
    code = main([*COMMANDS[command], "--db", name, "--out", out])
    err = capsys.readouterr().err
    _assert_refused(code, err, office, before)
    assert "پایگاه داده" in err and "database" in err


def test_a_new_backup_in_the_backups_folder_is_written(
    tmp_path: Path, demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _office(tmp_path, demo, "r.db")
    digest = hashlib.sha256(db.read_bytes()).hexdigest()
    out = db.parent / "r-backups" / "new.qdbackup"
    assert main(["backup", "--db", str(db), "--out", str(out)]) == 0
    assert out.read_bytes()[:4] == b"PK\x03\x04"
    assert hashlib.sha256(db.read_bytes()).hexdigest() == digest


@pytest.mark.parametrize("source", ["r.db", "./r.db", "link.qdbackup", "r-attachments/ab/abcd"])
def test_restore_from_the_database_itself_is_refused(
    source: str,
    tmp_path: Path,
    demo: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = _office(tmp_path, demo, "r.db")
    monkeypatch.chdir(db.parent)
    before = _state(db.parent)
    code = main(["restore", "--in", source, "--db", "r.db"])
    err = capsys.readouterr().err
    _assert_refused(code, err, db.parent, before)
    assert "هیچ چیزی بازیابی نشد" in err


@pytest.mark.parametrize(
    "spelling", ["R.DB", "r.db.", "r.db::$DATA", "R.db-WAL", "R-Attachments/x.pdf"]
)
def test_windows_spellings_of_the_database_are_refused(
    spelling: str,
    tmp_path: Path,
    demo: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = _office(tmp_path, demo, "r.db")
    monkeypatch.chdir(db.parent)
    monkeypatch.setattr(files, "WINDOWS_NAMES", True)  # Windows resolves all these to r.db …
    monkeypatch.setattr(files, "CASE_INSENSITIVE_NAMES", True)
    before = _state(db.parent)
    code = main([*COMMANDS["report"], "--db", "r.db", "--out", spelling])
    _assert_refused(code, capsys.readouterr().err, db.parent, before)


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    return subprocess.run(
        [sys.executable, "-m", "qazvin_diplomacy", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        cwd=cwd,
        env=env,
    )


def test_the_reported_attacks_end_to_end(tmp_path: Path, demo: Path) -> None:
    """The commands of the issue, as typed: exit 1, one line, the database unchanged."""
    for args, name in (
        (["report", "visit-dossier", "--visit", "1", "--db", "r.db", "--out", "r.db"], "r.db"),
        (["backup", "--db", "b.db", "--out", "./b.db"], "b.db"),
    ):
        shutil.copyfile(demo, tmp_path / name)
        digest = hashlib.sha256((tmp_path / name).read_bytes()).hexdigest()
        result = _run(*args, cwd=tmp_path)
        assert result.returncode == 1, result.stdout + result.stderr
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
        assert hashlib.sha256((tmp_path / name).read_bytes()).hexdigest() == digest


def test_export_over_a_workbook_open_in_excel(
    tmp_path: Path, demo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _office(tmp_path, demo, "r.db")
    out = tmp_path / "lists" / "countries.xlsx"
    out.parent.mkdir()
    out.write_bytes(b"the workbook Excel has open")
    real_replace = os.replace
    monkeypatch.setattr(files.time, "sleep", lambda _s: None)

    def locked(src: str, dst: str) -> None:
        if Path(dst) == out:
            exc = PermissionError(13, "Access is denied")
            exc.winerror = 32  # type: ignore[attr-defined]
            raise exc
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", locked)
    code = main(["export", "countries", "--db", str(db), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 1 and len(err.strip().splitlines()) == 1
    assert "ببندید" in err and "close it" in err
    assert out.read_bytes() == b"the workbook Excel has open"
    assert os.listdir(out.parent) == ["countries.xlsx"]  # no temporary file with contact data


def test_export_onto_a_folder_is_one_line(
    tmp_path: Path, demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _office(tmp_path, demo, "r.db")
    folder = tmp_path / "people.xlsx"
    folder.mkdir()
    assert main(["export", "people", "--db", str(db), "--out", str(folder)]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "پوشه" in err
    assert os.listdir(folder) == [] and os.listdir(tmp_path) == ["office", "people.xlsx"]
