"""Personalised bilingual invitation letters (دعوت‌نامه): one page per guest, one PDF.

Each page carries the governorate's letterhead (the page header in Persian, a line in
English above the English half), the Persian letter (right to
left: honorific, name and title, the event, the Jalali date in long form with the weekday and
the Gregorian date beside it, time, venue, the host's signature block) and the English letter
(left to right: "H.E. Mr. …", the Gregorian date with the Jalali one beside it, the venue in
English).  Letters follow the order of precedence; guests who declined get none, and neither
do the hosts of the event's tables (the signatory among them).  A page never overflows: a
letter too long for it is shrunk to fit.  CLI: ``report invitations --event ID``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus.flowables import Flowable, HRFlowable, KeepInFrame, PageBreak, Spacer

from qazvin_diplomacy.core.events import InvitationLetter
from qazvin_diplomacy.reports.catalog import ReportContent, ReportSpec, paragraph
from qazvin_diplomacy.reports.event_guests import EVENT_OPTION, report_data
from qazvin_diplomacy.reports.page import HEADING_EN, MARGIN_BOTTOM, MARGIN_TOP
from qazvin_diplomacy.reports.rtl import RTLParagraph
from qazvin_diplomacy.reports.styles import GRID_COLOR, MUTED_COLOR, scaled, style
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.services.events import get_event, invitation_letters

TITLE = "دعوت‌نامه"
FRAME_W = 17.8 * cm
FRAME_H = 29.7 * cm - MARGIN_TOP - MARGIN_BOTTOM
GOVERNORATE_EN = "Governorate of Qazvin"
RSVP_FA = "خواهشمند است پاسخ خود را به دفتر امور بین‌الملل استانداری قزوین اعلام فرمایید."
RSVP_EN = "R.S.V.P. — International Affairs Office, Governorate of Qazvin"

_CENTER_EN = ParagraphStyle("inv_center_en", parent=scaled(style("body_right"), 11),
                            alignment=TA_CENTER, textColor=MUTED_COLOR, spaceAfter=0)  # fmt: skip
_TITLE_FA = scaled(style("title"), 18, spaceBefore=4, spaceAfter=10)
_BOLD_FA = scaled(style("bold"), 13, spaceAfter=0)
_BODY_FA = scaled(style("body"), 12.5, spaceAfter=6)
_RIGHT_FA = scaled(style("body_right"), 12, spaceAfter=3)
_SIGN_FA = ParagraphStyle("inv_sign_fa", parent=_BOLD_FA, alignment=TA_LEFT)
_SIGN_TITLE_FA = ParagraphStyle("inv_sign_title_fa", parent=_RIGHT_FA, alignment=TA_LEFT)
_TITLE_EN = ParagraphStyle("inv_title_en", parent=_TITLE_FA, alignment=TA_CENTER)
_BOLD_EN = ParagraphStyle("inv_bold_en", parent=_BOLD_FA, alignment=TA_LEFT)
_LEFT_EN = ParagraphStyle("inv_left_en", parent=_RIGHT_FA, alignment=TA_LEFT)
_BODY_EN = ParagraphStyle("inv_body_en", parent=_BODY_FA, alignment=TA_JUSTIFY)


def _fa(text: str, st: ParagraphStyle) -> RTLParagraph:
    return RTLParagraph(text, st)


def _en(text: str, st: ParagraphStyle) -> RTLParagraph:
    return RTLParagraph(text, st, direction="ltr")


def you_fa(letter: InvitationLetter) -> str:
    """«سرکار عالی» for a lady (honorific «سرکار خانم»), else «جنابعالی»."""
    return "سرکار عالی" if letter.guest.honorific_fa.startswith("سرکار") else "جنابعالی"


def body_fa(letter: InvitationLetter) -> str:
    """The Persian invitation sentence."""
    dates = letter.dates
    when = f"روز {dates.jalali_fa} برابر با {dates.gregorian_fa}"
    if dates.time_fa:
        when += ("، از ساعت " if " تا " in dates.time_fa else "، ساعت ") + dates.time_fa
    where = f" در {letter.venue_fa}" if letter.venue_fa else ""
    return (
        f"بدین‌وسیله از {you_fa(letter)} دعوت می‌شود در «{letter.event_title_fa}» که {when}"
        f"{where} برگزار می‌شود، حضور به هم رسانید."
    )


def body_en(letter: InvitationLetter) -> str:
    """The English invitation sentence (third person, as formal invitations are)."""
    dates = letter.dates
    host = (
        f"{letter.host_name_en}, {letter.host_title_en},"
        if letter.host_name_en and letter.host_title_en
        else (letter.host_name_en or "The " + GOVERNORATE_EN)
    )
    when = f"on {dates.gregorian_en} ({dates.jalali_en})"
    if dates.time_en:
        start, _, end = dates.time_en.partition("–")
        when += f" from {start} to {end}" if end else f" at {start}"
    if letter.venue_en:
        where = f", at {letter.venue_en}"
    elif letter.venue_fa:  # no English name recorded: never Persian in the English half
        where = ", at the venue given in the Persian text above"
    else:
        where = ""
    return (
        f"{host} requests the pleasure of the company of {letter.salutation_en} "
        f"at the {letter.event_title_en} {when}{where}."
    )


def letter_story(letter: InvitationLetter) -> list[Flowable]:
    """One letter: letterhead, the Persian half, a rule, the English half."""
    g = letter.guest
    story: list[Flowable] = [
        # Persian half (the page header above is the Persian letterhead).
        Spacer(1, 8),
        _fa(letter.salutation_fa, _BOLD_FA),
    ]
    if g.title_fa:
        story.append(_fa(g.title_fa, _RIGHT_FA))
    story += [Spacer(1, 6), _fa("با سلام و احترام،", _RIGHT_FA), _fa(body_fa(letter), _BODY_FA)]
    if letter.organizer_fa:
        story.append(_fa(f"برگزارکننده: {letter.organizer_fa}", _RIGHT_FA))
    story.append(_fa(RSVP_FA, _RIGHT_FA))
    if letter.host_name_fa:
        story += [Spacer(1, 10), _fa(letter.host_name_fa, _SIGN_FA)]
        if letter.host_title_fa:
            story.append(_fa(letter.host_title_fa, _SIGN_TITLE_FA))
    story.append(
        HRFlowable(width="100%", thickness=0.6, color=GRID_COLOR, spaceBefore=18, spaceAfter=10)
    )
    # English half.
    story += [
        _en(HEADING_EN.replace("Qazvin Governorate", GOVERNORATE_EN), _CENTER_EN),
        _en("Invitation", _TITLE_EN),
        _en(letter.salutation_en, _BOLD_EN),
    ]
    if g.title_en:
        story.append(_en(g.title_en, _LEFT_EN))
    story += [Spacer(1, 6), _en(body_en(letter), _BODY_EN)]
    if letter.organizer_en:
        story.append(_en(f"Organised by {letter.organizer_en}.", _LEFT_EN))
    story.append(_en(RSVP_EN, _LEFT_EN))
    return story


def build(letters: Sequence[InvitationLetter]) -> list[Flowable]:
    """A page per letter, each kept in one frame (shrunk if it had to be)."""
    if not letters:
        return [paragraph("کسی برای دعوت‌نامه نیست: مهمانی دعوت نشده یا همه دعوت را رد کرده‌اند.")]
    story: list[Flowable] = []
    for letter in letters:
        if story:
            story.append(PageBreak())
        story.append(KeepInFrame(FRAME_W, FRAME_H - 2, letter_story(letter), mode="shrink"))
    return story


def letters_for(db: DatabaseHandle, event_id: int) -> list[InvitationLetter]:
    """The service's letters without the table hosts (no one invites the host)."""
    hosts = {t.host_key for t in get_event(db, event_id).tables if t.host_key is not None}
    return [
        letter
        for letter in invitation_letters(db, event_id=event_id)
        if letter.guest.person_id not in hosts
    ]


def make(db: DatabaseHandle, options: Mapping[str, Any]) -> ReportContent:
    """The letters of the event, portrait."""
    report_data(db, options["event"])  # NotFoundError before any work
    return ReportContent(build(letters_for(db, options["event"])), TITLE, furniture="letter")


SPEC = ReportSpec(
    kind="invitations",
    title_fa="دعوت‌نامه‌ها",
    title_en="Invitation letters",
    options=(EVENT_OPTION,),
    make=make,
)
