"""Trade delegations: save (with members, markets, agreements, programme and the follow-ups
after the trip, which are the shared follow-up tasks), read, list, archive."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, delete, func, select
from sqlalchemy.orm import Session, aliased, selectinload

from qazvin_diplomacy.core.delegations import (
    DelegationDirection,
    DelegationFilter,
    DelegationInput,
    DelegationMember,
    DelegationStatus,
    DelegationView,
    MemberKind,
    MemberRole,
    ProgrammeItem,
    validate_delegation,
)
from qazvin_diplomacy.core.errors import NotFoundError, ValidationError
from qazvin_diplomacy.core.followups import FollowUpSource, FollowUpView
from qazvin_diplomacy.core.text import index_key, normalize
from qazvin_diplomacy.core.visits import can_transition
from qazvin_diplomacy.services.confidential import flag_errors
from qazvin_diplomacy.services.filters import text_condition
from qazvin_diplomacy.services.followups import followup_view, write_source_followups
from qazvin_diplomacy.services.listing import count_of, country_name_key, sorted_by
from qazvin_diplomacy.services.markets.regions import region_country
from qazvin_diplomacy.services.records import get_row, row_to_save, set_archived, write
from qazvin_diplomacy.storage.agreements import Agreement
from qazvin_diplomacy.storage.confidential import hidden_among
from qazvin_diplomacy.storage.database import PERSIAN_COLLATION, Database
from qazvin_diplomacy.storage.delegations import (
    TradeDelegation,
    TradeDelegationAgreement,
    TradeDelegationMarket,
    TradeDelegationMember,
    TradeDelegationProgrammeItem,
)
from qazvin_diplomacy.storage.directory import Country, Person
from qazvin_diplomacy.storage.followups import FollowUpTask
from qazvin_diplomacy.storage.markets import Company, MarketRegion, TargetMarket

WHAT = "هیئت تجاری"
#: The follow-ups' ``source_kind``.
SOURCE_KIND = FollowUpSource.DELEGATION.value
#: No filter: every live delegation.
ANY_DELEGATION = DelegationFilter()
#: Sort keys accepted by :func:`list_delegations`.
DELEGATION_SORT_KEYS = ("start_date", "end_date", "title", "country", "status", "direction")


def delegation_search_key(session: Session, row: TradeDelegation) -> str:
    """Title, place, head, members' names, objectives and outcome."""
    country = session.get(Country, row.country_id)
    region = session.get(MarketRegion, row.region_id) if row.region_id else None
    head = session.get(Person, row.head_person_id) if row.head_person_id else None
    people = session.execute(
        select(Person.name_fa, Person.name_en)
        .join(TradeDelegationMember, TradeDelegationMember.person_id == Person.id)
        .where(TradeDelegationMember.delegation_id == row.id)
    ).all()
    companies = session.execute(
        select(Company.name_fa, Company.name_en)
        .join(TradeDelegationMember, TradeDelegationMember.company_id == Company.id)
        .where(TradeDelegationMember.delegation_id == row.id)
    ).all()
    typed = session.scalars(
        select(TradeDelegationMember.name_text).where(TradeDelegationMember.delegation_id == row.id)
    ).all()
    direction = DelegationDirection.find(row.direction)
    return index_key(
        row.title,
        row.title_en,
        direction.label_fa if direction else "",
        country.name_fa if country else "",
        country.name_en if country else "",
        region.name_fa if region else "",
        region.name_en if region else "",
        row.city,
        head.name_fa if head else "",
        head.name_en if head else "",
        row.head_text,
        row.objectives,
        row.outcome,
        row.notes,
        *(n for p in people for n in p),
        *(n for c in companies for n in c),
        *typed,
    )


def _check_links(session: Session, d: DelegationInput) -> None:
    get_row(session, Country, d.country_id or 0, "کشور")
    if d.head_person_id is not None:
        get_row(session, Person, d.head_person_id, "شخص")
    for member in d.members:
        if member.person_id is not None:
            get_row(session, Person, member.person_id, "شخص")
        if member.company_id is not None:
            get_row(session, Company, member.company_id, "شرکت")
    for market_id in d.market_ids:
        get_row(session, TargetMarket, market_id, "بازار هدف")
    for agreement_id in d.agreement_ids:
        get_row(session, Agreement, agreement_id, "موافقت‌نامه")


def save_delegation(db: Database, *, delegation: DelegationInput) -> DelegationView:
    """Create or update a delegation with its members, markets, agreements and programme,
    in one transaction.  A status change must be an allowed move of a visit's workflow."""
    d = delegation
    if errors := flag_errors(d.confidential):
        raise ValidationError(errors)
    with write(db) as session:
        validate_delegation(d, region_country(session, d.region_id))
        _check_links(session, d)
        row = row_to_save(session, TradeDelegation, d.id, d.version, WHAT)
        old = DelegationStatus.find(row.status) if d.id is not None else None
        new = DelegationStatus(d.status)
        if old is not None and not can_transition(old, new):
            raise ValidationError(
                {"status": f"از وضعیت «{old.label_fa}» نمی‌توان به «{new.label_fa}» رفت."}
            )
        row.direction = d.direction
        row.title = normalize(d.title)
        row.title_en = d.title_en.strip()
        row.country_id = d.country_id or 0
        row.region_id = d.region_id
        row.city = normalize(d.city)
        assert d.start_date is not None and d.end_date is not None  # validated
        row.start_date = d.start_date
        row.end_date = d.end_date
        row.head_person_id = d.head_person_id
        row.head_text = normalize(d.head_text)
        row.objectives = normalize(d.objectives)
        row.budget_notes = normalize(d.budget_notes)
        row.outcome = normalize(d.outcome)
        row.status = d.status
        row.notes = normalize(d.notes)
        row.confidential = d.confidential
        session.flush()
        # agreements hidden from this user stay linked (they were not shown them)
        kept = hidden_among(
            session,
            Agreement,
            session.scalars(
                select(TradeDelegationAgreement.agreement_id).where(
                    TradeDelegationAgreement.delegation_id == row.id
                )
            ),
        )
        for model in (
            TradeDelegationMember,
            TradeDelegationMarket,
            TradeDelegationAgreement,
            TradeDelegationProgrammeItem,
        ):
            session.execute(delete(model).where(model.delegation_id == row.id))
        for position, m in enumerate(d.members):
            session.add(
                TradeDelegationMember(
                    delegation_id=row.id,
                    position=position,
                    kind=m.kind,
                    role=m.role,
                    person_id=m.person_id,
                    company_id=m.company_id,
                    name_text=normalize(m.name_text),
                )
            )
        for market_id in dict.fromkeys(d.market_ids):
            session.add(TradeDelegationMarket(delegation_id=row.id, market_id=market_id))
        for agreement_id in dict.fromkeys([*d.agreement_ids, *sorted(kept)]):
            session.add(TradeDelegationAgreement(delegation_id=row.id, agreement_id=agreement_id))
        for position, item in enumerate(d.programme):
            session.add(
                TradeDelegationProgrammeItem(
                    delegation_id=row.id,
                    position=position,
                    day=item.day,
                    time_text=normalize(item.time_text),
                    place=normalize(item.place),
                    activity=normalize(item.activity),
                    notes=normalize(item.notes),
                )
            )
        session.flush()
        if d.followups is not None:
            write_source_followups(
                session, d.followups, source_kind=SOURCE_KIND, source_id=row.id,
                what="اقدام پیگیری", not_found=_followup_not_found,
            )  # fmt: skip
        row.search_key = delegation_search_key(session, row)
        session.flush()
        return _views(session, [row.id])[0]


def _followup_not_found(task_id: int) -> NotFoundError:
    return NotFoundError(
        f"اقدام پیگیری شمارهٔ {task_id} در این هیئت پیدا نشد؛ فرم را دوباره باز کنید.",
        f"Follow-up {task_id} is not one of this delegation's; open the form again.",
    )


def _followups(session: Session, ids: list[int]) -> dict[int, list[FollowUpView]]:
    """The live follow-ups of each delegation, by deadline."""
    out: dict[int, list[FollowUpView]] = {}
    for task in session.scalars(
        select(FollowUpTask)
        .where(
            FollowUpTask.source_kind == SOURCE_KIND,
            FollowUpTask.source_id.in_(ids),
            FollowUpTask.archived_at.is_(None),
        )
        .options(selectinload(FollowUpTask.owner))
        .order_by(FollowUpTask.deadline.is_(None), FollowUpTask.deadline, FollowUpTask.id)
    ):
        out.setdefault(task.source_id or 0, []).append(followup_view(task))
    return out


def _base_query() -> Select[Any]:
    region, head = aliased(MarketRegion), aliased(Person)
    return (
        select(
            TradeDelegation,
            Country.name_fa,
            Country.name_en,
            region.name_fa,
            region.name_en,
            head.name_fa,
            head.name_en,
        )
        .join(Country, Country.id == TradeDelegation.country_id)
        .outerjoin(region, region.id == TradeDelegation.region_id)
        .outerjoin(head, head.id == TradeDelegation.head_person_id)
    )


def _members(session: Session, ids: list[int]) -> dict[int, list[DelegationMember]]:
    out: dict[int, list[DelegationMember]] = {}
    for link, p_fa, p_en, c_fa, c_en in session.execute(
        select(
            TradeDelegationMember, Person.name_fa, Person.name_en, Company.name_fa, Company.name_en
        )
        .outerjoin(Person, Person.id == TradeDelegationMember.person_id)
        .outerjoin(Company, Company.id == TradeDelegationMember.company_id)
        .where(TradeDelegationMember.delegation_id.in_(ids))
        .order_by(TradeDelegationMember.delegation_id, TradeDelegationMember.position)
    ):
        out.setdefault(link.delegation_id, []).append(
            DelegationMember(
                kind=link.kind,
                role=link.role,
                person_id=link.person_id,
                company_id=link.company_id,
                name_text=link.name_text,
                name_fa=p_fa or c_fa or "",
                name_en=p_en or c_en or "",
            )
        )
    return out


def _views(session: Session, ids: list[int], *, details: bool = True) -> list[DelegationView]:
    """Views of the delegations ``ids`` in that order; ``details`` adds the linked rows."""
    if not ids:
        return []
    rows = {r[0].id: r for r in session.execute(_base_query().where(TradeDelegation.id.in_(ids)))}
    members: dict[int, list[DelegationMember]] = {}
    markets: dict[int, list[tuple[int, str]]] = {}
    agreements: dict[int, list[tuple[int, str]]] = {}
    programme: dict[int, list[ProgrammeItem]] = {}
    followups: dict[int, list[FollowUpView]] = {}
    if details:
        members = _members(session, ids)
        followups = _followups(session, ids)
        market_region = aliased(MarketRegion)
        for delegation_id, market_id, c_fa, r_fa in session.execute(
            select(
                TradeDelegationMarket.delegation_id,
                TargetMarket.id,
                Country.name_fa,
                market_region.name_fa,
            )
            .join(TargetMarket, TargetMarket.id == TradeDelegationMarket.market_id)
            .join(Country, Country.id == TargetMarket.country_id)
            .outerjoin(market_region, market_region.id == TargetMarket.region_id)
            .where(TradeDelegationMarket.delegation_id.in_(ids))
            .order_by(TargetMarket.priority, TargetMarket.id)
        ):
            name = f"{c_fa} — {r_fa}" if r_fa else c_fa
            markets.setdefault(delegation_id, []).append((market_id, name))
        for delegation_id, agreement_id, title in session.execute(
            select(TradeDelegationAgreement.delegation_id, Agreement.id, Agreement.title)
            .join(Agreement, Agreement.id == TradeDelegationAgreement.agreement_id)
            .where(TradeDelegationAgreement.delegation_id.in_(ids))
            .order_by(Agreement.title.collate(PERSIAN_COLLATION))
        ):
            agreements.setdefault(delegation_id, []).append((agreement_id, title))
        for item in session.scalars(
            select(TradeDelegationProgrammeItem)
            .where(TradeDelegationProgrammeItem.delegation_id.in_(ids))
            .order_by(TradeDelegationProgrammeItem.position)
        ):
            programme.setdefault(item.delegation_id, []).append(
                ProgrammeItem(item.day, item.time_text, item.place, item.activity, item.notes)
            )
    views = []
    for delegation_id in ids:
        d, c_fa, c_en, r_fa, r_en, h_fa, h_en = rows[delegation_id]
        views.append(
            DelegationView(
                id=d.id,
                version=d.version,
                direction=d.direction,
                title=d.title,
                title_en=d.title_en,
                country_id=d.country_id,
                region_id=d.region_id,
                city=d.city,
                start_date=d.start_date,
                end_date=d.end_date,
                head_person_id=d.head_person_id,
                head_text=d.head_text,
                objectives=d.objectives,
                budget_notes=d.budget_notes,
                outcome=d.outcome,
                status=d.status,
                notes=d.notes,
                members=tuple(members.get(d.id, [])),
                market_ids=tuple(m for m, _n in markets.get(d.id, [])),
                agreement_ids=tuple(a for a, _t in agreements.get(d.id, [])),
                programme=tuple(programme.get(d.id, [])),
                followups=tuple(followups.get(d.id, [])),
                confidential=d.confidential,
                country_fa=c_fa,
                country_en=c_en,
                region_fa=r_fa or "",
                region_en=r_en or "",
                head_fa=h_fa or "",
                head_en=h_en or "",
                market_names_fa=tuple(n for _m, n in markets.get(d.id, [])),
                agreement_titles=tuple(t for _a, t in agreements.get(d.id, [])),
            )
        )
    return views


def get_delegation(db: Database, *, delegation_id: int) -> DelegationView:
    """One delegation with its members, markets, agreements and programme."""
    with db.read_session() as session:
        get_row(session, TradeDelegation, delegation_id, WHAT)
        return _views(session, [delegation_id])[0]


def _filtered(query: Select[Any], f: DelegationFilter) -> Select[Any]:
    query = query.where(TradeDelegation.archived_at.is_(None))
    if f.direction:
        query = query.where(TradeDelegation.direction == f.direction)
    if f.status:
        query = query.where(TradeDelegation.status == f.status)
    if f.country_id is not None:
        query = query.where(TradeDelegation.country_id == f.country_id)
    if f.date_from is not None:
        query = query.where(TradeDelegation.end_date >= f.date_from)
    if f.date_to is not None:
        query = query.where(TradeDelegation.start_date <= f.date_to)
    return query.where(text_condition(TradeDelegation.search_key, f.text))


def count_delegations(db: Database, *, filters: DelegationFilter = ANY_DELEGATION) -> int:
    """How many live delegations the filters match."""
    return count_of(db, _filtered(select(func.count()).select_from(TradeDelegation), filters))


def list_delegations(
    db: Database,
    *,
    filters: DelegationFilter = ANY_DELEGATION,
    sort: str = "start_date",
    descending: bool = False,
    offset: int = 0,
    limit: int = 200,
    details: bool = False,
) -> list[DelegationView]:
    """A page of live delegations matching ``filters`` (see :data:`DELEGATION_SORT_KEYS`)."""
    keys: dict[str, tuple[Any, ...]] = {
        "start_date": (TradeDelegation.start_date,),
        "end_date": (TradeDelegation.end_date,),
        "title": (TradeDelegation.title.collate(PERSIAN_COLLATION),),
        "country": (country_name_key(TradeDelegation.country_id),),
        "status": (TradeDelegation.status,),
        "direction": (TradeDelegation.direction,),
    }
    query = sorted_by(
        _filtered(select(TradeDelegation.id), filters), keys, sort, descending, TradeDelegation.id
    )
    with db.read_session() as session:
        ids = list(session.scalars(query.offset(offset).limit(limit)))
        return _views(session, ids, details=details)


def archive_delegation(db: Database, *, delegation_id: int, version: int | None = None) -> None:
    """Archive a delegation (it leaves the list, the calendar and the search)."""
    with write(db) as session:
        row = get_row(session, TradeDelegation, delegation_id, WHAT)
        set_archived(session, row, version, True, WHAT)


def delegation_labels(lang: str = "fa") -> dict[str, list[tuple[str, str]]]:
    """The choices of the delegation forms and filters (code, label)."""
    return {
        "direction": [(d.value, d.label(lang)) for d in DelegationDirection],
        "status": [(s.value, s.label(lang)) for s in DelegationStatus],
        "member_kind": [(k.value, k.label(lang)) for k in MemberKind],
        "member_role": [(r.value, r.label(lang)) for r in MemberRole],
    }
