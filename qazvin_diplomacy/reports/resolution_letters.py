"""Letters notifying each body of a meeting's resolutions (ابلاغ مصوبات), one per body.

Each letter lists the resolutions the body is responsible (or co-responsible) for, with their
deadlines, and is numbered from the outgoing-letters register (printing again keeps the
number: the register knows it by meeting and body).  A letter numbered now is written into
the follow-up log of each of its resolutions («ارسال نامه» with the letter's number).
CLI: ``report resolution-letters --meeting ID --out F.pdf|F.docx``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from reportlab.platypus import KeepInFrame, PageBreak
from reportlab.platypus.flowables import Flowable

from qazvin_diplomacy.core.clock import today_local
from qazvin_diplomacy.core.jalali import format_jalali
from qazvin_diplomacy.core.letters import LetterInput, LetterKind, LetterLink, LetterView
from qazvin_diplomacy.core.meetings import LogKind, ResolutionLogInput
from qazvin_diplomacy.core.text import to_persian_digits
from qazvin_diplomacy.reports.catalog import ReportContent, ReportSpec, paragraph
from qazvin_diplomacy.reports.invitations import FRAME_H
from qazvin_diplomacy.reports.letter import LetterDoc, Letterhead, letter_story
from qazvin_diplomacy.reports.minutes import MEETING_OPTION
from qazvin_diplomacy.reports.official_letter import CLOSING, FRAME_W, letterhead
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.services.letters import find_letter, keep_printed_copy, register_letter
from qazvin_diplomacy.services.meetings import (
    BodyLetter,
    ResolutionLetters,
    add_log_entry,
    letter_source_key,
    resolution_letters,
)

TITLE = "ابلاغ مصوبات جلسه"


def subject(data: ResolutionLetters) -> str:
    """«ابلاغ مصوبات جلسهٔ ۱۰۷ شورای گفت‌وگوی دولت و بخش خصوصی»."""
    m = data.meeting
    return f"ابلاغ مصوبات جلسهٔ {to_persian_digits(m.number)} {m.series_name_fa}"


def body_paragraphs(data: ResolutionLetters, letter: BodyLetter) -> tuple[str, ...]:
    """The letter's text: what the meeting decided for the body, one line per resolution."""
    m = data.meeting
    intro = (
        f"بدین‌وسیله مصوبات جلسهٔ {to_persian_digits(m.number)} {m.series_name_fa} مورخ "
        f"{format_jalali(m.meeting_date, long=True)} که انجام آن بر عهدهٔ آن دستگاه است، "
        "برای اقدام اعلام می‌شود:"
    )
    lines = []
    for r, co in zip(letter.resolutions, letter.co, strict=True):
        due = f" — مهلت: {format_jalali(r.deadline)}" if r.deadline else ""
        role = f" (همکاری با {r.responsible_name})" if co and r.responsible_name else ""
        lines.append(f"مصوبهٔ {r.number}: {r.text}{role}{due}")
    outro = (
        "خواهشمند است دستور فرمایید اقدام لازم در مهلت مقرر انجام و نتیجه به دبیرخانهٔ "
        "دیپلماسی اقتصادی استان اعلام شود."
    )
    return (intro, *lines, outro)


def letter_docs(
    data: ResolutionLetters, views: list[LetterView], head: Letterhead
) -> list[LetterDoc]:
    """One letter document per body, with its register number."""
    return [
        LetterDoc(
            head=head,
            number=view.number,
            date=view.date,
            addressee=(letter.name_fa,),
            subject=subject(data),
            body=body_paragraphs(data, letter),
            closing=CLOSING,
        )
        for letter, view in zip(data.letters, views, strict=True)
    ]


def register(db: DatabaseHandle, data: ResolutionLetters) -> list[LetterView]:
    """Each body's letter from the register (numbered now or before); a letter numbered now
    is logged as sent on each of its resolutions."""
    views = []
    today = today_local()
    meeting_id = data.meeting.id
    assert meeting_id is not None
    for letter in data.letters:
        key = letter_source_key(meeting_id, letter.organization_id)
        known = find_letter(db, source_key=key)
        view = known or register_letter(
            db,
            letter=LetterInput(
                kind=LetterKind.LETTER,
                date=today,
                addressee=letter.name_fa,
                subject=subject(data),
                link_kind=LetterLink.MEETING,
                link_id=meeting_id,
                body="\n".join(body_paragraphs(data, letter)),
            ),
            source_key=key,
        )
        if known is None:
            for r in letter.resolutions:
                assert r.id is not None
                add_log_entry(
                    db,
                    entry=ResolutionLogInput(
                        r.id,
                        LogKind.LETTER_SENT.value,
                        view.date,
                        view.number,
                        f"ابلاغ به {letter.name_fa}",
                    ),
                )
        views.append(view)
    return views


def build(docs: list[LetterDoc]) -> list[Flowable]:
    """A page per letter, each kept in one frame (shrunk if it had to be)."""
    if not docs:
        return [paragraph("این جلسه مصوبه‌ای با دستگاه مسئول ندارد؛ نامه‌ای برای ابلاغ نیست.")]
    story: list[Flowable] = []
    for doc in docs:
        if story:
            story.append(PageBreak())
        story.append(KeepInFrame(FRAME_W, FRAME_H, letter_story(doc, FRAME_W), mode="shrink"))
    return story


def make(db: DatabaseHandle, options: Mapping[str, Any]) -> ReportContent:
    """The letters of ``--meeting``, numbered in the register."""
    data = resolution_letters(db, meeting_id=options["meeting"])
    views = register(db, data)
    docs = letter_docs(data, views, letterhead(db))

    def word(path: Path) -> Path:
        from qazvin_diplomacy.reports.docx import write_letters

        return write_letters(path, docs)

    def keep(path: Path) -> None:
        for view in views:
            keep_printed_copy(db, letter_id=view.id, path=path, description=subject(data))

    return ReportContent(build(docs), subject(data), furniture="none", word=word, on_written=keep)


SPEC = ReportSpec(
    kind="resolution-letters",
    title_fa=TITLE,
    title_en="Letters notifying the bodies of a meeting's resolutions",
    options=(MEETING_OPTION,),
    make=make,
    docx=True,
    registers_letters=True,
)
