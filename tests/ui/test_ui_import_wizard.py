"""The Excel import wizard through its real widgets, and the issue's done-when path end to end.

A new user imports the office's contact sheet, finds «سفیر تاجیکستان» however it is typed,
merges two duplicates and exports a filtered list to an Excel file that opens right-to-left.
"""

from __future__ import annotations

import time
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QProgressBar, QPushButton

from qazvin_diplomacy.core.directory import PersonInput
from qazvin_diplomacy.core.errors import OperationCancelled
from qazvin_diplomacy.services import directory
from qazvin_diplomacy.ui.common import TaskRunner
from qazvin_diplomacy.ui.directory.page import PEOPLE_TAB, DirectoryPage
from qazvin_diplomacy.ui.directory.record import RecordView
from qazvin_diplomacy.ui.import_wizard import (
    DONE_STEP,
    FILE_STEP,
    PREVIEW_STEP,
    ImportWizard,
    run_import,
)
from qazvin_diplomacy.ui.modules import Hub, UiContext

ZWNJ = "\u200c"
HEADERS = ["ردیف", "نام", "نام خانوادگی", "سمت", "سازمان", "کشور", "تلفن همراه", "ایمیل"]
OFFICE_ROWS: list[list[object]] = [
    ["فهرست سفرا و رایزنان — دفتر امور بین‌الملل", None, None, None, None, None, None, None],
    HEADERS,
    [
        "۱",
        "جمشيد",
        "قادرزاده",
        "سفير",
        "سفارت تاجيكستان",
        "تاجیکستان",
        "۰۹۱۲ ۳۴۵ ۶۷۸۹",
        "j.q@mfa.tj",
    ],
    [None] * 8,
    [
        "2",
        "Marco",
        "Rossi",
        "رایزن اقتصادی",
        "سفارت ایتالیا",
        "Italy",
        "+39 06 1234567",
        "m@esteri.it",
    ],
    # The same ambassador again, typed with Persian letters and a different phone format.
    ["٣", "جمشید", "قادر زاده", "سفیر", "سفارت تاجیکستان", "Tajikistan", "+98 912 345 6789", ""],
    ["4", "مهدی", f"نوروز{ZWNJ}زاده", "کارشناس", "", "", "09121112233", ""],
]


def write_sheet(path: Path, rows: list[list[object]], merge: tuple[str, ...] = ()) -> Path:
    """An .xlsx written with openpyxl, as the office's Excel would."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "مخاطبان"
    for row in rows:
        ws.append(row)
    for ref in merge:
        ws.merge_cells(ref)
    wb.save(path)
    return path


@pytest.fixture
def ctx(app, paths, countries, db, settings) -> UiContext:
    directory.ensure_reference_data(db)
    return UiContext(paths=paths, db=db, settings=settings, runner=TaskRunner(), hub=Hub())


@pytest.fixture
def wizard(ctx, qtbot) -> ImportWizard:
    w = ImportWizard(ctx)
    qtbot.addWidget(w)
    w.show()
    return w


def preview(qtbot, wizard: ImportWizard, path: Path) -> None:
    wizard.file_page.file_edit.setText(str(path))
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.task is not None and wizard.task.outcome != "", timeout=10000)


def type_text(widget, text: str) -> None:
    """Type ``text`` key by key (QTest.keyClicks handles only ASCII)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def people_count(db) -> int:
    return len(directory.list_people(db, limit=10_000))


def test_preview_lists_rows_duplicates_and_imports_with_choices(qtbot, wizard, ctx, tmp_path):
    path = write_sheet(tmp_path / "office.xlsx", OFFICE_ROWS, merge=("A1:H1",))
    preview(qtbot, wizard, path)
    assert wizard.stack.currentIndex() == PREVIEW_STEP
    assert wizard.import_button.isEnabled()
    assert wizard.preview_page.rows_table.rowCount() == 4
    # row 6 repeats row 3 (same name after normalisation, same phone)
    assert list(wizard.preview_page.choice_boxes) == [6]
    assert "ردیف ۳" in wizard.preview_page.dup_table.item(0, 2).text()
    assert wizard.preview_page.summary.text().startswith("۴ ردیف آماده")
    wizard.set_choice(6, "merge")
    qtbot.mouseClick(wizard.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.stack.currentIndex() == DONE_STEP, timeout=10000)
    assert (wizard.result.added, wizard.result.merged) == (3, 1)
    assert people_count(ctx.db) == 3
    found = directory.list_people(ctx.db, text="قادرزاده")
    assert len(found) == 1 and found[0].country_name_fa == "تاجیکستان"


def test_two_wizards_previewing_one_sheet_do_not_import_it_twice(qtbot, ctx, tmp_path):
    # Two colleagues (or one, twice) preview the same sheet, then both press Import.
    path = write_sheet(tmp_path / "office.xlsx", OFFICE_ROWS, merge=("A1:H1",))
    wizards = [ImportWizard(ctx), ImportWizard(ctx)]
    for w in wizards:
        qtbot.addWidget(w)
        w.show()
        preview(qtbot, w, path)
        assert w.stack.currentIndex() == PREVIEW_STEP
    for w in wizards:
        qtbot.mouseClick(w.import_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda w=w: w.stack.currentIndex() == DONE_STEP, timeout=10000)
    first, second = (w.result for w in wizards)
    assert (first.added, first.skipped) == (3, 1)
    assert (second.added, second.skipped) == (0, 4)  # the commit found them in the directory
    assert people_count(ctx.db) == 3


def test_phones_read_left_to_right_and_the_job_title_is_headed_samat(qtbot, wizard, tmp_path):
    rows = [
        ["نام", "سمت", "تلفن", "ایمیل"],
        ["جمشید قادرزاده", "سفیر", "+98 21 2280 1201", "jq@mfa.example"],
        [None, "جمع: ۱ نفر", None, None],  # a footer: left out, with a note
    ]
    preview(qtbot, wizard, write_sheet(tmp_path / "ltr.xlsx", rows))
    assert wizard.preview_page.rows_table.rowCount() == 1
    headers = [wizard.preview_page.rows_table.horizontalHeaderItem(i).text() for i in range(7)]
    assert headers[2] == "سمت" and "عنوان" not in headers
    for col in (5, 6):
        item = wizard.preview_page.rows_table.item(0, col)
        alignment = Qt.AlignmentFlag(item.textAlignment())
        assert alignment & Qt.AlignmentFlag.AlignLeft and alignment & Qt.AlignmentFlag.AlignAbsolute
    phone = wizard.preview_page.rows_table.item(0, 5).text()
    assert phone.startswith("\u2068") and phone.endswith("\u2069")  # a bidi isolate
    assert wizard.preview_page.rows_table.item(0, 5).toolTip() == "+98 21 2280 1201"
    notes = [
        wizard.preview_page.warnings_list.item(i).text()
        for i in range(wizard.preview_page.warnings_list.count())
    ]
    assert any("جمع: ۱ نفر" in n and "وارد نشد" in n for n in notes)


def test_the_summary_counts_organizations_for_the_chosen_choices(qtbot, wizard, ctx, tmp_path):
    directory.save_person(ctx.db, person=PersonInput(name_fa="علی رضایی"))
    directory.save_person(ctx.db, person=PersonInput(name_fa="مینا کاظمی"))
    rows = [
        ["نام", "سازمان"],
        ["علي رضايي", "شرکت یک"],  # duplicates: skipped by default, no organization
        ["مینا کاظمی", "شرکت دو"],
        ["رضا ترکمان", "شرکت سه"],
        ["نگار موسوی", "شرکت چهار"],
    ]
    preview(qtbot, wizard, write_sheet(tmp_path / "orgs.xlsx", rows))
    assert list(wizard.preview_page.choice_boxes) == [2, 3]
    first = wizard.preview_page.summary.text().splitlines()
    assert first[0] == "۴ ردیف آماده، ۰ خطا، ۲ تکراری احتمالی، ۲ سازمان جدید."
    assert first[1] == "با انتخاب‌های کنونی: ۲ افزوده، ۰ ادغام و ۲ رد می‌شود."
    wizard.set_choice(2, "add")
    assert "۳ سازمان جدید" in wizard.preview_page.summary.text()
    assert "۳ افزوده، ۰ ادغام و ۱ رد" in wizard.preview_page.summary.text()
    notes = [
        wizard.preview_page.warnings_list.item(i).text()
        for i in range(wizard.preview_page.warnings_list.count())
    ]
    assert any("شرکت یک" in n and "شرکت دو" not in n for n in notes)
    wizard.preview_page.all_choice.setCurrentIndex(wizard.preview_page.all_choice.findData("merge"))
    wizard.preview_page.all_choice.activated.emit(wizard.preview_page.all_choice.currentIndex())
    assert "۴ سازمان جدید" in wizard.preview_page.summary.text()
    assert "۲ افزوده، ۲ ادغام و ۰ رد" in wizard.preview_page.summary.text()
    qtbot.mouseClick(wizard.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.stack.currentIndex() == DONE_STEP, timeout=10000)
    result = wizard.result
    assert (result.added, result.merged, result.organizations_created) == (2, 2, 4)


def test_errors_are_shown_per_cell_in_persian_and_block_the_import(qtbot, wizard, ctx, tmp_path):
    rows = [HEADERS, ["1", "", "", "سفیر", "", "کشور ناشناس", "abc", "not-an-email"]]
    preview(qtbot, wizard, write_sheet(tmp_path / "bad.xlsx", rows))
    assert wizard.stack.currentIndex() == PREVIEW_STEP
    assert not wizard.import_button.isEnabled()
    messages = [
        wizard.preview_page.errors_table.item(r, 2).text()
        for r in range(wizard.preview_page.errors_table.rowCount())
    ]
    columns = [
        wizard.preview_page.errors_table.item(r, 1).text()
        for r in range(wizard.preview_page.errors_table.rowCount())
    ]
    assert any("کشور" in m for m in messages)
    assert any("رایانامه" in m for m in messages)
    assert any(c.startswith("H") for c in columns)  # the e-mail cell is named by its column
    assert "ردیف" not in wizard.preview_page.errors_table.item(0, 0).text()
    assert wizard.preview_page.errors_table.item(0, 0).text() == "۲"
    assert people_count(ctx.db) == 0


def test_a_file_that_is_not_xlsx_is_refused_with_a_clear_message(qtbot, wizard, ctx, tmp_path):
    bad = tmp_path / "contacts.xlsx"
    bad.write_text("name,phone\nA,1\n", encoding="utf-8")
    preview(qtbot, wizard, bad)
    assert wizard.stack.currentIndex() == FILE_STEP
    assert wizard.file_page.file_error.text()
    assert any("\u0600" <= ch <= "\u06ff" for ch in wizard.file_page.file_error.text())
    wizard.file_page.file_edit.setText("")
    assert wizard.start_preview() is None
    assert wizard.file_page.file_error.text()


def test_cancel_during_import_leaves_nothing_half_done(ctx, tmp_path):
    from qazvin_diplomacy.services.excel_import import preview_contacts

    rows = [HEADERS] + [
        [str(i), f"نفر{i}", "آزمایشی", "کارشناس", f"سازمان {i}", "", f"0912{i:07d}", ""]
        for i in range(1, 61)
    ]
    p = preview_contacts(ctx.db, write_sheet(tmp_path / "many.xlsx", rows))
    assert p.ok and len(p.rows) == 60
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))

    with pytest.raises(OperationCancelled):  # the dialog treats it as a cancel, not an error
        run_import(ctx.db, p, {}, progress, lambda: len(seen) >= 30)
    assert people_count(ctx.db) == 0
    assert directory.list_organizations(ctx.db) == []
    assert seen[:3] == [(0, 60), (1, 60), (2, 60)]  # a small sheet reports every row
    assert seen[-1] == (29, 60)
    seen.clear()
    result = run_import(ctx.db, p, {}, progress, lambda: False)
    assert result.added == 60 and seen[-1] == (60, 60)
    assert [d for d, _t in seen] == sorted(d for d, _t in seen)
    assert people_count(ctx.db) == 60


def test_cancel_button_on_the_import_progress(qtbot, wizard, ctx, tmp_path, monkeypatch):
    import qazvin_diplomacy.ui.import_wizard as module

    path = write_sheet(tmp_path / "office.xlsx", OFFICE_ROWS)
    preview(qtbot, wizard, path)
    real = module.run_import

    def slow(db, p, choices, progress, cancelled):
        deadline = time.monotonic() + 5  # the worker waits for the user's Cancel
        while not cancelled() and time.monotonic() < deadline:
            time.sleep(0.01)
        return real(db, p, choices, progress, cancelled)

    monkeypatch.setattr(module, "run_import", slow)
    task = wizard.start_import()
    assert task is not None
    qtbot.mouseClick(task.findChild(QPushButton), Qt.MouseButton.LeftButton)  # Cancel
    qtbot.waitUntil(lambda: task.outcome == "cancelled", timeout=10000)
    assert people_count(ctx.db) == 0
    assert wizard.import_button.isEnabled()
    assert wizard.stack.currentIndex() == PREVIEW_STEP


def test_cancel_while_checking_a_big_sheet_stays_on_the_file_step(
    qtbot, wizard, ctx, tmp_path, monkeypatch
):
    import qazvin_diplomacy.ui.import_wizard as module

    rows = [HEADERS] + [
        [str(i), f"نفر{i}", "آزمایشی", "کارشناس", "", "", f"0912{i:07d}", ""] for i in range(1, 301)
    ]
    path = write_sheet(tmp_path / "big.xlsx", rows)
    real = module.run_preview
    reports: list[tuple[int, int]] = []

    def watched(db, p, mapping_text, progress, cancelled):
        def slow_progress(done: int, total: int) -> None:
            reports.append((done, total))
            progress(done, total)
            deadline = time.monotonic() + 5
            while done > 0 and not cancelled() and time.monotonic() < deadline:
                time.sleep(0.01)  # the worker waits here for the user's Cancel

        return real(db, p, mapping_text, slow_progress, cancelled)

    monkeypatch.setattr(module, "run_preview", watched)
    wizard.file_page.file_edit.setText(str(path))
    task = wizard.start_preview()
    assert task is not None
    qtbot.waitUntil(lambda: any(d > 0 for d, _t in reports), timeout=10000)
    qtbot.waitUntil(lambda: task.maximum() > 0, timeout=5000)  # a real bar, not a busy one
    assert task.maximum() == reports[-1][1]
    qtbot.mouseClick(task.findChild(QPushButton), Qt.MouseButton.LeftButton)  # Cancel
    qtbot.waitUntil(lambda: task.outcome == "cancelled", timeout=10000)
    assert wizard.preview is None
    assert wizard.stack.currentIndex() == FILE_STEP
    assert wizard.file_page.file_error.text() == ""
    assert reports[-1][0] < reports[-1][1]  # stopped partway
    assert people_count(ctx.db) == 0


def test_import_progress_bar_reaches_the_end(qtbot, wizard, ctx, tmp_path):
    rows = [HEADERS] + [
        [str(i), f"نفر{i}", "آزمایشی", "کارشناس", "", "", f"0912{i:07d}", ""] for i in range(1, 151)
    ]
    preview(qtbot, wizard, write_sheet(tmp_path / "many.xlsx", rows))
    task = wizard.start_import()
    assert task is not None
    values: list[int] = []
    task.findChild(QProgressBar).valueChanged.connect(values.append)
    qtbot.waitUntil(lambda: wizard.stack.currentIndex() == DONE_STEP, timeout=10000)
    assert task.maximum() == 150 and values[-1] == 150
    assert values == sorted(values) and len(values) > 10
    assert people_count(ctx.db) == 150


# --- the done-when path ---------------------------------------------------------


def test_new_user_imports_finds_merges_and_exports(window, qtbot, tmp_path):
    """Import the office sheet, find the Tajik ambassador, merge duplicates, export RTL."""
    db = window.ctx.db
    directory.ensure_reference_data(db)
    page = window.show_module("directory")
    assert isinstance(page, DirectoryPage)

    # 1. import the office's sheet; the second spelling of the ambassador is added as well
    sheet = write_sheet(tmp_path / "office contacts.xlsx", OFFICE_ROWS, merge=("A1:H1",))
    wiz = page.open_import_wizard()
    assert isinstance(wiz, ImportWizard)
    wiz.file_page.file_edit.setText(str(sheet))
    qtbot.mouseClick(wiz.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wiz.stack.currentIndex() == PREVIEW_STEP, timeout=10000)
    wiz.set_choice(6, "add")
    qtbot.mouseClick(wiz.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wiz.stack.currentIndex() == DONE_STEP, timeout=10000)
    assert wiz.result.added == 4
    page.tabs.setCurrentIndex(PEOPLE_TAB)
    qtbot.waitUntil(lambda: page.person_model.rowCount() == 4, timeout=5000)

    # 2. find «سفیر تاجیکستان» however it is typed: Ctrl+K from anywhere, then type
    window.show_module("dashboard")
    window.act_search.trigger()
    assert window.focusWidget() is window.global_search.box
    for typed in ("سفير تاجيكستان", "سَفیر تاجیک\u200cستان", "سفی تاجیک", "TAJIK"):
        window.global_search.box.clear()
        type_text(window.global_search.box, typed)
        qtbot.waitUntil(lambda t=typed: window.global_search.results.query == t, timeout=3000)
        people = [h for h in window.global_search.hits_shown() if h.kind == "person"]
        assert len(people) == 2, typed
    QTest.keyClick(window.global_search.box, Qt.Key.Key_Return)
    assert window.current_page() is page
    opened = [w for w in page.windows if isinstance(w, RecordView) and w.isVisible()]
    assert opened and "قادر" in opened[-1].heading.text()
    opened[-1].close()

    # 3. merge the two records of the ambassador
    page.tabs.setCurrentIndex(PEOPLE_TAB)
    page.people_tab.text.setText("قادرزاده")
    page.apply_filters()
    ids = [page.person_model.record(r).id for r in range(page.person_model.rowCount())]
    assert len(ids) == 2
    page.select_ids(ids)
    dialog = page.merge_selected()
    assert dialog is not None and "قادر" in dialog.text.text()
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert dialog.summary is not None
    assert len(directory.list_people(db, text="قادرزاده")) == 1
    merged = directory.list_people(db, text="قادرزاده")[0]
    assert "j.q@mfa.tj" in merged.email

    # 4. export the filtered list (people of Tajikistan) to Excel
    page.people_tab.text.setText("")
    tajikistan = next(c.id for c in directory.list_countries(db) if c.iso2 == "TJ")
    page.people_tab.country.setCurrentIndex(page.people_tab.country.findData(tajikistan))
    page.apply_filters()
    assert page.person_model.rowCount() == 1
    out = tmp_path / "tajik contacts.xlsx"
    task = page.export_current(out)
    qtbot.waitUntil(lambda: task.outcome == "done", timeout=10000)
    wb = openpyxl.load_workbook(out)
    ws = wb.active
    assert ws.sheet_view.rightToLeft is True
    assert ws.freeze_panes == "A2"
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert len(values) == 2  # header + the one merged ambassador
    assert "نام" in values[0][0]
    assert any(v and "قادر" in str(v) for v in values[1])
    assert not list(tmp_path.glob(".*part*"))  # no temporary file left behind
