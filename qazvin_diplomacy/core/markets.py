"""Target markets, the province's exporters and their products (بازار هدف، صادرکنندگان).

Rules without SQL or Qt: the labelled enums, the inputs and views passed between layers,
validation (a region belongs to one country; a market names a product or a sector) and the
top-10 exporters of a year computed from recorded values only: ties share a rank and are all
kept at the cut-off, and a company without a record for a year is shown as missing, never
counted as zero.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from qazvin_diplomacy.core.errors import ValidationError
from qazvin_diplomacy.core.labels import LabelledEnum, LabelledIntEnum
from qazvin_diplomacy.core.text import normalize

__all__ = [
    "CompanyInput",
    "CompanyKind",
    "CompanyView",
    "CountryAtlasEntry",
    "ExportInput",
    "ExportView",
    "ExporterRank",
    "MarketFilter",
    "MarketInput",
    "MarketPersonRole",
    "MarketPriority",
    "MarketStatus",
    "MarketView",
    "MissingExporter",
    "ProductInput",
    "ProductView",
    "RegionInput",
    "RegionView",
    "Sector",
    "TopExporters",
    "rank_exporters",
    "region_rule",
    "suggest_person_role",
    "validate_company",
    "validate_export",
    "validate_market",
    "validate_product",
    "validate_region",
]

TOP_N = 10
MIN_YEAR, MAX_YEAR = 1300, 1500  # Jalali years an export record may carry


class MarketPriority(LabelledIntEnum):
    """A target market's priority: 1 is the most urgent."""

    HIGH = 1, "اولویت ۱ (بالا)", "Priority 1 (high)"
    MEDIUM = 2, "اولویت ۲ (متوسط)", "Priority 2 (medium)"
    LOW = 3, "اولویت ۳ (پایین)", "Priority 3 (low)"


class MarketStatus(LabelledEnum):
    """How far the province has come in a target market."""

    STUDYING = "studying", "در حال بررسی", "Studying"
    ACTIVE = "active", "فعال", "Active"
    ESTABLISHED = "established", "تثبیت‌شده", "Established"


class CompanyKind(LabelledEnum):
    """What a company (or partner body) is to the office."""

    EXPORTER = "exporter", "صادرکننده", "Exporter"
    PRODUCER = "producer", "تولیدکننده", "Producer"
    UNIVERSITY = "university", "دانشگاه", "University"
    SCIENCE_PARK = "science_park", "پارک علم و فناوری", "Science and technology park"


class Sector(LabelledEnum):
    """The economic sector of a company, product or market."""

    FOOD = "food", "صنایع غذایی", "Food industry"
    DETERGENTS = "detergents", "شوینده و بهداشتی", "Detergents and hygiene"
    AGRICULTURE = "agriculture", "کشاورزی", "Agriculture"
    AUTO_PARTS = "auto_parts", "قطعات خودرو", "Auto parts"
    TEXTILES = "textiles", "نساجی و پوشاک", "Textiles and clothing"
    BUILDING = "building", "مصالح ساختمانی", "Building materials"
    PLASTICS = "plastics", "پتروشیمی و پلاستیک", "Petrochemicals and plastics"
    MACHINERY = "machinery", "ماشین‌آلات و تجهیزات", "Machinery and equipment"
    PHARMA = "pharma", "دارو و تجهیزات پزشکی", "Pharmaceuticals and medical"
    HANDICRAFTS = "handicrafts", "صنایع دستی", "Handicrafts"
    TECHNOLOGY = "technology", "فناوری و دانش‌بنیان", "Technology and knowledge-based"
    SERVICES = "services", "خدمات فنی و مهندسی", "Technical and engineering services"
    OTHER = "other", "سایر", "Other"


class MarketPersonRole(LabelledEnum):
    """Why a directory person matters in a target market."""

    AMBASSADOR = "ambassador", "سفیر", "Ambassador"
    COUNSELLOR = "counsellor", "رایزن", "Counsellor"
    CHAMBER = "chamber", "اتاق بازرگانی", "Chamber of commerce"
    IMPORTER = "importer", "واردکننده", "Importer"
    OFFICIAL = "official", "مقام محلی", "Local official"
    KEY_CONTACT = "key_contact", "رابط کلیدی", "Key contact"


#: Words of a title that suggest a role, checked in this order (Persian and English).
_ROLE_WORDS: tuple[tuple[MarketPersonRole, tuple[str, ...]], ...] = (
    (MarketPersonRole.AMBASSADOR, ("سفیر", "کاردار", "ambassador", "chargé", "charge d")),
    (MarketPersonRole.COUNSELLOR, ("رایزن", "کنسول", "وابسته", "counsellor", "consul", "attach")),
    (MarketPersonRole.CHAMBER, ("اتاق بازرگانی", "chamber")),
    (MarketPersonRole.IMPORTER, ("واردکننده", "بازرگانی", "importer", "trading")),
    (MarketPersonRole.OFFICIAL, ("استاندار", "والی", "رئیس", "معاون", "governor", "chairman",
                                 "head of", "deputy")),
)  # fmt: skip


def suggest_person_role(title_fa: str, title_en: str = "") -> MarketPersonRole:
    """The role a person's title suggests in a market (a counsellor, an ambassador …);
    «رابط کلیدی» when nothing does."""
    text = f"{title_fa} {title_en}".casefold()
    for role, words in _ROLE_WORDS:
        if any(word.casefold() in text for word in words):
            return role
    return MarketPersonRole.KEY_CONTACT


# --- inputs and views -------------------------------------------------------------------


@dataclass(frozen=True)
class RegionInput:
    """A region within a country (اقلیم کردستان عراق، جنوب عراق، هرات …)."""

    country_id: int | None
    name_fa: str
    name_en: str = ""
    notes: str = ""
    id: int | None = None
    version: int | None = None


@dataclass(frozen=True)
class RegionView(RegionInput):
    """A region with its country's names."""

    country_fa: str = ""
    country_en: str = ""
    country_iso2: str = ""


@dataclass(frozen=True)
class CompanyInput:
    """A province company, producer, university or science park; contacts are directory people."""

    name_fa: str
    name_en: str = ""
    kind: str = CompanyKind.EXPORTER.value
    sector: str = Sector.OTHER.value
    city_fa: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    notes: str = ""
    contact_person_ids: tuple[int, ...] = ()
    id: int | None = None
    version: int | None = None


@dataclass(frozen=True)
class CompanyView(CompanyInput):
    """A company as read back, with its contacts' names and product count."""

    contact_names_fa: tuple[str, ...] = ()
    product_count: int = 0


@dataclass(frozen=True)
class ProductInput:
    """A product of a company; ``annual_capacity`` in ``capacity_unit`` (tonnes, units …)."""

    company_id: int | None
    name_fa: str
    name_en: str = ""
    hs_code: str = ""
    sector: str = Sector.OTHER.value
    annual_capacity: float | None = None
    capacity_unit: str = ""
    id: int | None = None
    version: int | None = None


@dataclass(frozen=True)
class ProductView(ProductInput):
    """A product with its company's name."""

    company_fa: str = ""


@dataclass(frozen=True)
class ExportInput:
    """One recorded export: a company's sales to a country (or one of its regions) in a
    Jalali year, in US dollars; the product is optional."""

    company_id: int | None
    country_id: int | None
    year: int
    value_usd: int
    region_id: int | None = None
    product_id: int | None = None
    id: int | None = None
    version: int | None = None


@dataclass(frozen=True)
class ExportView(ExportInput):
    """An export record with the names it points to."""

    company_fa: str = ""
    country_fa: str = ""
    region_fa: str = ""
    product_fa: str = ""


@dataclass(frozen=True)
class MarketInput:
    """A target market: a country, or a region of it, for a product or a sector."""

    country_id: int | None
    region_id: int | None = None
    product_id: int | None = None
    sector: str = ""
    demand_notes: str = ""
    priority: int = MarketPriority.MEDIUM.value
    status: str = MarketStatus.STUDYING.value
    barriers: str = ""
    sources: str = ""
    info_date: date | None = None
    notes: str = ""
    #: (person id, role code) of the influential people there, from the directory.
    people: tuple[tuple[int, str], ...] = ()
    #: Province companies able to supply it.
    company_ids: tuple[int, ...] = ()
    id: int | None = None
    version: int | None = None


@dataclass(frozen=True)
class MarketPerson:
    """A person of a market card: id, names, title, role."""

    person_id: int
    name_fa: str
    name_en: str
    title_fa: str
    role: str
    notes: str = ""


@dataclass(frozen=True)
class MarketView(MarketInput):
    """A target market as listed and shown on its card."""

    country_fa: str = ""
    country_en: str = ""
    country_iso2: str = ""
    region_fa: str = ""
    region_en: str = ""
    product_fa: str = ""
    product_en: str = ""
    person_rows: tuple[MarketPerson, ...] = ()
    company_names_fa: tuple[str, ...] = ()

    def place_fa(self) -> str:
        """The country, and the region when there is one: «عراق — اقلیم کردستان»."""
        return f"{self.country_fa} — {self.region_fa}" if self.region_fa else self.country_fa

    def place_en(self) -> str:
        """The country and region in English."""
        country = self.country_en or self.country_fa
        region = self.region_en or self.region_fa
        return f"{country} — {region}" if region else country

    def subject(self, lang: str = "fa") -> str:
        """The product, else the sector's label."""
        if lang == "en":
            return self.product_en or self.product_fa or Sector.label_of(self.sector or None, "en")
        return self.product_fa or Sector.label_of(self.sector or None)


@dataclass(frozen=True)
class MarketFilter:
    """The market list's filters; None means any."""

    product_id: int | None = None
    sector: str | None = None
    priority: int | None = None
    country_id: int | None = None
    region_id: int | None = None
    status: str | None = None
    text: str = ""


@dataclass(frozen=True)
class CountryAtlasEntry:
    """What the map shows for one country: the best priority of its live markets (None:
    no market), how many, and the exports recorded (USD) in the year asked for."""

    country_id: int
    iso2: str
    name_fa: str
    name_en: str
    priority: int | None = None
    market_count: int = 0
    export_usd: int = 0
    export_records: int = 0


# --- validation -------------------------------------------------------------------------


def _raise(errors: dict[str, str]) -> None:
    if errors:
        raise ValidationError(errors)


def validate_region(region: RegionInput) -> None:
    """A region needs a country and a Persian name."""
    errors: dict[str, str] = {}
    if region.country_id is None:
        errors["country_id"] = "کشوری که این منطقه در آن است را انتخاب کنید."
    if not normalize(region.name_fa):
        errors["name_fa"] = "نام فارسی منطقه را وارد کنید."
    _raise(errors)


def validate_company(company: CompanyInput) -> None:
    """A company needs a Persian name and a known kind and sector."""
    errors: dict[str, str] = {}
    if not normalize(company.name_fa):
        errors["name_fa"] = "نام فارسی شرکت را وارد کنید."
    if CompanyKind.find(company.kind) is None:
        errors["kind"] = "نوع شرکت معتبر نیست."
    if Sector.find(company.sector) is None:
        errors["sector"] = "بخش اقتصادی معتبر نیست."
    _raise(errors)


def validate_product(product: ProductInput) -> None:
    """A product needs its company and a Persian name; the capacity cannot be negative."""
    errors: dict[str, str] = {}
    if product.company_id is None:
        errors["company_id"] = "شرکت تولیدکننده را انتخاب کنید."
    if not normalize(product.name_fa):
        errors["name_fa"] = "نام فارسی محصول را وارد کنید."
    if product.annual_capacity is not None and product.annual_capacity < 0:
        errors["annual_capacity"] = "ظرفیت سالانه نمی‌تواند منفی باشد."
    if Sector.find(product.sector) is None:
        errors["sector"] = "بخش اقتصادی معتبر نیست."
    hs = product.hs_code.strip()
    if hs and not (hs.replace(".", "").isdigit() and 2 <= len(hs.replace(".", "")) <= 10):
        errors["hs_code"] = "کد تعرفه (HS) باید ۲ تا ۱۰ رقم باشد."
    _raise(errors)


def validate_export(export: ExportInput, region_country_id: int | None = None) -> None:
    """An export needs a company, a country, a plausible Jalali year and a value ≥ 0.

    ``region_country_id`` is the country the chosen region belongs to: it must be the
    record's country (a region belongs to one country).
    """
    errors: dict[str, str] = {}
    if export.company_id is None:
        errors["company_id"] = "شرکت صادرکننده را انتخاب کنید."
    if export.country_id is None:
        errors["country_id"] = "کشور مقصد را انتخاب کنید."
    if not MIN_YEAR <= export.year <= MAX_YEAR:
        errors["year"] = "سال صادرات باید یک سال هجری شمسی چهاررقمی باشد."
    if export.value_usd < 0:
        errors["value_usd"] = "ارزش صادرات نمی‌تواند منفی باشد."
    region_rule(errors, export.region_id, export.country_id, region_country_id)
    _raise(errors)


def validate_market(market: MarketInput, region_country_id: int | None = None) -> None:
    """A market needs a country, a product or a sector, a priority 1–3 and a known status;
    its region (if any) must be in its country."""
    errors: dict[str, str] = {}
    if market.country_id is None:
        errors["country_id"] = "کشور بازار هدف را انتخاب کنید."
    if market.product_id is None and not market.sector:
        errors["product_id"] = "محصول یا بخش اقتصادی بازار هدف را مشخص کنید."
    if market.sector and Sector.find(market.sector) is None:
        errors["sector"] = "بخش اقتصادی معتبر نیست."
    if market.priority not in {p.value for p in MarketPriority}:
        errors["priority"] = "اولویت باید ۱، ۲ یا ۳ باشد."
    if MarketStatus.find(market.status) is None:
        errors["status"] = "وضعیت بازار هدف معتبر نیست."
    for _person, role in market.people:
        if MarketPersonRole.find(role) is None:
            errors["people"] = "نقش یکی از افراد مؤثر معتبر نیست."
    if len({p for p, _r in market.people}) != len(market.people):
        errors["people"] = "یک شخص دو بار در فهرست افراد مؤثر آمده است."
    region_rule(errors, market.region_id, market.country_id, region_country_id)
    _raise(errors)


def region_rule(
    errors: dict[str, str],
    region_id: int | None,
    country_id: int | None,
    region_country_id: int | None,
) -> None:
    """Add a ``region_id`` error when the region is not in the chosen country (a region
    belongs to one country; ``region_country_id`` is the region's own country)."""
    if region_id is not None and country_id is not None and region_country_id != country_id:
        errors["region_id"] = "این منطقه در کشور انتخاب‌شده نیست؛ منطقه باید از همان کشور باشد."


# --- the top-10 exporters ---------------------------------------------------------------


@dataclass(frozen=True)
class ExporterRank:
    """A company's place in a year's list.  ``rank`` is shared by ties (1, 2, 2, 4);
    ``previous_usd`` is None when nothing was recorded the year before (not zero)."""

    rank: int
    company_id: int
    name_fa: str
    name_en: str
    total_usd: int
    destinations: int
    tied: bool = False
    previous_usd: int | None = None


@dataclass(frozen=True)
class MissingExporter:
    """A company with exports recorded the year before but none in the year asked for."""

    company_id: int
    name_fa: str
    name_en: str
    last_year: int
    last_usd: int


@dataclass(frozen=True)
class TopExporters:
    """The year's list: ranks (more than ``n`` rows when a tie spans the cut-off) and the
    companies whose record for that year is missing."""

    year: int
    n: int
    ranks: tuple[ExporterRank, ...] = ()
    missing: tuple[MissingExporter, ...] = ()
    years_recorded: tuple[int, ...] = field(default=())

    @property
    def has_data(self) -> bool:
        """Whether anything was recorded for the year."""
        return bool(self.ranks)


@dataclass(frozen=True)
class ExportTotal:
    """One company's recorded total for one year (input of :func:`rank_exporters`)."""

    company_id: int
    year: int
    total_usd: int
    destinations: int = 0


def rank_exporters(
    totals: Iterable[ExportTotal],
    names: Mapping[int, tuple[str, str]],
    year: int,
    n: int = TOP_N,
) -> TopExporters:
    """The top ``n`` exporters of ``year`` from the recorded totals (nothing guessed).

    Competition ranking: equal totals share a rank and the next rank skips (1, 2, 2, 4); all
    companies tied with the ``n``-th are kept.  Companies with a record the year before but
    none in ``year`` are listed as missing (their report may be late: they are not ranked as
    zero); ``names`` maps a company id to (Persian, English) names.
    """
    by_year: dict[int, dict[int, ExportTotal]] = {}
    for t in totals:
        by_year.setdefault(t.year, {})[t.company_id] = t
    this_year = by_year.get(year, {})
    previous = by_year.get(year - 1, {})
    ordered = sorted(
        this_year.values(),
        key=lambda t: (-t.total_usd, names.get(t.company_id, ("", ""))[0], t.company_id),
    )
    counts: dict[int, int] = {}
    for t in ordered:
        counts[t.total_usd] = counts.get(t.total_usd, 0) + 1
    ranks: list[ExporterRank] = []
    rank = 0
    for position, t in enumerate(ordered, start=1):
        if not ranks or ranks[-1].total_usd != t.total_usd:
            rank = position
            if rank > n:
                break
        fa, en = names.get(t.company_id, ("", ""))
        before = previous.get(t.company_id)
        ranks.append(
            ExporterRank(
                rank=rank,
                company_id=t.company_id,
                name_fa=fa,
                name_en=en,
                total_usd=t.total_usd,
                destinations=t.destinations,
                tied=counts[t.total_usd] > 1,
                previous_usd=before.total_usd if before is not None else None,
            )
        )
    missing = [
        MissingExporter(cid, *names.get(cid, ("", "")), year - 1, t.total_usd)
        for cid, t in previous.items()
        if cid not in this_year
    ]
    missing.sort(key=lambda m: (-m.last_usd, m.company_id))
    return TopExporters(
        year=year,
        n=n,
        ranks=tuple(ranks),
        missing=tuple(missing),
        years_recorded=tuple(sorted(by_year)),
    )
