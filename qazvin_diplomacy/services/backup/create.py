"""Creating a backup: a consistent snapshot of the database and the attachments, packed and optionally encrypted."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
import zipfile
import zlib
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from sqlalchemy.exc import DBAPIError

from qazvin_diplomacy import __version__
from qazvin_diplomacy.core.access import sees_confidential
from qazvin_diplomacy.core.backups import (
    DATABASE_NAME,
    FORMAT_VERSION,
    MANIFEST_NAME,
    BackupError,
    BackupManifest,
    BackupMember,
    attachment_member,
    member_kind,
)
from qazvin_diplomacy.services.audit_seal import file_head
from qazvin_diplomacy.services.backup.common import (
    _SHA_NAME_LEN,
    CHUNK,
    COMPRESS_LEVEL,
    SAMPLE,
    Cancel,
    Progress,
    _disk_error,
    _fsync_dir,
    _remove_stale,
    _Steps,
    log,
)
from qazvin_diplomacy.services.backup_crypto import EncryptingWriter
from qazvin_diplomacy.services.files import DatabaseFiles, refuse_database_files, replace_file
from qazvin_diplomacy.storage.database import Database, backup_copy, dump_to_sqlite


def _attachment_files(folder: Path) -> list[tuple[str, Path]]:
    """Stored attachment files (``<sha[:2]>/<sha>``), sorted; temporary ``.part`` files are not."""
    found: list[tuple[str, Path]] = []
    if not folder.is_dir():
        return found
    for sub in sorted(folder.iterdir()):
        if not sub.is_dir() or len(sub.name) != 2:
            continue
        for item in sorted(sub.iterdir()):
            name = item.name
            if (
                item.is_file()
                and member_kind(attachment_member(name)) == "attachment"
                and len(name) == _SHA_NAME_LEN
            ):
                found.append((name, item))
    return found


def _seal_snapshot(snapshot: Path) -> str | None:
    """Check the copied database, make it self-contained (no WAL) and return its schema revision."""
    with closing(sqlite3.connect(snapshot, isolation_level=None)) as conn:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        if rows != ["ok"]:
            raise BackupError(
                "نسخه برداشته‌شده از پایگاه داده از بررسی یکپارچگی سربلند بیرون نیامد؛ پشتیبان ساخته نشد. "
                "فرمان «بررسی» را اجرا کنید.",
                "The database copy failed the integrity check; no backup was written. Run 'check'.",
            )
        conn.execute("PRAGMA journal_mode=DELETE")
        has_version = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        row = (
            conn.execute("SELECT version_num FROM alembic_version").fetchone()
            if has_version
            else None
        )
    return row[0] if row else None


def _looks_compressed(source: Path) -> bool:
    """True when the file's start does not shrink (a JPEG, PDF or ZIP): store it as it is."""
    with source.open("rb") as fh:
        head = fh.read(SAMPLE)
    return len(head) >= 1024 and len(zlib.compress(head, 1)) > 0.9 * len(head)


def _pack(zf: zipfile.ZipFile, source: Path, name: str, steps: _Steps) -> BackupMember:
    digest = hashlib.sha256()
    size = 0
    zf.compression = zipfile.ZIP_STORED if _looks_compressed(source) else zipfile.ZIP_DEFLATED
    with source.open("rb") as src, zf.open(name, "w", force_zip64=True) as dst:
        while chunk := src.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
            dst.write(chunk)
            steps.tick(len(chunk))
    return BackupMember(name, size, digest.hexdigest())


def _dump_server(db: Database, snapshot: Path) -> None:
    """A server database's rows written into ``snapshot``, an SQLite file at its schema.

    The logical backup of a PostgreSQL database in the application's own format: the same
    file a desk's backup holds, so either restores onto either engine.
    """
    report = dump_to_sqlite(db.engine, snapshot, db.schema_revision())
    if bad := [t.table for t in report if not t.matches]:
        raise BackupError(
            f"رونوشت جدول {bad[0]} با پایگاه داده سرور یکسان نبود؛ پشتیبان ساخته نشد.",
            f"The copy of table {bad[0]} differs from the server database; no backup was written.",
        )


def create_backup(
    db: Database,
    *,
    out: Path,
    password: str | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> BackupManifest:
    """Write a backup of the open database ``db`` and its attachments to ``out``.

    Safe while the application keeps writing: a file is copied with the online backup API, a
    server database (PostgreSQL) read in one consistent snapshot into an SQLite file of the
    same schema, row for row (``storage.transfer``: its logical backup in the application's
    own format); the copy must pass ``PRAGMA integrity_check``. With ``password`` the file is
    sealed with scrypt + AES-256-GCM. ``progress(done, total)`` reports bytes packed;
    ``cancel()`` returning True stops with ``BackupCancelled``. On cancel or any error no file
    is left at ``out`` (an existing one is kept) and no temporary file remains.
    """
    out = Path(out)
    if db.url and not sees_confidential():
        # A server's backup holds every row, confidential ones too: only for those who see them.
        raise BackupError(
            "پشتیبان پایگاه داده سرور همهٔ سوابق، از جمله سوابق محرمانه، را در بر دارد و فقط "
            "مدیر سامانه یا کاربر دارای مجوز دیدن سوابق محرمانه می‌تواند آن را بسازد. "
            "هیچ پرونده‌ای نوشته نشد.",
            "A server database's backup holds every record, confidential ones too: only an "
            "administrator or a user cleared for confidential records may make one. "
            "Nothing was written.",
        )
    refuse_database_files(out, DatabaseFiles.of(db), purpose="backup")
    steps = _Steps(progress, cancel)
    steps.check()
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _disk_error(exc) from exc
    if db.url:  # a server database: its desk's local folder holds the work files
        try:
            db.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _disk_error(exc) from exc
    _remove_stale(db.path.parent, f".{db.path.stem}-backup-*")
    attachments = _attachment_files(db.attachments_dir)
    with tempfile.TemporaryDirectory(dir=db.path.parent, prefix=f".{db.path.stem}-backup-") as work:
        snapshot = Path(work) / DATABASE_NAME
        try:
            if db.url:
                _dump_server(db, snapshot)
            else:
                backup_copy(db.path, snapshot)
            revision = _seal_snapshot(snapshot)
            head = file_head(snapshot)  # the trail's head, kept in the manifest
        except (sqlite3.OperationalError, DBAPIError) as exc:
            raise BackupError(
                "از پایگاه داده نسخه برداشته نشد (پایگاه داده مشغول است یا دیسک پر است); "
                "چند لحظه بعد دوباره تلاش کنید. پشتیبانی ساخته نشد.",
                f"Could not copy the database ({exc}); try again. No backup was written.",
            ) from exc
        except OSError as exc:
            raise _disk_error(exc) from exc
        steps.check()
        steps.add_total(snapshot.stat().st_size + sum(p.stat().st_size for _, p in attachments))
        fd, tmp_name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".part")
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as raw:
                sink: BinaryIO | EncryptingWriter = (
                    EncryptingWriter(raw, password) if password else raw
                )
                members = []
                damaged = []
                with zipfile.ZipFile(
                    sink, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL
                ) as zf:  # type: ignore[arg-type]
                    members.append(_pack(zf, snapshot, DATABASE_NAME, steps))
                    for sha, path in attachments:
                        member = _pack(zf, path, attachment_member(sha), steps)
                        if member.sha256 != sha:
                            # Carried over exactly as stored, but named so the office can see it.
                            damaged.append(member.path)
                            log.warning("attachment %s does not match its checksum", path)
                        members.append(member)
                    manifest = BackupManifest(
                        format_version=FORMAT_VERSION,
                        app_version=__version__,
                        schema_revision=revision,
                        created_at=datetime.now(UTC).replace(microsecond=0),
                        members=tuple(members),
                        encrypted=bool(password),
                        damaged=tuple(damaged),
                        audit_head=(head.entry, head.hash) if head else None,
                    )
                    zf.writestr(MANIFEST_NAME, manifest.to_json())
                if isinstance(sink, EncryptingWriter):
                    sink.close()
                raw.flush()
                os.fsync(raw.fileno())
            steps.check()
            replace_file(tmp, out)
            _fsync_dir(out.parent)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise _disk_error(exc) from exc
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    log.info("backup written to %s (%d members, encrypted=%s)", out, len(members), bool(password))
    return manifest
