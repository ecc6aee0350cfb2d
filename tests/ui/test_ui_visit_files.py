"""The visit form's attachments tab, reference number and checklist owners/deadlines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from qazvin_diplomacy.core import jalali
from qazvin_diplomacy.core.visits import ChecklistItem, GuestEntry, VisitInput, VisitStatus
from qazvin_diplomacy.services import visits as visits_service
from qazvin_diplomacy.ui.common import TaskRunner
from qazvin_diplomacy.ui.form_fields import follow_text_direction
from qazvin_diplomacy.ui.modules import Hub, UiContext
from qazvin_diplomacy.ui.visits.form import ATTACHMENTS_TAB, CHECKLIST_TAB, VisitForm
from qazvin_diplomacy.ui.visits.page import VisitsPage

DAY = jalali.from_jalali(1404, 8, 10)


@pytest.fixture
def page(app, qtbot, paths, db, settings, people) -> VisitsPage:
    ctx = UiContext(
        paths=paths, db=db, settings=settings, runner=TaskRunner(), hub=Hub(), today=lambda: DAY
    )
    widget = VisitsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    widget.refresh()
    return widget


def saved_visit(db, people) -> int:
    visit = VisitInput(
        title="دیدار سفیر ژاپن با استاندار",
        start_at=dt.datetime.combine(DAY, dt.time(10)),
        end_at=dt.datetime.combine(DAY, dt.time(12)),
        status=VisitStatus.PLANNED,
        guests=(GuestEntry(people["ambassador"]),),
        hosts=(people["governor"],),
    )
    return visits_service.save_visit(db, visit=visit).id


def test_attach_reference_and_checklist_owner_survive_save_and_reopen(
    page: VisitsPage, qtbot, db, people, tmp_path: Path
) -> None:
    visit_id = saved_visit(db, people)
    form = page.open_record(visit_id)
    assert isinstance(form, VisitForm)
    opened: list[Path] = []
    form.attachments.opener = opened.append
    # attachments: a refusal brings the tab forward and stores nothing
    letter = tmp_path / "دعوت‌نامه.pdf"
    letter.write_bytes(b"%PDF-1.4 invitation" + b"0" * 3000)
    form.attachments.limit = lambda: 2000
    assert form.attachments.add_file(letter) is False
    assert form.tabs.currentIndex() == ATTACHMENTS_TAB
    assert "حجم پرونده بیش از حد مجاز" in form.attachments.error.text()
    assert visits_service.list_visit_attachments(db, visit_id=visit_id) == []
    form.attachments.limit = lambda: 10_000
    form.attachments.description.setText("دعوت‌نامه رسمی")
    assert form.attachments.add_file(letter) is True
    assert form.attachments.table.item(0, 0).text() == "دعوت‌نامه.pdf"
    # reference number: kept as typed, laid out right to left by its own letters
    form.reference_edit.setText("۱۴۰۴/ه/۷")
    assert form.reference_edit.layoutDirection() == Qt.LayoutDirection.RightToLeft
    # checklist: a person of the visit for the flags, a typed owner and a deadline for the hotel
    form.tabs.setCurrentIndex(CHECKLIST_TAB)
    flags = form.checklist.owners[ChecklistItem.FLAGS]
    flags.setCurrentIndex(flags.findData(people["governor"]))
    form.checklist.owners[ChecklistItem.HOTEL].setEditText("دفتر تشریفات")
    form.checklist.deadlines[ChecklistItem.HOTEL].setText("۱۴۰۴/۰۸/۰۵")
    assert form.is_modified()
    with qtbot.waitSignal(form.saved, timeout=2000):
        assert form.save()
    again = page.open_record(visit_id)
    assert again is not None and again is not form
    assert again.reference_edit.text() == "۱۴۰۴/ه/۷"
    assert again.attachments.table.rowCount() == 1
    assert again.attachments.table.item(0, 2).text() == "دعوت‌نامه رسمی"
    path = again.attachments.open_attachment(0)
    assert path is not None and path.read_bytes() == letter.read_bytes()
    again.attachments.opener(path)
    flags = again.checklist.owners[ChecklistItem.FLAGS]
    assert flags.currentData() == people["governor"]
    assert flags.currentText() == "محمدرضا قزوینی"
    assert again.checklist.owners[ChecklistItem.HOTEL].currentText() == "دفتر تشریفات"
    assert again.checklist.deadlines[ChecklistItem.HOTEL].text() == "۱۴۰۴/۰۸/۰۵"
    detail = visits_service.get_visit(db, visit_id)
    entries = {c.key: c for c in detail.checklist}
    assert entries[ChecklistItem.FLAGS].owner_person_id == people["governor"]
    assert entries[ChecklistItem.HOTEL].owner_text == "دفتر تشریفات"
    assert entries[ChecklistItem.HOTEL].deadline == jalali.from_jalali(1404, 8, 5)
    assert not again.is_modified()


def test_unreadable_checklist_deadline_is_shown_under_the_checklist(page: VisitsPage, db, people):
    form = page.open_record(saved_visit(db, people))
    assert form is not None
    form.checklist.deadlines[ChecklistItem.HOTEL].setText("۱۴۰۴/۱۳/۴۰")
    assert form.save() is False
    assert form.tabs.currentIndex() == CHECKLIST_TAB
    assert form.checklist.error.text().startswith(form.checklist.labels[ChecklistItem.HOTEL].text())
    assert visits_service.get_visit(db, form.detail.id).checklist[0].deadline is None


def test_new_visit_asks_to_save_before_attaching(page: VisitsPage, tmp_path: Path) -> None:
    form = page.new_record()
    f = tmp_path / "a.pdf"
    f.write_bytes(b"x")
    assert form.attachments.add_file(f) is False
    assert "ابتدا دیدار را ذخیره کنید" in form.attachments.error.text()


def test_reference_box_takes_the_direction_of_its_first_letter(app, qtbot) -> None:
    line = QLineEdit()
    qtbot.addWidget(line)
    window_side = line.layoutDirection()  # right to left: the tests run in Persian
    assert window_side == Qt.LayoutDirection.RightToLeft
    follow_text_direction(line, "۱۴۰۴/ه/۷")
    assert line.layoutDirection() == Qt.LayoutDirection.RightToLeft
    follow_text_direction(line, "12/ABC-7")
    assert line.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert line.alignment() & Qt.AlignmentFlag.AlignRight  # still beside its Persian label
    follow_text_direction(line, "۱۴۰۴/۷")  # digits only: the window's direction again
    assert line.layoutDirection() == window_side
