"""Commands that only read never write; read-only files are told apart from damaged ones.

``check`` reports an older schema instead of migrating it (``--upgrade`` or ``--repair``
does that); ``check``, ``report``, ``export`` and ``search`` open the database read-only; a
refused file gets nothing created beside it; a database on a read-only medium is read, and
writing commands say "read-only" in one line. The read-only medium is real here: a read-only
bind mount (``unshare -m``), and a run as user ``nobody`` on a folder without write
permission; each is skipped where the system does not allow it.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import sysconfig
import tempfile
from contextlib import closing
from pathlib import Path

import pytest

from qazvin_diplomacy.cli import main

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "demo-0002_visits.sqlite3.gz"
REPORT = ("report", "weekly-agenda", "--week", "1404-07-01")


def _state(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        if p.is_file()
        else "dir"
        for p in sorted(folder.rglob("*"))
    }


def _old_database(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "old.sqlite3"
    with gzip.open(FIXTURE) as src, path.open("wb") as dst:
        shutil.copyfileobj(src, dst)
    return path


def _current_database(path: Path) -> Path:
    from qazvin_diplomacy.services.directory import ensure_reference_data
    from qazvin_diplomacy.storage.database import Database

    path.parent.mkdir(parents=True, exist_ok=True)
    db = Database.open(path)
    try:
        ensure_reference_data(db)
    finally:
        db.close()
    return path


def _no_traceback(text: str) -> None:
    assert "Traceback" not in text


def test_check_reports_an_older_schema_and_changes_nothing(tmp_path: Path, capsys) -> None:
    path = _old_database(tmp_path / "data")
    before = _state(tmp_path)
    assert main(["check", "--db", str(path)]) == 1
    out = capsys.readouterr().out
    assert "0002_visits" in out and "check --upgrade" in out
    assert _state(tmp_path) == before


def test_check_upgrade_migrates_and_keeps_a_copy(tmp_path: Path, capsys) -> None:
    path = _old_database(tmp_path / "data")
    assert main(["check", "--upgrade", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "schema upgraded: 0002_visits →" in out
    assert "OK" in out
    assert list((tmp_path / "data" / "old-backups").glob("old-before-migration-0002_visits-*"))


@pytest.mark.parametrize(
    "command",
    [("search", "نوذری"), ("export", "people", "--out", "OUT.csv"), (*REPORT, "--out", "OUT.pdf")],
    ids=["search", "export", "report"],
)
def test_reading_commands_do_not_migrate_an_older_schema(
    tmp_path: Path, capsys, command: tuple[str, ...]
) -> None:
    path = _old_database(tmp_path / "data")
    before = _state(tmp_path)
    args = [a.replace("OUT", str(tmp_path / "out")) for a in command]
    assert main([*args, "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert "check --upgrade" in err
    assert _state(tmp_path) == before


def test_check_of_an_empty_sqlite_file_leaves_it_as_it_was(tmp_path: Path, capsys) -> None:
    path = tmp_path / "blank.db"
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA user_version=1")  # a valid SQLite file with no tables
    before = _state(tmp_path)
    assert main(["check", "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "جدولی ندارد" in err
    assert _state(tmp_path) == before


def test_demo_on_a_refused_file_creates_nothing_beside_it(tmp_path: Path, capsys) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("یادداشت\n", encoding="utf-8")
    before = _state(tmp_path)
    assert main(["demo", "--db", str(notes)]) == 1
    assert "SQLite" in capsys.readouterr().err
    assert _state(tmp_path) == before  # no notes-backups/ or notes-attachments/


def test_stale_schema_version_is_one_line_not_a_traceback(tmp_path: Path, capsys) -> None:
    path = _current_database(tmp_path / "data" / "office.db")
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0005_search'")
        conn.commit()
    before = _state(tmp_path)
    assert main(["check", "--upgrade", "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "0005_search" in err
    assert _state(tmp_path) == before


@pytest.mark.slow
def test_database_names_are_not_urls(tmp_path: Path) -> None:
    """``--db 'b%41.db'`` wrote into ``bA.db``; ``--db 'what?.db'`` was a traceback."""
    for name in ("b%41.db", "what?#1.db"):
        made = subprocess.run(
            [sys.executable, "-m", "qazvin_diplomacy", "demo", "--db", str(tmp_path / name)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=ROOT,
            timeout=300,
        )
        assert made.returncode == 0, made.stderr
        assert main(["check", "--db", str(tmp_path / name)]) == 0
    files = sorted(p.name for p in tmp_path.iterdir() if p.is_file())
    assert files == ["b%41.db", "what?#1.db"]


# --- a real read-only medium -----------------------------------------------------------------


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "qazvin_diplomacy", *args]


def _read_only_mount_works(tmp_path: Path) -> bool:
    if not (shutil.which("unshare") and shutil.which("mount")):
        return False
    probe = subprocess.run(
        [
            "unshare",
            "-m",
            "sh",
            "-c",
            'mount --bind -o ro "$0" "$0" && ! touch "$0/x" 2>/dev/null',
            str(tmp_path),
        ],
        capture_output=True,
    )
    return probe.returncode == 0


def _on_read_only_mount(folder: Path, command: list[str]) -> subprocess.CompletedProcess[str]:
    """Run ``command`` with ``folder`` bind-mounted read-only onto itself (a private mount)."""
    return subprocess.run(
        [
            "unshare",
            "-m",
            "sh",
            "-c",
            'mount --bind -o ro "$0" "$0" && exec "$@"',
            str(folder),
            *command,
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=300,
    )


@pytest.mark.slow
def test_database_on_a_read_only_medium(tmp_path: Path) -> None:
    medium = tmp_path / "medium"
    path = _current_database(medium / "office.db")
    if not _read_only_mount_works(medium):
        pytest.skip("no private read-only bind mount here (needs unshare and mount)")
    before = _state(tmp_path)

    checked = _on_read_only_mount(medium, _cli("check", "--db", str(path)))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "OK" in checked.stdout and "read-only" in checked.stdout

    found = _on_read_only_mount(medium, _cli("search", "ایران", "--db", str(path)))
    assert found.returncode == 0, found.stderr
    out = tmp_path / "people.csv"
    exported = _on_read_only_mount(
        medium, _cli("export", "people", "--db", str(path), "--out", str(out))
    )
    assert exported.returncode == 0, exported.stderr
    assert out.exists()
    out.unlink()

    for writing in (
        ("check", "--repair"),
        ("check", "--upgrade"),
        ("import", "contacts", str(tmp_path / "none.xlsx")),
    ):
        refused = _on_read_only_mount(medium, _cli(*writing, "--db", str(path)))
        assert refused.returncode == 1, writing
        _no_traceback(refused.stderr)
        assert len(refused.stderr.strip().splitlines()) == 1
        assert "فقط‌خواندنی" in refused.stderr and "read-only" in refused.stderr
        assert "damaged" not in refused.stderr
    assert _state(tmp_path) == before


def test_unreadable_wal_on_a_read_only_medium_is_not_called_damaged(tmp_path: Path) -> None:
    """A -wal without its -shm cannot be read in place there: say so, do not say "damaged"."""
    medium = tmp_path / "medium"
    path = _current_database(medium / "office.db")
    if not _read_only_mount_works(medium):
        pytest.skip("no private read-only bind mount here (needs unshare and mount)")
    keep = sqlite3.connect(path)  # keep the -wal: write, then leave without checkpoint
    keep.execute("PRAGMA wal_autocheckpoint=0")
    keep.execute("CREATE TABLE pending (x)")
    keep.commit()
    shutil.copy(f"{path}-wal", tmp_path / "wal")
    keep.close()
    shutil.copy(tmp_path / "wal", f"{path}-wal")
    Path(f"{path}-shm").unlink(missing_ok=True)
    before = _state(tmp_path)
    checked = _on_read_only_mount(medium, _cli("check", "--db", str(path)))
    assert checked.returncode == 1
    _no_traceback(checked.stderr)
    assert "read-only medium" in checked.stderr and "restore" not in checked.stderr
    assert _state(tmp_path) == before


def _nobody_python() -> list[str] | None:
    """A Python that user ``nobody`` can run with this project importable, or None."""
    setpriv = shutil.which("setpriv")
    if setpriv is None or os.geteuid() != 0:
        return None
    site = sysconfig.get_paths()["purelib"]
    env = ["env", "-i", f"PYTHONPATH={ROOT}{os.pathsep}{site}", "LANG=C.UTF-8"]
    for python in (sys.executable, "/usr/bin/python3"):
        command = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", *env, python]
        probe = subprocess.run(
            [*command, "-c", "import qazvin_diplomacy.storage.database"],
            capture_output=True,
            cwd="/",
        )
        if probe.returncode == 0:
            return command
    return None


@pytest.mark.slow
def test_read_only_folder_for_a_user_who_may_not_write() -> None:
    command = _nobody_python()
    if command is None:
        pytest.skip("cannot run a Python as user nobody here")
    tmp_path = Path(tempfile.mkdtemp(prefix="qazvin-nobody-"))  # pytest's folder is root-only
    tmp_path.chmod(0o755)
    medium = tmp_path / "medium"
    path = _current_database(medium / "office.db")
    medium.chmod(0o555)
    path.chmod(0o444)
    try:
        before = _state(tmp_path)
        checked = subprocess.run(
            [*command, "-m", "qazvin_diplomacy", "check", "--db", str(path)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd="/",
        )
        assert checked.returncode == 0, checked.stdout + checked.stderr
        assert "read-only" in checked.stdout
        refused = subprocess.run(
            [*command, "-m", "qazvin_diplomacy", "check", "--repair", "--db", str(path)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd="/",
        )
        assert refused.returncode == 1
        _no_traceback(refused.stderr)
        assert "read-only" in refused.stderr and "damaged" not in refused.stderr
        assert _state(tmp_path) == before
    finally:
        medium.chmod(0o755)
        shutil.rmtree(tmp_path)


def test_selftest_on_a_refused_file_creates_nothing_beside_it(tmp_path: Path) -> None:
    from qazvin_diplomacy.core.errors import DatabaseRefusedError
    from qazvin_diplomacy.ui.selftest import main as selftest_main

    notes = tmp_path / "notes.db"
    notes.write_text("یادداشت\n", encoding="utf-8")
    before = _state(tmp_path)
    with pytest.raises(DatabaseRefusedError):
        selftest_main(db=str(notes))
    assert _state(tmp_path) == before
