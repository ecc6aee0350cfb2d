"""Backup and restore in the window: a toolbar menu, two dialogs and automatic backups.

* :class:`BackupDialog` writes one backup file (the database and every attachment) to the
  backups folder or a USB stick, optionally sealed with a password, off the GUI thread with a
  progress bar and a Cancel button (a cancelled backup leaves no file).
* :class:`RestoreDialog` first verifies the whole file and shows what it holds (date, schema,
  sizes, damaged attachments); after an explicit confirmation it closes the database,
  restores, reopens it and has the main window rebuild every page on it.
* :class:`AutoBackup` makes the automatic backup (daily while running, or on exit) keeping
  the newest N, as set in the settings dialog.
* :class:`BackupControl` is the toolbar button holding the menu; the main window creates it.
"""

from __future__ import annotations

import datetime as dt
import logging
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QObject,
    QStorageInfo,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core import jalali
from qazvin_diplomacy.core.backups import (
    BACKUP_SUFFIX,
    BackupCancelled,
    BackupManifest,
    app_version_text,
    schema_version_text,
)
from qazvin_diplomacy.core.clock import to_local
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.text import bidi_isolate
from qazvin_diplomacy.services import backup as backup_service
from qazvin_diplomacy.services.directory import ensure_reference_data
from qazvin_diplomacy.storage import location
from qazvin_diplomacy.storage.database import Database, head_revision
from qazvin_diplomacy.ui import settings as S
from qazvin_diplomacy.ui.common import FieldError, TaskRunner, known_message, make_ltr, show_error
from qazvin_diplomacy.ui.i18n import Retranslating, is_rtl, loc_digits
from qazvin_diplomacy.ui.icons import icon
from qazvin_diplomacy.ui.modules import UiContext
from qazvin_diplomacy.ui.ops import Job, run_op
from qazvin_diplomacy.ui.widgets.jalali import show_datetime


class BackupHost(Protocol):
    """What the backup control needs from the main window (a ``QMainWindow``)."""

    ctx: UiContext
    toolbar: QToolBar
    act_settings: QAction
    runner: TaskRunner
    backup: BackupControl

    def replace_database(self, db: Database) -> None:
        """Put ``db`` in place of the open database (after a restore)."""
        ...


log = logging.getLogger(__name__)

MIN_PASSWORD = 8
SELFTEST_MAX_BYTES = 50 * 1024 * 1024
FILE_FILTER = "Qazvin Diplomacy backup (*.qdbackup)"


# --------------------------------------------------------------------------- helpers


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
            if location.classify(root) == "removable":
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
        return location.classify(folder) == "removable"
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


# --------------------------------------------------------------------------- backup


class BackupDialog(_TaskDialog):
    """Write a backup file: where, an optional password, progress and Cancel.

    ``written(Path)`` is emitted once the file is complete.
    """

    written = Signal(object)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.path_edit = QLineEdit(self)
        self.path_edit.setText(str(default_backup_path(ctx.paths.backups_dir, ctx.today())))
        self.browse_button = QPushButton(self)
        self.browse_button.clicked.connect(self.browse)
        self.usb_button = QPushButton(self)
        self.usb_button.clicked.connect(self.choose_usb)
        self.path_label = QLabel(self)
        self.form.addRow(
            self.path_label, _path_row(self, self.path_edit, self.browse_button, self.usb_button)
        )
        self.encrypt_box = QCheckBox(self)
        self.encrypt_box.toggled.connect(self._sync_password)
        self.form.addRow(self.encrypt_box)
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_edit = QLineEdit(self)
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        make_ltr(self.password_edit)
        make_ltr(self.confirm_edit)
        self.password_label = QLabel(self)
        self.confirm_label = QLabel(self)
        self.form.addRow(self.password_label, self.password_edit)
        self.form.addRow(self.confirm_label, self.confirm_edit)
        self.start_button = QPushButton(self)
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start_backup)
        self.buttons.addWidget(self.start_button)
        self._finish_layout()
        self.path_edit.textChanged.connect(self._path_changed)
        self._sync_password()
        self._path_changed(self.path_edit.text())
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.setWindowTitle(self.tr("Back up"))
        self.intro.setText(
            self.tr(
                "A backup is one file holding the whole database and every attached file. "
                "Keep a copy away from this computer, for example on a USB stick."
            )
        )
        self.path_label.setText(self.tr("Backup file"))
        self.browse_button.setText(self.tr("Choose…"))
        self.usb_button.setText(self.tr("USB stick"))
        self.usb_button.setToolTip(self.tr("Save the backup on a USB stick"))
        self.encrypt_box.setText(self.tr("Protect with a password (recommended on a USB stick)"))
        self.password_label.setText(self.tr("Password"))
        self.confirm_label.setText(self.tr("Repeat password"))
        self.password_edit.setPlaceholderText(
            self.tr("At least %1 characters").replace("%1", loc_digits(MIN_PASSWORD))
        )
        self.start_button.setText(self.tr("Back up"))
        self.start_button.setIcon(icon("save"))
        self.retranslate_common()

    def _sync_password(self) -> None:
        on = self.encrypt_box.isChecked()
        for widget in (
            self.password_edit,
            self.confirm_edit,
            self.password_label,
            self.confirm_label,
        ):
            widget.setEnabled(on)

    def _path_changed(self, text: str) -> None:
        if text.strip() and is_removable(Path(text.strip())):
            self.encrypt_box.setChecked(True)

    def set_inputs_enabled(self, enabled: bool) -> None:
        """Lock the inputs while the backup runs."""
        for widget in (self.path_edit, self.browse_button, self.usb_button, self.encrypt_box):
            widget.setEnabled(enabled)
        self.start_button.setEnabled(enabled)
        if enabled:
            self._sync_password()
        else:
            self.password_edit.setEnabled(False)
            self.confirm_edit.setEnabled(False)

    def browse(self) -> None:
        """Ask for the backup file's name and folder."""
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Back up"), self.path_edit.text(), FILE_FILTER
        )
        if chosen:
            self.path_edit.setText(chosen)

    def choose_usb(self) -> None:
        """Put the backup on a USB stick (a menu when there are several)."""
        drives = removable_folders()
        if not drives:
            self.error.show_error(self.tr("No USB stick was found. Insert one and try again."))
            return
        name = default_backup_name(self.ctx.today())
        if len(drives) == 1:
            self.set_target(default_backup_path(drives[0], self.ctx.today()))
            return
        menu = QMenu(self)
        for drive in drives:
            action = menu.addAction(str(drive / name))
            action.triggered.connect(
                lambda _c=False, d=drive: self.set_target(default_backup_path(d, self.ctx.today()))
            )
        menu.exec(self.usb_button.mapToGlobal(self.usb_button.rect().bottomLeft()))

    def set_target(self, path: Path) -> None:
        """Write the backup to ``path``; on a USB stick a password is suggested."""
        self.path_edit.setText(str(path))
        self.error.show_error("")
        if is_removable(path):
            self.encrypt_box.setChecked(True)

    def target(self) -> Path | None:
        """The chosen file with the backup suffix, or None (and a message) when unusable."""
        text = self.path_edit.text().strip()
        if not text:
            self.error.show_error(self.tr("Choose where to save the backup."))
            return None
        path = Path(text).expanduser()
        if path.suffix.lower() != BACKUP_SUFFIX:
            path = path.with_name(path.name + BACKUP_SUFFIX)
        if path.is_dir():
            self.error.show_error(self.tr("This is a folder; give the backup file a name."))
            return None
        if path.exists():
            self.error.show_error(
                self.tr("A file with this name exists already; choose another name.")
            )
            return None
        return path

    def password(self) -> str | None:
        """The password to seal the backup with, None without; raises ``ValueError`` if unusable."""
        if not self.encrypt_box.isChecked():
            return None
        first, second = self.password_edit.text(), self.confirm_edit.text()
        if len(first) < MIN_PASSWORD:
            raise ValueError(
                self.tr("The password needs at least %1 characters.").replace(
                    "%1", loc_digits(MIN_PASSWORD)
                )
            )
        if first != second:
            raise ValueError(self.tr("The two passwords differ; type them again."))
        return first

    def start_backup(self) -> bool:
        """Check the inputs and start writing the backup; False when something is missing."""
        if self.running:
            return False
        self.error.show_error("")
        path = self.target()
        if path is None:
            return False
        try:
            password = self.password()
        except ValueError as exc:
            self.error.show_error(str(exc))
            return False
        db = self.ctx.db

        def work(job: Job) -> BackupManifest:
            return backup_service.create_backup(
                db, out=path, password=password, progress=job.progress, cancel=job.cancelled
            )

        self.start(
            work,
            lambda manifest: self._done(path, manifest),
            self.show_failure,
            self.tr("Writing the backup…"),
        )
        return True

    def _done(self, path: Path, manifest: BackupManifest) -> None:
        size = path.stat().st_size if path.exists() else 0
        self.status.setText(
            self.tr("The backup was written: %1 (%2).")
            .replace("%1", str(path))
            .replace("%2", format_size(size))
        )
        self.ctx.hub.status.emit(self.tr("Backup written."))
        self.path_edit.setText(str(default_backup_path(path.parent, self.ctx.today())))
        self.written.emit(path)


# --------------------------------------------------------------------------- restore


class RestoreDialog(_TaskDialog):
    """Verify a backup, show what it holds, and after confirmation restore it.

    ``replace(db)`` receives the reopened database (the main window rebuilds its pages on
    it); ``restored(RestoreResult)`` is emitted after a successful restore.
    """

    restored = Signal(object)

    def __init__(
        self,
        ctx: UiContext,
        replace: Callable[[Database], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.replace = replace
        self.manifest: BackupManifest | None = None
        self.source_edit = QLineEdit(self)
        self.browse_button = QPushButton(self)
        self.browse_button.clicked.connect(self.browse)
        self.source_label = QLabel(self)
        self.form.addRow(self.source_label, _path_row(self, self.source_edit, self.browse_button))
        self.password_label = QLabel(self)
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        make_ltr(self.password_edit)
        self.form.addRow(self.password_label, self.password_edit)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setStyleSheet(
            "QLabel { background: #f3f7fb; border: 1px solid #c9d6e3; padding: 8px; }"
        )
        self.summary.hide()
        self.layout_.addWidget(self.summary)
        self.confirm_box = QCheckBox(self)
        self.confirm_box.setEnabled(False)
        self.confirm_box.toggled.connect(self._sync_buttons)
        self.layout_.addWidget(self.confirm_box)
        self.verify_button = QPushButton(self)
        self.verify_button.clicked.connect(self.verify)
        self.restore_button = QPushButton(self)
        self.restore_button.clicked.connect(self.restore)
        self.buttons.addWidget(self.verify_button)
        self.buttons.addWidget(self.restore_button)
        self._finish_layout()
        self.source_edit.textChanged.connect(self._source_changed)
        self.password_edit.textChanged.connect(lambda _t: self._forget())
        self._encrypted = False
        self._source_changed(self.source_edit.text())
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.intro.setText(
            self.tr(
                "Restoring replaces all current data with the backup's. The backup is checked "
                "completely first, and a copy of the current database is kept in the backups "
                "folder."
            )
        )
        self.source_label.setText(self.tr("Backup file"))
        self.browse_button.setText(self.tr("Choose…"))
        self.password_label.setText(self.tr("Password"))
        self.password_edit.setPlaceholderText(self.tr("Only for a password-protected backup"))
        self.confirm_box.setText(
            self.tr("I understand that the current data will be replaced by this backup.")
        )
        self.verify_button.setText(self.tr("Check the backup"))
        self.verify_button.setIcon(icon("check"))
        self.restore_button.setText(self.tr("Restore"))
        self.restore_button.setIcon(icon("restore"))
        if self.manifest is not None:
            self._show_summary(self.manifest)
        self.retranslate_common()

    def browse(self) -> None:
        """Ask for the backup file."""
        start = self.source_edit.text() or str(self.ctx.paths.backups_dir)
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Restore from a backup"), start, FILE_FILTER
        )
        if chosen:
            self.source_edit.setText(chosen)

    def source(self) -> Path | None:
        """The chosen backup file, or None."""
        text = self.source_edit.text().strip()
        return Path(text).expanduser() if text else None

    def _source_changed(self, _text: str) -> None:
        path = self.source()
        try:
            self._encrypted = bool(path and path.is_file() and backup_service.is_encrypted(path))
        except OSError:
            self._encrypted = False
        self.password_edit.setEnabled(self._encrypted)
        self.password_label.setEnabled(self._encrypted)
        self._forget()

    def _forget(self) -> None:
        """The file or password changed: what was verified no longer holds."""
        self.manifest = None
        self.summary.hide()
        self.confirm_box.setChecked(False)
        self.confirm_box.setEnabled(False)
        self.error.show_error("")
        self._sync_buttons()

    def _sync_buttons(self) -> None:
        idle = not self.running
        self.verify_button.setEnabled(idle and self.source() is not None)
        self.restore_button.setEnabled(
            idle and self.manifest is not None and self.confirm_box.isChecked()
        )

    def set_inputs_enabled(self, enabled: bool) -> None:
        """Lock the inputs while a check or restore runs."""
        self.source_edit.setEnabled(enabled)
        self.browse_button.setEnabled(enabled)
        self.password_edit.setEnabled(enabled and self._encrypted)
        self.confirm_box.setEnabled(enabled and self.manifest is not None)
        self._sync_buttons()

    def _password(self) -> str | None:
        return self.password_edit.text() if self._encrypted else None

    def verify(self) -> bool:
        """Check the whole backup file (off the GUI thread) and show what it holds."""
        source = self.source()
        if source is None or self.running:
            return False
        self._forget()
        password = self._password()

        def work(job: Job) -> BackupManifest:
            return backup_service.verify_backup(
                source, password=password, progress=job.progress, cancel=job.cancelled
            )

        self.start(work, self._verified, self._verify_failed, self.tr("Checking the backup…"))
        return True

    def _verified(self, manifest: BackupManifest) -> None:
        self.manifest = manifest
        self.status.setText(self.tr("The backup is sound."))
        self._show_summary(manifest)
        self.confirm_box.setEnabled(True)
        self._sync_buttons()

    def _verify_failed(self, exc: BaseException) -> None:
        self.show_failure(exc)
        self._sync_buttons()

    def summary_lines(self, manifest: BackupManifest) -> list[str]:
        """What a verified backup holds, one line each, in the UI language."""
        created = show_datetime(to_local(manifest.created_at))
        head = head_revision()
        schema = schema_version_text(manifest.schema_revision, "fa" if is_rtl() else "en")
        if manifest.schema_revision == head:
            schema_note = self.tr("the same as this application")
        else:
            schema_note = self.tr("older; it will be upgraded after the restore")
        attachments = manifest.attachments
        lines = [
            self.tr("Made on: %1").replace("%1", created),
            self.tr("Made by version: %1").replace(
                "%1", app_version_text(manifest.app_version, "fa" if is_rtl() else "en")
            ),
            self.tr("Database structure: %1 (%2)").replace("%1", schema).replace("%2", schema_note),
            self.tr("Database: %1").replace("%1", format_size(manifest.database.size)),
            self.tr("Attached files: %1 (%2)")
            .replace("%1", loc_digits(len(attachments)))
            .replace("%2", format_size(sum(m.size for m in attachments))),
            self.tr("Password protected: %1").replace(
                "%1", self.tr("yes") if manifest.encrypted else self.tr("no")
            ),
        ]
        if manifest.damaged:
            sep = "، " if is_rtl() else ", "
            names = sep.join(bidi_isolate(Path(p).name[:12] + "…") for p in manifest.damaged[:5])
            lines.append(
                self.tr("Damaged attached files (set aside, not restored in their place): %1 — %2")
                .replace("%1", loc_digits(len(manifest.damaged)))
                .replace("%2", names)
            )
        else:
            lines.append(self.tr("Damaged attached files: none"))
        return lines

    def _show_summary(self, manifest: BackupManifest) -> None:
        self.summary.setText("\n".join(self.summary_lines(manifest)))
        self.summary.show()
        self.adjustSize()  # room for every line of the summary

    def restore(self) -> bool:
        """Close the database, restore the verified backup, reopen it and rebuild the pages."""
        source = self.source()
        if source is None or self.manifest is None or not self.confirm_box.isChecked():
            return False
        if self.running:
            return False
        password = self._password()
        self.ctx.runner.wait()  # nothing else may hold the database while it is swapped
        old = self.ctx.db
        old.close()

        def work(job: Job) -> backup_service.RestoreResult:
            return backup_service.restore_backup(
                source=source,
                db_path=old.path,
                backups_dir=old.backups_dir,
                attachments_dir=old.attachments_dir,
                password=password,
                progress=job.progress,
                cancel=job.cancelled,
            )

        self.start(
            work,
            lambda result: self._restored(old, result),
            lambda exc: self._restore_failed(old, exc),
            self.tr("Restoring… The application cannot be used until this finishes."),
        )
        return True

    def _reopen(self, old: Database) -> bool:
        """Open the database file again and hand it to the window; False when refused."""
        try:
            db = Database.open(
                old.path, backups_dir=old.backups_dir, attachments_dir=old.attachments_dir
            )
            ensure_reference_data(db)
        except KnownError as exc:
            show_error(self, exc)
            return False
        self.replace(db)
        return True

    def _restored(self, old: Database, result: backup_service.RestoreResult) -> None:
        self.manifest = None
        self.confirm_box.setChecked(False)
        self.confirm_box.setEnabled(False)
        if not self._reopen(old):
            return
        text = self.tr("The backup was restored.")
        if result.previous_backup is not None:
            text += " " + self.tr("The previous database was kept as %1.").replace(
                "%1", str(result.previous_backup)
            )
        self.status.setText(text)
        self.ctx.hub.status.emit(self.tr("The backup was restored."))
        self._sync_buttons()
        self.restored.emit(result)

    def _restore_failed(self, old: Database, exc: BaseException) -> None:
        self._reopen(old)  # the current database is as it was
        self.show_failure(exc)
        self._sync_buttons()


# --------------------------------------------------------------------------- automatic


class AutoBackup(QObject):
    """The automatic backup into the backups folder, keeping the newest N (settings).

    "daily": checked a few minutes after start and every hour while the application runs;
    "on_exit": made when the main window closes. Either way at most one a day.
    """

    FIRST_CHECK_MS = 3 * 60 * 1000
    INTERVAL_MS = 60 * 60 * 1000

    made = Signal(object)  # the new file

    def __init__(self, ctx: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.busy = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._tick)
        self.timer.start(self.FIRST_CHECK_MS)

    def mode(self) -> str:
        """The configured mode: "off", "on_exit" or "daily"."""
        return str(self.ctx.settings.get(S.AUTO_BACKUP))

    def _tick(self) -> None:
        if self.mode() == "daily":
            self.run()
        self.timer.start(self.INTERVAL_MS)

    def _work(self) -> Path | None:
        return backup_service.auto_backup(
            self.ctx.db,
            backups_dir=self.ctx.paths.backups_dir,
            keep=int(self.ctx.settings.get(S.AUTO_BACKUP_KEEP)),
        )

    def run(self) -> bool:
        """Start today's automatic backup in the task runner unless one is under way."""
        if self.busy:
            return False
        self.busy = True
        run_op(
            self.ctx.runner, lambda _job: self._work(), on_done=self._done, on_failed=self._failed
        )
        return True

    def _done(self, made: Path | None) -> None:
        self.busy = False
        if made is not None:
            self.ctx.hub.status.emit(self.tr("Automatic backup written."))
            self.made.emit(made)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        log.error("automatic backup failed", exc_info=exc)
        if isinstance(exc, KnownError):
            self.ctx.hub.status.emit(
                self.tr("The automatic backup failed: %1").replace("%1", known_message(exc))
            )

    def run_blocking(self, parent: QWidget | None) -> Path | None:
        """Make the backup now, with a busy dialog, and wait for it (used on exit)."""
        if self.busy:
            self.ctx.runner.wait()
        box = QProgressDialog(self.tr("Writing the automatic backup…"), "", 0, 0, parent)
        box.setCancelButton(None)
        box.setWindowTitle(self.tr("Automatic backup"))
        box.setMinimumDuration(0)
        box.show()
        loop = QEventLoop(self)
        outcome: dict[str, Any] = {}

        def done(made: Path | None) -> None:
            outcome["made"] = made
            loop.quit()

        def failed(exc: BaseException) -> None:
            log.error("automatic backup on exit failed", exc_info=exc)
            loop.quit()

        run_op(self.ctx.runner, lambda _job: self._work(), on_done=done, on_failed=failed)
        loop.exec()
        box.close()
        box.deleteLater()
        return outcome.get("made")


# --------------------------------------------------------------------------- toolbar


class BackupControl(Retranslating, QToolButton):
    """The toolbar's "Backup" button with its menu; owns the automatic backup.

    Created by the main window; inserted before the settings action.
    """

    def __init__(self, window: BackupHost) -> None:
        super().__init__(window.toolbar)
        self.main_window = window
        self.ctx = window.ctx
        self.menu_ = QMenu(self)
        self.act_backup = self.menu_.addAction("")
        self.act_backup.triggered.connect(lambda _c=False: self.open_backup())
        self.act_restore = self.menu_.addAction("")
        self.act_restore.triggered.connect(lambda _c=False: self.open_restore())
        self.menu_.addSeparator()
        self.act_folder = self.menu_.addAction("")
        self.act_folder.triggered.connect(lambda _c=False: self.open_folder())
        self.setMenu(self.menu_)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        window.toolbar.insertWidget(window.act_settings, self)
        self.auto = AutoBackup(self.ctx, self)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.setText(self.tr("Backup"))
        self.setToolTip(self.tr("Back up or restore the data"))
        self.setIcon(icon("archive"))
        self.act_backup.setText(self.tr("Back up now…"))
        self.act_backup.setIcon(icon("save"))
        self.act_restore.setText(self.tr("Restore from a backup…"))
        self.act_restore.setIcon(icon("restore"))
        self.act_folder.setText(self.tr("Open the backups folder"))

    def on_exit(self) -> None:
        """The automatic backup on exit (called once by the main window's shut-down)."""
        if self.auto.mode() == "on_exit":
            self.main_window.runner.wait()
            self.auto.run_blocking(self.main_window)

    def open_backup(self) -> BackupDialog:
        """Show the backup dialog (window-modal)."""
        dialog = BackupDialog(self.ctx, self.main_window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_restore(self) -> RestoreDialog:
        """Show the restore dialog (window-modal)."""
        dialog = RestoreDialog(self.ctx, self.main_window.replace_database, self.main_window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_folder(self) -> None:
        """Show the backups folder in the system's file manager."""
        folder = self.ctx.paths.backups_dir
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


# --------------------------------------------------------------------------- self-test


def selftest(window: BackupHost, shot: Callable[[str, QWidget], None]) -> None:
    """Shoot the backup dialog, and the restore dialog showing a verified demo backup."""
    control = window.backup
    dialog = control.open_backup()
    dialog.encrypt_box.setChecked(True)
    shot("backup_dialog", dialog)
    dialog.close()
    with tempfile.TemporaryDirectory(prefix="qazvin-selftest-backup-") as tmp:
        restore = control.open_restore()
        if window.ctx.db.path.stat().st_size <= SELFTEST_MAX_BYTES:  # a real office's data: skip
            file = Path(tmp) / default_backup_name(window.ctx.today())
            backup_service.create_backup(window.ctx.db, out=file)
            restore.source_edit.setText(str(file))
            restore.verify()
            window.runner.wait()
            QApplication.processEvents()
            if restore.manifest is None:
                raise RuntimeError(f"the demo backup did not verify: {restore.error.text()}")
        shot("restore_dialog", restore)
        restore.close()
