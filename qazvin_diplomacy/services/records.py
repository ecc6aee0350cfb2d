"""Units of work for services: one transaction, database errors turned into Persian ones."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.exc import DatabaseError, IntegrityError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from qazvin_diplomacy.core.errors import KnownError, NotFoundError, StaleRecordError
from qazvin_diplomacy.core.text import to_persian_digits
from qazvin_diplomacy.services.search_index import raise_if_index_damaged
from qazvin_diplomacy.storage.base import utcnow
from qazvin_diplomacy.storage.database import Database

T = TypeVar("T")


@contextmanager
def write(db: Database) -> Iterator[Session]:
    """One write transaction; commits on success, rolls back everything on any error."""
    try:
        with db.session() as session:
            yield session
    except StaleDataError as exc:
        raise StaleRecordError(entity=_stale_table(exc)) from exc
    except IntegrityError as exc:
        raise KnownError(
            "ذخیره انجام نشد: داده با داده‌های دیگر سازگار نیست (تکراری یا ارجاع نادرست). هیچ تغییری ثبت نشد.",
            f"Not saved: the data conflicts with other records ({exc.orig}). Nothing was changed.",
        ) from exc
    except OperationalError as exc:
        text = str(exc.orig)
        # PostgreSQL says it with a SQLSTATE: 40001/40P01/55P03 a conflict with another desk,
        # 53xxx no room on the server, class 08 a connection that went away.
        state = str(getattr(exc.orig, "sqlstate", "") or "")
        if state.startswith("08"):
            raise KnownError(
                "ارتباط با سرور پایگاه داده قطع شد؛ شبکه را بررسی و دوباره تلاش کنید. هیچ تغییری ثبت نشد.",
                "The connection to the database server was lost; check the network and try again. "
                "Nothing was changed.",
            ) from exc
        if state.startswith("53"):
            text = "disk full"
        if "locked" in text or "busy" in text or state in ("40001", "40P01", "55P03"):
            raise KnownError(
                "پایگاه داده در دست برنامه دیگری است؛ چند لحظه بعد دوباره تلاش کنید. هیچ تغییری ثبت نشد.",
                "The database is busy in another program; try again in a moment. Nothing was changed.",
            ) from exc
        if "disk" in text or "full" in text:
            raise KnownError(
                "فضای دیسک کافی نیست یا دیسک در دسترس نیست؛ هیچ تغییری ثبت نشد.",
                "The disk is full or unavailable; nothing was changed.",
            ) from exc
        _explain_search_index(db, exc)
        raise
    except DatabaseError as exc:  # not Integrity/Operational: e.g. «vtable constructor failed»
        _explain_search_index(db, exc)
        raise


def _stale_table(exc: StaleDataError) -> str:
    """The table named in SQLAlchemy's "UPDATE statement on table 'x' expected …" ("" if none)."""
    match = re.search(r"on table '([^']+)'", str(exc))
    return match.group(1) if match else ""


def _explain_search_index(db: Database, error: DatabaseError) -> None:
    """A write failing in the search index's triggers: say so (``SearchIndexDamaged``)."""
    raise_if_index_damaged(db, error, writing=True)


def get_row(session: Session, model: type[T], row_id: int, what: str = "رکورد") -> T:
    """Load a row by id or raise ``NotFoundError`` with a Persian message."""
    row = session.get(model, row_id)
    if row is None:
        raise NotFoundError(
            f"{what} با شناسه {to_persian_digits(row_id)} پیدا نشد.", f"No record with id {row_id}."
        )
    return row


def another_with(session: Session, model: Any, row_id: int | None, **values: object) -> int | None:
    """The id of a row of ``model`` other than ``row_id`` (None: a new row) holding ``values``
    (the same number in the same series, the same name in the same country …), else None."""
    same = (getattr(model, name) == value for name, value in values.items())
    return session.scalar(select(model.id).where(*same, model.id != (row_id or 0)))


def check_version(row: Any, version: int | None, what: str = "رکورد") -> None:
    """Refuse an update made from a stale copy (optimistic locking)."""
    if version is not None and row.version != version:
        table = getattr(row, "__tablename__", "")
        raise StaleRecordError(what, entity=table, entity_id=str(getattr(row, "id", "") or ""))


def row_to_save(
    session: Session,
    model: type[T],
    record_id: int | None,
    version: int | None,
    what: str = "رکورد",
    **blank: Any,
) -> T:
    """The row a save writes: a new one (made of ``blank``, added) when ``record_id`` is None,
    else the stored one after the version check."""
    if record_id is None:
        row = model(**blank)
        session.add(row)
        return row
    row = get_row(session, model, record_id, what)
    check_version(row, version, what)
    return row


def set_archived(
    session: Session, row: Any, version: int | None, archived: bool, what: str = "رکورد"
) -> None:
    """Archive (``archived``) or restore ``row`` after the version check; no change when it
    already is in that state.  Archived records leave the lists and the search, keep their links."""
    check_version(row, version, what)
    if archived and row.archived_at is None:
        row.archived_at = utcnow()
    elif not archived and row.archived_at is not None:
        row.archived_at = None
    session.flush()
