"""Backup files described without touching disk: manifest, member names, results, errors.

A backup is a ZIP holding ``manifest.json``, ``database.sqlite3`` and the attachment files
under ``attachments/<sha[:2]>/<sha>`` (optionally wrapped in authenticated encryption, see
``services.backup_crypto``). Everything here is pure so it can be checked in isolation.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from qazvin_diplomacy.core.errors import KnownError, OperationCancelled
from qazvin_diplomacy.core.text import bidi_isolate, to_persian_digits

FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
DATABASE_NAME = "database.sqlite3"
ATTACHMENTS_PREFIX = "attachments/"
BACKUP_SUFFIX = ".qdbackup"
AUTO_PREFIX = "auto-backup-"
_AUTO_STAMP = "%Y%m%d-%H%M%S"
# The packed database may not declare more than this (an office desk's file is tens of MB),
# so a crafted archive cannot fill the disk beside the live database before it is refused.
MAX_DATABASE_BYTES = 2 * 1024**3
# Suffix of an attachment restored from a backup that listed it as damaged: kept aside, never
# under its SHA-256 name, so it cannot stand in for the genuine file.
DAMAGED_SUFFIX = ".damaged"

_SHA = re.compile(r"[0-9a-f]{64}")
_ATTACHMENT = re.compile(r"attachments/([0-9a-f]{2})/([0-9a-f]{64})")
_AUTO_NAME = re.compile(re.escape(AUTO_PREFIX) + r"(\d{8}-\d{6})" + re.escape(BACKUP_SUFFIX))
_DRIVE = re.compile(r"^[A-Za-z]:")


class BackupError(KnownError):
    """Base of every backup and restore error a user can act on."""


class BackupRefused(BackupError):
    """A backup file that must not be restored (damaged, foreign, unsafe or too new); nothing was written."""


class BackupPasswordError(BackupRefused):
    """Wrong password, or the encrypted file was tampered with or truncated."""

    def __init__(self, detail_en: str = "") -> None:
        super().__init__(
            "گذرواژه نادرست است یا پرونده دستکاری شده است؛ هیچ چیزی بازیابی نشد.",
            "Wrong password, or the file was tampered with. " + detail_en,
        )


class BackupPasswordRequired(BackupRefused):
    """The backup is encrypted and no password was given."""

    def __init__(self) -> None:
        super().__init__(
            "این پروندهٔ پشتیبان رمزگذاری شده است؛ گذرواژه آن را وارد کنید.",
            "This backup is encrypted; enter its password.",
        )


class BackupCancelled(BackupError, OperationCancelled):
    """The user cancelled; nothing was left behind and the database is unchanged."""

    def __init__(self) -> None:
        super().__init__(
            "عملیات لغو شد؛ هیچ تغییری داده نشد.",
            "Cancelled; nothing was changed.",
        )


def schema_version_text(revision: str | None, lang: str = "fa") -> str:
    """The database structure a backup holds, as people read it: the number of its schema
    revision (``0008_contact_search_keys`` → «نسخهٔ ۸» / "version 8"), never the internal id."""
    match = re.match(r"(\d+)_", revision or "")
    if match is None:
        return "نامعلوم" if lang == "fa" else "unknown"
    number = int(match.group(1))
    return f"نسخهٔ {to_persian_digits(number)}" if lang == "fa" else f"version {number}"


def app_version_text(version: str, lang: str = "fa") -> str:
    """The application version that wrote a backup, in the language's digits and isolated so
    its dots keep their order inside a Persian sentence (``0.1.0`` → «۰.۱.۰»)."""
    if not version.strip():
        return "نامعلوم" if lang == "fa" else "unknown"
    return bidi_isolate(to_persian_digits(version) if lang == "fa" else version)


def refused(fa: str, en: str) -> BackupRefused:
    """A ``BackupRefused`` whose Persian message ends by saying nothing was written."""
    return BackupRefused(f"{fa} هیچ چیزی بازیابی نشد.", f"{en} Nothing was restored.")


@dataclass(frozen=True)
class BackupMember:
    """One file inside a backup: its archive path, size in bytes and SHA-256 (hex)."""

    path: str
    size: int
    sha256: str


@dataclass(frozen=True)
class BackupManifest:
    """What a backup holds; ``members`` lists the database first, then the attachments."""

    format_version: int
    app_version: str
    schema_revision: str | None
    created_at: datetime
    members: tuple[BackupMember, ...]
    encrypted: bool = False
    # Attachment files whose content no longer matches their SHA-256 name (bit rot in the
    # data folder): packed exactly as found and listed here so the office can be told.
    damaged: tuple[str, ...] = field(default=())
    # The packed database's newest audit entry, (id, hash): the trail's head when the backup
    # was made (None: an empty trail, or a backup older than this field).
    audit_head: tuple[int, str] | None = None

    @property
    def database(self) -> BackupMember:
        """The packed database."""
        return next(m for m in self.members if m.path == DATABASE_NAME)

    @property
    def attachments(self) -> tuple[BackupMember, ...]:
        """The packed attachment files."""
        return tuple(m for m in self.members if m.path != DATABASE_NAME)

    @property
    def forged(self) -> tuple[BackupMember, ...]:
        """Attachments whose content does not match their SHA-256 name and are not listed as damaged."""
        return tuple(
            m
            for m in self.attachments
            if m.sha256 != attachment_sha(m.path) and m.path not in self.damaged
        )

    @property
    def set_aside(self) -> tuple[BackupMember, ...]:
        """Attachments listed as damaged whose content indeed differs from their name."""
        return tuple(
            m
            for m in self.attachments
            if m.sha256 != attachment_sha(m.path) and m.path in self.damaged
        )

    @property
    def total_size(self) -> int:
        """Bytes of every member together (uncompressed)."""
        return sum(m.size for m in self.members)

    def to_json(self) -> bytes:
        """The manifest as stored in the archive (``encrypted`` is a property of the container)."""
        data = {
            "format_version": self.format_version,
            "app_version": self.app_version,
            "schema_revision": self.schema_revision,
            "created_at": self.created_at.astimezone(UTC).isoformat(),
            "members": [{"path": m.path, "size": m.size, "sha256": m.sha256} for m in self.members],
            "damaged": list(self.damaged),
        }
        if self.audit_head is not None:
            data["audit_head"] = {"entry": self.audit_head[0], "hash": self.audit_head[1]}
        return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")

    @classmethod
    def from_json(cls, raw: bytes, *, encrypted: bool = False) -> BackupManifest:
        """Parse a stored manifest; raise ``ValueError`` for anything malformed."""
        try:
            data: Any = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ValueError(f"manifest is not JSON: {exc}") from exc
        except RecursionError as exc:  # deeply nested arrays or objects
            raise ValueError("manifest is nested too deeply") from exc
        if not isinstance(data, dict):
            raise ValueError("manifest is not an object")
        version = data.get("format_version")
        revision = data.get("schema_revision")
        members_raw = data.get("members")
        if not isinstance(version, int) or isinstance(version, bool):
            raise ValueError("format_version is not an integer")
        if revision is not None and not isinstance(revision, str):
            raise ValueError("schema_revision is not a string")
        if not isinstance(members_raw, list):
            raise ValueError("members is not a list")
        members = []
        for item in members_raw:
            if not isinstance(item, dict):
                raise ValueError("a member is not an object")
            path, size, sha = item.get("path"), item.get("size"), item.get("sha256")
            if not isinstance(path, str) or not isinstance(sha, str) or not _SHA.fullmatch(sha):
                raise ValueError("a member has no valid path or sha256")
            if not isinstance(size, int) or isinstance(size, bool) or size < 0:
                raise ValueError("a member has no valid size")
            members.append(BackupMember(path, size, sha))
        try:
            created = datetime.fromisoformat(str(data.get("created_at")))
        except ValueError as exc:
            raise ValueError("created_at is not a date") from exc
        if created.tzinfo is None:
            raise ValueError("created_at has no time zone")
        damaged = data.get("damaged", [])
        if not isinstance(damaged, list) or not all(isinstance(s, str) for s in damaged):
            raise ValueError("damaged is not a list of names")
        head = data.get("audit_head")
        audit_head = None
        if head is not None:
            entry = head.get("entry") if isinstance(head, dict) else None
            digest = head.get("hash") if isinstance(head, dict) else None
            if (
                not isinstance(entry, int)
                or isinstance(entry, bool)
                or entry < 1
                or not isinstance(digest, str)
                or not _SHA.fullmatch(digest)
            ):
                raise ValueError("audit_head is not an entry and its hash")
            audit_head = (entry, digest)
        return cls(
            format_version=version,
            app_version=str(data.get("app_version", "")),
            schema_revision=revision,
            created_at=created,
            members=tuple(members),
            encrypted=encrypted,
            damaged=tuple(damaged),
            audit_head=audit_head,
        )


@dataclass(frozen=True)
class RestoreResult:
    """What ``restore_backup`` did."""

    db_path: Path
    previous_backup: Path | None
    schema_from: str | None
    schema_to: str | None
    attachments_added: int
    manifest: BackupManifest
    # Damaged attachments in the backup (``BackupManifest.set_aside``): never restored under
    # their name, written as ``<sha>.damaged`` unless the genuine file was already stored.
    attachments_set_aside: tuple[str, ...] = ()

    @property
    def migrated(self) -> bool:
        """True when the restored database was upgraded to a newer schema."""
        return self.schema_from != self.schema_to


def attachment_member(sha256: str) -> str:
    """The archive path of an attachment file."""
    return f"{ATTACHMENTS_PREFIX}{sha256[:2]}/{sha256}"


def attachment_sha(member: str) -> str:
    """The SHA-256 an attachment's archive path names (its last part)."""
    return member.rsplit("/", 1)[-1]


def unsafe_member_reason(name: str) -> str | None:
    """Why an archive member name could escape the target folder (Persian), or None when safe."""
    if not name:
        return "نام خالی"
    if "\\" in name:
        return "خط مورب وارونه در مسیر"
    if "\x00" in name:
        return "نویسه تهی در مسیر"
    if name.startswith("/") or _DRIVE.match(name):
        return "مسیر مطلق"
    if any(part in ("", ".", "..") for part in name.split("/")):
        return "مسیر بیرون‌رونده یا نامعتبر (..)"
    return None


def member_kind(name: str) -> str | None:
    """``"manifest"``, ``"database"`` or ``"attachment"`` for a name a backup may hold, else None."""
    if name == MANIFEST_NAME:
        return "manifest"
    if name == DATABASE_NAME:
        return "database"
    match = _ATTACHMENT.fullmatch(name)
    if match and match.group(2).startswith(match.group(1)):
        return "attachment"
    return None


def auto_backup_name(when: datetime) -> str:
    """File name of an automatic backup made at ``when`` (local wall-clock time)."""
    return f"{AUTO_PREFIX}{when.strftime(_AUTO_STAMP)}{BACKUP_SUFFIX}"


def auto_backup_time(name: str) -> datetime | None:
    """When an automatic backup was made, from its file name; None for any other file."""
    match = _AUTO_NAME.fullmatch(name)
    if not match:
        return None
    try:
        return datetime.strptime(match.group(1), _AUTO_STAMP)
    except ValueError:
        return None
