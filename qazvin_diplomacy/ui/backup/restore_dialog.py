"""The restore dialog: verify a backup, show what it holds, restore it after confirmation."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QFileDialog, QLabel, QLineEdit, QPushButton, QWidget

from qazvin_diplomacy.core.backups import BackupManifest, app_version_text, schema_version_text
from qazvin_diplomacy.core.clock import to_local
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.text import bidi_isolate
from qazvin_diplomacy.services import audit_seal
from qazvin_diplomacy.services import backup as backup_service
from qazvin_diplomacy.services.connection import DatabaseHandle, head_revision, open_for_work
from qazvin_diplomacy.services.users import signed_in_fits
from qazvin_diplomacy.ui.backup.common import FILE_FILTER, _path_row, _TaskDialog, format_size
from qazvin_diplomacy.ui.common import make_ltr, show_error
from qazvin_diplomacy.ui.i18n import is_rtl, loc_digits
from qazvin_diplomacy.ui.icons import icon
from qazvin_diplomacy.ui.modules import UiContext
from qazvin_diplomacy.ui.ops import Job
from qazvin_diplomacy.ui.widgets.jalali import show_datetime

log = logging.getLogger(__name__)


class RestoreDialog(_TaskDialog):
    """Verify a backup, show what it holds, and after confirmation restore it.

    ``replace(db)`` receives the reopened database (the main window rebuilds its pages on
    it); ``restored(RestoreResult)`` is emitted after a successful restore.
    """

    restored = Signal(object)

    def __init__(
        self,
        ctx: UiContext,
        replace: Callable[[DatabaseHandle], None],
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
        lines.append(self._audit_line(manifest))
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

    def _audit_line(self, manifest: BackupManifest) -> str:
        """Where the backup's audit trail ends beside where this database's ends: the entries
        after the backup's end are replaced by the restore (its own entry records them)."""
        try:
            here = audit_seal.current_head(self.ctx.db)
        except Exception:  # a damaged database is a reason to restore: it must not stop that
            log.warning("could not read this database's audit head", exc_info=True)
            mine = self.tr("unreadable")
        else:
            mine = (
                self.tr("up to entry %1").replace("%1", loc_digits(here.entry))
                if here
                else self.tr("no entries")
            )
        if manifest.audit_head is None:
            return self.tr("Audit trail: not recorded in this backup (this database: %1)").replace(
                "%1", mine
            )
        return (
            self.tr("Audit trail: up to entry %1 (this database: %2)")
            .replace("%1", loc_digits(manifest.audit_head[0]))
            .replace("%2", mine)
        )

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
        if old.url is not None:
            return self._restore_on_server(source, password)
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

    def _restore_on_server(self, source: Path, password: str | None) -> bool:
        """Replace the server database's rows in one transaction; the database stays open
        (other desks see the old rows until it commits), and every page re-reads."""
        db = self.ctx.db

        def work(job: Job) -> backup_service.RestoreResult:
            return backup_service.restore_backup_to_server(
                source=source,
                db=db,  # type: ignore[arg-type]
                password=password,
                progress=job.progress,
                cancel=job.cancelled,
            )

        def failed(exc: BaseException) -> None:
            self.show_failure(exc)  # the server's rows are as they were
            self._sync_buttons()

        self.start(
            work,
            lambda result: self._restored(db, result),
            failed,
            self.tr("Restoring… The application cannot be used until this finishes."),
        )
        return True

    def _reopen(self, old: DatabaseHandle) -> bool:
        """Open the database file again and hand it to the window; False when refused."""
        try:
            db = open_for_work(
                old.path, backups_dir=old.backups_dir, attachments_dir=old.attachments_dir
            )
        except KnownError as exc:
            show_error(self, exc)
            return False
        self.replace(db)
        return True

    def _restored(self, old: DatabaseHandle, result: backup_service.RestoreResult) -> None:
        self.manifest = None
        self.confirm_box.setChecked(False)
        self.confirm_box.setEnabled(False)
        if old.url is not None and signed_in_fits(old):  # the server database stayed open
            self.ctx.hub.dataChanged.emit("*")  # every page re-reads
        elif old.url is not None:  # its restored users differ: the window asks who signs in
            self.replace(old)
        elif not self._reopen(old):
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

    def _restore_failed(self, old: DatabaseHandle, exc: BaseException) -> None:
        self._reopen(old)  # the current database is as it was
        self.show_failure(exc)
        self._sync_buttons()
