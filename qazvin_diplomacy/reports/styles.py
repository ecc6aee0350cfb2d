"""Paragraph styles of the reports (Vazirmatn, generous leading for Persian script).

Use ``style(name)`` to get a style; each call returns the same shared object, so copy it
(``ParagraphStyle(name, parent=style("body"), ...)``) before changing anything.
"""

from __future__ import annotations

from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from qazvin_diplomacy.reports.fonts import FONT_BOLD, FONT_REGULAR, register_fonts

#: Vazirmatn's ascent+descent is about 1.56 em; lines need at least that much room.
LEADING_RATIO = 1.7

TEXT_COLOR = colors.HexColor("#1a1a1a")
MUTED_COLOR = colors.HexColor("#555555")
HEADER_FILL = colors.HexColor("#dde4ee")
ZEBRA_FILL = colors.HexColor("#f3f5f8")
GRID_COLOR = colors.HexColor("#9aa5b1")
CONFIDENTIAL_COLOR = colors.HexColor("#b00020")

_SPECS: dict[str, dict[str, object]] = {
    "body": {"fontName": FONT_REGULAR, "fontSize": 10.5, "alignment": TA_JUSTIFY, "spaceAfter": 6},
    "body_right": {
        "fontName": FONT_REGULAR,
        "fontSize": 10.5,
        "alignment": TA_RIGHT,
        "spaceAfter": 6,
    },
    "bold": {"fontName": FONT_BOLD, "fontSize": 10.5, "alignment": TA_RIGHT, "spaceAfter": 6},
    "small": {
        "fontName": FONT_REGULAR,
        "fontSize": 8.5,
        "alignment": TA_RIGHT,
        "textColor": MUTED_COLOR,
    },
    "title": {"fontName": FONT_BOLD, "fontSize": 16, "alignment": TA_CENTER, "spaceAfter": 10},
    "heading1": {
        "fontName": FONT_BOLD,
        "fontSize": 14,
        "alignment": TA_RIGHT,
        "spaceBefore": 10,
        "spaceAfter": 6,
    },
    "heading2": {
        "fontName": FONT_BOLD,
        "fontSize": 12,
        "alignment": TA_RIGHT,
        "spaceBefore": 8,
        "spaceAfter": 4,
    },
    "heading3": {
        "fontName": FONT_BOLD,
        "fontSize": 11,
        "alignment": TA_RIGHT,
        "spaceBefore": 6,
        "spaceAfter": 3,
    },
    "table_cell": {"fontName": FONT_REGULAR, "fontSize": 9, "alignment": TA_RIGHT},
    "table_header": {"fontName": FONT_BOLD, "fontSize": 9, "alignment": TA_CENTER},
    # English (left-to-right) variants, for itineraries handed to foreign guests.
    "body_en": {
        "fontName": FONT_REGULAR,
        "fontSize": 10.5,
        "alignment": TA_JUSTIFY,
        "spaceAfter": 6,
    },
    "heading1_en": {
        "fontName": FONT_BOLD,
        "fontSize": 14,
        "alignment": TA_LEFT,
        "spaceBefore": 10,
        "spaceAfter": 6,
    },
    "heading2_en": {
        "fontName": FONT_BOLD,
        "fontSize": 12,
        "alignment": TA_LEFT,
        "spaceBefore": 8,
        "spaceAfter": 4,
    },
}

STYLE_NAMES = tuple(_SPECS)


@cache
def style(name: str) -> ParagraphStyle:
    """Return the shared ``ParagraphStyle`` called ``name`` (one of ``STYLE_NAMES``)."""
    if name not in _SPECS:
        raise KeyError(f"unknown report style {name!r}; known: {', '.join(STYLE_NAMES)}")
    register_fonts()
    spec = dict(_SPECS[name])
    size = float(spec["fontSize"])  # type: ignore[arg-type]
    spec.setdefault("leading", round(size * LEADING_RATIO, 1))
    spec.setdefault("textColor", TEXT_COLOR)
    return ParagraphStyle(name, **spec)  # type: ignore[arg-type]


def scaled(base: ParagraphStyle, font_size: float, **changes: object) -> ParagraphStyle:
    """Return a copy of ``base`` at ``font_size`` (leading scaled) with ``changes`` applied."""
    return ParagraphStyle(
        f"{base.name}@{font_size}",
        parent=base,
        fontSize=font_size,
        leading=round(font_size * LEADING_RATIO, 1),
        **changes,
    )
