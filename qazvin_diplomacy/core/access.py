"""Who is signed in, with which role, and whether they may see confidential records.

A database without users has no principal: everyone at the desk sees and edits everything,
as before users existed.  Once a user signs in (the window's login dialog, the CLI's
``--user``), ``set_principal`` makes them the principal of the whole process, and
``acting_for`` does so for one block of work (this thread or task only; it wins).
Services ask ``sees_confidential()`` before they list, search, print or export a record
flagged confidential, and ``may_edit()`` / ``is_admin()`` before writes that need a role.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from qazvin_diplomacy.core import actor
from qazvin_diplomacy.core.labels import LabelledEnum


class Role(LabelledEnum):
    """What a user may do."""

    ADMIN = ("admin", "مدیر سامانه", "Administrator")
    EDITOR = ("editor", "ویرایشگر", "Editor")
    VIEWER = ("viewer", "بیننده", "Viewer")


@dataclass(frozen=True)
class Principal:
    """A signed-in user: login name, role and confidential clearance."""

    name: str
    role: Role
    cleared: bool = False

    @property
    def sees_confidential(self) -> bool:
        """Administrators and users with clearance see confidential records."""
        return self.role is Role.ADMIN or self.cleared


_scoped: ContextVar[Principal | None] = ContextVar("qazvin_principal", default=None)
_process: Principal | None = None


def current_principal() -> Principal | None:
    """The signed-in user (``acting_for`` first, then ``set_principal``); None without users."""
    return _scoped.get() or _process


def set_principal(principal: Principal | None) -> None:
    """Make ``principal`` the signed-in user of this process (None: signed out / no users)."""
    global _process
    _process = principal
    actor.set_actor(principal.name if principal else None)


@contextmanager
def acting_for(principal: Principal) -> Iterator[None]:
    """Within the block (this thread or task), ``principal`` is the signed-in user."""
    token = _scoped.set(principal)
    try:
        with actor.acting_as(principal.name):
            yield
    finally:
        _scoped.reset(token)


def sees_confidential() -> bool:
    """Whether the current user may see records flagged confidential (True without users)."""
    principal = current_principal()
    return principal is None or principal.sees_confidential


def may_edit() -> bool:
    """Whether the current user may write (viewers may not; True without users)."""
    principal = current_principal()
    return principal is None or principal.role is not Role.VIEWER


def is_admin() -> bool:
    """Whether the current user is an administrator (True without users)."""
    principal = current_principal()
    return principal is None or principal.role is Role.ADMIN
