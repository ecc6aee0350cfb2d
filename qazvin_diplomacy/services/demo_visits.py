"""Demo visits: the visits the articles describe, placed around today, plus synthetic volume."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, insert, select

from qazvin_diplomacy.core.clock import from_local
from qazvin_diplomacy.core.followups import FollowUpInput
from qazvin_diplomacy.core.text import compact_key, index_key
from qazvin_diplomacy.core.visits import ChecklistItem
from qazvin_diplomacy.services.followups import apply_followup
from qazvin_diplomacy.storage.base import new_uuid, utcnow
from qazvin_diplomacy.storage.directory import Country, Person
from qazvin_diplomacy.storage.followups import FollowUpTask
from qazvin_diplomacy.storage.visits import (
    Visit,
    VisitChecklistItem,
    VisitGift,
    VisitGuest,
    VisitHost,
    VisitItineraryItem,
)

if TYPE_CHECKING:
    from qazvin_diplomacy.services.demo_context import DemoContext

VISITS_PER_SCALE = 500
HOSTS = ["nozari", "safikhani", "kazemipour", "soltaninejad", "golivand", "niksirat"]

# (days from today, start hour, hours, status, guest keys, host keys, venue index,
#  title fa, title en, purpose index, outcome)
ARTICLE_VISITS: list[tuple[Any, ...]] = [
    (
        -34,
        10,
        2,
        "held",
        ["gerami"],
        ["nozari", "golivand"],
        0,
        "دیدار نماینده ویژه وزیر امور خارجه با استاندار",
        "Meeting of the Foreign Minister's special representative with the Governor",
        0,
        "بر دعوت از سفیران برای معرفی ظرفیت‌های استان و تمرکز بر بازار عراق و تاجیکستان تأکید شد.",
    ),
    (
        0,
        10,
        3,
        "confirmed",
        ["iq_amb", "iq_econ"],
        ["nozari", "safikhani"],
        0,
        "دیدار سفیر عراق با استاندار قزوین",
        "Visit of the Ambassador of Iraq to Qazvin",
        0,
        "",
    ),
    (
        0,
        15,
        2,
        "planned",
        ["kz_econ"],
        ["safikhani"],
        3,
        "نشست رایزن اقتصادی قزاقستان با معاون اقتصادی",
        "Meeting of the Kazakh economic counsellor",
        0,
        "",
    ),
    (
        2,
        9,
        8,
        "planned",
        ["tj_amb", "tj_econ"],
        ["nozari", "niksirat"],
        0,
        "سفر سفیر تاجیکستان و بازدید از شهرک صنعتی",
        "Visit of the Ambassador of Tajikistan",
        0,
        "",
    ),
    (
        9,
        11,
        2,
        "requested",
        ["by_amb"],
        ["nozari"],
        0,
        "درخواست دیدار سفیر بلاروس",
        "Requested visit of the Ambassador of Belarus",
        0,
        "",
    ),
    (
        -20,
        10,
        3,
        "held",
        ["af_cda", "af_econ"],
        ["safikhani", "soltaninejad"],
        3,
        "دیدار کاردار افغانستان درباره صادرات به هرات",
        "Chargé d'affaires of Afghanistan on exports to Herat",
        0,
        "توافق شد فهرست نیازهای بازار هرات تهیه و برای اتاق بازرگانی ارسال شود.",
    ),
    (
        16,
        10,
        6,
        "postponed",
        ["spb_official", "ru_econ"],
        ["nozari"],
        0,
        "هیئت سن پترزبورگ",
        "Delegation of Saint Petersburg",
        0,
        "",
    ),
    (
        5,
        10,
        2,
        "cancelled",
        ["om_cai"],
        ["kazemipour"],
        0,
        "دیدار کاردار موقت عمان",
        "Visit of the Chargé d'affaires a.i. of Oman",
        1,
        "",
    ),
]


def _at(day: date, hour: int, minutes: int = 0) -> datetime:
    return from_local(datetime.combine(day, time(hour, minutes)))


def _defaults() -> dict[str, Any]:
    now = utcnow()
    return {"uuid": new_uuid(), "created_at": now, "updated_at": now, "version": 1}


def article_visits(ctx: DemoContext) -> None:
    """Visits of the officials the articles name, around today so the dashboard has content."""
    pools = ctx.pools
    venues, purposes, activities = pools["venues"], pools["purposes"], pools["activities"]
    session = ctx.session
    for n, (
        offset,
        hour,
        hours,
        status,
        guests,
        hosts,
        venue_i,
        title,
        title_en,
        purpose_i,
        outcome,
    ) in enumerate(ARTICLE_VISITS):
        day = ctx.today + timedelta(days=offset)
        guest_ids = [ctx.people[k] for k in guests]
        country_id = _country_of(ctx, guests[0])
        row = Visit(
            title=title,
            title_en=title_en,
            purpose=purposes[purpose_i][0],
            status=status,
            start_at=_at(day, hour),
            end_at=_at(day, hour + hours),
            venue=venues[venue_i][0],
            venue_key=compact_key(venues[venue_i][0]),
            country_id=country_id,
            outcome=outcome,
        )
        session.add(row)
        session.flush()
        for i, pid in enumerate(guest_ids):
            session.add(
                VisitGuest(
                    visit_id=row.id,
                    person_id=pid,
                    role="head" if i == 0 else "member",
                    sort_order=i,
                )
            )
        for i, key in enumerate(hosts):
            session.add(VisitHost(visit_id=row.id, person_id=ctx.people[key], sort_order=i))
        steps = max(1, min(3, hours // 2))
        for i in range(steps):
            act_fa, act_en = activities[(n + i) % len(activities)]
            place_fa, place_en = venues[(venue_i + i) % len(venues)]
            session.add(
                VisitItineraryItem(
                    visit_id=row.id,
                    sort_order=i,
                    start_at=_at(day, hour + i * hours // steps),
                    end_at=_at(day, hour + (i + 1) * hours // steps),
                    place=place_fa,
                    place_en=place_en,
                    activity=act_fa,
                    activity_en=act_en,
                    responsible_text="اداره کل امور بین‌الملل",
                    transport="خودروی تشریفات",
                    interpreter="مترجم عربی" if guests[0].startswith("iq") else "",
                )
            )
        for i, item in enumerate(ChecklistItem):
            state = "done" if status in ("held", "confirmed") and i % 3 != 2 else "not_done"
            if item is ChecklistItem.HOTEL and hours < 6:
                state = "not_needed"
            session.add(VisitChecklistItem(visit_id=row.id, item_key=item.value, state=state))
        if status in ("held", "confirmed"):
            gift = (
                "صنایع‌دستی قزوین: گلیم دستباف" if n % 2 else "کتاب «قزوین، پایتخت خوشنویسی ایران»"
            )
            session.add(
                VisitGift(
                    visit_id=row.id,
                    direction="given",
                    person_id=guest_ids[0],
                    description=gift,
                    description_key=compact_key(gift),
                    gift_date=day,
                )
            )
        row.search_key = index_key(
            row.title,
            row.title_en,
            row.purpose,
            row.venue,
            row.delegation_name,
            *_country_names(ctx, country_id),
            row.outcome,
        )
        if status == "held":
            for j, (task, days) in enumerate(
                [("ارسال نامه تشکر به سفارت", -10), ("تهیه فهرست نیازهای بازار هدف", 12)]
            ):
                t = FollowUpTask(title="")
                apply_followup(
                    t,
                    FollowUpInput(
                        title=task,
                        source_kind="visit",
                        source_id=row.id,
                        owner_person_id=ctx.people["soltaninejad" if j == 0 else "moradi"],
                        deadline=ctx.today + timedelta(days=days + offset // 4),
                    ),
                )
                session.add(t)
    ctx.count("visits", len(ARTICLE_VISITS))


def _country_of(ctx: DemoContext, person_key: str) -> int | None:
    person = ctx.session.get(Person, ctx.people[person_key])
    return person.country_id if person else None


def _country_names(ctx: DemoContext, country_id: int | None) -> tuple[str, str]:
    if country_id is None:
        return ("", "")
    country = ctx.session.get(Country, country_id)
    return (country.name_fa, country.name_en) if country else ("", "")


def synthetic_visits(ctx: DemoContext) -> None:
    """``VISITS_PER_SCALE`` visits per scale unit over seven years, bulk-inserted."""
    if ctx.scale <= 0 or not ctx.synthetic_people:
        return
    rng, session, pools = ctx.rng, ctx.session, ctx.pools
    venues, purposes, activities = pools["venues"], pools["purposes"], pools["activities"]
    person_country = dict(
        session.execute(
            select(Person.id, Person.country_id).where(Person.id.in_(ctx.synthetic_people))
        ).all()
    )
    names = {
        cid: (fa, en)
        for cid, fa, en in session.execute(select(Country.id, Country.name_fa, Country.name_en))
    }
    hosts = [ctx.people[k] for k in HOSTS]
    first_id = (session.scalar(select(func.max(Visit.id))) or 0) + 1
    span_days = 7 * 365
    origin = ctx.today - timedelta(days=5 * 365)
    visits, guests, host_rows, items, checklist = [], [], [], [], []
    total = ctx.scale * VISITS_PER_SCALE
    for n in range(total):
        vid = first_id + n
        day = origin + timedelta(days=rng.randrange(span_days))
        hour = rng.randint(8, 16)
        hours = rng.choice((1, 2, 2, 3, 4))
        start, end = _at(day, hour), _at(day, hour + hours)
        if day < ctx.today:
            status = rng.choices(["held", "cancelled", "postponed"], (85, 10, 5))[0]
        else:
            status = rng.choices(["requested", "planned", "confirmed"], (30, 40, 30))[0]
        guest_ids = rng.sample(ctx.synthetic_people, rng.choice((1, 1, 2)))
        country_id = person_country.get(guest_ids[0])
        purpose_fa, purpose_en = rng.choice(purposes)
        venue_fa, _venue_en = rng.choice(venues)
        cfa, cen = names.get(country_id, ("", "")) if country_id else ("", "")
        title = f"{purpose_fa} — {cfa}" if cfa else purpose_fa
        title_en = f"{purpose_en} — {cen}" if cen else purpose_en
        outcome = "نتیجه مثبت؛ پیگیری از طریق دبیرخانه." if status == "held" else ""
        visits.append(
            {
                **_defaults(),
                "id": vid,
                "title": title,
                "title_en": title_en,
                "purpose": purpose_fa,
                "status": status,
                "start_at": start,
                "end_at": end,
                "venue": venue_fa,
                "venue_key": compact_key(venue_fa),
                "country_id": country_id,
                "delegation_name": "",
                "outcome": outcome,
                "conflict_reason": "",
                "archived_at": None,
                "search_key": index_key(title, title_en, purpose_fa, venue_fa, cfa, cen, outcome),
            }
        )
        for i, pid in enumerate(guest_ids):
            guests.append(
                {
                    "visit_id": vid,
                    "person_id": pid,
                    "role": "head" if i == 0 else "member",
                    "sort_order": i,
                }
            )
        host_rows.append({"visit_id": vid, "person_id": rng.choice(hosts), "sort_order": 0})
        if n % 3 == 0:
            act_fa, act_en = rng.choice(activities)
            items.append(
                {
                    **_defaults(),
                    "visit_id": vid,
                    "sort_order": 0,
                    "start_at": start,
                    "end_at": end,
                    "place": venue_fa,
                    "place_en": _venue_en,
                    "activity": act_fa,
                    "activity_en": act_en,
                    "responsible_text": "",
                    "responsible_person_id": None,
                    "transport": "",
                    "interpreter": "",
                    "notes": "",
                }
            )
        if n % 10 == 0:
            for item in ChecklistItem:
                checklist.append(
                    {
                        "visit_id": vid,
                        "item_key": item.value,
                        "state": "done" if status == "held" else "not_done",
                        "note": "",
                    }
                )
    for model, rows in (
        (Visit, visits),
        (VisitGuest, guests),
        (VisitHost, host_rows),
        (VisitItineraryItem, items),
        (VisitChecklistItem, checklist),
    ):
        for chunk in range(0, len(rows), 10_000):
            session.execute(insert(model), rows[chunk : chunk + 10_000])
    ctx.count("visits", len(visits))
    ctx.count("visit_links", len(guests) + len(host_rows))
    ctx.count("itinerary_items", len(items))
    ctx.count("checklist_items", len(checklist))
