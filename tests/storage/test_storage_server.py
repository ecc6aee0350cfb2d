"""A PostgreSQL ``--db``: the URL, its refusals, the password never shown, the server's twins.

The tests needing a server take ``postgres_databases`` (skipped without ``QD_TEST_PG_URL``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import make_url, select, text

from qazvin_diplomacy.core.errors import DatabaseRefusedError
from qazvin_diplomacy.storage import server
from qazvin_diplomacy.storage.database import Database, head_revision


def test_server_urls_are_told_from_file_paths() -> None:
    assert server.is_server_url("postgresql://clerk@10.0.0.5:5432/office")
    assert server.is_server_url("postgres://clerk@server/office")
    assert not server.is_server_url("C:/data/postgresql.sqlite3")
    assert not server.is_server_url(Path("postgresql://x"))  # a Path is always a file


@pytest.mark.parametrize("bad", ["postgresql://", "postgresql://clerk@host", "postgresql:///db"])
def test_a_malformed_url_is_refused(bad: str) -> None:
    with pytest.raises(DatabaseRefusedError) as caught:
        Database.open(bad)
    assert "postgresql://user@host:port/dbname" in caught.value.message_en


def test_the_password_is_never_shown() -> None:
    url = "postgresql://clerk:s3cret-pw@127.0.0.1:1/office"
    assert "s3cret-pw" not in server.display_url(url)
    with pytest.raises(DatabaseRefusedError) as caught:  # nothing listens on port 1
        Database.open(url)
    error = caught.value
    assert "s3cret-pw" not in error.message + error.message_en
    assert "127.0.0.1:1/office" in error.message_en


def test_the_desk_folder_of_a_server_database_names_no_password(tmp_path: Path) -> None:
    from qazvin_diplomacy.paths import resolve_paths

    paths = resolve_paths("postgresql://clerk:s3cret@10.0.0.5:5433/office", base_dir=tmp_path)
    assert paths.backups_dir == tmp_path / "servers" / "10.0.0.5-5433-office" / "backups"
    assert "s3cret" not in str(paths.attachments_dir)


def _empty_database(postgres_databases) -> str:  # type: ignore[no-untyped-def]
    return postgres_databases.create_empty()


def test_a_wrong_password_is_refused_without_showing_it(postgres_databases) -> None:  # type: ignore[no-untyped-def]
    url = make_url(postgres_databases.shared()).set(password="not-the-password")
    with pytest.raises(server.ServerLoginRefused) as caught:
        Database.open(url.render_as_string(hide_password=False))
    error = caught.value
    assert "not-the-password" not in error.message + error.message_en
    assert "گذرواژه" in error.message


def test_an_empty_server_database_is_created_at_head(postgres_databases, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url = _empty_database(postgres_databases)
    try:
        with pytest.raises(DatabaseRefusedError):  # read-only: an empty database is not ours
            Database.open(url, read_only=True)
        db = Database.open(url, backups_dir=tmp_path / "b", attachments_dir=tmp_path / "a")
        try:
            assert db.dialect == "postgresql" and db.schema_revision() == head_revision()
            assert db.migrated_from is None and db.url is not None and "@" in db.url
            assert not (tmp_path / "b").exists()  # nothing was copied: there was nothing
        finally:
            db.close()
    finally:
        postgres_databases.drop(url)


@pytest.mark.parametrize(
    ("sql", "words"),
    [
        ("UPDATE alembic_version SET version_num = '9999_from_the_future'", "newer"),
        ("DELETE FROM alembic_version", "no schema version"),
        ("UPDATE alembic_version SET version_num = '0004_events'", "older schema"),
    ],
)
def test_a_foreign_or_newer_server_database_is_refused_untouched(
    postgres_databases,  # type: ignore[no-untyped-def]
    sql: str,
    words: str,
) -> None:
    url = postgres_databases.create()
    try:
        db = Database.open(url)
        with db.session() as session:
            session.execute(text(sql))
        db.close()
        with pytest.raises(DatabaseRefusedError) as caught:
            Database.open(url)
        assert words in caught.value.message_en
        if words == "older schema":  # `check` may still read it, and says what it is
            db = Database.open(url, read_only=True, allow_older=True)
            assert db.schema_revision() == "0004_events"
            db.close()
    finally:
        postgres_databases.drop(url)


def test_a_read_only_server_database_refuses_writes(postgres_databases) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy.exc import DBAPIError

    db = Database.open(postgres_databases.shared(), read_only=True)
    try:
        with pytest.raises(DBAPIError, match="read-only"), db.session() as session:
            session.execute(text("DELETE FROM country"))
    finally:
        db.close()


def test_persian_collation_and_null_order_match_sqlite(database_target: Path | str) -> None:
    """«پ» after «ب», «گ» after «ک»; NULL first ascending and last descending, on both."""
    from qazvin_diplomacy.storage.database import PERSIAN_COLLATION
    from qazvin_diplomacy.storage.directory import Country, Organization

    db = Database.open(database_target)
    names = ["گیلان", "کرمان", "پارس", "بوشهر", "تهران", "ژاپن", "زنجان"]
    try:
        with db.session() as session:
            country = session.scalars(select(Country.id).limit(1)).one()
            for i, name in enumerate(names):
                session.add(
                    Organization(name_fa=name, kind="other", country_id=None if i % 2 else country)
                )
        with db.read_session() as session:
            ordered = session.scalars(
                select(Organization.name_fa).order_by(
                    Organization.name_fa.collate(PERSIAN_COLLATION)
                )
            ).all()
            by_country = session.scalars(
                select(Organization.country_id).order_by(Organization.country_id.desc())
            ).all()
            by_country_asc = session.scalars(
                select(Organization.country_id).order_by(Organization.country_id)
            ).all()
    finally:
        db.close()
    assert ordered == ["بوشهر", "پارس", "تهران", "زنجان", "ژاپن", "کرمان", "گیلان"]
    assert by_country[-1] is None and by_country[0] == country
    assert by_country_asc[0] is None and by_country_asc[-1] == country


def test_later_kinds_get_their_postgresql_search_triggers(postgres_databases) -> None:  # type: ignore[no-untyped-def]
    """Every searchable kind (those added after 0005 too: 0016, 0017, 0018) has its three
    PostgreSQL triggers at head, the same ones ``check --repair`` would make."""
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    from qazvin_diplomacy.services.search_sources import SEARCH_SOURCES
    from qazvin_diplomacy.services.search_upkeep import search_index_ddl_postgresql

    url = postgres_databases.create()
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            stored = {
                name: definition
                for name, definition in conn.exec_driver_sql(
                    "SELECT tgname, pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal"
                )
            }
    finally:
        engine.dispose()
        postgres_databases.drop(url)
    for source in SEARCH_SOURCES:
        for statement in search_index_ddl_postgresql(source):
            name = statement.split()[2]
            assert name in stored, name
            assert f"search_fts_sync('{source.code}'" in stored[name], (name, stored[name])
