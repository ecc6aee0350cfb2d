"""The event form as a clerk uses it (issue 20): its own Ctrl+S/Ctrl+P/Ctrl+N/Esc, a Print
button, the end date and time following the start, the status moves explained."""

# ruff: noqa: F811  (the events tests' fixtures are imported and used as arguments)

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from test_ui_clerk import _press
from test_ui_events import PANJAH_BEDAR_1404, TODAY, _event, corps, ctx, page  # noqa: F401

from qazvin_diplomacy.core import jalali
from qazvin_diplomacy.core.events import EventStatus, GuestInput
from qazvin_diplomacy.services import events as svc
from qazvin_diplomacy.ui import ops
from qazvin_diplomacy.ui.events.form import GUESTS_TAB


def test_ctrl_s_in_the_event_form_saves_it(page, qtbot, db) -> None:
    form = page.new_record()
    form.title_fa.setText("ضیافت شام")
    form.start_date.setDate(PANJAH_BEDAR_1404)
    with qtbot.waitSignal(form.saved):
        _press(form.title_fa, Qt.Key.Key_S)
    assert form.detail is not None and svc.get_event(db, form.detail.id).title_fa == "ضیافت شام"
    assert not form.is_modified()


def test_ctrl_n_in_the_event_form_opens_a_new_one(page) -> None:
    form = page.new_record()
    _press(form.title_fa, Qt.Key.Key_N)
    assert len(page.forms) == 2 and page.forms[-1] is not form and page.forms[-1].isVisible()


def test_ctrl_p_prints_the_event_summary(page, qtbot, db, monkeypatch: pytest.MonkeyPatch) -> None:
    form = page.new_record()
    _press(form.title_fa, Qt.Key.Key_P)
    assert form.banner.isVisible() and form.banner.text()  # a new event: save it first
    opened: list[Path] = []
    monkeypatch.setattr(ops, "open_file", lambda path: opened.append(path) or True)
    form = page.open_record(_event(db))
    assert form is not None and form.print_button is not None and form.print_button.isEnabled()
    _press(form.title_fa, Qt.Key.Key_P)
    qtbot.waitUntil(lambda: bool(opened), timeout=60_000)
    assert opened[0].suffix == ".pdf" and opened[0].stat().st_size > 0


def test_escape_asks_with_no_as_default_and_keeps_the_event(page) -> None:
    form = page.new_record()
    form.title_fa.setText("نیمه‌کاره")
    seen: dict[str, object] = {}

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen["default"] = box.defaultButton() is box.button(QMessageBox.StandardButton.No)
        QTest.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)
    QTest.keyClick(form, Qt.Key.Key_Escape)
    assert seen["default"] is True
    assert form.isVisible() and form.title_fa.text() == "نیمه‌کاره"


def test_end_day_and_time_follow_the_start_until_changed(page) -> None:
    form = page.new_record()
    form.start_date.setDate(PANJAH_BEDAR_1404)
    assert form.end_date.date() == PANJAH_BEDAR_1404
    form.start_time.setText("۱۷:۰۰")
    assert form.end_time.text() and jalali.parse_time(form.end_time.text()) == dt.time(18)
    form.start_time.setText("۲۳:۳۰")  # an hour later is tomorrow: left for the clerk
    assert jalali.parse_time(form.end_time.text()) == dt.time(18)
    form.start_time.setText("۱۸:۰۰")
    assert jalali.parse_time(form.end_time.text()) == dt.time(19)
    form.end_time.setText("۲۱:۳۰")  # the clerk's own end
    form.start_time.setText("۱۶:۰۰")
    assert jalali.parse_time(form.end_time.text()) == dt.time(21, 30)
    later = PANJAH_BEDAR_1404 + dt.timedelta(days=2)
    form.end_date.setDate(later)
    form.start_date.setDate(PANJAH_BEDAR_1404 + dt.timedelta(days=1))
    assert form.end_date.date() == later


def test_a_stored_event_end_time_does_not_follow(page, db) -> None:
    form = page.open_record(_event(db, end_time=dt.time(20)))
    assert form is not None
    form.start_time.setText("۱۸:۰۰")
    assert jalali.parse_time(form.end_time.text()) == dt.time(20)


def _answer_with_enter(seen: dict[str, object]) -> None:
    """When the question opens: note whether "No" is its default, then press Enter."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen["default"] = box.defaultButton() is box.button(QMessageBox.StandardButton.No)
        QTest.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)


def test_withdrawing_an_invitation_defaults_to_no(page, db, corps) -> None:
    event_id = _event(db)
    svc.invite_guest(db, event_id=event_id, guest=GuestInput(person_id=corps["tj"]))
    form = page.open_record(event_id)
    assert form is not None
    form.tabs.setCurrentIndex(GUESTS_TAB)
    assert form.guests.select_person(corps["tj"])
    seen: dict[str, object] = {}
    _answer_with_enter(seen)
    assert form.guests.remove_guest() is False
    assert seen["default"] is True
    assert [g.person_id for g in svc.list_guests(db, event_id=event_id)] == [corps["tj"]]


def test_every_status_is_listed_and_held_waits_for_the_day(page, db) -> None:
    form = page.open_record(_event(db))  # planned, eleven days ahead of TODAY
    assert form is not None
    combo = form.status_combo
    assert [combo.itemData(i) for i in range(combo.count())] == [s.value for s in EventStatus]
    held = combo.model().item(combo.findData(EventStatus.HELD.value))
    assert not held.isEnabled() and "آغاز" in held.toolTip()
    assert combo.model().item(combo.findData(EventStatus.INVITING.value)).isEnabled()
    assert form.status_hint.isVisible()
    assert "«برنامه‌ریزی‌شده»" in form.status_hint.text()
    form.start_date.setDate(TODAY)  # the clerk corrects the date: held becomes possible
    assert held.isEnabled()


def test_undoing_held_asks_a_reason_and_shows_it_in_the_history(page, db, qtbot) -> None:
    form = page.open_record(_event(db, start_date=TODAY, status=EventStatus.HELD))
    assert form is not None
    combo = form.status_combo
    assert not combo.model().item(combo.findData(EventStatus.CANCELLED.value)).isEnabled()
    combo.setCurrentIndex(combo.findData(EventStatus.PLANNED.value))
    assert "دلیل" in form.status_hint.text()
    asked: list[str] = []
    form.ask_reason = lambda _t, prompt: asked.append(prompt) or None  # the clerk cancels
    assert form.save() is False
    assert asked and svc.get_event(db, form.detail.id).status is EventStatus.HELD
    form.ask_reason = lambda _t, _p: "تاریخ رویداد جابه‌جا شد"
    with qtbot.waitSignal(form.saved):
        _press(form.title_fa, Qt.Key.Key_S)
    stored = svc.get_event(db, form.detail.id)
    assert stored.status is EventStatus.PLANNED
    assert [u.reason for u in stored.log] == ["تاریخ رویداد جابه‌جا شد"]
    assert form.history_label.isVisible() and "تاریخ رویداد جابه‌جا شد" in form.history_label.text()
