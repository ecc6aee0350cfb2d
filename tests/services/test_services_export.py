"""Export to .xlsx/.csv: right-to-left, frozen header, neutralised formulas, round-trip with import."""

from __future__ import annotations

import csv
from dataclasses import asdict
from datetime import UTC, date, datetime
from pathlib import Path

import openpyxl
import pytest

from qazvin_diplomacy.core.directory import OrganizationInput, PersonInput
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.tabular import neutralise_formula, restore_neutralised
from qazvin_diplomacy.core.text import index_key
from qazvin_diplomacy.services.directory import (
    country_by_code,
    ensure_reference_data,
    list_people,
    save_organization,
    save_person,
)
from qazvin_diplomacy.services.excel_import import import_contacts
from qazvin_diplomacy.services.export import ExportFilters, export_list, export_table
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.storage.followups import FollowUpTask
from qazvin_diplomacy.storage.visits import Visit

HOSTILE = [
    '=HYPERLINK("http://x","click")',
    "+98 912 123 4567",
    "-2+3",
    "@SUM(A1)",
    "\tTAB",
    "\rCR",
]


@pytest.fixture
def people(db: Database) -> list[int]:
    tj, it = country_by_code(db, "TJ"), country_by_code(db, "IT")
    embassy = save_organization(
        db, org=OrganizationInput(name_fa="سفارت تاجیکستان", kind="embassy", country_id=tj.id)
    )
    ids = [
        save_person(
            db,
            person=PersonInput(
                name_fa="جمشید قادرزاده",
                name_en="Jamshed Qodirzoda",
                honorific_fa="جناب آقای",
                honorific_en="H.E. Mr.",
                title_fa="سفیر",
                title_en="Ambassador",
                organization_id=embassy.id,
                country_id=tj.id,
                diplomatic_rank="ambassador",
                functions_started_at=datetime(2023, 6, 4, 20, 30, tzinfo=UTC),
                languages="fa, ru",
                phone="+98 21 2222 3333",
                email="embassy@mfa.tj",
                biography="زادهٔ دوشنبه",
                notes='=HYPERLINK("http://evil")',
            ),
        ).id,
        save_person(
            db,
            person=PersonInput(
                name_fa="ماركو روسي",
                name_en="Marco Rossi",
                country_id=it.id,
                phone="+39 06 123",
                notes="@cmd",
                title_fa="-معاون",
            ),
        ).id,
        save_person(db, person=PersonInput(name_fa="مهدی نوروز\u200cزاده", title_fa="کارشناس")).id,
    ]
    return ids


def test_xlsx_is_right_to_left_with_frozen_persian_header(
    db: Database, people: list[int], tmp_path: Path
) -> None:
    out = tmp_path / "people.xlsx"
    assert export_list(db, kind="people", path=out) == 3
    ws = openpyxl.load_workbook(out).active
    assert ws.sheet_view.rightToLeft is True
    assert ws.freeze_panes == "A2"
    assert ws.column_dimensions["A"].width == 26
    headers = [c.value for c in ws[1]]
    assert headers[:3] == ["نام و نام خانوادگی", "نام انگلیسی", "عنوان"]
    assert "تاریخ آغاز مأموریت" in headers and "تاریخ آغاز مأموریت (میلادی)" in headers
    row = {h: c.value for h, c in zip(headers, ws[2], strict=True)}  # sorted by Persian name
    assert row["نام و نام خانوادگی"] == "جمشید قادرزاده"
    assert row["تاریخ آغاز مأموریت"] == "۱۴۰۲/۰۳/۱۵"
    assert row["تاریخ آغاز مأموریت (میلادی)"] == "2023-06-05T00:00:00+03:30"
    assert row["رتبه دیپلماتیک"] == "سفیر"
    assert row["تلفن"] == "'+98 21 2222 3333"
    assert row["یادداشت"] == '\'=HYPERLINK("http://evil")'
    for line in ws.iter_rows():
        for cell in line:
            assert cell.data_type != "f"  # nothing can run as a formula


def test_neutralise_every_trigger() -> None:
    for value in HOSTILE:
        safe = neutralise_formula(value)
        assert safe == "'" + value and restore_neutralised(safe) == value
    assert neutralise_formula("سلام") == "سلام" and neutralise_formula("a=b") == "a=b"
    assert restore_neutralised("'plain") == "'plain"  # an apostrophe the user typed stays


def test_csv_has_bom_persian_and_neutralised_cells(
    db: Database, people: list[int], tmp_path: Path
) -> None:
    out = tmp_path / "people.csv"
    export_list(db, kind="people", path=out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][0] == "نام و نام خانوادگی"
    cells = [c for row in rows[1:] for c in row]
    assert "'-معاون" in cells and "'@cmd" in cells and "'+39 06 123" in cells
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)


def test_filters_are_applied(db: Database, people: list[int]) -> None:
    tj = country_by_code(db, "TJ")
    assert [
        r[0] for r in export_table(db, kind="people", filters=ExportFilters(country_id=tj.id)).rows
    ] == ["جمشید قادرزاده"]
    assert len(export_table(db, kind="people", filters=ExportFilters(text="روسی")).rows) == 1
    assert len(export_table(db, kind="countries", filters=ExportFilters(text="تاجیک")).rows) == 1
    orgs = export_table(db, kind="organizations", filters=ExportFilters(kind="embassy"))
    assert [r[0] for r in orgs.rows] == ["سفارت تاجیکستان"] and orgs.rows[0][2] == "سفارت"


def test_visits_and_followups(db: Database, tmp_path: Path) -> None:
    start = datetime(2025, 10, 1, 6, 0, tzinfo=UTC)
    with db.session() as s:
        s.add(
            Visit(
                title="دیدار سفیر",
                status="confirmed",
                start_at=start,
                end_at=start,
                search_key=index_key("دیدار سفیر"),
            )
        )
        s.add(
            Visit(
                title="دیدار دیگر",
                status="requested",
                start_at=datetime(2024, 1, 1, tzinfo=UTC),
                end_at=datetime(2024, 1, 1, 1, tzinfo=UTC),
                search_key=index_key("دیدار دیگر"),
            )
        )
        s.add(
            FollowUpTask(
                title="ارسال نامه",
                deadline=date(2025, 10, 5),
                owner_text="دبیرخانه",
                search_key=index_key("ارسال نامه"),
            )
        )
    table = export_table(db, kind="visits", filters=ExportFilters(status="confirmed"))
    assert len(table.rows) == 1
    row = table.rows[0]
    assert row[:4] == ["دیدار سفیر", "قطعی", "۱۴۰۴/۰۷/۰۹", "2025-10-01T09:30:00+03:30"]
    dated = export_table(
        db,
        kind="visits",
        filters=ExportFilters(date_from=date(2025, 9, 1), date_to=date(2025, 12, 1)),
    )
    assert [r[0] for r in dated.rows] == ["دیدار سفیر"]
    tasks = export_table(db, kind="followups")
    assert tasks.rows == [["ارسال نامه", "—", "دبیرخانه", "۱۴۰۴/۰۷/۱۳", "2025-10-05", "باز", ""]]
    out = tmp_path / "v.xlsx"
    export_list(db, kind="visits", path=out, lang="en")
    ws = openpyxl.load_workbook(out).active
    assert ws["A1"].value == "Title" and ws.sheet_view.rightToLeft is not True


def test_bad_requests(db: Database, tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    with pytest.raises(KnownError):
        export_list(db, kind="people", path=tmp_path / "x.pdf")
    with pytest.raises(KnownError):
        export_list(db, kind="ships", path=tmp_path / "x.xlsx")
    with pytest.raises(KnownError):
        export_list(db, kind="people", path=tmp_path / "no" / "x.xlsx")
    with pytest.raises(KnownError):
        export_table(db, kind="visits", filters=ExportFilters(status="flying"))
    assert list(tmp_path.iterdir()) == []  # nothing half-written


def _comparable(view: object) -> dict[str, object]:
    data = asdict(view)  # type: ignore[call-overload]
    for key in ("id", "version", "organization_id", "country_id"):
        data.pop(key)
    return data


def test_export_then_import_round_trips_people(
    db: Database, people: list[int], tmp_path: Path
) -> None:
    out = tmp_path / "people.xlsx"
    export_list(db, kind="people", path=out)
    other = Database.open(tmp_path / "other.sqlite3")
    try:
        ensure_reference_data(other)
        result = import_contacts(other, out)
        assert result.added == 3 and result.organizations_created == 1
        before = sorted((_comparable(p) for p in list_people(db)), key=lambda d: d["name_fa"])
        after = sorted((_comparable(p) for p in list_people(other)), key=lambda d: d["name_fa"])
        assert after == before
        # Importing the same file again into the source finds every row a duplicate.
        again = import_contacts(db, out)
        assert (again.added, again.skipped) == (0, 3)
    finally:
        other.close()
