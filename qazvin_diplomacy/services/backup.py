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
* ``auto_backup`` makes at most one automatic backup a day and keeps the newest ``keep``.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import sqlite3
import tempfile
import time
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from qazvin_diplomacy import __version__
from qazvin_diplomacy.core.attachments import MAX_ATTACHMENT_BYTES
from qazvin_diplomacy.core.backups import (
    DAMAGED_SUFFIX,
    DATABASE_NAME,
    FORMAT_VERSION,
    MANIFEST_NAME,
    MAX_DATABASE_BYTES,
    BackupCancelled,
    BackupError,
    BackupManifest,
    BackupMember,
    BackupPasswordError,
    BackupPasswordRequired,
    BackupRefused,
    RestoreResult,
    attachment_member,
    attachment_sha,
    auto_backup_name,
    auto_backup_time,
    member_kind,
    refused,
    unsafe_member_reason,
)
from qazvin_diplomacy.core.errors import DatabaseRefusedError
from qazvin_diplomacy.core.text import bidi_isolate, to_persian_digits
from qazvin_diplomacy.services.attachments import is_intact
from qazvin_diplomacy.services.backup_crypto import (
    EncryptingWriter,
    decrypt_file,
    is_encrypted_file,
)
from qazvin_diplomacy.services.files import (
    DatabaseFiles,
    refuse_database_files,
    replace_file,
    replace_retrying,
)
from qazvin_diplomacy.storage.database import (
    Database,
    backup_copy,
    head_revision,
    inspect_file,
    known_revisions,
)

__all__ = [
    "BackupCancelled",
    "BackupError",
    "BackupManifest",
    "BackupPasswordError",
    "BackupPasswordRequired",
    "BackupRefused",
    "RestoreResult",
    "auto_backup",
    "create_backup",
    "is_encrypted",
    "restore_backup",
    "verify_backup",
]

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

CHUNK = 1024 * 1024
SAMPLE = 64 * 1024
# Level 3 packs the database nearly as small as level 6 (18 vs 16 MB at scale 100) in a third of the time.
COMPRESS_LEVEL = 3
MAX_MANIFEST_BYTES = 16 * 1024 * 1024
SIDECARS = ("-wal", "-shm", "-journal")
STALE_SECONDS = 3600
# Disk space left free after a restore's temporary files, so the live database can still grow.
DISK_RESERVE = 64 * 1024 * 1024
SQLITE_MAGIC = b"SQLite format 3\x00"
_SHA_NAME_LEN = 64


# --------------------------------------------------------------------------- helpers


@dataclass
class _Steps:
    """Progress in bytes and cancellation, checked at every chunk."""

    progress: Progress | None
    cancel: Cancel | None
    done: int = 0
    total: int = 0

    def check(self) -> None:
        if self.cancel is not None and self.cancel():
            raise BackupCancelled()

    def add_total(self, n: int) -> None:
        self.total += n

    def tick(self, n: int) -> None:
        self.done += n
        self.check()
        if self.progress is not None and n > 0:
            self.progress(self.done, max(self.total, self.done))


def _fsync_dir(folder: Path) -> None:
    """Make a rename inside ``folder`` durable (POSIX; Windows has no directory handles)."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_file(path: Path) -> None:
    with path.open("rb+") as fh:
        os.fsync(fh.fileno())


def _sidecar(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _remove_stale(folder: Path, pattern: str) -> None:
    """Remove leftovers of a crashed run (older than an hour) matching ``pattern``."""
    if not folder.is_dir():
        return
    limit = time.time() - STALE_SECONDS
    for item in folder.glob(pattern):
        try:
            if item.stat().st_mtime > limit:
                continue
            if item.is_dir():
                shutil.rmtree(item, ignore_errors=True)
            else:
                item.unlink()
        except OSError:
            log.warning("could not remove stale %s", item)


def _unique(path: Path) -> Path:
    """``path``, or ``name-2``, ``name-3`` … when it exists (two backups within one second)."""
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def _in_use_error() -> BackupError:
    return BackupError(
        "پایگاه داده هنوز در دست برنامه دیگری است؛ همه پنجره‌های برنامه را ببندید و دوباره تلاش کنید. "
        "هیچ تغییری داده نشد.",
        "The database is still open in another program; close it and try again. Nothing was changed.",
    )


def _disk_error(exc: OSError) -> BackupError:
    return BackupError(
        f"نوشتن روی دیسک ممکن نشد (فضای کافی نیست یا دسترسی ندارید): {exc.strerror or exc}. "
        "هیچ تغییری داده نشد.",
        f"Cannot write to the disk (full or not permitted): {exc}. Nothing was changed.",
    )


def _ensure_room(folder: Path, needed: int) -> None:
    """Refuse before writing ``needed`` bytes into ``folder`` when the disk cannot hold them."""
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return  # unknown: the write itself will fail cleanly
    if needed + DISK_RESERVE > free:
        mb = 1024 * 1024
        raise refused(
            f"فضای خالی دیسک برای بازکردن پشتیبان کافی نیست (نیاز {to_persian_digits(-(-needed // mb))} "
            f"مگابایت، آزاد {to_persian_digits(free // mb)} مگابایت).",
            f"Not enough free disk space to unpack the backup ({needed} bytes needed, {free} free).",
        )


def is_encrypted(path: Path) -> bool:
    """True when ``path`` is a password-protected backup (so a password must be asked for)."""
    with Path(path).open("rb") as fh:
        return is_encrypted_file(fh)


# --------------------------------------------------------------------------- create


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


def create_backup(
    db: Database,
    *,
    out: Path,
    password: str | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> BackupManifest:
    """Write a backup of the open database ``db`` and its attachments to ``out``.

    Safe while the application keeps writing: the database is copied with the online backup
    API and the copy must pass ``PRAGMA integrity_check``. With ``password`` the file is
    sealed with scrypt + AES-256-GCM. ``progress(done, total)`` reports bytes packed;
    ``cancel()`` returning True stops with ``BackupCancelled``. On cancel or any error no file
    is left at ``out`` (an existing one is kept) and no temporary file remains.
    """
    out = Path(out)
    refuse_database_files(out, DatabaseFiles.of(db), purpose="backup")
    steps = _Steps(progress, cancel)
    steps.check()
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _disk_error(exc) from exc
    _remove_stale(db.path.parent, f".{db.path.stem}-backup-*")
    attachments = _attachment_files(db.attachments_dir)
    with tempfile.TemporaryDirectory(dir=db.path.parent, prefix=f".{db.path.stem}-backup-") as work:
        snapshot = Path(work) / DATABASE_NAME
        try:
            backup_copy(db.path, snapshot)
            revision = _seal_snapshot(snapshot)
        except sqlite3.OperationalError as exc:
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


# --------------------------------------------------------------------------- verify


def _plain_zip(source: Path, password: str | None, work: Path, steps: _Steps) -> tuple[Path, bool]:
    """The ZIP to read: ``source`` itself, or its authenticated decryption inside ``work``."""
    try:
        with source.open("rb") as fh:
            if not is_encrypted_file(fh):
                return source, False
            if not password:
                raise BackupPasswordRequired()
            steps.add_total(source.stat().st_size)
            _ensure_room(work, source.stat().st_size)
            plain = work / "backup.zip"
            with plain.open("wb") as target:
                decrypt_file(fh, target, password, on_chunk=steps.tick)
            return plain, True
    except FileNotFoundError as exc:
        raise refused(
            f"پرونده پشتیبان «{bidi_isolate(source.name)}» پیدا نشد.",
            f"Backup file {source} not found.",
        ) from exc
    except IsADirectoryError as exc:
        raise refused(
            f"«{bidi_isolate(source.name)}» پوشه است، نه پرونده پشتیبان.", f"{source} is a folder."
        ) from exc
    except PermissionError as exc:
        raise refused(
            f"پرونده پشتیبان «{bidi_isolate(source.name)}» خوانده نشد (دسترسی ندارید).", str(exc)
        ) from exc


def _read_manifest(zf: zipfile.ZipFile, encrypted: bool) -> BackupManifest:
    names = [info.filename for info in zf.infolist()]
    for name in names:
        if reason := unsafe_member_reason(name):
            raise refused(
                f"پرونده پشتیبان مسیری ناامن دارد که می‌تواند بیرون از پوشه مقصد بنویسد («{bidi_isolate(name)}»: {reason}).",
                f"The backup holds an unsafe member path {name!r}.",
            )
    if len(set(names)) != len(names):
        raise refused("پرونده پشتیبان عضو تکراری دارد.", "The backup holds duplicate members.")
    for name in names:
        if member_kind(name) is None:
            raise refused(
                f"پرونده پشتیبان عضو ناشناخته «{bidi_isolate(name)}» دارد.",
                f"Unknown member {name!r}.",
            )
    if MANIFEST_NAME not in names:
        raise refused(
            "این پرونده فهرست محتوا (manifest) ندارد و پشتیبان این برنامه نیست.",
            "No manifest: not a backup of this application.",
        )
    if zf.getinfo(MANIFEST_NAME).file_size > MAX_MANIFEST_BYTES:
        raise refused("فهرست محتوای پشتیبان بیش از حد بزرگ است.", "The manifest is too large.")
    try:
        manifest = BackupManifest.from_json(zf.read(MANIFEST_NAME), encrypted=encrypted)
    except ValueError as exc:
        raise refused(
            "فهرست محتوای پشتیبان خراب است.", f"The manifest is malformed: {exc}."
        ) from exc
    if manifest.format_version > FORMAT_VERSION:
        raise refused(
            "این پشتیبان با نسخه جدیدتری از برنامه ساخته شده است؛ برنامه را به‌روز کنید.",
            "This backup was made by a newer version of the application; update it.",
        )
    if manifest.schema_revision is None or manifest.schema_revision not in known_revisions():
        raise refused(
            "ساختار پایگاه داده این پشتیبان از نسخه جدیدتری از برنامه است (یا ناشناخته است)؛ "
            "برنامه را به‌روز کنید.",
            f"The backup's schema revision {manifest.schema_revision!r} is newer than (or unknown to) "
            "this application; update it.",
        )
    listed = [m.path for m in manifest.members]
    if len(set(listed)) != len(listed) or DATABASE_NAME not in listed:
        raise refused("فهرست محتوای پشتیبان نادرست است.", "The manifest is inconsistent.")
    stored = set(names) - {MANIFEST_NAME}
    if set(listed) != stored:
        odd = sorted(set(listed) ^ stored)
        raise refused(
            f"محتوای پشتیبان با فهرست آن نمی‌خواند (برای نمونه «{bidi_isolate(odd[0])}»).",
            f"Members and manifest differ: {odd[:5]}.",
        )
    for member in manifest.members:
        if zf.getinfo(member.path).file_size != member.size:
            raise refused(
                f"اندازه «{bidi_isolate(member.path)}» با فهرست محتوای پشتیبان نمی‌خواند.",
                f"Size of {member.path} differs from the manifest.",
            )
        limit = MAX_DATABASE_BYTES if member.path == DATABASE_NAME else MAX_ATTACHMENT_BYTES
        if member.size > limit:
            raise refused(
                f"«{bidi_isolate(member.path)}» در پشتیبان بزرگ‌تر از حد مجاز "
                f"({to_persian_digits(limit // (1024 * 1024))} مگابایت) است.",
                f"{member.path} declares {member.size} bytes, over the limit of {limit}.",
            )
    if not set(manifest.damaged) <= {m.path for m in manifest.attachments}:
        raise refused("فهرست محتوای پشتیبان نادرست است.", "The manifest lists unknown damaged files.")
    if forged := manifest.forged:
        raise refused(
            f"محتوای پیوست «{bidi_isolate(attachment_sha(forged[0].path)[:12])}…» با چکیده SHA-256 "
            "نام آن نمی‌خواند؛ پرونده پشتیبان دستکاری شده است.",
            f"Attachment {forged[0].path} does not match its SHA-256 name: the backup was tampered with.",
        )
    return manifest


def _extract_member(
    zf: zipfile.ZipFile, member: BackupMember, target: Path | None, steps: _Steps
) -> None:
    """Stream one member, checking size and SHA-256; write it to ``target`` unless None."""
    digest = hashlib.sha256()
    size = 0
    out: BinaryIO | None = None
    try:
        if target is not None:
            target.parent.mkdir(parents=True, exist_ok=True)
            out = target.open("wb")
        with zf.open(member.path) as src:
            while chunk := src.read(CHUNK):
                if size == 0 and member.path == DATABASE_NAME and not chunk.startswith(SQLITE_MAGIC):
                    raise refused(
                        "پایگاه داده درون پشتیبان پرونده SQLite نیست.",
                        "The packed database is not an SQLite file.",
                    )
                size += len(chunk)
                if size > member.size:
                    break
                digest.update(chunk)
                if out is not None:
                    out.write(chunk)
                steps.tick(len(chunk))
    finally:
        if out is not None:
            out.close()
    if size != member.size or digest.hexdigest() != member.sha256:
        raise refused(
            f"مجموع آزما (checksum) «{bidi_isolate(member.path)}» با فهرست محتوای پشتیبان نمی‌خواند؛ پرونده آسیب دیده "
            "یا دستکاری شده است.",
            f"Checksum mismatch for {member.path}: the file is damaged or was tampered with.",
        )


def _extract_verified(
    zip_path: Path,
    work: Path,
    steps: _Steps,
    *,
    encrypted: bool,
    attachments_to: Path | None,
    later_bytes: int = 0,
) -> tuple[BackupManifest, Path]:
    """Check everything in the ZIP; extract the database (and attachments when asked) into ``work``.

    Refused before a byte is extracted when the disk cannot hold the database, the attachments
    twice (here, then in the attachments folder) and ``later_bytes`` more.
    """
    db_file = work / DATABASE_NAME
    try:
        with zipfile.ZipFile(zip_path) as zf:
            manifest = _read_manifest(zf, encrypted)
            attachments = manifest.total_size - manifest.database.size
            _ensure_room(
                work,
                manifest.database.size
                + (2 * attachments if attachments_to is not None else 0)
                + later_bytes,
            )
            steps.add_total(manifest.total_size)
            _extract_member(zf, manifest.database, db_file, steps)
            for member in manifest.attachments:
                target = (
                    None
                    if attachments_to is None
                    else attachments_to / member.path.split("/", 1)[1]
                )
                _extract_member(zf, member, target, steps)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:
        raise refused(
            "این پرونده، پشتیبان سالم این برنامه نیست (بایگانی ZIP خراب یا ناقص است).",
            f"Not a sound backup of this application: {exc}.",
        ) from exc
    except OSError as exc:
        raise _disk_error(exc) from exc
    try:
        revision = inspect_file(db_file)
    except DatabaseRefusedError as exc:
        raise refused(
            f"پایگاه داده درون پشتیبان سالم نیست: {exc.message}",
            f"The packed database is not sound: {exc.message_en}",
        ) from exc
    finally:
        for suffix in SIDECARS:
            _sidecar(db_file, suffix).unlink(missing_ok=True)
    if revision != manifest.schema_revision:
        raise refused(
            "نسخه ساختار پایگاه داده درون پشتیبان با فهرست محتوای آن نمی‌خواند.",
            f"Packed database revision {revision!r} differs from the manifest.",
        )
    return manifest, db_file


def verify_backup(
    path: Path,
    *,
    password: str | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> BackupManifest:
    """Check a whole backup file without restoring it; return its manifest.

    Raises ``BackupRefused`` (``BackupPasswordError`` for a wrong password or tampering,
    ``BackupPasswordRequired`` when encrypted and no password is given) naming the reason in
    Persian. Works in a private temporary folder that is always removed.
    """
    steps = _Steps(progress, cancel)
    with tempfile.TemporaryDirectory(prefix="qazvin-verify-") as tmp:
        work = Path(tmp)
        zip_path, encrypted = _plain_zip(Path(path), password, work, steps)
        manifest, _db = _extract_verified(
            zip_path, work, steps, encrypted=encrypted, attachments_to=None
        )
    return manifest


# --------------------------------------------------------------------------- restore


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


# --------------------------------------------------------------------------- automatic


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
