"""What every backup step shares: limits, progress steps, durable writes, disk-space and in-use errors."""

from __future__ import annotations

import logging
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from qazvin_diplomacy.core.backups import BackupCancelled, BackupError, refused
from qazvin_diplomacy.core.text import to_persian_digits
from qazvin_diplomacy.services.backup_crypto import is_encrypted_file

log = logging.getLogger(__package__)  # the name the backup log always had

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
        "پایگاه داده هنوز در دست برنامه دیگری است؛ همهٔ پنجره‌های برنامه را ببندید و دوباره تلاش کنید. "
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
