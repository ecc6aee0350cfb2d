"""After a restore (or a switch to another database) in the window, the signed-in user works on
only if the restored database knows them — enabled, same role and clearance; otherwise they
are signed out and the sign-in dialog asks who works (cancelling it closes the window)."""

from __future__ import annotations

from pathlib import Path

import pytest

from qazvin_diplomacy.core import access
from qazvin_diplomacy.core.access import Principal, Role
from qazvin_diplomacy.services import users
from qazvin_diplomacy.services.backup import create_backup
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.ui.users.window import NOBODY

PASSWORD = "Qazvin-1405"
ADMIN = Principal("admin", Role.ADMIN, True)


@pytest.fixture
def office(db):
    """The window's database: an administrator «admin» and a viewer «reza»."""
    users.create_first_admin(db, login="admin", password=PASSWORD)
    with access.acting_for(ADMIN):
        users.add_user(db, login="reza", password=PASSWORD, role=Role.VIEWER)
    return db


def _other_database(tmp_path: Path, fresh_database, name: str, logins: dict[str, Role]) -> Path:
    """Another office's database file whose users are ``logins`` (the first an administrator)."""
    path = fresh_database(tmp_path / "other" / f"{name}.sqlite3", countries=True)
    other = Database.open(path)
    try:
        first, *rest = logins.items()
        users.create_first_admin(other, login=first[0], password=PASSWORD)
        with access.acting_for(Principal(first[0], Role.ADMIN, True)):
            for login, role in rest:
                users.add_user(other, login=login, password=PASSWORD, role=role)
    finally:
        other.close()
    return path


def _backup_of(path: Path, out: Path) -> Path:
    other = Database.open(path)
    try:
        create_backup(other, out=out)
    finally:
        other.close()
    return out


def _signed_in_window(qtbot, paths, office, settings):
    from qazvin_diplomacy.ui.main_window import MainWindow

    access.set_principal(ADMIN)  # as if «admin» had signed in at start-up
    window = MainWindow(paths, office, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: bool(window.pages))
    assert window.sign_in_dialog is None and "admin" in window.user_label.text()
    return window


def _restore(qtbot, window, source: Path) -> None:
    dialog = window.backup.open_restore()
    dialog.source_edit.setText(str(source))
    dialog.verify_button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30000)
    assert dialog.manifest is not None, dialog.error.text()
    dialog.confirm_box.setChecked(True)
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30000)
    assert not dialog.error.isVisible(), dialog.error.text()
    dialog.close()


def test_a_restore_without_the_signed_in_admin_asks_who_signs_in(
    office, app, qtbot, paths, settings, tmp_path, fresh_database
) -> None:
    other = _other_database(tmp_path, fresh_database, "elsewhere", {"maryam": Role.ADMIN})
    backup = _backup_of(other, tmp_path / "elsewhere.qdbackup")
    window = _signed_in_window(qtbot, paths, office, settings)
    _restore(qtbot, window, backup)
    # «admin» does not exist in the restored database: signed out, the pages wait.
    assert access.current_principal() == NOBODY
    assert not access.sees_confidential() and not access.may_edit() and not access.is_admin()
    assert window.sign_in_dialog is not None and window.sign_in_dialog.isVisible()
    assert not window.pages and not window.user_label.isVisible()
    assert not window.act_new.isEnabled() and not window.backup.act_restore.isVisible()
    assert window.idle_lock is None
    dialog = window.sign_in_dialog
    dialog.login.setText("admin")  # the old database's administrator is refused
    dialog.password.setText(PASSWORD)
    assert not dialog.sign_in() and window.sign_in_dialog is dialog
    dialog.login.setText("maryam")
    dialog.password.setText(PASSWORD)
    assert dialog.sign_in()
    assert access.current_principal() == Principal("maryam", Role.ADMIN, True)
    qtbot.waitUntil(lambda: bool(window.pages))
    assert "maryam" in window.user_label.text() and window.isVisible()
    window.runner.wait()


def test_cancelling_the_sign_in_after_a_restore_closes_the_window(
    office, app, qtbot, paths, settings, tmp_path, fresh_database
) -> None:
    other = _other_database(tmp_path, fresh_database, "elsewhere", {"maryam": Role.ADMIN})
    window = _signed_in_window(qtbot, paths, office, settings)
    _restore(qtbot, window, _backup_of(other, tmp_path / "elsewhere.qdbackup"))
    assert window.sign_in_dialog is not None
    window.sign_in_dialog.reject()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert access.current_principal() in (None, NOBODY)
    window.runner.wait()


def test_the_same_admin_in_the_restored_database_stays_signed_in(
    office, app, qtbot, paths, settings, tmp_path, fresh_database
) -> None:
    other = _other_database(tmp_path, fresh_database, "same", {"admin": Role.ADMIN})
    window = _signed_in_window(qtbot, paths, office, settings)
    _restore(qtbot, window, _backup_of(other, tmp_path / "same.qdbackup"))
    assert access.current_principal() == ADMIN
    assert window.sign_in_dialog is None and window.pages
    assert "admin" in window.user_label.text() and window.backup.act_restore.isVisible()
    window.runner.wait()


def test_a_restored_database_without_users_signs_no_one_in(
    office, app, qtbot, paths, settings, tmp_path, fresh_database
) -> None:
    plain = fresh_database(tmp_path / "other" / "plain.sqlite3", countries=True)
    window = _signed_in_window(qtbot, paths, office, settings)
    _restore(qtbot, window, _backup_of(plain, tmp_path / "plain.qdbackup"))
    assert access.current_principal() is None
    assert window.sign_in_dialog is None and window.pages
    assert not window.user_label.isVisible() and window.idle_lock is None
    window.runner.wait()


def test_switching_to_a_database_where_the_admin_is_a_viewer_asks_who_signs_in(
    office, app, qtbot, paths, settings, tmp_path, fresh_database
) -> None:
    other = _other_database(
        tmp_path, fresh_database, "viewer", {"maryam": Role.ADMIN, "admin": Role.VIEWER}
    )
    window = _signed_in_window(qtbot, paths, office, settings)
    old = window.ctx.db
    window.replace_database(Database.open(other))
    old.close()
    assert access.current_principal() == NOBODY
    assert window.sign_in_dialog is not None and not window.pages
    window.sign_in_dialog.login.setText("admin")
    window.sign_in_dialog.password.setText(PASSWORD)
    assert window.sign_in_dialog.sign_in()
    assert access.current_principal() == Principal("admin", Role.VIEWER, False)
    qtbot.waitUntil(lambda: bool(window.pages))
    assert not window.act_new.isEnabled()
    window.runner.wait()
    window.ctx.db.close()


def test_a_server_restore_without_the_signed_in_admin_asks_who_signs_in(
    office, app, qtbot, paths, settings, tmp_path, fresh_database, postgres_databases
) -> None:
    """On a server database the restore replaces the rows of the open database: the same check."""
    other = _other_database(tmp_path, fresh_database, "elsewhere", {"maryam": Role.ADMIN})
    backup = _backup_of(other, tmp_path / "elsewhere.qdbackup")
    url = postgres_databases.create()
    server = Database.open(url, backups_dir=tmp_path / "sb", attachments_dir=tmp_path / "sa")
    try:
        users.create_first_admin(server, login="admin", password=PASSWORD)
        window = _signed_in_window(qtbot, paths, office, settings)
        window.replace_database(server)  # the same «admin» there: still signed in
        assert access.current_principal() == ADMIN and window.sign_in_dialog is None
        _restore(qtbot, window, backup)
        assert window.ctx.db is server  # the server database stayed open
        assert access.current_principal() == NOBODY
        assert window.sign_in_dialog is not None and not window.pages
        window.runner.wait()
    finally:
        server.close()
        postgres_databases.drop(url)
