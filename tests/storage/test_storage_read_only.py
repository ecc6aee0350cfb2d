"""Read-only opening, read-only files, and files refused without a trace.

* ``Database.open(path, read_only=True)`` never creates, migrates or writes the file, and
  leaves no ``-wal``/``-shm`` or folders beside it;
* a file that cannot be written (read-only medium, immutable file) is read, and refused for
  writing with a "read-only" message — never reported as damaged;
* a refused file is byte-identical and nothing is created beside it;
* an empty or stale ``alembic_version`` is refused, not a traceback.

Tests run as root, where permission bits do not stop writes: the read-only file here is a
real immutable file (``chattr +i``, refused even to root) when the system allows it, or the
writability probe is patched (as a write-protected medium looks on Windows); the CLI tests
add a real read-only mount and a run as user ``nobody``.
"""

from __future__ import annotations

import gzip
import hashlib
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from qazvin_diplomacy.core.errors import DatabaseRefusedError
from qazvin_diplomacy.storage import location
from qazvin_diplomacy.storage.database import Database, head_revision

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "demo-0002_visits.sqlite3.gz"


def _state(folder: Path) -> dict[str, str]:
    """Every file and folder under ``folder`` with a digest of its bytes."""
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


def _current_database(folder: Path, name: str = "office.sqlite3") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    Database.open(path).close()
    return path


def _sql(path: Path, *statements: str) -> None:
    with closing(sqlite3.connect(path)) as conn:
        for statement in statements:
            conn.execute(statement)
        conn.commit()


def test_read_only_open_of_an_older_schema_changes_nothing(tmp_path: Path) -> None:
    path = _old_database(tmp_path / "data")
    before = _state(tmp_path)
    db = Database.open(path, read_only=True, allow_older=True)
    try:
        assert db.read_only
        assert db.schema_revision() == "0002_visits" != head_revision()
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM person").scalar() > 0
    finally:
        db.close()
    assert _state(tmp_path) == before


def test_read_only_open_refuses_an_older_schema_unless_allowed(tmp_path: Path) -> None:
    path = _old_database(tmp_path / "data")
    before = _state(tmp_path)
    with pytest.raises(DatabaseRefusedError) as info:
        Database.open(path, read_only=True)
    assert "check --upgrade" in info.value.message
    assert "0002_visits" in info.value.message_en
    assert _state(tmp_path) == before


def test_read_only_open_never_creates_a_file(tmp_path: Path) -> None:
    with pytest.raises(DatabaseRefusedError) as info:
        Database.open(tmp_path / "sub" / "none.sqlite3", read_only=True)
    assert "وجود ندارد" in info.value.message
    assert list(tmp_path.iterdir()) == []


def test_read_only_open_of_an_empty_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "blank.sqlite3"
    _sql(path, "PRAGMA user_version=7")  # a valid SQLite file without a single table
    before = _state(tmp_path)
    with pytest.raises(DatabaseRefusedError) as info:
        Database.open(path, read_only=True, allow_older=True)
    assert "جدولی ندارد" in info.value.message
    assert _state(tmp_path) == before


def test_read_only_open_sees_a_running_writer_and_leaves_its_files(tmp_path: Path) -> None:
    """A ``check`` while the window has the database open reads its latest commit."""
    path = _current_database(tmp_path)
    writer = Database.open(path)
    try:
        with writer.engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE seen (x)")
            conn.exec_driver_sql("INSERT INTO seen VALUES (42)")
        reader = Database.open(path, read_only=True)
        try:
            with reader.engine.connect() as conn:
                assert conn.exec_driver_sql("SELECT x FROM seen").scalar() == 42
        finally:
            reader.close()
        with writer.engine.begin() as conn:  # the writer goes on as before
            conn.exec_driver_sql("INSERT INTO seen VALUES (43)")
    finally:
        writer.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["office.sqlite3"]


REFUSED = {
    "newer schema": "UPDATE alembic_version SET version_num = '9999_future'",
    "empty alembic_version": "DELETE FROM alembic_version",
    "foreign tables": "DROP TABLE alembic_version",
}


@pytest.mark.parametrize("read_only", [False, True])
@pytest.mark.parametrize("case", sorted(REFUSED))
def test_a_refused_file_is_untouched_and_nothing_is_created_beside_it(
    tmp_path: Path, case: str, read_only: bool
) -> None:
    path = _current_database(tmp_path / "data")
    _sql(path, REFUSED[case])
    before = _state(tmp_path)
    with pytest.raises(DatabaseRefusedError):
        Database.open(path, read_only=read_only)
    assert _state(tmp_path) == before  # no -wal/-shm, no -backups/-attachments


def test_empty_alembic_version_is_refused_with_its_reason(tmp_path: Path) -> None:
    path = _current_database(tmp_path / "data")
    _sql(path, "DELETE FROM alembic_version")
    with pytest.raises(DatabaseRefusedError) as info:
        Database.open(path)
    assert "alembic_version" in info.value.message
    assert "no schema version" in info.value.message_en


def test_stale_alembic_version_is_refused_and_rolled_back(tmp_path: Path) -> None:
    """The version says 0005 but the tables of 0006/0007 exist: upgrading would fail midway."""
    path = _current_database(tmp_path / "data")
    _sql(path, "UPDATE alembic_version SET version_num = '0005_search'")
    before = _state(tmp_path)
    with pytest.raises(DatabaseRefusedError) as info:
        Database.open(path)
    assert "0005_search" in info.value.message
    assert "does not match its tables" in info.value.message_en
    assert _state(tmp_path) == before  # the migration was rolled back, its copy removed


def test_a_failed_migration_keeps_an_existing_backups_folder(tmp_path: Path) -> None:
    path = _current_database(tmp_path / "data")
    _sql(path, "UPDATE alembic_version SET version_num = '0005_search'")
    earlier = tmp_path / "data" / "office-backups" / "earlier.sqlite3"
    earlier.parent.mkdir()
    earlier.write_bytes(b"an earlier copy")
    with pytest.raises(DatabaseRefusedError):
        Database.open(path)
    assert [p.name for p in earlier.parent.iterdir()] == ["earlier.sqlite3"]


# --- files that cannot be written ----------------------------------------------------------


@pytest.fixture
def immutable(tmp_path: Path) -> Iterator[Path]:
    """A current database made immutable with ``chattr +i`` (refused to root as well)."""
    path = _current_database(tmp_path / "data")
    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, "+i", str(path)], capture_output=True).returncode:
        pytest.skip("chattr +i is not available here")
    try:
        yield path
    finally:
        subprocess.run([chattr, "-i", str(path)], check=True)


def test_immutable_file_is_read_and_refused_for_writing(tmp_path: Path, immutable: Path) -> None:
    assert not location.is_writable(immutable)
    before = _state(tmp_path)
    db = Database.open(immutable, read_only=True)
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM alembic_version").scalar() == 1
    finally:
        db.close()
    with pytest.raises(DatabaseRefusedError) as info:
        Database.open(immutable)
    assert "فقط‌خواندنی" in info.value.message
    assert "read-only" in info.value.message_en and "damaged" not in info.value.message_en
    assert _state(tmp_path) == before


def test_older_immutable_file_is_refused_for_migration_not_a_traceback(tmp_path: Path) -> None:
    path = _old_database(tmp_path / "data")
    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, "+i", str(path)], capture_output=True).returncode:
        pytest.skip("chattr +i is not available here")
    try:
        before = _state(tmp_path)
        with pytest.raises(DatabaseRefusedError) as info:
            Database.open(path)
        assert "read-only" in info.value.message_en
        assert _state(tmp_path) == before
    finally:
        subprocess.run([chattr, "-i", str(path)], check=True)


def test_write_protected_medium_as_windows_reports_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows: a write-protected stick fails the probe's open-for-update (patched here)."""
    path = _current_database(tmp_path / "data")
    before = _state(tmp_path)
    monkeypatch.setattr(location, "is_writable", lambda _p: False)
    db = Database.open(path, read_only=True)  # ``mode=ro&immutable=1``: needs no -shm
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM country").scalar() == 0
            with pytest.raises(Exception, match="readonly"):
                conn.exec_driver_sql("CREATE TABLE nope (x)")
    finally:
        db.close()
    with pytest.raises(DatabaseRefusedError) as info:
        Database.open(path)
    assert "read-only" in info.value.message_en
    assert _state(tmp_path) == before


def test_a_new_database_in_a_read_only_folder_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(location, "folder_is_writable", lambda _f: False)
    with pytest.raises(DatabaseRefusedError) as info:
        Database.open(tmp_path / "new" / "x.sqlite3")
    assert "read-only" in info.value.message_en
    assert list(tmp_path.iterdir()) == []


def test_unreadable_file_on_read_only_medium_is_not_called_damaged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite cannot open a WAL file in place when its -shm cannot be made (read-only medium)."""
    import qazvin_diplomacy.storage.database as database

    path = _current_database(tmp_path / "data")
    monkeypatch.setattr(location, "is_writable", lambda _p: False)
    real_connect = sqlite3.connect

    def cannot_open(target: object, *args: object, **kwargs: object) -> sqlite3.Connection:
        if str(target).startswith("file:"):
            raise sqlite3.OperationalError("unable to open database file")
        return real_connect(target, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(database.sqlite3, "connect", cannot_open)
    with pytest.raises(DatabaseRefusedError) as info:
        Database.open(path, read_only=True)
    assert "read-only medium" in info.value.message_en
    assert "restore" not in info.value.message_en
