"""Directory records passed between layers: countries, organizations, people."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from qazvin_diplomacy.core.labels import LabelledEnum
from qazvin_diplomacy.core.text import to_latin_digits


class OrganizationKind(LabelledEnum):
    """What an organization is."""

    EMBASSY = "embassy", "سفارت", "Embassy"
    CONSULATE = "consulate", "کنسولگری", "Consulate"
    MINISTRY = "ministry", "وزارتخانه", "Ministry"
    MFA_OFFICE = "mfa_office", "دفتر نمایندگی وزارت امور خارجه", "MFA representative office"
    GOVERNORATE = "governorate", "استانداری", "Governorate"
    FOREIGN_PROVINCE = "foreign_province", "استان / ایالت خارجی", "Foreign province / state"
    FOREIGN_CITY = "foreign_city", "شهر خارجی", "Foreign city"
    CHAMBER = "chamber", "اتاق بازرگانی", "Chamber of commerce"
    UNIVERSITY = "university", "دانشگاه", "University"
    SCIENCE_PARK = "science_park", "پارک علم و فناوری", "Science and technology park"
    COMPANY = "company", "شرکت", "Company"
    GOVERNMENT_AGENCY = "government_agency", "دستگاه دولتی", "Government agency"
    OTHER = "other", "سایر", "Other"


class DiplomaticRank(LabelledEnum):
    """Diplomatic rank; the first three are heads of mission (Vienna Convention art. 14)."""

    AMBASSADOR = "ambassador", "سفیر", "Ambassador"
    ENVOY = "envoy", "وزیرمختار", "Envoy"
    CHARGE_DAFFAIRES = "charge_daffaires", "کاردار", "Chargé d'Affaires"
    CHARGE_AD_INTERIM = "charge_ad_interim", "کاردار موقت", "Chargé d'Affaires a.i."
    MINISTER_COUNSELLOR = "minister_counsellor", "رایزن وزیر", "Minister-Counsellor"
    COUNSELLOR = "counsellor", "رایزن", "Counsellor"
    FIRST_SECRETARY = "first_secretary", "دبیر اول", "First Secretary"
    SECOND_SECRETARY = "second_secretary", "دبیر دوم", "Second Secretary"
    ATTACHE = "attache", "وابسته", "Attaché"
    CONSUL_GENERAL = "consul_general", "سرکنسول", "Consul General"
    CONSUL = "consul", "کنسول", "Consul"


class Region(LabelledEnum):
    """A country's region (``country.region``)."""

    MIDDLE_EAST = "middle_east", "خاورمیانه", "Middle East"
    CENTRAL_ASIA = "central_asia", "آسیای مرکزی", "Central Asia"
    CAUCASUS = "caucasus", "قفقاز", "Caucasus"
    SOUTH_ASIA = "south_asia", "جنوب آسیا", "South Asia"
    EAST_ASIA = "east_asia", "شرق آسیا", "East Asia"
    SOUTHEAST_ASIA = "southeast_asia", "جنوب شرق آسیا", "Southeast Asia"
    EUROPE = "europe", "اروپا", "Europe"
    AFRICA = "africa", "آفریقا", "Africa"
    NORTH_AMERICA = "north_america", "آمریکای شمالی", "North America"
    LATIN_AMERICA = "latin_america", "آمریکای لاتین", "Latin America"
    OCEANIA = "oceania", "اقیانوسیه", "Oceania"
    ANTARCTICA = "antarctica", "جنوبگان", "Antarctica"


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


def with_honorific(honorific: str, name: str) -> str:
    """«H.E. Mr.» + «Mr. Abdullah …» → «H.E. Mr. Abdullah …»: the words the name already
    begins with are not repeated."""
    words, first = honorific.split(), name.split()[:1]
    if first and words and words[-1].casefold() == first[0].casefold():
        words = words[:-1]
    return " ".join([*words, name]) if name else ""


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
