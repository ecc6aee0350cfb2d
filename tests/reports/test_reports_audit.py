"""The audit trail report: entries of a date range (and user), Tehran times, chain status."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from qazvin_diplomacy.cli import main
from qazvin_diplomacy.core.actor import acting_as
from qazvin_diplomacy.core.audit import AuditFilter
from qazvin_diplomacy.core.clock import today_local
from qazvin_diplomacy.core.directory import OrganizationInput
from qazvin_diplomacy.core.jalali import format_jalali
from qazvin_diplomacy.reports.audit_trail import changes_cell
from qazvin_diplomacy.services.audit import list_audit_entries
from qazvin_diplomacy.services.directory import save_organization
from qazvin_diplomacy.storage.audit import AuditEntry
from qazvin_diplomacy.storage.database import Database


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def _changes(db: Database) -> None:
    with acting_as("clerk-alpha"):
        view = save_organization(db, org=OrganizationInput("دانشگاه قزوین", "Qazvin Univ"))
    with acting_as("clerk-beta"):
        save_organization(
            db,
            org=replace(
                OrganizationInput("دانشگاه قزوین", "Qazvin University"), id=view.id, version=1
            ),
        )


def test_report_lists_the_range_and_filters_by_user(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _changes(db)
    today = today_local()
    first = format_jalali(today - timedelta(days=1), digits="latin")
    last = format_jalali(today + timedelta(days=1), digits="latin")
    out = tmp_path / "audit.pdf"
    argv = [
        "report",
        "audit",
        "--db",
        db.url or str(db.path),
        "--from",
        first,
        "--to",
        last,
        "--out",
        str(out),
    ]
    assert main(argv) == 0, capsys.readouterr()
    text = _text(out)
    assert "clerk-alpha" in text and "clerk-beta" in text
    head = list_audit_entries(db, limit=1)[0].id  # the head, printed for the paper record
    with db.read_session() as session:
        digest = session.get(AuditEntry, head).entry_hash  # type: ignore[union-attr]
    assert f"{head}:{digest[:16]}" in text.replace("\u2068", "").replace("\u2069", "")
    only = tmp_path / "beta.pdf"
    assert main([*argv[:-1], str(only), "--user", "clerk-beta"]) == 0
    text = _text(only)
    assert "clerk-beta" in text and "clerk-alpha" not in text
    assert "Qazvin University" in text and "Qazvin Univ\n" not in text


def test_an_update_prints_before_and_after(db: Database) -> None:
    _changes(db)
    update = list_audit_entries(db, filters=AuditFilter(actor="clerk-beta"))[0]
    assert changes_cell(update) == "نام (انگلیسی): از «Qazvin Univ» به «Qazvin University»"
