"""The office's rank table (جدول رتبه‌ها): read, replace as a whole, reset to the defaults.

The order of precedence of guests who are not heads of mission follows a rank table
(``core.precedence``).  Until the office saves its own, the built-in
``DEFAULT_RANK_TABLE`` applies; once saved, the stored table is used everywhere guests are
ordered (precedence list, seating, receiving line, printed lists, badges, place cards and
invitations).  The table lives in the database, so it travels with backups.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from qazvin_diplomacy.core.errors import StaleRecordError, ValidationError
from qazvin_diplomacy.core.precedence import (
    DEFAULT_RANK_TABLE,
    RankRow,
    default_rank_rows,
    rank_table_of,
    validate_rank_rows,
)
from qazvin_diplomacy.core.text import compact_key, normalize
from qazvin_diplomacy.services.records import write
from qazvin_diplomacy.storage.base import new_uuid, utcnow
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.storage.rank_table import RankEntry

__all__ = [
    "RankTable",
    "get_rank_table",
    "rank_table_in",
    "reset_rank_table",
    "save_rank_table",
]


@dataclass(frozen=True)
class RankTable:
    """The rank table in force: its rows (``order`` always an int) and whether it is the default."""

    rows: tuple[RankRow, ...]
    is_default: bool
    #: Identifies the stored table as read: pass it back to :func:`save_rank_table` /
    #: :func:`reset_rank_table` so that a table saved by someone else in between is not
    #: silently overwritten ("" for the built-in default).
    stamp: str = ""

    def as_mapping(self) -> dict[str, int]:
        """The ``{key: order}`` table ``core.precedence.order_of_precedence`` takes."""
        return rank_table_of(self.rows)


def _stamp(session: Session) -> str:
    """A fingerprint of the stored table: every save writes rows with new UUIDs."""
    uuids = session.scalars(select(RankEntry.uuid).order_by(RankEntry.uuid)).all()
    return hashlib.sha256("|".join(uuids).encode()).hexdigest()[:16] if uuids else ""


def _check_stamp(session: Session, expected: str | None) -> None:
    if expected is not None and _stamp(session) != expected:
        raise StaleRecordError("جدول رتبه‌ها")


def _stored_rows(session: Session) -> tuple[RankRow, ...]:
    rows = session.execute(
        select(RankEntry.title, RankEntry.rank_order, RankEntry.note).order_by(
            RankEntry.position, RankEntry.id
        )
    ).all()
    return tuple(RankRow(title, order, note) for title, order, note in rows)


def _table_in(session: Session) -> RankTable:
    rows = _stored_rows(session)
    if not rows:
        return RankTable(rows=default_rank_rows(), is_default=True)
    return RankTable(rows=rows, is_default=False, stamp=_stamp(session))


def rank_table_in(session: Session) -> dict[str, int]:
    """The ``{key: order}`` table in force, read inside an open session (for other services)."""
    rows = _stored_rows(session)
    return rank_table_of(rows) if rows else dict(DEFAULT_RANK_TABLE)


def get_rank_table(db: Database) -> RankTable:
    """The office's rank table, or the built-in default (``is_default``) when none is saved."""
    with db.read_session() as session:
        return _table_in(session)


def save_rank_table(
    db: Database, *, entries: Sequence[RankRow], expected_stamp: str | None = None
) -> RankTable:
    """Replace the whole table with ``entries`` (in this row order) in one transaction.

    ``expected_stamp`` is the ``stamp`` of the table the editor read; when the stored table
    has changed since, ``StaleRecordError`` is raised and nothing is saved (None: no check).

    Raises ``ValidationError`` with Persian messages keyed ``entries.<i>.title`` /
    ``entries.<i>.order`` (blank title, a title equal to another row's once spelling and
    spacing are ignored, an order that is not a positive whole number), or on ``entries``
    when the table would be empty (use :func:`reset_rank_table`); nothing is saved then.
    """
    if not entries:
        raise ValidationError(
            {"entries": "جدول رتبه‌ها خالی است؛ برای بازگشت به جدول پیش‌فرض «بازنشانی» را بزنید."}
        )
    errors = validate_rank_rows(entries)
    if errors:
        raise ValidationError(errors)
    now = utcnow()
    values = []
    for position, row in enumerate(entries):
        title = normalize(row.title)
        values.append(
            {
                "uuid": new_uuid(),
                "created_at": now,
                "updated_at": now,
                "version": 1,
                "position": position,
                "title": title,
                "title_key": compact_key(title),
                "rank_order": rank_table_of([row])[title],
                "note": normalize(row.note or ""),
            }
        )
    with write(db) as session:
        _check_stamp(session, expected_stamp)
        session.execute(delete(RankEntry))
        session.execute(insert(RankEntry), values)
        session.flush()
        return _table_in(session)


def reset_rank_table(db: Database, *, expected_stamp: str | None = None) -> RankTable:
    """Forget the office's table: the built-in default applies again (``expected_stamp`` as in save)."""
    with write(db) as session:
        _check_stamp(session, expected_stamp)
        session.execute(delete(RankEntry))
    return RankTable(rows=default_rank_rows(), is_default=True)
