"""Opening stays cheap as the data grows: bounded check at open, Alembic only for a migration.

The full ``PRAGMA integrity_check`` still runs in ``check`` and on restore, and the window runs
it in the background when due (``tests/ui/test_ui_startup.py``).
"""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from qazvin_diplomacy.core.errors import DatabaseRefusedError
from qazvin_diplomacy.storage import database as database_module
from qazvin_diplomacy.storage import integrity
from qazvin_diplomacy.storage.database import (
    Database,
    head_revision,
    known_revisions,
    make_engine,
    migrate,
)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _filled(path: Path, rows: int = 600) -> Path:
    """A database with enough rows for several table and index pages, checkpointed."""
    db = Database.open(path)
    with db.session() as session:
        for i in range(rows):
            session.execute(
                text(
                    "INSERT INTO follow_up_task (source_kind, title, owner_text, status, notes,"
                    " search_key, uuid, created_at, updated_at, version) VALUES ('', :t, '', 'open',"
                    " :n, :k, :u, '2025-01-01', '2025-01-01', 1)"
                ),
                {"t": f"کار {i}", "n": "یادداشت " * 30, "k": f"key {i:05d}", "u": f"u{i}"},
            )
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


def _damage_a_table_page(path: Path) -> None:
    """Overwrite one b-tree page of ``follow_up_task`` (not the schema) with garbage."""
    with sqlite3.connect(path) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'follow_up_task'"
        ).fetchone()[0]
    with path.open("r+b") as fh:  # an interior or leaf page of the table: its root
        fh.seek((root - 1) * page_size)
        fh.write(b"\xa5" * page_size)


# --- Alembic --------------------------------------------------------------------------------


def test_revisions_read_from_the_scripts_match_alembic() -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(database_module.alembic_config())
    assert head_revision() == script.get_current_head()
    assert known_revisions() == {rev.revision for rev in script.walk_revisions()}


OPEN_AND_LIST_MODULES = """
import sys
from qazvin_diplomacy.storage.database import Database
Database.open(sys.argv[1]).close()
print(sorted({m.split('.')[0] for m in sys.modules} & {'alembic', 'mako'}))
"""


def test_opening_an_up_to_date_database_does_not_import_alembic(tmp_path: Path) -> None:
    path = tmp_path / "office.sqlite3"
    Database.open(path).close()
    out = subprocess.run(
        [sys.executable, "-c", OPEN_AND_LIST_MODULES, str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.strip() == "[]"


def test_a_database_that_needs_a_migration_still_gets_alembic(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = make_engine(path)
    migrate(engine, "0001_foundation")
    engine.dispose()
    out = subprocess.run(
        [sys.executable, "-c", OPEN_AND_LIST_MODULES, str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "alembic" in out
    with sqlite3.connect(path) as conn:
        assert (
            conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision()
        )
    assert list((tmp_path / "old-backups").glob("old-before-migration-0001_foundation-*.sqlite3"))


# --- the check at open ----------------------------------------------------------------------


def _pragmas(path: Path, **kwargs: bool) -> list[str]:
    seen: list[str] = []
    with sqlite3.connect(path) as conn:
        conn.set_trace_callback(seen.append)
        assert integrity.passes_at_open(conn, path, **kwargs)
    return [s for s in seen if s.upper().startswith("PRAGMA")]


def test_check_at_open_is_bounded_by_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _filled(tmp_path / "office.sqlite3")
    assert _pragmas(path) == ["PRAGMA quick_check"]  # a small file: all of it
    assert _pragmas(path, full=True) == ["PRAGMA integrity_check"]
    monkeypatch.setattr(integrity, "QUICK_CHECK_MAX_BYTES", path.stat().st_size - 1)
    assert _pragmas(path) == ["PRAGMA quick_check(sqlite_master)"]  # beyond: the schema only


def test_a_damaged_page_of_a_small_database_is_refused_at_open(tmp_path: Path) -> None:
    path = _filled(tmp_path / "office.sqlite3")
    _damage_a_table_page(path)
    before = _digest(path)
    with pytest.raises(DatabaseRefusedError) as info:
        Database.open(path, backups_dir=tmp_path / "b")
    assert "آسیب" in info.value.message
    assert _digest(path) == before
    assert not (tmp_path / "b").exists()


def test_a_truncated_large_database_is_refused_by_the_bounded_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _filled(tmp_path / "office.sqlite3")
    monkeypatch.setattr(integrity, "QUICK_CHECK_MAX_BYTES", 0)  # as if it were gigabytes
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    before = _digest(path)
    with pytest.raises(DatabaseRefusedError):
        Database.open(path)
    assert _digest(path) == before


def test_a_damaged_page_of_a_large_database_is_left_to_the_full_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from qazvin_diplomacy.cli import main

    path = _filled(tmp_path / "office.sqlite3")
    _damage_a_table_page(path)
    monkeypatch.setattr(integrity, "QUICK_CHECK_MAX_BYTES", 0)
    Database.open(path).close()  # opening stays cheap: the damage is not looked for here …
    problems = integrity.FullCheck(path).run()  # … but the background check finds it
    assert problems and problems != ["ok"]
    assert main(["check", "--db", str(path)]) == 1  # and `check` still runs the full check
    assert "یکپارچگی" in capsys.readouterr().out


def test_full_check_passes_a_healthy_file_and_can_be_cancelled(tmp_path: Path) -> None:
    path = _filled(tmp_path / "office.sqlite3")
    assert integrity.FullCheck(path).run() == []
    check = integrity.FullCheck(path)
    check.cancel()
    assert check.run() is None


# --- unclean shutdown -------------------------------------------------------------------------

KILLED_WRITER = """
import os, sys
from qazvin_diplomacy.storage.database import Database
db = Database.open(sys.argv[1])
with db.engine.begin() as conn:
    conn.exec_driver_sql("UPDATE country SET notes = 'x'")
    conn.exec_driver_sql("CREATE TABLE scratch (x)")
os._exit(0)  # killed: the write-ahead log is left behind
"""


def test_an_unclean_shutdown_is_noticed_and_a_clean_one_is_not(tmp_path: Path) -> None:
    path = tmp_path / "office.sqlite3"
    db = Database.open(path)
    assert not db.unclean_shutdown  # a new file
    db.close()
    assert not integrity.left_unclean(path)
    db = Database.open(path)
    assert not db.unclean_shutdown  # closed cleanly before
    db.close()
    subprocess.run([sys.executable, "-c", KILLED_WRITER, str(path)], check=True)
    assert integrity.left_unclean(path)
    db = Database.open(path)
    try:
        assert db.unclean_shutdown
        with db.engine.connect() as conn:  # the committed write survived
            assert conn.exec_driver_sql("SELECT count(*) FROM scratch").scalar() == 0
    finally:
        db.close()
    db = Database.open(path)
    assert not db.unclean_shutdown  # that open closed cleanly
    db.close()
