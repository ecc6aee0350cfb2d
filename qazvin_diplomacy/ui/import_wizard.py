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

The file and preview pages are their own widgets (``ui/import_pages.py``); the wizard
holds the steps, the buttons and the background work.  Both slow steps pass the task
dialog's ``progress``/``cancelled`` to the service, which raises the Qt-free
``ImportCancelled``; it is turned into the dialog's ``TaskCancelled`` here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.services.excel_import import (
    ImportPlan,
    ImportPreview,
    ImportResult,
    commit_import,
    load_mapping,
    preview_contacts,
)
from qazvin_diplomacy.ui.common import known_message, show_error
from qazvin_diplomacy.ui.i18n import Retranslating, loc_digits
from qazvin_diplomacy.ui.import_pages import FilePage, PreviewPage
from qazvin_diplomacy.ui.modules import UiContext
from qazvin_diplomacy.ui.ops import (
    Cancelled,
    Progress,
    TaskDialog,
)

FILE_STEP, PREVIEW_STEP, DONE_STEP = range(3)


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
        self.file_page = FilePage(self)
        self.stack.addWidget(self.file_page)
        self.preview_page = PreviewPage(self)
        self.stack.addWidget(self.preview_page)
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

        self.back_button.clicked.connect(lambda: self.go(FILE_STEP))
        self.next_button.clicked.connect(lambda: self.start_preview())
        self.import_button.clicked.connect(lambda: self.start_import())
        self.close_button.clicked.connect(self.close)
        self.file_page.file_edit.returnPressed.connect(lambda: self.start_preview())
        self.go(FILE_STEP)
        self.retranslate_ui()

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
        self.file_page.retranslate()
        self.back_button.setText(self.tr("Back"))
        self.next_button.setText(self.tr("Check the file"))
        self.import_button.setText(self.tr("Import"))
        self.close_button.setText(self.tr("Close"))
        self.preview_page.retranslate()

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

    def start_preview(self) -> TaskDialog | None:
        """Read and validate the file in the background."""
        file_error = self.file_page.file_error
        file_error.setText("")
        path_text = self.file_page.file_edit.text().strip()
        if not path_text:
            file_error.setText(self.tr("Choose a file first."))
            return None
        path = Path(path_text)
        mapping_text = self.file_page.mapping_edit.text().strip()
        db = self.ctx.db

        def work(progress: Progress, cancelled: Cancelled) -> ImportPreview:
            progress(0, 0)
            return run_preview(db, path, mapping_text, progress, cancelled)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, KnownError):
                file_error.setText(known_message(exc))
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
        self.preview_page.show_preview(preview)
        self.go(PREVIEW_STEP)

    def plan(self) -> ImportPlan:
        """What the import will do with the duplicate choices made so far."""
        return self.preview_page.plan()

    def set_choice(self, sheet_row: int, choice: str) -> None:
        """Choose skip/merge/add for one duplicate row (sheet row number)."""
        self.preview_page.set_choice(sheet_row, choice)

    def choices(self) -> dict[int, str]:
        """Sheet row → skip/merge/add for every flagged row."""
        return self.preview_page.choices()

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
