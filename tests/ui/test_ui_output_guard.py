"""The save paths of the window refuse the database's own files and say so where the user looks;
an export over a workbook open in Excel says "close it" rather than "an unexpected error"."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from qazvin_diplomacy.core import jalali
from qazvin_diplomacy.services import files
from qazvin_diplomacy.services.export import ExportFilters
from qazvin_diplomacy.services.files import FileInUseError, OutputRefused
from qazvin_diplomacy.ui import list_export, ops
from qazvin_diplomacy.ui.visits.reports import ReportsDialog, VisitReportContext

DAY = jalali.from_jalali(1404, 8, 10)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    """Errors the progress dialog of an export would show (in a message box)."""
    seen: list[BaseException] = []
    monkeypatch.setattr(ops, "show_error", lambda _parent, exc: seen.append(exc))
    return seen


def _export(qtbot, window, path: Path) -> ops.TaskDialog:
    task = list_export.export_to_file(
        window.runner,
        window.ctx.db,
        kind="countries",
        path=path,
        filters=ExportFilters(),
        lang="fa",
        on_done=lambda _rows: None,
        parent=window,
    )
    window.runner.wait()
    qtbot.waitUntil(lambda: task.outcome != "", timeout=30_000)
    return task


def test_list_export_over_a_workbook_open_in_excel(
    qtbot, window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shown: list[BaseException]
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "countries.xlsx"
    target.write_bytes(b"open in Excel")
    real_replace = os.replace

    def locked(src: str, dst: str) -> None:
        if Path(dst) == target:
            exc = PermissionError(13, "Access is denied")
            exc.winerror = 32  # type: ignore[attr-defined]
            raise exc
        real_replace(src, dst)

    monkeypatch.setattr(files.time, "sleep", lambda _s: None)
    monkeypatch.setattr(os, "replace", locked)
    task = _export(qtbot, window, target)
    assert task.outcome == "failed"
    assert len(shown) == 1 and isinstance(shown[0], FileInUseError)  # a known error: no bug box
    assert "ببندید" in shown[0].message
    assert target.read_bytes() == b"open in Excel"
    assert os.listdir(folder) == ["countries.xlsx"]


def test_list_export_onto_the_database_is_refused(
    qtbot, window, db, tmp_path: Path, shown: list[BaseException]
) -> None:
    before = _digest(db.path)
    link = tmp_path / "countries.xlsx"
    os.symlink(db.path, link)
    task = _export(qtbot, window, link)
    assert task.outcome == "failed"
    assert len(shown) == 1 and isinstance(shown[0], OutputRefused)
    assert _digest(db.path) == before and link.is_symlink()


def test_report_saved_into_the_attachments_folder_is_refused(qtbot, window, db, paths) -> None:
    dialog = ReportsDialog(window.ctx, VisitReportContext(week=DAY, day=DAY), window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.select_kind("weekly-agenda")
    dialog.save_radio.setChecked(True)
    dialog.path_edit.setText(str(paths.attachments_dir / "week.pdf"))
    assert dialog.print_report()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60_000)
    assert dialog.error.isVisible() and "پیوست" in dialog.error.text()
    assert dialog.print_button.isEnabled()  # the dialog stays usable: choose another path
    assert list(paths.attachments_dir.iterdir()) == []


def test_backup_into_the_attachments_folder_is_refused(qtbot, window, db, paths) -> None:
    before = _digest(db.path)
    dialog = window.backup.open_backup()
    dialog.path_edit.setText(str(paths.attachments_dir / "office.qdbackup"))
    assert dialog.start_backup()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30_000)
    assert dialog.error.isVisible() and "پیوست" in dialog.error.text()
    assert dialog.start_button.isEnabled()
    assert list(paths.attachments_dir.iterdir()) == []
    assert _digest(db.path) == before
