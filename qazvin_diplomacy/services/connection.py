"""What the layers above services know of an open database: a handle, not its engine.

The UI, the reports and the CLI pass this handle to service functions and read a few facts
from it (where it is, whether it is read-only, what a migration did); sessions, the engine
and SQL stay below, in ``storage``. ``storage.database.Database`` satisfies the protocol.
The functions below are how those layers open a database and ask about its file.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from qazvin_diplomacy.core.errors import KnownError


class DatabaseHandle(Protocol):
    """An open database as seen from the UI, reports and CLI."""

    path: Path
    backups_dir: Path
    attachments_dir: Path
    #: ``"local"``, ``"removable"`` or ``"network"``.
    location: str
    read_only: bool
    migrated_from: str | None
    migration_backup: Path | None
    unclean_shutdown: bool
    #: A server database's URL as shown (never its password); None for a file.
    url: str | None

    def schema_revision(self) -> str | None:
        """The schema revision stored in the database."""
        ...

    def close(self) -> None:
        """Release every connection."""
        ...


# The storage layer (and with it SQLAlchemy) is imported inside these functions: the window
# imports this module before its first paint and opens the database only after it.

#: Where a server database's password comes from when the server asks for one: a function of
#: the shown URL returning the password (the CLI's prompt); None: no one to ask.
PasswordPrompt = Callable[[str], str]
_passwords: dict[str, str] = {}  # shown URL → password, for this process only (never on disk)
_prompt: PasswordPrompt | None = None
KEYRING_SERVICE = "qazvin-diplomacy"


def is_server(target: object) -> bool:
    """Whether a ``--db`` value is a ``postgresql://`` URL rather than a file path."""
    from qazvin_diplomacy.storage.server import is_server_url

    return is_server_url(target)


def shown_url(url: str) -> str:
    """A server URL as messages and settings show it: never its password."""
    from qazvin_diplomacy.storage.server import display_url

    return display_url(url)


def split_password(url: str) -> tuple[str, str | None]:
    """``url`` without a password written into it, and that password (None when none): a
    password typed in an address is used, never stored with it."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url.strip())
    except ArgumentError:
        return url.strip(), None
    if parsed.password is None:
        return url.strip(), None
    password = str(parsed.password)
    return parsed._replace(password=None).render_as_string(hide_password=False), password


def use_password(url: str, password: str) -> None:
    """Use ``password`` for the server database at ``url`` in this process (kept in memory only)."""
    from qazvin_diplomacy.storage.server import display_url

    _passwords[display_url(url)] = password


def set_password_prompt(prompt: PasswordPrompt | None) -> None:
    """Ask ``prompt`` for a server password when none is known and the server wants one."""
    global _prompt
    _prompt = prompt


#: Run on every database :func:`open_database` opens, before it is handed out (the CLI's
#: ``--user`` sign-in); it raises to refuse the database, which is then closed again.
SignIn = Callable[[DatabaseHandle], None]
_sign_in: SignIn | None = None


def set_sign_in(check: SignIn | None) -> None:
    """Have ``check`` sign in on every database opened from now on (None: no sign-in)."""
    global _sign_in
    _sign_in = check


def _signed_in(db: DatabaseHandle) -> DatabaseHandle:
    from qazvin_diplomacy.services.audit_seal import watch

    watch(db)  # type: ignore[arg-type]  # this desk's witness of the audit trail's head
    if _sign_in is not None:
        try:
            _sign_in(db)
        except BaseException:
            db.close()
            raise
    return db


def read_password_file(path: Path) -> str:
    """The first line of a password file (the rest and the newline ignored); refuses a bad file."""
    try:
        with open(path, encoding="utf-8") as fh:
            password = fh.readline().rstrip("\r\n")
    except (OSError, UnicodeDecodeError) as exc:
        raise KnownError(
            f"پروندهٔ گذرواژه «{path}» خوانده نشد.", f"Cannot read the password file '{path}': {exc}"
        ) from exc
    if not password:
        raise KnownError(
            f"پروندهٔ گذرواژه «{path}» خالی است.", f"The password file '{path}' is empty."
        )
    return password


def _known_password(shown: str) -> str | None:
    """A password given to this process, else one in the credential store (``keyring``, if installed).

    None lets libpq look itself (``PGPASSWORD``, ``pgpass``) or the server need none.
    """
    if shown in _passwords:
        return _passwords[shown]
    if os.environ.get("PGPASSWORD"):
        return None
    try:
        import keyring  # optional: the Windows credential store
    except ImportError:
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, shown)
    except Exception:  # a store that is locked or absent is the same as no password in it
        return None


def _open_server(
    url: str, *, backups_dir: Path | None, attachments_dir: Path | None, **options: bool
) -> DatabaseHandle:
    """Open a server database, asking for its password once when the server wants one."""
    from qazvin_diplomacy.paths import resolve_paths
    from qazvin_diplomacy.storage.database import Database
    from qazvin_diplomacy.storage.server import ServerLoginRefused, display_url

    shown = display_url(url)
    if backups_dir is None or attachments_dir is None:
        local = resolve_paths(url)
        backups_dir = backups_dir or local.backups_dir
        attachments_dir = attachments_dir or local.attachments_dir
    password = _known_password(shown)
    while True:
        try:
            return Database.open_server(
                url,
                password=password,
                backups_dir=backups_dir,
                attachments_dir=attachments_dir,
                **options,
            )
        except ServerLoginRefused:
            if _prompt is None or shown in _passwords and password is not None:
                raise
            password = _prompt(shown)
            _passwords[shown] = password


def _keyring() -> Any:
    """The ``keyring`` module (the Windows credential store); refuses when it is missing."""
    try:
        import keyring
    except ImportError as exc:
        raise KnownError(
            "انبار گذرواژه‌های ویندوز در دسترس نیست (keyring نصب نیست)؛ گذرواژه نگه داشته نشد.",
            "The Windows credential store is not available (keyring is not installed); the "
            "password was not saved.",
        ) from exc
    return keyring


def remember_password(url: str, password: str) -> None:
    """Keep ``password`` of the server database at ``url`` in the credential store (never in
    a file of the application) and use it in this process; refuses (``KnownError``) when the
    store cannot take it."""
    from qazvin_diplomacy.storage.server import display_url

    shown = display_url(url)
    store = _keyring()
    try:
        store.set_password(KEYRING_SERVICE, shown, password)
    except Exception as exc:  # a locked or absent store: said, not raised as a traceback
        raise KnownError(
            f"گذرواژه در انبار گذرواژه‌های ویندوز نگه داشته نشد: {exc}",
            f"The password could not be saved in the Windows credential store: {exc}",
        ) from exc
    _passwords[shown] = password


def forget_password(url: str) -> None:
    """Remove the stored password of ``url`` from the credential store and from this process."""
    from qazvin_diplomacy.storage.server import display_url

    shown = display_url(url)
    _passwords.pop(shown, None)
    try:
        import keyring

        keyring.delete_password(KEYRING_SERVICE, shown)
    except Exception:  # nothing stored, or no store: nothing to forget
        return


def has_password(url: str) -> bool:
    """Whether a password of ``url`` is known (given in this process or stored)."""
    from qazvin_diplomacy.storage.server import display_url

    return _known_password(display_url(url)) is not None


def check_server(url: str, *, password: str | None = None) -> str | None:
    """Connect to the server database at ``url`` and check it, writing nothing (the
    settings' "Test connection").  ``password`` None: the one known (see
    :func:`open_database`).  Returns its schema revision, None for an empty database
    (its tables are made when it is first opened); raises ``KnownError`` saying in Persian
    what failed: the server unreachable, the login refused, the database missing, its
    schema older or newer than this program's."""
    from qazvin_diplomacy.storage.database import probe_server
    from qazvin_diplomacy.storage.server import display_url

    if password is None:
        password = _known_password(display_url(url))
    return probe_server(url, password=password)


def check_shared_folder(folder: Path) -> Path:
    """Refuse (``KnownError``) a shared attachments folder this desk cannot reach or write.

    Every desk on a server database keeps its attachments in one folder of the office's
    network (``\\\\server\\share\\qazvin``); a folder made locally instead would hide each
    desk's files from the others, so an unreachable one is refused, never created.
    """
    try:
        reachable = folder.is_dir()
    except OSError:
        reachable = False
    if not reachable:
        raise KnownError(
            f"پوشهٔ مشترک پیوست‌ها «{folder}» در دسترس نیست؛ شبکه و نشانی پوشه را بررسی کنید "
            "(تنظیمات ← اتصال به سرور اداره).",
            f"The shared attachments folder '{folder}' cannot be reached; check the network and "
            "the folder's address (Settings → Connection to the office's server).",
        )
    if not os.access(folder, os.W_OK):
        raise KnownError(
            f"در پوشهٔ مشترک پیوست‌ها «{folder}» نمی‌توان نوشت؛ دسترسی نوشتن بگیرید.",
            f"The shared attachments folder '{folder}' cannot be written; ask for write access.",
        )
    return folder


def existing_database(target: str) -> Path | str:
    """A ``--db`` value that must name an existing database: a file path or a server URL.

    Raises ``KnownError`` (one line, Persian — English) when the file does not exist.
    """
    if is_server(target):
        return target
    path = Path(target).expanduser()
    if not path.is_file():
        raise KnownError(
            f"پایگاه دادهٔ «{path}» وجود ندارد.", f"The database '{path}' does not exist."
        )
    return path


def open_database(
    path: Path | str,
    *,
    backups_dir: Path | None = None,
    attachments_dir: Path | None = None,
    read_only: bool = False,
    allow_older: bool = False,
) -> DatabaseHandle:
    """Check and open the database file at ``path`` (see ``storage.database.Database.open``).

    A missing file is created with the newest schema and an older one migrated (a copy kept
    first), unless ``read_only``: then the file must exist and is never written, and its schema
    must be the newest unless ``allow_older``.  The backups and attachments folders default to
    ``<name>-backups`` and ``<name>-attachments`` beside the file.

    ``path`` may be a ``postgresql://user@host:port/dbname`` URL: the password is the one
    given with :func:`use_password`, else the credential store's, else libpq's own
    (``PGPASSWORD``, ``pgpass``), else asked once through :func:`set_password_prompt`.
    Once open, the sign-in set with :func:`set_sign_in` runs on it.
    """
    from qazvin_diplomacy.storage.database import Database

    if is_server(path):
        return _signed_in(
            _open_server(
                str(path),
                backups_dir=backups_dir,
                attachments_dir=attachments_dir,
                read_only=read_only,
                allow_older=allow_older,
            )
        )
    return _signed_in(
        Database.open(
            path,
            backups_dir=backups_dir,
            attachments_dir=attachments_dir,
            read_only=read_only,
            allow_older=allow_older,
        )
    )


def open_for_work(
    path: Path | str,
    *,
    backups_dir: Path,
    attachments_dir: Path,
    accepted: Callable[[], None] | None = None,
) -> DatabaseHandle:
    """Open the database to work in, as the window and ``demo`` do, with its reference data.

    ``accepted`` runs once the file has been accepted and before anything is written (the
    application creates its folders then, so nothing is made beside a refused file).  When
    that or the reference data fails, the database is closed again before the error goes on.
    """
    from qazvin_diplomacy.services.directory import ensure_reference_data

    db = open_database(path, backups_dir=backups_dir, attachments_dir=attachments_dir)
    try:
        if accepted is not None:
            accepted()
        ensure_reference_data(db)
    except BaseException:
        db.close()
        raise
    return db


def head_revision() -> str:
    """The schema revision this program writes (the newest migration)."""
    from qazvin_diplomacy.storage.database import head_revision as storage_head

    return storage_head()


def is_writable(path: Path) -> bool:
    """Whether the database file at ``path`` can be written (not a read-only medium or lock)."""
    from qazvin_diplomacy.storage.location import is_writable as storage_is_writable

    return storage_is_writable(path)


def location_of(folder: Path) -> str:
    """Where ``folder`` is: ``"local"``, ``"removable"`` or ``"network"``; raises ``OSError``."""
    from qazvin_diplomacy.storage.location import classify

    return classify(folder)
