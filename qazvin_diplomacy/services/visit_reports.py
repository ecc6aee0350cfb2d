"""Data of the printed visit reports: one query function per report, frozen results, no ReportLab.

Each function reads through the visits and directory services (or, where they lack a field,
one extra SQL query) and returns core objects, so a report module only lays data out.
Dates are Tehran local dates.  The visit dossier's country profile takes extra sections
from the providers its caller passes (``reports.dossier_sections`` lists them).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from qazvin_diplomacy.core.directory import CountryView, PersonView
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.followups import SOURCE_KIND_FA, FollowUpView
from qazvin_diplomacy.core.holidays import holiday_on
from qazvin_diplomacy.core.jalali import is_friday, week_range
from qazvin_diplomacy.core.text import compact_key, to_persian_digits
from qazvin_diplomacy.core.visits import (
    GuestRole,
    ItineraryEntry,
    PersonRef,
    VisitDetail,
    VisitFilter,
    VisitStatus,
    VisitSummary,
    local_dates,
    local_days_span,
)
from qazvin_diplomacy.services.directory import country_by_code, get_person, list_countries
from qazvin_diplomacy.services.followups import OPEN_STATUSES, followup_view
from qazvin_diplomacy.services.holidays import holidays_in
from qazvin_diplomacy.services.visits import (
    count_visits,
    get_visit,
    list_visits,
    visits_between,
)
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.storage.directory import Person
from qazvin_diplomacy.storage.followups import FollowUpTask
from qazvin_diplomacy.storage.visits import Visit, VisitGift

__all__ = [
    "MAX_REGISTER_ROWS",
    "AgendaDay",
    "CountryProfile",
    "CountrySectionProvider",
    "DailyProgramme",
    "EarlierGift",
    "EarlierVisit",
    "GuestProfile",
    "ProfileSection",
    "ProgrammeItem",
    "RegisterRow",
    "VisitDossier",
    "VisitsRegister",
    "WeeklyAgenda",
    "daily_programme",
    "find_country",
    "find_status",
    "visit_dossier",
    "visit_for_itinerary",
    "visits_register",
    "weekly_agenda",
]

#: The register refuses ranges with more visits than this (a 20,000-row PDF is ~800 pages).
MAX_REGISTER_ROWS = 20_000
#: Earlier visits with the same country listed in a dossier (the total is given too).
EARLIER_VISITS_SHOWN = 10
_PAGE = 2_000  # rows per list_visits call when reading a register


# --- weekly agenda -------------------------------------------------------------------------


@dataclass(frozen=True)
class AgendaDay:
    """One day of the week's agenda; ``holiday`` is the Persian name of an official holiday,
    ``holiday_approximate`` true when it is a lunar one the office has not confirmed yet."""

    day: date
    is_friday: bool
    holiday: str | None
    visits: tuple[VisitSummary, ...] = ()
    holiday_approximate: bool = False

    @property
    def is_off_day(self) -> bool:
        """Friday or an official holiday."""
        return self.is_friday or self.holiday is not None


@dataclass(frozen=True)
class WeeklyAgenda:
    """Saturday to Friday, every day present (possibly without visits)."""

    week_start: date
    week_end: date
    days: tuple[AgendaDay, ...]

    @property
    def visit_count(self) -> int:
        """Distinct visits in the week."""
        return len({v.id for d in self.days for v in d.visits})


def weekly_agenda(db: Database, *, day: date) -> WeeklyAgenda:
    """The Saturday–Friday week containing ``day``; a visit appears on each day it touches."""
    start, end = week_range(day)
    visits = visits_between(db, start=start, end=end)
    holidays = holidays_in(db, start, end)
    days = []
    for offset in range((end - start).days + 1):
        current = date.fromordinal(start.toordinal() + offset)
        todays = tuple(v for v in visits if current in local_dates(v.start_at, v.end_at))
        holiday = holiday_on(current, holidays)
        days.append(
            AgendaDay(
                current,
                is_friday(current),
                holiday.name_fa if holiday else None,
                todays,
                holiday_approximate=bool(holiday and holiday.approximate),
            )
        )
    return WeeklyAgenda(start, end, tuple(days))


# --- daily programme -----------------------------------------------------------------------


@dataclass(frozen=True)
class ProgrammeItem:
    """One line of the governor's day: an itinerary item, or a visit that has none that day."""

    start_at: datetime
    end_at: datetime
    activity: str
    place: str
    responsible: str
    visit_id: int
    visit_title: str
    guests: str
    notes: str = ""  # transport, interpreter, notes of the item
    is_visit: bool = False  # True when the line stands for a whole visit


@dataclass(frozen=True)
class DailyProgramme:
    """The items of one day, in time order."""

    day: date
    is_friday: bool
    holiday: str | None
    items: tuple[ProgrammeItem, ...]
    holiday_approximate: bool = False  # a lunar holiday not yet confirmed by the office
    #: The official whose day it is (only the visits they host); None: every visit.
    host: PersonView | None = None


def _responsible(item: ItineraryEntry, visit: VisitDetail) -> str:
    person = visit.person(item.responsible_person_id)
    names = [p for p in (person.name_fa if person else "", item.responsible_text) if p]
    return "، ".join(names)


def _item_notes(item: ItineraryEntry) -> str:
    parts = []
    if item.transport:
        parts.append(f"وسیله: {item.transport}")
    if item.interpreter:
        parts.append(f"مترجم: {item.interpreter}")
    if item.notes:
        parts.append(item.notes)
    return "؛ ".join(parts)


def daily_programme(db: Database, *, day: date, host_id: int | None = None) -> DailyProgramme:
    """Itinerary items falling on ``day`` of the visits that touch it (cancelled and postponed
    visits left out); a visit with no item that day is one line of its own.  With ``host_id``
    only the visits that person hosts (the day of the governor or of one deputy);
    ``NotFoundError`` when no such person exists."""
    host = get_person(db, host_id) if host_id is not None else None
    lower, upper = local_days_span(day, day)
    items: list[ProgrammeItem] = []
    for summary in visits_between(db, start=day, end=day, include_cancelled=False):
        if summary.status is VisitStatus.POSTPONED:
            continue
        if host_id is not None and all(h.id != host_id for h in summary.hosts):
            continue
        visit = get_visit(db, summary.id)
        guests = summary.guest_names()
        found = False
        for entry in visit.itinerary:
            if entry.start_at is None or entry.end_at is None:
                continue
            if not (entry.start_at < upper and (entry.end_at > lower or entry.start_at >= lower)):
                continue
            found = True
            items.append(
                ProgrammeItem(
                    entry.start_at,
                    entry.end_at,
                    entry.activity,
                    entry.place or visit.venue,
                    _responsible(entry, visit),
                    visit.id or summary.id,
                    visit.title,
                    guests,
                    _item_notes(entry),
                )
            )
        if not found:
            items.append(
                ProgrammeItem(
                    summary.start_at,
                    summary.end_at,
                    summary.title,
                    summary.venue,
                    summary.host_names(),
                    summary.id,
                    summary.title,
                    guests,
                    is_visit=True,
                )
            )
    items.sort(key=lambda i: (i.start_at, i.end_at, i.visit_id))
    holiday = holiday_on(day, holidays_in(db, day, day))
    return DailyProgramme(
        day,
        is_friday(day),
        holiday.name_fa if holiday else None,
        tuple(items),
        holiday_approximate=bool(holiday and holiday.approximate),
        host=host,
    )


# --- visit dossier -------------------------------------------------------------------------


@dataclass(frozen=True)
class GuestProfile:
    """A guest as the host needs to know them: the directory record and the delegation role."""

    person: PersonView
    role: GuestRole


@dataclass(frozen=True)
class EarlierVisit:
    """An earlier visit with the same country, with its outcome."""

    summary: VisitSummary
    outcome: str


@dataclass(frozen=True)
class ProfileSection:
    """A titled table added to a country profile by another module (e.g. agreements).

    ``rows`` hold plain logical text, one string per column of ``header``; ``empty_text`` is
    printed instead of the table when there are no rows.
    """

    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    empty_text: str = "موردی ثبت نشده است."
    order: int = 100  # sections are printed by order, then title


#: ``provider(db, country_id, visit)`` → a section, or None to add nothing.
CountrySectionProvider = Callable[[Database, int, VisitDetail], ProfileSection | None]


@dataclass(frozen=True)
class CountryProfile:
    """What the office's records hold about the guests' country."""

    country_id: int
    name_fa: str
    name_en: str
    earlier_visits: tuple[EarlierVisit, ...]
    earlier_visit_total: int
    open_followups: tuple[FollowUpView, ...]
    sections: tuple[ProfileSection, ...] = ()


@dataclass(frozen=True)
class EarlierGift:
    """A gift the office gave one of the guests at an earlier visit."""

    person_id: int
    person_name: str
    description: str
    gift_date: date | None
    visit_id: int
    visit_title: str


@dataclass(frozen=True)
class VisitDossier:
    """Everything the host reads before a visit."""

    visit: VisitDetail
    guests: tuple[GuestProfile, ...]
    hosts: tuple[PersonRef, ...]
    country: CountryProfile | None
    earlier_gifts: tuple[EarlierGift, ...]


def _outcomes(db: Database, ids: Sequence[int]) -> dict[int, str]:
    found: dict[int, str] = {}
    with db.read_session() as session:
        for chunk in range(0, len(ids), 5_000):
            part = ids[chunk : chunk + 5_000]
            rows = session.execute(select(Visit.id, Visit.outcome).where(Visit.id.in_(part)))
            found.update((visit_id, outcome) for visit_id, outcome in rows)
    return found


def _earlier_visits(
    db: Database, visit: VisitDetail, country_id: int
) -> tuple[tuple[EarlierVisit, ...], int]:
    assert visit.start_at is not None and visit.id is not None
    with db.read_session() as session:
        total = session.scalar(
            select(func.count())
            .select_from(Visit)
            .where(
                Visit.country_id == country_id,
                Visit.archived_at.is_(None),
                Visit.start_at < visit.start_at,
                Visit.id != visit.id,
            )
        )
    filters = VisitFilter(country_id=country_id, date_to=visit.start_at.date())
    candidates = list_visits(
        db, filters=filters, sort="start", descending=True, limit=EARLIER_VISITS_SHOWN + 20
    )
    chosen = [v for v in candidates if v.id != visit.id and v.start_at < visit.start_at]
    chosen = chosen[:EARLIER_VISITS_SHOWN]
    outcomes = _outcomes(db, [v.id for v in chosen])
    return tuple(EarlierVisit(v, outcomes.get(v.id, "")) for v in chosen), int(total or 0)


def _open_followups(db: Database, country_id: int) -> tuple[FollowUpView, ...]:
    """Open follow-ups of the country's visits (other sources join through their sections)."""
    with db.read_session() as session:
        rows = session.execute(
            select(FollowUpTask, Visit.title, Person.name_fa)
            .join(Visit, Visit.id == FollowUpTask.source_id)
            .outerjoin(Person, Person.id == FollowUpTask.owner_person_id)
            .where(
                FollowUpTask.source_kind == "visit",
                FollowUpTask.archived_at.is_(None),
                FollowUpTask.status.in_(OPEN_STATUSES),
                Visit.country_id == country_id,
                Visit.archived_at.is_(None),
            )
            .order_by(FollowUpTask.deadline.is_(None), FollowUpTask.deadline, FollowUpTask.id)
        ).all()
        return tuple(
            followup_view(t, f"{SOURCE_KIND_FA['visit']}: {title}", owner or t.owner_text)
            for t, title, owner in rows
        )


def _earlier_gifts(
    db: Database, visit: VisitDetail, people: Iterable[PersonRef]
) -> tuple[EarlierGift, ...]:
    names = {p.id: p.name_fa for p in people}
    if not names:
        return ()
    with db.read_session() as session:
        rows = session.execute(
            select(
                VisitGift.person_id,
                VisitGift.description,
                VisitGift.gift_date,
                Visit.id,
                Visit.title,
                Visit.start_at,
            )
            .join(Visit, Visit.id == VisitGift.visit_id)
            .where(
                VisitGift.person_id.in_(list(names)),
                VisitGift.direction == "given",
                Visit.id != visit.id,
                Visit.archived_at.is_(None),
            )
            .order_by(Visit.start_at.desc(), VisitGift.id)
        ).all()
    return tuple(
        EarlierGift(pid, names[pid], desc, gift_date or start.date(), vid, title)
        for pid, desc, gift_date, vid, title, start in rows
    )


def visit_dossier(
    db: Database, *, visit_id: int, country_sections: Sequence[CountrySectionProvider] = ()
) -> VisitDossier:
    """The host's dossier of a visit (``NotFoundError`` for an unknown id).

    Each of ``country_sections`` may add a section to the country profile.
    """
    visit = get_visit(db, visit_id)
    guests = tuple(GuestProfile(get_person(db, g.person_id), g.role) for g in visit.guests)
    profile = None
    if visit.country_id is not None:
        earlier, total = _earlier_visits(db, visit, visit.country_id)
        sections = [s for p in country_sections if (s := p(db, visit.country_id, visit))]
        sections.sort(key=lambda s: (s.order, s.title))
        profile = CountryProfile(
            visit.country_id,
            visit.country_name_fa,
            visit.country_name_en,
            earlier,
            total,
            _open_followups(db, visit.country_id),
            tuple(sections),
        )
    gifts = _earlier_gifts(db, visit, visit.guest_refs())
    return VisitDossier(visit, guests, visit.host_refs(), profile, gifts)


def visit_for_itinerary(db: Database, *, visit_id: int) -> VisitDetail:
    """The visit whose programme is handed to its guests (``NotFoundError`` when unknown)."""
    return get_visit(db, visit_id)


# --- visits register -----------------------------------------------------------------------


@dataclass(frozen=True)
class RegisterRow:
    """One row of the visits register."""

    id: int
    start_at: datetime
    end_at: datetime
    title: str
    country_fa: str
    guests: str
    status: VisitStatus
    outcome: str


@dataclass(frozen=True)
class VisitsRegister:
    """The visits overlapping ``date_from`` … ``date_to`` (filtered), ordered by start."""

    date_from: date
    date_to: date
    country: CountryView | None
    status: VisitStatus | None
    rows: tuple[RegisterRow, ...]


def find_country(db: Database, text: str) -> CountryView:
    """A country by ISO code (2 or 3 letters) or Persian/English name; ``KnownError`` if none."""
    wanted = (text or "").strip()
    found = country_by_code(db, wanted) if wanted else None
    if found is None and wanted:
        key = compact_key(wanted)
        exact = [
            c
            for c in list_countries(db, text=wanted)
            if key in (compact_key(c.name_fa), compact_key(c.name_en))
        ]
        found = exact[0] if exact else None
    if found is None:
        raise KnownError(
            f"کشور «{wanted}» شناخته نشد؛ کد دوحرفی یا سه‌حرفی (مثلاً IQ) یا نام کشور را بنویسید.",
            f"Unknown country '{wanted}'; give an ISO code (e.g. IQ) or the country's name.",
        )
    return found


def find_status(text: str) -> VisitStatus:
    """A visit status by its code ('held') or Persian/English label; ``KnownError`` if none."""
    wanted = (text or "").strip()
    found = VisitStatus.find(wanted)
    if found is not None:
        return found
    codes = ", ".join(s.value for s in VisitStatus)
    raise KnownError(
        f"وضعیت «{wanted}» شناخته نشد؛ یکی از این‌ها را بنویسید: {codes}.",
        f"Unknown status '{wanted}'; use one of: {codes}.",
    )


def visits_register(
    db: Database,
    *,
    date_from: date,
    date_to: date,
    country_id: int | None = None,
    status: VisitStatus | None = None,
) -> VisitsRegister:
    """Visits (not archived) overlapping the Tehran days ``date_from`` … ``date_to``, by start.

    Same rows and order as ``list_visits`` with the same filter; more than
    ``MAX_REGISTER_ROWS`` raises ``KnownError`` asking for a narrower range.
    """
    if date_to < date_from:
        raise KnownError(
            "تاریخ پایان بازه پیش از تاریخ آغاز آن است.",
            "The end of the range is before its start.",
        )
    filters = VisitFilter(
        country_id=country_id, status=status, date_from=date_from, date_to=date_to
    )
    total = count_visits(db, filters=filters)
    if total > MAX_REGISTER_ROWS:
        raise KnownError(
            f"در این بازه {to_persian_digits(total)} دیدار هست؛ بیش از "
            f"{to_persian_digits(MAX_REGISTER_ROWS)} ردیف در یک گزارش نمی‌گنجد. بازه را کوتاه‌تر کنید.",
            f"{total} visits in this range; a register holds at most {MAX_REGISTER_ROWS}. "
            "Choose a shorter range.",
        )
    summaries: list[VisitSummary] = []
    while len(summaries) < total:
        page = list_visits(db, filters=filters, sort="start", offset=len(summaries), limit=_PAGE)
        if not page:
            break
        summaries.extend(page)
    outcomes = _outcomes(db, [v.id for v in summaries])
    rows = tuple(
        RegisterRow(
            v.id,
            v.start_at,
            v.end_at,
            v.title,
            v.country_name_fa,
            v.guest_names(),
            v.status,
            outcomes.get(v.id, ""),
        )
        for v in summaries
    )
    country = None
    if country_id is not None:
        country = next((c for c in list_countries(db) if c.id == country_id), None)
    return VisitsRegister(date_from, date_to, country, status, rows)
