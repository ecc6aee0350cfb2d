"""Backup and restore through the real dialogs of the main window, and automatic backups."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QSpinBox

from qazvin_diplomacy.core import jalali
from qazvin_diplomacy.core.backups import BackupCancelled, BackupPasswordError
from qazvin_diplomacy.core.directory import PersonInput
from qazvin_diplomacy.services import audit_seal, directory
from qazvin_diplomacy.services.attachments import add_attachment, list_attachments
from qazvin_diplomacy.services.backup import is_encrypted
from qazvin_diplomacy.storage.database import head_revision
from qazvin_diplomacy.ui import settings as S
from qazvin_diplomacy.ui.backup import (
    BackupDialog,
    RestoreDialog,
    default_backup_name,
    default_backup_path,
    format_size,
)

PASSWORD = "گذرواژهٔ قزوین ۱۴۰۴"
BEFORE = "Ahmad Before-Backup"
AFTER = "Zahra After-Backup"


@pytest.fixture
def demo(demo_data, db, paths, tmp_path):
    """Demo data, one person added before the backup and two attachments (one large)."""
    person = directory.save_person(db, person=PersonInput(name_fa="احمد پیشین", name_en=BEFORE))
    small = tmp_path / "note.txt"
    small.write_text("یادداشت دیدار", encoding="utf-8")
    big = tmp_path / "scan.bin"
    big.write_bytes(os.urandom(3_000_000))
    for source in (small, big):
        add_attachment(db, owner_kind="person", owner_id=person.id, source=source)
    return person.id


def people_names(db) -> set[str]:
    return {p.name_en for p in directory.list_people(db, limit=10_000)}


def write_backup(qtbot, window, *, password: str | None = None) -> tuple[BackupDialog, Path]:
    dialog = window.backup.open_backup()
    target = Path(dialog.path_edit.text())
    if password is not None:
        dialog.encrypt_box.setChecked(True)
        dialog.password_edit.setText(password)
        dialog.confirm_edit.setText(password)
    dialog.start_button.click()
    assert dialog.running
    qtbot.waitUntil(lambda: not dialog.running, timeout=30000)
    return dialog, target


def restore_from(qtbot, window, source: Path, *, password: str = "") -> RestoreDialog:
    dialog = window.backup.open_restore()
    dialog.source_edit.setText(str(source))
    if password:
        dialog.password_edit.setText(password)
    dialog.verify_button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30000)
    return dialog


def confirm_and_restore(qtbot, dialog: RestoreDialog) -> None:
    assert not dialog.restore_button.isEnabled()  # not before the confirmation
    dialog.confirm_box.setChecked(True)
    assert dialog.restore_button.isEnabled()
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30000)


def test_default_name_carries_the_jalali_date(tmp_path) -> None:
    day = jalali.from_jalali(1404, 8, 10)
    assert default_backup_name(day) == "qazvin-diplomacy-1404-08-10.qdbackup"
    first = default_backup_path(tmp_path, day)
    first.write_bytes(b"x")
    assert default_backup_path(tmp_path, day).name == "qazvin-diplomacy-1404-08-10-2.qdbackup"


def test_sizes_in_persian(app) -> None:
    assert format_size(1536) == "۱٫۵ کیلوبایت"
    assert format_size(12) == "۱۲ بایت"


def test_backup_then_restore_brings_the_data_back(qtbot, window, db, paths, demo) -> None:
    window.show_module("directory")
    dialog, target = write_backup(qtbot, window)
    assert target.parent == paths.backups_dir
    assert target.name == default_backup_name(window.ctx.today())
    assert target.is_file() and not is_encrypted(target)
    assert "پشتیبان نوشته شد" in dialog.status.text()
    assert not dialog.error.isVisible()
    dialog.close()

    # Change the data after the backup: one more person, one attachment file lost.
    directory.save_person(db, person=PersonInput(name_fa="زهرا پسین", name_en=AFTER))
    stored = list_attachments(db, owner_kind="person", owner_id=demo)
    lost = paths.attachments_dir / stored[0].sha256[:2] / stored[0].sha256
    lost.unlink()
    assert AFTER in people_names(db)

    restore = restore_from(qtbot, window, target)
    assert restore.manifest is not None, restore.error.text()
    summary = restore.summary.text()
    assert restore.summary.isVisible()
    assert "پرونده‌های پیوست: ۲" in summary
    assert "دارای گذرواژه: خیر" in summary
    assert "پروندهٔ پیوست آسیب‌دیده: ندارد" in summary
    assert "تاریخ ساخت: ۱۴" in summary  # a Jalali year, Persian digits
    # The structure as a numbered version, never the migration's id («۰۰۰۸_contact_…»).
    number = int(head_revision().split("_")[0])
    assert f"ساختار پایگاه داده: نسخهٔ {jalali.to_persian_digits(number)} (" in summary
    assert "_" not in summary and not any("a" <= ch <= "z" for ch in summary)
    # Where the backup's audit trail ends beside this database's: the person saved after the
    # backup made this one longer, and the restore replaces those entries.
    assert restore.manifest.audit_head is not None
    backup_end = restore.manifest.audit_head[0]
    here = audit_seal.current_head(db)
    assert here is not None and here.entry > backup_end
    fa = jalali.to_persian_digits
    assert (
        f"سابقهٔ تغییرات: تا مدخل {fa(backup_end)} (این پایگاه داده: تا مدخل {fa(here.entry)})"
        in summary
    )
    confirm_and_restore(qtbot, restore)
    assert not restore.error.isVisible(), restore.error.text()
    assert "پشتیبان بازیابی شد" in restore.status.text()

    new_db = window.ctx.db
    assert new_db is not db
    names = people_names(new_db)
    assert BEFORE in names and AFTER not in names
    assert lost.is_file()  # the missing attachment came back
    assert any("before-restore" in p.name for p in paths.backups_dir.iterdir())
    # every page is rebuilt on the restored database
    page = window.current_page()
    assert page is not None and page.ctx.db is new_db
    directory_page = window.page("directory")
    assert directory_page.person_model.db is new_db


def test_password_backup_wrong_password_refused_in_persian(qtbot, window, db, demo) -> None:
    dialog = window.backup.open_backup()
    target = Path(dialog.path_edit.text())
    dialog.encrypt_box.setChecked(True)
    dialog.password_edit.setText(PASSWORD)
    dialog.confirm_edit.setText(PASSWORD + "x")
    assert dialog.start_backup() is False
    assert "یکسان نیستند" in dialog.error.text()
    dialog.password_edit.setText("کوتاه")
    dialog.confirm_edit.setText("کوتاه")
    assert dialog.start_backup() is False
    assert "دست‌کم ۸ نویسه" in dialog.error.text()
    assert not target.exists()
    dialog.close()

    dialog, target = write_backup(qtbot, window, password=PASSWORD)
    assert is_encrypted(target)
    dialog.close()
    directory.save_person(db, person=PersonInput(name_fa="زهرا پسین", name_en=AFTER))

    wrong = restore_from(qtbot, window, target, password="not the password")
    assert wrong.password_edit.isEnabled()
    assert wrong.manifest is None
    assert wrong.error.text() == BackupPasswordError().message
    assert not wrong.restore_button.isEnabled()
    wrong.close()

    right = restore_from(qtbot, window, target, password=PASSWORD)
    assert right.manifest is not None, right.error.text()
    assert "دارای گذرواژه: بله" in right.summary.text()
    confirm_and_restore(qtbot, right)
    names = people_names(window.ctx.db)
    assert BEFORE in names and AFTER not in names


def test_cancelled_backup_leaves_nothing(qtbot, window, paths, demo) -> None:
    dialog = window.backup.open_backup()
    target = Path(dialog.path_edit.text())
    before = set(paths.backups_dir.iterdir())
    assert dialog.start_backup()
    dialog.cancel_button.click()  # at once: the worker stops at its next chunk
    qtbot.waitUntil(lambda: not dialog.running, timeout=30000)
    assert dialog.status.text() == BackupCancelled().message
    assert not target.exists()
    assert set(paths.backups_dir.iterdir()) == before  # no partial file either
    assert dialog.close_button.isVisible() and dialog.start_button.isEnabled()


def test_cancelled_restore_keeps_the_current_data(qtbot, window, db, demo) -> None:
    dialog, target = write_backup(qtbot, window)
    dialog.close()
    directory.save_person(db, person=PersonInput(name_fa="زهرا پسین", name_en=AFTER))
    restore = restore_from(qtbot, window, target)
    restore.confirm_box.setChecked(True)
    assert restore.restore()
    restore.cancel()
    qtbot.waitUntil(lambda: not restore.running, timeout=30000)
    assert restore.status.text() == BackupCancelled().message
    assert AFTER in people_names(window.ctx.db)  # reopened, unchanged


def test_refused_file_is_explained(qtbot, window, tmp_path) -> None:
    junk = tmp_path / "junk.qdbackup"
    junk.write_bytes(b"PK\x03\x04 not really a zip")
    restore = restore_from(qtbot, window, junk)
    assert restore.manifest is None
    assert "هیچ چیزی بازیابی نشد" in restore.error.text()
    assert not restore.confirm_box.isEnabled()


def test_automatic_backup_daily_and_on_exit(qtbot, window, paths, settings, demo) -> None:
    auto = window.backup.auto
    assert auto.timer.isActive() and auto.timer.interval() == auto.FIRST_CHECK_MS
    settings.set(S.AUTO_BACKUP_KEEP, 1)
    assert auto.run()
    qtbot.waitUntil(lambda: not auto.busy, timeout=30000)
    made = sorted(p.name for p in paths.backups_dir.glob("auto-backup-*.qdbackup"))
    assert len(made) == 1
    # older automatic backups beyond "keep" are pruned; today's is not made twice
    old = paths.backups_dir / "auto-backup-20200101-101010.qdbackup"
    old.write_bytes(b"old")
    assert auto.run()
    qtbot.waitUntil(lambda: not auto.busy, timeout=30000)
    assert not old.exists()
    assert sorted(p.name for p in paths.backups_dir.glob("auto-backup-*")) == made

    for item in paths.backups_dir.glob("auto-backup-*"):
        item.unlink()
    settings.set(S.AUTO_BACKUP, "on_exit")
    window.close()
    assert len(list(paths.backups_dir.glob("auto-backup-*.qdbackup"))) == 1


def test_no_backup_on_exit_when_off(qtbot, window, paths, settings) -> None:
    settings.set(S.AUTO_BACKUP, "off")
    window.close()
    assert not list(paths.backups_dir.glob("auto-backup-*"))


def test_settings_dialog_shows_the_backup_settings(qtbot, window, settings) -> None:
    dialog = window.open_settings()
    mode = dialog.editors[S.AUTO_BACKUP.key]
    keep = dialog.editors[S.AUTO_BACKUP_KEEP.key]
    assert isinstance(mode, QComboBox) and isinstance(keep, QSpinBox)
    assert mode.currentData() == "daily"
    assert [mode.itemData(i) for i in range(mode.count())] == ["off", "on_exit", "daily"]
    assert (keep.minimum(), keep.maximum()) == S.AUTO_BACKUP_KEEP.bounds
    assert keep.value() == 10
    mode.setCurrentIndex(mode.findData("on_exit"))
    keep.setValue(3)
    dialog.accept()
    assert settings.get(S.AUTO_BACKUP) == "on_exit"
    assert settings.get(S.AUTO_BACKUP_KEEP) == 3
    # a hand-edited value out of range is clamped
    settings._qs.setValue(S.AUTO_BACKUP_KEEP.key, 0)
    assert settings.get(S.AUTO_BACKUP_KEEP) == 1


def test_backup_dialog_in_english(qtbot, app, window) -> None:
    from qazvin_diplomacy.ui.application import apply_language

    apply_language(app, "en")
    dialog = window.backup.open_backup()
    assert dialog.start_button.text() == "Back up"
    assert dialog.windowTitle() == "Back up"
    assert dialog.close_button.text() == "Close"
    apply_language(app, "fa")
    assert dialog.start_button.text() == "پشتیبان‌گیری"
    assert dialog.close_button.text() == "بستن"


def test_damaged_attachment_is_named_in_the_summary(qtbot, window, db, paths, demo) -> None:
    stored = list_attachments(db, owner_kind="person", owner_id=demo)
    rotten = paths.attachments_dir / stored[0].sha256[:2] / stored[0].sha256
    rotten.write_bytes(b"bit rot")
    dialog, target = write_backup(qtbot, window)
    dialog.close()
    restore = restore_from(qtbot, window, target)
    assert restore.manifest is not None and len(restore.manifest.damaged) == 1
    summary = restore.summary.text()
    assert (
        "پرونده‌های پیوست آسیب‌دیده (کنار گذاشته می‌شوند و به جای پروندهٔ اصلی بازیابی نمی‌شوند): ۱"
        in summary
    )
    assert stored[0].sha256[:12] in summary


def test_an_unreadable_database_does_not_stop_the_summary(qtbot, window, demo, monkeypatch) -> None:
    """A damaged database is a reason to restore: its audit trail unread, the summary still
    says where the backup's trail ends."""
    dialog, target = write_backup(qtbot, window)
    dialog.close()
    restore = restore_from(qtbot, window, target)
    assert restore.manifest is not None and restore.manifest.audit_head is not None

    def damaged(db):
        raise OSError("disk I/O error")

    monkeypatch.setattr(audit_seal, "current_head", damaged)
    line = restore._audit_line(restore.manifest)
    end = jalali.to_persian_digits(restore.manifest.audit_head[0])
    assert line == f"سابقهٔ تغییرات: تا مدخل {end} (این پایگاه داده: خواندنی نیست)"
