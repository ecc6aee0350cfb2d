"""The agreement form as a clerk uses it (issue 20): its own Ctrl+S/Ctrl+P/Ctrl+N/Esc and
the validity's end following its start until the clerk changes it."""

# ruff: noqa: F811  (the agreements tests' fixtures are imported and used as arguments)

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from test_ui_agreements import TODAY, agreement, answer_transition, page, world  # noqa: F401
from test_ui_clerk import _press

from qazvin_diplomacy.core import jalali
from qazvin_diplomacy.core.agreements import AgreementStatus, LegalReview, LegalVerdict
from qazvin_diplomacy.services import agreements as svc
from qazvin_diplomacy.ui.agreements.form import VALIDITY_END


def test_ctrl_s_in_the_agreement_form_saves_it(page, qtbot, db, world) -> None:
    detail = svc.save_agreement(db, agreement=agreement(world), today=TODAY)
    form = page.open_record(detail.id)
    form.title_edit.setText("نقشه راه تازه")
    with qtbot.waitSignal(form.saved):
        _press(form.title_edit, Qt.Key.Key_S)
    assert svc.get_agreement(db, agreement_id=detail.id).title == "نقشه راه تازه"
    assert not form.is_modified()


def test_ctrl_n_in_the_agreement_form_opens_a_new_one(page) -> None:
    form = page.new_record()
    _press(form.title_edit, Qt.Key.Key_N)
    assert len(page.forms) == 2 and page.forms[-1] is not form and page.forms[-1].isVisible()


def test_ctrl_p_prints_the_agreement_sheet(page, qtbot, db, world) -> None:
    form = page.new_record()
    _press(form.title_edit, Qt.Key.Key_P)
    assert form.banner.isVisible() and form.banner.text()  # a new agreement: save it first
    detail = svc.save_agreement(db, agreement=agreement(world), today=TODAY)
    form = page.open_record(detail.id)
    opened: list[Path] = []
    form.opener = opened.append
    assert form.print_button is not None and form.print_button.isVisible()
    _press(form.title_edit, Qt.Key.Key_P)
    qtbot.waitUntil(lambda: bool(opened), timeout=60_000)
    assert opened[0].suffix == ".pdf" and opened[0].stat().st_size > 0
    buttons = [b for b in form.buttons.buttons() if b.text() == form.print_button.text()]
    assert buttons == [form.print_button]  # one Print button, not two


def test_escape_asks_with_no_as_default_and_keeps_the_agreement(page) -> None:
    form = page.new_record()
    form.title_edit.setText("نیمه‌کاره")
    seen: dict[str, object] = {}

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen["default"] = box.defaultButton() is box.button(QMessageBox.StandardButton.No)
        QTest.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)
    QTest.keyClick(form, Qt.Key.Key_Escape)
    assert seen["default"] is True
    assert form.isVisible() and form.title_edit.text() == "نیمه‌کاره"


def test_validity_end_follows_its_start_until_changed(page) -> None:
    form = page.new_record()
    form.validity_combo.setCurrentIndex(VALIDITY_END)
    start = jalali.from_jalali(1404, 8, 1)
    form.start_date.setDate(start)
    assert form.end_date.date() == start
    form.start_date.setDate(start + dt.timedelta(days=3))
    assert form.end_date.date() == start + dt.timedelta(days=3)
    own = jalali.from_jalali(1406, 7, 30)
    form.end_date.setDate(own)
    form.start_date.setDate(start)
    assert form.end_date.date() == own


def test_enter_in_the_status_dialog_does_not_move_the_status(page, db, world) -> None:
    detail = svc.save_agreement(db, agreement=agreement(world), today=TODAY)
    form = page.open_record(detail.id)
    seen: dict[str, object] = {}

    def press_enter() -> None:
        dialog = form.transition_dialog
        assert dialog is not None
        dialog.remark.setPlainText("به درخواست طرف مقابل")
        dialog.actor.setFocus()
        QTest.keyClick(dialog.actor, Qt.Key.Key_Return)
        seen["open"] = dialog.isVisible()
        if dialog.isVisible():
            dialog.reject()

    QTimer.singleShot(0, press_enter)
    assert form.transition(AgreementStatus.LEGAL_REVIEW) is False
    assert seen["open"] is False  # Enter answered Cancel
    assert svc.get_agreement(db, agreement_id=detail.id).status is AgreementStatus.DRAFT


def _terminated(db, world, *, via: AgreementStatus = AgreementStatus.SIGNED) -> int:
    """An agreement signed on TODAY (put in force too when ``via`` says so), then terminated
    with a reason (through the services)."""
    d = svc.save_agreement(
        db, agreement=agreement(world, signing_date=TODAY), actor="کارشناس", today=TODAY
    )

    def move(status: AgreementStatus, remark: str = "") -> None:
        nonlocal d
        d = svc.change_status(
            db, agreement_id=d.id, version=d.version, status=status, remark=remark, today=TODAY
        )

    move(AgreementStatus.LEGAL_REVIEW)
    review = LegalReview(
        world["governor"], review_date=TODAY, verdict=LegalVerdict.FAVOURABLE, opinion="بلامانع"
    )
    d = svc.record_legal_review(
        db, agreement_id=d.id, version=d.version, review=review, today=TODAY
    )
    move(AgreementStatus.APPROVED)
    move(AgreementStatus.SIGNED)
    if via is AgreementStatus.IN_FORCE:
        move(AgreementStatus.IN_FORCE)
    move(AgreementStatus.TERMINATED, "به درخواست طرف خارجی")
    return d.id


def test_a_termination_is_taken_back_with_a_reason_kept_in_the_history(
    page, qtbot, db, world
) -> None:
    form = page.open_record(_terminated(db, world))
    # terminated while signed: only the way back to «signed» is offered, not «in force» too
    assert set(form.transition_buttons) == {AgreementStatus.SIGNED}
    assert form.transition_buttons[AgreementStatus.SIGNED].isVisibleTo(form)
    button = form.transition_buttons[AgreementStatus.SIGNED]
    assert "دلیل" in button.toolTip() and "«فسخ»" in button.toolTip()
    seen: dict[str, str] = {}
    answer_transition(form, "", seen)  # no reason: the dialog says so, nothing moves
    button.click()
    assert "دلیل لغو" in seen["remark_error"]
    assert form.detail.status is AgreementStatus.TERMINATED
    answer_transition(form, "فسخ به اشتباه ثبت شد", seen)
    with qtbot.waitSignal(form.changed, timeout=2000):
        form.transition_buttons[AgreementStatus.SIGNED].click()
    stored = svc.get_agreement(db, agreement_id=form.detail.id, today=TODAY)
    assert stored.status is AgreementStatus.SIGNED
    assert [h.remark for h in stored.history][-2:] == [
        "به درخواست طرف خارجی",
        "فسخ به اشتباه ثبت شد",
    ]


def test_a_termination_in_force_offers_only_the_way_back_to_in_force(page, db, world) -> None:
    form = page.open_record(_terminated(db, world, via=AgreementStatus.IN_FORCE))
    assert set(form.transition_buttons) == {AgreementStatus.IN_FORCE}
    shown = [b.text() for b in form.findChildren(QPushButton) if b.isVisibleTo(form)]
    assert not any(AgreementStatus.SIGNED.label_fa in text for text in shown)
