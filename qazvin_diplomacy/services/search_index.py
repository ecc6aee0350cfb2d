"""The search index's health: is it damaged, and the error that says so.

``services.records.write`` asks :func:`raise_if_index_damaged` when a write fails (the index's
triggers run in every write to an indexed table), and ``services.search`` when a search does;
``check --repair`` (``search_upkeep.rebuild_search_index``) rebuilds a damaged index.
"""

from __future__ import annotations

from sqlalchemy import Connection, text
from sqlalchemy.exc import DatabaseError, OperationalError

from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.storage.database import Database

__all__ = [
    "FTS_TABLE",
    "SearchIndexDamaged",
    "check_index",
    "existing_names",
    "index_damaged",
    "is_read_only_error",
    "raise_if_index_damaged",
]

FTS_TABLE = "search_fts"


class SearchIndexDamaged(KnownError):
    """The search index cannot be read or written; ``check --repair`` rebuilds it."""

    def __init__(self, writing: bool = False) -> None:
        super().__init__(
            "نمایه جستجو آسیب دیده است؛ برای ساختن دوبارهٔ آن «qazvin-diplomacy check --repair "
            "--db …» را اجرا کنید." + (" هیچ تغییری ثبت نشد." if writing else ""),
            "The search index is damaged; run 'qazvin-diplomacy check --repair --db …' to rebuild "
            "it." + (" Nothing was changed." if writing else ""),
        )


def check_index(conn: Connection) -> None:
    """FTS5's integrity check; ``DatabaseError`` when the index is damaged.

    That check is an INSERT, refused on a read-only database (which says nothing about the
    index): there the index is read instead (a trigram lookup walks its structure), which
    finds a missing or unreadable part.
    """
    if conn.dialect.name == "postgresql":  # an ordinary table and index: read them both
        conn.execute(text(f"SELECT count(*) FROM {FTS_TABLE} WHERE key LIKE :k"), {"k": "%qdd%"})
        return
    try:
        with conn.begin_nested():
            conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('integrity-check')")
    except OperationalError as exc:
        if not is_read_only_error(exc):
            raise
        conn.exec_driver_sql(
            f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH 'qdd'"
        ).all()


def index_damaged(db: Database) -> bool:
    """Whether the index is missing or fails FTS5's own integrity check."""
    try:
        with db.engine.connect() as conn:
            if FTS_TABLE not in existing_names(conn, "table"):
                return True
            check_index(conn)
            conn.rollback()
    except DatabaseError:
        return True
    return False


def raise_if_index_damaged(db: Database, error: BaseException, *, writing: bool = False) -> None:
    """Raise :class:`SearchIndexDamaged` (from ``error``) when the index is what failed.

    For a database error of a search or of a write (whose triggers update the index): SQLite's
    messages («vtable constructor failed», «SQL logic error», «database disk image is
    malformed» …) do not always name the table, so the index itself is checked.
    """
    if index_damaged(db):
        raise SearchIndexDamaged(writing) from error


def existing_names(conn: Connection, kind: str) -> set[str]:
    """Names of the database's tables or triggers (``kind``: ``"table"`` or ``"trigger"``)."""
    if conn.dialect.name == "postgresql":
        sql = {
            "table": "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema()",
            "trigger": "SELECT t.tgname FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class c "
            "ON c.oid = t.tgrelid WHERE NOT t.tgisinternal "
            "AND c.relnamespace = to_regnamespace(current_schema())",
        }[kind]
        return set(conn.exec_driver_sql(sql).scalars())
    return set(
        conn.execute(text("SELECT name FROM sqlite_master WHERE type = :k"), {"k": kind}).scalars()
    )


def is_read_only_error(exc: Exception) -> bool:
    """True for SQLite's "attempt to write a readonly database" (any SQLITE_READONLY_* code)."""
    name = getattr(getattr(exc, "orig", exc), "sqlite_errorname", "")
    return str(name).startswith("SQLITE_READONLY")
