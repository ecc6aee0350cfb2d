"""Contact-sheet import: an office-style sheet, mappings, per-cell errors, duplicates, bad files."""

from __future__ import annotations

import re
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from qazvin_diplomacy.core.directory import OrganizationInput, PersonInput
from qazvin_diplomacy.core.sheet_headers import ColumnMapping, MappingError, recognise_headers
from qazvin_diplomacy.services import excel_import
from qazvin_diplomacy.services.directory import (
    archive_person,
    country_by_code,
    list_organizations,
    list_people,
    save_organization,
    save_person,
)
from qazvin_diplomacy.services.excel_import import (
    ImportRefusedError,
    ImportValidationError,
    commit,
    commit_import,
    import_contacts,
    preview_contacts,
    reading,
)
from qazvin_diplomacy.services.search import search
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.storage.directory import Organization, Person

ZWNJ = "\u200c"


def _sheet(
    path: Path, rows: list[list[object]], *, merge: list[str] = (), title: str = "مخاطبان"
) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    for ref in merge:
        ws.merge_cells(ref)
    wb.save(path)
    return path


def _count(db: Database, model: type) -> int:
    with db.read_session() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


OFFICE_ROWS: list[list[object]] = [
    [
        "فهرست سفرا و رایزنان — دفتر امور بین‌الملل استانداری قزوین",
        None,
        None,
        None,
        None,
        None,
        None,
        None,
    ],
    [
        "ردیف",
        "نام",
        "نام خانوادگی",
        "سمت",
        "سازمان",
        "کشور",
        "تلفن همراه",
        "ایمیل",
        "تاریخ آغاز مأموریت",
    ],
    [
        "۱",
        "جمشيد",
        "قادرزاده",
        "سفير",
        "سفارت تاجيكستان",
        "تاجیکستان",
        "۰۹۱۲ ۳۴۵ ۶۷۸۹",
        "j.q@mfa.tj",
        "١٤٠٢/٠٣/١٥",
    ],
    [None, None, None, None, None, None, None, None, None],
    [
        "2",
        "Marco",
        "Rossi",
        "رایزن اقتصادی",
        "سفارت ایتالیا",
        "Italy",
        "+39 06 1234567",
        "MARCO@esteri.IT",
        "1401/7/3",
    ],
    [None, None, None, None, None, None, None, None, None],
    ["٣", "مهدی", f"نوروز{ZWNJ}زاده", "کارشناس", "", "", 9121112233, "", None],
]


def test_office_style_sheet_is_imported(db: Database, tmp_path: Path) -> None:
    path = _sheet(tmp_path / "office.xlsx", OFFICE_ROWS, merge=["A1:I1"])
    preview = preview_contacts(db, path)
    assert preview.ok, [i.describe() for i in preview.issues]
    assert preview.sheet.header_row == 2  # the merged title row above is skipped
    assert [r.contact.row for r in preview.rows] == [3, 5, 7]  # blank rows skipped
    assert preview.new_organizations == ["سفارت تاجیکستان", "سفارت ایتالیا"]
    assert any("ردیف" in w for w in preview.warnings)  # the unknown «ردیف» column is named
    result = commit_import(db, preview)
    assert (result.added, result.merged, result.skipped, result.organizations_created) == (
        3,
        0,
        0,
        2,
    )
    people = {p.name_fa: p for p in list_people(db)}
    jamshid = people["جمشید قادرزاده"]  # Arabic Yeh normalised
    assert jamshid.title_fa == "سفیر"
    assert jamshid.phone == "0912 345 6789"  # Persian digits stored as Latin
    assert jamshid.country_id == country_by_code(db, "TJ").id
    assert jamshid.organization_name_fa == "سفارت تاجیکستان"
    # 1402/03/15 = 5 June 2023, midnight in Tehran.
    assert jamshid.functions_started_at == datetime(2023, 6, 4, 20, 30, tzinfo=UTC)
    marco = people["Marco Rossi"]
    assert marco.name_en == "Marco Rossi" and marco.country_id == country_by_code(db, "IT").id
    assert people[f"مهدی نوروز{ZWNJ}زاده"].phone == "9121112233"  # a number cell
    # Search unifies the spelling the sheet used (Arabic Yeh/Kaf in the sheet, Persian typed).
    assert search(db, "سفیر قادرزاده").group("person").hits[0].id == jamshid.id
    assert search(db, "سفارت تاجیکستان").group("organization") is not None


def test_english_headers_and_full_name(db: Database, tmp_path: Path) -> None:
    path = _sheet(
        tmp_path / "en.xlsx",
        [
            ["Name", "Title", "Organization", "Country", "Phone", "E-mail", "Notes"],
            [
                "Anna Müller",
                "Consul",
                "Embassy of Germany",
                "DE",
                "+49 30 1234567",
                "anna@example.de",
                "=1+1 is text",
            ],
        ],
    )
    wb = openpyxl.load_workbook(path)
    wb.active["G2"].data_type = "s"  # a text cell that begins with "=", not a formula
    wb.save(path)
    result = import_contacts(db, path)
    assert result.added == 1
    anna = list_people(db)[0]
    assert (anna.name_fa, anna.name_en, anna.title_fa, anna.email) == (
        "Anna Müller",
        "Anna Müller",
        "Consul",
        "anna@example.de",
    )
    assert anna.notes == "=1+1 is text" and anna.country_name_en == "Germany"


def test_header_recognition_ignores_spelling() -> None:
    match = recognise_headers(
        ["نام", f"نام{ZWNJ}خانوادگی", "E-MAIL", "شماره تماس", "كشور", "Mystery"]
    )
    assert match.columns == {0: "first_name", 1: "last_name", 2: "email", 3: "phone", 4: "country"}
    assert match.unknown == ("Mystery",)
    assert recognise_headers(["نام", "سمت"]).columns == {
        0: "name",
        1: "title_fa",
    }  # «نام» alone is the full name


def test_mapping_file_for_another_layout(db: Database, tmp_path: Path) -> None:
    path = _sheet(
        tmp_path / "odd.xlsx",
        [
            ["x", "y", "z"],
            ["ستون اول", "مشخصات", "پست"],
            ["ignored", "لیلا کریمی", "leila@example.com"],
        ],
    )
    mapping_file = tmp_path / "map.json"
    mapping_file.write_text(
        '{"header_row": 2, "headers": {"مشخصات": "name"}, "columns": {"C": "email"}}', "utf-8"
    )
    mapping = excel_import.load_mapping(mapping_file)
    result = import_contacts(db, path, mapping=mapping)
    assert result.added == 1
    person = list_people(db)[0]
    assert (person.name_fa, person.email) == ("لیلا کریمی", "leila@example.com")
    assert ColumnMapping.from_json(mapping.to_json()) == mapping
    with pytest.raises(MappingError):
        ColumnMapping.from_json('{"headers": {"a": "no_such_field"}}')
    with pytest.raises(MappingError):
        ColumnMapping.from_json("{not json")


def test_every_bad_cell_is_reported_and_nothing_is_imported(db: Database, tmp_path: Path) -> None:
    path = _sheet(
        tmp_path / "bad.xlsx",
        [
            ["نام", "ایمیل", "تلفن", "کشور", "تاریخ آغاز مأموریت"],
            ["علی رضایی", "ali@example.com", "021 1234567", "ایران", "1403/01/01"],
            ["", "x@example.com", "", "", ""],
            ["رضا", "not-an-email", "12ab", "Narnia", "1404/12/30"],
        ],
    )
    before = _count(db, Person)
    with pytest.raises(ImportValidationError) as caught:
        import_contacts(db, path)
    issues = {(i.row, i.column, i.field) for i in caught.value.issues}
    assert issues == {
        (3, "A", "name"),
        (4, "B", "email"),
        (4, "C", "phone"),
        (4, "D", "country"),
        (4, "E", "functions_started"),
    }
    text = caught.value.message
    assert "ردیف ۴، ستون B (ایمیل)" in text and "ردیف ۳" in text
    assert "Narnia" in text and "۱۴۰۴" in text  # the Jalali message names the bad date
    assert _count(db, Person) == before


def test_duplicates_skip_merge_add(db: Database, tmp_path: Path) -> None:
    existing = save_person(db, person=PersonInput(name_fa="علی رضایی", phone="+98 912 123 4567"))
    rows = [
        ["نام", "سمت", "تلفن", "ایمیل"],
        ["علي رضايي", "مدیرکل", "", "ali@example.com"],  # same name (Arabic letters)
        ["Someone Else", "", "09121234567", ""],  # same phone, another format
        ["مینا کاظمی", "", "", "mina@example.com"],
        ["مینا  كاظمی", "", "", ""],  # same as the row above
    ]
    path = _sheet(tmp_path / "dup.xlsx", rows)
    preview = preview_contacts(db, path)
    flagged = {r.contact.row: [h.reason for h in r.duplicates] for r in preview.duplicate_rows}
    assert flagged == {2: ["name"], 3: ["phone"], 5: ["name"]}
    assert preview.duplicate_rows[0].duplicates[0].person_id == existing.id

    dry = import_contacts(db, path, on_duplicate="add", dry_run=True)
    assert dry.dry_run and dry.added == 4 and _count(db, Person) == 1

    skipped = commit_import(db, preview, on_duplicate="skip")
    assert (skipped.added, skipped.skipped) == (1, 3)
    assert _count(db, Person) == 2


def test_a_skipped_duplicate_creates_no_organization(db: Database, tmp_path: Path) -> None:
    save_person(db, person=PersonInput(name_fa="علی رضایی"))
    path = _sheet(
        tmp_path / "skip-org.xlsx",
        [
            ["نام", "سازمان"],
            ["علي رضايي", "شرکت تازه‌ای که فقط این ردیف دارد"],  # a duplicate, skipped
            ["مینا کاظمی", "شرکت دوم"],
        ],
    )
    before = _count(db, Organization)
    result = import_contacts(db, path, on_duplicate="skip")
    assert (result.added, result.skipped, result.organizations_created) == (1, 1, 1)
    assert _count(db, Organization) == before + 1


def test_an_archived_contact_is_flagged_and_merging_brings_it_back(
    db: Database, tmp_path: Path
) -> None:
    old = save_person(db, person=PersonInput(name_fa="علی رضایی", title_fa="کارشناس"))
    archive_person(db, person_id=old.id, version=old.version)
    path = _sheet(tmp_path / "again.xlsx", [["نام", "سمت"], ["علي رضايي", "مدیرکل"]])
    preview = preview_contacts(db, path)
    [hit] = preview.duplicate_rows[0].duplicates
    assert (hit.person_id, hit.archived) == (old.id, True)
    assert "بایگانی‌شده" in hit.describe()
    skipped = commit_import(db, preview, on_duplicate="skip")
    assert (skipped.added, skipped.skipped) == (0, 1)
    assert list_people(db) == []  # still archived, not added a second time
    merged = commit_import(db, preview_contacts(db, path), on_duplicate="merge")
    assert merged.merged == 1
    [person] = list_people(db)
    assert (person.id, person.title_fa) == (old.id, "مدیرکل")


def test_duplicates_merge_fills_from_the_sheet(db: Database, tmp_path: Path) -> None:
    existing = save_person(
        db, person=PersonInput(name_fa="علی رضایی", title_fa="کارشناس", notes="قدیمی")
    )
    path = _sheet(
        tmp_path / "m.xlsx",
        [["نام", "سمت", "ایمیل", "یادداشت"], ["علي رضايي", "مدیرکل", "ali@example.com", ""]],
    )
    result = import_contacts(db, path, on_duplicate="merge")
    assert (result.added, result.merged) == (0, 1)
    [person] = list_people(db)
    assert person.id == existing.id
    assert (person.title_fa, person.email, person.notes) == ("مدیرکل", "ali@example.com", "قدیمی")
    added = import_contacts(db, path, on_duplicate="add")
    assert added.added == 1 and len(list_people(db)) == 2


def test_existing_organization_is_reused(db: Database, tmp_path: Path) -> None:
    org = save_organization(
        db, org=OrganizationInput(name_fa="اتاق بازرگانی قزوین", name_en="Qazvin Chamber")
    )
    path = _sheet(
        tmp_path / "o.xlsx",
        [["نام", "سازمان"], ["الف", "اتاق بازرگاني  قزوين"], ["ب", "qazvin chamber"]],
    )
    result = import_contacts(db, path)
    assert result.organizations_created == 0
    assert {p.organization_id for p in list_people(db)} == {org.id}


def test_merged_cells_in_data_are_filled(db: Database, tmp_path: Path) -> None:
    rows = [["نام", "سازمان"], ["الف", "دانشگاه بین‌المللی امام خمینی"], ["ب", None], ["ج", None]]
    path = _sheet(tmp_path / "merged.xlsx", rows, merge=["B2:B4"])
    preview = preview_contacts(db, path)
    assert any("B2:B4" in w for w in preview.warnings)
    commit_import(db, preview)
    assert len(list_organizations(db)) == 1
    assert {p.organization_name_fa for p in list_people(db)} == {"دانشگاه بین‌المللی امام خمینی"}


def test_all_or_nothing_when_writing_fails(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _sheet(
        tmp_path / "ok.xlsx", [["نام", "سازمان"], ["الف", "سازمان یک"], ["ب", "سازمان دو"]]
    )
    preview = preview_contacts(db, path)
    calls = {"n": 0}
    real = commit._apply

    def failing(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk vanished")
        return real(*args, **kwargs)

    monkeypatch.setattr(commit, "_apply", failing)
    with pytest.raises(RuntimeError):
        commit_import(db, preview)
    assert _count(db, Person) == 0 and _count(db, Organization) == 0


# --- bad files -------------------------------------------------------------------------


def _refused(db: Database, path: Path, *words: str) -> str:
    with pytest.raises(ImportRefusedError) as caught:
        import_contacts(db, path)
    for word in words:
        assert word in caught.value.message
    assert _count(db, Person) == 0
    return caught.value.message


def test_not_an_xlsx(db: Database, tmp_path: Path) -> None:
    text_file = tmp_path / "contacts.xlsx"
    text_file.write_text("name,email\nali,a@b.c\n", "utf-8")
    _refused(db, text_file, "xlsx")
    other_zip = tmp_path / "doc.xlsx"
    with zipfile.ZipFile(other_zip, "w") as z:
        z.writestr("word/document.xml", "<w/>")
    _refused(db, other_zip, "کارپوشه")
    _refused(db, tmp_path / "missing.xlsx", "پیدا نشد")


def test_encrypted_workbook(db: Database, tmp_path: Path) -> None:
    # Excel saves a password-protected workbook as an OLE compound file.
    path = tmp_path / "secret.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024)
    _refused(db, path, "رمزگذاری")


def test_empty_files_and_sheets(db: Database, tmp_path: Path) -> None:
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    _refused(db, empty, "خالی")
    _refused(db, _sheet(tmp_path / "blank.xlsx", []), "خالی")
    _refused(db, _sheet(tmp_path / "headers.xlsx", [["نام", "ایمیل"], [None, None]]), "ردیفی ندارد")
    _refused(db, _sheet(tmp_path / "noname.xlsx", [["Color", "Size"], ["red", "L"]]), "ستون نام")


@pytest.mark.slow
def test_a_sheet_of_100000_rows_is_refused_before_reading(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "huge.xlsx"
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("big")
    ws.append(["نام"])
    for i in range(100_000):
        ws.append([f"شخص {i}"])
    wb.save(path)
    message = _refused(db, path, "۲۰٬۰۰۰")  # the Persian thousands separator, not «,»
    assert "تقسیم" in message and "," not in message


def test_formulas_use_saved_values_or_are_flagged(db: Database, tmp_path: Path) -> None:
    path = _sheet(tmp_path / "f.xlsx", [["نام", "سمت"], ["الف", '=UPPER("x")'], ["ب", "کارشناس"]])
    with pytest.raises(ImportValidationError) as caught:  # openpyxl saves no computed value
        import_contacts(db, path)
    assert [(i.row, i.column) for i in caught.value.issues] == [(2, "B")]
    # Give the formula a saved value, as Excel does, and it is used with a warning.
    path = _sheet(tmp_path / "g.xlsx", [["نام", "سمت"], ["الف", "=40+2"], ["ب", "کارشناس"]])
    patched = tmp_path / "g2.xlsx"
    # The empty value is «<v />», «<v/>» (lxml), «<v></v>» or absent, by serializer.
    empty_value = re.compile(rb"<f>40\+2</f>(?:<v\s*/>|<v>\s*</v>)?")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(patched, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data, found = empty_value.subn(b"<f>40+2</f><v>42</v>", data)
                assert found == 1, data  # the formula cell was found and given its value
            dst.writestr(item, data)
    preview = preview_contacts(db, patched)
    assert preview.ok, [i.describe() for i in preview.issues]
    assert any("فرمول" in w for w in preview.warnings)
    assert preview.rows[0].contact.title_fa == "42"


def test_a_formula_without_value_in_the_name_column_is_one_error(
    db: Database, tmp_path: Path
) -> None:
    path = _sheet(tmp_path / "fn.xlsx", [["نام", "سمت"], ['=CONCAT("a","b")', "سفیر"], ["ب", ""]])
    preview = preview_contacts(db, path)
    assert [(i.row, i.column, i.field) for i in preview.issues] == [(2, "A", "name")]
    assert "فرمول" in preview.issues[0].message


def test_totals_and_footer_rows_are_left_out_with_a_note(db: Database, tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["ردیف", "نام و نام خانوادگی", "سمت", "تلفن"],
        ["۱", "علی کریمی", "رایزن", "09121234567"],
        ["2", "Mr. John Smith", "Consul", ""],
        ["3", "۸", "", ""],  # a name without a single letter
        [None, None, None, None],
        [None, "جمع: ۸ نفر", None, None],  # the reviewer's footer, in the name column
        ["Total", 2, None, None],  # a label in an unrecognised column, a count as the name
        ["مجموع", None, None, "12"],
        ["", "جمع‌آوری کمک‌ها", "", ""],  # a real name that only starts like «جمع»
    ]
    path = _sheet(tmp_path / "footer.xlsx", rows)
    preview = preview_contacts(db, path)
    assert preview.ok, [i.describe() for i in preview.issues]
    assert [r.contact.row for r in preview.rows] == [2, 3, 9]
    notes = "\n".join(preview.warnings)
    assert "۳ ردیف وارد نشد (سطر جمع یا پانویس برگه)" in notes
    assert "ردیف ۶ («جمع: ۸ نفر»)" in notes and "ردیف ۷ («Total»)" in notes
    assert "ردیف ۸ («مجموع»)" in notes
    assert "۱ ردیف وارد نشد (نام هیچ حرفی ندارد): ردیف ۴ («۸»)" in notes
    result = import_contacts(db, path)
    assert result.added == 3
    assert "جمع: ۸ نفر" not in {p.name_fa for p in list_people(db)}


def test_the_plan_follows_the_duplicate_choices(db: Database, tmp_path: Path) -> None:
    save_person(db, person=PersonInput(name_fa="علی رضایی"))
    save_person(db, person=PersonInput(name_fa="مینا کاظمی"))
    path = _sheet(
        tmp_path / "plan.xlsx",
        [
            ["نام", "سازمان"],
            ["علي رضايي", "شرکت یک"],  # duplicate of a directory contact
            ["مینا کاظمی", "شرکت دو"],  # duplicate of a directory contact
            ["رضا ترکمان", "شرکت سه"],
            ["رضا  ترکمان", "شرکت سه"],  # duplicate of the row above
            ["نگار موسوی", "شرکت‌ سه"],  # the same new organization, spelt with a ZWNJ
        ],
    )
    preview = preview_contacts(db, path)
    assert preview.new_organizations == ["شرکت یک", "شرکت دو", "شرکت سه"]
    plan = excel_import.plan_import(preview)  # every duplicate skipped
    assert (plan.added, plan.merged, plan.skipped, plan.organizations) == (2, 0, 3, ["شرکت سه"])
    choices = {2: "merge", 3: "add", 5: "merge"}
    plan = excel_import.plan_import(preview, choices=choices)
    assert (plan.added, plan.merged, plan.skipped) == (3, 2, 0)
    assert plan.organizations == ["شرکت یک", "شرکت دو", "شرکت سه"]
    for on_duplicate, own in (("skip", {}), ("add", {}), ("merge", {}), ("skip", choices)):
        plan = excel_import.plan_import(preview, on_duplicate=on_duplicate, choices=own)
        result = commit_import(db, preview, on_duplicate=on_duplicate, choices=own, dry_run=True)
        assert (plan.added, plan.merged, plan.skipped, len(plan.organizations)) == (
            result.added,
            result.merged,
            result.skipped,
            result.organizations_created,
        ), on_duplicate


# --- progress and cancel -----------------------------------------------------------------


def _many_rows(path: Path, n: int) -> Path:
    rows: list[list[object]] = [["نام", "نام خانوادگی", "سازمان", "کشور", "تلفن همراه"]]
    for i in range(n):
        rows.append([f"نام{i}", f"خانواده{i}", f"سازمان {i % 7}", "عراق", f"0912{i:07d}"])
    return _sheet(path, rows)


def test_commit_reports_monotonic_progress_to_the_end(db: Database, tmp_path: Path) -> None:
    preview = preview_contacts(db, _many_rows(tmp_path / "many.xlsx", 1200))
    seen: list[tuple[int, int]] = []
    result = commit_import(db, preview, progress=lambda d, t: seen.append((d, t)))
    assert result.added == 1200
    assert seen[0] == (0, 1200) and seen[-1] == (1200, 1200)
    done = [d for d, _t in seen]
    assert done == sorted(done) and len(seen) >= 12
    assert {t for _d, t in seen} == {1200}


def test_commit_cancelled_halfway_writes_nothing(db: Database, tmp_path: Path) -> None:
    preview = preview_contacts(db, _many_rows(tmp_path / "many.xlsx", 1200))
    people, orgs = _count(db, Person), _count(db, Organization)
    seen: list[int] = []

    def cancelled() -> bool:
        return bool(seen) and seen[-1] >= 700  # well after the first flushes

    with pytest.raises(excel_import.ImportCancelled) as info:
        commit_import(db, preview, progress=lambda d, _t: seen.append(d), cancelled=cancelled)
    assert "لغو" in info.value.message
    assert 700 <= seen[-1] < 1200
    assert (_count(db, Person), _count(db, Organization)) == (people, orgs)
    assert search(db, "خانواده12").empty
    # and the same preview still imports completely afterwards
    assert commit_import(db, preview).added == 1200


def test_commit_cancelled_at_the_last_moment_writes_nothing(db: Database, tmp_path: Path) -> None:
    preview = preview_contacts(db, _many_rows(tmp_path / "few.xlsx", 30))
    seen: list[int] = []
    with pytest.raises(excel_import.ImportCancelled):
        commit_import(
            db,
            preview,
            progress=lambda d, _t: seen.append(d),
            cancelled=lambda: bool(seen) and seen[-1] == 30,
        )
    assert _count(db, Person) == 0


def test_preview_reports_progress_and_can_be_cancelled(db: Database, tmp_path: Path) -> None:
    path = _many_rows(tmp_path / "many.xlsx", 1500)
    seen: list[tuple[int, int]] = []
    preview = preview_contacts(db, path, progress=lambda d, t: seen.append((d, t)))
    assert len(preview.rows) == 1500
    done = [d for d, _t in seen]
    assert done == sorted(done) and len(seen) >= 20
    assert seen[-1][0] == seen[-1][1] == 1501 + 1500  # every row read, every data row checked
    calls = {"n": 0}

    def cancelled() -> bool:
        calls["n"] += 1
        return calls["n"] > 400  # partway through the validation

    with pytest.raises(excel_import.ImportCancelled):
        preview_contacts(db, path, cancelled=cancelled)
    assert calls["n"] == 401
    assert _count(db, Person) == 0


# --- hostile files: bounded reading -------------------------------------------------------


def _with_sheet_xml(path: Path, sheet_data: str, *, dimension: str = "", tail: str = "") -> Path:
    """A workbook whose first sheet's XML is ``sheet_data`` rows (written by hand)."""
    base = _sheet(path.with_name("base-" + path.name), [["x"]])
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    xml = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"{dim}<sheetData>{sheet_data}</sheetData>{tail}</worksheet>"
    )
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = xml.encode()
            dst.writestr(item.filename, data)
    return path


def _text_cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def _rows_xml(rows: list[list[tuple[str, str]]]) -> str:
    """Rows of (column letter, text) as sheet XML, numbered from 1."""
    return "".join(
        f'<row r="{n}">' + "".join(_text_cell(f"{c}{n}", t) for c, t in cells) + "</row>"
        for n, cells in enumerate(rows, start=1)
    )


def _peak(call):  # type: ignore[no-untyped-def]
    """``call()``'s result (or exception) and the peak of Python memory it allocated, in MB."""
    import tracemalloc

    tracemalloc.start()
    try:
        try:
            result: object = call()
        except Exception as exc:  # returned for the test to inspect
            result = exc
        return result, tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def test_a_cell_in_column_xfd_on_every_row_costs_no_memory(db: Database, tmp_path: Path) -> None:
    # The attack: a small file whose every row has a cell in the last column, XFD (16,384).
    rows = [[("A", "نام"), ("B", "سمت")]]
    rows += [[("A", f"شخص {i}"), ("B", "کارشناس"), ("XFD", "x")] for i in range(2000)]
    path = _with_sheet_xml(tmp_path / "xfd.xlsx", _rows_xml(rows), dimension="A1:XFD2001")
    assert path.stat().st_size < 100_000
    preview, peak = _peak(lambda: preview_contacts(db, path))
    assert isinstance(preview, excel_import.ImportPreview), preview
    assert len(preview.rows) == 2000 and preview.ok
    assert peak < 40, f"{peak:.0f} MB"  # padding every row to 16,384 cells took gigabytes
    assert any("XFD" in w and "IV" in w for w in preview.warnings)  # what was not read is said
    assert _count(db, Person) == 0


def test_a_zip_bomb_is_refused_from_the_zip_directory(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reading, "MAX_PART_BYTES", 1024 * 1024)
    padding = " " * (3 * 1024 * 1024)  # compresses to a few kilobytes
    path = _with_sheet_xml(tmp_path / "bomb.xlsx", _rows_xml([[("A", "نام")], [("A", "الف")]]))
    with zipfile.ZipFile(path, "a") as z:
        z.writestr("xl/sharedStrings.xml", f"<sst>{padding}</sst>", zipfile.ZIP_DEFLATED)
    assert path.stat().st_size < 50_000
    opened: list[object] = []
    monkeypatch.setattr(reading.openpyxl, "load_workbook", lambda *a, **k: opened.append(a))
    message = _refused(db, path, "بزرگ", "sharedStrings.xml")
    assert opened == []  # refused from the directory: openpyxl never saw the file
    assert "Traceback" not in message


def test_a_member_larger_than_its_declared_size_is_refused_as_damaged(
    db: Database, tmp_path: Path
) -> None:
    rows = [[("A", "نام")]] + [[("A", f"شخص {i}")] for i in range(200)]
    path = _with_sheet_xml(tmp_path / "liar.xlsx", _rows_xml(rows))
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
    # Declare 100 bytes for the sheet, in its local header and in the central directory.
    local = info.header_offset
    data[local + 22 : local + 26] = (100).to_bytes(4, "little")
    central = data.find(b"xl/worksheets/sheet1.xml", data.find(b"PK\x01\x02")) - 46
    assert data[central : central + 4] == b"PK\x01\x02"
    data[central + 24 : central + 28] = (100).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    _refused(db, path, "آسیب")


def test_many_sheets_are_refused_before_opening(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reading, "MAX_SHEETS", 3)
    wb = openpyxl.Workbook()
    wb.active.append(["نام"])
    wb.active.append(["الف"])
    for i in range(4):
        wb.create_sheet(f"s{i}")
    path = tmp_path / "sheets.xlsx"
    wb.save(path)
    _refused(db, path, "۵ برگه")


def test_a_cell_longer_than_excel_allows_is_refused(db: Database, tmp_path: Path) -> None:
    rows = [[("A", "نام"), ("B", "یادداشت")], [("A", "الف"), ("B", "ب" * 40_000)]]
    path = _with_sheet_xml(tmp_path / "long.xlsx", _rows_xml(rows))  # openpyxl would cut it
    _refused(db, path, "B2", "۳۲٬۷۶۷")


def test_too_many_cells_or_characters_are_refused(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _many_rows(tmp_path / "cells.xlsx", 300)  # 5 filled cells a row
    monkeypatch.setattr(reading, "MAX_CELLS", 1000)
    _refused(db, path, "تقسیم")
    monkeypatch.setattr(reading, "MAX_CELLS", 1_000_000)
    monkeypatch.setattr(reading, "MAX_TEXT_CHARS", 5000)
    _refused(db, path, "نویسه")


def test_a_huge_declared_dimension_is_refused_without_reading(db: Database, tmp_path: Path) -> None:
    rows = _rows_xml([[("A", "نام")], [("A", "الف")]])
    path = _with_sheet_xml(tmp_path / "dim.xlsx", rows, dimension="A1:XFD1048576")
    _refused(db, path, "۲۰٬۰۰۰")


def test_a_dimension_smaller_than_the_data_loses_no_row(db: Database, tmp_path: Path) -> None:
    rows = [[("A", "نام"), ("B", "سمت")]] + [[("A", f"شخص {i}"), ("B", "رایزن")] for i in range(5)]
    path = _with_sheet_xml(tmp_path / "small-dim.xlsx", _rows_xml(rows), dimension="A1:A2")
    preview = preview_contacts(db, path)
    assert len(preview.rows) == 5
    assert {r.contact.title_fa for r in preview.rows} == {"رایزن"}


@pytest.mark.slow
def test_a_merged_range_to_column_xfd_is_filled_within_the_columns_read(
    db: Database, tmp_path: Path
) -> None:
    rows = [[("A", "نام"), ("B", "سمت")]] + [
        [("A", f"شخص {i}"), ("B", "رایزن")] for i in range(500)
    ]
    merges = '<mergeCells count="1"><mergeCell ref="B2:XFD501"/></mergeCells>'
    path = _with_sheet_xml(tmp_path / "merge.xlsx", _rows_xml(rows), tail=merges)
    preview, peak = _peak(lambda: preview_contacts(db, path))
    assert isinstance(preview, excel_import.ImportPreview), preview
    assert len(preview.rows) == 500 and peak < 40, f"{peak:.0f} MB"


# --- dates, stale previews, mapping files, control characters ------------------------------

ISO = "تاریخ آغاز مأموریت (میلادی)"
JALALI = "تاریخ آغاز مأموریت"


@pytest.mark.parametrize(
    ("header", "value", "words"),
    [
        (ISO, "1404-07-01", ("۱۴۰۴", "شمسی")),  # a Jalali date typed in the Gregorian column
        (ISO, datetime(1404, 7, 1), ("۱۴۰۴", "شمسی")),  # … or turned into a date cell by Excel
        (ISO, "0001-01-01", ("0001-01-01", "پذیرفتنی نیست")),
        (ISO, datetime(1, 1, 1), ("پذیرفتنی نیست",)),
        (ISO, "9999-12-31T23:59-05:00", ("پذیرفتنی نیست",)),
        (ISO, datetime(1900, 1, 1), ("1900-01-01", "پذیرفتنی نیست")),  # Excel's first day
        (JALALI, datetime(1900, 1, 1), ("1900-01-01", "پذیرفتنی نیست")),
        (JALALI, "2025-02-30", ("وجود ندارد",)),
        (JALALI, "0001-01-01", ("۱۳۰۰",)),
    ],
)
def test_impossible_dates_are_cell_errors_not_tracebacks(
    db: Database, tmp_path: Path, header: str, value: object, words: tuple[str, ...]
) -> None:
    path = _sheet(tmp_path / "dates.xlsx", [["نام", header], ["الف", value], ["ب", None]])
    with pytest.raises(ImportValidationError) as caught:
        import_contacts(db, path)
    [issue] = caught.value.issues
    assert (issue.row, issue.column) == (2, "B")
    for word in words:
        assert word in issue.message
    assert _count(db, Person) == 0


def test_an_excel_date_cell_with_a_jalali_year_in_the_jalali_column_is_that_jalali_day(
    db: Database, tmp_path: Path
) -> None:
    path = _sheet(tmp_path / "j.xlsx", [["نام", JALALI], ["الف", datetime(1404, 7, 1)]])
    assert import_contacts(db, path).added == 1
    # 1404/07/01 = 23 September 2025, midnight in Tehran.
    assert list_people(db)[0].functions_started_at == datetime(2025, 9, 22, 20, 30, tzinfo=UTC)


def test_a_stale_preview_committed_twice_adds_nothing_the_second_time(
    db: Database, tmp_path: Path
) -> None:
    path = _many_rows(tmp_path / "twice.xlsx", 300)
    first, second = preview_contacts(db, path), preview_contacts(db, path)
    assert not first.duplicate_rows and not second.duplicate_rows
    assert commit_import(db, first, on_duplicate="skip").added == 300
    people, orgs = _count(db, Person), _count(db, Organization)
    again = commit_import(db, second, on_duplicate="skip")
    assert (again.added, again.skipped) == (0, 300)
    assert (_count(db, Person), _count(db, Organization)) == (people, orgs)
    assert any("پس از پیش‌نمایش" in w for w in again.warnings)
    # merging a stale preview updates the same people and creates no organization twice
    third = preview_contacts(db, path)
    merged = commit_import(db, second, on_duplicate="merge")
    assert (merged.added, merged.merged, merged.organizations_created) == (0, 300, 0)
    assert (_count(db, Person), _count(db, Organization)) == (people, orgs)
    assert commit_import(db, third, on_duplicate="skip").added == 0


def test_a_contact_added_since_the_preview_follows_the_row_choice(
    db: Database, tmp_path: Path
) -> None:
    path = _sheet(tmp_path / "since.xlsx", [["نام", "سمت"], ["علی رضایی", "مدیرکل"]])
    preview = preview_contacts(db, path)
    assert not preview.duplicate_rows
    meanwhile = save_person(db, person=PersonInput(name_fa="علي رضايي"))  # typed by a colleague
    result = commit_import(db, preview, on_duplicate="merge")
    assert (result.added, result.merged) == (0, 1)
    [person] = list_people(db)
    assert (person.id, person.title_fa) == (meanwhile.id, "مدیرکل")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
def test_a_mapping_file_is_read_by_its_byte_order_mark(tmp_path: Path, encoding: str) -> None:
    text = '{"header_row": 2, "headers": {"مشخصات": "name"}}'
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data  # Notepad's «UTF-16 BE» has a mark
    path = tmp_path / "map.json"
    path.write_bytes(data)
    mapping = excel_import.load_mapping(path)
    assert (mapping.header_row, dict(mapping.headers)) == (2, {"مشخصات": "name"})


def test_a_mapping_file_in_another_encoding_is_one_persian_line(tmp_path: Path) -> None:
    path = tmp_path / "map.json"
    path.write_bytes('{"headers": {"مشخصات": "name"}}'.encode("cp1256"))
    with pytest.raises(ImportRefusedError) as caught:
        excel_import.load_mapping(path)
    assert "UTF-8" in caught.value.message and "\n" not in caught.value.message
    path.write_bytes(b"{" * 5000 + b"}" * 5000)  # deep nesting
    with pytest.raises(MappingError):
        excel_import.load_mapping(path)
    for bad in ('{"headers": {"a": ["name"]}}', '{"columns": {"XFD": "email"}}'):
        with pytest.raises(MappingError):
            ColumnMapping.from_json(bad)


def test_control_characters_in_cells_are_not_stored(db: Database, tmp_path: Path) -> None:
    # Excel writes a bell as _x0007_ and a carriage return as _x000D_.
    path = _sheet(
        tmp_path / "ctl.xlsx",
        [["نام", "یادداشت"], ["علی_x0007_ رضایی", "سطر یک_x000D_\nسطر دو_x001B_"]],
    )
    assert import_contacts(db, path).added == 1
    [person] = list_people(db)
    assert (person.name_fa, person.notes) == ("علی رضایی", "سطر یک\nسطر دو")


def test_a_sheet_that_cannot_be_read_is_one_message(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _sheet(tmp_path / "locked.xlsx", [["نام"], ["الف"]])
    real = Path.open

    def locked(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if self.name == "locked.xlsx":
            raise PermissionError(13, "Permission denied")
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", locked)
    _refused(db, path, "خوانده نشد")
