"""How a backup's schema and application version are named to people (no internal ids)."""

from __future__ import annotations

from qazvin_diplomacy.core.backups import app_version_text, schema_version_text


def test_schema_revision_reads_as_a_numbered_version() -> None:
    assert schema_version_text("0007_holidays") == "نسخهٔ ۷"
    assert schema_version_text("0012_visit_files", "en") == "version 12"
    assert schema_version_text(None) == "نامعلوم"
    assert schema_version_text("garbage", "en") == "unknown"


def test_app_version_is_isolated_in_the_language_digits() -> None:
    assert app_version_text("0.1.0") == "\u2068۰.۱.۰\u2069"
    assert app_version_text("0.1.0", "en") == "\u20680.1.0\u2069"
    assert app_version_text("") == "نامعلوم"
