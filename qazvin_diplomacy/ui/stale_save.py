"""A save refused because another desk changed the record meanwhile (optimistic locking).

The services refuse a stale save with ``StaleRecordError`` naming the table and row.  Every
record form (``forms_common.RecordDialog``) shows it here instead of a bare error box:
who changed the record last, from which desk and when (from the audit trail, in Tehran
time, Jalali), and what this clerk typed.  «Reload» reopens the record as now stored and
keeps what they typed beside it, field by field, to copy back.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core.audit import AuditRecord
from qazvin_diplomacy.core.clock import to_local
from qazvin_diplomacy.core.text import bidi_isolate
from qazvin_diplomacy.ui.i18n import Retranslating, loc_digits
from qazvin_diplomacy.ui.widgets.jalali import (
    JalaliDateEdit,
    JalaliDateTimeEdit,
    show_date,
    show_time,
)

#: What the clerk typed: (field label, value as shown) pairs.
Typed = Sequence[tuple[str, str]]


def widget_text(widget: QWidget) -> str:
    """What a field shows, as the clerk would copy it back."""
    if isinstance(widget, JalaliDateTimeEdit):
        return f"{widget.date_edit.line.text()} {widget.time_line.text()}".strip()
    if isinstance(widget, JalaliDateEdit):
        return widget.text()
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, QCheckBox):
        return "✓" if widget.isChecked() else "✗"
    if isinstance(widget, QSpinBox):
        return loc_digits(widget.value())
    shown = getattr(widget, "display_text", None) or getattr(widget, "text", None)
    if callable(shown):
        value = shown()
        if isinstance(value, str):
            return value
    lines = widget.findChildren(QLineEdit) + widget.findChildren(QComboBox)
    return "، ".join(t for t in (widget_text(w) for w in lines) if t)


def describe_change(last: AuditRecord | None) -> str:
    """«Changed by X at desk D on <Jalali date> at <time>» (Tehran time), or that it is unknown."""
    tr = StaleSaveDialog.tr_static
    if last is None:
        return tr("Another desk changed this record meanwhile.")
    local = to_local(last.recorded_at)
    text = tr("%1 changed this record at desk %2 on %3 at %4.")
    for key, value in (
        ("%1", bidi_isolate(last.actor or "?")),
        ("%2", bidi_isolate(last.desk or "?")),
        ("%3", show_date(local.date())),
        ("%4", show_time(local)),
    ):
        text = text.replace(key, value)
    return text


def _fill(table: QTableWidget, typed: Typed) -> None:
    table.setRowCount(len(typed))
    for row, (label, value) in enumerate(typed):
        for col, text in enumerate((label, value)):
            item = QTableWidgetItem(text)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            table.setItem(row, col, item)
    table.resizeRowsToContents()


def _typed_table(parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, 2, parent)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class StaleSaveDialog(Retranslating, QDialog):
    """Who changed the record, what the clerk typed, and «Reload» (emits ``reload``)."""

    reload = Signal()

    def __init__(
        self, last: AuditRecord | None, typed: Typed, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.last = last
        self.typed = list(typed)
        layout = QVBoxLayout(self)
        self.title_label = QLabel(self)
        self.title_label.setStyleSheet("font-weight: bold; color: #c62828;")
        self.title_label.setWordWrap(True)
        self.who_label = QLabel(self)
        self.who_label.setWordWrap(True)
        self.typed_label = QLabel(self)
        self.typed_label.setWordWrap(True)
        self.table = _typed_table(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.who_label)
        layout.addWidget(self.typed_label)
        layout.addWidget(self.table, 1)
        self.buttons = QDialogButtonBox(self)
        self.reload_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.reload_button.clicked.connect(self._reload)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        _fill(self.table, self.typed)
        self.table.setVisible(bool(self.typed))
        self.retranslate_ui()
        self.resize(560, 380)

    @staticmethod
    def tr_static(text: str) -> str:
        """``text`` translated in this dialog's context."""
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("StaleSaveDialog", text)

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.setWindowTitle(self.tr("Changed at another desk"))
        self.title_label.setText(
            self.tr("Not saved: someone else changed this record after you opened it.")
        )
        self.who_label.setText(describe_change(self.last))
        self.typed_label.setText(
            self.tr(
                "What you typed is listed below. «Reload» opens the record as it is stored now "
                "and keeps this list beside it, so you can copy your changes back."
            )
            if self.typed
            else self.tr("«Reload» opens the record as it is stored now.")
        )
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("What you typed")])
        self.reload_button.setText(self.tr("Reload"))
        self.close_button.setText(self.tr("Close"))

    def _reload(self) -> None:
        self.accept()
        self.reload.emit()


def place_beside(panel: QWidget, form: QWidget) -> None:
    """Put ``panel`` beside ``form`` where the screen has room: on the reading side's end
    (left in Persian, right in English) first, else the other side, else where it is."""
    frame = form.frameGeometry()
    screen = form.screen().availableGeometry()
    width = panel.frameGeometry().width()
    left = frame.left() - width
    right = frame.right() + 1
    sides = (left, right) if form.isRightToLeft() else (right, left)
    for x in sides:
        if screen.left() <= x and x + width <= screen.right() + 1:
            panel.move(x, frame.top())
            return


class TypedValuesPanel(Retranslating, QDialog):
    """A small window beside a reloaded form: what the clerk had typed, to copy back."""

    def __init__(self, typed: Typed, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Tool)
        self.typed = list(typed)
        self.setModal(False)
        layout = QVBoxLayout(self)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.table = _typed_table(self)
        _fill(self.table, self.typed)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        self.copy_button = QPushButton(self)
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy_selected)
        layout.addWidget(self.copy_button)
        self.table.cellDoubleClicked.connect(lambda row, _col: self.copy_row(row))
        self.retranslate_ui()
        self.resize(420, 360)

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.setWindowTitle(self.tr("What you typed"))
        self.hint.setText(
            self.tr(
                "The record is shown as stored now. Your typed values are kept here: select one "
                "and copy it (or double-click it) to paste it back into the form."
            )
        )
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("What you typed")])
        self.copy_button.setText(self.tr("Copy the selected value"))

    def copy_row(self, row: int) -> str:
        """Put row ``row``'s typed value on the clipboard; returns it."""
        if not 0 <= row < len(self.typed):
            return ""
        value = self.typed[row][1]
        QGuiApplication.clipboard().setText(value)
        return value

    def copy_selected(self) -> str:
        """Copy the selected row's value (the first row when none is selected)."""
        rows = self.table.selectionModel().selectedRows()
        return self.copy_row(rows[0].row() if rows else 0)
