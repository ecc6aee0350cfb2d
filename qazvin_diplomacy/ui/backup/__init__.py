"""Backup and restore in the window: a toolbar menu, two dialogs and automatic backups.

* :class:`BackupDialog` (``backup_dialog.py``) writes one backup file (the database and every
  attachment) to the backups folder or a USB stick, optionally sealed with a password, off the
  GUI thread with a progress bar and a Cancel button (a cancelled backup leaves no file).
* :class:`RestoreDialog` (``restore_dialog.py``) first verifies the whole file and shows what
  it holds (date, schema, sizes, damaged attachments); after an explicit confirmation it closes
  the database, restores, reopens it and has the main window rebuild every page on it.
* :class:`AutoBackup` (``auto.py``) makes the automatic backup (daily while running, or on
  exit) keeping the newest N, as set in the settings dialog.
* :class:`BackupControl` (``control.py``) is the toolbar button holding the menu; the main
  window creates it.
* ``common.py``: backup file names, USB drives, sizes for people and the dialogs' shared base.
"""

from qazvin_diplomacy.ui.backup.auto import AutoBackup
from qazvin_diplomacy.ui.backup.backup_dialog import BackupDialog
from qazvin_diplomacy.ui.backup.common import (
    default_backup_name,
    default_backup_path,
    format_size,
    is_removable,
    removable_folders,
)
from qazvin_diplomacy.ui.backup.control import BackupControl, BackupHost, selftest
from qazvin_diplomacy.ui.backup.restore_dialog import RestoreDialog

__all__ = [
    "AutoBackup",
    "BackupControl",
    "BackupDialog",
    "BackupHost",
    "RestoreDialog",
    "default_backup_name",
    "default_backup_path",
    "format_size",
    "is_removable",
    "removable_folders",
    "selftest",
]
