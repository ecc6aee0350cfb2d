"""Restoring a backup: verified into a workspace, the current database kept aside, then swapped in."""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import datetime
from pathlib import Path

from qazvin_diplomacy.core.backups import DAMAGED_SUFFIX, RestoreResult, attachment_sha, refused
from qazvin_diplomacy.core.errors import DatabaseRefusedError
from qazvin_diplomacy.services.attachments import is_intact
from qazvin_diplomacy.services.audit_seal import (
    DatabaseAt,
    Head,
    file_head,
    record_restore_in_file,
    write_witness,
)
from qazvin_diplomacy.services.backup.common import (
    SIDECARS,
    Cancel,
    Progress,
    _disk_error,
    _fsync_dir,
    _fsync_file,
    _in_use_error,
    _remove_stale,
    _sidecar,
    _Steps,
    _unique,
    log,
)
from qazvin_diplomacy.services.backup.verify import _extract_verified, _plain_zip
from qazvin_diplomacy.services.files import DatabaseFiles, refuse_database_files, replace_retrying
from qazvin_diplomacy.services.users import require_admin
from qazvin_diplomacy.storage.database import Database, backup_copy, head_revision


def _workspace_prefix(db_path: Path) -> str:
    return f".{db_path.stem}-restore-"


def _move_sidecars_to(db_path: Path, folder: Path, label: str) -> None:
    """Keep copies of -wal/-shm/-journal files in ``folder`` and remove them beside ``db_path``."""
    for suffix in SIDECARS:
        side = _sidecar(db_path, suffix)
        if side.exists():
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copy2(side, folder / f"{label}{suffix}")
            side.unlink()


def _retire_current(db_path: Path, backups_dir: Path) -> Path:
    """Fold the current database's WAL into it, drop WAL mode, and copy it into ``backups_dir``.

    Afterwards no -wal/-journal of the old file remains that could be replayed onto the new
    one. A damaged file that SQLite cannot read is kept byte for byte instead.
    """
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    backups_dir.mkdir(parents=True, exist_ok=True)
    target = _unique(backups_dir / f"{db_path.stem}-before-restore-{stamp}.sqlite3")
    try:
        with closing(sqlite3.connect(db_path, isolation_level=None, timeout=5)) as conn:
            busy, _frames, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            if busy:
                raise _in_use_error()
            mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
            if str(mode).lower() != "delete":
                raise _in_use_error()
        backup_copy(db_path, target)
        return target
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise _in_use_error() from exc
    except sqlite3.DatabaseError:
        pass
    log.warning("current database %s is unreadable; keeping its raw bytes", db_path)
    target.with_name(target.name + ".part").unlink(missing_ok=True)
    damaged = _unique(target.with_name(target.stem + "-damaged.sqlite3"))
    shutil.copy2(db_path, damaged)
    _move_sidecars_to(db_path, backups_dir, damaged.name)
    return damaged


def _make_self_contained(path: Path) -> None:
    """Checkpoint and leave rollback-journal mode so the file needs no -wal beside it."""
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
    for suffix in SIDECARS:
        if _sidecar(path, suffix).exists():
            raise _in_use_error()


def _undo(created: list[Path]) -> None:
    """Remove files and (then empty) folders in reverse order of creation."""
    for path in reversed(created):
        try:
            if path.is_dir():
                path.rmdir()
            else:
                path.unlink(missing_ok=True)
        except OSError:
            log.warning("could not remove %s", path)


def _add_attachments(
    source_root: Path,
    attachments_dir: Path,
    steps: _Steps,
    created: list[Path],
    set_aside: frozenset[str] = frozenset(),
) -> int:
    """Copy every attachment not yet stored intact into ``attachments_dir``; return how many.

    A stored file whose bytes no longer match its name is replaced by the verified copy. The
    names in ``set_aside`` (damaged in the backup) are written as ``<sha>.damaged`` beside
    where the genuine file belongs, never under the name itself, and only while the genuine
    file is not stored. Each new file and folder is appended to ``created`` (so a later failure
    can undo them); a file appears under its final name only once complete (copy to
    ``.part``, then rename).
    """
    if not source_root.is_dir():
        return 0
    todo = []
    for item in sorted(source_root.rglob("*")):
        if not item.is_file():
            continue
        target = attachments_dir / item.parent.name / item.name
        if is_intact(target, item.name):
            continue
        if item.name in set_aside:
            target = target.with_name(item.name + DAMAGED_SUFFIX)
            if target.exists():
                continue
        todo.append((item, target))
    steps.add_total(sum(item.stat().st_size for item, _ in todo))
    for folder in (attachments_dir, *sorted({t.parent for _, t in todo})):
        if not folder.exists():
            folder.mkdir(parents=True)
            created.append(folder)
    for item, target in todo:
        steps.check()
        part = target.with_name(target.name + ".part")
        replaced = target.exists()  # a damaged copy: the verified one stays even after an undo
        try:
            shutil.copyfile(item, part)
            _fsync_file(part)
            replace_retrying(part, target)
        finally:
            part.unlink(missing_ok=True)
        if not replaced:
            created.append(target)
        steps.tick(item.stat().st_size)
    return len(todo)


@contextmanager
def _workspace(db_path: Path) -> Iterator[Path]:
    work = Path(tempfile.mkdtemp(dir=db_path.parent, prefix=_workspace_prefix(db_path)))
    try:
        yield work
    finally:
        shutil.rmtree(work, ignore_errors=True)


def restore_backup(
    *,
    source: Path,
    db_path: Path,
    backups_dir: Path,
    attachments_dir: Path,
    password: str | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> RestoreResult:
    """Replace the database at ``db_path`` with the one in the backup ``source``.

    The caller must have closed every ``Database`` on ``db_path`` first (and reopen it
    afterwards). The whole file is verified while it is extracted into a private folder
    beside ``db_path``; an older schema is migrated there (``Database.open`` also keeps the
    unmigrated copy in ``backups_dir``); missing attachments are added to
    ``attachments_dir`` (a backup holding one whose bytes do not match its SHA-256 name is
    refused, unless it was listed as damaged when made: that one is set aside); the current database is copied to ``backups_dir`` and the new file
    replaces it with one atomic rename. Any refusal, ``cancel()`` or crash before that rename
    leaves the current database as it was. ``progress(done, total)`` reports bytes; its
    ``total`` grows once the backup's contents are known.
    """
    require_admin()  # replacing the office's database is an administrator's task
    source = Path(source)
    db_path = Path(db_path).expanduser().resolve()
    backups_dir = Path(backups_dir)
    attachments_dir = Path(attachments_dir)
    refuse_database_files(
        source, DatabaseFiles(db_path, backups_dir, attachments_dir), purpose="restore"
    )
    steps = _Steps(progress, cancel)
    steps.check()
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _disk_error(exc) from exc
    _remove_stale(db_path.parent, _workspace_prefix(db_path) + "*")
    with _workspace(db_path) as work:
        zip_path, encrypted = _plain_zip(source, password, work, steps)
        manifest, extracted = _extract_verified(
            zip_path,
            work,
            steps,
            encrypted=encrypted,
            attachments_to=work / "attachments",
            # The current database is copied into the backups folder before the swap.
            later_bytes=db_path.stat().st_size if db_path.is_file() else 0,
        )
        if zip_path != source:
            zip_path.unlink()
        steps.check()
        staged = work / f"{db_path.stem}-restored{db_path.suffix or '.sqlite3'}"
        extracted.rename(staged)
        schema_to = manifest.schema_revision
        if schema_to != head_revision():
            # An older schema: Database.open keeps the unmigrated copy in backups_dir and upgrades.
            try:
                restored = Database.open(
                    staged,
                    backups_dir=backups_dir,
                    attachments_dir=attachments_dir,
                    allow_network=True,
                )
            except DatabaseRefusedError as exc:
                raise refused(exc.message, exc.message_en) from exc
            try:
                schema_to = restored.schema_revision()
            finally:
                restored.close()
        # The trail records the restore (and the head it replaces) before the swap.
        target = DatabaseAt(db_path)
        head = record_restore_in_file(
            staged,
            source=source,
            replaced=file_head(db_path) if db_path.is_file() else None,
            manifest_head=Head(*manifest.audit_head) if manifest.audit_head else None,
        )
        _make_self_contained(staged)
        _fsync_file(staged)
        steps.check()
        created: list[Path] = []
        try:
            try:
                set_aside = frozenset(attachment_sha(m.path) for m in manifest.set_aside)
                added = _add_attachments(
                    work / "attachments", attachments_dir, steps, created, set_aside
                )
                steps.check()  # the last moment a cancel is honoured: what follows is short
                previous = _retire_current(db_path, backups_dir) if db_path.exists() else None
                if previous is None:
                    # A -wal/-shm left without its database must never meet the new file.
                    _move_sidecars_to(db_path, backups_dir, f"{db_path.name}-orphan-{os.getpid()}")
                if any(_sidecar(db_path, s).exists() for s in ("-wal", "-journal")):
                    raise _in_use_error()
                _sidecar(db_path, "-shm").unlink(missing_ok=True)
                replace_retrying(staged, db_path)
            except PermissionError as exc:  # Windows: a file still open elsewhere
                raise _in_use_error() from exc
            except OSError as exc:
                raise _disk_error(exc) from exc
        except BaseException:
            _undo(created)
            raise
        _fsync_dir(db_path.parent)
    write_witness(target, head, replace=True)  # this desk saw the trail replaced on purpose
    log.info("restored %s from %s (previous kept at %s)", db_path, source, previous)
    return RestoreResult(
        db_path=db_path,
        previous_backup=previous,
        schema_from=manifest.schema_revision,
        schema_to=schema_to,
        attachments_added=added,
        manifest=manifest,
        attachments_set_aside=tuple(m.path for m in manifest.set_aside),
    )
