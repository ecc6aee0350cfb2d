"""Services on a PostgreSQL database: the health check's server twin, the backup.

Needs ``QD_TEST_PG_URL`` (``.ci/postgres.sh run …``); skipped otherwise.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.services.backup import create_backup, restore_backup
from qazvin_diplomacy.services.health import check
from qazvin_diplomacy.services.search_upkeep import rebuild_search_index
from qazvin_diplomacy.storage.database import Database


@pytest.fixture
def server(postgres_databases, tmp_path: Path):  # type: ignore[no-untyped-def]
    url = postgres_databases.create()
    db = Database.open(url, backups_dir=tmp_path / "b", attachments_dir=tmp_path / "a")
    yield db
    db.close()
    postgres_databases.drop(url)


def test_check_is_healthy_then_names_a_disabled_trigger_and_an_unchecked_key(server) -> None:  # type: ignore[no-untyped-def]
    report = check(server)
    assert report.healthy, report.problems
    assert report.counts["countries"] > 200 and report.counts["tables"] > 20
    with server.session() as session:
        session.execute(text("ALTER TABLE person DISABLE TRIGGER search_fts_person_ai"))
        session.execute(
            text(
                "ALTER TABLE person ADD CONSTRAINT qd_test_fk FOREIGN KEY (country_id) "
                "REFERENCES country (id) NOT VALID"
            )
        )
    problems = check(server).problems
    assert any("search_fts_person_ai" in p for p in problems), problems
    assert any("person" in p and "کلید خارجی" in p for p in problems), problems
    with server.session() as session:
        session.execute(text("ALTER TABLE person DROP CONSTRAINT qd_test_fk"))
    rebuild_search_index(server)  # check --repair puts the triggers back
    assert check(server).healthy


def test_the_backup_of_a_server_database_holds_its_rows(server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "office.qdbackup"
    manifest = create_backup(server, out=out)
    assert manifest.schema_revision == server.schema_revision()
    copy = tmp_path / "copy.sqlite3"
    restore_backup(
        source=out, db_path=copy, backups_dir=tmp_path / "cb", attachments_dir=tmp_path / "ca"
    )
    restored = Database.open(copy, read_only=True)
    try:
        assert check(restored).counts["countries"] == check(server).counts["countries"] > 200
    finally:
        restored.close()


def test_a_password_is_asked_once_and_kept_in_memory_only(
    postgres_databases,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import os

    from qazvin_diplomacy.services import connection
    from qazvin_diplomacy.storage.server import ServerLoginRefused, display_url

    url = postgres_databases.shared()
    password = os.environ.get("PGPASSWORD", "")
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    monkeypatch.setattr(connection, "_passwords", {})
    asked: list[str] = []
    answers = iter([password, "wrong-one"])
    connection.set_password_prompt(lambda shown: asked.append(shown) or next(answers))
    try:
        folders = {"backups_dir": tmp_path / "b", "attachments_dir": tmp_path / "a"}
        connection.open_database(url, **folders).close()
        connection.open_database(url, **folders).close()  # remembered: not asked again
        assert asked == [display_url(url)]
        other = url.replace("127.0.0.1", "localhost")  # another server name: asked again
        connection._passwords.clear()
        connection.set_password_prompt(lambda shown: asked.append(shown) or "wrong-one")
        with pytest.raises(ServerLoginRefused):
            connection.open_database(other, **folders)
        assert len(asked) == 2  # a wrong answer is refused, not asked for forever
    finally:
        connection.set_password_prompt(None)
    assert not any(password in str(p) for p in tmp_path.rglob("*"))


def test_a_row_another_desk_holds_is_the_busy_message(server) -> None:  # type: ignore[no-untyped-def]
    """PostgreSQL's lock timeout (55P03) reads like SQLite's «database is locked»."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import NullPool

    from qazvin_diplomacy.core.directory import PersonInput
    from qazvin_diplomacy.services.directory import get_person, save_person

    saved = save_person(server, person=PersonInput(name_fa="پرویز نادری"))
    server.engine.dispose()

    @event.listens_for(server.engine, "connect")
    def _short_wait(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        cursor = dbapi_conn.cursor()
        cursor.execute("SET lock_timeout = '200ms'")
        cursor.close()
        dbapi_conn.commit()

    other_desk = create_engine(server.engine.url, poolclass=NullPool)
    try:
        with other_desk.begin() as conn:
            conn.execute(text("SELECT 1 FROM person WHERE id = :i FOR UPDATE"), {"i": saved.id})
            with pytest.raises(KnownError) as caught:
                save_person(
                    server,
                    person=PersonInput(
                        name_fa="پرویز نادری‌پور", id=saved.id, version=saved.version
                    ),
                )
            assert "busy" in caught.value.message_en
    finally:
        other_desk.dispose()
    assert get_person(server, saved.id).version == saved.version  # nothing was changed
