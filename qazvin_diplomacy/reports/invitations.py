"""Personalised bilingual invitation letters (دعوت‌نامه): one page per guest, one PDF (or .docx).

Each page is an official letter (``reports.letter``): «بسمه تعالی», the office's emblem and
letterhead, the «شماره / تاریخ / پیوست» block — every letter numbered from the outgoing-letters
register (printing again reuses the number given to that guest's letter) — the Persian
letter (honorific and name, the title with «محترم» for a head of mission, the event «به اتفاق
همسر محترم» when the guest brings a companion, the Jalali date in long form with the weekday
and the Gregorian date, time, venue, the R.S.V.P. deadline and telephone, the host's signature)
and the English letter (left to right and left-aligned: "H.E. Mr. …", the Gregorian date with
the Jalali one, the venue and organiser in English — never Persian in the English half).
Letters follow the order of precedence; guests who declined get none, and neither do the
hosts of the event's tables (the signatory among them).  A page never overflows: a letter
too long for it is shrunk to fit.  The printed file is kept with each letter in the register.
CLI: ``report invitations --event ID [--rsvp-by DATE] --out FILE.pdf|FILE.docx``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus.flowables import Flowable, KeepInFrame, PageBreak

from qazvin_diplomacy.core.clock import today_local
from qazvin_diplomacy.core.directory import DiplomaticRank
from qazvin_diplomacy.core.events import InvitationLetter
from qazvin_diplomacy.core.jalali import format_gregorian, format_jalali
from qazvin_diplomacy.core.letters import LetterInput, LetterKind, LetterLink, LetterView
from qazvin_diplomacy.core.text import bidi_isolate, is_probably_latin
from qazvin_diplomacy.reports.catalog import Option, ReportContent, ReportSpec, paragraph
from qazvin_diplomacy.reports.event_guests import EVENT_OPTION, report_data
from qazvin_diplomacy.reports.letter import EnglishPart, LetterDoc, Letterhead, letter_story
from qazvin_diplomacy.reports.official_letter import letterhead
from qazvin_diplomacy.reports.page import MARGIN_BOTTOM, MARGIN_TOP
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.services.events import get_event, invitation_letters
from qazvin_diplomacy.services.letters import (
    get_office_settings,
    keep_printed_copy,
    register_letter,
)

TITLE = "دعوت‌نامه"
FRAME_W = 17.8 * cm
FRAME_H = 29.7 * cm - MARGIN_TOP - MARGIN_BOTTOM
GOVERNORATE_FA = "استانداری قزوین"
GOVERNORATE_EN = "Governorate of Qazvin"
OFFICE_FA = "دفتر امور بین‌الملل استانداری قزوین"
OFFICE_EN = "International Affairs Office, Governorate of Qazvin"
#: Days before the event by which guests are asked to reply, unless the office gives a date.
RSVP_DAYS = 3
NBSP = "\u00a0"
#: Ranks whose title takes «محترم» («سفیر محترم …»).
_HEADS_OF_MISSION = {
    DiplomaticRank.AMBASSADOR.value,
    DiplomaticRank.ENVOY.value,
    DiplomaticRank.CHARGE_DAFFAIRES.value,
    DiplomaticRank.CHARGE_AD_INTERIM.value,
}
_RANK_WORDS = ("سفیر", "وزیرمختار", "کاردار موقت", "کاردار")


@dataclass(frozen=True)
class Reply:
    """What the R.S.V.P. lines say: the deadline (None: none printed) and the telephone."""

    by: dt.date | None = None
    phone: str = ""


def you_fa(letter: InvitationLetter) -> str:
    """«سرکار عالی» for a lady (honorific «سرکار خانم»), else «جنابعالی»."""
    return "سرکار عالی" if letter.guest.honorific_fa.startswith("سرکار") else "جنابعالی"


def title_fa(letter: InvitationLetter) -> str:
    """The guest's title; a head of mission's with «محترم» after the rank («سفیر محترم …»)."""
    g = letter.guest
    title = g.title_fa
    if g.diplomatic_rank not in _HEADS_OF_MISSION or "محترم" in title:
        return title
    for word in _RANK_WORDS:
        if title.startswith(word):
            return f"{word} محترم{title[len(word) :]}"
    if not title:
        rank = DiplomaticRank(g.diplomatic_rank).label_fa
        country = g.country_name_fa
        return f"{rank} محترم {country}".strip() if country else f"{rank} محترم"
    return f"{title} محترم"


def companions_fa(letter: InvitationLetter) -> str:
    """« به اتفاق همسر محترم» for one companion, « به اتفاق همراهان محترم» for more."""
    n = letter.guest.companions
    if n <= 0:
        return ""
    return " به اتفاق همسر محترم" if n == 1 else " به اتفاق همراهان محترم"


def companions_en(letter: InvitationLetter) -> str:
    """ " and spouse" / " and party" after the guest's name."""
    n = letter.guest.companions
    if n <= 0:
        return ""
    return " and spouse" if n == 1 else " and party"


def organizer_en(letter: InvitationLetter) -> str:
    """The organiser's English name matching the Persian one ('' when none is recorded).

    The service falls back to the Persian name; the English half never prints Persian.
    The governorate itself is named in English even where no English name was typed.
    """
    name = letter.organizer_en
    if name and is_probably_latin(name):
        return name
    if GOVERNORATE_FA in letter.organizer_fa:
        return OFFICE_EN if "بین‌الملل" in letter.organizer_fa else GOVERNORATE_EN
    return ""


def body_fa(letter: InvitationLetter) -> str:
    """The Persian invitation sentence."""
    dates = letter.dates
    when = f"روز {dates.jalali_fa} برابر با {dates.gregorian_fa}"
    if dates.time_fa:
        when += ("، از ساعت " if " تا " in dates.time_fa else "، ساعت ") + dates.time_fa
    where = f" در {letter.venue_fa}" if letter.venue_fa else ""
    return (
        f"بدین‌وسیله از {you_fa(letter)} دعوت می‌شود{companions_fa(letter)} در "
        f"«{letter.event_title_fa}» که {when}{where} برگزار می‌شود، حضور به هم رسانید."
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
        f"{host} requests the pleasure of the company of {letter.salutation_en}"
        f"{companions_en(letter)} at the {letter.event_title_en} {when}{where}."
    )


def rsvp_fa(reply: Reply) -> str:
    """The Persian R.S.V.P. line with its deadline and telephone."""
    by = f" تا {format_jalali(reply.by, long=True, weekday=True)}" if reply.by else ""
    # The number is one left-to-right piece that never breaks across lines.
    phone = f" (تلفن {bidi_isolate(reply.phone.replace(' ', NBSP))})" if reply.phone else ""
    return f"خواهشمند است{by} پاسخ خود را به {OFFICE_FA}{phone} اعلام فرمایید."


def rsvp_en(reply: Reply) -> str:
    """The English R.S.V.P. line."""
    by = f" by {format_gregorian(reply.by, weekday=True)}" if reply.by else ""
    phone = f", tel. {reply.phone}" if reply.phone else ""
    return f"R.S.V.P.{by} — {OFFICE_EN}{phone}"


def letter_doc(
    letter: InvitationLetter, head: Letterhead, number: str, day: dt.date, reply: Reply
) -> LetterDoc:
    """One invitation in the official layout, its English half below the Persian."""
    after = []
    if letter.organizer_fa:
        after.append(f"برگزارکننده: {letter.organizer_fa}")
    after.append(rsvp_fa(reply))
    after_en = []
    organiser = organizer_en(letter)
    if organiser:
        after_en.append(f"Organised by {organiser}.")
    after_en.append(rsvp_en(reply))
    return LetterDoc(
        head=head,
        number=number,
        date=day,
        addressee=(letter.salutation_fa, title_fa(letter)),
        subject=f"دعوت به «{letter.event_title_fa}»",
        body=(body_fa(letter),),
        after=tuple(after),
        signatory_name=letter.host_name_fa,
        signatory_title=letter.host_title_fa if letter.host_name_fa else "",
        english=EnglishPart(
            heading="Invitation",
            salutation=letter.salutation_en + companions_en(letter),
            title=letter.guest.title_en,
            body=(body_en(letter),),
            after=tuple(after_en),
            signatory_name=letter.host_name_en,
            signatory_title=letter.host_title_en if letter.host_name_en else "",
        ),
    )


def build(docs: Sequence[LetterDoc]) -> list[Flowable]:
    """A page per letter, each kept in one frame (shrunk if it had to be)."""
    if not docs:
        return [paragraph("کسی برای دعوت‌نامه نیست: مهمانی دعوت نشده یا همه دعوت را رد کرده‌اند.")]
    story: list[Flowable] = []
    for doc in docs:
        if story:
            story.append(PageBreak())
        story.append(KeepInFrame(FRAME_W, FRAME_H - 2, letter_story(doc, FRAME_W), mode="shrink"))
    return story


def letters_for(db: DatabaseHandle, event_id: int) -> list[InvitationLetter]:
    """The service's letters without the table hosts (no one invites the host)."""
    hosts = {t.host_key for t in get_event(db, event_id).tables if t.host_key is not None}
    return [
        letter
        for letter in invitation_letters(db, event_id=event_id)
        if letter.guest.person_id not in hosts
    ]


def source_key(event_id: int, letter: InvitationLetter) -> str:
    """What the register knows a guest's invitation by: printing it again reuses its number."""
    return f"invitation:event:{event_id}:guest:{letter.guest.id}"


def register(db: DatabaseHandle, event_id: int, letters: Sequence[InvitationLetter],
             day: dt.date) -> list[LetterView]:  # fmt: skip
    """The register's letter of each invitation (numbered now, or as numbered before)."""
    return [
        register_letter(
            db,
            letter=LetterInput(
                kind=LetterKind.INVITATION,
                date=day,
                addressee=letter.salutation_fa,
                subject=f"دعوت به «{letter.event_title_fa}»",
                link_kind=LetterLink.EVENT,
                link_id=event_id,
            ),
            source_key=source_key(event_id, letter),
        )
        for letter in letters
    ]


def default_rsvp_by(start: dt.date, today: dt.date) -> dt.date | None:
    """``RSVP_DAYS`` before the event, not before today; None once the event has begun."""
    if start <= today:
        return None
    return max(start - dt.timedelta(days=RSVP_DAYS), today)


def make(db: DatabaseHandle, options: Mapping[str, Any]) -> ReportContent:
    """The letters of the event, portrait, each numbered in the register."""
    event_id = options["event"]
    report_data(db, event_id)  # NotFoundError before any work
    letters = letters_for(db, event_id)
    today = today_local()
    views = register(db, event_id, letters, today)
    head = letterhead(db)
    phone = get_office_settings(db).rsvp_phone
    start = get_event(db, event_id).start_date
    reply = Reply(options.get("rsvp_by") or default_rsvp_by(start, today), phone)
    docs = [
        letter_doc(letter, head, view.number, view.date, reply)
        for letter, view in zip(letters, views, strict=True)
    ]

    def word(path: Path) -> Path:
        from qazvin_diplomacy.reports.docx import write_letters

        return write_letters(path, docs)

    def keep(path: Path) -> None:
        for view in views:
            keep_printed_copy(db, letter_id=view.id, path=path, description="دعوت‌نامه‌های رویداد")

    return ReportContent(build(docs), TITLE, furniture="none", word=word, on_written=keep)


SPEC = ReportSpec(
    kind="invitations",
    title_fa="دعوت‌نامه‌ها",
    title_en="Invitation letters",
    options=(
        EVENT_OPTION,
        Option(
            "rsvp_by",
            "date",
            "مهلت پاسخ",
            "reply by (Jalali date; default 3 days before)",
            required=False,
        ),
    ),  # fmt: skip
    make=make,
    docx=True,
    registers_letters=True,
)
