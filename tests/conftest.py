"""Fixtures shared by every test folder."""

from __future__ import annotations

import os
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


@pytest.fixture
def db(db_path: Path):
    """A freshly created, migrated database with the countries seeded."""
    from qazvin_diplomacy.services.directory import ensure_reference_data
    from qazvin_diplomacy.storage.database import Database

    database = Database.open(db_path)
    ensure_reference_data(database)
    yield database
    database.close()
