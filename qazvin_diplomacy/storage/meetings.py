"""The meetings aggregate: series, sessions (minutes), agenda items, resolutions and their log.

A meeting series (کارگروه، شورا) has standing members; each of its meetings has attendees,
invited bodies, agenda items in order and resolutions (مصوبات).  A resolution is owned by
one body (an organization) with co-responsible bodies, and has a follow-up log.  Approved
minutes are kept as versions (``meeting_minutes_version``): a correction reopens the meeting
with the next version number, the approved text of the earlier one stays.  Links to visits,
agreements and later modules are generic (``target_kind`` + ``target_id``), as follow-ups'
sources are.  Files of agenda items and log entries are ``attachment`` rows
(``owner_kind="meeting_agenda_item"`` / ``"resolution_log"``).
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, Time, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from qazvin_diplomacy.storage.base import (
    ArchiveMixin,
    Base,
    ConfidentialMixin,
    RecordMixin,
    UTCDateTime,
)
from qazvin_diplomacy.storage.directory import Organization, Person


class MeetingSeries(RecordMixin, ArchiveMixin, Base):
    """A series of meetings: a working group, a council (e.g. the Saturday export working group).

    ``frequency`` is ``core.meetings.Frequency``; ``weekday`` (0 = Saturday), ``day``, ``nth``
    and ``interval`` complete the rule (``core.meetings.SeriesRecurrence``).  ``first_number``
    is the number of the first session recorded here (a series recorded part-way).
    """

    __tablename__ = "meeting_series"

    name_fa: Mapped[str] = mapped_column(String(300))
    name_en: Mapped[str] = mapped_column(String(300), default="")
    chair_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), default=None)
    chair_text: Mapped[str] = mapped_column(String(200), default="")
    secretary_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), default=None)
    secretary_text: Mapped[str] = mapped_column(String(200), default="")
    venue: Mapped[str] = mapped_column(String(300), default="")
    frequency: Mapped[str] = mapped_column(String(20), default="none")
    weekday: Mapped[int | None] = mapped_column(Integer, default=None)
    day: Mapped[int | None] = mapped_column(Integer, default=None)
    nth: Mapped[int | None] = mapped_column(Integer, default=None)
    interval: Mapped[int] = mapped_column(Integer, default=1)
    start_time: Mapped[time | None] = mapped_column(Time, default=None)
    end_time: Mapped[time | None] = mapped_column(Time, default=None)
    first_number: Mapped[int] = mapped_column(Integer, default=1)
    notes: Mapped[str] = mapped_column(Text, default="")
    search_key: Mapped[str] = mapped_column(Text, default="")

    chair: Mapped[Person | None] = relationship(foreign_keys=[chair_person_id])
    secretary: Mapped[Person | None] = relationship(foreign_keys=[secretary_person_id])
    members: Mapped[list[MeetingSeriesMember]] = relationship(
        back_populates="series",
        cascade="all, delete-orphan",
        order_by="MeetingSeriesMember.sort_order",
    )


class MeetingSeriesMember(Base):
    """A standing member of a series: a person or a body (organization)."""

    __tablename__ = "meeting_series_member"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    series_id: Mapped[int] = mapped_column(
        ForeignKey("meeting_series.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), default=None)
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"), default=None)
    role: Mapped[str] = mapped_column(String(200), default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    series: Mapped[MeetingSeries] = relationship(back_populates="members")
    person: Mapped[Person | None] = relationship()
    organization: Mapped[Organization | None] = relationship()


class Meeting(RecordMixin, ArchiveMixin, ConfidentialMixin, Base):
    """One session of a series (جلسه) and its minutes (صورتجلسه).

    ``status`` is ``core.meetings.MeetingStatus``; ``minutes_version`` the version being
    written or last approved (1 until a correction).
    """

    __tablename__ = "meeting"
    __table_args__ = (
        UniqueConstraint("series_id", "number"),
        Index("ix_meeting_archived_at_meeting_date", "archived_at", "meeting_date"),
        Index("ix_meeting_series_id_meeting_date", "series_id", "meeting_date"),
    )

    series_id: Mapped[int] = mapped_column(ForeignKey("meeting_series.id"))
    number: Mapped[int] = mapped_column(Integer)
    meeting_date: Mapped[date] = mapped_column(Date)
    start_time: Mapped[time | None] = mapped_column(Time, default=None)
    end_time: Mapped[time | None] = mapped_column(Time, default=None)
    venue: Mapped[str] = mapped_column(String(300), default="")
    chair_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), default=None)
    chair_text: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(20), default="draft", index=True)
    minutes_version: Mapped[int] = mapped_column(Integer, default=1)
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    notes: Mapped[str] = mapped_column(Text, default="")
    search_key: Mapped[str] = mapped_column(Text, default="")

    series: Mapped[MeetingSeries] = relationship()
    chair: Mapped[Person | None] = relationship()
    attendees: Mapped[list[MeetingAttendee]] = relationship(
        back_populates="meeting",
        cascade="all, delete-orphan",
        order_by="MeetingAttendee.sort_order",
    )
    invited: Mapped[list[MeetingInvitedBody]] = relationship(
        back_populates="meeting",
        cascade="all, delete-orphan",
        order_by="MeetingInvitedBody.sort_order",
    )
    agenda: Mapped[list[MeetingAgendaItem]] = relationship(
        back_populates="meeting",
        cascade="all, delete-orphan",
        order_by="MeetingAgendaItem.sort_order",
    )
    resolutions: Mapped[list[Resolution]] = relationship(
        back_populates="meeting", order_by="Resolution.seq"
    )
    minutes_versions: Mapped[list[MeetingMinutesVersion]] = relationship(
        back_populates="meeting",
        cascade="all, delete-orphan",
        order_by="MeetingMinutesVersion.version",
    )


class MeetingAttendee(Base):
    """Someone expected at a meeting and whether they came (``core.meetings.Attendance``)."""

    __tablename__ = "meeting_attendee"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), default=None)
    name_text: Mapped[str] = mapped_column(String(200), default="")
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"), default=None)
    role: Mapped[str] = mapped_column(String(200), default="")
    attendance: Mapped[str] = mapped_column(String(20), default="present")
    represented_by_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id"), default=None
    )
    represented_by_text: Mapped[str] = mapped_column(String(200), default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    meeting: Mapped[Meeting] = relationship(back_populates="attendees")
    person: Mapped[Person | None] = relationship(foreign_keys=[person_id])
    organization: Mapped[Organization | None] = relationship()
    represented_by: Mapped[Person | None] = relationship(foreign_keys=[represented_by_person_id])


class MeetingInvitedBody(Base):
    """A body (organization) invited to a meeting."""

    __tablename__ = "meeting_invited_body"
    __table_args__ = (UniqueConstraint("meeting_id", "organization_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id"), index=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    meeting: Mapped[Meeting] = relationship(back_populates="invited")
    organization: Mapped[Organization] = relationship()


class MeetingAgendaItem(RecordMixin, Base):
    """An agenda item (دستور جلسه) in order, with its presenter and the discussion notes."""

    __tablename__ = "meeting_agenda_item"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(Text)
    presenter_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), default=None)
    presenter_text: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    meeting: Mapped[Meeting] = relationship(back_populates="agenda")
    presenter: Mapped[Person | None] = relationship()


class MeetingMinutesVersion(Base):
    """An approved version of a meeting's minutes, kept as approved (JSON ``snapshot``)."""

    __tablename__ = "meeting_minutes_version"
    __table_args__ = (UniqueConstraint("meeting_id", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    approved_at: Mapped[datetime] = mapped_column(UTCDateTime)
    approved_by: Mapped[str] = mapped_column(String(200), default="")
    # Why the next version was opened ('' while this one is the current).
    correction_reason: Mapped[str] = mapped_column(Text, default="")
    snapshot: Mapped[str] = mapped_column(Text, default="")

    meeting: Mapped[Meeting] = relationship(back_populates="minutes_versions")


class Resolution(RecordMixin, ArchiveMixin, Base):
    """A resolution (مصوبه) numbered «session/seq», owned by a body, followed to the end.

    ``series_id`` and ``session_number`` copy the meeting's, so the resolutions list filters
    and sorts across all meetings from indexes of this table alone.  ``status`` is
    ``core.meetings.ResolutionStatus``; overdue is derived from ``deadline``.
    """

    __tablename__ = "resolution"
    __table_args__ = (
        UniqueConstraint("meeting_id", "seq"),
        # The list's state filters and deadline order; covering for the per-body counts.
        Index(
            "ix_resolution_archived_status_deadline_body",
            "archived_at",
            "status",
            "deadline",
            "responsible_org_id",
        ),
        Index("ix_resolution_body_status_deadline", "responsible_org_id", "status", "deadline"),
        Index("ix_resolution_series_status_deadline", "series_id", "status", "deadline"),
    )

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"), index=True)
    series_id: Mapped[int] = mapped_column(ForeignKey("meeting_series.id"))
    session_number: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(40), default="")
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting_agenda_item.id", ondelete="SET NULL"), default=None
    )
    text: Mapped[str] = mapped_column(Text)
    responsible_org_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id"), default=None
    )
    person_in_charge_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), default=None)
    person_in_charge_text: Mapped[str] = mapped_column(String(200), default="")
    deadline: Mapped[date | None] = mapped_column(Date, default=None)
    status: Mapped[str] = mapped_column(String(20), default="open")
    closing_note: Mapped[str] = mapped_column(Text, default="")
    closed_on: Mapped[date | None] = mapped_column(Date, default=None)
    search_key: Mapped[str] = mapped_column(Text, default="")

    meeting: Mapped[Meeting] = relationship(back_populates="resolutions")
    responsible: Mapped[Organization | None] = relationship()
    person_in_charge: Mapped[Person | None] = relationship()
    co_bodies: Mapped[list[ResolutionBody]] = relationship(
        back_populates="resolution",
        cascade="all, delete-orphan",
        order_by="ResolutionBody.sort_order",
    )
    log: Mapped[list[ResolutionLog]] = relationship(
        back_populates="resolution",
        cascade="all, delete-orphan",
        order_by="ResolutionLog.id",
    )


class ResolutionBody(Base):
    """A co-responsible body of a resolution."""

    __tablename__ = "resolution_body"
    __table_args__ = (UniqueConstraint("resolution_id", "organization_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    resolution_id: Mapped[int] = mapped_column(ForeignKey("resolution.id", ondelete="CASCADE"))
    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id"), index=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    resolution: Mapped[Resolution] = relationship(back_populates="co_bodies")
    organization: Mapped[Organization] = relationship()


class ResolutionLog(Base):
    """An entry of a resolution's follow-up log (``core.meetings.LogKind``).

    A moved deadline keeps the earlier one in ``old_deadline``; a status change its two
    statuses.  ``letter_number`` is the outgoing or incoming letter's number as typed.
    """

    __tablename__ = "resolution_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    resolution_id: Mapped[int] = mapped_column(
        ForeignKey("resolution.id", ondelete="CASCADE"), index=True
    )
    entry_date: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(30))
    letter_number: Mapped[str] = mapped_column(String(100), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    old_deadline: Mapped[date | None] = mapped_column(Date, default=None)
    new_deadline: Mapped[date | None] = mapped_column(Date, default=None)
    old_status: Mapped[str] = mapped_column(String(20), default="")
    new_status: Mapped[str] = mapped_column(String(20), default="")
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)

    resolution: Mapped[Resolution] = relationship(back_populates="log")


class MeetingLink(Base):
    """A link from a meeting or resolution (``owner_kind`` + ``owner_id``) to another record
    (``target_kind`` + ``target_id``: visit, agreement, event, delegation, market)."""

    __tablename__ = "meeting_link"
    __table_args__ = (
        UniqueConstraint("owner_kind", "owner_id", "target_kind", "target_id"),
        Index("ix_meeting_link_target", "target_kind", "target_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_kind: Mapped[str] = mapped_column(String(30))
    owner_id: Mapped[int] = mapped_column(Integer)
    target_kind: Mapped[str] = mapped_column(String(30))
    target_id: Mapped[int] = mapped_column(Integer)
