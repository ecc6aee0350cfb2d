"""The province's capacity catalogue: one row per capacity; photos are ``attachment`` rows
with ``owner_kind="capacity"``."""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from qazvin_diplomacy.storage.base import ArchiveMixin, Base, RecordMixin


class Capacity(RecordMixin, ArchiveMixin, Base):
    """A capacity (ظرفیت) of the province on one axis, in one county."""

    __tablename__ = "capacity"
    __table_args__ = (
        # The list's filters (axis, county, status) and the brochure (publishable by axis).
        Index("ix_capacity_archived_axis_county", "archived_at", "axis", "county"),
        Index("ix_capacity_publishable_axis", "publishable", "axis"),
    )

    title: Mapped[str] = mapped_column(String(300))
    title_en: Mapped[str] = mapped_column(String(300), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    description_en: Mapped[str] = mapped_column(Text, default="")
    axis: Mapped[str] = mapped_column(String(30))
    county: Mapped[str] = mapped_column(String(30))
    status: Mapped[str] = mapped_column(String(20), default="idea")
    area: Mapped[float | None] = mapped_column(Float, default=None)
    area_unit: Mapped[str] = mapped_column(String(5), default="ha")
    jobs: Mapped[int | None] = mapped_column(Integer, default=None)
    investment: Mapped[int | None] = mapped_column(BigInteger, default=None)
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    contact_org_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"), index=True)
    publishable: Mapped[bool] = mapped_column(Boolean, default=False)
    # index_key of titles, descriptions, county names and the contact body.
    search_key: Mapped[str] = mapped_column(Text, default="")
