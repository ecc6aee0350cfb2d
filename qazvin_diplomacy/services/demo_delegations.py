"""Demo trade delegations grounded in the source articles.

Article 002: the province's trade team goes to Tajikistan with a report prepared by the
secretariat and the industrial estates company, and a database of Tajikistan's needs.
Article 004: a political-trade delegation with members from industry, agriculture, trade
and universities pursues roadmaps in four areas (economy and trade, urban services,
tourism, science and technology) signed by the governor and the counterpart official —
here as an incoming delegation from Saint Petersburg, ahead of today.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from qazvin_diplomacy.core.delegations import DelegationDirection, DelegationStatus
from qazvin_diplomacy.core.text import normalize
from qazvin_diplomacy.services.delegations.records import delegation_search_key
from qazvin_diplomacy.services.demo_context import DemoContext
from qazvin_diplomacy.storage.agreements import Agreement
from qazvin_diplomacy.storage.delegations import (
    TradeDelegation,
    TradeDelegationAgreement,
    TradeDelegationMarket,
    TradeDelegationMember,
    TradeDelegationProgrammeItem,
)
from qazvin_diplomacy.storage.markets import Company, MarketRegion, TargetMarket

FOUR_AREAS = (
    "اقتصاد و بازرگانی",
    "خدمات شهری",
    "گردشگری",
    "همکاری‌های علمی، فناوری و دانش‌بنیان",
)


def _company(ctx: DemoContext, name_en: str) -> int | None:
    return ctx.session.scalar(select(Company.id).where(Company.name_en == name_en))


def _region(ctx: DemoContext, name_en: str) -> int | None:
    return ctx.session.scalar(select(MarketRegion.id).where(MarketRegion.name_en == name_en))


def _markets(ctx: DemoContext, iso2: str) -> list[int]:
    country = ctx.countries.get(iso2)
    return list(
        ctx.session.scalars(
            select(TargetMarket.id)
            .where(TargetMarket.country_id == country)
            .order_by(TargetMarket.priority, TargetMarket.id)
        )
    )


def _agreements(ctx: DemoContext, *words: str) -> list[int]:
    rows = ctx.session.execute(select(Agreement.id, Agreement.title)).all()
    return [i for i, title in rows if any(w in title for w in words)]


def _add(
    ctx: DemoContext,
    row: TradeDelegation,
    members: list[tuple[str, str, int | None, int | None, str]],
    programme: list[tuple[date, str, str, str]],
    markets: list[int],
    agreements: list[int],
) -> None:
    session = ctx.session
    session.add(row)
    session.flush()
    for position, (kind, role, person, company, text) in enumerate(members):
        if person is None and company is None and not text:
            continue
        session.add(
            TradeDelegationMember(
                delegation_id=row.id, position=position, kind=kind, role=role,
                person_id=person, company_id=company, name_text=normalize(text),
            )
        )  # fmt: skip
    for position, (day, when, place, activity) in enumerate(programme):
        session.add(
            TradeDelegationProgrammeItem(
                delegation_id=row.id, position=position, day=day, time_text=when,
                place=normalize(place), activity=normalize(activity),
            )
        )  # fmt: skip
    for market_id in dict.fromkeys(markets):
        session.add(TradeDelegationMarket(delegation_id=row.id, market_id=market_id))
    for agreement_id in dict.fromkeys(agreements):
        session.add(TradeDelegationAgreement(delegation_id=row.id, agreement_id=agreement_id))
    session.flush()
    row.search_key = delegation_search_key(session, row)


def article_delegations(ctx: DemoContext) -> None:
    """The Tajikistan trade team (sent, held) and a Saint Petersburg delegation (received, ahead)."""
    people, today = ctx.people, ctx.today
    start = today - timedelta(days=40)
    tajik = TradeDelegation(
        direction=DelegationDirection.OUTGOING.value,
        title="اعزام تیم تجاری استان قزوین به تاجیکستان",
        title_en="Qazvin Province trade team to Tajikistan",
        country_id=ctx.countries["TJ"],
        region_id=_region(ctx, "Sughd Region"),
        city="دوشنبه و خجند",
        start_date=start,
        end_date=start + timedelta(days=4),
        head_person_id=people.get("safikhani"),
        objectives=normalize(
            "شناسایی شرکای تجاری و تکمیل بانک اطلاعاتی نیازهای تاجیکستان؛ معرفی محصولات صنعتی "
            "و کشاورزی استان؛ بررسی تاجیکستان به عنوان پل ارتباطی با آسیای مرکزی."
        ),
        budget_notes=normalize(
            "هزینه سفر اعضای دولتی از محل اعتبارات دبیرخانه دیپلماسی اقتصادی؛ شرکت‌ها هزینه "
            "خود را می‌پردازند."
        ),
        outcome=normalize(
            "گزارش جامع دبیرخانه و شرکت شهرک‌های صنعتی ارائه شد؛ نشست با اتاق بازرگانی سغد "
            "برگزار و فهرست نیازهای بازار (شوینده، مواد غذایی، ماشین‌آلات کشاورزی) تکمیل شد."
        ),
        status=DelegationStatus.HELD.value,
    )
    _add(
        ctx,
        tajik,
        [
            ("official", "coordinator", people.get("moradi"), None, ""),
            ("official", "member", people.get("shahhosseini"), None, ""),
            ("official", "member", people.get("niksirat"), None, ""),
            (
                "company",
                "trader",
                None,
                _company(ctx, "Niloofar Pak Qazvin Detergent Industries"),
                "",
            ),
            ("company", "trader", None, _company(ctx, "Negin Dasht Qazvin Food Industries"), ""),
            ("company", "trader", None, _company(ctx, "Sepehr Alborz Machinery"), ""),
            ("other", "interpreter", None, None, "مترجم فارسی تاجیکی (خط سیریلیک)"),
        ],
        [
            (start, "۱۰:۰۰", "دوشنبه — سفارت جمهوری اسلامی ایران", "نشست توجیهی با رایزن اقتصادی"),
            (
                start + timedelta(days=1),
                "۰۹:۰۰",
                "دوشنبه — اتاق بازرگانی و صنایع تاجیکستان",
                "همایش تجاری و دیدارهای دوجانبه شرکت‌ها",
            ),
            (start + timedelta(days=2), "", "خجند — ولایت سغد", "دیدار با رئیس ولایت سغد"),
            (start + timedelta(days=3), "", "خجند — بازار پنجشنبه", "بازدید از بازار و عمده‌فروشان"),
        ],  # fmt: skip
        _markets(ctx, "TJ"),
        _agreements(ctx, "سغد"),
    )
    begin = today + timedelta(days=18)
    areas = "؛ ".join(FOUR_AREAS)
    russia = TradeDelegation(
        direction=DelegationDirection.INCOMING.value,
        title="پذیرش هیئت سیاسی-تجاری سن پترزبورگ",
        title_en="Political and trade delegation from Saint Petersburg",
        country_id=ctx.countries["RU"],
        region_id=_region(ctx, "Saint Petersburg"),
        start_date=begin,
        end_date=begin + timedelta(days=3),
        head_person_id=people.get("spb_official"),
        objectives=normalize(
            f"تدوین و امضای نقشه راه در چهار محور: {areas}؛ به امضای استاندار قزوین و مقام "
            "متناظر سن پترزبورگ. تفاهم‌نامه پارک علم و فناوری و دانشگاه‌ها."
        ),
        budget_notes=normalize("پذیرایی و اقامت هیئت بر عهده استانداری؛ ۴ شب اقامت برای ۱۲ نفر."),
        status=DelegationStatus.CONFIRMED.value,
    )
    _add(
        ctx,
        russia,
        [
            ("official", "deputy_head", people.get("ru_econ"), None, ""),
            ("university", "academic", people.get("_spbu_vice"), None, ""),
            ("official", "coordinator", people.get("soltaninejad"), None, ""),
            (
                "university",
                "academic",
                None,
                _company(ctx, "Imam Khomeini International University"),
                "",
            ),
            (
                "university",
                "academic",
                None,
                _company(ctx, "Qazvin Science and Technology Park"),
                "",
            ),
            ("company", "trader", None, _company(ctx, "Takestan Golden Raisin Trading"), ""),
        ],
        [
            (begin, "۱۰:۰۰", "استانداری قزوین", "دیدار با استاندار و نشست مشترک"),
            (
                begin + timedelta(days=1),
                "۰۹:۰۰",
                "اتاق بازرگانی قزوین",
                "کارگروه اقتصاد و بازرگانی؛ کارگروه خدمات شهری",
            ),
            (
                begin + timedelta(days=2),
                "۰۹:۳۰",
                "پارک علم و فناوری قزوین",
                "کارگروه علمی و فناوری؛ امضای تفاهم‌نامه پارک‌ها",
            ),
            (
                begin + timedelta(days=3),
                "",
                "قزوین — بافت تاریخی",
                "کارگروه گردشگری؛ امضای نقشه راه",
            ),
        ],  # fmt: skip
        _markets(ctx, "RU"),
        _agreements(ctx, "سن پترزبورگ"),
    )
    ctx.count("delegations", 2)
