"""Export to .xlsx/.csv: right-to-left, frozen header, formulas that cannot run, round-trip with
import, English sheets in English."""

from __future__ import annotations

import csv
from dataclasses import asdict
from datetime import UTC, date, datetime
from pathlib import Path

import openpyxl
import pytest

from qazvin_diplomacy.core.cells import neutralise_formula, restore_neutralised
from qazvin_diplomacy.core.directory import OrganizationInput, PersonInput
from qazvin_diplomacy.core.errors import KnownError
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
    assert row["رتبه دیپلماتیک"] == "سفیر" and row["بایگانی‌شده"] == "خیر"
    # Risky text is kept as is (no visible apostrophe), typed as text and quote-prefixed.
    assert row["تلفن"] == "+98 21 2222 3333"
    assert row["یادداشت"] == '=HYPERLINK("http://evil")'
    cells = {h: c for h, c in zip(headers, ws[2], strict=True)}
    assert cells["تلفن"].quotePrefix and cells["یادداشت"].quotePrefix
    assert not cells["نام و نام خانوادگی"].quotePrefix  # only risky cells are marked
    marked = 0
    for line in ws.iter_rows(min_row=2):
        for cell in line:
            assert cell.data_type != "f"  # nothing can run as a formula
            if isinstance(cell.value, str) and cell.value.startswith(("=", "+", "-", "@")):
                assert cell.data_type == "s" and cell.quotePrefix
                marked += 1
    assert marked == 5  # two phones, two notes, one title


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
    assert row[:4] == ["دیدار سفیر", "قطعی", "۱۴۰۴/۰۷/۰۹ ۰۹:۳۰", "2025-10-01T09:30:00+03:30"]
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


# --- agreements and events -----------------------------------------------------------------


def _agreements(db: Database) -> dict[str, int]:
    """Three agreements with Tajikistan / Russia, one archived; one title is a formula."""
    from qazvin_diplomacy.core.agreements import AgreementInput, AgreementKind, Axis, PartyEntry
    from qazvin_diplomacy.core.agreements import PartySide as Side
    from qazvin_diplomacy.services.agreements import archive_agreement, save_agreement
    from qazvin_diplomacy.storage.agreements import Agreement

    ir, tj, ru = (country_by_code(db, c) for c in ("IR", "TJ", "RU"))
    gov = save_organization(
        db, org=OrganizationInput(name_fa="استانداری قزوین", kind="governorate", country_id=ir.id)
    ).id
    sughd = save_organization(
        db, org=OrganizationInput(name_fa="ولایت سغد", kind="foreign_province", country_id=tj.id)
    ).id
    moscow = save_organization(
        db, org=OrganizationInput(name_fa="دولت شهر مسکو", kind="foreign_city", country_id=ru.id)
    ).id
    today = date(2025, 10, 25)

    def save(title: str, foreign: int, **fields: object) -> int:
        agreement = AgreementInput(
            title=title,
            parties=(PartyEntry(gov, Side.IRANIAN), PartyEntry(foreign, Side.FOREIGN)),
            **fields,  # type: ignore[arg-type]
        )
        return save_agreement(db, agreement=agreement, today=today).id

    ids = {
        "roadmap": save(
            "نقشه راه همکاری با سغد",
            sughd,
            kind=AgreementKind.ROADMAP,
            reference_number="RM-12",
            signing_date=date(2025, 3, 1),
            start_date=date(2025, 3, 1),
            duration_months=24,
            axes=(Axis.TOURISM, Axis.CULTURE),
        ),
        "hostile": save(
            '=HYPERLINK("http://x")',
            moscow,
            kind=AgreementKind.MOU,
            signing_date=date(2023, 7, 23),
            axes=(Axis.URBAN_SERVICES,),
        ),
        "draft": save("تفاهم‌نامه پیش‌نویس با مسکو", moscow, kind=AgreementKind.MOU),
        "archived": save("موافقت‌نامه بایگانی‌شده", sughd, signing_date=date(2024, 1, 1)),
    }
    with db.session() as s:  # statuses as the workflow would have left them
        s.get(Agreement, ids["roadmap"]).status = "in_force"
        s.get(Agreement, ids["hostile"]).status = "signed"
    archive_agreement(db, agreement_id=ids["archived"], version=None)
    return ids


def test_agreements_export_is_the_register_as_filtered_and_sorted(
    db: Database, tmp_path: Path
) -> None:
    from qazvin_diplomacy.core.agreements import AgreementFilter, AgreementStatus
    from qazvin_diplomacy.services.agreements import list_agreements

    _agreements(db)
    today = date(2025, 10, 25)
    table = export_table(db, kind="agreements", filters=ExportFilters(today=today))
    headers = [c.header_fa for c in table.columns]
    rows = [dict(zip(headers, r, strict=True)) for r in table.rows]
    # The register's default order: newest signing first, unsigned last; archived left out.
    assert [r["عنوان"] for r in rows] == [
        "نقشه راه همکاری با سغد",
        '=HYPERLINK("http://x")',
        "تفاهم‌نامه پیش‌نویس با مسکو",
    ]
    first = rows[0]
    assert (first["شمارهٔ ثبت"], first["نوع"], first["وضعیت"]) == ("RM-12", "نقشه راه", "نافذ")
    assert (first["تاریخ امضا"], first["تاریخ امضا (میلادی)"]) == ("۱۴۰۳/۱۲/۱۱", "2025-03-01")
    assert (first["انقضا"], first["انقضا (میلادی)"]) == ("۱۴۰۵/۱۲/۱۰", "2027-03-01")
    assert first["طرف‌های ایرانی"] == "استانداری قزوین" and first["طرف‌های خارجی"] == "ولایت سغد"
    assert first["کشورها"] == "تاجیکستان" and first["محورها"] == "گردشگری، فرهنگ"
    assert rows[2]["تاریخ امضا"] == "" and rows[2]["وضعیت"] == "پیش‌نویس"

    # A status filter leaves the others out (generic field, as the CLI passes it).
    signed = export_table(db, kind="agreements", filters=ExportFilters(status="signed"))
    assert [r[1] for r in signed.rows] == ['=HYPERLINK("http://x")']
    by_axis = export_table(db, kind="agreements", filters=ExportFilters(axis="tourism"))
    assert [r[1] for r in by_axis.rows] == ["نقشه راه همکاری با سغد"]
    dated = ExportFilters(date_from=date(2024, 1, 1), date_to=date(2025, 12, 31))
    assert len(export_table(db, kind="agreements", filters=dated).rows) == 1
    archived = export_table(db, kind="agreements", filters=ExportFilters(include_archived=True))
    assert len(archived.rows) == 4 and sum(1 for r in archived.rows if r[-1] is True) == 1

    # The page's own filter and sort: exactly what list_agreements gives the page.
    russia = country_by_code(db, "RU")
    own = AgreementFilter(country_id=russia.id, status=None)
    shown = list_agreements(db, filters=own, sort="title", descending=False, today=today)
    page = export_table(
        db,
        kind="agreements",
        filters=ExportFilters(
            list_filter=own, sort="title", descending=False, status="signed", today=today
        ),
    )
    assert [r[1] for r in page.rows] == [a.title for a in shown] and len(shown) == 2
    assert page.rows[0][1] == '=HYPERLINK("http://x")'  # "=" sorts before Persian letters
    only_signed = AgreementFilter(status=AgreementStatus.SIGNED)
    assert (
        len(
            export_table(db, kind="agreements", filters=ExportFilters(list_filter=only_signed)).rows
        )
        == 1
    )

    # Written: right-to-left, frozen header, widths, the formula neutralised.
    out = tmp_path / "agreements.xlsx"
    assert export_list(db, kind="agreements", path=out) == 3
    ws = openpyxl.load_workbook(out).active
    assert ws.sheet_view.rightToLeft is True and ws.freeze_panes == "A2"
    assert ws.title == "موافقت‌نامه‌ها" and ws.column_dimensions["B"].width == 40
    assert [c.value for c in ws[1]][:3] == ["شمارهٔ ثبت", "عنوان", "عنوان انگلیسی"]
    assert ws["B3"].value == '=HYPERLINK("http://x")'
    assert ws["B3"].data_type == "s" and ws["B3"].quotePrefix


def test_bad_agreement_and_event_values_are_refused_in_persian(db: Database) -> None:
    from qazvin_diplomacy.core.agreements import AgreementFilter

    for kind, filters, word in (
        ("agreements", ExportFilters(status="flying"), "وضعیت موافقت‌نامه"),
        ("agreements", ExportFilters(kind="treaty"), "نوع موافقت‌نامه"),
        ("agreements", ExportFilters(axis="space"), "محور همکاری"),
        ("events", ExportFilters(status="flying"), "وضعیت رویداد"),
        ("events", ExportFilters(kind="party"), "نوع رویداد"),
    ):
        with pytest.raises(KnownError) as caught:
            export_table(db, kind=kind, filters=filters)
        assert word in caught.value.message and "، " in caught.value.message
    with pytest.raises(TypeError):  # a page passing another list's filter is a bug
        export_table(db, kind="events", filters=ExportFilters(list_filter=AgreementFilter()))


def _events(db: Database) -> dict[str, int]:
    from datetime import time

    from qazvin_diplomacy.core.events import EventInput, EventKind, EventStatus, GuestInput, Rsvp
    from qazvin_diplomacy.services.events import (
        archive_event,
        invite_guest,
        mark_attended,
        save_event,
    )

    tj = country_by_code(db, "TJ")
    people = [
        save_person(
            db, person=PersonInput(name_fa=f"مهمان {i}", country_id=tj.id if i < 2 else None)
        ).id
        for i in range(4)
    ]
    festival = save_event(
        db,
        event=EventInput(
            title_fa="جشن پنجاه بدر",
            title_en="Panjah Bedar",
            kind=EventKind.CULTURAL,
            status=EventStatus.INVITING,
            start_date=date(2025, 5, 9),
            start_time=time(17, 0),
            end_time=time(20, 30),
            venue="باغ موزه قزوین",
            organizer="@استانداری قزوین",
            organizer_en="Governorate of Qazvin",
        ),
    ).id
    for person, rsvp in zip(people, (Rsvp.YES, Rsvp.YES, Rsvp.NO, Rsvp.NO_REPLY), strict=True):
        guest = invite_guest(db, event_id=festival, guest=GuestInput(person_id=person, rsvp=rsvp))
        if person == people[0]:
            mark_attended(db, guest_id=guest.id)
    fair = save_event(
        db,
        event=EventInput(
            title_fa="نمایشگاه صادرات",
            kind=EventKind.EXHIBITION,
            status=EventStatus.PLANNED,
            start_date=date(2025, 11, 1),
            end_date=date(2025, 11, 3),
        ),
    ).id
    old = save_event(db, event=EventInput(title_fa="رویداد حذف‌شده", start_date=date(2025, 6, 1))).id
    archive_event(db, event_id=old, version=None)
    return {"festival": festival, "fair": fair, "old": old}


def test_events_export_counts_replies_and_follows_the_list(db: Database, tmp_path: Path) -> None:
    from qazvin_diplomacy.core.events import EventFilter, EventKind
    from qazvin_diplomacy.services.events import list_events

    _events(db)
    table = export_table(db, kind="events")
    headers = [c.header_fa for c in table.columns]
    rows = [dict(zip(headers, r, strict=True)) for r in table.rows]
    assert [r["عنوان"] for r in rows] == ["نمایشگاه صادرات", "جشن پنجاه بدر"]  # newest first
    fair, festival = rows
    assert (fair["تاریخ آغاز"], fair["تاریخ پایان"]) == ("۱۴۰۴/۰۸/۱۰", "۱۴۰۴/۰۸/۱۲")
    assert (fair["تاریخ آغاز (میلادی)"], fair["تاریخ پایان (میلادی)"]) == (
        "2025-11-01",
        "2025-11-03",
    )
    assert fair["نوع"] == "نمایشگاه" and fair["دعوت‌شده"] == 0
    assert (
        festival["عنوان انگلیسی"] == "Panjah Bedar" and festival["وضعیت"] == "دعوت‌نامه‌ها ارسال‌شده"
    )
    assert (festival["ساعت آغاز"], festival["ساعت پایان"]) == ("۱۷:۰۰", "۲۰:۳۰")
    assert festival["برگزارکننده"] == "@استانداری قزوین"
    assert festival["برگزارکننده (انگلیسی)"] == "Governorate of Qazvin"
    counts = [festival[h] for h in ("دعوت‌شده", "اعلام حضور", "عدم حضور", "بی‌پاسخ", "حاضر")]
    assert counts == [4, 2, 1, 1, 1]

    planned = export_table(db, kind="events", filters=ExportFilters(status="planned"))
    assert [r[0] for r in planned.rows] == ["نمایشگاه صادرات"]
    tj = country_by_code(db, "TJ")
    assert [
        r[0] for r in export_table(db, kind="events", filters=ExportFilters(country_id=tj.id)).rows
    ] == ["جشن پنجاه بدر"]
    may = ExportFilters(date_from=date(2025, 5, 1), date_to=date(2025, 6, 30))
    assert [r[0] for r in export_table(db, kind="events", filters=may).rows] == ["جشن پنجاه بدر"]
    may_all = ExportFilters(
        date_from=date(2025, 5, 1), date_to=date(2025, 6, 30), include_archived=True
    )
    assert len(export_table(db, kind="events", filters=may_all).rows) == 2

    own = EventFilter(kind=EventKind.EXHIBITION, include_archived=True)
    page = export_table(db, kind="events", filters=ExportFilters(list_filter=own, descending=False))
    assert [r[0] for r in page.rows] == [e.title_fa for e in list_events(db, filters=own)]
    oldest_first = export_table(db, kind="events", filters=ExportFilters(descending=False))
    assert [r[0] for r in oldest_first.rows] == ["جشن پنجاه بدر", "نمایشگاه صادرات"]

    out = tmp_path / "events.csv"
    assert export_list(db, kind="events", path=out, lang="en") == 2
    lines = list(csv.reader(out.read_bytes().decode("utf-8-sig").splitlines()))
    assert lines[0][:4] == ["Title", "English title", "Kind", "Status"]
    assert "'@استانداری قزوین" in lines[2]  # the organizer cannot run as a formula


def test_progress_is_reported_by_page_and_can_stop_the_export(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from qazvin_diplomacy.services.export import sheets

    _agreements(db)
    monkeypatch.setattr(sheets, "EXPORT_PAGE", 2)
    seen: list[tuple[int, int]] = []
    table = export_table(db, kind="agreements", progress=lambda d, t: seen.append((d, t)))
    assert seen == [(0, 3), (2, 3), (3, 3)] and len(table.rows) == 3

    class Stop(Exception):
        pass

    def stop(done: int, _total: int) -> None:
        if done:
            raise Stop

    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(Stop):
        export_list(db, kind="agreements", path=folder / "stopped.xlsx", progress=stop)
    assert list(folder.iterdir()) == []  # nothing half-written


# --- the acceptance review of issue 7 ------------------------------------------------------


def test_csv_keeps_the_apostrophe_guard_and_import_reads_it_back(
    db: Database, people: list[int], tmp_path: Path
) -> None:
    out = tmp_path / "people.csv"
    export_list(db, kind="people", path=out)
    rows = list(csv.reader(out.read_bytes().decode("utf-8-sig").splitlines()))
    phone = rows[0].index("تلفن")
    assert rows[1][phone] == "'+98 21 2222 3333"  # CSV cells have no type: the guard stays


def test_countries_export_is_the_list_with_embassy_and_region_labels(
    db: Database, tmp_path: Path
) -> None:
    tj = country_by_code(db, "TJ")
    save_organization(
        db, org=OrganizationInput(name_fa="سفارت تاجیکستان", kind="embassy", country_id=tj.id)
    )
    save_organization(
        db, org=OrganizationInput(name_fa="کنسولگری تاجیکستان", kind="consulate", country_id=tj.id)
    )
    table = export_table(db, kind="countries", filters=ExportFilters(text="تاجیک"))
    headers = [c.header_fa for c in table.columns]
    assert headers.index("سفارت") == headers.index("کد سه‌حرفی") + 1
    row = dict(zip(headers, table.rows[0], strict=True))
    assert row["کشور"] == "تاجیکستان" and row["سفارت"] == "سفارت تاجیکستان"
    assert row["منطقه"] == "آسیای مرکزی"
    brazil = export_table(db, kind="countries", filters=ExportFilters(text="برزیل")).rows[0]
    assert (
        brazil[headers.index("سفارت")] == "" and brazil[headers.index("منطقه")] == "آمریکای لاتین"
    )

    out = tmp_path / "countries.xlsx"
    export_list(db, kind="countries", path=out, lang="en", filters=ExportFilters(text="تاجیک"))
    ws = openpyxl.load_workbook(out).active
    en = {h.value: c.value for h, c in zip(ws[1], ws[2], strict=True)}
    assert en["Embassy"] == "سفارت تاجیکستان" and en["Region"] == "Central Asia"
    assert en["Target"] in ("Yes", "No") and en["Country"] == "تاجیکستان"  # names as stored


def test_english_export_writes_enumerated_values_and_dates_in_english(
    db: Database, people: list[int], tmp_path: Path
) -> None:
    _agreements(db)
    _events(db)
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
            FollowUpTask(
                title="ارسال نامه",
                source_kind="visit",
                status="in_progress",
                deadline=date(2025, 10, 5),
                search_key=index_key("ارسال نامه"),
            )
        )

    def sheet(kind: str, lang: str) -> list[dict[str, object]]:
        out = tmp_path / f"{kind}-{lang}.xlsx"
        export_list(
            db, kind=kind, path=out, lang=lang, filters=ExportFilters(today=date(2025, 10, 25))
        )
        ws = openpyxl.load_workbook(out).active
        assert bool(ws.sheet_view.rightToLeft) is (lang == "fa")
        header = [c.value for c in ws[1]]
        return [
            dict(zip(header, r, strict=True)) for r in ws.iter_rows(min_row=2, values_only=True)
        ]

    visit = sheet("visits", "en")[0]
    assert (visit["Title"], visit["Status"]) == ("دیدار سفیر", "Confirmed")
    assert (
        visit["Start (Jalali)"] == "1404/07/09 09:30"
        and visit["End (Jalali)"] == "1404/07/09 09:30"
    )

    roadmap = sheet("agreements", "en")[0]
    assert roadmap["Title"] == "نقشه راه همکاری با سغد"  # free text as stored
    assert (roadmap["Kind"], roadmap["Status"], roadmap["Axes"]) == (
        "Roadmap",
        "In force",
        "Tourism, Culture",
    )
    assert roadmap["Signed (Jalali)"] == "1403/12/11" and roadmap["Archived"] == "No"
    assert roadmap["Renewed automatically"] == "No"

    fair, festival = sheet("events", "en")
    assert (fair["Kind"], fair["Status"]) == ("Exhibition", "Planned")
    assert fair["Start (Jalali)"] == "1404/08/10" and fair["Yearly"] == "No"
    assert (festival["Start time"], festival["End time"]) == ("17:00", "20:30")

    jamshed = sheet("people", "en")[0]
    assert jamshed["Diplomatic rank"] == "Ambassador" and jamshed["Archived"] == "No"
    assert jamshed["Date of taking up functions"] == "1402/03/15"

    task = sheet("followups", "en")[0]
    assert (task["Source"], task["Status"]) == ("Visit", "In progress")
    assert task["Deadline (Jalali)"] == "1404/07/13"

    kinds = {o["Name"]: o["Kind"] for o in sheet("organizations", "en")}
    assert (
        kinds["سفارت تاجیکستان"] == "Embassy" and kinds["ولایت سغد"] == "Foreign province / state"
    )

    # Persian: nothing English, Persian digits.
    fa_event = sheet("events", "fa")[1]
    assert (fa_event["نوع"], fa_event["سالانه"]) == ("فرهنگی", "خیر")
    assert fa_event["ساعت آغاز"] == "۱۷:۰۰"
    assert sheet("people", "fa")[0]["رتبه دیپلماتیک"] == "سفیر"
    assert sheet("followups", "fa")[0]["وضعیت"] == "در حال انجام"


def test_people_export_has_an_archived_column(db: Database, people: list[int]) -> None:
    from qazvin_diplomacy.services.directory import archive_person

    archive_person(db, person_id=people[1], version=None)
    table = export_table(db, kind="people")
    headers = [c.header_fa for c in table.columns]
    assert headers[-1] == "بایگانی‌شده" and [c.header_en for c in table.columns][-1] == "Archived"
    assert [r[0] for r in table.rows] == ["جمشید قادرزاده", "مهدی نوروز\u200cزاده"]
    every = export_table(db, kind="people", filters=ExportFilters(include_archived=True))
    assert {r[0]: r[-1] for r in every.rows} == {
        "جمشید قادرزاده": False,
        "مارکو روسی": True,  # stored with Persian Kaf and Yeh
        "مهدی نوروز\u200cزاده": False,
    }


def test_english_people_export_round_trips_through_the_import(
    db: Database, people: list[int], tmp_path: Path
) -> None:
    out = tmp_path / "people-en.xlsx"
    export_list(db, kind="people", path=out, lang="en")
    other = Database.open(tmp_path / "other.sqlite3")
    try:
        ensure_reference_data(other)
        result = import_contacts(other, out)
        assert result.added == 3
        before = sorted((_comparable(p) for p in list_people(db)), key=lambda d: d["name_fa"])
        after = sorted((_comparable(p) for p in list_people(other)), key=lambda d: d["name_fa"])
        assert after == before  # the English rank «Ambassador» is read back as the rank
    finally:
        other.close()


# --- control characters ------------------------------------------------------------------------


def test_a_control_character_typed_into_a_form_is_not_stored(db: Database) -> None:
    saved = save_person(
        db, person=PersonInput(name_fa="علی\x00 رضایی", notes="زنگ\x07 خورد\nسطر دوم\x1b")
    )
    assert (saved.name_fa, saved.notes) == ("علی رضایی", "زنگ خورد\nسطر دوم")


@pytest.mark.sqlite_only(
    reason="PostgreSQL text cannot hold NUL: such old rows exist only in SQLite files"
)
def test_a_control_character_already_in_the_database_does_not_break_the_export(
    db: Database, people: list[int], tmp_path: Path
) -> None:
    from sqlalchemy import update

    from qazvin_diplomacy.storage.directory import Person

    with db.session() as s:  # a database written before input was cleaned
        s.execute(update(Person).where(Person.id == people[1]).values(notes="زنگ\x07\x00 خورد"))
    out = tmp_path / "people.xlsx"
    assert export_list(db, kind="people", path=out) == 3
    sheet = openpyxl.load_workbook(out).active
    notes = [row[15] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert "زنگ خورد" in notes
    csv_out = tmp_path / "people.csv"
    export_list(db, kind="people", path=csv_out)
    text = csv_out.read_text("utf-8-sig")
    assert "زنگ خورد" in text and "\x07" not in text and "\x00" not in text
