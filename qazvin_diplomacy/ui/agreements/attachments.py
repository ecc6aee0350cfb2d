"""The attachments tab of the agreement form: the signed scan and drafts kept with it."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core.attachments import MAX_ATTACHMENT_BYTES, AttachmentView
from qazvin_diplomacy.core.errors import KnownError, ValidationError
from qazvin_diplomacy.services import agreements as svc
from qazvin_diplomacy.services.attachments import export_attachment
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.ui.common import ID_ROLE, FieldError, known_message
from qazvin_diplomacy.ui.i18n import loc_digits, loc_text
from qazvin_diplomacy.ui.ops import open_file, temp_folder

translate = QCoreApplication.translate


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return loc_digits(f"{size / (1024 * 1024):.1f} MB")
    return loc_digits(f"{max(size // 1024, 1)} KB")


def _save_first() -> str:
    return translate("AgreementForm", "Save the agreement first; then files can be attached.")


class AttachmentsTab(QWidget):
    """The files of the agreement ``agreement_id()`` (None until it is saved).

    ``changed(int)`` after a file was added; ``attention()`` when a refusal is shown, so the
    form brings this tab forward.  ``limit()`` is the largest file taken, ``opener(path)``
    shows a copied-out file (the form's, which tests replace).
    """

    changed = Signal(int)
    attention = Signal()

    def __init__(
        self,
        db: DatabaseHandle,
        agreement_id: Callable[[], int | None],
        *,
        limit: Callable[[], int] = lambda: MAX_ATTACHMENT_BYTES,
        opener: Callable[[Path], None] = open_file,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.agreement_id = agreement_id
        self.limit = limit
        self.opener = opener
        self.rows: list[AttachmentView] = []
        layout = QVBoxLayout(self)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.table = QTableWidget(0, 3, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 320)
        self.table.setColumnWidth(1, 100)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.description = QLineEdit(self)
        self.add_button = QPushButton(self)
        self.open_button = QPushButton(self)
        row.addWidget(self.description, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.open_button)
        layout.addLayout(row)
        self.error = FieldError(self)
        layout.addWidget(self.error)
        self.add_button.clicked.connect(self.choose_file)
        self.open_button.clicked.connect(lambda: self.open_attachment())
        self.table.doubleClicked.connect(lambda idx: self.open_attachment(idx.row()))

    def retranslate(self) -> None:
        """Texts in the UI language (the agreement form's translations)."""
        self.table.setHorizontalHeaderLabels(
            [
                translate("AgreementForm", "File"),
                translate("AgreementForm", "Size"),
                translate("AgreementForm", "Description"),
            ]
        )
        self.description.setPlaceholderText(
            translate("AgreementForm", "Description, e.g. signed scan, Persian draft")
        )
        self.add_button.setText(translate("AgreementForm", "Add file…"))
        self.open_button.setText(translate("AgreementForm", "Open"))
        if self.agreement_id() is not None:
            self.show_files(self.rows)
        self.show_note()

    def clear(self) -> None:
        """No files listed, no message (a new agreement)."""
        self.rows = []
        self.table.setRowCount(0)
        self.error.show_error("")

    def show_note(self) -> None:
        """What may be attached (or that the agreement must be saved first)."""
        if self.agreement_id() is None:
            note = _save_first()
        else:
            note = translate(
                "AgreementForm",
                "The signed scan and the drafts in both languages. Files are copied into the "
                "office's data folder (at most %1 MB each).",
            ).replace("%1", loc_digits(self.limit() // (1024 * 1024)))
        self.note.setText(note)

    def show_files(self, files: tuple[AttachmentView, ...] | list[AttachmentView]) -> None:
        """List ``files`` (name, size, description)."""
        self.rows = list(files)
        self.table.setRowCount(len(files))
        for row, f in enumerate(files):
            name = QTableWidgetItem(f.original_name)
            name.setData(ID_ROLE, f.id)
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, QTableWidgetItem(_size_text(f.size)))
            self.table.setItem(row, 2, QTableWidgetItem(loc_text(f.description)))
        self.table.setVerticalHeaderLabels([loc_digits(i + 1) for i in range(len(files))])
        self.open_button.setEnabled(bool(files))

    def choose_file(self) -> None:
        """Ask for a file and attach it."""
        name, _filter = QFileDialog.getOpenFileName(
            self, translate("AgreementForm", "Attach a file")
        )
        if name:
            self.add_file(Path(name))

    def add_file(self, path: Path) -> bool:
        """Store a copy of ``path`` with the agreement; refusals are shown under the list."""
        agreement_id = self.agreement_id()
        if agreement_id is None:
            self.error.show_error(_save_first())
            return False
        try:
            svc.add_agreement_attachment(
                self.db,
                agreement_id=agreement_id,
                source=path,
                description=self.description.text(),
                limit=self.limit(),
            )
        except ValidationError as exc:
            self.error.show_error(exc.errors.get("file") or "\n".join(exc.errors.values()))
            self.attention.emit()
            return False
        except KnownError as exc:
            self.error.show_error(known_message(exc))
            self.attention.emit()
            return False
        self.error.show_error("")
        self.description.clear()
        self.show_files(svc.list_agreement_attachments(self.db, agreement_id=agreement_id))
        self.changed.emit(agreement_id)
        return True

    def open_attachment(self, row: int | None = None) -> Path | None:
        """Copy attachment ``row`` (default: the selected one) out and open it in its viewer."""
        if row is None:
            row = self.table.currentRow()
        if not 0 <= row < len(self.rows):
            return None
        folder = temp_folder("attachments") / uuid.uuid4().hex[:8]
        try:
            path = export_attachment(self.db, attachment_id=self.rows[row].id, folder=folder)
        except OSError as exc:
            self.error.show_error(
                translate("AgreementForm", "The file could not be opened: %1").replace(
                    "%1", str(exc.strerror or exc)
                )
            )
            return None
        except KnownError as exc:
            self.error.show_error(known_message(exc))
            return None
        self.opener(path)
        return path
