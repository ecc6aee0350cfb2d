"""Opening, refusing and migrating database files."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from qazvin_diplomacy.core.errors import DatabaseRefusedError
from qazvin_diplomacy.storage.database import Database, head_revision, make_engine, migrate


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_is_migrated_to_head(db_path: Path) -> None:
    db = Database.open(db_path)
    try:
        assert db.schema_revision() == head_revision()
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
            tables = {
                r[0]
                for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))
            }
        assert {"country", "organization", "person", "follow_up_task", "attachment"} <= tables
    finally:
        db.close()


def test_foreign_keys_are_enforced(db) -> None:
    from sqlalchemy.exc import IntegrityError

    from qazvin_diplomacy.storage.directory import Person

    with pytest.raises(IntegrityError):
        with db.session() as session:
            session.add(Person(name_fa="آزمون", country_id=999_999))


def _database_at_first_revision(path: Path) -> None:
    engine = make_engine(path)
    migrate(engine, "0001_foundation")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO country (iso2, iso3, name_fa, name_en, region, is_target, priority, notes,"
            " search_key, uuid, created_at, updated_at, version)"
            " VALUES ('IQ', 'IRQ', 'عراق', 'Iraq', 'middle_east', 1, 1, '', 'عراق', 'u-1',"
            " '2025-01-01 00:00:00', '2025-01-01 00:00:00', 1)"
        )
        for i in range(25):
            conn.exec_driver_sql(
                "INSERT INTO person (name_fa, name_en, honorific_fa, honorific_en, title_fa, title_en,"
                " languages, phone, email, biography, notes, search_key, uuid, created_at, updated_at,"
                f" version, country_id) VALUES ('شخص {i}', 'Person {i}', '', '', '', '', '', '', '', '',"
                f" '', '', 'p-{i}', '2025-01-01 00:00:00', '2025-01-01 00:00:00', 1, 1)"
            )
    engine.dispose()


def test_migration_from_earlier_revision_keeps_rows_and_backs_up_first(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _database_at_first_revision(path)
    if head_revision() == "0001_foundation":
        pytest.skip("only one revision exists so far")
    backups = tmp_path / "backups"
    db = Database.open(path, backups_dir=backups)
    try:
        assert db.schema_revision() == head_revision()
        with db.engine.connect() as conn:
            names = [r[0] for r in conn.exec_driver_sql("SELECT name_fa FROM person ORDER BY id")]
        assert names == [f"شخص {i}" for i in range(25)]
    finally:
        db.close()
    copies = list(backups.glob("old-before-migration-0001_foundation-*.sqlite3"))
    assert len(copies) == 1
    with sqlite3.connect(copies[0]) as conn:
        assert (
            conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
            == "0001_foundation"
        )
        assert conn.execute("SELECT count(*) FROM person").fetchone()[0] == 25
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_up_to_date_database_is_not_backed_up_again(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    Database.open(path, backups_dir=tmp_path / "b").close()
    Database.open(path, backups_dir=tmp_path / "b").close()
    assert not list((tmp_path / "b").glob("*.sqlite3"))


def test_newer_schema_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    Database.open(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = _digest(path)
    with pytest.raises(DatabaseRefusedError) as info:
        Database.open(path, backups_dir=tmp_path / "b")
    assert "نسخه جدیدتر" in info.value.message
    assert _digest(path) == before
    assert not (tmp_path / "b").exists()


def test_text_file_renamed_db_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("این یک پرونده متنی است\n" * 50, encoding="utf-8")
    before = _digest(path)
    with pytest.raises(DatabaseRefusedError) as info:
        Database.open(path)
    assert "SQLite نیست" in info.value.message
    assert _digest(path) == before


def test_truncated_database_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "cut.sqlite3"
    db = Database.open(path)
    with db.session() as session:
        for i in range(400):
            session.execute(
                text(
                    "INSERT INTO follow_up_task (source_kind, title, owner_text, status, notes, search_key,"
                    " uuid, created_at, updated_at, version) VALUES ('', :t, '', 'open', :n, '', :u,"
                    " '2025-01-01', '2025-01-01', 1)"
                ),
                {"t": f"کار {i}", "n": "یادداشت " * 40, "u": f"u{i}"},
            )
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    before = _digest(path)
    with pytest.raises(DatabaseRefusedError):
        Database.open(path)
    assert _digest(path) == before


INTERRUPTED_WRITER = """
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA journal_mode=DELETE")  # as a restore leaves it, or a crash mid-switch
conn.execute("PRAGMA cache_size=1")  # spill changed pages into the file before the commit
conn.execute("BEGIN")
for i in range(3000):
    conn.execute("INSERT INTO country_note VALUES (?)", ("x" * 200,))
os._exit(0)  # the program dies: the rollback journal stays behind, hot
"""


def test_a_write_interrupted_by_a_crash_is_rolled_back_on_open(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "crashed.sqlite3"
    Database.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE country_note (t TEXT)")
    conn.execute("INSERT INTO country_note VALUES ('committed')")
    conn.commit()
    conn.close()
    subprocess.run([sys.executable, "-c", INTERRUPTED_WRITER, str(path)], check=True)
    journal = path.with_name(path.name + "-journal")
    assert journal.exists()  # a hot journal: a read-only check alone cannot read the file
    db = Database.open(path)  # not refused as damaged
    try:
        with db.engine.connect() as conn:
            rows = conn.exec_driver_sql("SELECT t FROM country_note").scalars().all()
        assert rows == ["committed"]  # the last committed state, nothing half-written
    finally:
        db.close()
    assert not journal.exists()


def test_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    path.touch()
    with pytest.raises(DatabaseRefusedError):
        Database.open(path)
    assert path.read_bytes() == b""


def test_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE stuff (x)")
    before = _digest(path)
    with pytest.raises(DatabaseRefusedError):
        Database.open(path)
    assert _digest(path) == before


def test_network_share_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from qazvin_diplomacy.storage import location

    monkeypatch.setattr(location, "classify", lambda _p: "network")
    with pytest.raises(DatabaseRefusedError) as info:
        Database.open(tmp_path / "n.sqlite3")
    assert "شبکه" in info.value.message
    assert not (tmp_path / "n.sqlite3").exists()


def test_posix_mount_classification(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from qazvin_diplomacy.storage import location

    mounts = tmp_path / "mounts"
    mounts.write_text("server:/share /mnt/office nfs4 rw 0 0\n/dev/vda / ext4 rw 0 0\n")
    real_path = location.Path

    def fake_path(p: object = "") -> Path:
        return mounts if str(p) == "/proc/mounts" else real_path(p)  # type: ignore[arg-type]

    monkeypatch.setattr(location, "Path", fake_path)
    assert location._classify_posix(real_path("/mnt/office/data")) == "network"
    assert location._classify_posix(real_path("/home/user")) == "local"
