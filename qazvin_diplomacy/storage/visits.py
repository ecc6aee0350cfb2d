"""The visit aggregate: a visit with its guests, hosts, itinerary, checklist and gifts.

Follow-up tasks live in the shared ``follow_up_task`` table with ``source_kind="visit"``.
Guest, host and checklist rows are plain link rows owned by their visit (no UUID of their
own: they are exchanged as part of the visit); itinerary items and gifts are records.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from qazvin_diplomacy.storage.base import (
    ArchiveMixin,
    Base,
    ConfidentialMixin,
    RecordMixin,
    UTCDateTime,
)
from qazvin_diplomacy.storage.directory import Country, Person


class Visit(RecordMixin, ArchiveMixin, ConfidentialMixin, Base):
    """A visit by an ambassador or a foreign delegation (دیدار)."""

    __tablename__ = "visit"
    __table_args__ = (
        # The list's default order (active visits by start) and the calendar's range scans
        # (the end too: a month's visits are found from the index alone).
        Index("ix_visit_archived_start_end", "archived_at", "start_at", "end_at"),
        # Filters by country or status, then ordered by start (and their counts).
        Index("ix_visit_country_archived_start", "country_id", "archived_at", "start_at"),
        Index("ix_visit_status_archived_start", "status", "archived_at", "start_at"),
        # The list's other sortable columns: a page at any offset is read from an index.
        Index("ix_visit_archived_at_end_at", "archived_at", "end_at"),
        Index("ix_visit_archived_at_title", "archived_at", "title"),
        Index("ix_visit_archived_at_venue", "archived_at", "venue"),
    )

    title: Mapped[str] = mapped_column(String(300))
    title_en: Mapped[str] = mapped_column(String(300), default="")
    purpose: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="requested")
    start_at: Mapped[datetime] = mapped_column(UTCDateTime)
    end_at: Mapped[datetime] = mapped_column(UTCDateTime)
    venue: Mapped[str] = mapped_column(String(300), default="")
    # compact_key(venue): equal keys are the same place for conflict detection.
    venue_key: Mapped[str] = mapped_column(String(300), default="", index=True)
    country_id: Mapped[int | None] = mapped_column(ForeignKey("country.id"))
    delegation_name: Mapped[str] = mapped_column(String(300), default="")
    # The office's reference or letter number (e.g. ۱۴۰۴/ه/۷), kept as typed.
    reference_number: Mapped[str] = mapped_column(String(100), default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    conflict_reason: Mapped[str] = mapped_column(Text, default="")
    # core.visits.conflict_key of the clash the reason was given for: asked again only when
    # the clash itself changes.
    conflict_key: Mapped[str] = mapped_column(Text, default="")
    # search_key of title, purpose, venue, delegation, country and people's names.
    search_key: Mapped[str] = mapped_column(Text, default="")

    country: Mapped[Country | None] = relationship()
    guests: Mapped[list[VisitGuest]] = relationship(
        back_populates="visit", cascade="all, delete-orphan", order_by="VisitGuest.sort_order"
    )
    hosts: Mapped[list[VisitHost]] = relationship(
        back_populates="visit", cascade="all, delete-orphan", order_by="VisitHost.sort_order"
    )
    itinerary: Mapped[list[VisitItineraryItem]] = relationship(
        back_populates="visit",
        cascade="all, delete-orphan",
        order_by="VisitItineraryItem.sort_order",
    )
    checklist: Mapped[list[VisitChecklistItem]] = relationship(
        back_populates="visit", cascade="all, delete-orphan"
    )
    gifts: Mapped[list[VisitGift]] = relationship(
        back_populates="visit", cascade="all, delete-orphan", order_by="VisitGift.sort_order"
    )
    log: Mapped[list[VisitLogEntry]] = relationship(
        back_populates="visit", cascade="all, delete-orphan", order_by="VisitLogEntry.id"
    )


class VisitGuest(Base):
    """A guest of a visit (a person from the directory) and their role in the delegation."""

    __tablename__ = "visit_guest"
    __table_args__ = (UniqueConstraint("visit_id", "person_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    role: Mapped[str] = mapped_column(String(20), default="member")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    visit: Mapped[Visit] = relationship(back_populates="guests")
    person: Mapped[Person] = relationship()


class VisitHost(Base):
    """A host official of a visit."""

    __tablename__ = "visit_host"
    __table_args__ = (UniqueConstraint("visit_id", "person_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    visit: Mapped[Visit] = relationship(back_populates="hosts")
    person: Mapped[Person] = relationship()


class VisitItineraryItem(RecordMixin, Base):
    """One item of a visit's programme (بند برنامه)."""

    __tablename__ = "visit_itinerary_item"

    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"), index=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    start_at: Mapped[datetime] = mapped_column(UTCDateTime)
    end_at: Mapped[datetime] = mapped_column(UTCDateTime)
    place: Mapped[str] = mapped_column(String(300), default="")
    activity: Mapped[str] = mapped_column(Text)
    place_en: Mapped[str] = mapped_column(String(300), default="")
    activity_en: Mapped[str] = mapped_column(Text, default="")
    responsible_text: Mapped[str] = mapped_column(String(200), default="")
    responsible_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    transport: Mapped[str] = mapped_column(String(200), default="")
    interpreter: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    visit: Mapped[Visit] = relationship(back_populates="itinerary")


class VisitChecklistItem(Base):
    """The state of one protocol checklist item of a visit."""

    __tablename__ = "visit_checklist_item"
    __table_args__ = (UniqueConstraint("visit_id", "item_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"))
    item_key: Mapped[str] = mapped_column(String(30))
    state: Mapped[str] = mapped_column(String(20), default="not_done")
    note: Mapped[str] = mapped_column(Text, default="")
    # Who sees to it: a typed name, or a person of the directory.
    owner_text: Mapped[str] = mapped_column(String(200), default="")
    owner_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), default=None)
    deadline: Mapped[date | None] = mapped_column(Date, default=None)

    visit: Mapped[Visit] = relationship(back_populates="checklist")


class VisitGift(RecordMixin, Base):
    """A gift given to or received from a person during a visit."""

    __tablename__ = "visit_gift"
    __table_args__ = (
        # The repeated-gift warning looks up (person, normalised description).
        Index("ix_visit_gift_person_id_description_key", "person_id", "description_key"),
    )

    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"), index=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    direction: Mapped[str] = mapped_column(String(20), default="given")
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    description: Mapped[str] = mapped_column(String(500))
    # compact_key(description): the same gift however it is spelt.
    description_key: Mapped[str] = mapped_column(String(500), default="")
    gift_date: Mapped[date | None] = mapped_column(Date, default=None)
    notes: Mapped[str] = mapped_column(Text, default="")

    visit: Mapped[Visit] = relationship(back_populates="gifts")


class VisitLogEntry(Base):
    """A decision kept in the visit's history: a clash reason replaced, a status move undone.

    ``kind`` is ``core.visits.LogKind``; ``old_value``/``new_value`` what changed (a status
    value, or the earlier and the new clash reason), ``reason`` why.
    """

    __tablename__ = "visit_log_entry"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    kind: Mapped[str] = mapped_column(String(30))
    old_value: Mapped[str] = mapped_column(Text, default="")
    new_value: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text, default="")

    visit: Mapped[Visit] = relationship(back_populates="log")
