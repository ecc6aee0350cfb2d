"""Restoring a backup into a server database (PostgreSQL): every row replaced in one transaction.

A ``.qdbackup`` holds an SQLite file of the application's schema, whichever engine it was made
from (``create_backup`` writes a server database's rows into one).  Restoring onto a server is
the same verification as onto a file (``_extract_verified``: authentication, manifest, sizes,
checksums, the packed database's health), an older schema migrated in the private folder,
then — after a backup of the server's current rows is kept in the backups folder — one
transaction that deletes every row, copies the backup's in foreign-key order, compares every
table's rows and checksum and adds the missing attachments.  A refusal, a cancel or an error
anywhere leaves the server database as it was (and removes the attachments just added).
"""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from qazvin_diplomacy.core.backups import RestoreResult, attachment_sha, refused
from qazvin_diplomacy.core.errors import DatabaseRefusedError
from qazvin_diplomacy.services.audit_seal import (
    Head,
    current_head_of,
    record_restore,
    write_witness,
)
from qazvin_diplomacy.services.backup.common import (
    Cancel,
    Progress,
    _disk_error,
    _remove_stale,
    _Steps,
    _unique,
    log,
)
from qazvin_diplomacy.services.backup.create import create_backup
from qazvin_diplomacy.services.backup.restore import _add_attachments, _undo
from qazvin_diplomacy.services.backup.verify import _extract_verified, _plain_zip
from qazvin_diplomacy.services.files import DatabaseFiles, refuse_database_files
from qazvin_diplomacy.services.users import require_admin
from qazvin_diplomacy.storage import transfer as copier
from qazvin_diplomacy.storage.audit import unsealed
from qazvin_diplomacy.storage.database import Database, head_revision, make_engine


def _staged_at_head(staged: Path, work: Path, revision: str | None) -> None:
    """Migrate the unpacked database to the newest schema (it is a private copy)."""
    if revision == head_revision():
        return
    try:
        Database.open(
            staged,
            backups_dir=work / "kept",
            attachments_dir=work / "unused",
            allow_network=True,
        ).close()
    except DatabaseRefusedError as exc:
        raise refused(exc.message, exc.message_en) from exc


def restore_backup_to_server(
    *,
    source: Path,
    db: Database,
    password: str | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> RestoreResult:
    """Replace every row of the open server database ``db`` with the backup ``source``'s.

    ``db`` must be at the newest schema.  The server's current rows are first kept as a
    backup (``<server>-before-restore-<time>.qdbackup`` in ``db.backups_dir``, named in the
    result); attachments missing from ``db.attachments_dir`` are added.  Other desks see the
    old rows until the one transaction commits, then the new ones.
    """
    require_admin()  # replacing the office's database is an administrator's task
    source = Path(source)
    refuse_database_files(source, DatabaseFiles.of(db), purpose="restore")
    if db.schema_revision() != head_revision():
        raise refused(
            "ساختار پایگاه داده سرور به‌روز نیست؛ نخست «check --upgrade» را اجرا کنید.",
            "The server database's schema is not the newest; run `check --upgrade` first.",
        )
    steps = _Steps(progress, cancel)
    steps.check()
    folder = db.path.parent  # the desk's local folder for this server
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _disk_error(exc) from exc
    prefix = f".{db.path.stem}-restore-"
    _remove_stale(folder, prefix + "*")
    with tempfile.TemporaryDirectory(dir=folder, prefix=prefix) as tmp:
        work = Path(tmp)
        zip_path, encrypted = _plain_zip(source, password, work, steps)
        manifest, extracted = _extract_verified(
            zip_path, work, steps, encrypted=encrypted, attachments_to=work / "attachments"
        )
        staged = work / "restored.sqlite3"
        extracted.rename(staged)
        _staged_at_head(staged, work, manifest.schema_revision)
        steps.check()
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        previous = _unique(db.backups_dir / f"{db.path.stem}-before-restore-{stamp}.qdbackup")
        create_backup(db, out=previous, cancel=cancel)
        set_aside = frozenset(attachment_sha(m.path) for m in manifest.set_aside)
        manifest_head = Head(*manifest.audit_head) if manifest.audit_head else None
        added, head = _replace_rows(
            db, staged, work / "attachments", steps, set_aside, source, manifest_head
        )
    write_witness(db, head, replace=True)  # this desk saw the trail replaced on purpose
    log.info("restored server database %s from %s (previous kept at %s)", db.url, source, previous)
    return RestoreResult(
        db_path=db.path,
        previous_backup=previous,
        schema_from=manifest.schema_revision,
        schema_to=head_revision(),
        attachments_added=added,
        manifest=manifest,
        attachments_set_aside=tuple(m.path for m in manifest.set_aside),
    )


def _replace_rows(
    db: Database,
    staged: Path,
    attachments: Path,
    steps: _Steps,
    set_aside: frozenset[str],
    source: Path,
    manifest_head: Head | None,
) -> tuple[int, Head]:
    """One transaction: delete every row (the audit trail's seal lifted for it), copy the
    staged file's, check, record the restore in the trail, add attachments; returns the
    number of attachments added and the trail's new head."""
    reading_engine = make_engine(staged, read_only=True)
    created: list[Path] = []
    try:
        with reading_engine.connect() as reading, db.engine.begin() as writing:
            tables = copier.tables_of(reading)
            replaced = current_head_of(writing)
            with unsealed(writing):
                for table in reversed(tables):
                    writing.execute(table.delete())
            copier.copy_all(reading, writing, tables, lambda *_: steps.check())
            if bad := [t.table for t in copier.compare(reading, writing, tables) if not t.matches]:
                raise refused(
                    f"پس از رونوشت، جدول {bad[0]} در سرور با پشتیبان یکسان نبود؛ بازیابی برگردانده "
                    "شد و پایگاه داده سرور دست‌نخورده ماند.",
                    f"After copying, table {bad[0]} on the server differs from the backup; the "
                    "restore was rolled back and the server database left as it was.",
                )
            head = record_restore(
                writing, source=source, replaced=replaced, manifest_head=manifest_head
            )
            try:
                added = _add_attachments(attachments, db.attachments_dir, steps, created, set_aside)
            except OSError as exc:
                raise _disk_error(exc) from exc
            steps.check()  # the last moment a cancel is honoured
    except DBAPIError as exc:
        _undo(created)
        raise refused(
            f"بازیابی در پایگاه داده سرور انجام نشد ({exc.orig}); پایگاه داده سرور دست‌نخورده ماند.",
            f"The restore into the server database failed ({exc.orig}); it was left as it was.",
        ) from exc
    except BaseException:
        _undo(created)
        raise
    finally:
        reading_engine.dispose()
    return added, head
