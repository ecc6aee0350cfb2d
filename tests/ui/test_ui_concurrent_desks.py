"""Two desks on one database, seen in the window: a stale save says who changed the record
and when, «Reload» keeps what was typed; another desk's save refreshes the lists by itself."""

# ruff: noqa: F811  (the visits tests' ``page`` fixture is imported and used as an argument)

from __future__ import annotations

import dataclasses
import datetime as dt
import os

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from test_ui_visits import make_visit, page  # noqa: F401  (the visits page fixture)

from qazvin_diplomacy.core import jalali
from qazvin_diplomacy.core.actor import acting_as
from qazvin_diplomacy.core.text import to_persian_digits
from qazvin_diplomacy.services import visits as visits_service
from qazvin_diplomacy.services.connection import open_database
from qazvin_diplomacy.ui.live_refresh import ChangeWatch
from qazvin_diplomacy.ui.stale_save import StaleSaveDialog, TypedValuesPanel
from qazvin_diplomacy.ui.visits.form import VisitForm

GRABS = os.environ.get("QD_GRABS")  # a folder: the dialogs are saved there as PNGs to look at


@pytest.fixture
def other_desk(db, tmp_path):
    """A second handle on the same database file, as a second desk opens it."""
    handle = open_database(
        db.path, backups_dir=tmp_path / "desk2-b", attachments_dir=tmp_path / "desk2-a"
    )
    yield handle
    handle.close()


def _edit_elsewhere(desk, visit_id: int, title: str) -> None:
    with acting_as("maryam.rahimi"):
        detail = visits_service.get_visit(desk, visit_id)
        visits_service.save_visit(desk, visit=dataclasses.replace(detail, title=title))


def test_stale_save_names_the_other_clerk_and_reload_keeps_what_was_typed(
    page, db, people, other_desk, monkeypatch
) -> None:
    boxes: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: boxes.append(a[2]))
    visit_id = make_visit(db, people, "دیدار سفیر ژاپن", 10, 12)
    form = page.open_record(visit_id)
    assert isinstance(form, VisitForm)
    form.title_edit.setText("دیدار سفیر ژاپن با استاندار")
    form.purpose_edit.setPlainText("گسترش همکاری‌های صنعتی")
    _edit_elsewhere(other_desk, visit_id, "دیدار سفیر و رایزن ژاپن")

    assert form.save() is False
    dialog = form.stale_dialog
    assert isinstance(dialog, StaleSaveDialog) and dialog.isVisible()
    assert boxes == []  # the stale-save dialog, not a bare error box
    who = dialog.who_label.text()
    today = jalali.format_jalali(dt.date.today())  # Tehran's date in the test's hours too
    assert "maryam.rahimi" in who and to_persian_digits(today.split("/")[0]) in who
    typed = dict(dialog.typed)
    assert typed["عنوان"] == "دیدار سفیر ژاپن با استاندار"
    assert typed["هدف"] == "گسترش همکاری‌های صنعتی"
    assert "وضعیت" not in typed  # only what the clerk changed
    if GRABS:
        dialog.grab().save(os.path.join(GRABS, "stale-save-dialog.png"))
    assert visits_service.get_visit(db, visit_id).title == "دیدار سفیر و رایزن ژاپن"  # kept

    dialog.reload_button.click()
    QApplication.processEvents()
    assert not form.isVisible()
    fresh = page.forms[-1]
    assert fresh is not form and fresh.title_edit.text() == "دیدار سفیر و رایزن ژاپن"
    panel = fresh.typed_panel
    assert isinstance(panel, TypedValuesPanel) and panel.isVisible()
    panel.table.selectRow(0)
    assert panel.copy_selected() == "دیدار سفیر ژاپن با استاندار"
    assert QApplication.clipboard().text() == "دیدار سفیر ژاپن با استاندار"
    if GRABS:
        panel.grab().save(os.path.join(GRABS, "typed-values-panel.png"))
    fresh.title_edit.setText("دیدار سفیر ژاپن با استاندار")
    assert fresh.save() is True  # the reloaded form saves over the other desk's version
    assert visits_service.get_visit(db, visit_id).title == "دیدار سفیر ژاپن با استاندار"


def test_another_desks_save_refreshes_the_list_but_not_an_open_form(
    page, db, people, other_desk, qtbot
) -> None:
    visit_id = make_visit(db, people, "دیدار نخست", 10, 12)
    page.refresh()
    form = page.open_record(visit_id)
    form.title_edit.setText("متنی که در حال نوشتن است")
    watch = ChangeWatch(page.ctx, page, interval_ms=50)
    watch.start()
    qtbot.waitUntil(lambda: watch.marker is not None, timeout=5000)
    qtbot.wait(200)
    assert watch.refreshes == 0  # nothing changed: no refresh
    read: list[str] = []
    page.ctx.hub.dataChanged.connect(read.append)

    _edit_elsewhere(other_desk, visit_id, "دیدار ویرایش‌شده در میز دیگر")
    qtbot.waitUntil(lambda: watch.refreshes == 1, timeout=5000)
    watch.stop()
    assert read == ["*"]
    titles = [page.model.visit(r).title for r in range(page.model.rowCount())]
    assert "دیدار ویرایش‌شده در میز دیگر" in titles  # the list re-read the database
    assert form.title_edit.text() == "متنی که در حال نوشتن است"  # the form was left alone


def test_a_failed_poll_is_retried_quietly(page, monkeypatch, qtbot) -> None:
    from qazvin_diplomacy.services import audit

    def unreachable(_db):
        raise OSError("network down")

    monkeypatch.setattr(audit, "change_marker", unreachable)
    watch = ChangeWatch(page.ctx, page, interval_ms=50)
    assert watch.poll() is True
    qtbot.waitUntil(lambda: not watch.busy, timeout=5000)
    assert watch.marker is None and watch.refreshes == 0


def test_a_form_no_page_can_reopen_offers_no_reload(page, db, people, other_desk, qtbot) -> None:
    visit_id = make_visit(db, people, "دیدار بی‌صفحه", 10, 12)
    form = VisitForm(db, visits_service.get_visit(db, visit_id), None)  # opened outside a page
    qtbot.addWidget(form)
    form.show()
    form.title_edit.setText("عنوان تازه‌نوشته")
    _edit_elsewhere(other_desk, visit_id, "عنوان میز دیگر")
    assert form.save() is False
    dialog = form.stale_dialog
    assert dialog is not None and dialog.reload_button.isHidden()
    assert dict(dialog.typed)["عنوان"] == "عنوان تازه‌نوشته"
    assert form.reload_record(dialog.typed) is None and form.isVisible()  # nothing lost
    form.confirm = lambda *_a: True  # closing at the end discards the test's typing


def test_the_typed_values_sit_beside_the_form_where_the_screen_has_room(app, qtbot) -> None:
    from PySide6.QtWidgets import QDialog

    from qazvin_diplomacy.ui.stale_save import place_beside

    form = QDialog()
    qtbot.addWidget(form)
    screen = form.screen().availableGeometry()
    form.resize(screen.width() // 3, 200)
    form.show()
    form.move(screen.left(), screen.top())  # no room on its left
    panel = TypedValuesPanel([("عنوان", "دیدار")])
    qtbot.addWidget(panel)
    panel.resize(screen.width() // 4, 200)
    panel.show()
    place_beside(panel, form)
    assert panel.frameGeometry().left() == form.frameGeometry().right() + 1
    form.move(screen.right() - form.frameGeometry().width(), screen.top())  # room on the left
    place_beside(panel, form)
    assert panel.frameGeometry().right() == form.frameGeometry().left() - 1  # Persian: left
