"""The office's own rank table (جدول رتبه‌ها) for the order of precedence of other guests.

Each row is one key of ``core.precedence``'s rank table: the beginning of a title (Persian or
English) or a ``DiplomaticRank`` value, with its order number (smaller first) and a note.
``title_key`` is the title's ``core.text.compact_key`` and is unique, so two spellings of the
same title cannot both be stored.  ``position`` keeps the rows in the order the office
arranged them in the editor.  An empty table means "use ``DEFAULT_RANK_TABLE``"; it lives in
the database so it travels with backups.
"""

from __future__ import annotations

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from qazvin_diplomacy.storage.base import Base, RecordMixin


class RankEntry(RecordMixin, Base):
    """One row of the office's rank table."""

    __tablename__ = "rank_entry"

    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(200))
    title_key: Mapped[str] = mapped_column(String(200), unique=True)
    rank_order: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
