"""The secretariat from the command line: minutes, status report, letters, exports — and refusals."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from qazvin_diplomacy import cli

TODAY = dt.date(2026, 11, 24)  # 3 Azar 1405


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory, demo_database) -> Path:
    return demo_database(tmp_path_factory.mktemp("cli") / "office.sqlite3", today=TODAY)


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Path:
    """A copy of the demo database (letters write to it)."""
    target = tmp_path / "office.sqlite3"
    shutil.copyfile(demo_template, target)
    return target


def _ids(path: Path) -> dict[str, int]:
    from qazvin_diplomacy.core.meetings import MeetingFilter
    from qazvin_diplomacy.services import meetings as svc
    from qazvin_diplomacy.services.connection import open_database

    db = open_database(path, read_only=True)
    try:
        council = next(s for s in svc.list_series(db) if s.name_fa.startswith("شورای"))
        (session,) = svc.list_meetings(db, filters=MeetingFilter(series_id=council.id))
        chamber = next(
            b.organization_id for b in svc.body_summary(db) if "اتاق بازرگانی" in b.name_fa
        )
        return {"council": council.id, "meeting": session.id or 0, "chamber": chamber or 0}
    finally:
        db.close()


def _pdf_text(path: Path) -> str:
    return "".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def test_report_minutes_pdf_and_docx(demo_db: Path, tmp_path: Path, capsys) -> None:
    ids = _ids(demo_db)
    out = tmp_path / "minutes.pdf"
    code = cli.main(
        [
            "report",
            "minutes",
            "--db",
            str(demo_db),
            "--meeting",
            str(ids["meeting"]),
            "--out",
            str(out),
        ]
    )
    assert code == 0, capsys.readouterr().err
    assert PdfReader(str(out)).pages
    word = tmp_path / "minutes.docx"
    assert (
        cli.main(["report", "minutes", "--db", str(demo_db), "--meeting", "۱", "--out", str(word)])
        == 0
    )
    import docx

    text = "\n".join(p.text for p in docx.Document(str(word)).paragraphs)
    assert "۱۰۷" in text


def test_report_resolutions_by_body_and_status(demo_db: Path, tmp_path: Path, capsys) -> None:
    ids = _ids(demo_db)
    out = tmp_path / "late.pdf"
    argv = ["report", "resolutions", "--db", str(demo_db), "--out", str(out), "--status", "overdue"]
    assert (
        cli.main(
            [*argv, "--body", str(ids["chamber"]), "--from", "1404/01/01", "--to", "1406/12/29"]
        )
        == 0
    )
    assert out.stat().st_size > 0
    assert (
        cli.main(
            [
                "report",
                "resolutions",
                "--db",
                str(demo_db),
                "--out",
                str(tmp_path / "s.pdf"),
                "--series",
                str(ids["council"]),
            ]
        )
        == 0
    )
    capsys.readouterr()


def test_report_resolutions_refusals_leave_no_file(demo_db: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "r.pdf"
    code = cli.main(
        ["report", "resolutions", "--db", str(demo_db), "--out", str(out), "--status", "late"]
    )
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "overdue" in err and "Traceback" not in err
    assert not out.exists()
    code = cli.main(
        ["report", "minutes", "--db", str(demo_db), "--out", str(out), "--meeting", "9999"]
    )
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("خطا:") and "۹۹۹۹" in err
    assert not out.exists()
    with pytest.raises(SystemExit) as stop:  # an option of another report: a usage error
        cli.main(
            [
                "report",
                "minutes",
                "--db",
                str(demo_db),
                "--out",
                str(out),
                "--meeting",
                "1",
                "--body",
                "3",
            ]
        )
    assert stop.value.code == 2
    assert not out.exists()


def test_report_resolution_letters_number_from_the_register(
    demo_db: Path, tmp_path: Path, capsys
) -> None:
    from qazvin_diplomacy.services.connection import open_database
    from qazvin_diplomacy.services.letters import list_letters

    ids = _ids(demo_db)
    out = tmp_path / "letters.pdf"
    argv = ["report", "resolution-letters", "--db", str(demo_db), "--meeting", str(ids["meeting"])]
    assert cli.main([*argv, "--out", str(out)]) == 0, capsys.readouterr().err
    db = open_database(demo_db, read_only=True)
    try:
        letters = [v for v in list_letters(db) if v.link_kind.value == "meeting"]
    finally:
        db.close()
    assert len(letters) == len(PdfReader(str(out)).pages) >= 3
    assert cli.main([*argv, "--out", str(tmp_path / "letters.docx")]) == 0
    db = open_database(demo_db, read_only=True)
    try:
        again = [v for v in list_letters(db) if v.link_kind.value == "meeting"]
    finally:
        db.close()
    assert {v.number for v in again} == {v.number for v in letters}


def test_export_resolutions_and_meetings(demo_db: Path, tmp_path: Path, capsys) -> None:
    ids = _ids(demo_db)
    out = tmp_path / "late.csv"
    code = cli.main(
        [
            "export",
            "resolutions",
            "--db",
            str(demo_db),
            "--out",
            str(out),
            "--status",
            "overdue",
            "--lang",
            "en",
        ]
    )
    assert code == 0, capsys.readouterr().err
    with out.open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][0] == "Number" and len(rows) > 1
    days = rows[0].index("Days overdue")
    assert all(int(r[days]) > 0 for r in rows[1:])
    xlsx = tmp_path / "meetings.xlsx"
    assert (
        cli.main(
            [
                "export",
                "meetings",
                "--db",
                str(demo_db),
                "--out",
                str(xlsx),
                "--series",
                str(ids["council"]),
            ]
        )
        == 0
    )
    from openpyxl import load_workbook

    sheet = load_workbook(xlsx).active
    assert sheet.max_row == 2  # the header and the 107th session
    by_body = tmp_path / "body.csv"
    assert (
        cli.main(
            [
                "export",
                "resolutions",
                "--db",
                str(demo_db),
                "--out",
                str(by_body),
                "--body",
                str(ids["chamber"]),
            ]
        )
        == 0
    )
    capsys.readouterr()


def test_export_refuses_options_of_other_lists(demo_db: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "x.csv"
    code = cli.main(
        ["export", "resolutions", "--db", str(demo_db), "--out", str(out), "--axis", "tourism"]
    )
    assert code == 1 and "--axis" in capsys.readouterr().err
    code = cli.main(["export", "people", "--db", str(demo_db), "--out", str(out), "--body", "3"])
    assert code == 1 and "--body" in capsys.readouterr().err
    code = cli.main(
        ["export", "resolutions", "--db", str(demo_db), "--out", str(out), "--status", "late"]
    )
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "overdue" in err
    assert not out.exists()


def test_report_minutes_version_refused_when_never_approved(
    demo_db: Path, tmp_path: Path, capsys
) -> None:
    ids = _ids(demo_db)
    out = tmp_path / "v.pdf"
    argv = [
        "report",
        "minutes",
        "--db",
        str(demo_db),
        "--meeting",
        str(ids["meeting"]),
        "--out",
        str(out),
    ]
    assert cli.main([*argv, "--version", "1"]) == 0  # the 107th session's approved minutes
    assert out.stat().st_size > 0
    code = cli.main([*argv[:-1], str(tmp_path / "v3.pdf"), "--version", "3"])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "۳" in err
    assert not (tmp_path / "v3.pdf").exists()
