"""The audit trail page: the entries listed newest first, filtered; the chain verified."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtWidgets import QMessageBox

from qazvin_diplomacy.core.actor import acting_as
from qazvin_diplomacy.core.directory import OrganizationInput
from qazvin_diplomacy.core.text import to_persian_digits
from qazvin_diplomacy.services.directory import save_organization
from qazvin_diplomacy.storage.audit import drop_seal_ddl
from qazvin_diplomacy.ui.audit.page import AuditPage


@pytest.fixture
def page(window, db) -> AuditPage:
    with acting_as("clerk-one"):
        save_organization(db, org=OrganizationInput("دانشگاه بین‌المللی قزوین"))
    with acting_as("clerk-two"):
        save_organization(db, org=OrganizationInput("اتاق بازرگانی قزوین"))
    shown = window.show_module("audit")
    assert isinstance(shown, AuditPage)
    shown.refresh()
    return shown


def test_newest_first_and_filtered_by_user_and_text(page: AuditPage) -> None:
    model = page.model
    assert model.total >= 2
    newest = model.item(0)
    assert newest is not None and newest.actor == "clerk-two"
    page.filter_bar.actor.setCurrentIndex(page.filter_bar.actor.findData("clerk-one"))
    assert {model.item(r).actor for r in range(model.rowCount())} == {"clerk-one"}
    page.filter_bar.clear()
    page.filter_bar.text.setText("اتاق بازرگانی")
    page.apply_filters()
    assert [model.item(r).actor for r in range(model.rowCount())] == ["clerk-two"]
    changes = model.index(0, 6).data()
    assert "اتاق بازرگانی قزوین" in changes and "created_at" not in changes


def test_verify_says_intact_then_names_the_broken_entry(page: AuditPage, db, monkeypatch) -> None:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: said.append(a[2]))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: said.append(a[2]))
    page.verify_chain()
    with sqlite3.connect(db.path) as conn:  # with the owner's rights: the seal dropped first
        for drop in drop_seal_ddl("sqlite"):
            conn.execute(drop)
        conn.execute("UPDATE audit_entry SET actor = 'x' WHERE id = 2")
    page.verify_chain()
    assert "سالم" in said[0] or "intact" in said[0]
    assert "۲" in said[1] or " 2" in said[1]
    assert len(said) == 2


def test_verify_states_the_head_then_reports_entries_cut_off_the_end(
    page: AuditPage, db, monkeypatch
) -> None:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: said.append(a[2]))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: said.append(a[2]))
    page.verify_chain()  # this desk witnesses the head
    with sqlite3.connect(db.path) as conn:  # with the owner's rights: the seal dropped first
        last = conn.execute("SELECT max(id) FROM audit_entry").fetchone()[0]
        for drop in drop_seal_ddl("sqlite"):
            conn.execute(drop)
        conn.execute("DELETE FROM audit_entry WHERE id > ?", (last - 1,))
    page.verify_chain()
    assert "سر زنجیره" in said[0] and "چکیده" in said[0]
    expected, found = to_persian_digits(last), to_persian_digits(last - 1)
    assert f"دست‌کم {expected} باشد ولی {found} است" in said[1], said[1]


def test_changes_are_named_and_written_in_the_interface_language(page: AuditPage, app) -> None:
    """No column names, codes, ISO dates or Latin digits in the Persian list: «نام (فارسی)»,
    «نوع: …» by its label; in English the record and the fields are named in words."""
    from qazvin_diplomacy.ui.application import apply_language

    changes = page.model.index(0, 6).data()
    assert "نام (فارسی): اتاق بازرگانی قزوین" in changes
    assert "name_fa" not in changes and "kind" not in changes
    assert not any(ch.isascii() and ch.isalnum() for ch in changes)
    assert page.model.index(0, 5).data().startswith("سازمان ")
    apply_language(app, "en")
    page.refresh()
    changes = page.model.index(0, 6).data()
    assert "Name (Persian): اتاق بازرگانی قزوین" in changes and "name_fa" not in changes
    assert page.model.index(0, 5).data().startswith("Organization ")
