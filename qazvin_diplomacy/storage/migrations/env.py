"""Alembic environment, run programmatically by ``storage.migrate`` (never via fileConfig).

The caller passes an open SQLAlchemy connection in ``config.attributes["connection"]``;
batch mode is on so SQLite tables can be altered, and constraint names follow the
models' naming convention.
"""

from __future__ import annotations

from alembic import context

from qazvin_diplomacy.storage.models import include_in_schema, metadata

config = context.config


def run_migrations() -> None:
    """Run the migrations on the connection the caller supplied."""
    connection = config.attributes.get("connection")
    if connection is None:  # pragma: no cover - only used by `alembic` on a developer machine
        from sqlalchemy import create_engine

        url = config.get_main_option("sqlalchemy.url") or "sqlite:///dev.sqlite3"
        with create_engine(url).connect() as conn:
            _configure_and_run(conn)
        return
    _configure_and_run(connection)


def _configure_and_run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=metadata,
        render_as_batch=True,
        compare_type=True,
        include_name=include_in_schema,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
