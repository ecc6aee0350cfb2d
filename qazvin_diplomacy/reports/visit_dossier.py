"""Visit dossier (پروندهٔ دیدار) for the host: guests, the country's record, programme, protocol."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus.flowables import Flowable

from qazvin_diplomacy.core.directory import with_honorific
from qazvin_diplomacy.core.languages import language_names
from qazvin_diplomacy.core.text import to_persian_digits
from qazvin_diplomacy.core.visits import ItineraryEntry, VisitDetail, format_span_fa
from qazvin_diplomacy.reports import dossier_sections
from qazvin_diplomacy.reports.catalog import (
    Option,
    ReportContent,
    ReportSpec,
    day_or_dash,
    followup_rows,
    gap,
    heading,
    join_nonempty,
    paragraph,
    table_or_note,
)
from qazvin_diplomacy.reports.tables import rtl_table
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.services.visit_reports import (
    CountryProfile,
    GuestProfile,
    VisitDossier,
    visit_dossier,
)

TITLE = "پروندهٔ دیدار"
NONE = "موردی ثبت نشده است."
FRAME = 17.8 * cm
#: The visit's itinerary table: time, item, place, responsible, notes (first on the right).
ITINERARY_WIDTHS = [2.4 * cm, 5.8 * cm, 3.6 * cm, 3.0 * cm, 3.0 * cm]


def _facts(visit: VisitDetail, dossier: VisitDossier) -> list[Flowable]:
    assert visit.start_at is not None and visit.end_at is not None
    rows = [
        ["زمان", format_span_fa(visit.start_at, visit.end_at)],
        ["محل", visit.venue or "—"],
        ["وضعیت", visit.status.label_fa],
        ["کشور", visit.country_name_fa or "—"],
        ["هیئت", visit.delegation_name or "—"],
        ["هدف", visit.purpose or "—"],
        [
            "میزبانان",
            join_nonempty(
                [join_nonempty([p.name_fa, p.title_fa], " — ") for p in dossier.hosts], "\n"
            )
            or "—",
        ],
    ]
    if visit.outcome:
        rows.append(["نتیجه", visit.outcome])
    if visit.conflict_reason:
        rows.append(["دلیل پذیرش تداخل", visit.conflict_reason])
    if visit.archived:
        rows.append(["بایگانی", "این دیدار بایگانی شده است."])
    return [rtl_table(["مورد", "شرح"], rows, [3.2 * cm, FRAME - 3.2 * cm])]


def _guest(profile: GuestProfile) -> list[Flowable]:
    p = profile.person
    name = with_honorific(p.honorific_fa, p.name_fa)  # «آقای» once when the name has it
    if p.name_en:
        name += f" ({p.name_en})"
    story: list[Flowable] = [heading(name, 3)]
    facts = join_nonempty(
        [
            p.title_fa,
            f"سازمان: {p.organization_name_fa}" if p.organization_name_fa else "",
            f"نقش در هیئت: {profile.role.label_fa}",
            f"زبان‌ها: {language_names(p.languages)}" if p.languages else "",
        ],
        "؛ ",
    )
    story.append(paragraph(facts))
    story.append(
        paragraph(p.biography)
        if p.biography
        else paragraph("زندگی‌نامه‌ای ثبت نشده است.", muted=True)
    )
    return story


def _country(profile: CountryProfile) -> list[Flowable]:
    story: list[Flowable] = [heading(f"سابقهٔ {profile.name_fa} در دفتر", 2)]
    total = profile.earlier_visit_total
    shown = len(profile.earlier_visits)
    label = "دیدارهای پیشین"
    if total:
        label += f" ({to_persian_digits(total)} دیدار"
        label += f"؛ {to_persian_digits(shown)} دیدار آخر)" if shown < total else ")"
    story.append(heading(label, 3))
    rows = [
        [
            day_or_dash(e.summary.start_at),
            e.summary.title,
            e.summary.status.label_fa,
            e.outcome or "—",
        ]
        for e in profile.earlier_visits
    ]
    story.append(
        table_or_note(
            ["تاریخ", "عنوان", "وضعیت", "نتیجه"],
            rows,
            [2.4 * cm, 6.0 * cm, 2.4 * cm, 7.0 * cm],
            "دیدار پیشینی با این کشور ثبت نشده است.",
            col_align=["center", "right", "center", "right"],
        )
    )
    story.append(heading("اقدام‌های پیگیری باز", 3))
    story.append(
        table_or_note(
            ["اقدام", "منشأ", "مسئول", "مهلت", "وضعیت"],
            followup_rows(profile.open_followups, with_source=True),
            [5.0 * cm, 5.0 * cm, 3.0 * cm, 2.4 * cm, 2.4 * cm],
            "اقدام پیگیری بازی نیست.",
            col_align=["right", "right", "right", "center", "center"],
        )
    )
    for section in profile.sections:  # e.g. agreements, added by their module
        story.append(heading(section.title, 3))
        story.append(
            table_or_note(
                list(section.header), [list(r) for r in section.rows], None, section.empty_text
            )
        )
    return story


def itinerary_rows(visit: VisitDetail, items: tuple[ItineraryEntry, ...]) -> list[list[str]]:
    """Rows of the programme table: time, activity, place, responsible, remarks."""
    rows = []
    for item in items:
        assert item.start_at is not None and item.end_at is not None
        person = visit.person(item.responsible_person_id)
        responsible = join_nonempty([person.name_fa if person else "", item.responsible_text])
        notes = join_nonempty(
            [
                f"وسیله: {item.transport}" if item.transport else "",
                f"مترجم: {item.interpreter}" if item.interpreter else "",
                item.notes,
            ],
            "؛ ",
        )
        rows.append(
            [
                format_span_fa(item.start_at, item.end_at),
                item.activity,
                item.place,
                responsible,
                notes,
            ]
        )
    return rows


def build(dossier: VisitDossier) -> list[Flowable]:
    """The story of the dossier, section by section."""
    visit = dossier.visit
    story: list[Flowable] = [heading(visit.title, 1), *_facts(visit, dossier)]
    story.append(heading("مهمانان", 2))
    if dossier.guests:
        for guest in dossier.guests:
            story.extend(_guest(guest))
    else:
        story.append(paragraph(f"هیئت: {visit.delegation_name}" if visit.delegation_name else NONE))
    if dossier.country is not None:
        story.extend(_country(dossier.country))
    story.append(heading("برنامهٔ دیدار", 2))
    if visit.itinerary:
        story.append(
            rtl_table(
                ["زمان", "برنامه", "محل", "مسئول", "ملاحظات"],
                itinerary_rows(visit, visit.itinerary),
                ITINERARY_WIDTHS,
                col_align=["center", "right", "right", "right", "right"],
            )
        )
    else:
        story.append(paragraph("برای این دیدار برنامه‌ای ثبت نشده است.", muted=True))
    story.append(heading("چک‌لیست تشریفات", 2))
    rows = [[c.key.label_fa, c.state.label_fa, c.note] for c in visit.checklist]
    story.append(
        rtl_table(
            ["بند", "وضعیت", "یادداشت"],
            rows,
            [4.5 * cm, 3.0 * cm, FRAME - 7.5 * cm],
            col_align=["right", "center", "right"],
        )
    )
    story.append(heading("هدایا", 2))
    story.append(heading("هدایای پیشین به این مهمانان", 3))
    rows = [
        [g.person_name, g.description, day_or_dash(g.gift_date), g.visit_title]
        for g in dossier.earlier_gifts
    ]
    story.append(
        table_or_note(
            ["گیرنده", "هدیه", "تاریخ", "دیدار"],
            rows,
            [4.0 * cm, 5.4 * cm, 2.4 * cm, 6.0 * cm],
            "پیش‌تر هدیه‌ای به این مهمانان داده نشده است.",
            col_align=["right", "right", "center", "right"],
        )
    )
    story.append(heading("هدایای این دیدار", 3))
    if visit.gifts:
        rows = []
        for g in visit.gifts:
            person = visit.person(g.person_id)
            rows.append(
                [
                    g.direction.label_fa,
                    g.description,
                    person.name_fa if person else "—",
                    day_or_dash(g.gift_date),
                    g.notes,
                ]
            )
        story.append(
            rtl_table(
                ["نوع", "هدیه", "شخص", "تاریخ", "یادداشت"],
                rows,
                [2.0 * cm, 5.6 * cm, 4.0 * cm, 2.4 * cm, 3.8 * cm],
                col_align=["center", "right", "right", "center", "right"],
            )
        )
    else:
        story.append(paragraph(NONE, muted=True))
    if visit.followups:
        story.append(heading("اقدام‌های پیگیری این دیدار", 2))
        story.append(
            rtl_table(
                ["اقدام", "مسئول", "مهلت", "وضعیت"],
                followup_rows(visit.followups),
                [8.0 * cm, 4.6 * cm, 2.6 * cm, 2.6 * cm],
                col_align=["right", "right", "center", "center"],
            )
        )
    story.append(gap())
    return story


def make(db: DatabaseHandle, options: Mapping[str, Any]) -> ReportContent:
    """Query the dossier of ``options['visit']`` and lay it out."""
    dossier = visit_dossier(
        db, visit_id=options["visit"], country_sections=dossier_sections.COUNTRY_SECTIONS
    )
    return ReportContent(build(dossier), TITLE)


SPEC = ReportSpec(
    kind="visit-dossier",
    title_fa=TITLE,
    title_en="Visit dossier",
    options=(Option("visit", "record_id", "شناسهٔ دیدار", "the visit's id"),),
    make=make,
    docx=True,  # its story converted paragraph by paragraph (reports.docx.write_story)
)
