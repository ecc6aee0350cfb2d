"""The exported tables: each list's query with the user's filters, as headers and rows of plain values."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any, TypeVar

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, aliased

from qazvin_diplomacy.core.agreements import (
    AgreementFilter,
    AgreementKind,
    AgreementStatus,
    AgreementSummary,
    Axis,
    PartySide,
)
from qazvin_diplomacy.core.capacities import (
    AreaUnit,
    CapacityAxis,
    CapacityFilter,
    CapacityStatus,
    CapacityView,
    County,
)
from qazvin_diplomacy.core.clock import TEHRAN
from qazvin_diplomacy.core.delegations import (
    DelegationDirection,
    DelegationFilter,
    DelegationStatus,
    MemberRole,
)
from qazvin_diplomacy.core.directory import DiplomaticRank, OrganizationKind, Region
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.events import EventFilter, EventKind, EventStatus, EventSummary
from qazvin_diplomacy.core.followups import FollowUpFilter, FollowUpSource, FollowUpStatus
from qazvin_diplomacy.core.formatting import jalali_text
from qazvin_diplomacy.core.jalali import format_time
from qazvin_diplomacy.core.letters import LetterFilter, LetterKind, LetterLink, LetterView
from qazvin_diplomacy.core.markets import (
    CompanyKind,
    MarketFilter,
    MarketPersonRole,
    MarketPriority,
    MarketStatus,
    Sector,
)
from qazvin_diplomacy.core.meetings import (
    MeetingFilter,
    MeetingStatus,
    MeetingView,
    ResolutionDue,
    ResolutionFilter,
    ResolutionStatus,
    ResolutionView,
)
from qazvin_diplomacy.core.sheet_headers import field_label
from qazvin_diplomacy.core.visits import VisitFilter, VisitStatus, VisitSummary
from qazvin_diplomacy.services.agreements import count_agreements, list_agreements
from qazvin_diplomacy.services.capacities import count_capacities, list_capacities
from qazvin_diplomacy.services.delegations import count_delegations, list_delegations
from qazvin_diplomacy.services.events import count_events, list_events
from qazvin_diplomacy.services.filters import text_condition
from qazvin_diplomacy.services.followups import filtered as followup_filtered
from qazvin_diplomacy.services.letters import count_letters, list_letters
from qazvin_diplomacy.services.markets import (
    count_companies,
    count_markets,
    list_companies,
    list_markets,
    list_products,
)
from qazvin_diplomacy.services.meetings import (
    count_meetings,
    count_resolutions,
    list_meetings,
    list_resolutions,
)
from qazvin_diplomacy.services.visits import count_visits, list_visits
from qazvin_diplomacy.storage.database import PERSIAN_COLLATION, Database
from qazvin_diplomacy.storage.directory import Country, Organization, Person
from qazvin_diplomacy.storage.events import Event
from qazvin_diplomacy.storage.followups import FollowUpTask

MAX_EXPORT_ROWS = 1_000_000  # Excel's limit is 1,048,576 rows per sheet
EXPORT_PAGE = 500  # agreements and events are read (and reported) a page at a time
EXPORT_KINDS = (
    "people",
    "organizations",
    "countries",
    "visits",
    "agreements",
    "events",
    "followups",
    "letters",
    "meetings",
    "resolutions",
    "companies",
    "markets",
    "delegations",
    "capacities",
)

#: A list page's own filter object, taken as is by the matching kind.
ListFilter = (
    VisitFilter
    | AgreementFilter
    | EventFilter
    | LetterFilter
    | FollowUpFilter
    | MeetingFilter
    | ResolutionFilter
    | MarketFilter
    | DelegationFilter
    | CapacityFilter
)
#: ``progress(done, total)`` while the rows are read; it may raise to stop the export.
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ExportFilters:
    """The list's filters as the user set them; each kind uses the ones that apply to it.

    Generic fields (what the command line fills): ``text`` (every kind), ``country_id``
    (people, organizations, visits, agreements: a party's country, events: an invited
    guest's country), ``organization_id`` (people, agreements: a party, events: one of its
    people invited), ``kind`` (organization, agreement or event kind), ``status`` (visits,
    agreements, events, follow-ups), ``axis`` (agreements), ``date_from`` / ``date_to``
    (visit and event dates, agreement signing dates, follow-up deadlines; Tehran dates,
    inclusive; meetings: their date, resolutions: their deadline), ``targets_only``
    (countries), ``include_archived`` (all but countries), ``series_id`` (meetings and
    resolutions).  For resolutions ``organization_id`` is the responsible body and
    ``status`` a state of ``core.meetings.ResolutionDue`` (open, overdue, week, done …);
    for meetings ``status`` is a meeting status (draft, held, approved).

    ``list_filter``: the page's own ``VisitFilter`` / ``AgreementFilter`` / ``EventFilter``
    for visits / agreements / events; when given, the generic fields are not used.
    ``sort`` / ``descending``: the list's order (visits and agreements: the services' sort
    keys; events sort by date only); None keeps the list's default order.  ``today``: the
    day that rolls auto-renewed agreements forward (None: today in Tehran).
    """

    text: str = ""
    country_id: int | None = None
    organization_id: int | None = None
    kind: str | None = None
    status: str | None = None
    axis: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    targets_only: bool = False
    include_archived: bool = False
    list_filter: ListFilter | None = None
    sort: str | None = None
    descending: bool | None = None
    today: date | None = None
    #: Meetings and resolutions: of this meeting series.
    series_id: int | None = None
    #: Capacities: of this county (code or name) / only those flagged publishable.
    county: str | None = None
    publishable_only: bool = False


@dataclass(frozen=True)
class ExportColumn:
    """A column: Persian and English header and width in characters."""

    header_fa: str
    header_en: str
    width: int = 18


@dataclass(frozen=True)
class ExportTable:
    """A list ready to write: a sheet title, columns and rows of plain values."""

    kind: str
    title_fa: str
    title_en: str
    columns: list[ExportColumn]
    rows: list[list[Any]] = field(default_factory=list)


def _iso_date(d: date | None) -> str:
    return d.isoformat() if d else ""


def _local_iso(moment: datetime | None) -> str:
    return moment.astimezone(TEHRAN).isoformat() if moment else ""


def _digits(lang: str) -> str:
    """Digits of the sheet: Persian in a Persian sheet, Latin in an English one."""
    return "latin" if lang == "en" else "fa"


def _jalali(moment: datetime | date | None, lang: str, *, with_time: bool = False) -> str:
    return jalali_text(moment, digits=_digits(lang), with_time=with_time)


def _clock(moment: time | None, lang: str) -> str:
    return format_time(moment, digits=_digits(lang)) if moment else ""


_E = TypeVar(
    "_E",
    VisitStatus,
    AgreementKind,
    AgreementStatus,
    Axis,
    EventKind,
    EventStatus,
    OrganizationKind,
    FollowUpStatus,
    MeetingStatus,
    ResolutionDue,
)
_F = TypeVar("_F", VisitFilter, AgreementFilter, EventFilter, MarketFilter)
_T = TypeVar("_T")


def _member(enum: type[_E], value: str | None, what_fa: str, what_en: str) -> _E | None:
    """``value`` as a member of ``enum`` (None when empty); a Persian error names the choices."""
    if not value:
        return None
    try:
        return enum(value.strip().lower())
    except ValueError:
        choices_fa = "، ".join(f"{m.value} ({m.label_fa})" for m in enum)
        raise KnownError(
            f"{what_fa} «{value}» شناخته نیست؛ یکی از این‌ها: {choices_fa}.",
            f"Unknown {what_en} '{value}'; one of: {', '.join(m.value for m in enum)}.",
        ) from None


def _own_filter(f: ExportFilters, kind: type[_F]) -> _F | None:
    """The page's own filter when it is of the list's type (another type is a bug)."""
    if f.list_filter is None:
        return None
    if not isinstance(f.list_filter, kind):
        raise TypeError(f"{kind.__name__} expected, got {type(f.list_filter).__name__}")
    return f.list_filter


def _paged(
    fetch: Callable[[int, int], list[_T]], total: int, progress: Progress | None
) -> Iterator[_T]:
    """Every row of a list read ``EXPORT_PAGE`` at a time (at most ``MAX_EXPORT_ROWS``)."""
    total = min(total, MAX_EXPORT_ROWS)
    done = 0
    if progress is not None:
        progress(0, total)
    while done < total:
        page = fetch(done, min(EXPORT_PAGE, total - done))
        if not page:
            break
        yield from page
        done += len(page)
        if progress is not None:
            progress(min(done, total), total)


def _joined(names: Sequence[str]) -> str:
    return "، ".join(n for n in names if n)


# --- the lists -------------------------------------------------------------------------

_PEOPLE_FIELDS = (
    ("name", 26),
    ("name_en", 24),
    ("honorific_fa", 14),
    ("honorific_en", 12),
    ("title_fa", 28),
    ("title_en", 26),
    ("organization", 30),
    ("country", 16),
    ("phone", 20),
    ("email", 28),
    ("languages", 14),
    ("diplomatic_rank", 14),
    ("functions_started", 16),
    ("functions_started_iso", 26),
    ("biography", 30),
    ("notes", 30),
)
_ARCHIVED = ExportColumn("بایگانی‌شده", "Archived", 10)


def _people(
    db: Database, f: ExportFilters, _progress: Progress | None = None, lang: str = "fa"
) -> ExportTable:
    columns = [ExportColumn(field_label(n), field_label(n, "en"), w) for n, w in _PEOPLE_FIELDS]
    columns.append(_ARCHIVED)
    query: Select[Any] = (
        select(Person, Organization.name_fa, Country.name_fa)
        .outerjoin(Organization, Organization.id == Person.organization_id)
        .outerjoin(Country, Country.id == Person.country_id)
        .where(text_condition(Person.search_key, f.text))
        .order_by(Person.name_fa.collate(PERSIAN_COLLATION), Person.id)
    )
    if not f.include_archived:
        query = query.where(Person.archived_at.is_(None))
    if f.country_id is not None:
        query = query.where(Person.country_id == f.country_id)
    if f.organization_id is not None:
        query = query.where(Person.organization_id == f.organization_id)
    rows = []
    with db.read_session() as session:
        for p, org, country in session.execute(query.limit(MAX_EXPORT_ROWS)):
            rows.append(
                [
                    p.name_fa,
                    p.name_en,
                    p.honorific_fa,
                    p.honorific_en,
                    p.title_fa,
                    p.title_en,
                    org or "",
                    country or "",
                    p.phone,
                    p.email,
                    p.languages,
                    DiplomaticRank.label_of(p.diplomatic_rank, lang),
                    _jalali(p.functions_started_at, lang),
                    _local_iso(p.functions_started_at),
                    p.biography,
                    p.notes,
                    p.archived_at is not None,
                ]
            )
    return ExportTable("people", "اشخاص", "People", columns, rows)


def _organizations(
    db: Database, f: ExportFilters, _progress: Progress | None = None, lang: str = "fa"
) -> ExportTable:
    columns = [
        ExportColumn("نام سازمان", "Name", 34),
        ExportColumn("نام انگلیسی", "English name", 30),
        ExportColumn("نوع", "Kind", 16),
        ExportColumn("کشور", "Country", 16),
        ExportColumn("سازمان بالادست", "Parent", 30),
        ExportColumn("شهر", "City", 14),
        ExportColumn("تلفن", "Phone", 20),
        ExportColumn("رایانامه", "Email", 28),
        ExportColumn("نشانی", "Address", 34),
        ExportColumn("یادداشت", "Notes", 30),
    ]
    parent = aliased(Organization)
    query: Select[Any] = (
        select(Organization, Country.name_fa, parent.name_fa)
        .outerjoin(Country, Country.id == Organization.country_id)
        .outerjoin(parent, parent.id == Organization.parent_id)
        .where(text_condition(Organization.search_key, f.text))
        .order_by(Organization.name_fa.collate(PERSIAN_COLLATION), Organization.id)
    )
    if not f.include_archived:
        query = query.where(Organization.archived_at.is_(None))
    org_kind = _member(OrganizationKind, f.kind, "نوع سازمان", "organization kind")
    if org_kind is not None:
        query = query.where(Organization.kind == org_kind.value)
    if f.country_id is not None:
        query = query.where(Organization.country_id == f.country_id)
    rows = []
    with db.read_session() as session:
        for o, country, parent_name in session.execute(query.limit(MAX_EXPORT_ROWS)):
            rows.append(
                [
                    o.name_fa,
                    o.name_en,
                    OrganizationKind.label_of(o.kind, lang),
                    country or "",
                    parent_name or "",
                    o.city_fa,
                    o.phone,
                    o.email,
                    o.address,
                    o.notes,
                ]
            )
    return ExportTable("organizations", "سازمان‌ها", "Organizations", columns, rows)


def _embassies(session: Session) -> dict[int, str]:
    """Each country's embassy as the countries list shows it (the first active one by name)."""
    query = (
        select(Organization.country_id, Organization.name_fa, Organization.name_en)
        .where(
            Organization.kind == OrganizationKind.EMBASSY.value,
            Organization.archived_at.is_(None),
            Organization.country_id.is_not(None),
        )
        .order_by(Organization.name_fa.collate(PERSIAN_COLLATION), Organization.id)
    )
    found: dict[int, str] = {}
    for country_id, name_fa, name_en in session.execute(query):
        found.setdefault(country_id, name_fa or name_en)
    return found


def _countries(
    db: Database, f: ExportFilters, _progress: Progress | None = None, lang: str = "fa"
) -> ExportTable:
    columns = [
        ExportColumn("کشور", "Country", 24),
        ExportColumn("نام انگلیسی", "English name", 24),
        ExportColumn("کد دوحرفی", "ISO2", 10),
        ExportColumn("کد سه‌حرفی", "ISO3", 10),
        ExportColumn("سفارت", "Embassy", 30),
        ExportColumn("منطقه", "Region", 16),
        ExportColumn("هدف", "Target", 8),
        ExportColumn("اولویت", "Priority", 8),
        ExportColumn("یادداشت", "Notes", 30),
    ]
    query: Select[Any] = select(Country).where(text_condition(Country.search_key, f.text))
    if f.targets_only:
        query = query.where(Country.is_target.is_(True))
    rows = []
    with db.read_session() as session:
        embassies = _embassies(session)
        for c in session.scalars(query.order_by(Country.name_fa.collate(PERSIAN_COLLATION))):
            rows.append(
                [
                    c.name_fa,
                    c.name_en,
                    c.iso2,
                    c.iso3,
                    embassies.get(c.id, ""),
                    Region.label_of(c.region, lang),
                    c.is_target,
                    c.priority,
                    c.notes,
                ]
            )
    return ExportTable("countries", "کشورها", "Countries", columns, rows)


def _visits(
    db: Database, f: ExportFilters, progress: Progress | None = None, lang: str = "fa"
) -> ExportTable:
    columns = [
        ExportColumn("عنوان", "Title", 40),
        ExportColumn("وضعیت", "Status", 14),
        ExportColumn("تاریخ شروع", "Start (Jalali)", 17),
        ExportColumn("تاریخ شروع (میلادی)", "Start (ISO)", 26),
        ExportColumn("تاریخ پایان", "End (Jalali)", 17),
        ExportColumn("تاریخ پایان (میلادی)", "End (ISO)", 26),
        ExportColumn("محل", "Venue", 24),
        ExportColumn("کشور", "Country", 16),
        ExportColumn("مهمانان / هیئت", "Guests / delegation", 34),
        ExportColumn("میزبانان", "Hosts", 30),
    ]
    filters = _own_filter(f, VisitFilter) or VisitFilter(
        country_id=f.country_id,
        status=_member(VisitStatus, f.status, "وضعیت دیدار", "visit status"),
        date_from=f.date_from,
        date_to=f.date_to,
        text=f.text,
        include_archived=f.include_archived,
    )
    sort = f.sort or "start"
    descending = bool(f.descending)  # the register reads oldest first unless told

    def fetch(offset: int, limit: int) -> list[VisitSummary]:
        return list_visits(
            db, filters=filters, sort=sort, descending=descending, offset=offset, limit=limit
        )

    rows = []
    for v in _paged(fetch, count_visits(db, filters=filters), progress):
        rows.append(
            [
                v.title,
                VisitStatus(v.status).label(lang),
                _jalali(v.start_at, lang, with_time=True),
                _local_iso(v.start_at),
                _jalali(v.end_at, lang, with_time=True),
                _local_iso(v.end_at),
                v.venue,
                v.country_name_fa,
                v.guest_names(),
                v.host_names(),
            ]
        )
    return ExportTable("visits", "دیدارها", "Visits", columns, rows)


def _agreements(
    db: Database, f: ExportFilters, progress: Progress | None = None, lang: str = "fa"
) -> ExportTable:
    columns = [
        ExportColumn("شمارهٔ ثبت", "Reference", 14),
        ExportColumn("عنوان", "Title", 40),
        ExportColumn("عنوان انگلیسی", "English title", 34),
        ExportColumn("نوع", "Kind", 14),
        ExportColumn("وضعیت", "Status", 14),
        ExportColumn("وضعیت امروز", "Status today", 14),
        ExportColumn("طرف‌های ایرانی", "Iranian parties", 30),
        ExportColumn("طرف‌های خارجی", "Foreign parties", 30),
        ExportColumn("کشورها", "Countries", 18),
        ExportColumn("محورها", "Axes", 26),
        ExportColumn("تاریخ امضا", "Signed (Jalali)", 13),
        ExportColumn("تاریخ امضا (میلادی)", "Signed (ISO)", 13),
        ExportColumn("محل امضا", "Place of signing", 18),
        ExportColumn("تاریخ شروع", "Start (Jalali)", 13),
        ExportColumn("تاریخ شروع (میلادی)", "Start (ISO)", 13),
        ExportColumn("انقضا", "Expiry (Jalali)", 13),
        ExportColumn("انقضا (میلادی)", "Expiry (ISO)", 13),
        ExportColumn("تمدید خودکار", "Renewed automatically", 10),
        ExportColumn("بایگانی‌شده", "Archived", 10),
    ]
    filters = _own_filter(f, AgreementFilter) or AgreementFilter(
        kind=_member(AgreementKind, f.kind, "نوع موافقت‌نامه", "agreement kind"),
        status=_member(AgreementStatus, f.status, "وضعیت موافقت‌نامه", "agreement status"),
        axis=_member(Axis, f.axis, "محور همکاری", "axis"),
        country_id=f.country_id,
        organization_id=f.organization_id,
        signed_from=f.date_from,
        signed_to=f.date_to,
        text=f.text,
        include_archived=f.include_archived,
    )
    sort = f.sort or "signing_date"
    descending = True if f.descending is None else f.descending

    def fetch(offset: int, limit: int) -> list[AgreementSummary]:
        return list_agreements(
            db,
            filters=filters,
            sort=sort,
            descending=descending,
            offset=offset,
            limit=limit,
            today=f.today,
        )

    rows = []
    total = count_agreements(db, filters=filters)
    for a in _paged(fetch, total, progress):
        rows.append(
            [
                a.reference_number,
                a.title,
                a.title_en,
                a.kind.label(lang),
                a.status.label(lang),
                a.shown_status.label(lang),
                a.parties_text(PartySide.IRANIAN),
                a.parties_text(PartySide.FOREIGN),
                _joined(a.countries_fa),
                a.axes_text(lang),
                _jalali(a.signing_date, lang),
                _iso_date(a.signing_date),
                a.signing_place,
                _jalali(a.start_date, lang),
                _iso_date(a.start_date),
                _jalali(a.expires_on, lang),
                _iso_date(a.expires_on),
                a.auto_renew,
                a.archived,
            ]
        )
    return ExportTable("agreements", "موافقت‌نامه‌ها", "Agreements", columns, rows)


def _event_extras(db: Database, ids: list[int]) -> dict[int, tuple[str, str, time | None]]:
    """Organizer, English organizer and end time of events ``ids`` (not in the summary)."""
    found: dict[int, tuple[str, str, time | None]] = {}
    with db.read_session() as session:
        query = select(Event.id, Event.organizer, Event.organizer_en, Event.end_time)
        for event_id, organizer, organizer_en, end_time in session.execute(
            query.where(Event.id.in_(ids))
        ):
            found[event_id] = (
                organizer or "",
                organizer_en or "",
                end_time,
            )
    return found


def _events(
    db: Database, f: ExportFilters, progress: Progress | None = None, lang: str = "fa"
) -> ExportTable:
    columns = [
        ExportColumn("عنوان", "Title", 40),
        ExportColumn("عنوان انگلیسی", "English title", 34),
        ExportColumn("نوع", "Kind", 12),
        ExportColumn("وضعیت", "Status", 16),
        ExportColumn("تاریخ آغاز", "Start (Jalali)", 13),
        ExportColumn("تاریخ آغاز (میلادی)", "Start (ISO)", 13),
        ExportColumn("تاریخ پایان", "End (Jalali)", 13),
        ExportColumn("تاریخ پایان (میلادی)", "End (ISO)", 13),
        ExportColumn("ساعت آغاز", "Start time", 9),
        ExportColumn("ساعت پایان", "End time", 9),
        ExportColumn("محل", "Venue", 26),
        ExportColumn("برگزارکننده", "Organizer", 26),
        ExportColumn("برگزارکننده (انگلیسی)", "Organizer (English)", 24),
        ExportColumn("دعوت‌شده", "Invited", 9),
        ExportColumn("اعلام حضور", "Yes", 8),
        ExportColumn("عدم حضور", "No", 8),
        ExportColumn("بی‌پاسخ", "No reply", 8),
        ExportColumn("حاضر", "Attended", 8),
        ExportColumn("همراهان (اعلام حضور)", "Companions (yes)", 10),
        ExportColumn("سالانه", "Yearly", 8),
        ExportColumn("بایگانی‌شده", "Archived", 10),
    ]
    filters = _own_filter(f, EventFilter) or EventFilter(
        text=f.text,
        kind=_member(EventKind, f.kind, "نوع رویداد", "event kind"),
        status=_member(EventStatus, f.status, "وضعیت رویداد", "event status"),
        date_from=f.date_from,
        date_to=f.date_to,
        include_archived=f.include_archived,
        organization_id=f.organization_id,
        country_id=f.country_id,
    )
    descending = True if f.descending is None else f.descending

    def fetch(offset: int, limit: int) -> list[tuple[EventSummary, tuple[str, str, time | None]]]:
        page = list_events(db, filters=filters, descending=descending, offset=offset, limit=limit)
        extras = _event_extras(db, [e.id for e in page])
        return [(e, extras.get(e.id, ("", "", None))) for e in page]

    rows = []
    total = count_events(db, filters=filters)
    for e, (organizer, organizer_en, end_time) in _paged(fetch, total, progress):
        c = e.counts
        rows.append(
            [
                e.title_fa,
                e.title_en,
                e.kind.label(lang),
                e.status.label(lang),
                _jalali(e.start_date, lang),
                _iso_date(e.start_date),
                _jalali(e.end_date, lang),
                _iso_date(e.end_date),
                _clock(e.start_time, lang),
                _clock(end_time, lang),
                e.venue,
                organizer,
                organizer_en,
                c.invited,
                c.yes,
                c.no,
                c.no_reply,
                c.attended,
                c.companions_yes,
                e.recurring,
                e.archived,
            ]
        )
    return ExportTable("events", "رویدادها", "Events", columns, rows)


def _followups(
    db: Database, f: ExportFilters, _progress: Progress | None = None, lang: str = "fa"
) -> ExportTable:
    columns = [
        ExportColumn("عنوان", "Title", 40),
        ExportColumn("منبع", "Source", 12),
        ExportColumn("مسئول", "Owner", 24),
        ExportColumn("مهلت", "Deadline (Jalali)", 12),
        ExportColumn("مهلت (میلادی)", "Deadline (ISO)", 12),
        ExportColumn("وضعیت", "Status", 12),
        ExportColumn("یادداشت", "Notes", 30),
    ]
    query: Select[Any] = (
        select(FollowUpTask, Person.name_fa)
        .outerjoin(Person, Person.id == FollowUpTask.owner_person_id)
        .order_by(FollowUpTask.deadline.is_(None), FollowUpTask.deadline, FollowUpTask.id)
    )
    if isinstance(f.list_filter, FollowUpFilter):  # the follow-ups page, exactly as filtered
        query = followup_filtered(query, f.list_filter)
        f = ExportFilters()
    query = query.where(text_condition(FollowUpTask.search_key, f.text))
    if not f.include_archived:
        query = query.where(FollowUpTask.archived_at.is_(None))
    status = _member(FollowUpStatus, f.status, "وضعیت اقدام پیگیری", "follow-up status")
    if status is not None:
        query = query.where(FollowUpTask.status == status.value)
    if f.date_from is not None:
        query = query.where(FollowUpTask.deadline >= f.date_from)
    if f.date_to is not None:
        query = query.where(FollowUpTask.deadline <= f.date_to)
    rows = []
    with db.read_session() as session:
        for t, owner in session.execute(query.limit(MAX_EXPORT_ROWS)):
            rows.append(
                [
                    t.title,
                    FollowUpSource.label_of(t.source_kind, lang),
                    owner or t.owner_text,
                    _jalali(t.deadline, lang),
                    _iso_date(t.deadline),
                    FollowUpStatus.label_of(t.status, lang),
                    t.notes,
                ]
            )
    return ExportTable("followups", "اقدام‌های پیگیری", "Follow-ups", columns, rows)


def _letters(
    db: Database, f: ExportFilters, progress: Progress | None = None, lang: str = "fa"
) -> ExportTable:
    """The outgoing-letters register (اندیکاتور), newest number first unless the page sorts."""
    columns = [
        ExportColumn("شماره", "Number", 18),
        ExportColumn("تاریخ", "Date (Jalali)", 12),
        ExportColumn("تاریخ (میلادی)", "Date (ISO)", 12),
        ExportColumn("نوع", "Kind", 14),
        ExportColumn("گیرنده", "Addressee", 34),
        ExportColumn("موضوع", "Subject", 40),
        ExportColumn("پرونده", "Linked record", 14),
        ExportColumn("پیوست", "Enclosures", 12),
        ExportColumn("رونوشت", "Copies to", 30),
        ExportColumn("نسخهٔ چاپی", "Printed copies", 10),
    ]
    own = _own_filter(f, LetterFilter)
    filters = own or LetterFilter(text=f.text, date_from=f.date_from, date_to=f.date_to)
    sort = f.sort or "number"
    descending = True if f.descending is None else f.descending

    def fetch(offset: int, limit: int) -> list[LetterView]:
        return list_letters(
            db, filters=filters, sort=sort, descending=descending, offset=offset, limit=limit
        )

    rows = []
    for v in _paged(fetch, count_letters(db, filters=filters), progress):
        link = LetterLink.label_of(v.link_kind.value, lang)
        rows.append(
            [
                v.number,
                _jalali(v.date, lang),
                _iso_date(v.date),
                LetterKind.label_of(v.kind.value, lang),
                v.addressee,
                v.subject,
                f"{link} {v.link_id}" if v.link_id is not None else "",
                v.attachments_note,
                _joined(v.cc),
                v.printed_copies,
            ]
        )
    return ExportTable("letters", "نامه‌های صادره", "Outgoing letters", columns, rows)


def _meetings(
    db: Database, f: ExportFilters, progress: Progress | None = None, lang: str = "fa"
) -> ExportTable:
    """Meetings of every series (or one), newest first unless the page sorts."""
    columns = [
        ExportColumn("سلسله‌جلسات", "Series", 34),
        ExportColumn("شماره", "Number", 8),
        ExportColumn("تاریخ", "Date (Jalali)", 12),
        ExportColumn("تاریخ (میلادی)", "Date (ISO)", 12),
        ExportColumn("ساعت", "Time", 8),
        ExportColumn("محل", "Venue", 26),
        ExportColumn("رئیس جلسه", "Chair", 22),
        ExportColumn("وضعیت", "Status", 16),
        ExportColumn("مصوبات", "Resolutions", 10),
        ExportColumn("مصوبات باز", "Open resolutions", 10),
    ]
    own = f.list_filter if isinstance(f.list_filter, MeetingFilter) else None
    status = _member(MeetingStatus, f.status, "وضعیت جلسه", "meeting status")
    filters = own or MeetingFilter(
        text=f.text,
        series_id=f.series_id,
        status=status.value if status else None,
        date_from=f.date_from,
        date_to=f.date_to,
    )
    sort = f.sort or "date"
    descending = True if f.descending is None else f.descending

    def fetch(offset: int, limit: int) -> list[MeetingView]:
        return list_meetings(
            db, filters=filters, sort=sort, descending=descending, offset=offset, limit=limit
        )

    rows = []
    for m in _paged(fetch, count_meetings(db, filters=filters), progress):
        name = m.series_name_en if lang == "en" and m.series_name_en else m.series_name_fa
        rows.append(
            [
                name,
                m.number,
                _jalali(m.meeting_date, lang),
                _iso_date(m.meeting_date),
                _clock(m.start_time, lang),
                m.venue,
                m.chair_name,
                MeetingStatus.label_of(m.status, lang),
                m.resolution_count,
                m.open_resolution_count,
            ]
        )
    return ExportTable("meetings", "جلسه‌ها", "Meetings", columns, rows)


def _resolutions(
    db: Database, f: ExportFilters, progress: Progress | None = None, lang: str = "fa"
) -> ExportTable:
    """Resolutions across all meetings, by deadline unless the page sorts."""
    columns = [
        ExportColumn("شماره", "Number", 10),
        ExportColumn("متن مصوبه", "Text", 50),
        ExportColumn("سلسله‌جلسات", "Series", 30),
        ExportColumn("تاریخ جلسه", "Meeting date (Jalali)", 12),
        ExportColumn("دستگاه مسئول", "Responsible body", 28),
        ExportColumn("دستگاه‌های همکار", "Co-responsible bodies", 28),
        ExportColumn("مسئول پیگیری", "Person in charge", 22),
        ExportColumn("مهلت", "Deadline (Jalali)", 12),
        ExportColumn("مهلت (میلادی)", "Deadline (ISO)", 12),
        ExportColumn("وضعیت", "Status", 14),
        ExportColumn("گذشته از مهلت (روز)", "Days overdue", 10),
        ExportColumn("گزارش پایانی", "Closing note", 30),
        ExportColumn("آخرین پیگیری", "Last follow-up (Jalali)", 12),
    ]
    own = f.list_filter if isinstance(f.list_filter, ResolutionFilter) else None
    due = _member(ResolutionDue, f.status, "وضعیت مصوبه", "resolution state")
    filters = own or ResolutionFilter(
        due=(due or ResolutionDue.ALL).value,
        today=f.today,
        body_id=f.organization_id,
        series_id=f.series_id,
        deadline_from=f.date_from,
        deadline_to=f.date_to,
        text=f.text,
    )
    sort = f.sort or "deadline"
    descending = bool(f.descending)

    def fetch(offset: int, limit: int) -> list[ResolutionView]:
        return list_resolutions(
            db, filters=filters, sort=sort, descending=descending, offset=offset, limit=limit
        )

    rows = []
    for r in _paged(fetch, count_resolutions(db, filters=filters), progress):
        series = r.series_name_en if lang == "en" and r.series_name_en else r.series_name_fa
        body = (
            r.responsible_name_en if lang == "en" and r.responsible_name_en else r.responsible_name
        )
        rows.append(
            [
                r.number if lang == "fa" else f"{r.session_number}/{r.seq}",
                r.text,
                series,
                _jalali(r.meeting_date, lang),
                body,
                _joined(r.co_responsible_names),
                r.person_in_charge_name,
                _jalali(r.deadline, lang),
                _iso_date(r.deadline),
                ResolutionStatus.label_of(r.status, lang),
                r.days_overdue or "",
                r.closing_note,
                _jalali(r.last_log_on, lang),
            ]
        )
    return ExportTable("resolutions", "مصوبات", "Resolutions", columns, rows)


def _companies(
    db: Database, f: ExportFilters, progress: Progress | None = None, lang: str = "fa"
) -> ExportTable:
    """The province's companies with their products and directory contacts (for embassies)."""
    columns = [
        ExportColumn("نام شرکت", "Company (Persian)", 34),
        ExportColumn("نام انگلیسی", "Company (English)", 34),
        ExportColumn("نوع", "Kind", 16),
        ExportColumn("بخش", "Sector", 20),
        ExportColumn("شهرستان", "County", 14),
        ExportColumn("محصولات", "Products", 40),
        ExportColumn("مخاطبان", "Contacts", 30),
        ExportColumn("تلفن", "Phone", 16),
        ExportColumn("رایانامه", "E-mail", 26),
        ExportColumn("وب‌گاه", "Website", 24),
    ]
    kind = _member(CompanyKind, f.kind, "نوع شرکت", "company kind")
    query = {"text": f.text, "kind": kind.value if kind else None}
    products: dict[int, list[str]] = {}
    for p in list_products(db):
        products.setdefault(p.company_id or 0, []).append(
            p.name_en or p.name_fa if lang == "en" else p.name_fa
        )

    def fetch(offset: int, limit: int) -> list[Any]:
        return list_companies(db, offset=offset, limit=limit, **query)  # type: ignore[arg-type]

    rows = [
        [
            c.name_fa,
            c.name_en,
            CompanyKind.label_of(c.kind, lang),
            Sector.label_of(c.sector, lang),
            c.city_fa,
            _joined(products.get(c.id or 0, [])),
            _joined(c.contact_names_fa),
            c.phone,
            c.email,
            c.website,
        ]
        for c in _paged(fetch, count_companies(db, **query), progress)  # type: ignore[arg-type]
    ]
    return ExportTable("companies", "شرکت‌ها", "Companies", columns, rows)


def _markets(
    db: Database, f: ExportFilters, progress: Progress | None = None, lang: str = "fa"
) -> ExportTable:
    """Target markets with needs, people and supplying companies, as the list shows them."""
    columns = [
        ExportColumn("کشور", "Country", 18),
        ExportColumn("منطقه", "Region", 20),
        ExportColumn("محصول یا بخش", "Product or sector", 24),
        ExportColumn("اولویت", "Priority", 16),
        ExportColumn("وضعیت", "Status", 14),
        ExportColumn("نیازها و تقاضا", "Needs and demand", 50),
        ExportColumn("موانع", "Barriers", 30),
        ExportColumn("افراد مؤثر", "Influential people", 40),
        ExportColumn("شرکت‌های تأمین‌کننده", "Companies able to supply", 40),
        ExportColumn("منابع", "Sources", 30),
        ExportColumn("تاریخ اطلاعات", "Information date (Jalali)", 14),
        ExportColumn("تاریخ اطلاعات (میلادی)", "Information date (ISO)", 14),
    ]
    own = _own_filter(f, MarketFilter)
    status = _member(MarketStatus, f.status, "وضعیت بازار هدف", "market status")
    filters = own or MarketFilter(
        text=f.text, country_id=f.country_id, status=status.value if status else None
    )
    sort = f.sort or "priority"
    descending = bool(f.descending)

    def fetch(offset: int, limit: int) -> list[Any]:
        return list_markets(
            db, filters=filters, sort=sort, descending=descending, offset=offset, limit=limit,
            details=True,
        )  # fmt: skip

    rows = []
    for m in _paged(fetch, count_markets(db, filters=filters), progress):
        en = lang == "en"
        people = [
            f"{(p.name_en or p.name_fa) if en else p.name_fa} "
            f"({MarketPersonRole.label_of(p.role, lang)})"
            for p in m.person_rows
        ]
        rows.append(
            [
                (m.country_en or m.country_fa) if en else m.country_fa,
                (m.region_en or m.region_fa) if en else m.region_fa,
                m.subject(lang),
                MarketPriority.label_of(m.priority, lang),
                MarketStatus.label_of(m.status, lang),
                m.demand_notes,
                m.barriers,
                _joined(people),
                _joined(m.company_names_fa),
                m.sources,
                _jalali(m.info_date, lang),
                _iso_date(m.info_date),
            ]
        )
    return ExportTable("markets", "بازارهای هدف", "Target markets", columns, rows)


def _delegations(
    db: Database, f: ExportFilters, progress: Progress | None = None, lang: str = "fa"
) -> ExportTable:
    """Trade delegations sent and received with members, markets and agreements."""
    columns = [
        ExportColumn("نوع هیئت", "Direction", 10),
        ExportColumn("عنوان", "Title", 40),
        ExportColumn("کشور", "Country", 16),
        ExportColumn("منطقه", "Region", 18),
        ExportColumn("شهر", "City", 14),
        ExportColumn("از", "From (Jalali)", 12),
        ExportColumn("تا", "To (Jalali)", 12),
        ExportColumn("از (میلادی)", "From (ISO)", 12),
        ExportColumn("تا (میلادی)", "To (ISO)", 12),
        ExportColumn("سرپرست", "Head", 22),
        ExportColumn("اعضا", "Members", 50),
        ExportColumn("وضعیت", "Status", 14),
        ExportColumn("اهداف", "Objectives", 50),
        ExportColumn("بازارهای هدف", "Target markets", 30),
        ExportColumn("موافقت‌نامه‌های امضاشده", "Agreements signed", 40),
        ExportColumn("گزارش نتایج", "Outcome", 50),
    ]
    own = _own_filter(f, DelegationFilter)
    status = _member(DelegationStatus, f.status, "وضعیت هیئت", "delegation status")
    filters = own or DelegationFilter(
        text=f.text,
        country_id=f.country_id,
        status=status.value if status else None,
        date_from=f.date_from,
        date_to=f.date_to,
    )
    sort = f.sort or "start_date"
    descending = bool(f.descending)

    def fetch(offset: int, limit: int) -> list[Any]:
        return list_delegations(
            db, filters=filters, sort=sort, descending=descending, offset=offset, limit=limit,
            details=True,
        )  # fmt: skip

    rows = []
    for d in _paged(fetch, count_delegations(db, filters=filters), progress):
        en = lang == "en"
        members = [
            f"{x.display_name(lang)} ({MemberRole.label_of(x.role, lang)})" for x in d.members
        ]
        rows.append(
            [
                DelegationDirection.label_of(d.direction, lang),
                (d.title_en or d.title) if en else d.title,
                (d.country_en or d.country_fa) if en else d.country_fa,
                (d.region_en or d.region_fa) if en else d.region_fa,
                d.city,
                _jalali(d.start_date, lang),
                _jalali(d.end_date, lang),
                _iso_date(d.start_date),
                _iso_date(d.end_date),
                d.head_name(lang),
                _joined(members),
                DelegationStatus.label_of(d.status, lang),
                d.objectives,
                _joined(d.market_names_fa),
                _joined(d.agreement_titles),
                d.outcome,
            ]
        )
    return ExportTable("delegations", "هیئت‌های تجاری", "Trade delegations", columns, rows)


def _capacities(
    db: Database, f: ExportFilters, progress: Progress | None = None, lang: str = "fa"
) -> ExportTable:
    """The capacity catalogue (the sheet an embassy is sent with ``lang="en"``), by axis."""
    columns = [
        ExportColumn("محور", "Axis", 20),
        ExportColumn("عنوان", "Title", 40),
        ExportColumn("شهرستان", "County", 14),
        ExportColumn("وضعیت", "Status", 18),
        ExportColumn("مساحت", "Area", 12),
        ExportColumn("واحد مساحت", "Area unit", 10),
        ExportColumn("اشتغال", "Jobs", 10),
        ExportColumn("سرمایهٔ لازم", "Investment needed", 16),
        ExportColumn("واحد پول", "Currency", 10),
        ExportColumn("مرجع پاسخ‌گو", "Contact body", 34),
        ExportColumn("شرح", "Description", 50),
        ExportColumn("قابل انتشار", "Publishable", 10),
    ]
    own = f.list_filter if isinstance(f.list_filter, CapacityFilter) else None
    axis = _member(CapacityAxis, f.axis, "محور", "axis")
    status = _member(CapacityStatus, f.status, "وضعیت ظرفیت", "capacity status")
    county = _member(County, f.county, "شهرستان", "county")
    filters = own or CapacityFilter(
        text=f.text,
        axis=axis.value if axis else None,
        county=county.value if county else None,
        status=status.value if status else None,
        publishable=True if f.publishable_only else None,
        archived=None if f.include_archived else False,
    )
    sort = f.sort or "axis"
    descending = bool(f.descending)

    def fetch(offset: int, limit: int) -> list[CapacityView]:
        return list_capacities(
            db, filters=filters, sort=sort, descending=descending, offset=offset, limit=limit
        )

    en = lang == "en"
    rows = []
    for c in _paged(fetch, count_capacities(db, filters=filters), progress):
        rows.append(
            [
                CapacityAxis.label_of(c.axis, lang),
                c.title_in(lang),
                County.label_of(c.county, lang),
                CapacityStatus.label_of(c.status, lang),
                "" if c.area is None else int(c.area) if c.area.is_integer() else c.area,
                AreaUnit.label_of(c.area_unit, lang) if c.area is not None else "",
                c.jobs if c.jobs is not None else "",
                c.investment if c.investment is not None else "",
                c.currency if c.investment is not None else "",
                (c.contact_name_en or c.contact_name) if en else c.contact_name,
                c.description_in(lang),
                c.publishable,
            ]
        )
    return ExportTable("capacities", "ظرفیت‌های استان", "Province capacities", columns, rows)


_BUILDERS: dict[str, Callable[[Database, ExportFilters, Progress | None, str], ExportTable]] = {
    "people": _people,
    "organizations": _organizations,
    "countries": _countries,
    "visits": _visits,
    "agreements": _agreements,
    "events": _events,
    "followups": _followups,
    "letters": _letters,
    "meetings": _meetings,
    "resolutions": _resolutions,
    "companies": _companies,
    "markets": _markets,
    "delegations": _delegations,
    "capacities": _capacities,
}
assert tuple(_BUILDERS) == EXPORT_KINDS


def export_table(
    db: Database,
    *,
    kind: str,
    filters: ExportFilters | None = None,
    progress: Progress | None = None,
    lang: str = "fa",
) -> ExportTable:
    """The rows of list ``kind`` (one of :data:`EXPORT_KINDS`) under ``filters``.

    Enumerated values, Jalali dates and times are written in ``lang`` ("fa" or "en"; yes/no
    cells stay ``bool`` until written).  Visits, agreements and events are read a page at a
    time and call ``progress(done, total)`` after each page; an exception raised by
    ``progress`` stops the export.
    """
    builder = _BUILDERS.get(kind)
    if builder is None:
        raise KnownError(
            f"فهرست «{kind}» برای خروجی شناخته نیست؛ یکی از این‌ها: {'، '.join(EXPORT_KINDS)}.",
            f"Unknown list '{kind}'; one of: {', '.join(EXPORT_KINDS)}.",
        )
    return builder(db, filters or ExportFilters(), progress, lang)
