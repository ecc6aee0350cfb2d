"""Confidential records: a viewer without clearance never sees one, by any route.

Each kind (visit, agreement, meeting with a resolution, delegation) has one confidential
record («… SECRETQX») and one ordinary record («… OPENQX»), all on the same day; every test
reads one route as a viewer without clearance (sees only OPENQX), as a cleared viewer and
without users (both see both).
"""

from __future__ import annotations

import subprocess
from dataclasses import replace
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest

from qazvin_diplomacy.core.access import Principal, Role, acting_for
from qazvin_diplomacy.core.agreements import AgreementFilter, AgreementInput
from qazvin_diplomacy.core.calendar import EntryKind
from qazvin_diplomacy.core.delegations import DelegationInput
from qazvin_diplomacy.core.errors import NotFoundError, ValidationError
from qazvin_diplomacy.core.followups import FollowUpFilter, FollowUpInput
from qazvin_diplomacy.core.jalali import from_jalali
from qazvin_diplomacy.core.letters import LetterInput, LetterKind, LetterLink
from qazvin_diplomacy.core.meetings import (
    LinkInput,
    MeetingFilter,
    MeetingInput,
    ResolutionFilter,
    ResolutionInput,
    SeriesInput,
)
from qazvin_diplomacy.core.visits import TEHRAN, VisitFilter, VisitInput
from qazvin_diplomacy.reports.catalog import render_report
from qazvin_diplomacy.services import (
    agreements,
    audit,
    calendar,
    delegations,
    letters,
    meetings,
    visits,
)
from qazvin_diplomacy.services import followups as followup_service
from qazvin_diplomacy.services.agenda_ics import export_agenda, export_record
from qazvin_diplomacy.services.directory import country_by_code
from qazvin_diplomacy.services.export import export_table
from qazvin_diplomacy.services.search import search
from qazvin_diplomacy.services.visit_reports import daily_programme, weekly_agenda

TODAY = from_jalali(1404, 8, 3)  # Saturday 25 October 2025
VIEWER = Principal("viewer", Role.VIEWER)
EDITOR = Principal("editor", Role.EDITOR)
CLEARED = Principal("cleared", Role.VIEWER, cleared=True)
ADMIN = Principal("admin", Role.ADMIN)

SECRET, OPEN = "SECRETQX", "OPENQX"


def _at(hour: int) -> datetime:
    return datetime(TODAY.year, TODAY.month, TODAY.day, hour, tzinfo=TEHRAN)


@pytest.fixture
def office(seeded):
    """One confidential and one ordinary record of each kind, all on TODAY (built once a
    session, see ``seeded``)."""
    return seeded(_build_office)


def _build_office(db) -> dict[str, dict[str, int]]:
    """The records of ``office`` in ``db``; their ids by marker and kind."""
    ids: dict[str, dict[str, int]] = {}
    tj = country_by_code(db, "TJ")
    assert tj is not None
    series = meetings.save_series(db, series=SeriesInput("کارگروه کاروانسرا"))
    for word, flag, hour in ((SECRET, True, 9), (OPEN, False, 14)):
        visit = visits.save_visit(
            db,
            visit=VisitInput(
                title=f"دیدار کاروانسرا {word}",
                start_at=_at(hour),
                end_at=_at(hour + 2),
                venue=f"تالار {word}",
                delegation_name=f"هیئت کاروانسرا {word}",
                followups=(FollowUpInput(title=f"پیگیری کاروانسرا {word}", deadline=TODAY),),
                confidential=flag,
            ),
        )
        agreement = agreements.save_agreement(
            db,
            agreement=AgreementInput(
                title=f"تفاهم‌نامه کاروانسرا {word}",
                signing_date=TODAY,
                reference_number=word,
                confidential=flag,
            ),
        )
        meeting = meetings.save_meeting(
            db,
            meeting=MeetingInput(
                series_id=series.id,
                meeting_date=TODAY,
                start_time=time(hour, 0),
                venue=f"سالن کاروانسرا {word}",
                notes=word,
                confidential=flag,
            ),
        )
        resolution = meetings.save_resolution(
            db,
            resolution=ResolutionInput(
                meeting_id=meeting.id, text=f"مصوبه کاروانسرا {word}", deadline=TODAY
            ),
            today=TODAY,
        )
        delegation = delegations.save_delegation(
            db,
            delegation=DelegationInput(
                title=f"هیئت تجاری کاروانسرا {word}",
                country_id=tj.id,
                start_date=TODAY,
                end_date=TODAY + timedelta(days=2),
                confidential=flag,
            ),
        )
        ids[word] = {
            "visit": visit.id,
            "agreement": agreement.id,
            "meeting": meeting.id,
            "resolution": resolution.id,
            "delegation": delegation.id,
        }
    return ids


def _seen(text: str) -> set[str]:
    """Which of the two markers ``text`` holds."""
    return {word for word in (SECRET, OPEN) if word in text}


BOTH = {SECRET, OPEN}
WHO = [
    pytest.param(VIEWER, {OPEN}, id="viewer"),
    pytest.param(EDITOR, {OPEN}, id="editor"),
    pytest.param(CLEARED, BOTH, id="cleared"),
    pytest.param(ADMIN, BOTH, id="admin"),
    pytest.param(None, BOTH, id="no-users"),
]


def _as(principal: Principal | None):
    return acting_for(principal) if principal is not None else _nothing()


class _nothing:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


@pytest.mark.parametrize(("who", "expected"), WHO)
def test_lists_and_counts(office, who, expected) -> None:
    db, _ids = office
    with _as(who):
        seen = {
            "visits": repr(visits.list_visits(db, filters=VisitFilter())),
            "agreements": repr(agreements.list_agreements(db, filters=AgreementFilter())),
            "meetings": repr(meetings.list_meetings(db, filters=MeetingFilter())),
            "resolutions": repr(meetings.list_resolutions(db, filters=ResolutionFilter())),
            "delegations": repr(delegations.list_delegations(db)),
            "followups": repr(
                followup_service.list_followup_rows(db, filters=FollowUpFilter(), limit=50)
            ),
        }
        counts = (
            visits.count_visits(db, filters=VisitFilter()),
            agreements.count_agreements(db, filters=AgreementFilter()),
            meetings.count_meetings(db, filters=MeetingFilter()),
            meetings.count_resolutions(db, filters=ResolutionFilter()),
            delegations.count_delegations(db),
            followup_service.count_followup_rows(db, filters=FollowUpFilter()),
        )
    for kind, text in seen.items():
        assert _seen(text) == expected, kind
    assert counts == (len(expected),) * 6


@pytest.mark.parametrize(("who", "expected"), WHO)
def test_by_id_a_hidden_record_is_not_found_like_a_missing_one(office, who, expected) -> None:
    db, ids = office
    getters = {
        "visit": lambda i: visits.get_visit(db, visit_id=i),
        "agreement": lambda i: agreements.get_agreement(db, agreement_id=i),
        "meeting": lambda i: meetings.get_meeting(db, meeting_id=i),
        "resolution": lambda i: meetings.get_resolution(db, resolution_id=i),
        "delegation": lambda i: delegations.get_delegation(db, delegation_id=i),
    }
    with _as(who):
        for kind, get in getters.items():
            assert get(ids[OPEN][kind]).id == ids[OPEN][kind]
            if SECRET in expected:
                assert get(ids[SECRET][kind]).id == ids[SECRET][kind]
                continue
            with pytest.raises(NotFoundError) as hidden:
                get(ids[SECRET][kind])
            with pytest.raises(NotFoundError) as missing:
                get(10_000)
            shown = str(missing.value)
            for digits in ("10000", "۱۰۰۰۰"):
                shown = shown.replace(digits, str(ids[SECRET][kind]))
            assert str(hidden.value) in {shown, shown.translate(PERSIAN)}, kind


PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


@pytest.mark.parametrize(("who", "expected"), WHO)
def test_search_hits_and_more(office, who, expected) -> None:
    db, _ids = office
    with _as(who):
        found = search(db, "کاروانسرا", limit_per_kind=1)
        everything = search(db, "کاروانسرا", limit_per_kind=50)
    for kind in ("visit", "agreement", "meeting", "resolution", "delegation", "followup"):
        group = everything.group(kind)
        assert group is not None, kind
        assert {h.id for h in group.hits} and _seen(repr(group.hits)) <= expected, kind
        assert len(group.hits) == len(expected), kind
        # "more" is not a hint of a hidden record
        assert found.group(kind).has_more is (len(expected) > 1), kind


@pytest.mark.parametrize(("who", "expected"), WHO)
def test_calendar_dashboard_and_reminders(office, who, expected) -> None:
    db, _ids = office
    with _as(who):
        agenda = calendar.agenda_between(db, start=TODAY, end=TODAY, today=TODAY)
        kinds = {e.kind for e in agenda if _seen(repr(e))}
        cards = visits.today_and_week(db, today=TODAY)
        board = meetings.dashboard(db, today=TODAY)
        reminders = calendar.reminders(db, today=TODAY)
        due = followup_service.due_this_week(db, today=TODAY)
    assert {EntryKind.VISIT, EntryKind.MEETING, EntryKind.DELEGATION} <= kinds
    assert _seen(repr(agenda)) == expected
    assert _seen(repr(cards)) == expected
    assert _seen(repr(board)) == expected
    assert _seen(repr(reminders)) <= expected
    assert _seen(repr(due)) == expected


@pytest.mark.parametrize(("who", "expected"), WHO)
def test_exports(office, who, expected) -> None:
    db, _ids = office
    with _as(who):
        for kind in ("visits", "agreements", "meetings", "resolutions", "delegations", "followups"):
            table = export_table(db, kind=kind)
            assert _seen(repr(table.rows)) == expected, kind


@pytest.mark.parametrize(("who", "expected"), WHO)
def test_ics_agenda_and_one_visit(office, who, expected, tmp_path: Path) -> None:
    db, ids = office
    out = tmp_path / "agenda.ics"
    with _as(who):
        export_agenda(db, path=out, start=TODAY, end=TODAY, today=TODAY)
        if SECRET in expected:
            export_record(db, path=tmp_path / "one.ics", kind=EntryKind.VISIT,
                          record_id=ids[SECRET]["visit"])  # fmt: skip
        else:
            with pytest.raises(NotFoundError):
                export_record(db, path=tmp_path / "one.ics", kind=EntryKind.VISIT,
                              record_id=ids[SECRET]["visit"])  # fmt: skip
            assert not (tmp_path / "one.ics").exists()
    assert _seen(out.read_text("utf-8")) == expected


@pytest.mark.parametrize(("who", "expected"), WHO)
def test_report_data(office, who, expected) -> None:
    db, _ids = office
    with _as(who):
        week = weekly_agenda(db, day=TODAY)
        day = daily_programme(db, day=TODAY)
        register = agreements.agreements_register(db)
    assert _seen(repr(week)) == expected
    assert _seen(repr(day)) == expected
    assert _seen(repr(register)) == expected


def _pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.parametrize(("who", "expected"), [WHO[0], WHO[2]])
def test_printed_reports(office, who, expected, tmp_path: Path) -> None:
    db, ids = office
    by_id = {
        "visit-dossier": {"visit": ids[SECRET]["visit"]},
        "itinerary": {"visit": ids[SECRET]["visit"]},
        "agreement-sheet": {"agreement": ids[SECRET]["agreement"]},
        "minutes": {"meeting": ids[SECRET]["meeting"]},
        "delegation": {"delegation": ids[SECRET]["delegation"]},
    }
    with _as(who):
        out = render_report("agreements-register", db, tmp_path / "register.pdf")
        assert _seen(_pdf_text(out)) == expected
        for kind, options in by_id.items():
            target = tmp_path / f"{kind}.pdf"
            if SECRET in expected:
                render_report(kind, db, target, **options)
                continue
            with pytest.raises(NotFoundError):
                render_report(kind, db, target, **options)
            assert not target.exists(), kind


def test_only_a_user_who_sees_confidential_records_may_flag_one(office) -> None:
    db, ids = office
    open_visit = visits.get_visit(db, visit_id=ids[OPEN]["visit"])
    with acting_for(EDITOR):
        with pytest.raises(ValidationError) as refused:
            visits.save_visit(db, visit=replace(open_visit, confidential=True))
        assert refused.value.field == "confidential"
        with pytest.raises(ValidationError):
            agreements.save_agreement(
                db, agreement=AgreementInput(title="سند تازه", confidential=True)
            )
        # saving without the flag is allowed
        saved = visits.save_visit(db, visit=replace(open_visit, outcome="نتیجه"))
        assert not saved.confidential
    with acting_for(Principal("cleared-editor", Role.EDITOR, cleared=True)):
        flagged = visits.save_visit(db, visit=replace(saved, confidential=True))
    assert flagged.confidential
    assert visits.get_visit(db, visit_id=flagged.id).confidential
    with acting_for(VIEWER), pytest.raises(NotFoundError):
        visits.get_visit(db, visit_id=flagged.id)


def test_a_new_session_does_not_take_a_confidential_sessions_number(office) -> None:
    """The series' last session is confidential: an editor without clearance gets the next number."""
    db, ids = office
    secret = meetings.get_meeting(db, meeting_id=ids[SECRET]["meeting"])
    opened = meetings.get_meeting(db, meeting_id=ids[OPEN]["meeting"])
    top = max(secret.number, opened.number)
    with acting_for(EDITOR):
        new = meetings.save_meeting(
            db, meeting=MeetingInput(series_id=secret.series_id, meeting_date=TODAY)
        )
        assert new.number == top + 1
        with pytest.raises(ValidationError) as clash:
            meetings.save_meeting(
                db,
                meeting=MeetingInput(
                    series_id=secret.series_id, meeting_date=TODAY, number=secret.number
                ),
            )
    assert clash.value.field == "number"


def test_links_to_a_hidden_record_are_neither_shown_nor_lost(office) -> None:
    """An editor without clearance edits records linked to confidential ones: the links are
    not shown to them, and saving keeps them."""
    db, ids = office
    secret_visit, secret_agreement = ids[SECRET]["visit"], ids[SECRET]["agreement"]
    agreement = agreements.get_agreement(db, agreement_id=ids[OPEN]["agreement"])
    agreement = agreements.save_agreement(db, agreement=replace(agreement, visit_id=secret_visit))
    delegation = delegations.get_delegation(db, delegation_id=ids[OPEN]["delegation"])
    delegations.save_delegation(
        db, delegation=replace(delegation, agreement_ids=(secret_agreement,))
    )
    meeting = meetings.get_meeting(db, meeting_id=ids[OPEN]["meeting"])
    meetings.save_meeting(db, meeting=replace(meeting, links=(LinkInput("visit", secret_visit),)))
    with acting_for(EDITOR):
        seen_agreement = agreements.get_agreement(db, agreement_id=agreement.id)
        seen_delegation = delegations.get_delegation(db, delegation_id=delegation.id)
        seen_meeting = meetings.get_meeting(db, meeting_id=meeting.id)
        assert seen_agreement.visit_id is None and seen_agreement.visit_title == ""
        assert seen_delegation.agreement_ids == () and seen_delegation.agreement_titles == ()
        assert seen_meeting.links == ()
        agreements.save_agreement(db, agreement=replace(seen_agreement, summary="خلاصه"))
        delegations.save_delegation(db, delegation=replace(seen_delegation, city="دوشنبه"))
        meetings.save_meeting(db, meeting=replace(seen_meeting, notes="یادداشت"))
    assert agreements.get_agreement(db, agreement_id=agreement.id).visit_id == secret_visit
    assert delegations.get_delegation(db, delegation_id=delegation.id).agreement_ids == (
        secret_agreement,
    )
    assert [(link.kind, link.target_id) for link in meetings.get_meeting(
        db, meeting_id=meeting.id).links] == [("visit", secret_visit)]  # fmt: skip


@pytest.mark.parametrize(("who", "expected"), WHO)
def test_audit_trail_page_and_report(office, who, expected, tmp_path: Path) -> None:
    """The audit trail names what changed: the entries of a confidential record (and of its
    guests, resolutions, follow-ups …) are for cleared users only; the chain still verifies."""
    db, _ids = office
    with _as(who):
        entries = audit.list_audit_entries(db, limit=None)
        count = audit.count_audit_entries(db)
        printed = list(audit.iter_audit_entries(db))
        check = audit.verify_audit_trail(db)
        out = render_report(
            "audit", db, tmp_path / "audit.pdf", date_from=TODAY - timedelta(days=3650),
            date_to=TODAY + timedelta(days=3650),
        )  # fmt: skip
    assert check.broken is None
    assert _seen(_pdf_text(out)) == expected
    assert count == len(entries) == len(printed)
    assert _seen(repr(entries)) == expected
    assert _seen(repr(printed)) == expected
    entities = {(e.entity, e.entity_id) for e in entries}
    if SECRET not in expected:
        assert not {e for e in entities if e[0] in ("visit", "resolution", "follow_up_task")
                    and e[1] in {str(i) for i in _ids[SECRET].values()}}  # fmt: skip


@pytest.mark.parametrize(("who", "expected"), WHO)
def test_letters_written_for_a_hidden_record(office, who, expected) -> None:
    db, ids = office
    for word in (SECRET, OPEN):
        letters.register_letter(
            db,
            letter=LetterInput(
                kind=LetterKind.LETTER, date=TODAY, addressee="سفارت", subject=f"دیدار {word}",
                link_kind=LetterLink.VISIT, link_id=ids[word]["visit"],
            ),
        )  # fmt: skip
    with _as(who):
        found = letters.list_letters(db)
        assert letters.count_letters(db) == len(expected)
        table = export_table(db, kind="letters")
    assert _seen(repr(found)) == expected
    assert _seen(repr(table.rows)) == expected
