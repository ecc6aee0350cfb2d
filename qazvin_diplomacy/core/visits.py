"""Visits (دیدار): the records passed between layers and the pure rules about them.

Time zone: the office works in Asia/Tehran.  Iran abolished daylight saving time in 2022
(1401), so local time is the fixed UTC+03:30 of ``core.clock.TEHRAN``
(``timezone(timedelta(hours=3, minutes=30))``), no tz database needed.  The database
stores UTC; every datetime handed out by the visit services is timezone-aware in
``TEHRAN``; a naive datetime handed in is read as Tehran local time (:func:`as_utc`).
Spans are half-open: a visit ``[start, end)`` ending at 12:00 does not clash with one
starting at 12:00.

Field names used as keys of ``ValidationError.errors``: ``title``, ``start_at``,
``end_at``, ``guests``, ``hosts``, ``status``, ``checklist``, and for rows of a table
``itinerary.<i>.<field>``, ``gifts.<i>.<field>``, ``followups.<i>.<field>`` (``i`` is the
0-based row index in the input).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date, datetime, time, timedelta

from qazvin_diplomacy.core.clock import TEHRAN, from_local, to_local
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.followups import FollowUpInput, followup_errors
from qazvin_diplomacy.core.holidays import holiday_on
from qazvin_diplomacy.core.jalali import (
    MAX_YEAR,
    MIN_YEAR,
    Holiday,
    format_jalali,
    format_time,
    is_friday,
    official_fixed_holidays,
    to_jalali,
)
from qazvin_diplomacy.core.labels import LabelledEnum
from qazvin_diplomacy.core.status_moves import StatusMove, held_undone, refused_move

TITLE_MAX = 300
# A visit longer than this is almost certainly a typing mistake in a date.
MAX_VISIT_DAYS = 60


# --- enums -----------------------------------------------------------------------------


class VisitStatus(LabelledEnum):
    """Where a visit stands: requested → planned → confirmed → held / postponed / cancelled."""

    REQUESTED = "requested", "درخواست‌شده", "Requested"
    PLANNED = "planned", "برنامه‌ریزی‌شده", "Planned"
    CONFIRMED = "confirmed", "قطعی", "Confirmed"
    HELD = "held", "برگزارشده", "Held"
    POSTPONED = "postponed", "تعویق", "Postponed"
    CANCELLED = "cancelled", "لغو", "Cancelled"


# Allowed status changes.  A postponed visit returns to planning; a cancelled one can be
# requested or planned again (the guests asked anew).  A visit is held only once it has
# started (``held_too_early``); "held" can be undone (back to "confirmed") with a reason,
# kept in the visit's history, so one wrong click is never permanent.
_TRANSITIONS: dict[VisitStatus, frozenset[VisitStatus]] = {
    VisitStatus.REQUESTED: frozenset(
        {VisitStatus.PLANNED, VisitStatus.CONFIRMED, VisitStatus.POSTPONED, VisitStatus.CANCELLED}
    ),
    VisitStatus.PLANNED: frozenset(
        {VisitStatus.REQUESTED, VisitStatus.CONFIRMED, VisitStatus.POSTPONED, VisitStatus.CANCELLED}
    ),
    VisitStatus.CONFIRMED: frozenset(
        {VisitStatus.PLANNED, VisitStatus.HELD, VisitStatus.POSTPONED, VisitStatus.CANCELLED}
    ),
    VisitStatus.POSTPONED: frozenset(
        {VisitStatus.REQUESTED, VisitStatus.PLANNED, VisitStatus.CONFIRMED, VisitStatus.CANCELLED}
    ),
    VisitStatus.CANCELLED: frozenset({VisitStatus.REQUESTED, VisitStatus.PLANNED}),
    VisitStatus.HELD: frozenset({VisitStatus.CONFIRMED}),
}


def allowed_transitions(status: VisitStatus) -> tuple[VisitStatus, ...]:
    """Statuses a visit in ``status`` may move to, in workflow order."""
    return tuple(s for s in VisitStatus if s in _TRANSITIONS[status])


def can_transition(old: VisitStatus, new: VisitStatus) -> bool:
    """Whether a visit may go from ``old`` to ``new`` (staying put is always allowed)."""
    return old == new or new in _TRANSITIONS[old]


def transition_error(old: VisitStatus, new: VisitStatus) -> str | None:
    """Persian message when ``old`` → ``new`` is not allowed, else None."""
    if can_transition(old, new):
        return None
    allowed = "، ".join(f"«{s.label_fa}»" for s in allowed_transitions(old))
    return (
        f"تغییر وضعیت از «{old.label_fa}» به «{new.label_fa}» مجاز نیست؛"
        f" از این وضعیت فقط به {allowed} می‌توان رفت."
    )


def needs_status_reason(old: VisitStatus | None, new: VisitStatus) -> bool:
    """Whether ``old`` → ``new`` undoes "held" (the reason is then required and kept)."""
    return old is VisitStatus.HELD and new is not VisitStatus.HELD


def held_too_early(
    old: VisitStatus | None, new: VisitStatus, start: datetime | None, now: datetime
) -> str | None:
    """Persian message when a visit is marked held before it starts, else None.

    ``old`` is the saved status (None for a new visit); a visit already held keeps it.
    """
    if new is not VisitStatus.HELD or start is None or old is VisitStatus.HELD:
        return None
    if as_utc(start) <= as_utc(now):
        return None
    local = to_local(as_utc(start))
    return (
        f"دیدار هنوز آغاز نشده است (آغاز {format_jalali(local)} {format_time(local)})؛"
        " پیش از آغاز نمی‌توان آن را «برگزارشده» ثبت کرد."
    )


def status_moves(
    current: VisitStatus | None, start: datetime | None, now: datetime
) -> tuple[StatusMove, ...]:
    """Every status with whether a visit in ``current`` (None: a new one) may move there now."""
    moves = []
    for status in VisitStatus:
        if current is not None and not can_transition(current, status):
            moves.append(refused_move(status, current, "visit"))
        elif held_too_early(current, status, start, now):
            moves.append(
                StatusMove(
                    status, False, "تنها پس از آغاز دیدار.", "Only once the visit has started."
                )
            )
        elif current is not None and needs_status_reason(current, status):
            moves.append(held_undone(status))
        else:
            moves.append(StatusMove(status, True, "", ""))
    return tuple(moves)


class LogKind(LabelledEnum):
    """What a visit's history entry records."""

    CONFLICT_REASON = "conflict_reason", "دلیل پیشین تداخل", "Earlier clash reason"
    STATUS_UNDONE = "status_undone", "لغو تغییر وضعیت", "Status move undone"


@dataclass(frozen=True)
class VisitLogItem:
    """One entry of a visit's history, as read back."""

    kind: LogKind
    at: datetime
    old_value: str = ""
    new_value: str = ""
    reason: str = ""


class GuestRole(LabelledEnum):
    """A guest's place in the delegation."""

    HEAD = "head", "رئیس هیئت", "Head of delegation"
    MEMBER = "member", "عضو هیئت", "Member"
    COMPANION = "companion", "همراه", "Companion"


#: Words of a title that make its holder the head of a delegation (Persian and English).
HEAD_TITLE_WORDS = ("سفیر", "رئیس", "رییس", "وزیر", "استاندار", "ambassador", "head", "minister")


def default_guest_role(title_fa: str, title_en: str = "", *, has_head: bool = False) -> GuestRole:
    """The role a guest is added with: head of delegation for an ambassador, a minister, a
    head… (unless the delegation already has a head), otherwise a member."""
    title = f"{title_fa} {title_en}".lower()
    if not has_head and any(word in title for word in HEAD_TITLE_WORDS):
        return GuestRole.HEAD
    return GuestRole.MEMBER


class ChecklistItem(LabelledEnum):
    """The items of the protocol checklist (چک‌لیست تشریفات), in display order."""

    FLAGS = "flags", "پرچم‌ها", "Flags"
    INTERPRETER = "interpreter", "مترجم", "Interpreter"
    GIFTS = "gifts", "هدایا", "Gifts"
    PRESS_PHOTOGRAPHER = "press_photographer", "خبرنگار و عکاس", "Press / photographer"
    SECURITY = "security", "حفاظت و امنیت", "Security"
    HOTEL = "hotel", "هتل", "Hotel"
    DIETARY = "dietary", "ملاحظات غذایی", "Dietary needs"
    SEATING = "seating", "چیدمان جایگاه‌ها", "Seating"


class ChecklistState(LabelledEnum):
    """State of one checklist item."""

    NOT_DONE = "not_done", "انجام‌نشده", "Not done"
    DONE = "done", "انجام‌شده", "Done"
    NOT_NEEDED = "not_needed", "لازم نیست", "Not needed"


class GiftDirection(LabelledEnum):
    """Whether the office gave the gift or received it."""

    GIVEN = "given", "اهدایی", "Given"
    RECEIVED = "received", "دریافتی", "Received"


class ConflictKind(LabelledEnum):
    """What clashes with a visit being saved."""

    HOST = "host", "میزبان", "Host"
    GUEST = "guest", "مهمان", "Guest"
    VENUE = "venue", "مکان", "Venue"
    OFF_DAY = "off_day", "روز تعطیل", "Day off"


# --- time helpers ----------------------------------------------------------------------


def as_utc(dt: datetime) -> datetime:
    """``dt`` in UTC; a naive ``dt`` is read as Tehran local time."""
    return from_local(dt)


def local_datetime(d: date, t: time = time(0, 0)) -> datetime:
    """The aware datetime of Tehran local date ``d`` at time ``t``."""
    return datetime.combine(d, t, tzinfo=TEHRAN)


def local_days_span(first: date, last: date) -> tuple[datetime, datetime]:
    """UTC bounds ``[start, end)`` of the Tehran local days ``first`` … ``last`` (inclusive)."""
    return (
        as_utc(local_datetime(first)),
        as_utc(local_datetime(last + timedelta(days=1))),
    )


def overlaps(a_start: datetime, a_end: datetime, b_start: datetime, b_end: datetime) -> bool:
    """Whether two half-open spans ``[start, end)`` share any moment (touching is not overlap)."""
    return a_start < b_end and b_start < a_end


def local_dates(start_at: datetime, end_at: datetime) -> list[date]:
    """The Tehran local dates a span touches (a span ending at midnight stops the day before)."""
    first = to_local(start_at).date()
    last_moment = to_local(end_at)
    last = last_moment.date()
    if last_moment.time() == time(0, 0) and last > first:
        last -= timedelta(days=1)
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def format_span_fa(start_at: datetime, end_at: datetime) -> str:
    """``۱۴۰۴/۰۵/۰۱ ۱۰:۰۰ تا ۱۲:۰۰`` (the end's date is shown only when it differs)."""
    start, end = to_local(start_at), to_local(end_at)
    text = f"{format_jalali(start)} {format_time(start)} تا "
    if end.date() != start.date():
        text += f"{format_jalali(end)} "
    return text + format_time(end)


def format_span_en(start_at: datetime, end_at: datetime) -> str:
    """``1404/05/01 10:00 to 12:00`` (Jalali date, Latin digits)."""
    start, end = to_local(start_at), to_local(end_at)
    text = f"{format_jalali(start, digits='latin')} {format_time(start, digits='latin')} to "
    if end.date() != start.date():
        text += f"{format_jalali(end, digits='latin')} "
    return text + format_time(end, digits="latin")


# --- records ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonRef:
    """A person mentioned by a visit, with the names needed to show them."""

    id: int
    name_fa: str
    name_en: str = ""
    title_fa: str = ""
    title_en: str = ""
    country_id: int | None = None

    def display(self, lang: str = "fa") -> str:
        """Name in ``lang``, falling back to the other language's name."""
        if lang == "en":
            return self.name_en or self.name_fa
        return self.name_fa or self.name_en


def _names(people: Iterable[PersonRef], lang: str) -> str:
    sep = ", " if lang == "en" else "، "
    return sep.join(p.display(lang) for p in people)


@dataclass(frozen=True)
class GuestEntry:
    """A guest of the visit: a person from the directory and their role."""

    person_id: int
    role: GuestRole = GuestRole.MEMBER


@dataclass(frozen=True)
class ItineraryEntry:
    """One item of the visit's programme (بند برنامه); ``id`` is None for a new item."""

    start_at: datetime | None
    end_at: datetime | None
    activity: str
    place: str = ""
    activity_en: str = ""  # for the itinerary handed to foreign guests
    place_en: str = ""
    responsible_text: str = ""
    responsible_person_id: int | None = None
    transport: str = ""
    interpreter: str = ""
    notes: str = ""
    id: int | None = None


@dataclass(frozen=True)
class ChecklistEntry:
    """One protocol checklist item and its state."""

    key: ChecklistItem
    state: ChecklistState = ChecklistState.NOT_DONE
    note: str = ""
    owner_text: str = ""  # who sees to it, as typed
    owner_person_id: int | None = None  # or a person of the directory
    deadline: date | None = None


@dataclass(frozen=True)
class GiftEntry:
    """A gift given to (or received from) a person; ``gift_date`` None means the visit's first day."""

    direction: GiftDirection
    description: str
    person_id: int | None = None
    gift_date: date | None = None
    notes: str = ""
    id: int | None = None


@dataclass(frozen=True)
class VisitInput:
    """The whole visit form; ``id``/``version`` are None for a new visit.

    ``country_id`` None is filled from the first guest who has a country.  ``hosts`` are
    person ids of the host officials.  Checklist items left out are stored as not done.
    ``followups`` are saved in the shared follow-up table with ``source_kind="visit"``
    (their own ``source_kind``/``source_id`` are ignored); read back they are
    ``FollowUpView``; one left out of the list is archived.
    """

    title: str = ""
    start_at: datetime | None = None
    end_at: datetime | None = None
    purpose: str = ""
    title_en: str = ""  # for the itinerary handed to foreign guests
    status: VisitStatus = VisitStatus.REQUESTED
    venue: str = ""
    country_id: int | None = None
    delegation_name: str = ""
    reference_number: str = ""  # the office's reference or letter number, e.g. ۱۴۰۴/ه/۷
    outcome: str = ""
    guests: tuple[GuestEntry, ...] = ()
    hosts: tuple[int, ...] = ()
    itinerary: tuple[ItineraryEntry, ...] = ()
    checklist: tuple[ChecklistEntry, ...] = ()
    gifts: tuple[GiftEntry, ...] = ()
    followups: tuple[FollowUpInput, ...] = ()
    confidential: bool = False  # hidden from users without clearance
    id: int | None = None
    version: int | None = None


#: The visit's free-text fields (every ``str`` of ``VisitInput``): the services store each
#: one normalised in the column of the same name and read it back by that name, so a new
#: text field is an attribute here, its column and its form declaration (CONTRIBUTING.md).
VISIT_TEXT_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(VisitInput) if f.type == "str")


@dataclass(frozen=True)
class VisitDetail(VisitInput):
    """A visit as read back: the form's data plus names and bookkeeping.

    Being a ``VisitInput``, it can be edited with ``dataclasses.replace`` and saved again.
    ``people`` holds every person the visit mentions (guests, hosts, gift recipients,
    responsible staff, follow-up owners); ``checklist`` always has every item in order.
    """

    conflict_reason: str = ""
    log: tuple[VisitLogItem, ...] = ()
    country_name_fa: str = ""
    country_name_en: str = ""
    archived_at: datetime | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    people: tuple[PersonRef, ...] = ()

    @property
    def archived(self) -> bool:
        """True when the visit has been archived (deleted by a user)."""
        return self.archived_at is not None

    def person(self, person_id: int | None) -> PersonRef | None:
        """The named person among ``people`` (None when unknown or ``person_id`` is None)."""
        return next((p for p in self.people if p.id == person_id), None)

    def guest_refs(self) -> tuple[PersonRef, ...]:
        """The guests as ``PersonRef``, in form order."""
        found = (self.person(g.person_id) for g in self.guests)
        return tuple(p for p in found if p is not None)

    def host_refs(self) -> tuple[PersonRef, ...]:
        """The host officials as ``PersonRef``, in form order."""
        found = (self.person(h) for h in self.hosts)
        return tuple(p for p in found if p is not None)


@dataclass(frozen=True)
class VisitSummary:
    """One row of the visits list, month grid or week agenda."""

    id: int
    version: int
    title: str
    start_at: datetime
    end_at: datetime
    status: VisitStatus
    venue: str = ""
    country_id: int | None = None
    country_name_fa: str = ""
    country_name_en: str = ""
    delegation_name: str = ""
    guests: tuple[PersonRef, ...] = ()
    hosts: tuple[PersonRef, ...] = ()
    archived: bool = False
    title_en: str = ""
    confidential: bool = False

    def title_in(self, lang: str = "fa") -> str:
        """The title in ``lang``: the English title in English when one is stored."""
        return self.title_en if lang == "en" and self.title_en else self.title

    def guest_names(self, lang: str = "fa") -> str:
        """The guests' names joined for a table cell (the delegation's name when none)."""
        return _names(self.guests, lang) or self.delegation_name

    def host_names(self, lang: str = "fa") -> str:
        """The host officials' names joined for a table cell."""
        return _names(self.hosts, lang)

    def country_name(self, lang: str = "fa") -> str:
        """Country name in ``lang``."""
        return (
            (self.country_name_en or self.country_name_fa) if lang == "en" else self.country_name_fa
        )


@dataclass(frozen=True)
class VisitFilter:
    """Filters of the visits list; all are applied in SQL.

    ``date_from``/``date_to`` are Tehran local dates (inclusive) and select visits that
    overlap them; ``text`` matches parts of words of the title, purpose, venue, delegation,
    country and people's names, ignoring Arabic/Persian letter variants, ZWNJ and diacritics.
    """

    country_id: int | None = None
    status: VisitStatus | None = None
    date_from: date | None = None
    date_to: date | None = None
    text: str = ""
    include_archived: bool = False
    archived_only: bool = False
    person_id: int | None = None  # a guest or host official of the visit
    organization_id: int | None = None  # a guest or host belongs to this organization


# Sort keys accepted by ``list_visits``.
SORT_KEYS: tuple[str, ...] = ("start", "end", "title", "status", "country", "venue")


@dataclass(frozen=True)
class Conflict:
    """Something that clashes with the visit being saved.

    For ``host``/``guest``/``venue`` the clashing visit is named; for ``off_day`` the date is.
    """

    kind: ConflictKind
    description_fa: str
    description_en: str = ""
    other_visit_id: int | None = None
    other_title: str = ""
    other_start: datetime | None = None
    other_end: datetime | None = None
    person_id: int | None = None
    day: date | None = None


def conflict_key(conflicts: Iterable[Conflict]) -> str:
    """What clashes, as a stable text: equal keys are the same clash (reason not asked again)."""
    parts = {
        "|".join(
            (
                c.kind.value,
                str(c.other_visit_id or ""),
                str(c.person_id or ""),
                c.day.isoformat() if c.day else "",
            )
        )
        for c in conflicts
    }
    return ";".join(sorted(parts))


class ConflictsFound(KnownError):
    """Saving refused: the visit clashes with others (or falls on a day off) and no reason was
    given for this clash.  ``previous_reason`` is the reason stored for an earlier clash (the
    form shows it to be kept or changed)."""

    def __init__(self, conflicts: list[Conflict], previous_reason: str = "") -> None:
        self.conflicts = list(conflicts)
        self.previous_reason = previous_reason
        lines_fa = "\n".join(f"• {c.description_fa}" for c in self.conflicts)
        lines_en = "\n".join(f"- {c.description_en or c.description_fa}" for c in self.conflicts)
        super().__init__(
            "این دیدار با برنامه‌های دیگر تداخل دارد؛ برای ذخیره، دلیل را بنویسید:\n" + lines_fa,
            "This visit conflicts with other plans; state a reason to save it anyway:\n" + lines_en,
        )


def person_conflict(
    kind: ConflictKind,
    person: PersonRef,
    other_id: int,
    other_title: str,
    other_start: datetime,
    other_end: datetime,
    *,
    other_as_host: bool,
) -> Conflict:
    """A host (``kind`` HOST) or guest (GUEST) of this visit is booked in another one.

    ``other_as_host`` says whether the person is a host or a guest of the other visit.
    """
    span_fa = format_span_fa(other_start, other_end)
    span_en = format_span_en(other_start, other_end)
    role_fa = "میزبان" if other_as_host else "مهمان"
    role_en = "a host" if other_as_host else "a guest"
    fa = f"«{person.display('fa')}» در همین زمان {role_fa} دیدار «{other_title}» ({span_fa}) است."
    en = f"{person.display('en')} is {role_en} of the visit '{other_title}' ({span_en}) at the same time."
    return Conflict(
        kind, fa, en, other_id, other_title, other_start, other_end, person_id=person.id
    )


def venue_conflict(
    venue: str, other_id: int, other_title: str, other_start: datetime, other_end: datetime
) -> Conflict:
    """The venue is booked by another visit at an overlapping time."""
    fa = f"محل «{venue}» در همین زمان برای دیدار «{other_title}» ({format_span_fa(other_start, other_end)}) رزرو شده است."
    en = f"The venue '{venue}' is booked for '{other_title}' ({format_span_en(other_start, other_end)}) at the same time."
    return Conflict(ConflictKind.VENUE, fa, en, other_id, other_title, other_start, other_end)


def hidden_conflict(
    kind: ConflictKind, *, person: PersonRef | None = None, venue: str = ""
) -> Conflict:
    """A host, guest (``person``) or the ``venue`` is booked at the same time in a visit the
    user may not see (confidential): the clash is told, the other visit is not named."""
    if person is not None:
        fa = f"«{person.display('fa')}» در همین زمان در دیدار دیگری است که دیدن آن برای شما مجاز نیست."
        en = f"{person.display('en')} is booked at the same time in another visit you may not see."
        return Conflict(kind, fa, en, person_id=person.id)
    fa = f"محل «{venue}» در همین زمان برای دیدار دیگری رزرو شده است که دیدن آن برای شما مجاز نیست."
    en = f"The venue '{venue}' is booked at the same time for another visit you may not see."
    return Conflict(kind, fa, en)


def _holiday_of(day: date, extra: tuple[Holiday, ...]) -> Holiday | None:
    year = to_jalali(day)[0]
    fixed = official_fixed_holidays(year) if MIN_YEAR <= year <= MAX_YEAR else []
    return holiday_on(day, fixed) or holiday_on(day, extra)


def off_day_conflicts(
    start_at: datetime, end_at: datetime, extra: Iterable[Holiday] = ()
) -> list[Conflict]:
    """A conflict for each Friday or official holiday (Tehran dates) the visit touches.

    ``extra`` holds the lunar and office holidays (``services.holidays``); an approximate
    (not yet confirmed) lunar holiday is named as such.
    """
    extra = tuple(extra)
    found: list[Conflict] = []
    for day in local_dates(start_at, end_at)[: MAX_VISIT_DAYS + 1]:
        holiday = _holiday_of(day, extra)
        when_fa = format_jalali(day, long=True, weekday=True)
        when_en = format_jalali(day, long=True, weekday=True, digits="latin", lang="en")
        if holiday is not None and holiday.approximate:
            fa = f"{when_fa} احتمالاً تعطیل رسمی است ({holiday.name_fa}، تاریخ تقریبی)."
            en = f"{when_en} is probably an official holiday ({holiday.name_en}, approximate date)."
        elif holiday is not None:
            fa = f"{when_fa} تعطیل رسمی است ({holiday.name_fa})."
            en = f"{when_en} is an official holiday ({holiday.name_en})."
        elif is_friday(day):
            fa = f"{when_fa} جمعه و روز تعطیل است."
            en = f"{when_en} is a Friday, the weekly day off."
        else:
            continue
        found.append(Conflict(ConflictKind.OFF_DAY, fa, en, day=day))
    return found


@dataclass(frozen=True)
class AgendaCards:
    """Data of the dashboard's visit cards: today's and this (Saturday–Friday) week's visits."""

    today: date
    week_start: date
    week_end: date
    today_visits: tuple[VisitSummary, ...] = ()
    week_visits: tuple[VisitSummary, ...] = ()


# --- validation ------------------------------------------------------------------------


def _blank(text: str | None) -> bool:
    return not (text or "").strip()


def validate_visit(visit: VisitInput) -> dict[str, str]:
    """Every problem with ``visit`` as ``{field: Persian message}`` (empty when it is valid)."""
    errors: dict[str, str] = {}
    if _blank(visit.title):
        errors["title"] = "عنوان دیدار را بنویسید."
    elif len(visit.title.strip()) > TITLE_MAX:
        errors["title"] = f"عنوان دیدار حداکثر {TITLE_MAX} نویسه است."
    if visit.start_at is None:
        errors["start_at"] = "زمان آغاز دیدار را وارد کنید."
    if visit.end_at is None:
        errors["end_at"] = "زمان پایان دیدار را وارد کنید."
    start = as_utc(visit.start_at) if visit.start_at is not None else None
    end = as_utc(visit.end_at) if visit.end_at is not None else None
    if start is not None and end is not None:
        if end <= start:
            errors["end_at"] = "زمان پایان دیدار باید بعد از زمان آغاز آن باشد."
        elif end - start > timedelta(days=MAX_VISIT_DAYS):
            errors["end_at"] = (
                f"دیدار بیش از {MAX_VISIT_DAYS} روز طول کشیده است؛ تاریخ پایان را بررسی کنید."
            )
    if not visit.guests and _blank(visit.delegation_name):
        errors["guests"] = "دست‌کم یک مهمان را انتخاب کنید یا نام هیئت را بنویسید."
    guest_ids = [g.person_id for g in visit.guests]
    if len(set(guest_ids)) != len(guest_ids):
        errors["guests"] = "یک شخص دو بار در فهرست مهمانان آمده است."
    if len(set(visit.hosts)) != len(visit.hosts):
        errors["hosts"] = "یک شخص دو بار در فهرست میزبانان آمده است."
    elif set(visit.hosts) & set(guest_ids):
        errors["hosts"] = "یک شخص نمی‌تواند هم میزبان و هم مهمان همین دیدار باشد."
    keys = [c.key for c in visit.checklist]
    if len(set(keys)) != len(keys):
        errors["checklist"] = "یک بند چک‌لیست تشریفات دو بار آمده است."
    errors.update(_itinerary_errors(visit, start, end))
    for i, gift in enumerate(visit.gifts):
        if _blank(gift.description):
            errors[f"gifts.{i}.description"] = "شرح هدیه را بنویسید."
        if gift.direction is GiftDirection.GIVEN and gift.person_id is None:
            errors[f"gifts.{i}.person_id"] = "گیرنده هدیه را انتخاب کنید."
    errors.update(followup_errors(visit.followups))
    return errors


def _itinerary_errors(
    visit: VisitInput, start: datetime | None, end: datetime | None
) -> dict[str, str]:
    errors: dict[str, str] = {}
    for i, item in enumerate(visit.itinerary):
        prefix = f"itinerary.{i}."
        if _blank(item.activity):
            errors[prefix + "activity"] = "شرح برنامه این بند را بنویسید."
        if item.start_at is None:
            errors[prefix + "start_at"] = "زمان آغاز این بند برنامه را وارد کنید."
        if item.end_at is None:
            errors[prefix + "end_at"] = "زمان پایان این بند برنامه را وارد کنید."
        if item.start_at is None or item.end_at is None:
            continue
        item_start, item_end = as_utc(item.start_at), as_utc(item.end_at)
        if item_end < item_start:
            errors[prefix + "end_at"] = "پایان این بند برنامه باید بعد از آغاز آن باشد."
            continue
        if start is not None and end is not None and end > start:
            if item_start < start or item_start > end:
                errors[prefix + "start_at"] = (
                    f"این بند برنامه باید در بازه دیدار باشد ({format_span_fa(start, end)})."
                )
            elif item_end > end:
                errors[prefix + "end_at"] = (
                    f"این بند برنامه باید پیش از پایان دیدار ({format_span_fa(start, end)}) تمام شود."
                )
    return errors


def complete_checklist(entries: Iterable[ChecklistEntry]) -> tuple[ChecklistEntry, ...]:
    """Every checklist item in display order, taking states from ``entries`` (others not done)."""
    given = {e.key: e for e in entries}
    return tuple(given.get(key, ChecklistEntry(key)) for key in ChecklistItem)


def checklist_progress(entries: Iterable[ChecklistEntry]) -> tuple[int, int]:
    """``(settled, total)``: items done or not needed, out of all items."""
    full = complete_checklist(entries)
    settled = sum(1 for e in full if e.state is not ChecklistState.NOT_DONE)
    return settled, len(full)


def gift_warning_text(
    person_name: str, description: str, earlier_title: str, earlier_date: date | None
) -> str:
    """The Persian warning shown before the same gift is given to the same person again."""
    when = f" در {format_jalali(earlier_date)}" if earlier_date is not None else ""
    return (
        f"هدیه «{description.strip()}» پیش‌تر{when} در دیدار «{earlier_title}» "
        f"به «{person_name}» داده شده است."
    )
