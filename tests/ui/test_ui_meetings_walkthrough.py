"""Issue 16's "done when", scripted in the real main window at 1366×820: a new user sets up
the Saturday working group, records a session with its resolutions (an agenda item's file
too), approves and prints the minutes (PDF and Word) and the letters to each body, logs a
body's answer and prints who is late; then the same screens in English.

The directory already holds the bodies and people (the directory module's own work).  Set
``QD_SHOTS`` to a folder to keep the grabs of each step, Persian and English.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget

from qazvin_diplomacy.core import jalali
from qazvin_diplomacy.core.directory import OrganizationInput, PersonInput
from qazvin_diplomacy.core.meetings import (
    AgendaItemInput,
    Attendance,
    AttendeeInput,
    Frequency,
    LogKind,
    MeetingStatus,
    ResolutionDue,
)
from qazvin_diplomacy.services import directory
from qazvin_diplomacy.services import meetings as svc
from qazvin_diplomacy.ui import ops
from qazvin_diplomacy.ui.application import apply_language
from qazvin_diplomacy.ui.meetings.page import MEETINGS_TAB, RESOLUTIONS_TAB, SERIES_TAB

LEFT = Qt.MouseButton.LeftButton


def _shot(name: str, widget: QWidget) -> None:
    """Grab ``widget`` (never empty); kept in ``$QD_SHOTS`` when set."""
    QApplication.processEvents()
    pixmap = widget.grab()
    assert not pixmap.isNull() and pixmap.width() > 300
    folder = os.environ.get("QD_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        pixmap.save(str(Path(folder) / f"{name}.png"))


def _pick(picker, text: str) -> None:
    """Type ``text`` in a directory picker and take the first match (as Enter does)."""
    picker.line.setText(text)
    assert picker.find(text) >= 1, text
    picker.activate_current()


@pytest.fixture
def office(db) -> dict[str, int]:
    """The directory a new user starts from: the bodies and the deputy governor."""
    made = {
        key: directory.save_organization(db, org=OrganizationInput(name_fa=fa)).id
        for key, fa in (
            ("chamber", "اتاق بازرگانی، صنایع، معادن و کشاورزی قزوین"),
            ("industry", "سازمان صنعت، معدن و تجارت استان قزوین"),
        )
    }
    made["deputy"] = directory.save_person(
        db, person=PersonInput(name_fa="محمدرضا صفی‌خانی", title_fa="معاون اقتصادی استاندار")
    ).id
    return made


@pytest.mark.slow
def test_a_new_user_follows_the_saturday_working_group_to_who_is_late(
    window, app, qtbot, db, office, tmp_path, monkeypatch
) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(ops, "open_file", lambda path: opened.append(Path(path)) or True)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(1366, 820)
    page = window.show_module("meetings")
    today = window.ctx.today()

    # 1. The Saturday working group, with its standing members.
    page.views.setCurrentIndex(SERIES_TAB)
    qtbot.mouseClick(page.new_button, LEFT)
    series_form = page.forms[-1]
    series_form.name_fa.setText("کارگروه توسعه صادرات غیرنفتی")
    box = series_form.recurrence
    box.frequency.setCurrentIndex(box.frequency.findData(Frequency.WEEKLY.value))
    box.weekday.setCurrentIndex(box.weekday.findData(0))  # شنبه
    series_form.venue.setText("استانداری، سالن شهید رجایی")
    _pick(series_form.chair, "صفی‌خانی")
    _pick(series_form.members.person_picker, "صفی خانی")  # spelling variants are found
    _pick(series_form.members.body_picker, "اتاق بازرگانی")
    _pick(series_form.members.body_picker, "صنعت، معدن")
    assert "شنبه" in box.planned.text()
    _shot("fa_1_series_form", series_form)
    qtbot.mouseClick(series_form.buttons.button(QDialogButtonBox.StandardButton.Save), LEFT)
    [series] = svc.list_series(db, today=today)
    assert series.chair_person_id == office["deputy"] and len(series.members) == 3
    series_form.close()

    # 2. Its next session, filled in from the series.
    page.views.setCurrentIndex(MEETINGS_TAB)
    qtbot.mouseClick(page.new_button, LEFT)
    form = page.forms[-1]
    day = form.meeting_date.date()
    assert day >= today and jalali.jalali_weekday(day) == 0  # the next Saturday
    assert form.venue.text() == "استانداری، سالن شهید رجایی"
    assert [a.person_id for a in form.attendance.table.attendees()] == [office["deputy"]]
    assert set(form.attendance.invited.ids()) == {office["chamber"], office["industry"]}
    row = form.attendance.table.add_attendee(AttendeeInput(name_text="نمایندهٔ گمرک"))
    combo = form.attendance.table.combo(row, 2)
    combo.setCurrentIndex(combo.findData(Attendance.ABSENT.value))
    form.agenda.add_item(AgendaItemInput(title="گزارش سفر تیم تجاری به تاجیکستان"))
    form.agenda.add_item(AgendaItemInput(title="بانک اطلاعات نیازهای کشورهای هدف"))
    _shot("fa_2_meeting_form", form)
    qtbot.mouseClick(form.save_button, LEFT)
    assert form.detail is not None and form.detail.number == 1
    # The item's presentation goes with it.
    slides = tmp_path / "tajikistan-trip.pdf"
    slides.write_bytes(b"%PDF-1.4 slides")
    form.tabs.setCurrentIndex(2)
    form.agenda.table.setCurrentCell(0, 0)
    assert form.agenda_tab.files.add_file(slides)
    _shot("fa_3_agenda_files", form)

    # 3. Its resolutions: one already late for the chamber, one for the industry organization.
    form.tabs.setCurrentIndex(3)
    for text, body, deadline in (
        ("ارائهٔ گزارش سفر تیم تجاری تاجیکستان", "اتاق بازرگانی", today - dt.timedelta(days=3)),
        ("ایجاد بانک اطلاعات نیازهای کشورهای هدف", "صنعت، معدن", today + dt.timedelta(days=30)),
    ):
        qtbot.mouseClick(form.resolutions.new_button, LEFT)
        dialog = form.resolutions.dialogs[-1]
        dialog.text.setPlainText(text)
        _pick(dialog.responsible_org_id, body)
        dialog.deadline.setDate(deadline)
        assert dialog.save(), dialog.banner.text()
        dialog.close()
    assert form.resolutions.table.rowCount() == 2
    assert form.resolutions.table.item(0, 0).text() == "۱/۱"
    _shot("fa_4_meeting_resolutions", form)

    # 4. Held, minutes approved; the minutes (PDF, Word) and a letter to each body printed.
    form.tabs.setCurrentIndex(0)
    form.status_combo.setCurrentIndex(form.status_combo.findData(MeetingStatus.HELD.value))
    qtbot.mouseClick(form.save_button, LEFT)
    form.confirm = lambda *_a: True  # "Approve these minutes?" — yes
    form.status_combo.setCurrentIndex(form.status_combo.findData(MeetingStatus.APPROVED.value))
    qtbot.mouseClick(form.save_button, LEFT)
    assert form.locked() and form.general.lock_label.isVisible()
    for n, action in enumerate(form.print_menu.actions()):  # minutes PDF, Word; letters PDF, Word
        action.trigger()
        qtbot.waitUntil(lambda n=n: len(opened) == n + 1, timeout=60_000)
    assert [p.suffix for p in opened] == [".pdf", ".docx", ".pdf", ".docx"]
    assert all(p.stat().st_size > 1000 for p in opened)
    minutes = "\n".join(p.text for p in docx.Document(str(opened[1])).paragraphs)
    assert "tajikistan-trip.pdf" in minutes and "کارگروه توسعه صادرات غیرنفتی" in minutes
    letters = docx.Document(str(opened[3]))
    letter_text = "\n".join(p.text for p in letters.paragraphs)
    assert "اتاق بازرگانی" in letter_text and "سازمان صنعت" in letter_text
    _shot("fa_5_minutes_approved", form)
    form.close()

    # 5. The chamber answers: the reply is logged on its resolution.
    page.views.setCurrentIndex(RESOLUTIONS_TAB)
    page.refresh_current()
    late = next(r for r in svc.list_resolutions(db) if r.deadline and r.deadline < today)
    dialog = page.open_resolution(late.id)
    entry = dialog.entry
    entry.kind.setCurrentIndex(entry.kind.findData(LogKind.REPLY_RECEIVED.value))
    entry.letter_number.setText("۱۴۰۵/ات/۷۷")
    entry.text.setText("گزارش سفر تا پایان ماه فرستاده می‌شود")
    qtbot.mouseClick(entry.add_button, LEFT)
    kinds = [e.kind for e in svc.list_log(db, resolution_id=late.id)]
    assert LogKind.REPLY_RECEIVED.value in kinds
    _shot("fa_6_resolution_log", dialog)
    dialog.close()

    # 6. Who is late: the overdue resolutions, printed grouped by body.
    view = page.resolutions
    view.filter_bar.due.setCurrentIndex(view.filter_bar.due.findData(ResolutionDue.OVERDUE.value))
    assert view.model.total == 1 and view.model.item(0).id == late.id
    assert view.model.index(0, 4).data() == "۳ روز تأخیر"
    _shot("fa_7_who_is_late", window)
    assert view.filter_bar.report_options() == {"status": "overdue"}
    before = len(opened)
    view.print_report()
    qtbot.waitUntil(lambda: len(opened) == before + 1, timeout=60_000)
    assert opened[-1].read_bytes().startswith(b"%PDF")

    # The same screens in English.
    try:
        apply_language(app, "en")
        assert view.model.index(0, 4).data() == "3 days late"
        _shot("en_7_who_is_late", window)
        form = page.open_record(late.meeting_id)
        for tab, name in ((0, "2_meeting_form"), (2, "3_agenda_files"), (3, "4_resolutions")):
            form.tabs.setCurrentIndex(tab)
            _shot(f"en_{name}", form)
        form.close()
        dialog = page.open_resolution(late.id)
        _shot("en_6_resolution_log", dialog)
        dialog.close()
    finally:
        apply_language(app, "fa")
