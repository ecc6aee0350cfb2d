"""Right-to-left text for ReportLab: Persian shaping, wrapping, bidi reordering and a paragraph.

The pipeline, in this order (the order matters):

1. split the *logical* text into words (Persian letters never join across a space);
2. per word, once (cached): convert Latin digits to Persian unless the word is a Latin token
   (e-mail, code, URL), shape it with one ``ArabicReshaper`` configured for Persian, check
   every glyph exists in the font, and measure its width;
3. wrap the words greedily by measured width, still in logical order;
4. reorder each *line* on its own with python-bidi (base direction RTL for Persian),
   mirror brackets on RTL levels (python-bidi's Rust engine does not) and drop the
   zero-width/format characters the font may not draw.

Reordering before wrapping would print a paragraph's lines bottom-up; tests guard it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from arabic_reshaper import ArabicReshaper
from arabic_reshaper.ligatures import SENTENCES_LIGATURES, WORDS_LIGATURES
from bidi import get_display
from bidi.mirror import MIRRORED
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.flowables import Flowable

from qazvin_diplomacy.core.text import to_persian_digits
from qazvin_diplomacy.reports.fonts import (
    MissingGlyphError,
    check_glyphs,
    font_charset,
    register_fonts,
)

__all__ = [
    "Direction",
    "Line",
    "LTRParagraph",
    "MissingGlyphError",
    "RTLParagraph",
    "baseline_offset",
    "check_glyphs",
    "draw_line",
    "draw_text",
    "paragraphs",
    "is_rtl_text",
    "reorder_line",
    "shape",
    "text_width",
    "visual_line",
    "wrap_text",
]

Direction = Literal["rtl", "ltr"]

# --- shaping -------------------------------------------------------------------------------

_RESHAPER_CONFIG: dict[str, Any] = {
    "language": "Arabic",  # covers Persian letters (پ چ ژ گ ک ی)
    "delete_harakat": False,  # keep the ezafe hamza in «خانهٔ» and any diacritics
    "shift_harakat_position": False,
    "delete_tatweel": False,
    "support_zwj": True,
    "support_ligatures": True,  # needed for the mandatory lam-alef «لا»
}
# Word and sentence ligatures turn «عبدالله» into U+FDF2 and the like: off.
for _name, _forms in (*SENTENCES_LIGATURES, *WORDS_LIGATURES):
    _RESHAPER_CONFIG[_name] = False

#: One reshaper for the process: building one re-reads its configuration.
RESHAPER = ArabicReshaper(configuration=_RESHAPER_CONFIG)

#: Zero-width and bidi format characters: they steer joining and reordering, then are not drawn.
FORMAT_CHARS = (
    "\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064"
    "\u2066\u2067\u2068\u2069\ufeff"
)
_STRIP_FORMAT = dict.fromkeys(map(ord, FORMAT_CHARS))

_DECIMAL_POINT = re.compile(r"(?<=[۰-۹])\.(?=[۰-۹])")
_SPLIT_WORDS = re.compile(r"[^\S\u00a0\u202f]+")  # whitespace except no-break spaces
_MIRRORABLE = frozenset(MIRRORED)
_RTL_CLASSES = frozenset({"R", "AL"})

_CACHE_LIMIT = 200_000
_word_cache: dict[tuple[str, str, bool], tuple[str, float]] = {}
_line_cache: dict[tuple[str, bool], str] = {}
_wrap_cache: dict[tuple[str, str, float, float, bool | None, bool, bool], tuple[Line, ...]] = {}


def _bounded(cache: dict[Any, Any]) -> dict[Any, Any]:
    """Empty ``cache`` when it has grown past the limit (a crude, cheap bound)."""
    if len(cache) > _CACHE_LIMIT:
        cache.clear()
    return cache


def shape(text: str) -> str:
    """Return ``text`` with Persian/Arabic letters replaced by their joined presentation forms.

    ZWNJ is kept (it already acted as a non-joiner); strip it with ``FORMAT_CHARS`` before drawing.
    """
    return RESHAPER.reshape(text) if text else text


def is_rtl_text(text: str) -> bool:
    """Return True when ``text`` holds at least one strong right-to-left letter."""
    bidirectional = unicodedata.bidirectional
    return any(bidirectional(ch) in _RTL_CLASSES for ch in text)


def _is_latin_token(token: str) -> bool:
    """True for a token with a strong left-to-right letter (e-mail, code, URL, English word)."""
    bidirectional = unicodedata.bidirectional
    return any(bidirectional(ch) == "L" for ch in token)


def _word(token: str, font_name: str, persian_digits: bool) -> tuple[str, float]:
    """Return (shaped token, width at 1 pt) for a logical token, cached; checks its glyphs."""
    key = (token, font_name, persian_digits)
    hit = _word_cache.get(key)
    if hit is not None:
        return hit
    text = token
    if persian_digits and not _is_latin_token(text):
        text = to_persian_digits(text)
        if text.count(".") == 1:  # a decimal number: Persian decimal separator «۱۲٫۵»
            text = _DECIMAL_POINT.sub("\u066b", text)
    shaped = shape(text)
    drawn = shaped.translate(_STRIP_FORMAT)
    charset = font_charset(font_name)
    if any(ord(ch) not in charset for ch in drawn):
        check_glyphs(drawn, font_name)  # raises MissingGlyphError with the list
    result = (shaped, stringWidth(drawn, font_name, 1.0))
    _bounded(_word_cache)[key] = result
    return result


def text_width(
    text: str, font_name: str, font_size: float, *, persian_digits: bool = True
) -> float:
    """Return the drawn width of a single-line logical ``text`` (shaped, digits converted)."""
    register_fonts()
    words = [w for w in _SPLIT_WORDS.split(text) if w]
    if not words:
        return 0.0
    space = stringWidth(" ", font_name, font_size)
    total = sum(_word(w, font_name, persian_digits)[1] for w in words) * font_size
    return total + space * (len(words) - 1)


# --- bidi ----------------------------------------------------------------------------------

_LEVEL_RE = re.compile(r"Level\(\s*(\d+),?\s*\)")
_L1_RESET_CLASSES = frozenset({"WS", "S", "LRI", "RLI", "FSI", "PDI", "BN"})


def _resolved_levels(text: str, base_dir: str) -> list[int] | None:
    """Return python-bidi's resolved embedding level of each character of ``text``.

    python-bidi 0.6 exposes the levels only through its debug dump of the Rust ``BidiInfo``
    (one ``Level(n)`` per UTF-8 byte); ``None`` when that format is not recognised.
    """
    dump = get_display(text, base_dir=base_dir, debug=True)
    if not isinstance(dump, str):
        return None
    start = dump.find("levels:")
    if start < 0:
        return None
    end = dump.find("paragraphs:", start)
    byte_levels = _LEVEL_RE.findall(dump, start, end if end > 0 else len(dump))
    if len(byte_levels) != len(text.encode("utf-8")):
        return None
    levels: list[int] = []
    offset = 0
    for ch in text:
        levels.append(int(byte_levels[offset]))
        offset += len(ch.encode("utf-8"))
    # Rule L1: trailing whitespace/isolates/separators go back to the paragraph level.
    base_level = 1 if base_dir == "R" else 0
    bidirectional = unicodedata.bidirectional
    trailing = True
    for i in range(len(text) - 1, -1, -1):
        cls = bidirectional(text[i]) or "BN"
        if cls in ("S", "B"):
            levels[i] = base_level
            trailing = True
        elif trailing and cls in _L1_RESET_CLASSES:
            levels[i] = base_level
        else:
            trailing = False
    return levels


def _reorder_by_levels(text: str, levels: Sequence[int]) -> str:
    """Apply rules L2 (reverse runs) and L4 (mirror glyphs on odd levels) to one line."""
    chars = [
        MIRRORED.get(ch, ch) if level % 2 else ch for ch, level in zip(text, levels, strict=True)
    ]
    lv = list(levels)
    odd = [level for level in lv if level % 2]
    if not odd:
        return "".join(chars)
    lowest_odd = min(odd)
    n = len(chars)
    for level in range(max(lv), lowest_odd - 1, -1):
        i = 0
        while i < n:
            if lv[i] >= level:
                j = i
                while j < n and lv[j] >= level:
                    j += 1
                chars[i:j] = chars[i:j][::-1]
                lv[i:j] = lv[i:j][::-1]
                i = j
            else:
                i += 1
    return "".join(chars)


def reorder_line(text: str, *, rtl: bool = True) -> str:
    """Return one *line* of logical (already shaped) text in visual order, ready to draw.

    Base direction is RTL when ``rtl`` (pass it for every Persian paragraph, so a line that
    starts with a Latin word or a number still lays out right to left).  Brackets on RTL
    levels are mirrored; zero-width and bidi format characters are removed afterwards.
    """
    key = (text, rtl)
    hit = _line_cache.get(key)
    if hit is not None:
        return hit
    base_dir = "R" if rtl else "L"
    display: str | None = None
    if not _MIRRORABLE.isdisjoint(text):
        levels = _resolved_levels(text, base_dir)
        if levels is not None:
            display = _reorder_by_levels(text, levels)
    if display is None:
        display = get_display(text, base_dir=base_dir)
    display = display.translate(_STRIP_FORMAT)
    _bounded(_line_cache)[key] = display
    return display


def visual_line(
    text: str, font_name: str, *, rtl: bool | None = None, persian_digits: bool = True
) -> str:
    """Shape, convert digits and reorder a single-line logical ``text``; checks glyphs."""
    register_fonts()
    words = [w for w in _SPLIT_WORDS.split(text) if w]
    if rtl is None:
        rtl = _paragraph_is_rtl(text, "rtl")
    logical = " ".join(_word(w, font_name, persian_digits)[0] for w in words)
    return reorder_line(logical, rtl=rtl)


# --- wrapping ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Line:
    """One laid-out line: visual-order text, its width, whether to justify it, its base."""

    text: str
    width: float
    justify: bool
    rtl: bool


def _paragraph_is_rtl(text: str, direction: Direction) -> bool:
    """Base direction of a paragraph: RTL for Persian text; LTR for English or Latin-only text."""
    if direction == "ltr":
        return False
    if is_rtl_text(text):
        return True
    # No Persian letter at all: a Latin-only cell (e-mail, English name) reads best LTR.
    return not _is_latin_token(text)


def _split_long(token: str, font_name: str, size: float, width: float, pd: bool) -> list[str]:
    """Cut a token wider than ``width`` into pieces that fit (rare: long URLs, codes)."""
    pieces: list[str] = []
    current = ""
    for ch in token:
        candidate = current + ch
        if current and _word(candidate, font_name, pd)[1] * size > width:
            pieces.append(current)
            current = ch
        else:
            current = candidate
    if current:
        pieces.append(current)
    return pieces


def wrap_text(
    text: str,
    font_name: str,
    font_size: float,
    width: float,
    *,
    direction: Direction = "rtl",
    persian_digits: bool = True,
    justify: bool = False,
) -> tuple[Line, ...]:
    """Wrap logical ``text`` into lines no wider than ``width`` and reorder each line.

    Newlines are hard breaks.  Words are measured in their shaped form; the result is cached
    per (text, font, size, width, options), so a table cell is wrapped once.
    """
    key = (
        text,
        font_name,
        float(font_size),
        float(width),
        direction == "rtl",
        persian_digits,
        justify,
    )
    hit = _wrap_cache.get(key)
    if hit is not None:
        return hit
    register_fonts()
    rtl = _paragraph_is_rtl(text, direction)
    space = stringWidth(" ", font_name, font_size)
    lines: list[Line] = []
    for segment in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        words: list[tuple[str, float]] = []
        for token in _SPLIT_WORDS.split(segment):
            if not token:
                continue
            shaped, w1 = _word(token, font_name, persian_digits)
            if w1 * font_size > width > 0:
                for piece in _split_long(token, font_name, font_size, width, persian_digits):
                    p_shaped, p_w1 = _word(piece, font_name, persian_digits)
                    words.append((p_shaped, p_w1 * font_size))
            else:
                words.append((shaped, w1 * font_size))
        if not words:
            lines.append(Line("", 0.0, False, rtl))
            continue
        current: list[str] = []
        current_width = 0.0
        segment_lines: list[tuple[list[str], float]] = []
        for shaped, w in words:
            if current and current_width + space + w > width:
                segment_lines.append((current, current_width))
                current, current_width = [shaped], w
            elif current:
                current.append(shaped)
                current_width += space + w
            else:
                current, current_width = [shaped], w
        segment_lines.append((current, current_width))
        last = len(segment_lines) - 1
        for index, (line_words, line_width) in enumerate(segment_lines):
            visual = reorder_line(" ".join(line_words), rtl=rtl)
            stretch = justify and index < last and len(line_words) > 1
            lines.append(Line(visual, line_width, stretch, rtl))
    result = tuple(lines)
    _bounded(_wrap_cache)[key] = result
    return result


# --- drawing -------------------------------------------------------------------------------


def _segment_width(segment: str, font_name: str, font_size: float) -> float:
    return stringWidth(segment, font_name, font_size)


def draw_line(
    canvas: Canvas,
    line: Line,
    x_left: float,
    x_right: float,
    y: float,
    font_name: str,
    font_size: float,
    alignment: int,
) -> None:
    """Draw one laid-out line on ``canvas`` between ``x_left`` and ``x_right`` at baseline ``y``."""
    if not line.text:
        return
    available = x_right - x_left
    if line.justify and alignment == TA_JUSTIFY:
        segments = line.text.split(" ")
        widths = [_segment_width(s, font_name, font_size) for s in segments]
        gap = (available - sum(widths)) / (len(segments) - 1)
        x = x_left
        for segment, w in zip(segments, widths, strict=True):
            canvas.drawString(x, y, segment)
            x += w + gap
        return
    if alignment == TA_CENTER:
        x = x_left + (available - line.width) / 2
    elif alignment == TA_LEFT or (alignment == TA_JUSTIFY and not line.rtl):
        x = x_left
    else:  # TA_RIGHT, and the last line of a justified RTL paragraph
        x = x_right - line.width
    canvas.drawString(x, y, line.text)


def draw_text(
    canvas: Canvas,
    text: str,
    x: float,
    y: float,
    *,
    font_name: str,
    font_size: float,
    align: Literal["right", "left", "center"] = "right",
    direction: Direction = "rtl",
    persian_digits: bool | None = None,
) -> float:
    """Draw a single-line logical ``text`` anchored at ``x`` (its right edge when align='right').

    Returns the drawn width.  Used for page headers and footers.
    """
    register_fonts()
    if persian_digits is None:
        persian_digits = direction == "rtl"
    rtl = _paragraph_is_rtl(text, direction)
    visual = visual_line(text, font_name, rtl=rtl, persian_digits=persian_digits)
    width = text_width(text, font_name, font_size, persian_digits=persian_digits)
    canvas.setFont(font_name, font_size)
    if align == "right":
        canvas.drawString(x - width, y, visual)
    elif align == "center":
        canvas.drawString(x - width / 2, y, visual)
    else:
        canvas.drawString(x, y, visual)
    return width


def baseline_offset(font_name: str, font_size: float, leading: float) -> float:
    """Distance from the top of a line box of height ``leading`` down to the baseline."""
    from reportlab.pdfbase.pdfmetrics import getAscentDescent

    ascent, descent = getAscentDescent(font_name, font_size)
    return (leading - (ascent - descent)) / 2 + ascent


# --- flowable ------------------------------------------------------------------------------


class RTLParagraph(Flowable):
    """A paragraph of Persian (or, with ``direction="ltr"``, English) text for platypus.

    Font, size, leading, colour, alignment (TA_RIGHT, TA_JUSTIFY, TA_CENTER, TA_LEFT) and
    spacing come from ``style``.  Justified paragraphs spread the inter-word space on all
    lines but the last.  With ``persian_digits`` (default for RTL) Latin digits become
    Persian except inside Latin tokens (e-mails, codes, URLs).  Splits across frames/pages.
    """

    def __init__(
        self,
        text: str,
        style: ParagraphStyle,
        *,
        direction: Direction = "rtl",
        persian_digits: bool | None = None,
    ) -> None:
        super().__init__()
        register_fonts()
        self.text = str(text)
        self.style = style
        self.direction: Direction = direction
        self.persian_digits = direction == "rtl" if persian_digits is None else persian_digits
        self._lines: tuple[Line, ...] | None = None
        self._lines_width: float | None = None
        self._fixed_lines: tuple[Line, ...] | None = None
        self.hAlign = "RIGHT" if direction == "rtl" else "LEFT"
        self.spaceBefore = style.spaceBefore
        self.spaceAfter = style.spaceAfter

    # platypus protocol
    def _layout(self, avail_width: float) -> tuple[Line, ...]:
        if self._fixed_lines is not None:
            return self._fixed_lines
        inner = avail_width - self.style.leftIndent - self.style.rightIndent
        if self._lines is None or self._lines_width != inner:
            self._lines = wrap_text(
                self.text,
                self.style.fontName,
                self.style.fontSize,
                max(inner, 1.0),
                direction=self.direction,
                persian_digits=self.persian_digits,
                justify=self.style.alignment == TA_JUSTIFY,
            )
            self._lines_width = inner
        return self._lines

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Lay out at ``availWidth`` (Flowable.wrap); returns (width, height)."""
        lines = self._layout(availWidth)
        self.width = availWidth
        self.height = len(lines) * self.style.leading
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """Split between lines so the first part fits ``availHeight`` (Flowable.split)."""
        lines = self._layout(availWidth)
        fit = int((availHeight + 1e-6) // self.style.leading)
        if fit <= 0 or fit >= len(lines):
            return [] if fit <= 0 else [self]
        head = self._with_lines(lines[:fit])
        tail = self._with_lines(lines[fit:])
        head.spaceAfter = 0
        tail.spaceBefore = 0
        return [head, tail]

    def _with_lines(self, lines: tuple[Line, ...]) -> RTLParagraph:
        part = RTLParagraph(
            self.text, self.style, direction=self.direction, persian_digits=self.persian_digits
        )
        part._fixed_lines = lines
        return part

    def draw(self) -> None:
        """Draw the lines right-aligned/justified with canvas.drawString (Flowable.draw)."""
        style = self.style
        canvas = self.canv
        lines = self._fixed_lines if self._fixed_lines is not None else self._lines
        if lines is None:
            return
        canvas.saveState()
        canvas.setFillColor(style.textColor)
        canvas.setFont(style.fontName, style.fontSize)
        x_left = style.leftIndent
        x_right = self.width - style.rightIndent
        top = self.height
        offset = baseline_offset(style.fontName, style.fontSize, style.leading)
        for index, line in enumerate(lines):
            y = top - index * style.leading - offset
            draw_line(
                canvas, line, x_left, x_right, y, style.fontName, style.fontSize, style.alignment
            )
        canvas.restoreState()

    def plain_lines(self) -> list[str]:
        """The visual-order text of each line as last laid out (for tests and debugging)."""
        lines = self._fixed_lines if self._fixed_lines is not None else self._lines
        return [line.text for line in lines or ()]

    def __repr__(self) -> str:
        return f"RTLParagraph({self.text[:40]!r})"


class LTRParagraph(RTLParagraph):
    """An English (left-to-right) paragraph, e.g. an itinerary for foreign guests."""

    def __init__(
        self, text: str, style: ParagraphStyle, *, persian_digits: bool | None = None
    ) -> None:
        super().__init__(text, style, direction="ltr", persian_digits=persian_digits)


def paragraphs(
    texts: Iterable[str], style: ParagraphStyle, *, direction: Direction = "rtl"
) -> list[RTLParagraph]:
    """Wrap each text of ``texts`` in an ``RTLParagraph`` with ``style``."""
    return [RTLParagraph(t, style, direction=direction) for t in texts]
