"""An attachments tab of a record form (agreement, visit, agenda item): files copied into the
data folder.

The record's own service stores and lists the files (``services.attachments`` underneath:
content-addressed, size limit, refusals as ``ValidationError`` on "file"); this widget lists
them, adds one, copies one out to open it and, when the record kind allows it, removes one.  The texts that name the record (the note,
"save first", the description's example) come from the owning form in its own context.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
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
from qazvin_diplomacy.services.attachments import export_attachment
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.ui.common import ID_ROLE, FieldError, ask, known_message
from qazvin_diplomacy.ui.i18n import QT_TRANSLATE_NOOP, loc_digits, loc_text
from qazvin_diplomacy.ui.ops import open_file, temp_folder

translate = QCoreApplication.translate


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return loc_digits(f"{size / (1024 * 1024):.1f} MB")
    return loc_digits(f"{max(size // 1024, 1)} KB")


CONTEXT = "AttachmentsTab"
_TEXTS = (
    QT_TRANSLATE_NOOP("AttachmentsTab", "File"),
    QT_TRANSLATE_NOOP("AttachmentsTab", "Size"),
    QT_TRANSLATE_NOOP("AttachmentsTab", "Description"),
    QT_TRANSLATE_NOOP("AttachmentsTab", "Add file…"),
    QT_TRANSLATE_NOOP("AttachmentsTab", "Open"),
    QT_TRANSLATE_NOOP("AttachmentsTab", "Attach a file"),
    QT_TRANSLATE_NOOP("AttachmentsTab", "The file could not be opened: %1"),
    QT_TRANSLATE_NOOP("AttachmentsTab", "Remove"),
    QT_TRANSLATE_NOOP("AttachmentsTab", "Remove the file"),
    QT_TRANSLATE_NOOP("AttachmentsTab", "Remove the file “%1”?"),
)


@dataclass(frozen=True)
class AttachmentOwner:
    """What the tab needs to know of the record kind its files belong to.

    ``add(db, owner_id, source, description, limit)`` stores a file and ``files(db, owner_id)``
    lists them (the record's service); ``context`` is the owning form's translation context,
    in which ``save_first``, ``note`` (``%1``: the limit in MB) and ``placeholder`` are
    translated.  ``remove(db, attachment_id)``, when given, takes a file off the record (a
    Remove button then shows).
    """

    add: Callable[[DatabaseHandle, int, Path, str, int], AttachmentView]
    files: Callable[[DatabaseHandle, int], Sequence[AttachmentView]]
    context: str
    save_first: str
    note: str
    placeholder: str
    remove: Callable[[DatabaseHandle, int], None] | None = None


class AttachmentsTab(QWidget):
    """The files of the record ``owner_id()`` (None until it is saved).

    ``changed(int)`` after a file was added; ``attention()`` when a refusal is shown, so the
    form brings this tab forward.  ``limit()`` is the largest file taken, ``opener(path)``
    shows a copied-out file (the form's, which tests replace).
    """

    changed = Signal(int)
    attention = Signal()

    def __init__(
        self,
        db: DatabaseHandle,
        owner: AttachmentOwner,
        owner_id: Callable[[], int | None],
        *,
        limit: Callable[[], int] = lambda: MAX_ATTACHMENT_BYTES,
        opener: Callable[[Path], None] = open_file,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.owner = owner
        self.owner_id = owner_id
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
        self.remove_button = QPushButton(self)
        self.remove_button.setVisible(owner.remove is not None)
        row.addWidget(self.description, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.open_button)
        row.addWidget(self.remove_button)
        layout.addLayout(row)
        self.error = FieldError(self)
        layout.addWidget(self.error)
        self.add_button.clicked.connect(self.choose_file)
        self.open_button.clicked.connect(lambda: self.open_attachment())
        self.remove_button.clicked.connect(lambda: self.remove_attachment())
        self.table.doubleClicked.connect(lambda idx: self.open_attachment(idx.row()))

    def _own(self, text: str) -> str:
        return translate(self.owner.context, text)

    def retranslate(self) -> None:
        """Texts in the UI language (the record's own in its form's context)."""
        self.table.setHorizontalHeaderLabels(
            [
                translate(CONTEXT, "File"),
                translate(CONTEXT, "Size"),
                translate(CONTEXT, "Description"),
            ]
        )
        self.description.setPlaceholderText(self._own(self.owner.placeholder))
        self.add_button.setText(translate(CONTEXT, "Add file…"))
        self.open_button.setText(translate(CONTEXT, "Open"))
        self.remove_button.setText(translate(CONTEXT, "Remove"))
        if self.owner_id() is not None:
            self.show_files(self.rows)
        self.show_note()

    def clear(self) -> None:
        """No files listed, no message (a new record)."""
        self.rows = []
        self.table.setRowCount(0)
        self.open_button.setEnabled(False)
        self.remove_button.setEnabled(False)
        self.error.show_error("")

    def refresh(self) -> None:
        """List the record's stored files (none for an unsaved record) under its note."""
        owner_id = self.owner_id()
        if owner_id is None:
            self.clear()
        else:
            self.show_files(self.owner.files(self.db, owner_id))
        self.show_note()

    def show_note(self) -> None:
        """What may be attached (or that the record must be saved first)."""
        if self.owner_id() is None:
            note = self._own(self.owner.save_first)
        else:
            note = self._own(self.owner.note).replace(
                "%1", loc_digits(self.limit() // (1024 * 1024))
            )
        self.note.setText(note)

    def show_files(self, files: Sequence[AttachmentView]) -> None:
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
        self.remove_button.setEnabled(bool(files) and self.description.isEnabled())

    def set_read_only(self, read_only: bool) -> None:
        """Files may still be listed and opened, not added or removed (e.g. approved minutes)."""
        for widget in (self.description, self.add_button):
            widget.setEnabled(not read_only)
        self.remove_button.setEnabled(not read_only and bool(self.rows))

    def choose_file(self) -> None:
        """Ask for a file and attach it."""
        name, _filter = QFileDialog.getOpenFileName(self, translate(CONTEXT, "Attach a file"))
        if name:
            self.add_file(Path(name))

    def add_file(self, path: Path) -> bool:
        """Store a copy of ``path`` with the record; refusals are shown under the list."""
        owner_id = self.owner_id()
        if owner_id is None:
            self.error.show_error(self._own(self.owner.save_first))
            return False
        try:
            self.owner.add(self.db, owner_id, path, self.description.text(), self.limit())
        except ValidationError as exc:
            return self._refused(exc.errors.get("file") or "\n".join(exc.errors.values()))
        except KnownError as exc:
            return self._refused(known_message(exc))
        self.description.clear()
        return self._changed(owner_id)

    def _refused(self, message: str) -> bool:
        """Show why an addition or a removal was refused, and ask for attention."""
        self.error.show_error(message)
        self.attention.emit()
        return False

    def _changed(self, owner_id: int) -> bool:
        """After an addition or a removal: the files again, and ``changed``."""
        self.error.show_error("")
        self.show_files(self.owner.files(self.db, owner_id))
        self.changed.emit(owner_id)
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
                translate(CONTEXT, "The file could not be opened: %1").replace(
                    "%1", str(exc.strerror or exc)
                )
            )
            return None
        except KnownError as exc:
            self.error.show_error(known_message(exc))
            return None
        self.opener(path)
        return path

    def confirm_removal(self, name: str) -> bool:
        """Ask before removing the file ``name`` ("No" the default; tests replace this)."""
        return ask(
            self,
            translate(CONTEXT, "Remove the file"),
            translate(CONTEXT, "Remove the file “%1”?").replace("%1", name),
        )

    def remove_attachment(self, row: int | None = None) -> bool:
        """Take attachment ``row`` (default: the selected one) off the record, once confirmed."""
        if row is None:
            row = self.table.currentRow()
        owner_id = self.owner_id()
        if self.owner.remove is None or owner_id is None or not 0 <= row < len(self.rows):
            return False
        if not self.confirm_removal(self.rows[row].original_name):
            return False
        try:
            self.owner.remove(self.db, self.rows[row].id)
        except KnownError as exc:
            return self._refused(known_message(exc))
        return self._changed(owner_id)
