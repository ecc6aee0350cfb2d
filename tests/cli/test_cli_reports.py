"""The ``report`` sub-command: PDFs written, bad arguments refused in one line, no partial file."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from qazvin_diplomacy import cli
from qazvin_diplomacy.cli import reports as cli_reports

TODAY = dt.date(2026, 11, 24)


def _parser() -> argparse.ArgumentParser:
    """The real parser, with ``report`` added unless the CLI already wires it."""
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    if "report" not in sub.choices:
        cli_reports.register(sub)
    return parser


def run(*argv: str) -> int:
    args = _parser().parse_args(list(argv))
    return cli_reports.run(args)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory, demo_database) -> Path:
    return demo_database(tmp_path_factory.mktemp("cli") / "office.sqlite3", today=TODAY)


@pytest.mark.parametrize(
    "argv",
    [
        ("weekly-agenda", "--week", "1405/09/03"),
        ("daily-programme", "--date", "۱۴۰۵/۰۹/۰۳"),
        ("visit-dossier", "--visit", "2"),
        ("itinerary", "--visit", "2", "--lang", "both"),
        ("itinerary", "--visit", "2"),
        ("visits-register", "--from", "1405/01/01", "--to", "1405/12/29", "--country", "IQ"),
        ("visits-register", "--from", "1405/01/01", "--to", "1405/12/29", "--status", "held"),
        (
            "agreements-register",
            "--agreement-kind",
            "roadmap",
            "--axis",
            "tourism",
            "--text",
            "قزوین",
        ),
    ],
)
def test_each_report_is_written(demo_db, tmp_path, capsys, argv):
    out = tmp_path / "r.pdf"
    assert run("report", *argv, "--db", str(demo_db), "--out", str(out)) == 0
    assert len(PdfReader(str(out)).pages) >= 1
    assert str(out) in capsys.readouterr().out


def test_classification_mark(demo_db, tmp_path, capsys):
    out = tmp_path / "c.pdf"
    assert (
        run(
            "report",
            "visit-dossier",
            "--visit",
            "2",
            "--classification",
            "محرمانه",
            "--db",
            str(demo_db),
            "--out",
            str(out),
        )
        == 0
    )
    plain = tmp_path / "p.pdf"
    assert (
        run("report", "visit-dossier", "--visit", "2", "--db", str(demo_db), "--out", str(plain))
        == 0
    )
    assert out.stat().st_size > plain.stat().st_size  # the stamp and footer mark are drawn
    assert (
        run(
            "report",
            "visit-dossier",
            "--visit",
            "2",
            "--classification",
            "secret",
            "--db",
            str(demo_db),
            "--out",
            str(tmp_path / "s.pdf"),
        )
        == 1
    )
    assert "عادی یا محرمانه" in capsys.readouterr().err
    assert not (tmp_path / "s.pdf").exists()


@pytest.mark.parametrize(
    ("argv", "persian"),
    [
        (("weekly-agenda", "--week", "1404/12/30"), "کبیسه نیست"),
        (("daily-programme", "--date", "1405/13/01"), "ماه"),
        (("visit-dossier", "--visit", "9999"), "پیدا نشد"),
        (("itinerary", "--visit", "x2"), "عدد نیست"),
        (("itinerary", "--visit", "2", "--lang", "de"), "مجاز نیست"),
        (
            (
                "visits-register",
                "--from",
                "1405/01/01",
                "--to",
                "1405/02/01",
                "--country",
                "Atlantis",
            ),
            "شناخته نشد",
        ),
        (
            ("visits-register", "--from", "1405/01/01", "--to", "1405/02/01", "--status", "done"),
            "شناخته نشد",
        ),
        (("visits-register", "--from", "1405/03/01", "--to", "1405/02/01"), "پیش از"),
    ],
)
def test_bad_values_one_line_exit_1_no_file(demo_db, tmp_path, capsys, argv, persian):
    out = tmp_path / "bad.pdf"
    assert run("report", *argv, "--db", str(demo_db), "--out", str(out)) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and persian in err and " — " in err
    assert list(tmp_path.iterdir()) == []


def test_unwritable_output_and_missing_database(demo_db, tmp_path, capsys, monkeypatch):
    assert (
        run(
            "report",
            "weekly-agenda",
            "--week",
            "1405/09/03",
            "--db",
            str(demo_db),
            "--out",
            str(tmp_path / "no" / "such" / "dir.pdf"),
        )
        == 1
    )
    assert "وجود ندارد" in capsys.readouterr().err
    from qazvin_diplomacy.reports import catalog

    real_access = catalog.os.access
    locked = tmp_path / "locked"
    locked.mkdir()

    def access(path, mode, **kwargs):  # the folder is read-only (root ignores chmod)
        return False if Path(path) == locked else real_access(path, mode, **kwargs)

    monkeypatch.setattr(catalog.os, "access", access)
    assert (
        run(
            "report",
            "weekly-agenda",
            "--week",
            "1405/09/03",
            "--db",
            str(demo_db),
            "--out",
            str(locked / "r.pdf"),
        )
        == 1
    )
    assert "اجازهٔ نوشتن" in capsys.readouterr().err
    monkeypatch.undo()
    locked.rmdir()
    missing = tmp_path / "missing.sqlite3"
    assert (
        run(
            "report",
            "weekly-agenda",
            "--week",
            "1405/09/03",
            "--db",
            str(missing),
            "--out",
            str(tmp_path / "r.pdf"),
        )
        == 1
    )
    assert not missing.exists()  # no empty database created for a report
    assert list(tmp_path.iterdir()) == []


def test_out_is_a_folder(demo_db, tmp_path, capsys):
    assert (
        run(
            "report",
            "weekly-agenda",
            "--week",
            "1405/09/03",
            "--db",
            str(demo_db),
            "--out",
            str(tmp_path),
        )
        == 1
    )
    assert "پوشه" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [
        ("itinerary", "--week", "1405/09/03", "--visit", "2"),  # an option of another report
        ("visit-dossier",),  # a required option missing
        ("no-such-kind", "--visit", "2"),
    ],
)
def test_usage_errors_exit_2(demo_db, tmp_path, capsys, argv):
    with pytest.raises(SystemExit) as info:
        run("report", *argv, "--db", str(demo_db), "--out", str(tmp_path / "r.pdf"))
    assert info.value.code == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_itinerary_names_the_fields_without_english(demo_db, tmp_path, capsys):
    """An English itinerary is written, and each field printed «[no English text]» is
    named on stderr, as the invitations' warnings are; the Persian one warns of nothing."""
    import shutil
    from dataclasses import replace

    from qazvin_diplomacy.reports.itinerary import NO_ENGLISH
    from qazvin_diplomacy.services.visits import get_visit, list_visits, save_visit
    from qazvin_diplomacy.storage.database import Database

    path = tmp_path / "office.sqlite3"
    shutil.copy(demo_db, path)
    db = Database.open(path)
    try:
        summary = next(v for v in list_visits(db) if "عراق" in v.title)
        visit = get_visit(db, summary.id)
        first = replace(visit.itinerary[0], place_en="")
        save_visit(db, visit=replace(visit, itinerary=(first, *visit.itinerary[1:])))
    finally:
        db.close()
    out = tmp_path / "en.pdf"
    assert run("report", "itinerary", "--db", str(path), "--out", str(out),
               "--visit", str(summary.id), "--lang", "en") == 0  # fmt: skip
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith("توجه — note: متن انگلیسی ثبت نشده است — Place (")
    assert first.place in err[0] and out.stat().st_size > 0
    assert NO_ENGLISH in " ".join(p.extract_text() for p in PdfReader(out).pages)
    assert run("report", "itinerary", "--db", str(path), "--out", str(tmp_path / "fa.pdf"),
               "--visit", str(summary.id), "--lang", "fa") == 0  # fmt: skip
    assert capsys.readouterr().err == ""


def test_letters_on_a_read_only_database(demo_db, tmp_path, capsys, monkeypatch):
    """Read-only medium: invitations and letters never numbered are refused in one line
    (exit 1, no file, database unchanged); once numbered they print again with their
    numbers and a note that the printed copy was not kept."""
    import shutil

    from qazvin_diplomacy.services import letters as letters_svc
    from qazvin_diplomacy.services.events import list_events
    from qazvin_diplomacy.storage import location
    from qazvin_diplomacy.storage.database import Database

    path = tmp_path / "office.sqlite3"
    shutil.copy(demo_db, path)
    db = Database.open(path)
    event_id = next(e.id for e in list_events(db) if "یلدا" in e.title_fa)
    db.close()
    real_is_writable = location.is_writable
    monkeypatch.setattr(location, "is_writable", lambda _path: False)
    before = path.read_bytes()
    new_letter = ("--addressee", "اتاق بازرگانی قزوین", "--subject", "هماهنگی", "--body", "متن")
    for argv in (("invitations", "--event", str(event_id)), ("letter", *new_letter)):
        out = tmp_path / f"{argv[0]}.pdf"
        assert run("report", argv[0], "--db", str(path), "--out", str(out), *argv[1:]) == 1
        err = capsys.readouterr().err.splitlines()
        assert len(err) == 1 and err[0].startswith("خطا: پایگاه داده فقط‌خواندنی است")
        assert "Traceback" not in err[0] and not out.exists()
    assert path.read_bytes() == before
    # Numbered on the office's own (writable) disk, then printed again from read-only media.
    monkeypatch.setattr(location, "is_writable", real_is_writable)
    first = tmp_path / "first.pdf"
    assert run("report", "invitations", "--db", str(path), "--out", str(first),
               "--event", str(event_id)) == 0  # fmt: skip
    assert run("report", "letter", "--db", str(path), "--out", str(tmp_path / "l.pdf"),
               *new_letter) == 0  # fmt: skip
    capsys.readouterr()
    db = Database.open(path)
    letter = letters_svc.list_letters(db)[0]
    numbers = {v.number for v in letters_svc.list_letters(db, limit=1000)}
    db.close()
    monkeypatch.setattr(location, "is_writable", lambda _path: False)
    before = path.read_bytes()
    again = tmp_path / "again.pdf"
    assert run("report", "invitations", "--db", str(path), "--out", str(again),
               "--event", str(event_id)) == 0  # fmt: skip
    reprint = tmp_path / "reprint.pdf"
    assert run("report", "letter", "--db", str(path), "--out", str(reprint),
               "--letter", str(letter.id)) == 0  # fmt: skip
    err = capsys.readouterr().err
    assert err.count("نسخهٔ چاپ‌شده در پیوست‌های نامه نگه داشته نشد") == 2
    assert path.read_bytes() == before
    db = Database.open(path, read_only=True)
    assert {v.number for v in letters_svc.list_letters(db, limit=1000)} == numbers
    db.close()
