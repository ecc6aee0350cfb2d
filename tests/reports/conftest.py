"""Helpers for the report tests: read a PDF back into lines of logical text.

A PDF holds glyphs (presentation forms, visual order).  ``read_pdf`` groups the characters
pdfminer finds (also inside form XObjects, where the page total lives) by baseline, splits
a baseline into boxes at wide gaps, sorts each box left to right, maps presentation forms
back with NFKC and reorders the visual line to logical order with base direction RTL.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest
from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTChar, LTComponent, LTContainer

from qazvin_diplomacy.reports.rtl import FORMAT_CHARS, reorder_line


@dataclass
class TextBox:
    """One run of characters on one baseline, between wide gaps."""

    page: int
    baseline: float
    x0: float
    x1: float
    size: float
    visual: str  # NFKC, left to right as drawn
    raw: str  # the drawn code points, left to right, not normalised

    @property
    def logical(self) -> str:
        """The text in reading (logical) order, assuming a right-to-left paragraph."""
        return reorder_line(self.visual, rtl=True)

    @property
    def logical_ltr(self) -> str:
        """The text in reading order for a left-to-right (English) paragraph."""
        return reorder_line(self.visual, rtl=False)


def nfkc_visual(visual: str) -> str:
    """Map presentation forms back to letters (NFKC), keeping the string in visual order.

    NFKC expands a ligature such as lam-alef (U+FEFB) to «لا» in *logical* order; inside a
    visual-order string that expansion must be reversed.
    """
    out = []
    for ch in visual:
        mapped = unicodedata.normalize("NFKC", ch)
        if len(mapped) > 1 and unicodedata.bidirectional(ch) == "AL":
            mapped = mapped[::-1]
        out.append(mapped)
    return "".join(out)


def _glyph_text(ch: LTChar) -> str:
    """The text of one glyph; ZWNJ (drawn, zero width, so that copying keeps it) is
    dropped, as ``drawn_form`` drops it from the expected text."""
    return ch.get_text().replace("\u200c", "")


def _chars(item: LTComponent) -> list[LTChar]:
    if isinstance(item, LTChar):
        return [item]
    if isinstance(item, LTContainer):
        found: list[LTChar] = []
        for child in item:
            found.extend(_chars(child))
        return found
    return []


def read_pdf(path: Path, *, split_gap: float = 30.0, space_gap: float = 1.0) -> list[list[TextBox]]:
    """Return, per page, the text boxes top to bottom (and right to left on a baseline)."""
    pages: list[list[TextBox]] = []
    for page_no, page in enumerate(extract_pages(str(path), laparams=LAParams(all_texts=True)), 1):
        chars = _chars(page)
        by_baseline: dict[float, list[tuple[int, LTChar]]] = {}
        for order, ch in enumerate(chars):
            by_baseline.setdefault(round(ch.matrix[5], 1), []).append((order, ch))
        boxes: list[TextBox] = []
        for baseline in sorted(by_baseline, reverse=True):
            row = sorted(by_baseline[baseline], key=lambda oc: (round(oc[1].x0, 2), oc[0]))
            groups: list[list[LTChar]] = [[]]
            last_x1 = None
            for _order, ch in row:
                if last_x1 is not None and ch.x0 - last_x1 > split_gap:
                    groups.append([])
                groups[-1].append(ch)
                last_x1 = ch.x1 if last_x1 is None else max(last_x1, ch.x1)
            for group in groups:
                pieces: list[str] = []
                prev_x1 = None
                for ch in group:
                    if prev_x1 is not None and ch.x0 - prev_x1 > space_gap:
                        pieces.append(" ")
                    pieces.append(_glyph_text(ch))
                    prev_x1 = ch.x1 if prev_x1 is None else max(prev_x1, ch.x1)
                raw = " ".join("".join(pieces).split())
                visual = nfkc_visual(raw)
                boxes.append(
                    TextBox(
                        page_no,
                        baseline,
                        min(c.x0 for c in group),
                        max(c.x1 for c in group),
                        max(c.size for c in group),
                        visual,
                        raw,
                    )
                )
        boxes.sort(key=lambda b: (-b.baseline, -b.x1))
        pages.append(boxes)
    return pages


def drawn_form(text: str) -> str:
    """``text`` without the zero-width characters that are never drawn (ZWNJ, marks …)."""
    return text.translate(dict.fromkeys(map(ord, FORMAT_CHARS)))


def assert_lines_in_reading_order(lines: list[str], source: str) -> None:
    """Fail unless ``lines`` (logical text, top to bottom) concatenate to ``source``'s words.

    This is the detector for the classic bug (bidi applied before wrapping): the lines are
    then bottom-up and the first logical words appear on the last line.
    """
    words = drawn_form(source).split()
    got = " ".join(lines).split()
    assert lines, "no lines"
    first = lines[0].split()
    assert first == words[: len(first)], f"top line does not start the text: {lines[0]!r}"
    assert got == words, "lines do not reproduce the text word for word"


@pytest.fixture
def pdf_reader():
    """The ``read_pdf`` helper."""
    return read_pdf


@pytest.fixture
def reading_order():
    """The ``assert_lines_in_reading_order`` helper."""
    return assert_lines_in_reading_order
