"""One agreement: reading it whole (parties, obligations, files, timeline) and saving the form."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from qazvin_diplomacy.core.agreement_checks import signatory_party, validate_agreement
from qazvin_diplomacy.core.agreement_timeline import build_timeline
from qazvin_diplomacy.core.agreements import (
    AgreementDetail,
    AgreementInput,
    AgreementKind,
    AgreementStatus,
    LegalReview,
    LegalVerdict,
    PartySide,
    PartyView,
    SignatoryView,
    StatusChange,
    TimelineEntry,
    current_expiry,
    effective_status,
    first_expiry,
    renewal_term,
    unique_axes,
)
from qazvin_diplomacy.core.attachments import AttachmentView
from qazvin_diplomacy.core.clock import to_local, today_local
from qazvin_diplomacy.core.errors import KnownError, NotFoundError, ValidationError
from qazvin_diplomacy.core.followups import FollowUpInput, FollowUpStatus, FollowUpView
from qazvin_diplomacy.core.text import index_key, normalize
from qazvin_diplomacy.services.attachments import attachments_of
from qazvin_diplomacy.services.confidential import flag_errors
from qazvin_diplomacy.services.followups import (
    followup_view,
    write_source_followups,
)
from qazvin_diplomacy.services.records import check_version, write
from qazvin_diplomacy.storage.agreements import (
    Agreement,
    AgreementAxis,
    AgreementParty,
    AgreementSignatory,
    AgreementStatusChange,
)
from qazvin_diplomacy.storage.base import utcnow
from qazvin_diplomacy.storage.confidential import every_record, hidden_among
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.storage.directory import Country, Organization, Person
from qazvin_diplomacy.storage.followups import FollowUpTask
from qazvin_diplomacy.storage.visits import Visit

WHAT = "موافقت‌نامه"
SOURCE_KIND = "agreement"
OWNER_KIND = "agreement"
IRAN_ISO2 = "IR"
_OPEN_TASKS = (FollowUpStatus.OPEN.value, FollowUpStatus.IN_PROGRESS.value)
_BINDING = (AgreementStatus.SIGNED.value, AgreementStatus.IN_FORCE.value)


def _today(today: date | None) -> date:
    return today if today is not None else today_local()


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
    return tuple(followup_view(t) for t in tasks)


def _attachment_views(session: Session, agreement_id: int) -> tuple[AttachmentView, ...]:
    return tuple(attachments_of(session, owner_kind=OWNER_KIND, owner_id=agreement_id))


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
        visit_id=row.visit_id if visit is not None else None,
        confidential=row.confidential,
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
        taken = select(Agreement.title).where(
            Agreement.reference_number == reference,
            Agreement.archived_at.is_(None),
            Agreement.id != (a.id or 0),
        )
        clash = session.scalar(taken)
        if clash is not None:
            errors["reference_number"] = (
                f"شمارهٔ ثبت «{reference}» پیش‌تر برای «{clash}» ثبت شده است."
            )
        else:
            with every_record():  # taken by a confidential agreement: told, not named
                hidden = session.scalar(taken.limit(1)) is not None
            if hidden:
                errors["reference_number"] = (
                    f"شمارهٔ ثبت «{reference}» پیش‌تر برای موافقت‌نامهٔ دیگری ثبت شده است "
                    "که دیدن آن برای شما مجاز نیست."
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
    write_source_followups(
        session,
        obligations,
        source_kind=SOURCE_KIND,
        source_id=agreement_id,
        what="تعهد",
        not_found=lambda task_id: NotFoundError(
            f"تعهد با شناسه {task_id} در این {WHAT} پیدا نشد؛ فرم را دوباره باز کنید.",
            f"No obligation with id {task_id} in this agreement.",
        ),
    )


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


def _hidden_visit(session: Session, row: Agreement) -> int | None:
    """The visit ``row`` is linked to when the current user may not see it, else None."""
    return row.visit_id if hidden_among(session, Visit, [row.visit_id]) else None


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
    errors = validate_agreement(a) | flag_errors(a.confidential)
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
        # a visit hidden from this user stays linked (they were not shown it)
        row.visit_id = a.visit_id if a.visit_id is not None else _hidden_visit(session, row)
        row.confidential = a.confidential
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
