"""The holidays dialog, the calendars' holiday tooltips and the routes to the dialog."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from qazvin_diplomacy.core.jalali import from_jalali
from qazvin_diplomacy.services import holidays as holidays_service
from qazvin_diplomacy.ui.calendar.page import MONTH
from qazvin_diplomacy.ui.holidays import STATUS_COL, HolidaysDialog
from qazvin_diplomacy.ui.visits.page import CALENDAR_TAB
from qazvin_diplomacy.ui.widgets import jalali as jalali_widgets

ASHURA = from_jalali(1404, 4, 15)


def _dialog(db, qtbot, changes: list[int] | None = None) -> HolidaysDialog:
    dialog = HolidaysDialog(
        db, year=1404, on_change=(lambda: changes.append(1)) if changes is not None else None
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _select(dialog: HolidaysDialog, key: str) -> None:
    dialog.select_row(dialog.model.find("lunar", key))


def test_dialog_lists_the_year_and_its_model_is_sound(app, qtbot, db, qtmodeltester) -> None:
    dialog = _dialog(db, qtbot)
    qtmodeltester.check(dialog.model)
    kinds = {r.kind for r in dialog.model.rows()}
    assert kinds == {"fixed", "lunar"}
    row = dialog.model.find("lunar", "ashura")
    assert dialog.model.index(row, STATUS_COL).data() == "تقریبی"
    assert "۱۴۰۴" in dialog.year_label.text()
    dialog.next_button.click()
    assert dialog.year == 1405 and dialog.model.rows()[0].date >= from_jalali(1405, 1, 1)


def test_confirming_a_corrected_date_saves_it(app, qtbot, db) -> None:
    changes: list[int] = []
    dialog = _dialog(db, qtbot, changes)
    _select(dialog, "ashura")
    assert dialog.confirm_button.isVisible() and not dialog.save_button.isVisible()
    assert dialog.date_edit.date() == ASHURA
    dialog.date_edit.setText("۱۴۰۴/۰۴/۱۶")
    dialog.confirm_button.click()
    row = next(r for r in holidays_service.year_holidays(db, 1404) if r.key == "ashura")
    assert row.date == ASHURA + dt.timedelta(days=1) and not row.approximate
    assert changes == [1]
    shown = dialog.model.row_at(dialog.table.currentIndex().row())
    assert (
        shown.key == "ashura"
        and dialog.model.index(dialog.table.currentIndex().row(), STATUS_COL).data() == "تأییدشده"
    )
    assert dialog.reset_button.isEnabled()
    dialog.reset_button.click()
    assert next(
        r for r in holidays_service.year_holidays(db, 1404) if r.key == "ashura"
    ).approximate


def test_errors_are_shown_next_to_the_fields_and_text_is_kept(app, qtbot, db) -> None:
    dialog = _dialog(db, qtbot)
    _select(dialog, "ashura")
    dialog.date_edit.setText("1404/06/20")  # more than 15 days away
    assert not dialog.confirm_selected()
    assert "فاصله" in dialog.date_edit.error()
    assert dialog.date_edit.text() == "1404/06/20"
    dialog.add_button.click()
    assert dialog.save_button.isVisible() and not dialog.confirm_button.isVisible()
    dialog.date_edit.setText("1404/07/20")
    assert not dialog.save_office()
    assert dialog.name_fa_error.isVisible() and "نام فارسی" in dialog.name_fa_error.text()
    dialog.name_fa.setText("عزای عمومی")
    dialog.name_en.setText("Public mourning")
    assert dialog.save_office()
    office = [r for r in dialog.model.rows() if r.kind == "office"]
    assert [r.name_en for r in office] == ["Public mourning"]
    assert dialog.remove_button.isVisible()
    dialog.remove_button.click()
    assert not any(r.kind == "office" for r in holidays_service.year_holidays(db, 1404))


def test_fixed_holidays_are_read_only(app, qtbot, db) -> None:
    dialog = _dialog(db, qtbot)
    dialog.select_row(dialog.model.find("fixed", "nowruz_1"))
    assert not dialog.date_edit.isEnabled() and dialog.name_fa.isReadOnly()
    assert not dialog.confirm_button.isVisible() and not dialog.save_button.isVisible()


@pytest.mark.slow
def test_date_popup_marks_approximate_holidays_until_confirmed(app, qtbot, db) -> None:
    calls: list[tuple[dt.date, dt.date]] = []

    def provider(first: dt.date, last: dt.date):
        calls.append((first, last))
        return holidays_service.holidays_in(db, first, last)

    jalali_widgets.set_holiday_provider(provider)
    try:
        popup = jalali_widgets.JalaliCalendarPopup()
        qtbot.addWidget(popup)
        popup.show_month(1404, 4)
        assert calls  # the popup asks the provider for the month shown
        assert popup.buttons[ASHURA].toolTip() == "عاشورای حسینی (تقریبی)"
        holidays_service.confirm_holiday(db, jalali_year=1404, key="ashura", day=ASHURA)
        popup.show_month(1404, 5)
        popup.show_month(1404, 4)
        assert popup.buttons[ASHURA].toolTip() == "عاشورای حسینی"
        assert popup.buttons[ASHURA - dt.timedelta(days=1)].toolTip() == "تاسوعای حسینی (تقریبی)"
    finally:
        jalali_widgets.set_holiday_provider(None)


def test_routes_from_settings_and_visits_month_view(app, qtbot, window) -> None:
    settings = window.open_settings()
    button = next(b for b in settings.buttons.buttons() if b.text() == "تعطیلات رسمی…")
    button.click()
    dialogs = [w for w in settings.findChildren(HolidaysDialog)]
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    dialogs[0].reject()
    settings.reject()
    page = window.show_module("visits")
    page.views.setCurrentIndex(CALENDAR_TAB)
    page.calendar.set_view(MONTH)
    page.calendar.go_to(from_jalali(1404, 4, 10))
    assert page.holidays_button.isVisibleTo(page)
    dialog = page.open_holidays()
    assert dialog.year == 1404
    _select(dialog, "ashura")
    dialog.date_edit.setText("1404/04/16")
    dialog.confirm_button.click()
    # the visits calendar shows the confirmed day at once
    day = ASHURA + dt.timedelta(days=1)
    names = [e.title for e in page.calendar.state.holidays(day) if not e.approximate]
    assert names == ["عاشورای حسینی"]
    dialog.reject()
    assert Qt.LayoutDirection.RightToLeft == dialog.layoutDirection()
