"""A list's table model (paged or not) answers a delegate's questions about a cell in one call
(``multiData``): the same answers as ``data`` role by role, a lost row empty, new text after
a reload."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from qazvin_diplomacy.ui.paged_model import PagedTableModel, TranslatedColumns


@dataclass(frozen=True)
class _Row:
    id: int
    title: str
    confidential: bool = False


class _Model(PagedTableModel[_Row]):
    COLUMNS = (("Title", "title"), ("Number", None))

    def __init__(self, rows: list[_Row], total: int | None = None) -> None:
        self.rows = rows
        self.claimed = total  # rows counted (the database may lose some before the page)
        super().__init__(None, None)  # type: ignore[arg-type]
        self.reload()

    def count_rows(self) -> int:
        return len(self.rows) if self.claimed is None else self.claimed

    def fetch_rows(self, offset: int, limit: int) -> list[_Row]:
        return self.rows[offset : offset + limit]

    def cell_data(self, record: _Row, col: int, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return record.title if col == 0 else str(record.id)
        if role == Qt.ItemDataRole.ForegroundRole and col == 1:
            return QColor("#aa0000")
        return None


def _option(model: QAbstractTableModel, row: int, col: int) -> QStyleOptionViewItem:
    """What a list's delegate paints in a cell (Qt fills it through ``multiData``)."""
    option = QStyleOptionViewItem()
    QStyledItemDelegate().initStyleOption(option, model.index(row, col))
    return option


def test_a_cell_painted_shows_what_data_gives_for_every_role(app) -> None:
    model = _Model([_Row(1, "پذیرش هیئت روسیه", confidential=True), _Row(2, "اعزام به تاجیکستان")])
    for row in range(2):
        for col in range(2):
            option = _option(model, row, col)
            assert option.text == model.data(model.index(row, col))
    assert _option(model, 1, 1).palette.text().color() == QColor("#aa0000")
    assert _option(model, 1, 0).palette.text().color() != QColor("#aa0000")
    locked = model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole)
    assert isinstance(locked, QIcon)
    assert not _option(model, 0, 0).icon.isNull()
    assert _option(model, 1, 0).icon.isNull()


def test_a_row_lost_since_counting_is_painted_empty(app) -> None:
    model = _Model([_Row(1, "تفاهم‌نامه")], total=2)
    assert _option(model, 0, 0).text == "تفاهم‌نامه"
    assert _option(model, 1, 0).text == ""
    assert model.data(model.index(1, 0)) is None


def test_an_edited_row_shows_its_new_text_after_the_reload(app) -> None:
    model = _Model([_Row(1, "پیش‌نویس")])
    assert _option(model, 0, 0).text == "پیش‌نویس"
    model.rows = [_Row(1, "امضا‌شده")]
    model.reload()
    assert _option(model, 0, 0).text == "امضا‌شده"


class _Names(TranslatedColumns, QAbstractTableModel):
    """A model over a list that gives its cells through ``data`` (as the directory's do)."""

    COLUMNS = ("Name",)

    def __init__(self, names: list[str]) -> None:
        super().__init__()
        self.names = names

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return len(self.names)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index, role=Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.names[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


def test_a_model_giving_its_cells_through_data_is_painted_with_them(app) -> None:
    model = _Names(["علی رضایی", "سفیر تاجیکستان"])
    option = _option(model, 1, 0)
    assert option.text == "سفیر تاجیکستان"
    assert option.displayAlignment == Qt.AlignmentFlag.AlignCenter
    model.names[1] = "سفیر روسیه"
    assert _option(model, 1, 0).text == "سفیر روسیه"


def test_a_list_measures_a_text_shown_again_as_qt_does_and_an_edit_anew(app) -> None:
    from qazvin_diplomacy.ui.list_page import ListTable, MeasuredOnceDelegate

    rows = [_Row(i, "پیش‌نویس" if i % 2 else "امضاشده", confidential=i == 3) for i in range(6)]
    model = _Model(rows)
    table = ListTable(model, sort_column=0, widths=(200, 80), stretch=0)
    assert isinstance(table.itemDelegate(), MeasuredOnceDelegate)
    measured = [table.sizeHintForColumn(col) for col in range(2)]
    plain = ListTable(_Model(rows), sort_column=0, widths=(200, 80), stretch=0)
    plain.setItemDelegate(QStyledItemDelegate(plain))
    assert measured == [plain.sizeHintForColumn(col) for col in range(2)]
    assert [table.sizeHintForColumn(col) for col in range(2)] == measured  # measured again
    model.rows = [*rows[:5], _Row(5, "پیش‌نویس تفاهم‌نامهٔ همکاری‌های فرهنگی و گردشگری")]
    model.reload()
    assert table.sizeHintForColumn(0) > measured[0]
    font = table.font()
    font.setPointSize(font.pointSize() + 8)
    table.setFont(font)
    plain.setFont(font)
    plain.model().rows = model.rows
    plain.model().reload()
    assert table.sizeHintForColumn(0) == plain.sizeHintForColumn(0)


class _CountedModel(_Model):
    """``_Model`` counting the calls of ``data`` (each one a trip through Qt)."""

    def __init__(self, rows: list[_Row]) -> None:
        self.data_calls = 0
        super().__init__(rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole) -> object:
        self.data_calls += 1
        return super().data(index, role)


def test_a_paged_list_measures_its_cells_in_one_call_each_as_data_gives_them(app) -> None:
    from qazvin_diplomacy.ui.list_page import ListTable

    rows = [_Row(i, "پیش‌نویس تفاهم‌نامه" * (i % 3 + 1), confidential=i == 2) for i in range(9)]
    model = _CountedModel(rows)
    table = ListTable(model, sort_column=0, widths=(200, 80), stretch=0)
    plain = ListTable(_Model(rows), sort_column=0, widths=(200, 80), stretch=0)
    plain.setItemDelegate(QStyledItemDelegate(plain))
    measured = [table.sizeHintForColumn(c) for c in range(2)]
    assert measured == [plain.sizeHintForColumn(c) for c in range(2)]
    model.data_calls = 0
    assert [table.sizeHintForColumn(c) for c in range(2)] == measured
    # Measured again: the roles come from cell_roles; only the locked cell (an icon) goes
    # through Qt's own measuring, which asks ``data`` for its size hint.
    assert model.data_calls == 1
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole)
    for row in range(9):
        for col in range(2):
            index = model.index(row, col)
            found = model.cell_roles(row, col, roles)
            assert found[0] == index.data(roles[0])
            assert (found[1] is None) == (index.data(roles[1]) is None)
    assert model.cell_roles(9, 0, roles) == [None, None]  # past the rows counted
