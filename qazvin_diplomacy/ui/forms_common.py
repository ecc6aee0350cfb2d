"""Shared pieces of the record forms and of the pages that open them.

- :class:`RowTable`: an editable table with add/remove buttons and per-row error messages
  (itinerary, gifts, follow-ups, parties, obligations, programme, rank table rows), with
  :meth:`RowTable.optional_date` and :func:`date_cell_text` for a Jalali date cell that may
  be empty;
- :class:`RecordDialog`: the base of a record form: Enter never presses a button, yes/no
  questions through :meth:`RecordDialog.confirm` (tests replace it; "No" is the default),
  the "modified?" snapshot, the ask-before-discard close, the archive-after-confirmation
  action, the form's own shortcuts (Ctrl+S save, Ctrl+P print, Ctrl+N new, Esc close),
  focus on the first field and a Print button printing the record;
- :func:`show_field_errors`, :func:`split_row_errors`, :func:`parse_error_text`: showing a
  service's ``ValidationError`` next to the fields and table cells it names;
- :func:`keep_open_form`, :func:`save_newest_form`, :func:`restore_selected_record`: the
  pages' bookkeeping of their open forms and their archive view's "Restore" button.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core import jalali
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.text import to_latin_digits
from qazvin_diplomacy.ui.common import (
    ID_ROLE,
    FieldError,
    TaskRunner,
    ask,
    known_message,
    make_ltr,
    mark_field,
    show_error,
)
from qazvin_diplomacy.ui.i18n import loc_digits
from qazvin_diplomacy.ui.list_page import EmptyStateView
from qazvin_diplomacy.ui.widgets.fitting import fit_to_screen, scrolling
from qazvin_diplomacy.ui.widgets.jalali import JalaliDateEdit, JalaliDateTimeEdit, show_date

VERSION_ROLE = Qt.ItemDataRole.UserRole + 1
ERROR_BG = QColor("#fde0e0")

R = TypeVar("R")
F = TypeVar("F", bound=QDialog)


# --------------------------------------------------------------------------- errors


def parse_error_text(exc: ValueError) -> str:
    """The message of a parse error: a known error's text in the UI language, else ``str``."""
    return known_message(exc) if isinstance(exc, KnownError) else str(exc)


def show_field_errors(
    fields: Mapping[str, QWidget],
    labels: Mapping[str, FieldError],
    errors: Mapping[str, str],
    marked: tuple[type[QWidget], ...] = (QLineEdit, QComboBox, QPlainTextEdit),
) -> None:
    """Show each field's message under it (or clear it); outline ``marked`` kinds of widget.

    A date field shows its own message; one cleared by the service keeps the message of a
    still-invalid text the user typed.
    """
    for key, label in labels.items():
        message = errors.get(key, "")
        widget = fields[key]
        if isinstance(widget, JalaliDateEdit | JalaliDateTimeEdit):
            date = widget.date_edit if isinstance(widget, JalaliDateTimeEdit) else widget
            if message and not date.error():
                widget.set_error(message)
            elif not message and date.error() and date.date():
                widget.set_error("")
            continue
        label.show_error(message)
        if isinstance(widget, marked):
            mark_field(widget, bool(message))


def split_row_errors(
    errors: Mapping[str, str],
    prefix: str,
    fields: Sequence[str],
    default_col: int = 0,
    columns: Mapping[str, int] | None = None,
) -> tuple[dict[tuple[int, int], str], dict[str, str]]:
    """Errors keyed ``"<prefix>.<row>.<field>"`` as ``{(row, column): message}``, and the rest.

    The column is the field's index in ``fields`` (``columns`` overrides it for a field
    shown in another column); an unknown field falls back to ``default_col``.
    """
    cells: dict[tuple[int, int], str] = {}
    rest: dict[str, str] = {}
    for key, message in errors.items():
        parts = key.split(".")
        if len(parts) == 3 and parts[0] == prefix and parts[1].isdigit():
            col = fields.index(parts[2]) if parts[2] in fields else default_col
            if columns and parts[2] in columns:
                col = columns[parts[2]]
            cells[(int(parts[1]), col)] = message
        else:
            rest[key] = message
    return cells, rest


# --------------------------------------------------------------------------- RowTable


def read_optional(
    text: str, parse: Callable[[str], R], key: str, errors: dict[str, str]
) -> R | None:
    """``parse`` of ``text``, None when it is empty; an unreadable one (``parse`` raises
    ValueError) is None with its message in ``errors[key]``."""
    text = text.strip()
    if not text:
        return None
    try:
        return parse(text)
    except ValueError as exc:
        errors[key] = parse_error_text(exc)
        return None


def read_optional_date(text: str, key: str, errors: dict[str, str]) -> dt.date | None:
    """The Jalali date typed in ``text`` (see :func:`read_optional`)."""
    return read_optional(text, jalali.parse_jalali, key, errors)


def date_cell_text(day: dt.date | None) -> str:
    """An optional date as a table cell shows it: Jalali in the UI's digits, "" for None."""
    return show_date(day) if day is not None else ""


class LtrCellDelegate(QStyledItemDelegate):
    """Cells of a left-to-right column (an English text) in either interface language: laid
    out and aligned left to right, cut with the ellipsis at their end, edited in an LTR line."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex
    ) -> None:  # Qt override
        """Override: left to right, aligned left, the ellipsis on the right."""
        super().initStyleOption(option, index)
        option.direction = Qt.LayoutDirection.LeftToRight
        option.displayAlignment = (
            Qt.AlignmentFlag.AlignLeft
            | Qt.AlignmentFlag.AlignAbsolute
            | Qt.AlignmentFlag.AlignVCenter
        )
        option.textElideMode = Qt.TextElideMode.ElideRight

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex
    ) -> QWidget:  # Qt override
        """Override: the editor is a left-to-right line."""
        editor = super().createEditor(parent, option, index)
        return make_ltr(editor)


#: The room a row table keeps for its last column when it shares out the others' widths.
LAST_COLUMN_ROOM = 140
#: No column of a row table is made narrower than this.
MIN_COLUMN_WIDTH = 60


class EmptyStateTableWidget(EmptyStateView, QTableWidget):
    """A table widget that says so while it has no row (``empty_text``)."""


class RowTable(QWidget):
    """A ``QTableWidget`` with add/remove buttons and an error list under it.

    A subclass that reads its rows as entries names each column's input field in ``FIELDS``
    and the first part of its row error keys (``"<PREFIX>.<row>.<field>"``) in ``PREFIX``;
    ``LTR_COLUMNS`` are the columns holding English text (laid out left to right).
    """

    #: The cell a row added with "Add row" opens for typing (see :meth:`edit_new_row`).
    EDIT_COLUMN = 0
    FIELDS: tuple[str, ...] = ()
    PREFIX = ""
    LTR_COLUMNS: tuple[int, ...] = ()

    def __init__(
        self, headers: tuple[str, ...], widths: tuple[int, ...], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.headers = headers
        layout = QVBoxLayout(self)
        self.table = EmptyStateTableWidget(0, len(headers), self)
        self.table.empty_text = self.empty_text
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(True)
        self.widths = widths
        self._share_widths()
        self.ltr_delegate = LtrCellDelegate(self.table)
        for col in self.LTR_COLUMNS:
            self.table.setItemDelegateForColumn(col, self.ltr_delegate)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch()
        layout.addLayout(buttons)
        self.errors = FieldError(self)
        layout.addWidget(self.errors)
        self.remove_button.clicked.connect(self.remove_current)

    def empty_text(self) -> str:
        """The sentence over the table while it has no row: that nothing is listed and, when
        the "Add row" button is shown, to use it."""
        if self.add_button.isHidden() or not self.add_button.text():
            return QCoreApplication.translate("RowTable", "Nothing listed yet.")
        return QCoreApplication.translate(
            "RowTable", "Nothing listed yet. Use «%1» to add a row."
        ).replace("%1", self.add_button.text())

    def _share_widths(self) -> None:
        """The declared column widths, shrunk in proportion when the table is too narrow for
        them and :data:`LAST_COLUMN_ROOM` for the last (stretched) column, so no column starts
        past the table's edge."""
        table = self.table
        if table.property("fit_widths") is not None:  # fitted to its content (fit_columns)
            return
        inside = table.width() - table.verticalHeader().width() - 2 * table.frameWidth()
        room = inside - table.verticalScrollBar().sizeHint().width() - LAST_COLUMN_ROOM
        total = sum(self.widths)
        scale = min(1.0, room / total) if total and room > 0 else 1.0
        for col, width in enumerate(self.widths):
            self.table.setColumnWidth(col, max(MIN_COLUMN_WIDTH, round(width * scale)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Share the columns out again for the new width."""
        super().resizeEvent(event)
        self._share_widths()

    def retranslate(self, translate: Callable[[str], str]) -> None:
        """Header and button texts via ``translate``."""
        self.table.setHorizontalHeaderLabels([translate(h) for h in self.headers])
        self.table.setVerticalHeaderLabels(
            [loc_digits(i + 1) for i in range(self.table.rowCount())]
        )
        self.add_button.setText(translate("Add row"))
        self.remove_button.setText(translate("Remove row"))

    def add_row(
        self, values: list[str], record_id: int | None = None, version: int | None = None
    ) -> int:
        """Append a row of texts; returns its index."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        for col, value in enumerate(values):
            item = QTableWidgetItem(value)
            if col == 0:
                item.setData(ID_ROLE, record_id)
                item.setData(VERSION_ROLE, version)
            self.table.setItem(row, col, item)
        self.table.setVerticalHeaderItem(row, QTableWidgetItem(loc_digits(row + 1)))
        return row

    def edit_new_row(self, row: int) -> None:
        """The cursor into ``row``'s ``EDIT_COLUMN`` cell, editing: after "Add row" the clerk
        types at once (and Tab goes on along the row) instead of typing into nothing."""
        item = self.table.item(row, self.EDIT_COLUMN)
        if item is None:
            return
        self.table.setFocus()
        self.table.setCurrentCell(row, self.EDIT_COLUMN)
        self.table.editItem(item)

    def remove_current(self) -> None:
        """Delete the selected row."""
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def text(self, row: int, col: int) -> str:
        """A cell's text (or the current text of its combo box)."""
        widget = self.table.cellWidget(row, col)
        if isinstance(widget, QComboBox):
            return widget.currentText()
        item = self.table.item(row, col)
        return item.text().strip() if item is not None else ""

    def optional_date(self, row: int, field: str, errors: dict[str, str]) -> dt.date | None:
        """The Jalali date typed in ``row``'s ``field`` column, None when the cell is empty.

        An unreadable date is None and its message goes into ``errors`` under
        ``"<PREFIX>.<row>.<field>"`` (shown on its row by :meth:`show_row_errors`).
        """
        return self.parsed(row, self.FIELDS.index(field), jalali.parse_jalali, errors)

    def parsed(
        self, row: int, col: int, parse: Callable[[str], R], errors: dict[str, str]
    ) -> R | None:
        """``parse`` of the text in cell (``row``, ``col``), None when the cell is empty.

        An unreadable text (``parse`` raises ValueError) is None and its message goes into
        ``errors`` under ``"<PREFIX>.<row>.<field>"``, the field being ``FIELDS[col]``.
        """
        return read_optional(
            self.text(row, col), parse, f"{self.PREFIX}.{row}.{self.FIELDS[col]}", errors
        )

    def combo(self, row: int, col: int) -> QComboBox:
        """The combo box placed in a cell."""
        widget = self.table.cellWidget(row, col)
        assert isinstance(widget, QComboBox)
        return widget

    def record(self, row: int) -> tuple[int | None, int | None]:
        """(id, version) kept on a row's first cell."""
        item = self.table.item(row, 0)
        if item is None:
            return None, None
        return item.data(ID_ROLE), item.data(VERSION_ROLE)

    def raw_rows(self, *, with_ids: bool = False) -> list[list[object]]:
        """Every cell's raw content, row by row (for a form's "modified?" snapshot).

        A combo box gives its current data, a text cell its text with Latin digits; with
        ``with_ids`` a text cell gives ``(id kept on the item, text)`` and a missing cell "".
        """
        out: list[list[object]] = []
        for r in range(self.table.rowCount()):
            row: list[object] = []
            for c in range(self.table.columnCount()):
                widget = self.table.cellWidget(r, c)
                if isinstance(widget, QComboBox):
                    row.append(widget.currentData())
                elif not with_ids:
                    row.append(to_latin_digits(self.text(r, c)))
                else:
                    item = self.table.item(r, c)
                    row.append(
                        (item.data(ID_ROLE), to_latin_digits(self.text(r, c)))
                        if item is not None
                        else ""
                    )
            out.append(row)
        return out

    def show_errors(self, errors: dict[tuple[int, int], str], row_word: str) -> None:
        """Tint the cells in error and list the messages under the table."""
        for r in range(self.table.rowCount()):
            for c in range(self.table.columnCount()):
                item = self.table.item(r, c)
                if item is not None:
                    item.setBackground(ERROR_BG if (r, c) in errors else QColor(0, 0, 0, 0))
        lines = [
            f"{row_word} {loc_digits(r + 1)}: {msg}" for (r, _c), msg in sorted(errors.items())
        ]
        self.errors.show_error("\n".join(lines))

    def show_row_errors(
        self,
        errors: Mapping[str, str],
        prefix: str,
        fields: Sequence[str],
        row_word: str,
        default_col: int = 0,
        columns: Mapping[str, int] | None = None,
    ) -> dict[str, str]:
        """Show the errors keyed ``"<prefix>.<row>.<field>"`` (see :func:`split_row_errors`).

        Returns the other errors.
        """
        cells, rest = split_row_errors(errors, prefix, fields, default_col, columns)
        self.show_errors(cells, row_word)
        return rest


# --------------------------------------------------------------------------- RecordDialog


class RecordDialog(QDialog):
    """Base of a record form (visit, agreement, event, rank table).

    Subclasses give ``_raw_state()`` (every input's raw content, nothing validated), call
    :meth:`take_snapshot` once loaded or saved, and set ``DISCARD_QUESTION`` to a
    ``QT_TRANSLATE_NOOP`` string in their own context.  ``GUARD_ENTER = False`` keeps Qt's
    default (Enter presses the default button).

    The form's own shortcuts work wherever the cursor is in it: Ctrl+S :meth:`save`,
    Ctrl+P :meth:`print_record`, Ctrl+N :meth:`new_record` (the page's "New"), Esc closes
    (asking first when something was typed).  A form naming its printout in
    ``PRINT_REPORT`` (a ``reports.catalog`` kind taking the record id as ``PRINT_OPTION``)
    gets a Print button next to its Save button.
    """

    GUARD_ENTER = True
    DISCARD_QUESTION = ""
    #: The method of the page (or a parent) that opens this kind of record by id: how
    #: «Reload» after a stale save opens the record again.
    REOPEN = "open_record"
    PRINT_REPORT = ""
    PRINT_OPTION = ""

    _snapshot: object = None
    _shown_once = False
    print_button: QPushButton | None = None

    def _open_layout(self, width: int, height: int) -> QVBoxLayout:
        """A modeless window of ``width`` x ``height``: its layout, with the error banner on top.

        ``self.banner`` (hidden while empty) shows the messages that belong to no field.
        """
        self.setModal(False)
        fit_to_screen(self, width, height)  # at 1024×700 a taller form hides its Save button
        outer = QVBoxLayout(self)
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("color: #c62828; font-weight: bold;")
        self.banner.hide()
        outer.addWidget(self.banner)
        self._add_shortcuts()
        return outer

    @staticmethod
    def scrolled(page: QWidget) -> QWidget:
        """``page`` as a tab that scrolls on a low screen (``widgets.fitting.scrolling``)."""
        return scrolling(page)

    def _add_shortcuts(self) -> None:
        """Ctrl+S, Ctrl+P and Ctrl+N of this window (the main window's do not reach it)."""
        self.shortcuts: dict[str, QShortcut] = {}
        for name, keys, slot in (
            ("save", QKeySequence.StandardKey.Save, self._shortcut_save),
            ("print", QKeySequence.StandardKey.Print, self.print_record),
            ("new", QKeySequence.StandardKey.New, self.new_record),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
            self.shortcuts[name] = shortcut

    def _shortcut_save(self) -> None:
        save = getattr(self, "save", None)
        if callable(save):
            save()

    def new_record(self) -> object:
        """Ctrl+N: open a new form of the same kind through the page that opened this one."""
        page = self.parentWidget()
        opener = getattr(page, "new_record", None)
        return opener() if callable(opener) else None

    def record_id(self) -> int | None:
        """The stored record's id (``detail.id``), None for a new record."""
        detail = getattr(self, "detail", None)
        return getattr(detail, "id", None)

    def print_options(self) -> dict[str, Any]:
        """The options of ``PRINT_REPORT`` for this record."""
        return {self.PRINT_OPTION: self.record_id()}

    def _runner(self) -> TaskRunner:
        ctx = getattr(self.parentWidget(), "ctx", None)
        runner = getattr(ctx, "runner", None)
        if isinstance(runner, TaskRunner):
            return runner
        if getattr(self, "_own_runner", None) is None:
            self._own_runner = TaskRunner(self)
        return self._own_runner

    def print_record(self) -> bool:
        """Ctrl+P / Print: the record's printout as stored; False (said in the banner) when
        the form has none or the record is not saved yet."""
        if not self.PRINT_REPORT:
            return False
        if self.record_id() is None:
            self.banner.setText(
                QCoreApplication.translate(
                    "RecordDialog", "Save the record first; then it can be printed."
                )
            )
            self.banner.show()
            return False
        if self.is_modified():
            self.banner.setText(
                QCoreApplication.translate(
                    "RecordDialog", "Printed as last saved: save to include your latest changes."
                )
            )
            self.banner.show()
        from qazvin_diplomacy.ui.ops import print_pdf

        self.print_job = print_pdf(
            self._runner(),
            self.db,  # type: ignore[attr-defined]  # every record form keeps its database
            self.PRINT_REPORT,
            self.print_options(),
            parent=self,
        )
        return True

    def _add_print_button(self) -> None:
        boxes = self.findChildren(
            QDialogButtonBox, options=Qt.FindChildOption.FindDirectChildrenOnly
        )
        if not self.PRINT_REPORT or not boxes or self.print_button is not None:
            return
        self.print_button = QPushButton(self)
        self.print_button.setAutoDefault(False)
        self.print_button.setText(QCoreApplication.translate("RecordDialog", "Print…"))
        self.print_button.setToolTip(
            QCoreApplication.translate("RecordDialog", "Print this record (Ctrl+P)")
        )
        self.print_button.clicked.connect(self.print_record)
        boxes[-1].addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)

    def focus_first_field(self) -> None:
        """Put the cursor in the form's first field (its ``field_set``'s first editable one)."""
        field_set = getattr(self, "field_set", None)
        for widget in getattr(field_set, "widgets", {}).values():
            if widget.isEnabled() and widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def showEvent(self, event: QShowEvent) -> None:  # Qt override
        """Override: on first show, add the Print button and focus the first field."""
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self._add_print_button()
            self._refuse_saves_to_viewers()
            self.focus_first_field()

    def _refuse_saves_to_viewers(self) -> None:
        """A viewer's form opens read-only: its Save buttons disabled, the banner says why."""
        from qazvin_diplomacy.core.access import may_edit

        if may_edit():
            return
        save = QDialogButtonBox.StandardButton.Save
        for box in self.findChildren(QDialogButtonBox):
            for button in (box.button(save), box.button(QDialogButtonBox.StandardButton.Ok)):
                if button is not None:
                    button.setEnabled(False)
        self.banner.setText(
            QCoreApplication.translate(
                "RecordDialog", "Your account may only view: nothing can be saved."
            )
        )
        self.banner.show()

    def _raw_state(self) -> object:
        """Every input's raw content, in a fixed order (subclasses)."""
        raise NotImplementedError

    def take_snapshot(self) -> None:
        """Remember the current content as the unmodified state."""
        self._snapshot = self._raw_state()
        self._typed_snapshot = self._typed_state()

    # --- a save refused as stale (another desk changed the record) ---------------------

    _typed_snapshot: dict[str, object] | None = None
    stale_dialog: QDialog | None = None
    typed_panel: QDialog | None = None

    def _typed_state(self) -> dict[str, object]:
        """Each field's and row table's raw content by name (what "typed" compares)."""
        state: dict[str, object] = {}
        field_set = getattr(self, "field_set", None)
        for spec in getattr(field_set, "specs", ()):
            if spec.tracked and spec.name in field_set.widgets:
                state[spec.name] = field_set.raw_of(spec.name)
        for index, table in enumerate(self.findChildren(RowTable)):
            state[f"#table{index}"] = table.raw_rows()
        return state

    def typed_values(self) -> list[tuple[str, str]]:
        """What the clerk changed since the form was loaded: (field label, value shown)."""
        from qazvin_diplomacy.ui.stale_save import widget_text

        before = self._typed_snapshot or {}
        now = self._typed_state()
        typed: list[tuple[str, str]] = []
        field_set = getattr(self, "field_set", None)
        for name, value in now.items():
            if name in before and before[name] == value:
                continue  # as loaded: not typed by the clerk
            if name.startswith("#table"):
                table = self.findChildren(RowTable)[int(name[6:])]
                heads = (table.table.horizontalHeaderItem(c) for c in range(len(table.headers)))
                label = "، ".join(h.text() for h in heads if h is not None)
                rows = [
                    " | ".join(table.text(r, c) for c in range(table.table.columnCount()))
                    for r in range(table.table.rowCount())
                ]
                typed.append((label, "\n".join(rows)))
                continue
            label = field_set.labels[name].text().removesuffix(" *")
            typed.append((label, widget_text(field_set.widgets[name])))
        return typed

    def _reopener(self) -> Callable[[int], object] | None:
        """The nearest parent's ``REOPEN`` method (a page's ``open_record``), None if none."""
        if self.record_id() is None:
            return None
        widget = self.parentWidget()
        while widget is not None:
            opener = getattr(widget, self.REOPEN, None)
            if callable(opener):
                return opener
            widget = widget.parentWidget()
        return None

    def stale_refused(self, exc: KnownError) -> QDialog:
        """A save refused because another desk changed the record: say who and when (its
        audit trail) and offer «Reload», which keeps what was typed beside the fresh form."""
        from qazvin_diplomacy.services.audit import last_change
        from qazvin_diplomacy.ui.stale_save import StaleSaveDialog

        entity = getattr(exc, "entity", "")
        entity_id = getattr(exc, "entity_id", "") or self.record_id()
        last = None
        db = getattr(self, "db", None)
        if entity and entity_id is not None and db is not None:
            try:
                last = last_change(db, entity=entity, entity_id=entity_id)
            except Exception:  # the trail out of reach: the refusal is still shown
                last = None
        dialog = StaleSaveDialog(last, self.typed_values(), self)
        dialog.reload_button.setVisible(self._reopener() is not None)
        dialog.reload.connect(lambda: self.reload_record(dialog.typed))
        self.stale_dialog = dialog
        dialog.open()
        return dialog

    def reload_record(self, typed: Sequence[tuple[str, str]] = ()) -> QDialog | None:
        """Close this form and open the record again as stored now (through the page that
        opened it); what was ``typed`` stays beside the new form to copy back.  Returns the
        new form (None when no page can open it: then this form stays)."""
        from qazvin_diplomacy.ui.stale_save import TypedValuesPanel, place_beside

        record_id = self.record_id()
        opener = self._reopener()
        if record_id is None or opener is None:
            return None
        self.take_snapshot()  # nothing to ask: what was typed is carried over below
        self.close()
        form = opener(record_id)
        if isinstance(form, QDialog) and typed:
            panel = TypedValuesPanel(typed, form)
            if isinstance(form, RecordDialog):
                form.typed_panel = panel
            panel.show()
            place_beside(panel, form)
        return form if isinstance(form, QDialog) else None

    def is_modified(self) -> bool:
        """Whether anything differs from what was loaded (or from the empty form)."""
        return self._raw_state() != self._snapshot

    def confirm(self, title: str, text: str) -> bool:
        """Ask a yes/no question, "No" being the default (tests replace this)."""
        return ask(self, title, text)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        """Override: Enter in a field (e.g. a people search) never presses a button."""
        if self.GUARD_ENTER and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        """Override of ``QDialog.reject`` (Cancel, Close, Escape): never drop typed input silently."""
        if (
            self.isVisible()
            and self.is_modified()
            and not self.confirm(self.tr("Discard changes"), self.tr(self.DISCARD_QUESTION))
        ):
            return
        super().reject()

    def archive_record(
        self, title: str, question: str, archive: Callable[[], object], record_id: int
    ) -> bool:
        """After a yes to ``question``, run ``archive``; then emit ``archived`` and close.

        A refusal (``KnownError``) is shown and the form stays open.
        """
        if not self.confirm(title, question):
            return False
        try:
            archive()
        except KnownError as exc:
            show_error(self, exc)
            return False
        self.archived.emit(record_id)  # type: ignore[attr-defined]  # the subclass's signal
        self.take_snapshot()
        self.accept()
        return True


# --------------------------------------------------------------------------- pages


def keep_open_form(forms: list[F], form: F) -> F:
    """Show ``form`` and keep it in ``forms`` until it is closed; returns it."""
    form.finished.connect(lambda _r: forms.remove(form) if form in forms else None)
    forms.append(form)
    form.show()
    return form


def save_newest_form(forms: Iterable[Any]) -> None:
    """Ctrl+S: save the most recently opened form still on screen."""
    for form in reversed(list(forms)):
        if form.isVisible():
            form.save()
            return


def restore_selected_record(
    page: Any,
    table: QTableView,
    record_at: Callable[[int], R | None],
    restore: Callable[[R], object],
    *,
    kind: str,
    select_first: str,
    restored: str,
) -> bool:
    """Restore the record selected in an archive ``table`` of a module ``page``.

    ``record_at(row)`` gives the listed record, ``restore(record)`` calls the service; the
    status bar says ``select_first`` when nothing is selected and ``restored`` after success,
    and pages showing ``kind`` are refreshed.  A refusal (``KnownError``) is shown.
    """
    rows = table.selectionModel().selectedRows()
    index = rows[0] if rows else table.currentIndex()
    if not index.isValid():
        page.ctx.hub.status.emit(select_first)
        return False
    record = record_at(index.row())
    if record is None:
        return False
    try:
        restore(record)
    except KnownError as exc:
        show_error(page, exc)
        return False
    page.ctx.hub.status.emit(restored)
    page.ctx.hub.dataChanged.emit(kind)
    return True
