"""The application's users (``app_user``) and the write guard that enforces their roles.

A database without rows in ``app_user`` works as before users existed.  Login names are
unique once spelling and case are ignored (``login_key``); passwords are kept only as
Argon2id hashes.  :func:`install` adds the guard to a session factory: a viewer's session
cannot write at all, and only an administrator writes the users, the rank table, the
holidays and the office's settings — whichever service (or future one) tries.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, Integer, String, event
from sqlalchemy.orm import Mapped, Session, mapped_column
from sqlalchemy.sql.dml import Delete, Insert, Update

from qazvin_diplomacy.core import access
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.storage.base import Base, RecordMixin, UTCDateTime


class AppUser(RecordMixin, Base):
    """A user who signs in: role, clearance for confidential records, lockout state."""

    __tablename__ = "app_user"

    login: Mapped[str] = mapped_column(String(60))
    #: ``login`` normalised and case-folded: unique, what signing in looks up.
    login_key: Mapped[str] = mapped_column(String(60), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(20))
    cleared: Mapped[bool] = mapped_column(Boolean, default=False)
    password_hash: Mapped[str] = mapped_column(String(200))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)


#: Tables only an administrator writes (besides the users themselves).
ADMIN_TABLES = frozenset({"app_user", "rank_entry", "holiday_entry", "office_setting"})

_bookkeeping: ContextVar[bool] = ContextVar("qazvin_user_bookkeeping", default=False)


@contextmanager
def account_bookkeeping() -> Iterator[None]:
    """Within the block, a signed-in user of any role may update ``app_user`` rows: signing
    in (failed attempts, lockout, last login) and changing one's own password."""
    token = _bookkeeping.set(True)
    try:
        yield
    finally:
        _bookkeeping.reset(token)


class WriteRefused(KnownError):
    """The signed-in user's role does not allow this write."""


def refuse_viewer() -> WriteRefused:
    """The refusal of any write by a viewer."""
    return WriteRefused(
        "حساب شما فقط برای دیدن است (بیننده)؛ هیچ تغییری ثبت نشد.",
        "Your account may only view (viewer); nothing was changed.",
    )


def refuse_non_admin() -> WriteRefused:
    """The refusal of an administrator's write by another user."""
    return WriteRefused(
        "این کار فقط از مدیر سامانه برمی‌آید؛ هیچ تغییری ثبت نشد.",
        "Only an administrator may do this; nothing was changed.",
    )


def check_write(tables: set[str]) -> None:
    """Refuse (``WriteRefused``) a write to ``tables`` that the signed-in user may not make."""
    if not tables or access.current_principal() is None:
        return
    if _bookkeeping.get() and tables == {"app_user"}:
        return
    if not access.may_edit():
        raise refuse_viewer()
    if tables & ADMIN_TABLES and not access.is_admin():
        raise refuse_non_admin()


def _table_of(obj: object) -> str:
    return str(getattr(getattr(obj, "__table__", None), "name", ""))


def _before_flush(session: Session, _context: object, _instances: object) -> None:
    tables = {_table_of(o) for o in (*session.new, *session.deleted)}
    tables |= {
        _table_of(o) for o in session.dirty if session.is_modified(o, include_collections=False)
    }
    check_write(tables)


def _do_orm_execute(state: Any) -> None:
    statement = state.statement
    if isinstance(statement, Insert | Update | Delete):
        check_write({str(getattr(statement.table, "name", ""))})


def install(target: Any) -> None:
    """Guard every write made through sessions of ``target`` (a sessionmaker or Session)."""
    if not event.contains(target, "before_flush", _before_flush):
        event.listen(target, "before_flush", _before_flush)
        # First in line: refused before the audit trail's listener runs the statement.
        event.listen(target, "do_orm_execute", _do_orm_execute, insert=True)
