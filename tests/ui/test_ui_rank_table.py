"""The rank table editor opened from the precedence tab, and the event form's status choices.

Edit the office's table through the real dialog (add, move, remove, per-row errors that keep
the typed text, save re-ranks the open precedence list, reset to the defaults), and check the
form offers only the statuses the workflow allows.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableWidgetItem

from qazvin_diplomacy.core import jalali
from qazvin_diplomacy.core.directory import PersonInput
from qazvin_diplomacy.core.events import EventInput, EventStatus
from qazvin_diplomacy.core.precedence import default_rank_rows
from qazvin_diplomacy.core.text import to_persian_digits
from qazvin_diplomacy.services import directory
from qazvin_diplomacy.services import events as svc
from qazvin_diplomacy.services import rank_table as ranks
from qazvin_diplomacy.ui.common import TaskRunner
from qazvin_diplomacy.ui.events.page import EventsPage
from qazvin_diplomacy.ui.events.rank_table import ORDER_COL, TITLE_COL, RankTableDialog
from qazvin_diplomacy.ui.modules import Hub, UiContext

TODAY = jalali.from_jalali(1404, 2, 8)


@pytest.fixture
def guests(countries, db) -> dict[str, int]:
    """A mayor and a director-general (the default table puts the director-general first)."""
    directory.ensure_reference_data(db)
    made = {}
    for key, fa, en, title in (
        ("mayor", "علی شهرداری", "Ali Mayor", "شهردار قزوین"),
        ("dg", "رضا مدیری", "Reza Director", "مدیرکل میراث فرهنگی"),
    ):
        made[key] = directory.save_person(
            db, person=PersonInput(name_fa=fa, name_en=en, title_fa=title)
        ).id
    return made


@pytest.fixture
def page(app, qtbot, paths, db, settings, guests) -> EventsPage:
    ctx = UiContext(
        paths=paths, db=db, settings=settings, runner=TaskRunner(), hub=Hub(), today=lambda: TODAY
    )
    widget = EventsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    return widget


def _event(db, status: EventStatus = EventStatus.PLANNED) -> int:
    event = EventInput(
        title_fa="ضیافت شام", start_date=jalali.from_jalali(1404, 2, 19), status=status
    )
    return svc.save_event(db, event=event).id


def _cell(dialog: RankTableDialog, row: int, col: int, text: str) -> None:
    table = dialog.rows.table
    item = table.item(row, col)
    if item is None:
        table.setItem(row, col, QTableWidgetItem(text))
    else:
        item.setText(text)


def _titles(dialog: RankTableDialog) -> list[str]:
    return [dialog.rows.text(r, TITLE_COL) for r in range(dialog.rows.table.rowCount())]


def test_editing_the_rank_table_reranks_the_open_precedence_list(page, db, guests, qtbot):
    event_id = _event(db)
    svc.invite_people(db, event_id=event_id, person_ids=list(guests.values()))
    form = page.open_record(event_id)
    assert form is not None
    form.tabs.setCurrentIndex(3)
    tab = form.precedence
    assert [g.person_id for g in tab.model.rows] == [guests["dg"], guests["mayor"]]
    assert tab.rank_table_button.isVisible() and tab.rank_table_button.text() == "جدول رتبه‌ها…"

    dialog = tab.open_rank_table()
    qtbot.waitExposed(dialog)
    dialog.confirm = lambda *_a: True  # type: ignore[method-assign]
    assert dialog.is_default and "پیش‌فرض" in dialog.state.text()
    assert dialog.rows.table.rowCount() == len(default_rank_rows())
    assert dialog.rows.text(0, ORDER_COL) == "۱۰"  # Persian digits in the Persian UI
    # A new row: a typo in the order and a title equal to an existing one (ZWNJ, Arabic yeh).
    row = dialog.add_row()
    _cell(dialog, row, TITLE_COL, "معاون\u200cاستاندار".replace("ی", "\u064a"))
    _cell(dialog, row, ORDER_COL, "یک")
    assert not dialog.save()
    assert dialog.isVisible()
    errors = dialog.rows.errors.text()
    assert f"ردیف {to_persian_digits(row + 1)}" in errors
    assert "یکی است" in errors and "عددی صحیح و مثبت" in errors
    assert dialog.rows.table.item(row, ORDER_COL).background().color() != QColor(0, 0, 0, 0)
    assert dialog.rows.text(row, ORDER_COL) == "یک"  # typed text kept
    # Fix it: the row becomes "شهردار" with order 1, moved to the top.
    _cell(dialog, row, TITLE_COL, "شهردار کلان‌شهر")
    _cell(dialog, row, ORDER_COL, "۱")
    dialog.rows.table.setCurrentCell(row, TITLE_COL)
    while dialog.rows.table.currentRow() > 0:
        dialog.move(-1)
    assert _titles(dialog)[0] == "شهردار کلان‌شهر"
    # "شهردار کلان‌شهر" does not match "شهردار قزوین"; edit it to plain "شهردار".
    _cell(dialog, 0, TITLE_COL, "شهردار")
    # Remove the original «شهردار» row (55), which now duplicates the new one.
    original = _titles(dialog).index("شهردار", 1)
    dialog.rows.table.setCurrentCell(original, TITLE_COL)
    dialog.rows.remove_current()
    with qtbot.waitSignal(dialog.saved):
        assert dialog.save()
    saved = ranks.get_rank_table(db)
    assert not saved.is_default and saved.rows[0].title == "شهردار" and saved.rows[0].order == 1
    # The open precedence list re-ranked.
    assert [g.person_id for g in tab.model.rows] == [guests["mayor"], guests["dg"]]

    # Reset to the defaults from a fresh editor.
    again = tab.open_rank_table()
    again.confirm = lambda *_a: True  # type: ignore[method-assign]
    assert not again.is_default and _titles(again)[0] == "شهردار"
    assert again.reset()
    assert again.is_default and again.rows.table.rowCount() == len(default_rank_rows())
    assert ranks.get_rank_table(db).is_default
    assert [g.person_id for g in tab.model.rows] == [guests["dg"], guests["mayor"]]
    again.reject()
    form.close()


def test_cancel_with_unsaved_rows_asks_and_keeps_them_when_refused(page, db, qtbot):
    dialog = RankTableDialog(db, page)
    qtbot.addWidget(dialog)
    dialog.show()
    asked = []
    dialog.confirm = lambda *a: asked.append(a) or False  # type: ignore[method-assign]
    dialog.rows.table.setCurrentCell(0, TITLE_COL)
    dialog.rows.remove_current()
    dialog.reject()
    assert asked and dialog.isVisible()
    dialog.confirm = lambda *_a: True  # type: ignore[method-assign]
    dialog.reject()
    assert not dialog.isVisible()
    assert ranks.get_rank_table(db).is_default  # nothing saved


def test_english_editor_is_left_to_right_with_latin_digits(page, db, app, qtbot):
    from qazvin_diplomacy.ui.application import apply_language

    ranks.save_rank_table(db, entries=list(default_rank_rows())[:3])
    apply_language(app, "en")
    dialog = RankTableDialog(db, page)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Rank table"
    assert dialog.state.text() == "The office's own table is in use."
    assert dialog.rows.text(0, ORDER_COL) == "10"
    assert dialog.layoutDirection().name == "LeftToRight"
    dialog.close()


def test_event_form_greys_the_statuses_it_cannot_move_to(page, db):
    def offered(form) -> list[str]:  # every status is listed; the closed ones are greyed
        combo = form.status_combo
        assert combo.count() == len(EventStatus)
        model = combo.model()
        return [combo.itemData(i) for i in range(combo.count()) if model.item(i).isEnabled()]

    new = page.new_record()
    assert offered(new) == [s.value for s in EventStatus]
    new.confirm = lambda *_a: True  # type: ignore[method-assign]
    new.close()
    form = page.open_record(_event(db, EventStatus.DRAFT))
    assert form is not None
    assert offered(form) == ["draft", "planned", "cancelled"]
    form.status_combo.setCurrentIndex(form.status_combo.findData("planned"))
    assert form.save()
    # held is greyed until the event's day; the service refuses it too
    assert offered(form) == ["draft", "planned", "inviting", "postponed", "cancelled"]
    form.status_combo.setCurrentIndex(form.status_combo.findData("held"))
    # Not before the event's day (the form's today is before 19 Ordibehesht 1404).
    assert not form.save()
    assert "هنوز برگزار نشده" in form.field_errors["status"].text()
    assert svc.get_event(db, form.detail.id).status is EventStatus.PLANNED
    form.start_date.setText(jalali.format_jalali(TODAY))
    form.status_combo.setCurrentIndex(form.status_combo.findData("held"))
    assert form.save()
    assert offered(form) == ["planned", "held"]  # one way back, to undo a wrong click
    assert svc.get_event(db, form.detail.id).status is EventStatus.HELD
    form.close()


def test_a_status_refused_by_the_service_shows_next_to_the_field(page, db):
    event_id = _event(db, EventStatus.DRAFT)
    form = page.open_record(event_id)
    assert form is not None
    form.confirm = lambda *_a: True  # type: ignore[method-assign]
    # Another user moved the event on meanwhile: held is no longer reachable from here.
    detail = svc.get_event(db, event_id)
    svc.set_event_status(db, event_id=event_id, version=detail.version, status="cancelled")
    form.detail = svc.get_event(db, event_id)  # fresh version, old choices still shown
    form.status_combo.addItem("held", "held")
    form.status_combo.setCurrentIndex(form.status_combo.findData("held"))
    assert not form.save()
    assert "«لغو»" in form.field_errors["status"].text()
    assert svc.get_event(db, event_id).status is EventStatus.CANCELLED
    form.close()


def test_a_table_saved_elsewhere_meanwhile_is_not_overwritten(page, db, qtbot, monkeypatch):
    from qazvin_diplomacy.core.errors import StaleRecordError
    from qazvin_diplomacy.core.precedence import RankRow
    from qazvin_diplomacy.ui import common
    from qazvin_diplomacy.ui.events import rank_table as rank_module

    shown: list[BaseException] = []
    for module in (common, rank_module):  # a refused save (show_refusal), a refused reset
        monkeypatch.setattr(module, "show_error", lambda _parent, exc: shown.append(exc))
    dialog = RankTableDialog(db)
    dialog.load()
    # Another desk saves its table while this editor is open.
    theirs = ranks.save_rank_table(db, entries=[RankRow("شهردار", 1)])
    _cell(dialog, 0, ORDER_COL, "۵")
    assert not dialog.save()
    assert len(shown) == 1 and isinstance(shown[0], StaleRecordError)
    assert dialog.rows.text(0, ORDER_COL) == "۵"  # what was typed stays in the editor
    assert ranks.get_rank_table(db) == theirs
    dialog.confirm = lambda *_a: True  # type: ignore[method-assign]
    assert not dialog.reset() and len(shown) == 2
    dialog.load()  # reopened: the other desk's table, which can now be saved over
    assert _titles(dialog) == ["شهردار"]
    assert dialog.save()


def test_diplomatic_ranks_show_as_labels_and_are_saved_as_keys(page, db, app, qtbot):
    from qazvin_diplomacy.ui.application import apply_language

    dialog = RankTableDialog(db, page)
    qtbot.addWidget(dialog)
    dialog.show()
    titles = _titles(dialog)
    assert "minister_counsellor" not in titles and "first_secretary" not in titles
    assert "رایزن وزیر" in titles and "دبیر اول" in titles
    assert "minister_counsellor" not in dialog.ranks.text() and "رایزن وزیر" in dialog.ranks.text()
    row = titles.index("رایزن وزیر")
    apply_language(app, "en")
    assert dialog.rows.text(row, TITLE_COL) == "Minister-Counsellor"  # follows the language
    assert dialog.save()
    saved = {r.title: r.order for r in ranks.get_rank_table(db).rows}
    assert saved["minister_counsellor"] == 100 and saved["first_secretary"] == 130
    assert "Minister-Counsellor" not in saved and "رایزن وزیر" not in saved
    # A label edited into a title beginning is saved as typed.
    again = RankTableDialog(db, page)
    qtbot.addWidget(again)
    _cell(again, row, TITLE_COL, "Minister-Counsellor (trade)")
    assert again.save()
    titles_saved = [r.title for r in ranks.get_rank_table(db).rows]
    assert (
        "Minister-Counsellor (trade)" in titles_saved and "minister_counsellor" not in titles_saved
    )
