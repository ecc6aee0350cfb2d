"""Fixtures shared by every test folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A path for a fresh database file inside the test's temporary folder."""
    return tmp_path / "office.sqlite3"


@pytest.fixture
def db(db_path: Path):
    """A freshly created, migrated database with the countries seeded."""
    from qazvin_diplomacy.services.directory import ensure_reference_data
    from qazvin_diplomacy.storage.database import Database

    database = Database.open(db_path)
    ensure_reference_data(database)
    yield database
    database.close()
