"""A database file name is a name, never a URL: ``%``, ``?``, ``#``, ``&``, spaces, Persian.

Before the fix ``sqlite:///{path}`` was parsed as a URL: ``b%41.db`` became ``bA.db``,
``new%20office.db`` became ``new office.db`` and ``what?.db`` gave a traceback.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path, PureWindowsPath

import pytest
from sqlalchemy import text

from qazvin_diplomacy.services.backup import create_backup, restore_backup
from qazvin_diplomacy.storage.database import Database, make_engine, sqlite_uri

NAMES = [
    "b%41.db",
    "new%20office.db",
    "what?.db",
    "a#b.db",
    "x&mode=ro.db",
    "دفتر قزوین ۱۴۰۴.sqlite3",
    "100% sure?#1.db",
]


def _write_marker(db: Database, value: str) -> None:
    with db.session() as session:
        session.execute(text("CREATE TABLE IF NOT EXISTS name_probe (v TEXT)"))
        session.execute(text("INSERT INTO name_probe VALUES (:v)"), {"v": value})


@pytest.mark.parametrize("name", NAMES)
def test_database_is_created_under_exactly_its_name(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    db = Database.open(folder / name)
    try:
        _write_marker(db, name)
    finally:
        db.close()
    assert sorted(p.name for p in folder.iterdir()) == [name]  # no bA.db, no "what"
    with closing(sqlite3.connect(folder / name)) as conn:  # the bytes are in that file
        assert conn.execute("SELECT v FROM name_probe").fetchall() == [(name,)]
    for read_only in (False, True):
        again = Database.open(folder / name, read_only=read_only)
        try:
            with again.engine.connect() as conn:
                assert conn.exec_driver_sql("SELECT v FROM name_probe").scalar() == name
        finally:
            again.close()
    assert sorted(p.name for p in folder.iterdir()) == [name]


def test_make_engine_does_not_decode_the_path(tmp_path: Path) -> None:
    path = tmp_path / "b%41.db"
    engine = make_engine(path)
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE t (x)")
    engine.dispose()
    assert path.exists() and not (tmp_path / "bA.db").exists()


def test_sqlite_uri_encodes_every_special_character() -> None:
    uri = sqlite_uri(Path("/srv/a b/100%?#&=.db"), mode="ro")
    assert uri == "file:///srv/a%20b/100%25%3F%23%26%3D.db?mode=ro"
    assert sqlite_uri(Path("/srv/قزوین.db")) == "file:///srv/%D9%82%D8%B2%D9%88%DB%8C%D9%86.db"
    # Windows: a drive path, and a share with an empty authority (SQLite refuses a host).
    assert sqlite_uri(PureWindowsPath(r"C:\Data\x y.db")) == "file:///C:/Data/x%20y.db"
    assert sqlite_uri(PureWindowsPath(r"\\server\share\x.db")) == "file:////server/share/x.db"


@pytest.mark.parametrize("name", ["b%41.db", "what?#.db"])
def test_backup_and_restore_keep_the_name(tmp_path: Path, name: str) -> None:
    source = Database.open(tmp_path / "src" / name)
    try:
        _write_marker(source, "from backup")
        backup = create_backup(source, out=tmp_path / "b.qdbackup")
    finally:
        source.close()
    assert backup.schema_revision
    target = tmp_path / "dst" / name
    result = restore_backup(
        source=tmp_path / "b.qdbackup",
        db_path=target,
        backups_dir=tmp_path / "dst" / "backups",
        attachments_dir=tmp_path / "dst" / "attachments",
    )
    assert result.db_path == target.resolve()
    names = {p.name for p in (tmp_path / "dst").iterdir()}
    assert name in names and "bA.db" not in names and "what" not in names
    with closing(sqlite3.connect(target)) as conn:
        assert conn.execute("SELECT v FROM name_probe").fetchall() == [("from backup",)]
