"""Opening the database safely: checks, a backup, migrations, then an engine with pragmas.

``Database.open`` refuses (and leaves byte-for-byte untouched) a file that is not SQLite,
fails the bounded integrity check made at open (``storage.integrity``; the full
``PRAGMA integrity_check`` runs in ``check``, on restore, and in the window's background after
an unclean shutdown or on a schedule), was written by a newer version of the application, or
lives on a network share.  A database a crashed writer left with a hot rollback journal (or a WAL
that needs recovery) is first recovered the way SQLite always does — its last committed
state — since a read-only check cannot do that. Before migrating an existing database it copies it with SQLite's online
backup API into the backups folder. Alembic is imported only when a migration is due: the
known revisions are read from the names in the migration scripts.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from qazvin_diplomacy.core.errors import DatabaseRefusedError
from qazvin_diplomacy.core.text import persian_collation
from qazvin_diplomacy.storage import integrity, location

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
#: Name of the SQL collation that sorts Persian text alphabetically (``core.text.persian_sort_key``).
PERSIAN_COLLATION = "persian"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 5000


def alembic_config() -> Config:
    """An Alembic configuration pointing at the migrations shipped inside the package."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


_REVISION_LINE = re.compile(
    r"""^(revision|down_revision)\s*(?::[^=]*)?=\s*(?:None|["']([^"']+)["'])\s*$""", re.MULTILINE
)


@cache
def _revision_chain() -> tuple[dict[str, str | None], str]:
    """``{revision: down_revision}`` of the shipped migration scripts, and the head.

    Read from the scripts' ``revision = "…"`` lines so that opening an up-to-date database does
    not import Alembic (a third of a second); a test holds it equal to Alembic's own view.
    """
    parents: dict[str, str | None] = {}
    for script in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        values = {m.group(1): m.group(2) for m in _REVISION_LINE.finditer(script.read_text("utf-8"))}
        if values.get("revision"):
            parents[values["revision"]] = values.get("down_revision")
    heads = set(parents) - set(parents.values())
    if len(heads) != 1:
        raise RuntimeError(f"the migration scripts must form one chain; heads: {sorted(heads)}")
    return parents, heads.pop()


def head_revision() -> str:
    """The newest schema revision this version of the application knows."""
    return _revision_chain()[1]


def known_revisions() -> set[str]:
    """Every schema revision shipped with this version."""
    return set(_revision_chain()[0])


def _refuse(fa: str, en: str) -> DatabaseRefusedError:
    return DatabaseRefusedError(fa, en)


def inspect_file(path: Path, *, full: bool = True) -> str | None:
    """Check an existing file read-only; return its schema revision (None when it has none).

    ``full`` runs ``PRAGMA integrity_check``; without it the bounded check made at every open
    (``integrity.passes_at_open``).

    Raises ``DatabaseRefusedError`` for a file that is not a healthy SQLite database of a
    schema this version knows. The file is opened read-only and never modified — except that
    an interrupted write (a hot rollback journal, a WAL needing recovery) is first recovered
    by SQLite to the last committed state, which a read-only connection cannot do.
    """
    try:
        with path.open("rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        raise _refuse(f"پرونده پایگاه داده خوانده نشد: {exc.strerror}", f"Cannot read the database file: {exc}") from exc
    if header != SQLITE_HEADER:
        raise _refuse(
            f"پرونده «{path.name}» پایگاه داده SQLite نیست و باز نشد؛ هیچ تغییری در آن داده نشد.",
            f"'{path.name}' is not an SQLite database; it was left untouched.",
        )
    try:
        return _inspect_read_only(path, full=full)
    except sqlite3.OperationalError as exc:
        if getattr(exc, "sqlite_errorname", "") not in _NEEDS_RECOVERY:
            raise _damaged(exc) from exc
    # A writer died mid-transaction (power cut, killed program): SQLite must roll back its
    # hot journal or rebuild the WAL index before anyone can read, which takes a read-write
    # connection.  This restores the last committed state; then check again, read-only.
    log.warning("recovering %s after an interrupted write", path)
    try:
        with closing(sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)) as conn:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return _inspect_read_only(path, full=full)
    except sqlite3.DatabaseError as exc:
        raise _damaged(exc) from exc


#: Extended result codes of a read-only connection that finds crash recovery pending.
_NEEDS_RECOVERY = frozenset(
    {"SQLITE_READONLY_ROLLBACK", "SQLITE_READONLY_RECOVERY", "SQLITE_READONLY_CANTINIT"}
)


def _damaged(exc: sqlite3.DatabaseError) -> DatabaseRefusedError:
    return _refuse(
        f"پایگاه داده آسیب دیده یا ناقص است و باز نشد ({exc}); آخرین نسخه پشتیبان را بازیابی کنید.",
        f"The database is damaged or truncated ({exc}); restore the latest backup.",
    )


def _inspect_read_only(path: Path, *, full: bool) -> str | None:
    """The read-only part of :func:`inspect_file`; sqlite3 errors other than refusals escape."""
    uri = path.resolve().as_uri() + "?mode=ro"
    try:
        with closing(sqlite3.connect(uri, uri=True)) as conn:
            conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            if not integrity.passes_at_open(conn, path, full=full):
                raise _refuse(
                    "پایگاه داده آسیب دیده است (بررسی یکپارچگی ناموفق بود) و باز نشد؛ "
                    "آخرین نسخه پشتیبان را بازیابی کنید.",
                    "The database is damaged (integrity check failed); restore the latest backup.",
                )
            has_version = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
            ).fetchone()
            revision = None
            if has_version:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
            elif conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]:
                raise _refuse(
                    "این پرونده پایگاه داده این برنامه نیست و باز نشد.",
                    "This SQLite file does not belong to this application; it was left untouched.",
                )
    except sqlite3.OperationalError:
        raise  # inspect_file tells "recovery pending" from damage
    except sqlite3.DatabaseError as exc:
        raise _damaged(exc) from exc
    if revision is not None and revision not in known_revisions():
        raise _refuse(
            "این پایگاه داده با نسخه جدیدتری از برنامه ساخته شده است؛ برنامه را به‌روز کنید. "
            "پرونده دست‌نخورده باقی ماند.",
            "This database was written by a newer version of the application; update the application. "
            "The file was left untouched.",
        )
    return revision


def backup_copy(source: Path, target: Path) -> Path:
    """Copy a live SQLite database consistently with the online backup API."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(target.suffix + ".part")
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(tmp)) as dst:
        src.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        src.backup(dst)
    tmp.replace(target)
    return target


def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    # Take transaction control away from pysqlite so SAVEPOINT and BEGIN work as written;
    # pragmas then run outside any transaction, as foreign_keys requires.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()
    # ORDER BY name COLLATE persian: Persian alphabetical order (پ after ب, گ after ک …).
    dbapi_conn.create_collation(PERSIAN_COLLATION, persian_collation)


def _on_begin(conn: object) -> None:
    conn.exec_driver_sql("BEGIN")  # type: ignore[attr-defined]


def make_engine(path: Path) -> Engine:
    """An engine for ``path`` with foreign keys, busy timeout and WAL on every connection."""
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


class Database:
    """An open, checked and migrated database; sessions are scoped to one unit of work."""

    def __init__(self, path: Path, engine: Engine, backups_dir: Path, attachments_dir: Path) -> None:
        self.path = path
        self.engine = engine
        self.backups_dir = backups_dir
        self.attachments_dir = attachments_dir
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.location = "local"
        #: The last writer did not close the file (see ``integrity.left_unclean``).
        self.unclean_shutdown = False

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        backups_dir: Path | None = None,
        attachments_dir: Path | None = None,
        allow_network: bool = False,
    ) -> Database:
        """Check, back up if needed, migrate to the newest schema and open ``path``.

        A missing file is created with the newest schema.
        """
        path = Path(path).expanduser().resolve()
        backups_dir = backups_dir or path.parent / f"{path.stem}-backups"
        attachments_dir = attachments_dir or path.parent / f"{path.stem}-attachments"
        where = location.classify(path.parent if path.parent.exists() else Path.cwd())
        if where == "network" and not allow_network:
            raise _refuse(
                "پایگاه داده روی پوشه اشتراکی شبکه است؛ SQLite فقط روی دیسک محلی امن است. "
                "پوشه داده را روی دیسک همین رایانه قرار دهید.",
                "The database is on a network share; SQLite is only safe on a local disk.",
            )
        if where == "removable":
            log.warning("database %s is on removable media; only backups belong on a USB stick", path)
        unclean = integrity.left_unclean(path)
        revision = inspect_file(path, full=False) if path.exists() and path.stat().st_size > 0 else None
        if path.exists() and path.stat().st_size == 0:
            raise _refuse(
                f"پرونده «{path.name}» خالی است و پایگاه داده نیست؛ دست‌نخورده باقی ماند.",
                f"'{path.name}' is empty, not a database; it was left untouched.",
            )
        path.parent.mkdir(parents=True, exist_ok=True)
        head = head_revision()
        if path.exists() and revision != head:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            base = f"{path.stem}-before-migration-{revision or 'none'}-{stamp}"
            target = backups_dir / f"{base}.sqlite3"
            n = 2
            while target.exists():  # two migrations within one second keep both copies
                target = backups_dir / f"{base}-{n}.sqlite3"
                n += 1
            backup_copy(path, target)
            log.info("backup before migration written to %s", target)
        engine = make_engine(path)
        if revision != head:
            migrate(engine)
        db = cls(path, engine, backups_dir, attachments_dir)
        db.location = where
        db.unclean_shutdown = unclean
        return db

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commit on success, roll back on any error."""
        with self._sessions.begin() as session:
            yield session

    def read_session(self) -> Session:
        """A session for reading only (caller closes it; nothing is committed)."""
        return self._sessions()

    def schema_revision(self) -> str | None:
        """The schema revision stored in the database."""
        from alembic.runtime.migration import MigrationContext

        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def close(self) -> None:
        """Release every connection."""
        self.engine.dispose()


def migrate(engine: Engine, revision: str = "head") -> None:
    """Upgrade the schema of ``engine``'s database to ``revision``."""
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
