"""Who is writing, and from which desk: the "who" and "where" of the audit trail.

Until the application has users, the actor is the operating system's login (the same
``getpass.getuser()`` the single-instance guard uses).  A later users feature replaces it in
one place: ``set_actor(name)`` once the user has signed in (the whole process), or
``acting_as(name)`` around one piece of work (this thread/task only; it wins).
"""

from __future__ import annotations

import getpass
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_scoped: ContextVar[str | None] = ContextVar("qazvin_actor", default=None)
_process_actor: str | None = None


def os_login() -> str:
    """The operating system's login name ("" when the environment has none)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no user name in the environment
        return ""


def desk_name() -> str:
    """This computer's host name: the desk a change was made at."""
    try:
        return socket.gethostname()
    except OSError:
        return ""


def current_actor() -> str:
    """Who is writing now: ``acting_as``, else ``set_actor``, else the OS login."""
    return _scoped.get() or _process_actor or os_login()


def set_actor(name: str | None) -> None:
    """Make ``name`` the actor of everything this process writes (None: the OS login again)."""
    global _process_actor
    _process_actor = name or None


@contextmanager
def acting_as(name: str) -> Iterator[None]:
    """Within the block (this thread or task), writes are recorded as made by ``name``."""
    token = _scoped.set(name or None)
    try:
        yield
    finally:
        _scoped.reset(token)
