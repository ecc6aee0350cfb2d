"""Target markets and the province's exporters: regions, companies, products, exports."""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    BigInteger,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from qazvin_diplomacy.storage.base import ArchiveMixin, Base, RecordMixin
from qazvin_diplomacy.storage.directory import Country, Person


class MarketRegion(RecordMixin, ArchiveMixin, Base):
    """A region within one country (Iraqi Kurdistan, southern Iraq, Herat …)."""

    __tablename__ = "market_region"
    __table_args__ = (UniqueConstraint("country_id", "name_fa"),)

    country_id: Mapped[int] = mapped_column(ForeignKey("country.id"), index=True)
    name_fa: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    search_key: Mapped[str] = mapped_column(Text, default="")

    country: Mapped[Country] = relationship()


class Company(RecordMixin, ArchiveMixin, Base):
    """A province company, producer, university or science park."""

    __tablename__ = "company"

    name_fa: Mapped[str] = mapped_column(String(250))
    name_en: Mapped[str] = mapped_column(String(250), default="")
    kind: Mapped[str] = mapped_column(String(30), default="exporter")
    sector: Mapped[str] = mapped_column(String(30), default="other", index=True)
    city_fa: Mapped[str] = mapped_column(String(120), default="")
    phone: Mapped[str] = mapped_column(String(120), default="")
    email: Mapped[str] = mapped_column(String(250), default="")
    website: Mapped[str] = mapped_column(String(250), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    search_key: Mapped[str] = mapped_column(Text, default="")


class CompanyContact(Base):
    """A company's contact, a person of the directory."""

    __tablename__ = "company_contact"

    company_id: Mapped[int] = mapped_column(
        ForeignKey("company.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), primary_key=True, index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    person: Mapped[Person] = relationship()


class Product(RecordMixin, ArchiveMixin, Base):
    """A product of a company, with its optional HS code and annual capacity."""

    __tablename__ = "product"

    company_id: Mapped[int] = mapped_column(ForeignKey("company.id"), index=True)
    name_fa: Mapped[str] = mapped_column(String(250))
    name_en: Mapped[str] = mapped_column(String(250), default="")
    hs_code: Mapped[str] = mapped_column(String(12), default="")
    sector: Mapped[str] = mapped_column(String(30), default="other")
    annual_capacity: Mapped[float | None] = mapped_column(Float, default=None)
    capacity_unit: Mapped[str] = mapped_column(String(40), default="")
    search_key: Mapped[str] = mapped_column(Text, default="")

    company: Mapped[Company] = relationship()


class ExportRecord(RecordMixin, Base):
    """A company's recorded exports to a country (or one of its regions) in a Jalali year."""

    __tablename__ = "export_record"
    # Covering indexes: the atlas sums a year's values by country, the top-10 by company.
    __table_args__ = (
        Index("ix_export_record_year_country", "jalali_year", "country_id", "value_usd"),
        Index(
            "ix_export_record_year_company", "jalali_year", "company_id", "value_usd", "country_id"
        ),
    )

    company_id: Mapped[int] = mapped_column(ForeignKey("company.id"), index=True)
    country_id: Mapped[int] = mapped_column(ForeignKey("country.id"))
    region_id: Mapped[int | None] = mapped_column(ForeignKey("market_region.id"), index=True)
    product_id: Mapped[int | None] = mapped_column(ForeignKey("product.id"), index=True)
    jalali_year: Mapped[int] = mapped_column(Integer)
    value_usd: Mapped[int] = mapped_column(BigInteger, default=0)


class TargetMarket(RecordMixin, ArchiveMixin, Base):
    """A target market: a country or one of its regions, for a product or a sector."""

    __tablename__ = "target_market"

    country_id: Mapped[int] = mapped_column(ForeignKey("country.id"), index=True)
    region_id: Mapped[int | None] = mapped_column(ForeignKey("market_region.id"), index=True)
    product_id: Mapped[int | None] = mapped_column(ForeignKey("product.id"), index=True)
    sector: Mapped[str] = mapped_column(String(30), default="")
    demand_notes: Mapped[str] = mapped_column(Text, default="")
    priority: Mapped[int] = mapped_column(Integer, default=2, index=True)
    status: Mapped[str] = mapped_column(String(20), default="studying", index=True)
    barriers: Mapped[str] = mapped_column(Text, default="")
    sources: Mapped[str] = mapped_column(Text, default="")
    info_date: Mapped[date | None] = mapped_column(Date, default=None)
    notes: Mapped[str] = mapped_column(Text, default="")
    search_key: Mapped[str] = mapped_column(Text, default="")

    country: Mapped[Country] = relationship()
    region: Mapped[MarketRegion | None] = relationship()
    product: Mapped[Product | None] = relationship()


class TargetMarketPerson(Base):
    """An influential person in a target market (a directory link) and their role."""

    __tablename__ = "target_market_person"

    market_id: Mapped[int] = mapped_column(
        ForeignKey("target_market.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), primary_key=True, index=True)
    role: Mapped[str] = mapped_column(String(30), default="key_contact")
    position: Mapped[int] = mapped_column(Integer, default=0)

    person: Mapped[Person] = relationship()


class TargetMarketCompany(Base):
    """A province company able to supply a target market."""

    __tablename__ = "target_market_company"

    market_id: Mapped[int] = mapped_column(
        ForeignKey("target_market.id", ondelete="CASCADE"), primary_key=True
    )
    company_id: Mapped[int] = mapped_column(ForeignKey("company.id"), primary_key=True, index=True)

    company: Mapped[Company] = relationship()
