"""The seal of the audit trail's head: witnesses of the last entry kept outside the database.

The hash chain proves every entry up to the newest one, but cutting entries off the end
leaves a shorter chain that still verifies.  What shows such a truncation is a copy of the
head — the newest entry's id and hash — kept where whoever deletes the rows cannot reach it:

* **this desk's witness file**: in the application's data folder (``paths.resolve_paths``:
  platformdirs, or ``data/`` in portable mode), one small JSON file per database (its file or
  server address): the highest entry this desk has seen written or verified, and its hash.
  Written atomically (by a background thread: a save never waits) after every commit that
  appended entries, and after every verification.
  A missing, unreadable or corrupt witness is simply no witness (logged); a witness that
  cannot be written is logged and never stops the work;
* **every backup's manifest** (``audit_head``), compared on verify and restore;
* **the paper record**: ``audit verify`` and the printed ``report audit`` state the head
  ("entry N, hash abcd1234…"); ``audit verify --expect N:HASHPREFIX`` checks it.

A restore replaces the trail on purpose: it appends a ``restore`` entry recording the head it
replaced, and sets the restoring desk's witness to the new head.  Another desk whose witness
lies beyond the restored head accepts a ``restore`` entry that replaced at least its
witnessed entry (the restore is visible in the trail, with who did it and when).
"""

from __future__ import annotations

import atexit
import datetime as dt
import hashlib
import json
import logging
import os
import secrets
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import Connection, select

from qazvin_diplomacy.core.audit import ChainBreak
from qazvin_diplomacy.core.text import to_persian_digits as fa
from qazvin_diplomacy.storage.audit import AuditEntry, chain_head, entry_hash_at, record_event
from qazvin_diplomacy.storage.database import Database, make_engine

log = logging.getLogger(__name__)

#: The folder under the application's data folder holding the witness files.
WITNESS_FOLDER = "audit-witness"
#: The action of the entry a restore appends (``changes``: ``replaced_head`` [id, hash] …).
RESTORE_ACTION = "restore"
#: How many hex digits of a hash the paper record and the messages show.
SHOWN_HASH = 16


@dataclass(frozen=True)
class Head:
    """An entry of the chain as a witness knows it: its id and its hash."""

    entry: int
    hash: str

    def shown(self) -> str:
        """«entry N, hash abcd…» (English) as printed for the office's paper record."""
        return f"entry {self.entry}, hash {self.hash[:SHOWN_HASH]}…"

    def shown_fa(self) -> str:
        """The same in Persian."""
        return f"مدخل {fa(self.entry)}، چکیده {self.hash[:SHOWN_HASH]}…"


class Located(Protocol):
    """What names a database: its file (``path``), or its server address (``url``)."""

    path: Path
    url: str | None


@dataclass(frozen=True)
class DatabaseAt:
    """A database not open as a ``Database`` (a file being restored), for its witness."""

    path: Path
    url: str | None = None


def identity(db: Located) -> str:
    """What names the database for its witness: the server address or the file's full path."""
    # normcase: Windows spells one file in any letter case
    return db.url or os.path.normcase(str(Path(db.path).expanduser().resolve()))


def witness_dir() -> Path:
    """This desk's folder of witness files (resolved each time: tests move the data folder)."""
    from qazvin_diplomacy.paths import resolve_paths

    return resolve_paths().data_dir / WITNESS_FOLDER


def witness_path(db: Located) -> Path:
    """The witness file of ``db`` on this desk."""
    digest = hashlib.sha256(identity(db).encode("utf-8")).hexdigest()[:32]
    return witness_dir() / f"{digest}.json"


def read_witness(db: Located) -> Head | None:
    """This desk's witness of ``db``; None when there is none or it cannot be read (logged)."""
    data = _witness_data(db)
    return None if data is None else Head(data["entry"], data["hash"].lower())


def witnessed_first(db: Located) -> str | None:
    """The hash of entry 1 of the database this desk's witness was kept for (None: unknown).

    A database made anew at the same file or address starts another chain: its entry 1
    differs, and the witness of the one before is no witness of it."""
    return _first_of(_witness_data(db))


def _first_of(data: dict[str, Any] | None) -> str | None:
    first = None if data is None else data.get("first")
    return first.lower() if isinstance(first, str) and len(first) == 64 else None


def _witness_data(db: Located) -> dict[str, Any] | None:
    """The witness file of ``db``, checked; None when there is none or it is unusable (logged)."""
    path = witness_path(db)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:  # held, a folder, not UTF-8
        log.warning("audit witness %s cannot be read (%s); treated as no witness", path, exc)
        return None
    try:
        data = json.loads(raw)
        entry, digest = data["entry"], data["hash"]
        if (
            data.get("database") != identity(db)
            or not isinstance(entry, int)
            or isinstance(entry, bool)
            or entry < 1
            or not isinstance(digest, str)
            or len(digest) != 64
        ):
            raise ValueError("not a witness of this database")
        int(digest, 16)
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        log.warning("audit witness %s is not usable (%s); treated as no witness", path, exc)
        return None
    return data  # type: ignore[no-any-return]


def write_witness(
    db: Located, head: Head, *, replace: bool = False, first: str | None = None
) -> None:
    """Keep ``head`` as this desk's witness of ``db``: the higher of it and the one kept
    (another process of this desk may have seen more), or ``head`` itself when ``replace``
    (a restore, another database at the same place).  ``first``: the hash of the database's
    entry 1 (kept from the witness before when not given).  Never raises: a witness that
    cannot be written is logged.

    Written whole beside the file, then moved onto it (``files.replace_retrying``: Windows'
    "in use" waited out a moment); not flushed to the disk — that would cost every save tens
    of milliseconds, and a witness lost to a power cut is only no witness."""
    from qazvin_diplomacy.services.files import replace_retrying

    tmp: Path | None = None
    try:
        data = None if replace else _witness_data(db)
        kept_first = _first_of(data)
        if data is not None:
            kept = Head(data["entry"], data["hash"].lower())
            if kept.entry > head.entry or kept == head:
                if first in (None, kept_first):
                    return
                head = kept  # only entry 1 is new
        path = witness_path(db)
        path.parent.mkdir(parents=True, exist_ok=True)
        content = {
            "database": identity(db),
            "first": first or kept_first,
            "entry": head.entry,
            "hash": head.hash,
            "seen_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        }
        tmp = path.with_name(f"{path.stem}.{os.getpid()}-{secrets.token_hex(4)}.tmp")
        tmp.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
        replace_retrying(tmp, path)
        tmp = None
    except OSError as exc:
        log.warning("audit witness of %s not written: %s", identity(db), exc)
    except Exception:  # a witness never stops the work
        log.exception("audit witness of %s not written", identity(db))
    finally:
        if tmp is not None:
            try:
                tmp.unlink(missing_ok=True)
            except OSError:
                log.warning("temporary witness %s left behind", tmp)


#: Heads committed and not yet written (identity → (database, head)), written by one
#: background thread so a save never waits for the file (a rename can take milliseconds).
_pending: dict[str, tuple[Located, Head]] = {}
_pending_lock = threading.Lock()
_writing = threading.Lock()
_wake = threading.Event()
_writer: threading.Thread | None = None


def _write_pending() -> None:
    while True:
        _wake.wait()
        _wake.clear()
        flush_witnesses()


def flush_witnesses() -> None:
    """Write every head committed so far (verification and the program's exit call this)."""
    with _writing:
        with _pending_lock:
            items = list(_pending.values())
            _pending.clear()
        for db, head in items:
            write_witness(db, head)


atexit.register(flush_witnesses)


def _witness_later(db: Located, head: Head) -> None:
    global _writer
    with _pending_lock:
        key = identity(db)
        kept = _pending.get(key)
        if kept is None or kept[1].entry < head.entry:
            _pending[key] = (db, head)
        if _writer is None or not _writer.is_alive():
            _writer = threading.Thread(target=_write_pending, name="audit-witness", daemon=True)
            _writer.start()
    _wake.set()


def watch(db: Database) -> None:
    """Update this desk's witness of ``db`` after every commit that appended entries."""
    db.on_audit_head = lambda entry, digest: _witness_later(db, Head(entry, digest))


def file_head(path: Path) -> Head | None:
    """The newest entry of the SQLite file at ``path`` (read-only); None when it has none or
    cannot be read."""
    try:
        engine = make_engine(Path(path), read_only=True)
    except Exception:  # not a database this program can read: no head
        return None
    try:
        with engine.connect() as conn:
            head = chain_head(conn)
    except Exception:  # no audit table (an old schema), or damaged
        return None
    finally:
        engine.dispose()
    return Head(*head) if head else None


def record_restore(
    conn: Connection, *, source: Path, replaced: Head | None, manifest_head: Head | None
) -> Head:
    """Append the ``restore`` entry to the restored trail in ``conn``'s transaction: which
    backup, the head it replaced and the head the backup brought; returns the new head."""
    restored = chain_head(conn)
    changes: dict[str, Any] = {
        "backup": Path(source).name,
        "replaced_head": [replaced.entry, replaced.hash] if replaced else None,
        "restored_head": list(restored) if restored else None,
        "manifest_head": [manifest_head.entry, manifest_head.hash] if manifest_head else None,
    }
    return Head(*record_event(conn, action=RESTORE_ACTION, entity="database", changes=changes))


def record_restore_in_file(
    path: Path, *, source: Path, replaced: Head | None, manifest_head: Head | None
) -> Head:
    """:func:`record_restore` in the SQLite file at ``path`` (the restored copy, before the swap)."""
    engine = make_engine(Path(path))
    try:
        with engine.begin() as conn:
            return record_restore(
                conn, source=source, replaced=replaced, manifest_head=manifest_head
            )
    finally:
        engine.dispose()


def current_head_of(conn: Connection) -> Head | None:
    """The newest entry as ``conn`` (in its transaction) sees it."""
    head = chain_head(conn)
    return Head(*head) if head else None


def current_head(db: Database) -> Head | None:
    """The database's newest entry, None when its trail is empty."""
    with db.read_session() as session:
        head = chain_head(session)
    return Head(*head) if head else None


def _restores(db: Database) -> Iterator[tuple[int, int]]:
    """(restore entry id, replaced head id) of every ``restore`` entry."""
    stmt = select(AuditEntry.id, AuditEntry.changes).where(AuditEntry.action == RESTORE_ACTION)
    with db.read_session() as session:
        rows = list(session.execute(stmt))
    for entry_id, changes in rows:
        try:
            replaced = json.loads(changes).get("replaced_head") or [0]
            yield int(entry_id), int(replaced[0])
        except (ValueError, TypeError, AttributeError, IndexError):
            continue


def truncation(db: Database, head: Head | None, witnessed: Head) -> ChainBreak | None:
    """How the database's chain (newest entry ``head``) contradicts ``witnessed``, or None."""
    last = head.entry if head else 0
    if last >= witnessed.entry:
        with db.read_session() as session:
            found = entry_hash_at(session, witnessed.entry)
        if found == witnessed.hash:
            return None
    if any(replaced >= witnessed.entry for _, replaced in _restores(db)):
        return None  # a restore replaced what this desk saw; the trail says who and when
    if last < witnessed.entry:
        return ChainBreak(
            last + 1,
            f"مدخل‌های پس از مدخل {fa(last)} حذف شده‌اند: آخرین مدخل باید دست‌کم "
            f"{fa(witnessed.entry)} باشد ولی {fa(last)} است",
            f"entries after entry {last} were removed: the last entry should be at least "
            f"{witnessed.entry}, found {last}",
        )
    return ChainBreak(
        witnessed.entry,
        f"مدخل {fa(witnessed.entry)} با آنچه این میز دیده بود یکی نیست؛ مدخل‌های پایانی "
        "جایگزین شده‌اند",
        f"entry {witnessed.entry} differs from the one this desk saw; the last entries were "
        "replaced",
    )


def check_witness(db: Database, head: Head | None) -> ChainBreak | None:
    """Compare ``db``'s intact chain (newest entry ``head``) with this desk's witness; when
    they agree, the witness moves on to ``head``."""
    flush_witnesses()
    witnessed = read_witness(db)
    with db.read_session() as session:
        first = entry_hash_at(session, 1)
    kept_first = witnessed_first(db)
    if witnessed is not None and first is not None and kept_first not in (None, first):
        log.warning(
            "%s holds another audit chain than this desk's witness (a database made anew "
            "there); the witness now follows the new one",
            identity(db),
        )
        witnessed = None
    if witnessed is not None:
        broken = truncation(db, head, witnessed)
        if broken is not None:
            return broken
    if head is not None:
        replace = witnessed is None or witnessed.entry > head.entry
        write_witness(db, head, replace=replace, first=first)
    return None


def check_expected(db: Database, entry: int, prefix: str) -> ChainBreak | None:
    """Compare the database with a head kept on paper: entry ``entry`` must exist and its
    hash start with ``prefix``."""
    with db.read_session() as session:
        found = entry_hash_at(session, entry)
        head = chain_head(session)
    if found is None:
        last = head[0] if head else 0
        return ChainBreak(
            last + 1,
            f"مدخل {fa(entry)} که در سابقهٔ کاغذی آمده در پایگاه داده نیست؛ آخرین مدخل "
            f"{fa(last)} است (مدخل‌های پس از {fa(last)} حذف شده‌اند)",
            f"entry {entry} of the paper record is missing; the last entry is {last} "
            f"(entries after {last} were removed)",
        )
    if not found.startswith(prefix):
        return ChainBreak(
            entry,
            f"چکیدهٔ مدخل {fa(entry)} با سابقهٔ کاغذی یکی نیست ({found[:SHOWN_HASH]}… به‌جای "
            f"{prefix}…)",
            f"the hash of entry {entry} differs from the paper record ({found[:SHOWN_HASH]}… "
            f"instead of {prefix}…)",
        )
    return None
