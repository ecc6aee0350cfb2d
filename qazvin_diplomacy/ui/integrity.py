"""The full integrity check of the database, in the background after the window has appeared.

Opening the database makes only a bounded check, so that start-up does not grow with the data.
:class:`IntegrityWatch` runs the full ``PRAGMA integrity_check`` in the task runner when it is
due (``services.health.full_check_due``: after an unclean shutdown, or once a day), remembers
the day it last passed, and warns in a dialog when it finds damage. Closing the window
cancels a check under way.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging

from PySide6.QtCore import QByteArray, QCoreApplication, QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from qazvin_diplomacy.services import health
from qazvin_diplomacy.ui.modules import UiContext

log = logging.getLogger(__name__)


class IntegrityWatch(QObject):
    """Starts the background full check when due and reports what it found."""

    def __init__(self, ctx: UiContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.window = parent
        self.check: health.FullCheck | None = None
        self.warning: QMessageBox | None = None
        app = QCoreApplication.instance()
        if app is not None:  # quitting without closing the window must not wait for the check
            app.aboutToQuit.connect(self.cancel)

    def _state_key(self) -> str:
        digest = hashlib.sha256(str(self.ctx.db.path).encode("utf-8")).hexdigest()[:16]
        return f"integrity/{digest}"

    def last_passed(self) -> dt.date | None:
        """The day the full check of this database last passed (None: never)."""
        raw = self.ctx.settings.load_state(self._state_key())
        try:
            return dt.date.fromisoformat(bytes(raw.data()).decode("ascii")) if raw else None
        except ValueError:
            return None

    def start(self) -> bool:
        """Run the full check in the task runner if it is due; True when started."""
        if self.check is not None:
            return False
        if getattr(self.ctx.db, "url", None):  # a server database: no SQLite file to read
            return False
        if not health.full_check_due(self.ctx.db, self.last_passed(), self.ctx.today()):
            return False
        check = self.check = health.FullCheck(self.ctx.db.path)
        db = self.ctx.db
        log.info("full integrity check of %s started in the background", db.path)
        self.ctx.runner.run(check.run, lambda problems: self._done(db, problems), self._failed)
        return True

    def cancel(self) -> None:
        """Stop a check under way (the window is closing)."""
        if self.check is not None:
            self.check.cancel()

    def _done(self, db: object, problems: list[str] | None) -> None:
        self.check = None
        if problems is None or db is not self.ctx.db:  # cancelled, or a restore swapped it
            return
        if not problems:
            self.ctx.settings.save_state(
                self._state_key(), QByteArray(self.ctx.today().isoformat().encode("ascii"))
            )
            log.info("full integrity check passed")
            return
        log.error("full integrity check failed: %s", "; ".join(problems[:5]))
        self._warn("\n".join(problems[:3]))

    def _failed(self, exc: BaseException) -> None:
        self.check = None
        log.error("full integrity check could not run", exc_info=exc)

    def _warn(self, details: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Database damaged"),
            self.tr(
                "The full check of the database found damage. Enter no new data: restore the "
                "latest backup (Backup → Restore from a backup…), or run the 'check' command "
                "and ask for support."
            ),
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        box.setDetailedText(details)
        self.warning = box
        box.open()
