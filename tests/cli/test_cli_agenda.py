"""``export agenda --from D --to D --out FILE.ics``: the calendar for phones and Outlook."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import icalendar
import pytest

from qazvin_diplomacy.cli import main
from qazvin_diplomacy.core.jalali import from_jalali
from qazvin_diplomacy.core.visits import TEHRAN, VisitInput
from qazvin_diplomacy.services import visits as visits_service
from qazvin_diplomacy.services.directory import ensure_reference_data
from qazvin_diplomacy.storage.database import Database

SUNDAY = from_jalali(1404, 8, 4)


@pytest.fixture
def office(tmp_path: Path) -> Path:
    path = tmp_path / "office.sqlite3"
    db = Database.open(path)
    ensure_reference_data(db)
    start = datetime(SUNDAY.year, SUNDAY.month, SUNDAY.day, 10, tzinfo=TEHRAN)
    visits_service.save_visit(
        db,
        visit=VisitInput(
            title="دیدار هیئت تاجیکستان",
            start_at=start,
            end_at=start + timedelta(hours=2),
            delegation_name="هیئت سغد",
        ),
    )
    db.close()
    return path


def test_export_agenda_writes_a_calendar(office: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "week.ics"
    code = main(
        [
            "export",
            "agenda",
            "--db",
            str(office),
            "--from",
            "۱۴۰۴/۰۸/۰۳",
            "--to",
            "1404/8/9",
            "--out",
            str(out),
        ]
    )
    assert code == 0, capsys.readouterr().err
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    visits = [e for e in calendar.walk("VEVENT") if str(e["uid"]).startswith("visit-")]
    assert [str(e["summary"]) for e in visits] == ["دیدار هیئت تاجیکستان"]
    assert visits[0].decoded("dtstart").utcoffset() == timedelta(hours=3, minutes=30)
    assert visits[0].decoded("dtstart").hour == 10
    assert str(out) in capsys.readouterr().out


@pytest.mark.parametrize(
    ("extra", "needle"),
    [
        (["--country", "IR"], "--country"),
        (["--status", "held"], "--status"),
    ],
)
def test_list_options_are_refused(office: Path, tmp_path: Path, capsys, extra, needle) -> None:
    out = tmp_path / "week.ics"
    args = ["export", "agenda", "--db", str(office), "--from", "1404/08/03", "--to", "1404/08/09"]
    code = main([*args, "--out", str(out), *extra])
    err = capsys.readouterr().err
    assert code != 0 and needle in err and "Traceback" not in err
    assert not out.exists()


def test_missing_dates_and_bad_dates_are_one_line(office: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "week.ics"
    code = main(
        ["export", "agenda", "--db", str(office), "--from", "1404/08/03", "--out", str(out)]
    )
    err = capsys.readouterr().err
    assert code == 1 and "--to" in err and len(err.strip().splitlines()) == 1
    code = main(
        [
            "export",
            "agenda",
            "--db",
            str(office),
            "--from",
            "1404/13/03",
            "--to",
            "1404/08/09",
            "--out",
            str(out),
        ]
    )
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not out.exists()


def test_the_database_is_never_the_output(office: Path, capsys) -> None:
    before = office.read_bytes()
    code = main(
        [
            "export",
            "agenda",
            "--db",
            str(office),
            "--from",
            "1404/08/03",
            "--to",
            "1404/08/09",
            "--out",
            str(office),
        ]
    )
    assert code != 0 and "Traceback" not in capsys.readouterr().err
    assert office.read_bytes() == before
