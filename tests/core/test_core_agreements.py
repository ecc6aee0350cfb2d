"""Pure agreement rules: workflow, Jalali expiry arithmetic, validation, timeline."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qazvin_diplomacy.core.agreement_checks import (
    signatory_party,
    transition_requirements,
    validate_agreement,
)
from qazvin_diplomacy.core.agreement_timeline import build_timeline
from qazvin_diplomacy.core.agreements import (
    AgreementDetail,
    AgreementInput,
    AgreementKind,
    AgreementStatus,
    Axis,
    LegalReview,
    LegalVerdict,
    PartyEntry,
    PartySide,
    SignatoryEntry,
    StatusChange,
    add_months,
    allowed_transitions,
    can_transition,
    current_expiry,
    effective_status,
    ended_from,
    first_expiry,
    jalali_year_span,
    renewal_term,
    term_end,
    transition_error,
    unique_axes,
)
from qazvin_diplomacy.core.clock import TEHRAN
from qazvin_diplomacy.core.followups import FollowUpInput
from qazvin_diplomacy.core.jalali import from_jalali, is_leap, to_jalali

S = AgreementStatus
TODAY = from_jalali(1404, 8, 3)


# --- labels and workflow -----------------------------------------------------------------


def test_labels_are_the_offices_words():
    assert [k.label_fa for k in AgreementKind] == [
        "تفاهم‌نامه",
        "موافقت‌نامه",
        "نقشه راه",
        "قرارداد",
        "خواهرخواندگی",
    ]
    assert [s.label_fa for s in S] == [
        "پیش‌نویس",
        "بررسی حقوقی",
        "تأیید",
        "امضاشده",
        "نافذ",
        "منقضی",
        "فسخ",
    ]
    assert S.IN_FORCE.label("en") == "In force"
    assert Axis.URBAN_SERVICES.label_fa == "خدمات شهری"


def test_the_workflow_edges():
    assert allowed_transitions(S.DRAFT) == (S.LEGAL_REVIEW,)
    assert allowed_transitions(S.LEGAL_REVIEW) == (S.DRAFT, S.APPROVED)
    assert allowed_transitions(S.APPROVED) == (S.DRAFT, S.SIGNED)
    assert allowed_transitions(S.SIGNED) == (S.IN_FORCE, S.TERMINATED)
    assert allowed_transitions(S.IN_FORCE) == (S.EXPIRED, S.TERMINATED)
    assert allowed_transitions(S.EXPIRED) == (S.IN_FORCE,)  # an end can be taken back
    assert allowed_transitions(S.TERMINATED) == (S.SIGNED, S.IN_FORCE)
    assert not can_transition(S.DRAFT, S.DRAFT)
    assert not can_transition(S.DRAFT, S.SIGNED)


@pytest.mark.parametrize("old", list(S))
@pytest.mark.parametrize("new", list(S))
def test_transition_error_names_both_statuses(old, new):
    message = transition_error(old, new)
    if can_transition(old, new):
        assert message is None
    else:
        assert message is not None and f"«{old.label_fa}»" in message
        if old != new:
            assert f"«{new.label_fa}»" in message


# --- Jalali arithmetic -------------------------------------------------------------------


def j(y: int, m: int, d: int) -> date:
    return from_jalali(y, m, d)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (j(1403, 1, 1), 12, j(1403, 12, 30)),  # 1403 is leap: Esfand has 30 days
        (j(1404, 1, 1), 12, j(1404, 12, 29)),  # 1404 is not
        (j(1403, 12, 30), 12, j(1404, 12, 29)),  # the leap day + 1 year: rolls to 1405/01/01
        (j(1403, 12, 30), 48, j(1407, 12, 29)),
        (j(1402, 12, 29), 12, j(1403, 12, 28)),
        (j(1402, 11, 30), 1, j(1402, 12, 29)),  # 1402/12/30 does not exist
        (j(1403, 11, 30), 1, j(1403, 12, 29)),
        (j(1403, 6, 31), 1, j(1403, 7, 30)),  # Mehr has 30 days
        (j(1404, 7, 1), 24, j(1406, 6, 31)),
        (j(1404, 10, 15), 6, j(1405, 4, 14)),  # across the Jalali year end
    ],
)
def test_term_end(start, months, expected):
    assert term_end(start, months) == expected


def test_leap_years_used_above():
    assert is_leap(1403) and not is_leap(1402) and not is_leap(1404)


@given(
    st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 1, 1)),
    st.integers(min_value=1, max_value=240),
)
def test_add_months_moves_by_whole_jalali_months(start, months):
    y, m, d = to_jalali(start)
    ny, nm, nd = to_jalali(add_months(start, months))
    assert (ny * 12 + nm) - (y * 12 + m) in (months, months + 1)
    if (ny * 12 + nm) - (y * 12 + m) == months:
        assert nd == d
    else:  # rolled over: the day did not exist in the target month
        assert nd == 1
    assert term_end(start, months) > start


def test_first_expiry_rules():
    assert first_expiry(j(1404, 1, 1), j(1405, 1, 1), None) == j(1405, 1, 1)
    assert first_expiry(None, None, 12, signing_date=j(1404, 1, 1)) == j(1404, 12, 29)
    assert first_expiry(None, None, 12) is None
    assert first_expiry(j(1404, 1, 1), None, None) is None


def test_renewal_rolls_over_year_ends_and_leap_day():
    expiry = j(1403, 12, 30)
    assert current_expiry(expiry, auto_renew=False, term_months=12, today=j(1404, 5, 1)) == expiry
    assert current_expiry(expiry, auto_renew=True, term_months=12, today=j(1404, 5, 1)) == j(
        1404, 12, 29
    )
    assert current_expiry(expiry, auto_renew=True, term_months=12, today=j(1403, 12, 30)) == expiry
    assert current_expiry(expiry, auto_renew=True, term_months=6, today=j(1406, 1, 1)) == j(
        1406, 6, 31
    )
    assert renewal_term(None, None) == 12
    assert renewal_term(24, None) == 24
    assert renewal_term(24, 6) == 6


def test_effective_status():
    assert effective_status(S.IN_FORCE, TODAY - timedelta(days=1), TODAY) is S.EXPIRED
    assert effective_status(S.IN_FORCE, TODAY, TODAY) is S.IN_FORCE
    assert effective_status(S.SIGNED, None, TODAY) is S.SIGNED
    assert effective_status(S.DRAFT, TODAY - timedelta(days=1), TODAY) is S.DRAFT


def test_jalali_year_span():
    first, last = jalali_year_span(1403, 1403)
    assert (first, last) == (j(1403, 1, 1), j(1403, 12, 30))
    assert jalali_year_span(None, None) == (None, None)


# --- validation ---------------------------------------------------------------------------


def good(**changes) -> AgreementInput:
    a = AgreementInput(
        title="تفاهم‌نامه همکاری علمی",
        start_date=j(1404, 1, 1),
        duration_months=24,
        parties=(PartyEntry(1, PartySide.IRANIAN), PartyEntry(2, PartySide.FOREIGN)),
        signatories=(SignatoryEntry(10), SignatoryEntry(20)),
    )
    return replace(a, **changes)


def test_valid_input_has_no_errors():
    assert validate_agreement(good()) == {}
    assert good().expiry() == j(1405, 12, 29)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": ""}, "title"),
        ({"end_date": j(1403, 12, 1), "duration_months": None}, "end_date"),
        (
            {
                "signing_date": j(1405, 2, 1),
                "start_date": None,
                "duration_months": None,
                "end_date": j(1405, 1, 1),
            },
            "end_date",
        ),
        ({"end_date": j(1406, 1, 1)}, "duration_months"),
        ({"duration_months": 2000}, "duration_months"),
        ({"renewal_months": 0}, "renewal_months"),
        ({"auto_renew": True, "duration_months": None}, "auto_renew"),
        (
            {"parties": (PartyEntry(1, PartySide.IRANIAN), PartyEntry(1, PartySide.FOREIGN))},
            "parties.1.organization_id",
        ),
        ({"signatories": (SignatoryEntry(10), SignatoryEntry(10))}, "signatories.1.person_id"),
        ({"obligations": (FollowUpInput(" "),)}, "obligations.0.title"),
        ({"obligations": (FollowUpInput("x", status="lost"),)}, "obligations.0.status"),
    ],
)
def test_each_bad_input_is_named(changes, field):
    errors = validate_agreement(good(**changes))
    assert field in errors
    assert all(any("\u0600" <= ch <= "\u06ff" for ch in m) for m in errors.values())


def test_end_before_start_message_shows_jalali_dates():
    errors = validate_agreement(good(end_date=j(1403, 12, 1), duration_months=None))
    assert "۱۴۰۳/۱۲/۰۱" in errors["end_date"] and "۱۴۰۴/۰۱/۰۱" in errors["end_date"]


def test_signatory_party_rule():
    # person in a child office (5) of the governorate (1): signs for the governorate
    assert signatory_party([5, 1], [1, 2]) == 1
    assert signatory_party([7], [1, 2]) is None
    assert signatory_party([], [1, 2]) is None
    assert signatory_party([5, 1], [1, 5]) == 5  # the nearest wins
    assert signatory_party([5, 1], [1, 5], chosen=1) == 1
    assert signatory_party([5, 1], [1, 5], chosen=2) is None


def test_transition_requirements():
    a = good()
    assert transition_requirements(a, S.LEGAL_REVIEW, remark="", today=TODAY) == {}
    one_sided = replace(a, parties=(PartyEntry(1, PartySide.IRANIAN),))
    assert "parties" in transition_requirements(one_sided, S.LEGAL_REVIEW, remark="", today=TODAY)
    assert "legal_review" in transition_requirements(a, S.APPROVED, remark="", today=TODAY)
    reviewed = replace(
        a,
        legal_review=LegalReview(
            review_date=TODAY, verdict=LegalVerdict.WITH_AMENDMENTS, opinion="با اصلاح بند ۳"
        ),
    )
    assert transition_requirements(reviewed, S.APPROVED, remark="", today=TODAY) == {}
    assert "signing_date" in transition_requirements(a, S.SIGNED, remark="", today=TODAY)
    signed = replace(a, signing_date=TODAY)
    assert transition_requirements(signed, S.SIGNED, remark="", today=TODAY) == {}
    assert "remark" in transition_requirements(a, S.TERMINATED, remark=" ", today=TODAY)
    assert transition_requirements(a, S.TERMINATED, remark="فسخ توافقی", today=TODAY) == {}
    # expiring by hand: only once the date has passed, never for auto-renewal
    assert "status" in transition_requirements(a, S.EXPIRED, remark="", today=TODAY)
    late = j(1406, 1, 1)
    assert transition_requirements(a, S.EXPIRED, remark="", today=late) == {}
    renewing = replace(a, auto_renew=True)
    assert "auto_renew" in transition_requirements(renewing, S.EXPIRED, remark="", today=late)


def test_unique_axes_in_enum_order():
    assert unique_axes(["tourism", Axis.ECONOMY_TRADE, "tourism"]) == (
        Axis.ECONOMY_TRADE,
        Axis.TOURISM,
    )


def test_timeline_is_ordered_and_marks_the_future():
    created = datetime(2025, 1, 1, 9, tzinfo=TEHRAN)
    detail = AgreementDetail(
        title="x",
        signing_date=j(1404, 2, 1),
        start_date=j(1404, 2, 1),
        duration_months=12,
        obligations=(FollowUpInput("گزارش", deadline=j(1404, 9, 1)),),
        status=S.IN_FORCE,
        created_at=created,
        current_expiry=j(1405, 1, 31),
        history=(
            StatusChange(S.DRAFT, created),
            StatusChange(S.LEGAL_REVIEW, created + timedelta(days=3), S.DRAFT, "کارشناس", ""),
        ),
        legal_review=LegalReview(review_date=j(1404, 1, 20), verdict=LegalVerdict.FAVOURABLE),
    )
    timeline = build_timeline(detail, TODAY)
    assert [e.kind for e in timeline] == [
        "created",
        "status",
        "review",
        "signing",
        "start",
        "deadline",
        "expiry",
    ]
    assert [e.day for e in timeline] == sorted(e.day for e in timeline)
    assert [e.future for e in timeline][-2:] == [True, True]
    assert timeline[1].label_fa == "پیش‌نویس ← بررسی حقوقی"


def test_an_end_is_taken_back_only_to_the_status_it_ended_from() -> None:
    at = datetime(2025, 10, 1, 9, tzinfo=TEHRAN)
    S = AgreementStatus

    def history(*steps: tuple[S | None, S]) -> tuple[StatusChange, ...]:
        return tuple(
            StatusChange(to_status=new, from_status=old, changed_at=at + timedelta(days=i))
            for i, (old, new) in enumerate(steps)
        )

    signed_then_ended = history((None, S.DRAFT), (S.APPROVED, S.SIGNED), (S.SIGNED, S.TERMINATED))
    assert ended_from(S.TERMINATED, signed_then_ended) is S.SIGNED
    detail = AgreementDetail(title="x", status=S.TERMINATED, history=signed_then_ended)
    assert detail.allowed_transitions() == (S.SIGNED,)
    # ended, taken back to «in force», ended again: the latest end counts
    again = history(
        (S.SIGNED, S.TERMINATED), (S.TERMINATED, S.IN_FORCE), (S.IN_FORCE, S.TERMINATED)
    )
    assert replace(detail, history=again).allowed_transitions() == (S.IN_FORCE,)
    # no history to go by: every way back stays open; not ended: nothing to take back
    assert replace(detail, history=()).allowed_transitions() == (S.SIGNED, S.IN_FORCE)
    assert ended_from(S.SIGNED, signed_then_ended) is None
