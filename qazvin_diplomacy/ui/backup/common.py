"""What the backup and restore dialogs share: file names, drives, sizes, the task dialog."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QStorageInfo
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core import jalali
from qazvin_diplomacy.core.backups import BACKUP_SUFFIX, BackupCancelled
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.services.connection import location_of
from qazvin_diplomacy.ui.common import FieldError, known_message, make_ltr, show_error
from qazvin_diplomacy.ui.i18n import Retranslating, is_rtl, loc_digits
from qazvin_diplomacy.ui.modules import UiContext
from qazvin_diplomacy.ui.ops import Job, run_op

MIN_PASSWORD = 8
SELFTEST_MAX_BYTES = 50 * 1024 * 1024
FILE_FILTER = "Qazvin Diplomacy backup (*.qdbackup)"


def default_backup_name(day: dt.date) -> str:
    """``qazvin-diplomacy-1404-08-10.qdbackup``: the Jalali date, Latin digits (safe on any disk)."""
    year, month, d = jalali.to_jalali(day)
    return f"qazvin-diplomacy-{year:04d}-{month:02d}-{d:02d}{BACKUP_SUFFIX}"


def default_backup_path(folder: Path, day: dt.date) -> Path:
    """A path in ``folder`` named after ``day`` that does not exist yet (``-2``, ``-3`` …)."""
    base = folder / default_backup_name(day)
    candidate, n = base, 1
    while candidate.exists():
        n += 1
        candidate = base.with_name(f"{base.stem}-{n}{base.suffix}")
    return candidate


def removable_folders() -> list[Path]:
    """Root folders of the mounted, writable removable drives (USB sticks); best effort."""
    found = []
    for volume in QStorageInfo.mountedVolumes():
        if not volume.isValid() or not volume.isReady() or volume.isReadOnly():
            continue
        root = Path(volume.rootPath())
        try:
            if location_of(root) == "removable":
                found.append(root)
        except OSError:
            continue
    return found


def is_removable(path: Path) -> bool:
    """True when ``path``'s folder is on a removable drive (a USB stick)."""
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        return location_of(folder) == "removable"
    except OSError:
        return False


def format_size(size: int) -> str:
    """A byte count for people: ``۱٫۵ مگابایت`` / ``1.5 MB``."""
    value = float(size)
    unit = "bytes"
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            break
        value /= 1024
    text = str(size) if unit == "bytes" else f"{value:.1f}"
    if is_rtl():
        text = loc_digits(text).replace(".", "٫")
    label = {
        "bytes": QCoreApplication.translate("Backup", "bytes"),
        "KB": QCoreApplication.translate("Backup", "KB"),
        "MB": QCoreApplication.translate("Backup", "MB"),
        "GB": QCoreApplication.translate("Backup", "GB"),
    }[unit]
    return f"{text} {label}"


class _TaskDialog(Retranslating, QDialog):
    """Common parts: a progress bar, a status line, an error line and run/cancel handling."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.job: Job | None = None
        self.layout_ = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.layout_.addWidget(self.intro)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.error = FieldError(self)
        self.buttons = QHBoxLayout()
        self.cancel_button = QPushButton(self)
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.reject)
        self.setMinimumWidth(640)

    def _finish_layout(self) -> None:
        self.layout_.addWidget(self.progress)
        self.layout_.addWidget(self.status)
        self.layout_.addWidget(self.error)
        self.layout_.addStretch(1)
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.cancel_button)
        self.buttons.addWidget(self.close_button)
        self.layout_.addLayout(self.buttons)

    def retranslate_common(self) -> None:
        """Texts of the shared buttons."""
        self.cancel_button.setText(self.tr("Cancel"))
        self.close_button.setText(self.tr("Close"))

    def retranslate_ui(self) -> None:
        """Set every text (subclasses)."""

    @property
    def running(self) -> bool:
        """True while a task of this dialog runs in the worker thread."""
        return self.job is not None

    def start(
        self,
        fn: Callable[[Job], Any],
        on_done: Callable[[Any], None],
        on_failed: Callable[[BaseException], None],
        message: str,
    ) -> None:
        """Run ``fn(job)`` in the task runner with the progress bar and Cancel shown."""
        job = Job(self)
        self.job = job
        job.progressed.connect(self._show_progress)
        self.error.show_error("")
        self.status.setText(message)
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self.close_button.hide()
        self.set_inputs_enabled(False)

        def done(result: Any) -> None:
            self._stopped()
            on_done(result)

        def failed(exc: BaseException) -> None:
            self._stopped()
            on_failed(exc)

        run_op(self.ctx.runner, fn, on_done=done, on_failed=failed, on_cancelled=failed, job=job)

    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setValue(min(1000, done * 1000 // max(total, 1)))

    def _stopped(self) -> None:
        if self.job is not None:
            self.job.deleteLater()
        self.job = None
        self.progress.hide()
        self.cancel_button.hide()
        self.close_button.show()
        self.set_inputs_enabled(True)

    def cancel(self) -> None:
        """Stop the task under way; the service leaves nothing behind."""
        if self.job is not None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))

    def show_failure(self, exc: BaseException) -> None:
        """A cancel as a status line, a known error in red, anything else as a bug report."""
        if isinstance(exc, BackupCancelled):
            self.status.setText(known_message(exc))
        elif isinstance(exc, KnownError):
            self.status.setText("")
            self.error.show_error(known_message(exc))
        else:
            self.status.setText("")
            show_error(self, exc)

    def set_inputs_enabled(self, enabled: bool) -> None:
        """Enable the dialog's inputs (subclasses)."""

    def reject(self) -> None:
        """Override: closing while a task runs cancels it first."""
        if self.running:
            self.cancel()
            return
        super().reject()


def _path_row(parent: QWidget, edit: QLineEdit, *buttons: QPushButton) -> QWidget:
    row = QWidget(parent)
    lay = QHBoxLayout(row)
    lay.setContentsMargins(0, 0, 0, 0)
    make_ltr(edit)
    lay.addWidget(edit, 1)
    for button in buttons:
        lay.addWidget(button)
    return row
