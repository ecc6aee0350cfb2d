"""Excel/CSV export of a list view, shared by every list page (directory, visits, agreements, events).

A page asks where to save with :func:`ask_export_path`, then :func:`start_export` (or the
lower-level :func:`export_to_file`) writes exactly the rows its filters select, in the task
runner, behind a progress dialog with a Cancel button.  The service reads the list a page at
a time and reports progress; Cancel stops it between pages and nothing is left on disk: the
file is written under a temporary name and renamed onto the target only when the export
finished and was not cancelled.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.services.export import ExportFilters, export_list
from qazvin_diplomacy.services.files import (
    DatabaseFiles,
    partial_path,
    refuse_database_files,
    replace_file,
)
from qazvin_diplomacy.ui.common import TaskRunner
from qazvin_diplomacy.ui.i18n import current_language, loc_digits
from qazvin_diplomacy.ui.modules import UiContext
from qazvin_diplomacy.ui.ops import Cancelled, Progress, TaskCancelled, TaskDialog

__all__ = ["ListExporting", "ask_export_path", "export_to_file", "start_export"]

SUFFIXES = (".xlsx", ".csv")


def ask_export_path(parent: QWidget | None, suggested: str) -> Path | None:
    """Ask where to save an export (.xlsx or .csv; another suffix becomes .xlsx); None: cancelled."""
    name, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ListExport", "Export to Excel/CSV"),
        str(Path.home() / suggested),
        QCoreApplication.translate("ListExport", "Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"),
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() in SUFFIXES else path.with_suffix(".xlsx")


def export_to_file(
    runner: TaskRunner,
    db: DatabaseHandle,
    *,
    kind: str,
    path: Path,
    filters: ExportFilters,
    lang: str,
    on_done: Callable[[int], None],
    parent: QWidget | None = None,
) -> TaskDialog:
    """Export list ``kind`` (as filtered) to ``path`` in the background; Cancel leaves no file.

    ``on_done(rows)`` runs on the GUI thread once the file is in place.
    """

    def work(progress: Progress, cancelled: Cancelled) -> int:
        progress(0, 0)

        def report(done: int, total: int) -> None:
            if cancelled():
                raise TaskCancelled()
            progress(done, total)

        refuse_database_files(path, DatabaseFiles.of(db), purpose="export")
        tmp = partial_path(path)
        try:
            rows = export_list(db, kind=kind, path=tmp, filters=filters, lang=lang, progress=report)
            if cancelled():
                raise TaskCancelled()
            replace_file(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
        return rows

    return TaskDialog(
        runner,
        work,
        label=QCoreApplication.translate("ListExport", "Exporting…"),
        on_done=on_done,
        parent=parent,
    )


def start_export(
    ctx: UiContext, *, kind: str, path: Path, filters: ExportFilters, parent: QWidget
) -> TaskDialog:
    """Export a list page's rows to ``path`` in the UI language; say so in the status bar when done."""

    def done(rows: int) -> None:
        ctx.hub.status.emit(
            QCoreApplication.translate("ListExport", "%1 rows exported to %2")
            .replace("%1", loc_digits(rows))
            .replace("%2", path.name)
        )

    return export_to_file(
        ctx.runner,
        ctx.db,
        kind=kind,
        path=path,
        filters=filters,
        lang=current_language(),
        on_done=done,
        parent=parent,
    )


class ListExporting:
    """Mixin for a list page (``ctx`` set, a ``QWidget``): "Export to Excel/CSV…" of exactly
    the rows the list shows.  The page gives ``export_kind`` and ``export_filters()``."""

    ctx: UiContext
    export_kind: str = ""

    def export_filters(self) -> ExportFilters:
        """The list's filters and order, as the export takes them."""
        raise NotImplementedError

    def ask_export_path(self, suggested: str) -> Path | None:
        """Ask where to save the export (tests replace this)."""
        return ask_export_path(self, suggested)  # type: ignore[arg-type]

    def export_list(self, path: Path | None = None) -> TaskDialog | None:
        """Export the list as shown, in the background; None when no file was chosen."""
        kind = self.export_kind
        path = path or self.ask_export_path(f"{kind}.xlsx")
        if path is None:
            return None
        return start_export(
            self.ctx,
            kind=kind,
            path=path,
            filters=self.export_filters(),
            parent=self,  # type: ignore[arg-type]
        )
