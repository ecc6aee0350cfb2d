"""Word (.docx) output of letters, invitations and the visit dossier, for staff to edit before sending.

Right to left throughout: the section (``w:bidi`` in ``w:sectPr``), every Persian paragraph
(``w:bidi``) and run (``w:rtl``), tables laid out right to left (``w:bidiVisual``).  The font
is Vazirmatn for every script slot, the complex-script one (``w:cs``) included, with bold
and size set for complex script too (``w:bCs``, ``w:szCs``).  Digits in Persian text are
Persian; a Latin name, code, e-mail or phone number is its own left-to-right run wrapped in
LRE … PDF (U+202A … U+202C) so that Word keeps it in one piece.  The footer carries
«صفحه X از Y» as PAGE / NUMPAGES fields in Word's native digits (``w:pgNumType
w:fmt="hindiNumbers"`` on the section, ``\\* HindiArabic`` on NUMPAGES), shown as Persian
digits in the footer's Persian run; the cached results are Persian digits too.

``write_letters`` writes :class:`~qazvin_diplomacy.reports.letter.LetterDoc`s one per page;
``write_story`` converts a report story (``RTLParagraph``, ``RTLTable``, page breaks, a map's
picture and key) — the dossier's — paragraph by paragraph.  Files are written atomically.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt, RGBColor
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.platypus.flowables import Flowable, HRFlowable, PageBreak

from qazvin_diplomacy.core.letters import BLESSING
from qazvin_diplomacy.core.text import to_persian_digits
from qazvin_diplomacy.reports.fonts import FONT_BOLD, FONT_REGULAR
from qazvin_diplomacy.reports.letter import NO_SIGNATORY, EnglishPart, LetterDoc
from qazvin_diplomacy.reports.rtl import is_rtl_text, isolate_runs
from qazvin_diplomacy.reports.rtl_draw import RTLParagraph
from qazvin_diplomacy.reports.tables import RTLTable
from qazvin_diplomacy.services.files import atomic_write

FONT = FONT_REGULAR
EMU_PER_POINT = 12700
#: The text width of the A4 page between the 1.8 cm margins, in EMU.
TEXT_WIDTH = int(Cm(21.0 - 2 * 1.8))
LRE, PDF_MARK = "\u202a", "\u202c"
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_PHONE_PIECE = re.compile(r"^[+(]?[0-9۰-۹][0-9۰-۹()\-.]*$")
_SPACE = re.compile(r"(\s+)")
#: A phone number: «+» or a digit, then groups of digits after spaces (three groups or more).
_PHONE_NUMBER = re.compile(r"(?<![\w/])\+?[0-9۰-۹]+(?:[ \u00a0][0-9۰-۹]+){2,}(?![\w/])")
_GROUP_GAP = re.compile("[ \u00a0]")
_ALIGN = {TA_CENTER: WD_ALIGN_PARAGRAPH.CENTER, TA_JUSTIFY: WD_ALIGN_PARAGRAPH.JUSTIFY}


def set_alignment(para: Any, align: int, *, rtl: bool) -> None:
    """Align ``para`` as a report style says (TA_RIGHT, TA_LEFT, TA_CENTER, TA_JUSTIFY).

    Word reads ``w:jc`` "left"/"right" as the start/end of the paragraph's direction: in a
    ``w:bidi`` paragraph "left" is the right edge.  So a flush-right Persian paragraph is
    written "left" and a flush-left one "right".
    """
    if align in _ALIGN:
        para.alignment = _ALIGN[align]
        return
    at_start = align == (TA_RIGHT if rtl else TA_LEFT)
    para.alignment = WD_ALIGN_PARAGRAPH.LEFT if at_start else WD_ALIGN_PARAGRAPH.RIGHT


def _el(tag: str, **attrs: str) -> Any:
    element = OxmlElement(tag)
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _put(parent: Any, element: Any) -> Any:
    """Insert ``element`` into ``parent`` where the schema's order wants it (Word is strict)."""
    seq: tuple[str, ...] = getattr(parent, "_tag_seq", ())
    tag = element.tag
    names = [qn(t) for t in seq]
    if tag in names:
        successors = seq[names.index(tag) + 1 :]
        parent.insert_element_before(element, *successors)
    else:
        parent.append(element)
    return element


#: ``w:sectPr``'s children in the schema's order (python-docx knows only some of them).
_SECT_ORDER = tuple(
    qn(f"w:{t}")
    for t in (
        "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc "
        "pgBorders lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection "
        "bidi rtlGutter docGrid printerSettings sectPrChange"
    ).split()
)
#: Page-number format of a Persian section: Word's native (Arabic-script) digits, which a
#: Persian-language run shows as «۱ ۲ ۳»; also the NUMPAGES field's ``\*`` switch.
PAGE_DIGITS = "hindiNumbers"
PAGE_DIGITS_SWITCH = "HindiArabic"


def bind_phone_numbers(text: str) -> str:
    """Phone numbers' groups joined by no-break spaces (U+00A0), which Word never cuts.

    (LibreOffice 7.4 may still cut after «+98»; its narrow no-break space U+202F is not
    cut but Vazirmatn draws it 0.6 pt wide, gluing the groups together.)"""
    return _PHONE_NUMBER.sub(lambda m: _GROUP_GAP.sub("\u00a0", m.group(0)), text)


def _put_sect(sect_pr: Any, element: Any) -> Any:
    """Insert ``element`` into a ``w:sectPr`` in the schema's order (replacing its kind)."""
    for old in sect_pr.findall(element.tag):
        sect_pr.remove(old)
    rank = _SECT_ORDER.index(element.tag)
    later = set(_SECT_ORDER[rank + 1 :])
    for index, child in enumerate(sect_pr):
        if child.tag in later:
            sect_pr.insert(index, element)
            return element
    sect_pr.append(element)
    return element


_PAIRS = (("(", ")"), ("[", "]"), ("{", "}"))
#: An LRI/FSI … PDI run, which may hold one level of RLI … PDI (the Persian letters of a
#: code such as «1403/ق/25-A»).
_ISOLATE = re.compile("[\u2066\u2068]((?:[^\u2066-\u2069]|\u2067[^\u2066-\u2069]*\u2069)*)\u2069")
_INNER_RTL = re.compile("\u2067([^\u2066-\u2069]*)\u2069")


def segments(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into (piece, is_rtl) runs: Latin words and phone numbers are LTR pieces.

    Consecutive Latin tokens (with the spaces between them) form one piece; a group of
    digit tokens led by «+» or of three and more (a phone number) too, and whatever the text
    isolates (FSI/LRI … PDI, ``core.text.bidi_isolate``).  Everything else is Persian (digits
    become Persian).
    """
    out: list[tuple[str, bool]] = []
    last = 0
    text = isolate_runs(text)  # the PDF engine's runs: «+98 28 3355 1234؛», «(2001)», codes
    for match in _ISOLATE.finditer(text):
        out += _segments(text[last : match.start()])
        if match.group(1):
            # Persian letters inside a code, between LRMs: the digits after them stay in
            # the code's left-to-right order (Word's runs cannot nest isolates).
            out.append((_INNER_RTL.sub("\u200e\\1\u200e", match.group(1)), False))
        last = match.end()
    out += _segments(text[last:])
    # the spaces ``isolate_runs`` bound inside a phone number are plain again in Word
    out = [(p if rtl else p.replace("\u00a0", " "), rtl) for p, rtl in out]
    return _merge(_balance(_merge(out)))


def _merge(pieces: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Join neighbouring pieces of the same direction; drop empty ones."""
    merged: list[tuple[str, bool]] = []
    for piece, rtl in pieces:
        if not piece:
            continue
        if merged and merged[-1][1] == rtl:
            merged[-1] = (merged[-1][0] + piece, rtl)
        else:
            merged.append((piece, rtl))
    return merged


def _balance(pieces: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Give a Latin piece's unpaired bracket to the Persian text around it.

    «(شرکت Alborz Steel)»: the «)» closes the Persian bracket, so it must not be laid out
    inside the left-to-right piece (it would print on the wrong side of the name).
    """
    out: list[tuple[str, bool]] = []
    for piece, rtl in pieces:
        if rtl:
            out.append((piece, rtl))
            continue
        head = tail = ""
        for opener, closer in _PAIRS:
            while piece.endswith(closer) and piece.count(closer) > piece.count(opener):
                piece, tail = piece[:-1], closer + tail
            while piece.startswith(opener) and piece.count(opener) > piece.count(closer):
                piece, head = piece[1:], head + opener
        out += [(head, True), (piece, False), (tail, True)]
    return out


def _segments(text: str) -> list[tuple[str, bool]]:
    parts = _SPACE.split(text)
    tokens = [p for p in parts if p]
    kinds: list[bool | None] = []  # True: Latin, False: Persian, None: a space
    for token in tokens:
        if token.isspace():
            kinds.append(None)
        else:
            kinds.append(bool(_LATIN.search(token)))
    # phone numbers: runs of digit tokens
    words = [i for i, k in enumerate(kinds) if k is not None]
    run: list[int] = []
    for index in [*words, -1]:
        if index >= 0 and _PHONE_PIECE.match(tokens[index]) and not is_rtl_text(tokens[index]):
            run.append(index)
            continue
        if run and (len(run) >= 3 or tokens[run[0]].startswith("+")):
            for i in run:
                kinds[i] = True
        run = []
    out: list[tuple[str, bool]] = []
    for i, (token, kind) in enumerate(zip(tokens, kinds, strict=True)):
        if kind is None:  # a space joins its neighbours when both are Latin
            before = next((kinds[j] for j in range(i - 1, -1, -1) if kinds[j] is not None), None)
            after = next((kinds[j] for j in range(i + 1, len(kinds)) if kinds[j] is not None), None)
            kind = bool(before and after)
        rtl = not kind
        if out and out[-1][1] == rtl:
            out[-1] = (out[-1][0] + token, rtl)
        else:
            out.append((token, rtl))
    return out


class DocxWriter:
    """A right-to-left A4 document being built."""

    def __init__(self, *, rtl: bool = True, footer: bool = True) -> None:
        self.document = Document()
        self.rtl = rtl
        self._first_section = True
        self._style_defaults()
        section = self.document.sections[0]
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)
        section.left_margin = section.right_margin = Cm(1.8)
        section.top_margin, section.bottom_margin = Cm(1.6), Cm(1.6)
        if rtl:
            _put_sect(section._sectPr, _el("w:bidi"))
        if footer:
            if rtl:
                _put_sect(section._sectPr, _el("w:pgNumType", fmt=PAGE_DIGITS))
            self._page_numbers(section)

    # --- styles -------------------------------------------------------------------------

    def _style_defaults(self) -> None:
        normal = self.document.styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(11)
        rpr = normal.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = _el("w:rFonts")
            rpr.insert(0, fonts)
        for slot in ("ascii", "hAnsi", "cs", "eastAsia"):
            fonts.set(qn(f"w:{slot}"), FONT)
        _put(rpr, _el("w:szCs", val="22"))
        _put(rpr, _el("w:lang", val="en-US", bidi="fa-IR"))
        if self.rtl:
            _put(normal.element.get_or_add_pPr(), _el("w:bidi"))

    @staticmethod
    def _run_props(run: Any, *, rtl: bool, bold: bool, size: float | None, color: Any) -> None:
        rpr = run._r.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = _el("w:rFonts")
            rpr.insert(0, fonts)
        for slot in ("ascii", "hAnsi", "cs"):
            fonts.set(qn(f"w:{slot}"), FONT)
        if bold:
            run.bold = True
            _put(rpr, _el("w:bCs"))
        if color is not None:
            run.font.color.rgb = color
        if size is not None:
            run.font.size = Pt(size)
            _put(rpr, _el("w:szCs", val=str(round(size * 2))))
        if rtl:
            _put(rpr, _el("w:rtl"))

    # --- content ------------------------------------------------------------------------

    def paragraph(
        self,
        text: str,
        *,
        rtl: bool = True,
        bold: bool = False,
        size: float | None = None,
        align: int | None = None,
        space_after: float = 4,
        space_before: float = 0,
        muted: bool = False,
        container: Any = None,
    ) -> Any:
        """A paragraph of ``text`` (Persian unless ``rtl`` False) with its runs cut by script."""
        target = container if container is not None else self.document
        para = target.add_paragraph()
        ppr = para._p.get_or_add_pPr()
        if rtl:
            _put(ppr, _el("w:bidi"))
        elif self.rtl:  # an English paragraph in a right-to-left document
            _put(ppr, _el("w:bidi", val="0"))
        if align is not None:
            set_alignment(para, align, rtl=rtl)
        para.paragraph_format.space_after = Pt(space_after)
        para.paragraph_format.space_before = Pt(space_before)
        color = RGBColor(0x55, 0x55, 0x55) if muted else None
        self.runs(para, text, rtl=rtl, bold=bold, size=size, color=color)
        return para

    def runs(
        self, para: Any, text: str, *, rtl: bool, bold: bool, size: float | None, color: Any = None
    ) -> None:
        """Add ``text`` to ``para``: Persian runs (``w:rtl``, Persian digits), Latin runs isolated."""
        if not rtl:
            run = para.add_run(bind_phone_numbers(text))
            self._run_props(run, rtl=False, bold=bold, size=size, color=color)
            return
        for piece, piece_rtl in segments(text):
            if piece_rtl:
                run = para.add_run(to_persian_digits(piece))
            else:
                run = para.add_run(LRE + bind_phone_numbers(piece) + PDF_MARK)
            self._run_props(run, rtl=piece_rtl, bold=bold, size=size, color=color)

    def table(
        self,
        header: Sequence[str],
        rows: Iterable[Sequence[str]],
        *,
        rtl: bool = True,
        size: float = 9.5,
        borders: bool = True,
        widths: Sequence[float] | None = None,
    ) -> Any:
        """A table whose first column is on the right (``w:bidiVisual``) for Persian;
        ``widths`` (points, any scale, first column first) are fitted to the text width."""
        rows = [list(r) for r in rows]
        ncols = len(header) if header else (len(rows[0]) if rows else 1)
        table = self.document.add_table(rows=0, cols=ncols)
        if borders:
            table.style = self.document.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        if rtl:
            _put(table._tbl.tblPr, _el("w:bidiVisual"))
        all_rows = ([list(header)] if header else []) + rows
        for index, values in enumerate(all_rows):
            cells = table.add_row().cells
            for cell, value in zip(cells, values, strict=False):
                para = cell.paragraphs[0]
                if rtl:
                    _put(para._p.get_or_add_pPr(), _el("w:bidi"))
                bold = bool(header) and index == 0
                if bold:
                    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
                self.runs(para, str(value), rtl=rtl and _persian_cell(str(value), rtl),
                          bold=bold, size=size)  # fmt: skip
        if widths and len(widths) == ncols:
            table.autofit = False
            scale = TEXT_WIDTH / sum(widths)
            for column, width in zip(table.columns, widths, strict=True):
                column.width = Emu(int(width * scale))
                for cell in column.cells:
                    cell.width = Emu(int(width * scale))
        self.document.add_paragraph()
        return table

    def picture(self, png: bytes, *, width_pt: float) -> Any:
        """A centred picture ``width_pt`` points wide."""
        para = self.document.add_paragraph()
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        para.add_run().add_picture(io.BytesIO(png), width=Pt(width_pt))
        return para

    def page_break(self) -> None:
        """Start a new page."""
        self.document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def new_page_section(self) -> Any:
        """A new section on a new page (its footer continues the numbering)."""
        section = self.document.add_section(WD_SECTION.NEW_PAGE)
        return section

    def _page_numbers(self, section: Any) -> None:
        para = section.footer.paragraphs[0]
        _put(para._p.get_or_add_pPr(), _el("w:bidi"))
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for kind, value in (("text", "صفحه "), ("field", "PAGE"), ("text", " از "),
                            ("field", "NUMPAGES")):  # fmt: skip
            if kind == "text":
                self._run_props(para.add_run(value), rtl=True, bold=False, size=9, color=None)
                continue
            # PAGE follows the section's pgNumType; NUMPAGES needs its own format switch.
            digits = f" \\* {PAGE_DIGITS_SWITCH}" if value == "NUMPAGES" and self.rtl else ""
            field = _el("w:fldSimple", instr=f"{value}{digits} \\* MERGEFORMAT")
            result = para.add_run("۱")  # the cached result, replaced when Word lays out
            self._run_props(result, rtl=True, bold=False, size=9, color=None)
            _put(result._r.get_or_add_rPr(), _el("w:lang", bidi="fa-IR"))
            field.append(result._r)  # moved from the paragraph into the field
            para._p.append(field)

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the document atomically to ``path``."""
        target = Path(path)
        with atomic_write(target) as tmp:
            self.document.save(str(tmp))
        return target


def _persian_cell(value: str, rtl_table: bool) -> bool:
    """A cell is a right-to-left paragraph unless it holds only Latin text."""
    return rtl_table and (is_rtl_text(value) or not _LATIN.search(value))


# --- letters -------------------------------------------------------------------------------


def _borderless(table: Any) -> None:
    borders = _el("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_el(f"w:{side}", val="nil"))
    _put(table._tbl.tblPr, borders)


def _letterhead(w: DocxWriter, doc: LetterDoc) -> None:
    """«بسمه تعالی», then a borderless right-to-left table: emblem and letterhead | number block."""
    w.paragraph(BLESSING, bold=True, size=11, align=TA_CENTER, space_after=2)
    table = w.document.add_table(rows=1, cols=3)
    _put(table._tbl.tblPr, _el("w:bidiVisual"))
    _borderless(table)
    right, _middle, left = table.rows[0].cells
    right.width, _middle.width, left.width = Cm(6.0), Cm(5.4), Cm(6.0)
    emblem = right.paragraphs[0]
    emblem.alignment = WD_ALIGN_PARAGRAPH.CENTER
    emblem.add_run().add_picture(str(doc.head.emblem_path), width=Cm(1.9))
    for line in doc.head.lines:
        w.paragraph(line, bold=True, size=10, align=TA_CENTER, space_after=0, container=right)
    first = True
    for label, value in doc.number_block():
        para = left.paragraphs[0] if first else left.add_paragraph()
        first = False
        _put(para._p.get_or_add_pPr(), _el("w:bidi"))
        w.runs(para, label + " ", rtl=True, bold=True, size=10)
        w.runs(para, value, rtl=True, bold=False, size=10)


def _signature(w: DocxWriter, name: str, title: str, *, rtl: bool) -> None:
    """Name and title centred in the end half (the left for Persian) of a borderless table;
    ``NO_SIGNATORY`` in grey for a Persian letter without a signatory."""
    muted = False
    if not name and not title:
        if not rtl:
            return
        name, muted = NO_SIGNATORY, True
    if not rtl:
        w.paragraph(name, rtl=False, bold=True, size=11, space_before=8, space_after=0)
        if title:
            w.paragraph(title, rtl=False, size=11)
        return
    table = w.document.add_table(rows=1, cols=2)
    _put(table._tbl.tblPr, _el("w:bidiVisual"))
    _borderless(table)
    cell = table.rows[0].cells[1]
    cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
    w.paragraph(name, bold=not muted, size=11, align=TA_CENTER, space_before=8, space_after=0,
                muted=muted, container=cell)  # fmt: skip
    if title:
        w.paragraph(title, size=11, align=TA_CENTER, container=cell)


def _english(w: DocxWriter, doc: LetterDoc, en: EnglishPart) -> None:
    para = w.paragraph("", rtl=False, space_before=10)
    bottom = _el("w:pBdr")
    bottom.append(_el("w:bottom", val="single", sz="4", space="1", color="9AA5B1"))
    _put(para._p.get_or_add_pPr(), bottom)
    if doc.head.lines_en:
        w.paragraph(" — ".join(doc.head.lines_en), rtl=False, size=10, align=TA_CENTER,
                    muted=True)  # fmt: skip
    w.paragraph(en.heading, rtl=False, bold=True, size=13, align=TA_CENTER, space_after=6)
    w.paragraph(en.salutation, rtl=False, bold=True, size=11.5, space_after=0)
    if en.title:
        w.paragraph(en.title, rtl=False, size=11)
    for text in en.body:
        w.paragraph(text, rtl=False, size=11, align=TA_LEFT, space_after=4)
    for text in en.after:
        w.paragraph(text, rtl=False, size=10, space_after=2)
    _signature(w, en.signatory_name, en.signatory_title, rtl=False)


def add_letter(w: DocxWriter, doc: LetterDoc) -> None:
    """One letter in the official layout (see ``reports.letter``)."""
    _letterhead(w, doc)
    for line in doc.addressee:
        if line:
            w.paragraph(line, bold=True, size=11.5, space_after=0)
    if doc.subject:
        w.paragraph(f"موضوع: {doc.subject}", bold=True, size=11, space_before=6, space_after=8)
    if doc.greeting:
        w.paragraph(doc.greeting, size=11)
    for text in doc.body:
        w.paragraph(text, size=11, align=TA_JUSTIFY, space_after=4)
    if doc.closing:
        w.paragraph(doc.closing, size=11)
    for text in doc.after:
        w.paragraph(text, size=10, space_after=2)
    name, title = doc.signer
    _signature(w, name, title, rtl=True)
    if doc.cc:
        w.paragraph("رونوشت:", bold=True, size=10, space_before=8, space_after=0)
        for line in doc.cc:
            w.paragraph(f"– {line}", size=9.5, space_after=0, muted=True)
    if doc.english is not None:
        _english(w, doc, doc.english)


def write_letters(path: str | os.PathLike[str], docs: Sequence[LetterDoc]) -> Path:
    """Write ``docs`` to a .docx, one letter per page (no page numbers on a letter)."""
    w = DocxWriter(footer=False)
    for index, doc in enumerate(docs):
        start = len(w.document.paragraphs)
        add_letter(w, doc)
        if index:  # each letter on a page of its own, without an empty paragraph for the break
            w.document.paragraphs[start].paragraph_format.page_break_before = True
    return w.save(path)


# --- a report story ------------------------------------------------------------------------


def _flatten(story: Iterable[Flowable]) -> Iterable[Flowable]:
    for flowable in story:
        inner = getattr(flowable, "_content", None)
        if isinstance(inner, list):  # KeepInFrame, KeepTogether
            yield from _flatten(inner)
        else:
            yield flowable


def add_story(w: DocxWriter, story: Sequence[Flowable]) -> None:
    """Add a report's story: paragraphs with their weight, size and alignment, tables, breaks."""
    for flowable in _flatten(story):
        if isinstance(flowable, RTLParagraph):
            st = flowable.style
            w.paragraph(
                flowable.text,
                rtl=flowable.direction == "rtl",
                bold=st.fontName == FONT_BOLD,
                size=st.fontSize,
                align=st.alignment if st.alignment != TA_RIGHT else None,
                space_after=st.spaceAfter,
                space_before=st.spaceBefore,
            )
        elif isinstance(flowable, RTLTable):
            widths = flowable._widths_for(TEXT_WIDTH / EMU_PER_POINT)  # as the PDF lays it out
            w.table(
                flowable.header,
                flowable.rows,
                rtl=flowable.direction == "rtl",
                widths=[x * EMU_PER_POINT for x in widths],
            )
        elif hasattr(flowable, "word_image"):  # a drawing (the atlas map): a picture
            png, width = flowable.word_image()
            w.picture(png, width_pt=min(width, TEXT_WIDTH / EMU_PER_POINT))
        elif hasattr(flowable, "word_lines"):  # a drawn key: its lines as text
            for line in flowable.word_lines():
                w.paragraph(line, size=9, space_after=2)
        elif isinstance(flowable, PageBreak):
            w.page_break()
        elif isinstance(flowable, HRFlowable):
            w.paragraph("", space_after=2)


def write_story(path: str | os.PathLike[str], story: Sequence[Flowable], *, title: str) -> Path:
    """Write a report story to a .docx with its title on top and page numbers in the footer."""
    w = DocxWriter()
    w.document.core_properties.title = title
    w.paragraph(title, bold=True, size=16, align=TA_CENTER, space_after=10)
    add_story(w, story)
    return w.save(path)
