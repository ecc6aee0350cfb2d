"""Demo agreements: the documents the articles describe, placed around today, plus volume.

Grounded in the articles: a four-axis roadmap with Tajikistan's Sughd region (economy and
trade, urban services, tourism, science and technology, as in Isfahan's roadmaps with
Russian provinces), an MoU between Imam Khomeini International University and Saint
Petersburg State University, a sister-province agreement with the Minsk region, an expired
MoU with the Kurdistan Region of Iraq, a roadmap with Basra waiting 40 days for the MFA
office's legal review, an MoU with Herat signed during the Afghan chargé d'affaires' visit,
and an urban-services roadmap with Moscow ending within the 90-day alert window.  One
obligation is overdue.  ``scale`` adds ``AGREEMENTS_PER_SCALE`` synthetic agreements per
unit, bulk-inserted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, insert, select

from qazvin_diplomacy.core.agreements import (
    AgreementKind,
    AgreementStatus,
    Axis,
    LegalVerdict,
    PartySide,
    first_expiry,
)
from qazvin_diplomacy.core.clock import TEHRAN
from qazvin_diplomacy.core.followups import FollowUpInput
from qazvin_diplomacy.core.text import index_key
from qazvin_diplomacy.services.followups import apply_followup
from qazvin_diplomacy.storage.agreements import (
    Agreement,
    AgreementAxis,
    AgreementParty,
    AgreementSignatory,
    AgreementStatusChange,
)
from qazvin_diplomacy.storage.base import new_uuid, utcnow
from qazvin_diplomacy.storage.directory import Country, Organization, Person
from qazvin_diplomacy.storage.followups import FollowUpTask
from qazvin_diplomacy.storage.visits import Visit

if TYPE_CHECKING:
    from qazvin_diplomacy.services.demo_context import DemoContext

AGREEMENTS_PER_SCALE = 20
OFFICE = "اداره کل امور بین‌الملل"
_PATH = [
    AgreementStatus.DRAFT,
    AgreementStatus.LEGAL_REVIEW,
    AgreementStatus.APPROVED,
    AgreementStatus.SIGNED,
    AgreementStatus.IN_FORCE,
]


@dataclass
class _Demo:
    """One article agreement; day offsets are relative to today."""

    title: str
    title_en: str
    kind: AgreementKind
    status: AgreementStatus
    iranian: list[tuple[str, str]]  # (organization key, signatory person key or "")
    foreign: list[tuple[str, str, str]]  # (organization key, signatory key, locality)
    axes: list[Axis]
    signed: int | None  # days from today
    place: str = ""
    duration: int | None = None
    end: int | None = None  # days from today
    auto_renew: bool = False
    reference: str = ""
    summary: str = ""
    visit_title: str = ""
    status_days: int = 0  # days from today when the current status was entered
    obligations: list[tuple[str, str, int, str]] = field(default_factory=list)


def _articles() -> list[_Demo]:
    s = AgreementStatus
    return [
        _Demo(
            "نقشه راه همکاری‌های استان قزوین و ولایت سغد تاجیکستان",
            "Roadmap of cooperation between Qazvin Province and Sughd Region of Tajikistan",
            AgreementKind.ROADMAP,
            s.IN_FORCE,
            [("gov_qazvin", "nozari")],
            [("sughd", "sughd_chair", "خجند")],
            [Axis.ECONOMY_TRADE, Axis.URBAN_SERVICES, Axis.TOURISM, Axis.SCIENCE_TECHNOLOGY],
            -200,
            "خجند",
            duration=36,
            reference="۱۴۰۴/ب‌ل/۱۲",
            summary="نقشه راه در چهار محور اقتصاد و بازرگانی، خدمات شهری، گردشگری و همکاری‌های "
            "علمی و فناوری؛ تشکیل کارگروه‌های تخصصی تجارت، سرمایه‌گذاری و گردشگری.",
            status_days=-180,
            obligations=[
                ("تشکیل کارگروه مشترک تجارت و معرفی ده شرکت برتر صادراتی", "moradi", -10, "open"),
                ("برگزاری هفته گردشگری قزوین در خجند", "", 75, "in_progress"),
                ("ارسال بانک اطلاعات ظرفیت‌های استان به طرف تاجیک", "soltaninejad", -120, "done"),
            ],
        ),
        _Demo(
            "تفاهم‌نامه همکاری علمی دانشگاه بین‌المللی امام خمینی (ره) و دانشگاه دولتی سن پترزبورگ",
            "MoU on academic cooperation between Imam Khomeini International University and "
            "Saint Petersburg State University",
            AgreementKind.MOU,
            s.SIGNED,
            [("ikiu", "rezvanifar")],
            [("_spbu", "_spbu_vice", "سن پترزبورگ")],
            [Axis.SCIENCE_TECHNOLOGY, Axis.CULTURE],
            -45,
            "سن پترزبورگ",
            duration=60,
            reference="د/۲۳۱۷",
            status_days=-45,
            summary="تبادل استاد و دانشجو، دوره‌های مشترک زبان فارسی و روسی و پژوهش مشترک.",
            obligations=[("معرفی نخستین گروه دانشجویان تبادلی", "mohammadi_l", 120, "open")],
        ),
        _Demo(
            "موافقت‌نامه خواهرخواندگی استان قزوین و استان مینسک",
            "Sister-province agreement between Qazvin Province and Minsk Region",
            AgreementKind.SISTERHOOD,
            s.IN_FORCE,
            [("gov_qazvin", "nozari")],
            [("minsk_region", "minsk_region_deputy", "مینسک")],
            [Axis.CULTURE, Axis.ECONOMY_TRADE, Axis.AGRICULTURE],
            -700,
            "قزوین",
            duration=60,
            auto_renew=True,
            reference="۱۴۰۲/خ/۳",
            status_days=-690,
            summary="همکاری فرهنگی، کشاورزی و بازرگانی؛ تمدید خودکار هر پنج سال.",
        ),
        _Demo(
            "تفاهم‌نامه همکاری بازرگانی اتاق قزوین و اقلیم کردستان عراق",
            "MoU on trade between the Qazvin Chamber and the Kurdistan Region of Iraq",
            AgreementKind.MOU,
            s.EXPIRED,
            [("chamber_qazvin", "niksirat")],
            [("krg", "krg_official", "اربیل")],
            [Axis.ECONOMY_TRADE, Axis.INVESTMENT],
            -1100,
            "اربیل",
            duration=24,
            reference="ات/۹۸۱",
            status_days=-365,
            summary="نمایشگاه دائمی کالاهای قزوین در اربیل و تبادل هیئت‌های تجاری.",
        ),
        _Demo(
            "نقشه راه همکاری اقتصادی استان قزوین و استانداری بصره",
            "Roadmap of economic cooperation between Qazvin Province and Basra Governorate",
            AgreementKind.ROADMAP,
            s.LEGAL_REVIEW,
            [("gov_qazvin", "nozari")],
            [("basra", "basra_gov", "بصره")],
            [Axis.ECONOMY_TRADE, Axis.INVESTMENT],
            None,
            duration=24,
            status_days=-40,
            summary="بازار هدف جنوب عراق: صادرات مواد غذایی، مصالح ساختمانی و ماشین‌آلات.",
        ),
        _Demo(
            "تفاهم‌نامه همکاری تجاری استان قزوین و ولایت هرات",
            "MoU on trade between Qazvin Province and Herat Province",
            AgreementKind.MOU,
            s.SIGNED,
            [("gov_qazvin", "safikhani")],
            [("herat", "herat_gov", "هرات")],
            [Axis.ECONOMY_TRADE, Axis.AGRICULTURE],
            -20,
            "قزوین",
            duration=12,
            reference="۱۴۰۴/ه/۷",
            status_days=-20,
            visit_title="دیدار کاردار افغانستان درباره صادرات به هرات",
            summary="فهرست نیازهای بازار هرات و حضور شرکت‌های قزوینی در نمایشگاه هرات.",
        ),
        _Demo(
            "نقشه راه همکاری در خدمات شهری قزوین و دولت شهر مسکو",
            "Roadmap of cooperation in urban services between Qazvin and Moscow",
            AgreementKind.ROADMAP,
            s.IN_FORCE,
            [("gov_qazvin", "kazemipour")],
            [("moscow", "moscow_official", "مسکو")],
            [Axis.URBAN_SERVICES, Axis.TOURISM],
            -640,
            "مسکو",
            end=60,
            reference="۱۴۰۲/ش/۱۹",
            status_days=-630,
            summary="تبادل تجربه در حمل‌ونقل، زیباسازی و مدیریت شهری و محیط زیست شهری.",
        ),
        _Demo(
            "پیش‌نویس تفاهم‌نامه گردشگری استان قزوین و ولایت ختلان",
            "Draft MoU on tourism between Qazvin Province and Khatlon Region",
            AgreementKind.MOU,
            s.DRAFT,
            [("heritage_qazvin", "hosseini_moghaddam")],
            [("khatlon", "khatlon_deputy", "بختر")],
            [Axis.TOURISM, Axis.CULTURE],
            None,
            duration=36,
            status_days=-6,
        ),
    ]


def _at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=TEHRAN)


def _foreign_university(ctx: DemoContext) -> None:
    """Saint Petersburg State University and its vice-rector (not in the shared directory)."""
    session = ctx.session
    russia = ctx.countries.get("RU")
    org = Organization(
        name_fa="دانشگاه دولتی سن پترزبورگ",
        name_en="Saint Petersburg State University",
        kind="university",
        country_id=russia,
        city_fa="سن پترزبورگ",
        city_en="Saint Petersburg",
    )
    org.search_key = index_key(org.name_fa, org.name_en, org.city_fa, org.city_en)
    session.add(org)
    session.flush()
    person = Person(
        name_fa="ایرینا واسیلیوا",
        name_en="Irina Vasilyeva",
        title_fa="معاون بین‌الملل دانشگاه دولتی سن پترزبورگ",
        title_en="Vice-Rector for International Affairs, Saint Petersburg State University",
        organization_id=org.id,
        country_id=russia,
    )
    person.search_key = index_key(person.name_fa, person.name_en, person.title_fa, person.title_en)
    session.add(person)
    session.flush()
    ctx.organizations["_spbu"] = org.id
    ctx.people["_spbu_vice"] = person.id
    ctx.count("organizations", 1)
    ctx.count("people", 1)


def _history(
    agreement_id: int, status: AgreementStatus, created: date, signed: date | None, entered: date
) -> list[AgreementStatusChange]:
    """A plausible path from draft to ``status``: review steps before signing, the last on ``entered``."""
    if status in (AgreementStatus.EXPIRED, AgreementStatus.TERMINATED):
        path = [*_PATH, status]
    else:
        path = _PATH[: _PATH.index(status) + 1]
    remarks = {
        AgreementStatus.LEGAL_REVIEW: "ارسال به دفتر نمایندگی وزارت امور خارجه",
        AgreementStatus.APPROVED: "نظر حقوقی موافق",
        AgreementStatus.SIGNED: "امضا در مراسم رسمی",
        AgreementStatus.IN_FORCE: "ابلاغ به دستگاه‌های اجرایی",
        AgreementStatus.EXPIRED: "پایان مدت اعتبار",
    }
    until = signed or entered
    days: dict[AgreementStatus, date] = {
        AgreementStatus.LEGAL_REVIEW: created + (until - created) / 3,
        AgreementStatus.APPROVED: until - timedelta(days=10),
        AgreementStatus.SIGNED: until,
        AgreementStatus.IN_FORCE: until + timedelta(days=3),
    }
    days[status] = entered
    rows = [
        AgreementStatusChange(
            agreement_id=agreement_id,
            from_status="",
            to_status=path[0].value,
            changed_at=_at(created),
            changed_by=OFFICE,
            remark="ثبت پیش‌نویس",
        )
    ]
    for old, new in zip(path, path[1:], strict=False):
        rows.append(
            AgreementStatusChange(
                agreement_id=agreement_id,
                from_status=old.value,
                to_status=new.value,
                changed_at=_at(days.get(new, entered), 11),
                changed_by=OFFICE,
                remark=remarks.get(new, ""),
            )
        )
    return rows


def article_agreements(ctx: DemoContext) -> None:
    """The agreements of the articles, around today so the dashboard cards have content."""
    _foreign_university(ctx)
    session, today = ctx.session, ctx.today
    iran = ctx.countries.get("IR")
    for d in _articles():
        signed = today + timedelta(days=d.signed) if d.signed is not None else None
        entered = today + timedelta(days=d.status_days)
        created = min(entered, signed or entered) - timedelta(days=45)
        end = today + timedelta(days=d.end) if d.end is not None else None
        reviewed = d.status not in (AgreementStatus.DRAFT, AgreementStatus.LEGAL_REVIEW)
        visit_id = None
        if d.visit_title:
            visit_id = session.scalar(select(Visit.id).where(Visit.title == d.visit_title))
        row = Agreement(
            title=d.title,
            title_en=d.title_en,
            kind=d.kind.value,
            status=d.status.value,
            status_changed_at=_at(entered, 11),
            reference_number=d.reference,
            signing_date=signed,
            signing_place=d.place,
            start_date=signed,
            end_date=end,
            duration_months=d.duration if end is None else None,
            auto_renew=d.auto_renew,
            expires_on=first_expiry(signed, end, d.duration if end is None else None),
            visit_id=visit_id,
            summary=d.summary,
            legal_reviewer_person_id=ctx.people["golivand"] if reviewed else None,
            legal_review_date=(signed or entered) - timedelta(days=12) if reviewed else None,
            legal_verdict=LegalVerdict.FAVOURABLE.value if reviewed else "",
            legal_opinion="متن با ملاحظات تشریفات و حقوق بین‌الملل سازگار است." if reviewed else "",
            created_at=_at(created),
            updated_at=_at(entered),
        )
        session.add(row)
        session.flush()
        names: list[str] = []
        order = 0
        for side, entries in (
            (PartySide.IRANIAN, [(o, p, "") for o, p in d.iranian]),
            (PartySide.FOREIGN, d.foreign),
        ):
            for org_key, person_key, locality in entries:
                org = session.get(Organization, ctx.organizations[org_key])
                assert org is not None
                party = AgreementParty(
                    agreement_id=row.id,
                    side=side.value,
                    organization_id=org.id,
                    country_id=org.country_id or (iran if side is PartySide.IRANIAN else None),
                    locality_fa=locality,
                    sort_order=order,
                )
                session.add(party)
                session.flush()
                names += [org.name_fa, org.name_en, locality]
                if person_key and d.status is not AgreementStatus.DRAFT:
                    person = session.get(Person, ctx.people[person_key])
                    assert person is not None
                    session.add(
                        AgreementSignatory(
                            agreement_id=row.id,
                            party_id=party.id,
                            person_id=person.id,
                            title_fa=person.title_fa,
                            title_en=person.title_en,
                            sort_order=order,
                        )
                    )
                    names += [person.name_fa, person.name_en]
                order += 1
        for axis in d.axes:
            session.add(AgreementAxis(agreement_id=row.id, axis=axis.value))
        session.add_all(_history(row.id, d.status, created, signed, entered))
        for text, owner, days, status in d.obligations:
            task = FollowUpTask(title="")
            apply_followup(
                task,
                FollowUpInput(
                    title=text,
                    source_kind="agreement",
                    source_id=row.id,
                    owner_person_id=ctx.people[owner] if owner else None,
                    owner_text="" if owner else "طرف ایرانی و طرف خارجی",
                    deadline=today + timedelta(days=days),
                    status=status,
                ),
            )
            session.add(task)
        row.search_key = index_key(d.title, d.title_en, d.reference, d.place, d.summary, *names)
        ctx.count("agreements", 1)
        ctx.count("agreement_obligations", len(d.obligations))


IRANIAN_PARTIES = [
    ("gov_qazvin", "nozari"),
    ("chamber_qazvin", "niksirat"),
    ("ikiu", "rezvanifar"),
    ("qazvin_stp", "farhadi"),
    ("samt_qazvin", "tavakoli"),
    ("heritage_qazvin", "hosseini_moghaddam"),
]
TITLES = {
    AgreementKind.MOU: ("تفاهم‌نامه همکاری", "MoU on cooperation"),
    AgreementKind.AGREEMENT: ("موافقت‌نامه همکاری", "Agreement on cooperation"),
    AgreementKind.ROADMAP: ("نقشه راه همکاری", "Roadmap of cooperation"),
    AgreementKind.CONTRACT: ("قرارداد همکاری", "Contract on cooperation"),
    AgreementKind.SISTERHOOD: ("موافقت‌نامه خواهرخواندگی", "Sister-province agreement"),
}


def _defaults() -> dict[str, Any]:
    now = utcnow()
    return {"uuid": new_uuid(), "created_at": now, "updated_at": now, "version": 1}


def synthetic_agreements(ctx: DemoContext) -> None:
    """``AGREEMENTS_PER_SCALE`` agreements per scale unit over six years, bulk-inserted."""
    if ctx.scale <= 0:
        return
    rng, session, today = ctx.rng, ctx.session, ctx.today
    iran = ctx.countries.get("IR")
    foreign = session.execute(
        select(
            Organization.id, Organization.name_fa, Organization.name_en, Organization.country_id
        ).where(Organization.country_id.is_not(None), Organization.country_id != iran)
    ).all()
    if not foreign:
        return
    countries = {
        cid: (fa, en)
        for cid, fa, en in session.execute(select(Country.id, Country.name_fa, Country.name_en))
    }
    iranian = []
    for org_key, person_key in IRANIAN_PARTIES:
        org = session.get(Organization, ctx.organizations[org_key])
        person = session.get(Person, ctx.people[person_key])
        assert org is not None and person is not None
        iranian.append((org, person))
    first_id = (session.scalar(select(func.max(Agreement.id))) or 0) + 1
    first_party = (session.scalar(select(func.max(AgreementParty.id))) or 0) + 1
    rows, parties, signatories, axes, history, tasks = [], [], [], [], [], []
    kinds = list(AgreementKind)
    for n in range(ctx.scale * AGREEMENTS_PER_SCALE):
        aid = first_id + n
        kind = rng.choices(kinds, (40, 20, 20, 15, 5))[0]
        org, person = rng.choice(iranian)
        f_id, f_fa, f_en, f_country = rng.choice(foreign)
        c_fa, c_en = countries.get(f_country, ("", ""))
        signed = today - timedelta(days=rng.randrange(6 * 365))
        status = rng.choices(
            [
                AgreementStatus.DRAFT,
                AgreementStatus.LEGAL_REVIEW,
                AgreementStatus.SIGNED,
                AgreementStatus.IN_FORCE,
                AgreementStatus.TERMINATED,
            ],
            (10, 8, 15, 60, 7),
        )[0]
        is_signed = status not in (AgreementStatus.DRAFT, AgreementStatus.LEGAL_REVIEW)
        duration = rng.choice((12, 24, 36, 60))
        auto = rng.random() < 0.2
        start = signed if is_signed else None
        expiry = first_expiry(start, None, duration)
        if status is AgreementStatus.IN_FORCE and expiry and expiry < today and not auto:
            status = AgreementStatus.EXPIRED
        entered = signed if is_signed else today - timedelta(days=rng.randrange(90))
        head_fa, head_en = TITLES[kind]
        title = f"{head_fa} {org.name_fa} و {f_fa}"
        title_en = f"{head_en} between {org.name_en} and {f_en}"
        reference = f"{to_ref(n)}" if is_signed else ""
        chosen = rng.sample(list(Axis), rng.randint(1, 3))
        rows.append(
            {
                **_defaults(),
                "id": aid,
                "title": title[:300],
                "title_en": title_en[:300],
                "kind": kind.value,
                "status": status.value,
                "status_changed_at": _at(entered),
                "reference_number": reference,
                "signing_date": signed if is_signed else None,
                "signing_place": "قزوین" if n % 2 else c_fa,
                "start_date": start,
                "end_date": None,
                "duration_months": duration,
                "auto_renew": auto,
                "renewal_months": None,
                "expires_on": expiry,
                "visit_id": None,
                "summary": "",
                "archived_at": None,
                "legal_reviewer_person_id": None,
                "legal_reviewer_text": "",
                "legal_review_date": None,
                "legal_verdict": "",
                "legal_opinion": "",
                "search_key": index_key(
                    title, title_en, reference, org.name_fa, f_fa, f_en, c_fa, c_en, person.name_fa
                ),
            }
        )
        iran_party = first_party + 2 * n
        parties.append(
            {
                "id": iran_party,
                "agreement_id": aid,
                "side": "iranian",
                "organization_id": org.id,
                "country_id": iran,
                "locality_fa": "",
                "locality_en": "",
                "sort_order": 0,
            }
        )
        parties.append(
            {
                "id": iran_party + 1,
                "agreement_id": aid,
                "side": "foreign",
                "organization_id": f_id,
                "country_id": f_country,
                "locality_fa": "",
                "locality_en": "",
                "sort_order": 1,
            }
        )
        if is_signed:
            signatories.append(
                {
                    "agreement_id": aid,
                    "party_id": iran_party,
                    "person_id": person.id,
                    "title_fa": person.title_fa,
                    "title_en": person.title_en,
                    "sort_order": 0,
                }
            )
        axes += [{"agreement_id": aid, "axis": a.value} for a in chosen]
        created = entered - timedelta(days=45)
        for change in _history(aid, status, created, signed if is_signed else None, entered):
            history.append(
                {
                    "agreement_id": aid,
                    "from_status": change.from_status,
                    "to_status": change.to_status,
                    "changed_at": change.changed_at,
                    "changed_by": OFFICE,
                    "remark": change.remark,
                }
            )
        if is_signed and n % 4 == 0:
            title_t = "گزارش پیشرفت اجرای تعهدات به دبیرخانه"
            tasks.append(
                {
                    **_defaults(),
                    "source_kind": "agreement",
                    "source_id": aid,
                    "title": title_t,
                    "owner_person_id": None,
                    "owner_text": OFFICE,
                    "deadline": signed + timedelta(days=180),
                    "status": "done"
                    if signed + timedelta(days=180) < today - timedelta(days=60)
                    else "open",
                    "notes": "",
                    "search_key": index_key(title_t, OFFICE),
                    "archived_at": None,
                }
            )
    for model, chunk_rows in (
        (Agreement, rows),
        (AgreementParty, parties),
        (AgreementSignatory, signatories),
        (AgreementAxis, axes),
        (AgreementStatusChange, history),
        (FollowUpTask, tasks),
    ):
        for start_i in range(0, len(chunk_rows), 10_000):
            session.execute(insert(model), chunk_rows[start_i : start_i + 10_000])
    ctx.count("agreements", len(rows))
    ctx.count("agreement_obligations", len(tasks))


def to_ref(n: int) -> str:
    """A synthetic reference number: ``ق/1000+n``."""
    return f"ق/{1000 + n}"
