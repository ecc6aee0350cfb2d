"""``report delegation`` and ``export delegations`` from the command line."""

from __future__ import annotations

import csv
import subprocess
import sys
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from qazvin_diplomacy.core.delegations import DelegationInput, DelegationMember
from qazvin_diplomacy.services import delegations as dg
from qazvin_diplomacy.services import directory

ROOT = Path(__file__).resolve().parents[2]


def cli(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "qazvin_diplomacy", *argv],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


@pytest.fixture
def office(db, database_target) -> tuple[Path | str, int]:
    """A delegation sent to Tajikistan and one received from Russia."""
    tj = directory.country_by_code(db, "TJ").id  # type: ignore[union-attr]
    ru = directory.country_by_code(db, "RU").id  # type: ignore[union-attr]
    sent = dg.save_delegation(
        db,
        delegation=DelegationInput(
            title="اعزام تیم تجاری به تاجیکستان", title_en="Trade team to Tajikistan",
            country_id=tj, start_date=date(2025, 10, 4), end_date=date(2025, 10, 8),
            members=(DelegationMember(kind="other", role="interpreter", name_text="مترجم"),),
            status="held",
        ),
    ).id  # fmt: skip
    dg.save_delegation(
        db,
        delegation=DelegationInput(
            title="پذیرش هیئت روسیه", direction="incoming", country_id=ru,
            start_date=date(2025, 12, 1), end_date=date(2025, 12, 3), status="confirmed",
        ),
    )  # fmt: skip
    return database_target, sent


def test_export_delegations_csv_and_english_excel_with_filters(office, tmp_path) -> None:
    db_path, _sent = office
    out = tmp_path / "d.csv"
    done = cli("export", "delegations", "--db", str(db_path), "--out", str(out))
    assert done.returncode == 0, done.stderr
    with out.open(encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    assert rows[0][:2] == ["نوع هیئت", "عنوان"]
    assert [r[1] for r in rows[1:]] == ["اعزام تیم تجاری به تاجیکستان", "پذیرش هیئت روسیه"]
    assert "مترجم (مترجم)" in rows[1]
    xlsx = tmp_path / "d.xlsx"
    done = cli("export", "delegations", "--db", str(db_path), "--out", str(xlsx), "--lang", "en",
               "--status", "held", "--from", "1404/07/01", "--to", "1404/07/30")  # fmt: skip
    assert done.returncode == 0, done.stderr
    sheet = openpyxl.load_workbook(xlsx).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    header = values[0]
    assert header[:3] == ["Direction", "Title", "Country"]
    assert [r[1] for r in values[1:] if r[1]] == ["Trade team to Tajikistan"]


def test_report_delegation_and_a_refused_id(office, tmp_path) -> None:
    db_path, sent = office
    out = tmp_path / "b.pdf"
    done = cli("report", "delegation", "--db", str(db_path), "--delegation", str(sent),
               "--out", str(out))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF")
    missing = tmp_path / "m.pdf"
    refused = cli("report", "delegation", "--db", str(db_path), "--delegation", "999",
                  "--out", str(missing))  # fmt: skip
    assert refused.returncode != 0 and "Traceback" not in refused.stderr
    assert "پیدا نشد" in refused.stderr and not missing.exists()
