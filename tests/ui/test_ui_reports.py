"""Print / PDF of the visit reports from the visits page (Ctrl+P) through the real dialog."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QItemSelectionModel, QUrl
from PySide6.QtGui import QDesktopServices

from qazvin_diplomacy.core import jalali
from qazvin_diplomacy.core.visits import GuestEntry, VisitInput, VisitStatus
from qazvin_diplomacy.services import directory
from qazvin_diplomacy.services import visits as visits_service
from qazvin_diplomacy.ui.calendar.page import WEEK
from qazvin_diplomacy.ui.visits import reports as reports_ui
from qazvin_diplomacy.ui.visits.page import CALENDAR_TAB, LIST_TAB, VisitsPage
from qazvin_diplomacy.ui.visits.reports import ReportsDialog

DAY = jalali.from_jalali(1404, 8, 10)  # Saturday 1 November 2025


@pytest.fixture
def opened(monkeypatch) -> list[Path]:
    """Files handed to the system viewer (QDesktopServices.openUrl replaced)."""
    seen: list[Path] = []

    def fake_open(url: QUrl) -> bool:
        seen.append(Path(url.toLocalFile()))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(fake_open))
    return seen


@pytest.fixture
def visit_ids(db, people) -> dict[str, int]:
    """Two visits in the week of DAY, one with a Japanese guest."""
    japan = directory.country_by_code(db, "JP")
    made = {}
    for key, title, hour, day in (
        ("tanaka", "دیدار سفیر ژاپن با استاندار", 10, DAY),
        ("sato", "بازدید رایزن اقتصادی از شهرک صنعتی", 9, DAY + dt.timedelta(days=2)),
    ):
        visit = VisitInput(
            title=title,
            start_at=dt.datetime.combine(day, dt.time(hour)),
            end_at=dt.datetime.combine(day, dt.time(hour + 2)),
            status=VisitStatus.CONFIRMED,
            guests=(GuestEntry(people["ambassador" if key == "tanaka" else "counsellor"]),),
            hosts=(people["governor"],),
            country_id=japan.id if japan else None,
            venue="استانداری قزوین",
        )
        made[key] = visits_service.save_visit(db, visit=visit).id
    return made


@pytest.fixture
def page(window, visit_ids) -> VisitsPage:
    page = window.show_module("visits")
    assert isinstance(page, VisitsPage)
    page.ctx.today = lambda: DAY
    page.views.setCurrentIndex(LIST_TAB)
    page.refresh()
    return page


def press_ctrl_p(window, page) -> ReportsDialog:
    window.act_print.trigger()  # Ctrl+P, routed to the current page
    dialogs = [d for d in page.findChildren(ReportsDialog) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def select_visit(page: VisitsPage, visit_id: int) -> None:
    for row in range(page.model.rowCount()):
        if page.model.visit(row).id == visit_id:
            page.table.selectionModel().select(
                page.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            return
    raise AssertionError(f"visit {visit_id} not in the list")


def wait_printed(qtbot, dialog: ReportsDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60000)
    assert not dialog.error.isVisible(), dialog.error.text()


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def test_dossier_of_the_selected_visit(qtbot, window, page, visit_ids, opened) -> None:
    select_visit(page, visit_ids["sato"])
    dialog = press_ctrl_p(window, page)
    assert dialog.kind() == "visit-dossier"
    assert dialog.dossier_visit.currentData() == visit_ids["sato"]
    assert dialog.itinerary_visit.currentData() == visit_ids["sato"]
    assert dialog.print_report()
    wait_printed(qtbot, dialog)
    assert len(opened) == 1
    pdf = opened[0]
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")
    assert len(PdfReader(pdf).pages) >= 1
    assert "PDF" in dialog.status.text()


def test_dossier_as_word_and_word_only_where_offered(
    qtbot, window, page, visit_ids, opened
) -> None:
    select_visit(page, visit_ids["sato"])
    dialog = press_ctrl_p(window, page)
    assert dialog.format.isEnabled()  # the dossier is offered as Word
    dialog.format.setCurrentIndex(dialog.format.findData(".docx"))
    assert dialog.print_report()
    wait_printed(qtbot, dialog)
    assert len(opened) == 1 and opened[0].suffix == ".docx"
    import docx

    assert "بازدید رایزن اقتصادی از شهرک صنعتی" in [
        p.text for p in docx.Document(str(opened[0])).paragraphs
    ]
    dialog.select_kind("weekly-agenda")  # PDF only
    assert not dialog.format.isEnabled() and dialog.suffix() == ".pdf"


def test_itinerary_in_english_to_a_chosen_path(qtbot, window, page, visit_ids, opened, tmp_path):
    select_visit(page, visit_ids["tanaka"])
    dialog = press_ctrl_p(window, page)
    dialog.select_kind("itinerary")
    assert dialog.pages.currentIndex() == 3
    dialog.lang_combo.setCurrentIndex(dialog.lang_combo.findData("en"))
    dialog.save_radio.setChecked(True)
    dialog.path_edit.setText(str(tmp_path / "tanaka itinerary"))  # ".pdf" is added
    assert dialog.print_report()
    wait_printed(qtbot, dialog)
    target = tmp_path / "tanaka itinerary.pdf"
    assert opened == [target]
    assert "Tanaka" in pdf_text(target)


def test_weekly_agenda_of_the_week_on_screen(qtbot, window, page, opened) -> None:
    page.views.setCurrentIndex(CALENDAR_TAB)
    page.calendar.set_view(WEEK)
    page.calendar.go_to(DAY + dt.timedelta(days=3))
    dialog = press_ctrl_p(window, page)
    assert dialog.kind() == "weekly-agenda"
    first, last = page.calendar.week.date_range()
    assert first <= dialog.week_edit.date() <= last
    dialog.print_button.click()
    assert dialog.busy and not dialog.print_button.isEnabled()
    wait_printed(qtbot, dialog)
    assert len(opened) == 1 and opened[0].name.startswith("weekly-agenda-")
    assert len(PdfReader(opened[0]).pages) >= 1


def test_register_takes_the_list_filters(qtbot, window, page, opened, db) -> None:
    japan = directory.country_by_code(db, "JP")
    bar = page.filter_bar
    bar.country.setCurrentIndex(bar.country.findData(japan.id))
    bar.date_from.setDate(DAY)
    bar.date_to.setDate(DAY + dt.timedelta(days=30))
    page.table.clearSelection()
    page.table.setCurrentIndex(page.model.index(-1, -1))
    dialog = press_ctrl_p(window, page)
    assert dialog.kind() == "visits-register"
    assert dialog.from_edit.date() == DAY
    assert dialog.to_edit.date() == DAY + dt.timedelta(days=30)
    assert dialog.country_combo.currentData() == japan.id
    options = dialog.options()
    assert options is not None and options["country"].iso2 == "JP"
    # a range that ends before it starts is refused next to the field, nothing rendered
    dialog.to_edit.setDate(DAY - dt.timedelta(days=1))
    assert dialog.print_report() is False
    assert dialog.to_edit.error()
    assert not opened
    dialog.to_edit.setDate(DAY + dt.timedelta(days=30))
    assert dialog.print_report()
    wait_printed(qtbot, dialog)
    assert len(opened) == 1


def test_cancel_discards_the_pdf(qtbot, window, page, opened) -> None:
    folder = reports_ui.report_path("weekly-agenda").parent
    before = set(folder.glob("weekly-agenda-*.pdf"))
    dialog = press_ctrl_p(window, page)
    dialog.select_kind("weekly-agenda")
    assert dialog.print_report()
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60000)
    assert opened == []
    assert "لغو شد" in dialog.status.text()
    assert set(folder.glob("weekly-agenda-*.pdf")) == before  # the written PDF was removed


def test_unknown_visit_message_in_persian(qtbot, window, page, opened, monkeypatch) -> None:
    dialog = press_ctrl_p(window, page)
    dialog.select_kind("visit-dossier")
    dialog.dossier_visit.setItemData(dialog.dossier_visit.currentIndex(), 999_999)
    assert dialog.print_report()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60000)
    assert dialog.error.isVisible()
    assert "دیدار" in dialog.error.text()
    assert opened == []


def test_print_view_button_keeps_the_old_print(qtbot, window, page, monkeypatch) -> None:
    called = []
    monkeypatch.setattr(VisitsPage, "print_view", lambda self: called.append(self))
    dialog = press_ctrl_p(window, page)
    assert dialog.view_button.isVisible()
    dialog.view_button.click()
    assert called == [page]
    assert not dialog.isVisible()
