"""Verifying a backup: the manifest and every member's size and checksum, before anything is restored."""

from __future__ import annotations

import hashlib
import tempfile
import zipfile
import zlib
from pathlib import Path
from typing import BinaryIO

from qazvin_diplomacy.core.attachments import MAX_ATTACHMENT_BYTES
from qazvin_diplomacy.core.backups import (
    DATABASE_NAME,
    FORMAT_VERSION,
    MANIFEST_NAME,
    MAX_DATABASE_BYTES,
    BackupManifest,
    BackupMember,
    BackupPasswordRequired,
    attachment_sha,
    member_kind,
    refused,
    unsafe_member_reason,
)
from qazvin_diplomacy.core.errors import DatabaseRefusedError
from qazvin_diplomacy.core.text import bidi_isolate, to_persian_digits
from qazvin_diplomacy.services.audit_seal import file_head
from qazvin_diplomacy.services.backup.common import (
    CHUNK,
    MAX_MANIFEST_BYTES,
    SIDECARS,
    SQLITE_MAGIC,
    Cancel,
    Progress,
    _disk_error,
    _ensure_room,
    _sidecar,
    _Steps,
)
from qazvin_diplomacy.services.backup_crypto import decrypt_file, is_encrypted_file
from qazvin_diplomacy.storage.database import inspect_file, known_revisions


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
            f"پروندهٔ پشتیبان «{bidi_isolate(source.name)}» پیدا نشد.",
            f"Backup file {source} not found.",
        ) from exc
    except IsADirectoryError as exc:
        raise refused(
            f"«{bidi_isolate(source.name)}» پوشه است، نه پروندهٔ پشتیبان.", f"{source} is a folder."
        ) from exc
    except PermissionError as exc:
        raise refused(
            f"پروندهٔ پشتیبان «{bidi_isolate(source.name)}» خوانده نشد (دسترسی ندارید).", str(exc)
        ) from exc


def _read_manifest(zf: zipfile.ZipFile, encrypted: bool) -> BackupManifest:
    names = [info.filename for info in zf.infolist()]
    for name in names:
        if reason := unsafe_member_reason(name):
            raise refused(
                f"پروندهٔ پشتیبان مسیری ناامن دارد که می‌تواند بیرون از پوشه مقصد بنویسد («{bidi_isolate(name)}»: {reason}).",
                f"The backup holds an unsafe member path {name!r}.",
            )
    if len(set(names)) != len(names):
        raise refused("پروندهٔ پشتیبان عضو تکراری دارد.", "The backup holds duplicate members.")
    for name in names:
        if member_kind(name) is None:
            raise refused(
                f"پروندهٔ پشتیبان عضو ناشناخته «{bidi_isolate(name)}» دارد.",
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
        raise refused(
            "فهرست محتوای پشتیبان نادرست است.", "The manifest lists unknown damaged files."
        )
    if forged := manifest.forged:
        raise refused(
            f"محتوای پیوست «{bidi_isolate(attachment_sha(forged[0].path)[:12])}…» با چکیده SHA-256 "
            "نام آن نمی‌خواند؛ پروندهٔ پشتیبان دستکاری شده است.",
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
                if (
                    size == 0
                    and member.path == DATABASE_NAME
                    and not chunk.startswith(SQLITE_MAGIC)
                ):
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
    _check_audit_head(manifest, db_file)
    return manifest, db_file


def _check_audit_head(manifest: BackupManifest, db_file: Path) -> None:
    """Refuse a packed database whose audit trail does not end where the manifest says."""
    if manifest.audit_head is None:
        return  # an older backup, or an empty trail
    entry, digest = manifest.audit_head
    found = file_head(db_file)
    if found is not None and (found.entry, found.hash) == (entry, digest):
        return
    last = found.entry if found else 0
    raise refused(
        f"سابقهٔ تغییرات پایگاه داده درون پشتیبان با فهرست محتوای آن نمی‌خواند: فهرست آخرین "
        f"مدخل را {to_persian_digits(entry)} می‌گوید و پایگاه داده به مدخل "
        f"{to_persian_digits(last)} ختم می‌شود.",
        f"The packed database's audit trail does not match the manifest: the manifest's last "
        f"entry is {entry}, the database ends at entry {last}.",
    )


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
