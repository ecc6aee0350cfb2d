"""Backups and restore on PostgreSQL in the same ``.qdbackup`` format, and the copy kept before a
server database is migrated.

Needs ``QD_TEST_PG_URL`` (``.ci/postgres.sh run …``); skipped otherwise.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from qazvin_diplomacy.core.backups import BackupRefused
from qazvin_diplomacy.core.directory import PersonInput
from qazvin_diplomacy.core.errors import DatabaseRefusedError
from qazvin_diplomacy.services.attachments import add_attachment, stored_path
from qazvin_diplomacy.services.audit import verify_audit_trail
from qazvin_diplomacy.services.backup import (
    create_backup,
    restore_backup,
    restore_backup_to_server,
)
from qazvin_diplomacy.services.backup import (
    server as server_restore,
)
from qazvin_diplomacy.services.directory import save_person
from qazvin_diplomacy.services.search import search
from qazvin_diplomacy.storage import transfer as copier
from qazvin_diplomacy.storage.database import Database, head_revision, migrate
from qazvin_diplomacy.storage.server import make_server_engine, parse_url
from qazvin_diplomacy.storage.transfer import TableCopy


@pytest.fixture
def server(postgres_databases, tmp_path: Path) -> Iterator[Database]:  # type: ignore[no-untyped-def]
    """A server database at head with the countries, its desk folders in the test's folder."""
    url = postgres_databases.create()
    db = Database.open(url, backups_dir=tmp_path / "sb", attachments_dir=tmp_path / "sa")
    yield db
    db.close()
    postgres_databases.drop(url)


def _sums(db: Database) -> dict[str, tuple[int, str]]:
    with db.engine.connect() as conn:
        return {t.name: copier.checksum(conn, t) for t in copier.tables_of(conn)}


def _restored_as(db: Database, expected: dict[str, tuple[int, str]]) -> bool:
    """Every table as ``expected``, and the audit trail one entry longer: the restore's own."""
    found = _sums(db)
    entries, _sum = found.pop("audit_entry")
    wanted = dict(expected)
    return found == {k: v for k, v in wanted.items() if k != "audit_entry"} and entries == (
        wanted["audit_entry"][0] + 1
    )


def _with_a_person_and_a_file(db: Database, tmp_path: Path, name: str) -> str:
    person = save_person(db, person=PersonInput(name_fa=name))
    scan = tmp_path / f"{name}.txt"
    scan.write_text(f"letter of {name}", encoding="utf-8")
    view = add_attachment(db, owner_kind="person", owner_id=person.id, source=scan)
    return view.sha256


def test_a_server_backup_restores_onto_the_server_and_onto_a_file(
    server: Database, tmp_path: Path
) -> None:
    sha = _with_a_person_and_a_file(server, tmp_path, "منصور پیش از پشتیبان")
    kept = _sums(server)
    out = tmp_path / "office.qdbackup"
    create_backup(server, out=out, password="رمز قوی ۱۴۰۵")
    save_person(server, person=PersonInput(name_fa="کامران پس از پشتیبان"))
    stored_path(server, sha).unlink()  # the desk lost the file meanwhile

    result = restore_backup_to_server(source=out, db=server, password="رمز قوی ۱۴۰۵")
    assert _restored_as(server, kept)
    assert verify_audit_trail(server).intact
    assert search(server, "منصور").group("person") is not None
    assert search(server, "کامران").group("person") is None
    assert result.attachments_added == 1 and stored_path(server, sha).is_file()
    assert result.previous_backup is not None and result.previous_backup.is_file()
    # New rows go on after the restored ids, and the chain with them.
    save_person(server, person=PersonInput(name_fa="نفر پس از بازیابی"))
    assert verify_audit_trail(server).intact

    copy = tmp_path / "usb" / "desk.sqlite3"
    restore_backup(
        source=out,
        db_path=copy,
        backups_dir=tmp_path / "ub",
        attachments_dir=tmp_path / "ua",
        password="رمز قوی ۱۴۰۵",
    )
    desk = Database.open(copy, read_only=True)
    try:
        assert _restored_as(desk, kept)
        assert verify_audit_trail(desk).intact
    finally:
        desk.close()


def test_a_desk_backup_restores_onto_the_server(
    server: Database, fresh_database, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    desk = Database.open(fresh_database(tmp_path / "desk.sqlite3", countries=True))
    try:
        _with_a_person_and_a_file(desk, tmp_path, "نسرین روی میز")
        expected = _sums(desk)
        out = tmp_path / "desk.qdbackup"
        create_backup(desk, out=out)
    finally:
        desk.close()
    restore_backup_to_server(source=out, db=server)
    assert _restored_as(server, expected)
    assert search(server, "نسرین").group("person") is not None


def test_a_bad_backup_is_refused_whole_and_the_server_is_unchanged(
    server: Database, tmp_path: Path
) -> None:
    out = tmp_path / "office.qdbackup"
    create_backup(server, out=out)
    save_person(server, person=PersonInput(name_fa="ردیف تازه"))
    before = _sums(server)
    data = bytearray(out.read_bytes())
    data[len(data) // 3] ^= 0xFF
    bad = tmp_path / "bad.qdbackup"
    bad.write_bytes(bytes(data))
    with pytest.raises(BackupRefused):
        restore_backup_to_server(source=bad, db=server)
    assert _sums(server) == before
    assert not server.backups_dir.exists() or not list(server.backups_dir.iterdir())


def test_a_restore_failing_midway_leaves_rows_and_attachments_as_they_were(
    server: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sha = _with_a_person_and_a_file(server, tmp_path, "پرونده‌دار")
    out = tmp_path / "office.qdbackup"
    create_backup(server, out=out)
    stored_path(server, sha).unlink()
    before = _sums(server)
    real = copier.compare

    def one_table_differs(*args: Any) -> list[TableCopy]:
        report = real(*args)
        if args[1].dialect.name != "postgresql":  # the backup kept first writes an SQLite file
            return report
        first = report[0]
        return [TableCopy(first.table, first.rows, first.source_checksum, "0" * 64), *report[1:]]

    monkeypatch.setattr(server_restore.copier, "compare", one_table_differs)
    with pytest.raises(BackupRefused, match="برگردانده"):
        restore_backup_to_server(source=out, db=server)
    assert _sums(server) == before
    assert not stored_path(server, sha).exists()


def test_a_server_database_is_copied_before_it_is_migrated(
    postgres_databases, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    url = postgres_databases.create_empty()
    older = "0017_capacities"
    try:
        engine = make_server_engine(parse_url(url))
        migrate(engine, older)
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO country (id, uuid, created_at, updated_at, version, iso2, iso3,"
                    " name_fa, name_en, region, is_target, priority, notes, search_key) VALUES "
                    "(7, 'u-7', now(), now(), 1, 'QZ', 'QZV', 'قزوینستان', 'Qazvinstan', '', "
                    "false, 0, '', 'قزوینستان')"
                )
            )
        engine.dispose()
        folders = {"backups_dir": tmp_path / "b", "attachments_dir": tmp_path / "a"}
        with pytest.raises(DatabaseRefusedError, match="check --upgrade"):
            Database.open(url, **folders)
        assert not (tmp_path / "b").exists()

        db = Database.open(url, allow_older=True, **folders)  # what `check --upgrade` does
        try:
            assert db.migrated_from == older and db.schema_revision() == head_revision()
            copy = db.migration_backup
            assert copy is not None and copy.parent == tmp_path / "b"
            assert f"before-migration-{older}" in copy.name
        finally:
            db.close()
        with closing(sqlite3.connect(copy)) as conn:
            assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (older,)
            assert conn.execute("SELECT name_en FROM country").fetchall() == [("Qazvinstan",)]
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert hashlib.sha256(copy.read_bytes()).hexdigest()  # a whole file, no .part left
        assert [p.name for p in (tmp_path / "b").iterdir()] == [copy.name]
    finally:
        postgres_databases.drop(url)


def test_a_servers_backup_is_only_for_users_who_see_confidential_records(
    server: Database, tmp_path: Path
) -> None:
    """It holds every row: an editor without clearance gets a refusal (and no automatic one)."""
    from qazvin_diplomacy.core.access import Principal, Role, acting_for
    from qazvin_diplomacy.core.backups import BackupError
    from qazvin_diplomacy.services.backup import auto_backup

    out = tmp_path / "editor.qdbackup"
    with acting_for(Principal("editor", Role.EDITOR)):
        with pytest.raises(BackupError) as refused:
            create_backup(server, out=out)
        assert "محرمانه" in refused.value.message
        assert auto_backup(server, backups_dir=tmp_path / "auto", keep=3) is None
    assert not out.exists() and not any((tmp_path / "auto").glob("*.qdbackup"))
    with acting_for(Principal("head", Role.EDITOR, cleared=True)):
        create_backup(server, out=out)
    assert out.is_file()
