"""Users in the window: sign-in dialog, the signed-in user's role applied, the idle lock, the
users dialog and the first administrator from Settings."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QPushButton

from qazvin_diplomacy.core import access
from qazvin_diplomacy.core.access import Principal, Role
from qazvin_diplomacy.services import users
from qazvin_diplomacy.ui.users import IdleLock, SignInDialog, UserFormDialog, UsersDialog

PASSWORD = "Qazvin-1405"


@pytest.fixture
def office(db):
    """An administrator «admin» and a viewer «reza» (made before the window opens)."""
    users.create_first_admin(db, login="admin", password=PASSWORD, display_name="مدیر سامانه")
    with access.acting_for(Principal("admin", Role.ADMIN)):
        users.add_user(db, login="reza", password=PASSWORD, role=Role.VIEWER)
    return db


def _ok(dialog) -> QPushButton:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_sign_in_dialog_refuses_a_wrong_password_then_accepts(app, qtbot, office) -> None:
    dialog = SignInDialog(office)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "ورود به سامانه" == _ok(dialog).text()
    dialog.login.setText("Admin")
    dialog.password.setText("wrong password")
    _ok(dialog).click()
    assert dialog.isVisible() and dialog.principal is None
    assert "نام کاربری یا گذرواژه نادرست است" in dialog.error.text()
    assert dialog.password.text() == ""
    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(dialog.accepted):
        _ok(dialog).click()
    assert dialog.principal == Principal("admin", Role.ADMIN, True)


def test_sign_in_dialog_shows_the_lockout(app, qtbot, office) -> None:
    dialog = SignInDialog(office)
    qtbot.addWidget(dialog)
    dialog.login.setText("reza")
    for _ in range(5):
        dialog.password.setText("wrong password")
        assert not dialog.sign_in()
    assert "قفل شده است؛ ۱۵ دقیقهٔ دیگر" in dialog.error.text()
    dialog.password.setText(PASSWORD)
    assert not dialog.sign_in()


def test_the_window_asks_who_signs_in_and_applies_a_viewers_role(
    office, app, qtbot, paths, settings
) -> None:
    from qazvin_diplomacy.ui.main_window import MainWindow

    window = MainWindow(paths, office, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.sign_in_dialog is not None)
    assert not window.pages  # nothing is shown before someone signs in
    dialog = window.sign_in_dialog
    dialog.login.setText("reza")
    dialog.password.setText(PASSWORD)
    _ok(dialog).click()
    assert access.current_principal() == Principal("reza", Role.VIEWER, False)
    assert window.user_label.isVisible() and "reza" in window.user_label.text()
    assert "بیننده" in window.user_label.text()
    assert not window.act_new.isEnabled() and not window.act_save.isEnabled()
    assert not window.backup.act_restore.isVisible()
    page = window.show_module("visits")
    assert not page.new_button.isVisible()
    assert page.holidays_button.isHidden()  # the calendar's holidays: administrators' only
    assert window.show_module("letters").settings_button.isHidden()  # administrators' only
    settings_dialog = window.open_settings()
    texts = [b.text() for b in settings_dialog.buttons.buttons()]
    assert "تغییر گذرواژه…" in texts and "کاربران…" not in texts
    assert "تعطیلات رسمی…" not in [
        b.text() for b in settings_dialog.buttons.buttons() if b.isVisible()
    ]
    settings_dialog.close()
    window.runner.wait()


def test_without_users_the_window_works_and_offers_the_first_administrator(
    window, app, qtbot
) -> None:
    qtbot.waitUntil(lambda: bool(window.pages))
    assert window.sign_in_dialog is None and not window.user_label.isVisible()
    assert window.act_new.isEnabled()
    dialog = window.open_settings()
    buttons = {b.text(): b for b in dialog.buttons.buttons()}
    assert "ایجاد مدیر سامانه…" in buttons and "کاربران…" not in buttons
    buttons["ایجاد مدیر سامانه…"].click()
    form = next(w for w in app.topLevelWidgets() if isinstance(w, UserFormDialog) and w.isVisible())
    assert form.windowTitle() == "ایجاد مدیر سامانه"
    form.login.setText("admin")
    form.password.setText(PASSWORD)
    form.password_again.setText(PASSWORD + "x")
    assert not form.submit()
    assert "یکسان نیستند" in form.error.text()
    form.password_again.setText(PASSWORD)
    assert form.submit()
    assert access.current_principal() == Principal("admin", Role.ADMIN, True)
    assert users.has_users(window.ctx.db) and "admin" in window.user_label.text()
    assert window.idle_lock is not None and window.idle_lock.minutes == 15


def test_idle_lock_covers_the_windows_and_keeps_what_was_typed(app, qtbot, office) -> None:
    from PySide6.QtWidgets import QWidget

    main = QWidget()
    qtbot.addWidget(main)
    main.show()
    form = QLineEdit()  # a form left open with unsaved text
    qtbot.addWidget(form)
    form.setText("متن ذخیره‌نشده")
    form.show()
    now = [1000.0]
    quit_calls: list[int] = []
    lock = IdleLock(
        main, office, "reza", 5, clock=lambda: now[0], quit_program=lambda: quit_calls.append(1)
    )
    now[0] += 4 * 60
    assert not lock.check()
    qtbot.keyClick(main, "a")  # activity starts the count again
    now[0] += 4 * 60
    assert not lock.check()
    now[0] += 61
    assert lock.check() and lock.locked
    assert len(lock.covers) == 2 and all(c.isVisible() for c in lock.covers)
    assert {c.parentWidget() for c in lock.covers} == {main, form}
    assert all(c.geometry() == c.parentWidget().rect() for c in lock.covers)
    dialog = lock.dialog
    assert dialog.windowTitle() == "پنجره قفل شد" and dialog.login.isReadOnly()
    assert dialog.login.text() == "reza"
    dialog.password.setText("wrong password")
    assert not dialog.sign_in() and lock.locked
    dialog.password.setText(PASSWORD)
    assert dialog.sign_in()
    app.processEvents()
    assert not lock.locked and lock.covers == []
    assert form.text() == "متن ذخیره‌نشده" and form.isVisible()
    assert quit_calls == []
    lock.stop()


def test_idle_lock_off_with_zero_minutes(app, qtbot, office) -> None:
    from PySide6.QtWidgets import QWidget

    main = QWidget()
    qtbot.addWidget(main)
    now = [0.0]
    lock = IdleLock(main, office, "reza", 0, clock=lambda: now[0])
    now[0] += 10**6
    assert not lock.check() and not lock.timer.isActive()
    lock.stop()


def test_users_dialog_adds_disables_and_sets_idle_minutes(app, qtbot, office) -> None:
    access.set_principal(Principal("admin", Role.ADMIN, True))
    dialog = UsersDialog(office)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 2
    assert dialog.table.item(1, 2).text() == "بیننده"
    form = dialog.open_form(None)
    form.login.setText("sara")
    form.display_name.setText("سارا")
    form.role.setCurrentIndex(form.role.findData("editor"))
    form.cleared.setChecked(True)
    form.password.setText(PASSWORD)
    form.password_again.setText(PASSWORD)
    assert form.submit()
    assert [dialog.table.item(r, 0).text() for r in range(3)] == ["admin", "reza", "sara"]
    dialog.table.setCurrentCell(1, 0)
    assert dialog.disable_button.text() == "غیرفعال کردن"
    assert dialog.toggle_disabled(), dialog.error.text()
    assert dialog.table.item(1, 4).text() == "غیرفعال"
    dialog.table.setCurrentCell(0, 0)
    assert not dialog.toggle_disabled()  # the only administrator
    assert "تنها مدیر فعال" in dialog.error.text()
    dialog.idle.setValue(3)
    assert dialog.save_idle()
    assert users.idle_lock_minutes(office) == 3


def test_a_viewers_form_cannot_save(app, qtbot, office, paths, settings) -> None:
    from qazvin_diplomacy.ui.main_window import MainWindow

    access.set_principal(Principal("reza", Role.VIEWER))
    window = MainWindow(paths, office, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: bool(window.pages))
    page = window.show_module("visits")
    form = page.new_record()
    qtbot.waitUntil(lambda: form.banner.isVisible())
    assert "فقط برای دیدن" in form.banner.text()
    saves = [b for b in form.findChildren(QPushButton) if b.text() == "ذخیره"]
    assert saves and not any(b.isEnabled() for b in saves)
    window.runner.wait()


def test_agreement_history_is_signed_by_the_signed_in_user() -> None:
    from qazvin_diplomacy.ui.agreements.widgets import default_actor

    assert default_actor() == ""  # no users: no name is made up (the OS login names no one)
    access.set_principal(Principal("sara", Role.EDITOR))
    assert default_actor() == "sara"
