"""The shared pieces of the record forms: RowTable snapshots, keyed row errors, RecordDialog."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPushButton, QVBoxLayout

from qazvin_diplomacy.core import jalali
from qazvin_diplomacy.ui.common import refill_combo
from qazvin_diplomacy.ui.events.programme import ProgrammeTab
from qazvin_diplomacy.ui.forms_common import (
    ERROR_BG,
    RecordDialog,
    RowTable,
    date_cell_text,
    split_row_errors,
)
from qazvin_diplomacy.ui.visits.itinerary import ItineraryTab


def test_raw_rows_read_texts_combos_and_ids(app: QApplication) -> None:
    table = RowTable(("A", "B"), (100, 100))
    table.add_row(["۱۲", "x"], record_id=7)
    combo = QComboBox(table.table)
    combo.addItem("one", "v1")
    table.table.setCellWidget(0, 1, combo)
    assert table.raw_rows() == [["12", "v1"]]
    assert table.raw_rows(with_ids=True) == [[(7, "12"), "v1"]]
    table.table.insertRow(1)  # a row without items: "" with ids, empty text without
    assert table.raw_rows(with_ids=True)[1] == ["", ""]
    assert table.raw_rows()[1] == ["", ""]


def test_row_errors_go_to_their_cells_and_the_rest_is_returned(app: QApplication) -> None:
    errors = {
        "gifts.1.notes": "bad note",
        "gifts.0.unknown": "somewhere",
        "gifts.0.owner": "owner",
        "title": "no title",
    }
    cells, rest = split_row_errors(errors, "gifts", ("description", "notes"), 1, {"owner": 0})
    assert cells == {(1, 1): "bad note", (0, 1): "somewhere", (0, 0): "owner"}
    assert rest == {"title": "no title"}
    table = RowTable(("A", "B"), (100, 100))
    table.add_row(["a", "b"])
    table.add_row(["c", "d"])
    left = table.show_row_errors(errors, "gifts", ("description", "notes"), "Row")
    assert left == {"title": "no title"}
    assert table.table.item(1, 1).background().color() == ERROR_BG
    assert table.table.item(1, 0).background().color() != ERROR_BG
    assert "bad note" in table.errors.text()


class _Form(RecordDialog):
    DISCARD_QUESTION = "Unsaved, discard?"

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        self.edit = QLineEdit(self)
        layout.addWidget(self.edit)
        self.take_snapshot()

    def _raw_state(self) -> list[object]:
        return [self.edit.text()]


class _DatedRows(RowTable):
    FIELDS = ("what", "day")
    PREFIX = "rows"


def test_an_optional_date_cell_may_be_empty_and_an_unreadable_one_is_shown_on_its_row(
    app: QApplication,
) -> None:
    day = jalali.from_jalali(1404, 8, 3)
    table = _DatedRows(("What", "Day"), (100, 100))
    for what, text in (("empty", ""), ("typed", "۱۴۰۴/۰۸/۰۳"), ("shown", date_cell_text(day))):
        table.add_row([what, text])
    table.add_row(["bad", "1404/13/40"])
    errors: dict[str, str] = {}
    assert [table.optional_date(r, "day", errors) for r in range(4)] == [None, day, day, None]
    assert list(errors) == ["rows.3.day"] and errors["rows.3.day"]
    assert table.show_row_errors(errors, table.PREFIX, table.FIELDS, "Row") == {}
    assert errors["rows.3.day"] in table.errors.text()
    assert table.table.item(3, 1).background().color() == ERROR_BG
    assert date_cell_text(None) == ""


def test_the_programme_and_the_itinerary_read_their_time_cells_alike(app: QApplication) -> None:
    """Both tabs parse their two time columns through ``RowTable.parsed``: empty is None, an
    unreadable time is None with its message keyed by row and field."""
    programme = ProgrammeTab()
    programme.add_row(["۰۹:۳۰", "", "Opening", "", "", ""])
    programme.add_row(["25:99", "10:00", "Talk", "", "", ""])
    errors: dict[str, str] = {}
    first, second = programme.entries(errors)
    assert (first.start_time, first.end_time) == (dt.time(9, 30), None)
    assert (second.start_time, second.end_time) == (None, dt.time(10, 0))
    assert list(errors) == ["programme.1.start_time"] and errors["programme.1.start_time"]
    itinerary = ItineraryTab(lambda: None)
    itinerary.add_row(["۱۴۰۴/۰۸/۰۳ ۰۹:۳۰", "nonsense", "Visit", "", "", "", ""])
    errors = {}
    (entry,) = itinerary.entries(errors)
    assert entry.start_at == dt.datetime.combine(jalali.from_jalali(1404, 8, 3), dt.time(9, 30))
    assert entry.end_at is None and list(errors) == ["itinerary.0.end_at"]


def test_refill_combo_keeps_the_choice_or_takes_the_one_given_without_signals(
    app: QApplication,
) -> None:
    combo = QComboBox()
    changes: list[int] = []
    combo.currentIndexChanged.connect(changes.append)
    refill_combo(combo, [("any", None), ("a", 1), ("b", 2)])
    combo.setCurrentIndex(2)
    changes.clear()
    refill_combo(combo, [("any", None), ("B", 2), ("A", 1)])
    assert (combo.currentText(), changes) == ("B", [])
    refill_combo(combo, [("any", None), ("A", 1)])  # the choice is gone: the first
    assert combo.currentIndex() == 0
    refill_combo(combo, [("any", None), ("A", 1)], 1)
    assert combo.currentData() == 1
    refill_combo(combo, [("any", None), ("A", 1)], None)
    assert combo.currentIndex() == 0 and changes == []


def test_record_dialog_asks_before_dropping_typed_text(app: QApplication, qtbot) -> None:
    form = _Form()
    qtbot.addWidget(form)
    asked: list[tuple[str, str]] = []
    form.confirm = lambda *a: asked.append(a) or False  # type: ignore[method-assign]
    form.show()
    form.reject()  # nothing typed: closes without a question
    assert not asked and not form.isVisible()
    form.show()
    form.edit.setText("typed")
    assert form.is_modified()
    form.reject()
    assert asked == [("کنار گذاشتن تغییرات", "Unsaved, discard?")]  # the title, in Persian
    assert form.isVisible() and form.edit.text() == "typed"
    form.confirm = lambda *_a: True  # type: ignore[method-assign]
    form.reject()
    assert not form.isVisible()


def _enter_presses_default(form: _Form, qtbot) -> bool:
    pressed: list[bool] = []
    button = QPushButton("OK", form)
    button.setDefault(True)
    button.clicked.connect(lambda: pressed.append(True))
    form.layout().addWidget(button)
    qtbot.addWidget(form)
    form.show()
    form.edit.setFocus()
    QTest.keyClick(form.edit, Qt.Key.Key_Return)
    return bool(pressed)


def test_enter_in_a_field_never_presses_a_button(app: QApplication, qtbot) -> None:
    assert not _enter_presses_default(_Form(), qtbot)

    class Plain(_Form):
        GUARD_ENTER = False

    assert _enter_presses_default(Plain(), qtbot)  # Qt's default kept when asked


def test_a_refusal_goes_to_the_fields_and_any_other_error_to_a_box(
    app: QApplication, monkeypatch
) -> None:
    from qazvin_diplomacy.core.errors import StaleRecordError, ValidationError
    from qazvin_diplomacy.ui import common
    from qazvin_diplomacy.ui.common import FieldError, show_refusal

    boxed: list[Exception] = []
    monkeypatch.setattr(common, "show_error", lambda _parent, exc: boxed.append(exc))
    refused = ValidationError({"title": "عنوان لازم است", "end": "پایان پیش از آغاز است"})
    at_fields: list[dict[str, str]] = []
    show_refusal(None, at_fields.append, refused)
    assert at_fields == [refused.errors] and boxed == []
    line = FieldError()
    show_refusal(None, line, refused)
    assert line.text() == "عنوان لازم است؛ پایان پیش از آغاز است" and not line.isHidden()
    stale = StaleRecordError()
    show_refusal(None, at_fields.append, stale)
    show_refusal(None, line, stale)
    assert boxed == [stale, stale]
    assert at_fields == [refused.errors]  # the fields were not touched by the stale record
    assert line.text() == "عنوان لازم است؛ پایان پیش از آغاز است"


def test_read_only_rows_select_whole_rows_and_edit_nothing(app: QApplication) -> None:
    from PySide6.QtWidgets import QAbstractItemView, QTableView

    from qazvin_diplomacy.ui.common import read_only_rows

    one = read_only_rows(QTableView())
    many = read_only_rows(QTableView(), QAbstractItemView.SelectionMode.ExtendedSelection)
    for view in (one, many):
        assert view.selectionBehavior() is QAbstractItemView.SelectionBehavior.SelectRows
        assert view.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert one.selectionMode() is QAbstractItemView.SelectionMode.SingleSelection
    assert many.selectionMode() is QAbstractItemView.SelectionMode.ExtendedSelection


def test_an_event_tab_rereads_then_says_then_tells_the_form_after_a_stored_change(
    app: QApplication, db
) -> None:
    from qazvin_diplomacy.ui.events.widgets import EventTab

    class Tab(EventTab):
        def build_ui(self) -> None:
            self.reads = 0

        def retranslate_ui(self) -> None:
            pass

        def set_event(self, event_id: int | None) -> None:
            self.event_id = event_id
            self.reload()

        def reload(self) -> None:
            self.reads += 1

    tab = Tab(db)
    assert tab.event_id is None and tab.reads == 1  # built, translated, started on no event
    heard: list[tuple[object, ...]] = []
    tab.status.connect(lambda text: heard.append(("status", text, tab.reads)))
    tab.changed.connect(lambda: heard.append(("changed", tab.reads)))
    tab.stored("مهمان ذخیره شد.")
    tab.stored()
    assert heard == [("status", "مهمان ذخیره شد.", 2), ("changed", 2), ("changed", 3)]
