"""Fitting a long list's columns stays cheap: the rows around the view are measured, a new
width re-shares what was measured, and a filter while scrolled down lays the rows out at once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTableView

from qazvin_diplomacy.ui.common import FIT_SAMPLE_ROWS, fit_columns
from qazvin_diplomacy.ui.list_page import FitTable

_INDEX = QModelIndex | QPersistentModelIndex


class CountingModel(QAbstractTableModel):
    """``rows`` rows of three columns; remembers which rows were asked for."""

    def __init__(self, rows: int) -> None:
        super().__init__()
        self.rows = rows
        self.asked: set[int] = set()

    def rowCount(self, parent: _INDEX = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.rows

    def columnCount(self, parent: _INDEX = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index: _INDEX, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        self.asked.add(index.row())
        # One long title far down the list, beyond the rows in view.
        wide = index.column() == 1 and index.row() == self.rows - 1
        return "W" * 60 if wide else f"row {index.row()} col {index.column()}"

    def set_rows(self, rows: int) -> None:
        """A filter: the rows are replaced (model reset)."""
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()


def _table(qtbot, rows: int) -> tuple[FitTable, CountingModel]:
    model = CountingModel(rows)
    table = FitTable()
    qtbot.addWidget(table)
    table.setModel(model)
    fit_columns(table, (120, 120, 120), stretch=0)
    table.resize(700, 400)
    table.show()
    QApplication.processEvents()
    return table, model


def test_fitting_measures_the_rows_around_the_view_not_a_thousand(app, qtbot) -> None:
    table, model = _table(qtbot, 5000)
    model.asked.clear()
    model.set_rows(4000)  # a filter: the columns are fitted again
    # Fitting and painting read a screenful and the rows next to it, not 1,000 rows.
    assert model.asked
    assert max(model.asked) < FIT_SAMPLE_ROWS + 40
    # The long value far down the list does not widen its column.
    assert table.columnWidth(1) < table.fontMetrics().horizontalAdvance("W" * 60)


def test_a_new_width_reshares_the_widths_measured_without_reading_rows(app, qtbot) -> None:
    table, model = _table(qtbot, 300)
    measured = list(table.property("fit_contents"))
    calls: list[int] = []
    table.sizeHintForColumn = lambda col: (
        calls.append(col)
        or QTableView.sizeHintForColumn(  # type: ignore[method-assign]
            table, col
        )
    )
    table.resize(900, 400)
    QApplication.processEvents()
    # The resize alone did not measure the cells again …
    assert calls == []
    assert table.property("fit_contents") == measured
    # … and the title column (stretch) took the new room.
    assert table.columnWidth(0) >= measured[0]
    widths = [table.columnWidth(c) for c in range(3)]
    assert sum(widths) <= table.viewport().width() + 2
    model.set_rows(200)  # new rows are measured
    assert sorted(set(calls)) == [0, 1, 2]


def test_a_filter_while_scrolled_to_the_end_shows_rows_at_once(app, qtbot) -> None:
    table, model = _table(qtbot, 5000)
    table.scrollToBottom()
    QApplication.processEvents()
    model.set_rows(300)
    # Before any event is processed, the scroll range already follows the 300 rows: the
    # row numbers are not painted below an offset past the list's end.
    header = table.verticalHeader()
    assert table.verticalScrollBar().value() <= table.verticalScrollBar().maximum()
    assert header.visualIndexAt(0) != -1
    assert header.offset() <= header.length()


class _PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


class ShortWhenFewModel(CountingModel):
    """Long texts while it has many rows, one letter when a filter leaves fewer than 100."""

    def data(self, index: _INDEX, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        found = super().data(index, role)
        return "x" if found is not None and self.rows < 100 else found


def test_a_filter_paints_the_cells_once_with_their_new_widths(app, qtbot) -> None:
    """Refitted columns are drawn in the paint the new rows ask for, not in a second one."""
    model = ShortWhenFewModel(5000)
    table = FitTable()
    qtbot.addWidget(table)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)  # a list, not a form
    table.setModel(model)
    fit_columns(table, (120, 120, 120), stretch=0)
    table.resize(700, 400)
    table.show()
    QApplication.processEvents()
    counter = _PaintCounter()
    table.viewport().installEventFilter(counter)
    before = [table.columnWidth(c) for c in range(3)]
    model.set_rows(70)  # short rows: the columns narrow to them
    for _ in range(3):
        QApplication.processEvents()
    after = [table.columnWidth(c) for c in range(3)]
    assert after != before
    assert counter.paints == 1
    # The view knows the new widths: each column starts where the one before it ends.
    header = table.horizontalHeader()
    assert [header.sectionSize(c) for c in range(3)] == after
    right_to_left = table.isRightToLeft()
    positions = sorted(range(3), key=table.columnViewportPosition, reverse=right_to_left)
    edges = [table.columnViewportPosition(c) for c in positions]
    assert len(set(edges)) == 3


def test_row_numbers_keep_their_width_when_a_filter_leaves_fewer_digits(app, qtbot) -> None:
    """50,000 rows, then 7: the table does not move sideways (nor repaint for it)."""
    table, model = _table(qtbot, 50000)
    wide = table.verticalHeader().width()
    model.set_rows(7)
    QApplication.processEvents()
    assert table.verticalHeader().width() == wide
    model.set_rows(50000)
    QApplication.processEvents()
    assert table.verticalHeader().width() == wide


class OneColumnNarrowsModel(CountingModel):
    """Column 2 a few letters narrower when a filter leaves fewer than 100 rows; column 1
    too long for its width (cut) and unchanged; the title (column 0) a letter."""

    def data(self, index: _INDEX, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        found = super().data(index, role)
        if found is None:
            return None
        if index.column() == 2:
            return "w" * (8 if self.rows >= 100 else 6)
        return "w" * 200 if index.column() == 1 else "x"


@pytest.mark.parametrize("rows", [70, 3], ids=["scrolling", "scroll-bar-hidden"])
def test_the_title_columns_new_width_does_not_paint_the_cells_again(app, qtbot, rows) -> None:
    """One column narrows, the title widens: still one paint (the title's own resize is
    given when the geometries are updated, unheard by the table's zero-timer repaint) —
    also when so few rows are left that the scroll bar goes (the wider view is refitted
    in a nested call while the first one is still giving its widths)."""
    model = OneColumnNarrowsModel(5000)
    table = FitTable()
    qtbot.addWidget(table)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setModel(model)
    fit_columns(table, (200, 120, 120), stretch=0)
    table.resize(700, 400)
    table.show()
    QApplication.processEvents()
    counter = _PaintCounter()
    table.viewport().installEventFilter(counter)
    before = [table.columnWidth(c) for c in range(3)]
    model.set_rows(rows)
    for _ in range(3):
        QApplication.processEvents()
    after = [table.columnWidth(c) for c in range(3)]
    assert after[2] < before[2]
    assert counter.paints == 1
    header = table.horizontalHeader()
    assert [header.sectionSize(c) for c in range(3)] == after
    assert sum(after) == header.length() == table.viewport().width()
