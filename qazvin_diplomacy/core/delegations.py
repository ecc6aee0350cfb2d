"""Trade delegations sent (اعزامی) and received (پذیرش): rules without SQL or Qt.

A delegation goes to (or comes from) a country, optionally one of its regions (the markets
module's regions: a region must belong to the chosen country) and a city, between two
dates, with a head, members (officials from the directory, the markets module's companies
and universities, or typed names) in roles, objectives, the target markets concerned, an
ordered programme, budget notes, an outcome report and the agreements signed on the trip.
Its status is a visit's (:class:`core.visits.VisitStatus`) with the same allowed moves.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from qazvin_diplomacy.core.errors import ValidationError
from qazvin_diplomacy.core.followups import FollowUpInput, followup_errors
from qazvin_diplomacy.core.labels import LabelledEnum
from qazvin_diplomacy.core.markets import region_rule
from qazvin_diplomacy.core.status_moves import StatusMove, refused_move
from qazvin_diplomacy.core.text import normalize
from qazvin_diplomacy.core.visits import VisitStatus, can_transition

__all__ = [
    "DelegationDirection",
    "DelegationFilter",
    "DelegationInput",
    "DelegationMember",
    "DelegationStatus",
    "DelegationView",
    "MemberKind",
    "MemberRole",
    "ProgrammeItem",
    "status_moves",
    "validate_delegation",
]

#: A delegation's status is a visit's: requested → planned → confirmed → held …
DelegationStatus = VisitStatus


class DelegationDirection(LabelledEnum):
    """Whether the province sends the delegation or receives it."""

    OUTGOING = "outgoing", "اعزامی", "Outgoing"
    INCOMING = "incoming", "پذیرش", "Incoming"


class MemberKind(LabelledEnum):
    """What a member of a delegation is: a person, a company or a university."""

    OFFICIAL = "official", "مقام دولتی", "Official"
    COMPANY = "company", "شرکت", "Company"
    UNIVERSITY = "university", "دانشگاه و مرکز علمی", "University or science body"
    OTHER = "other", "سایر", "Other"


class MemberRole(LabelledEnum):
    """A member's role in the delegation."""

    DEPUTY_HEAD = "deputy_head", "معاون سرپرست", "Deputy head"
    MEMBER = "member", "عضو", "Member"
    EXPERT = "expert", "کارشناس", "Expert"
    TRADER = "trader", "فعال اقتصادی", "Business representative"
    ACADEMIC = "academic", "نماینده علمی", "Academic representative"
    COORDINATOR = "coordinator", "هماهنگ‌کننده", "Coordinator"
    INTERPRETER = "interpreter", "مترجم", "Interpreter"


@dataclass(frozen=True)
class DelegationMember:
    """A member: a directory person, a company (or university) of the markets module, or a
    typed name; ``name_fa`` is filled in when read back."""

    kind: str = MemberKind.OFFICIAL.value
    role: str = MemberRole.MEMBER.value
    person_id: int | None = None
    company_id: int | None = None
    name_text: str = ""
    name_fa: str = ""
    name_en: str = ""

    def display_name(self, lang: str = "fa") -> str:
        """The member's name as shown: the linked record's, else the typed one."""
        if lang == "en":
            return self.name_en or self.name_fa or self.name_text
        return self.name_fa or self.name_text


@dataclass(frozen=True)
class ProgrammeItem:
    """One ordered item of a delegation's programme."""

    day: date | None = None
    time_text: str = ""
    place: str = ""
    activity: str = ""
    notes: str = ""


@dataclass(frozen=True)
class DelegationInput:
    """A trade delegation as entered."""

    direction: str = DelegationDirection.OUTGOING.value
    title: str = ""
    title_en: str = ""
    country_id: int | None = None
    region_id: int | None = None
    city: str = ""
    start_date: date | None = None
    end_date: date | None = None
    head_person_id: int | None = None
    head_text: str = ""
    objectives: str = ""
    budget_notes: str = ""
    outcome: str = ""
    status: str = VisitStatus.REQUESTED.value
    notes: str = ""
    members: tuple[DelegationMember, ...] = ()
    market_ids: tuple[int, ...] = ()
    agreement_ids: tuple[int, ...] = ()
    programme: tuple[ProgrammeItem, ...] = ()
    #: The follow-ups after the trip (پیگیری‌ها), shared with the follow-ups page; None when
    #: saving leaves the stored ones as they are.
    followups: tuple[FollowUpInput, ...] | None = None
    confidential: bool = False  # hidden from users without clearance
    id: int | None = None
    version: int | None = None


@dataclass(frozen=True)
class DelegationView(DelegationInput):
    """A delegation as listed and shown: with the names of what it links to."""

    country_fa: str = ""
    country_en: str = ""
    region_fa: str = ""
    region_en: str = ""
    head_fa: str = ""
    head_en: str = ""
    market_names_fa: tuple[str, ...] = ()
    agreement_titles: tuple[str, ...] = ()

    def place_fa(self) -> str:
        """Country — region — city, as far as recorded."""
        return " — ".join(p for p in (self.country_fa, self.region_fa, self.city) if p)

    def place_en(self) -> str:
        """The place in English (Persian where no English name is recorded)."""
        parts = (self.country_en or self.country_fa, self.region_en or self.region_fa, self.city)
        return " — ".join(p for p in parts if p)

    def head_name(self, lang: str = "fa") -> str:
        """The head: the directory person's name, else the typed one."""
        if lang == "en":
            return self.head_en or self.head_fa or self.head_text
        return self.head_fa or self.head_text


@dataclass(frozen=True)
class DelegationFilter:
    """The list's filters; None (or empty) means any.  Dates select delegations whose
    stay overlaps ``date_from``–``date_to``."""

    direction: str | None = None
    status: str | None = None
    country_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    text: str = ""


def validate_delegation(d: DelegationInput, region_country_id: int | None = None) -> None:
    """A delegation needs a title, a direction, a destination (origin) country, its dates
    with the end not before the start, and a known status; its region (if any) must be in
    its country (``region_country_id`` is the region's own country), members' kinds and
    roles must be known and each member must name someone."""
    errors: dict[str, str] = {}
    if not normalize(d.title):
        errors["title"] = "عنوان هیئت را وارد کنید."
    if DelegationDirection.find(d.direction) is None:
        errors["direction"] = "نوع هیئت (اعزامی یا پذیرش) را انتخاب کنید."
    if d.country_id is None:
        errors["country_id"] = (
            "کشور مبدأ هیئت را انتخاب کنید."
            if d.direction == DelegationDirection.INCOMING.value
            else "کشور مقصد هیئت را انتخاب کنید."
        )
    if d.start_date is None:
        errors["start_date"] = "تاریخ آغاز سفر را وارد کنید."
    if d.end_date is None:
        errors["end_date"] = "تاریخ پایان سفر را وارد کنید."
    elif d.start_date is not None and d.end_date < d.start_date:
        errors["end_date"] = "تاریخ پایان نمی‌تواند پیش از تاریخ آغاز باشد."
    if VisitStatus.find(d.status) is None:
        errors["status"] = "وضعیت هیئت معتبر نیست."
    for member in d.members:
        if MemberKind.find(member.kind) is None or MemberRole.find(member.role) is None:
            errors["members"] = "نوع یا نقش یکی از اعضای هیئت معتبر نیست."
        elif (
            member.person_id is None
            and member.company_id is None
            and not normalize(member.name_text)
        ):
            errors["members"] = "نام یکی از اعضای هیئت خالی است."
    people = [m.person_id for m in d.members if m.person_id is not None]
    if len(set(people)) != len(people):
        errors["members"] = "یک شخص دو بار در فهرست اعضای هیئت آمده است."
    region_rule(errors, d.region_id, d.country_id, region_country_id)
    errors.update(followup_errors(d.followups or ()))
    if errors:
        raise ValidationError(errors)


def status_moves(
    current: VisitStatus | None, start: date | None, today: date
) -> tuple[StatusMove, ...]:
    """Every status with whether a delegation in ``current`` (None: a new one) may move
    there now: a visit's moves, and «held» only once the trip has begun."""
    moves = []
    for status in VisitStatus:
        if current is not None and not can_transition(current, status):
            moves.append(refused_move(status, current, "delegation"))
        elif (
            status is VisitStatus.HELD
            and current is not VisitStatus.HELD
            and start is not None
            and start > today
        ):
            moves.append(
                StatusMove(status, False, "تنها پس از آغاز سفر.", "Only once the trip has begun.")
            )
        else:
            moves.append(StatusMove(status, True, "", ""))
    return tuple(moves)
