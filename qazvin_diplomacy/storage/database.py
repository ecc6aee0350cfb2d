"""Opening the database safely: checks, a backup, migrations, then an engine with pragmas.

``Database.open`` refuses (and leaves byte-for-byte untouched, with nothing created beside it)
a file that is not SQLite, fails the bounded integrity check made at open (``storage.integrity``;
the full ``PRAGMA integrity_check`` runs in ``check``, on restore, and in the window's background
after an unclean shutdown or once a day), was written by a newer version of the application, has
tables but no schema version, or lives on a network share.  A database a crashed writer left
with a hot rollback journal (or a WAL that needs recovery) is first recovered the way SQLite
always does — its last committed state — since a read-only check cannot do that. Before migrating an existing database it copies it with SQLite's online
backup API into the backups folder. Alembic is imported only when a migration is due: the
known revisions are read from the migration scripts.

``Database.open(path, read_only=True)`` (``check``, ``report``, ``export``, ``search``) never
creates, migrates or writes the file, and also reads a database on a read-only medium or an
immutable file; opening such a file for writing is refused with a "read-only" message, never
reported as damage.  The engine is built from the path itself (never from a URL string), so
``%``, ``?``, ``#``, spaces and Persian letters in a file name are kept as they are.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from qazvin_diplomacy.core.errors import DatabaseRefusedError
from qazvin_diplomacy.core.text import persian_collation
from qazvin_diplomacy.storage import audit, confidential, integrity, location, server, users
from qazvin_diplomacy.storage.uri import sqlite_uri

if TYPE_CHECKING:
    from alembic.config import Config

    from qazvin_diplomacy.storage.transfer import TableCopy

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
        values = {
            m.group(1): m.group(2) for m in _REVISION_LINE.finditer(script.read_text("utf-8"))
        }
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
        raise _refuse(
            f"پرونده پایگاه داده خوانده نشد: {exc.strerror}",
            f"Cannot read the database file: {exc}",
        ) from exc
    if header != SQLITE_HEADER:
        raise _refuse(
            f"پرونده «{path.name}» پایگاه داده SQLite نیست و باز نشد؛ هیچ تغییری در آن داده نشد.",
            f"'{path.name}' is not an SQLite database; it was left untouched.",
        )
    try:
        return _inspect_read_only(path, full=full)
    except sqlite3.OperationalError as exc:
        if getattr(exc, "sqlite_errorname", "") not in _NEEDS_RECOVERY:
            raise _unreadable(path, exc) from exc
    # A writer died mid-transaction (power cut, killed program): SQLite must roll back its
    # hot journal or rebuild the WAL index before anyone can read, which takes a read-write
    # connection.  This restores the last committed state; then check again, read-only.
    log.warning("recovering %s after an interrupted write", path)
    try:
        with closing(sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)) as conn:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return _inspect_read_only(path, full=full)
    except sqlite3.DatabaseError as exc:
        raise _unreadable(path, exc) from exc


#: Extended result codes of a read-only connection that finds crash recovery pending.
_NEEDS_RECOVERY = frozenset(
    {"SQLITE_READONLY_ROLLBACK", "SQLITE_READONLY_RECOVERY", "SQLITE_READONLY_CANTINIT"}
)


def _damaged(exc: sqlite3.DatabaseError) -> DatabaseRefusedError:
    return _refuse(
        f"پایگاه داده آسیب دیده یا ناقص است و باز نشد ({exc}); آخرین نسخه پشتیبان را بازیابی کنید.",
        f"The database is damaged or truncated ({exc}); restore the latest backup.",
    )


def _unreadable(path: Path, exc: sqlite3.DatabaseError) -> DatabaseRefusedError:
    """SQLite could not open or read ``path``: damage, unless the file cannot be written.

    A healthy database on a read-only medium is not "damaged": telling the user to restore
    a backup there would invite replacing current data with older data.
    """
    if path.exists() and not location.is_writable(path):
        return _refuse(
            f"پایگاه داده «{path.name}» روی حافظه فقط‌خواندنی است (یا پرونده قفل شده است) و "
            f"SQLite نتوانست آن را همین‌جا بخواند ({exc})؛ آسیب‌دیدگی آن معلوم نیست. آن را همراه "
            "پرونده‌های ‎-wal‎ کنارش روی دیسک این رایانه رونوشت کنید و رونوشت را باز کنید.",
            f"'{path.name}' is on a read-only medium (or is a locked file) and SQLite could not "
            f"read it in place ({exc}); it is not known to be damaged. Copy it (with any -wal "
            "file beside it) to this computer's disk and open the copy.",
        )
    return _damaged(exc)


def _read_only_refusal(path: Path) -> DatabaseRefusedError:
    return _refuse(
        f"پایگاه داده «{path.name}» فقط‌خواندنی است (حافظه فقط‌خواندنی یا پرونده قفل‌شده) و "
        "نمی‌توان در آن نوشت؛ دست‌نخورده ماند. برای تغییر آن، رونوشتی روی دیسک این رایانه بسازید.",
        f"The database '{path.name}' is read-only (a read-only medium or a locked file) and "
        "cannot be written; it was left untouched. Copy it to this computer's disk to change it.",
    )


def _may_skip_locks(path: Path) -> bool:
    """True when ``path`` is in WAL mode with no ``-wal``/``-journal`` beside it.

    All its data is then in the main file, which a writer changes only by checkpointing a
    ``-wal`` that does not exist: the file can be read as immutable, so SQLite creates no
    ``-wal``/``-shm`` beside it and needs none (which a read-only medium could not hold).
    """
    try:
        with path.open("rb") as fh:
            header = fh.read(20)
    except OSError:
        return False
    in_wal_mode = len(header) == 20 and header[18] == 2 and header[19] == 2
    return in_wal_mode and not any(
        Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-journal")
    )


def _read_only_uri(path: Path) -> str:
    """The URI a read-only look at ``path`` opens: ``mode=ro``, immutable when safe."""
    path = Path(path).resolve()
    if _may_skip_locks(path):
        return sqlite_uri(path, mode="ro", immutable="1")
    return sqlite_uri(path, mode="ro")


def _inspect_read_only(path: Path, *, full: bool) -> str | None:
    """The read-only part of :func:`inspect_file`; sqlite3 errors other than refusals escape."""
    uri = _read_only_uri(path)
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
            elif conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[
                0
            ]:
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
    _configure_connection(dbapi_conn)
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _on_connect_read_only(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    _configure_connection(dbapi_conn)  # no journal_mode: changing it would write the header


def _configure_connection(dbapi_conn: sqlite3.Connection) -> None:
    # Take transaction control away from pysqlite so SAVEPOINT and BEGIN work as written;
    # pragmas then run outside any transaction, as foreign_keys requires.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()
    # ORDER BY name COLLATE persian: Persian alphabetical order (پ after ب, گ after ک …).
    dbapi_conn.create_collation(PERSIAN_COLLATION, persian_collation)


#: Execution option of the engine that write sessions use: SQLite takes its write lock at BEGIN.
WRITE_SESSION = "qd_write_session"


def _on_begin(conn: object) -> None:
    # A unit of work that reads, then writes, must not start as a reader: in WAL mode a reader
    # whose snapshot another desk's commit has outdated cannot become the writer and fails at
    # once with "database is locked" (SQLITE_BUSY_SNAPSHOT), the busy timeout unused.  BEGIN
    # IMMEDIATE waits its turn for the write lock first (tests/bench/bench_desks.py).
    immediate = conn.get_execution_options().get(WRITE_SESSION)  # type: ignore[attr-defined]
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")  # type: ignore[attr-defined]


def make_engine(path: Path, *, read_only: bool = False) -> Engine:
    """An engine for ``path`` with foreign keys, busy timeout and WAL on every connection.

    The URL is built from the path's parts, never parsed from a string. ``read_only``: an
    existing file is opened without creating it or changing its journal mode; a writable
    one normally (with locking, so a running program's changes are seen and no ``-wal``
    is left behind), one that cannot be written with ``mode=ro`` (see ``_read_only_uri``).
    """
    path = Path(path).absolute()
    if not read_only:
        engine = create_engine(URL.create("sqlite", database=str(path)))
        event.listen(engine, "connect", _on_connect)
    else:
        if location.is_writable(path):
            uri = sqlite_uri(path.resolve(), mode="rw")
        else:
            uri = _read_only_uri(path)
        engine = create_engine(URL.create("sqlite", database=uri, query={"uri": "true"}))
        event.listen(engine, "connect", _on_connect_read_only)
    event.listen(engine, "begin", _on_begin)
    return engine


def _forget_audit_head(session: Session) -> None:
    session.info.pop(audit.HEAD_KEY, None)


class Database:
    """An open, checked and migrated database; sessions are scoped to one unit of work."""

    def __init__(
        self,
        path: Path,
        engine: Engine,
        backups_dir: Path,
        attachments_dir: Path,
        *,
        read_only: bool = False,
    ) -> None:
        self.path = path
        self.engine = engine
        self.backups_dir = backups_dir
        self.attachments_dir = attachments_dir
        writing = engine
        if engine.dialect.name == "sqlite" and not read_only:
            writing = engine.execution_options(**{WRITE_SESSION: True})
        self._sessions = sessionmaker(writing, expire_on_commit=False)
        audit.install(self._sessions)  # every write through a session joins the audit trail
        #: Called with the (id, hash) of the newest audit entry a committed session appended
        #: (``services.audit_seal`` keeps it as this desk's witness); None: nobody listens.
        self.on_audit_head: Callable[[int, str], None] | None = None
        event.listen(self._sessions, "after_commit", self._audit_committed)
        event.listen(self._sessions, "after_rollback", _forget_audit_head)
        users.install(self._sessions)  # a viewer writes nothing; admin-only tables for admins
        confidential.install(self._sessions)  # flagged records only for users with clearance
        #: ``"local"``, ``"removable"`` (the window warns) or ``"network"`` (``allow_network``).
        self.location = "local"
        #: Opened with ``read_only=True``: nothing is ever written through this object.
        self.read_only = read_only
        #: The revision this open migrated from (None: no migration) and the copy kept first.
        self.migrated_from: str | None = None
        self.migration_backup: Path | None = None
        #: The last writer did not close the file (see ``integrity.left_unclean``).
        self.unclean_shutdown = False
        #: A server database: its URL as shown (never the password); None for a file.
        self.url: str | None = None

    def _audit_committed(self, session: Session) -> None:
        head = session.info.pop(audit.HEAD_KEY, None)
        if head is not None and self.on_audit_head is not None:
            self.on_audit_head(*head)

    @property
    def dialect(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self.engine.dialect.name

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        backups_dir: Path | None = None,
        attachments_dir: Path | None = None,
        allow_network: bool = False,
        read_only: bool = False,
        allow_older: bool = False,
    ) -> Database:
        """Check, back up if needed, migrate to the newest schema and open ``path``.

        A missing file is created with the newest schema. With ``read_only`` the file must
        exist and is never created, migrated or written; its schema must be the newest
        unless ``allow_older`` (``check`` reports an older one instead of refusing).
        ``path`` may also be a ``postgresql://`` URL (:meth:`open_server`).
        """
        if server.is_server_url(path):
            return cls.open_server(
                str(path),
                backups_dir=backups_dir,
                attachments_dir=attachments_dir,
                read_only=read_only,
                allow_older=allow_older,
            )
        path = Path(path).expanduser().resolve()
        backups_dir = backups_dir or path.parent / f"{path.stem}-backups"
        attachments_dir = attachments_dir or path.parent / f"{path.stem}-attachments"
        where = _check_location(path, allow_network)
        if read_only:
            _refuse_missing(path)
        unclean = integrity.left_unclean(path)
        revision = _inspect_existing(path)
        if read_only:
            _check_readable_revision(path, revision, allow_older=allow_older)
            db = cls(
                path,
                make_engine(path, read_only=True),
                backups_dir,
                attachments_dir,
                read_only=True,
            )
        else:
            _check_writable(path)
            db = cls(path, make_engine(path), backups_dir, attachments_dir)
            _bring_to_head(db, revision)
        db.location = where
        db.unclean_shutdown = unclean
        return db

    @classmethod
    def open_server(
        cls,
        url_text: str,
        *,
        password: str | None = None,
        backups_dir: Path | None = None,
        attachments_dir: Path | None = None,
        read_only: bool = False,
        allow_older: bool = False,
    ) -> Database:
        """Connect to a PostgreSQL database, check it and bring an empty one to the newest schema.

        The same refusals as for a file: a database of a newer version, one with tables but no
        schema version, an empty or older one opened read-only.  An existing database of an
        older schema is migrated only when asked (``allow_older`` on a writable open, as
        ``check --upgrade`` does: every desk shares it), after a logical copy of it at its
        schema has been written into ``backups_dir`` as an SQLite file of the application's
        own (``storage.transfer.dump_to_sqlite``; ``migration_backup`` names it).
        ``backups_dir`` and ``attachments_dir`` are the desk's local folders for this server
        (default: ``qazvin-diplomacy-servers/<host-port-db>`` in the working folder).
        """
        url = server.parse_url(url_text)
        local = Path.cwd() / "qazvin-diplomacy-servers" / server.local_name(url)
        backups_dir = backups_dir or local / "backups"
        attachments_dir = attachments_dir or local / "attachments"
        engine = server.make_server_engine(url, password=password, read_only=read_only)
        revision, tables = server.inspect_server(engine, url)
        shown = server.display_url(url)
        try:
            _check_server_revision(
                shown, revision, tables, read_only=read_only, allow_older=allow_older
            )
        except DatabaseRefusedError:
            engine.dispose()
            raise
        path = server.placeholder_path(backups_dir.parent, url)
        db = cls(path, engine, backups_dir, attachments_dir, read_only=read_only)
        db.url = shown
        if not read_only and revision != head_revision():
            made = not backups_dir.exists()
            try:
                if revision is not None:  # an empty database has nothing to keep
                    db.migration_backup = _server_backup_before_migration(db, revision)
                migrate(engine)
            except DBAPIError as exc:
                engine.dispose()
                _remove_migration_backup(db.migration_backup, backups_dir if made else None)
                log.error("migration of %s from %s failed: %s", shown, revision, exc.orig)
                raise _refuse(
                    f"ساختار پایگاه داده سرور «{shown}» ساخته یا به‌روز نشد: {exc.orig}",
                    f"The schema of the server database '{shown}' could not be created or "
                    f"upgraded: {exc.orig}",
                ) from exc
            except BaseException:
                engine.dispose()
                raise
            db.migrated_from = revision
        return db

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commit on success, roll back on any error."""
        with self._sessions.begin() as session:
            yield session

    def read_session(self) -> Session:
        """A session for reading only (caller closes it; nothing is committed)."""
        return self._sessions(bind=self.engine)

    def schema_revision(self) -> str | None:
        """The schema revision stored in the database."""
        from alembic.runtime.migration import MigrationContext

        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def close(self) -> None:
        """Release every connection."""
        self.engine.dispose()


def probe_server(url_text: str, *, password: str | None = None) -> str | None:
    """Connect to a server database and check it as :meth:`Database.open_server` would,
    writing nothing: its schema revision (None: an empty database, made on first open).

    Raises the same refusals (unreachable, login refused, database missing, schema of a
    newer or older version, tables of another program).
    """
    url = server.parse_url(url_text)
    engine = server.make_server_engine(url, password=password, read_only=True)
    try:
        revision, tables = server.inspect_server(engine, url)
        _check_server_revision(
            server.display_url(url), revision, tables, read_only=False, allow_older=False
        )
    finally:
        engine.dispose()
    return revision


def _check_server_revision(
    shown: str, revision: str | None, tables: list[str], *, read_only: bool, allow_older: bool
) -> None:
    """The refusals of :meth:`Database.open_server`, before anything is written."""
    if revision is not None and revision not in known_revisions():
        raise _refuse(
            f"پایگاه داده سرور «{shown}» با نسخه جدیدتری از برنامه ساخته شده است؛ برنامه را "
            "به‌روز کنید. هیچ تغییری در آن داده نشد.",
            f"The server database '{shown}' was written by a newer version of the application; "
            "update the application. Nothing was changed.",
        )
    if revision is None and tables:
        raise _refuse(
            f"پایگاه داده سرور «{shown}» جدول دارد ولی نسخه ساختار ندارد و از این برنامه نیست؛ "
            "دست‌نخورده ماند. یک پایگاه داده خالی بسازید.",
            f"The server database '{shown}' has tables but no schema version and is not this "
            "application's; it was left untouched. Create an empty database for it.",
        )
    if read_only and revision is None:
        raise _refuse(
            f"پایگاه داده سرور «{shown}» خالی است و پایگاه داده این برنامه نیست.",
            f"The server database '{shown}' is empty, not one of this application's.",
        )
    older = revision is not None and revision != head_revision()
    # Writable with allow_older is `check --upgrade`/`--repair`: the owner asked for it.
    if older and not allow_older:
        raise _refuse(
            f"ساختار پایگاه داده سرور «{shown}» قدیمی است (نسخه {revision}) و همهٔ میزها با آن "
            "کار می‌کنند؛ پس از به‌روز کردن برنامهٔ همهٔ میزها، یک بار «check --upgrade» را اجرا "
            "کنید (پیش از آن رونوشتی از آن نگه داشته می‌شود). دست‌نخورده ماند.",
            f"The server database '{shown}' has an older schema ({revision}) and every desk "
            "shares it: once every desk's application is updated, run `check --upgrade` once "
            "(a copy of it is kept first). It was left untouched.",
        )


def _check_location(path: Path, allow_network: bool) -> str:
    """Where ``path`` lives, judged by its nearest existing folder; refuse a network share."""
    where = location.classify(location.nearest_existing(path.parent))
    if where == "network" and not allow_network:
        raise _refuse(
            "پایگاه داده روی پوشه اشتراکی شبکه است؛ SQLite فقط روی دیسک محلی امن است. "
            "پوشه داده را روی دیسک همین رایانه قرار دهید.",
            "The database is on a network share; SQLite is only safe on a local disk.",
        )
    if where == "removable":
        log.warning("database %s is on removable media; only backups belong on a USB stick", path)
    return where


def _refuse_missing(path: Path) -> None:
    if not path.is_file():
        raise _refuse(f"پایگاه داده «{path}» وجود ندارد.", f"The database '{path}' does not exist.")


def _inspect_existing(path: Path) -> str | None:
    """The schema revision of an existing file (None for a new path); refuses an empty file."""
    if not path.exists():
        return None
    if path.stat().st_size == 0:
        raise _refuse(
            f"پرونده «{path.name}» خالی است و پایگاه داده نیست؛ دست‌نخورده باقی ماند.",
            f"'{path.name}' is empty, not a database; it was left untouched.",
        )
    revision = inspect_file(path, full=False)  # bounded: opening must not grow with the data
    if revision is None and _application_tables(path):
        raise _refuse(
            f"پایگاه داده «{path.name}» جدول دارد ولی نسخه ساختارش (جدول alembic_version) خالی است؛ "
            "نمی‌توان با اطمینان آن را شناخت یا به‌روز کرد و دست‌نخورده ماند. آخرین نسخه پشتیبان را "
            "بازیابی کنید یا با پشتیبانی تماس بگیرید.",
            f"'{path.name}' has tables but no schema version (alembic_version is empty); it cannot "
            "be identified or upgraded safely and was left untouched. Restore the latest backup "
            "or ask for support.",
        )
    return revision


def _application_tables(path: Path) -> list[str]:
    """Tables other than SQLite's own and ``alembic_version`` (read-only look)."""
    try:
        with closing(sqlite3.connect(_read_only_uri(path), uri=True)) as conn:
            rows = conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
                " AND name != 'alembic_version'"
            ).fetchall()
    except sqlite3.DatabaseError as exc:
        raise _unreadable(path, exc) from exc
    return [row[0] for row in rows]


def _check_readable_revision(path: Path, revision: str | None, *, allow_older: bool) -> None:
    """Read-only use needs the application's schema: refuse an empty or (unless allowed) older one."""
    if revision is None:
        raise _refuse(
            f"پرونده «{path.name}» پایگاه داده SQLite خالی است (جدولی ندارد) و پایگاه داده این برنامه "
            "نیست؛ دست‌نخورده ماند.",
            f"'{path.name}' is an empty SQLite database (no tables), not one of this "
            "application's; it was left untouched.",
        )
    if revision != head_revision() and not allow_older:
        raise _refuse(
            f"ساختار پایگاه داده «{path.name}» قدیمی است (نسخه {revision})؛ این فرمان آن را تغییر "
            "نمی‌دهد. یک بار آن را در برنامه باز کنید یا «check --upgrade» را اجرا کنید.",
            f"'{path.name}' has an older schema ({revision}); this command does not change it. "
            "Open it once in the application or run `check --upgrade`.",
        )


def _check_writable(path: Path) -> None:
    """Refuse to open for writing a file (or create one in a folder) that cannot be written."""
    if path.exists():
        if not location.is_writable(path):
            raise _read_only_refusal(path)
        return
    folder = location.nearest_existing(path.parent)
    if not (folder.is_dir() and location.folder_is_writable(folder)):
        raise _refuse(
            f"پایگاه داده «{path.name}» را نمی‌توان ساخت: پوشه «{folder}» فقط‌خواندنی است یا پوشه نیست.",
            f"Cannot create the database '{path.name}': '{folder}' is read-only or not a folder.",
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _refuse(
            f"پوشه پایگاه داده ساخته نشد: {exc.strerror}",
            f"Cannot create the database folder: {exc}",
        ) from exc


def _bring_to_head(db: Database, revision: str | None) -> None:
    """Migrate ``db`` to the newest schema, keeping a copy of an existing file first.

    A migration that fails (a schema version that does not match the tables, say) is rolled
    back — it runs in one transaction — and refused; the copy made for it is removed again.
    """
    head = head_revision()
    if revision == head:
        return
    made: list[Path] = []
    if db.path.exists():  # a new file has nothing to keep
        if not db.backups_dir.exists():
            made.append(db.backups_dir)
        db.migration_backup = _backup_before_migration(db.path, db.backups_dir, revision)
        made.insert(0, db.migration_backup)
    try:
        migrate(db.engine)
    except DBAPIError as exc:
        db.close()
        for leftover in made:
            if leftover.is_dir():
                leftover.rmdir()
            else:
                leftover.unlink(missing_ok=True)
        log.error("migration of %s from %s failed: %s", db.path, revision, exc)
        raise _refuse(
            f"به‌روزرسانی ساختار پایگاه داده «{db.path.name}» ممکن نشد: نسخه ثبت‌شده در آن "
            f"({revision or 'هیچ'}) با جدول‌هایش نمی‌خواند. پایگاه داده دست‌نخورده ماند؛ آخرین نسخه "
            "پشتیبان را بازیابی کنید یا با پشتیبانی تماس بگیرید.",
            f"The schema of '{db.path.name}' could not be upgraded: the version recorded in it "
            f"({revision or 'none'}) does not match its tables ({exc.orig}). It was left untouched; "
            "restore the latest backup or ask for support.",
        ) from exc
    db.migrated_from = revision


def _backup_before_migration(path: Path, backups_dir: Path, revision: str | None) -> Path:
    """A consistent copy of ``path`` in ``backups_dir``, named after its revision and the time."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    base = f"{path.stem}-before-migration-{revision or 'none'}-{stamp}"
    target = backups_dir / f"{base}.sqlite3"
    n = 2
    while target.exists():  # two migrations within one second keep both copies
        target = backups_dir / f"{base}-{n}.sqlite3"
        n += 1
    backup_copy(path, target)
    log.info("backup before migration written to %s", target)
    return target


def _server_backup_before_migration(db: Database, revision: str) -> Path:
    """A logical copy of the server database ``db`` at ``revision``, as an SQLite file.

    The application's own format (every row of every table, checked table by table), named
    like a file's copy: ``<server>-before-migration-<revision>-<time>.sqlite3`` in the backups
    folder.  ``transfer`` (or opening it as a file) brings it back.
    """
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    base = f"{db.path.stem}-before-migration-{revision}-{stamp}"
    db.backups_dir.mkdir(parents=True, exist_ok=True)
    target = db.backups_dir / f"{base}.sqlite3"
    n = 2
    while target.exists():
        target = db.backups_dir / f"{base}-{n}.sqlite3"
        n += 1
    part = target.with_name(f".{target.name}.part")
    try:
        report = dump_to_sqlite(db.engine, part, revision)
        if bad := [t.table for t in report if not t.matches]:
            raise _refuse(
                f"رونوشت پیش از به‌روزرسانی ساختار پایگاه داده سرور با خود آن یکسان نبود (جدول "
                f"{bad[0]})؛ به‌روزرسانی انجام نشد و پایگاه داده دست‌نخورده ماند.",
                f"The copy made before upgrading the server database differs from it (table "
                f"{bad[0]}); the upgrade was not made and the database was left untouched.",
            )
        part.replace(target)
    except BaseException:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{part}{suffix}").unlink(missing_ok=True)
        raise
    log.info("logical backup before migration written to %s", target)
    return target


def _remove_migration_backup(copy: Path | None, folder: Path | None) -> None:
    """Undo :func:`_server_backup_before_migration` after a failed migration."""
    if copy is not None:
        copy.unlink(missing_ok=True)
    if folder is not None and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()


def dump_to_sqlite(source: Engine, target: Path, revision: str | None) -> list[TableCopy]:
    """Write every row of ``source``'s database into a new SQLite file at ``target``.

    The file gets the schema of ``revision`` (the source's) through the migrations, then the
    rows (``storage.transfer.dump``); the checksums of both sides are returned.  A server
    database's backups and its copy before a migration are made this way.
    """
    from qazvin_diplomacy.storage.transfer import dump

    engine = make_engine(target)
    try:
        if revision is not None:
            migrate(engine, revision)
        return dump(source, engine, reflect=revision != head_revision())
    finally:
        engine.dispose()


def migrate(engine: Engine, revision: str = "head") -> None:
    """Upgrade the schema of ``engine``'s database to ``revision``."""
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
