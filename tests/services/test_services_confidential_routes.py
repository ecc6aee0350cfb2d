"""Confidential records, route by route: what belongs to a flagged record goes with it.

``test_services_confidential.py`` covers the lists, search, calendar, exports and the main
reports.  Here each flagged record also has what belongs to it — a visit's itinerary,
gifts and files, an agreement's files, an agenda item's file, a resolution's log and its
file, a delegation's members and programme — every text carrying «SECRETQX»; the ordinary
records carry «OPENQX».  Each test reads one more route as a user without clearance (only
OPENQX) and as an administrator (both).
"""

from __future__ import annotations

import subprocess
import tempfile
from dataclasses import replace
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest

from qazvin_diplomacy.core.access import Principal, Role, acting_for
from qazvin_diplomacy.core.agreements import AgreementInput
from qazvin_diplomacy.core.delegations import DelegationInput, DelegationMember, ProgrammeItem
from qazvin_diplomacy.core.directory import OrganizationInput, PersonInput
from qazvin_diplomacy.core.errors import KnownError, NotFoundError, ValidationError
from qazvin_diplomacy.core.jalali import from_jalali
from qazvin_diplomacy.core.meetings import (
    AgendaItemInput,
    LinkInput,
    MeetingInput,
    ResolutionFilter,
    ResolutionInput,
    ResolutionLogInput,
    SeriesInput,
)
from qazvin_diplomacy.core.visits import (
    TEHRAN,
    GiftDirection,
    GiftEntry,
    GuestEntry,
    ItineraryEntry,
    VisitInput,
)
from qazvin_diplomacy.reports.catalog import render_report
from qazvin_diplomacy.services import agreements, audit, delegations, health, meetings, visits
from qazvin_diplomacy.services.attachments import export_attachment, list_attachments, stored_path
from qazvin_diplomacy.services.directory import country_by_code, save_organization, save_person
from qazvin_diplomacy.services.history import country_history, person_history
from qazvin_diplomacy.services.transfer import TransferRefused, transfer_database

TODAY = from_jalali(1404, 8, 3)  # Saturday 25 October 2025
VIEWER = Principal("viewer", Role.VIEWER)
EDITOR = Principal("editor", Role.EDITOR)
ADMIN = Principal("admin", Role.ADMIN)
SECRET, OPEN = "SECRETQX", "OPENQX"
BOTH = {SECRET, OPEN}
WHO = [
    pytest.param(VIEWER, {OPEN}, id="viewer"),
    pytest.param(EDITOR, {OPEN}, id="editor"),
    pytest.param(ADMIN, BOTH, id="admin"),
]


def _at(hour: int, days: int = 0) -> datetime:
    day = TODAY + timedelta(days=days)
    return datetime(day.year, day.month, day.day, hour, tzinfo=TEHRAN)


def _file(tmp_path: Path, word: str) -> Path:
    path = tmp_path / f"{word}.txt"
    path.write_text(f"پرونده {word}", encoding="utf-8")
    return path


@pytest.fixture
def desk(seeded):
    """A flagged and an ordinary record of each kind, with what belongs to them (built once a
    session, see ``seeded``): the database, the records' ids, the country, body and guest."""
    db, (ids, others) = seeded(_build_desk)
    return db, ids, others


def _build_desk(db) -> tuple[dict[str, dict[str, int]], dict[str, int]]:
    with tempfile.TemporaryDirectory() as folder:  # the files attached, stored by the desk
        return _fill_desk(db, Path(folder))


def _fill_desk(db, tmp_path: Path) -> tuple[dict[str, dict[str, int]], dict[str, int]]:
    tj = country_by_code(db, "TJ")
    assert tj is not None
    body = save_organization(
        db, org=OrganizationInput(name_fa="استانداری کاروان", country_id=tj.id)
    )
    guest = save_person(db, person=PersonInput(name_fa="مهمان کاروان", country_id=tj.id))
    series = meetings.save_series(db, series=SeriesInput("کارگروه کاروان"))
    ids: dict[str, dict[str, int]] = {}
    for word, flag, hour in ((SECRET, True, 9), (OPEN, False, 14)):
        visit = visits.save_visit(
            db,
            visit=VisitInput(
                title=f"دیدار کاروان {word}",
                start_at=_at(hour),
                end_at=_at(hour + 2),
                venue=f"تالار {word}",
                country_id=tj.id,
                guests=(GuestEntry(guest.id),),
                itinerary=(ItineraryEntry(_at(hour), _at(hour + 1), f"بازدید {word}"),),
                gifts=(GiftEntry(GiftDirection.GIVEN, f"هدیه {word}", person_id=guest.id),),
                confidential=flag,
            ),
        )
        visit_file = visits.add_visit_attachment(
            db, visit_id=visit.id, source=_file(tmp_path, f"visit-{word}")
        )
        agreement = agreements.save_agreement(
            db,
            agreement=AgreementInput(
                title=f"تفاهم‌نامه کاروان {word}", signing_date=TODAY, confidential=flag
            ),
        )
        agreements.add_agreement_attachment(
            db, agreement_id=agreement.id, source=_file(tmp_path, f"agreement-{word}")
        )
        meeting = meetings.save_meeting(
            db,
            meeting=MeetingInput(
                series_id=series.id,
                meeting_date=TODAY,
                start_time=time(hour, 0),
                venue=f"سالن {word}",
                agenda=(AgendaItemInput(f"دستور {word}"),),
                confidential=flag,
            ),
        )
        item = meeting.agenda[0]
        meetings.add_agenda_attachment(
            db, agenda_item_id=item.id, source=_file(tmp_path, f"agenda-{word}")
        )
        resolution = meetings.save_resolution(
            db,
            resolution=ResolutionInput(
                meeting_id=meeting.id,
                text=f"مصوبه کاروان {word}",
                responsible_org_id=body.id,
                deadline=TODAY - timedelta(days=3),
            ),
            today=TODAY,
        )
        log = meetings.add_log_entry(
            db,
            entry=ResolutionLogInput(resolution.id, "letter_sent", TODAY, text=f"نامه {word}"),
        )
        meetings.add_log_attachment(db, log_id=log.id, source=_file(tmp_path, f"log-{word}"))
        delegation = delegations.save_delegation(
            db,
            delegation=DelegationInput(
                title=f"هیئت تجاری کاروان {word}",
                country_id=tj.id,
                start_date=TODAY,
                end_date=TODAY + timedelta(days=2),
                members=(DelegationMember(name_text=f"عضو {word}"),),
                programme=(ProgrammeItem(day=TODAY, activity=f"برنامه {word}"),),
                confidential=flag,
            ),
        )
        ids[word] = {
            "visit": visit.id,
            "visit_file": visit_file.id,
            "agreement": agreement.id,
            "meeting": meeting.id,
            "agenda_item": item.id,
            "resolution": resolution.id,
            "log": log.id,
            "delegation": delegation.id,
        }
    # an ordinary resolution linked to the flagged visit (the linked-record picker)
    linked = meetings.get_resolution(db, resolution_id=ids[OPEN]["resolution"])
    meetings.save_resolution(
        db,
        resolution=ResolutionInput(
            meeting_id=linked.meeting_id,
            text=linked.text,
            responsible_org_id=body.id,
            deadline=linked.deadline,
            links=(LinkInput("visit", ids[SECRET]["visit"]),),
            id=linked.id,
            version=linked.version,
        ),
        today=TODAY,
    )
    return ids, {"country": tj.id, "body": body.id, "guest": guest.id}


def _seen(text: str) -> set[str]:
    return {word for word in BOTH if word in text}


def _as(principal: Principal):
    return acting_for(principal)


def _pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.parametrize(("who", "expected"), WHO)
def test_the_files_of_a_hidden_record(desk, who, expected, tmp_path: Path) -> None:
    """A flagged record's files are neither listed nor copied out, whatever the owner kind."""
    db, ids, _ = desk
    owners = {
        "visit": "visit",
        "agreement": "agreement",
        "meeting_agenda_item": "agenda_item",
        "resolution_log": "log",
    }
    with _as(who):
        for kind, key in owners.items():
            for word in BOTH:
                names = repr(list_attachments(db, owner_kind=kind, owner_id=ids[word][key]))
                assert _seen(names) == ({word} & expected), kind
        secret_file = ids[SECRET]["visit_file"]
        if SECRET in expected:
            assert SECRET in export_attachment(db, attachment_id=secret_file, folder=tmp_path).name
        else:
            with pytest.raises(NotFoundError):
                export_attachment(db, attachment_id=secret_file, folder=tmp_path / "out")
            assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("who", "expected"), WHO)
def test_what_belongs_to_a_hidden_record_read_on_its_own(desk, who, expected) -> None:
    """A resolution's log, a meeting's resolutions and what links to a flagged visit."""
    db, ids, _ = desk
    with _as(who):
        shown = {
            "log": repr(
                [
                    _or_missing(
                        lambda w=w: meetings.list_log(db, resolution_id=ids[w]["resolution"])
                    )
                    for w in BOTH
                ]
            ),
            "of-meeting": repr(
                [
                    _or_missing(
                        lambda w=w: meetings.list_meeting_resolutions(
                            db, meeting_id=ids[w]["meeting"], today=TODAY
                        )
                    )
                    for w in BOTH
                ]
            ),
            "linked": repr(
                meetings.resolutions_linked_to(
                    db, kind="visit", target_id=ids[SECRET]["visit"], today=TODAY
                )
            ),
            "picker": repr(meetings.get_resolution(db, resolution_id=ids[OPEN]["resolution"])),
        }
    assert _seen(shown["log"]) == expected
    assert _seen(shown["of-meeting"]) == expected
    # the ordinary resolution linked to the flagged visit is listed, the visit is not named
    assert OPEN in shown["linked"]
    assert _seen(shown["picker"]) == expected


def _or_missing(read):
    try:
        return read()
    except NotFoundError:
        return "missing"


@pytest.mark.parametrize(("who", "expected"), WHO)
def test_histories_and_counts_per_body(desk, who, expected) -> None:
    """A person's and a country's history, the per-body resolutions view and its counts."""
    db, _ids, refs = desk
    with _as(who):
        person = person_history(db, person_id=refs["guest"])
        country = country_history(db, country_id=refs["country"])
        summary = meetings.body_summary(db, filters=ResolutionFilter(), today=TODAY)
        overdue = meetings.overdue_by_body(db, today=TODAY)
    assert _seen(repr(person)) == expected
    assert _seen(repr(country)) == expected
    (row,) = [s for s in summary if s.organization_id == refs["body"]]
    assert (row.open, row.overdue) == (len(expected), len(expected))
    (late,) = [s for s in overdue if s.organization_id == refs["body"]]
    assert late.overdue == len(expected)


@pytest.mark.parametrize(("who", "expected"), WHO)
def test_printed_lists(desk, who, expected, tmp_path: Path) -> None:
    """The visits register, the resolutions status report, the country briefing."""
    db, ids, refs = desk
    far = timedelta(days=30)
    with _as(who):
        texts = {
            "visits-register": render_report(
                "visits-register",
                db,
                tmp_path / "v.pdf",
                date_from=TODAY - far,
                date_to=TODAY + far,
            ),
            "resolutions": render_report("resolutions", db, tmp_path / "r.pdf"),
            "country-briefing": render_report(
                "country-briefing", db, tmp_path / "c.pdf", country="TJ"
            ),
        }
        letters = tmp_path / "letters.pdf"
        if SECRET in expected:
            render_report("resolution-letters", db, letters, meeting=ids[SECRET]["meeting"])
            assert SECRET in _pdf_text(letters)
        else:
            with pytest.raises(NotFoundError):
                render_report("resolution-letters", db, letters, meeting=ids[SECRET]["meeting"])
    for kind, out in texts.items():
        assert _seen(_pdf_text(out)) == expected, kind
    assert refs


@pytest.mark.parametrize(("who", "expected"), WHO)
def test_audit_entries_of_what_belongs_to_a_hidden_record(desk, who, expected) -> None:
    """The audit entries of a flagged record's files and links go with it."""
    db, ids, _ = desk
    with _as(who):
        entries = audit.list_audit_entries(db, limit=None)
    files = [e for e in entries if e.entity == "attachment"]
    assert _seen(repr(files)) == expected
    links = [e for e in entries if e.entity == "meeting_link"]
    assert bool(links) is (SECRET in expected)
    assert ids


@pytest.mark.parametrize(("who", "expected"), WHO)
def test_a_clash_with_a_hidden_visit_is_told_without_naming_it(desk, who, expected) -> None:
    """The same guest and venue as the flagged visit, at the same time: an editor without
    clearance is told of both clashes, never the visit's title or id."""
    db, ids, refs = desk
    plan = VisitInput(
        title="دیدار تازه کاروان",
        start_at=_at(9),
        end_at=_at(10),
        venue=f"تالار {SECRET}",
        guests=(GuestEntry(refs["guest"]),),
    )
    with _as(who):
        found = visits.find_conflicts(db, visit=plan)
    kinds = sorted(c.kind.value for c in found if c.kind.value in ("guest", "venue"))
    assert kinds == ["guest", "venue"]
    text = repr(found).replace(f"تالار {SECRET}", "")  # the venue typed is the user's own
    assert ("دیدار کاروان " + SECRET in text) is (SECRET in expected)
    if SECRET not in expected:
        assert all(c.other_visit_id is None and not c.other_title for c in found)


@pytest.mark.parametrize(("who", "expected"), WHO)
def test_gift_warnings_dashboard_counts_and_alerts(desk, who, expected) -> None:
    """A repeated gift names the earlier visit only when it may be seen; counts on the
    dashboard cards and the agreements' alerts leave flagged records out."""
    db, _ids, refs = desk
    with _as(who):
        warned = {
            word: visits.gift_warning(db, person_id=refs["guest"], description=f"هدیه {word}")
            for word in BOTH
        }
        counts = agreements.agreement_counts(db, today=TODAY)
        alerts = agreements.agreement_alerts(db, today=TODAY)
    assert {w for w, text in warned.items() if text} == expected
    assert _seen(repr(list(warned.values()))) == expected
    assert counts.total == len(expected)
    assert _seen(repr(alerts)) <= expected


@pytest.mark.parametrize(("who", "expected"), WHO)
def test_a_thanks_letter_for_a_hidden_visit(desk, who, expected, tmp_path: Path) -> None:
    """A thanks letter's subject is taken from the linked visit: never a hidden one's title."""
    db, ids, _ = desk
    out = tmp_path / "letter.pdf"
    options = {"visit": ids[SECRET]["visit"], "letter_type": "thanks", "addressee": "سفارت"}
    with _as(who):
        try:
            render_report("letter", db, out, **options)
        except KnownError as refused:
            assert SECRET not in expected
            assert SECRET not in refused.message + refused.message_en
            assert not out.exists()
            return
    assert _seen(_pdf_text(out)) == {SECRET} & expected


@pytest.mark.parametrize(("who", "allowed"), [(VIEWER, False), (EDITOR, False), (ADMIN, True)])
def test_a_transfer_copies_every_record_so_only_for_the_cleared(
    desk, who, allowed, tmp_path: Path
) -> None:
    db, _ids, _ = desk
    target = tmp_path / "copy" / "desk.sqlite"
    source = db.url or db.path
    with _as(who):
        if allowed:
            assert transfer_database(source, target).rows > 0
            return
        with pytest.raises(TransferRefused) as refused:
            transfer_database(source, target)
    assert "confidential" in refused.value.message_en
    assert not target.parent.exists()


@pytest.mark.parametrize(("who", "expected"), WHO)
def test_dossiers_of_ordinary_records_linked_to_hidden_ones(
    desk, who, expected, tmp_path: Path
) -> None:
    """An ordinary agreement signed at a flagged visit, a delegation tied to a flagged
    agreement, a meeting linked to a flagged visit: their printed sheets name the flagged
    record for cleared users only."""
    db, ids, _ = desk
    secret_visit, secret_agreement = ids[SECRET]["visit"], ids[SECRET]["agreement"]
    agreement = agreements.get_agreement(db, agreement_id=ids[OPEN]["agreement"])
    agreements.save_agreement(db, agreement=replace(agreement, visit_id=secret_visit))
    delegation = delegations.get_delegation(db, delegation_id=ids[OPEN]["delegation"])
    delegations.save_delegation(
        db, delegation=replace(delegation, agreement_ids=(secret_agreement,))
    )
    meeting = meetings.get_meeting(db, meeting_id=ids[OPEN]["meeting"])
    meetings.save_meeting(db, meeting=replace(meeting, links=(LinkInput("visit", secret_visit),)))
    sheets = {
        "agreement-sheet": {"agreement": ids[OPEN]["agreement"]},
        "delegation": {"delegation": ids[OPEN]["delegation"]},
        "minutes": {"meeting": ids[OPEN]["meeting"]},
        "visit-dossier": {"visit": ids[OPEN]["visit"]},
    }
    with _as(who):
        for kind, options in sheets.items():
            out = render_report(kind, db, tmp_path / f"{kind}.pdf", **options)
            text = _pdf_text(out).replace("\n", " ")
            if SECRET not in expected:
                assert SECRET not in text, kind
            elif kind in ("agreement-sheet", "delegation"):  # these print the linked record
                assert SECRET in text, kind


@pytest.mark.parametrize(("who", "expected"), WHO)
def test_audit_entries_of_removed_rows_of_a_hidden_record(desk, who, expected) -> None:
    """The itinerary of a flagged visit removed: the entries of the rows gone (no longer in
    their table) still go with the visit."""
    db, ids, _ = desk
    for word in BOTH:
        visit = visits.get_visit(db, visit_id=ids[word]["visit"])
        visits.save_visit(
            db,
            visit=replace(
                visit, itinerary=(ItineraryEntry(visit.start_at, visit.end_at, f"ناهار {word}"),)
            ),
        )
    with _as(who):
        entries = audit.list_audit_entries(db, limit=None)
    assert _seen(repr([e for e in entries if e.entity == "visit_itinerary_item"])) == expected


@pytest.mark.parametrize(("who", "expected"), [WHO[1], WHO[2]])
def test_a_reference_number_taken_by_a_hidden_agreement(desk, who, expected) -> None:
    """The number is refused (never given twice), the flagged agreement is not named."""
    db, ids, _ = desk
    agreements.save_agreement(
        db,
        agreement=replace(
            agreements.get_agreement(db, agreement_id=ids[SECRET]["agreement"]),
            reference_number="۱۲۳/ق",
        ),
    )
    with _as(who), pytest.raises(ValidationError) as refused:
        agreements.save_agreement(
            db, agreement=AgreementInput(title="سند تازه", reference_number="۱۲۳/ق")
        )
    message = refused.value.errors["reference_number"]
    assert ("تفاهم‌نامه کاروان " + SECRET in message) is (SECRET in expected)


@pytest.mark.parametrize(("who", "expected"), WHO)
def test_health_check_counts_every_file_names_none(desk, who, expected) -> None:
    """``check`` run by anyone checks every stored file, a flagged record's too, and says
    only how many are missing."""
    db, ids, _ = desk
    (stored,) = list_attachments(db, owner_kind="visit", owner_id=ids[SECRET]["visit"])
    stored_path(db, stored.sha256).unlink()
    with _as(who):
        report = health.check(db)
    assert any("پیدا نشد" in problem for problem in report.problems)
    assert SECRET not in repr(report)
    assert expected
