"""Start-up: the window paints before it reads data; the full integrity check runs afterwards.

The timing itself is measured by ``tests/bench/bench_startup.py`` (no timing asserted here).
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMessageBox

from qazvin_diplomacy.services import health
from qazvin_diplomacy.ui.dashboard import DashboardPage


@pytest.fixture
def new_window(app, qtbot, paths, db, settings):
    """A main window constructed but not yet shown."""
    from qazvin_diplomacy.ui.main_window import MainWindow

    win = MainWindow(paths, db, settings)
    qtbot.addWidget(win)
    yield win
    win.runner.wait()


def test_the_first_page_is_built_and_filled_only_after_the_first_paint(
    new_window, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    refreshed: list[DashboardPage] = []
    original = DashboardPage.refresh
    monkeypatch.setattr(
        DashboardPage, "refresh", lambda self: (refreshed.append(self), original(self))
    )
    assert new_window.pages == {}  # the constructor read nothing
    new_window.show()
    qtbot.waitUntil(lambda: bool(refreshed), timeout=10000)
    page = new_window.pages["dashboard"]
    assert refreshed == [page] and new_window.current_page() is page
    qtbot.waitUntil(page.cards["first_run"].isVisible)  # an empty database, read after the paint


def test_cards_stay_hidden_until_the_dashboard_has_read_them(new_window, qtbot) -> None:
    page = DashboardPage(new_window.ctx)
    qtbot.addWidget(page)
    page.show()
    assert not any(card.isVisible() for card in page.cards.values())  # no false "empty"
    page.refresh()
    assert page.reading()
    assert not any(card.isVisible() for card in page.cards.values())  # read in the worker
    qtbot.waitUntil(page.cards["first_run"].isVisible)
    assert not page.reading()


def test_show_module_before_the_first_paint_gives_a_filled_page(new_window, qtbot) -> None:
    page = new_window.show_module("dashboard")
    assert isinstance(page, DashboardPage)
    qtbot.waitUntil(lambda: not page.cards["first_run"].isHidden())  # read in the worker


# --- the background full check ------------------------------------------------------------


def _stamp(win) -> QByteArray | None:
    return win.ctx.settings.load_state(win.integrity._state_key())


def test_full_check_runs_after_the_first_paint_and_then_once_a_day(new_window, qtbot) -> None:
    today = new_window.ctx.today()
    assert new_window.integrity.last_passed() is None
    new_window.show()
    qtbot.waitUntil(lambda: new_window.integrity.last_passed() == today, timeout=20000)
    assert new_window.integrity.start() is False  # passed today: not again
    new_window.ctx.today = lambda: today + health.FULL_CHECK_EVERY  # the next day it is due
    assert new_window.integrity.start() is True
    new_window.runner.wait()


def test_full_check_is_due_after_an_unclean_shutdown(new_window, qtbot) -> None:
    today = new_window.ctx.today()
    new_window.ctx.settings.save_state(
        new_window.integrity._state_key(), QByteArray(today.isoformat().encode())
    )
    assert new_window.integrity.start() is False
    new_window.ctx.db.unclean_shutdown = True
    assert new_window.integrity.start() is True
    new_window.runner.wait()


def test_full_check_due_rules(db) -> None:
    today = dt.date(2026, 3, 1)
    assert health.full_check_due(db, None, today)
    assert not health.full_check_due(db, today, today)
    assert health.full_check_due(db, today - dt.timedelta(days=1), today)
    assert health.full_check_due(db, today + dt.timedelta(days=3), today)  # clock set back
    db.unclean_shutdown = True
    assert health.full_check_due(db, today, today)


def test_damage_found_in_the_background_is_shown_in_persian(
    new_window, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    finding = ["*** in database main ***\nPage 7: btreeInitPage() returns error code 11"]
    monkeypatch.setattr(health.FullCheck, "run", lambda self: finding)
    new_window.show()
    qtbot.waitUntil(lambda: new_window.integrity.warning is not None, timeout=20000)
    box = new_window.integrity.warning
    assert box.icon() == QMessageBox.Icon.Warning and box.isVisible()
    assert "آسیب" in box.text() and "بازیابی" in box.text()
    assert "btreeInitPage" in box.detailedText()
    assert new_window.integrity.last_passed() is None  # not stamped: checked again next start
    box.close()


def test_closing_the_window_cancels_a_check_under_way(new_window, qtbot, monkeypatch) -> None:
    cancelled: list[bool] = []
    monkeypatch.setattr(health.FullCheck, "cancel", lambda self: cancelled.append(True))
    new_window.integrity.check = health.FullCheck(new_window.ctx.db.path)
    new_window.close()
    assert cancelled == [True]
    new_window.integrity.check = None


# --- what the start path imports ------------------------------------------------------------

START_AND_LIST_MODULES = """
import sys
from PySide6.QtWidgets import QApplication
QApplication.exec = lambda *a: 0  # stop once the window is shown
from qazvin_diplomacy.cli import main
code = main(["--db", sys.argv[1]])
heavy = {"alembic", "mako", "reportlab", "openpyxl", "arabic_reshaper", "bidi"}
print(code, sorted({m.split(".")[0] for m in sys.modules} & heavy))
"""


def test_opening_the_window_imports_no_report_spreadsheet_or_migration_library(
    tmp_path: Path, db_path_ready: Path
) -> None:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        HOME=str(tmp_path),
    )
    out = subprocess.run(
        [sys.executable, "-c", START_AND_LIST_MODULES, str(db_path_ready)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    ).stdout
    assert out.split("\n")[-2] == "0 []"


@pytest.fixture
def db_path_ready(tmp_path: Path) -> Path:
    """An up-to-date database file, closed."""
    from qazvin_diplomacy.storage.database import Database

    path = tmp_path / "office.sqlite3"
    Database.open(path).close()
    return path


def test_the_window_alone_skips_the_full_argument_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    from qazvin_diplomacy import app, cli

    opened: list[str | None] = []
    monkeypatch.setattr(app, "run_gui", lambda db=None: opened.append(db) or 0)
    monkeypatch.setattr(cli, "build_parser", lambda: pytest.fail("parser built"))
    assert cli.main(["--db", "office.sqlite3"]) == 0
    assert cli.main(["--db=other.sqlite3"]) == 0
    assert cli.main([]) == 0
    assert opened == ["office.sqlite3", "other.sqlite3", None]


def test_anything_else_still_goes_through_the_parser(capsys: pytest.CaptureFixture[str]) -> None:
    from qazvin_diplomacy import cli

    with pytest.raises(SystemExit) as stop:
        cli.main(["--db"])  # a missing value is still a usage error, not a window
    assert stop.value.code == 2
    assert "usage error" in capsys.readouterr().err


# --- the frame paints first, the database opens after ----------------------------------------

START_AND_WATCH_THE_FIRST_PAINT = """
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
from qazvin_diplomacy.ui.main_window import MainWindow

seen = {}
DATA = ("sqlalchemy", "qazvin_diplomacy.storage", "qazvin_diplomacy.services")

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and isinstance(obj, MainWindow) and "paint" not in seen:
            seen["paint"] = sorted(m for m in sys.modules if m.startswith(DATA))
            seen["frame"] = [obj.windowTitle(), obj.nav.count(), obj.opening.text(),
                             obj.opening.isVisible(), obj.db_label.text()]
        return False

original = MainWindow._after_first_paint
def after_first_paint(self):
    original(self)
    seen["pages"] = sorted(self.pages)
    seen["open"] = "sqlalchemy" in sys.modules and self.ctx.db.path.name
    QTimer.singleShot(0, QApplication.instance().quit)
MainWindow._after_first_paint = after_first_paint

exec_ = QApplication.exec
def watched(*args):
    app = QApplication.instance()
    app.installEventFilter(FirstPaint(app))
    return exec_()
QApplication.exec = watched

from qazvin_diplomacy.cli import main
seen["code"] = main(["--db", sys.argv[1]])
heavy = {"alembic", "mako", "reportlab", "openpyxl", "arabic_reshaper", "bidi"}
seen["heavy"] = sorted({m.split(".")[0] for m in sys.modules} & heavy)
print(json.dumps(seen))
"""


def test_the_window_paints_before_sqlalchemy_is_imported_then_opens_the_database(
    tmp_path: Path, db_path_ready: Path
) -> None:
    import json

    from qazvin_diplomacy import APP_TITLE_FA

    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        HOME=str(tmp_path),
    )
    out = subprocess.run(
        [sys.executable, "-c", START_AND_WATCH_THE_FIRST_PAINT, str(db_path_ready)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    ).stdout
    seen = json.loads(out.strip().splitlines()[-1])
    assert seen["paint"] == []  # neither SQLAlchemy nor storage nor services at the first paint
    title, modules, opening, opening_shown, db_shown = seen["frame"]
    assert title == APP_TITLE_FA and modules >= 5  # the real frame: title, navigation
    assert opening_shown and "پایگاه داده" in opening  # "opening the database…", in Persian
    assert db_shown == str(db_path_ready)
    assert seen["pages"] == ["dashboard"] and seen["open"] == db_path_ready.name  # then opened
    assert seen["code"] == 0 and seen["heavy"] == []


def test_a_refused_database_is_told_after_the_frame_and_exits_1(
    app, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The two-phase start keeps the refusal: the Persian dialog, exit code 1, file untouched."""
    import logging

    from qazvin_diplomacy import app as composition
    from qazvin_diplomacy.ui import application
    from qazvin_diplomacy.ui.main_window import MainWindow
    from qazvin_diplomacy.ui.single_instance import InstanceGuard

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "userdata"))
    bad = tmp_path / "office.sqlite3"
    bad.write_bytes(b"this is not a database\n" * 200)
    before = bad.read_bytes()
    shown: list[tuple[str, list[tuple[bool, bool]]]] = []

    def show_error(text: str) -> None:
        frames = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow)]
        shown.append((text, [(w._painted, w.isVisible()) for w in frames]))

    monkeypatch.setattr(application, "show_error", show_error)
    handlers = list(logging.getLogger().handlers)
    try:
        assert composition.run_gui(str(bad)) == 1
    finally:
        for handler in logging.getLogger().handlers[:]:
            if handler not in handlers:
                logging.getLogger().removeHandler(handler)
                handler.close()
        for guard in app.findChildren(InstanceGuard):
            guard.release()
            guard.setParent(None)
        for widget in app.topLevelWidgets():
            if isinstance(widget, MainWindow):
                widget.deleteLater()
    [(text, frames)] = shown
    assert "office.sqlite3" in text and "باز نشد" in text  # the refusal ("not opened"), Persian
    assert (True, False) in frames  # the frame had painted, and was closed before the dialog
    assert bad.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["office.sqlite3", "userdata"]
