"""The directory's command line: search, import contacts, export (through ``register``/``run``)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import openpyxl
import pytest

from qazvin_diplomacy.cli import directory as cli_directory
from qazvin_diplomacy.core.directory import PersonInput
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.services.directory import list_people, save_person
from qazvin_diplomacy.storage.database import Database


def _run(*argv: str) -> int:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command")
    cli_directory.register(sub)
    args = parser.parse_args(list(argv))
    assert args.command in cli_directory.COMMANDS
    return cli_directory.run(args)


@pytest.fixture
def filled(db: Database, database_target: Path | str) -> Path | str:
    save_person(
        db,
        person=PersonInput(
            name_fa="جمشید قادرزاده", name_en="Jamshed Qodirzoda", title_fa="سفیر تاجیکستان"
        ),
    )
    return database_target


def test_search_lines_and_json(filled: Path | str, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run("search", "سفير تاجيكستان", "--db", str(filled)) == 0
    line = capsys.readouterr().out.strip().splitlines()[0]
    assert line.split("\t")[:3] == ["person", "1", "جمشید قادرزاده"]
    assert _run("search", "qodir", "--db", str(filled), "--json") == 0
    payload = json.loads(capsys.readouterr().out)
    assert (
        payload[0]["kind"] == "person"
        and payload[0]["id"] == 1
        and payload[0]["title"] == "جمشید قادرزاده"
    )
    assert _run("search", "هیچ‌چیز", "--db", str(filled), "--json") == 0
    assert json.loads(capsys.readouterr().out) == []


def test_missing_database_is_a_known_error(tmp_path: Path) -> None:
    with pytest.raises(KnownError):
        _run("search", "x", "--db", str(tmp_path / "nope.sqlite3"))
    assert not (tmp_path / "nope.sqlite3").exists()


def _contacts(path: Path, rows: list[list[object]]) -> Path:
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


def test_import_dry_run_then_real(
    db: Database, database_target: Path | str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = _contacts(
        tmp_path / "c.xlsx",
        [["نام", "سمت", "ایمیل"], ["لیلا کریمی", "رایزن", "l@example.com"], ["ليلا كريمي", "", ""]],
    )
    assert _run("import", "contacts", str(sheet), "--db", str(database_target), "--dry-run") == 0
    out = capsys.readouterr().out
    assert "dry run" in out and "added=1" in out and "skipped=1" in out
    assert list_people(db) == []
    assert (
        _run(
            "import", "contacts", str(sheet), "--db", str(database_target), "--on-duplicate", "add"
        )
        == 0
    )
    assert "added=2" in capsys.readouterr().out
    assert len(list_people(db)) == 2


def test_import_with_errors_exits_1_and_names_cells(
    db: Database, database_target: Path | str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = _contacts(tmp_path / "bad.xlsx", [["نام", "ایمیل"], ["الف", "bad@"]])
    assert _run("import", "contacts", str(sheet), "--db", str(database_target)) == 1
    assert "ردیف ۲، ستون B" in capsys.readouterr().err
    assert list_people(db) == []


def test_import_with_mapping(db: Database, database_target: Path | str, tmp_path: Path) -> None:
    sheet = _contacts(
        tmp_path / "m.xlsx", [["شخص", "نشانی ایمیل اداری"], ["امید", "o@example.com"]]
    )
    mapping = tmp_path / "m.json"
    mapping.write_text(
        json.dumps({"headers": {"شخص": "name", "نشانی ایمیل اداری": "email"}}), "utf-8"
    )
    assert (
        _run(
            "import",
            "contacts",
            str(sheet),
            "--db",
            str(database_target),
            "--mapping",
            str(mapping),
        )
        == 0
    )
    assert [p.email for p in list_people(db)] == ["o@example.com"]


def test_export_with_filters(
    filled: Path | str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "p.xlsx"
    assert (
        _run("export", "people", "--db", str(filled), "--out", str(out), "--text", "قادرزاده") == 0
    )
    assert "1 rows" in capsys.readouterr().out
    ws = openpyxl.load_workbook(out).active
    assert ws.sheet_view.rightToLeft and ws["A2"].value == "جمشید قادرزاده"
    csv_out = tmp_path / "c.csv"
    assert (
        _run("export", "countries", "--db", str(filled), "--out", str(csv_out), "--text", "ایران")
        == 0
    )
    assert csv_out.read_bytes().startswith(b"\xef\xbb\xbf")
    assert (
        _run(
            "export",
            "visits",
            "--db",
            str(filled),
            "--out",
            str(tmp_path / "v.csv"),
            "--from",
            "۱۴۰۴/۰۱/۰۱",
            "--to",
            "1404/12/29",
            "--country",
            "IR",
        )
        == 0
    )
    with pytest.raises(KnownError):
        _run(
            "export",
            "people",
            "--db",
            str(filled),
            "--out",
            str(tmp_path / "x.xlsx"),
            "--country",
            "Atlantis",
        )


def test_export_agreements_and_events_with_their_filters(
    db: Database, database_target: Path | str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import date

    from qazvin_diplomacy.core.agreements import AgreementInput, AgreementKind, Axis
    from qazvin_diplomacy.core.events import EventInput, EventKind, EventStatus
    from qazvin_diplomacy.services.agreements import save_agreement
    from qazvin_diplomacy.services.events import save_event

    for title, kind, signed in (
        ("نقشه راه گردشگری", AgreementKind.ROADMAP, date(2025, 3, 1)),
        ("تفاهم‌نامه بازرگانی", AgreementKind.MOU, date(2024, 3, 1)),
    ):
        save_agreement(
            db,
            agreement=AgreementInput(
                title=title, kind=kind, signing_date=signed, axes=(Axis.TOURISM,)
            ),
        )
    for title, kind, status, day in (
        ("جشن پنجاه بدر", EventKind.CULTURAL, EventStatus.PLANNED, date(2025, 5, 9)),
        ("همایش اقتصادی", EventKind.ECONOMIC, EventStatus.DRAFT, date(2025, 9, 1)),
    ):
        save_event(db, event=EventInput(title_fa=title, kind=kind, status=status, start_date=day))
    out = tmp_path / "a.xlsx"
    argv = ("--db", str(database_target), "--out", str(out))
    assert _run("export", "agreements", *argv, "--agreement-kind", "roadmap") == 0
    assert "1 rows" in capsys.readouterr().out
    ws = openpyxl.load_workbook(out).active
    assert ws.sheet_view.rightToLeft and ws["B2"].value == "نقشه راه گردشگری"
    assert ws["K1"].value == "تاریخ امضا" and ws["K2"].value == "۱۴۰۳/۱۲/۱۱"
    assert ws["L2"].value == "2025-03-01"
    assert _run("export", "agreements", *argv, "--from", "1402/01/01", "--to", "1402/12/29") == 0
    assert openpyxl.load_workbook(out).active["B2"].value == "تفاهم‌نامه بازرگانی"
    assert _run("export", "agreements", *argv, "--axis", "tourism", "--status", "draft") == 0
    assert "2 rows" in capsys.readouterr().out.splitlines()[-1]
    events_out = tmp_path / "e.csv"
    argv = ("--db", str(database_target), "--out", str(events_out))
    assert _run("export", "events", *argv, "--status", "planned", "--lang", "en") == 0
    text = events_out.read_bytes().decode("utf-8-sig")
    assert text.startswith("Title,") and "جشن پنجاه بدر" in text and "همایش" not in text
    assert _run("export", "events", *argv, "--event-kind", "economic") == 0
    assert "همایش اقتصادی" in events_out.read_bytes().decode("utf-8-sig")
    for bad in (
        ("agreements", "--status", "flying"),  # not a status
        ("events", "--event-kind", "party"),  # not an event kind
        ("events", "--axis", "tourism"),  # events have no axes
        ("people", "--event-kind", "cultural"),  # a filter of another list
        ("events", "--from", "1404/13/01"),  # not a date
    ):
        with pytest.raises(KnownError) as caught:
            _run("export", bad[0], *argv, *bad[1:])
        assert any("\u0600" <= ch <= "\u06ff" for ch in caught.value.message)


def test_a_closed_output_ends_search_quietly(filled: Path | str) -> None:
    """``search … | head``: the reader goes away, the command stops without a traceback."""
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root), "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "qazvin_diplomacy", "search", "قادرزاده", "--db", str(filled)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=root,
        env=env,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # like `head` having read what it wanted: nobody reads any more
    err = proc.stderr.read().decode("utf-8", "replace")
    assert proc.wait(timeout=60) == 1
    assert "Traceback" not in err and "BrokenPipeError" not in err and err == ""


def test_print_guard_turns_a_broken_pipe_into_exit_1(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    from qazvin_diplomacy.cli import print_guarded

    class Gone(io.StringIO):
        def write(self, _text: str) -> int:
            raise BrokenPipeError

    monkeypatch.setattr(sys, "stdout", Gone())
    assert print_guarded(lambda: print("x") or 0) == 1
    print("the rest goes nowhere")  # stdout was swapped for the null device: no error
    monkeypatch.undo()
    assert print_guarded(lambda: 3) == 3  # a command's own code when nothing broke


def test_export_count_uses_the_persian_thousands_separator(
    db: Database, database_target: Path | str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from qazvin_diplomacy.core.text import index_key
    from qazvin_diplomacy.storage.followups import FollowUpTask

    with db.session() as s:
        s.add_all(
            FollowUpTask(title=f"اقدام {i}", search_key=index_key(f"اقدام {i}"))
            for i in range(1200)
        )
    out = tmp_path / "f.csv"
    assert _run("export", "followups", "--db", str(database_target), "--out", str(out)) == 0
    line = capsys.readouterr().out.strip()
    assert line.endswith("1200 rows — ۱٬۲۰۰ ردیف") and "۱,۲۰۰" not in line


# --- hostile import files: one line, no traceback, the database untouched ------------------


def _files(database_target: Path | str) -> dict[str, bytes]:
    """The database and its write-ahead log, byte for byte (the -shm index holds read marks).

    A server database: every table's rows, in order (what "untouched" means there).
    """
    if isinstance(database_target, str):
        return _server_rows(database_target)
    db_path = database_target
    return {
        p.name: p.read_bytes()
        for p in db_path.parent.iterdir()
        if p.name.startswith(db_path.name) and p.is_file() and not p.name.endswith("-shm")
    }


def _server_rows(url: str) -> dict[str, bytes]:
    from sqlalchemy import create_engine, make_url
    from sqlalchemy.pool import NullPool

    engine = create_engine(make_url(url).set(drivername="postgresql+psycopg"), poolclass=NullPool)
    try:
        with engine.connect() as conn:
            tables = conn.exec_driver_sql(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
            ).scalars()
            return {
                t: repr(conn.exec_driver_sql(f"SELECT * FROM {t} ORDER BY 1").all()).encode()
                for t in list(tables)
            }
    finally:
        engine.dispose()


def _main(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    from qazvin_diplomacy import cli

    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_a_utf16_mapping_file_is_read_and_a_cp1256_one_refused_in_one_line(
    db: Database, database_target: Path | str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = _contacts(tmp_path / "m.xlsx", [["شخص", "پست"], ["امید", "o@example.com"]])
    text = json.dumps({"headers": {"شخص": "name"}, "columns": {"B": "email"}}, ensure_ascii=False)
    bad = tmp_path / "ansi.json"
    bad.write_bytes(text.encode("cp1256"))  # «ANSI» in a Persian Windows
    before = _files(database_target)
    code, _out, err = _main(
        capsys,
        "import",
        "contacts",
        str(sheet),
        "--db",
        str(database_target),
        "--mapping",
        str(bad),
    )
    assert code == 1 and len(err.strip().splitlines()) == 1
    assert "UTF-8" in err and "ansi.json" in err
    assert _files(database_target) == before
    mapping = tmp_path / "unicode.json"
    mapping.write_bytes(text.encode("utf-16"))  # Notepad's «Unicode»
    code, out, _err = _main(
        capsys,
        "import",
        "contacts",
        str(sheet),
        "--db",
        str(database_target),
        "--mapping",
        str(mapping),
    )
    assert code == 0 and "added=1" in out
    assert [p.email for p in list_people(db)] == ["o@example.com"]


def test_an_import_zip_bomb_is_one_line_and_writes_nothing(
    db: Database,
    database_target: Path | str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import zipfile

    from qazvin_diplomacy.services.excel_import import reading as excel_import

    monkeypatch.setattr(excel_import, "MAX_PART_BYTES", 1024 * 1024)
    sheet = _contacts(tmp_path / "bomb.xlsx", [["نام"], ["امید"]])
    with zipfile.ZipFile(sheet, "a") as z:
        z.writestr("xl/sharedStrings.xml", " " * (2 * 1024 * 1024), zipfile.ZIP_DEFLATED)
    before = _files(database_target)
    code, _out, err = _main(capsys, "import", "contacts", str(sheet), "--db", str(database_target))
    assert code == 1 and len(err.strip().splitlines()) == 1 and "بزرگ" in err
    assert _files(database_target) == before


def test_an_impossible_date_cell_is_an_error_line_not_a_traceback(
    db: Database, database_target: Path | str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import datetime

    sheet = _contacts(
        tmp_path / "d.xlsx",
        [
            ["نام", "تاریخ آغاز مأموریت (میلادی)"],
            ["امید", datetime(1, 1, 1)],
            ["رضا", "1404-07-01"],
        ],
    )
    before = _files(database_target)
    code, _out, err = _main(capsys, "import", "contacts", str(sheet), "--db", str(database_target))
    assert code == 1 and "ردیف ۲، ستون B" in err and "ردیف ۳، ستون B" in err
    assert _files(database_target) == before


def test_importing_the_same_sheet_twice_with_skip_adds_nothing_the_second_time(
    db: Database, database_target: Path | str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows: list[list[object]] = [["نام", "سازمان"]] + [[f"نفر {i}", "شرکت نو"] for i in range(30)]
    sheet = _contacts(tmp_path / "twice.xlsx", rows)
    args = (
        "import",
        "contacts",
        str(sheet),
        "--db",
        str(database_target),
        "--on-duplicate",
        "skip",
    )
    assert _main(capsys, *args)[0] == 0
    code, out, _err = _main(capsys, *args)
    assert code == 0 and "added=0" in out and "skipped=30" in out
    assert len(list_people(db)) == 30
