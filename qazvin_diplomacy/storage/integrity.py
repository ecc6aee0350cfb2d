"""Integrity checks of a database file: a cheap one at every open, the full one in the background.

``PRAGMA integrity_check`` reads every page and compares every index with its table, so its
cost grows with the data (seconds on a large office database). Opening therefore runs only a
bounded check (:func:`passes_at_open`): SQLite's own header and page-count checks when reading
the schema, plus ``PRAGMA quick_check`` of the whole file while it is small, of the schema
table only beyond that. The full check (:class:`FullCheck`) runs in the background after an
unclean shutdown (:func:`left_unclean`) or on a schedule, and always in ``check``.
"""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from pathlib import Path

from qazvin_diplomacy.storage.uri import sqlite_uri

#: Up to this size the whole file gets ``PRAGMA quick_check`` at open (a few milliseconds).
QUICK_CHECK_MAX_BYTES = 8 * 1024 * 1024


def passes_at_open(conn: sqlite3.Connection, path: Path, *, full: bool = False) -> bool:
    """Whether the database on ``conn`` (the file ``path``) passes the check made at open.

    ``full`` runs ``PRAGMA integrity_check`` (as restoring a backup does). Otherwise the work
    is bounded: the whole file's ``quick_check`` up to :data:`QUICK_CHECK_MAX_BYTES`, the
    schema table's beyond (a truncated file still fails: SQLite compares the page count in
    the header with the file when it reads the schema).
    """
    if full:
        pragma = "PRAGMA integrity_check"
    elif _size(path) <= QUICK_CHECK_MAX_BYTES:
        pragma = "PRAGMA quick_check"
    else:
        pragma = "PRAGMA quick_check(sqlite_master)"
    return [row[0] for row in conn.execute(pragma).fetchall()] == ["ok"]


def _size(path: Path) -> int:
    """Bytes of the file and its write-ahead log (the log's pages are checked too)."""
    total = 0
    for name in (path, path.with_name(path.name + "-wal")):
        try:
            total += name.stat().st_size
        except OSError:
            pass
    return total


def left_unclean(path: Path) -> bool:
    """Whether the last program to write ``path`` did not close it (killed, crashed, power cut).

    SQLite deletes the write-ahead log when the last connection closes and the rollback
    journal when a transaction ends, so either left behind with content means an unclean end
    (or another program holding the file open right now, for which a check is merely spare).
    """
    for suffix in ("-wal", "-journal"):
        try:
            if path.with_name(path.name + suffix).stat().st_size > 0:
                return True
        except OSError:
            continue
    return False


class FullCheck:
    """``PRAGMA integrity_check`` on a read-only connection of its own; ``cancel`` stops it.

    Meant for a worker thread: ``run`` blocks; ``cancel`` may be called from any thread (the
    window closing) and makes ``run`` return None at once.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self._cancelled = False

    def run(self) -> list[str] | None:
        """The problems found (empty when healthy), or None when cancelled."""
        uri = sqlite_uri(self.path.resolve(), mode="ro")
        with closing(sqlite3.connect(uri, uri=True, check_same_thread=False)) as conn:
            with self._lock:
                if self._cancelled:
                    return None
                self._conn = conn
            try:
                conn.execute("PRAGMA busy_timeout=5000")
                rows = [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall()]
            except sqlite3.OperationalError:
                if self._cancelled:
                    return None
                raise
            except sqlite3.DatabaseError as exc:  # malformed beyond what the check can walk
                return [str(exc)]
            finally:
                with self._lock:
                    self._conn = None
        if self._cancelled:
            return None
        return [] if rows == ["ok"] else rows

    def cancel(self) -> None:
        """Stop a running check (it returns None)."""
        with self._lock:
            self._cancelled = True
            if self._conn is not None:
                self._conn.interrupt()
