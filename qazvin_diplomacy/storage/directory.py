"""The directory aggregate: countries, organizations and people (contacts)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from qazvin_diplomacy.storage.base import ArchiveMixin, Base, RecordMixin, UTCDateTime


class Country(RecordMixin, Base):
    """A country, seeded from ISO 3166-1 with Persian and English names."""

    __tablename__ = "country"

    iso2: Mapped[str] = mapped_column(String(2), unique=True)
    iso3: Mapped[str] = mapped_column(String(3), unique=True)
    name_fa: Mapped[str] = mapped_column(String(120))
    name_en: Mapped[str] = mapped_column(String(120))
    region: Mapped[str] = mapped_column(String(30), default="")
    is_target: Mapped[bool] = mapped_column(Boolean, default=False)
    priority: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")
    search_key: Mapped[str] = mapped_column(Text, default="", index=True)


class Organization(RecordMixin, ArchiveMixin, Base):
    """An organization: embassy, ministry, foreign province, chamber, university, company …"""

    __tablename__ = "organization"

    name_fa: Mapped[str] = mapped_column(String(250))
    name_en: Mapped[str] = mapped_column(String(250), default="")
    kind: Mapped[str] = mapped_column(String(30), default="other")
    country_id: Mapped[int | None] = mapped_column(ForeignKey("country.id"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"), index=True)
    city_fa: Mapped[str] = mapped_column(String(120), default="")
    city_en: Mapped[str] = mapped_column(String(120), default="")
    phone: Mapped[str] = mapped_column(String(120), default="")
    email: Mapped[str] = mapped_column(String(250), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    search_key: Mapped[str] = mapped_column(Text, default="")

    country: Mapped[Country | None] = relationship()
    parent: Mapped[Organization | None] = relationship(remote_side="Organization.id")


class Person(RecordMixin, ArchiveMixin, Base):
    """A contact: an official, diplomat, businessperson or academic."""

    __tablename__ = "person"

    name_fa: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    honorific_fa: Mapped[str] = mapped_column(String(60), default="")
    honorific_en: Mapped[str] = mapped_column(String(60), default="")
    title_fa: Mapped[str] = mapped_column(String(250), default="")
    title_en: Mapped[str] = mapped_column(String(250), default="")
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"), index=True)
    country_id: Mapped[int | None] = mapped_column(ForeignKey("country.id"), index=True)
    # Vienna Convention class and rank, used by the order of precedence.
    diplomatic_rank: Mapped[str | None] = mapped_column(String(30), default=None)
    # When the head of mission took up functions (art. 13/16), stored in UTC.
    functions_started_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    languages: Mapped[str] = mapped_column(String(120), default="")
    phone: Mapped[str] = mapped_column(String(120), default="")
    email: Mapped[str] = mapped_column(String(250), default="")
    biography: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    search_key: Mapped[str] = mapped_column(Text, default="")

    organization: Mapped[Organization | None] = relationship()
    country: Mapped[Country | None] = relationship()
