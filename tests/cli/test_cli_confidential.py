"""Confidential records on the command line: a user without clearance signed in with
``--user`` never gets a flagged record out of ``search``, ``export`` (lists, agenda),
``report``, ``letters list``, ``check`` or ``transfer``; an administrator does."""

from __future__ import annotations

import subprocess
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest

from qazvin_diplomacy.cli import main
from qazvin_diplomacy.core.access import Principal, Role, acting_for, set_principal
from qazvin_diplomacy.core.agreements import AgreementInput
from qazvin_diplomacy.core.delegations import DelegationInput
from qazvin_diplomacy.core.followups import FollowUpInput
from qazvin_diplomacy.core.jalali import from_jalali, to_jalali
from qazvin_diplomacy.core.letters import LetterInput, LetterKind, LetterLink
from qazvin_diplomacy.core.meetings import MeetingInput, ResolutionInput, SeriesInput
from qazvin_diplomacy.core.visits import TEHRAN, VisitInput
from qazvin_diplomacy.services import agreements, delegations, letters, meetings, users, visits
from qazvin_diplomacy.services.directory import country_by_code

TODAY = from_jalali(1404, 8, 3)
SECRET, OPEN = "SECRETQX", "OPENQX"
PASSWORD = "Qazvin-1405-pass"


def _at(hour: int) -> datetime:
    return datetime(TODAY.year, TODAY.month, TODAY.day, hour, tzinfo=TEHRAN)


def _build_office(db) -> dict[str, int]:
    """A flagged and an ordinary record of each kind; users «admin», «viewer» and «editor»."""
    tj = country_by_code(db, "TJ")
    assert tj is not None
    series = meetings.save_series(db, series=SeriesInput("کارگروه کاروان"))
    secret_meeting = 0
    for word, flag, hour in ((SECRET, True, 9), (OPEN, False, 14)):
        visit = visits.save_visit(
            db,
            visit=VisitInput(
                title=f"دیدار کاروان {word}",
                start_at=_at(hour),
                end_at=_at(hour + 2),
                delegation_name=f"هیئت کاروان {word}",
                country_id=tj.id,
                followups=(FollowUpInput(title=f"پیگیری کاروان {word}", deadline=TODAY),),
                confidential=flag,
            ),
        )
        agreements.save_agreement(
            db,
            agreement=AgreementInput(
                title=f"تفاهم‌نامه کاروان {word}", signing_date=TODAY, confidential=flag
            ),
        )
        meeting = meetings.save_meeting(
            db,
            meeting=MeetingInput(
                series_id=series.id,
                meeting_date=TODAY,
                start_time=time(hour, 0),
                venue=f"سالن {word}",
                confidential=flag,
            ),
        )
        secret_meeting = secret_meeting or meeting.id
        meetings.save_resolution(
            db,
            resolution=ResolutionInput(meeting_id=meeting.id, text=f"مصوبه کاروان {word}"),
            today=TODAY,
        )
        delegations.save_delegation(
            db,
            delegation=DelegationInput(
                title=f"هیئت تجاری کاروان {word}",
                country_id=tj.id,
                start_date=TODAY,
                end_date=TODAY + timedelta(days=2),
                confidential=flag,
            ),
        )
        letters.register_letter(
            db,
            letter=LetterInput(
                kind=LetterKind.LETTER,
                date=TODAY,
                addressee="سفارت",
                subject=f"دیدار {word}",
                link_kind=LetterLink.VISIT,
                link_id=visit.id,
            ),
        )
    users.create_first_admin(db, login="admin", password=PASSWORD)
    with acting_for(Principal("admin", Role.ADMIN)):
        users.add_user(db, login="viewer", password=PASSWORD, role=Role.VIEWER)
        users.add_user(db, login="editor", password=PASSWORD, role=Role.EDITOR)
    return {"meeting": secret_meeting}


@pytest.fixture
def office(
    request: pytest.FixtureRequest, seeded, backend: str, db_path: Path, tmp_path: Path
) -> tuple[str, Path, dict[str, int]]:
    """``_build_office``'s database (built once a session, see ``seeded``), what ``--db`` takes
    for it, the users' password file and the flagged meeting's id."""
    _database, ids = seeded(_build_office)
    target = db_path if backend == "sqlite" else request.getfixturevalue("database_target")
    secret = tmp_path / "password.txt"
    secret.write_text(PASSWORD + "\n", encoding="utf-8")
    return str(target), secret, ids


def _seen(text: str) -> set[str]:
    return {word for word in (SECRET, OPEN) if word in text}


WHO = [
    pytest.param("viewer", {OPEN}, id="viewer"),
    pytest.param("editor", {OPEN}, id="editor"),
    pytest.param("admin", {SECRET, OPEN}, id="admin"),
]


def _run(capsys, *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    set_principal(None)
    return code, captured.out + captured.err


def _pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.parametrize(("who", "expected"), WHO)
def test_search_lists_and_check(office, who, expected, capsys, tmp_path: Path) -> None:
    target, secret, _ = office
    sign_in = ("--db", target, "--user", who, "--password-file", str(secret))
    code, out = _run(capsys, "search", "کاروان", *sign_in, "--limit", "50")
    assert code == 0, out
    assert _seen(out) == expected
    code, out = _run(capsys, "letters", "list", *sign_in)
    assert code == 0, out
    assert _seen(out) == expected
    code, out = _run(capsys, "check", *sign_in)
    assert SECRET not in out
    for kind in ("visits", "agreements", "meetings", "resolutions", "delegations", "followups"):
        sheet = tmp_path / f"{kind}.csv"
        code, out = _run(capsys, "export", kind, "--out", str(sheet), *sign_in)
        assert code == 0, out
        assert _seen(sheet.read_text("utf-8-sig")) == expected, kind
    ics = tmp_path / "agenda.ics"
    year, month, day = to_jalali(TODAY)
    jalali = f"{year}-{month:02d}-{day:02d}"
    code, out = _run(
        capsys, "export", "agenda", "--from", jalali, "--to", jalali, "--out", str(ics), *sign_in
    )
    assert code == 0, out
    assert _seen(ics.read_text("utf-8")) == expected


@pytest.mark.parametrize(("who", "expected"), WHO)
def test_reports(office, who, expected, capsys, tmp_path: Path) -> None:
    target, secret, ids = office
    sign_in = ("--db", target, "--as-user", who, "--password-file", str(secret))
    year, month, day = to_jalali(TODAY)
    jalali = f"{year}-{month:02d}-{day:02d}"
    runs = {
        "weekly-agenda": ("--week", jalali),
        "visits-register": ("--from", jalali, "--to", jalali),
        "resolutions": (),
        "agreements-register": (),
    }
    for kind, options in runs.items():
        out = tmp_path / f"{kind}.pdf"
        code, text = _run(capsys, "report", kind, *options, "--out", str(out), *sign_in)
        assert code == 0, (kind, text)
        assert _seen(_pdf_text(out)) == expected, kind
    minutes = tmp_path / "minutes.pdf"
    code, text = _run(
        capsys, "report", "minutes", "--meeting", str(ids["meeting"]), "--out", str(minutes),
        *sign_in,
    )  # fmt: skip
    assert (code == 0) is (SECRET in expected), text
    assert SECRET not in text
    assert minutes.exists() is (SECRET in expected)


@pytest.mark.parametrize(("who", "allowed"), [("viewer", False), ("admin", True)])
def test_transfer(office, who, allowed, capsys, tmp_path: Path) -> None:
    target, secret, _ = office
    copy = tmp_path / "copy.sqlite"
    code, text = _run(
        capsys, "transfer", "--from", target, "--to", str(copy), "--quiet",
        "--user", who, "--password-file", str(secret),
    )  # fmt: skip
    assert (code == 0) is allowed, text
    assert copy.exists() is allowed
