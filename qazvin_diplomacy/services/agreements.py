"""Agreements use-cases: the register, the form, the workflow, alerts, attachments and reports.

Every function takes the ``Database`` first and keyword-only arguments, runs one
transaction and returns core objects (``core.agreements``), never ORM rows.  ``today`` is a
Tehran local date (default: the office's today); it decides what counts as expired, the
running term of an automatically renewed agreement and the alerts.

Obligations are follow-up tasks (``source_kind="agreement"``), so they also appear in the
office's follow-up list; files go through ``services.attachments`` with
``owner_kind="agreement"``.  Parties and signatories are picked (or created) through
``services.directory`` (``list_organizations``, ``list_people``).

Free-text search: each typed word must occur (as a compact key) in the agreement's stored
``search_key`` or in the directory ``search_key`` of one of its parties or signatories, so a
renamed organization is found under its new name without re-indexing agreements.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, and_, case, func, or_, select, true, union
from sqlalchemy.orm import Session, selectinload

from qazvin_diplomacy.core.agreements import (
    EXPIRY_ALERT_DAYS,
    LEGAL_REVIEW_ALERT_DAYS,
    SORT_KEYS,
    AgreementAlerts,
    AgreementCounts,
    AgreementDetail,
    AgreementFilter,
    AgreementInput,
    AgreementKind,
    AgreementStatus,
    AgreementSummary,
    Axis,
    ExpiringAgreement,
    LegalReview,
    LegalVerdict,
    OverdueObligation,
    PartySide,
    PartyView,
    SignatoryView,
    StalledReview,
    StatusChange,
    TimelineEntry,
    build_timeline,
    current_expiry,
    effective_status,
    first_expiry,
    jalali_year_span,
    renewal_term,
    signatory_party,
    transition_error,
    transition_requirements,
    unique_axes,
    validate_agreement,
)
from qazvin_diplomacy.core.attachments import MAX_ATTACHMENT_BYTES, AttachmentView
from qazvin_diplomacy.core.clock import TEHRAN, to_local, today_local
from qazvin_diplomacy.core.errors import KnownError, NotFoundError, ValidationError
from qazvin_diplomacy.core.followups import FollowUpInput, FollowUpStatus, FollowUpView
from qazvin_diplomacy.core.jalali import format_jalali
from qazvin_diplomacy.core.text import (
    index_key,
    normalize,
    search_terms,
    to_persian_digits,
)
from qazvin_diplomacy.core.visits import VisitDetail
from qazvin_diplomacy.services.attachments import add_attachment, list_attachments
from qazvin_diplomacy.services.followups import apply_followup
from qazvin_diplomacy.services.records import check_version, get_row, set_archived, write
from qazvin_diplomacy.services.visit_reports import ProfileSection, register_country_section
from qazvin_diplomacy.storage.agreements import (
    Agreement,
    AgreementAxis,
    AgreementParty,
    AgreementSignatory,
    AgreementStatusChange,
)
from qazvin_diplomacy.storage.attachments import Attachment
from qazvin_diplomacy.storage.base import utcnow
from qazvin_diplomacy.storage.database import PERSIAN_COLLATION, Database
from qazvin_diplomacy.storage.directory import Country, Organization, Person
from qazvin_diplomacy.storage.followups import FollowUpTask
from qazvin_diplomacy.storage.visits import Visit

__all__ = [
    "AgreementRegister",
    "Database",
    "add_agreement_attachment",
    "agreement_alerts",
    "agreement_counts",
    "agreement_sheet",
    "agreement_timeline",
    "agreements_of_organization",
    "agreements_register",
    "agreements_with_country",
    "archive_agreement",
    "change_status",
    "count_agreements",
    "dossier_section",
    "expire_due",
    "find_agreement_status",
    "find_labelled",
    "get_agreement",
    "list_agreements",
    "record_legal_review",
    "restore_agreement",
    "save_agreement",
]

WHAT = "موافقت‌نامه"
SOURCE_KIND = "agreement"
OWNER_KIND = "agreement"
IRAN_ISO2 = "IR"
_OPEN_TASKS = (FollowUpStatus.OPEN.value, FollowUpStatus.IN_PROGRESS.value)
_BINDING = (AgreementStatus.SIGNED.value, AgreementStatus.IN_FORCE.value)


def _today(today: date | None) -> date:
    return today if today is not None else today_local()


# --- reading: the register -------------------------------------------------------------


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
        conditions.append(
            Agreement.id.in_(
                select(AgreementParty.agreement_id).where(
                    AgreementParty.country_id == filters.country_id
                )
            )
        )
    if filters.organization_id is not None:
        conditions.append(
            Agreement.id.in_(
                select(AgreementParty.agreement_id).where(
                    AgreementParty.organization_id == filters.organization_id
                )
            )
        )
    if filters.person_id is not None:
        conditions.append(
            or_(
                Agreement.legal_reviewer_person_id == filters.person_id,
                Agreement.id.in_(
                    select(AgreementSignatory.agreement_id).where(
                        AgreementSignatory.person_id == filters.person_id
                    )
                ),
            )
        )
    if filters.axis is not None:
        conditions.append(
            Agreement.id.in_(
                select(AgreementAxis.agreement_id).where(
                    AgreementAxis.axis == Axis(filters.axis).value
                )
            )
        )
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
    with db.read_session() as session:
        return int(session.scalar(query) or 0)


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


# --- reading: one agreement ------------------------------------------------------------


def _load(session: Session, agreement_id: int) -> Agreement:
    row = session.scalars(
        select(Agreement)
        .where(Agreement.id == agreement_id)
        .options(
            selectinload(Agreement.parties).selectinload(AgreementParty.organization),
            selectinload(Agreement.parties).selectinload(AgreementParty.country),
            selectinload(Agreement.signatories).selectinload(AgreementSignatory.person),
            selectinload(Agreement.axes),
            selectinload(Agreement.history),
        )
    ).one_or_none()
    if row is None:
        raise NotFoundError(
            f"{WHAT} با شناسه {agreement_id} پیدا نشد.", f"No agreement with id {agreement_id}."
        )
    return row


def _obligations(session: Session, agreement_id: int) -> tuple[FollowUpView, ...]:
    tasks = session.scalars(
        select(FollowUpTask)
        .where(
            FollowUpTask.source_kind == SOURCE_KIND,
            FollowUpTask.source_id == agreement_id,
            FollowUpTask.archived_at.is_(None),
        )
        .options(selectinload(FollowUpTask.owner))
        .order_by(FollowUpTask.deadline.is_(None), FollowUpTask.deadline, FollowUpTask.id)
    ).all()
    return tuple(_obligation_view(t, "") for t in tasks)


def _obligation_view(t: FollowUpTask, source_title: str) -> FollowUpView:
    return FollowUpView(
        id=t.id,
        version=t.version,
        title=t.title,
        source_kind=t.source_kind,
        source_id=t.source_id,
        owner_person_id=t.owner_person_id,
        owner_text=t.owner_text,
        deadline=t.deadline,
        status=t.status,
        notes=t.notes,
        owner_name_fa=t.owner.name_fa if t.owner else t.owner_text,
        source_title=source_title,
    )


def _attachment_views(session: Session, agreement_id: int) -> tuple[AttachmentView, ...]:
    rows = session.scalars(
        select(Attachment)
        .where(
            Attachment.owner_kind == OWNER_KIND,
            Attachment.owner_id == agreement_id,
            Attachment.archived_at.is_(None),
        )
        .order_by(Attachment.id)
    )
    return tuple(
        AttachmentView(
            id=a.id,
            owner_kind=a.owner_kind,
            owner_id=a.owner_id,
            sha256=a.sha256,
            size=a.size,
            original_name=a.original_name,
            media_type=a.media_type,
            description=a.description,
            version=a.version,
        )
        for a in rows
    )


def _detail(session: Session, row: Agreement, today: date) -> AgreementDetail:
    parties_by_id = {}
    party_views = []
    for p in row.parties:
        view = PartyView(
            organization_id=p.organization_id,
            side=PartySide(p.side),
            country_id=p.country_id,
            locality_fa=p.locality_fa,
            locality_en=p.locality_en,
            organization_name_fa=p.organization.name_fa,
            organization_name_en=p.organization.name_en,
            organization_kind=p.organization.kind,
            country_name_fa=p.country.name_fa if p.country else "",
            country_name_en=p.country.name_en if p.country else "",
        )
        parties_by_id[p.id] = view
        party_views.append(view)
    signatories = []
    for s in row.signatories:
        party = parties_by_id[s.party_id]
        signatories.append(
            SignatoryView(
                person_id=s.person_id,
                title_fa=s.title_fa,
                title_en=s.title_en,
                party_organization_id=party.organization_id,
                name_fa=s.person.name_fa,
                name_en=s.person.name_en,
                side=party.side,
                party_name_fa=party.organization_name_fa,
                party_name_en=party.organization_name_en,
            )
        )
    history = tuple(
        StatusChange(
            to_status=AgreementStatus(h.to_status),
            changed_at=to_local(h.changed_at),
            from_status=AgreementStatus(h.from_status) if h.from_status else None,
            changed_by=h.changed_by,
            remark=h.remark,
        )
        for h in row.history
    )
    reviewer = (
        session.get(Person, row.legal_reviewer_person_id) if row.legal_reviewer_person_id else None
    )
    visit = session.get(Visit, row.visit_id) if row.visit_id is not None else None
    status = AgreementStatus(row.status)
    expiry = current_expiry(
        row.expires_on,
        auto_renew=row.auto_renew,
        term_months=renewal_term(row.duration_months, row.renewal_months),
        today=today,
    )
    return AgreementDetail(
        title=row.title,
        kind=AgreementKind(row.kind),
        title_en=row.title_en,
        reference_number=row.reference_number,
        signing_date=row.signing_date,
        signing_place=row.signing_place,
        start_date=row.start_date,
        end_date=row.end_date,
        duration_months=row.duration_months,
        auto_renew=row.auto_renew,
        renewal_months=row.renewal_months,
        visit_id=row.visit_id,
        summary=row.summary,
        parties=tuple(party_views),
        signatories=tuple(signatories),
        axes=unique_axes(a.axis for a in row.axes),
        obligations=_obligations(session, row.id),
        legal_review=LegalReview(
            reviewer_person_id=row.legal_reviewer_person_id,
            reviewer_text=row.legal_reviewer_text,
            review_date=row.legal_review_date,
            verdict=LegalVerdict(row.legal_verdict) if row.legal_verdict else None,
            opinion=row.legal_opinion,
        ),
        id=row.id,
        version=row.version,
        status=status,
        status_changed_at=to_local(row.status_changed_at),
        expires_on=row.expires_on,
        current_expiry=expiry,
        shown_status=effective_status(status, expiry, today),
        history=history,
        attachments=_attachment_views(session, row.id),
        visit_title=visit.title if visit else "",
        legal_reviewer_name_fa=reviewer.name_fa if reviewer else row.legal_reviewer_text,
        archived_at=to_local(row.archived_at) if row.archived_at else None,
        created_at=to_local(row.created_at),
        updated_at=to_local(row.updated_at),
    )


def get_agreement(db: Database, *, agreement_id: int, today: date | None = None) -> AgreementDetail:
    """The whole agreement (every tab of the form), as of ``today``."""
    with db.read_session() as session:
        return _detail(session, _load(session, agreement_id), _today(today))


def agreement_timeline(
    db: Database, *, agreement_id: int, today: date | None = None
) -> tuple[TimelineEntry, ...]:
    """The agreement's dated events, oldest first (future ones flagged)."""
    day = _today(today)
    return build_timeline(get_agreement(db, agreement_id=agreement_id, today=day), day)


# --- writing ---------------------------------------------------------------------------


def _org_chains(session: Session, org_ids: Iterable[int]) -> dict[int, list[int]]:
    """For each organization: itself then its parents (nearest first), cycles cut."""
    parents = dict(session.execute(select(Organization.id, Organization.parent_id)).all())
    chains: dict[int, list[int]] = {}
    for org in org_ids:
        chain: list[int] = []
        current: int | None = org
        while current is not None and current not in chain and current in parents:
            chain.append(current)
            current = parents[current]
        chains[org] = chain
    return chains


@dataclass(frozen=True)
class _Resolved:
    """What the form's references resolve to: party countries and each signatory's party."""

    party_countries: list[int | None]
    signatory_parties: list[int]
    signatory_titles: list[tuple[str, str]]


def _resolve(session: Session, a: AgreementInput) -> tuple[_Resolved, dict[str, str]]:
    """Check every reference of the form against the database."""
    errors: dict[str, str] = {}
    org_ids = [p.organization_id for p in a.parties]
    orgs = {
        o.id: o for o in session.scalars(select(Organization).where(Organization.id.in_(org_ids)))
    }
    iran_id = session.scalar(select(Country.id).where(Country.iso2 == IRAN_ISO2))
    countries: list[int | None] = []
    for i, party in enumerate(a.parties):
        org = orgs.get(party.organization_id)
        if org is None:
            errors[f"parties.{i}.organization_id"] = "سازمان انتخاب‌شده در فهرست سازمان‌ها پیدا نشد."
            countries.append(None)
            continue
        country_id = party.country_id if party.country_id is not None else org.country_id
        if party.country_id is not None and session.get(Country, party.country_id) is None:
            errors[f"parties.{i}.country_id"] = "کشور انتخاب‌شده پیدا نشد."
        elif party.side == PartySide.FOREIGN and country_id is None:
            errors[f"parties.{i}.country_id"] = f"کشور طرف خارجی «{org.name_fa}» را مشخص کنید."
        elif party.side == PartySide.FOREIGN and country_id == iran_id:
            errors[f"parties.{i}.side"] = (
                f"«{org.name_fa}» سازمانی ایرانی است؛ آن را طرف ایرانی قرار دهید."
            )
        elif party.side == PartySide.IRANIAN and country_id not in (None, iran_id):
            errors[f"parties.{i}.side"] = (
                f"«{org.name_fa}» سازمانی خارجی است؛ آن را طرف خارجی قرار دهید."
            )
        countries.append(country_id)

    person_ids = [s.person_id for s in a.signatories]
    people = {p.id: p for p in session.scalars(select(Person).where(Person.id.in_(person_ids)))}
    chains = _org_chains(session, {p.organization_id for p in people.values() if p.organization_id})
    signatory_parties: list[int] = []
    titles: list[tuple[str, str]] = []
    for i, signatory in enumerate(a.signatories):
        person = people.get(signatory.person_id)
        if person is None:
            errors[f"signatories.{i}.person_id"] = "شخص انتخاب‌شده در فهرست مخاطبان پیدا نشد."
            continue
        chain = chains.get(person.organization_id, []) if person.organization_id else []
        party_org = signatory_party(chain, org_ids, signatory.party_organization_id)
        if party_org is None:
            errors[f"signatories.{i}.person_id"] = (
                f"«{person.name_fa}» عضو هیچ‌یک از طرف‌های این {WHAT} نیست؛ "
                "امضاکننده باید از یکی از طرف‌ها باشد."
            )
            continue
        signatory_parties.append(party_org)
        titles.append(
            (
                normalize(signatory.title_fa) or person.title_fa,
                normalize(signatory.title_en) or person.title_en,
            )
        )

    wanted = {t.owner_person_id for t in a.obligations if t.owner_person_id is not None}
    if a.legal_review.reviewer_person_id is not None:
        wanted.add(a.legal_review.reviewer_person_id)
    known = (
        set(session.scalars(select(Person.id).where(Person.id.in_(wanted)))) if wanted else set()
    )
    for i, task in enumerate(a.obligations):
        if task.owner_person_id is not None and task.owner_person_id not in known:
            errors[f"obligations.{i}.owner_person_id"] = "مسئول انتخاب‌شده پیدا نشد."
    reviewer = a.legal_review.reviewer_person_id
    if reviewer is not None and reviewer not in known:
        errors["legal_review"] = "کارشناس بررسی حقوقی انتخاب‌شده پیدا نشد."
    if a.visit_id is not None and session.get(Visit, a.visit_id) is None:
        errors["visit_id"] = "دیدار انتخاب‌شده پیدا نشد."
    reference = normalize(a.reference_number)
    if reference:
        clash = session.scalar(
            select(Agreement.title).where(
                Agreement.reference_number == reference,
                Agreement.archived_at.is_(None),
                Agreement.id != (a.id or 0),
            )
        )
        if clash is not None:
            errors["reference_number"] = (
                f"شماره ثبت «{reference}» پیش‌تر برای «{clash}» ثبت شده است."
            )
    return _Resolved(countries, signatory_parties, titles), errors


def _search_key(a: AgreementInput, session: Session, resolved: _Resolved) -> str:
    orgs = {
        o.id: o
        for o in session.scalars(
            select(Organization).where(Organization.id.in_([p.organization_id for p in a.parties]))
        )
    }
    country_ids = [c for c in resolved.party_countries if c is not None]
    countries = session.scalars(select(Country).where(Country.id.in_(country_ids))).all()
    people = session.scalars(
        select(Person).where(Person.id.in_([s.person_id for s in a.signatories]))
    ).all()
    return index_key(
        a.title,
        a.title_en,
        a.reference_number,
        a.signing_place,
        a.summary,
        *(f"{o.name_fa} {o.name_en}" for o in orgs.values()),
        *(f"{p.locality_fa} {p.locality_en}" for p in a.parties),
        *(f"{c.name_fa} {c.name_en}" for c in countries),
        *(f"{p.name_fa} {p.name_en}" for p in people),
    )


def _write_children(
    session: Session, row: Agreement, a: AgreementInput, resolved: _Resolved
) -> None:
    """Replace parties, signatories and axes (link rows) with the form's."""
    row.signatories.clear()
    row.parties.clear()
    row.axes.clear()
    session.flush()  # delete before insert: (agreement_id, organization_id) is unique
    by_org: dict[int, AgreementParty] = {}
    for order, (party, country_id) in enumerate(
        zip(a.parties, resolved.party_countries, strict=True)
    ):
        link = AgreementParty(
            side=PartySide(party.side).value,
            organization_id=party.organization_id,
            country_id=country_id,
            locality_fa=normalize(party.locality_fa),
            locality_en=normalize(party.locality_en),
            sort_order=order,
        )
        row.parties.append(link)
        by_org[party.organization_id] = link
    session.flush()
    for order, (signatory, party_org, (title_fa, title_en)) in enumerate(
        zip(a.signatories, resolved.signatory_parties, resolved.signatory_titles, strict=True)
    ):
        row.signatories.append(
            AgreementSignatory(
                person_id=signatory.person_id,
                party_id=by_org[party_org].id,
                title_fa=title_fa,
                title_en=title_en,
                sort_order=order,
            )
        )
    for axis in unique_axes(a.axes):
        row.axes.append(AgreementAxis(axis=axis.value))


def _write_obligations(
    session: Session, agreement_id: int, obligations: Sequence[FollowUpInput]
) -> None:
    tasks = session.scalars(
        select(FollowUpTask).where(
            FollowUpTask.source_kind == SOURCE_KIND,
            FollowUpTask.source_id == agreement_id,
            FollowUpTask.archived_at.is_(None),
        )
    ).all()
    existing = {t.id: t for t in tasks}
    kept: set[int] = set()
    for task in obligations:
        if task.id is not None and task.id not in existing:
            raise NotFoundError(
                f"تعهد با شناسه {task.id} در این {WHAT} پیدا نشد؛ فرم را دوباره باز کنید.",
                f"No obligation with id {task.id} in this agreement.",
            )
        target = existing.get(task.id) if task.id is not None else None
        if target is None:
            target = FollowUpTask(title="")
            session.add(target)
        else:
            check_version(target, task.version, "تعهد")
            kept.add(target.id)
        apply_followup(target, replace(task, source_kind=SOURCE_KIND, source_id=agreement_id))
    now = utcnow()
    for task_row in tasks:
        if task_row.id not in kept:
            task_row.archived_at = now


def _apply_review(row: Agreement, review: LegalReview) -> None:
    row.legal_reviewer_person_id = review.reviewer_person_id
    row.legal_reviewer_text = normalize(review.reviewer_text)
    row.legal_review_date = review.review_date
    row.legal_verdict = LegalVerdict(review.verdict).value if review.verdict else ""
    row.legal_opinion = normalize(review.opinion)


def _refuse_archived(row: Agreement) -> None:
    if row.archived_at is not None:
        raise KnownError(
            f"این {WHAT} بایگانی شده است؛ برای ویرایش، ابتدا آن را از بایگانی بازیابی کنید.",
            "This agreement is archived; restore it before editing.",
        )


def save_agreement(
    db: Database, *, agreement: AgreementInput, actor: str = "", today: date | None = None
) -> AgreementDetail:
    """Validate and write the whole form in one transaction; return it as stored.

    A new agreement starts as a draft (its first history line names ``actor``).  Raises
    ``ValidationError`` ({field: Persian message}) for missing or inconsistent input — among
    them a signatory who belongs to none of the parties and an end date before the start —
    ``StaleRecordError`` when the agreement or one of its obligations changed since it was
    read, ``NotFoundError`` for an unknown id.  Nothing is written when any is raised.
    """
    a = agreement
    errors = validate_agreement(a)
    if errors:
        raise ValidationError(errors)
    with write(db) as session:
        now = utcnow()
        if a.id is None:
            row = Agreement(title="", status=AgreementStatus.DRAFT.value, status_changed_at=now)
        else:
            row = _load(session, a.id)
            check_version(row, a.version, WHAT)
            _refuse_archived(row)
        resolved, errors = _resolve(session, a)
        if errors:
            raise ValidationError(errors)
        row.title = normalize(a.title)
        row.title_en = normalize(a.title_en)
        row.kind = AgreementKind(a.kind).value
        row.reference_number = normalize(a.reference_number)
        row.signing_date = a.signing_date
        row.signing_place = normalize(a.signing_place)
        row.start_date = a.start_date
        row.end_date = a.end_date
        row.duration_months = a.duration_months
        row.auto_renew = bool(a.auto_renew)
        row.renewal_months = a.renewal_months
        row.expires_on = first_expiry(a.start_date, a.end_date, a.duration_months, a.signing_date)
        row.visit_id = a.visit_id
        row.summary = normalize(a.summary)
        _apply_review(row, a.legal_review)
        row.search_key = _search_key(a, session, resolved)
        row.updated_at = now  # the version moves even when only child rows changed
        if a.id is None:
            session.add(row)
            session.flush()
            row.history.append(
                AgreementStatusChange(
                    from_status="",
                    to_status=AgreementStatus.DRAFT.value,
                    changed_at=now,
                    changed_by=normalize(actor),
                    remark="ثبت پیش‌نویس",
                )
            )
        _write_children(session, row, a, resolved)
        _write_obligations(session, row.id, a.obligations)
        session.flush()
        session.expire_all()
        return _detail(session, _load(session, row.id), _today(today))


def record_legal_review(
    db: Database,
    *,
    agreement_id: int,
    version: int | None,
    review: LegalReview,
    today: date | None = None,
) -> AgreementDetail:
    """Store the MFA representative office's review (reviewer, date, verdict, opinion)."""
    day = _today(today)
    errors: dict[str, str] = {}
    if review.review_date is not None and review.review_date > day:
        errors["legal_review"] = "تاریخ بررسی حقوقی نمی‌تواند در آینده باشد."
    if review.verdict is not None and review.verdict not in {v.value for v in LegalVerdict}:
        errors["legal_review"] = "نظر بررسی حقوقی را از فهرست انتخاب کنید."
    if errors:
        raise ValidationError(errors)
    with write(db) as session:
        row = _load(session, agreement_id)
        check_version(row, version, WHAT)
        _refuse_archived(row)
        if (
            review.reviewer_person_id is not None
            and session.get(Person, review.reviewer_person_id) is None
        ):
            raise ValidationError({"legal_review": "کارشناس بررسی حقوقی انتخاب‌شده پیدا نشد."})
        _apply_review(row, review)
        row.updated_at = utcnow()
        session.flush()
        return _detail(session, row, day)


def change_status(
    db: Database,
    *,
    agreement_id: int,
    version: int | None,
    status: AgreementStatus,
    actor: str = "",
    remark: str = "",
    today: date | None = None,
) -> AgreementDetail:
    """Move an agreement along the workflow and append who/when/remark to its history.

    ``ValidationError`` with ``status`` naming both statuses when the workflow forbids the
    step, or with the fields the record lacks for it (e.g. no legal opinion before
    approval, no signing date before signing, no reason for a termination).
    """
    day = _today(today)
    new = AgreementStatus(status)
    with write(db) as session:
        row = _load(session, agreement_id)
        check_version(row, version, WHAT)
        _refuse_archived(row)
        old = AgreementStatus(row.status)
        message = transition_error(old, new)
        if message:
            raise ValidationError({"status": message})
        current = _detail(session, row, day)
        errors = transition_requirements(current, new, remark=remark, today=day)
        if errors:
            raise ValidationError(errors)
        now = utcnow()
        row.status = new.value
        row.status_changed_at = now
        row.updated_at = now
        row.history.append(
            AgreementStatusChange(
                from_status=old.value,
                to_status=new.value,
                changed_at=now,
                changed_by=normalize(actor),
                remark=normalize(remark),
            )
        )
        session.flush()
        return _detail(session, row, day)


def expire_due(db: Database, *, today: date | None = None, actor: str = "") -> list[int]:
    """Mark in-force agreements past their (non-renewing) expiry as expired; return their ids.

    Each gets a history line («انقضای خودکار»); meant for start-up or a daily check.
    """
    day = _today(today)
    with write(db) as session:
        rows = session.scalars(
            select(Agreement).where(
                Agreement.archived_at.is_(None),
                Agreement.status == AgreementStatus.IN_FORCE.value,
                Agreement.auto_renew.is_(False),
                Agreement.expires_on < day,
            )
        ).all()
        now = utcnow()
        for row in rows:
            assert row.expires_on is not None
            row.status = AgreementStatus.EXPIRED.value
            row.status_changed_at = now
            row.history.append(
                AgreementStatusChange(
                    from_status=AgreementStatus.IN_FORCE.value,
                    to_status=AgreementStatus.EXPIRED.value,
                    changed_at=now,
                    changed_by=normalize(actor),
                    remark=f"انقضای خودکار در {format_jalali(row.expires_on)}",
                )
            )
        return [r.id for r in rows]


def archive_agreement(db: Database, *, agreement_id: int, version: int | None) -> None:
    """Archive (delete for users) an agreement; it stays restorable from the archive view."""
    with write(db) as session:
        set_archived(session, get_row(session, Agreement, agreement_id, WHAT), version, True, WHAT)


def restore_agreement(db: Database, *, agreement_id: int, version: int | None) -> None:
    """Bring an archived agreement back into the register."""
    with write(db) as session:
        set_archived(session, get_row(session, Agreement, agreement_id, WHAT), version, False, WHAT)


# --- attachments -----------------------------------------------------------------------


def add_agreement_attachment(
    db: Database,
    *,
    agreement_id: int,
    source: Path,
    description: str = "",
    limit: int = MAX_ATTACHMENT_BYTES,
) -> AttachmentView:
    """Attach a file (signed scan, draft in Persian or English …) to an agreement.

    The agreement must exist and not be archived; a missing, unreadable or too large file
    raises ``ValidationError`` on "file" (Persian) and no row is written.
    """
    with db.read_session() as session:
        row = get_row(session, Agreement, agreement_id, WHAT)
        _refuse_archived(row)
    return add_attachment(
        db,
        owner_kind=OWNER_KIND,
        owner_id=agreement_id,
        source=Path(source),
        description=description,
        limit=limit,
    )


def list_agreement_attachments(db: Database, *, agreement_id: int) -> list[AttachmentView]:
    """The files of one agreement, oldest first (open one with ``services.attachments``)."""
    return list_attachments(db, owner_kind=OWNER_KIND, owner_id=agreement_id)


# --- alerts ----------------------------------------------------------------------------


def agreement_alerts(
    db: Database,
    *,
    today: date,
    expiry_days: int = EXPIRY_ALERT_DAYS,
    review_days: int = LEGAL_REVIEW_ALERT_DAYS,
) -> AgreementAlerts:
    """The dashboard cards as of ``today`` (Tehran date).

    - expiring: signed or in-force agreements whose running term ends within ``expiry_days``
      (today included), soonest first; automatically renewed ones are flagged ``renews``;
    - overdue obligations: open obligations of live agreements past their deadline, oldest first;
    - stalled reviews: agreements in legal review for more than ``review_days`` days.
    """
    horizon = today + timedelta(days=expiry_days)
    live = Agreement.archived_at.is_(None)
    with db.read_session() as session:
        fixed = select(*_SUMMARY_COLUMNS).where(
            live,
            Agreement.status.in_(_BINDING),
            Agreement.auto_renew.is_(False),
            Agreement.expires_on >= today,
            Agreement.expires_on <= horizon,
        )
        renewing = select(*_SUMMARY_COLUMNS).where(
            live,
            Agreement.status.in_(_BINDING),
            Agreement.auto_renew.is_(True),
            Agreement.expires_on.is_not(None),
        )
        expiring = [
            ExpiringAgreement(s, s.expires_on, (s.expires_on - today).days, s.auto_renew)
            for s in _summaries(session, fixed, today) + _summaries(session, renewing, today)
            if s.expires_on is not None and today <= s.expires_on <= horizon
        ]
        expiring.sort(key=lambda e: (e.expires_on, e.agreement.id))

        tasks = session.execute(
            select(FollowUpTask, Agreement.title)
            .join(Agreement, Agreement.id == FollowUpTask.source_id)
            .where(
                FollowUpTask.source_kind == SOURCE_KIND,
                FollowUpTask.archived_at.is_(None),
                FollowUpTask.status.in_(_OPEN_TASKS),
                FollowUpTask.deadline < today,
                live,
                Agreement.status.not_in(
                    (AgreementStatus.EXPIRED.value, AgreementStatus.TERMINATED.value)
                ),
            )
            .options(selectinload(FollowUpTask.owner))
            .order_by(FollowUpTask.deadline, FollowUpTask.id)
        ).all()
        overdue = [
            OverdueObligation(
                agreement_id=task.source_id,
                agreement_title=title,
                obligation=_obligation_view(task, title),
                days_overdue=(today - task.deadline).days,
            )
            for task, title in tasks
        ]

        # status_changed_at is UTC; a review entered on Tehran day D started at D 00:00+03:30.
        cutoff_utc = datetime.combine(today - timedelta(days=review_days), time(0), tzinfo=TEHRAN)
        waiting = select(*_SUMMARY_COLUMNS).where(
            live,
            Agreement.status == AgreementStatus.LEGAL_REVIEW.value,
            Agreement.status_changed_at < cutoff_utc,
        )
        stalled = []
        for s in _summaries(session, waiting.order_by(Agreement.status_changed_at), today):
            assert s.status_changed_at is not None
            since = s.status_changed_at.date()
            stalled.append(StalledReview(s, since, (today - since).days))
    return AgreementAlerts(
        today=today,
        expiring=tuple(expiring),
        overdue_obligations=tuple(overdue),
        stalled_reviews=tuple(stalled),
    )


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


# --- the visit dossier's country section -----------------------------------------------


def _date_text(d: date | None) -> str:
    return format_jalali(d) if d is not None else "—"


@register_country_section
def dossier_section(db: Database, country_id: int, visit: VisitDetail) -> ProfileSection:
    """The agreements with the guests' country, for the visit dossier's country profile."""
    today = visit.start_at.date() if visit.start_at is not None else None
    rows = agreements_with_country(db, country_id=country_id, today=today)
    return ProfileSection(
        title="موافقت‌نامه‌ها با این کشور",
        header=("عنوان", "نوع", "طرف خارجی", "امضا", "انقضا", "وضعیت"),
        rows=tuple(
            (
                r.title,
                r.kind.label_fa,
                r.parties_text(PartySide.FOREIGN),
                _date_text(r.signing_date),
                _date_text(r.expires_on),
                r.shown_status.label_fa,
            )
            for r in rows
        ),
        empty_text="موافقت‌نامه‌ای با این کشور ثبت نشده است.",
        order=10,
    )
