"""Composition root: paths, logging, database, then the window or a command."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from qazvin_diplomacy.paths import AppPaths, resolve_paths
from qazvin_diplomacy.storage.database import Database

log = logging.getLogger("qazvin_diplomacy")


def setup_logging(paths: AppPaths, *, verbose: bool = False) -> Path:
    """Log to a rotating file in the data folder (a windowed build has no console)."""
    paths.log_dir.mkdir(parents=True, exist_ok=True)
    logfile = paths.log_dir / "qazvin-diplomacy.log"
    handler = logging.handlers.RotatingFileHandler(logfile, maxBytes=2_000_000, backupCount=3,
                                                   encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    return logfile


def open_database(paths: AppPaths) -> Database:
    """Open (creating and migrating as needed) the database at ``paths`` with its reference data."""
    from qazvin_diplomacy.services.directory import ensure_reference_data

    db = Database.open(paths.db_path, backups_dir=paths.backups_dir,
                       attachments_dir=paths.attachments_dir)
    try:
        paths.ensure()  # only now: nothing is created beside a file that is refused
        ensure_reference_data(db)
    except BaseException:
        db.close()
        raise
    return db


def run_gui(db_override: str | None = None) -> int:
    """Open the main window on the default (or given) database."""
    from qazvin_diplomacy.core.errors import KnownError

    paths = resolve_paths(db_override)
    setup_logging(paths)  # open_database creates the other folders once the file is accepted
    try:
        db = open_database(paths)
    except KnownError as exc:
        log.error("database refused: %s", exc.message_en)
        return _show_startup_error(exc)
    from qazvin_diplomacy.ui.application import run_gui as ui_run_gui

    try:
        return ui_run_gui(paths, db)
    finally:
        db.close()


def _show_startup_error(exc: Exception) -> int:
    """Tell the user, in a Persian dialog, why the database could not be opened."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from qazvin_diplomacy.ui.application import get_application

    app = get_application()
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    box = QMessageBox(QMessageBox.Icon.Critical, "میز دیپلماسی استانی قزوین", str(exc))
    box.exec()
    return 1


def main() -> int:  # pragma: no cover - thin wrapper
    """Entry point used by the frozen build."""
    from qazvin_diplomacy.cli import main as cli_main

    return cli_main(sys.argv[1:])
