"""The toolbar's Backup button and its menu, and the backup part of the selftest."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QApplication, QMenu, QToolBar, QToolButton, QWidget

from qazvin_diplomacy.services import backup as backup_service
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.ui.backup.auto import AutoBackup
from qazvin_diplomacy.ui.backup.backup_dialog import BackupDialog
from qazvin_diplomacy.ui.backup.common import SELFTEST_MAX_BYTES, default_backup_name
from qazvin_diplomacy.ui.backup.restore_dialog import RestoreDialog
from qazvin_diplomacy.ui.common import TaskRunner
from qazvin_diplomacy.ui.i18n import Retranslating
from qazvin_diplomacy.ui.icons import icon
from qazvin_diplomacy.ui.modules import UiContext


class BackupHost(Protocol):
    """What the backup control needs from the main window (a ``QMainWindow``)."""

    ctx: UiContext
    toolbar: QToolBar
    act_settings: QAction
    runner: TaskRunner
    backup: BackupControl

    def replace_database(self, db: DatabaseHandle) -> None:
        """Put ``db`` in place of the open database (after a restore)."""
        ...


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
