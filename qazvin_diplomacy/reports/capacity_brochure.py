"""The capacity brochure (کتابچهٔ ظرفیت‌های استان): the catalogue sent to embassies.

A cover, then one section per axis with its publishable capacities (archived and
unpublished ones never print).  ``--lang fa`` is a right-to-left Persian booklet, ``en`` a
left-to-right English one, ``both`` gives each item its Persian block (right to left) and
then its English block (left to right), never mixing directions in one paragraph.

The English brochure holds no Persian: a publishable capacity always has an English title
(``core.capacities`` refuses one without); a description or contact body without English is
left out there rather than printed in Persian.
CLI: ``report capacity-brochure --lang fa|en|both --out F.pdf [--axis A]``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.platypus.flowables import Flowable, Image, PageBreak

from qazvin_diplomacy.core.capacities import (
    AreaUnit,
    CapacityAxis,
    CapacityStatus,
    CapacityView,
    County,
    Currency,
)
from qazvin_diplomacy.core.clock import today_local
from qazvin_diplomacy.core.formatting import format_count
from qazvin_diplomacy.core.jalali import format_jalali
from qazvin_diplomacy.reports.catalog import (
    Option,
    ReportContent,
    ReportSpec,
    gap,
    heading,
    paragraph,
)
from qazvin_diplomacy.reports.rtl_draw import RTLParagraph
from qazvin_diplomacy.reports.styles import style
from qazvin_diplomacy.services.capacities import brochure_capacities, brochure_photos
from qazvin_diplomacy.services.connection import DatabaseHandle

TITLE_FA = "ظرفیت‌های استان قزوین"
TITLE_EN = "Qazvin Province: Opportunities and Capacities"
SUBTITLE_FA = "برای سفارتخانه‌ها و نمایندگی‌ها — استانداری قزوین"
SUBTITLE_EN = "For embassies and missions — Governorate of Qazvin"
NOTHING_FA = "هیچ ظرفیت قابل انتشاری ثبت نشده است."
NOTHING_EN = "No publishable capacity has been recorded."


def _number(value: float | int, lang: str) -> str:
    return format_count(int(round(value)), lang)


def facts(c: CapacityView, lang: str) -> list[str]:
    """The item's figures as «label: value» pieces in ``lang`` (missing figures left out)."""
    en = lang == "en"
    parts = [
        f"{'County' if en else 'شهرستان'}: {County.label_of(c.county, lang)}",
        f"{'Status' if en else 'وضعیت'}: {CapacityStatus.label_of(c.status, lang)}",
    ]
    if c.area is not None:
        unit = AreaUnit.label_of(c.area_unit, lang)
        parts.append(f"{'Area' if en else 'مساحت'}: {_number(c.area, lang)} {unit}")
    if c.jobs is not None:
        parts.append(f"{'Jobs' if en else 'اشتغال'}: {_number(c.jobs, lang)}")
    if c.investment is not None:
        currency = c.currency if en else Currency.label_of(c.currency, "fa")
        label = "Investment needed" if en else "سرمایهٔ لازم"
        parts.append(f"{label}: {_number(c.investment, lang)} {currency}")
    contact = c.contact_name_en if en else c.contact_name
    if contact:
        parts.append(f"{'Contact' if en else 'مرجع پاسخ‌گو'}: {contact}")
    return parts


PHOTO_WIDTH = 7 * cm
PHOTO_HEIGHT = 4.5 * cm


def photo(path: Path, lang: str) -> Flowable | None:
    """The item's photo, at most 7 x 4.5 cm, on the reading side; None when it cannot be read."""
    try:
        width, height = ImageReader(str(path)).getSize()
    except Exception:  # a picture ReportLab cannot read is left out, not a failed brochure
        return None
    scale = min(PHOTO_WIDTH / width, PHOTO_HEIGHT / height)
    image = Image(str(path), width * scale, height * scale)
    image.hAlign = "LEFT" if lang == "en" else "RIGHT"
    return image


def _item(c: CapacityView, lang: str) -> list[Flowable]:
    direction = "ltr" if lang == "en" else "rtl"
    sep = " · " if lang == "en" else "؛ "
    story: list[Flowable] = [heading(c.title_in(lang), 3, direction=direction)]
    story.append(paragraph(sep.join(facts(c, lang)), direction=direction, muted=True))
    description = c.description_in(lang)
    if description:
        story.append(paragraph(description, direction=direction))
    return story


def _cover(lang: str, groups: list[tuple[CapacityAxis, list[CapacityView]]]) -> list[Flowable]:
    today = today_local()
    story: list[Flowable] = [gap(160)]
    if lang in ("fa", "both"):
        story.append(RTLParagraph(TITLE_FA, style("title")))
        story.append(RTLParagraph(SUBTITLE_FA, style("title"), direction="rtl"))
    if lang in ("en", "both"):
        story.append(RTLParagraph(TITLE_EN, style("title"), direction="ltr"))
        story.append(RTLParagraph(SUBTITLE_EN, style("title"), direction="ltr"))
    story.append(gap(40))
    if lang in ("fa", "both"):
        story.append(paragraph(format_jalali(today), muted=True))
        for axis, items in groups:
            story.append(paragraph(f"{axis.label_fa}: {format_count(len(items))} مورد"))
    if lang in ("en", "both"):
        story.append(paragraph(today.isoformat(), direction="ltr", muted=True))
        for axis, items in groups:
            story.append(paragraph(f"{axis.label_en}: {len(items)}", direction="ltr"))
    if not groups:
        if lang in ("fa", "both"):
            story.append(paragraph(NOTHING_FA, muted=True))
        if lang in ("en", "both"):
            story.append(paragraph(NOTHING_EN, direction="ltr", muted=True))
    return story


def build(
    groups: list[tuple[CapacityAxis, list[CapacityView]]],
    lang: str,
    photos: dict[int, Path] | None = None,
) -> ReportContent:
    """The brochure of ``groups`` (from ``services.capacities.brochure_capacities``) in
    ``lang``; ``photos``: the picture printed under each item's texts, by capacity id."""
    photos = photos or {}
    story = _cover(lang, groups)
    for axis, items in groups:
        story.append(PageBreak())
        if lang in ("fa", "both"):
            story.append(heading(axis.label_fa, 1))
        if lang in ("en", "both"):
            story.append(heading(axis.label_en, 1, direction="ltr"))
        for c in items:
            if lang in ("fa", "both"):
                story.extend(_item(c, "fa"))
            if lang in ("en", "both"):
                story.extend(_item(c, "en"))
            picture = photo(photos[c.id], lang) if c.id in photos else None
            if picture is not None:
                story.append(picture)
            story.append(gap(8))
    if lang == "en":
        return ReportContent(story, TITLE_EN, language="en")
    title = TITLE_FA if lang == "fa" else f"{TITLE_FA} — {TITLE_EN}"
    return ReportContent(story, title, language="fa")


def make(db: DatabaseHandle, options: Mapping[str, Any]) -> ReportContent:
    """Query the publishable capacities (of one axis when asked) and lay the brochure out."""
    axis = options.get("axis")
    if axis:
        member = CapacityAxis.parse(axis, "محور", "axis")
        axis = member.value
    groups = brochure_capacities(db, axis=axis)
    ids = [c.id for _, items in groups for c in items if c.id is not None]
    return build(groups, options["lang"], brochure_photos(db, capacity_ids=ids))


SPEC = ReportSpec(
    "capacity-brochure",
    "کتابچهٔ ظرفیت‌های استان",
    "Capacity brochure",
    (
        Option(
            "lang",
            "choice",
            "زبان",
            "fa, en or both",
            required=False,
            choices=("fa", "en", "both"),
            default="fa",
        ),
        Option(
            "axis",
            "text",
            "محور",
            "only this axis: " + ", ".join(a.value for a in CapacityAxis),
            required=False,
        ),
    ),
    make,
)

__all__ = ["SPEC", "build", "facts"]
