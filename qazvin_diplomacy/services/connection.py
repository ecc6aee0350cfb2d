"""What the layers above services know of an open database: a handle, not its engine.

The UI, the reports and the CLI pass this handle to service functions and read a few facts
from it (where it is, whether it is read-only, what a migration did); sessions, the engine
and SQL stay below, in ``storage``. ``storage.database.Database`` satisfies the protocol.
"""

from __future__ import annotations

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
