"""The Excel contact import wizard: choose a file, preview and fix, import all-or-nothing.

1. *File*: an .xlsx (and optionally a saved column mapping, JSON).
2. *Preview*: ``services.excel_import.preview_contacts`` runs in the task runner; every
   error is listed by row and cell in Persian, warnings (formulas, merged cells, ignored
   columns) and new organizations are shown, and each likely duplicate gets its own choice:
   skip, merge or add.  The summary and the list of new organizations follow the choices
   (``plan_import``: a skipped row creates no organization).  Import stays disabled while
   any cell has an error.  Phones and e-mails are laid out left-to-right.
3. *Import*: ``commit_import`` runs in the task runner in one transaction with a progress bar
   and Cancel.  Cancelling raises inside the transaction, so it is rolled back whole.

Both slow steps pass the task dialog's ``progress``/``cancelled`` to the service, which
raises the Qt-free ``ImportCancelled``; it is turned into the dialog's ``TaskCancelled`` here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.tabular import field_label
from qazvin_diplomacy.services.excel_import import (
    ImportPlan,
    ImportPreview,
    ImportResult,
    commit_import,
    load_mapping,
    plan_import,
    preview_contacts,
)
from qazvin_diplomacy.ui.common import known_message, make_ltr, show_error
from qazvin_diplomacy.ui.directory.models import LATIN_ALIGNMENT, latin_cell
from qazvin_diplomacy.ui.i18n import Retranslating, is_rtl, loc_digits, loc_text
from qazvin_diplomacy.ui.modules import UiContext
from qazvin_diplomacy.ui.ops import (
    Cancelled,
    Progress,
    TaskDialog,
)

FILE_STEP, PREVIEW_STEP, DONE_STEP = range(3)
CHOICES = ("skip", "merge", "add")


def run_preview(
    db: Any, path: Path, mapping_text: str, progress: Progress, cancelled: Cancelled
) -> ImportPreview:
    """Read and validate the sheet (and the optional mapping file), with progress and cancel."""

    def call() -> ImportPreview:
        mapping = load_mapping(mapping_text) if mapping_text else None
        return preview_contacts(db, path, mapping=mapping, progress=progress, cancelled=cancelled)

    return call()


def run_import(
    db: Any,
    preview: ImportPreview,
    choices: dict[int, str],
    progress: Progress,
    cancelled: Cancelled,
) -> ImportResult:
    """Commit ``preview`` with per-row duplicate ``choices``, with progress and cancel.

    Cancel raises ``ImportCancelled`` after the service rolled its transaction back whole.
    """
    return commit_import(
        db,
        preview,
        on_duplicate="skip",
        choices=choices,
        progress=progress,
        cancelled=cancelled,
    )


class ImportWizard(Retranslating, QDialog):
    """Import the office's contact sheet into the directory."""

    imported = Signal(int)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.ctx = ctx
        self.preview: ImportPreview | None = None
        self.result: ImportResult | None = None
        self.choice_boxes: dict[int, QComboBox] = {}
        self._bulk_choice = False
        self.task: TaskDialog | None = None
        self.resize(900, 620)
        outer = QVBoxLayout(self)
        self.steps_label = QLabel(self)
        font = self.steps_label.font()
        font.setBold(True)
        font.setPointSize(font.pointSize() + 2)
        self.steps_label.setFont(font)
        outer.addWidget(self.steps_label)
        self.stack = QStackedWidget(self)
        outer.addWidget(self.stack, 1)

        # 1. file
        file_page = QWidget(self)
        lay = QVBoxLayout(file_page)
        self.file_intro = QLabel(file_page)
        self.file_intro.setWordWrap(True)
        lay.addWidget(self.file_intro)
        row = QHBoxLayout()
        self.file_edit = make_ltr(QLineEdit(file_page))
        self.browse_button = QPushButton(file_page)
        row.addWidget(self.file_edit, 1)
        row.addWidget(self.browse_button)
        lay.addLayout(row)
        self.mapping_label = QLabel(file_page)
        lay.addWidget(self.mapping_label)
        row = QHBoxLayout()
        self.mapping_edit = make_ltr(QLineEdit(file_page))
        self.mapping_button = QPushButton(file_page)
        row.addWidget(self.mapping_edit, 1)
        row.addWidget(self.mapping_button)
        lay.addLayout(row)
        self.file_error = QLabel(file_page)
        self.file_error.setWordWrap(True)
        self.file_error.setStyleSheet("color: #c62828;")
        lay.addWidget(self.file_error)
        lay.addStretch(1)
        self.stack.addWidget(file_page)

        # 2. preview
        preview_page = QWidget(self)
        lay = QVBoxLayout(preview_page)
        self.summary = QLabel(preview_page)
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.preview_tabs = QTabWidget(preview_page)
        self.errors_table = self._table(3)
        self.rows_table = self._table(7)
        dup_page = QWidget(preview_page)
        dup_lay = QVBoxLayout(dup_page)
        all_row = QHBoxLayout()
        self.all_label = QLabel(dup_page)
        self.all_choice = QComboBox(dup_page)
        all_row.addWidget(self.all_label)
        all_row.addWidget(self.all_choice)
        all_row.addStretch(1)
        dup_lay.addLayout(all_row)
        self.dup_table = self._table(4)
        dup_lay.addWidget(self.dup_table)
        self.warnings_list = QListWidget(preview_page)
        self.preview_tabs.addTab(self.errors_table, "")
        self.preview_tabs.addTab(self.rows_table, "")
        self.preview_tabs.addTab(dup_page, "")
        self.preview_tabs.addTab(self.warnings_list, "")
        lay.addWidget(self.preview_tabs, 1)
        self.stack.addWidget(preview_page)

        # 3. done
        done_page = QWidget(self)
        lay = QVBoxLayout(done_page)
        self.done_label = QLabel(done_page)
        self.done_label.setWordWrap(True)
        lay.addWidget(self.done_label)
        lay.addStretch(1)
        self.stack.addWidget(done_page)

        buttons = QHBoxLayout()
        self.back_button = QPushButton(self)
        self.next_button = QPushButton(self)
        self.import_button = QPushButton(self)
        self.close_button = QPushButton(self)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)
        outer.addLayout(buttons)

        self.browse_button.clicked.connect(self.browse)
        self.mapping_button.clicked.connect(self.browse_mapping)
        self.back_button.clicked.connect(lambda: self.go(FILE_STEP))
        self.next_button.clicked.connect(lambda: self.start_preview())
        self.import_button.clicked.connect(lambda: self.start_import())
        self.close_button.clicked.connect(self.close)
        self.all_choice.activated.connect(self._apply_all)
        self.file_edit.returnPressed.connect(lambda: self.start_preview())
        self.go(FILE_STEP)
        self.retranslate_ui()

    def _table(self, columns: int) -> QTableWidget:
        table = QTableWidget(0, columns, self)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        return table

    # --- language ----------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.setWindowTitle(self.tr("Import contacts from Excel"))
        step = self.stack.currentIndex()
        self.steps_label.setText(
            (
                self.tr("Step 1 of 3: choose the file"),
                self.tr("Step 2 of 3: check the rows"),
                self.tr("Step 3 of 3: done"),
            )[step]
        )
        self.file_intro.setText(
            self.tr(
                "Choose the contact sheet (.xlsx). Common Persian and English headers are "
                "recognised (name, surname, title, organization, country, phone, e-mail). "
                "Nothing is written until you press Import, and then either every row is "
                "imported or none."
            )
        )
        self.browse_button.setText(self.tr("Browse…"))
        self.mapping_label.setText(self.tr("Column mapping for other layouts (optional, JSON):"))
        self.mapping_button.setText(self.tr("Browse…"))
        self.back_button.setText(self.tr("Back"))
        self.next_button.setText(self.tr("Check the file"))
        self.import_button.setText(self.tr("Import"))
        self.close_button.setText(self.tr("Close"))
        self.all_label.setText(self.tr("For every duplicate:"))
        self.all_choice.clear()
        for key in CHOICES:
            self.all_choice.addItem(self.choice_label(key), key)
        self.errors_table.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Column"), self.tr("Problem")]
        )
        self.rows_table.setHorizontalHeaderLabels(
            [
                self.tr("Row"),
                self.tr("Name"),
                self.tr("Job title"),
                self.tr("Organization"),
                self.tr("Country"),
                self.tr("Phone"),
                self.tr("E-mail"),
            ]
        )
        self.dup_table.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Name"), self.tr("Looks like"), self.tr("Choice")]
        )
        if self.preview is not None:
            self._show_summary()

    def choice_label(self, key: str) -> str:
        """Skip / merge / add in the UI language."""
        return {
            "skip": self.tr("Skip (keep the directory as it is)"),
            "merge": self.tr("Merge into the existing contact"),
            "add": self.tr("Add as a new contact"),
        }[key]

    # --- steps -------------------------------------------------------------------------

    def go(self, step: int) -> None:
        """Show step ``step`` and the buttons that fit it."""
        self.stack.setCurrentIndex(step)
        self.back_button.setVisible(step == PREVIEW_STEP)
        self.next_button.setVisible(step == FILE_STEP)
        self.import_button.setVisible(step == PREVIEW_STEP)
        self.import_button.setEnabled(
            step == PREVIEW_STEP and self.preview is not None and self.preview.ok
        )
        self.retranslate_ui()

    def browse(self) -> None:
        """Pick the workbook."""
        name, _f = QFileDialog.getOpenFileName(
            self, self.tr("Contact sheet"), "", self.tr("Excel workbook (*.xlsx);;All files (*)")
        )
        if name:
            self.file_edit.setText(name)

    def browse_mapping(self) -> None:
        """Pick a saved column mapping."""
        name, _f = QFileDialog.getOpenFileName(
            self, self.tr("Column mapping"), "", self.tr("Mapping (*.json);;All files (*)")
        )
        if name:
            self.mapping_edit.setText(name)

    def start_preview(self) -> TaskDialog | None:
        """Read and validate the file in the background."""
        self.file_error.setText("")
        path_text = self.file_edit.text().strip()
        if not path_text:
            self.file_error.setText(self.tr("Choose a file first."))
            return None
        path = Path(path_text)
        mapping_text = self.mapping_edit.text().strip()
        db = self.ctx.db

        def work(progress: Progress, cancelled: Cancelled) -> ImportPreview:
            progress(0, 0)
            return run_preview(db, path, mapping_text, progress, cancelled)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, KnownError):
                self.file_error.setText(known_message(exc))
            else:
                show_error(self, exc)

        self.task = TaskDialog(
            self.ctx.runner,
            work,
            label=self.tr("Reading and checking the file…"),
            on_done=self._previewed,
            on_failed=failed,
            parent=self,
        )
        return self.task

    def _previewed(self, preview: ImportPreview) -> None:
        self.preview = preview
        self._fill_preview()
        self.go(PREVIEW_STEP)
        self.preview_tabs.setCurrentIndex(0 if preview.issues else 1)

    def _item(self, text: str, ltr: bool = False) -> QTableWidgetItem:
        item = QTableWidgetItem(latin_cell(text) if ltr else loc_text(text))
        item.setToolTip(text)
        if ltr:
            item.setTextAlignment(Qt.AlignmentFlag(LATIN_ALIGNMENT))
        return item

    def _fill_preview(self) -> None:
        p = self.preview
        assert p is not None
        self.errors_table.setRowCount(len(p.issues))
        for r, issue in enumerate(p.issues):
            label = field_label(issue.field) if issue.field else ""
            column = f"{issue.column} ({label})" if issue.column and label else issue.column
            self.errors_table.setItem(r, 0, self._item(loc_digits(issue.row)))
            self.errors_table.setItem(r, 1, self._item(column))
            self.errors_table.setItem(r, 2, self._item(issue.message))
        self.errors_table.resizeColumnsToContents()
        self.rows_table.setRowCount(len(p.rows))
        for r, row in enumerate(p.rows):
            c = row.contact
            org = c.organization + (f" ({self.tr('new')})" if row.new_organization else "")
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
                self.rows_table.setItem(r, col, self._item(text, ltr))
        self.rows_table.resizeColumnsToContents()
        dups = p.duplicate_rows
        self.dup_table.setRowCount(len(dups))
        self.choice_boxes = {}
        for r, row in enumerate(dups):
            c = row.contact
            self.dup_table.setItem(r, 0, self._item(loc_digits(c.row)))
            self.dup_table.setItem(r, 1, self._item(c.name_fa or c.name_en))
            self.dup_table.setItem(
                r, 2, self._item("؛ ".join(h.describe() for h in row.duplicates))
            )
            box = QComboBox(self.dup_table)
            for key in CHOICES:
                box.addItem(self.choice_label(key), key)
            self.dup_table.setCellWidget(r, 3, box)
            self.choice_boxes[c.row] = box
            box.currentIndexChanged.connect(lambda _i: self._choices_changed())
        self.dup_table.resizeColumnsToContents()
        self._show_summary()

    def plan(self) -> ImportPlan:
        """What the import will do with the duplicate choices made so far."""
        assert self.preview is not None
        return plan_import(self.preview, on_duplicate="skip", choices=self.choices())

    def _choices_changed(self) -> None:
        if not self._bulk_choice and self.preview is not None:
            self._show_summary()

    def _fill_notes(self, plan: ImportPlan) -> None:
        p = self.preview
        assert p is not None
        self.warnings_list.clear()
        for text in p.warnings:
            self.warnings_list.addItem(loc_text(text))
        if plan.organizations:
            joiner = "، " if is_rtl() else ", "
            self.warnings_list.addItem(
                self.tr("New organizations to be created: %1").replace(
                    "%1", loc_text(joiner.join(plan.organizations))
                )
            )

    def _show_summary(self) -> None:
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
        text = self.tr("%1 rows ready, %2 errors, %3 likely duplicates, %4 new organizations.")
        for key, value in counts.items():
            text = text.replace(key, value)
        if p.ok and p.duplicate_rows:
            will = self.tr("With the chosen choices: %1 added, %2 merged, %3 skipped.")
            for key, value in (("%1", plan.added), ("%2", plan.merged), ("%3", plan.skipped)):
                will = will.replace(key, loc_digits(value))
            text += "\n" + will
        if not p.ok:
            text += "\n" + self.tr(
                "Correct the errors in the Excel file and check it again; nothing is imported "
                "while any row has an error."
            )
        self.summary.setText(text)
        self.summary.setStyleSheet("" if p.ok else "color: #c62828;")
        for i, label in enumerate(
            (
                self.tr("Errors (%1)").replace("%1", loc_digits(len(p.issues))),
                self.tr("Rows (%1)").replace("%1", loc_digits(len(p.rows))),
                self.tr("Duplicates (%1)").replace("%1", loc_digits(len(p.duplicate_rows))),
                self.tr("Notes (%1)").replace(
                    "%1", loc_digits(len(p.warnings) + bool(plan.organizations))
                ),
            )
        ):
            self.preview_tabs.setTabText(i, label)

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

    def start_import(self) -> TaskDialog | None:
        """Import everything in one transaction in the background."""
        p = self.preview
        if p is None or not p.ok:
            return None
        db, choices = self.ctx.db, self.choices()

        def work(progress: Progress, cancelled: Cancelled) -> ImportResult:
            # looked up at call time so tests can slow the import down
            return run_import(db, p, choices, progress, cancelled)

        self.import_button.setEnabled(False)
        self.back_button.setEnabled(False)

        def failed(exc: BaseException) -> None:
            self.import_button.setEnabled(True)
            self.back_button.setEnabled(True)
            show_error(self, exc)

        self.task = TaskDialog(
            self.ctx.runner,
            work,
            label=self.tr("Importing…"),
            on_done=self._imported,
            on_failed=failed,
            parent=self,
        )
        self.task.canceled.connect(self._cancelled)
        return self.task

    def _cancelled(self) -> None:
        self.import_button.setEnabled(True)
        self.back_button.setEnabled(True)

    def _imported(self, result: ImportResult) -> None:
        self.result = result
        text = self.tr("Imported: %1 added, %2 merged, %3 skipped; %4 organizations created.")
        for key, value in (
            ("%1", result.added),
            ("%2", result.merged),
            ("%3", result.skipped),
            ("%4", result.organizations_created),
        ):
            text = text.replace(key, loc_digits(value))
        self.done_label.setText(text)
        self.go(DONE_STEP)
        self.ctx.hub.status.emit(text)
        self.imported.emit(result.added + result.merged)
