"""Declarative base and the columns every record shares.

Every table gets: an integer primary key, a UUID for exchange between offices,
UTC created/updated timestamps and a ``version`` counter used by SQLAlchemy's
optimistic locking (``version_id_col``): an UPDATE whose version no longer matches
raises ``StaleDataError``, which services translate to ``StaleRecordError``.
Records with history are archived (``archived_at``) rather than deleted.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import Boolean, DateTime, Integer, MetaData, String, TypeDecorator
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """The current time, timezone-aware, in UTC."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A datetime stored as naive UTC in SQLite and returned timezone-aware (UTC)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where a UTC-aware one is required")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    """Base of every model; constraint names follow ``NAMING_CONVENTION``."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def new_uuid() -> str:
    """A fresh random UUID as text."""
    return str(uuid.uuid4())


class RecordMixin:
    """Columns shared by every record, with optimistic locking on ``version``."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), default=new_uuid, unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, object]:  # SQLAlchemy directive
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


class ArchiveMixin:
    """Soft delete: an archived record is hidden from lists but keeps its history."""

    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)

    @property
    def is_archived(self) -> bool:
        """True when the record has been archived."""
        return self.archived_at is not None


class ConfidentialMixin:
    """A record that may be flagged confidential: hidden from users without clearance.

    ``storage.confidential`` keeps such records out of every ORM query made for a user who
    may not see them (``core.access.sees_confidential``).
    """

    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
