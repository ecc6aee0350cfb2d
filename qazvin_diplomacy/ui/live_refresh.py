"""Other desks' changes appear without restarting: a cheap poll of the database's change marker.

Every few seconds the window asks, off the GUI thread, for ``services.audit.change_marker``
(the newest audit entry's id: one index lookup on SQLite and on PostgreSQL).  When it has
moved since the last look, the pages are told as after a local save (``hub.dataChanged("*")``):
the lists, the calendar and the dashboard re-read their data.  Record forms do not listen to
it, so a form being edited keeps what the clerk typed; a stale save is refused and explained
when they save (``ui.stale_save``).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from qazvin_diplomacy.ui.modules import UiContext

#: How often the marker is read (milliseconds).
POLL_MS = 4000


class ChangeWatch(QObject):
    """Polls the change marker of ``ctx.db`` and refreshes the pages when it moves."""

    def __init__(
        self, ctx: UiContext, parent: QObject | None = None, interval_ms: int = POLL_MS
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.marker: int | None = None  # the last marker seen (None: not read yet)
        self.busy = False  # a read is in flight: the next tick waits for it
        self.refreshes = 0  # how many times other desks' changes were shown (tests, logs)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)

    def start(self) -> None:
        """Read the marker now and then every ``interval_ms``."""
        self.poll()
        self.timer.start()

    def stop(self) -> None:
        """Stop polling."""
        self.timer.stop()

    def poll(self) -> bool:
        """Ask for the marker off the GUI thread; False while the previous ask is in flight."""
        if self.busy:
            return False
        from qazvin_diplomacy.services.audit import change_marker

        db = self.ctx.db
        self.busy = True
        self.ctx.runner.run(lambda: (db, change_marker(db)), self._read, self._failed)
        return True

    def _read(self, result: tuple[object, int]) -> None:
        self.busy = False
        db, marker = result
        if db is not self.ctx.db:  # the window moved to another database meanwhile
            self.marker = None
            return
        seen, self.marker = self.marker, marker
        if seen is not None and marker != seen:
            self.refreshes += 1
            self.ctx.hub.dataChanged.emit("*")

    def _failed(self, _exc: BaseException) -> None:
        # A server out of reach for a moment: the next tick asks again; saving says why.
        self.busy = False
