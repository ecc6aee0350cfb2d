"""Capacities from the command line: the embassy's sheet (--lang en), the brochure, refusals."""

from __future__ import annotations

import csv
import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from qazvin_diplomacy import cli

PERSIAN = re.compile("[\u0600-\u06ff]")


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory, demo_database) -> Path:
    return demo_database(
        tmp_path_factory.mktemp("cli") / "office.sqlite3", today=dt.date(2026, 11, 24)
    )


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "office.sqlite3"
    shutil.copyfile(demo_template, target)
    return target


def test_export_for_an_embassy_is_english(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "capacities.csv"
    code = cli.main(
        [
            "export",
            "capacities",
            "--db",
            str(demo_db),
            "--out",
            str(out),
            "--lang",
            "en",
            "--publishable-only",
        ]
    )
    assert code == 0
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][:4] == ["Axis", "Title", "County", "Status"]
    axes = [r[0] for r in rows[1:]]
    assert axes[0] == "Tourism" and "Agriculture" in axes
    assert {r[-1] for r in rows[1:]} == {"Yes"}
    # Publishable capacities have English titles and descriptions: nothing Persian is sent.
    assert not [cell for r in rows for cell in r if PERSIAN.search(cell)]
    titles = [r[1] for r in rows[1:]]
    assert "Alamut valley and its castles" in titles


def test_export_xlsx_filters_by_axis_and_county(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "agri.xlsx"
    code = cli.main(
        [
            "export",
            "capacities",
            "--db",
            str(demo_db),
            "--out",
            str(out),
            "--axis",
            "agriculture",
            "--county",
            "takestan",
        ]
    )
    assert code == 0
    sheet = load_workbook(out).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    body = [v for v in values[1:] if any(v)]
    assert len(body) == 1 and body[0][1] == "کشمش تاکستان"


def test_bad_county_and_foreign_option_are_refused(demo_db: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "x.csv"
    out.write_bytes(b"keep")
    assert (
        cli.main(
            ["export", "capacities", "--db", str(demo_db), "--out", str(out), "--county", "Karaj"]
        )
        == 1
    )
    assert "Unknown county" in capsys.readouterr().err
    assert (
        cli.main(
            ["export", "visits", "--db", str(demo_db), "--out", str(out), "--publishable-only"]
        )
        == 1
    )
    assert out.read_bytes() == b"keep"


def test_brochure_from_the_command_line(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "brochure.pdf"
    code = cli.main(
        [
            "report",
            "capacity-brochure",
            "--db",
            str(demo_db),
            "--out",
            str(out),
            "--lang",
            "both",
            "--axis",
            "tourism",
        ]
    )
    assert code == 0 and out.read_bytes().startswith(b"%PDF")
