"""Embedded fonts of the reports (Vazirmatn) and the check that every drawn glyph exists.

The fonts are registered with ReportLab once (``register_fonts``); ReportLab embeds a subset
of each TrueType font in the PDF.  ``check_glyphs`` inspects the font's cmap so that a
character the font cannot draw (an emoji, a CJK ideograph …) fails loudly instead of
printing as an empty box.
"""

from __future__ import annotations

import threading
from functools import cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.paths import resources_dir

FONT_REGULAR = "Vazirmatn"
FONT_BOLD = "Vazirmatn-Bold"

_FONT_FILES = {
    FONT_REGULAR: "Vazirmatn-Regular.ttf",
    FONT_BOLD: "Vazirmatn-Bold.ttf",
}

_lock = threading.Lock()
_registered = False


class MissingGlyphError(KnownError):
    """Some characters of a text to be printed have no glyph in the embedded font."""

    def __init__(self, missing: str, font_name: str = "Vazirmatn", text: str = "") -> None:
        # platypus re-raises build errors as ``cls(message)``: every argument but one has a default.
        self.missing = "".join(sorted(set(missing)))
        self.font_name = font_name
        self.text = text
        codes = "، ".join(f"U+{ord(ch):04X}" for ch in self.missing)
        codes_en = ", ".join(f"U+{ord(ch):04X}" for ch in self.missing)
        super().__init__(
            f"نویسه‌های {codes} در قلم گزارش ({font_name}) وجود ندارد و چاپ نمی‌شود؛ "
            "آن‌ها را از متن حذف یا جایگزین کنید.",
            f"Characters {codes_en} have no glyph in the report font {font_name}: {text!r}",
        )

    @property
    def code_points(self) -> list[int]:
        """The missing characters as code points, in ascending order."""
        return [ord(ch) for ch in self.missing]


def fonts_dir() -> Path:
    """Return the folder holding the bundled fonts (also when frozen by PyInstaller)."""
    return resources_dir() / "fonts"


def font_path(name: str) -> Path:
    """Return the path of a bundled font file, by registered name or by file name."""
    file_name = _FONT_FILES.get(name, name)
    path = fonts_dir() / file_name
    if not path.is_file():
        raise FileNotFoundError(f"report font not found: {path}")
    return path


def register_fonts() -> None:
    """Register Vazirmatn regular and bold with ReportLab (idempotent, thread-safe)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        registered = set(pdfmetrics.getRegisteredFontNames())
        for name, _file in _FONT_FILES.items():
            if name not in registered:
                pdfmetrics.registerFont(TTFont(name, str(font_path(name))))
        # So that ReportLab's own <b> markup and bold style lookups map to our bold face.
        addMapping(FONT_REGULAR, 0, 0, FONT_REGULAR)
        addMapping(FONT_REGULAR, 1, 0, FONT_BOLD)
        addMapping(FONT_REGULAR, 0, 1, FONT_REGULAR)
        addMapping(FONT_REGULAR, 1, 1, FONT_BOLD)
        _registered = True


@cache
def font_charset(font_name: str) -> frozenset[int]:
    """Return the code points that ``font_name`` (a registered TrueType font) can draw."""
    register_fonts()
    font = pdfmetrics.getFont(font_name)
    face = getattr(font, "face", None)
    char_to_glyph = getattr(face, "charToGlyph", None)
    if char_to_glyph is None:
        raise ValueError(f"{font_name} is not a TrueType font; its glyphs cannot be checked")
    return frozenset(char_to_glyph)


def missing_glyphs(text: str, font_name: str) -> str:
    """Return the characters of ``text`` that ``font_name`` cannot draw ('' when none)."""
    charset = font_charset(font_name)
    return "".join(ch for ch in text if ord(ch) not in charset)


def check_glyphs(text: str, font_name: str) -> None:
    """Raise ``MissingGlyphError`` listing the characters of ``text`` absent from the font."""
    missing = missing_glyphs(text, font_name)
    if missing:
        raise MissingGlyphError(missing, font_name, text)
