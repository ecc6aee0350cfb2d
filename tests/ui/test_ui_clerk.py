"""A clerk's first week (issue 20): the form's own shortcuts, safe defaults, typing help.

Keys are pressed on the form window (a window of its own), never on the main window.
"""

# ruff: noqa: F811  (the visits tests' ``page`` fixture is imported and used as an argument)

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from test_ui_visits import DAY, fill_persian_form, make_visit, page  # noqa: F401

from qazvin_diplomacy.core import jalali
from qazvin_diplomacy.core.visits import GuestEntry, VisitInput, VisitStatus
from qazvin_diplomacy.services import visits as visits_service
from qazvin_diplomacy.ui import ops
from qazvin_diplomacy.ui import settings as S
from qazvin_diplomacy.ui.application import apply_language
from qazvin_diplomacy.ui.common import ask
from qazvin_diplomacy.ui.form_fields import FieldSet, date_field


def _press(widget, key: Qt.Key, modifier=Qt.KeyboardModifier.ControlModifier) -> None:
    """A key pressed in ``widget`` while its form window is the active one (as on a desk)."""
    window = widget.window()
    window.activateWindow()
    for _ in range(100):
        if window.isActiveWindow():
            break
        QTest.qWait(20)
    assert window.isActiveWindow()
    QTest.keyClick(widget, key, modifier)


def test_ctrl_s_in_the_visit_form_saves_it(page, qtbot, db) -> None:
    form = page.new_record()
    fill_persian_form(form, title="دیدار سفیر", start="۱۴۰۴/۰۸/۱۰ ۱۰:۰۰", end="۱۴۰۴/۰۸/۱۰ ۱۱:۰۰")
    with qtbot.waitSignal(form.saved):
        _press(form.title_edit, Qt.Key.Key_S)  # the cursor is in the form, not the main window
    assert visits_service.count_visits(db) == 1
    assert not form.isVisible()


def test_ctrl_n_in_a_form_opens_a_new_one(page) -> None:
    form = page.new_record()
    _press(form.title_edit, Qt.Key.Key_N)
    assert len(page.forms) == 2 and page.forms[-1] is not form and page.forms[-1].isVisible()


def test_ctrl_p_prints_the_saved_record_and_asks_to_save_a_new_one(
    page, qtbot, db, people, monkeypatch: pytest.MonkeyPatch
) -> None:
    form = page.new_record()
    _press(form.title_edit, Qt.Key.Key_P)
    assert form.banner.isVisible() and form.banner.text()  # says why nothing printed
    form.confirm = lambda *_a: True
    form.reject()
    opened: list[Path] = []
    monkeypatch.setattr(ops, "open_file", lambda path: opened.append(path) or True)
    visit_id = make_visit(db, people, "دیدار چاپی", 10, 11)
    form = page.open_record(visit_id)
    assert form.print_button is not None and form.print_button.isVisible()
    _press(form.title_edit, Qt.Key.Key_P)
    qtbot.waitUntil(lambda: bool(opened), timeout=60_000)
    assert opened[0].suffix == ".pdf" and opened[0].stat().st_size > 0


def test_a_new_form_has_the_cursor_in_its_first_field(page, qtbot) -> None:
    form = page.new_record()
    form.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.title_edit, timeout=2000)


def test_escape_then_enter_keeps_the_typed_form(page) -> None:
    """The discard question defaults to No: Esc then Enter no longer throws the form away."""
    form = page.new_record()
    form.title_edit.setText("دیدار نیمه‌کاره")
    seen: dict[str, object] = {}

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen["default"] = box.defaultButton() is box.button(QMessageBox.StandardButton.No)
        QTest.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)
    QTest.keyClick(form, Qt.Key.Key_Escape)
    assert seen["default"] is True
    assert form.isVisible() and form.title_edit.text() == "دیدار نیمه‌کاره"


def test_ask_answers_no_on_escape(app) -> None:
    QTimer.singleShot(
        0, lambda: QTest.keyClick(QApplication.activeModalWidget(), Qt.Key.Key_Escape)
    )
    assert ask(None, "Archive", "Move it to the archive?") is False


def test_end_follows_the_start_until_the_clerk_changes_it(page) -> None:
    form = page.new_record()
    form.start_edit.date_edit.setText("۱۴۰۴/۰۸/۱۰")
    form.start_edit.time_line.setText("۰۹:۳۰")
    form.start_edit.validate_time()
    assert form.end_edit.dateTime() == dt.datetime.combine(DAY, dt.time(10, 30))
    form.start_edit.time_line.setText("۱۱:۰۰")
    form.start_edit.validate_time()
    assert form.end_edit.dateTime() == dt.datetime.combine(DAY, dt.time(12, 0))
    form.end_edit.time_line.setText("۱۵:۰۰")  # the clerk's own end
    form.end_edit.validate_time()
    form.start_edit.time_line.setText("۰۸:۰۰")
    form.start_edit.validate_time()
    assert form.end_edit.dateTime() == dt.datetime.combine(DAY, dt.time(15, 0))


def test_a_stored_end_does_not_follow(page, db, people) -> None:
    form = page.open_record(make_visit(db, people, "دیدار", 10, 12))
    form.start_edit.time_line.setText("۰۹:۰۰")
    form.start_edit.validate_time()
    assert form.end_edit.dateTime().hour == 12


def test_date_field_shows_weekday_and_gregorian_date_while_typing(app, qtbot) -> None:
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    host = QWidget()
    qtbot.addWidget(host)
    fields = FieldSet(host, (date_field("day", "Day"),))
    fields.add_stacked(QVBoxLayout(host), host)
    edit = fields.widgets["day"]
    friday = jalali.from_jalali(1404, 8, 9)
    QTest.keyClicks(edit.line, "1404/08/09")  # typed, not yet left
    assert (
        "جمعه" in edit.hint.text()
        and jalali.to_persian_digits(friday.isoformat()) in edit.hint.text()
    )
    assert "c62828" in edit.hint.styleSheet()  # a Friday is marked before saving
    this_year = jalali.format_jalali(dt.date.today(), digits="fa")[:4]
    assert this_year in edit.line.placeholderText()  # the example is of this year


def test_time_error_is_one_line_under_date_and_time(page) -> None:
    form = page.new_record()
    form.start_edit.time_line.setText("25:99")
    form.start_edit.validate_time()
    error = form.start_edit.time_error
    assert error.isVisible() and not error.wordWrap()
    assert error.width() > form.start_edit.time_line.width()


def test_language_list_is_written_in_both_scripts(app) -> None:
    for language in ("en", "fa"):
        apply_language(app, language)
        labels = [label for _v, label in S.LANGUAGE.translated_choices()]
        assert labels == ["فارسی (Persian)", "English (انگلیسی)"]
    apply_language(app, "fa")


# --- decisions kept and undoable ---------------------------------------------------------


def _visit(db, people, title: str, day: dt.date, start_h: int, end_h: int, **changes) -> int:
    """A visit saved through the service, with a reason in case it clashes (a day off…)."""
    visit = VisitInput(
        title=title,
        start_at=dt.datetime.combine(day, dt.time(start_h)),
        end_at=dt.datetime.combine(day, dt.time(end_h)),
        guests=(GuestEntry(people["counsellor"]),),
        **changes,
    )
    return visits_service.save_visit(db, visit=visit, conflict_reason="آزمون").id


def _item_enabled(combo, status: VisitStatus) -> bool:
    return combo.model().item(combo.findData(status.value)).isEnabled()


def test_every_status_is_listed_and_held_waits_for_the_start(page, db, people) -> None:
    visit_id = _visit(db, people, "دیدار آینده", dt.date.today() + dt.timedelta(4), 10, 12)
    detail = visits_service.get_visit(db, visit_id)
    visits_service.change_status(
        db, visit_id=visit_id, version=detail.version, status=VisitStatus.CONFIRMED
    )
    form = page.open_record(visit_id)
    combo = form.status_combo
    assert [combo.itemData(i) for i in range(combo.count())] == [s.value for s in VisitStatus]
    assert not _item_enabled(combo, VisitStatus.HELD)  # four days in the future
    assert "آغاز" in form.status_hint.text()
    assert _item_enabled(combo, VisitStatus.POSTPONED)


def test_undoing_held_asks_a_reason_and_shows_it_in_the_history(page, db, people) -> None:
    visit_id = make_visit(db, people, "دیدار برگزارشده", 10, 12)  # 1404/08/10, in the past
    for status in (VisitStatus.CONFIRMED, VisitStatus.HELD):
        detail = visits_service.get_visit(db, visit_id)
        visits_service.change_status(db, visit_id=visit_id, version=detail.version, status=status)
    form = page.open_record(visit_id)
    combo = form.status_combo
    assert _item_enabled(combo, VisitStatus.CONFIRMED)
    combo.setCurrentIndex(combo.findData(VisitStatus.CONFIRMED.value))
    form.ask_reason = lambda *_a: None  # the clerk cancels: nothing saved
    assert form.save() is False
    assert visits_service.get_visit(db, visit_id).status is VisitStatus.HELD
    form.ask_reason = lambda *_a: "اشتباهی زده شد"
    assert form.save() is True
    again = page.open_record(visit_id)
    assert again.history_label.isVisible() and "اشتباهی زده شد" in again.history_label.text()


def test_the_clash_dialog_is_filled_with_the_stored_reason(page, db, people, qtbot) -> None:
    first = make_visit(db, people, "دیدار رایزن", 10, 12)
    form = page.open_record(first)
    seen: list[str] = []

    def clash_again(conflicts, previous=""):
        seen.append(previous)
        return previous or "به درخواست سفارت"

    form.ask_conflict_reason = clash_again
    _visit(db, people, "دیدار دوم", DAY, 11, 13)  # a new clash: the counsellor is in both
    form.purpose_edit.setPlainText("دستور تازه")
    assert form.save() is True and seen == [""]
    form = page.open_record(first)
    form.ask_conflict_reason = clash_again
    form.purpose_edit.setPlainText("دستور تازه‌تر")
    assert form.save() is True and seen == [""]  # the same clash: not asked again
    assert visits_service.get_visit(db, first).conflict_reason == "به درخواست سفارت"


# --- printing without a PDF viewer --------------------------------------------------------


def _print_without_viewer(qtbot, window, visit_id: int) -> ops.PdfNotOpened:
    task = ops.print_pdf(
        window.runner,
        window.ctx.db,
        "visit-dossier",
        {"visit": visit_id},
        parent=window,
        opener=lambda _path: False,  # the system has no PDF viewer
    )
    qtbot.waitUntil(lambda: task.outcome != "", timeout=60_000)
    boxes = [w for w in window.findChildren(ops.PdfNotOpened) if w.isVisible()]
    assert len(boxes) == 1
    return boxes[0]


def test_a_pdf_that_cannot_be_opened_is_said_and_offered(
    qtbot, window, db, people, paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    box = _print_without_viewer(qtbot, window, make_visit(db, people, "دیدار", 10, 11))
    assert box.path.parent == paths.reports_dir  # written where the clerk can find it
    assert str(box.path) in box.text()
    opened: list[str] = []

    class Desktop:
        @staticmethod
        def openUrl(url) -> bool:
            opened.append(url.toLocalFile())
            return True

    monkeypatch.setattr(ops, "QDesktopServices", Desktop)
    box.folder_button.click()
    assert opened == [str(paths.reports_dir)] and box.isVisible()
    copy = tmp_path / "usb" / "dossier"
    copy.parent.mkdir()
    box.ask_target = lambda: str(copy)
    box.save_button.click()
    saved = copy.with_name("dossier.pdf")
    assert saved.read_bytes() == box.path.read_bytes()
    assert str(saved) in box.informativeText()


def test_save_as_into_the_attachments_folder_is_refused(qtbot, window, db, people, paths) -> None:
    box = _print_without_viewer(qtbot, window, make_visit(db, people, "دیدار", 10, 11))
    assert box.save_as(str(paths.attachments_dir / "dossier.pdf")) is None
    assert "پیوست" in box.informativeText()
    assert list(paths.attachments_dir.iterdir()) == []


def test_reports_go_to_documents_unless_portable(tmp_path: Path, monkeypatch) -> None:
    from qazvin_diplomacy import paths as paths_module

    monkeypatch.setattr(paths_module.platformdirs, "user_documents_dir", lambda: str(tmp_path))
    monkeypatch.setattr(paths_module, "install_dir", lambda: tmp_path / "app")
    resolved = paths_module.resolve_paths()
    assert resolved.reports_dir == tmp_path / "Qazvin Diplomacy"


# --- picking people -------------------------------------------------------------------------


def test_matches_float_and_down_up_walk_them(page, db) -> None:
    from qazvin_diplomacy.core.directory import PersonInput
    from qazvin_diplomacy.services import directory

    for n in (1, 2, 3):
        directory.save_person(
            db,
            person=PersonInput(name_fa=f"کارشناس {n}", name_en=f"Expert {n}", title_fa="کارشناس"),
        )
    form = page.new_record()
    guests = form.guests
    height = guests.height()
    QTest.keyClicks(guests.search, "Expert")
    assert guests.results.isVisible() and guests.results.isWindow()  # a popup
    assert guests.height() == height  # the form is not pushed around
    QTest.keyClick(guests.search, Qt.Key.Key_Down)
    QTest.keyClick(guests.search, Qt.Key.Key_Down)
    QTest.keyClick(guests.search, Qt.Key.Key_Up)
    assert guests.results.currentRow() == 1
    picked = guests.results.currentItem().data(Qt.ItemDataRole.UserRole)
    QTest.keyClick(guests.search, Qt.Key.Key_Return)
    assert guests.ids() == [picked] and not guests.results.isVisible()


def test_a_single_click_picks_and_an_ambassador_heads_the_delegation(page, people) -> None:
    from qazvin_diplomacy.core.visits import GuestRole

    form = page.new_record()
    guests = form.guests
    QTest.keyClicks(guests.search, "Tanaka")  # the ambassador («سفیر»)
    item = guests.results.item(0)
    rect = guests.results.visualItemRect(item)
    QTest.mouseClick(guests.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert guests.guest_entries() == (GuestEntry(people["ambassador"], GuestRole.HEAD),)
    QTest.keyClicks(guests.search, "Sato")  # a counsellor: a member
    QTest.keyClick(guests.search, Qt.Key.Key_Return)
    assert guests.guest_entries()[1].role is GuestRole.MEMBER
    guests.chosen.setCurrentRow(1)  # change the role after adding
    guests.role.setCurrentIndex(guests.role.findData(GuestRole.COMPANION.value))
    guests.role.activated.emit(guests.role.currentIndex())
    assert guests.guest_entries()[1].role is GuestRole.COMPANION
    assert form.is_modified()


# --- itinerary rows -------------------------------------------------------------------------


def test_a_new_itinerary_row_starts_where_the_previous_ended(page) -> None:
    form = page.new_record()
    form.start_edit.setDateTime(dt.datetime.combine(DAY, dt.time(10)))
    form.itinerary.add_button.click()
    form.itinerary.table.item(0, 1).setText("۱۴۰۴/۰۸/۱۰ ۱۱:۳۰")  # the clerk's own end
    form.itinerary.add_button.click()
    errors: dict[str, str] = {}
    first, second = form.itinerary.entries(errors)
    assert not errors
    assert second.start_at == first.end_at == dt.datetime.combine(DAY, dt.time(11, 30))
    assert second.end_at == dt.datetime.combine(DAY, dt.time(12, 30))


@pytest.mark.parametrize("language", ["fa", "en"])
def test_the_itinerary_fits_the_form_and_scrolls_with_its_content(page, app, language) -> None:
    apply_language(app, language)
    try:
        form = page.new_record()
        form.resize(1000, 700)
        form.tabs.setCurrentWidget(form.itinerary)
        form.itinerary.add_button.click()
        QApplication.processEvents()
        table = form.itinerary.table
        assert table.horizontalScrollBar().maximum() == 0  # no sideways scrolling at this size
        form.resize(640, 600)  # a narrow window scrolls; the bar moves with the columns
        QApplication.processEvents()
        bar = table.horizontalScrollBar()
        assert bar.maximum() > 0
        first, last = 0, table.columnCount() - 1
        bar.setValue(bar.minimum())
        QApplication.processEvents()
        edge = table.viewport().width()
        if language == "fa":  # the first column at the right edge
            assert table.columnViewportPosition(first) + table.columnWidth(first) == edge
        else:
            assert table.columnViewportPosition(first) == 0
        bar.setValue(bar.maximum())
        QApplication.processEvents()
        if language == "fa":  # the last column reaches the left edge
            assert table.columnViewportPosition(last) == 0
        else:
            assert table.columnViewportPosition(last) + table.columnWidth(last) == edge
    finally:
        apply_language(app, "fa")
