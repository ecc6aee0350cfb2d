"""Issue 20's click-through, scripted: a clerk's day in the real main window and its form
windows, by keyboard.  Keys go to the widget the cursor is in (a form is a window of its
own), dialogs are answered as they open.

Plan a visit with a guest, a host and an itinerary row; force a clash and give the reason;
confirm it; "held" is refused while the start is ahead and accepted once it has passed; take
"held" back with a reason; add a follow-up and find it on the follow-ups page; print from
the form on a machine without a PDF viewer; Esc asks before closing; Ctrl+K reaches the
global search even from the check-in tab, and Enter there opens the visit again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QWidget
from test_ui_events import type_text

from qazvin_diplomacy.core import jalali
from qazvin_diplomacy.core.visits import GuestEntry, GuestRole, VisitInput, VisitStatus
from qazvin_diplomacy.services import visits as visits_service
from qazvin_diplomacy.ui import ops
from qazvin_diplomacy.ui.visits.form import GENERAL_TAB, ConflictDialog, VisitForm
from qazvin_diplomacy.ui.widgets.fitting import FRAME_ALLOWANCE

CTRL = Qt.KeyboardModifier.ControlModifier


def _jalali(day: dt.date) -> str:
    """``day`` as a clerk types it (Latin digits are accepted)."""
    year, month, dd = jalali.to_jalali(day)
    return f"{year}/{month:02d}/{dd:02d}"


def _activate(widget: QWidget) -> None:
    """Make ``widget``'s window the active one (as the clerk's click on it would)."""
    window = widget.window()
    window.activateWindow()
    for _ in range(100):
        if window.isActiveWindow():
            break
        QTest.qWait(20)
    assert window.isActiveWindow()


def _key(widget: QWidget, key: Qt.Key, modifier=CTRL) -> None:
    """``key`` pressed in ``widget`` while its window is the active one (as on a desk)."""
    _activate(widget)
    QTest.keyClick(widget, key, modifier)


def _retype(edit: QWidget, text: str) -> None:
    """Select what ``edit`` holds and type ``text`` over it, then leave it with Tab."""
    _activate(edit)
    edit.setFocus()
    QTest.keyClick(edit, Qt.Key.Key_A, CTRL)
    QTest.keyClicks(edit, text)
    QTest.keyClick(edit, Qt.Key.Key_Tab)


def _answer(answer: Callable[[QWidget], None], seen: list[str]) -> None:
    """Answer the next modal dialog with ``answer`` (its class name goes into ``seen``)."""

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:  # not open yet
            QTimer.singleShot(20, run)
            return
        seen.append(type(dialog).__name__)
        answer(dialog)

    QTimer.singleShot(0, run)


def _pdf_box(form: QWidget) -> ops.PdfNotOpened | None:
    """The "PDF not opened" box on screen, if any."""
    boxes = [*QApplication.topLevelWidgets(), *form.findChildren(ops.PdfNotOpened)]
    return next((b for b in boxes if isinstance(b, ops.PdfNotOpened) and b.isVisible()), None)


def _status_enabled(form: VisitForm, status: VisitStatus) -> bool:
    model = form.status_combo.model()
    return model.item(form.status_combo.findData(status.value)).isEnabled()


@pytest.mark.slow
def test_a_clerks_day_by_keyboard_in_the_real_window(
    window, qtbot, db, people, monkeypatch: pytest.MonkeyPatch
) -> None:
    today = window.ctx.today()
    past = today - dt.timedelta(days=2)
    window.resize(1024, 700)
    page = window.show_module("visits")
    # an earlier visit with the same host, two days ago at 10:00: the new one will clash
    visits_service.save_visit(
        db,
        visit=VisitInput(
            title="دیدار رایزن اقتصادی",
            start_at=dt.datetime.combine(past, dt.time(10)),
            end_at=dt.datetime.combine(past, dt.time(12)),
            status=VisitStatus.CONFIRMED,
            guests=(GuestEntry(people["counsellor"]),),
            hosts=(people["governor"],),
        ),
    )

    # --- plan: Ctrl+N on the main window opens the visit form, a window of its own -----
    _key(window, Qt.Key.Key_N)
    form = page.forms[-1]
    assert form.isWindow() and form.isVisible() and form.status_combo.isEnabled()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.title_edit, timeout=2000)
    type_text(form.title_edit, "دیدار سفیر ژاپن")
    _retype(form.start_edit.date_edit.line, _jalali(past))
    _retype(form.start_edit.time_line, "10:00")
    assert form.end_edit.date_edit.date() == past  # the end follows the start …
    assert form.end_edit.dateTime().time() == dt.time(11)  # … an hour later
    form.status_combo.setCurrentIndex(form.status_combo.findData(VisitStatus.CONFIRMED.value))
    QTest.keyClicks(form.guests.search, "Tanaka")  # the ambassador: heads the delegation
    QTest.keyClick(form.guests.search, Qt.Key.Key_Return)
    assert form.guests.guest_entries() == (GuestEntry(people["ambassador"], GuestRole.HEAD),)
    QTest.keyClicks(form.hosts.search, "Qazvini")
    QTest.keyClick(form.hosts.search, Qt.Key.Key_Return)
    # itinerary: "Add row" puts the cursor in the new row's activity, typing goes there
    form.tabs.setCurrentWidget(form.itinerary)
    _activate(form)
    QTest.mouseClick(form.itinerary.add_button, Qt.MouseButton.LeftButton)
    type_text(QApplication.focusWidget(), "دیدار با استاندار")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # committed when idle
    qtbot.waitUntil(lambda: form.itinerary.text(0, 2) == "دیدار با استاندار", timeout=2000)
    assert form.itinerary.text(0, 0).startswith(jalali.format_jalali(past)[:4])

    # --- Ctrl+S in the form: the clash is named and asked for a reason, once ------------
    seen: list[str] = []

    def give_reason(dialog: QWidget) -> None:
        assert isinstance(dialog, ConflictDialog) and "دیدار رایزن اقتصادی" in dialog.items.text()
        type_text(dialog.reason, "به درخواست سفارت")
        dialog.accept()

    _answer(give_reason, seen)
    with qtbot.waitSignal(form.saved, timeout=5000) as saved:
        _key(form.title_edit, Qt.Key.Key_S)
    visit_id = saved.args[0]
    assert seen == ["ConflictDialog"]
    assert visits_service.get_visit(db, visit_id).conflict_reason == "به درخواست سفارت"

    # --- held: refused while the start is ahead, accepted once it has passed ------------
    form = page.open_record(visit_id)
    assert form is not None
    _retype(form.start_edit.date_edit.line, _jalali(today + dt.timedelta(days=4)))
    assert not _status_enabled(form, VisitStatus.HELD)
    assert form.status_hint.isVisible() and form.status_hint.text()  # says why
    _retype(form.start_edit.date_edit.line, _jalali(past))
    _retype(form.end_edit.date_edit.line, _jalali(past))
    assert _status_enabled(form, VisitStatus.HELD)
    form.status_combo.setCurrentIndex(form.status_combo.findData(VisitStatus.HELD.value))
    form.ask_conflict_reason = lambda *_a: pytest.fail("the same clash was asked again")
    with qtbot.waitSignal(form.saved, timeout=5000):
        _key(form.title_edit, Qt.Key.Key_S)
    assert visits_service.get_visit(db, visit_id).status is VisitStatus.HELD

    # --- one wrong click is not final: «held» taken back with a reason -----------------
    form = page.open_record(visit_id)
    assert form is not None
    form.status_combo.setCurrentIndex(form.status_combo.findData(VisitStatus.CONFIRMED.value))
    _answer(lambda d: d.reject(), seen)  # no reason: nothing saved, and the form says so
    _key(form.title_edit, Qt.Key.Key_S)
    assert seen[-1] == "QInputDialog" and form.isVisible()
    assert form.banner.isVisible() and "«برگزارشده»" in form.banner.text()
    assert visits_service.get_visit(db, visit_id).status is VisitStatus.HELD

    def reason(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue("به اشتباه ثبت شد")
        dialog.accept()

    _answer(reason, seen)
    with qtbot.waitSignal(form.saved, timeout=5000):
        _key(form.title_edit, Qt.Key.Key_S)
    form = page.open_record(visit_id)
    assert form is not None and "به اشتباه ثبت شد" in form.history_label.text()

    # --- a follow-up due next week, found on the follow-ups page ------------------------
    form.tabs.setCurrentWidget(form.outcome)
    _activate(form)
    QTest.mouseClick(form.followups.add_button, Qt.MouseButton.LeftButton)
    type_text(QApplication.focusWidget(), "ارسال نامه تشکر")  # the task, typed at once
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.followups.text(0, 0) == "ارسال نامه تشکر", timeout=2000)
    deadline = today + dt.timedelta(days=7)
    form.followups.table.item(0, 2).setText(_jalali(deadline))
    with qtbot.waitSignal(form.saved, timeout=5000):
        _key(form.title_edit, Qt.Key.Key_S)
    followups = window.show_module("followups")
    followups.refresh()
    titles = [followups.model.index(r, 1).data() for r in range(followups.model.rowCount())]
    assert "ارسال نامه تشکر" in titles

    # --- Ctrl+P in the form, on a machine that cannot open PDFs -------------------------
    monkeypatch.setattr(ops, "open_file", lambda _path: False)
    form = page.open_record(visit_id)
    assert form is not None
    _key(form.title_edit, Qt.Key.Key_P)
    qtbot.waitUntil(lambda: _pdf_box(form) is not None, timeout=60_000)
    box = _pdf_box(form)
    assert box is not None
    assert box.folder_button.isVisible() and box.save_button.isVisible()
    assert box.path.parent == window.ctx.paths.reports_dir and box.path.stat().st_size > 0
    box.close()

    # --- Esc with something typed asks first; the safe answer (No) is the default ------
    form.tabs.setCurrentIndex(GENERAL_TAB)
    type_text(form.title_edit, " (نیمه‌کاره)")

    def keep(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        assert dialog.defaultButton() is dialog.button(QMessageBox.StandardButton.No)
        QTest.keyClick(dialog, Qt.Key.Key_Return)

    _answer(keep, seen)
    _key(form, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
    assert seen[-1] == "QMessageBox" and form.isVisible()
    assert form.title_edit.text().endswith("(نیمه‌کاره)")
    form.confirm = lambda *_a: True
    form.reject()

    # --- check-in tab: Ctrl+K goes to the global search, not the hidden events filter ---
    events = window.show_module("events")
    events.views.setCurrentWidget(events.checkin)
    _key(window, Qt.Key.Key_K)
    assert window.focusWidget() is window.global_search.box
    type_text(window.global_search.box, "ژاپن")
    qtbot.waitUntil(lambda: window.global_search.results.query == "ژاپن", timeout=3000)
    assert any(h.kind == "visit" and h.id == visit_id for h in window.global_search.hits_shown())
    before = len(page.forms)
    while window.global_search.current_hit() is None or (
        window.global_search.current_hit().kind,
        window.global_search.current_hit().id,
    ) != ("visit", visit_id):
        QTest.keyClick(window.global_search.box, Qt.Key.Key_Down)
    QTest.keyClick(window.global_search.box, Qt.Key.Key_Return)
    assert len(page.forms) == before + 1 and page.forms[-1].detail.id == visit_id


def test_window_and_forms_fit_a_small_screen(window, app) -> None:
    """At 1024×700 the first window was 1280×800 (navigation off the right edge) and the
    visit form 720 high (Save below the screen): both now fit the screen they open on."""
    room = app.primaryScreen().availableGeometry()
    assert room.width() < 1280  # the offscreen test screen is a small one
    assert window.width() <= room.width() and window.height() <= room.height()
    visits = window.show_module("visits")
    agreements = window.show_module("agreements")
    for form in (visits.new_record(), agreements.new_record()):
        assert form.height() <= room.height() - FRAME_ALLOWANCE
        # what cannot shrink further scrolls: the whole form fits, buttons included
        assert form.minimumSizeHint().height() <= room.height() - FRAME_ALLOWANCE
        form.close()
