"""One window per database: a lock file in the data folder and a local socket to the first window.

A second start on the same database (a second double-click while the first is still
starting) must not open a second window: a restore then fails because the database is
"still open", and two processes share one log file whose rotation fails on Windows.  The
first instance holds a :class:`QLockFile` and listens on a :class:`QLocalServer`; a later
start finds the lock, asks the first one to bring its window to the front, and exits.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

from qazvin_diplomacy.paths import AppPaths
from qazvin_diplomacy.ui import application
from qazvin_diplomacy.windows import allow_foreground

log = logging.getLogger(__name__)

SHOW_REQUEST = b"show\n"
CONNECT_TIMEOUT_MS = 3000


def instance_key(db_path: Path) -> str:
    """A short name for (this user, this database), the same however the path was written."""
    try:
        user = getpass.getuser()
    except (OSError, KeyError):  # no user name in the environment
        user = ""
    normal = os.path.normcase(os.path.abspath(db_path))
    return hashlib.sha256(f"{user}\0{normal}".encode()).hexdigest()[:16]


class InstanceGuard(QObject):
    """The lock on one database for this user, and the channel a second start calls in on."""

    showRequested = Signal()  # Qt signal naming

    def __init__(self, lock_dir: Path, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        key = instance_key(db_path)
        self.lock_path = lock_dir / f"instance-{key}.lock"
        self.server_name = f"qazvin-diplomacy-{key}"
        self._lock = QLockFile(str(self.lock_path))
        self._lock.setStaleLockTime(0)  # held for hours; only a dead owner makes it stale
        self._server: QLocalServer | None = None

    def claim(self) -> bool:
        """Take the lock and listen for later starts; False when another instance holds it.

        A lock file that cannot be written (a read-only data folder) does not stop the start.
        """
        try:
            self.lock_path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            log.warning("no folder for the lock file %s", self.lock_path, exc_info=True)
            return True
        if not self._lock.tryLock(0):
            if self._lock.error() == QLockFile.LockError.LockFailedError:
                return False  # held by a running instance
            log.warning("cannot write the lock file %s (%s)", self.lock_path, self._lock.error())
            return True
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(self.server_name)  # a socket file left by a crash (Unix)
        if server.listen(self.server_name):
            server.newConnection.connect(self._accept)
            self._server = server
        else:  # the lock still keeps a second window out; it just cannot be brought forward
            log.warning("cannot listen on %s: %s", self.server_name, server.errorString())
        return True

    def owner_pid(self) -> int:
        """The process id written in the lock file (0 if unknown)."""
        info = self._lock.getLockInfo()
        if isinstance(info, tuple) and info and isinstance(info[0], int):
            return info[0]
        return 0

    def ask_owner_to_show(self, timeout_ms: int = CONNECT_TIMEOUT_MS) -> bool:
        """Ask the instance holding the lock to show its window; True when it was reached."""
        allow_foreground(self.owner_pid())
        socket = QLocalSocket()
        socket.connectToServer(self.server_name)
        if not socket.waitForConnected(timeout_ms):
            log.warning("the running instance does not answer: %s", socket.errorString())
            return False
        socket.write(SHOW_REQUEST)
        sent = socket.waitForBytesWritten(timeout_ms)
        socket.disconnectFromServer()
        return sent

    def release(self) -> None:
        """Stop listening and remove the lock file."""
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()

    def _accept(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.setParent(self)
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(SHOW_REQUEST.strip()):
            log.info("a second start asked for the window")
            self.showRequested.emit()


def claim_or_forward(paths: AppPaths, parent: QObject) -> bool:
    """Claim the database in ``paths`` for this process; True to go on starting.

    When another instance already has it, that one is asked to bring its window to the
    front (or the user is told, if it does not answer) and False is returned.  The guard
    is a child of ``parent`` (the application), found again by :func:`attach`.
    """
    guard = InstanceGuard(paths.log_dir.parent, paths.db_path, parent)
    if guard.claim():
        return True
    log.info("the database %s is open in process %s", paths.db_path, guard.owner_pid())
    if not guard.ask_owner_to_show():
        application.show_error(
            QCoreApplication.translate(
                "SingleInstance",
                "The program is already open on this database. If its window does not appear, "
                "end it in Task Manager and start the program again.",
            )
        )
    guard.deleteLater()
    return False


def attach(window: QWidget, parent: QObject) -> InstanceGuard | None:
    """Bring ``window`` to the front when a later start asks; the guard claimed under ``parent``."""
    guard = parent.findChild(InstanceGuard)
    if guard is not None:
        guard.showRequested.connect(lambda: bring_to_front(window))
    return guard


def bring_to_front(window: QWidget) -> None:
    """Show ``window`` unminimised, raised and active."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
