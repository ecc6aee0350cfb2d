"""The backup dialog: where, an optional password, progress and Cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFileDialog, QLabel, QLineEdit, QMenu, QPushButton, QWidget

from qazvin_diplomacy.core.backups import BACKUP_SUFFIX, BackupManifest
from qazvin_diplomacy.services import backup as backup_service
from qazvin_diplomacy.ui.backup.common import (
    FILE_FILTER,
    MIN_PASSWORD,
    _path_row,
    _TaskDialog,
    default_backup_name,
    default_backup_path,
    format_size,
    is_removable,
    removable_folders,
)
from qazvin_diplomacy.ui.common import make_ltr
from qazvin_diplomacy.ui.i18n import loc_digits
from qazvin_diplomacy.ui.icons import icon
from qazvin_diplomacy.ui.modules import UiContext
from qazvin_diplomacy.ui.ops import Job


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
