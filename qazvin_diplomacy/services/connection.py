"""What the layers above services know of an open database: a handle, not its engine.

The UI, the reports and the CLI pass this handle to service functions and read a few facts
from it (where it is, whether it is read-only, what a migration did); sessions, the engine
and SQL stay below, in ``storage``. ``storage.database.Database`` satisfies the protocol.
The functions below are how those layers open a database and ask about its file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol


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

    def schema_revision(self) -> str | None:
        """The schema revision stored in the database."""
        ...

    def close(self) -> None:
        """Release every connection."""
        ...


# The storage layer (and with it SQLAlchemy) is imported inside these functions: the window
# imports this module before its first paint and opens the database only after it.


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
    """
    from qazvin_diplomacy.storage.database import Database

    return Database.open(
        path,
        backups_dir=backups_dir,
        attachments_dir=attachments_dir,
        read_only=read_only,
        allow_older=allow_older,
    )


def open_for_work(
    path: Path,
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
    from qazvin_diplomacy.storage.database import Database

    db = Database.open(path, backups_dir=backups_dir, attachments_dir=attachments_dir)
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
