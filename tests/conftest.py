"""Fixtures shared by every test folder."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The machine running the suite is shared (2 cores, parallel workers): a property test must not
# fail because generating its examples was slow, nor because one example waited for the CPU.
settings.register_profile(
    "shared-machine", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("shared-machine")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A path for a fresh database file inside the test's temporary folder."""
    return tmp_path / "office.sqlite3"


@pytest.fixture(scope="session")
def fresh_database(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """``fresh_database(path, countries=…)``: a new, migrated database file at ``path``.

    Creating and migrating a database costs about 0.2 s of CPU; it is done once a session
    (with and without the countries) and each test gets a copy of that file, opened as
    usual: the same schema at head, nothing left to migrate, no WAL beside it.
    """
    from qazvin_diplomacy.services.directory import ensure_reference_data
    from qazvin_diplomacy.storage.database import Database

    templates: dict[bool, Path] = {}

    def fresh(path: Path, *, countries: bool) -> Path:
        if countries not in templates:
            template = tmp_path_factory.mktemp("template") / "template.sqlite3"
            database = Database.open(template)
            if countries:
                ensure_reference_data(database)
            database.close()  # the last connection: SQLite folds the WAL into the file
            templates[countries] = template
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(templates[countries], path)
        return path

    return fresh


@pytest.fixture
def db(db_path: Path, fresh_database: Callable[..., Path]):
    """A freshly created, migrated database with the countries seeded."""
    from qazvin_diplomacy.storage.database import Database

    database = Database.open(fresh_database(db_path, countries=True))
    yield database
    database.close()
