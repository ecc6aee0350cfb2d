"""The holidays dialog (تعطیلات رسمی): a Jalali year's holidays, lunar ones corrected by the office.

Lists every holiday of the chosen year — fixed, lunar (approximate until confirmed) and the
office's own — and edits the selected one: a lunar holiday's date is confirmed (or moved),
marked "not a holiday this year" or put back to the computed approximate date; an office
holiday is added, changed or removed.  Errors from ``services.holidays`` are shown next to
the field they concern; the typed text stays.  Reached from the visits page's month view and
the settings dialog.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core import jalali
from qazvin_diplomacy.core.errors import KnownError, ValidationError
from qazvin_diplomacy.services import holidays as holidays_service
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.services.holidays import HolidayRow
from qazvin_diplomacy.ui.common import (
    FieldError,
    known_message,
    make_ltr,
    mark_field,
    pad_cells,
    read_only_rows,
)
from qazvin_diplomacy.ui.i18n import Retranslating, is_rtl, loc_digits, loc_text
from qazvin_diplomacy.ui.icons import icon
from qazvin_diplomacy.ui.widgets.jalali import JalaliDateEdit, show_date

_ANY_INDEX = QModelIndex | QPersistentModelIndex
DATE_COL, NAME_COL, KIND_COL, STATUS_COL, COMPUTED_COL = range(5)
APPROX_COLOR = "#8a5a00"
CANCELLED_COLOR = "#9e9e9e"


class HolidayTableModel(QAbstractTableModel):
    """The year's :class:`HolidayRow` values: date, name, kind, status, computed date."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[HolidayRow] = []

    def set_rows(self, rows: Sequence[HolidayRow]) -> None:
        """Replace every row."""
        self.beginResetModel()
        try:
            self._rows = list(rows)
        finally:
            self.endResetModel()

    def row_at(self, row: int) -> HolidayRow | None:
        """The holiday shown on ``row`` (None when out of range)."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rows(self) -> list[HolidayRow]:
        """Every row, in display order."""
        return list(self._rows)

    def find(self, kind: str, key: str, occurrence: int = 1) -> int:
        """Row number of a holiday (-1 when absent)."""
        for i, r in enumerate(self._rows):
            if (r.kind, r.key, r.occurrence) == (kind, key, occurrence):
                return i
        return -1

    def rowCount(self, parent: _ANY_INDEX = QModelIndex()) -> int:  # noqa: B008
        """Override: the number of holidays (no children)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _ANY_INDEX = QModelIndex()) -> int:  # noqa: B008
        """Override: five columns."""
        return 0 if parent.isValid() else 5

    def headerData(  # Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Override: column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("Date"),
            self.tr("Holiday"),
            self.tr("Kind"),
            self.tr("Status"),
            self.tr("Computed date"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: _ANY_INDEX, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Override: texts, and a muted/brown colour for cancelled/approximate rows."""
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, index.column())
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.cancelled:
                return QColor(CANCELLED_COLOR)
            if row.approximate and index.column() in (DATE_COL, STATUS_COL):
                return QColor(APPROX_COLOR)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (
            DATE_COL,
            COMPUTED_COL,
        ):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def text(self, row: HolidayRow, col: int) -> str:
        """The text of ``row`` in column ``col`` for the current language."""
        if col == DATE_COL:
            return show_date(row.date, weekday=True) if row.date else "—"
        if col == NAME_COL:
            name = row.name_fa if is_rtl() or not row.name_en else row.name_en
            return loc_text(name)
        if col == KIND_COL:
            return {
                "fixed": self.tr("Fixed"),
                "lunar": self.tr("Lunar"),
                "office": self.tr("Added by the office"),
            }[row.kind]
        if col == STATUS_COL:
            if row.cancelled:
                return self.tr("Not a holiday this year")
            if row.approximate:
                return self.tr("Approximate")
            return self.tr("Confirmed") if row.kind != "fixed" else self.tr("Fixed date")
        if col == COMPUTED_COL:
            return show_date(row.computed) if row.kind == "lunar" and row.computed else ""
        return ""


class HolidaysDialog(Retranslating, QDialog):
    """Pick a Jalali year; list, confirm, correct, add and remove its holidays.

    ``changed`` is emitted after every stored change (the owner refreshes its calendars).
    """

    changed = Signal()

    def __init__(
        self,
        db: DatabaseHandle,
        parent: QWidget | None = None,
        *,
        year: int | None = None,
        on_change: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.year = year or jalali.to_jalali(dt.date.today())[0]
        self._adding = False
        if on_change is not None:
            self.changed.connect(on_change)
        outer = QVBoxLayout(self)
        head = QHBoxLayout()
        self.prev_button = QToolButton(self)
        self.next_button = QToolButton(self)
        self.year_label = QLabel(self)
        self.year_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.year_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.year_label.setFont(font)
        self.prev_button.clicked.connect(lambda: self.set_year(self.year - 1))
        self.next_button.clicked.connect(lambda: self.set_year(self.year + 1))
        head.addWidget(self.prev_button)
        head.addWidget(self.year_label, 1)
        head.addWidget(self.next_button)
        outer.addLayout(head)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #6b7b88;")
        outer.addWidget(self.note)

        self.model = HolidayTableModel(self)
        self.table = read_only_rows(QTableView(self))
        self.table.setModel(self.model)
        pad_cells(self.table)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME_COL, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._show(cur))
        outer.addWidget(self.table, 1)

        self.editor = QGroupBox(self)
        form = QFormLayout(self.editor)
        self.date_edit = JalaliDateEdit(self.editor)
        self.name_fa = QLineEdit(self.editor)
        self.name_fa_error = FieldError(self.editor)
        self.name_en = make_ltr(QLineEdit(self.editor))
        assert isinstance(self.name_en, QLineEdit)
        self.name_en_error = FieldError(self.editor)
        self.date_label, self.name_fa_label, self.name_en_label = (
            QLabel(self.editor),
            QLabel(self.editor),
            QLabel(self.editor),
        )
        name_fa_box, name_en_box = QVBoxLayout(), QVBoxLayout()
        name_fa_box.addWidget(self.name_fa)
        name_fa_box.addWidget(self.name_fa_error)
        name_en_box.addWidget(self.name_en)
        name_en_box.addWidget(self.name_en_error)
        form.addRow(self.date_label, self.date_edit)
        form.addRow(self.name_fa_label, name_fa_box)
        form.addRow(self.name_en_label, name_en_box)
        self.general_error = FieldError(self.editor)
        form.addRow(self.general_error)
        actions = QHBoxLayout()
        self.confirm_button = QPushButton(self.editor)
        self.cancel_button = QPushButton(self.editor)
        self.reset_button = QPushButton(self.editor)
        self.save_button = QPushButton(self.editor)
        self.remove_button = QPushButton(self.editor)
        self.add_button = QPushButton(self.editor)
        for button in (
            self.confirm_button,
            self.cancel_button,
            self.reset_button,
            self.save_button,
            self.remove_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.add_button)
        form.addRow(actions)
        outer.addWidget(self.editor)
        self.confirm_button.clicked.connect(self.confirm_selected)
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.reset_button.clicked.connect(self.reset_selected)
        self.save_button.clicked.connect(self.save_office)
        self.remove_button.clicked.connect(self.remove_selected)
        self.add_button.clicked.connect(self.start_adding)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        self.resize(900, 640)
        self.retranslate_ui()
        self.reload()

    # --- texts -------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Every text for the current language."""
        self.setWindowTitle(self.tr("Official holidays"))
        self.prev_button.setIcon(icon("prev"))
        self.next_button.setIcon(icon("next"))
        self.prev_button.setToolTip(self.tr("Previous year"))
        self.next_button.setToolTip(self.tr("Next year"))
        self.year_label.setText(loc_digits(self.tr("Year %1").replace("%1", str(self.year))))
        self.note.setText(
            self.tr(
                "Lunar holidays are computed approximately (the tabular Hijri calendar may be a"
                " day off the sighted moon). Confirm or correct each one when it is announced."
            )
        )
        self.date_label.setText(self.tr("Date"))
        self.name_fa_label.setText(self.tr("Persian name"))
        self.name_en_label.setText(self.tr("English name"))
        self.confirm_button.setText(self.tr("Confirm this date"))
        self.cancel_button.setText(self.tr("Not a holiday this year"))
        self.reset_button.setText(self.tr("Back to approximate"))
        self.save_button.setText(self.tr("Save"))
        self.remove_button.setText(self.tr("Remove"))
        self.add_button.setText(self.tr("Add a holiday…"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 4)
        self.model.layoutChanged.emit()
        self._show(self.table.currentIndex())

    # --- data --------------------------------------------------------------------------

    def set_year(self, year: int) -> None:
        """Show Jalali ``year`` (kept inside the app's range)."""
        if jalali.MIN_YEAR <= year <= jalali.MAX_YEAR:
            self.year = year
            self.year_label.setText(loc_digits(self.tr("Year %1").replace("%1", str(year))))
            self.reload()

    def reload(self, select: tuple[str, str, int] | None = None) -> None:
        """Re-read the year; re-select ``select`` (kind, key, occurrence) or the first row."""
        self._adding = False
        self.model.set_rows(holidays_service.year_holidays(self.db, self.year))
        row = self.model.find(*select) if select else -1
        self.select_row(max(row, 0))
        self._show(self.table.currentIndex())

    def select_row(self, row: int) -> None:
        """Make ``row`` current and selected (its holiday goes to the editor)."""
        self._adding = False
        index = self.model.index(row, 0)
        if index.isValid():
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            self.table.selectionModel().setCurrentIndex(index, flags)

    def selected(self) -> HolidayRow | None:
        """The holiday being edited (None while adding a new one)."""
        if self._adding:
            return None
        return self.model.row_at(self.table.currentIndex().row())

    def _clear_errors(self) -> None:
        self.date_edit.set_error("")
        for label in (self.name_fa_error, self.name_en_error, self.general_error):
            label.show_error("")
        mark_field(self.name_fa, False)
        mark_field(self.name_en, False)

    def _show(self, index: QModelIndex | QPersistentModelIndex) -> None:
        self._clear_errors()
        row = None if self._adding else self.model.row_at(index.row())
        kind = "new" if self._adding else (row.kind if row else "")
        self.editor.setTitle(
            self.tr("New holiday added by the office")
            if self._adding
            else self.tr("Selected holiday")
        )
        if row is not None:
            self.date_edit.setDate(row.date or row.computed)
            self.name_fa.setText(row.name_fa)
            self.name_en.setText(row.name_en)
        lunar, office = kind == "lunar", kind in ("office", "new")
        self.date_edit.setEnabled(lunar or office)
        self.name_fa.setReadOnly(not office)
        self.name_en.setReadOnly(not office)
        self.confirm_button.setVisible(lunar)
        self.cancel_button.setVisible(lunar)
        self.reset_button.setVisible(lunar)
        self.reset_button.setEnabled(bool(row and row.entry_id is not None))
        self.cancel_button.setEnabled(bool(row and not row.cancelled))
        self.save_button.setVisible(office)
        self.remove_button.setVisible(kind == "office")
        if kind == "fixed":
            self.general_error.setStyleSheet("color: #6b7b88;")
            self.general_error.show_error(self.tr("Fixed holidays cannot be changed."))
        else:
            self.general_error.setStyleSheet("color: #c62828;")

    def start_adding(self) -> None:
        """Empty the editor for a new office holiday (saved with Save)."""
        self._adding = True
        self._show(QModelIndex())
        self.date_edit.setDate(None)
        self.name_fa.clear()
        self.name_en.clear()
        self.date_edit.setFocus()

    # --- actions -----------------------------------------------------------------------

    def _run(self, action: Callable[[], HolidayRow | None]) -> bool:
        """Run a service call; show its errors next to the fields; reload on success."""
        self._clear_errors()
        try:
            result = action()
        except ValidationError as exc:
            self._show_errors(exc)
            return False
        except KnownError as exc:
            self.general_error.show_error(known_message(exc))
            return False
        self.reload((result.kind, result.key, result.occurrence) if result else None)
        self.changed.emit()
        return True

    def _show_errors(self, exc: ValidationError) -> None:
        english = not is_rtl() and bool(exc.message_en)
        for field, message in exc.errors.items():
            text = exc.message_en if english else message
            if field == "date":
                self.date_edit.set_error(text)
            elif field == "name_fa":
                self.name_fa_error.show_error(text)
                mark_field(self.name_fa, True)
            elif field == "name_en":
                self.name_en_error.show_error(text)
                mark_field(self.name_en, True)
            else:
                self.general_error.show_error(text)

    def _typed_date(self) -> dt.date | None:
        error = self.date_edit.validate()
        if error:
            return None
        day = self.date_edit.date()
        if day is None:
            self.date_edit.set_error(self.tr("A date is required."))
        return day

    def confirm_selected(self) -> bool:
        """Confirm the selected lunar holiday on the date in the field."""
        row = self.selected()
        day = self._typed_date()
        if row is None or row.kind != "lunar" or day is None:
            return False
        return self._run(
            lambda: holidays_service.confirm_holiday(
                self.db,
                jalali_year=self.year,
                key=row.key,
                occurrence=row.occurrence,
                day=day,
                version=row.version,
            )
        )

    def cancel_selected(self) -> bool:
        """Mark the selected lunar holiday "not a holiday this year"."""
        row = self.selected()
        if row is None or row.kind != "lunar":
            return False
        return self._run(
            lambda: holidays_service.cancel_holiday(
                self.db,
                jalali_year=self.year,
                key=row.key,
                occurrence=row.occurrence,
                version=row.version,
            )
        )

    def reset_selected(self) -> bool:
        """Put the selected lunar holiday back to its computed, approximate date."""
        row = self.selected()
        if row is None or row.kind != "lunar":
            return False
        return self._run(
            lambda: holidays_service.reset_holiday(
                self.db, jalali_year=self.year, key=row.key, occurrence=row.occurrence
            )
        )

    def save_office(self) -> bool:
        """Add the new office holiday, or save the selected one's date and names."""
        row = self.selected()
        day = self._typed_date()
        if day is None:
            return False
        fa, en = self.name_fa.text(), self.name_en.text()
        if self._adding:
            if jalali.to_jalali(day)[0] != self.year:
                self.set_year(jalali.to_jalali(day)[0])
                self._adding = True
            return self._run(
                lambda: holidays_service.add_holiday(self.db, day=day, name_fa=fa, name_en=en)
            )
        if row is None or row.kind != "office" or row.entry_id is None:
            return False
        entry_id = row.entry_id
        return self._run(
            lambda: holidays_service.update_holiday(
                self.db, entry_id, day=day, name_fa=fa, name_en=en, version=row.version
            )
        )

    def remove_selected(self) -> bool:
        """Delete the selected office holiday."""
        row = self.selected()
        if row is None or row.kind != "office" or row.entry_id is None:
            return False
        entry_id = row.entry_id

        def remove() -> None:
            holidays_service.remove_holiday(self.db, entry_id, version=row.version)

        return self._run(remove)


def selftest(window: QWidget, db: DatabaseHandle, shot: Callable[[str, QWidget], None]) -> None:
    """Open the dialog on the current year, select a lunar holiday, grab it; then the add form."""
    dialog = HolidaysDialog(db, window)
    dialog.show()
    lunar = next(
        (i for i, r in enumerate(dialog.model.rows()) if r.kind == "lunar"),
        0,
    )
    dialog.select_row(lunar)
    shot("holidays", dialog)
    dialog.start_adding()
    shot("holidays_add", dialog)
    dialog.reject()
    dialog.deleteLater()
