"""Demo target markets, companies and exports grounded in the source articles.

Article 001: Iraqi Kurdistan, southern Iraq and Afghanistan have real demand; the province
exports to 62 countries; a Qazvin native serves at the embassy in Belarus.  Article 002: a
trade team goes to Tajikistan with a prepared report and a database of its needs; an atlas
of target markets per product with the influential people there.  Article 003: the top-10
exporting companies of each province.  Article 004: Russia (Moscow, Saint Petersburg).
``scale`` adds :data:`COMPANIES_PER_SCALE` companies and :data:`EXPORTS_PER_SCALE` export
records (and a few markets) per unit, bulk-inserted.
"""

from __future__ import annotations

import random
from datetime import date
from typing import Any

from sqlalchemy import func, insert, select

from qazvin_diplomacy.core.markets import MarketPriority, MarketStatus, Sector
from qazvin_diplomacy.core.text import index_key, normalize
from qazvin_diplomacy.services.demo_context import DemoContext
from qazvin_diplomacy.services.markets.targets import market_search_key
from qazvin_diplomacy.storage.base import new_uuid, utcnow
from qazvin_diplomacy.storage.markets import (
    Company,
    CompanyContact,
    ExportRecord,
    MarketRegion,
    Product,
    TargetMarket,
    TargetMarketCompany,
    TargetMarketPerson,
)

SEED = 17_1404
COMPANIES_PER_SCALE = 50
EXPORTS_PER_SCALE = 200
MARKETS_PER_SCALE = 5
YEARS = (1402, 1403, 1404)

# key, Persian name, English name, kind, sector, town, directory contacts, products:
# (fa, en, HS code, annual capacity, unit)
COMPANIES: list[tuple[str, str, str, str, str, str, tuple[str, ...], tuple[tuple[Any, ...], ...]]] = [
    ("negin", "صنایع غذایی نگین دشت قزوین", "Negin Dasht Qazvin Food Industries", "exporter", "food", "البرز", ("rajabi", "ghorbani"),
     (("رب گوجه‌فرنگی", "Tomato paste", "2002.90", 24000, "تن"), ("کنسرو لوبیا", "Canned beans", "2005.51", 9000, "تن"))),
    ("raisin", "بازرگانی کشمش طلایی تاکستان", "Takestan Golden Raisin Trading", "exporter", "agriculture", "تاکستان", ("fathi",),
     (("کشمش", "Raisins", "0806.20", 15000, "تن"),)),
    ("parnian", "نساجی پرنیان‌باف قزوین", "Parnianbaf Qazvin Textile", "producer", "textiles", "قزوین", ("jahangiri",),
     (("پارچه پنبه‌ای", "Cotton fabric", "5208", 12_000_000, "متر"),)),
    ("sepehr", "ماشین‌سازی سپهر البرز", "Sepehr Alborz Machinery", "producer", "machinery", "البرز", ("amini",),
     (("ماشین‌آلات کشاورزی", "Agricultural machinery", "8432", 1800, "دستگاه"),)),
    ("niloofar", "صنایع شوینده نیلوفرپاک قزوین", "Niloofar Pak Qazvin Detergent Industries", "exporter", "detergents", "قزوین", ("salehi",),
     (("پودر شوینده", "Washing powder", "3402.50", 60000, "تن"), ("مایع ظرفشویی", "Dish liquid", "3402.20", 30000, "تن"))),
    ("zarrin", "روغن نباتی زرین قزوین", "Zarrin Qazvin Vegetable Oil", "exporter", "food", "قزوین", (),
     (("روغن مایع", "Cooking oil", "1512", 40000, "تن"),)),
    ("golpakh", "شوینده و بهداشتی گلپاک البرز", "Golpak Alborz Hygiene", "exporter", "detergents", "البرز", (),
     (("شامپو", "Shampoo", "3305.10", 18000, "تن"),)),
    ("abyek_cement", "سیمان آبیک", "Abyek Cement", "producer", "building", "آبیک", (),
     (("سیمان", "Cement", "2523.29", 2_500_000, "تن"),)),
    ("kaveh_pipe", "لوله و پروفیل کاوه", "Kaveh Pipe and Profile", "exporter", "building", "البرز", (),
     (("لوله فولادی", "Steel pipe", "7306", 90000, "تن"),)),
    ("tak_parts", "قطعه‌سازان تاک", "Tak Auto Parts", "producer", "auto_parts", "قزوین", (),
     (("لنت ترمز", "Brake pads", "8708.30", 3_000_000, "عدد"),)),
    ("behnoosh_dairy", "لبنیات بهنوش دشت", "Behnoosh Dasht Dairy", "exporter", "food", "بوئین‌زهرا", (),
     (("پنیر", "Cheese", "0406", 14000, "تن"),)),
    ("pars_plastic", "پلاستیک پارس قزوین", "Pars Qazvin Plastics", "producer", "plastics", "قزوین", (),
     (("ظروف یک‌بارمصرف", "Disposable tableware", "3924.10", 20000, "تن"),)),
    ("razi_pharma", "داروسازی رازی قزوین", "Razi Qazvin Pharmaceuticals", "producer", "pharma", "قزوین", (),
     (("قرص و کپسول", "Tablets and capsules", "3004", 900, "میلیون عدد"),)),
    ("alamut_saffron", "زعفران و گیاهان دارویی الموت", "Alamut Saffron and Herbs", "exporter", "agriculture", "قزوین", (),
     (("گیاهان دارویی", "Medicinal herbs", "1211", 600, "تن"),)),
    ("qazvin_carpet", "فرش دستباف قزوین", "Qazvin Handwoven Carpets", "exporter", "handicrafts", "قزوین", (),
     (("فرش دستباف", "Handwoven carpets", "5701", 8000, "مترمربع"),)),
    ("ikiu", "دانشگاه بین‌المللی امام خمینی (ره)", "Imam Khomeini International University", "university", "technology", "قزوین", ("mohammadi_l",), ()),
    ("stp", "پارک علم و فناوری قزوین", "Qazvin Science and Technology Park", "science_park", "technology", "قزوین", ("farhadi",),
     (("تجهیزات اندازه‌گیری هوشمند", "Smart metering devices", "9028", 40000, "عدد"),)),
]  # fmt: skip

#: The 62 export destinations of 1404 (article 001), neighbours and established buyers first.
DESTINATIONS = (
    "IQ", "AF", "TJ", "RU", "BY", "TR", "AM", "AZ", "UZ", "KZ", "TM", "KG", "PK", "AE", "OM",
    "QA", "KW", "BH", "SA", "SY", "LB", "CN", "IN", "GE", "UA", "DE", "IT", "ES", "FR", "NL",
    "BE", "GB", "AT", "CH", "SE", "PL", "RO", "BG", "GR", "RS", "EG", "LY", "TN", "DZ", "KE",
    "TZ", "ET", "NG", "ZA", "MY", "ID", "TH", "VN", "KR", "JP", "LK", "BD", "NP", "MN", "CA",
    "BR", "VE",
)  # fmt: skip

# Recorded 1404 exports (USD) per company: weights over its destinations.  Golpak and Zarrin
# tie exactly; Kaveh Pipe reported 1403 but not yet 1404 (shown as missing, not as zero).
TOTALS_1404 = {
    "niloofar": 18_400_000, "negin": 14_200_000, "abyek_cement": 11_900_000,
    "raisin": 9_600_000, "zarrin": 7_250_000, "golpakh": 7_250_000, "sepehr": 5_100_000,
    "tak_parts": 4_300_000, "behnoosh_dairy": 3_900_000, "parnian": 3_100_000,
    "pars_plastic": 2_600_000, "razi_pharma": 2_200_000, "alamut_saffron": 1_150_000,
    "qazvin_carpet": 640_000, "stp": 180_000,
}  # fmt: skip
MISSING_1404 = ("kaveh_pipe",)
MAIN_MARKETS = {
    "niloofar": ("IQ", "AF", "TJ", "AM", "SY"), "negin": ("IQ", "RU", "AF", "AE", "KW"),
    "abyek_cement": ("IQ", "AF", "PK", "OM", "QA"), "raisin": ("RU", "BY", "UA", "DE", "CN"),
    "zarrin": ("IQ", "AF", "TJ"), "golpakh": ("IQ", "TR", "AZ"), "sepehr": ("TJ", "UZ", "AF", "BY"),
    "tak_parts": ("IQ", "TR", "RU"), "behnoosh_dairy": ("IQ", "AE", "OM"),
    "parnian": ("AF", "IQ", "TJ", "UZ"), "pars_plastic": ("IQ", "AM", "GE"),
    "razi_pharma": ("IQ", "AF", "SY", "LB"), "alamut_saffron": ("DE", "ES", "FR", "AE", "CN"),
    "qazvin_carpet": ("DE", "IT", "JP", "GB"), "stp": ("RU", "BY"), "kaveh_pipe": ("IQ", "TM"),
}  # fmt: skip

# key, country, Persian and English names (article 001, 002, 004).
REGIONS = (
    ("krg", "IQ", "اقلیم کردستان عراق", "Kurdistan Region of Iraq"),
    ("south_iraq", "IQ", "جنوب عراق (بصره)", "Southern Iraq (Basra)"),
    ("herat", "AF", "هرات", "Herat"),
    ("sughd", "TJ", "ولایت سغد", "Sughd Region"),
    ("khatlon", "TJ", "ولایت ختلان", "Khatlon Region"),
    ("moscow", "RU", "مسکو", "Moscow"),
    ("spb", "RU", "سن پترزبورگ", "Saint Petersburg"),
    ("minsk", "BY", "استان مینسک", "Minsk Region"),
)

# country, region key, product (company key, index) or None, sector, priority, status,
# demand, barriers, sources, people ((key, role) …), supplying companies, info date.
MARKETS: list[tuple[Any, ...]] = [
    ("IQ", "krg", ("niloofar", 0), "detergents", 1, "established",
     "تقاضای پایدار برای شوینده و بهداشتی؛ بازار اربیل و سلیمانیه با توزیع‌کنندگان محلی.",
     "رقابت با کالای ترکیه؛ هزینه حمل از مرز باشماق.",
     "گزارش سرکنسولگری ایران در اربیل؛ شورای گفت‌وگوی دولت و بخش خصوصی (۳ آبان ۱۴۰۴)",
     (("krg_official", "official"), ("taherinia", "key_contact"), ("jafari_h", "counsellor")),
     ("niloofar", "golpakh"), date(2025, 10, 25)),
    ("IQ", "krg", ("negin", 0), "food", 1, "active",
     "رب گوجه‌فرنگی و کنسرو برای فروشگاه‌های زنجیره‌ای اقلیم.",
     "استاندارد برچسب‌گذاری دوزبانه (عربی/کردی).",
     "سرکنسولگری ایران در اربیل",
     (("krg_official", "official"), ("jafari_h", "counsellor")),
     ("negin", "zarrin"), date(2025, 10, 25)),
    ("IQ", "south_iraq", None, "food", 1, "studying",
     "تقاضای قابل توجه برای محصولات غذایی و لبنی در بصره و استان‌های جنوبی؛ بررسی میدانی لازم است.",
     "زنجیره سرد و ترخیص در بندر ام‌قصر.",
     "سخنان استاندار در شورای گفت‌وگو (۳ آبان ۱۴۰۴)",
     (("basra_gov", "official"), ("iq_econ", "counsellor"), ("iq_attache", "importer")),
     ("negin", "behnoosh_dairy", "zarrin"), date(2025, 10, 25)),
    ("IQ", "south_iraq", ("abyek_cement", 0), "building", 2, "studying",
     "بازسازی و طرح‌های مسکن جنوب عراق؛ نیاز به سیمان و مصالح.",
     "ظرفیت حمل ریلی و جاده‌ای.",
     "رایزنی اقتصادی سفارت عراق",
     (("iq_econ", "counsellor"),),
     ("abyek_cement", "kaveh_pipe"), date(2025, 9, 14)),
    ("IQ", None, ("razi_pharma", 0), "pharma", 2, "active",
     "دارو و تجهیزات پزشکی برای بیمارستان‌های عراق.",
     "ثبت دارو در وزارت بهداشت عراق.",
     "رایزن اقتصادی سفارت عراق در تهران",
     (("iq_amb", "ambassador"), ("iq_econ", "counsellor")),
     ("razi_pharma",), date(2025, 8, 3)),
    ("AF", "herat", None, "food", 1, "active",
     "مواد غذایی، روغن و پوشاک برای بازار هرات و غرب افغانستان.",
     "نوسان نرخ ارز و محدودیت نقل و انتقال بانکی.",
     "شورای گفت‌وگوی دولت و بخش خصوصی (۳ آبان ۱۴۰۴)",
     (("herat_gov", "official"), ("af_econ", "counsellor")),
     ("negin", "zarrin", "parnian"), date(2025, 10, 25)),
    ("AF", None, ("abyek_cement", 0), "building", 2, "active",
     "سیمان و مصالح برای طرح‌های عمرانی.", "هزینه حمل زمینی.", "کاردار سفارت افغانستان",
     (("af_cda", "ambassador"),), ("abyek_cement",), date(2025, 6, 10)),
    ("TJ", None, ("sepehr", 0), "machinery", 1, "studying",
     "بانک نیازهای تاجیکستان (پیش از اعزام تیم تجاری): ماشین‌آلات کشاورزی، مواد غذایی فرآوری‌شده، "
     "شوینده و بهداشتی، مصالح ساختمانی، دارو، قطعات خودرو؛ پل ارتباطی با آسیای مرکزی.",
     "حمل از مسیر ترکمنستان و ازبکستان؛ گواهی انطباق.",
     "گزارش دبیرخانه دیپلماسی اقتصادی و شرکت شهرک‌های صنعتی برای سفر تیم تجاری (کارگروه صادرات غیرنفتی)",
     (("tj_econ", "counsellor"), ("sughd_chair", "official"), ("khatlon_deputy", "official"), ("tj_amb", "ambassador")),
     ("sepehr", "stp"), date(2025, 11, 2)),
    ("TJ", "sughd", None, "food", 1, "studying",
     "مواد غذایی فرآوری‌شده و روغن برای خجند و ولایت سغد.", "", "گزارش دبیرخانه دیپلماسی اقتصادی",
     (("sughd_chair", "official"),), ("negin", "zarrin"), date(2025, 11, 2)),
    ("TJ", "khatlon", None, "detergents", 2, "studying",
     "شوینده و بهداشتی برای بازار ختلان.", "", "گزارش دبیرخانه دیپلماسی اقتصادی",
     (("khatlon_deputy", "official"),), ("niloofar", "golpakh"), date(2025, 11, 2)),
    ("BY", None, ("raisin", 0), "agriculture", 2, "active",
     "خشکبار و کشمش؛ یکی از فرزندان قزوین در سفارت ایران در مینسک مسئولیت دارد.",
     "فاصله و هزینه حمل؛ گواهی بهداشتی اتحادیه اوراسیا.",
     "سخنان استاندار در شورای گفت‌وگو (۳ آبان ۱۴۰۴)",
     (("bagherinia", "key_contact"), ("by_econ", "counsellor"), ("minsk_region_deputy", "official")),
     ("raisin", "alamut_saffron"), date(2025, 10, 25)),
    ("BY", "minsk", ("sepehr", 0), "machinery", 3, "studying",
     "همکاری در ماشین‌آلات کشاورزی با استان مینسک.", "", "رایزنی سفارت ایران در مینسک",
     (("bagherinia", "key_contact"), ("minsk_region_deputy", "official")), ("sepehr",), date(2025, 7, 20)),
    ("RU", "moscow", ("raisin", 0), "agriculture", 2, "active",
     "میوه خشک و خشکبار برای شبکه‌های توزیع مسکو.", "تحریم‌های بانکی؛ تسویه با روبل.",
     "الگوی نقشه راه چهارمحوری هیئت اصفهان در مسکو و سن پترزبورگ",
     (("moscow_official", "official"), ("ru_econ", "counsellor")), ("raisin", "negin"), date(2025, 1, 20)),
    ("RU", "spb", None, "technology", 3, "studying",
     "همکاری پارک‌های علم و فناوری و دانشگاه‌ها.", "", "الگوی نقشه راه چهارمحوری",
     (("spb_official", "official"),), ("stp", "ikiu"), date(2025, 1, 20)),
    ("TR", None, ("tak_parts", 0), "auto_parts", 3, "active",
     "قطعات خودرو برای بازار ترکیه.", "رقابت قیمتی.", "رایزن بازرگانی سفارت ترکیه",
     (("tr_comm", "counsellor"),), ("tak_parts",), date(2025, 5, 5)),
    ("KZ", None, None, "food", 3, "studying", "مواد غذایی و لبنی.", "", "رایزن اقتصادی سفارت قزاقستان",
     (("kz_econ", "counsellor"),), ("behnoosh_dairy",), date(2025, 4, 12)),
    ("UZ", None, ("parnian", 0), "textiles", 3, "studying", "پارچه و نساجی.", "", "رایزن اقتصادی سفارت ازبکستان",
     (("uz_econ", "counsellor"),), ("parnian",), date(2025, 4, 12)),
    ("AM", None, ("pars_plastic", 0), "plastics", 3, "active", "ظروف یک‌بارمصرف و بسته‌بندی.", "", "سفارت ارمنستان",
     (), ("pars_plastic",), date(2025, 3, 1)),
    ("OM", None, None, "building", 3, "studying", "مصالح ساختمانی از مسیر بندرعباس.", "", "رایزن اقتصادی سفارت عمان",
     (("om_econ", "counsellor"),), ("abyek_cement",), date(2025, 2, 18)),
    ("CN", None, ("alamut_saffron", 0), "agriculture", 3, "studying", "گیاهان دارویی.", "", "رایزن اقتصادی سفارت چین",
     (("cn_econ", "counsellor"),), ("alamut_saffron",), date(2025, 2, 18)),
]  # fmt: skip


def _defaults() -> dict[str, Any]:
    now = utcnow()
    return {"uuid": new_uuid(), "created_at": now, "updated_at": now, "version": 1}


def article_markets(ctx: DemoContext) -> None:
    """The articles' companies, regions, target markets and a year of exports to 62 countries."""
    rng = random.Random(SEED)
    session = ctx.session
    companies: dict[str, int] = {}
    products: dict[tuple[str, int], int] = {}
    for key, fa, en, kind, sector, town, contacts, items in COMPANIES:
        product_names = [n for item in items for n in item[:2]]
        company = Company(
            name_fa=normalize(fa), name_en=en, kind=kind, sector=sector, city_fa=normalize(town),
            search_key=index_key(fa, en, town, *product_names),
        )  # fmt: skip
        session.add(company)
        session.flush()
        companies[key] = company.id
        for position, person in enumerate(contacts):
            if person in ctx.people:
                session.add(
                    CompanyContact(
                        company_id=company.id, person_id=ctx.people[person], position=position
                    )
                )
        for index, (p_fa, p_en, hs, capacity, unit) in enumerate(items):
            product = Product(
                company_id=company.id, name_fa=normalize(p_fa), name_en=p_en, hs_code=hs,
                sector=sector, annual_capacity=float(capacity), capacity_unit=normalize(unit),
                search_key=index_key(p_fa, p_en, hs, fa, en),
            )  # fmt: skip
            session.add(product)
            session.flush()
            products[(key, index)] = product.id
    regions: dict[str, int] = {}
    for key, iso2, fa, en in REGIONS:
        country = ctx.countries[iso2]
        region = MarketRegion(
            country_id=country, name_fa=normalize(fa), name_en=en, search_key=index_key(fa, en)
        )
        session.add(region)
        session.flush()
        regions[key] = region.id
    markets = 0
    for iso2, region_key, product, sector, priority, status, demand, barriers, sources, people, suppliers, when in MARKETS:  # fmt: skip
        row = TargetMarket(
            country_id=ctx.countries[iso2],
            region_id=regions[region_key] if region_key else None,
            product_id=products[product] if product else None,
            sector=sector, demand_notes=normalize(demand), priority=MarketPriority(priority).value,
            status=MarketStatus(status).value, barriers=normalize(barriers),
            sources=normalize(sources), info_date=when,
            search_key=index_key(iso2, demand, barriers, Sector(sector).label_fa),
        )  # fmt: skip
        session.add(row)
        session.flush()
        markets += 1
        for position, (person, role) in enumerate(people):
            if person in ctx.people:
                session.add(
                    TargetMarketPerson(
                        market_id=row.id, person_id=ctx.people[person], role=role, position=position
                    )
                )
        for supplier in suppliers:
            session.add(TargetMarketCompany(market_id=row.id, company_id=companies[supplier]))
    _market_keys(ctx)
    exports = _article_exports(ctx, rng, companies, products, regions)
    ctx.count("companies", len(companies))
    ctx.count("products", len(products))
    ctx.count("regions", len(regions))
    ctx.count("markets", markets)
    ctx.count("exports", exports)


def _market_keys(ctx: DemoContext) -> None:
    """Give the demo's markets the search key the service writes (names of places, products,
    people)."""
    session = ctx.session
    session.flush()
    for row in session.scalars(select(TargetMarket)):
        row.search_key = market_search_key(session, row)


def _article_exports(
    ctx: DemoContext,
    rng: random.Random,
    companies: dict[str, int],
    products: dict[tuple[str, int], int],
    regions: dict[str, int],
) -> int:
    """Exports of 1402–1404: each company's main markets plus others, so that 1404 reaches
    exactly the 62 destinations; Kaveh Pipe has no 1404 record."""
    rows: list[dict[str, Any]] = []
    region_of = {"IQ": regions["krg"], "AF": regions["herat"]}
    uncovered = list(DESTINATIONS)
    keys = [k for k in MAIN_MARKETS]
    for year in YEARS:
        factor = {1402: 0.78, 1403: 0.9, 1404: 1.0}[year]
        covered: set[str] = set()
        for key in keys:
            if year == 1404 and key in MISSING_1404:
                continue
            total = TOTALS_1404.get(key, 2_400_000)
            if year != 1404:
                total = int(total * factor * rng.uniform(0.85, 1.1))
            places = list(MAIN_MARKETS[key])
            if year == 1404:
                extra = [c for c in uncovered if c not in places][:4]
                uncovered = [c for c in uncovered if c not in extra and c not in places]
                places += extra
            weights = [2.0**-i for i in range(len(places))]
            shares = [w / sum(weights) for w in weights]
            amounts = [int(round(total * s, -3)) for s in shares]
            amounts[0] += total - sum(amounts)  # the recorded total is exact
            product = products.get((key, 0))
            for iso2, amount in zip(places, amounts, strict=True):
                covered.add(iso2)
                rows.append(
                    {
                        **_defaults(),
                        "company_id": companies[key],
                        "country_id": ctx.countries[iso2],
                        "region_id": region_of.get(iso2) if key in ("niloofar", "zarrin") else None,
                        "product_id": product,
                        "jalali_year": year,
                        "value_usd": amount,
                    }
                )
        if year == 1404:  # a destination still uncovered: a small carpet sale
            for iso2 in uncovered:
                rows.append(
                    {
                        **_defaults(),
                        "company_id": companies["qazvin_carpet"],
                        "country_id": ctx.countries[iso2],
                        "region_id": None,
                        "product_id": products.get(("qazvin_carpet", 0)),
                        "jalali_year": year,
                        "value_usd": rng.randint(15, 90) * 1000,
                    }
                )
    ctx.session.execute(insert(ExportRecord), rows)
    return len(rows)


def synthetic_markets(ctx: DemoContext) -> None:
    """``scale`` × :data:`COMPANIES_PER_SCALE` companies, each with a product, and
    ``scale`` × :data:`EXPORTS_PER_SCALE` export records over 1400–1404, bulk-inserted."""
    if ctx.scale <= 0:
        return
    rng = random.Random(SEED + ctx.scale)
    words = ctx.pools.get("company_words_fa_en") or [("صنعت", "Industry")]
    sectors = [s.value for s in Sector]
    company_rows = []
    for i in range(ctx.scale * COMPANIES_PER_SCALE):
        word_fa, word_en = rng.choice(words)
        fa, en = f"شرکت {word_fa} قزوین {i + 1}", f"{word_en} Qazvin Co. {i + 1}"
        company_rows.append(
            {
                **_defaults(),
                "name_fa": fa, "name_en": en, "kind": rng.choice(("exporter", "producer")),
                "sector": rng.choice(sectors), "city_fa": "قزوین", "phone": "", "email": "",
                "website": "", "notes": "", "search_key": index_key(fa, en), "archived_at": None,
            }
        )  # fmt: skip
    before = ctx.session.scalar(select(func.max(Company.id))) or 0
    ctx.session.execute(insert(Company), company_rows)
    ids = list(ctx.session.scalars(select(Company.id).where(Company.id > before)))
    countries = [ctx.countries[c] for c in DESTINATIONS]
    export_rows = [
        {
            **_defaults(),
            "company_id": rng.choice(ids),
            "country_id": rng.choice(countries),
            "region_id": None,
            "product_id": None,
            "jalali_year": rng.randint(1400, 1404),
            "value_usd": int(rng.lognormvariate(11, 1.3)) // 1000 * 1000,
        }
        for _ in range(ctx.scale * EXPORTS_PER_SCALE)
    ]
    ctx.session.execute(insert(ExportRecord), export_rows)
    market_rows = [
        {
            **_defaults(),
            "country_id": rng.choice(countries), "region_id": None, "product_id": None,
            "sector": rng.choice(sectors), "demand_notes": "", "priority": rng.randint(1, 3),
            "status": rng.choice([s.value for s in MarketStatus]), "barriers": "", "sources": "",
            "info_date": None, "notes": "", "search_key": "", "archived_at": None,
        }
        for _ in range(ctx.scale * MARKETS_PER_SCALE)
    ]  # fmt: skip
    ctx.session.execute(insert(TargetMarket), market_rows)
    ctx.count("companies", len(company_rows))
    ctx.count("exports", len(export_rows))
    ctx.count("markets", len(market_rows))
