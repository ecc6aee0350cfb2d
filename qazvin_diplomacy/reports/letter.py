"""The official letter layout (نامهٔ اداری) shared by every letter the office sends.

A letter is a :class:`LetterDoc` — what it says, independent of the output — laid out here
for the PDF (``letter_story``) and in ``reports.docx`` for Word:

- «بسمه تعالی» centred above everything;
- the office's emblem at the right with its letterhead lines under it;
- the «شماره / تاریخ / پیوست» block at the left (number from the outgoing-letters register);
- the addressee, «موضوع», the greeting, the body (justified), the closing;
- the signature block (signatory's name and title) at the left;
- the «رونوشت» list at the foot.

An English part (invitations) follows a rule, left to right and left-aligned: English is
never stretched to the margin.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.platypus.flowables import Flowable, HRFlowable, Spacer

from qazvin_diplomacy.core.jalali import format_jalali
from qazvin_diplomacy.core.letters import BLESSING, OfficeSettings
from qazvin_diplomacy.paths import resources_dir
from qazvin_diplomacy.reports.fonts import FONT_BOLD, FONT_REGULAR
from qazvin_diplomacy.reports.rtl import text_width
from qazvin_diplomacy.reports.rtl_draw import RTLParagraph, draw_text
from qazvin_diplomacy.reports.styles import GRID_COLOR, MUTED_COLOR, TEXT_COLOR, scaled, style

#: What «پیوست» says when a letter has none.
NO_ATTACHMENTS = "ندارد"
EMPTY = "—"


def default_emblem() -> Path:
    """The neutral emblem bundled with the application (used until the office sets its own)."""
    return resources_dir() / "letters" / "emblem.png"


@dataclass(frozen=True)
class Letterhead:
    """The office's part of every letter: letterhead lines, emblem and signatory."""

    lines: tuple[str, ...]
    lines_en: tuple[str, ...] = ()
    emblem: Path | None = None
    signatory_name: str = ""
    signatory_title: str = ""

    @classmethod
    def of(cls, settings: OfficeSettings, emblem: Path | None) -> Letterhead:
        """The letterhead the office set (``emblem`` None: the neutral default)."""
        return cls(
            lines=settings.letterhead,
            lines_en=settings.letterhead_en,
            emblem=emblem,
            signatory_name=settings.signatory_name,
            signatory_title=settings.signatory_title,
        )

    @property
    def emblem_path(self) -> Path:
        """The image to print."""
        return self.emblem or default_emblem()


@dataclass(frozen=True)
class EnglishPart:
    """The English half of a bilingual letter (left to right)."""

    heading: str
    salutation: str
    title: str = ""
    body: tuple[str, ...] = ()
    after: tuple[str, ...] = ()  # smaller lines: organiser, R.S.V.P.
    signatory_name: str = ""
    signatory_title: str = ""


@dataclass(frozen=True)
class LetterDoc:
    """One letter, whatever it is printed to."""

    head: Letterhead
    number: str
    date: dt.date
    addressee: tuple[str, ...]
    subject: str
    body: tuple[str, ...]
    attachments: str = NO_ATTACHMENTS
    greeting: str = "با سلام و احترام،"
    closing: str = ""
    after: tuple[str, ...] = ()  # smaller lines after the body (R.S.V.P. …)
    signatory_name: str = ""  # '' : the office's signatory
    signatory_title: str = ""
    cc: tuple[str, ...] = ()
    english: EnglishPart | None = None

    @property
    def date_fa(self) -> str:
        """The letter's Jalali date, «۱۴۰۵/۰۲/۱۰»."""
        return format_jalali(self.date)

    @property
    def signer(self) -> tuple[str, str]:
        """(name, title) of whoever signs: the letter's own or the office's signatory."""
        if self.signatory_name:
            return self.signatory_name, self.signatory_title
        return self.head.signatory_name, self.head.signatory_title

    def number_block(self) -> list[tuple[str, str]]:
        """(label, value) lines of the «شماره / تاریخ / پیوست» block."""
        return [
            ("شماره:", self.number or EMPTY),
            ("تاریخ:", self.date_fa),
            ("پیوست:", self.attachments or NO_ATTACHMENTS),
        ]


# --- the PDF layout ------------------------------------------------------------------------

_ADDRESSEE = scaled(style("bold"), 12.5, spaceAfter=0)
_SUBJECT = scaled(style("bold"), 12, spaceBefore=6, spaceAfter=8)
_GREETING = scaled(style("body_right"), 12, spaceAfter=4)
_BODY = scaled(style("body"), 12, spaceAfter=6)
_AFTER = scaled(style("body_right"), 10.5, spaceAfter=2)
#: Printed where the signature block goes when the office has set no signatory.
NO_SIGNATORY = "(امضاکننده تعیین نشده است)"
_SIGN_NAME = ParagraphStyle("letter_sign", parent=scaled(style("bold"), 12), alignment=TA_CENTER)
_SIGN_TITLE = ParagraphStyle(
    "letter_sign_title", parent=scaled(style("body_right"), 11), alignment=TA_CENTER, spaceAfter=0
)
_CC_HEAD = scaled(style("bold"), 10, spaceBefore=14, spaceAfter=0)
_CC = scaled(style("body_right"), 9.5, spaceAfter=0, textColor=MUTED_COLOR)
_EN_HEAD = ParagraphStyle(
    "letter_en_head", parent=scaled(style("body_right"), 10.5), alignment=TA_CENTER,
    textColor=MUTED_COLOR, spaceAfter=0,
)  # fmt: skip
_EN_TITLE = ParagraphStyle("letter_en_title", parent=scaled(style("title"), 15), spaceAfter=6)
_EN_BOLD = ParagraphStyle("letter_en_bold", parent=_ADDRESSEE, alignment=TA_LEFT)
_EN_LEFT = ParagraphStyle("letter_en_left", parent=_GREETING, alignment=TA_LEFT, spaceAfter=2)
# English is left-aligned, not justified: a justified Latin line in a narrow measure gets
# rivers of space ("stretched"), which a typesetter sends back.
_EN_BODY = ParagraphStyle("letter_en_body", parent=_BODY, alignment=TA_LEFT)
_EN_AFTER = ParagraphStyle("letter_en_after", parent=_AFTER, alignment=TA_LEFT)
_EN_SIGN = ParagraphStyle("letter_en_sign", parent=_SIGN_NAME, alignment=TA_LEFT)
_EN_SIGN_TITLE = ParagraphStyle("letter_en_sign_title", parent=_SIGN_TITLE, alignment=TA_LEFT)

EMBLEM_SIZE = 1.9 * cm
_HEAD_LINE = 0.52 * cm


class LetterheadFlowable(Flowable):
    """«بسمه تعالی», the emblem and letterhead lines (right), the number block (left)."""

    def __init__(self, doc: LetterDoc) -> None:
        super().__init__()
        self.doc = doc

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Flowable.wrap: the frame's width, a fixed height for the lines it holds."""
        self.width = availWidth
        lines = max(len(self.doc.head.lines), 1)
        self.height = 0.75 * cm + EMBLEM_SIZE + lines * _HEAD_LINE + 0.15 * cm
        return self.width, self.height

    def draw(self) -> None:
        """Flowable.draw."""
        c, doc, w, h = self.canv, self.doc, self.width, self.height
        c.saveState()
        c.setFillColor(TEXT_COLOR)
        draw_text(c, BLESSING, w / 2, h - 0.45 * cm, font_name=FONT_BOLD, font_size=12,
                  align="center")  # fmt: skip
        # Emblem and letterhead lines: a column at the right, centred under the emblem.
        widths = [text_width(t, FONT_BOLD, 10.5) for t in doc.head.lines]
        column = max([EMBLEM_SIZE, *widths])
        centre = w - column / 2
        top = h - 0.75 * cm
        c.drawImage(
            ImageReader(str(doc.head.emblem_path)), centre - EMBLEM_SIZE / 2, top - EMBLEM_SIZE,
            EMBLEM_SIZE, EMBLEM_SIZE, mask="auto", preserveAspectRatio=True,
        )  # fmt: skip
        y = top - EMBLEM_SIZE - 0.45 * cm
        for text in doc.head.lines:
            draw_text(c, text, centre, y, font_name=FONT_BOLD, font_size=10.5, align="center")
            y -= _HEAD_LINE
        # The number block at the left: labels in one column, values right-aligned beside them.
        size = 10.5
        label_w = max(text_width(label, FONT_BOLD, size) for label, _ in doc.number_block())
        value_w = max(text_width(v, FONT_REGULAR, size) for _, v in doc.number_block())
        right = max(5.2 * cm, value_w + label_w + 0.3 * cm)
        y = top - 0.35 * cm
        for label, value in doc.number_block():
            draw_text(c, label, right, y, font_name=FONT_BOLD, font_size=size, align="right")
            draw_text(c, value, right - label_w - 0.2 * cm, y, font_name=FONT_REGULAR,
                      font_size=size, align="right")  # fmt: skip
            y -= 0.62 * cm
        c.restoreState()


def _signature(name: str, title: str, name_style: ParagraphStyle, title_style: ParagraphStyle,
               frame_width: float, direction: str) -> list[Flowable]:  # fmt: skip
    """The signature block: centred in the left 42% of the frame (English: flush left).

    With no signatory (none in the letter settings) the block is ``NO_SIGNATORY`` in grey:
    a letter is not left unsigned without anyone noticing."""
    if not name and not title:
        if direction != "rtl":
            return []
        name, name_style = (
            NO_SIGNATORY,
            ParagraphStyle("letter_sign_missing", parent=title_style, textColor=MUTED_COLOR),
        )
    indent = frame_width * 0.58 if direction == "rtl" else 0
    flow: list[Flowable] = [Spacer(1, 14)]
    for text, base in ((name, name_style), (title, title_style)):
        if text:
            st = ParagraphStyle(f"{base.name}_{direction}", parent=base, rightIndent=indent)
            flow.append(RTLParagraph(text, st, direction=direction))  # type: ignore[arg-type]
    return flow


def letter_story(doc: LetterDoc, frame_width: float) -> list[Flowable]:
    """The flowables of one letter (its letterhead first)."""
    story: list[Flowable] = [LetterheadFlowable(doc), Spacer(1, 10)]
    story += [RTLParagraph(line, _ADDRESSEE) for line in doc.addressee if line]
    if doc.subject:
        story.append(RTLParagraph(f"موضوع: {doc.subject}", _SUBJECT))
    else:
        story.append(Spacer(1, 8))
    if doc.greeting:
        story.append(RTLParagraph(doc.greeting, _GREETING))
    story += [RTLParagraph(p, _BODY) for p in doc.body if p]
    if doc.closing:
        story.append(RTLParagraph(doc.closing, _GREETING))
    story += [RTLParagraph(line, _AFTER) for line in doc.after if line]
    name, title = doc.signer
    story += _signature(name, title, _SIGN_NAME, _SIGN_TITLE, frame_width, "rtl")
    if doc.cc:
        story.append(RTLParagraph("رونوشت:", _CC_HEAD))
        story += [RTLParagraph(f"– {line}", _CC) for line in doc.cc if line]
    if doc.english is not None:
        story += english_story(doc, doc.english, frame_width)
    return story


def english_story(doc: LetterDoc, en: EnglishPart, frame_width: float) -> list[Flowable]:
    """The English half: a rule, the English letterhead, the letter, left-aligned."""
    story: list[Flowable] = [
        HRFlowable(width="100%", thickness=0.6, color=GRID_COLOR, spaceBefore=14, spaceAfter=8)
    ]
    if doc.head.lines_en:
        story.append(RTLParagraph(" — ".join(doc.head.lines_en), _EN_HEAD, direction="ltr"))
    story.append(RTLParagraph(en.heading, _EN_TITLE, direction="ltr"))
    story.append(RTLParagraph(en.salutation, _EN_BOLD, direction="ltr"))
    if en.title:
        story.append(RTLParagraph(en.title, _EN_LEFT, direction="ltr"))
    story.append(Spacer(1, 6))
    story += [RTLParagraph(p, _EN_BODY, direction="ltr") for p in en.body if p]
    story += [RTLParagraph(p, _EN_AFTER, direction="ltr") for p in en.after if p]
    story += _signature(en.signatory_name, en.signatory_title, _EN_SIGN, _EN_SIGN_TITLE,
                        frame_width, "ltr")  # fmt: skip
    return story


__all__ = [
    "NO_ATTACHMENTS",
    "EnglishPart",
    "LetterDoc",
    "Letterhead",
    "LetterheadFlowable",
    "default_emblem",
    "english_story",
    "letter_story",
]
