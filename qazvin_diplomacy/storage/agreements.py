"""The agreement aggregate: an agreement with its parties, signatories, axes and status history.

Obligations live in the shared ``follow_up_task`` table with ``source_kind="agreement"``;
attachments (the signed scan, drafts) in ``attachment`` with ``owner_kind="agreement"``.
Party, signatory and axis rows are plain link rows owned by their agreement (no UUID of
their own: they are exchanged as part of the agreement).  Status changes are appended to
``agreement_status_change`` and never edited.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from qazvin_diplomacy.storage.base import (
    ArchiveMixin,
    Base,
    ConfidentialMixin,
    RecordMixin,
    UTCDateTime,
)
from qazvin_diplomacy.storage.directory import Country, Organization, Person


class Agreement(RecordMixin, ArchiveMixin, ConfidentialMixin, Base):
    """An MoU, agreement, roadmap, contract or sister-province agreement (موافقت‌نامه)."""

    __tablename__ = "agreement"
    __table_args__ = (
        # The register's default order and the signing-year filter.
        Index("ix_agreement_archived_at_signing_date", "archived_at", "signing_date"),
        Index("ix_agreement_status_archived_signing", "status", "archived_at", "signing_date"),
        Index("ix_agreement_kind_archived_signing", "kind", "archived_at", "signing_date"),
        Index("ix_agreement_archived_at_title", "archived_at", "title"),
        # The expiry alert and the sort by expiry.
        Index("ix_agreement_archived_at_expires_on", "archived_at", "expires_on"),
    )

    title: Mapped[str] = mapped_column(String(300))
    title_en: Mapped[str] = mapped_column(String(300), default="")
    kind: Mapped[str] = mapped_column(String(20), default="mou")
    status: Mapped[str] = mapped_column(String(20), default="draft")
    # When the current status was entered (for "in legal review longer than 30 days").
    status_changed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    reference_number: Mapped[str] = mapped_column(String(100), default="", index=True)
    signing_date: Mapped[date | None] = mapped_column(Date, default=None)
    signing_place: Mapped[str] = mapped_column(String(300), default="")
    start_date: Mapped[date | None] = mapped_column(Date, default=None)
    end_date: Mapped[date | None] = mapped_column(Date, default=None)
    duration_months: Mapped[int | None] = mapped_column(Integer, default=None)
    auto_renew: Mapped[bool] = mapped_column(Boolean, default=False)
    renewal_months: Mapped[int | None] = mapped_column(Integer, default=None)
    # Computed from end_date or start_date + duration_months (core.agreements.first_expiry).
    expires_on: Mapped[date | None] = mapped_column(Date, default=None)
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visit.id"), index=True)
    summary: Mapped[str] = mapped_column(Text, default="")
    legal_reviewer_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    legal_reviewer_text: Mapped[str] = mapped_column(String(200), default="")
    legal_review_date: Mapped[date | None] = mapped_column(Date, default=None)
    legal_verdict: Mapped[str] = mapped_column(String(20), default="")
    legal_opinion: Mapped[str] = mapped_column(Text, default="")
    # index_key of titles, reference, place, summary, parties and signatories.
    search_key: Mapped[str] = mapped_column(Text, default="")

    parties: Mapped[list[AgreementParty]] = relationship(
        back_populates="agreement",
        cascade="all, delete-orphan",
        order_by="AgreementParty.sort_order",
    )
    signatories: Mapped[list[AgreementSignatory]] = relationship(
        back_populates="agreement",
        cascade="all, delete-orphan",
        order_by="AgreementSignatory.sort_order",
    )
    axes: Mapped[list[AgreementAxis]] = relationship(
        back_populates="agreement", cascade="all, delete-orphan", order_by="AgreementAxis.id"
    )
    history: Mapped[list[AgreementStatusChange]] = relationship(
        back_populates="agreement",
        cascade="all, delete-orphan",
        order_by="AgreementStatusChange.id",
    )
    legal_reviewer: Mapped[Person | None] = relationship()


class AgreementParty(Base):
    """A party to an agreement: an organization on the Iranian or the foreign side."""

    __tablename__ = "agreement_party"
    __table_args__ = (
        UniqueConstraint("agreement_id", "organization_id"),
        # "Agreements of a country" and the register's country filter.
        Index("ix_agreement_party_country_id_agreement_id", "country_id", "agreement_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id", ondelete="CASCADE"))
    side: Mapped[str] = mapped_column(String(10))
    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id"), index=True)
    # The organization's country when saved (or the one chosen), kept for SQL filters.
    country_id: Mapped[int | None] = mapped_column(ForeignKey("country.id"))
    # The foreign province or city, when the organization alone does not say it.
    locality_fa: Mapped[str] = mapped_column(String(200), default="")
    locality_en: Mapped[str] = mapped_column(String(200), default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    agreement: Mapped[Agreement] = relationship(back_populates="parties")
    organization: Mapped[Organization] = relationship()
    country: Mapped[Country | None] = relationship()


class AgreementSignatory(Base):
    """A person who signs (or will sign) for one of the parties, with the title used."""

    __tablename__ = "agreement_signatory"
    __table_args__ = (UniqueConstraint("agreement_id", "person_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id", ondelete="CASCADE"))
    party_id: Mapped[int] = mapped_column(
        ForeignKey("agreement_party.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    title_fa: Mapped[str] = mapped_column(String(250), default="")
    title_en: Mapped[str] = mapped_column(String(250), default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    agreement: Mapped[Agreement] = relationship(back_populates="signatories")
    party: Mapped[AgreementParty] = relationship()
    person: Mapped[Person] = relationship()


class AgreementAxis(Base):
    """An axis of cooperation of an agreement (economy and trade, tourism, …)."""

    __tablename__ = "agreement_axis"
    __table_args__ = (
        UniqueConstraint("agreement_id", "axis"),
        Index("ix_agreement_axis_axis_agreement_id", "axis", "agreement_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id", ondelete="CASCADE"))
    axis: Mapped[str] = mapped_column(String(30))

    agreement: Mapped[Agreement] = relationship(back_populates="axes")


class AgreementStatusChange(Base):
    """One step of an agreement's workflow: from/to status, who, when and why."""

    __tablename__ = "agreement_status_change"
    __table_args__ = (
        Index("ix_agreement_status_change_agreement_id_changed_at", "agreement_id", "changed_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id", ondelete="CASCADE"))
    from_status: Mapped[str] = mapped_column(String(20), default="")
    to_status: Mapped[str] = mapped_column(String(20))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    changed_by: Mapped[str] = mapped_column(String(120), default="")
    remark: Mapped[str] = mapped_column(Text, default="")

    agreement: Mapped[Agreement] = relationship(back_populates="history")
