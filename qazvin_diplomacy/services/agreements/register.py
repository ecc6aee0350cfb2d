"""The agreements register: the list, its filters and sort orders, counts, and the register report's data."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, and_, case, func, or_, select, true, union
from sqlalchemy.orm import Session

from qazvin_diplomacy.core.agreements import (
    SORT_KEYS,
    AgreementCounts,
    AgreementDetail,
    AgreementFilter,
    AgreementKind,
    AgreementStatus,
    AgreementSummary,
    Axis,
    PartySide,
    current_expiry,
    effective_status,
    jalali_year_span,
    renewal_term,
    unique_axes,
)
from qazvin_diplomacy.core.clock import to_local
from qazvin_diplomacy.core.errors import NotFoundError, ValidationError
from qazvin_diplomacy.core.text import search_terms, to_persian_digits
from qazvin_diplomacy.services.agreements.records import _BINDING, _today, get_agreement
from qazvin_diplomacy.services.listing import count_of
from qazvin_diplomacy.storage.agreements import (
    Agreement,
    AgreementAxis,
    AgreementParty,
    AgreementSignatory,
)
from qazvin_diplomacy.storage.database import PERSIAN_COLLATION, Database
from qazvin_diplomacy.storage.directory import Country, Organization, Person


def _text_condition(text: str) -> ColumnElement[bool]:
    """Each typed word in the agreement's key or in a party's or signatory's directory key."""
    conditions = []
    for term in search_terms(text):
        orgs = select(Organization.id).where(Organization.search_key.like(f"%{term}%"))
        people = select(Person.id).where(Person.search_key.like(f"%{term}%"))
        linked = union(
            select(AgreementParty.agreement_id).where(AgreementParty.organization_id.in_(orgs)),
            select(AgreementSignatory.agreement_id).where(AgreementSignatory.person_id.in_(people)),
        )
        conditions.append(or_(Agreement.search_key.like(f"%{term}%"), Agreement.id.in_(linked)))
    return and_(*conditions) if conditions else true()


def _linked(child: Any, condition: ColumnElement[bool]) -> ColumnElement[bool]:
    """Agreements with a ``child`` row (party, signatory, axis) meeting ``condition``."""
    return Agreement.id.in_(select(child.agreement_id).where(condition))


def _filter_conditions(filters: AgreementFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if filters.archived_only:
        conditions.append(Agreement.archived_at.is_not(None))
    elif not filters.include_archived:
        conditions.append(Agreement.archived_at.is_(None))
    if filters.kind is not None:
        conditions.append(Agreement.kind == AgreementKind(filters.kind).value)
    if filters.status is not None:
        conditions.append(Agreement.status == AgreementStatus(filters.status).value)
    if filters.country_id is not None:
        conditions.append(_linked(AgreementParty, AgreementParty.country_id == filters.country_id))
    if filters.organization_id is not None:
        conditions.append(
            _linked(AgreementParty, AgreementParty.organization_id == filters.organization_id)
        )
    if filters.person_id is not None:
        conditions.append(
            or_(
                Agreement.legal_reviewer_person_id == filters.person_id,
                _linked(AgreementSignatory, AgreementSignatory.person_id == filters.person_id),
            )
        )
    if filters.axis is not None:
        conditions.append(_linked(AgreementAxis, AgreementAxis.axis == Axis(filters.axis).value))
    first, last = jalali_year_span(filters.year_from, filters.year_to)
    if filters.signed_from is not None:
        first = max(first, filters.signed_from) if first else filters.signed_from
    if filters.signed_to is not None:
        last = min(last, filters.signed_to) if last else filters.signed_to
    if first is not None:
        conditions.append(Agreement.signing_date >= first)
    if last is not None:
        conditions.append(Agreement.signing_date <= last)
    if filters.text and filters.text.strip():
        conditions.append(_text_condition(filters.text))
    return conditions


def _sort_order(sort: str, descending: bool) -> list[Any]:
    if sort not in SORT_KEYS:
        raise ValueError(f"unknown sort key {sort!r}; expected one of {SORT_KEYS}")
    column: Any
    if sort == "status":
        column = case({s.value: i for i, s in enumerate(AgreementStatus)}, value=Agreement.status)
    elif sort == "kind":
        column = case({k.value: i for i, k in enumerate(AgreementKind)}, value=Agreement.kind)
    else:
        column = {
            "signing_date": Agreement.signing_date,
            "title": Agreement.title.collate(PERSIAN_COLLATION),
            "expiry": Agreement.expires_on,
            "reference": Agreement.reference_number,
        }[sort]
    if descending:
        return [column.desc(), Agreement.id.desc()]
    return [column.asc(), Agreement.id.asc()]


_SUMMARY_COLUMNS = (
    Agreement.id,
    Agreement.version,
    Agreement.title,
    Agreement.title_en,
    Agreement.kind,
    Agreement.status,
    Agreement.reference_number,
    Agreement.signing_date,
    Agreement.signing_place,
    Agreement.start_date,
    Agreement.expires_on,
    Agreement.auto_renew,
    Agreement.duration_months,
    Agreement.renewal_months,
    Agreement.status_changed_at,
    Agreement.archived_at,
    Agreement.confidential,
)


def _summaries(session: Session, query: Select[Any], today: date) -> list[AgreementSummary]:
    rows = session.execute(query).all()
    ids = [r.id for r in rows]
    parties: dict[int, list[tuple[str, str, str, str, str]]] = defaultdict(list)
    axes: dict[int, list[str]] = defaultdict(list)
    if ids:
        for agreement_id, side, org_fa, org_en, c_fa, c_en in session.execute(
            select(
                AgreementParty.agreement_id,
                AgreementParty.side,
                Organization.name_fa,
                Organization.name_en,
                Country.name_fa,
                Country.name_en,
            )
            .join(Organization, Organization.id == AgreementParty.organization_id)
            .outerjoin(Country, Country.id == AgreementParty.country_id)
            .where(AgreementParty.agreement_id.in_(ids))
            .order_by(AgreementParty.agreement_id, AgreementParty.sort_order, AgreementParty.id)
        ):
            parties[agreement_id].append((side, org_fa, org_en, c_fa or "", c_en or ""))
        for agreement_id, axis in session.execute(
            select(AgreementAxis.agreement_id, AgreementAxis.axis).where(
                AgreementAxis.agreement_id.in_(ids)
            )
        ):
            axes[agreement_id].append(axis)
    found = []
    for r in rows:
        mine = parties.get(r.id, [])
        foreign = [p for p in mine if p[0] == PartySide.FOREIGN.value]
        iranian = [p for p in mine if p[0] != PartySide.FOREIGN.value]
        countries = list(dict.fromkeys((p[3], p[4]) for p in foreign if p[3]))
        expiry = current_expiry(
            r.expires_on,
            auto_renew=r.auto_renew,
            term_months=renewal_term(r.duration_months, r.renewal_months),
            today=today,
        )
        status = AgreementStatus(r.status)
        found.append(
            AgreementSummary(
                id=r.id,
                version=r.version,
                title=r.title,
                kind=AgreementKind(r.kind),
                status=status,
                shown_status=effective_status(status, expiry, today),
                title_en=r.title_en,
                reference_number=r.reference_number,
                signing_date=r.signing_date,
                signing_place=r.signing_place,
                start_date=r.start_date,
                expires_on=expiry,
                auto_renew=r.auto_renew,
                status_changed_at=to_local(r.status_changed_at),
                iranian_parties=tuple(p[1] for p in iranian),
                foreign_parties=tuple(p[1] for p in foreign),
                iranian_parties_en=tuple(p[2] or p[1] for p in iranian),
                foreign_parties_en=tuple(p[2] or p[1] for p in foreign),
                countries_fa=tuple(c[0] for c in countries),
                countries_en=tuple(c[1] or c[0] for c in countries),
                axes=unique_axes(axes.get(r.id, ())),
                archived=r.archived_at is not None,
                confidential=bool(r.confidential),
            )
        )
    return found


def list_agreements(
    db: Database,
    *,
    filters: AgreementFilter | None = None,
    sort: str = "signing_date",
    descending: bool = True,
    offset: int = 0,
    limit: int = 100,
    today: date | None = None,
) -> list[AgreementSummary]:
    """One page of the register, filtered and sorted in SQL (newest signing first by default).

    ``sort`` is one of ``core.agreements.SORT_KEYS``; "status" and "kind" sort in workflow /
    enum order, "expiry" by the first term's expiry; ties are broken by id in the same
    direction, so pages never overlap or skip rows.  Unsigned agreements (no signing date)
    come first when ascending, last when descending.
    """
    filters = filters or AgreementFilter()
    order = _sort_order(sort, descending)
    offset, limit = max(offset, 0), max(limit, 0)
    page = (
        select(Agreement.id)
        .where(*_filter_conditions(filters))
        .order_by(*order)
        .offset(offset)
        .limit(limit)
    )
    query = select(*_SUMMARY_COLUMNS).where(Agreement.id.in_(page.scalar_subquery()))
    with db.read_session() as session:
        return _summaries(session, query.order_by(*order), _today(today))


def count_agreements(db: Database, *, filters: AgreementFilter | None = None) -> int:
    """How many agreements ``list_agreements`` would give with ``filters`` (all pages)."""
    query = (
        select(func.count())
        .select_from(Agreement)
        .where(*_filter_conditions(filters or AgreementFilter()))
    )
    return count_of(db, query)


def agreements_with_country(
    db: Database, *, country_id: int, today: date | None = None, include_drafts: bool = True
) -> list[AgreementSummary]:
    """Agreements (not archived) with a party of ``country_id``, newest signing first.

    For the visit dossier and the country page.  ``include_drafts`` False keeps only signed,
    in-force, expired and terminated ones.
    """
    filters = AgreementFilter(country_id=country_id)
    rows = list_agreements(db, filters=filters, limit=10_000, today=today)
    if not include_drafts:
        early = {AgreementStatus.DRAFT, AgreementStatus.LEGAL_REVIEW, AgreementStatus.APPROVED}
        rows = [r for r in rows if r.status not in early]
    return rows


def agreements_of_organization(
    db: Database, *, organization_id: int, today: date | None = None
) -> list[AgreementSummary]:
    """Agreements (not archived) to which ``organization_id`` is a party, newest signing first."""
    filters = AgreementFilter(organization_id=organization_id)
    return list_agreements(db, filters=filters, limit=10_000, today=today)


def agreement_counts(db: Database, *, today: date | None = None) -> AgreementCounts:
    """Agreements (not archived) by the status a reader sees (expired ones counted as expired)."""
    day = _today(today)
    with db.read_session() as session:
        stored = dict(
            session.execute(
                select(Agreement.status, func.count())
                .where(Agreement.archived_at.is_(None))
                .group_by(Agreement.status)
            ).all()
        )
        lapsed_by_status = dict(
            session.execute(
                select(Agreement.status, func.count())
                .where(
                    Agreement.archived_at.is_(None),
                    Agreement.status.in_(_BINDING),
                    Agreement.auto_renew.is_(False),
                    Agreement.expires_on < day,
                )
                .group_by(Agreement.status)
            ).all()
        )
    counts = {s: int(stored.get(s.value, 0)) for s in AgreementStatus}
    for status_value, n in lapsed_by_status.items():
        counts[AgreementStatus(status_value)] -= int(n)
    counts[AgreementStatus.EXPIRED] += sum(int(n) for n in lapsed_by_status.values())
    return AgreementCounts(by_status=counts)


# --- reports ---------------------------------------------------------------------------

_L = TypeVar("_L", AgreementKind, AgreementStatus, Axis)


@dataclass(frozen=True)
class AgreementRegister:
    """Data of the ``agreements-register`` report."""

    rows: tuple[AgreementSummary, ...]
    today: date
    status: AgreementStatus | None = None
    country_name_fa: str = ""
    date_from: date | None = None
    date_to: date | None = None
    kind: AgreementKind | None = None
    axis: Axis | None = None
    text: str = ""
    organization_name_fa: str = ""


def find_labelled(enum: type[_L], text: str, what_fa: str, what_en: str) -> _L:
    """A member of ``enum`` from its code (``in_force``, ``in-force``) or Persian/English label.

    Spelling variants are ignored; an unknown ``text`` raises ``KnownError`` naming ``what``
    and listing the codes with their Persian labels.
    """
    return enum.parse(text, what_fa, what_en)


def find_agreement_status(text: str) -> AgreementStatus:
    """An agreement status from its code (``in_force``) or Persian/English label; ``KnownError``."""
    return find_labelled(AgreementStatus, text, "وضعیت", "agreement status")


def agreements_register(
    db: Database,
    *,
    status: AgreementStatus | None = None,
    country_id: int | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    kind: AgreementKind | None = None,
    axis: Axis | None = None,
    text: str = "",
    organization_id: int | None = None,
    today: date | None = None,
) -> AgreementRegister:
    """The register report's rows: agreements (not archived) by signing date, then unsigned ones.

    The filters are the register list's (:class:`AgreementFilter`), so the printed register
    shows what the list shows.  ``date_from``/``date_to`` bound the signing date (inclusive);
    ``status`` is the stored status (an in-force agreement past its expiry is listed under
    «نافذ» with its expiry).
    """
    day = _today(today)
    if date_from is not None and date_to is not None and date_to < date_from:
        raise ValidationError({"date_to": "تاریخ پایان بازه پیش از تاریخ آغاز آن است."})
    filters = AgreementFilter(
        status=status,
        country_id=country_id,
        signed_from=date_from,
        signed_to=date_to,
        kind=kind,
        axis=axis,
        text=text.strip(),
        organization_id=organization_id,
    )
    rows = list_agreements(
        db, filters=filters, sort="signing_date", descending=False, limit=1_000_000, today=day
    )
    signed = [r for r in rows if r.signing_date is not None]
    unsigned = [r for r in rows if r.signing_date is None]
    country_name = organization_name = ""
    with db.read_session() as session:
        if country_id is not None:
            country = session.get(Country, country_id)
            country_name = country.name_fa if country else ""
        if organization_id is not None:
            organization = session.get(Organization, organization_id)
            if organization is None:
                raise NotFoundError(
                    f"سازمان شماره {to_persian_digits(organization_id)} پیدا نشد.",
                    f"Organization {organization_id} not found.",
                )
            organization_name = organization.name_fa
    return AgreementRegister(
        rows=tuple(signed + unsigned),
        today=day,
        status=AgreementStatus(status) if status is not None else None,
        country_name_fa=country_name,
        date_from=date_from,
        date_to=date_to,
        kind=AgreementKind(kind) if kind is not None else None,
        axis=Axis(axis) if axis is not None else None,
        text=text.strip(),
        organization_name_fa=organization_name,
    )


def agreement_sheet(
    db: Database, *, agreement_id: int, today: date | None = None
) -> AgreementDetail:
    """Data of the ``agreement-sheet`` report: the whole agreement (archived ones too)."""
    return get_agreement(db, agreement_id=agreement_id, today=today)
