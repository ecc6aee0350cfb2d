"""Moving a whole database between SQLite and PostgreSQL (``services.transfer``).

With ``QD_TEST_PG_URL`` set (``.ci/postgres.sh run …``) each test runs twice: the server side is
then a PostgreSQL database, otherwise a second SQLite file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text

from qazvin_diplomacy.core.directory import PersonInput
from qazvin_diplomacy.services import transfer as transfer_service
from qazvin_diplomacy.services.audit import verify_audit_trail
from qazvin_diplomacy.services.directory import save_person
from qazvin_diplomacy.services.search import search
from qazvin_diplomacy.services.transfer import TransferRefused, transfer_database
from qazvin_diplomacy.storage import transfer as copier
from qazvin_diplomacy.storage.database import Database, make_engine, migrate
from qazvin_diplomacy.storage.directory import Person
from qazvin_diplomacy.storage.transfer import TableCopy

TODAY = dt.date(2026, 11, 24)  # the day of tests/reports' and tests/cli's demo


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def demo_template(
    tmp_path_factory: pytest.TempPathFactory, demo_database: Callable[..., Path]
) -> Path:
    """A demo database file, made once for the module (a copy of the session's)."""
    return demo_database(tmp_path_factory.mktemp("demo") / "desk.sqlite3", today=TODAY)


@pytest.fixture
def demo_file(demo_template: Path, tmp_path: Path) -> Path:
    """A copy of the demo database, with an attachment file in its folder."""
    path = tmp_path / "desk" / "desk.sqlite3"
    path.parent.mkdir()
    path.write_bytes(demo_template.read_bytes())
    content = b"a scanned letter"
    sha = hashlib.sha256(content).hexdigest()
    stored = path.parent / "desk-attachments" / sha[:2] / sha
    stored.parent.mkdir(parents=True)
    stored.write_bytes(content)
    return path


@pytest.fixture
def empty_target(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> Iterator[str]:
    """An empty server database (PostgreSQL run) or the path of a file not yet made."""
    if backend == "sqlite":
        yield str(tmp_path / "office" / "office.sqlite3")
        return
    databases = request.getfixturevalue("postgres_databases")
    url = databases.create_empty()
    yield url
    databases.drop(url)


def _open(target: str, tmp_path: Path) -> Database:
    return Database.open(
        target,
        backups_dir=tmp_path / "office-backups",
        attachments_dir=tmp_path / "office-attachments",
    )


def _checksums(db: Database) -> dict[str, tuple[int, str]]:
    with db.engine.connect() as conn:
        return {t.name: copier.checksum(conn, t) for t in copier.tables_of(conn)}


def test_transfer_to_the_server_and_back_keeps_every_row(
    demo_file: Path, empty_target: str, tmp_path: Path
) -> None:
    seen: list[tuple[int, int, str]] = []
    report = transfer_database(demo_file, empty_target, progress=lambda *a: seen.append(a))

    assert report.rows > 2000 and all(t.matches for t in report.tables)
    assert seen[-1][0] == seen[-1][1] == report.rows
    assert report.attachments_copied == 1
    source = Database.open(demo_file, read_only=True)
    target = _open(empty_target, tmp_path)
    try:
        expected = _checksums(source)
        assert _checksums(target) == expected
        assert {t.table: (t.rows, t.target_checksum) for t in report.tables} == expected
        assert verify_audit_trail(target).intact
        assert verify_audit_trail(target).entries == report.audit_entries > 0
        with source.read_session() as session:
            name = session.scalar(select(Person.name_fa).order_by(Person.id).limit(1))
        found = search(target, name).group("person")
        assert found is not None and found.hits
        assert [h.id for h in found.hits] == [
            h.id for h in search(source, name).group("person").hits
        ]
        # The ids go on past the copied ones (PostgreSQL's sequences), the chain too.
        new = save_person(target, person=PersonInput(name_fa="نفر پس از انتقال"))
        assert new.id > expected["person"][0]
        assert verify_audit_trail(target).intact
    finally:
        source.close()
        target.close()

    back = tmp_path / "usb" / "copy.sqlite3"
    again = transfer_database(empty_target, back)
    assert again.rows == report.rows + 1 + 1  # the person and its audit entry
    assert all(t.matches for t in again.tables)
    copy = Database.open(back, read_only=True)
    try:
        assert verify_audit_trail(copy).intact
        assert search(copy, "نفر پس از انتقال").group("person") is not None
    finally:
        copy.close()


def test_a_non_empty_target_file_is_refused_byte_identical(demo_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "other.sqlite3"
    target.write_bytes(demo_file.read_bytes())
    before = _sha(target)
    with pytest.raises(TransferRefused, match="خالی نیست"):
        transfer_database(demo_file, target)
    assert _sha(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["desk", "other.sqlite3"]


def test_a_non_empty_server_database_is_refused_unchanged(
    demo_file: Path, database_target: Path | str, tmp_path: Path
) -> None:
    """``database_target`` holds the countries (and their audit entries): not empty."""
    db = _open(str(database_target), tmp_path)
    before = _checksums(db)
    db.close()
    with pytest.raises(TransferRefused) as refused:
        transfer_database(demo_file, database_target)
    assert "is not empty" in refused.value.message_en
    db = _open(str(database_target), tmp_path)
    try:
        assert _checksums(db) == before
    finally:
        db.close()


def test_a_source_of_an_older_or_newer_schema_is_refused_naming_it(tmp_path: Path) -> None:
    older = tmp_path / "older.sqlite3"
    engine = make_engine(older)
    migrate(engine, "0010_visit_decisions")
    engine.dispose()
    target = tmp_path / "new.sqlite3"
    with pytest.raises(TransferRefused, match="^مبدأ: .*قدیمی") as refused:
        transfer_database(older, target)
    assert "0010_visit_decisions" in refused.value.message
    assert not target.exists()

    newer = tmp_path / "newer.sqlite3"
    Database.open(newer).close()
    engine = make_engine(newer)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    engine.dispose()
    with pytest.raises(TransferRefused, match="^مبدأ: .*جدیدتر"):
        transfer_database(newer, target)
    assert not target.exists()


def test_the_same_database_on_both_sides_is_refused(demo_file: Path) -> None:
    before = _sha(demo_file)
    with pytest.raises(TransferRefused, match="یک پایگاه داده"):
        transfer_database(demo_file, demo_file.parent / "." / demo_file.name)
    assert _sha(demo_file) == before


def test_a_failed_transfer_leaves_the_target_as_it_was(
    demo_file: Path, empty_target: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = copier.compare

    def one_table_differs(*args: object) -> list[TableCopy]:
        report = real(*args)  # type: ignore[arg-type]
        first = report[0]
        return [TableCopy(first.table, first.rows, first.source_checksum, "0" * 64), *report[1:]]

    monkeypatch.setattr(transfer_service.copier, "compare", one_table_differs)
    with pytest.raises(TransferRefused, match="برگردانده شد"):
        transfer_database(demo_file, empty_target)
    if empty_target.startswith("postgresql"):
        db = _open(empty_target, tmp_path)
        try:
            assert all(rows == 0 for rows, _sum in _checksums(db).values())
        finally:
            db.close()
    else:
        assert not Path(empty_target).parent.exists()  # the folder it made is gone too
