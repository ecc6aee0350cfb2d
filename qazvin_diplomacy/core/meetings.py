"""Meetings of the economic-diplomacy secretariat: series, sessions, minutes and resolutions.

A *series* (کارگروه، شورا) meets again and again: every Saturday, the first Saturday of each
month …; its sessions are numbered (the next one is «جلسه ۱۰۸»).  A *meeting* moves
draft → held → minutes approved; approved minutes are locked and a correction makes a new
version of them (the earlier one kept).  A *resolution* (مصوبه) is numbered «۱۰۷/۳»
(session/item), owned by a body (an organization) and followed until done or cancelled;
"overdue" is not stored: it is derived from the deadline against today's Tehran date.

Dataclasses here pass between the layers; no Qt, no SQL.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, time, timedelta

from qazvin_diplomacy.core.errors import ValidationError
from qazvin_diplomacy.core.jalali import (
    WEEKDAY_NAMES_EN,
    WEEKDAY_NAMES_FA,
    Holiday,
    add_jalali_months,
    days_in_month,
    from_jalali,
    holiday_name,
    jalali_weekday,
    to_jalali,
)
from qazvin_diplomacy.core.labels import LabelledEnum
from qazvin_diplomacy.core.text import normalize, to_latin_digits, to_persian_digits

__all__ = [
    "Attendance",
    "AttendeeInput",
    "AgendaItemInput",
    "Frequency",
    "LinkInput",
    "LinkKind",
    "LogKind",
    "MeetingFilter",
    "MeetingInput",
    "MeetingStatus",
    "MeetingView",
    "MemberInput",
    "MinutesVersion",
    "PlannedSession",
    "ResolutionDue",
    "ResolutionFilter",
    "ResolutionInput",
    "ResolutionLogEntry",
    "ResolutionLogInput",
    "ResolutionStatus",
    "ResolutionView",
    "SeriesInput",
    "SeriesRecurrence",
    "SeriesView",
    "days_overdue",
    "describe_recurrence",
    "format_resolution_number",
    "is_overdue",
    "next_session_number",
    "occurrences",
    "parse_resolution_number",
    "planned_sessions",
    "validate_recurrence",
    "validate_resolution",
    "validate_resolution_status",
    "validate_series",
]


# --- labelled codes -----------------------------------------------------------------------


class MeetingStatus(LabelledEnum):
    """Where a meeting stands; approved minutes are locked."""

    DRAFT = "draft", "پیش‌نویس", "Draft"
    HELD = "held", "برگزارشده", "Held"
    APPROVED = "approved", "صورتجلسه تأییدشده", "Minutes approved"

    @property
    def locked(self) -> bool:
        """Whether the minutes (header, attendees, agenda, resolutions' wording) are locked."""
        return self is MeetingStatus.APPROVED


#: The moves a meeting's status may make by the status control (approval has its own
#: service, and a correction of approved minutes reopens them as a new version).
MEETING_MOVES: dict[MeetingStatus, tuple[MeetingStatus, ...]] = {
    MeetingStatus.DRAFT: (MeetingStatus.HELD,),
    MeetingStatus.HELD: (MeetingStatus.DRAFT, MeetingStatus.APPROVED),
    MeetingStatus.APPROVED: (),
}


class ResolutionStatus(LabelledEnum):
    """Where a resolution stands (overdue is derived, see :func:`is_overdue`)."""

    OPEN = "open", "باز", "Open"
    IN_PROGRESS = "in_progress", "در حال اقدام", "In progress"
    DONE = "done", "انجام‌شده", "Done"
    CANCELLED = "cancelled", "لغوشده", "Cancelled"

    @property
    def is_closed(self) -> bool:
        """Done or cancelled."""
        return self in (ResolutionStatus.DONE, ResolutionStatus.CANCELLED)


#: Statuses of a resolution still to be followed.
OPEN_RESOLUTION_STATUSES = (ResolutionStatus.OPEN.value, ResolutionStatus.IN_PROGRESS.value)


class ResolutionDue(LabelledEnum):
    """Which resolutions a list shows by state and deadline (the ``--status`` of the CLI)."""

    ALL = "all", "همه", "All"
    OPEN = "open", "همهٔ باز", "All open"
    OVERDUE = "overdue", "گذشته از مهلت", "Overdue"
    WEEK = "week", "مهلت این هفته", "Due this week"
    DONE = "done", "انجام‌شده", "Done"
    CANCELLED = "cancelled", "لغوشده", "Cancelled"


class Attendance(LabelledEnum):
    """Whether an invited member came."""

    PRESENT = "present", "حاضر", "Present"
    ABSENT = "absent", "غایب", "Absent"
    REPRESENTED = "represented", "با نماینده", "Represented"


class LogKind(LabelledEnum):
    """What a follow-up log entry of a resolution records."""

    LETTER_SENT = "letter_sent", "ارسال نامه", "Letter sent"
    REPLY_RECEIVED = "reply_received", "دریافت پاسخ", "Reply received"
    REMINDER = "reminder", "یادآوری", "Reminder"
    REPORT = "report", "گزارش پیشرفت", "Progress report"
    DEADLINE_MOVED = "deadline_moved", "تغییر مهلت", "Deadline moved"
    STATUS_CHANGED = "status_changed", "تغییر وضعیت", "Status changed"


#: Kinds a person records by hand (the others are written by the services).
MANUAL_LOG_KINDS = (
    LogKind.LETTER_SENT,
    LogKind.REPLY_RECEIVED,
    LogKind.REMINDER,
    LogKind.REPORT,
)


class LinkKind(LabelledEnum):
    """What a meeting or resolution may be linked to (a generic ``kind`` + ``id``)."""

    VISIT = "visit", "دیدار", "Visit"
    AGREEMENT = "agreement", "موافقت‌نامه", "Agreement"
    EVENT = "event", "رویداد", "Event"
    DELEGATION = "delegation", "هیئت", "Delegation"
    MARKET = "market", "بازار هدف", "Target market"


class Frequency(LabelledEnum):
    """How often a series meets."""

    NONE = "none", "بدون تکرار منظم", "No fixed recurrence"
    WEEKLY = "weekly", "هفتگی", "Weekly"
    MONTHLY_DAY = "monthly_day", "ماهانه (روز معین ماه)", "Monthly (day of month)"
    MONTHLY_WEEKDAY = "monthly_weekday", "ماهانه (روز هفته)", "Monthly (weekday)"


# --- resolution numbers -------------------------------------------------------------------


def format_resolution_number(session_number: int, seq: int, digits: str = "fa") -> str:
    """«۱۰۷/۳»: resolution ``seq`` of session ``session_number`` (Latin ``107/3`` for ``digits="latin"``)."""
    text = f"{session_number}/{seq}"
    return text if digits == "latin" else to_persian_digits(text)


_NUMBER = re.compile(r"^\s*(\d+)\s*[/\\\-.،,]\s*(\d+)\s*$")


def parse_resolution_number(text: str) -> tuple[int, int] | None:
    """``(session, seq)`` of «۱۰۷/۳», «107/3», «١٠٧-٣» (any digit script); None otherwise."""
    found = _NUMBER.match(to_latin_digits(normalize(text or "")))
    if not found:
        return None
    return int(found.group(1)), int(found.group(2))


def next_session_number(existing: Iterable[int], first_number: int = 1) -> int:
    """The number of a series' next session: one after the highest used, else ``first_number``.

    A series recorded part-way (the dialogue council starts at its 107th session here) sets
    ``first_number``; a gap left by a deleted session is not reused.
    """
    numbers = [n for n in existing if n is not None]
    if not numbers:
        return max(first_number, 1)
    return max(max(numbers) + 1, first_number)


# --- overdue ------------------------------------------------------------------------------


def is_overdue(deadline: date | None, status: str, today: date) -> bool:
    """Past its deadline (before ``today``, a Tehran date) and not done or cancelled."""
    return deadline is not None and deadline < today and status in OPEN_RESOLUTION_STATUSES


def days_overdue(deadline: date | None, status: str, today: date) -> int:
    """How many days past its deadline an open resolution is (0 when it is not overdue)."""
    if not is_overdue(deadline, status, today):
        return 0
    assert deadline is not None
    return (today - deadline).days


# --- recurrence ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SeriesRecurrence:
    """A series' Jalali rhythm.

    * ``weekly``: every ``interval`` weeks on ``weekday`` (0 = شنبه … 6 = جمعه);
    * ``monthly_day``: day ``day`` (1–31) of every ``interval`` months; a shorter month
      (Esfand has 29 days, 30 in a leap year) meets on its last day;
    * ``monthly_weekday``: the ``nth`` (1–5, -1 = last) ``weekday`` of every ``interval``
      months; a month without a fifth one is skipped;
    * ``none``: no fixed rhythm.
    """

    frequency: Frequency = Frequency.NONE
    weekday: int | None = None
    day: int | None = None
    nth: int | None = None
    interval: int = 1


def validate_recurrence(rule: SeriesRecurrence) -> dict[str, str]:
    """Persian messages by field (``weekday``, ``day``, ``nth``, ``interval``) for a bad rule."""
    errors: dict[str, str] = {}
    kind = Frequency(rule.frequency)
    if kind is Frequency.NONE:
        return errors
    if not 1 <= (rule.interval or 0) <= 12:
        errors["interval"] = "فاصلهٔ تکرار باید عددی بین ۱ و ۱۲ باشد."
    if kind in (Frequency.WEEKLY, Frequency.MONTHLY_WEEKDAY):
        if rule.weekday is None or not 0 <= rule.weekday <= 6:
            errors["weekday"] = "روز هفتهٔ جلسه را انتخاب کنید (شنبه تا جمعه)."
    if kind is Frequency.MONTHLY_DAY and (rule.day is None or not 1 <= rule.day <= 31):
        errors["day"] = "روز ماه باید عددی بین ۱ و ۳۱ باشد."
    if kind is Frequency.MONTHLY_WEEKDAY and rule.nth not in (1, 2, 3, 4, 5, -1):
        errors["nth"] = "ترتیب باید اول تا پنجم یا «آخر» باشد."
    return errors


def _month_weekday(year: int, month: int, weekday: int, nth: int) -> date | None:
    first = from_jalali(year, month, 1)
    length = days_in_month(year, month)
    if nth == -1:
        last = first + timedelta(days=length - 1)
        return last - timedelta(days=(jalali_weekday(last) - weekday) % 7)
    day = first + timedelta(days=(weekday - jalali_weekday(first)) % 7 + 7 * (nth - 1))
    return day if to_jalali(day)[1] == month else None


def occurrences(
    rule: SeriesRecurrence, first: date, last: date, *, anchor: date | None = None
) -> list[date]:
    """The dates between ``first`` and ``last`` (inclusive) on which the series meets.

    ``anchor`` (e.g. the series' first session) fixes which weeks or months count when
    ``interval`` > 1; by default ``first``.
    """
    if last < first or validate_recurrence(rule):
        return []
    kind = Frequency(rule.frequency)
    anchor = anchor or first
    step = rule.interval or 1
    found: list[date] = []
    if kind is Frequency.WEEKLY:
        assert rule.weekday is not None
        start = anchor + timedelta(days=(rule.weekday - jalali_weekday(anchor)) % 7)
        period = 7 * step
        # The first of the anchor's weeks (before or after it) on or after ``first``.
        start += timedelta(days=-(-(first - start).days // period) * period)
        day = start
        while day <= last:
            found.append(day)
            day += timedelta(days=7 * step)
        return found
    if kind is Frequency.NONE:
        return []
    a_year, a_month, _ = to_jalali(anchor)
    year, month, _ = to_jalali(first)
    months = (year * 12 + month) - (a_year * 12 + a_month)
    if months % step:
        year, month = add_jalali_months(year, month, step - months % step)
    while from_jalali(year, month, 1) <= last:
        day: date | None
        if kind is Frequency.MONTHLY_DAY:
            assert rule.day is not None
            day = from_jalali(year, month, min(rule.day, days_in_month(year, month)))
        else:
            assert rule.weekday is not None and rule.nth is not None
            day = _month_weekday(year, month, rule.weekday, rule.nth)
        if day is not None and first <= day <= last:
            found.append(day)
        year, month = add_jalali_months(year, month, step)
    return found


@dataclass(frozen=True)
class PlannedSession:
    """A session the rhythm gives: its date, the number it would take and the holiday (if any)
    that falls on it (Persian name; such a session is flagged so the office can move it)."""

    day: date
    number: int
    holiday_fa: str = ""

    @property
    def on_holiday(self) -> bool:
        """Whether the date is an official holiday (or a Friday)."""
        return bool(self.holiday_fa)


def planned_sessions(
    rule: SeriesRecurrence,
    first: date,
    last: date,
    *,
    next_number: int,
    holidays: Iterable[Holiday] = (),
    anchor: date | None = None,
) -> list[PlannedSession]:
    """:func:`occurrences` numbered from ``next_number``, each flagged with the holiday on it.

    ``holidays`` are the lunar and office holidays (``services.holidays.holidays_in``); the
    fixed ones are always known.  A Friday counts as a day off too.
    """
    extra = list(holidays)
    planned: list[PlannedSession] = []
    for offset, day in enumerate(occurrences(rule, first, last, anchor=anchor)):
        name = holiday_name(day, extra) or ("جمعه" if jalali_weekday(day) == 6 else "")
        planned.append(PlannedSession(day, next_number + offset, name))
    return planned


_NTH_FA = {1: "اول", 2: "دوم", 3: "سوم", 4: "چهارم", 5: "پنجم", -1: "آخر"}
_NTH_EN = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", -1: "last"}


def describe_recurrence(rule: SeriesRecurrence, lang: str = "fa") -> str:
    """«هر شنبه», «هر دو هفته، شنبه», «روز ۱۰ هر ماه», «اولین شنبهٔ هر ماه» (or English)."""
    kind = Frequency(rule.frequency)
    if kind is Frequency.NONE or validate_recurrence(rule):
        return kind.label(lang) if kind is Frequency.NONE else ""
    step = rule.interval or 1
    if lang == "en":
        if kind is Frequency.WEEKLY:
            assert rule.weekday is not None
            name = WEEKDAY_NAMES_EN[rule.weekday]
            return f"Every {name}" if step == 1 else f"Every {step} weeks on {name}"
        every = "every month" if step == 1 else f"every {step} months"
        if kind is Frequency.MONTHLY_DAY:
            return f"Day {rule.day} of {every}"
        assert rule.weekday is not None and rule.nth is not None
        return f"The {_NTH_EN[rule.nth]} {WEEKDAY_NAMES_EN[rule.weekday]} of {every}"
    if kind is Frequency.WEEKLY:
        assert rule.weekday is not None
        name = WEEKDAY_NAMES_FA[rule.weekday]
        return f"هر {name}" if step == 1 else f"هر {to_persian_digits(step)} هفته، {name}"
    every = "هر ماه" if step == 1 else f"هر {to_persian_digits(step)} ماه"
    if kind is Frequency.MONTHLY_DAY:
        return f"روز {to_persian_digits(rule.day)} {every}"
    assert rule.weekday is not None and rule.nth is not None
    return f"{WEEKDAY_NAMES_FA[rule.weekday]} {_NTH_FA[rule.nth]} {every}"


# --- series -------------------------------------------------------------------------------


@dataclass(frozen=True)
class MemberInput:
    """A standing member of a series: a person or a body (organization), with a role text."""

    person_id: int | None = None
    organization_id: int | None = None
    role: str = ""


@dataclass(frozen=True)
class SeriesInput:
    """A meeting series as edited in its form."""

    name_fa: str
    name_en: str = ""
    chair_person_id: int | None = None
    chair_text: str = ""
    secretary_person_id: int | None = None
    secretary_text: str = ""
    venue: str = ""
    recurrence: SeriesRecurrence = field(default_factory=SeriesRecurrence)
    start_time: time | None = None
    end_time: time | None = None
    first_number: int = 1
    notes: str = ""
    members: tuple[MemberInput, ...] = ()
    id: int | None = None
    version: int | None = None


@dataclass(frozen=True)
class SeriesView(SeriesInput):
    """A series as read back: names resolved, its sessions counted, the next one known."""

    chair_name: str = ""
    secretary_name: str = ""
    member_names: tuple[str, ...] = ()
    meeting_count: int = 0
    last_number: int | None = None
    next_number: int = 1
    next_date: date | None = None
    last_date: date | None = None
    open_resolutions: int = 0
    archived: bool = False

    def label(self, lang: str = "fa") -> str:
        """The series' name in ``lang`` (Persian when no English is stored)."""
        return self.name_en if lang == "en" and self.name_en else self.name_fa


def validate_series(series: SeriesInput) -> None:
    """Raise ``ValidationError`` (Persian, by field) for a series the office cannot keep."""
    errors: dict[str, str] = {}
    if not normalize(series.name_fa):
        errors["name_fa"] = "نام فارسی جلسه یا کارگروه را وارد کنید."
    if series.first_number < 1:
        errors["first_number"] = "شمارهٔ نخستین جلسه باید دست‌کم ۱ باشد."
    if series.start_time and series.end_time and series.end_time <= series.start_time:
        errors["end_time"] = "ساعت پایان باید پس از ساعت شروع باشد."
    for key, message in validate_recurrence(series.recurrence).items():
        errors[f"recurrence_{key}"] = message
    for member in series.members:
        if member.person_id is None and member.organization_id is None:
            errors["members"] = "هر عضو ثابت باید یک شخص یا یک دستگاه باشد."
    if errors:
        raise ValidationError(errors)


# --- meetings -----------------------------------------------------------------------------


@dataclass(frozen=True)
class AttendeeInput:
    """Someone expected at a meeting: a person (or a typed name), the body they stand for,
    whether they came, and who represented them (a person or a typed name)."""

    person_id: int | None = None
    name_text: str = ""
    organization_id: int | None = None
    attendance: str = Attendance.PRESENT.value
    represented_by_person_id: int | None = None
    represented_by_text: str = ""
    role: str = ""


@dataclass(frozen=True)
class AttendeeView(AttendeeInput):
    """An attendee with names resolved."""

    name: str = ""
    organization_name: str = ""
    represented_by_name: str = ""
    title: str = ""


@dataclass(frozen=True)
class AgendaItemInput:
    """One agenda item, in order: title, presenter (a person or a typed name), discussion notes."""

    title: str
    presenter_person_id: int | None = None
    presenter_text: str = ""
    notes: str = ""
    id: int | None = None


@dataclass(frozen=True)
class AgendaItemView(AgendaItemInput):
    """An agenda item read back, with its position (1, 2 …) and files (their names, oldest first)."""

    position: int = 0
    presenter_name: str = ""
    attachment_count: int = 0
    attachment_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class LinkInput:
    """A link from a meeting or a resolution to another record (``kind`` is a :class:`LinkKind` code)."""

    kind: str
    target_id: int
    title: str = ""  # filled in when read back


@dataclass(frozen=True)
class MeetingInput:
    """A meeting as edited in its form.  ``number`` None takes the series' next number."""

    series_id: int
    meeting_date: date
    number: int | None = None
    start_time: time | None = None
    end_time: time | None = None
    venue: str = ""
    chair_person_id: int | None = None
    chair_text: str = ""
    notes: str = ""
    attendees: tuple[AttendeeInput, ...] = ()
    invited_org_ids: tuple[int, ...] = ()
    agenda: tuple[AgendaItemInput, ...] = ()
    links: tuple[LinkInput, ...] = ()
    confidential: bool = False  # hidden (with its resolutions) from users without clearance
    id: int | None = None
    version: int | None = None


@dataclass(frozen=True)
class MeetingView(MeetingInput):
    """A meeting read back (a list row leaves the sub-rows empty)."""

    status: str = MeetingStatus.DRAFT.value
    series_name_fa: str = ""
    series_name_en: str = ""
    chair_name: str = ""
    minutes_version: int = 1
    holiday_fa: str = ""
    attendee_rows: tuple[AttendeeView, ...] = ()
    agenda_rows: tuple[AgendaItemView, ...] = ()
    invited_names: tuple[str, ...] = ()
    resolution_count: int = 0
    open_resolution_count: int = 0
    archived: bool = False

    @property
    def locked(self) -> bool:
        """Approved minutes: only a correction (a new version) changes them."""
        return MeetingStatus(self.status).locked

    def title(self, lang: str = "fa") -> str:
        """«شورای گفت‌وگو — جلسه ۱۰۷» (or English)."""
        if lang == "en":
            return f"{self.series_name_en or self.series_name_fa} — session {self.number}"
        return f"{self.series_name_fa} — جلسه {to_persian_digits(self.number)}"


@dataclass(frozen=True)
class MinutesVersion:
    """One approved version of a meeting's minutes, kept when a correction is made."""

    version: int
    approved_on: date
    approved_by: str
    correction_reason: str
    snapshot: str  # JSON of the minutes as approved (see services.meetings.minutes)


@dataclass(frozen=True)
class MeetingFilter:
    """The meetings list's filters."""

    text: str = ""
    series_id: int | None = None
    status: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    archived: bool = False


# --- resolutions --------------------------------------------------------------------------


@dataclass(frozen=True)
class ResolutionInput:
    """A resolution as edited.  ``seq`` None takes the meeting's next; its number is
    «session/seq».  ``agenda_item_id`` ties it to the agenda item it came from (optional)."""

    meeting_id: int
    text: str
    responsible_org_id: int | None = None
    co_responsible_org_ids: tuple[int, ...] = ()
    person_in_charge_id: int | None = None
    person_in_charge_text: str = ""
    deadline: date | None = None
    status: str = ResolutionStatus.OPEN.value
    closing_note: str = ""
    seq: int | None = None
    agenda_item_id: int | None = None
    links: tuple[LinkInput, ...] = ()
    id: int | None = None
    version: int | None = None


@dataclass(frozen=True)
class ResolutionView(ResolutionInput):
    """A resolution read back with its number, names and derived overdue state."""

    number: str = ""
    session_number: int = 0
    series_id: int | None = None
    series_name_fa: str = ""
    series_name_en: str = ""
    meeting_date: date | None = None
    responsible_name: str = ""
    responsible_name_en: str = ""
    co_responsible_names: tuple[str, ...] = ()
    person_in_charge_name: str = ""
    closed_on: date | None = None
    overdue: bool = False
    days_overdue: int = 0
    log_count: int = 0
    last_log_on: date | None = None
    archived: bool = False


@dataclass(frozen=True)
class ResolutionLogInput:
    """A follow-up log entry typed by the clerk (kinds of :data:`MANUAL_LOG_KINDS`)."""

    resolution_id: int
    kind: str
    entry_date: date
    letter_number: str = ""
    text: str = ""


@dataclass(frozen=True)
class ResolutionLogEntry(ResolutionLogInput):
    """A log entry read back; a moved deadline keeps the earlier one in ``old_deadline``."""

    id: int = 0
    old_deadline: date | None = None
    new_deadline: date | None = None
    old_status: str = ""
    new_status: str = ""
    attachment_count: int = 0


#: Sort keys of the resolutions list.
RESOLUTION_SORT_KEYS: tuple[str, ...] = (
    "deadline",
    "number",
    "body",
    "status",
    "meeting_date",
    "series",
)
#: Sort keys of the meetings list.
MEETING_SORT_KEYS: tuple[str, ...] = ("date", "number", "series", "status", "venue")


@dataclass(frozen=True)
class ResolutionFilter:
    """The resolutions list's filters: state (:class:`ResolutionDue`, "week" = the Saturday
    to Friday week of ``today``), the responsible body (``include_co``: also where it is a
    co-responsible body), series, meeting, deadline range, words of the text/number/body;
    ``linked_to``: only those linked, themselves or through their meeting, to one of these
    records (:class:`LinkKind` code, id)."""

    due: str = ResolutionDue.ALL.value
    today: date | None = None
    body_id: int | None = None
    include_co: bool = True
    series_id: int | None = None
    meeting_id: int | None = None
    deadline_from: date | None = None
    deadline_to: date | None = None
    text: str = ""
    archived: bool = False
    linked_to: tuple[tuple[str, int], ...] = ()


def validate_resolution(resolution: ResolutionInput) -> None:
    """Raise ``ValidationError`` (Persian, by field): text required, known status, a done
    resolution needs a closing note, the same body not both responsible and co-responsible."""
    errors: dict[str, str] = {}
    if not normalize(resolution.text):
        errors["text"] = "متن مصوبه را وارد کنید."
    errors.update(validate_resolution_status(resolution.status, resolution.closing_note))
    if resolution.responsible_org_id is not None and (
        resolution.responsible_org_id in resolution.co_responsible_org_ids
    ):
        errors["co_responsible_org_ids"] = "دستگاه مسئول نمی‌تواند هم‌زمان دستگاه همکار باشد."
    if resolution.seq is not None and resolution.seq < 1:
        errors["seq"] = "شمارهٔ ردیف مصوبه باید دست‌کم ۱ باشد."
    if errors:
        raise ValidationError(errors)


def validate_resolution_status(status: str, closing_note: str) -> dict[str, str]:
    """Persian messages by field for a status: known, and «done» only with a closing note."""
    if ResolutionStatus.find(status) is None or status not in {s.value for s in ResolutionStatus}:
        return {"status": "وضعیت مصوبه معتبر نیست."}
    if status == ResolutionStatus.DONE.value and not normalize(closing_note):
        return {"closing_note": "مصوبه بدون گزارش پایانی (شرح انجام) «انجام‌شده» نمی‌شود."}
    return {}


def attendance_counts(rows: Sequence[AttendeeInput]) -> dict[str, int]:
    """How many attendees are present, absent and represented (by code)."""
    counts = {a.value: 0 for a in Attendance}
    for row in rows:
        counts[row.attendance] = counts.get(row.attendance, 0) + 1
    return counts
