"""Trade delegations sent and received, with members, markets, agreements and programme.

The programme has its own ordered table: a visit's itinerary rows belong to their visit
(``visit_id`` is required) and carry times in UTC, a delegation's programme is a list of
days abroad, so sharing that table would need a nullable owner on both sides.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from qazvin_diplomacy.storage.base import ArchiveMixin, Base, ConfidentialMixin, RecordMixin
from qazvin_diplomacy.storage.directory import Country


class TradeDelegation(RecordMixin, ArchiveMixin, ConfidentialMixin, Base):
    """A trade delegation sent (``outgoing``) or received (``incoming``)."""

    __tablename__ = "trade_delegation"
    __table_args__ = (
        # The list's default order and the calendar's range scans.
        Index("ix_trade_delegation_archived_start", "archived_at", "start_date"),
        Index("ix_trade_delegation_country_archived", "country_id", "archived_at", "start_date"),
    )

    direction: Mapped[str] = mapped_column(String(20), default="outgoing", index=True)
    title: Mapped[str] = mapped_column(String(300))
    title_en: Mapped[str] = mapped_column(String(300), default="")
    country_id: Mapped[int] = mapped_column(ForeignKey("country.id"))
    region_id: Mapped[int | None] = mapped_column(ForeignKey("market_region.id"), index=True)
    city: Mapped[str] = mapped_column(String(200), default="")
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    head_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    head_text: Mapped[str] = mapped_column(String(250), default="")
    objectives: Mapped[str] = mapped_column(Text, default="")
    budget_notes: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="requested", index=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    search_key: Mapped[str] = mapped_column(Text, default="")

    country: Mapped[Country] = relationship()


class TradeDelegationMember(Base):
    """A member: a directory person, a company or university, or a typed name."""

    __tablename__ = "trade_delegation_member"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    delegation_id: Mapped[int] = mapped_column(
        ForeignKey("trade_delegation.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(20), default="official")
    role: Mapped[str] = mapped_column(String(20), default="member")
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    company_id: Mapped[int | None] = mapped_column(ForeignKey("company.id"), index=True)
    name_text: Mapped[str] = mapped_column(String(250), default="")


class TradeDelegationMarket(Base):
    """A target market the delegation concerns."""

    __tablename__ = "trade_delegation_market"

    delegation_id: Mapped[int] = mapped_column(
        ForeignKey("trade_delegation.id", ondelete="CASCADE"), primary_key=True
    )
    market_id: Mapped[int] = mapped_column(
        ForeignKey("target_market.id"), primary_key=True, index=True
    )


class TradeDelegationAgreement(Base):
    """An agreement of the register signed during the trip."""

    __tablename__ = "trade_delegation_agreement"

    delegation_id: Mapped[int] = mapped_column(
        ForeignKey("trade_delegation.id", ondelete="CASCADE"), primary_key=True
    )
    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreement.id"), primary_key=True, index=True
    )


class TradeDelegationProgrammeItem(Base):
    """One ordered item of the delegation's programme."""

    __tablename__ = "trade_delegation_programme_item"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    delegation_id: Mapped[int] = mapped_column(
        ForeignKey("trade_delegation.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    day: Mapped[date | None] = mapped_column(Date, default=None)
    time_text: Mapped[str] = mapped_column(String(50), default="")
    place: Mapped[str] = mapped_column(String(300), default="")
    activity: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
