"""The economic-diplomacy lists as sheets: meetings, resolutions, companies, markets, delegations, capacities."""

from __future__ import annotations

from typing import Any

from qazvin_diplomacy.core.capacities import (
    AreaUnit,
    CapacityAxis,
    CapacityFilter,
    CapacityStatus,
    County,
)
from qazvin_diplomacy.core.delegations import (
    DelegationDirection,
    DelegationFilter,
    DelegationStatus,
    MemberRole,
)
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
    ResolutionDue,
    ResolutionFilter,
    ResolutionStatus,
)
from qazvin_diplomacy.services.capacities import count_capacities, list_capacities
from qazvin_diplomacy.services.delegations import count_delegations, list_delegations
from qazvin_diplomacy.services.export.sheets import (
    ExportColumn,
    ExportFilters,
    ExportTable,
    Progress,
    clock,
    iso_date,
    jalali,
    joined,
    listed,
    member,
    own_filter,
    paged,
)
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
from qazvin_diplomacy.storage.database import Database


def meetings_table(
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
    status = member(MeetingStatus, f.status, "وضعیت جلسه", "meeting status")
    filters = own or MeetingFilter(
        text=f.text,
        series_id=f.series_id,
        status=status.value if status else None,
        date_from=f.date_from,
        date_to=f.date_to,
    )
    rows = []
    for m in listed(
        db, f, list_meetings, count_meetings, filters, progress, sort="date", descending=True
    ):
        name = m.series_name_en if lang == "en" and m.series_name_en else m.series_name_fa
        rows.append(
            [
                name,
                m.number,
                jalali(m.meeting_date, lang),
                iso_date(m.meeting_date),
                clock(m.start_time, lang),
                m.venue,
                m.chair_name,
                MeetingStatus.label_of(m.status, lang),
                m.resolution_count,
                m.open_resolution_count,
            ]
        )
    return ExportTable("meetings", "جلسه‌ها", "Meetings", columns, rows)


def resolutions_table(
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
    due = member(ResolutionDue, f.status, "وضعیت مصوبه", "resolution state")
    filters = own or ResolutionFilter(
        due=(due or ResolutionDue.ALL).value,
        today=f.today,
        body_id=f.organization_id,
        series_id=f.series_id,
        deadline_from=f.date_from,
        deadline_to=f.date_to,
        text=f.text,
    )
    rows = []
    for r in listed(db, f, list_resolutions, count_resolutions, filters, progress, sort="deadline"):
        series = r.series_name_en if lang == "en" and r.series_name_en else r.series_name_fa
        body = (
            r.responsible_name_en if lang == "en" and r.responsible_name_en else r.responsible_name
        )
        rows.append(
            [
                r.number if lang == "fa" else f"{r.session_number}/{r.seq}",
                r.text,
                series,
                jalali(r.meeting_date, lang),
                body,
                joined(r.co_responsible_names),
                r.person_in_charge_name,
                jalali(r.deadline, lang),
                iso_date(r.deadline),
                ResolutionStatus.label_of(r.status, lang),
                r.days_overdue or "",
                r.closing_note,
                jalali(r.last_log_on, lang),
            ]
        )
    return ExportTable("resolutions", "مصوبات", "Resolutions", columns, rows)


def companies_table(
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
    kind = member(CompanyKind, f.kind, "نوع شرکت", "company kind")
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
            joined(products.get(c.id or 0, [])),
            joined(c.contact_names_fa),
            c.phone,
            c.email,
            c.website,
        ]
        for c in paged(fetch, count_companies(db, **query), progress)  # type: ignore[arg-type]
    ]
    return ExportTable("companies", "شرکت‌ها", "Companies", columns, rows)


def markets_table(
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
    own = own_filter(f, MarketFilter)
    status = member(MarketStatus, f.status, "وضعیت بازار هدف", "market status")
    filters = own or MarketFilter(
        text=f.text, country_id=f.country_id, status=status.value if status else None
    )
    rows = []
    for m in listed(
        db, f, list_markets, count_markets, filters, progress, sort="priority", details=True
    ):
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
                joined(people),
                joined(m.company_names_fa),
                m.sources,
                jalali(m.info_date, lang),
                iso_date(m.info_date),
            ]
        )
    return ExportTable("markets", "بازارهای هدف", "Target markets", columns, rows)


def delegations_table(
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
    own = own_filter(f, DelegationFilter)
    status = member(DelegationStatus, f.status, "وضعیت هیئت", "delegation status")
    filters = own or DelegationFilter(
        text=f.text,
        country_id=f.country_id,
        status=status.value if status else None,
        date_from=f.date_from,
        date_to=f.date_to,
    )
    rows = []
    for d in listed(
        db, f, list_delegations, count_delegations, filters, progress, "start_date", details=True
    ):
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
                jalali(d.start_date, lang),
                jalali(d.end_date, lang),
                iso_date(d.start_date),
                iso_date(d.end_date),
                d.head_name(lang),
                joined(members),
                DelegationStatus.label_of(d.status, lang),
                d.objectives,
                joined(d.market_names_fa),
                joined(d.agreement_titles),
                d.outcome,
            ]
        )
    return ExportTable("delegations", "هیئت‌های تجاری", "Trade delegations", columns, rows)


def capacities_table(
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
    axis = member(CapacityAxis, f.axis, "محور", "axis")
    status = member(CapacityStatus, f.status, "وضعیت ظرفیت", "capacity status")
    county = member(County, f.county, "شهرستان", "county")
    filters = own or CapacityFilter(
        text=f.text,
        axis=axis.value if axis else None,
        county=county.value if county else None,
        status=status.value if status else None,
        publishable=True if f.publishable_only else None,
        archived=None if f.include_archived else False,
    )
    en = lang == "en"
    rows = []
    for c in listed(db, f, list_capacities, count_capacities, filters, progress, sort="axis"):
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
