"""The event aggregate: an event with its programme, guests (invitations) and seating tables.

An event (رویداد) such as Panjah Bedar may recur yearly by a Jalali rule (the four
``recurrence_*`` columns, see ``core.recurrence``); next year's copy points back to the
event it was copied from (``source_event_id``).  A guest row is one invitation: reply,
attendance at the door, table and seat.  A seat is never given twice: ``(event, table,
seat)`` is unique (an interpreter sitting behind a principal has a table but no seat).
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from qazvin_diplomacy.storage.base import ArchiveMixin, Base, RecordMixin, UTCDateTime
from qazvin_diplomacy.storage.directory import Person


class Event(RecordMixin, ArchiveMixin, Base):
    """A cultural, economic, exhibition or ceremonial event (رویداد)."""

    __tablename__ = "event"
    __table_args__ = (
        # Lists and the dashboard: active events by date, optionally by status or kind.
        Index("ix_event_archived_at_start_date", "archived_at", "start_date"),
        Index("ix_event_status_archived_start", "status", "archived_at", "start_date"),
        Index("ix_event_kind_archived_start", "kind", "archived_at", "start_date"),
    )

    title_fa: Mapped[str] = mapped_column(String(300))
    title_en: Mapped[str] = mapped_column(String(300), default="")
    kind: Mapped[str] = mapped_column(String(20), default="cultural")
    status: Mapped[str] = mapped_column(String(20), default="draft")
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    start_time: Mapped[time | None] = mapped_column(Time, default=None)
    end_time: Mapped[time | None] = mapped_column(Time, default=None)
    venue: Mapped[str] = mapped_column(String(300), default="")
    venue_en: Mapped[str] = mapped_column(String(300), default="")
    organizer: Mapped[str] = mapped_column(String(300), default="")
    organizer_en: Mapped[str] = mapped_column(String(300), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    budget_notes: Mapped[str] = mapped_column(Text, default="")
    # Yearly Jalali rule (core.recurrence.RecurrenceRule); kind NULL: no recurrence.
    recurrence_kind: Mapped[str | None] = mapped_column(String(20), default=None)
    recurrence_day: Mapped[int | None] = mapped_column(Integer, default=None)
    recurrence_month: Mapped[int | None] = mapped_column(Integer, default=None)
    recurrence_weekday: Mapped[int | None] = mapped_column(Integer, default=None)
    recurrence_nth: Mapped[int | None] = mapped_column(Integer, default=None)
    # The event of the previous year this one was copied from.
    source_event_id: Mapped[int | None] = mapped_column(
        ForeignKey("event.id", ondelete="SET NULL"), index=True, default=None
    )
    # index_key of titles, venue, organizer and description.
    search_key: Mapped[str] = mapped_column(Text, default="")

    programme: Mapped[list[EventProgrammeItem]] = relationship(
        back_populates="event",
        cascade="all, delete-orphan",
        order_by="EventProgrammeItem.sort_order",
    )
    guests: Mapped[list[EventGuest]] = relationship(
        back_populates="event", cascade="all, delete-orphan"
    )
    tables: Mapped[list[EventTable]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="EventTable.number"
    )
    log: Mapped[list[EventLogEntry]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="EventLogEntry.id"
    )


class EventLogEntry(Base):
    """A decision kept in the event's history: "held" taken back (``kind`` "status_undone"),
    the statuses in ``old_value``/``new_value`` and the clerk's ``reason``."""

    __tablename__ = "event_log_entry"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    kind: Mapped[str] = mapped_column(String(30))
    old_value: Mapped[str] = mapped_column(Text, default="")
    new_value: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text, default="")

    event: Mapped[Event] = relationship(back_populates="log")


class EventProgrammeItem(RecordMixin, Base):
    """One item of an event's programme: time, item (fa/en), speaker or performer."""

    __tablename__ = "event_programme_item"

    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    start_time: Mapped[time | None] = mapped_column(Time, default=None)
    end_time: Mapped[time | None] = mapped_column(Time, default=None)
    item_fa: Mapped[str] = mapped_column(Text)
    item_en: Mapped[str] = mapped_column(Text, default="")
    speaker: Mapped[str] = mapped_column(String(300), default="")
    speaker_en: Mapped[str] = mapped_column(String(300), default="")

    event: Mapped[Event] = relationship(back_populates="programme")


class EventGuest(RecordMixin, Base):
    """One invited person: invitation, reply (RSVP), attendance, table and seat."""

    __tablename__ = "event_guest"
    __table_args__ = (
        UniqueConstraint("event_id", "person_id"),
        # A seat is given once; NULL seats (unseated, or behind a principal) never clash.
        UniqueConstraint("event_id", "table_no", "seat_no", name="uq_event_guest_seat"),
        Index("ix_event_guest_event_id_rsvp", "event_id", "rsvp"),
    )

    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    companions: Mapped[int] = mapped_column(Integer, default=0)
    invitation_sent_on: Mapped[date | None] = mapped_column(Date, default=None)
    invitation_channel: Mapped[str | None] = mapped_column(String(20), default=None)
    rsvp: Mapped[str] = mapped_column(String(20), default="no_reply")
    rsvp_on: Mapped[date | None] = mapped_column(Date, default=None)
    attended: Mapped[bool] = mapped_column(Boolean, default=False)
    checked_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    table_no: Mapped[int | None] = mapped_column(Integer, default=None)
    seat_no: Mapped[int | None] = mapped_column(Integer, default=None)
    # Interpreter seated on a chair behind the principal (table set, seat NULL).
    seat_behind: Mapped[bool] = mapped_column(Boolean, default=False)
    # Placed by hand: kept when the plan is recomputed.
    seat_manual: Mapped[bool] = mapped_column(Boolean, default=False)
    # This guest interprets for that person (placed beside or behind them).
    interpreter_for_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id"), default=None
    )
    # Position in a precedence order decided by hand (NULL: computed order).
    manual_precedence: Mapped[int | None] = mapped_column(Integer, default=None)
    remarks: Mapped[str] = mapped_column(Text, default="")

    event: Mapped[Event] = relationship(back_populates="guests")
    person: Mapped[Person] = relationship(foreign_keys=[person_id])


class EventTable(Base):
    """A table of the seating plan: number, seats, shape, and who hosts it."""

    __tablename__ = "event_table"
    __table_args__ = (UniqueConstraint("event_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    capacity: Mapped[int] = mapped_column(Integer)
    shape: Mapped[str] = mapped_column(String(20), default="round")
    host_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), default=None)
    host_seat: Mapped[int | None] = mapped_column(Integer, default=None)
    label: Mapped[str] = mapped_column(String(120), default="")

    event: Mapped[Event] = relationship(back_populates="tables")
