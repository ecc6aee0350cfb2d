"""Dashboard alerts of the agreements module: expiring, overdue obligations, stalled reviews."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from qazvin_diplomacy.core.agreements import (
    EXPIRY_ALERT_DAYS,
    LEGAL_REVIEW_ALERT_DAYS,
    AgreementAlerts,
    AgreementStatus,
    ExpiringAgreement,
    OverdueObligation,
    StalledReview,
)
from qazvin_diplomacy.core.clock import TEHRAN
from qazvin_diplomacy.services.agreements.records import (
    _BINDING,
    _OPEN_TASKS,
    SOURCE_KIND,
)
from qazvin_diplomacy.services.agreements.register import _SUMMARY_COLUMNS, _summaries
from qazvin_diplomacy.services.followups import followup_view
from qazvin_diplomacy.storage.agreements import Agreement
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.storage.followups import FollowUpTask


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
                obligation=followup_view(task, title),
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
