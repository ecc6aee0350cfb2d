"""Embedded fonts of the reports (Vazirmatn) and the check that every drawn glyph exists.

The fonts are registered with ReportLab once (``register_fonts``); ReportLab embeds a subset
of each TrueType font in the PDF.  ``check_glyphs`` inspects the font's cmap so that a
character the font cannot draw (an emoji, a CJK ideograph …) fails loudly instead of
printing as an empty box.
"""

from __future__ import annotations

import threading
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

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


def _base_letters(code: int) -> str:
    """What a drawn code point means as text: presentation forms map to their base letters.

    «ﺍﺳﺘﺎﻧﺪﺍﺭﯼ» (joined forms, U+FB50–U+FDFF and U+FE70–U+FEFF) reads back as «استانداری»;
    the lam-alef ligature as «لا».  Anything else is itself.
    """
    ch = chr(code)
    if 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF:
        base = unicodedata.normalize("NFKC", ch)
        if len(base) > 1 and unicodedata.bidirectional(ch) == "AL":
            # One glyph, several letters (lam-alef): poppler and MuPDF read a right-to-left
            # line by reversing the characters they find, those of one glyph included, so
            # the letters go in visual order to come out «لا».
            return base[::-1]
        if base and base.strip():
            return base
    return ch


def to_unicode_cmap(font_name: str, subset: list[int]) -> str:
    """A ToUnicode CMap for one 256-glyph subset, mapping each glyph to its base letters.

    ReportLab's own (``ttfonts.makeToUnicodeCMap``) maps a glyph to the code point drawn,
    so text copied from the PDF comes out as presentation forms that search cannot find.
    """
    entries = []
    for index, code in enumerate(subset):
        text = _base_letters(code)
        hex_units = text.encode("utf-16-be").hex().upper()
        entries.append(f"<{index:02X}> <{hex_units}>")
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({font_name})",
            f"/Ordering ({font_name})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{font_name} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *entries,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


class BaseLetterTTFont(TTFont):
    """A TrueType font whose embedded subsets copy and search as base letters (ToUnicode)."""

    def addObjects(self, doc: Any) -> None:  # ReportLab API
        """Add the subsets as ReportLab does, then replace each ToUnicode CMap."""
        state = self.state.get(doc)
        subsets = [list(s) for s in state.subsets] if state is not None else []
        names = [self.getSubsetInternalName(n, doc)[1:] for n in range(len(subsets))]
        super().addObjects(doc)  # forgets the document's state
        for name, subset in zip(names, subsets, strict=True):
            pdf_font = doc.idToObject[name]
            stream = doc.idToObject[pdf_font.ToUnicode.name]
            stream.content = to_unicode_cmap(str(pdf_font.BaseFont), subset)


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
                pdfmetrics.registerFont(BaseLetterTTFont(name, str(font_path(name))))
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
