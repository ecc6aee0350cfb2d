"""Windows desk conditions in the window: a second start on the same database, the installer
ending the program without closing its window, a clock in a stale Iran time zone."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile, QObject, QTimer

from qazvin_diplomacy.core import clock
from qazvin_diplomacy.core.text import to_latin_digits
from qazvin_diplomacy.ui import application, launch, single_instance
from qazvin_diplomacy.ui import settings as S
from qazvin_diplomacy.ui.main_window import GEOMETRY_KEY
from qazvin_diplomacy.ui.single_instance import InstanceGuard, claim_or_forward


@pytest.fixture
def owner(app) -> QObject:
    """A parent for the guards of one test (the application would keep them for the session)."""
    parent = QObject()
    yield parent
    for guard in parent.findChildren(InstanceGuard):
        guard.release()


def test_second_start_on_the_same_database_asks_the_first_to_show(qtbot, paths, owner) -> None:
    first = InstanceGuard(paths.log_dir.parent, paths.db_path, owner)
    assert first.claim()
    assert first.lock_path.parent == paths.log_dir.parent  # in the data folder
    # the same database written another way
    same = paths.db_path.parent / "." / paths.db_path.name
    second = InstanceGuard(paths.log_dir.parent, same, owner)
    assert not second.claim()
    with qtbot.waitSignal(first.showRequested, timeout=5000):
        assert second.ask_owner_to_show()


def test_another_database_is_not_blocked(paths, owner, tmp_path) -> None:
    assert InstanceGuard(paths.log_dir.parent, paths.db_path, owner).claim()
    other = InstanceGuard(paths.log_dir.parent, tmp_path / "other.sqlite3", owner)
    assert other.claim()


def test_released_lock_can_be_claimed_again(paths, owner) -> None:
    first = InstanceGuard(paths.log_dir.parent, paths.db_path, owner)
    assert first.claim()
    first.release()
    assert InstanceGuard(paths.log_dir.parent, paths.db_path, owner).claim()


class _UnwritableLock:
    """A QLockFile in a folder the user may not write to."""

    def tryLock(self, _timeout: int) -> bool:  # Qt's name
        return False

    def error(self) -> QLockFile.LockError:
        return QLockFile.LockError.PermissionError

    def unlock(self) -> None:
        pass


def test_a_lock_that_cannot_be_written_does_not_stop_the_start(paths, owner) -> None:
    guard = InstanceGuard(paths.log_dir.parent, paths.db_path, owner)
    guard._lock = _UnwritableLock()  # type: ignore[assignment]
    assert guard.claim()


def test_claim_or_forward_stops_the_second_start(qtbot, paths, owner, app) -> None:
    first = InstanceGuard(paths.log_dir.parent, paths.db_path, owner)
    assert first.claim()
    with qtbot.waitSignal(first.showRequested, timeout=5000):
        assert claim_or_forward(paths, app) is False


def test_an_instance_that_does_not_answer_is_reported(paths, owner, app, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(application, "show_error", shown.append)
    monkeypatch.setattr(single_instance, "CONNECT_TIMEOUT_MS", 500)
    first = InstanceGuard(paths.log_dir.parent, paths.db_path, owner)
    assert first.claim()
    first._server.close()  # hung: holds the lock, answers nobody
    assert claim_or_forward(paths, app) is False
    [message] = shown
    assert "Task Manager" in message


def test_show_request_brings_a_minimised_window_forward(qtbot, window, owner) -> None:
    guard = InstanceGuard(window.ctx.paths.log_dir.parent, window.ctx.paths.db_path, owner)
    assert guard.claim()
    assert single_instance.attach(window, owner) is guard
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized, timeout=2000)
    guard.showRequested.emit()
    assert not window.isMinimized() and window.isVisible()


CHILD = textwrap.dedent("""
    import sys
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from qazvin_diplomacy.paths import resolve_paths
    from qazvin_diplomacy.ui.single_instance import InstanceGuard

    app = QApplication([])
    paths = resolve_paths(base_dir=Path(sys.argv[1]))
    guard = InstanceGuard(paths.log_dir.parent, paths.db_path, app)
    assert guard.claim()
    guard.showRequested.connect(lambda: (print("shown", flush=True), app.quit()))
    print("ready", flush=True)
    QTimer.singleShot(60000, app.quit)
    app.exec()
""")


def _start_child(base: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(base)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(application.__file__).parents[2],
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    return child


def test_two_processes_second_start_raises_the_first_and_exits(paths, app) -> None:
    child = _start_child(paths.data_dir)
    try:
        assert claim_or_forward(paths, app) is False
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "shown"
        assert child.wait(30) == 0
    finally:
        child.kill()


def test_lock_of_a_crashed_instance_does_not_block(paths, owner) -> None:
    child = _start_child(paths.data_dir)
    child.kill()
    child.wait(30)
    assert InstanceGuard(paths.log_dir.parent, paths.db_path, owner).claim()


def test_quit_without_a_close_event_still_backs_up_and_saves(app, qtbot, paths, db) -> None:
    """The Restart Manager (CloseApplications=yes) and a Windows log-off end the event loop
    without closing the window: the on-exit backup and window state must still be written."""
    settings = S.Settings(paths.settings_file)
    settings.set(S.AUTO_BACKUP, "on_exit")
    closes: list[bool] = []
    QTimer.singleShot(500, lambda: app.exit(0))
    from qazvin_diplomacy.ui.main_window import MainWindow

    original = MainWindow.closeEvent
    try:
        MainWindow.closeEvent = lambda self, event: (closes.append(True), original(self, event))
        assert launch.run_gui(paths, db) == 0
    finally:
        MainWindow.closeEvent = original
    assert closes == []  # no close event came: only aboutToQuit
    assert len(list(paths.backups_dir.glob("auto-backup-*.qdbackup"))) == 1
    assert S.Settings(paths.settings_file).load_state(GEOMETRY_KEY) is not None


def test_closing_then_quitting_backs_up_once(app, window, paths, settings) -> None:
    settings.set(S.AUTO_BACKUP, "on_exit")
    window.close()
    window.shut_down()  # aboutToQuit after the close event
    assert len(list(paths.backups_dir.glob("auto-backup-*.qdbackup"))) == 1


def test_a_closed_window_leaves_no_date_picker_reading_its_database(window) -> None:
    """The window lends its database's holidays to every date picker; once closed, a picker
    shown later (another window, a test's form) uses the computed holidays, not a database
    that may be gone (a server dropped, a file restored)."""
    from qazvin_diplomacy.ui.widgets import jalali

    assert jalali._holiday_provider is not jalali.computed_holidays
    window.close()
    assert jalali._holiday_provider is jalali.computed_holidays


def test_stale_iran_time_zone_is_reported_in_the_status_bar(window, monkeypatch) -> None:
    monkeypatch.setattr(
        clock, "system_offset_mismatch", lambda moment=None: timedelta(hours=4, minutes=30)
    )
    text = launch.warn_if_clock_zone_differs(window)
    assert text is not None and "+04:30" in to_latin_digits(text)
    assert "تهران" in text  # Persian interface
    assert window.statusBar().currentMessage() == text


def test_tehran_time_zone_gives_no_warning(window, monkeypatch) -> None:
    monkeypatch.setattr(clock, "system_offset_mismatch", lambda moment=None: None)
    window.statusBar().clearMessage()
    assert launch.warn_if_clock_zone_differs(window) is None
    assert window.statusBar().currentMessage() == ""


def test_run_gui_on_a_database_already_open_returns_at_once(
    qtbot, app, owner, tmp_path, monkeypatch
) -> None:
    """The second double-click: no database opened, no second window, the first one shown."""
    import logging

    from qazvin_diplomacy import app as composition
    from qazvin_diplomacy.paths import resolve_paths

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "userdata"))
    db_path = tmp_path / "office.sqlite3"
    paths = resolve_paths(db_path)
    first = InstanceGuard(paths.log_dir.parent, paths.db_path, owner)
    assert first.claim()
    opened: list[object] = []
    monkeypatch.setattr(composition, "open_database", opened.append)
    handlers = list(logging.getLogger().handlers)
    try:
        with qtbot.waitSignal(first.showRequested, timeout=5000):
            assert composition.run_gui(str(db_path)) == 0
    finally:
        for handler in logging.getLogger().handlers[:]:
            if handler not in handlers:
                logging.getLogger().removeHandler(handler)
                handler.close()
    assert opened == [] and not db_path.exists()
