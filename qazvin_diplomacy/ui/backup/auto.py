"""The automatic backup (daily while running, or on exit), keeping the newest N."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.services import backup as backup_service
from qazvin_diplomacy.ui import settings as S
from qazvin_diplomacy.ui.common import known_message
from qazvin_diplomacy.ui.modules import UiContext
from qazvin_diplomacy.ui.ops import run_op

log = logging.getLogger(__name__)


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
