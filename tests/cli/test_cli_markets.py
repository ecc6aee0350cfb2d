"""``report top-exporters`` and ``export companies|markets`` from the command line."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from qazvin_diplomacy.core.markets import CompanyInput, ExportInput, MarketInput, RegionInput
from qazvin_diplomacy.services import directory
from qazvin_diplomacy.services import markets as m

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
def office(db, database_target) -> Path | str:
    """Three exporters: two tied in 1404, one that reported 1403 only; two Iraqi markets."""
    iq = directory.country_by_code(db, "IQ").id  # type: ignore[union-attr]
    krg = m.save_region(db, region=RegionInput(iq, "اقلیم کردستان عراق", "Kurdistan Region")).id
    ids = [
        m.save_company(db, company=CompanyInput(name, name_en=en, sector="food")).id
        for name, en in (("روغن نباتی زرین", "Zarrin Oil"), ("شوینده گلپاک", "Golpak"),
                         ("لوله کاوه", "Kaveh Pipe"))
    ]  # fmt: skip
    m.save_export(db, export=ExportInput(ids[0], iq, 1404, 7_250_000))
    m.save_export(db, export=ExportInput(ids[1], iq, 1404, 7_250_000))
    m.save_export(db, export=ExportInput(ids[2], iq, 1403, 2_000_000))
    m.save_market(db, market=MarketInput(iq, region_id=krg, sector="food", priority=1,
                                         status="active", company_ids=(ids[0],)))  # fmt: skip
    m.save_market(db, market=MarketInput(iq, sector="building", priority=3))
    db.close()
    return database_target


def test_top_exporters_pdf_lists_the_tie_and_the_missing_record(office, tmp_path) -> None:
    pymupdf = pytest.importorskip("pymupdf")
    out = tmp_path / "top.pdf"
    done = cli("report", "top-exporters", "--db", str(office), "--year", "۱۴۰۴", "--out", str(out))
    assert done.returncode == 0, done.stderr
    with pymupdf.open(str(out)) as doc:
        text = "".join(page.get_text() for page in doc)
    assert text.count("هم‌رتبه") == 2
    assert "روغن نباتی زرین" in text and "شوینده گلپاک" in text
    assert "لوله کاوه" in text and "ثبت نشده" in text


def test_a_bad_year_is_refused_in_one_line_and_writes_nothing(office, tmp_path) -> None:
    out = tmp_path / "top.pdf"
    done = cli("report", "top-exporters", "--db", str(office), "--year", "99x", "--out", str(out))
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "99x" in done.stderr
    assert not out.exists()


def test_export_markets_and_companies(office, tmp_path) -> None:
    xlsx = tmp_path / "markets.xlsx"
    done = cli("export", "markets", "--db", str(office), "--out", str(xlsx), "--lang", "en",
               "--status", "active")  # fmt: skip
    assert done.returncode == 0, done.stderr
    sheet = openpyxl.load_workbook(xlsx).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Country", "Region", "Product or sector")
    assert len(rows) == 2
    assert rows[1][:5] == (
        "Iraq",
        "Kurdistan Region",
        "Food industry",
        "Priority 1 (high)",
        "Active",
    )
    out = tmp_path / "companies.csv"
    assert cli("export", "companies", "--db", str(office), "--out", str(out)).returncode == 0
    with out.open(encoding="utf-8-sig") as f:
        lines = list(csv.reader(f))
    assert lines[0][0] == "نام شرکت" and len(lines) == 4
