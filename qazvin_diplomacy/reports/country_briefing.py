"""A country briefing (گزارش توجیهی کشور) for a delegation or an ambassador's visit.

CLI: ``report country-briefing --country CODE [--region ID] --out F.pdf|F.docx``.  A map of
the country among its neighbours, then what the office's records hold: the embassy and key
people, needs and priorities (target markets), the province's companies able to supply
them and the year's exports, earlier visits, agreements, open resolutions concerning the
country's records, and trade delegations.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus.flowables import Flowable

from qazvin_diplomacy.core import atlas
from qazvin_diplomacy.core.delegations import DelegationDirection, DelegationStatus
from qazvin_diplomacy.core.directory import OrganizationKind
from qazvin_diplomacy.core.formatting import format_count
from qazvin_diplomacy.core.markets import MarketPersonRole, MarketPriority, MarketStatus
from qazvin_diplomacy.core.meetings import ResolutionStatus
from qazvin_diplomacy.core.text import to_persian_digits
from qazvin_diplomacy.reports.catalog import (
    Option,
    ReportContent,
    ReportSpec,
    day_or_dash,
    gap,
    heading,
    join_nonempty,
    paragraph,
    table_or_note,
)
from qazvin_diplomacy.reports.dossier_sections import AGREEMENT_HEADER, agreement_rows
from qazvin_diplomacy.reports.rtl_draw import RTLParagraph
from qazvin_diplomacy.reports.styles import style
from qazvin_diplomacy.reports.world_map import (
    LegendItem,
    MapLegend,
    MapPicture,
    WorldMapFlowable,
    country_box,
    projected_world,
)
from qazvin_diplomacy.services import markets as markets_service
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.services.country_briefing import CountryBriefing, country_briefing

TITLE = "گزارش توجیهی کشور"
MAP_WIDTH, MAP_HEIGHT = 17.8 * cm, 10.0 * cm
#: The country's fill when it has no target market (a priority colour otherwise).
COUNTRY_FILL = "#9ecae1"


def title_of(b: CountryBriefing) -> str:
    """«گزارش توجیهی کشور: عراق — اقلیم کردستان»."""
    return f"{TITLE}: {b.place_fa()}"


def country_map(b: CountryBriefing, names_fa: Mapping[str, str]) -> list[Flowable]:
    """The country among its neighbours, outlined, with Iran, and the map's key."""
    iso2 = b.country.iso2
    best = min((m.priority for m in b.markets), default=None)
    fill = atlas.PRIORITY_FILLS.get(best or 0, COUNTRY_FILL)
    neighbours = sorted(
        (c for c in projected_world() if c.iso2 and c.iso2 not in (iso2, atlas.IRAN)),
        key=lambda c: -(c.box[2] - c.box[0]) * (c.box[3] - c.box[1]),
    )
    labels = [(code, names_fa.get(code, "")) for code in (iso2, atlas.IRAN)]
    labels += [(c.iso2, names_fa.get(c.iso2, "")) for c in neighbours]
    picture = MapPicture(
        fills={iso2: fill},
        focus=country_box(iso2),
        outlined=frozenset({iso2}),
        labels=labels,
    )
    legend = [LegendItem(fill, b.country.name_fa), LegendItem(atlas.IRAN_FILL, "ایران")]
    if best is not None:
        legend[0] = LegendItem(fill, f"{b.country.name_fa} — {MarketPriority.label_of(best)}")
    story: list[Flowable] = []
    if picture.focus is not None:
        story += [WorldMapFlowable(picture, MAP_WIDTH, MAP_HEIGHT), MapLegend(legend)]
    else:
        story.append(paragraph("نقشهٔ این کشور در نقشهٔ جهان همراه برنامه نیست.", muted=True))
    if b.region is not None:
        story.append(paragraph(f"این گزارش به منطقهٔ «{b.region.name_fa}» می‌پردازد.", muted=True))
    return story


def facts(b: CountryBriefing) -> list[Flowable]:
    """Codes, the directory's region and target flag, notes."""
    c = b.country
    lines = [
        f"نام کشور: {c.name_fa}" + (f" ({c.name_en})" if c.name_en else ""),
        f"کد کشور: {c.iso2} / {c.iso3}",
    ]
    if c.is_target:
        lines.append(
            "کشور هدف دفتر" + (f" — اولویت {to_persian_digits(c.priority)}" if c.priority else "")
        )
    if b.region is not None and b.region.notes:
        lines.append(f"دربارهٔ منطقه: {b.region.notes}")
    if c.notes:
        lines.append(f"یادداشت: {c.notes}")
    return [paragraph(line) for line in lines]


def mission_rows(b: CountryBriefing) -> list[list[str]]:
    """Name, kind, city, phone / e-mail of the embassy and consulates."""
    return [
        [
            o.name_fa,
            OrganizationKind.label_of(o.kind),
            o.city_fa or "—",
            join_nonempty([o.phone, o.email], " — ") or "—",
        ]
        for o in b.missions
    ]


def people_rows(b: CountryBriefing) -> list[list[str]]:
    """The influential people of the markets (with their role), then the directory's people."""
    rows: list[list[str]] = []
    seen: set[int] = set()
    for m in b.markets:
        for p in m.person_rows:
            if p.person_id in seen:
                continue
            seen.add(p.person_id)
            role = MarketPersonRole.label_of(p.role)
            rows.append([p.name_fa, p.title_fa or "—", role, p.notes or "—"])
    for person in b.people:
        if person.id in seen:
            continue
        seen.add(person.id or 0)
        title = join_nonempty([person.honorific_fa, person.title_fa], " ")
        rows.append([person.name_fa, title or "—", person.organization_name_fa or "—",
                     person.notes or "—"])  # fmt: skip
    return rows


def market_section(b: CountryBriefing) -> list[Flowable]:
    """Each market: place and subject, priority and status, needs, barriers, sources."""
    story: list[Flowable] = [heading("نیازها و اولویت‌ها (بازارهای هدف)")]
    if not b.markets:
        return [*story, paragraph("بازار هدفی برای این کشور ثبت نشده است.", muted=True)]
    for m in b.markets:
        story.append(
            heading(
                f"{m.place_fa()} — {m.subject()} ({MarketPriority.label_of(m.priority)}، "
                f"{MarketStatus.label_of(m.status)})",
                3,
            )
        )
        for label, value in (
            ("نیاز و تقاضا", m.demand_notes),
            ("موانع", m.barriers),
            ("منابع", m.sources),
        ):
            if value:
                story.append(paragraph(f"{label}: {value}"))
        if m.info_date is not None:
            story.append(paragraph(f"تاریخ اطلاعات: {day_or_dash(m.info_date)}", muted=True))
        if m.company_names_fa:
            story.append(paragraph("شرکت‌های تأمین‌کننده: " + "، ".join(m.company_names_fa)))
    return story


def supplier_section(b: CountryBriefing) -> list[Flowable]:
    """The companies named for the markets, then the year's exports to the country."""
    story: list[Flowable] = [heading("شرکت‌های استان که می‌توانند تأمین کنند")]
    names = b.supplier_names()
    story += [paragraph(f"• {n}") for n in names] or [
        paragraph("شرکتی برای بازارهای این کشور ثبت نشده است.", muted=True)
    ]
    if b.export_year is not None:
        year = to_persian_digits(b.export_year)
        story.append(heading(f"صادرات ثبت‌شده به این کشور در سال {year}", 3))
        story.append(
            table_or_note(
                ["شرکت", "ارزش (دلار)"],
                [[name, format_count(usd)] for name, usd in b.exports],
                [12.0 * cm, 5.8 * cm],
                f"برای سال {year} صادراتی به این کشور ثبت نشده است.",
                col_align=["right", "center"],
            )
        )
    return story


def visit_rows(b: CountryBriefing) -> list[list[str]]:
    """Date, title, status, guests of the earlier visits (newest first)."""
    return [
        [day_or_dash(v.start_at), v.title, v.status.label_fa, v.guest_names() or "—"]
        for v in b.visits
    ]


def resolution_rows(b: CountryBriefing) -> list[list[str]]:
    """Number, text, responsible body, deadline, status of the open resolutions."""
    return [
        [
            to_persian_digits(r.number),
            r.text,
            r.responsible_name or "—",
            day_or_dash(r.deadline),
            "گذشته از مهلت" if r.overdue else ResolutionStatus.label_of(r.status),
        ]
        for r in b.resolutions
    ]


def delegation_rows(b: CountryBriefing) -> list[list[str]]:
    """Title, direction, dates, status of the delegations (newest first)."""
    return [
        [
            d.title,
            DelegationDirection.label_of(d.direction),
            f"{day_or_dash(d.start_date)} تا {day_or_dash(d.end_date)}",
            DelegationStatus.label_of(d.status),
        ]
        for d in b.delegations
    ]


def build(b: CountryBriefing, names_fa: Mapping[str, str]) -> list[Flowable]:
    """The briefing's story."""
    story: list[Flowable] = [RTLParagraph(title_of(b), style("title"))]
    story += country_map(b, names_fa)
    story.append(gap())
    story += facts(b)
    story.append(heading("سفارت و نمایندگی‌ها"))
    story.append(
        table_or_note(
            ["نام", "نوع", "شهر", "تلفن / رایانامه"], mission_rows(b),
            [6.8 * cm, 2.6 * cm, 2.6 * cm, 5.8 * cm], "سفارت یا نمایندگی‌ای ثبت نشده است.",
        )
    )  # fmt: skip
    story.append(heading("افراد کلیدی"))
    story.append(
        table_or_note(
            ["نام", "سمت", "نقش / سازمان", "یادداشت"], people_rows(b),
            [4.4 * cm, 4.4 * cm, 4.0 * cm, 5.0 * cm], "شخصی از این کشور ثبت نشده است.",
        )
    )  # fmt: skip
    story += market_section(b)
    story += supplier_section(b)
    label = "دیدارها"
    if b.visit_total > len(b.visits):
        label += (
            f" ({to_persian_digits(len(b.visits))} دیدار آخر از {to_persian_digits(b.visit_total)})"
        )
    story.append(heading(label))
    story.append(
        table_or_note(
            ["تاریخ", "عنوان", "وضعیت", "مهمانان"], visit_rows(b),
            [2.4 * cm, 7.0 * cm, 2.6 * cm, 5.8 * cm], "دیداری با این کشور ثبت نشده است.",
            col_align=["center", "right", "center", "right"],
        )
    )  # fmt: skip
    story.append(heading("موافقت‌نامه‌ها"))
    story.append(
        table_or_note(
            list(AGREEMENT_HEADER), [list(r) for r in agreement_rows(b.agreements)], None,
            "موافقت‌نامه‌ای با این کشور ثبت نشده است.",
        )
    )  # fmt: skip
    story.append(heading("مصوبه‌های باز مرتبط"))
    story.append(
        table_or_note(
            ["شماره", "متن", "مسئول", "مهلت", "وضعیت"], resolution_rows(b),
            [1.6 * cm, 8.0 * cm, 3.4 * cm, 2.4 * cm, 2.4 * cm],
            "مصوبهٔ بازی به دیدارها، موافقت‌نامه‌ها، هیئت‌ها یا بازارهای این کشور پیوند نشده است.",
            col_align=["center", "right", "right", "center", "center"],
        )
    )  # fmt: skip
    story.append(heading("هیئت‌های تجاری"))
    story.append(
        table_or_note(
            ["عنوان", "نوع", "تاریخ", "وضعیت"], delegation_rows(b),
            [7.4 * cm, 2.4 * cm, 5.4 * cm, 2.6 * cm], "هیئتی برای این کشور ثبت نشده است.",
            col_align=["right", "center", "center", "center"],
        )
    )  # fmt: skip
    return story


def make(db: DatabaseHandle, options: Mapping[str, Any]) -> ReportContent:
    """The briefing of ``--country`` (and ``--region``)."""
    b = country_briefing(db, country=options["country"], region_id=options.get("region"))
    names = {code: fa for code, (fa, _en, _id) in markets_service.country_names(db).items()}
    return ReportContent(build(b, names), title_of(b))


SPEC = ReportSpec(
    kind="country-briefing",
    title_fa=TITLE,
    title_en="Country briefing",
    options=(
        Option("country", "country", "کشور", "ISO code or name of the country"),
        Option("region", "record_id", "شناسهٔ منطقه", "the region's id", required=False),
    ),  # fmt: skip
    make=make,
    docx=True,
)
