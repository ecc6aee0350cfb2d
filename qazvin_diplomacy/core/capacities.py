"""The province's capacity catalogue (ظرفیت‌ها): what embassies can consult (article 003).

A capacity is an opportunity of the province on one axis (tourism, production, trade,
investment, science and technology, agriculture) in one county (شهرستان) of Qazvin, with
its figures (area, jobs, investment needed), a status, a contact body from the directory and
a *publishable* flag: only publishable items go into the brochure sent to embassies.

Field names used as keys of ``ValidationError.errors``: ``title``, ``title_en``, ``axis``,
``county``, ``status``, ``area``, ``area_unit``, ``jobs``, ``investment``, ``currency``,
``contact_org_id``, ``description``, ``description_en``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from qazvin_diplomacy.core.attachments import AttachmentView
from qazvin_diplomacy.core.errors import ValidationError
from qazvin_diplomacy.core.labels import LabelledEnum
from qazvin_diplomacy.core.text import has_persian, normalize

TITLE_MAX = 300
DESCRIPTION_MAX = 4000
#: Largest figures a clerk may type (anything above is a typing mistake): the whole
#: province is about 1.55 million hectares; a trillion in any currency.
MAX_AREA = 10_000_000_000
MAX_JOBS = 1_000_000
MAX_INVESTMENT = 10**15
OWNER_KIND = "capacity"  # attachments (photos) of a capacity


class CapacityAxis(LabelledEnum):
    """The axes of the catalogue, in the brochure's order."""

    TOURISM = "tourism", "گردشگری", "Tourism"
    PRODUCTION = "production", "تولید", "Production"
    TRADE = "trade", "تجارت", "Trade"
    INVESTMENT = "investment", "سرمایه‌گذاری", "Investment"
    SCIENCE_TECHNOLOGY = "science_technology", "علم و فناوری", "Science and technology"
    AGRICULTURE = "agriculture", "کشاورزی", "Agriculture"


class CapacityStatus(LabelledEnum):
    """How far a capacity is from being taken up."""

    IDEA = "idea", "در حال مطالعه", "Under study"
    READY = "ready", "آماده واگذاری", "Ready for investors"
    ACTIVE = "active", "فعال", "In operation"
    EXPANDING = "expanding", "در حال توسعه", "Expanding"
    TAKEN = "taken", "واگذارشده", "Taken up"


class County(LabelledEnum):
    """The counties (شهرستان‌ها) of Qazvin province."""

    QAZVIN = "qazvin", "قزوین", "Qazvin"
    ALBORZ = "alborz", "البرز", "Alborz"
    ABYEK = "abyek", "آبیک", "Abyek"
    BUIN_ZAHRA = "buin_zahra", "بوئین‌زهرا", "Buin Zahra"
    TAKESTAN = "takestan", "تاکستان", "Takestan"
    AVAJ = "avaj", "آوج", "Avaj"


class AreaUnit(LabelledEnum):
    """The unit of a capacity's area."""

    HECTARE = "ha", "هکتار", "ha"
    SQUARE_METRE = "m2", "متر مربع", "m²"


class Currency(LabelledEnum):
    """The currency of the investment needed."""

    USD = "USD", "دلار آمریکا", "US dollars"
    EUR = "EUR", "یورو", "Euros"
    IRR = "IRR", "ریال", "Rials"


@dataclass(frozen=True)
class CapacityInput:
    """What the form and the services' callers give to save a capacity (id None: a new one)."""

    title: str
    axis: str
    county: str
    title_en: str = ""
    description: str = ""
    description_en: str = ""
    status: str = CapacityStatus.IDEA.value
    area: float | None = None
    area_unit: str = AreaUnit.HECTARE.value
    jobs: int | None = None
    investment: int | None = None
    currency: str = Currency.USD.value
    contact_org_id: int | None = None
    publishable: bool = False
    id: int | None = None
    version: int | None = None


@dataclass(frozen=True)
class CapacityView(CapacityInput):
    """A stored capacity with its contact body's names and its photos (when read whole)."""

    contact_name: str = ""
    contact_name_en: str = ""
    archived: bool = False
    photos: list[AttachmentView] = field(default_factory=list)

    def title_in(self, lang: str) -> str:
        """The title in ``lang``; the Persian one when no English was typed."""
        return self.title_en if lang == "en" and self.title_en else self.title

    def description_in(self, lang: str) -> str:
        """The description in ``lang``; empty in English when none was typed (never Persian)."""
        return self.description_en if lang == "en" else self.description


@dataclass(frozen=True)
class CapacityFilter:
    """The capacities list's filters (None / empty: any)."""

    text: str = ""
    axis: str | None = None
    county: str | None = None
    status: str | None = None
    publishable: bool | None = None
    #: True: only archived ones; None: live and archived (an export with archived records).
    archived: bool | None = False


CAPACITY_SORT_KEYS = ("title", "axis", "county", "status", "investment", "jobs", "updated")


def validate_capacity(capacity: CapacityInput) -> None:
    """Every rule of a capacity, all errors at once (Persian), as ``ValidationError``."""
    errors: dict[str, str] = {}
    title = normalize(capacity.title)
    if not title:
        errors["title"] = "عنوان ظرفیت را وارد کنید."
    elif len(title) > TITLE_MAX:
        errors["title"] = f"عنوان حداکثر {TITLE_MAX} نویسه است."
    title_en = normalize(capacity.title_en)
    if len(title_en) > TITLE_MAX:
        errors["title_en"] = f"عنوان انگلیسی حداکثر {TITLE_MAX} نویسه است."
    elif has_persian(title_en):
        errors["title_en"] = "عنوان انگلیسی حرف فارسی دارد."
    if has_persian(capacity.description_en):
        errors["description_en"] = "شرح انگلیسی حرف فارسی دارد."
    for name in ("description", "description_en"):
        if len(normalize(getattr(capacity, name))) > DESCRIPTION_MAX:
            errors[name] = f"شرح حداکثر {DESCRIPTION_MAX} نویسه است."
    if CapacityAxis.find(capacity.axis) is None:
        errors["axis"] = "محور ظرفیت را انتخاب کنید."
    if County.find(capacity.county) is None:
        errors["county"] = "شهرستان را انتخاب کنید."
    if CapacityStatus.find(capacity.status) is None:
        errors["status"] = "وضعیت معتبر نیست."
    if AreaUnit.find(capacity.area_unit) is None:
        errors["area_unit"] = "واحد مساحت معتبر نیست."
    if Currency.find(capacity.currency) is None:
        errors["currency"] = "واحد پول معتبر نیست."
    if capacity.area is not None and not 0 < capacity.area <= MAX_AREA:
        errors["area"] = "مساحت باید عددی مثبت و معقول باشد."
    if capacity.jobs is not None and not 0 <= capacity.jobs <= MAX_JOBS:
        errors["jobs"] = "شمار فرصت‌های شغلی باید عددی میان ۰ و ۱٬۰۰۰٬۰۰۰ باشد."
    if capacity.investment is not None and not 0 < capacity.investment <= MAX_INVESTMENT:
        errors["investment"] = "سرمایهٔ لازم باید عددی مثبت و معقول باشد."
    if capacity.publishable and not title_en:
        # The brochure goes to embassies: an item without an English title cannot be printed
        # in the English brochure.
        errors["title_en"] = "ظرفیت قابل انتشار باید عنوان انگلیسی داشته باشد."
    if errors:
        raise ValidationError(errors)
