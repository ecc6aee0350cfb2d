"""Signing in to the window, and locking it when the desk is left idle.

:class:`SignInDialog` asks for the login name and password when the database has users (and,
in lock mode, for the signed-in user's password again).  :class:`IdleLock` watches the
keyboard and mouse of the whole application; after the administrator's idle minutes it covers
every open window (their contents stay as they were: nothing typed is lost) and asks for the
password; the covers go once it is given.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core.access import Principal
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.ui.common import FieldError, ask, known_message, make_ltr, show_error
from qazvin_diplomacy.ui.i18n import Retranslating

if TYPE_CHECKING:
    from qazvin_diplomacy.services.connection import DatabaseHandle


class SignInDialog(Retranslating, QDialog):
    """Login name and password; ``principal`` once accepted.  With ``login`` (the idle lock)
    the name is fixed and only the password is asked."""

    def __init__(
        self, db: DatabaseHandle, parent: QWidget | None = None, *, login: str | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.locking = login is not None
        self.principal: Principal | None = None
        self.setModal(True)
        outer = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        outer.addWidget(self.intro)
        form = QFormLayout()
        self.login = QLineEdit(login or "", self)
        self.login.setReadOnly(self.locking)
        self.login.setMaxLength(60)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        make_ltr(self.login)
        make_ltr(self.password)
        self.login_label = QLabel(self)
        self.password_label = QLabel(self)
        form.addRow(self.login_label, self.login)
        form.addRow(self.password_label, self.password)
        outer.addLayout(form)
        self.error = FieldError(self)
        outer.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.sign_in)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self.retranslate_ui()
        (self.password if self.locking else self.login).setFocus()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        if self.locking:
            self.setWindowTitle(self.tr("Window locked"))
            self.intro.setText(
                self.tr(
                    "The window was locked after a time without use. Enter your password to "
                    "go on; everything you had open is kept."
                )
            )
        else:
            self.setWindowTitle(self.tr("Sign in"))
            self.intro.setText(self.tr("This database has users. Sign in to work on it."))
        self.login_label.setText(self.tr("User name:"))
        self.password_label.setText(self.tr("Password:"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Unlock") if self.locking else self.tr("Sign in"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Quit the program"))

    def reject(self) -> None:  # QDialog override
        """Override: in the lock, Escape does nothing and "Quit" asks first (open forms close)."""
        if self.locking and not ask(
            self,
            self.tr("Quit the program"),
            self.tr("Quit the program? Forms not yet saved are closed without saving."),
        ):
            return
        super().reject()

    def sign_in(self) -> bool:
        """Check the name and password (``services.users.authenticate``); accept on success,
        else say why (wrong password, attempts left, locked for N minutes, disabled)."""
        from qazvin_diplomacy.services.users import authenticate

        try:
            self.principal = authenticate(self.db, self.login.text(), self.password.text())
        except KnownError as exc:
            self.error.show_error(known_message(exc))
            self.password.clear()
            self.password.setFocus()
            return False
        except Exception as exc:  # a bug: the details dialog, and no way in
            show_error(self, exc)
            return False
        self.accept()
        return True


class _Cover(QWidget):
    """An opaque sheet over a locked window, following its size; the contents stay beneath."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setAutoFillBackground(True)
        self.setStyleSheet("background: #2f4f6f;")
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        """Override: keep covering the whole window when it is resized."""
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
            self.raise_()
        return False


_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleLock(QObject):
    """Locks the application after ``minutes`` without keyboard or mouse input (0: never)."""

    CHECK_EVERY_MS = 15_000

    def __init__(
        self,
        window: QWidget,
        db: DatabaseHandle,
        login: str,
        minutes: int,
        *,
        quit_program: Callable[[], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.db = db
        self.login = login
        self.minutes = minutes
        self.clock = clock
        self.quit_program = quit_program or window.close
        self.last_input = clock()
        self.dialog: SignInDialog | None = None
        self.covers: list[_Cover] = []
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        self.timer = QTimer(self)
        self.timer.setInterval(self.CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        if minutes > 0:
            self.timer.start()

    @property
    def locked(self) -> bool:
        """Whether the windows are covered and the password asked."""
        return self.dialog is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        """Override: any key or mouse input (outside the lock) counts as activity."""
        if event.type() in _INPUT and not self.locked:
            self.last_input = self.clock()
        return False

    def check(self) -> bool:
        """Lock when the idle time has run out; True when locked now."""
        if self.locked or self.minutes <= 0:
            return False
        if self.clock() - self.last_input < self.minutes * 60:
            return False
        self.lock()
        return True

    def lock(self) -> SignInDialog:
        """Cover every open window and ask for the signed-in user's password."""
        for top in QApplication.topLevelWidgets():
            if top.isVisible() and top.isWindow() and not isinstance(top, SignInDialog):
                if top.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog):
                    self.covers.append(_Cover(top))
        self.dialog = SignInDialog(self.db, self.window, login=self.login)
        self.dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.dialog.accepted.connect(self._unlocked)
        self.dialog.rejected.connect(self._gave_up)
        self.dialog.open()
        return self.dialog

    def _unlocked(self) -> None:
        for cover in self.covers:
            cover.parentWidget().removeEventFilter(cover)
            cover.deleteLater()
        self.covers.clear()
        self.dialog = None
        self.last_input = self.clock()

    def _gave_up(self) -> None:
        """Cancel in the lock: the program ends (its on-exit work runs; nothing is shown)."""
        self.dialog = None
        self.timer.stop()
        self.quit_program()

    def stop(self) -> None:
        """Stop watching (the window closes)."""
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
