"""One way to run background work, and the PDF job built on it.

- :class:`Job` is the token an operation gets: ``progress(done, total)`` (thread-safe, arrives
  on the GUI thread as ``progressed``), ``cancelled()`` polled by the worker, ``check()`` raising
  :class:`~qazvin_diplomacy.core.errors.OperationCancelled`.
- :func:`run_op` runs ``fn(job)`` in the window's ``TaskRunner``; ``on_done(result)`` runs on the
  GUI thread, a cancel (any ``OperationCancelled``) goes to ``on_cancelled``, any other failure
  to ``on_failed`` (default: ``show_error``, Persian for known errors).  The operation never
  touches widgets.
- :class:`TaskDialog` is ``run_op`` behind a modal progress dialog with a Cancel button.
- :func:`print_pdf` renders a report of ``reports.catalog`` to :func:`report_path` behind a
  ``TaskDialog`` and opens it with :func:`open_file`; a cancelled print leaves no file behind.
  Reports go to the folder the main window sets (:func:`set_reports_folder`: the clerk's
  ``Documents\\Qazvin Diplomacy``, ``AppPaths.reports_dir``).  When the system cannot open
  the PDF (no viewer), :class:`PdfNotOpened` says so and offers "Open folder" and "Save as…".
"""

from __future__ import annotations

import shutil
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPainter
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QPushButton, QWidget

from qazvin_diplomacy.core.errors import KnownError, OperationCancelled
from qazvin_diplomacy.core.text import bidi_isolate
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.services.files import DatabaseFiles, atomic_write, refuse_database_files
from qazvin_diplomacy.ui.common import TaskRunner, known_message, show_error
from qazvin_diplomacy.ui.i18n import loc_digits

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

#: The older two-callable form of an operation's token: ``progress(done, total)``, ``cancelled()``.
Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class TaskCancelled(OperationCancelled):
    """The user pressed Cancel; whatever the task started was undone."""


class Job(QObject):
    """Progress from the worker thread to the GUI, and a cancel flag."""

    progressed = Signal(int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()

    def progress(self, done: int, total: int) -> None:
        """Report ``done`` of ``total`` (called in the worker thread; total 0: unknown)."""
        self.progressed.emit(done, total)

    def cancel(self) -> None:
        """Ask the worker to stop at its next check."""
        self._cancel.set()

    def cancelled(self) -> bool:
        """True once Cancel was pressed (polled in the worker thread)."""
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise ``TaskCancelled`` once Cancel was pressed."""
        if self.cancelled():
            raise TaskCancelled()


def run_op(
    runner: TaskRunner,
    fn: Callable[[Job], Any],
    *,
    on_done: Callable[[Any], None],
    on_failed: Callable[[BaseException], None] | None = None,
    on_cancelled: Callable[[OperationCancelled], None] | None = None,
    parent: QWidget | None = None,
    job: Job | None = None,
) -> Job:
    """Run ``fn(job)`` off the GUI thread; the callbacks run on the GUI thread.

    A failure is shown with ``show_error`` on ``parent`` unless ``on_failed`` is given.
    """
    job = job or Job(parent)

    def failed(exc: BaseException) -> None:
        if isinstance(exc, OperationCancelled):
            if on_cancelled is not None:
                on_cancelled(exc)
        elif on_failed is not None:
            on_failed(exc)
        else:
            show_error(parent, exc)

    runner.run(lambda: fn(job), on_done, failed)
    return job


class TaskDialog(QProgressDialog):
    """A modal progress dialog around one background task ``fn(progress, cancelled)``.

    ``on_done(result)`` runs on success; failures other than a cancel are shown with
    ``show_error`` (or passed to ``on_failed`` when given), a cancel goes to ``on_cancelled``.
    ``outcome`` is "done", "cancelled" or "failed" once the task has ended.
    """

    def __init__(
        self,
        runner: TaskRunner,
        fn: Callable[[Progress, Cancelled], Any],
        *,
        label: str,
        on_done: Callable[[Any], None],
        on_failed: Callable[[BaseException], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        parent: QWidget | None = None,
        title: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setLabelText(label)
        self.setCancelButtonText(self.tr("Cancel"))
        self.setWindowTitle(title or self.tr("Please wait"))
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setRange(0, 0)
        self.setMinimumWidth(360)
        self.outcome = ""
        self._on_done = on_done
        self._on_failed = on_failed
        self._on_cancelled = on_cancelled
        self.job = Job(self)
        self.job.progressed.connect(self._show_progress)
        self.canceled.connect(self._request_cancel)
        run_op(
            runner,
            lambda job: fn(job.progress, job.cancelled),
            on_done=self._done,
            on_failed=self._failed,
            on_cancelled=self._cancelled,
            parent=parent,
            job=self.job,
        )
        self.show()

    def is_cancel_requested(self) -> bool:
        """True once Cancel was pressed (read from the worker thread)."""
        return self.job.cancelled()

    def _request_cancel(self) -> None:
        self.job.cancel()
        self.setLabelText(self.tr("Cancelling…"))
        self.show()  # stays up until the worker has stopped and undone its work

    def _show_progress(self, done: int, total: int) -> None:
        if total <= 0:
            self.setRange(0, 0)
            return
        self.setRange(0, total)
        self.setValue(min(done, total))
        self.setLabelText(
            self.tr("%1 of %2").replace("%1", loc_digits(done)).replace("%2", loc_digits(total))
        )

    def _done(self, result: Any) -> None:
        self.outcome = "done"
        self.close()
        self._on_done(result)

    def _cancelled(self, _exc: OperationCancelled) -> None:
        self.close()
        self.outcome = "cancelled"  # the UI's own, or a service's (import …)
        if self._on_cancelled is not None:
            self._on_cancelled()

    def _failed(self, exc: BaseException) -> None:
        self.close()
        self.outcome = "failed"
        if self._on_failed is not None:
            self._on_failed(exc)
        else:
            show_error(self.parentWidget(), exc)


# --- the PDF job ------------------------------------------------------------------------


def open_file(path: Path) -> bool:
    """Open ``path`` in the system's viewer (tests and the self-test replace ``openUrl``);
    False when the system has nothing to open it with."""
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))


_reports_folder: Path | None = None


def set_reports_folder(folder: Path | None) -> None:
    """Write printed reports into ``folder`` from now on (None: the temporary folder)."""
    global _reports_folder
    _reports_folder = folder


def reports_folder() -> Path:
    """The folder printed reports go to (created); the temporary one when it cannot be made."""
    if _reports_folder is not None:
        try:
            _reports_folder.mkdir(parents=True, exist_ok=True)
            return _reports_folder
        except OSError:
            pass
    return temp_folder("reports")


class PdfNotOpened(QMessageBox):
    """The PDF was written but the system could not open it: where it is, "Open folder",
    "Save as…" (a copy where the clerk chooses, through the output-path guard)."""

    def __init__(self, path: Path, db: DatabaseHandle | None, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.path, self.db = path, db
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("The PDF could not be opened"))
        self.setText(
            self.tr(
                "The PDF was written, but this computer has no program to open it:\n%1"
            ).replace("%1", bidi_isolate(str(path)))
        )
        self.setInformativeText(
            self.tr("Open its folder, or save a copy elsewhere (e.g. on a USB stick).")
        )
        self.folder_button = QPushButton(self.tr("Open folder"), self)
        self.save_button = QPushButton(self.tr("Save as…"), self)
        self.addButton(self.folder_button, QMessageBox.ButtonRole.ActionRole)
        self.addButton(self.save_button, QMessageBox.ButtonRole.ActionRole)
        self.addButton(QMessageBox.StandardButton.Close)
        self.setDefaultButton(QMessageBox.StandardButton.Close)
        # The action buttons do their work and leave the message up.
        self.folder_button.clicked.disconnect()
        self.save_button.clicked.disconnect()
        self.folder_button.clicked.connect(self.open_folder)
        self.save_button.clicked.connect(lambda: self.save_as())
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def open_folder(self) -> bool:
        """Show the PDF's folder in the file manager; says so when even that fails."""
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.parent))):
            return True
        self.setInformativeText(
            self.tr("The folder could not be opened either; its path is above.")
        )
        return False

    def ask_target(self) -> str:
        """The path chosen in a save dialog ("" when cancelled; tests replace this)."""
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the PDF as"), str(Path.home() / self.path.name), "PDF (*.pdf)"
        )
        return name

    def save_as(self, target: str | None = None) -> Path | None:
        """Copy the PDF to ``target`` (asked when None); refused paths are said here."""
        chosen = target if target is not None else self.ask_target()
        if not chosen:
            return None
        out = Path(chosen)
        if out.suffix.lower() != ".pdf":
            out = out.with_name(out.name + ".pdf")
        try:
            if self.db is not None:
                refuse_database_files(out, DatabaseFiles.of(self.db), purpose="report")
            with atomic_write(out) as tmp:
                shutil.copyfile(self.path, tmp)
        except KnownError as exc:
            self.setInformativeText(known_message(exc))
            return None
        except OSError as exc:
            self.setInformativeText(str(exc))
            return None
        self.setInformativeText(
            self.tr("A copy was saved: %1").replace("%1", bidi_isolate(str(out)))
        )
        return out


def offer_pdf(
    path: Path,
    db: DatabaseHandle | None,
    parent: QWidget | None,
    opener: Callable[[Path], object] | None = None,
) -> PdfNotOpened | None:
    """Open the PDF; when the system cannot, show :class:`PdfNotOpened` (returned)."""
    if (opener or open_file)(path) is not False:
        return None
    box = PdfNotOpened(path, db, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def temp_folder(name: str) -> Path:
    """A folder under the system's temporary folder for files handed to the viewer."""
    folder = Path(tempfile.gettempdir()) / "qazvin-diplomacy" / name
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def report_path(kind: str, suffix: str = ".pdf") -> Path:
    """A fresh path for a report in :func:`reports_folder` (every printer writes here;
    ``.docx`` for Word)."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    return reports_folder() / f"{kind}-{stamp}-{uuid.uuid4().hex[:6]}{suffix}"


def render_pdf(
    db: DatabaseHandle, kind: str, options: dict[str, Any], out: Path, cancelled: Cancelled
) -> Path:
    """Write report ``kind`` to ``out`` (worker thread); a cancel discards a fresh file.

    Raises ``TaskCancelled`` when Cancel was pressed while it was written (or it failed).
    """
    from qazvin_diplomacy.reports.catalog import render_report

    fresh = not out.exists()
    try:
        path = Path(render_report(kind, db, out, **options))
    except Exception as exc:
        if cancelled():
            raise TaskCancelled() from exc
        raise
    if cancelled():
        if fresh:
            path.unlink(missing_ok=True)
        raise TaskCancelled()
    return path


def print_pdf(
    runner: TaskRunner,
    db: DatabaseHandle,
    kind: str,
    options: dict[str, Any],
    *,
    parent: QWidget | None,
    out: Path | None = None,
    opener: Callable[[Path], object] | None = None,
    on_done: Callable[[Path], None] | None = None,
    on_failed: Callable[[BaseException], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
    title: str | None = None,
) -> TaskDialog:
    """Render report ``kind`` with ``options`` to ``out`` (default :func:`report_path`) behind a
    progress dialog with Cancel, open it (``opener``, default :func:`open_file`; when that
    returns False, :class:`PdfNotOpened` offers the folder and a copy), then
    ``on_done(path)``.  Errors are shown in the UI language unless ``on_failed`` is given."""
    target = out or report_path(kind)

    def work(_progress: Progress, cancelled: Cancelled) -> Path:
        return render_pdf(db, kind, options, target, cancelled)

    def done(path: Path) -> None:
        offer_pdf(path, db, parent, opener)
        if on_done is not None:
            on_done(path)

    return TaskDialog(
        runner,
        work,
        label=QCoreApplication.translate("PdfJob", "Preparing the PDF…"),
        title=title or QCoreApplication.translate("PdfJob", "Print / PDF"),
        on_done=done,
        on_failed=on_failed,
        on_cancelled=on_cancelled,
        parent=parent,
    )


def print_widget(widget: QWidget, printer: QPrinter) -> None:
    """Render ``widget`` onto ``printer``, scaled to fit the page."""
    painter = QPainter(printer)
    try:
        page = printer.pageLayout().paintRectPixels(printer.resolution())
        scale = min(page.width() / max(widget.width(), 1), page.height() / max(widget.height(), 1))
        painter.scale(scale, scale)
        widget.render(painter)
    finally:
        painter.end()
