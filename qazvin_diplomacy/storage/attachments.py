"""Attachments: files kept in the data folder under their SHA-256, original name remembered."""

from __future__ import annotations

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from qazvin_diplomacy.storage.base import ArchiveMixin, Base, RecordMixin


class Attachment(RecordMixin, ArchiveMixin, Base):
    """A stored file linked to a record (``owner_kind`` + ``owner_id``)."""

    __tablename__ = "attachment"
    __table_args__ = (Index("ix_attachment_owner", "owner_kind", "owner_id"),)

    owner_kind: Mapped[str] = mapped_column(String(30), default="")
    owner_id: Mapped[int | None] = mapped_column(Integer, default=None)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(Integer)
    original_name: Mapped[str] = mapped_column(String(260))
    media_type: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    description: Mapped[str] = mapped_column(Text, default="")
