"""Directory records passed between layers: countries, organizations, people."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from qazvin_diplomacy.core.text import to_latin_digits


class OrganizationKind(StrEnum):
    """What an organization is."""

    EMBASSY = "embassy"
    CONSULATE = "consulate"
    MINISTRY = "ministry"
    MFA_OFFICE = "mfa_office"
    GOVERNORATE = "governorate"
    FOREIGN_PROVINCE = "foreign_province"
    FOREIGN_CITY = "foreign_city"
    CHAMBER = "chamber"
    UNIVERSITY = "university"
    SCIENCE_PARK = "science_park"
    COMPANY = "company"
    GOVERNMENT_AGENCY = "government_agency"
    OTHER = "other"

    @property
    def label_fa(self) -> str:
        """Persian label."""
        return _ORG_KIND_FA[self]


_ORG_KIND_FA = {
    OrganizationKind.EMBASSY: "سفارت",
    OrganizationKind.CONSULATE: "کنسولگری",
    OrganizationKind.MINISTRY: "وزارتخانه",
    OrganizationKind.MFA_OFFICE: "دفتر نمایندگی وزارت امور خارجه",
    OrganizationKind.GOVERNORATE: "استانداری",
    OrganizationKind.FOREIGN_PROVINCE: "استان / ایالت خارجی",
    OrganizationKind.FOREIGN_CITY: "شهر خارجی",
    OrganizationKind.CHAMBER: "اتاق بازرگانی",
    OrganizationKind.UNIVERSITY: "دانشگاه",
    OrganizationKind.SCIENCE_PARK: "پارک علم و فناوری",
    OrganizationKind.COMPANY: "شرکت",
    OrganizationKind.GOVERNMENT_AGENCY: "دستگاه دولتی",
    OrganizationKind.OTHER: "سایر",
}


class DiplomaticRank(StrEnum):
    """Diplomatic rank; the first three are heads of mission (Vienna Convention art. 14)."""

    AMBASSADOR = "ambassador"
    ENVOY = "envoy"
    CHARGE_DAFFAIRES = "charge_daffaires"
    CHARGE_AD_INTERIM = "charge_ad_interim"
    MINISTER_COUNSELLOR = "minister_counsellor"
    COUNSELLOR = "counsellor"
    FIRST_SECRETARY = "first_secretary"
    SECOND_SECRETARY = "second_secretary"
    ATTACHE = "attache"
    CONSUL_GENERAL = "consul_general"
    CONSUL = "consul"

    @property
    def label_fa(self) -> str:
        """Persian label."""
        return _RANK_FA[self]

    @property
    def is_head_of_mission(self) -> bool:
        """Ambassadors, envoys and chargés d'affaires (en titre)."""
        return self in (DiplomaticRank.AMBASSADOR, DiplomaticRank.ENVOY, DiplomaticRank.CHARGE_DAFFAIRES)


_RANK_FA = {
    DiplomaticRank.AMBASSADOR: "سفیر",
    DiplomaticRank.ENVOY: "وزیرمختار",
    DiplomaticRank.CHARGE_DAFFAIRES: "کاردار",
    DiplomaticRank.CHARGE_AD_INTERIM: "کاردار موقت",
    DiplomaticRank.MINISTER_COUNSELLOR: "رایزن وزیر",
    DiplomaticRank.COUNSELLOR: "رایزن",
    DiplomaticRank.FIRST_SECRETARY: "دبیر اول",
    DiplomaticRank.SECOND_SECRETARY: "دبیر دوم",
    DiplomaticRank.ATTACHE: "وابسته",
    DiplomaticRank.CONSUL_GENERAL: "سرکنسول",
    DiplomaticRank.CONSUL: "کنسول",
}


@dataclass(frozen=True)
class CountryView:
    """A country as shown in lists and pickers."""

    id: int
    iso2: str
    iso3: str
    name_fa: str
    name_en: str
    region: str
    is_target: bool
    priority: int
    notes: str
    version: int


@dataclass(frozen=True)
class OrganizationInput:
    """An organization as edited in a form (``id`` None for a new one)."""

    name_fa: str
    name_en: str = ""
    kind: str = OrganizationKind.OTHER.value
    country_id: int | None = None
    parent_id: int | None = None
    city_fa: str = ""
    city_en: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    notes: str = ""
    id: int | None = None
    version: int | None = None


@dataclass(frozen=True)
class OrganizationView(OrganizationInput):
    """An organization as read back, with its country's name."""

    country_name_fa: str = ""
    country_name_en: str = ""
    archived: bool = False


@dataclass(frozen=True)
class PersonInput:
    """A contact as edited in a form (``id`` None for a new one).

    ``functions_started_at`` is timezone-aware (the UI converts from Tehran local time).
    """

    name_fa: str
    name_en: str = ""
    honorific_fa: str = ""
    honorific_en: str = ""
    title_fa: str = ""
    title_en: str = ""
    organization_id: int | None = None
    country_id: int | None = None
    diplomatic_rank: str | None = None
    functions_started_at: datetime | None = None
    languages: str = ""
    phone: str = ""
    email: str = ""
    biography: str = ""
    notes: str = ""
    id: int | None = None
    version: int | None = None


@dataclass(frozen=True)
class PersonView(PersonInput):
    """A contact as read back, with the names of its organization and country."""

    organization_name_fa: str = ""
    organization_name_en: str = ""
    country_name_fa: str = ""
    country_name_en: str = ""
    archived: bool = False


EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}$")
PHONE_RE = re.compile(r"^\+?[0-9][0-9 \-()]{4,24}$")


def email_error(value: str) -> str | None:
    """Persian message when each comma-separated address is not an e-mail, else None."""
    for part in (p.strip() for p in value.replace("،", ",").split(",")):
        if part and not EMAIL_RE.match(part):
            return f"نشانی رایانامه «{part}» درست نیست (نمونه: name@example.com)."
    return None


def phone_error(value: str) -> str | None:
    """Persian message when a comma-separated phone number has the wrong shape, else None."""
    for part in (p.strip() for p in value.replace("،", ",").split(",")):
        if part and not PHONE_RE.match(part):
            return f"شماره تلفن «{part}» درست نیست؛ فقط رقم، فاصله، خط تیره و + مجاز است."
    return None


_PHONE_SPLIT = re.compile(r"[,،;/]")


def phone_search_fields(phone: str | None) -> list[str]:
    """What the search index holds of a phone field: each number, in both Iranian forms.

    Search keys drop punctuation and fold digit scripts, so «۰۲۱-۲۲۳۳۴۴۵۵» is found by «۲۲۳۳»
    or «021 2233».  A number written «+98 21 …» or «0098 21 …» is also indexed as «021 …»,
    and «021 …» also as «9821 …», so a fragment typed in the other form finds it too.
    Several numbers («…، …») are separate fields: no match runs across two of them.
    """
    fields: list[str] = []
    for part in _PHONE_SPLIT.split(to_latin_digits(phone or "")):
        part = part.strip()
        if not part:
            continue
        fields.append(part)
        digits = re.sub(r"\D", "", part)
        if part.startswith("+98") or digits.startswith("0098"):
            fields.append("0" + digits[2 if part.startswith("+") else 4 :])
        elif digits.startswith("0") and not digits.startswith("00"):
            fields.append("98" + digits[1:])
    return fields
