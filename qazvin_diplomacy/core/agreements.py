"""Agreements (موافقت‌نامه، تفاهم‌نامه، نقشه راه …): records passed between layers and pure rules.

Workflow: draft → legal review (by the MFA representative office) → approved → signed →
in force → expired or terminated; a draft under review may be sent back to draft, an
approved text may be reopened.  Every change is stored with who, when and a remark.

Expiry is computed, never typed: the end date when given, else the day before the
start date + ``duration_months`` counted in *Jalali* months (the start is the signing date
when no start date is given).  When the target month is too short for the start day (31
Shahrivar + 1 month, 30 Esfand 1403 + 12 months) the anniversary rolls over to the first
day of the next month, so a one-year term from 30 Esfand 1403 (a leap year) ends on
29 Esfand 1404 — the same convention as a Gregorian 29 February.  An automatically renewed
agreement is renewed for ``renewal_months`` (default: its duration, else 12 months) as
often as needed; it never expires by itself.

Validation lives in ``core.agreement_checks``, the dated timeline in ``core.agreement_timeline``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from qazvin_diplomacy.core.attachments import AttachmentView
from qazvin_diplomacy.core.followups import FollowUpInput, FollowUpView
from qazvin_diplomacy.core.jalali import days_in_month, from_jalali, to_jalali
from qazvin_diplomacy.core.labels import LabelledEnum

TITLE_MAX = 300
REFERENCE_MAX = 100
MAX_DURATION_MONTHS = 1200  # a hundred years: anything longer is a typing mistake
EXPIRY_ALERT_DAYS = 90
LEGAL_REVIEW_ALERT_DAYS = 30
DEFAULT_RENEWAL_MONTHS = 12


class AgreementKind(LabelledEnum):
    """What kind of document an agreement is."""

    MOU = "mou", "تفاهم‌نامه", "Memorandum of understanding"
    AGREEMENT = "agreement", "موافقت‌نامه", "Agreement"
    ROADMAP = "roadmap", "نقشه راه", "Roadmap"
    CONTRACT = "contract", "قرارداد", "Contract"
    SISTERHOOD = "sisterhood", "خواهرخواندگی", "Sister-province agreement"


class AgreementStatus(LabelledEnum):
    """Where an agreement stands in its workflow."""

    DRAFT = "draft", "پیش‌نویس", "Draft"
    LEGAL_REVIEW = "legal_review", "بررسی حقوقی", "Legal review"
    APPROVED = "approved", "تأیید", "Approved"
    SIGNED = "signed", "امضاشده", "Signed"
    IN_FORCE = "in_force", "نافذ", "In force"
    EXPIRED = "expired", "منقضی", "Expired"
    TERMINATED = "terminated", "فسخ", "Terminated"

    @property
    def is_binding(self) -> bool:
        """Signed or in force: the agreement has (or will have) effect."""
        return self in (AgreementStatus.SIGNED, AgreementStatus.IN_FORCE)


class Axis(LabelledEnum):
    """An axis (field) of cooperation."""

    ECONOMY_TRADE = "economy_trade", "اقتصاد و بازرگانی", "Economy and trade"
    INVESTMENT = "investment", "سرمایه‌گذاری", "Investment"
    TOURISM = "tourism", "گردشگری", "Tourism"
    CULTURE = "culture", "فرهنگ", "Culture"
    SCIENCE_TECHNOLOGY = "science_technology", "علم و فناوری", "Science and technology"
    URBAN_SERVICES = "urban_services", "خدمات شهری", "Urban services"
    AGRICULTURE = "agriculture", "کشاورزی", "Agriculture"


class PartySide(LabelledEnum):
    """Which side a party is on."""

    IRANIAN = "iranian", "طرف ایرانی", "Iranian party"
    FOREIGN = "foreign", "طرف خارجی", "Foreign party"


class LegalVerdict(LabelledEnum):
    """The opinion of the legal review, in one word."""

    FAVOURABLE = "favourable", "موافق", "Favourable"
    WITH_AMENDMENTS = "with_amendments", "موافق با اصلاحات", "Favourable with amendments"
    UNFAVOURABLE = "unfavourable", "مخالف", "Unfavourable"


# --- workflow --------------------------------------------------------------------------

_S = AgreementStatus
_TRANSITIONS: dict[AgreementStatus, frozenset[AgreementStatus]] = {
    _S.DRAFT: frozenset({_S.LEGAL_REVIEW}),
    _S.LEGAL_REVIEW: frozenset({_S.DRAFT, _S.APPROVED}),
    _S.APPROVED: frozenset({_S.DRAFT, _S.SIGNED}),
    _S.SIGNED: frozenset({_S.IN_FORCE, _S.TERMINATED}),
    _S.IN_FORCE: frozenset({_S.EXPIRED, _S.TERMINATED}),
    # one way back from an end, so a wrong click is not final (``is_undo``: reason required)
    _S.EXPIRED: frozenset({_S.IN_FORCE}),
    _S.TERMINATED: frozenset({_S.SIGNED, _S.IN_FORCE}),
}


def is_undo(old: AgreementStatus | None, new: AgreementStatus) -> bool:
    """Whether ``old`` → ``new`` takes back an end (terminated or expired)."""
    return old in (_S.TERMINATED, _S.EXPIRED) and AgreementStatus(new) in (_S.SIGNED, _S.IN_FORCE)


def allowed_transitions(status: AgreementStatus) -> tuple[AgreementStatus, ...]:
    """Statuses an agreement in ``status`` may move to, in workflow order."""
    return tuple(s for s in AgreementStatus if s in _TRANSITIONS[AgreementStatus(status)])


def ended_from(status: AgreementStatus, history: Sequence[StatusChange]) -> AgreementStatus | None:
    """The status an ended agreement (terminated or expired) had before its latest end.

    None when ``status`` is not an end or the history does not say (an undo may then go to
    any status the workflow allows).
    """
    status = AgreementStatus(status)
    if status not in (_S.TERMINATED, _S.EXPIRED):
        return None
    ends = [
        (h.changed_at, i, h.from_status)
        for i, h in enumerate(history)
        if h.to_status == status and h.from_status is not None
    ]
    return AgreementStatus(max(ends)[2]) if ends else None


def can_transition(old: AgreementStatus, new: AgreementStatus) -> bool:
    """Whether the workflow allows ``old`` → ``new`` (staying put is not a transition)."""
    return AgreementStatus(new) in _TRANSITIONS[AgreementStatus(old)]


def transition_error(old: AgreementStatus, new: AgreementStatus) -> str | None:
    """Persian message naming both statuses when ``old`` → ``new`` is not allowed, else None."""
    old, new = AgreementStatus(old), AgreementStatus(new)
    if can_transition(old, new):
        return None
    if old == new:
        return f"وضعیت موافقت‌نامه هم‌اکنون «{old.label_fa}» است."
    allowed = "، ".join(f"«{s.label_fa}»" for s in allowed_transitions(old))
    tail = f" از این وضعیت فقط به {allowed} می‌توان رفت." if allowed else " این وضعیت نهایی است."
    return f"تغییر وضعیت از «{old.label_fa}» به «{new.label_fa}» مجاز نیست.{tail}"


# --- Jalali date arithmetic ------------------------------------------------------------


def add_months(d: date, months: int) -> date:
    """``d`` plus ``months`` Jalali months; a missing target day rolls to the next month's 1st.

    1403/06/31 + 1 → 1403/08/01 (Mehr has 30 days); 1403/12/30 + 12 → 1405/01/01.
    """
    year, month, day = to_jalali(d)
    index = year * 12 + (month - 1) + months
    new_year, new_month = divmod(index, 12)
    new_month += 1
    if day <= days_in_month(new_year, new_month):
        return from_jalali(new_year, new_month, day)
    return from_jalali(new_year, new_month, days_in_month(new_year, new_month)) + timedelta(days=1)


def term_end(start: date, months: int) -> date:
    """The last day of a term of ``months`` Jalali months beginning on ``start``."""
    return add_months(start, months) - timedelta(days=1)


def first_expiry(
    start_date: date | None,
    end_date: date | None,
    duration_months: int | None,
    signing_date: date | None = None,
) -> date | None:
    """The expiry of the first term: the end date, else start (or signing) + duration, else None."""
    if end_date is not None:
        return end_date
    start = start_date or signing_date
    if start is not None and duration_months:
        return term_end(start, duration_months)
    return None


def renewal_term(duration_months: int | None, renewal_months: int | None) -> int:
    """Months of each automatic renewal: as set, else the duration, else 12."""
    return renewal_months or duration_months or DEFAULT_RENEWAL_MONTHS


def current_expiry(
    expiry: date | None, *, auto_renew: bool, term_months: int, today: date
) -> date | None:
    """The end of the term running on ``today`` (renewals rolled forward when ``auto_renew``)."""
    if expiry is None or not auto_renew or expiry >= today:
        return expiry
    for _ in range(10_000):  # bounded: a term is at least one month
        expiry = term_end(expiry + timedelta(days=1), term_months)
        if expiry >= today:
            return expiry
    return expiry  # pragma: no cover - unreachable for dates within the Jalali range


def effective_status(status: AgreementStatus, expiry: date | None, today: date) -> AgreementStatus:
    """The status a reader should see: a signed/in-force agreement past its expiry is expired."""
    status = AgreementStatus(status)
    if status.is_binding and expiry is not None and expiry < today:
        return AgreementStatus.EXPIRED
    return status


def jalali_year_span(year_from: int | None, year_to: int | None) -> tuple[date | None, date | None]:
    """Gregorian ``[first, last]`` days of Jalali years ``year_from`` … ``year_to`` (None = open)."""
    first = from_jalali(year_from, 1, 1) if year_from is not None else None
    last = from_jalali(year_to + 1, 1, 1) - timedelta(days=1) if year_to is not None else None
    return first, last


def jalali_year(d: date | None) -> int | None:
    """The Jalali year of ``d``."""
    return to_jalali(d)[0] if d is not None else None


# --- records ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PartyEntry:
    """A party: an organization on one side; ``country_id`` None takes the organization's."""

    organization_id: int
    side: PartySide
    country_id: int | None = None
    locality_fa: str = ""  # foreign province or city, when the organization does not say it
    locality_en: str = ""


@dataclass(frozen=True)
class PartyView(PartyEntry):
    """A party as read back, with names."""

    organization_name_fa: str = ""
    organization_name_en: str = ""
    organization_kind: str = ""
    country_name_fa: str = ""
    country_name_en: str = ""

    def display(self, lang: str = "fa") -> str:
        """``Organization (locality, country)`` in ``lang``."""
        if lang == "en":
            name = self.organization_name_en or self.organization_name_fa
            extra = [self.locality_en or self.locality_fa, self.country_name_en]
            sep = ", "
        else:
            name = self.organization_name_fa or self.organization_name_en
            extra = [self.locality_fa, self.country_name_fa]
            sep = "، "
        extra = [e for e in extra if e]
        return f"{name} ({sep.join(extra)})" if extra else name


@dataclass(frozen=True)
class SignatoryEntry:
    """A signatory; the party is the one the person's organization (or its parent) belongs to.

    ``party_organization_id`` picks the party explicitly (it must still be the person's).
    Empty titles take the person's title from the directory.
    """

    person_id: int
    title_fa: str = ""
    title_en: str = ""
    party_organization_id: int | None = None


@dataclass(frozen=True)
class SignatoryView(SignatoryEntry):
    """A signatory as read back, with names and the side signed for."""

    name_fa: str = ""
    name_en: str = ""
    side: PartySide = PartySide.IRANIAN
    party_name_fa: str = ""
    party_name_en: str = ""

    def display(self, lang: str = "fa") -> str:
        """``Name — title`` in ``lang``."""
        if lang == "en":
            name, title = self.name_en or self.name_fa, self.title_en or self.title_fa
        else:
            name, title = self.name_fa or self.name_en, self.title_fa or self.title_en
        return f"{name} — {title}" if title else name


@dataclass(frozen=True)
class LegalReview:
    """The legal review by the MFA representative office: reviewer, date and opinion."""

    reviewer_person_id: int | None = None
    reviewer_text: str = ""
    review_date: date | None = None
    verdict: LegalVerdict | None = None
    opinion: str = ""

    @property
    def is_recorded(self) -> bool:
        """A date, a verdict and a written opinion are all there."""
        return (
            self.review_date is not None and self.verdict is not None and bool(self.opinion.strip())
        )


@dataclass(frozen=True)
class AgreementInput:
    """The whole agreement form (tabs: main, parties, signatories, obligations); None id = new.

    The status is not part of the form: it moves only through ``change_status``.
    ``obligations`` are stored as follow-up tasks (``source_kind="agreement"``): text in
    ``title``, owner as a person or free text (e.g. a party), deadline and status; one left
    out of the list is archived.
    """

    title: str = ""
    kind: AgreementKind = AgreementKind.MOU
    title_en: str = ""
    reference_number: str = ""
    signing_date: date | None = None
    signing_place: str = ""
    start_date: date | None = None
    end_date: date | None = None
    duration_months: int | None = None
    auto_renew: bool = False
    renewal_months: int | None = None
    visit_id: int | None = None
    summary: str = ""
    parties: tuple[PartyEntry, ...] = ()
    signatories: tuple[SignatoryEntry, ...] = ()
    axes: tuple[Axis, ...] = ()
    obligations: tuple[FollowUpInput, ...] = ()
    legal_review: LegalReview = LegalReview()
    confidential: bool = False  # hidden from users without clearance
    id: int | None = None
    version: int | None = None

    def expiry(self) -> date | None:
        """The computed expiry of the first term (see the module docstring)."""
        return first_expiry(self.start_date, self.end_date, self.duration_months, self.signing_date)


@dataclass(frozen=True)
class StatusChange:
    """One step of the workflow as stored: from/to, who, when (Tehran time), remark."""

    to_status: AgreementStatus
    changed_at: datetime
    from_status: AgreementStatus | None = None
    changed_by: str = ""
    remark: str = ""


@dataclass(frozen=True)
class AgreementDetail(AgreementInput):
    """An agreement as read back (an ``AgreementInput``: edit with ``dataclasses.replace``).

    ``parties``/``signatories``/``obligations`` hold ``PartyView``/``SignatoryView``/
    ``FollowUpView``.  ``expires_on`` is the first term's expiry; ``current_expiry`` and
    ``shown_status`` are as of the ``today`` the detail was read for.
    """

    status: AgreementStatus = AgreementStatus.DRAFT
    status_changed_at: datetime | None = None
    expires_on: date | None = None
    current_expiry: date | None = None
    shown_status: AgreementStatus = AgreementStatus.DRAFT
    history: tuple[StatusChange, ...] = ()
    attachments: tuple[AttachmentView, ...] = ()
    visit_title: str = ""
    legal_reviewer_name_fa: str = ""
    archived_at: datetime | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def archived(self) -> bool:
        """True when the agreement has been archived (deleted by a user)."""
        return self.archived_at is not None

    def signatories_of(self, side: PartySide) -> tuple[SignatoryView, ...]:
        """The signatories for ``side`` (as ``SignatoryView``)."""
        return tuple(s for s in self.signatories if isinstance(s, SignatoryView) and s.side == side)

    def allowed_transitions(self) -> tuple[AgreementStatus, ...]:
        """Where the workflow may go next: an end is taken back only to the status it ended
        from (a terminated agreement that was signed goes back to «signed», not «in force»)."""
        back = ended_from(self.status, self.history)
        return tuple(
            s
            for s in allowed_transitions(self.status)
            if back is None or not is_undo(self.status, s) or s == back
        )


@dataclass(frozen=True)
class AgreementSummary:
    """One row of the register (list, reports, country dossier)."""

    id: int
    version: int
    title: str
    kind: AgreementKind
    status: AgreementStatus
    shown_status: AgreementStatus
    title_en: str = ""
    reference_number: str = ""
    signing_date: date | None = None
    signing_place: str = ""
    start_date: date | None = None
    expires_on: date | None = None  # the running term's end (renewals rolled forward)
    auto_renew: bool = False
    status_changed_at: datetime | None = None
    iranian_parties: tuple[str, ...] = ()
    foreign_parties: tuple[str, ...] = ()
    iranian_parties_en: tuple[str, ...] = ()
    foreign_parties_en: tuple[str, ...] = ()
    countries_fa: tuple[str, ...] = ()
    countries_en: tuple[str, ...] = ()
    axes: tuple[Axis, ...] = ()
    archived: bool = False
    confidential: bool = False

    def parties_text(self, side: PartySide, lang: str = "fa") -> str:
        """The parties of one side joined for a table cell."""
        if side == PartySide.IRANIAN:
            names = self.iranian_parties_en if lang == "en" else self.iranian_parties
        else:
            names = self.foreign_parties_en if lang == "en" else self.foreign_parties
        return (", " if lang == "en" else "، ").join(names)

    def axes_text(self, lang: str = "fa") -> str:
        """The axes joined for a table cell."""
        return (", " if lang == "en" else "، ").join(a.label(lang) for a in self.axes)


@dataclass(frozen=True)
class AgreementFilter:
    """Filters of the register; all are applied in SQL.

    ``year_from``/``year_to`` are Jalali years of the signing date (inclusive); a year
    filter leaves out unsigned agreements.  ``country_id`` matches any party's country,
    ``organization_id`` any party.  ``text`` matches parts of words of titles, reference,
    place, summary, parties' and signatories' names, ignoring Arabic/Persian letter
    variants, ZWNJ, diacritics and digit scripts.
    """

    kind: AgreementKind | None = None
    status: AgreementStatus | None = None
    country_id: int | None = None
    organization_id: int | None = None
    axis: Axis | None = None
    year_from: int | None = None
    year_to: int | None = None
    signed_from: date | None = None
    signed_to: date | None = None
    text: str = ""
    include_archived: bool = False
    archived_only: bool = False
    person_id: int | None = None  # a signatory or the legal reviewer


# Sort keys accepted by ``list_agreements``.
SORT_KEYS: tuple[str, ...] = ("signing_date", "title", "status", "kind", "expiry", "reference")


@dataclass(frozen=True)
class ExpiringAgreement:
    """Dashboard card row: an agreement whose running term ends within the alert window."""

    agreement: AgreementSummary
    expires_on: date
    days_left: int
    renews: bool = False  # auto-renewed: it will not lapse, but may need a decision


@dataclass(frozen=True)
class OverdueObligation:
    """Dashboard card row: an open obligation past its deadline."""

    agreement_id: int
    agreement_title: str
    obligation: FollowUpView
    days_overdue: int


@dataclass(frozen=True)
class StalledReview:
    """Dashboard card row: an agreement waiting in legal review too long."""

    agreement: AgreementSummary
    since: date
    days_waiting: int


@dataclass(frozen=True)
class AgreementAlerts:
    """The dashboard cards of agreements, as of ``today``."""

    today: date
    expiring: tuple[ExpiringAgreement, ...] = ()
    overdue_obligations: tuple[OverdueObligation, ...] = ()
    stalled_reviews: tuple[StalledReview, ...] = ()

    @property
    def total(self) -> int:
        """How many alerts there are in all."""
        return len(self.expiring) + len(self.overdue_obligations) + len(self.stalled_reviews)


@dataclass(frozen=True)
class AgreementCounts:
    """Counts for a dashboard card: agreements by shown status, not archived."""

    by_status: dict[AgreementStatus, int]

    @property
    def total(self) -> int:
        """All agreements counted."""
        return sum(self.by_status.values())


@dataclass(frozen=True)
class TimelineEntry:
    """One dated line of an agreement's timeline."""

    day: date
    label_fa: str
    label_en: str
    detail: str = ""
    kind: str = ""  # "created", "status", "review", "signing", "start", "deadline", "expiry"
    future: bool = False


def unique_axes(axes: Iterable[Axis | str]) -> tuple[Axis, ...]:
    """Axes without repeats, in the order of the ``Axis`` enum."""
    wanted = {Axis(a) for a in axes}
    return tuple(a for a in Axis if a in wanted)
