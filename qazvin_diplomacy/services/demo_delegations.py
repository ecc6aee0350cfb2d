"""Demo trade delegations grounded in the source articles.

Article 002: the province's trade team goes to Tajikistan with a report prepared by the
secretariat and the industrial estates company, and a database of Tajikistan's needs.
Article 004: a political-trade delegation with members from industry, agriculture, trade
and universities pursues roadmaps in four areas (economy and trade, urban services,
tourism, science and technology) signed by the governor and the counterpart official —
here as an incoming delegation from Saint Petersburg, ahead of today.  The Tajikistan trip
has its follow-ups.  ``scale`` adds :data:`DELEGATIONS_PER_SCALE` varied delegations per unit
(members, a programme, a market, follow-ups after the held ones), bulk-inserted.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import func, insert, select

from qazvin_diplomacy.core.delegations import (
    DelegationDirection,
    DelegationStatus,
    MemberKind,
    MemberRole,
)
from qazvin_diplomacy.core.followups import FollowUpInput, FollowUpSource, FollowUpStatus
from qazvin_diplomacy.core.text import index_key, normalize
from qazvin_diplomacy.services.delegations.records import delegation_search_key
from qazvin_diplomacy.services.demo_context import DemoContext
from qazvin_diplomacy.services.followups import apply_followup
from qazvin_diplomacy.storage.agreements import Agreement
from qazvin_diplomacy.storage.delegations import (
    TradeDelegation,
    TradeDelegationAgreement,
    TradeDelegationMarket,
    TradeDelegationMember,
    TradeDelegationProgrammeItem,
)
from qazvin_diplomacy.storage.directory import Country
from qazvin_diplomacy.storage.followups import FollowUpTask
from qazvin_diplomacy.storage.markets import Company, MarketRegion, TargetMarket

#: Synthetic delegations per ``scale`` unit (scale 100: 1,000 delegations, 3,000 members).
DELEGATIONS_PER_SCALE = 10
SEED = 1417
SOURCE_KIND = FollowUpSource.DELEGATION.value
#: Countries the synthetic delegations go to or come from.
PARTNERS = ("IQ", "AF", "TJ", "RU", "BY", "TR", "AM", "AZ", "KZ", "UZ", "TM", "OM", "CN", "IN")
#: Follow-ups of the Tajikistan trip (title, owner, days after its end, status).
TAJIK_FOLLOWUPS = (
    ("ارسال فهرست نیازهای بازار تاجیکستان به شرکت‌های استان", "دبیرخانه دیپلماسی اقتصادی", 7,
     FollowUpStatus.DONE.value),
    ("پیگیری نمونه‌های ارسالی شوینده به عمده‌فروشان خجند", "اتاق بازرگانی قزوین", 30,
     FollowUpStatus.IN_PROGRESS.value),
    ("دعوت از هیئت تجاری ولایت سغد برای بازدید از قزوین", "دفتر امور بین‌الملل", 60,
     FollowUpStatus.OPEN.value),
)  # fmt: skip

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
    for title, owner, days, status in TAJIK_FOLLOWUPS:
        task = FollowUpTask(title="")
        apply_followup(
            task,
            FollowUpInput(
                title, source_kind=SOURCE_KIND, source_id=tajik.id, owner_text=owner,
                deadline=tajik.end_date + timedelta(days=days), status=status,
            ),
        )  # fmt: skip
        ctx.session.add(task)
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


def synthetic_delegations(ctx: DemoContext) -> None:
    """``scale`` × :data:`DELEGATIONS_PER_SCALE` delegations over two years around today,
    each with three members, a two-day programme and a market of its country when there is
    one; each held one has a follow-up.  Bulk-inserted."""
    if ctx.scale <= 0:
        return
    rng = random.Random(SEED + ctx.scale)
    session = ctx.session
    partners = [(code, ctx.countries[code]) for code in PARTNERS if code in ctx.countries]
    names = dict(
        session.execute(
            select(Country.id, Country.name_fa).where(Country.id.in_([c for _k, c in partners]))
        ).all()
    )
    markets: dict[int, list[int]] = {}
    for market_id, country_id in session.execute(select(TargetMarket.id, TargetMarket.country_id)):
        markets.setdefault(country_id, []).append(market_id)
    companies = list(session.scalars(select(Company.id).order_by(Company.id).limit(2000)))
    people = ctx.synthetic_people or list(ctx.people.values())
    statuses = [s.value for s in DelegationStatus]
    rows = []
    for i in range(ctx.scale * DELEGATIONS_PER_SCALE):
        _code, country_id = rng.choice(partners)
        way = rng.choice(list(DelegationDirection))
        start = ctx.today + timedelta(days=rng.randint(-540, 180))
        status = (
            DelegationStatus.HELD.value
            if start < ctx.today and rng.random() < 0.8
            else rng.choice(statuses)
        )
        title = f"{way.label_fa} هیئت تجاری شمارهٔ {i + 1} — {names.get(country_id, '')}"
        rows.append(
            {
                "direction": way.value, "title": title, "title_en": f"Trade delegation {i + 1}",
                "country_id": country_id, "region_id": None, "city": "",
                "start_date": start, "end_date": start + timedelta(days=rng.randint(1, 6)),
                "head_person_id": rng.choice(people) if people else None, "head_text": "",
                "objectives": "شناسایی شرکای تجاری و معرفی محصولات استان.", "budget_notes": "",
                "outcome": "", "status": status, "notes": "", "archived_at": None,
                "search_key": index_key(title, f"Trade delegation {i + 1}", way.label_fa,
                                        names.get(country_id, "")),
            }
        )  # fmt: skip
    before = session.scalar(select(func.max(TradeDelegation.id))) or 0
    for chunk in range(0, len(rows), 5000):
        session.execute(insert(TradeDelegation), rows[chunk : chunk + 5000])
    saved = session.execute(
        select(
            TradeDelegation.id,
            TradeDelegation.country_id,
            TradeDelegation.start_date,
            TradeDelegation.end_date,
            TradeDelegation.status,
        )
        .where(TradeDelegation.id > before)
        .order_by(TradeDelegation.id)
    ).all()
    members, programme, links, tasks = [], [], [], []
    roles = [r.value for r in MemberRole]
    for delegation_id, country_id, start, end, status in saved:
        if people:
            members.append(
                {"delegation_id": delegation_id, "position": 0, "kind": MemberKind.OFFICIAL.value,
                 "role": rng.choice(roles), "person_id": rng.choice(people), "company_id": None,
                 "name_text": ""}
            )  # fmt: skip
        for position in (1, 2):
            if companies:
                members.append(
                    {"delegation_id": delegation_id, "position": position,
                     "kind": MemberKind.COMPANY.value, "role": MemberRole.TRADER.value,
                     "person_id": None, "company_id": rng.choice(companies), "name_text": ""}
                )  # fmt: skip
        for position, (day, activity) in enumerate(
            ((start, "نشست تجاری و دیدارهای دوجانبه"), (end, "بازدید از بازار"))
        ):
            programme.append(
                {"delegation_id": delegation_id, "position": position, "day": day,
                 "time_text": "", "place": "", "activity": activity, "notes": ""}
            )  # fmt: skip
        if markets.get(country_id):
            links.append({"delegation_id": delegation_id,
                          "market_id": rng.choice(markets[country_id])})  # fmt: skip
        if status == DelegationStatus.HELD.value:
            title = "ارسال گزارش نتایج سفر و پیگیری توافق‌ها"
            tasks.append(
                {"title": title, "source_kind": SOURCE_KIND, "source_id": delegation_id,
                 "owner_person_id": None, "owner_text": "دبیرخانه دیپلماسی اقتصادی",
                 "deadline": end + timedelta(days=rng.randint(7, 60)),
                 "status": rng.choice([s.value for s in FollowUpStatus]), "notes": "",
                 "search_key": index_key(title, "دبیرخانه دیپلماسی اقتصادی"),
                 "archived_at": None}
            )  # fmt: skip
    for model, values in (
        (TradeDelegationMember, members),
        (TradeDelegationProgrammeItem, programme),
        (TradeDelegationMarket, links),
        (FollowUpTask, tasks),
    ):
        for chunk in range(0, len(values), 5000):
            session.execute(insert(model), values[chunk : chunk + 5000])
    ctx.count("delegations", len(rows))
    ctx.count("followups", len(tasks))
