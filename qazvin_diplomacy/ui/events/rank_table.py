"""The office's rank table editor (جدول رتبه‌ها), opened from the precedence tab.

Guests who are not heads of mission are ordered by this table: each row is the beginning of
a title (Persian or English) or a diplomatic rank, with its order (smaller first) and a note.
Rows can be added, removed and moved; "Reset to defaults" brings back the built-in table.
Saving replaces the whole table through ``services.rank_table``; a refused save tints the
cells in error and lists the messages per row, keeping everything typed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core.directory import DiplomaticRank
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.precedence import RankRow, rank_key_label, rank_row_key
from qazvin_diplomacy.core.text import to_latin_digits
from qazvin_diplomacy.services import rank_table as rank_service
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.ui.common import show_error, show_refusal
from qazvin_diplomacy.ui.forms_common import RecordDialog, RowTable, split_row_errors
from qazvin_diplomacy.ui.i18n import (
    QT_TRANSLATE_NOOP,
    Retranslating,
    current_language,
    loc_digits,
)

TITLE_COL, ORDER_COL, NOTE_COL = 0, 1, 2
RANK_KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # the rank key behind a label shown


def rank_hint() -> str:
    """The diplomatic ranks a row may name, by their labels in the UI language («رایزن وزیر»);
    heads of mission are ordered by date instead."""
    lang = current_language()
    return "  ·  ".join(
        rank_key_label(r.value, lang) for r in DiplomaticRank if r.value not in HEAD_GROUP_RANKS
    )


FIELDS = ("title", "order", "note")
# Ranks ordered by the Vienna Convention rules, never by the table.
HEAD_GROUP_RANKS = ("ambassador", "envoy", "charge_daffaires", "charge_ad_interim")


class RankTableDialog(Retranslating, RecordDialog):
    """Edit the office's rank table: title / order / note rows; add, remove, move, reset, save."""

    saved = Signal()
    status = Signal(str)

    GUARD_ENTER = False  # Qt's default: Enter presses Save
    DISCARD_QUESTION = QT_TRANSLATE_NOOP(
        "RankTableDialog", "The rank table has unsaved changes. Close it and discard them?"
    )
    HEADERS = (
        QT_TRANSLATE_NOOP("RankTableDialog", "Title or rank"),
        QT_TRANSLATE_NOOP("RankTableDialog", "Order"),
        QT_TRANSLATE_NOOP("RankTableDialog", "Note"),
        QT_TRANSLATE_NOOP("RankTableDialog", "Add row"),
        QT_TRANSLATE_NOOP("RankTableDialog", "Remove row"),
    )

    def new_record(self) -> None:
        """Override: Ctrl+N has no "new rank table" (the one table is edited in place)."""

    def __init__(self, db: DatabaseHandle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.is_default = True
        self.stamp = ""
        self._snapshot: list[RankRow] = []
        self.setModal(True)
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.ranks = QLabel(self)  # the diplomatic ranks a row may name (see rank_hint)
        self.ranks.setWordWrap(True)
        self.ranks.setStyleSheet("color: #455a64;")
        self.ranks.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.ranks)
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        layout.addWidget(self.state)
        self.rows = RowTable(self.HEADERS[:3], (260, 80, 260), self)
        self.rows.add_button.clicked.connect(lambda: self.add_row())
        layout.addWidget(self.rows, 1)
        moves = QHBoxLayout()
        self.up_button = QPushButton(self)
        self.down_button = QPushButton(self)
        self.reset_button = QPushButton(self)
        moves.addWidget(self.up_button)
        moves.addWidget(self.down_button)
        moves.addStretch(1)
        moves.addWidget(self.reset_button)
        layout.addLayout(moves)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout.addWidget(self.buttons)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        self.reset_button.clicked.connect(self.reset)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.load()
        self.retranslate_ui()
        self.resize(760, 560)

    # --- language ----------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.setWindowTitle(self.tr("Rank table"))
        self.intro.setText(
            self.tr(
                "Guests who are not heads of mission are ordered by this table: a title matches "
                "the longest row its Persian or English title begins with (spelling variants "
                "and spaces do not matter), or a diplomatic rank written as below. A smaller "
                "order comes first; people with the same order are flagged for a decision."
            )
        )
        self.ranks.setText(rank_hint())
        self._show_state()
        self.rows.retranslate(self.tr)
        self.up_button.setText(self.tr("Move up"))
        self.down_button.setText(self.tr("Move down"))
        self.reset_button.setText(self.tr("Reset to defaults"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        for row in range(self.rows.table.rowCount()):
            key = self._rank_key(row)
            if key:  # a diplomatic rank's label follows the language
                self.rows.table.item(row, TITLE_COL).setText(
                    rank_key_label(key, current_language())
                )
            item = self.rows.table.item(row, ORDER_COL)
            latin = to_latin_digits(item.text().strip()) if item is not None else ""
            if item is not None and latin.isascii() and latin.isdigit():
                item.setText(loc_digits(latin))  # a plain number follows the language's digits

    def _show_state(self) -> None:
        if self.is_default:
            self.state.setText(
                self.tr("The built-in default table is in use; saving makes it the office's own.")
            )
        else:
            self.state.setText(self.tr("The office's own table is in use."))

    # --- rows --------------------------------------------------------------------------

    def load(self) -> None:
        """Show the table in force (the office's or the default)."""
        try:
            table = rank_service.get_rank_table(self.db)
        except KnownError as exc:
            show_error(self, exc)
            return
        self.is_default = table.is_default
        self.stamp = table.stamp  # a save over someone else's newer table is refused
        self.rows.table.setRowCount(0)
        for row in table.rows:
            self.add_row(row)
        self.rows.show_errors({}, "")
        self.take_snapshot()
        self._show_state()

    def add_row(self, row: RankRow | None = None) -> int:
        """Append a row (empty when ``row`` is None) and select its title cell."""
        if row is None:
            values = ["", "", ""]
        else:  # a diplomatic rank is shown by its label, never its key (minister_counsellor)
            label = rank_key_label(row.title, current_language())
            values = [label, loc_digits(row.order), row.note]
        index = self.rows.add_row(values)
        order = self.rows.table.item(index, ORDER_COL)
        order.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        if row is not None and rank_key_label(row.title) != row.title:
            self.rows.table.item(index, TITLE_COL).setData(RANK_KEY_ROLE, row.title)
        if row is None:
            self.rows.table.setCurrentCell(index, TITLE_COL)
            self.rows.table.scrollToItem(self.rows.table.item(index, TITLE_COL))
        return index

    def _rank_key(self, row: int) -> str:
        """The ``DiplomaticRank`` value a row was loaded with, while its cell still shows that
        rank's label (in either language); "" for a title beginning or an edited cell."""
        item = self.rows.table.item(row, TITLE_COL)
        key = item.data(RANK_KEY_ROLE) if item is not None else None
        return key if key and rank_row_key(item.text()) == key else ""

    def move(self, delta: int) -> int:
        """Move the selected row up (-1) or down (+1); returns its new index."""
        table = self.rows.table
        row, col = table.currentRow(), max(table.currentColumn(), 0)
        target = row + delta
        if row < 0 or not 0 <= target < table.rowCount():
            return row
        for c in range(table.columnCount()):
            a, b = table.takeItem(row, c), table.takeItem(target, c)
            table.setItem(row, c, b)
            table.setItem(target, c, a)
        table.setCurrentCell(target, col)
        return target

    def entries(self) -> list[RankRow]:
        """The rows as typed (order kept as text; the service checks it)."""
        return [
            RankRow(
                title=self._rank_key(r) or self.rows.text(r, TITLE_COL),
                order=self.rows.text(r, ORDER_COL),
                note=self.rows.text(r, NOTE_COL),
            )
            for r in range(self.rows.table.rowCount())
        ]

    def _raw_state(self) -> list[RankRow]:
        """The rows as typed (what "modified?" compares with the rows loaded)."""
        return self.entries()

    def show_errors(self, errors: dict[str, str]) -> None:
        """Tint the cells in error and list the messages by row; others under the table."""
        cells, rest = split_row_errors(errors, "entries", FIELDS, TITLE_COL)
        general = list(rest.values())
        self.rows.show_errors(cells, self.tr("Row"))
        if general:
            text = self.rows.errors.text()
            self.rows.errors.show_error("\n".join([*general, text] if text else general))
        if cells:
            first_row, first_col = min(cells)
            self.rows.table.setCurrentCell(first_row, first_col)

    # --- actions -----------------------------------------------------------------------

    def save(self) -> bool:
        """Replace the office's table with the rows shown; close on success."""
        try:
            rank_service.save_rank_table(self.db, entries=self.entries(), expected_stamp=self.stamp)
        except KnownError as exc:
            show_refusal(self, self.show_errors, exc)
            return False
        self.rows.show_errors({}, "")
        self.status.emit(self.tr("Rank table saved; the order of precedence follows it."))
        self.saved.emit()
        super().accept()
        return True

    def reset(self) -> bool:
        """After confirmation, forget the office's table and show the default one again."""
        if not self.confirm(
            self.tr("Reset to defaults"),
            self.tr(
                "Delete the office's rank table and use the built-in default table again? "
                "Rows typed here are lost."
            ),
        ):
            return False
        try:
            rank_service.reset_rank_table(self.db, expected_stamp=self.stamp)
        except KnownError as exc:
            show_error(self, exc)
            return False
        self.load()
        self.status.emit(self.tr("The default rank table is in use again."))
        self.saved.emit()
        return True
