"""The automatic backup at start-up: one a day, the oldest ones pruned."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from qazvin_diplomacy.core.access import sees_confidential
from qazvin_diplomacy.core.backups import auto_backup_name, auto_backup_time
from qazvin_diplomacy.services.backup.common import _remove_stale, log
from qazvin_diplomacy.services.backup.create import create_backup
from qazvin_diplomacy.storage.database import Database


def auto_backup(
    db: Database, *, backups_dir: Path, keep: int, now: datetime | None = None
) -> Path | None:
    """Make today's automatic backup unless one exists, then keep only the newest ``keep``.

    Returns the new file, or None when today's backup was already there. Only files named
    like ``auto-backup-YYYYMMDD-HHMMSS.qdbackup`` are ever pruned; pre-migration copies and
    hand-made backups in the same folder are left alone.
    """
    if keep < 1:
        raise ValueError("keep must be at least 1")
    if db.url and not sees_confidential():
        return None  # a server's backup is for those who see all of it (see create_backup)
    local = now or datetime.now()
    if local.tzinfo is not None:
        local = local.astimezone().replace(tzinfo=None)
    backups_dir = Path(backups_dir)
    backups_dir.mkdir(parents=True, exist_ok=True)
    _remove_stale(backups_dir, ".auto-backup-*.part")
    existing = [
        (when, item)
        for item in backups_dir.iterdir()
        if item.is_file() and (when := auto_backup_time(item.name)) is not None
    ]
    made: Path | None = None
    if not any(when.date() == local.date() for when, _ in existing):
        made = backups_dir / auto_backup_name(local)
        create_backup(db, out=made)
        existing.append((local.replace(microsecond=0), made))
    existing.sort(key=lambda pair: (pair[0], pair[1].name), reverse=True)
    for _when, old in existing[keep:]:
        try:
            old.unlink()
        except OSError:
            log.warning("could not prune old automatic backup %s", old)
    if made:
        log.info("automatic backup %s written; keeping the newest %d", made, keep)
    return made
