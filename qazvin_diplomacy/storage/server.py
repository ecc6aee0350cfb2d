"""PostgreSQL on the office's server: the URL, the engine and the checks made before opening.

``--db`` takes a file path or a ``postgresql://user@host:port/dbname`` URL; the same models and
migrations run on both (the driver is psycopg 3, ``postgresql+psycopg``).  A password is never
taken from disk in plain text by this module: it comes from the caller (a prompt, a password
file, the credential store) or from libpq itself (``PGPASSWORD``, ``~/.pgpass``), and it is
never part of a message or a log line — :func:`display_url` is what they show.

What SQLite does in the file, PostgreSQL does in the server: the Persian collation is an ICU
collation named ``persian`` and the search index a ``pg_trgm`` GIN index (both made by the
migrations), and a database opened read-only gets ``default_transaction_read_only``.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event, make_url, nulls_first, text
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import UnaryExpression

from qazvin_diplomacy.core.errors import DatabaseRefusedError

log = logging.getLogger(__name__)

#: URL schemes ``--db`` recognises as a server database.
SERVER_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")
DRIVER = "postgresql+psycopg"
CONNECT_TIMEOUT_S = 10


def is_server_url(target: object) -> bool:
    """Whether ``target`` (a ``--db`` value) names a PostgreSQL database rather than a file."""
    return isinstance(target, str) and target.strip().lower().startswith(SERVER_SCHEMES)


def parse_url(target: str) -> URL:
    """The SQLAlchemy URL of ``target`` with the psycopg 3 driver; refuses a malformed one."""
    try:
        url = make_url(target.strip())
    except ArgumentError:
        url = None
    if url is None or not url.database or not url.host:
        raise DatabaseRefusedError(
            "نشانی پایگاه داده سرور نادرست است؛ شکل درست: postgresql://کاربر@سرور:درگاه/نام‌پایگاه",
            "The server database address is malformed; expected postgresql://user@host:port/dbname",
        )
    return url.set(drivername=DRIVER)


def display_url(url: URL | str) -> str:
    """The URL as messages and logs show it: never the password."""
    if isinstance(url, str):
        try:
            url = make_url(url.strip())
        except ArgumentError:
            return "postgresql://…"
    return url.set(drivername="postgresql").render_as_string(hide_password=True)


def local_name(url: URL) -> str:
    """A file-name-safe name for the desk's local folder of this server database."""
    raw = f"{url.host}-{url.port or 5432}-{url.database}"
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in raw)


def make_server_engine(url: URL, *, password: str | None = None, read_only: bool = False) -> Engine:
    """An engine on the server database; ``read_only`` sessions cannot write."""
    if password is not None:
        url = url.set(password=password)
    engine = create_engine(
        url,
        pool_pre_ping=True,
        connect_args={"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "qazvin-diplomacy"},
    )
    if read_only:
        event.listen(engine, "connect", _set_read_only)
    _order_nulls_as_sqlite(engine)
    return engine


def _nulls_as_sqlite(clause: Any) -> Any:
    """``clause`` of an ORDER BY with SQLite's place for NULLs made explicit.

    SQLite sorts NULL before every value (first ascending, last descending); PostgreSQL
    after every value.  Lists sorted by an optional column (a visit without a date, an
    agreement not yet signed) must come out in the same order on both.
    """
    if isinstance(clause, UnaryExpression):
        if clause.modifier in (operators.nulls_first_op, operators.nulls_last_op):
            return clause
        if clause.modifier is operators.desc_op:
            return clause.nulls_last()
        if clause.modifier is operators.asc_op:
            return clause.nulls_first()
    return nulls_first(clause)


def _order_nulls_as_sqlite(engine: Engine) -> None:
    """Give this engine's statements SQLite's NULL ordering (see :func:`_nulls_as_sqlite`)."""
    base = engine.dialect.statement_compiler

    class Compiler(base):  # type: ignore[misc, valid-type]
        def order_by_clause(self, select: Any, **kw: Any) -> str:  # overrides SQLCompiler's
            order_by = self._generate_delimited_list(
                [_nulls_as_sqlite(c) for c in select._order_by_clauses], ", ", **kw
            )
            return " ORDER BY " + order_by if order_by else ""

    engine.dialect.statement_compiler = Compiler


def _set_read_only(dbapi_conn: object, _record: object) -> None:
    cur = dbapi_conn.cursor()  # type: ignore[attr-defined]
    cur.execute("SET default_transaction_read_only = on")
    cur.close()
    dbapi_conn.commit()  # type: ignore[attr-defined]


def needs_password(exc: BaseException) -> bool:
    """Whether a connection failed for want of a (right) password."""
    message = str(getattr(exc, "orig", exc)).lower()
    return "password" in message and (
        "no password supplied" in message or "authentication failed" in message
    )


def missing_database(exc: BaseException) -> bool:
    """Whether a connection failed because the named database does not exist (3D000)."""
    orig = getattr(exc, "orig", exc)
    if str(getattr(orig, "sqlstate", "") or "") == "3D000":
        return True
    message = str(orig).lower()
    return "database" in message and "does not exist" in message


class ServerLoginRefused(DatabaseRefusedError):
    """The server refused the login: no password, or a wrong one."""


def unreachable(url: URL, exc: DBAPIError) -> DatabaseRefusedError:
    """The refusal for a server that cannot be reached or refuses the login (no password shown)."""
    shown = display_url(url)
    reason = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else type(exc).__name__
    if url.password:
        reason = reason.replace(url.password, "***")
    if needs_password(exc):
        return ServerLoginRefused(
            f"ورود به پایگاه داده سرور «{shown}» پذیرفته نشد: گذرواژه نادرست است یا داده نشد.",
            f"The server database '{shown}' refused the login: wrong or missing password ({reason}).",
        )
    if missing_database(exc):
        return DatabaseRefusedError(
            f"پایگاه داده «{url.database}» روی سرور «{shown}» وجود ندارد؛ از مسئول فناوری "
            "اطلاعات بخواهید آن را (خالی) بسازد یا نام آن را درست بنویسید.",
            f"The database '{url.database}' does not exist on the server '{shown}'; ask IT to "
            f"create it (empty) or correct its name ({reason}).",
        )
    return DatabaseRefusedError(
        f"به پایگاه داده سرور «{shown}» وصل نشد؛ شبکه، نشانی و روشن‌بودن سرور را بررسی کنید ({reason}).",
        f"Cannot connect to the server database '{shown}'; check the network, the address and "
        f"that the server is running ({reason}).",
    )


def inspect_server(engine: Engine, url: URL) -> tuple[str | None, list[str]]:
    """The schema revision of the server database and its application tables (read-only)."""
    try:
        with engine.connect() as conn:
            tables = [
                name
                for name in conn.execute(
                    text(
                        "SELECT tablename FROM pg_catalog.pg_tables "
                        "WHERE schemaname = current_schema()"
                    )
                ).scalars()
            ]
            revision = None
            if "alembic_version" in tables:
                revision = conn.execute(
                    text("SELECT version_num FROM alembic_version")
                ).scalar_one_or_none()
            conn.rollback()
    except DBAPIError as exc:
        engine.dispose()
        raise unreachable(url, exc) from exc
    return revision, [t for t in tables if t != "alembic_version"]


def placeholder_path(local_dir: Path, url: URL) -> Path:
    """What ``Database.path`` holds for a server database: its name in the desk's folder.

    No file is ever made there; it names the database in titles and messages.
    """
    return local_dir / f"{local_name(url)}.server"
