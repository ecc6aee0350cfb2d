"""Right-to-left text for ReportLab: Persian shaping, wrapping, bidi reordering and a paragraph.

The pipeline, in this order (the order matters):

1. split the *logical* text into words (Persian letters never join across a space); in a
   right-to-left paragraph mark each Latin phrase, phone number and mixed code as one
   left-to-right bidi isolate (LRI … PDI) whose digits stay Latin (``_tokens``);
2. per word, once (cached): convert Latin digits to Persian unless the word is a Latin token
   (e-mail, code, URL), shape it with one ``ArabicReshaper`` configured for Persian, check
   every glyph exists in the font, and measure its width;
3. wrap the words greedily by measured width, still in logical order; a word wider than the
   line breaks at a ZWNJ (a Latin name at a hyphen, a URL anywhere) and a Persian word is
   never cut: the text is set smaller (``min_font_size``) or the word overflows;
4. reorder each *line* on its own with python-bidi (base direction per paragraph, from its
   first strong letter in an English page), closing isolates the line break cut, mirror
   brackets on RTL levels (python-bidi's Rust engine does not) and drop the format
   characters (ZWNJ stays: a zero-width glyph, so copied text keeps it).

Drawing gives each mirrored bracket a one-glyph ``/ActualText``; the fonts' ToUnicode maps
(``fonts.BaseLetterTTFont``) turn presentation forms back into letters, so the PDF copies
and searches as Persian.

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
from reportlab.pdfbase.pdfmetrics import stringWidth

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
    "MissingGlyphError",
    "check_glyphs",
    "is_rtl_text",
    "paragraph_is_rtl",
    "reorder_line",
    "shape",
    "single_line",
    "text_width",
    "visual_line",
    "widest_unbreakable",
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
#: What is removed before drawing: all of them but ZWNJ, a zero-width glyph of the font that
#: is drawn so that text copied from the PDF keeps it («بین‌الملل», not «بینالملل»).
_STRIP_FORMAT = dict.fromkeys(ord(ch) for ch in FORMAT_CHARS if ch != "\u200c")

_DECIMAL_POINT = re.compile(r"(?<=[۰-۹])\.(?=[۰-۹])")
_THOUSANDS = re.compile(r"(?<=[۰-۹]),(?=[۰-۹]{3}(?![۰-۹]))")
_SPLIT_WORDS = re.compile(r"[^\S\u00a0\u202f]+")  # whitespace except no-break spaces
_MIRRORABLE = frozenset(MIRRORED)
_RTL_CLASSES = frozenset({"R", "AL"})

_CACHE_LIMIT = 200_000
_word_cache: dict[tuple[str, str, bool], tuple[str, float]] = {}
_line_cache: dict[tuple[str, bool], tuple[str, tuple[int, ...]]] = {}
_wrap_cache: dict[tuple[Any, ...], tuple[Line, ...]] = {}


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
        if "," in text:  # a thousands separator: Persian «۱٬۲۵۰٬۰۰۰», not an ASCII comma
            text = _THOUSANDS.sub("\u066c", text)
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
    text: str, font_name: str, font_size: float, *, persian_digits: bool | None = True
) -> float:
    """Return the drawn width of a single-line logical ``text`` (shaped, digits converted)."""
    register_fonts()
    rtl = paragraph_is_rtl(text, "rtl")
    pd = rtl if persian_digits is None else persian_digits
    tokens = _tokens(text, rtl)
    if not tokens:
        return 0.0
    space = stringWidth(" ", font_name, font_size)
    total = sum(_word(t, font_name, pd and not latin)[1] for t, latin in tokens)
    return total * font_size + space * (len(tokens) - 1)


# --- tokens: words, left-to-right runs inside Persian text --------------------------------

_LRI, _RLI, _PDI = "\u2066", "\u2067", "\u2069"
#: Put before every right-to-left line: a number starting the line then reads as one in
#: the middle of Persian text does («٪۲۰», its sign on the left), wherever the line breaks.
_ALM = "\u061c"
_RTL_RUN = re.compile("[\u0620-\u065f\u066e-\u06d5\u06fa-\u06ff\u200c]+")  # letters, no digits
_DIGIT = "0-9\u06f0-\u06f9\u0660-\u0669"
_PHONE = re.compile(rf"(?<!\S)\+?[{_DIGIT}]+(?:[ \-][{_DIGIT}]+)+(?![\w/])")
_PHONE_TOKEN = re.compile(
    rf"(?:\+[{_DIGIT}\-\u00a0]+|[0\u06f0][{_DIGIT}\-]*(?:\u00a0[{_DIGIT}\-]+)+)"
    r"[.,:;!?\u060c\u061b\u061f]*"
)
#: A bracketed number or code after a Latin phrase belongs to it: «TU München (2001)».
_BRACKETED = re.compile(r"[(\[][^()\[\]]*[)\]][.,:;!?\u060c\u061b]*")
_kind_cache: dict[str, str] = {}
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")


def _kind(token: str) -> str:
    """'R' Persian, 'L' Latin, 'M' both (a code such as «1403/ق/25-A»), 'N' neither."""
    hit = _kind_cache.get(token)
    if hit is not None:
        return hit
    bidirectional = unicodedata.bidirectional
    classes = {bidirectional(ch) for ch in token}
    has_r = not classes.isdisjoint(_RTL_CLASSES)
    has_l = "L" in classes
    kind = ("M" if has_l else "R") if has_r else ("L" if has_l else "N")
    _bounded(_kind_cache)[token] = kind
    return kind


def _join_phone_numbers(segment: str) -> str:
    """Bind the groups of a phone number («+98 28 3355 1234») with no-break spaces."""

    def bind(match: re.Match[str]) -> str:
        number = match.group(0)
        digits = sum(ch.isdigit() for ch in number)
        if digits >= 7 and number[0] in "+0\u06f0":
            return number.replace(" ", "\u00a0")
        return number

    return _PHONE.sub(bind, segment)


#: Punctuation ending a Latin phrase in a Persian sentence belongs to the sentence.
_TRAILING = re.compile(r"[.,:;!?\u060c\u061b\u061f\u2026\"'»]+$")


def _isolated(words: Sequence[str]) -> list[str]:
    """Wrap a left-to-right run of words in LRI … PDI (its final punctuation left outside)."""
    out = list(words)
    last = out[-1]
    trailing = _TRAILING.search(last)
    cut = trailing.start() if trailing and trailing.start() > 0 else len(last)
    # A bracket closing the Persian around the run stays outside: «(ارائه: Mr. Smith (UN))».
    run = " ".join(out[:-1] + [last[:cut]])
    while cut > 1 and last[cut - 1] in ")]":
        opener = "(" if last[cut - 1] == ")" else "["
        if run.count(last[cut - 1]) <= run.count(opener):
            break
        cut -= 1
        run = run[:-1]
    out[-1] = last[:cut] + _PDI + last[cut:]
    out[0] = _LRI + out[0]
    return out


def _tokens(segment: str, rtl: bool) -> list[tuple[str, bool]]:
    """Split one line of logical text into (word, keeps Latin digits).

    In a right-to-left paragraph a Latin phrase (with a bracketed number after it), a phone
    number and a mixed code each form one left-to-right run, marked as a bidi isolate
    (LRI … PDI, never drawn; ``_logical_line`` balances them on each line): «Mr. Smith»
    keeps its full stop where it is cut, a Latin name in brackets keeps its brackets, «+98
    28 …» does not print backwards.  Digits inside a Latin phrase or a code stay Latin.
    """
    if rtl and ("+" in segment or "0" in segment or "\u06f0" in segment):
        segment = _join_phone_numbers(segment)
    words = [w for w in _SPLIT_WORDS.split(segment) if w]
    if not rtl or (
        _LATIN_LETTER.search(segment) is None and "+" not in segment and "\u00a0" not in segment
    ):
        return [(w, False) for w in words]  # no Latin, no phone number: nothing to isolate
    # A word's kind without the punctuation closing it: «Steel؛» is Latin («؛» is AL).
    kinds = [_kind(_TRAILING.sub("", w) or w) for w in words]
    out: list[tuple[str, bool]] = []
    i, n = 0, len(words)
    while i < n:
        kind = kinds[i]
        if kind == "L":
            j, m = i, i + 1
            while m < n and kinds[m] in ("L", "N"):
                if kinds[m] == "L":
                    j = m
                m += 1
            while j + 1 < n and kinds[j + 1] == "N" and _BRACKETED.fullmatch(words[j + 1]):
                j += 1
            out.extend((w, True) for w in _isolated(words[i : j + 1]))
            i = j + 1
        elif kind == "M":  # a code: as typed, left to right, its Persian letters isolated
            out.append((_isolated([_RTL_RUN.sub(_RLI + r"\g<0>" + _PDI, words[i])])[0], True))
            i += 1
        elif kind == "N" and _PHONE_TOKEN.fullmatch(words[i]) is not None:
            out.append((_isolated([words[i]])[0], False))
            i += 1
        else:
            out.append((words[i], False))
            i += 1
    return out


def isolate_runs(text: str) -> str:
    """``text`` with each Latin phrase, phone number and code of its right-to-left lines
    wrapped in LRI … PDI, as this engine lays them out (for other writers, e.g. Word).

    A line that already carries isolates or embeddings is left as the caller wrote it.
    """
    lines = []
    for line in text.split("\n"):
        if paragraph_is_rtl(line, "rtl") and not any("\u2066" <= ch <= "\u2069" for ch in line):
            body = line.strip()
            lead, trail = line[: len(line) - len(line.lstrip())], line[len(line.rstrip()) :]
            line = lead + " ".join(token for token, _latin in _tokens(body, True)) + trail
        lines.append(line)
    return "\n".join(lines)


def _logical_line(words: Sequence[str]) -> str:
    """Join shaped words with spaces, closing or reopening isolates cut by the line break."""
    line = " ".join(words)
    if _LRI not in line and _PDI not in line:
        return line
    depth = unmatched = 0
    for ch in line:
        if ch == _LRI or ch == _RLI:
            depth += 1
        elif ch == _PDI:
            if depth:
                depth -= 1
            else:
                unmatched += 1
    return _LRI * unmatched + line + _PDI * depth


_URL_LIKE = re.compile(r"[@/\\_]|://|\.\w")


def _is_breakable(token: str) -> bool:
    """A long Latin token (URL, e-mail) may be cut between letters; words and names not."""
    return _kind(token) == "L" and (len(token) > 24 or bool(_URL_LIKE.search(token)))


def _zwnj_pieces(token: str) -> list[str]:
    """The parts of a word between its ZWNJs (or after a hyphen of a Latin word), each
    keeping its ZWNJ or hyphen («می‌|روم», «Nikzad-|Rahmani»)."""
    return [p for p in re.split("(?<=\u200c)|(?<=[A-Za-z]-)(?=[A-Za-z])", token) if p]


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
    return _reorder_marked(text, levels)[0]


def _reorder_marked(text: str, levels: Sequence[int]) -> tuple[str, tuple[int, ...]]:
    """``_reorder_by_levels``, without the format characters, and the indices (in the
    visual text) of the characters that were mirrored."""
    chars = [
        (MIRRORED[ch], True) if level % 2 and ch in MIRRORED else (ch, False)
        for ch, level in zip(text, levels, strict=True)
    ]
    lv = list(levels)
    odd = [level for level in lv if level % 2]
    if odd:
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
    else:
        chars = [(ch, False) for ch in text]
    kept = [(ch, m) for ch, m in chars if ord(ch) not in _STRIP_FORMAT]
    return "".join(ch for ch, _ in kept), tuple(i for i, (_, m) in enumerate(kept) if m)


def _display(text: str, rtl: bool) -> tuple[str, tuple[int, ...]]:
    """Visual order of one line and the indices of its mirrored brackets (cached)."""
    key = (text, rtl)
    hit = _line_cache.get(key)
    if hit is not None:
        return hit
    base_dir = "R" if rtl else "L"
    result: tuple[str, tuple[int, ...]] | None = None
    if not _MIRRORABLE.isdisjoint(text):
        levels = _resolved_levels(text, base_dir)
        if levels is not None:
            result = _reorder_marked(text, levels)
    if result is None:
        result = (get_display(text, base_dir=base_dir).translate(_STRIP_FORMAT), ())
    _bounded(_line_cache)[key] = result
    return result


def reorder_line(text: str, *, rtl: bool = True) -> str:
    """Return one *line* of logical (already shaped) text in visual order, ready to draw.

    Base direction is RTL when ``rtl`` (pass it for every Persian paragraph, so a line that
    starts with a Latin word or a number still lays out right to left).  Brackets on RTL
    levels are mirrored; zero-width and bidi format characters are removed afterwards.
    """
    return _display(text, rtl)[0]


def single_line(text: str, font_name: str, rtl: bool, persian_digits: bool | None) -> Line:
    """Lay out ``text`` as one line (no wrapping): shaped, isolated, reordered."""
    pd = rtl if persian_digits is None else persian_digits
    tokens = _tokens(text, rtl)
    items = []
    width = 0.0
    for token, latin in tokens:
        shaped, w1 = _word(token, font_name, pd and not latin)
        items.append(shaped)
        width += w1
    width += stringWidth(" ", font_name, 1.0) * max(len(items) - 1, 0)
    visual, mirrored = _display(_ALM * rtl + _logical_line(items), rtl)
    return Line(visual, width, False, rtl, 0.0, mirrored)  # width at 1 pt


def visual_line(
    text: str, font_name: str, *, rtl: bool | None = None, persian_digits: bool | None = None
) -> str:
    """Shape, convert digits and reorder a single-line logical ``text``; checks glyphs.

    ``persian_digits=None``: Persian digits when the line is right to left."""
    register_fonts()
    if rtl is None:
        rtl = paragraph_is_rtl(text, "rtl")
    return single_line(text, font_name, rtl, persian_digits).text


# --- wrapping ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Line:
    """One laid-out line: visual-order text, its width, whether to justify it, its base.

    ``size`` is the font size the line was laid out at when a word had to be set smaller
    than the paragraph's to fit (0: the paragraph's size); ``mirrored`` holds the indices
    in ``text`` of brackets drawn mirrored (they carry their logical character as
    ``/ActualText`` so that the PDF copies and searches right).
    """

    text: str
    width: float
    justify: bool
    rtl: bool
    size: float = 0.0
    mirrored: tuple[int, ...] = ()


def paragraph_is_rtl(text: str, direction: Direction) -> bool:
    """Base direction of a paragraph: RTL for Persian text; LTR for English or Latin-only text."""
    if direction == "ltr":
        # An English table or page: each paragraph still takes its own base direction
        # from its first strong letter (a Persian cell in the bilingual itinerary).
        bidirectional = unicodedata.bidirectional
        for ch in text:
            cls = bidirectional(ch)
            if cls in _RTL_CLASSES:
                return True
            if cls == "L":
                return False
        return False
    if is_rtl_text(text):
        return True
    # No Persian letter at all: a Latin-only cell (e-mail, English name) reads best LTR.
    return not _is_latin_token(text)


def _split_long(token: str, font_name: str, size: float, width: float, pd: bool) -> list[str]:
    """Cut a Latin token wider than ``width`` into pieces that fit (long URLs, e-mails)."""
    return _pack(token, font_name, size, width, pd)


def _break_at_zwnj(token: str, font_name: str, size: float, width: float, pd: bool) -> list[str]:
    """Break a word wider than ``width`` at its ZWNJs into as few pieces as fit.

    A piece between two ZWNJs that is still too wide stays whole: a Persian word is never
    cut between joined letters.
    """
    return _pack(_zwnj_pieces(token), font_name, size, width, pd)


def _pack(parts: Iterable[str], font_name: str, size: float, width: float, pd: bool) -> list[str]:
    """Join ``parts`` in order into as few pieces as fit ``width`` (a part wider stays whole)."""
    pieces: list[str] = []
    current = ""
    for part in parts:
        candidate = current + part
        if current and _word(candidate, font_name, pd)[1] * size > width:
            pieces.append(current)
            current = part
        else:
            current = candidate
    if current:
        pieces.append(current)
    return pieces


def widest_unbreakable(
    text: str,
    font_name: str,
    *,
    persian_digits: bool | None = None,
    limit: float | None = None,
) -> float:
    """Width at 1 pt of the widest part of ``text`` that may not be cut.

    That is a Persian word between ZWNJs, a number, a date or a code; Latin words are not
    counted (a long URL may be cut).  A column or box narrower than this times the font
    size would have to cut a word: size it from this, or set the text smaller.  With
    ``limit`` (1 pt units) a word narrower than it is not looked into (faster).
    """
    rtl = paragraph_is_rtl(text, "rtl")
    pd = rtl if persian_digits is None else persian_digits
    widest = 0.0
    for token, latin in _tokens(text, rtl):
        if _is_breakable(token):
            continue
        digits = pd and not latin
        w1 = _word(token, font_name, digits)[1]
        if w1 > widest and (limit is None or w1 > limit) and ("\u200c" in token or "-" in token):
            w1 = max(_word(piece, font_name, digits)[1] for piece in _zwnj_pieces(token))
        widest = max(widest, w1)
    return widest


def _pieces(token: str, font_name: str, size: float, width: float, digits: bool) -> list[str]:
    """A token wider than ``width``: broken at ZWNJs/hyphens, a URL anywhere, else whole."""
    if "\u200c" in token or "-" in token:
        pieces = _break_at_zwnj(token, font_name, size, width, digits)
        if _is_breakable(token) and any(
            _word(p, font_name, digits)[1] * size > width for p in pieces
        ):
            pieces = _split_long(token, font_name, size, width, digits)
        return pieces
    if _is_breakable(token):
        return _split_long(token, font_name, size, width, digits)
    return [token]


def wrap_text(
    text: str,
    font_name: str,
    font_size: float,
    width: float,
    *,
    direction: Direction = "rtl",
    persian_digits: bool | None = True,
    justify: bool = False,
    min_font_size: float | None = None,
) -> tuple[Line, ...]:
    """Wrap logical ``text`` into lines no wider than ``width`` and reorder each line.

    Newlines are hard breaks.  Words are measured in their shaped form; the result is cached
    per (text, font, size, width, options), so a table cell is wrapped once.  A word wider
    than ``width`` is broken at a ZWNJ; a Persian word without one is never cut: with
    ``min_font_size`` the whole text is set smaller (down to that size) until the word
    fits, otherwise the word overflows its line.  Latin tokens (URLs) may be cut.
    ``persian_digits=None`` converts digits in right-to-left paragraphs only.
    """
    key = (
        text,
        font_name,
        float(font_size),
        float(width),
        direction == "rtl",
        persian_digits,
        justify,
        min_font_size,
    )
    hit = _wrap_cache.get(key)
    if hit is not None:
        return hit
    register_fonts()
    rtl = paragraph_is_rtl(text, direction)
    pd = rtl if persian_digits is None else persian_digits
    segments = [
        _tokens(segment, rtl)
        for segment in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    ]
    size = float(font_size)
    measured, overflow = _measure(segments, font_name, size, width, pd)
    if overflow and min_font_size is not None and min_font_size < size:
        # a word that may not be cut is wider than the line: set the text smaller
        size = max(float(min_font_size), int(width / overflow * 4) / 4)
        measured, _overflow = _measure(segments, font_name, size, width, pd)
    line_size = 0.0 if size == font_size else size
    space = stringWidth(" ", font_name, size)
    lines: list[Line] = []
    for words in measured:
        if not words:
            lines.append(Line("", 0.0, False, rtl, line_size))
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
            visual, mirrored = _display(_ALM * rtl + _logical_line(line_words), rtl)
            stretch = justify and index < last and len(line_words) > 1
            lines.append(Line(visual, line_width, stretch, rtl, line_size, mirrored))
    result = tuple(lines)
    _bounded(_wrap_cache)[key] = result
    return result


def _measure(
    segments: list[list[tuple[str, bool]]], font_name: str, size: float, width: float, pd: bool
) -> tuple[list[list[tuple[str, float]]], float]:
    """(shaped word, width) per segment at ``size``, too-wide words broken where they may
    be; and the widest piece (1 pt units) still wider than ``width`` (0.0 when none)."""
    measured: list[list[tuple[str, float]]] = []
    overflow = 0.0
    for tokens in segments:
        words: list[tuple[str, float]] = []
        for token, latin in tokens:
            digits = pd and not latin
            shaped, w1 = _word(token, font_name, digits)
            if w1 * size <= width or width <= 0:
                words.append((shaped, w1 * size))
                continue
            for piece in _pieces(token, font_name, size, width, digits):
                p_shaped, p_w1 = _word(piece, font_name, digits)
                words.append((p_shaped, p_w1 * size))
                if p_w1 * size > width:
                    overflow = max(overflow, p_w1)
        measured.append(words)
    return measured, overflow
