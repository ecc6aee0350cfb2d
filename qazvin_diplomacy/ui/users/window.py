"""The signed-in user's part of the main window: sign-in, role, the users tools, idle lock.

:class:`UserSession` is mixed into ``ui.main_window.MainWindow``: it uses the window's
``ctx``, ``hub``, ``act_new``/``act_save``, ``backup``, ``user_label``, ``idle_lock``,
``sign_in_dialog``, ``changes``, ``nav``, ``_attached``, ``_defer_pages``, ``_show_row`` and
``_start_work``.  Its texts are the main window's (context ``MainWindow``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QWidget

from qazvin_diplomacy.core.access import (
    Principal,
    Role,
    current_principal,
    is_admin,
    may_edit,
    set_principal,
)
from qazvin_diplomacy.core.text import bidi_isolate
from qazvin_diplomacy.ui.i18n import current_language

if TYPE_CHECKING:
    from qazvin_diplomacy.ui.users import SignInDialog


#: Who "works" on the window between a sign-out and the next sign-in: a viewer without
#: clearance and without a name, so nothing confidential is read and nothing written meanwhile.
NOBODY = Principal("", Role.VIEWER, False)


class ToolHost(Protocol):
    """A dialog taking tool buttons (``ui.main_window.SettingsDialog``)."""

    def add_tool(self, text: str, open_tool: Callable[[], object], visible: bool = True) -> None:
        """Add a button opening another dialog."""
        ...


class UserSession:
    """Who works on the main window, and what their role lets them do there."""

    ctx: Any
    hub: Any
    changes: Any
    nav: Any
    sign_in_dialog: Any
    idle_lock: Any

    def _add_user_buttons(self, dialog: ToolHost) -> None:
        """«Create the administrator» on a database without users; «Users…» for an
        administrator; «Change password…» for whoever is signed in."""
        if not self._attached:
            return
        from qazvin_diplomacy.services.users import has_users

        principal = current_principal()
        if principal is None and not has_users(self.ctx.db):
            first = QCoreApplication.translate("MainWindow", "Create the administrator…")
            dialog.add_tool(first, lambda: self.open_first_admin(dialog))
        if principal is not None and is_admin():
            users = QCoreApplication.translate("MainWindow", "Users…")
            dialog.add_tool(users, lambda: self.open_users(dialog))
        if principal is not None:
            change = QCoreApplication.translate("MainWindow", "Change password…")
            dialog.add_tool(change, lambda: self.open_change_password(dialog))

    def open_first_admin(self, parent: QWidget | None = None) -> QDialog:
        """Create the first administrator; once created, they are signed in on this window."""
        from qazvin_diplomacy.ui.users import UserFormDialog

        dialog = UserFormDialog(self.ctx.db, parent or self, first_admin=True)

        def created() -> None:
            from qazvin_diplomacy.core.access import Principal, Role

            assert dialog.user is not None
            self.signed_in(Principal(dialog.user.login, Role.ADMIN, True))
            if parent is not None:
                parent.close()

        dialog.accepted.connect(created)
        dialog.open()
        return dialog

    def open_users(self, parent: QWidget | None = None) -> QDialog:
        """The administrator's users dialog."""
        from qazvin_diplomacy.ui.users import UsersDialog

        dialog = UsersDialog(self.ctx.db, parent or self, on_change=self._idle_minutes_changed)
        dialog.open()
        return dialog

    def open_change_password(self, parent: QWidget | None = None) -> QDialog:
        """The signed-in user changes their own password."""
        from qazvin_diplomacy.ui.users import PasswordDialog

        principal = current_principal()
        assert principal is not None
        dialog = PasswordDialog(self.ctx.db, principal.name, parent or self)
        dialog.accepted.connect(
            lambda: self.hub.status.emit(
                QCoreApplication.translate("MainWindow", "Your password was changed.")
            )
        )
        dialog.open()
        return dialog

    def needs_sign_in(self) -> bool:
        """Whether the database has users and no one is signed in on this window yet."""
        from qazvin_diplomacy.services.users import has_users

        return current_principal() is None and has_users(self.ctx.db)

    def ask_sign_in(self) -> SignInDialog:
        """The sign-in dialog over the window; work starts once a user has signed in, and
        the program ends when it is cancelled."""
        from qazvin_diplomacy.ui.users import SignInDialog

        dialog = SignInDialog(self.ctx.db, self)
        self.sign_in_dialog = dialog
        dialog.accepted.connect(lambda: self.signed_in(dialog.principal))
        dialog.rejected.connect(self.close)
        dialog.open()
        return dialog

    def awaits_first_sign_in(self) -> bool:
        """Whether the sign-in dialog is open before the window's work began (a sign-in asked
        after a restore comes once the pages and background checks are running)."""
        return self.sign_in_dialog is not None and not self.changes.timer.isActive()

    def recheck_user(self) -> None:
        """After the window's database was replaced (a restore, another database or server):
        the signed-in user works on only if that database knows them — enabled, with the same
        role and clearance — and the current page is rebuilt.  Otherwise they are signed out,
        the page waits and the sign-in dialog asks who works (cancelling it closes the
        window).  On a database without users no one is signed in."""
        from qazvin_diplomacy.services.users import has_users, still_signed_in

        principal = current_principal()
        if not has_users(self.ctx.db):
            if principal is not None:
                set_principal(None)
                self._apply_role()
                self._idle_minutes_changed()
        elif (
            principal is None or principal == NOBODY or not still_signed_in(self.ctx.db, principal)
        ):
            set_principal(NOBODY)
            self._apply_role()
            self.user_label.setVisible(False)
            if self.idle_lock is not None:
                self.idle_lock.stop()
                self.idle_lock.deleteLater()
                self.idle_lock = None
            self._defer_pages = True  # the page is built once someone has signed in
            if self.sign_in_dialog is None:
                self.ask_sign_in()
        else:
            self._idle_minutes_changed()  # the restored database's idle minutes
        self._show_row(self.nav.currentRow())

    def signed_in(self, principal: Principal | None) -> None:
        """``principal`` works on this window: their name in the status bar, a viewer's window
        read-only, the idle lock started; then the window's work starts (first sign-in)."""
        assert principal is not None
        set_principal(principal)
        self.sign_in_dialog = None
        self._apply_role()
        self._idle_minutes_changed()
        if self._defer_pages:
            self._start_work()

    def _apply_role(self) -> None:
        """Hide what the signed-in user may not do (write actions for a viewer, the restore
        for anyone but an administrator); pages built later check the role themselves."""
        self.act_new.setEnabled(may_edit())
        self.act_save.setEnabled(may_edit())
        if self._attached:
            self.backup.act_restore.setVisible(is_admin())
        self._show_user()

    def _show_user(self) -> None:
        principal = current_principal()
        self.user_label.setVisible(principal is not None)
        if principal is not None:
            role = principal.role.label(current_language())
            self.user_label.setText(
                QCoreApplication.translate("MainWindow", "User: %1 (%2)")
                .replace("%1", bidi_isolate(principal.name))
                .replace("%2", role)
            )

    def _idle_minutes_changed(self) -> None:
        """(Re)start the idle lock with the office's minutes (none without a signed-in user)."""
        from qazvin_diplomacy.services.users import idle_lock_minutes
        from qazvin_diplomacy.ui.users import IdleLock

        principal = current_principal()
        if self.idle_lock is not None:
            self.idle_lock.stop()
            self.idle_lock.deleteLater()
            self.idle_lock = None
        if principal is None:
            return
        minutes = idle_lock_minutes(self.ctx.db)
        self.idle_lock = IdleLock(self, self.ctx.db, principal.name, minutes)
