"""The outgoing-letters register (اندیکاتور دبیرخانه), its yearly counters and the office's settings."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from qazvin_diplomacy.storage.base import Base, RecordMixin


class OutgoingLetter(RecordMixin, Base):
    """A numbered letter that left the office.

    ``(jalali_year, seq)`` is unique: a number is never given twice.  ``source_key`` names
    what the letter was printed for (e.g. ``invitation:event:3:person:12``) so that printing
    it again reuses its number; NULL for a letter registered by hand.  The link to a visit,
    agreement or event is generic (``link_kind`` + ``link_id``), as follow-ups' sources are.
    """

    __tablename__ = "outgoing_letter"
    __table_args__ = (
        UniqueConstraint("jalali_year", "seq"),
        UniqueConstraint("source_key"),
        Index("ix_outgoing_letter_link", "link_kind", "link_id"),
    )

    jalali_year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(80), index=True)
    letter_date: Mapped[date] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(String(20), default="letter")
    addressee: Mapped[str] = mapped_column(String(300), default="")
    subject: Mapped[str] = mapped_column(String(500), default="")
    link_kind: Mapped[str] = mapped_column(String(30), default="")
    link_id: Mapped[int | None] = mapped_column(Integer, default=None)
    attachments_note: Mapped[str] = mapped_column(String(200), default="")
    body: Mapped[str] = mapped_column(Text, default="")  # paragraphs, one per line
    cc: Mapped[str] = mapped_column(Text, default="")  # «رونوشت» recipients, one per line
    notes: Mapped[str] = mapped_column(Text, default="")
    source_key: Mapped[str | None] = mapped_column(String(120), default=None)
    search_key: Mapped[str] = mapped_column(Text, default="")


class LetterCounter(Base):
    """The last sequence number given in a Jalali year (kept, so a number is never reused)."""

    __tablename__ = "letter_counter"

    jalali_year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)


class OfficeSetting(Base):
    """One setting the whole office shares (the letters' number pattern, letterhead …)."""

    __tablename__ = "office_setting"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
