"""Name badges of an event (کارت شناسایی مهمانان): eight per A4 sheet (2 × 4), gutters between
them, with cut guides.

Each badge carries the event's title, the guest's name in Persian and in English, title and
country.  Text is centred; a long name or title first shrinks (down to a floor size), then
wraps onto a second line, and as a last resort shrinks further: it is never clipped.  Badges
follow the order of precedence, the first at the top right of the sheet.
CLI: ``report badges --event ID``.

Also holds the canvas helpers that badges, place cards and the seating diagram share:
``fit_text`` and ``draw_lines``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.flowables import Flowable, PageBreak

from qazvin_diplomacy.core.events import Badge
from qazvin_diplomacy.reports.catalog import ReportContent, ReportSpec, paragraph
from qazvin_diplomacy.reports.event_guests import EVENT_OPTION, report_data
from qazvin_diplomacy.reports.fonts import FONT_BOLD, FONT_REGULAR
from qazvin_diplomacy.reports.rtl import Direction, Line, text_width, wrap_text
from qazvin_diplomacy.reports.rtl_draw import baseline_offset, draw_line
from qazvin_diplomacy.reports.styles import (
    GRID_COLOR,
    HEADER_FILL,
    LEADING_RATIO,
    MUTED_COLOR,
    TEXT_COLOR,
)
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.services.events import badges

TITLE = "کارت‌های شناسایی مهمانان"
PREFER_ONE_LINE = 0.75
MULTI_LINE_GAIN = 1.25
BADGE_W = 8.5 * cm
BADGE_H = 5.5 * cm
COLUMNS = 2
ROWS = 4
PER_SHEET = COLUMNS * ROWS
PAD = 0.35 * cm
GUTTER = 0.4 * cm  # between badges: each is cut on its own, no shared edge
TOP_BAND = 1.15 * cm  # the event, Persian over English
BOTTOM_BAND = 0.8 * cm
CROP = 0.45 * cm  # length of a crop mark outside the grid
ACCENT = Color(0.16, 0.27, 0.45)
#: The bottom band per kind of badge: colour and, for all but guests (who show their
#: country), the Persian and English words for what the wearer is.
BANDS: dict[str, tuple[Color, str, str]] = {
    "guest": (ACCENT, "", ""),
    "interpreter": (Color(0.13, 0.42, 0.25), "مترجم", "Interpreter"),
    "staff": (Color(0.55, 0.22, 0.07), "برگزارکننده", "Staff"),
}

_ALIGN = {"center": TA_CENTER, "right": TA_RIGHT, "left": TA_LEFT}


# --- shared canvas helpers -------------------------------------------------------------------


@dataclass(frozen=True)
class Fitted:
    """A text laid out to a width: its font, size, leading and lines (visual order)."""

    font_name: str
    size: float
    lines: tuple[Line, ...]

    @property
    def leading(self) -> float:
        """Line height."""
        return round(self.size * LEADING_RATIO, 2)

    @property
    def height(self) -> float:
        """Height of all lines."""
        return self.leading * len(self.lines)


def _fits(lines: Sequence[Line], width: float) -> bool:
    return all(line.width <= width + 0.01 for line in lines)


#: Text that must wrap to fit is not set smaller than this (a printed name stays legible).
FLOOR_SIZE = 8.0


def fit_text(
    text: str,
    font_name: str,
    width: float,
    *,
    max_size: float,
    min_size: float,
    max_lines: int = 2,
    direction: Direction = "rtl",
    persian_digits: bool | None = None,
    step: float = 0.5,
) -> Fitted:
    """Lay ``text`` out within ``width``: one line shrinking from ``max_size`` to ``min_size``,
    then up to ``max_lines`` lines (never breaking a word), then one line at whatever size fits.
    A text that fits one line only well below ``max_size`` (under ``PREFER_ONE_LINE`` of it)
    takes two lines instead when they allow a size ``MULTI_LINE_GAIN`` times larger.

    The result is never wider than ``width``: nothing is clipped.
    """
    pd = direction == "rtl" if persian_digits is None else persian_digits
    text = " ".join(text.split())
    if not text:
        return Fitted(font_name, max_size, ())
    one_line = None
    size = max_size
    while size >= min_size - 1e-6:
        if text_width(text, font_name, size, persian_digits=pd) <= width:
            one_line = size
            break
        size -= step
    if one_line is not None and max_lines > 1 and one_line < max_size * PREFER_ONE_LINE:
        # A long name: two lines at a clearly larger size read better than one small line.
        widest_word = max(text_width(w, font_name, 1.0, persian_digits=pd) for w in text.split())
        size = max_size
        while size >= one_line * MULTI_LINE_GAIN - 1e-6:
            if widest_word * size <= width:
                lines = _wrap(text, font_name, size, width, direction, pd)
                if len(lines) <= max_lines and _fits(lines, width):
                    return Fitted(font_name, size, lines)
            size -= step
    if one_line is not None:
        return Fitted(font_name, one_line, _wrap(text, font_name, one_line, width, direction, pd))
    if max_lines > 1:
        widest_word = max(text_width(w, font_name, 1.0, persian_digits=pd) for w in text.split())
        size = max_size
        while size >= min_size - 1e-6:
            if widest_word * size <= width:
                lines = _wrap(text, font_name, size, width, direction, pd)
                if len(lines) <= max_lines and _fits(lines, width):
                    return Fitted(font_name, size, lines)
            size -= step
        # Still too long (a 40-letter word in a name): smaller, down to FLOOR_SIZE, on
        # ``max_lines`` lines; then on more lines at FLOOR_SIZE rather than any smaller.
        floor = min(min_size, FLOOR_SIZE)
        size = min_size - step
        while size >= floor - 1e-6:
            if widest_word * size <= width:
                lines = _wrap(text, font_name, size, width, direction, pd)
                if len(lines) <= max_lines and _fits(lines, width):
                    return Fitted(font_name, size, lines)
            size -= step
        if widest_word * floor <= width:
            return Fitted(font_name, floor, _wrap(text, font_name, floor, width, direction, pd))
    one_point = text_width(text, font_name, 1.0, persian_digits=pd)
    size = int(width / one_point * 10) / 10  # round down: a hair narrower than the width
    return Fitted(font_name, size, _wrap(text, font_name, size, width * 2, direction, pd))


def _wrap(
    text: str, font_name: str, size: float, width: float, direction: Direction, pd: bool
) -> tuple[Line, ...]:
    return wrap_text(text, font_name, size, width, direction=direction, persian_digits=pd)


def draw_lines(
    canvas: Canvas,
    fitted: Fitted,
    x_left: float,
    x_right: float,
    y_top: float,
    *,
    align: str = "center",
    color: Color = TEXT_COLOR,
) -> float:
    """Draw ``fitted`` between ``x_left`` and ``x_right`` from ``y_top`` down; return its height."""
    if not fitted.lines:
        return 0.0
    canvas.saveState()
    canvas.setFillColor(color)
    canvas.setFont(fitted.font_name, fitted.size)
    leading = fitted.leading
    offset = baseline_offset(fitted.font_name, fitted.size, leading)
    for i, line in enumerate(fitted.lines):
        draw_line(
            canvas,
            line,
            x_left,
            x_right,
            y_top - offset - i * leading,
            fitted.font_name,
            fitted.size,
            _ALIGN[align],
        )
    canvas.restoreState()
    return fitted.height


# --- badges ----------------------------------------------------------------------------------


def badge_texts(badge: Badge, inner: float, scale: float = 1.0) -> list[tuple[Fitted, Color]]:
    """The centred middle block of a badge: names, title (Persian and English)."""
    s = scale
    blocks = [
        (fit_text(badge.name_fa or badge.name_en, FONT_BOLD, inner, max_size=17 * s,
                  min_size=10 * s), TEXT_COLOR),
        (fit_text(badge.name_en, FONT_REGULAR, inner, max_size=12 * s, min_size=8 * s,
                  direction="ltr"), ACCENT),
        (fit_text(badge.title_fa or badge.category_fa, FONT_REGULAR, inner, max_size=8.5 * s,
                  min_size=6.5 * s), TEXT_COLOR),
        (fit_text(badge.title_en or badge.category_en, FONT_REGULAR, inner, max_size=7.5 * s,
                  min_size=6 * s, direction="ltr"), MUTED_COLOR),
    ]  # fmt: skip
    return [(f, c) for f, c in blocks if f.lines]


def draw_badge(canvas: Canvas, badge: Badge, x: float, y: float) -> None:
    """Draw one badge with its lower left corner at (x, y)."""
    inner = BADGE_W - 2 * PAD
    top = y + BADGE_H
    # Top band: the event, Persian over English.
    canvas.setFillColor(HEADER_FILL)
    canvas.rect(x, top - TOP_BAND, BADGE_W, TOP_BAND, stroke=0, fill=1)
    event_fa = fit_text(badge.event_title_fa or badge.event_title_en, FONT_BOLD, inner,
                        max_size=8.5, min_size=6, max_lines=1)  # fmt: skip
    event_en = fit_text(badge.event_title_en if badge.event_title_fa else "", FONT_REGULAR,
                        inner, max_size=7.5, min_size=6, max_lines=1, direction="ltr")  # fmt: skip
    both = event_fa.height + event_en.height
    y_band = top - (TOP_BAND - both) / 2
    y_band -= draw_lines(canvas, event_fa, x + PAD, x + BADGE_W - PAD, y_band)
    draw_lines(canvas, event_en, x + PAD, x + BADGE_W - PAD, y_band, color=MUTED_COLOR)
    # Bottom band: its colour says guest, interpreter or staff; a guest's country (Persian on
    # the right, English on the left), or what the wearer is.
    color, word_fa, word_en = BANDS.get(badge.kind, BANDS["guest"])
    canvas.setFillColor(color)
    canvas.rect(x, y, BADGE_W, BOTTOM_BAND, stroke=0, fill=1)
    half = inner / 2 - 0.1 * cm
    white = Color(1, 1, 1)
    band_fa, band_en = (word_fa, word_en) if word_fa else (badge.country_fa, badge.country_en)
    country_fa = fit_text(band_fa, FONT_BOLD, half, max_size=9.5, min_size=6,
                          max_lines=1)  # fmt: skip
    country_en = fit_text(band_en, FONT_BOLD, half, max_size=9, min_size=6,
                          max_lines=1, direction="ltr")  # fmt: skip
    for fitted, align in ((country_fa, "right"), (country_en, "left")):
        band_top = y + BOTTOM_BAND - (BOTTOM_BAND - fitted.height) / 2
        draw_lines(canvas, fitted, x + PAD, x + BADGE_W - PAD, band_top, align=align, color=white)
    # Middle block, centred vertically; shrunk as a whole if it would not fit.
    room = BADGE_H - TOP_BAND - BOTTOM_BAND - 0.3 * cm
    scale = 1.0
    blocks = badge_texts(badge, inner, scale)
    gaps = 0.08 * cm * max(len(blocks) - 1, 0)
    while sum(f.height for f, _ in blocks) + gaps > room and scale > 0.3:
        scale *= 0.92
        blocks = badge_texts(badge, inner, scale)
    height = sum(f.height for f, _ in blocks) + gaps
    y_text = top - TOP_BAND - (BADGE_H - TOP_BAND - BOTTOM_BAND - height) / 2
    for fitted, color in blocks:
        y_text -= draw_lines(canvas, fitted, x + PAD, x + BADGE_W - PAD, y_text, color=color)
        y_text -= 0.08 * cm


class BadgeSheet(Flowable):
    """Up to eight badges on one A4 sheet, 2 × 4, first at the top right, with cut guides."""

    def __init__(self, items: Sequence[Badge]) -> None:
        super().__init__()
        if len(items) > PER_SHEET:
            raise ValueError(f"at most {PER_SHEET} badges per sheet")
        self.items = list(items)
        self.grid_w = COLUMNS * BADGE_W + (COLUMNS - 1) * GUTTER
        self.grid_h = ROWS * BADGE_H + (ROWS - 1) * GUTTER

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """The grid's size plus room for the crop marks (Flowable.wrap)."""
        self.width = availWidth
        self.height = self.grid_h + 2 * CROP
        return self.width, self.height

    def cell_origin(self, index: int) -> tuple[float, float]:
        """Lower left corner of badge ``index``: right to left, then top to bottom."""
        left = (self.width - self.grid_w) / 2
        row, col = divmod(index, COLUMNS)
        x = left + (COLUMNS - 1 - col) * (BADGE_W + GUTTER)
        y = CROP + (ROWS - 1 - row) * (BADGE_H + GUTTER)
        return x, y

    def draw(self) -> None:
        """Draw the badges, then the cut guides on top (Flowable.draw)."""
        canvas = self.canv
        canvas.saveState()
        for index, badge in enumerate(self.items):
            draw_badge(canvas, badge, *self.cell_origin(index))
        left = (self.width - self.grid_w) / 2
        right, bottom, top = left + self.grid_w, CROP, CROP + self.grid_h
        xs = [left + c * (BADGE_W + GUTTER) + d for c in range(COLUMNS) for d in (0, BADGE_W)]
        ys = [bottom + r * (BADGE_H + GUTTER) + d for r in range(ROWS) for d in (0, BADGE_H)]
        # A dashed cut line round every badge, and solid crop marks outside the grid.
        canvas.setStrokeColor(GRID_COLOR)
        canvas.setLineWidth(0.4)
        canvas.setDash(3, 3)
        for index in range(len(self.items)):
            bx, by = self.cell_origin(index)
            canvas.rect(bx, by, BADGE_W, BADGE_H, stroke=1, fill=0)
        canvas.setDash()
        canvas.setStrokeColor(MUTED_COLOR)
        canvas.setLineWidth(0.6)
        gap = 0.1 * cm
        for xc in xs:
            canvas.line(xc, top + gap, xc, top + CROP)
            canvas.line(xc, bottom - gap, xc, bottom - CROP)
        for yr in ys:
            canvas.line(left - gap, yr, left - CROP, yr)
            canvas.line(right + gap, yr, right + CROP, yr)
        canvas.restoreState()


def build(items: Sequence[Badge]) -> list[Flowable]:
    """One ``BadgeSheet`` per eight badges, a page each."""
    if not items:
        return [paragraph("هنوز هیچ مهمانی پاسخ مثبت نداده است؛ کارتی برای چاپ نیست.")]
    story: list[Flowable] = []
    for start in range(0, len(items), PER_SHEET):
        if story:
            story.append(PageBreak())
        story.append(BadgeSheet(items[start : start + PER_SHEET]))
    return story


def make(db: DatabaseHandle, options: Mapping[str, Any]) -> ReportContent:
    """Badges of the guests who accepted, in precedence order."""
    data = report_data(db, options["event"])  # NotFoundError before any work
    items = badges(db, event_id=options["event"])
    del data
    return ReportContent(build(items), TITLE, furniture="none")


SPEC = ReportSpec(
    kind="badges",
    title_fa=TITLE,
    title_en="Name badges",
    options=(EVENT_OPTION,),
    make=make,
)
