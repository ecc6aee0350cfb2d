"""Agreement validation: what a record lacks to be saved, or to move to another status.

Field names used as keys of ``ValidationError.errors``: ``title``, ``title_en``, ``kind``,
``reference_number``, ``signing_date``, ``start_date``, ``end_date``, ``duration_months``,
``renewal_months``, ``auto_renew``, ``visit_id``, ``parties``, ``signatories``, ``axes``,
``legal_review``, ``status``, ``remark``, and for rows ``parties.<i>.<field>``,
``signatories.<i>.<field>``, ``obligations.<i>.<field>`` (``i`` is the 0-based row index).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from qazvin_diplomacy.core.agreements import (
    MAX_DURATION_MONTHS,
    REFERENCE_MAX,
    TITLE_MAX,
    AgreementInput,
    AgreementKind,
    AgreementStatus,
    Axis,
    LegalVerdict,
    PartySide,
    is_undo,
)
from qazvin_diplomacy.core.followups import FollowUpStatus
from qazvin_diplomacy.core.jalali import format_jalali
from qazvin_diplomacy.core.text import to_persian_digits

_S = AgreementStatus


def _blank(text: str | None) -> bool:
    return not (text or "").strip()


def validate_agreement(agreement: AgreementInput) -> dict[str, str]:
    """Every problem with the form as ``{field: Persian message}`` (empty when it is valid)."""
    a = agreement
    errors: dict[str, str] = {}
    if _blank(a.title):
        errors["title"] = "عنوان موافقت‌نامه را بنویسید."
    elif len(a.title.strip()) > TITLE_MAX:
        errors["title"] = f"عنوان حداکثر {to_persian_digits(TITLE_MAX)} نویسه است."
    if len(a.title_en.strip()) > TITLE_MAX:
        errors["title_en"] = f"عنوان انگلیسی حداکثر {to_persian_digits(TITLE_MAX)} نویسه است."
    if a.kind not in {k.value for k in AgreementKind}:
        errors["kind"] = "نوع سند را از فهرست انتخاب کنید."
    if len(a.reference_number.strip()) > REFERENCE_MAX:
        errors["reference_number"] = (
            f"شمارهٔ ثبت حداکثر {to_persian_digits(REFERENCE_MAX)} نویسه است."
        )
    errors.update(_validity_errors(a))
    errors.update(_party_errors(a))
    if any(x not in {v.value for v in Axis} for x in a.axes):
        errors["axes"] = "محور همکاری ناشناخته است."
    review = a.legal_review
    if review.verdict is not None and review.verdict not in {v.value for v in LegalVerdict}:
        errors["legal_review"] = "نظر بررسی حقوقی را از فهرست انتخاب کنید."
    for i, task in enumerate(a.obligations):
        if _blank(task.title):
            errors[f"obligations.{i}.title"] = "شرح تعهد را بنویسید."
        if task.status not in {s.value for s in FollowUpStatus}:
            errors[f"obligations.{i}.status"] = "وضعیت تعهد معتبر نیست."
    return errors


def _validity_errors(a: AgreementInput) -> dict[str, str]:
    errors: dict[str, str] = {}
    if a.start_date is not None and a.end_date is not None and a.end_date < a.start_date:
        errors["end_date"] = (
            f"تاریخ پایان اعتبار ({format_jalali(a.end_date)}) پیش از تاریخ آغاز "
            f"({format_jalali(a.start_date)}) است."
        )
    if a.end_date is not None and a.duration_months is not None:
        errors["duration_months"] = "یا تاریخ پایان اعتبار را وارد کنید یا مدت آن را، نه هر دو."
    elif a.duration_months is not None:
        if not 1 <= a.duration_months <= MAX_DURATION_MONTHS:
            errors["duration_months"] = (
                f"مدت اعتبار باید بین ۱ و {to_persian_digits(MAX_DURATION_MONTHS)} ماه باشد."
            )
    if a.renewal_months is not None and not 1 <= a.renewal_months <= MAX_DURATION_MONTHS:
        errors["renewal_months"] = (
            f"مدت هر تمدید باید بین ۱ و {to_persian_digits(MAX_DURATION_MONTHS)} ماه باشد."
        )
    if a.auto_renew and a.end_date is None and a.duration_months is None:
        errors["auto_renew"] = (
            "تمدید خودکار بدون تاریخ پایان یا مدت اعتبار معنا ندارد؛ یکی از آن دو را وارد کنید."
        )
    if (
        a.signing_date is not None
        and a.end_date is not None
        and a.end_date < a.signing_date
        and "end_date" not in errors
    ):
        errors["end_date"] = (
            f"تاریخ پایان اعتبار ({format_jalali(a.end_date)}) پیش از تاریخ امضا "
            f"({format_jalali(a.signing_date)}) است."
        )
    return errors


def _party_errors(a: AgreementInput) -> dict[str, str]:
    errors: dict[str, str] = {}
    seen: set[int] = set()
    for i, party in enumerate(a.parties):
        if party.side not in {s.value for s in PartySide}:
            errors[f"parties.{i}.side"] = "طرف ایرانی یا خارجی بودن را مشخص کنید."
        if party.organization_id in seen:
            errors[f"parties.{i}.organization_id"] = "این سازمان دو بار در فهرست طرف‌ها آمده است."
        seen.add(party.organization_id)
    people: set[int] = set()
    for i, signatory in enumerate(a.signatories):
        if signatory.person_id in people:
            errors[f"signatories.{i}.person_id"] = "یک شخص دو بار در فهرست امضاکنندگان آمده است."
        people.add(signatory.person_id)
    return errors


def signatory_party(
    person_org_chain: Sequence[int], party_org_ids: Sequence[int], chosen: int | None = None
) -> int | None:
    """The party organization a signatory signs for, or None when they belong to no party.

    ``person_org_chain`` is the person's organization followed by its parents (nearest
    first); the nearest one that is a party wins, unless ``chosen`` names a party in the chain.
    """
    parties = set(party_org_ids)
    if chosen is not None:
        return chosen if chosen in parties and chosen in person_org_chain else None
    return next((org for org in person_org_chain if org in parties), None)


def transition_requirements(
    agreement: AgreementInput,
    new: AgreementStatus,
    *,
    remark: str,
    today: date,
    old: AgreementStatus | None = None,
    ended_from: AgreementStatus | None = None,
) -> dict[str, str]:
    """What the record lacks for moving to ``new`` (beyond the workflow edge itself).

    Taking back an end (``is_undo``) needs a reason, goes back only to the status the
    agreement ended from (``ended_from``, when known) and only while it has not expired.
    """
    new = AgreementStatus(new)
    errors: dict[str, str] = {}
    if old is not None and is_undo(old, new):
        if _blank(remark):
            errors["remark"] = f"دلیل لغو «{old.label_fa}» را در توضیح بنویسید."
        if ended_from is not None and ended_from != new:
            errors["status"] = (
                f"موافقت‌نامه از «{ended_from.label_fa}» به «{old.label_fa}» رفته بود؛ "
                f"تنها به «{ended_from.label_fa}» بازمی‌گردد."
            )
        expiry = agreement.expiry()
        if (
            "status" not in errors
            and expiry is not None
            and expiry < today
            and not agreement.auto_renew
        ):
            errors["status"] = (
                f"تاریخ انقضای موافقت‌نامه ({format_jalali(expiry)}) گذشته است؛ برای بازگرداندن، "
                "نخست پایان یا مدت اعتبار را اصلاح و ذخیره کنید."
            )
        return errors
    sides = {PartySide(p.side) for p in agreement.parties}
    if new in (_S.LEGAL_REVIEW, _S.APPROVED, _S.SIGNED) and sides != set(PartySide):
        errors["parties"] = (
            f"برای رفتن به «{new.label_fa}» دست‌کم یک طرف ایرانی و یک طرف خارجی لازم است."
        )
    if new == _S.APPROVED:
        review = agreement.legal_review
        if not review.is_recorded:
            errors["legal_review"] = (
                "پیش از تأیید، نتیجه بررسی حقوقی دفتر نمایندگی وزارت امور خارجه "
                "(تاریخ، نظر و شرح آن) را ثبت کنید."
            )
        elif review.verdict == LegalVerdict.UNFAVOURABLE:
            errors["legal_review"] = (
                "نظر بررسی حقوقی مخالف است؛ متن را به پیش‌نویس برگردانید و اصلاح کنید."
            )
    if new == _S.SIGNED:
        if agreement.signing_date is None:
            errors["signing_date"] = "تاریخ امضا را وارد کنید."
        elif agreement.signing_date > today:
            errors["signing_date"] = "تاریخ امضا نمی‌تواند در آینده باشد."
        if not agreement.signatories:
            errors["signatories"] = "امضاکنندگان را وارد کنید."
    if new == _S.EXPIRED:
        expiry = agreement.expiry()
        if expiry is None:
            errors["end_date"] = (
                "این موافقت‌نامه تاریخ انقضا ندارد؛ برای پایان آن «فسخ» را انتخاب کنید."
            )
        elif agreement.auto_renew:
            errors["auto_renew"] = "این موافقت‌نامه تمدید خودکار دارد و منقضی نمی‌شود."
        elif expiry >= today:
            errors["status"] = f"تاریخ انقضای موافقت‌نامه ({format_jalali(expiry)}) هنوز نرسیده است."
    if new in (_S.TERMINATED, _S.DRAFT) and _blank(remark):
        what = "فسخ" if new == _S.TERMINATED else "بازگرداندن به پیش‌نویس"
        errors["remark"] = f"دلیل {what} را در توضیح بنویسید."
    return errors
