"""The exported tables: each list's query with the user's filters, as headers and rows of plain values."""

from __future__ import annotations

from collections.abc import Callable
from datetime import time
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, aliased

from qazvin_diplomacy.core.agreements import (
    AgreementFilter,
    AgreementKind,
    AgreementStatus,
    Axis,
    PartySide,
)
from qazvin_diplomacy.core.directory import DiplomaticRank, OrganizationKind, Region
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.events import EventFilter, EventKind, EventStatus, EventSummary
from qazvin_diplomacy.core.followups import FollowUpFilter, FollowUpSource, FollowUpStatus
from qazvin_diplomacy.core.letters import LetterFilter, LetterKind, LetterLink
from qazvin_diplomacy.core.sheet_headers import field_label
from qazvin_diplomacy.core.visits import VisitFilter, VisitStatus
from qazvin_diplomacy.services.agreements import count_agreements, list_agreements
from qazvin_diplomacy.services.events import count_events, list_events
from qazvin_diplomacy.services.export.economy import (
    capacities_table,
    companies_table,
    delegations_table,
    markets_table,
    meetings_table,
    resolutions_table,
)
from qazvin_diplomacy.services.export.sheets import (
    MAX_EXPORT_ROWS,
    ExportColumn,
    ExportFilters,
    ExportTable,
    Progress,
    clock,
    iso_date,
    jalali,
    joined,
    listed,
    local_iso,
    member,
    own_filter,
    paged,
)
from qazvin_diplomacy.services.filters import text_condition
from qazvin_diplomacy.services.followups import filtered as followup_filtered
from qazvin_diplomacy.services.letters import count_letters, list_letters
from qazvin_diplomacy.services.visits import count_visits, list_visits
from qazvin_diplomacy.storage.database import PERSIAN_COLLATION, Database
from qazvin_diplomacy.storage.directory import Country, Organization, Person
from qazvin_diplomacy.storage.events import Event
from qazvin_diplomacy.storage.followups import FollowUpTask

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
                    jalali(p.functions_started_at, lang),
                    local_iso(p.functions_started_at),
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
    org_kind = member(OrganizationKind, f.kind, "نوع سازمان", "organization kind")
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
    filters = own_filter(f, VisitFilter) or VisitFilter(
        country_id=f.country_id,
        status=member(VisitStatus, f.status, "وضعیت دیدار", "visit status"),
        date_from=f.date_from,
        date_to=f.date_to,
        text=f.text,
        include_archived=f.include_archived,
    )
    rows = []
    for v in listed(db, f, list_visits, count_visits, filters, progress, sort="start"):
        rows.append(
            [
                v.title,
                VisitStatus(v.status).label(lang),
                jalali(v.start_at, lang, with_time=True),
                local_iso(v.start_at),
                jalali(v.end_at, lang, with_time=True),
                local_iso(v.end_at),
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
    filters = own_filter(f, AgreementFilter) or AgreementFilter(
        kind=member(AgreementKind, f.kind, "نوع موافقت‌نامه", "agreement kind"),
        status=member(AgreementStatus, f.status, "وضعیت موافقت‌نامه", "agreement status"),
        axis=member(Axis, f.axis, "محور همکاری", "axis"),
        country_id=f.country_id,
        organization_id=f.organization_id,
        signed_from=f.date_from,
        signed_to=f.date_to,
        text=f.text,
        include_archived=f.include_archived,
    )
    rows = []
    for a in listed(
        db,
        f,
        list_agreements,
        count_agreements,
        filters,
        progress,
        sort="signing_date",
        descending=True,
        today=f.today,
    ):
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
                joined(a.countries_fa),
                a.axes_text(lang),
                jalali(a.signing_date, lang),
                iso_date(a.signing_date),
                a.signing_place,
                jalali(a.start_date, lang),
                iso_date(a.start_date),
                jalali(a.expires_on, lang),
                iso_date(a.expires_on),
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
    filters = own_filter(f, EventFilter) or EventFilter(
        text=f.text,
        kind=member(EventKind, f.kind, "نوع رویداد", "event kind"),
        status=member(EventStatus, f.status, "وضعیت رویداد", "event status"),
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
    for e, (organizer, organizer_en, end_time) in paged(fetch, total, progress):
        c = e.counts
        rows.append(
            [
                e.title_fa,
                e.title_en,
                e.kind.label(lang),
                e.status.label(lang),
                jalali(e.start_date, lang),
                iso_date(e.start_date),
                jalali(e.end_date, lang),
                iso_date(e.end_date),
                clock(e.start_time, lang),
                clock(end_time, lang),
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
    status = member(FollowUpStatus, f.status, "وضعیت اقدام پیگیری", "follow-up status")
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
                    jalali(t.deadline, lang),
                    iso_date(t.deadline),
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
    own = own_filter(f, LetterFilter)
    filters = own or LetterFilter(text=f.text, date_from=f.date_from, date_to=f.date_to)
    rows = []
    for v in listed(
        db, f, list_letters, count_letters, filters, progress, sort="number", descending=True
    ):
        link = LetterLink.label_of(v.link_kind.value, lang)
        rows.append(
            [
                v.number,
                jalali(v.date, lang),
                iso_date(v.date),
                LetterKind.label_of(v.kind.value, lang),
                v.addressee,
                v.subject,
                f"{link} {v.link_id}" if v.link_id is not None else "",
                v.attachments_note,
                joined(v.cc),
                v.printed_copies,
            ]
        )
    return ExportTable("letters", "نامه‌های صادره", "Outgoing letters", columns, rows)


_BUILDERS: dict[str, Callable[[Database, ExportFilters, Progress | None, str], ExportTable]] = {
    "people": _people,
    "organizations": _organizations,
    "countries": _countries,
    "visits": _visits,
    "agreements": _agreements,
    "events": _events,
    "followups": _followups,
    "letters": _letters,
    "meetings": meetings_table,
    "resolutions": resolutions_table,
    "companies": companies_table,
    "markets": markets_table,
    "delegations": delegations_table,
    "capacities": capacities_table,
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
