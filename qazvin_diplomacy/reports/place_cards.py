"""Folded table cards (کارت نام روی میز): one A4 landscape sheet per guest, folded lengthwise.

The sheet is folded along its middle (the dashed line) into a tent; each half is one face.
The lower half is printed upright and the upper half is the same face turned 180°, so that
once folded the name reads the right way up from both sides of the table.  Each face shows
the name with honorific in Persian (large) and in English, the country in both languages,
and, small in a corner, the table and seat (for the staff who set the tables).
Seated guests come by table and seat; if nobody is seated, the guests who accepted by
precedence.  CLI: ``report place-cards --event ID``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.flowables import Flowable, PageBreak

from qazvin_diplomacy.core.directory import with_honorific
from qazvin_diplomacy.core.events import PlaceCard
from qazvin_diplomacy.reports.badges import ACCENT, Fitted, draw_lines, fit_text
from qazvin_diplomacy.reports.catalog import ReportContent, ReportSpec, paragraph
from qazvin_diplomacy.reports.event_guests import EVENT_OPTION, fa, report_data
from qazvin_diplomacy.reports.fonts import FONT_BOLD, FONT_REGULAR
from qazvin_diplomacy.reports.page import MARGIN_TOP, MARGIN_X
from qazvin_diplomacy.reports.styles import GRID_COLOR, MUTED_COLOR, TEXT_COLOR
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.services.events import place_cards

TITLE = "کارت‌های نام روی میز"
PAGE_W, PAGE_H = landscape(A4)
FOLD_Y = PAGE_H / 2
#: Each face's content box: from this far below the fold, this high (kept clear of the page
#: header on the upper half, which is the bottom edge of the back face once folded).
FACE_GAP = 0.55 * cm
FACE_H = PAGE_H / 2 - MARGIN_TOP - FACE_GAP - 0.2 * cm
SIDE = MARGIN_X + 0.6 * cm


def seat_label(card: PlaceCard) -> str:
    """«میز ۱ — صندلی ۲» (or only the table, or '')."""
    if card.table_no is None:
        return ""
    text = f"میز {fa(card.table_no)}"
    if card.seat_no is not None:
        text += f" — صندلی {fa(card.seat_no)}"
    return text


def face_texts(card: PlaceCard, width: float) -> list[Fitted]:
    """The lines of one face, top to bottom: Persian name, English name, countries."""
    name_fa = with_honorific(card.honorific_fa, card.name_fa or card.name_en)
    name_en = with_honorific(card.honorific_en, card.name_en)
    return [
        fit_text(name_fa, FONT_BOLD, width, max_size=40, min_size=24),
        fit_text(name_en, FONT_REGULAR, width, max_size=26, min_size=16, direction="ltr"),
        fit_text(card.country_fa, FONT_REGULAR, width, max_size=15, min_size=10, max_lines=1),
        fit_text(card.country_en, FONT_REGULAR, width, max_size=13, min_size=9, max_lines=1,
                 direction="ltr"),
    ]  # fmt: skip


def draw_face(canvas: Canvas, card: PlaceCard) -> None:
    """Draw one upright face in page coordinates, in the box just below the fold."""
    width = PAGE_W - 2 * SIDE
    top = FOLD_Y - FACE_GAP
    bottom = top - FACE_H
    blocks = face_texts(card, width)
    colors = [TEXT_COLOR, ACCENT, MUTED_COLOR, MUTED_COLOR]
    gaps = [0.25 * cm, 0.35 * cm, 0.0, 0.0]
    height = sum(b.height for b in blocks) + sum(gaps)
    y = bottom + (FACE_H + height) / 2
    for fitted, color, gap in zip(blocks, colors, gaps, strict=True):
        y -= draw_lines(canvas, fitted, SIDE, PAGE_W - SIDE, y, color=color) + gap
    label = seat_label(card)
    if label:
        small = fit_text(label, FONT_REGULAR, width / 3, max_size=8, min_size=6, max_lines=1)
        draw_lines(canvas, small, SIDE, PAGE_W - SIDE, bottom + small.height, align="left",
                   color=MUTED_COLOR)  # fmt: skip


class PlaceCardSheet(Flowable):
    """One folded card: the whole landscape page, drawn in page coordinates."""

    def __init__(self, card: PlaceCard) -> None:
        super().__init__()
        self.card = card

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Takes no room in the flow: it draws on the page itself (Flowable.wrap)."""
        self.width = availWidth
        self.height = 1.0
        return self.width, self.height

    def draw(self) -> None:
        """The fold line, the upright lower face and the upper face turned 180° (Flowable.draw)."""
        canvas = self.canv
        canvas.saveState()
        x0, y0 = canvas.absolutePosition(0, 0)
        canvas.translate(-x0, -y0)  # page coordinates from here on
        canvas.setStrokeColor(GRID_COLOR)
        canvas.setLineWidth(0.5)
        canvas.setDash(6, 4)
        canvas.line(MARGIN_X, FOLD_Y, PAGE_W - MARGIN_X, FOLD_Y)
        canvas.setDash()
        draw_face(canvas, self.card)
        canvas.translate(PAGE_W / 2, PAGE_H / 2)
        canvas.rotate(180)
        canvas.translate(-PAGE_W / 2, -PAGE_H / 2)
        draw_face(canvas, self.card)
        canvas.restoreState()


def build(cards: Sequence[PlaceCard]) -> list[Flowable]:
    """A page per card."""
    if not cards:
        return [paragraph("هیچ مهمانی صندلی یا پاسخ مثبت ندارد؛ کارتی برای چاپ نیست.")]
    story: list[Flowable] = []
    for card in cards:
        if story:
            story.append(PageBreak())
        story.append(PlaceCardSheet(card))
    return story


def make(db: DatabaseHandle, options: Mapping[str, Any]) -> ReportContent:
    """Cards of the seated guests (by table and seat), A4 landscape."""
    report_data(db, options["event"])  # NotFoundError before any work
    return ReportContent(
        build(place_cards(db, event_id=options["event"])), TITLE, landscape=True, furniture="none"
    )


SPEC = ReportSpec(
    kind="place-cards",
    title_fa=TITLE,
    title_en="Place cards",
    options=(EVENT_OPTION,),
    make=make,
)
