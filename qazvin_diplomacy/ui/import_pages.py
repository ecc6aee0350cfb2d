"""The pages of the Excel contact import wizard (``ui/import_wizard.py``).

:class:`FilePage` picks the workbook and an optional column mapping; :class:`PreviewPage`
lists the errors by row and cell, the rows, the likely duplicates with a skip/merge/add
choice each, and the notes (warnings, new organizations), with a summary that follows the
choices.  Their texts are in the ``ImportWizard`` context, like the wizard's own.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core.sheet_headers import field_label
from qazvin_diplomacy.services.excel_import import ImportPlan, ImportPreview, plan_import
from qazvin_diplomacy.ui.common import make_ltr
from qazvin_diplomacy.ui.directory.models import LATIN_ALIGNMENT, latin_cell
from qazvin_diplomacy.ui.i18n import is_rtl, loc_digits, loc_text

CHOICES = ("skip", "merge", "add")
translate = QCoreApplication.translate


def choice_label(key: str) -> str:
    """Skip / merge / add in the UI language."""
    return {
        "skip": translate("ImportWizard", "Skip (keep the directory as it is)"),
        "merge": translate("ImportWizard", "Merge into the existing contact"),
        "add": translate("ImportWizard", "Add as a new contact"),
    }[key]


class FilePage(QWidget):
    """Step 1: the workbook (.xlsx) and an optional saved column mapping (JSON)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        self.file_intro = QLabel(self)
        self.file_intro.setWordWrap(True)
        lay.addWidget(self.file_intro)
        row = QHBoxLayout()
        self.file_edit = make_ltr(QLineEdit(self))
        self.browse_button = QPushButton(self)
        row.addWidget(self.file_edit, 1)
        row.addWidget(self.browse_button)
        lay.addLayout(row)
        self.mapping_label = QLabel(self)
        lay.addWidget(self.mapping_label)
        row = QHBoxLayout()
        self.mapping_edit = make_ltr(QLineEdit(self))
        self.mapping_button = QPushButton(self)
        row.addWidget(self.mapping_edit, 1)
        row.addWidget(self.mapping_button)
        lay.addLayout(row)
        self.file_error = QLabel(self)
        self.file_error.setWordWrap(True)
        self.file_error.setStyleSheet("color: #c62828;")
        lay.addWidget(self.file_error)
        lay.addStretch(1)
        self.browse_button.clicked.connect(self.browse)
        self.mapping_button.clicked.connect(self.browse_mapping)

    def retranslate(self) -> None:
        """Texts for the current language."""
        self.file_intro.setText(
            translate(
                "ImportWizard",
                "Choose the contact sheet (.xlsx). Common Persian and English headers are "
                "recognised (name, surname, title, organization, country, phone, e-mail). "
                "Nothing is written until you press Import, and then either every row is "
                "imported or none.",
            )
        )
        self.browse_button.setText(translate("ImportWizard", "Browse…"))
        self.mapping_label.setText(
            translate("ImportWizard", "Column mapping for other layouts (optional, JSON):")
        )
        self.mapping_button.setText(translate("ImportWizard", "Browse…"))

    def browse(self) -> None:
        """Pick the workbook."""
        self._browse(
            self.file_edit,
            translate("ImportWizard", "Contact sheet"),
            translate("ImportWizard", "Excel workbook (*.xlsx);;All files (*)"),
        )

    def browse_mapping(self) -> None:
        """Pick a saved column mapping."""
        self._browse(
            self.mapping_edit,
            translate("ImportWizard", "Column mapping"),
            translate("ImportWizard", "Mapping (*.json);;All files (*)"),
        )

    def _browse(self, edit: QLineEdit, title: str, file_filter: str) -> None:
        name, _f = QFileDialog.getOpenFileName(self, title, "", file_filter)
        if name:
            edit.setText(name)


def _table(parent: QWidget, columns: int) -> QTableWidget:
    table = QTableWidget(0, columns, parent)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


def _item(text: str, ltr: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(latin_cell(text) if ltr else loc_text(text))
    item.setToolTip(text)
    if ltr:
        item.setTextAlignment(Qt.AlignmentFlag(LATIN_ALIGNMENT))
    return item


class PreviewPage(QWidget):
    """Step 2: errors, rows, duplicates (a choice each) and notes of a checked sheet."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview: ImportPreview | None = None
        self.choice_boxes: dict[int, QComboBox] = {}
        self._bulk_choice = False
        lay = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.preview_tabs = QTabWidget(self)
        self.errors_table = _table(self, 3)
        self.rows_table = _table(self, 7)
        dup_page = QWidget(self)
        dup_lay = QVBoxLayout(dup_page)
        all_row = QHBoxLayout()
        self.all_label = QLabel(dup_page)
        self.all_choice = QComboBox(dup_page)
        all_row.addWidget(self.all_label)
        all_row.addWidget(self.all_choice)
        all_row.addStretch(1)
        dup_lay.addLayout(all_row)
        self.dup_table = _table(self, 4)
        dup_lay.addWidget(self.dup_table)
        self.warnings_list = QListWidget(self)
        self.preview_tabs.addTab(self.errors_table, "")
        self.preview_tabs.addTab(self.rows_table, "")
        self.preview_tabs.addTab(dup_page, "")
        self.preview_tabs.addTab(self.warnings_list, "")
        lay.addWidget(self.preview_tabs, 1)
        self.all_choice.activated.connect(self._apply_all)

    def retranslate(self) -> None:
        """Texts for the current language (the summary re-counted when a sheet is shown)."""
        self.all_label.setText(translate("ImportWizard", "For every duplicate:"))
        self.all_choice.clear()
        for key in CHOICES:
            self.all_choice.addItem(choice_label(key), key)
        self.errors_table.setHorizontalHeaderLabels(
            [
                translate("ImportWizard", "Row"),
                translate("ImportWizard", "Column"),
                translate("ImportWizard", "Problem"),
            ]
        )
        self.rows_table.setHorizontalHeaderLabels(
            [
                translate("ImportWizard", "Row"),
                translate("ImportWizard", "Name"),
                translate("ImportWizard", "Job title"),
                translate("ImportWizard", "Organization"),
                translate("ImportWizard", "Country"),
                translate("ImportWizard", "Phone"),
                translate("ImportWizard", "E-mail"),
            ]
        )
        self.dup_table.setHorizontalHeaderLabels(
            [
                translate("ImportWizard", "Row"),
                translate("ImportWizard", "Name"),
                translate("ImportWizard", "Looks like"),
                translate("ImportWizard", "Choice"),
            ]
        )
        if self.preview is not None:
            self.show_summary()

    def show_preview(self, preview: ImportPreview) -> None:
        """Fill the tables from ``preview``; the errors tab first when there are any."""
        self.preview = p = preview
        self.errors_table.setRowCount(len(p.issues))
        for r, issue in enumerate(p.issues):
            label = field_label(issue.field) if issue.field else ""
            column = f"{issue.column} ({label})" if issue.column and label else issue.column
            self.errors_table.setItem(r, 0, _item(loc_digits(issue.row)))
            self.errors_table.setItem(r, 1, _item(column))
            self.errors_table.setItem(r, 2, _item(issue.message))
        self.errors_table.resizeColumnsToContents()
        self.rows_table.setRowCount(len(p.rows))
        new = translate("ImportWizard", "new")
        for r, row in enumerate(p.rows):
            c = row.contact
            org = c.organization + (f" ({new})" if row.new_organization else "")
            values = (
                (loc_digits(c.row), False),
                (c.name_fa or c.name_en, False),
                (c.title_fa or c.title_en, False),
                (org, False),
                (row.country_name or c.country, False),
                (c.phone, True),
                (c.email, True),
            )
            for col, (text, ltr) in enumerate(values):
                self.rows_table.setItem(r, col, _item(text, ltr))
        self.rows_table.resizeColumnsToContents()
        self._fill_duplicates(p)
        self.show_summary()
        self.preview_tabs.setCurrentIndex(0 if p.issues else 1)

    def _fill_duplicates(self, p: ImportPreview) -> None:
        dups = p.duplicate_rows
        self.dup_table.setRowCount(len(dups))
        self.choice_boxes = {}
        for r, row in enumerate(dups):
            c = row.contact
            self.dup_table.setItem(r, 0, _item(loc_digits(c.row)))
            self.dup_table.setItem(r, 1, _item(c.name_fa or c.name_en))
            self.dup_table.setItem(r, 2, _item("؛ ".join(h.describe() for h in row.duplicates)))
            box = QComboBox(self.dup_table)
            for key in CHOICES:
                box.addItem(choice_label(key), key)
            self.dup_table.setCellWidget(r, 3, box)
            self.choice_boxes[c.row] = box
            box.currentIndexChanged.connect(lambda _i: self._choices_changed())
        self.dup_table.resizeColumnsToContents()

    def plan(self) -> ImportPlan:
        """What the import will do with the duplicate choices made so far."""
        assert self.preview is not None
        return plan_import(self.preview, on_duplicate="skip", choices=self.choices())

    def _choices_changed(self) -> None:
        if not self._bulk_choice and self.preview is not None:
            self.show_summary()

    def _fill_notes(self, plan: ImportPlan) -> None:
        p = self.preview
        assert p is not None
        self.warnings_list.clear()
        for text in p.warnings:
            self.warnings_list.addItem(loc_text(text))
        if plan.organizations:
            joiner = "، " if is_rtl() else ", "
            self.warnings_list.addItem(
                translate("ImportWizard", "New organizations to be created: %1").replace(
                    "%1", loc_text(joiner.join(plan.organizations))
                )
            )

    def show_summary(self) -> None:
        """The counts, what the choices will do, and the tab titles with their counts."""
        p = self.preview
        assert p is not None
        plan = self.plan()
        self._fill_notes(plan)
        counts = {
            "%1": loc_digits(len(p.rows)),
            "%2": loc_digits(len(p.issues)),
            "%3": loc_digits(len(p.duplicate_rows)),
            "%4": loc_digits(len(plan.organizations)),
        }
        text = translate(
            "ImportWizard", "%1 rows ready, %2 errors, %3 likely duplicates, %4 new organizations."
        )
        for key, value in counts.items():
            text = text.replace(key, value)
        if p.ok and p.duplicate_rows:
            will = translate(
                "ImportWizard", "With the chosen choices: %1 added, %2 merged, %3 skipped."
            )
            for key, value in (("%1", plan.added), ("%2", plan.merged), ("%3", plan.skipped)):
                will = will.replace(key, loc_digits(value))
            text += "\n" + will
        if not p.ok:
            text += "\n" + translate(
                "ImportWizard",
                "Correct the errors in the Excel file and check it again; nothing is imported "
                "while any row has an error.",
            )
        self.summary.setText(text)
        self.summary.setStyleSheet("" if p.ok else "color: #c62828;")
        for i, (label, count) in enumerate(
            (
                (translate("ImportWizard", "Errors (%1)"), len(p.issues)),
                (translate("ImportWizard", "Rows (%1)"), len(p.rows)),
                (translate("ImportWizard", "Duplicates (%1)"), len(p.duplicate_rows)),
                (
                    translate("ImportWizard", "Notes (%1)"),
                    len(p.warnings) + bool(plan.organizations),
                ),
            )
        ):
            self.preview_tabs.setTabText(i, label.replace("%1", loc_digits(count)))

    def _apply_all(self, _index: int = 0) -> None:
        key = self.all_choice.currentData()
        self._bulk_choice = True  # one summary update, not one per row
        try:
            for box in self.choice_boxes.values():
                box.setCurrentIndex(max(box.findData(key), 0))
        finally:
            self._bulk_choice = False
        self._choices_changed()

    def set_choice(self, sheet_row: int, choice: str) -> None:
        """Choose skip/merge/add for one duplicate row (sheet row number)."""
        box = self.choice_boxes[sheet_row]
        box.setCurrentIndex(box.findData(choice))

    def choices(self) -> dict[int, str]:
        """Sheet row → skip/merge/add for every flagged row."""
        return {row: box.currentData() for row, box in self.choice_boxes.items()}
