"""Events (رویداد) and their guests: the records passed between layers.

Dates of an event (``start_date``, ``end_date``) and times of day (``start_time``, programme
item times) are Tehran local values; ``checked_in_at`` is timezone-aware (Tehran).

Field names used as keys of ``ValidationError.errors``: ``title_fa``, ``kind``, ``status``,
``start_date``, ``end_date``, ``start_time``, ``end_time``, ``recurrence.<day|month|weekday|nth>``,
``programme.<i>.<field>``, ``person_id``, ``companions``, ``rsvp``, ``tables.<i>.<field>``,
``seat``, ``criteria``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from qazvin_diplomacy.core.jalali import format_jalali
from qazvin_diplomacy.core.labels import LabelledEnum
from qazvin_diplomacy.core.precedence import PrecedenceFlag, PrecedenceGroup
from qazvin_diplomacy.core.recurrence import RecurrenceRule, validate_rule
from qazvin_diplomacy.core.seating import TableSpec
from qazvin_diplomacy.core.status_moves import StatusMove, held_undone, refused_move
from qazvin_diplomacy.core.text import normalize, to_persian_digits

TITLE_MAX = 300
MAX_EVENT_DAYS = 31
MAX_COMPANIONS = 20


class EventKind(LabelledEnum):
    """What kind of event."""

    CULTURAL = "cultural", "فرهنگی", "Cultural"
    ECONOMIC = "economic", "اقتصادی", "Economic"
    EXHIBITION = "exhibition", "نمایشگاه", "Exhibition"
    CEREMONY = "ceremony", "مراسم", "Ceremony"


class EventStatus(LabelledEnum):
    """Where an event stands: draft → planned → invitations sent → held / postponed / cancelled."""

    DRAFT = "draft", "پیش‌نویس", "Draft"
    PLANNED = "planned", "برنامه‌ریزی‌شده", "Planned"
    INVITING = "inviting", "دعوت‌نامه‌ها ارسال‌شده", "Invitations sent"
    HELD = "held", "برگزارشده", "Held"
    POSTPONED = "postponed", "تعویق", "Postponed"
    CANCELLED = "cancelled", "لغو", "Cancelled"


# --- status workflow -------------------------------------------------------------------
# Held is the end of the road, with one way back (held → planned) so a wrong click can be
# undone.  An event is held only on or after its start date (``held_too_early``).  A
# cancelled event may be revived as a draft (the office reconsiders); a postponed one is
# planned again (or invitations resume, or it is called off).  An event may be held straight
# from "planned" (small events with no written invitations).

_ES = EventStatus
_TRANSITIONS: dict[EventStatus, frozenset[EventStatus]] = {
    _ES.DRAFT: frozenset({_ES.PLANNED, _ES.CANCELLED}),
    _ES.PLANNED: frozenset({_ES.DRAFT, _ES.INVITING, _ES.HELD, _ES.POSTPONED, _ES.CANCELLED}),
    _ES.INVITING: frozenset({_ES.HELD, _ES.POSTPONED, _ES.CANCELLED}),
    _ES.HELD: frozenset({_ES.PLANNED}),
    _ES.POSTPONED: frozenset({_ES.PLANNED, _ES.INVITING, _ES.CANCELLED}),
    _ES.CANCELLED: frozenset({_ES.DRAFT}),
}


def allowed_transitions(status: EventStatus | str) -> tuple[EventStatus, ...]:
    """Statuses an event in ``status`` may move to, in workflow order."""
    return tuple(s for s in EventStatus if s in _TRANSITIONS[EventStatus(status)])


def can_transition(old: EventStatus | str, new: EventStatus | str) -> bool:
    """Whether the workflow allows ``old`` → ``new`` (staying put is not a transition)."""
    return EventStatus(new) in _TRANSITIONS[EventStatus(old)]


def transition_error(old: EventStatus | str, new: EventStatus | str) -> str | None:
    """Persian message naming both statuses when ``old`` → ``new`` is not allowed, else None.

    Staying in the same status is always allowed (saving other fields).
    """
    old, new = EventStatus(old), EventStatus(new)
    if old == new or can_transition(old, new):
        return None
    allowed = "، ".join(f"«{s.label_fa}»" for s in allowed_transitions(old))
    tail = f" از این وضعیت فقط به {allowed} می‌توان رفت." if allowed else " این وضعیت نهایی است."
    return f"تغییر وضعیت رویداد از «{old.label_fa}» به «{new.label_fa}» مجاز نیست.{tail}"


class Rsvp(LabelledEnum):
    """A guest's reply (پاسخ دعوت)."""

    YES = "yes", "اعلام حضور", "Attending"
    NO = "no", "عدم حضور", "Declined"
    NO_REPLY = "no_reply", "بی‌پاسخ", "No reply"


class InvitationChannel(LabelledEnum):
    """How the invitation was sent."""

    NOTE_VERBALE = (
        "note_verbale",
        "یادداشت دیپلماتیک (از طریق وزارت امور خارجه)",
        "Note verbale (via MFA)",
    )
    LETTER = "letter", "نامهٔ رسمی", "Official letter"
    EMAIL = "email", "رایانامه", "E-mail"
    FAX = "fax", "نمابر", "Fax"
    PHONE = "phone", "تلفن", "Phone"
    IN_PERSON = "in_person", "تحویل حضوری", "By hand"


@dataclass(frozen=True)
class ProgrammeEntry:
    """One programme item; ``id`` None for a new one."""

    item_fa: str
    start_time: time | None = None
    end_time: time | None = None
    item_en: str = ""
    speaker: str = ""
    speaker_en: str = ""
    id: int | None = None


@dataclass(frozen=True)
class EventInput:
    """The event form; ``id``/``version`` None for a new event.

    ``recurrence`` None: the event does not recur.
    """

    title_fa: str = ""
    start_date: date | None = None
    end_date: date | None = None  # None: same day as start
    title_en: str = ""
    kind: EventKind = EventKind.CULTURAL
    status: EventStatus = EventStatus.DRAFT
    start_time: time | None = None
    end_time: time | None = None
    venue: str = ""
    venue_en: str = ""
    organizer: str = ""
    organizer_en: str = ""
    description: str = ""
    budget_notes: str = ""
    recurrence: RecurrenceRule | None = None
    programme: tuple[ProgrammeEntry, ...] = ()
    id: int | None = None
    version: int | None = None


@dataclass(frozen=True)
class ReplyCounts:
    """Invitations of an event by reply, with attendance and companions."""

    invited: int = 0
    yes: int = 0
    no: int = 0
    no_reply: int = 0
    attended: int = 0
    companions_yes: int = 0

    @property
    def expected_people(self) -> int:
        """Guests who said yes plus their companions."""
        return self.yes + self.companions_yes


@dataclass(frozen=True)
class EventDetail(EventInput):
    """An event as read back; being an ``EventInput`` it can be edited and saved again."""

    source_event_id: int | None = None
    counts: ReplyCounts = ReplyCounts()
    tables: tuple[TableSpec, ...] = ()
    archived_at: datetime | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    #: "held" taken back, oldest first, each with its reason
    log: tuple[StatusUndo, ...] = ()

    @property
    def archived(self) -> bool:
        """True when the event has been archived."""
        return self.archived_at is not None


@dataclass(frozen=True)
class EventSummary:
    """A row of the events list or of the dashboard."""

    id: int
    version: int
    title_fa: str
    title_en: str
    kind: EventKind
    status: EventStatus
    start_date: date
    end_date: date
    start_time: time | None
    venue: str
    counts: ReplyCounts
    recurring: bool = False
    source_event_id: int | None = None
    archived: bool = False
    venue_en: str = ""

    def title_in(self, lang: str = "fa") -> str:
        """The title in ``lang`` (the other one when only that one is stored)."""
        first, other = (
            (self.title_en, self.title_fa) if lang == "en" else (self.title_fa, self.title_en)
        )
        return first or other

    def venue_in(self, lang: str = "fa") -> str:
        """The venue in ``lang``: the English venue in English when one is stored."""
        return self.venue_en if lang == "en" and self.venue_en else self.venue


@dataclass(frozen=True)
class EventFilter:
    """Filters of the events list (all applied in SQL)."""

    text: str = ""
    kind: EventKind | None = None
    status: EventStatus | None = None
    date_from: date | None = None
    date_to: date | None = None
    include_archived: bool = False
    archived_only: bool = False
    person_id: int | None = None  # invited
    organization_id: int | None = None  # one of its people invited
    country_id: int | None = None  # one of its people invited


@dataclass(frozen=True)
class GuestInput:
    """Editable fields of one invitation; ``id`` None to invite ``person_id`` anew."""

    person_id: int
    companions: int = 0
    invitation_sent_on: date | None = None
    invitation_channel: InvitationChannel | None = None
    rsvp: Rsvp = Rsvp.NO_REPLY
    rsvp_on: date | None = None
    interpreter_for_person_id: int | None = None
    remarks: str = ""
    id: int | None = None
    version: int | None = None


@dataclass(frozen=True)
class GuestView(GuestInput):
    """An invitation as read back, with what lists, badges and cards show of the person."""

    event_id: int = 0
    name_fa: str = ""
    name_en: str = ""
    honorific_fa: str = ""
    honorific_en: str = ""
    title_fa: str = ""
    title_en: str = ""
    organization_name_fa: str = ""
    organization_name_en: str = ""
    country_id: int | None = None
    country_iso2: str = ""
    country_name_fa: str = ""
    country_name_en: str = ""
    diplomatic_rank: str | None = None
    functions_started_at: datetime | None = None
    attended: bool = False
    checked_in_at: datetime | None = None
    table_no: int | None = None
    seat_no: int | None = None
    seat_behind: bool = False
    seat_manual: bool = False
    manual_precedence: int | None = None
    # Filled in precedence-ordered lists only.
    position: int | None = None
    precedence_group: PrecedenceGroup | None = None
    precedence_note: str = ""
    precedence_note_en: str = ""
    flagged: bool = False

    def display(self, lang: str = "fa") -> str:
        """Name in ``lang``, falling back to the other language."""
        if lang == "en":
            return self.name_en or self.name_fa
        return self.name_fa or self.name_en


@dataclass(frozen=True)
class InviteCriteria:
    """Whom to invite by filter; set criteria are combined (AND).  At least one is required.

    ``heads_of_mission``: ambassadors, envoys and chargés d'affaires, plus chargés ad interim
    when ``include_ad_interim``.  ``region`` is a country region key (``country.region``,
    e.g. "central_asia"); ``organization_kind`` an ``OrganizationKind`` value.
    """

    heads_of_mission: bool = False
    include_ad_interim: bool = True
    region: str | None = None
    country_id: int | None = None
    organization_kind: str | None = None

    @property
    def empty(self) -> bool:
        """True when no criterion is set."""
        return not (
            self.heads_of_mission
            or self.region
            or self.country_id is not None
            or self.organization_kind
        )


@dataclass(frozen=True)
class SkippedPerson:
    """Someone not invited, and why (Persian)."""

    person_id: int
    name_fa: str
    reason_fa: str


@dataclass(frozen=True)
class InviteResult:
    """What an invitation run did: the new invitations and the people skipped."""

    invited: tuple[GuestView, ...]
    skipped: tuple[SkippedPerson, ...] = ()

    @property
    def message_fa(self) -> str:
        """One-line Persian report for the status bar."""
        text = f"{to_persian_digits(len(self.invited))} نفر دعوت شدند"
        if self.skipped:
            text += f"؛ {to_persian_digits(len(self.skipped))} نفر پیش‌تر دعوت شده بودند و دوباره دعوت نشدند"
        return text + "."


@dataclass(frozen=True)
class GuestList:
    """The guests of an event in precedence order, with the points a human must decide."""

    event_id: int
    guests: tuple[GuestView, ...]
    flags: tuple[PrecedenceFlag, ...] = ()

    @property
    def open_flags(self) -> tuple[PrecedenceFlag, ...]:
        """Flags not resolved by a manual order."""
        return tuple(f for f in self.flags if not f.resolved)


@dataclass(frozen=True)
class SeatView:
    """One seat of a table: its number and who sits there (None: empty); host flagged."""

    seat: int
    guest: GuestView | None = None
    host_person_id: int | None = None
    host_name_fa: str = ""
    host_name_en: str = ""


@dataclass(frozen=True)
class TableView:
    """A table of the plan with every seat in seat-number order and who sits behind whom."""

    spec: TableSpec
    seats: tuple[SeatView, ...]
    behind: tuple[GuestView, ...] = ()


@dataclass(frozen=True)
class SeatingView:
    """The saved seating plan of an event (for the diagram and the place cards)."""

    event_id: int
    tables: tuple[TableView, ...]
    unseated: tuple[GuestView, ...] = ()


@dataclass(frozen=True)
class EventDashboard:
    """Dashboard cards: upcoming events with reply counts, and those still awaiting replies."""

    today: date
    upcoming: tuple[EventSummary, ...]
    awaiting_replies: tuple[EventSummary, ...]


@dataclass(frozen=True)
class EventDates:
    """An event's dates and time as printed (Jalali and Gregorian, in both languages)."""

    jalali_fa: str  # «شنبه ۱۹ اردیبهشت ۱۴۰۴»
    gregorian_fa: str  # «۹ مه ۲۰۲۵»
    jalali_en: str  # "Friday 19 Ordibehesht 1404"
    gregorian_en: str  # "Friday 9 May 2025"
    time_fa: str = ""  # «۱۷:۰۰»
    time_en: str = ""  # "17:00"


@dataclass(frozen=True)
class InvitationLetter:
    """Everything one personalised bilingual invitation letter prints."""

    guest: GuestView
    salutation_fa: str  # «جناب آقای عادل حسین الجبوری»
    salutation_en: str  # "H.E. Mr. Adel Hussein Al-Jubouri"
    event_title_fa: str
    event_title_en: str
    dates: EventDates
    venue_fa: str
    venue_en: str
    organizer_fa: str
    organizer_en: str
    host_name_fa: str = ""
    host_name_en: str = ""
    host_title_fa: str = ""
    host_title_en: str = ""
    programme: tuple[ProgrammeEntry, ...] = ()


@dataclass(frozen=True)
class Badge:
    """A name badge."""

    guest_id: int
    name_fa: str
    name_en: str
    title_fa: str
    title_en: str
    country_fa: str
    country_en: str
    category_fa: str  # «سفیر»، «مهمان» …
    category_en: str
    event_title_fa: str
    event_title_en: str
    #: "guest", "interpreter" (someone's interpreter) or "staff" (the organizer's own people).
    kind: str = "guest"


@dataclass(frozen=True)
class PlaceCard:
    """A folded table card: the guest's name in Persian and English, table and seat."""

    guest_id: int
    name_fa: str
    name_en: str
    honorific_fa: str
    honorific_en: str
    country_fa: str
    country_en: str
    table_no: int | None
    seat_no: int | None


@dataclass(frozen=True)
class CountryAttendance:
    """One country's line of the event summary."""

    country_id: int | None
    country_fa: str
    country_en: str
    invited: int
    yes: int
    no: int
    no_reply: int
    attended: int
    companions: int


@dataclass(frozen=True)
class EventReportData:
    """The event and its dates as every printed document heads them."""

    event: EventDetail
    dates: EventDates


@dataclass(frozen=True)
class EventSummaryReport:
    """After the event: totals and attendance by country (countries by Persian name, none last)."""

    header: EventReportData
    totals: ReplyCounts
    by_country: tuple[CountryAttendance, ...]
    attended_companions: int = 0


def held_too_early(
    old: EventStatus | str | None, new: EventStatus | str, start: date | None, today: date
) -> str | None:
    """Persian message when an event is marked held before its start date, else None.

    ``old`` is the saved status (None for a new event); an event already held may keep the
    status (its other fields are still corrected).
    """
    if EventStatus(new) is not EventStatus.HELD or start is None or start <= today:
        return None
    if old is not None and EventStatus(old) is EventStatus.HELD:
        return None
    return (
        f"رویداد هنوز برگزار نشده است (تاریخ آغاز {format_jalali(start)})؛"
        " پیش از این تاریخ نمی‌توان آن را «برگزارشده» ثبت کرد."
    )


def needs_status_reason(old: EventStatus | str | None, new: EventStatus | str) -> bool:
    """Whether ``old`` → ``new`` takes back "held" (a reason is then required and kept)."""
    return old is not None and EventStatus(old) is _ES.HELD and EventStatus(new) is not _ES.HELD


def status_moves(
    current: EventStatus | str | None, start: date | None, today: date
) -> tuple[StatusMove, ...]:
    """Every status with whether an event in ``current`` (None: a new one) may move there now."""
    current = EventStatus(current) if current is not None else None
    moves = []
    for status in EventStatus:
        if current is not None and status is not current and not can_transition(current, status):
            moves.append(refused_move(status, current, "event"))
        elif held_too_early(current, status, start, today):
            moves.append(
                StatusMove(
                    status, False, "تنها از روز آغاز رویداد.", "Only from the day the event starts."
                )
            )
        elif needs_status_reason(current, status):
            moves.append(held_undone(status))
        else:
            moves.append(StatusMove(status, True, "", ""))
    return tuple(moves)


@dataclass(frozen=True)
class StatusUndo:
    """A "held" taken back, as kept in the event's history: when, from/to, and why."""

    at: datetime
    old_status: EventStatus
    new_status: EventStatus
    reason: str


def validate_event(event: EventInput) -> dict[str, str]:
    """Persian messages by field for an event form that cannot be saved (empty: fine)."""
    errors: dict[str, str] = {}
    title = normalize(event.title_fa)
    if not title:
        errors["title_fa"] = "عنوان فارسی رویداد را وارد کنید."
    elif len(title) > TITLE_MAX:
        errors["title_fa"] = f"عنوان رویداد حداکثر {to_persian_digits(TITLE_MAX)} نویسه است."
    if len(normalize(event.title_en)) > TITLE_MAX:
        errors["title_en"] = f"عنوان انگلیسی حداکثر {to_persian_digits(TITLE_MAX)} نویسه است."
    try:
        EventKind(event.kind)
    except ValueError:
        errors["kind"] = "نوع رویداد معتبر نیست."
    try:
        EventStatus(event.status)
    except ValueError:
        errors["status"] = "وضعیت رویداد معتبر نیست."
    if event.start_date is None:
        errors["start_date"] = "تاریخ رویداد را وارد کنید."
    elif event.end_date is not None:
        if event.end_date < event.start_date:
            errors["end_date"] = "تاریخ پایان رویداد پیش از تاریخ آغاز آن است."
        elif (event.end_date - event.start_date).days >= MAX_EVENT_DAYS:
            errors["end_date"] = (
                f"رویداد بیش از {to_persian_digits(MAX_EVENT_DAYS)} روز طول کشیده است؛ تاریخ‌ها را بررسی کنید."
            )
    single_day = event.end_date is None or event.end_date == event.start_date
    if (
        single_day
        and event.start_time is not None
        and event.end_time is not None
        and event.end_time <= event.start_time
    ):
        errors["end_time"] = "ساعت پایان باید پس از ساعت آغاز باشد."
    if event.recurrence is not None:
        for name, message in validate_rule(event.recurrence).items():
            errors[f"recurrence.{name}"] = message
    for i, item in enumerate(event.programme):
        if not normalize(item.item_fa):
            errors[f"programme.{i}.item_fa"] = "شرح بند برنامه را وارد کنید."
        if (
            item.start_time is not None
            and item.end_time is not None
            and item.end_time <= item.start_time
        ):
            errors[f"programme.{i}.end_time"] = (
                "ساعت پایان بند برنامه باید پس از ساعت آغاز آن باشد."
            )
    return errors


def validate_guest(guest: GuestInput) -> dict[str, str]:
    """Persian messages by field for invitation fields that cannot be saved."""
    errors: dict[str, str] = {}
    if not 0 <= guest.companions <= MAX_COMPANIONS:
        errors["companions"] = (
            f"تعداد همراهان باید بین ۰ و {to_persian_digits(MAX_COMPANIONS)} باشد."
        )
    try:
        Rsvp(guest.rsvp)
    except ValueError:
        errors["rsvp"] = "پاسخ دعوت معتبر نیست."
    if guest.invitation_channel is not None:
        try:
            InvitationChannel(guest.invitation_channel)
        except ValueError:
            errors["invitation_channel"] = "شیوهٔ ارسال دعوت‌نامه معتبر نیست."
    if (
        guest.interpreter_for_person_id is not None
        and guest.interpreter_for_person_id == guest.person_id
    ):
        errors["interpreter_for_person_id"] = "مترجم نمی‌تواند مترجم خودش باشد."
    if (
        guest.rsvp_on is not None
        and guest.invitation_sent_on is not None
        and guest.rsvp_on < guest.invitation_sent_on
    ):
        errors["rsvp_on"] = "تاریخ پاسخ پیش از تاریخ ارسال دعوت‌نامه است."
    return errors
