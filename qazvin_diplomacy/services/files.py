"""Writing files the user names: never over the database, always whole, never left half-made.

* :func:`refuse_database_files` refuses an output (report, export, backup) or a backup to
  restore that is the database itself, one of its SQLite working files (``-wal``, ``-shm``,
  ``-journal``), or lies in its attachments or backups folder — however the path is spelled:
  ``./r.db``, ``../x/r.db``, a symbolic or hard link, and on Windows another letter case,
  trailing dots or spaces, or an ``:$DATA`` stream suffix.
* :func:`atomic_write` gives a temporary file beside the target, flushes it to the disk and
  moves it into place with :func:`replace_file`; whatever happens, the temporary file is gone
  afterwards and the target is either the complete new file or untouched.
* :func:`replace_file` is ``os.replace`` that waits a moment for a file held by an antivirus
  scanner or the search indexer (Windows errors 5 and 32), then says "close it" with
  :class:`FileInUseError` (an .xlsx open in Excel).
"""

from __future__ import annotations

import logging
import os
import secrets
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

from qazvin_diplomacy.core.errors import KnownError

__all__ = [
    "DatabaseFiles",
    "FileInUseError",
    "OutputRefused",
    "atomic_write",
    "partial_path",
    "refuse_database_files",
    "replace_file",
    "replace_retrying",
]

log = logging.getLogger(__name__)

# Windows resolves names without regard to letter case and drops trailing dots and spaces
# ("R.DB. " is "r.db"); a test sets this to check the Windows rules on Linux.
WINDOWS_NAMES = os.name == "nt"
CASE_INSENSITIVE_NAMES = WINDOWS_NAMES or sys.platform == "darwin"
SIDECARS = ("-wal", "-shm", "-journal")
# Waits between attempts to replace a file another program holds for a moment (≈1.5 s in all).
RETRY_DELAYS = (0.05, 0.1, 0.2, 0.4, 0.75)
_WINERROR_IN_USE = {5, 32}  # ERROR_ACCESS_DENIED, ERROR_SHARING_VIOLATION

Purpose = Literal["report", "export", "backup", "restore"]


class OutputRefused(KnownError):
    """An output (or a backup to restore) that is the database or one of its files."""


class FileInUseError(KnownError):
    """The target is held open by another program (Excel, a PDF viewer, …)."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"پروندهٔ «{path}» در برنامهٔ دیگری (مثلاً Excel یا نمایشگر PDF) باز است یا فقط‌خواندنی است؛ "
            "آن را ببندید و دوباره تلاش کنید. چیزی نوشته نشد.",
            f"'{path}' is open in another program (Excel, a PDF viewer…) or read-only; "
            "close it and try again. Nothing was written.",
        )
        self.path = path


class _HasDatabaseFiles(Protocol):
    path: Path
    backups_dir: Path
    attachments_dir: Path


@dataclass(frozen=True)
class DatabaseFiles:
    """The database file and the folders that belong to it."""

    database: Path
    backups_dir: Path
    attachments_dir: Path

    @classmethod
    def of(cls, db: _HasDatabaseFiles) -> DatabaseFiles:
        """The files of an open ``Database``."""
        return cls(Path(db.path), Path(db.backups_dir), Path(db.attachments_dir))


# --------------------------------------------------------------------------- the guard


def _real(path: Path | str) -> Path:
    return Path(os.path.realpath(os.path.abspath(os.path.expanduser(os.fspath(path)))))


def _name_key(name: str) -> str:
    """A file name as the file system compares it."""
    if WINDOWS_NAMES:
        if ":" in name:  # "r.db::$DATA" and "r.db:stream" live in the file "r.db"
            name = name.split(":", 1)[0]
        name = name.rstrip(". ")
    return name.casefold() if CASE_INSENSITIVE_NAMES else name


def _key(path: Path) -> tuple[str, ...]:
    parts = path.parts
    return (
        parts[0].casefold() if CASE_INSENSITIVE_NAMES else parts[0],
        *(_name_key(p) for p in parts[1:]),
    )


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):  # one of them does not exist (yet)
        return False


def _same_entry(a: Path, b: Path) -> bool:
    """``a`` and ``b`` (both resolved) name the same file or folder, existing or not."""
    if _key(a) == _key(b) or _same_file(a, b):
        return True
    # The same name in the same folder reached by another way (a link, a mount, a short name).
    return (
        _name_key(a.name) == _name_key(b.name) and a.parent != a and _same_file(a.parent, b.parent)
    )


def _within(path: Path, folder: Path) -> bool:
    """``path`` (resolved) is ``folder`` or lies somewhere inside it."""
    return any(_same_entry(candidate, folder) for candidate in (path, *path.parents))


def refuse_database_files(
    path: Path | str, files: DatabaseFiles, *, purpose: Purpose = "report"
) -> None:
    """Raise :class:`OutputRefused` when writing (or restoring from) ``path`` touches ``files``.

    Refused for every purpose: the database, its ``-wal``/``-shm``/``-journal``, anything in
    the attachments folder, and the backups folder itself. A report or an export inside the
    backups folder is refused too; a backup may be written there as a new file (that is where
    backups go) and a backup may be restored from there.
    """
    target, database = _real(path), _real(files.database)
    backups, attachments = _real(files.backups_dir), _real(files.attachments_dir)
    shown = os.fspath(path)
    if _same_entry(target, database):
        what = ("خود پایگاه داده است", "is the database itself")
    elif any(_same_entry(target, Path(f"{database}{suffix}")) for suffix in SIDECARS):
        what = (
            "از پرونده‌های کاری پایگاه داده (‎-wal/-shm) است",
            "is one of the database's working files (-wal/-shm)",
        )
    elif _within(target, attachments):
        what = ("در پوشهٔ پیوست‌های پایگاه داده است", "is in the database's attachments folder")
    elif _same_entry(target, backups):
        what = ("پوشهٔ پشتیبان‌های پایگاه داده است", "is the database's backups folder")
    elif _within(target, backups) and not (
        purpose == "restore" or (purpose == "backup" and not os.path.lexists(target))
    ):
        what = ("در پوشهٔ پشتیبان‌های پایگاه داده است", "is in the database's backups folder")
    else:
        return
    if purpose == "restore":
        raise OutputRefused(
            f"«{shown}» {what[0]}، نه یک پروندهٔ پشتیبان؛ هیچ چیزی بازیابی نشد.",
            f"'{shown}' {what[1]}, not a backup file; nothing was restored.",
        )
    raise OutputRefused(
        f"«{shown}» {what[0]}؛ روی آن نوشته نمی‌شود. مسیر دیگری انتخاب کنید؛ چیزی نوشته نشد.",
        f"'{shown}' {what[1]}; it is never written over. Choose another path; nothing was written.",
    )


# --------------------------------------------------------------------------- writing


def partial_path(target: Path) -> Path:
    """A fresh temporary name beside ``target`` that says what it is: ``people.partial-1a2b3c4d.xlsx``.

    Not hidden by a leading dot (Windows shows such files anyway); the suffix is kept so a
    writer that picks its format by the suffix writes the right one.
    """
    return target.with_name(f"{target.stem}.partial-{secrets.token_hex(4)}{target.suffix}")


def _is_in_use(exc: OSError) -> bool:
    return isinstance(exc, PermissionError) and getattr(exc, "winerror", None) in _WINERROR_IN_USE


def replace_retrying(source: Path | str, target: Path | str) -> None:
    """``os.replace`` that retries for about 1.5 s while Windows says the file is held (5, 32).

    Antivirus scanners and the search indexer open new files for a moment; after the last
    attempt the ``PermissionError`` is raised as it came.
    """
    for delay in (*RETRY_DELAYS, None):
        try:
            os.replace(source, target)
            return
        except PermissionError as exc:
            if delay is None or not _is_in_use(exc):
                raise
            log.info("%s is held by another program; retrying in %.2f s", target, delay)
            time.sleep(delay)


def replace_file(source: Path | str, target: Path | str) -> None:
    """Move ``source`` onto ``target`` (:func:`replace_retrying`); :class:`FileInUseError` if held."""
    try:
        replace_retrying(source, target)
    except PermissionError as exc:
        if _is_in_use(exc):
            raise FileInUseError(Path(target)) from exc
        raise


def _remove(path: Path) -> None:
    """Delete a temporary file, waiting a moment for a scanner that holds it; never raises."""
    for delay in (*RETRY_DELAYS, None):
        try:
            path.unlink(missing_ok=True)
            return
        except OSError as exc:
            if delay is None or not _is_in_use(
                exc
            ):  # named ".partial-": a leftover is recognisable
                log.warning("could not remove the temporary file %s: %s", path, exc)
                return
            time.sleep(delay)


def _fsync(path: Path) -> None:
    with path.open("r+b") as fh:
        os.fsync(fh.fileno())


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # a folder cannot be opened for fsync on Windows
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _not_writable(target: Path, exc: OSError) -> KnownError:
    return KnownError(
        f"در پوشهٔ «{target.parent}» نمی‌توان نوشت: {exc.strerror or exc}. چیزی نوشته نشد.",
        f"Cannot write in '{target.parent}': {exc}. Nothing was written.",
    )


def _create_temp(target: Path) -> Path:
    """Create an empty temporary file beside ``target`` (usual permissions, not owner-only)."""
    for _ in range(20):
        tmp = partial_path(target)
        try:
            os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            continue
        except OSError as exc:
            raise _not_writable(target, exc) from exc
        return tmp
    raise _not_writable(target, FileExistsError("no free temporary name"))


@contextmanager
def atomic_write(target: Path | str) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; when the block ends normally, put it in place.

    The file written at the yielded path is flushed to the disk and renamed onto ``target``
    (:func:`replace_file`: :class:`FileInUseError` when another program holds the target).
    On any error the temporary file is removed and ``target`` is left as it was. A ``target``
    that is a folder is refused before anything is written.
    """
    target = Path(target)
    if target.is_dir():
        raise KnownError(
            f"«{target}» یک پوشه است؛ نام یک پرونده را بنویسید. چیزی نوشته نشد.",
            f"'{target}' is a folder; give a file name. Nothing was written.",
        )
    tmp = _create_temp(target)
    try:
        yield tmp
        _fsync(tmp)
        replace_file(tmp, target)
        _fsync_dir(target.parent)
    finally:
        _remove(tmp)
