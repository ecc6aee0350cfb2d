"""Fixtures of the UI tests: offscreen Qt, a temporary database, a main window."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from qazvin_diplomacy.paths import AppPaths, resolve_paths
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.ui.application import apply_language, get_application
from qazvin_diplomacy.ui.settings import Settings


@pytest.fixture(scope="session")
def qapp_cls() -> type[QApplication]:
    """pytest-qt hook: our QApplication class."""
    return QApplication


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    """The application, in Persian at the start of every test and after it."""
    get_application()
    apply_language(qapp, "fa")
    yield qapp
    apply_language(qapp, "fa")


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    """Paths inside a temporary folder."""
    return resolve_paths(base_dir=tmp_path / "data").ensure()


@pytest.fixture
def db(paths: AppPaths, fresh_database: Callable[..., Path]) -> Iterator[Database]:
    """A fresh, migrated, empty database (a copy of the session's new database file)."""
    database = Database.open(
        fresh_database(paths.db_path, countries=False),
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


@pytest.fixture
def people(db: Database) -> dict[str, int]:
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
