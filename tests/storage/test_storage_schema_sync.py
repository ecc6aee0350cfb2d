"""The schema built by the Alembic migrations is exactly the one the models describe."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Column, Integer, MetaData, Table

from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.storage.models import include_in_schema, metadata


def _differences(db: Database, target: MetaData) -> list[object]:
    with db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_name": include_in_schema}
        )
        return compare_metadata(context, target)


def test_migrated_schema_matches_models(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "t.sqlite3")
    try:
        assert _differences(db, metadata) == []
    finally:
        db.close()


def test_the_comparison_sees_a_missing_table(tmp_path: Path) -> None:
    """Guard against a vacuous check: a table only in the models is reported."""
    extra = MetaData()
    for table in metadata.tables.values():
        table.to_metadata(extra)
    Table("not_migrated", extra, Column("id", Integer, primary_key=True))
    db = Database.open(tmp_path / "t.sqlite3")
    try:
        diffs = _differences(db, extra)
    finally:
        db.close()
    assert [d[0] for d in diffs] == ["add_table"]  # type: ignore[index]


def test_migrated_schema_matches_models_on_postgresql(postgres_databases, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The same migrations build the same schema on PostgreSQL (skipped without a server)."""
    url = postgres_databases.create_empty()
    try:
        db = Database.open(url, backups_dir=tmp_path / "b", attachments_dir=tmp_path / "a")
        try:
            assert _differences(db, metadata) == []
        finally:
            db.close()
    finally:
        postgres_databases.drop(url)
