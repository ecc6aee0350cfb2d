"""``report`` for the event reports: written with ``--event ID``; a bad id is one line, exit 1, no file."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from qazvin_diplomacy import cli
from qazvin_diplomacy.cli import reports as cli_reports

TODAY = dt.date(2025, 10, 25)
KINDS = ("event-guests", "invitations", "badges", "place-cards", "event-summary", "seating-plan")


def _parser() -> argparse.ArgumentParser:
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    if "report" not in sub.choices:
        cli_reports.register(sub)
    return parser


def run(*argv: str) -> int:
    return cli_reports.run(_parser().parse_args(list(argv)))


@pytest.fixture(scope="module")
def demo(tmp_path_factory, demo_database) -> tuple[Path, int]:
    from qazvin_diplomacy.services.events import list_events
    from qazvin_diplomacy.storage.database import Database

    path = demo_database(tmp_path_factory.mktemp("cli-events") / "office.sqlite3", today=TODAY)
    db = Database.open(path)
    event_id = next(e.id for e in list_events(db) if "پنجاه بدر ۱۴۰۴" in e.title_fa)
    db.close()
    return path, event_id


@pytest.fixture(scope="module")
def no_events(tmp_path_factory, fresh_database) -> Path:
    """A database without events: every event id is missing (the demo's would cost its build)."""
    return fresh_database(
        tmp_path_factory.mktemp("cli-no-events") / "office.sqlite3", countries=True
    )


@pytest.mark.parametrize("kind", KINDS)
def test_each_event_report_is_written(demo, tmp_path, capsys, kind):
    db, event_id = demo
    out = tmp_path / f"{kind}.pdf"
    assert run("report", kind, "--db", str(db), "--out", str(out), "--event", str(event_id)) == 0
    assert len(PdfReader(str(out)).pages) >= 1
    assert str(out) in capsys.readouterr().out


def test_persian_digits_are_accepted_for_the_event_id(demo, tmp_path):
    db, event_id = demo
    out = tmp_path / "g.pdf"
    persian = str(event_id).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    assert (
        run("report", "event-guests", "--db", str(db), "--out", str(out), "--event", persian) == 0
    )
    assert out.is_file()


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    ("value", "persian"), [("9999", "پیدا نشد"), ("x7", "عدد نیست"), ("0", "معتبر نیست")]
)
def test_bad_event_id_one_line_exit_1_no_file(no_events, tmp_path, capsys, kind, value, persian):
    db = no_events
    out = tmp_path / "bad.pdf"
    assert run("report", kind, "--db", str(db), "--out", str(out), "--event", value) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and persian in err and " — " in err
    assert list(tmp_path.iterdir()) == []


def test_event_option_is_required(no_events, tmp_path, capsys):
    db = no_events
    with pytest.raises(SystemExit) as exc:
        run("report", "badges", "--db", str(db), "--out", str(tmp_path / "b.pdf"))
    assert exc.value.code == 2 and "--event" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_invitations_without_an_english_venue_are_written_with_a_note(demo, tmp_path, capsys):
    import shutil
    import sqlite3

    db, event_id = demo
    out = tmp_path / "i.pdf"
    assert (
        run("report", "invitations", "--db", str(db), "--out", str(out), "--event", str(event_id))
        == 0
    )
    assert "note" not in capsys.readouterr().err  # the demo event has its English texts
    copy = tmp_path / "copy.sqlite3"
    shutil.copy(db, copy)
    conn = sqlite3.connect(copy)
    conn.execute("UPDATE event SET venue_en = '' WHERE id = ?", (event_id,))
    conn.commit()
    conn.close()
    assert (
        run("report", "invitations", "--db", str(copy), "--out", str(out), "--event", str(event_id))
        == 0
    )
    err = capsys.readouterr().err
    assert "محل برگزاری به انگلیسی ثبت نشده است" in err and "no English name" in err
