"""Backups and restore: one file with the database, the attachments and a checked manifest.

* ``create_backup`` copies the live database with SQLite's online backup API (safe while the
  application writes), checks the copy with ``PRAGMA integrity_check``, and packs it with every
  attachment file and a manifest of SHA-256 checksums into a ZIP — optionally sealed with a
  password (``backup_crypto``). The file appears at ``out`` only when complete.
* ``verify_backup`` reads the whole file before anything is trusted: authentication, ZIP
  integrity, member names, sizes (declared ones against limits and the free disk space, before
  a byte is extracted) and checksums, every attachment's content against its SHA-256 name,
  schema revision, the packed database's health.
* ``restore_backup`` verifies while extracting into a private folder beside the target,
  migrates the copy if it is older, adds missing attachments, keeps the current database in
  the backups folder and swaps the new file in with one atomic rename. Until that rename the
  current database is untouched in content, so a cancel, an error or a crash leaves it usable.
* ``restore_backup_to_server`` does the same for a server database (PostgreSQL): verified,
  the server's rows kept as a backup, then every row replaced in one transaction. A server's
  backup holds the same SQLite file (its rows copied into it), so either restores onto either.
* ``auto_backup`` makes at most one automatic backup a day and keeps the newest ``keep``.

The steps live in ``create``, ``verify``, ``restore`` and ``auto`` (shared parts in ``common``);
this package re-exports them.
"""

from __future__ import annotations

from qazvin_diplomacy.core.backups import (
    BackupCancelled,
    BackupError,
    BackupManifest,
    BackupPasswordError,
    BackupPasswordRequired,
    BackupRefused,
    RestoreResult,
)
from qazvin_diplomacy.services.backup.auto import auto_backup
from qazvin_diplomacy.services.backup.common import (
    CHUNK,
    COMPRESS_LEVEL,
    DISK_RESERVE,
    MAX_MANIFEST_BYTES,
    SAMPLE,
    SIDECARS,
    SQLITE_MAGIC,
    STALE_SECONDS,
    Cancel,
    Progress,
    is_encrypted,
)
from qazvin_diplomacy.services.backup.create import create_backup
from qazvin_diplomacy.services.backup.restore import restore_backup
from qazvin_diplomacy.services.backup.server import restore_backup_to_server
from qazvin_diplomacy.services.backup.verify import verify_backup

__all__ = [
    "CHUNK",
    "COMPRESS_LEVEL",
    "DISK_RESERVE",
    "MAX_MANIFEST_BYTES",
    "SAMPLE",
    "SIDECARS",
    "SQLITE_MAGIC",
    "STALE_SECONDS",
    "BackupCancelled",
    "BackupError",
    "BackupManifest",
    "BackupPasswordError",
    "BackupPasswordRequired",
    "BackupRefused",
    "Cancel",
    "Progress",
    "RestoreResult",
    "auto_backup",
    "create_backup",
    "is_encrypted",
    "restore_backup",
    "restore_backup_to_server",
    "verify_backup",
]
