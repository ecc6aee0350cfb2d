"""Drawing laid-out lines on a canvas and the paragraph flowables built on them.

:mod:`qazvin_diplomacy.reports.rtl` shapes, orders and wraps text; this module draws the lines
it returns (a mirrored bracket marked with a one-glyph ``/ActualText`` so it copies as typed)
and wraps that in ``RTLParagraph`` / ``LTRParagraph`` for ReportLab stories.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

from bidi.mirror import MIRRORED
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.flowables import Flowable

from qazvin_diplomacy.reports.fonts import register_fonts
from qazvin_diplomacy.reports.rtl import (
    Direction,
    Line,
    paragraph_is_rtl,
    single_line,
    wrap_text,
)

__all__ = [
    "LTRParagraph",
    "RTLParagraph",
    "baseline_offset",
    "draw_line",
    "draw_text",
    "draw_visual",
    "paragraphs",
]


def _actual_text(text: str) -> str:
    """A PDF text string (UTF-16BE with BOM, hex) for ``/ActualText``."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def draw_visual(
    canvas: Canvas, x: float, y: float, text: str, mirrored: Sequence[int] = ()
) -> None:
    """``canvas.drawString`` of visual-order ``text``, marked so that it copies as written.

    A mirrored bracket (at the indices ``mirrored``) gets a one-glyph ``/ActualText`` with
    its logical character: the ToUnicode map alone would read the drawn «)» of an opening
    bracket as «)».  Spans are one glyph long: poppler and MuPDF reverse a longer span in
    right-to-left text.  (The lam-alef ligature needs none: ``fonts.to_unicode_cmap``.)
    """
    special = {i: MIRRORED.get(text[i], text[i]) for i in mirrored}
    if not special:
        canvas.drawString(x, y, text)
        return
    obj = canvas.beginText(x, y)
    code, tj = obj._code, obj._formatText  # each Tj advances the pen: no moves needed
    start = 0
    for i in sorted(special):
        if i > start:
            code.append(tj(text[start:i]))
        code.append(f"/Span <</ActualText {_actual_text(special[i])}>> BDC {tj(text[i])} EMC")
        start = i + 1
    if start < len(text):
        code.append(tj(text[start:]))
    canvas.drawText(obj)


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
    size = line.size or font_size
    if size != font_size:
        canvas.setFont(font_name, size)
    available = x_right - x_left
    if line.justify and alignment == TA_JUSTIFY:
        segments = line.text.split(" ")
        widths = [stringWidth(s, font_name, size) for s in segments]
        gap = (available - sum(widths)) / (len(segments) - 1)
        x = x_left
        offset = 0
        for segment, w in zip(segments, widths, strict=True):
            end = offset + len(segment)
            marks = [i - offset for i in line.mirrored if offset <= i < end]
            draw_visual(canvas, x, y, segment, marks)
            x += w + gap
            offset = end + 1
    else:
        if alignment == TA_CENTER:
            x = x_left + (available - line.width) / 2
        elif alignment == TA_LEFT or (alignment == TA_JUSTIFY and not line.rtl):
            x = x_left
        else:  # TA_RIGHT, and the last line of a justified RTL paragraph
            x = x_right - line.width
        draw_visual(canvas, x, y, line.text, line.mirrored)
    if size != font_size:
        canvas.setFont(font_name, font_size)


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
    rtl = paragraph_is_rtl(text, direction)
    line = single_line(text, font_name, rtl, persian_digits)
    width = line.width * font_size
    canvas.setFont(font_name, font_size)
    if align == "right":
        x -= width
    elif align == "center":
        x -= width / 2
    draw_visual(canvas, x, y, line.text, line.mirrored)
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
        # None: Persian digits in right-to-left paragraphs, whatever the page's direction.
        self.persian_digits = persian_digits
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
