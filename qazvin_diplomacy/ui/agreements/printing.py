"""Print / PDF of the agreements reports and opening files with the system viewer.

:class:`PdfPrinter` runs ``reports.catalog.render_report`` in the window's ``TaskRunner``
behind a busy dialog with a Cancel button; the finished PDF is opened with
:func:`open_file` (tests and the self-test replace it).  A cancelled print leaves nothing
behind: the report is written atomically by the catalog and removed when it arrives after
a cancel.
"""

from __future__ import annotations

import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QProgressDialog, QWidget

from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.ui.common import TaskRunner, show_error


def open_file(path: Path) -> None:
    """Open ``path`` in the system's viewer (replaced in tests and the self-test)."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def temp_folder(name: str) -> Path:
    """A folder under the system's temporary folder for files handed to the viewer."""
    folder = Path(tempfile.gettempdir()) / "qazvin-diplomacy" / name
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def report_path(kind: str) -> Path:
    """A fresh temporary path for a report PDF."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    return temp_folder("reports") / f"{kind}-{stamp}-{uuid.uuid4().hex[:6]}.pdf"


class PdfPrinter(QObject):
    """Renders a report off the GUI thread and opens it; ``done(Path)`` once opened.

    ``failed(BaseException)`` follows a failure (after the error was shown);
    ``cancelled()`` follows a cancel.
    """

    done = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(self, db: Database, runner: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner
        self.widget = parent
        self.progress: QProgressDialog | None = None
        self._cancelled = False
        self.busy = False
        #: Where finished PDFs go (tests replace it); the default opens the system viewer.
        self.opener: Callable[[Path], None] = open_file

    def print_report(self, kind: str, options: dict[str, Any], out: Path | None = None) -> None:
        """Render report ``kind`` with ``options`` in the worker thread, then open it."""
        if self.busy:
            return
        target = out or report_path(kind)
        self._cancelled = False
        self.busy = True
        self.progress = QProgressDialog(
            self.tr("Preparing the PDF…"), self.tr("Cancel"), 0, 0, self.widget
        )
        self.progress.setWindowTitle(self.tr("Print / PDF"))
        self.progress.setMinimumDuration(0)
        self.progress.canceled.connect(self.cancel)
        self.progress.show()
        db = self.db

        def work() -> Path:
            from qazvin_diplomacy.reports.catalog import render_report

            return render_report(kind, db, target, **options)

        self.runner.run(work, self._finished, self._failed)

    def cancel(self) -> None:
        """Cancel the print under way: its PDF is discarded when it arrives."""
        self._cancelled = True

    def _close_progress(self) -> None:
        self.busy = False
        if self.progress is not None:
            self.progress.canceled.disconnect(self.cancel)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _finished(self, path: Path) -> None:
        self._close_progress()
        if self._cancelled:
            Path(path).unlink(missing_ok=True)
            self.cancelled.emit()
            return
        self.opener(Path(path))
        self.done.emit(Path(path))

    def _failed(self, exc: BaseException) -> None:
        self._close_progress()
        if self._cancelled:
            self.cancelled.emit()
            return
        show_error(self.widget, exc)
        self.failed.emit(exc)
