"""An agreement's dated events (creation, status changes, review, signing, deadlines, expiry)."""

from __future__ import annotations

from datetime import date

from qazvin_diplomacy.core.agreements import AgreementDetail, AgreementStatus, TimelineEntry
from qazvin_diplomacy.core.clock import to_local

_S = AgreementStatus


def build_timeline(detail: AgreementDetail, today: date) -> tuple[TimelineEntry, ...]:
    """The agreement's dated events in order: creation, status changes, review, signing, deadlines, expiry."""
    entries: list[TimelineEntry] = []
    if detail.created_at is not None:
        entries.append(
            TimelineEntry(
                to_local(detail.created_at).date(), "ثبت در سامانه", "Registered", kind="created"
            )
        )
    for change in detail.history:
        if change.from_status is None:
            continue
        label_fa = f"{change.from_status.label_fa} ← {change.to_status.label_fa}"
        label_en = f"{change.from_status.label_en} → {change.to_status.label_en}"
        who = f"{change.changed_by}: " if change.changed_by else ""
        entries.append(
            TimelineEntry(
                to_local(change.changed_at).date(),
                label_fa,
                label_en,
                f"{who}{change.remark}".strip(": "),
                kind="status",
            )
        )
    review = detail.legal_review
    if review.review_date is not None:
        verdict = review.verdict.label_fa if review.verdict else ""
        entries.append(
            TimelineEntry(
                review.review_date, "نظر بررسی حقوقی", "Legal opinion", verdict, kind="review"
            )
        )
    if detail.signing_date is not None:
        entries.append(
            TimelineEntry(
                detail.signing_date, "امضا", "Signed", detail.signing_place, kind="signing"
            )
        )
    start = detail.start_date or detail.signing_date
    if start is not None and detail.status in (_S.SIGNED, _S.IN_FORCE, _S.EXPIRED, _S.TERMINATED):
        entries.append(TimelineEntry(start, "آغاز اعتبار", "Validity starts", kind="start"))
    for task in detail.obligations:
        if task.deadline is not None:
            entries.append(
                TimelineEntry(
                    task.deadline, "مهلت تعهد", "Obligation deadline", task.title, kind="deadline"
                )
            )
    expiry = detail.current_expiry or detail.expires_on
    if expiry is not None and detail.status != _S.TERMINATED:
        label_fa = "پایان دوره (تمدید خودکار)" if detail.auto_renew else "انقضا"
        label_en = "End of term (renews)" if detail.auto_renew else "Expiry"
        entries.append(TimelineEntry(expiry, label_fa, label_en, kind="expiry"))
    marked = [
        TimelineEntry(e.day, e.label_fa, e.label_en, e.detail, e.kind, e.day > today)
        for e in entries
    ]
    order = {
        "created": 0,
        "status": 1,
        "review": 2,
        "signing": 3,
        "start": 4,
        "deadline": 5,
        "expiry": 6,
    }
    return tuple(sorted(marked, key=lambda e: (e.day, order.get(e.kind, 9))))
