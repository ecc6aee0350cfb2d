"""Print / PDF of the agreements reports: :class:`PdfPrinter`, signals over ``ui.ops.print_pdf``.

The report is rendered off the GUI thread behind a progress dialog with a Cancel button and
opened with ``opener`` (tests replace it).  A cancelled print leaves nothing behind.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.ui.common import TaskRunner, show_error
from qazvin_diplomacy.ui.ops import open_file, print_pdf


class PdfPrinter(QObject):
    """Renders a report off the GUI thread and opens it; ``done(Path)`` once opened.

    ``failed(BaseException)`` follows a failure (after the error was shown);
    ``cancelled()`` follows a cancel.
    """

    done = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(self, db: DatabaseHandle, runner: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner
        self.widget = parent
        self.progress: QProgressDialog | None = None
        #: Where finished PDFs go (tests replace it); the default opens the system viewer.
        self.opener: Callable[[Path], None] = open_file

    @property
    def busy(self) -> bool:
        """True while a PDF is being written."""
        return self.progress is not None

    def print_report(self, kind: str, options: dict[str, Any], out: Path | None = None) -> None:
        """Render report ``kind`` with ``options`` in the worker thread, then open it."""
        if self.busy:
            return
        self.progress = print_pdf(
            self.runner,
            self.db,
            kind,
            options,
            parent=self.widget,
            out=out,
            opener=self.opener,
            on_done=self._finished,
            on_failed=self._failed,
            on_cancelled=self._cancelled,
        )

    def _ended(self) -> None:
        if self.progress is not None:
            self.progress.deleteLater()
            self.progress = None

    def _finished(self, path: Path) -> None:
        self._ended()
        self.done.emit(path)

    def _failed(self, exc: BaseException) -> None:
        self._ended()
        show_error(self.widget, exc)
        self.failed.emit(exc)

    def _cancelled(self) -> None:
        self._ended()
        self.cancelled.emit()
