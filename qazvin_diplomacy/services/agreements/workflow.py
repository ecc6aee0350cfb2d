"""The agreement workflow: legal review, status changes, automatic expiry, archive and restore."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from qazvin_diplomacy.core.agreement_checks import transition_requirements
from qazvin_diplomacy.core.agreements import (
    AgreementDetail,
    AgreementStatus,
    LegalReview,
    LegalVerdict,
    ended_from,
    is_undo,
    transition_error,
)
from qazvin_diplomacy.core.errors import ValidationError
from qazvin_diplomacy.core.jalali import format_jalali
from qazvin_diplomacy.core.text import normalize
from qazvin_diplomacy.services.agreements.records import (
    WHAT,
    _apply_review,
    _detail,
    _load,
    _refuse_archived,
    _today,
)
from qazvin_diplomacy.services.records import check_version, get_row, set_archived, write
from qazvin_diplomacy.storage.agreements import Agreement, AgreementStatusChange
from qazvin_diplomacy.storage.base import utcnow
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.storage.directory import Person


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
        back = ended_from(old, current.history) if is_undo(old, new) else None
        errors = transition_requirements(
            current, new, remark=remark, today=day, old=old, ended_from=back
        )
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
