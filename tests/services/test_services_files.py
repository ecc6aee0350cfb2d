"""Files the user names: the guard that keeps outputs off the database, and the atomic writer
that retries a file held on Windows, says "close it" and never leaves its temporary file."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.services import files
from qazvin_diplomacy.services.export import export_list
from qazvin_diplomacy.services.files import (
    DatabaseFiles,
    FileInUseError,
    OutputRefused,
    atomic_write,
    refuse_database_files,
)
from qazvin_diplomacy.storage.database import Database


@pytest.fixture
def layout(tmp_path: Path) -> DatabaseFiles:
    """A database file with its folders, as ``Database.open`` lays them out (no SQLite needed)."""
    office = tmp_path / "office"
    office.mkdir()
    database = office / "r.db"
    database.write_bytes(b"SQLite format 3\x00" + b"\x01" * 100)
    (office / "r-backups").mkdir()
    (office / "r-attachments" / "ab").mkdir(parents=True)
    (office / "r-attachments" / "ab" / "abcd").write_bytes(b"attached")
    return DatabaseFiles(database, office / "r-backups", office / "r-attachments")


def _refused(path: Path | str, layout: DatabaseFiles, purpose: files.Purpose = "report") -> bool:
    try:
        refuse_database_files(path, layout, purpose=purpose)
    except OutputRefused:
        return True
    return False


def test_every_spelling_of_the_database_is_refused(
    layout: DatabaseFiles, monkeypatch: pytest.MonkeyPatch
) -> None:
    office = layout.database.parent
    monkeypatch.chdir(office)
    (office / "sub").mkdir()
    os.symlink(layout.database, office / "link.pdf")
    os.symlink(office, office / "alias")
    os.link(layout.database, office / "hard.pdf")
    for spelling in (
        "r.db",
        "./r.db",
        "../office/r.db",
        "sub/../r.db",
        str(layout.database),
        "link.pdf",
        "alias/r.db",
        "hard.pdf",
        "r.db-wal",
        "./r.db-shm",
        "alias/r.db-journal",
    ):
        assert _refused(spelling, layout), spelling
    for fine in ("r.pdf", "r.db.pdf", "r-backups.pdf", "sub/r.db", "r.db-wal.pdf"):
        assert not _refused(fine, layout), fine


def test_the_database_folders_are_refused(layout: DatabaseFiles) -> None:
    office = layout.database.parent
    assert _refused(office / "r-attachments", layout)
    assert _refused(office / "r-attachments" / "new.pdf", layout)
    assert _refused(office / "r-attachments" / "ab" / "abcd", layout, purpose="restore")
    assert _refused(office / "r-backups", layout, purpose="backup")
    assert _refused(office / "r-backups" / "list.xlsx", layout, purpose="export")
    assert _refused(office / "r-backups" / "week.pdf", layout, purpose="report")
    # A backup goes into the backups folder as a new file, and is restored from there.
    existing = office / "r-backups" / "old.qdbackup"
    existing.write_bytes(b"old backup")
    assert not _refused(office / "r-backups" / "new.qdbackup", layout, purpose="backup")
    assert _refused(existing, layout, purpose="backup")
    assert not _refused(existing, layout, purpose="restore")
    assert _refused(layout.database, layout, purpose="restore")


def test_windows_names_fold_case_dots_spaces_and_streams(
    layout: DatabaseFiles, monkeypatch: pytest.MonkeyPatch
) -> None:
    office = layout.database.parent
    windows = ("R.DB", "r.db.", "r.db . ", "r.db::$DATA", "R.DB-WAL", "R-ATTACHMENTS/x.pdf")
    for name in windows:  # different files on Linux
        assert not _refused(office / name, layout), name
    monkeypatch.setattr(files, "WINDOWS_NAMES", True)
    monkeypatch.setattr(files, "CASE_INSENSITIVE_NAMES", True)
    for name in windows:  # the same files on Windows
        assert _refused(office / name, layout), name
    assert _refused(str(office).upper() + "/R.DB", layout)
    assert not _refused(office / "r.db.pdf", layout)


def test_the_message_is_one_line_persian_then_english(layout: DatabaseFiles) -> None:
    with pytest.raises(OutputRefused) as info:
        refuse_database_files(layout.database, layout)
    assert "پایگاه داده" in info.value.message and "\n" not in info.value.message
    assert "database" in info.value.message_en


# --------------------------------------------------------------------------- atomic writing


class _Locked:
    """``os.replace`` as Windows answers it while another program holds ``target``."""

    def __init__(self, target: Path, *, times: int = 10**6, winerror: int | None = 32) -> None:
        self.target, self.times, self.winerror, self.calls = target, times, winerror, 0
        self.real = os.replace

    def __call__(self, src: object, dst: object) -> None:
        if Path(os.fspath(dst)) == self.target and self.calls < self.times:  # type: ignore[arg-type]
            self.calls += 1
            exc = PermissionError(13, "The process cannot access the file")
            if self.winerror is not None:
                exc.winerror = self.winerror  # type: ignore[attr-defined]
            raise exc
        self.real(src, dst)  # type: ignore[arg-type]


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    waited: list[float] = []
    monkeypatch.setattr(files.time, "sleep", waited.append)
    return waited


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_file_held_a_moment_is_replaced_after_a_retry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sleeps: list[float]
) -> None:
    target = tmp_path / "list.csv"
    locked = _Locked(target, times=2, winerror=5)
    monkeypatch.setattr(os, "replace", locked)
    with atomic_write(target) as tmp:
        tmp.write_text("new", encoding="utf-8")
    assert target.read_text(encoding="utf-8") == "new"
    assert locked.calls == 2 and len(sleeps) == 2
    assert os.listdir(tmp_path) == ["list.csv"]


def test_a_file_open_in_excel_says_close_it_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sleeps: list[float]
) -> None:
    target = tmp_path / "list.csv"
    target.write_text("old", encoding="utf-8")
    locked = _Locked(target)
    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(FileInUseError) as info, atomic_write(target) as tmp:
        tmp.write_text("new", encoding="utf-8")
    assert "ببندید" in info.value.message and "close it" in info.value.message_en
    assert locked.calls == len(files.RETRY_DELAYS) + 1 and sleeps == list(files.RETRY_DELAYS)
    assert target.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["list.csv"]


def test_a_permission_error_that_is_not_a_lock_is_not_retried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sleeps: list[float]
) -> None:
    target = tmp_path / "list.csv"
    monkeypatch.setattr(os, "replace", _Locked(target, winerror=None))
    with pytest.raises(PermissionError), atomic_write(target) as tmp:
        tmp.write_text("new", encoding="utf-8")
    assert sleeps == [] and os.listdir(tmp_path) == []


def test_an_error_while_writing_removes_the_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    with pytest.raises(RuntimeError), atomic_write(target) as tmp:
        tmp.write_bytes(b"half")
        assert tmp.parent == tmp_path and not tmp.name.startswith(".")
        assert ".partial-" in tmp.name and tmp.suffix == ".pdf"
        raise RuntimeError("boom")
    assert os.listdir(tmp_path) == []


def test_export_over_a_workbook_open_in_excel(
    db: Database, monkeypatch: pytest.MonkeyPatch, sleeps: list[float]
) -> None:
    target = db.path.parent / "out" / "countries.xlsx"
    target.parent.mkdir()
    assert export_list(db, kind="countries", path=target) > 0
    before = _digest(target)
    monkeypatch.setattr(os, "replace", _Locked(target))
    with pytest.raises(FileInUseError):
        export_list(db, kind="countries", path=target)
    assert _digest(target) == before
    assert os.listdir(target.parent) == ["countries.xlsx"]


def test_export_onto_a_folder_is_refused(db: Database) -> None:
    folder = db.path.parent / "list.xlsx"
    folder.mkdir()
    with pytest.raises(KnownError, match="پوشه"):
        export_list(db, kind="countries", path=folder)
    assert os.listdir(folder) == []


def test_export_into_the_attachments_folder_is_refused(db: Database) -> None:
    db.attachments_dir.mkdir(parents=True, exist_ok=True)
    with pytest.raises(OutputRefused):
        export_list(db, kind="countries", path=db.attachments_dir / "c.csv")
    assert os.listdir(db.attachments_dir) == []


def test_a_temporary_file_held_by_a_scanner_is_still_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sleeps: list[float]
) -> None:
    real_unlink = Path.unlink
    held = {"times": 2}

    def unlink(self: Path, missing_ok: bool = False) -> None:
        if ".partial-" in self.name and held["times"]:
            held["times"] -= 1
            exc = PermissionError(13, "The process cannot access the file")
            exc.winerror = 32  # type: ignore[attr-defined]
            raise exc
        real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", unlink)
    with pytest.raises(RuntimeError, match="boom"), atomic_write(tmp_path / "list.csv") as tmp:
        tmp.write_text("half", encoding="utf-8")
        raise RuntimeError("boom")  # the writer's own error reaches the caller, not the scanner's
    assert os.listdir(tmp_path) == [] and len(sleeps) == 2
