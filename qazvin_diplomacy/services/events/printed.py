"""Data of the printed material: invitation letters, badges, place cards and the summary."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from sqlalchemy.orm import Session

from qazvin_diplomacy.core.directory import DiplomaticRank, with_honorific
from qazvin_diplomacy.core.events import (
    Badge,
    CountryAttendance,
    EventDates,
    EventDetail,
    EventReportData,
    EventSummary,
    EventSummaryReport,
    GuestView,
    InvitationLetter,
    PlaceCard,
    Rsvp,
)
from qazvin_diplomacy.core.jalali import format_gregorian, format_jalali, format_time
from qazvin_diplomacy.core.precedence import rank_key_label
from qazvin_diplomacy.core.text import compact_key, persian_sort_key
from qazvin_diplomacy.services.events.guests import _guests, _precedence_list
from qazvin_diplomacy.services.events.records import _detail, _load, get_event
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.storage.directory import Person
from qazvin_diplomacy.storage.events import EventGuest


def event_dates(event: EventDetail | EventSummary) -> EventDates:
    """The event's date(s) and time in Jalali and Gregorian, Persian and English."""
    start, end = event.start_date, event.end_date
    assert start is not None
    jalali_fa = format_jalali(start, long=True, weekday=True)
    jalali_en = format_jalali(start, long=True, weekday=True, digits="latin", lang="en")
    gregorian_fa = format_gregorian(start, "fa")
    gregorian_en = format_gregorian(start, "en", weekday=True)
    if end is not None and end != start:
        jalali_fa += " تا " + format_jalali(end, long=True, weekday=True)
        jalali_en += " to " + format_jalali(end, long=True, weekday=True, digits="latin", lang="en")
        gregorian_fa += " تا " + format_gregorian(end, "fa")
        gregorian_en += " to " + format_gregorian(end, "en", weekday=True)
    time_fa = time_en = ""
    if event.start_time is not None:
        time_fa = format_time(event.start_time)
        time_en = format_time(event.start_time, digits="latin")
        end_time = getattr(event, "end_time", None)
        if end_time is not None:
            time_fa += " تا " + format_time(end_time)
            time_en += "–" + format_time(end_time, digits="latin")
    return EventDates(jalali_fa, gregorian_fa, jalali_en, gregorian_en, time_fa, time_en)


def _header(session: Session, event_id: int) -> EventReportData:
    event = _detail(session, _load(session, event_id))
    return EventReportData(event=event, dates=event_dates(event))


def _salutation(g: GuestView, lang: str) -> str:
    if lang == "en":
        honorific = g.honorific_en
        if not honorific and g.diplomatic_rank == DiplomaticRank.AMBASSADOR.value:
            honorific = "H.E."
        return with_honorific(honorific, g.name_en or g.name_fa)
    return with_honorific(g.honorific_fa, g.name_fa or g.name_en)


def invitation_letters(
    db: Database,
    *,
    event_id: int,
    guest_ids: Sequence[int] | None = None,
    include_declined: bool = False,
    host_person_id: int | None = None,
    rank_table: Mapping[str, int] | None = None,
) -> list[InvitationLetter]:
    """One personalised bilingual letter per guest, in precedence order.

    Declined guests are left out unless ``include_declined``; ``guest_ids`` narrows to some
    invitations.  Interpreters (someone's interpreter) and the organizer's own people (their
    organization is named in the event's organizer, see ``_of_organizer``) get no letter.
    The letter is signed by ``host_person_id`` or else the head table's host.  English
    texts missing on the event stay empty (``venue_en``): the letter says so plainly instead
    of printing Persian in the English half (``invitation_warnings`` tells before printing).
    """
    with db.read_session() as session:
        header = _header(session, event_id)
        listed = _precedence_list(session, event_id, rank_table).guests
        event = header.event
        host_id = host_person_id
        if host_id is None:
            host_id = next((t.host_key for t in event.tables if t.host_key is not None), None)  # type: ignore[assignment]
        host = session.get(Person, host_id) if host_id is not None else None
    wanted = set(guest_ids) if guest_ids is not None else None
    letters = []
    for g in listed:
        if wanted is not None and g.id not in wanted:
            continue
        if g.rsvp is Rsvp.NO and not include_declined:
            continue
        if g.interpreter_for_person_id is not None or _of_organizer(g, event):
            continue
        letters.append(
            InvitationLetter(
                guest=g,
                salutation_fa=_salutation(g, "fa"),
                salutation_en=_salutation(g, "en"),
                event_title_fa=event.title_fa,
                event_title_en=event.title_en or event.title_fa,
                dates=header.dates,
                venue_fa=event.venue,
                venue_en=event.venue_en,
                organizer_fa=event.organizer,
                organizer_en=event.organizer_en or event.organizer,
                host_name_fa=host.name_fa if host else "",
                host_name_en=host.name_en if host else "",
                host_title_fa=host.title_fa if host else "",
                host_title_en=host.title_en if host else "",
                programme=event.programme,
            )
        )
    return letters


def _of_organizer(g: GuestView, event: EventDetail) -> bool:
    """Whether the guest works for the event's organizer (the office's own people).

    True when the guest's organization name (Persian or English) appears in the event's
    organizer text («استانداری قزوین — اداره کل …» covers the staff of «استانداری قزوین»),
    compared as compact search keys (spelling variants and spaces do not matter).
    """
    organizer = [compact_key(t) for t in (event.organizer, event.organizer_en) if t]
    names = [compact_key(t) for t in (g.organization_name_fa, g.organization_name_en) if t]
    return any(n and n in o for n in names for o in organizer)


def invitation_warnings(db: Database, *, event_id: int) -> list[tuple[str, str]]:
    """What the invitation letters of ``event_id`` would print poorly, as (Persian, English).

    Today: no English venue (the English half then refers to the Persian text) and no
    English title (the Persian title is printed in the English half).  Empty: fine.
    """
    event = get_event(db, event_id)
    found: list[tuple[str, str]] = []
    if event.venue and not event.venue_en:
        found.append(
            (
                "محل برگزاری به انگلیسی ثبت نشده است؛ بخش انگلیسی دعوت‌نامه به متن فارسی ارجاع می‌دهد.",
                "The venue has no English name; the English half of the letters will refer "
                "to the Persian text.",
            )
        )
    if not event.title_en:
        found.append(
            (
                "عنوان انگلیسی رویداد ثبت نشده است؛ عنوان فارسی در بخش انگلیسی چاپ می‌شود.",
                "The event has no English title; the Persian title will be printed in the "
                "English half.",
            )
        )
    return found


def _category(g: GuestView) -> tuple[str, str]:
    if g.diplomatic_rank:
        rank = DiplomaticRank(g.diplomatic_rank)
        return rank.label_fa, rank_key_label(rank.value, "en")
    if g.interpreter_for_person_id is not None:
        return "مترجم", "Interpreter"
    return "مهمان", "Guest"


def badges(
    db: Database,
    *,
    event_id: int,
    attending_only: bool = True,
    rank_table: Mapping[str, int] | None = None,
) -> list[Badge]:
    """Name badges in precedence order (guests who said yes, or every guest)."""
    with db.read_session() as session:
        header = _header(session, event_id)
        conditions = [EventGuest.rsvp == Rsvp.YES.value] if attending_only else []
        listed = _precedence_list(session, event_id, rank_table, *conditions).guests
    event = header.event
    result = []
    for g in listed:
        category_fa, category_en = _category(g)
        result.append(
            Badge(
                guest_id=g.id or 0,
                name_fa=g.name_fa,
                name_en=g.name_en,
                title_fa=g.title_fa,
                title_en=g.title_en,
                country_fa=g.country_name_fa,
                country_en=g.country_name_en,
                category_fa=category_fa,
                category_en=category_en,
                event_title_fa=event.title_fa,
                event_title_en=event.title_en,
                kind=_badge_kind(g, event),
            )
        )
    return result


def _badge_kind(g: GuestView, event: EventDetail) -> str:
    """«interpreter», «staff» (the organizer's people) or «guest»: the badge's band."""
    if g.interpreter_for_person_id is not None:
        return "interpreter"
    return "staff" if _of_organizer(g, event) else "guest"


def place_cards(
    db: Database, *, event_id: int, rank_table: Mapping[str, int] | None = None
) -> list[PlaceCard]:
    """Folded table cards: seated guests by table and seat; if nobody is seated, yes-guests by precedence.

    Interpreters sitting behind a principal get no card.
    """
    with db.read_session() as session:
        _load(session, event_id)
        listed = _precedence_list(
            session, event_id, rank_table, EventGuest.rsvp == Rsvp.YES.value
        ).guests
        seated = [g for g in _guests(session, event_id) if g.seat_no is not None]
    chosen = (
        sorted(seated, key=lambda g: (g.table_no or 0, g.seat_no or 0))
        if seated
        else [g for g in listed if not g.seat_behind]
    )
    return [
        PlaceCard(
            guest_id=g.id or 0,
            name_fa=g.name_fa,
            name_en=g.name_en,
            honorific_fa=g.honorific_fa,
            honorific_en=g.honorific_en,
            country_fa=g.country_name_fa,
            country_en=g.country_name_en,
            table_no=g.table_no,
            seat_no=g.seat_no,
        )
        for g in chosen
    ]


def event_summary(db: Database, *, event_id: int) -> EventSummaryReport:
    """After the event: reply and attendance totals and a line per country (by Persian name)."""
    with db.read_session() as session:
        header = _header(session, event_id)
        guests = _guests(session, event_id)
    by_country: dict[int | None, list[GuestView]] = defaultdict(list)
    for g in guests:
        by_country[g.country_id].append(g)
    lines = []
    for country_id, group in by_country.items():
        lines.append(
            CountryAttendance(
                country_id=country_id,
                country_fa=group[0].country_name_fa if country_id is not None else "بدون کشور",
                country_en=group[0].country_name_en if country_id is not None else "No country",
                invited=len(group),
                yes=sum(g.rsvp is Rsvp.YES for g in group),
                no=sum(g.rsvp is Rsvp.NO for g in group),
                no_reply=sum(g.rsvp is Rsvp.NO_REPLY for g in group),
                attended=sum(g.attended for g in group),
                companions=sum(g.companions for g in group if g.attended),
            )
        )
    lines.sort(key=lambda c: (c.country_id is None, persian_sort_key(c.country_fa)))
    return EventSummaryReport(
        header=header,
        totals=header.event.counts,
        by_country=tuple(lines),
        attended_companions=sum(c.companions for c in lines),
    )
