"""Follow-up tasks (اقدام پیگیری), linked to any source record."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from qazvin_diplomacy.storage.base import ArchiveMixin, Base, RecordMixin
from qazvin_diplomacy.storage.directory import Person


class FollowUpTask(RecordMixin, ArchiveMixin, Base):
    """A task to follow up, from a visit, meeting, agreement or delegation.

    The source is generic: ``source_kind`` names the table ("visit", "agreement", …) and
    ``source_id`` the row, so later modules link tasks without a schema change.
    """

    __tablename__ = "follow_up_task"
    __table_args__ = (Index("ix_follow_up_task_source", "source_kind", "source_id"),)

    source_kind: Mapped[str] = mapped_column(String(30), default="")
    source_id: Mapped[int | None] = mapped_column(Integer, default=None)
    title: Mapped[str] = mapped_column(String(300))
    owner_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    owner_text: Mapped[str] = mapped_column(String(200), default="")
    deadline: Mapped[date | None] = mapped_column(Date, default=None, index=True)
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    search_key: Mapped[str] = mapped_column(Text, default="")

    owner: Mapped[Person | None] = relationship()
