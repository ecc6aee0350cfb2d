"""Fixtures of the UI tests: offscreen Qt, a temporary database, a main window."""

from __future__ import annotations

import os
import shutil

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QApplication

from qazvin_diplomacy.paths import AppPaths, resolve_paths
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.ui.application import apply_language, get_application
from qazvin_diplomacy.ui.common import TaskRunner
from qazvin_diplomacy.ui.i18n import current_language
from qazvin_diplomacy.ui.settings import Settings
from tests.conftest import shared_template


@pytest.fixture(scope="session")
def qapp_cls() -> type[QApplication]:
    """pytest-qt hook: our QApplication class."""
    return QApplication


def _persian(qapp: QApplication) -> None:
    """Persian, right to left, as the application starts.

    Switching parses the translations and makes every live widget retranslate itself (most
    of a short UI test's time), so it is done only when a test left another language, locale
    or direction behind; the pending events are handled either way.
    """
    if (
        current_language() != "fa"
        or qapp.layoutDirection() != Qt.LayoutDirection.RightToLeft
        or QLocale().language() != QLocale.Language.Persian
        or QCoreApplication.translate("Common", "Error") != "خطا"  # the translators are in
    ):
        apply_language(qapp, "fa")
    else:
        qapp.processEvents()


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    """The application, in Persian at the start of every test and after it."""
    get_application()
    _persian(qapp)
    yield qapp
    _persian(qapp)


@pytest.fixture(autouse=True)
def _left_in_persian() -> Iterator[None]:
    """Every UI test leaves the application in Persian, also one that did not take ``app``
    (a test switching to English without it decided the language of the worker's next test)."""
    yield
    qapp = QApplication.instance()
    if isinstance(qapp, QApplication):
        _persian(qapp)


@pytest.fixture(autouse=True)
def _background_work_done() -> Iterator[None]:
    """Every task a test starts in a ``TaskRunner`` has ended when the test does: one still
    running would answer into the next test, and a worker thread running Python when the
    process exits makes Qt print "Qt Concurrent has caught an exception thrown from a worker
    thread".  A runner whose window is gone has waited for its task already."""
    runners: list[TaskRunner] = []
    start = TaskRunner.__init__

    def recorded(self: TaskRunner, *args: object, **kwargs: object) -> None:
        start(self, *args, **kwargs)
        runners.append(self)

    # Not ``monkeypatch``: taken by an autouse fixture it would be set up first and so torn
    # down last, undoing a test's own environment changes only after the other fixtures'
    # teardown (a server database dropped with PGPASSWORD still removed).
    TaskRunner.__init__ = recorded  # type: ignore[method-assign]
    try:
        yield
    finally:
        TaskRunner.__init__ = start  # type: ignore[method-assign]
    busy = [r for r in runners if shiboken6.isValid(r) and not r.wait(10000)]
    assert not busy, "a background task was still running 10 s after its test"


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    """Paths inside a temporary folder."""
    return resolve_paths(base_dir=tmp_path / "data").ensure()


@pytest.fixture
def countries() -> None:
    """Asked for by a test or fixture that needs the countries: its ``db`` then starts with
    them, as the application opens a database (``ensure_reference_data``), instead of each
    test seeding them again (about 0.2 s of CPU)."""


@pytest.fixture(scope="session")
def demo_template(
    tmp_path_factory: pytest.TempPathFactory, fresh_database: Callable[..., Path]
) -> Path:
    """A new database with the demo data (``load_demo``: about a second of CPU), made once."""
    from qazvin_diplomacy.services.demo import load_demo

    def build(path: Path) -> None:
        database = Database.open(fresh_database(path, countries=False))
        load_demo(database)
        database.close()  # the last connection: SQLite folds the WAL into the file

    return shared_template(tmp_path_factory, "ui demo_template", build)[0]


@pytest.fixture
def demo_data() -> None:
    """Asked for by a test or fixture that needs the demo data: its ``db`` then starts as a
    copy of the session's demo database instead of loading the demo again."""


@pytest.fixture
def db(
    request: pytest.FixtureRequest, paths: AppPaths, fresh_database: Callable[..., Path]
) -> Iterator[Database]:
    """A fresh, migrated database (a copy of a file made once a session): empty, with the
    countries when the test asks for ``countries``, with the demo data for ``demo_data``."""
    if "demo_data" in request.fixturenames:
        path = paths.db_path
        shutil.copyfile(request.getfixturevalue("demo_template"), path)
    else:
        path = fresh_database(paths.db_path, countries="countries" in request.fixturenames)
    database = Database.open(
        path,
        backups_dir=paths.backups_dir,
        attachments_dir=paths.attachments_dir,
    )
    yield database
    database.close()


@pytest.fixture
def settings(paths: AppPaths) -> Settings:
    """Settings in the temporary INI file."""
    return Settings(paths.settings_file)


@pytest.fixture
def window(app: QApplication, qtbot, paths: AppPaths, db: Database, settings: Settings):
    """The main window on the temporary database."""
    from qazvin_diplomacy.ui.main_window import MainWindow

    win = MainWindow(paths, db, settings)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.runner.wait()
    app.processEvents()  # work finished in the background reports to this window, still alive


@pytest.fixture
def people(countries: None, db: Database) -> dict[str, int]:
    """Three contacts: an ambassador, a counsellor (guests) and the governor (host)."""
    from qazvin_diplomacy.core.directory import PersonInput
    from qazvin_diplomacy.services import directory

    directory.ensure_reference_data(db)
    made = {}
    for key, fa, en, title in (
        ("ambassador", "هیروشی تاناکا", "Hiroshi Tanaka", "سفیر"),
        ("counsellor", "یوکو ساتو", "Yoko Sato", "رایزن اقتصادی"),
        ("governor", "محمدرضا قزوینی", "Mohammadreza Qazvini", "استاندار"),
    ):
        made[key] = directory.save_person(
            db, person=PersonInput(name_fa=fa, name_en=en, title_fa=title)
        ).id
    return made
