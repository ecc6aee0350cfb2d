"""Attachments: files copied into the data folder under their SHA-256.

The file is copied (and its hash verified) before the row is written; an identical file
already stored is reused only when its bytes still match its name (a damaged or forged copy
is replaced). A row is never written for a file that could not be read.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from qazvin_diplomacy.core.attachments import MAX_ATTACHMENT_BYTES, AttachmentView
from qazvin_diplomacy.core.errors import ValidationError
from qazvin_diplomacy.core.filenames import safe_filename
from qazvin_diplomacy.core.text import normalize, to_persian_digits
from qazvin_diplomacy.services.files import replace_retrying
from qazvin_diplomacy.services.records import get_row, write
from qazvin_diplomacy.storage.attachments import Attachment
from qazvin_diplomacy.storage.database import Database

CHUNK = 1024 * 1024


def _view(a: Attachment) -> AttachmentView:
    return AttachmentView(
        id=a.id,
        owner_kind=a.owner_kind,
        owner_id=a.owner_id,
        sha256=a.sha256,
        size=a.size,
        original_name=a.original_name,
        media_type=a.media_type,
        description=a.description,
        version=a.version,
    )


def stored_path(db: Database, sha256: str) -> Path:
    """Where the file with this hash lives in the attachments folder."""
    return db.attachments_dir / sha256[:2] / sha256


def file_sha256(path: Path) -> str:
    """SHA-256 (hex) of a file's content, read in chunks."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def is_intact(path: Path, sha256: str) -> bool:
    """True when ``path`` is a file whose content hashes to ``sha256`` (its stored name)."""
    try:
        return path.is_file() and file_sha256(path) == sha256
    except OSError:
        return False


def _folder_reachable(folder: Path) -> bool:
    """Whether ``folder`` is there and can be written (a network share may have gone)."""
    try:
        return folder.is_dir() and os.access(folder, os.W_OK)
    except OSError:
        return False


def _copy_hashed(source: Path, folder: Path, limit: int) -> tuple[str, int]:
    """Copy ``source`` into ``folder`` under its SHA-256; return (hash, size)."""
    folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    size = 0
    fd, tmp_name = tempfile.mkstemp(dir=folder, suffix=".part")
    try:
        with os.fdopen(fd, "wb") as out, source.open("rb") as src:
            while chunk := src.read(CHUNK):
                size += len(chunk)
                if size > limit:
                    raise ValidationError(
                        {
                            "file": f"حجم پرونده بیش از حد مجاز ({to_persian_digits(limit // (1024 * 1024))} مگابایت) است."
                        }
                    )
                digest.update(chunk)
                out.write(chunk)
        sha = digest.hexdigest()
        target = folder / sha[:2] / sha
        target.parent.mkdir(parents=True, exist_ok=True)
        if is_intact(target, sha):
            os.unlink(tmp_name)
        else:
            replace_retrying(tmp_name, target)  # an antivirus may hold the new file a moment
        return sha, size
    except BaseException:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
        raise


def add_attachment(
    db: Database,
    *,
    owner_kind: str,
    owner_id: int | None,
    source: Path,
    description: str = "",
    limit: int = MAX_ATTACHMENT_BYTES,
) -> AttachmentView:
    """Store a copy of ``source`` and link it to a record."""
    source = Path(source)
    if not source.is_file():
        raise ValidationError({"file": f"پرونده «{source.name}» پیدا نشد یا پرونده نیست."})
    try:
        sha, size = _copy_hashed(source, db.attachments_dir, limit)
    except OSError as exc:
        if not _folder_reachable(db.attachments_dir):  # a shared folder whose share went away
            raise ValidationError(
                {
                    "file": f"پوشهٔ پیوست‌ها «{db.attachments_dir}» در دسترس نیست؛ پرونده "
                    f"«{source.name}» پیوست نشد. شبکه و پوشهٔ مشترک را بررسی کنید."
                }
            ) from exc
        raise ValidationError(
            {"file": f"پرونده «{source.name}» خوانده نشد: {exc.strerror}"}
        ) from exc
    media_type = mimetypes.guess_type(source.name)[0] or "application/octet-stream"
    with write(db) as session:
        row = Attachment(
            owner_kind=owner_kind,
            owner_id=owner_id,
            sha256=sha,
            size=size,
            original_name=safe_filename(source.name),
            media_type=media_type,
            description=normalize(description),
        )
        session.add(row)
        session.flush()
        return _view(row)


def attach_checked(
    db: Database,
    check: Callable[[Session], object],
    owner: tuple[str, int],
    source: Path,
    description: str = "",
    limit: int = MAX_ATTACHMENT_BYTES,
) -> AttachmentView:
    """:func:`add_attachment` to ``owner`` (kind, id) once ``check(session)``, run in a read
    session, has accepted it: it raises to refuse (the record is missing, archived or locked),
    and then nothing is copied or written."""
    with db.read_session() as session:
        check(session)
    kind, owner_id = owner
    return add_attachment(
        db, owner_kind=kind, owner_id=owner_id, source=source, description=description, limit=limit
    )


def list_attachments(db: Database, *, owner_kind: str, owner_id: int) -> list[AttachmentView]:
    """The attachments of one record, oldest first."""
    with db.read_session() as session:
        return attachments_of(session, owner_kind=owner_kind, owner_id=owner_id)


def attachments_of(session: Session, *, owner_kind: str, owner_id: int) -> list[AttachmentView]:
    """:func:`list_attachments` inside an open ``session``."""
    query = (
        select(Attachment)
        .where(
            Attachment.owner_kind == owner_kind,
            Attachment.owner_id == owner_id,
            Attachment.archived_at.is_(None),
        )
        .order_by(Attachment.id)
    )
    return [_view(a) for a in session.scalars(query)]


def export_attachment(db: Database, *, attachment_id: int, folder: Path) -> Path:
    """Copy an attachment out under its original (Windows-safe) name; return the new path."""
    with db.read_session() as session:
        row = get_row(session, Attachment, attachment_id, "پیوست")
        view = _view(row)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / safe_filename(view.original_name)
    shutil.copyfile(stored_path(db, view.sha256), target)
    return target
