"""Composition root of the window: paths, logging, the database, then the main window.

The entry point is ``cli.main`` (also for the frozen build): with no sub-command it calls
:func:`run_gui`; this module never imports the command line.
"""

from __future__ import annotations

import logging
import logging.handlers
import time
from pathlib import Path
from typing import TYPE_CHECKING

from qazvin_diplomacy.paths import AppPaths, resolve_paths

if TYPE_CHECKING:
    from qazvin_diplomacy.core.errors import KnownError
    from qazvin_diplomacy.services.connection import DatabaseHandle
    from qazvin_diplomacy.ui.settings import Settings

log = logging.getLogger("qazvin_diplomacy")


class SharedLogHandler(logging.handlers.RotatingFileHandler):
    """A rotating log file that keeps its records when the file cannot be renamed.

    On Windows another process holding the log open (the command-line program, a second
    start) makes the rename fail with WinError 32; the stock handler then loses every
    record.  Here writing goes on in the same file and rotation is tried again later.
    """

    RETRY_AFTER_S = 600.0
    _blocked_until = 0.0

    def shouldRollover(self, record: logging.LogRecord) -> int:  # overrides
        """Override: no rotation while a failed one waits to be retried."""
        if time.monotonic() < self._blocked_until:
            return 0
        return super().shouldRollover(record)

    def rotate(self, source: str, dest: str) -> None:
        """Override: a rename refused (file in use) leaves the file to grow for a while."""
        try:
            super().rotate(source, dest)
        except OSError:
            self._blocked_until = time.monotonic() + self.RETRY_AFTER_S


def setup_logging(paths: AppPaths, *, verbose: bool = False) -> Path:
    """Log to a rotating file in the data folder (a windowed build has no console)."""
    paths.log_dir.mkdir(parents=True, exist_ok=True)
    logfile = paths.log_dir / "qazvin-diplomacy.log"
    root = logging.getLogger()
    # Once a process: a second call opens no file it would then leave open and unused.
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        handler = SharedLogHandler(logfile, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    return logfile


def open_database(
    paths: AppPaths, target: str | None = None, settings: Settings | None = None
) -> DatabaseHandle:
    """Open (creating and migrating as needed) the window's database with its reference data:
    ``target`` (a server URL; see ``ui.server_connection.open_window_database``) or the file
    at ``paths``."""
    from qazvin_diplomacy.ui.server_connection import open_window_database
    from qazvin_diplomacy.ui.settings import Settings

    # The folders are created only once the file is accepted: nothing beside a refused file.
    return open_window_database(paths, target, settings or Settings(paths.settings_file))


def run_gui(db_override: str | None = None) -> int:
    """Open the main window on the default (or given) database.

    Without ``--db`` the database is the one chosen in the settings («اتصال به سرور اداره»):
    this computer's file, or the office's server (its password asked for in a dialog when
    neither this process nor the credential store knows it).
    Only one window per database (claimed first).  The window's frame paints before the
    database is opened — and before SQLAlchemy is even imported — and the database is
    opened right after that first paint; a refused database closes the frame, shows its
    Persian error and ends the program with exit code 1.
    """
    from qazvin_diplomacy.ui.server_connection import window_paths, window_target
    from qazvin_diplomacy.ui.settings import Settings

    settings = Settings(resolve_paths(db_override).settings_file)
    target = window_target(settings, db_override)  # --db, else the settings' server
    paths = window_paths(settings, target)
    setup_logging(paths)  # open_database creates the other folders once the file is accepted
    from qazvin_diplomacy.ui.application import get_application
    from qazvin_diplomacy.ui.single_instance import claim_or_forward

    if not claim_or_forward(paths, get_application()):
        return 0  # the window already open on this database was brought forward
    from qazvin_diplomacy.ui.launch import run_gui as ui_run_gui

    return ui_run_gui(
        paths,
        open_database=lambda: open_database(paths, target, settings),
        refused=_show_startup_error,
    )


def _show_startup_error(exc: KnownError) -> int:
    """Tell the user, in a Persian dialog, why the database could not be opened."""
    from qazvin_diplomacy.ui.application import show_error

    log.error("database refused: %s", exc.message_en)
    show_error(str(exc))
    return 1
