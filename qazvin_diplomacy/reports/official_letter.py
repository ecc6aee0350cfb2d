"""A letter to a body or a thank-you letter, numbered from the outgoing-letters register.

``report letter --letter ID`` prints a registered letter again (same number); without
``--letter`` the letter is registered first (``--addressee``, ``--subject``, ``--body``, ``--cc``,
``--type letter|thanks``, ``--visit`` / ``--event`` / ``--agreement``): printing gives it the
next number.  A thank-you letter with no body is written from the linked visit or event.
Every print is kept as the letter's printed copy.  PDF, or Word with ``--out FILE.docx``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from reportlab.lib.units import cm

from qazvin_diplomacy.core.clock import today_local
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.jalali import format_jalali
from qazvin_diplomacy.core.letters import LetterInput, LetterKind, LetterLink, LetterView
from qazvin_diplomacy.reports.catalog import Option, ReportContent, ReportSpec
from qazvin_diplomacy.reports.letter import LetterDoc, Letterhead, letter_story
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.services.letters import (
    emblem_path,
    get_letter,
    get_office_settings,
    keep_printed_copy,
    register_letter,
)

FRAME_W = 21 * cm - 2 * 1.6 * cm
CLOSING = "با تجدید احترام"
_CC_SPLIT = re.compile(r"\s*[;؛\n]\s*")


def letterhead(db: DatabaseHandle) -> Letterhead:
    """The office's letterhead, emblem and signatory."""
    settings = get_office_settings(db)
    return Letterhead.of(settings, emblem_path(db, settings))


def _linked(
    db: DatabaseHandle, kind: LetterLink, record_id: int | None
) -> tuple[str, dt.date | None]:
    """(title, day) of the record a letter belongs to; ('', None) for none."""
    if record_id is None or kind is LetterLink.NONE:
        return "", None
    if kind is LetterLink.VISIT:
        from qazvin_diplomacy.core.clock import to_local
        from qazvin_diplomacy.services.visits import get_visit

        visit = get_visit(db, record_id)
        return visit.title, to_local(visit.start_at).date() if visit.start_at else None
    if kind is LetterLink.EVENT:
        from qazvin_diplomacy.services.events import get_event

        event = get_event(db, record_id)
        return event.title_fa, event.start_date
    from qazvin_diplomacy.services.agreements import get_agreement

    agreement = get_agreement(db, agreement_id=record_id)
    return str(getattr(agreement, "title", "")), None


def thanks_body(title: str, day: dt.date | None, kind: LetterLink) -> str:
    """The thank-you sentence for the linked visit or event (a general one without a link)."""
    if not title:
        return "بدین‌وسیله از همکاری و مساعدت ارزشمند جنابعالی صمیمانه سپاسگزاری می‌شود."
    what = {LetterLink.VISIT: "دیدار", LetterLink.EVENT: "مراسم"}.get(kind, "")
    when = f" که در تاریخ {format_jalali(day, long=True)} برگزار شد" if day else ""
    named = f"{what} «{title}»".strip()
    return (
        f"بدین‌وسیله از حضور ارزشمند جنابعالی در {named}{when}، صمیمانه سپاسگزاری می‌شود. "
        "امید است این دیدار زمینه‌ساز گسترش هرچه بیشتر همکاری‌ها باشد."
    )


def letter_doc(db: DatabaseHandle, view: LetterView, head: Letterhead | None = None) -> LetterDoc:
    """What a registered letter prints."""
    body = tuple(p for p in view.body.split("\n") if p)
    if not body and view.kind is LetterKind.THANKS:
        title, day = _linked(db, view.link_kind, view.link_id)
        body = (thanks_body(title, day, view.link_kind),)
    return LetterDoc(
        head=head or letterhead(db),
        number=view.number,
        date=view.date,
        addressee=tuple(line for line in view.addressee.split("\n") if line),
        subject=view.subject,
        body=body,
        attachments=view.attachments_note,
        closing=CLOSING,
        cc=view.cc,
    )


def _new_letter(db: DatabaseHandle, options: Mapping[str, Any]) -> LetterView:
    """Register the letter the options describe (the next number of its year)."""
    kind = LetterKind.THANKS if options.get("letter_type") == "thanks" else LetterKind.LETTER
    links = [
        (LetterLink(name), options.get(name))
        for name in ("visit", "event", "agreement")
        if options.get(name) is not None
    ]
    if len(links) > 1:
        raise KnownError(
            "نامه تنها به یک پرونده (دیدار، رویداد یا موافقت‌نامه) پیوند می‌خورد.",
            "A letter belongs to one record: give only one of --visit, --event, --agreement.",
        )
    link, link_id = links[0] if links else (LetterLink.NONE, None)
    body = options.get("body") or ""
    if not options.get("addressee"):
        raise KnownError(
            "گیرندهٔ نامه (--addressee) یا شناسهٔ نامهٔ ثبت‌شده (--letter) را بدهید.",
            "Give the addressee (--addressee) or a registered letter's id (--letter).",
        )
    if kind is LetterKind.LETTER and not body:
        raise KnownError("متن نامه (--body) خالی است.", "The letter's text (--body) is empty.")
    subject = options.get("subject") or ""
    if not subject and kind is LetterKind.THANKS:
        title, _day = _linked(db, link, link_id)
        subject = f"سپاس از حضور در {title}" if title else "سپاسگزاری"
    return register_letter(
        db,
        letter=LetterInput(
            kind=kind,
            date=options.get("date") or today_local(),
            addressee=options["addressee"],
            subject=subject,
            link_kind=link,
            link_id=link_id,
            attachments_note=options.get("enclosures") or "",
            body=body.replace("\\n", "\n"),
            cc=tuple(c for c in _CC_SPLIT.split(options.get("cc") or "") if c),
        ),
    )


def make(db: DatabaseHandle, options: Mapping[str, Any]) -> ReportContent:
    """The letter (registered now when it was not yet), one PDF or Word file."""
    letter_id = options.get("letter")
    view = get_letter(db, letter_id=letter_id) if letter_id else _new_letter(db, options)
    doc = letter_doc(db, view)

    def word(path: Path) -> Path:
        from qazvin_diplomacy.reports.docx import write_letters

        return write_letters(path, [doc])

    def keep(path: Path) -> None:
        keep_printed_copy(db, letter_id=view.id, path=path, description=f"نامهٔ {view.number}")

    return ReportContent(
        letter_story(doc, FRAME_W),
        f"{view.kind.label_fa} {view.number}",
        furniture="none",
        word=word,
        on_written=keep,
    )


SPEC = ReportSpec(
    kind="letter",
    title_fa="نامهٔ اداری",
    title_en="Official letter",
    options=(
        Option(
            "letter", "record_id", "شناسهٔ نامهٔ ثبت‌شده", "a registered letter's id", required=False
        ),
        Option(
            "letter_type",
            "choice",
            "نوع نامه",
            "letter or thanks",
            required=False,
            choices=("letter", "thanks"),
            default="letter",
            flag="--type",
        ),
        Option("addressee", "text", "گیرنده", "the addressee (new letter)", required=False),
        Option("subject", "text", "موضوع", "the subject", required=False),
        Option("body", "text", "متن", r"the text; \n between paragraphs", required=False),
        Option("enclosures", "text", "پیوست", "what «پیوست» says (none)", required=False),
        Option("cc", "text", "رونوشت", "copies to, separated by ;", required=False),
        Option("date", "date", "تاریخ نامه", "the letter's Jalali date (today)", required=False),
        Option("visit", "record_id", "شناسهٔ دیدار", "the visit it belongs to", required=False),
        Option("event", "record_id", "شناسه رویداد", "the event it belongs to", required=False),
        Option(
            "agreement",
            "record_id",
            "شناسهٔ موافقت‌نامه",
            "the agreement it belongs to",
            required=False,
        ),
    ),  # fmt: skip
    make=make,
    docx=True,
    registers_letters=True,
)
