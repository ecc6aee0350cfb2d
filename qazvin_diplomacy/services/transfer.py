"""Moving a whole database: a desk's SQLite file to the office's PostgreSQL, and back (a USB copy).

``transfer_database(source, target)`` copies every table in foreign-key order, in batches, in
one transaction on the target (``storage.transfer``); PostgreSQL's id sequences are moved
past the largest ids; the audit trail is copied as it is, so its hash chain verifies on the
target; the search index is rebuilt there.  Before committing, every table's rows and
engine-independent checksum are compared on both sides; the report lists them.

Refused before anything is written: the same database on both sides, a source or a target
whose schema is not this version's (saying which side and whether newer or older), a target
holding any row (a new file, or a server database that is empty or only has the schema, is
what it takes).  A failure afterwards leaves the target as it was: a file this call created
is removed, a server database emptied again (its schema, made by the migrations, stays).
The attachments folder's files are copied into the target's folder; the report says where.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from qazvin_diplomacy.core.access import sees_confidential
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.text import bidi_isolate, to_persian_digits
from qazvin_diplomacy.services.attachments import is_intact
from qazvin_diplomacy.services.connection import (
    DatabaseHandle,
    existing_database,
    is_server,
    open_database,
)
from qazvin_diplomacy.storage import transfer as copier
from qazvin_diplomacy.storage.audit import unsealed
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.storage.transfer import TableCopy

log = logging.getLogger(__name__)

#: ``progress(done, total, what)``: rows copied so far of all tables, and the table at hand.
TransferProgress = Callable[[int, int, str], None]


class TransferRefused(KnownError):
    """A transfer refused or undone; the target was left as it was."""


@dataclass(frozen=True)
class TransferReport:
    """What a transfer did, table by table."""

    source: str
    target: str
    tables: tuple[TableCopy, ...]
    audit_entries: int
    search_rows: int
    attachments_copied: int
    attachments_dir: Path
    target_created: bool

    @property
    def rows(self) -> int:
        """Rows copied in all tables."""
        return sum(t.rows for t in self.tables)


def _shown(target: Path | str) -> str:
    if is_server(target):
        from qazvin_diplomacy.storage.server import display_url

        return display_url(str(target))
    return str(target)


def _side(which: str, exc: KnownError) -> TransferRefused:
    fa = "مبدأ" if which == "source" else "مقصد"
    return TransferRefused(f"{fa}: {exc.message}", f"{which}: {exc.message_en}")


def _same(source: Path | str, target: Path | str) -> bool:
    if is_server(source) or is_server(target):
        return is_server(source) and is_server(target) and _shown(source) == _shown(target)
    return Path(source).expanduser().resolve() == Path(target).expanduser().resolve()


def _open_source(source: Path | str) -> DatabaseHandle:
    try:
        return open_database(existing_database(str(source)), read_only=True)
    except KnownError as exc:
        raise _side("source", exc) from exc


def _filled(db: Database) -> dict[str, int]:
    """The target's tables holding rows (a schema alone is empty)."""
    with db.engine.connect() as conn:
        counts = copier.row_counts(conn, copier.tables_of(conn))
    return {name: n for name, n in counts.items() if n}


def _not_empty(shown: str, filled: dict[str, int]) -> TransferRefused:
    name, n = next(iter(filled.items()))
    return TransferRefused(
        f"پایگاه دادهٔ مقصد «{bidi_isolate(shown)}» خالی نیست (برای نمونه جدول {name} "
        f"{to_persian_digits(n)} سطر دارد)؛ انتقال فقط به یک پروندهٔ جدید یا یک پایگاه دادهٔ خالی "
        "سرور انجام می‌شود. مقصد دست‌نخورده ماند.",
        f"The target database '{shown}' is not empty ({name} has {n} rows); transfer only into a "
        "new file or an empty server database. The target was left untouched.",
    )


def _probe_file_target(path: Path) -> None:
    """Refuse an existing target file that holds rows, without writing a byte to it."""
    try:
        probe = Database.open(path, read_only=True, allow_older=True)
    except KnownError as exc:
        raise _side("target", exc) from exc
    try:
        if filled := _filled(probe):
            raise _not_empty(str(path), filled)
    finally:
        probe.close()


def _open_target(target: Path | str) -> tuple[Database, bool, list[Path]]:
    """The target opened for writing (made or migrated if need be), whether it was created, and
    the files and folders this made (removed again on failure)."""
    made: list[Path] = []
    created = False
    if not is_server(target):
        path = Path(target).expanduser().resolve()
        if path.exists():
            _probe_file_target(path)
        else:
            created = True
            missing = path.parent
            while not missing.parent.exists():
                missing = missing.parent
            if not path.parent.exists():
                made.append(missing)
            made.append(path)
        target = path
    try:
        db = open_database(target)
    except KnownError as exc:
        _remove(made)
        raise _side("target", exc) from exc
    assert isinstance(db, Database)
    if not created and (filled := _filled(db)):
        db.close()
        raise _not_empty(_shown(target), filled)
    if not db.attachments_dir.exists():
        made.append(db.attachments_dir)
    return db, created, made


def _remove(made: list[Path]) -> None:
    """Remove what a failed transfer created: files (with SQLite's side files), then folders."""
    for path in reversed(made):
        try:
            if path.is_dir():
                shutil.rmtree(path)
            else:
                for suffix in ("", "-wal", "-shm", "-journal"):
                    Path(f"{path}{suffix}").unlink(missing_ok=True)
        except OSError:
            log.warning("could not remove %s after a failed transfer", path)


def _copy_attachments(source: Path, target: Path) -> int:
    """Copy the stored attachment files (``<sha[:2]>/<sha>``) not yet intact in ``target``."""
    copied = 0
    if not source.is_dir():
        return 0
    for item in sorted(source.glob("??/*")):
        if not item.is_file() or item.name.endswith(".part") or len(item.name) != 64:
            continue
        dest = target / item.parent.name / item.name
        if is_intact(dest, item.name):
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        part = dest.with_name(dest.name + ".part")
        shutil.copyfile(item, part)
        part.replace(dest)
        copied += 1
    return copied


def _empty_again(db: Database) -> None:
    """Delete every row the transfer wrote into an existing (server) database (the audit
    trail's seal lifted for it: the target's trail was the copy's, not its own)."""
    with db.engine.begin() as conn, unsealed(conn):
        for table in reversed(copier.tables_of(conn)):
            conn.execute(table.delete())


def transfer_database(
    source: Path | str, target: Path | str, *, progress: TransferProgress | None = None
) -> TransferReport:
    """Copy the whole database ``source`` into the empty ``target`` (file paths or server URLs)."""
    from qazvin_diplomacy.services.audit import verify_audit_trail
    from qazvin_diplomacy.services.search_upkeep import rebuild_search_index

    if _same(source, target):
        raise TransferRefused(
            "مبدأ و مقصد انتقال یک پایگاه داده‌اند؛ هیچ تغییری داده نشد.",
            "The source and the target are the same database; nothing was changed.",
        )
    src = _open_source(source)
    assert isinstance(src, Database)
    if not sees_confidential():
        src.close()
        # The copy holds every row, confidential ones too (as a server's backup).
        raise TransferRefused(
            "انتقال همهٔ سوابق، از جمله سوابق محرمانه، را رونوشت می‌کند و فقط مدیر سامانه یا کاربر "
            "دارای مجوز دیدن سوابق محرمانه می‌تواند آن را انجام دهد. مقصد دست‌نخورده ماند.",
            "A transfer copies every record, confidential ones too: only an administrator or a "
            "user cleared for confidential records may run one. The target was left untouched.",
        )
    try:
        dst, created, made = _open_target(target)
        try:
            report = _copy(src, dst, progress)
            search_rows = rebuild_search_index(dst)
            chain = verify_audit_trail(dst)
            if not chain.intact and verify_audit_trail(src).intact:
                raise TransferRefused(
                    "زنجیرهٔ سابقهٔ تغییرات در مقصد سالم نماند؛ انتقال برگردانده شد.",
                    "The audit trail does not verify on the target; the transfer was undone.",
                )
            attachments = _copy_attachments(src.attachments_dir, dst.attachments_dir)
        except BaseException:
            if not created:
                try:
                    _empty_again(dst)
                except Exception:
                    log.exception("could not empty %s again after a failed transfer", target)
            dst.close()
            _remove(made)
            raise
        dst.close()
    finally:
        src.close()
    return TransferReport(
        source=_shown(source),
        target=_shown(target),
        tables=tuple(report),
        audit_entries=chain.entries,
        search_rows=search_rows,
        attachments_copied=attachments,
        attachments_dir=dst.attachments_dir,
        target_created=created,
    )


def _copy(src: Database, dst: Database, progress: TransferProgress | None) -> list[TableCopy]:
    """Rows of every table in one target transaction; refused (rolled back) on any mismatch."""
    with copier.snapshot_connection(src.engine) as reading, dst.engine.begin() as writing:
        tables = copier.tables_of(reading)
        copier.copy_all(reading, writing, tables, progress)
        report = copier.compare(reading, writing, tables)
        if bad := [t for t in report if not t.matches]:
            raise TransferRefused(
                f"پس از رونوشت، محتوای جدول {bad[0].table} در مقصد با مبدأ یکسان نیست؛ انتقال "
                "برگردانده شد و مقصد دست‌نخورده ماند.",
                f"After copying, table {bad[0].table} differs between source and target; the "
                "transfer was rolled back and the target left as it was.",
            )
        reading.rollback()
    return report
