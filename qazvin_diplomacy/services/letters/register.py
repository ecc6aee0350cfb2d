"""Registering outgoing letters and reading the register (اندیکاتور دبیرخانه)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from qazvin_diplomacy.core.attachments import AttachmentView
from qazvin_diplomacy.core.errors import KnownError, ValidationError
from qazvin_diplomacy.core.letters import (
    LetterFilter,
    LetterInput,
    LetterKind,
    LetterLink,
    LetterView,
    format_letter_number,
    letter_year,
)
from qazvin_diplomacy.core.text import index_key, normalize
from qazvin_diplomacy.services.attachments import add_attachment, list_attachments
from qazvin_diplomacy.services.filters import text_condition
from qazvin_diplomacy.services.letters.settings import office_settings_in
from qazvin_diplomacy.services.listing import count_of
from qazvin_diplomacy.services.records import check_version, get_row, write
from qazvin_diplomacy.services.search_index import is_read_only_error
from qazvin_diplomacy.storage.attachments import Attachment
from qazvin_diplomacy.storage.database import PERSIAN_COLLATION, Database
from qazvin_diplomacy.storage.letters import LetterCounter, OutgoingLetter

#: ``owner_kind`` of a letter's printed copies among the attachments.
OWNER_KIND = "outgoing_letter"

#: The register's sort keys (the list page's columns) → columns.
SORTS: dict[str, Any] = {
    "number": (OutgoingLetter.jalali_year, OutgoingLetter.seq),
    "date": (OutgoingLetter.letter_date, OutgoingLetter.jalali_year, OutgoingLetter.seq),
    "addressee": (OutgoingLetter.addressee.collate(PERSIAN_COLLATION),),
    "subject": (OutgoingLetter.subject.collate(PERSIAN_COLLATION),),
    "kind": (OutgoingLetter.kind,),
}


def _view(row: OutgoingLetter, copies: int = 0) -> LetterView:
    return LetterView(
        id=row.id,
        number=row.number,
        jalali_year=row.jalali_year,
        seq=row.seq,
        date=row.letter_date,
        kind=LetterKind(row.kind),
        addressee=row.addressee,
        subject=row.subject,
        link_kind=LetterLink(row.link_kind),
        link_id=row.link_id,
        attachments_note=row.attachments_note,
        body=row.body,
        cc=tuple(line for line in row.cc.split("\n") if line),
        notes=row.notes,
        source_key=row.source_key,
        printed_copies=copies,
        version=row.version,
    )


def _validate(letter: LetterInput) -> None:
    errors: dict[str, str] = {}
    if not normalize(letter.addressee):
        errors["addressee"] = "گیرندهٔ نامه را بنویسید."
    if not normalize(letter.subject):
        errors["subject"] = "موضوع نامه را بنویسید."
    if (letter.link_kind == LetterLink.NONE) != (letter.link_id is None):
        errors["link_id"] = "پرونده‌ای که نامه به آن مربوط است کامل نیست (نوع و شناسه)."
    if errors:
        raise ValidationError(errors)


def _next_seq(session: Session, year: int) -> int:
    """Take the next number of ``year`` (the counter row is written in the same transaction)."""
    counter = session.get(LetterCounter, year)
    if counter is None:
        counter = LetterCounter(jalali_year=year, last_seq=0)
        session.add(counter)
    highest = session.scalar(
        select(func.max(OutgoingLetter.seq)).where(OutgoingLetter.jalali_year == year)
    )
    counter.last_seq = max(counter.last_seq, highest or 0) + 1
    session.flush()
    return counter.last_seq


def _copies(session: Session, ids: list[int]) -> dict[int, int]:
    if not ids:
        return {}
    query = (
        select(Attachment.owner_id, func.count())
        .where(
            Attachment.owner_kind == OWNER_KIND,
            Attachment.owner_id.in_(ids),
            Attachment.archived_at.is_(None),
        )
        .group_by(Attachment.owner_id)
    )
    return {owner: n for owner, n in session.execute(query)}


class ReadOnlyRegisterError(KnownError):
    """A letter would need a new number but the database cannot be written."""

    def __init__(self) -> None:
        super().__init__(
            "پایگاه داده فقط‌خواندنی است و نامهٔ جدید در دفتر نامه‌های صادره شماره نمی‌گیرد؛ "
            "نامهٔ اداری بی‌شماره چاپ نمی‌شود. نامه‌هایی که پیش‌تر شماره گرفته‌اند دوباره چاپ "
            "می‌شوند. برای نامهٔ جدید، رونوشتی از پایگاه داده روی دیسک این رایانه بسازید و از "
            "آن چاپ کنید.",
            "The database is read-only, so a new letter cannot take its number from the "
            "outgoing-letters register, and an official letter is not printed without one. "
            "Letters numbered before print again. For a new letter, copy the database to this "
            "computer's disk and print from the copy.",
        )


def register_letter(
    db: Database, *, letter: LetterInput, source_key: str | None = None
) -> LetterView:
    """Give ``letter`` the next number of its Jalali year and record it.

    With ``source_key`` (what the letter is printed for, e.g. ``invitation:event:3:person:12``)
    a letter already registered for it is returned as it is: printing again reuses its number.
    On a read-only database only that works; a letter needing a new number raises
    ``ReadOnlyRegisterError`` (nothing is printed unnumbered).
    """
    _validate(letter)
    if db.read_only:
        found = find_letter(db, source_key=source_key) if source_key is not None else None
        if found is None:
            raise ReadOnlyRegisterError()
        return found
    try:
        return _register(db, letter, source_key)
    except OperationalError as exc:  # the file became read-only (medium, lock) while open
        if is_read_only_error(exc):
            raise ReadOnlyRegisterError() from exc
        raise


def _register(db: Database, letter: LetterInput, source_key: str | None) -> LetterView:
    with write(db) as session:
        if source_key is not None:
            found = session.scalar(
                select(OutgoingLetter).where(OutgoingLetter.source_key == source_key)
            )
            if found is not None:
                return _view(found, _copies(session, [found.id]).get(found.id, 0))
        settings = office_settings_in(session)
        year = letter_year(letter.date)
        seq = _next_seq(session, year)
        row = OutgoingLetter(
            jalali_year=year,
            seq=seq,
            number=format_letter_number(settings.number_pattern, year, seq),
            letter_date=letter.date,
            source_key=source_key,
        )
        _fill(row, letter)
        session.add(row)
        session.flush()
        return _view(row)


def update_letter(
    db: Database, *, letter_id: int, letter: LetterInput, version: int | None = None
) -> LetterView:
    """Correct a registered letter's texts; its number and date stay (a number is never moved)."""
    _validate(letter)
    with write(db) as session:
        row = get_row(session, OutgoingLetter, letter_id, "نامه")
        check_version(row, version, "نامه")
        _fill(row, letter)
        session.flush()
        return _view(row, _copies(session, [row.id]).get(row.id, 0))


def _fill(row: OutgoingLetter, letter: LetterInput) -> None:
    """Copy the editable fields of ``letter`` onto ``row`` (normalised) and its search key."""
    row.kind = letter.kind.value
    row.addressee = normalize(letter.addressee)
    row.subject = normalize(letter.subject)
    row.link_kind = letter.link_kind.value
    row.link_id = letter.link_id
    row.attachments_note = normalize(letter.attachments_note)
    row.body = "\n".join(p for p in (normalize(x) for x in letter.body.split("\n")) if p)
    row.cc = "\n".join(c for c in (normalize(x) for x in letter.cc) if c)
    row.notes = normalize(letter.notes)
    row.search_key = index_key(row.number, row.addressee, row.subject, row.notes)


def find_letter(db: Database, *, source_key: str) -> LetterView | None:
    """The letter registered for ``source_key``, if any."""
    with db.read_session() as session:
        row = session.scalar(select(OutgoingLetter).where(OutgoingLetter.source_key == source_key))
        return None if row is None else _view(row, _copies(session, [row.id]).get(row.id, 0))


def get_letter(db: Database, *, letter_id: int) -> LetterView:
    """One registered letter; ``NotFoundError`` when there is none."""
    with db.read_session() as session:
        row = get_row(session, OutgoingLetter, letter_id, "نامه")
        return _view(row, _copies(session, [row.id]).get(row.id, 0))


def _filtered(query: Select[Any], f: LetterFilter) -> Select[Any]:
    query = query.where(text_condition(OutgoingLetter.search_key, f.text))
    if f.kind is not None:
        query = query.where(OutgoingLetter.kind == f.kind.value)
    if f.year is not None:
        query = query.where(OutgoingLetter.jalali_year == f.year)
    if f.date_from is not None:
        query = query.where(OutgoingLetter.letter_date >= f.date_from)
    if f.date_to is not None:
        query = query.where(OutgoingLetter.letter_date <= f.date_to)
    if f.link_kind is not None:
        query = query.where(OutgoingLetter.link_kind == f.link_kind.value)
    if f.link_id is not None:
        query = query.where(OutgoingLetter.link_id == f.link_id)
    return query


def count_letters(db: Database, *, filters: LetterFilter | None = None) -> int:
    """How many letters the filters match."""
    query = _filtered(select(func.count(OutgoingLetter.id)), filters or LetterFilter())
    return count_of(db, query)


def list_letters(
    db: Database,
    *,
    filters: LetterFilter | None = None,
    sort: str = "number",
    descending: bool = True,
    offset: int = 0,
    limit: int | None = None,
) -> list[LetterView]:
    """A page of the register in the chosen order (newest number first by default)."""
    columns = SORTS.get(sort, SORTS["number"])
    order = [c.desc() if descending else c.asc() for c in columns]
    query = _filtered(select(OutgoingLetter), filters or LetterFilter()).order_by(
        *order, OutgoingLetter.id.desc() if descending else OutgoingLetter.id
    )
    query = query.offset(offset)
    if limit is not None:
        query = query.limit(limit)
    with db.read_session() as session:
        rows = list(session.scalars(query))
        copies = _copies(session, [r.id for r in rows])
        return [_view(r, copies.get(r.id, 0)) for r in rows]


def keep_printed_copy(
    db: Database, *, letter_id: int, path: Path, description: str = ""
) -> AttachmentView | None:
    """Keep the printed file of a letter (PDF or Word) with the attachments; None on a
    read-only database, where a letter numbered before is printed again without a copy."""
    get_letter(db, letter_id=letter_id)  # NotFoundError before copying
    if db.read_only:
        return None
    return add_attachment(
        db,
        owner_kind=OWNER_KIND,
        owner_id=letter_id,
        source=path,
        description=description or "نسخهٔ چاپ‌شده",
    )


def printed_copies(db: Database, *, letter_id: int) -> list[AttachmentView]:
    """The printed copies kept of a letter, oldest first."""
    return list_attachments(db, owner_kind=OWNER_KIND, owner_id=letter_id)
