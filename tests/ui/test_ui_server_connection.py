"""«Connection to the office's server»: the settings, the password, Test connection, and the
window opening (and switching to) a server database."""

from __future__ import annotations

import os
import socket
import sys
import types
from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.services import connection
from qazvin_diplomacy.ui.server_connection import (
    SERVER_URL,
    SHARED_ATTACHMENTS,
    ServerConnectionDialog,
    open_window_database,
    switch_database,
    window_paths,
    window_target,
)

URL = "postgresql://clerk@db.office:5432/qazvin"
GRABS = os.environ.get("QD_GRABS")


def closed_port() -> int:
    """A local port nothing listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class FakeKeyring(types.ModuleType):
    """The credential store as ``keyring`` exposes it."""

    def __init__(self) -> None:
        super().__init__("keyring")
        self.store: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, user: str, password: str) -> None:
        self.store[(service, user)] = password

    def get_password(self, service: str, user: str) -> str | None:
        return self.store.get((service, user))

    def delete_password(self, service: str, user: str) -> None:
        self.store.pop((service, user), None)


@pytest.fixture
def keyring(monkeypatch) -> FakeKeyring:
    fake = FakeKeyring()
    monkeypatch.setitem(sys.modules, "keyring", fake)
    monkeypatch.setattr(connection, "_passwords", {})
    return fake


@pytest.fixture
def dialog(app, qtbot, settings) -> ServerConnectionDialog:
    from qazvin_diplomacy.ui.common import TaskRunner

    runner = TaskRunner()
    widget = ServerConnectionDialog(settings, runner)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    runner.wait()


def test_the_settings_server_and_its_shared_folder_make_the_window_paths(
    settings, tmp_path
) -> None:
    shared = tmp_path / "share"
    assert window_target(settings, None) is None  # the default: this computer's file
    settings.set(SERVER_URL, URL)
    settings.set(SHARED_ATTACHMENTS, str(shared))
    assert window_target(settings, None) == URL
    assert window_target(settings, "other.sqlite3") == "other.sqlite3"  # --db wins
    assert window_paths(settings, URL, tmp_path).attachments_dir == shared
    other = window_paths(settings, "postgresql://clerk@elsewhere/x", tmp_path)
    assert other.attachments_dir != shared  # another server keeps its own folder
    assert window_paths(settings, None, tmp_path).attachments_dir == tmp_path / "attachments"


def test_an_unreachable_shared_folder_is_refused_before_connecting(settings, tmp_path) -> None:
    missing = tmp_path / "offline-share" / "qazvin"
    url = f"postgresql://clerk@127.0.0.1:{closed_port()}/qazvin"
    settings.set(SERVER_URL, url)
    settings.set(SHARED_ATTACHMENTS, str(missing))
    paths = window_paths(settings, url, tmp_path)
    with pytest.raises(KnownError) as caught:
        open_window_database(paths, url, settings)
    assert "پوشهٔ مشترک پیوست‌ها" in str(caught.value) and str(missing) in str(caught.value)
    assert not missing.exists() and not paths.backups_dir.exists()  # nothing made


def test_the_password_goes_to_the_credential_store_never_the_settings(
    dialog, settings, keyring, tmp_path
) -> None:
    dialog.server_radio.setChecked(True)
    dialog.url_edit.setText("postgresql://clerk:s3cret-pw@db.office:5432/qazvin")
    dialog.remember_check.setChecked(True)
    dialog.folder_edit.setText(str(tmp_path))
    dialog.accept()
    assert dialog.result() == ServerConnectionDialog.DialogCode.Accepted
    assert settings.get(SERVER_URL) == URL
    assert settings.get(SHARED_ATTACHMENTS) == str(tmp_path)
    assert "s3cret-pw" not in settings.path.read_text(encoding="utf-8")
    assert keyring.store == {(connection.KEYRING_SERVICE, URL): "s3cret-pw"}
    assert connection.has_password(URL)
    connection.forget_password(URL)
    assert not keyring.store and not connection.has_password(URL)


def test_a_typed_password_without_remember_is_kept_in_memory_only(
    dialog, settings, keyring
) -> None:
    dialog.server_radio.setChecked(True)
    dialog.url_edit.setText(URL)
    dialog.password_edit.setText("only-now")
    dialog.accept()
    assert keyring.store == {}
    assert connection._passwords == {URL: "only-now"}
    assert "only-now" not in settings.path.read_text(encoding="utf-8")


def test_a_malformed_address_or_folder_is_refused_in_the_dialog(dialog, settings, tmp_path) -> None:
    dialog.server_radio.setChecked(True)
    dialog.url_edit.setText("http://db.office/qazvin")
    dialog.accept()
    assert dialog.isVisible() and settings.get(SERVER_URL) == ""
    assert "postgresql://" in dialog.result_label.text()
    dialog.url_edit.setText(URL)
    dialog.folder_edit.setText(str(tmp_path / "nowhere"))
    dialog.accept()
    assert dialog.isVisible() and settings.get(SERVER_URL) == ""
    assert "در دسترس نیست" in dialog.result_label.text()


def test_choosing_this_computers_file_clears_the_server(dialog, settings) -> None:
    settings.set(SERVER_URL, URL)
    dialog.local_radio.setChecked(True)
    assert not dialog.url_edit.isEnabled() and not dialog.test_button.isEnabled()
    dialog.accept()
    assert settings.get(SERVER_URL) == "" and dialog.target() is None


def test_test_connection_runs_in_the_background_and_says_what_failed(dialog, qtbot) -> None:
    dialog.server_radio.setChecked(True)
    dialog.url_edit.setText(f"postgresql://clerk@127.0.0.1:{closed_port()}/qazvin")
    dialog.password_edit.setText("x")
    assert dialog.test_connection() is not None
    assert not dialog.test_button.isEnabled()  # while it runs
    qtbot.waitUntil(dialog.test_button.isEnabled, timeout=20000)
    assert "وصل نشد" in dialog.result_label.text()  # the server cannot be reached
    if GRABS:
        dialog.resize(1366 // 2, 420)
        dialog.grab().save(os.path.join(GRABS, "server-connection.png"))


# --------------------------------------------------------------------------- a real server


@pytest.fixture
def server(postgres_databases):  # type: ignore[no-untyped-def]
    """A server database at head, its URL without a password, and that password."""
    from sqlalchemy import make_url

    url = make_url(postgres_databases.create())
    password = url.password or os.environ.get("PGPASSWORD", "")
    bare = url.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    yield bare, password
    postgres_databases.drop(bare)


@pytest.fixture
def no_pgpassword(monkeypatch) -> None:
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", os.devnull)
    monkeypatch.setattr(connection, "_passwords", {})
    monkeypatch.setitem(sys.modules, "keyring", None)  # no credential store on this desk


def test_test_connection_names_a_wrong_password_and_a_missing_database(
    dialog, qtbot, server, no_pgpassword
) -> None:
    url, password = server
    dialog.server_radio.setChecked(True)
    dialog.url_edit.setText(url)
    dialog.password_edit.setText(password + "-wrong")
    dialog.test_connection()
    qtbot.waitUntil(dialog.test_button.isEnabled, timeout=20000)
    assert "گذرواژه نادرست" in dialog.result_label.text()
    dialog.url_edit.setText(url.rsplit("/", 1)[0] + "/no_such_office")
    dialog.password_edit.setText(password)
    dialog.test_connection()
    qtbot.waitUntil(dialog.test_button.isEnabled, timeout=20000)
    assert "وجود ندارد" in dialog.result_label.text()
    dialog.url_edit.setText(url)
    dialog.test_connection()
    qtbot.waitUntil(dialog.test_button.isEnabled, timeout=20000)
    assert "وصل شد" in dialog.result_label.text()


def test_the_window_opens_a_server_database_asking_for_its_password(
    app, qtbot, settings, tmp_path, server, no_pgpassword, monkeypatch
) -> None:
    from qazvin_diplomacy.ui.main_window import MainWindow

    url, password = server
    asked: list[str] = []

    def typed(_parent, _title, label, *_a):
        asked.append(label)
        return password, True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(typed))
    paths = window_paths(settings, url, tmp_path)
    db = open_window_database(paths, url, settings)
    try:
        assert len(asked) == 1 and url in asked[0]  # asked once, the URL shown, no password
        window = MainWindow(paths, db, settings)
        qtbot.addWidget(window)
        assert window.db_label.text() == url
        assert window.integrity.start() is False  # the SQLite file check has no file here
        window.runner.wait()
    finally:
        db.close()


def test_a_cancelled_password_dialog_is_a_refusal(
    settings, tmp_path, server, no_pgpassword, monkeypatch
) -> None:
    url, _password = server
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *_a: ("", False)))
    with pytest.raises(KnownError) as caught:
        open_window_database(window_paths(settings, url, tmp_path), url, settings)
    assert "گذرواژه" in str(caught.value)


def test_switching_reopens_the_window_on_the_server(window, server, monkeypatch, qtbot) -> None:
    url, password = server
    monkeypatch.setattr(connection, "_passwords", {})
    connection.use_password(url, password)
    old = window.ctx.db
    assert switch_database(window, url) is window.ctx.db
    assert window.ctx.db is not old and window.db_label.text() == url
    assert window.paths.settings_file == window.settings.path  # the same data folder
    window.show_module("visits")
    window.runner.wait()


def test_a_refused_switch_keeps_the_window_on_its_database(window, monkeypatch) -> None:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: said.append(a[2]))
    old = window.ctx.db
    assert switch_database(window, f"postgresql://clerk@127.0.0.1:{closed_port()}/x") is None
    assert window.ctx.db is old and said and "وصل نشد" in said[0]
    assert Path(window.db_label.text()) == old.path


@pytest.fixture
def started(app, monkeypatch, tmp_path):
    """``app.run_gui`` up to the window: what it would open, on a user folder in ``tmp_path``."""
    import qazvin_diplomacy.app as app_module
    from qazvin_diplomacy import paths as paths_module
    from qazvin_diplomacy.ui import launch, single_instance

    monkeypatch.setattr(
        paths_module.platformdirs, "user_data_dir", lambda *a, **k: str(tmp_path / "user")
    )
    monkeypatch.setattr(paths_module, "portable_marker", lambda: tmp_path / "no-portable")
    monkeypatch.setattr(single_instance, "claim_or_forward", lambda *_a: True)
    seen: dict[str, object] = {}

    def window(paths, *, open_database, refused):
        seen.update(paths=paths, open_database=open_database, refused=refused)
        return 0

    monkeypatch.setattr(launch, "run_gui", window)
    return app_module, seen


def test_the_window_opens_the_settings_server_without_db(started, tmp_path) -> None:
    from qazvin_diplomacy.ui.settings import Settings

    app_module, seen = started
    url = f"postgresql://clerk@127.0.0.1:{closed_port()}/qazvin"
    Settings(tmp_path / "user" / "settings.ini").set(SERVER_URL, url)
    assert app_module.run_gui(None) == 0
    assert seen["paths"].db_path.suffix == ".server"  # no local file in its place
    with pytest.raises(KnownError) as caught:
        seen["open_database"]()
    assert "وصل نشد" in str(caught.value) and "clerk@127.0.0.1" in str(caught.value)
    assert not list((tmp_path / "user").rglob("*.sqlite3"))


def test_db_url_on_the_command_line_opens_the_server(
    server, started, no_pgpassword, monkeypatch
) -> None:
    app_module, seen = started
    url, password = server
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *_a: (password, True)))
    assert app_module.run_gui(url) == 0
    db = seen["open_database"]()
    try:
        assert db.url == url and db.schema_revision() == connection.head_revision()
    finally:
        db.close()


def test_test_connection_names_a_schema_of_a_newer_program(dialog, qtbot, server) -> None:
    from sqlalchemy import create_engine, text

    url, password = server
    engine = create_engine(
        url.replace("postgresql://", "postgresql+psycopg://", 1),
        connect_args={"password": password},
    )
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    engine.dispose()
    dialog.server_radio.setChecked(True)
    dialog.url_edit.setText(url)
    dialog.password_edit.setText(password)
    dialog.test_connection()
    qtbot.waitUntil(dialog.test_button.isEnabled, timeout=20000)
    assert "نسخه جدیدتری" in dialog.result_label.text()


def test_the_windows_restore_replaces_the_servers_rows(window, server, monkeypatch, qtbot) -> None:
    """Backup → Restore in the window on a server database: the rows come back, the database
    stays open, the pages re-read."""
    from qazvin_diplomacy.core.directory import PersonInput
    from qazvin_diplomacy.services import directory

    url, password = server
    monkeypatch.setattr(connection, "_passwords", {})
    connection.use_password(url, password)
    db = switch_database(window, url)
    directory.save_person(db, person=PersonInput(name_fa="پیش از پشتیبان", name_en="Before"))
    backup = window.backup.open_backup()
    target = Path(backup.path_edit.text())
    backup.start_button.click()
    qtbot.waitUntil(lambda: not backup.running, timeout=60000)
    assert target.is_file(), backup.error.text()
    backup.close()
    directory.save_person(db, person=PersonInput(name_fa="پس از پشتیبان", name_en="After"))
    page = window.show_module("directory")
    restore = window.backup.open_restore()
    restore.source_edit.setText(str(target))
    restore.verify_button.click()
    qtbot.waitUntil(lambda: not restore.running, timeout=60000)
    assert restore.manifest is not None, restore.error.text()
    restore.confirm_box.setChecked(True)
    with qtbot.waitSignal(window.hub.dataChanged, timeout=60000):
        restore.restore_button.click()
        qtbot.waitUntil(lambda: not restore.running, timeout=60000)
    assert not restore.error.isVisible(), restore.error.text()
    assert window.ctx.db is db  # the server database stayed open
    names = {p.name_en for p in directory.list_people(db, limit=1000)}
    assert "Before" in names and "After" not in names
    assert page.ctx.db is db
    window.runner.wait()
