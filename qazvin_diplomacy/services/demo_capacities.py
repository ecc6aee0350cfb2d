"""Demo capacities grounded in the articles (article 003: each province's database of
capacities in tourism, production, trade and investment that embassies can consult), a few
in each axis; ``scale`` adds ``CAPACITIES_PER_SCALE`` synthetic ones per unit, bulk-inserted
(scale 100: 300).  Figures are plausible orders of magnitude, not official statistics.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert

from qazvin_diplomacy.core.capacities import CapacityAxis, CapacityStatus, County
from qazvin_diplomacy.services.capacities.records import capacity_search_key
from qazvin_diplomacy.services.demo_context import DemoContext
from qazvin_diplomacy.storage.base import new_uuid, utcnow
from qazvin_diplomacy.storage.capacities import Capacity

CAPACITIES_PER_SCALE = 3

# (axis, county, title, title_en, description, description_en, status, area, unit, jobs,
#  investment, currency, contact org key, publishable)
_ARTICLE_CAPACITIES: tuple[tuple[Any, ...], ...] = (
    (
        "tourism",
        "qazvin",
        "گردشگری دره الموت و قلعه‌های اسماعیلیه",
        "Alamut valley and its castles",
        "اقامتگاه‌های بوم‌گردی، مسیرهای کوهپیمایی و قلعه‌های تاریخی الموت در رودبار الموت.",
        "Eco-lodges, hiking routes and the historic castles of Alamut in Rudbar-e Alamut.",
        "ready",
        120,
        "ha",
        350,
        18_000_000,
        "USD",
        "heritage_qazvin",
        True,
    ),
    (
        "tourism",
        "qazvin",
        "مجموعه تاریخی بافت قدیم قزوین",
        "Historic quarter of Qazvin",
        "کاروانسراها، بازار و عمارت‌های صفوی پایتخت پیشین ایران؛ بازسازی کاروانسرا برای هتل.",
        "Caravanserais, the bazaar and Safavid buildings of Iran's former capital; restoring a "
        "caravanserai as a hotel.",
        "ready",
        4500,
        "m2",
        120,
        6_500_000,
        "USD",
        "heritage_qazvin",
        True,
    ),
    (
        "tourism",
        "takestan",
        "گردشگری تاکستان‌ها و جشنواره انگور",
        "Vineyard and grape festival tourism",
        "مسیر گردشگری باغ‌های انگور تاکستان و جشنوارهٔ سالانهٔ برداشت.",
        "A route through Takestan's vineyards and the annual harvest festival.",
        "idea",
        None,
        "ha",
        80,
        1_200_000,
        "USD",
        "heritage_qazvin",
        False,
    ),
    (
        "production",
        "alborz",
        "شهرک صنعتی البرز",
        "Alborz Industrial City",
        "بزرگ‌ترین شهرک صنعتی کشور با زمین آماده برای واحدهای تولیدی و زیرساخت کامل.",
        "Iran's largest industrial city, serviced plots ready for manufacturing units.",
        "expanding",
        3600,
        "ha",
        60_000,
        250_000_000,
        "USD",
        "alborz_industrial_city",
        True,
    ),
    (
        "production",
        "abyek",
        "شهرک صنعتی لیا و کاسپین",
        "Lia and Caspian industrial towns",
        "شهرک‌های صنعتی در مسیر آزادراه قزوین–کرج با زمین صنعتی قابل واگذاری.",
        "Industrial towns on the Qazvin–Karaj motorway with industrial land available.",
        "ready",
        850,
        "ha",
        9_000,
        60_000_000,
        "USD",
        "industrial_parks",
        True,
    ),
    (
        "production",
        "buin_zahra",
        "شهرک صنعتی بوئین‌زهرا",
        "Buin Zahra industrial town",
        "زمین صنعتی برای صنایع غذایی و تبدیلی نزدیک قطب کشاورزی استان.",
        "Industrial land for food and processing industries near the province's farming hub.",
        "ready",
        300,
        "ha",
        2_500,
        20_000_000,
        "USD",
        "industrial_parks",
        False,
    ),
    (
        "trade",
        "qazvin",
        "موقعیت لجستیکی قزوین: چهارراه شمال–جنوب و دریای خزر",
        "Qazvin's logistics position: the North–South corridor and the Caspian",
        "قزوین بر مسیر کریدور شمال–جنوب و راه‌آهن قزوین–رشت–آستارا، دروازهٔ بنادر خزر.",
        "Qazvin lies on the North–South corridor and the Qazvin–Rasht–Astara railway, a gateway "
        "to the Caspian ports.",
        "active",
        200,
        "ha",
        1_500,
        45_000_000,
        "USD",
        "samt_qazvin",
        True,
    ),
    (
        "trade",
        "qazvin",
        "خانه صادرات و بازارهای هدف منطقه‌ای",
        "Export house and regional target markets",
        "صادرات به ۶۲ کشور؛ بازارهای اقلیم کردستان عراق، جنوب عراق و افغانستان.",
        "Exports to 62 countries; markets in Iraqi Kurdistan, southern Iraq and Afghanistan.",
        "active",
        None,
        "ha",
        None,
        None,
        "USD",
        "export_house",
        True,
    ),
    (
        "investment",
        "alborz",
        "منطقه ویژه اقتصادی البرز",
        "Alborz special economic zone",
        "مشوق‌های مالیاتی و گمرکی برای سرمایه‌گذاران خارجی.",
        "Tax and customs incentives for foreign investors.",
        "ready",
        500,
        "ha",
        5_000,
        120_000_000,
        "USD",
        "gov_econ",
        True,
    ),
    (
        "investment",
        "takestan",
        "نیروگاه خورشیدی تاکستان",
        "Takestan solar power plant",
        "فرصت سرمایه‌گذاری ۵۰ مگاواتی در زمین‌های کم‌بازده.",
        "A 50 MW investment opportunity on low-yield land.",
        "idea",
        100,
        "ha",
        60,
        40_000_000,
        "EUR",
        "gov_econ",
        True,
    ),
    (
        "science_technology",
        "qazvin",
        "دانشگاه بین‌المللی امام خمینی (ره)",
        "Imam Khomeini International University",
        "پذیرش دانشجوی خارجی، آموزش زبان فارسی به غیرفارسی‌زبانان و همکاری پژوهشی.",
        "International students, Persian for non-native speakers and joint research.",
        "active",
        400,
        "ha",
        None,
        None,
        "USD",
        "ikiu",
        True,
    ),
    (
        "science_technology",
        "qazvin",
        "پارک علم و فناوری استان قزوین",
        "Qazvin Science and Technology Park",
        "شرکت‌های دانش‌بنیان آمادهٔ همکاری و صادرات فناوری.",
        "Knowledge-based companies ready for partnerships and technology exports.",
        "expanding",
        12,
        "ha",
        2_000,
        8_000_000,
        "USD",
        "qazvin_stp",
        True,
    ),
    (
        "agriculture",
        "qazvin",
        "پسته، زیتون و انگور طارم و رودبار",
        "Pistachio, olives and grapes of Tarom and Rudbar",
        "باغ‌های پسته و زیتون و انگور طارم سفلی و رودبار؛ فرصت فرآوری و بسته‌بندی برای صادرات.",
        "Pistachio, olive and grape orchards of Tarom Sofla and Rudbar; processing and packing "
        "for export.",
        "active",
        9_000,
        "ha",
        4_000,
        12_000_000,
        "USD",
        "chamber_qazvin",
        True,
    ),
    (
        "agriculture",
        "takestan",
        "کشمش تاکستان",
        "Takestan raisins",
        "قطب تولید کشمش ایران با بازارهای صادراتی در روسیه و اروپا.",
        "Iran's raisin hub, exporting to Russia and Europe.",
        "active",
        14_000,
        "ha",
        6_000,
        None,
        "USD",
        "co_takestan_raisin",
        True,
    ),
    (
        "agriculture",
        "avaj",
        "دامپروری و عسل آوج",
        "Avaj livestock and honey",
        "مراتع کوهستانی آوج برای دامپروری و زنبورداری.",
        "Mountain pastures of Avaj for livestock and beekeeping.",
        "idea",
        2_000,
        "ha",
        300,
        2_000_000,
        "USD",
        None,
        False,
    ),
)


def _row(values: tuple[Any, ...], org_id: int | None) -> dict[str, Any]:
    (
        axis,
        county,
        title,
        title_en,
        desc,
        desc_en,
        status,
        area,
        unit,
        jobs,
        invest,
        cur,
        _,
        pub,
    ) = values
    now = utcnow()
    row = Capacity(
        title=title,
        title_en=title_en,
        description=desc,
        description_en=desc_en,
        axis=axis,
        county=county,
        status=status,
        area=area,
        area_unit=unit,
        jobs=jobs,
        investment=invest,
        currency=cur,
        contact_org_id=org_id,
        publishable=pub,
    )
    return {
        "uuid": new_uuid(),
        "created_at": now,
        "updated_at": now,
        "version": 1,
        "title": title,
        "title_en": title_en,
        "description": desc,
        "description_en": desc_en,
        "axis": axis,
        "county": county,
        "status": status,
        "area": area,
        "area_unit": unit,
        "jobs": jobs,
        "investment": invest,
        "currency": cur,
        "contact_org_id": org_id,
        "publishable": pub,
        "search_key": capacity_search_key(row, None),
    }


def article_capacities(ctx: DemoContext) -> None:
    """A few capacities in each axis, grounded in the articles."""
    rows = [_row(v, ctx.organizations.get(v[12] or "")) for v in _ARTICLE_CAPACITIES]
    ctx.session.execute(insert(Capacity), rows)
    ctx.count("capacities", len(rows))


def synthetic_capacities(ctx: DemoContext) -> None:
    """``CAPACITIES_PER_SCALE`` varied capacities per scale unit."""
    if ctx.scale <= 0:
        return
    axes, counties, statuses = list(CapacityAxis), list(County), list(CapacityStatus)
    rng = ctx.rng
    rows = []
    for i in range(ctx.scale * CAPACITIES_PER_SCALE):
        axis, county = rng.choice(axes), rng.choice(counties)
        values = (
            axis.value,
            county.value,
            f"فرصت {axis.label_fa} شمارهٔ {i + 1} در {county.label_fa}",
            f"{axis.label_en} opportunity no. {i + 1} in {county.label_en}",
            f"ظرفیت نمونه برای آزمون حجم ({county.label_fa}).",
            f"Sample capacity for volume tests ({county.label_en}).",
            rng.choice(statuses).value,
            float(rng.randint(1, 500)),
            "ha",
            rng.randint(5, 2000),
            rng.randint(1, 200) * 100_000,
            "USD",
            None,
            rng.random() < 0.6,
        )
        rows.append(_row(values, None))
    for start in range(0, len(rows), 5000):
        ctx.session.execute(insert(Capacity), rows[start : start + 5000])
    ctx.count("capacities", len(rows))
