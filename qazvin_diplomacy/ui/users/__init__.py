"""Users in the window: signing in, the idle lock, the administrator's users dialog.

The main window asks :class:`SignInDialog` for a user when the database has users (and works
as before when it has none), applies the signed-in user's role (a viewer's window is
read-only, administrators' tools are hidden from others) and starts the :class:`IdleLock`.
"""

from qazvin_diplomacy.ui.users.admin import PasswordDialog, UserFormDialog, UsersDialog
from qazvin_diplomacy.ui.users.sign_in import IdleLock, SignInDialog

__all__ = ["IdleLock", "PasswordDialog", "SignInDialog", "UserFormDialog", "UsersDialog"]
