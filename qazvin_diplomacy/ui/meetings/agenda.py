"""The agenda tab of the meeting form: the items in order (:class:`AgendaTable`) and, under
them, the files of the item selected (the shared ``ui.attachments_tab.AttachmentsTab``).

A file belongs to a saved agenda item (a new item is saved with the meeting); the files of
approved minutes can still be opened, not added or removed.  The minutes list each item's
files by name.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QSplitter, QVBoxLayout, QWidget

from qazvin_diplomacy.services import meetings as meetings_service
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.ui.agreements.parties import DirectoryNames
from qazvin_diplomacy.ui.attachments_tab import AttachmentOwner, AttachmentsTab
from qazvin_diplomacy.ui.i18n import QT_TRANSLATE_NOOP, loc_digits, loc_text
from qazvin_diplomacy.ui.meetings.minutes import AgendaTable

AGENDA_FILES = AttachmentOwner(
    add=lambda db, owner_id, source, description, limit: meetings_service.add_agenda_attachment(
        db, agenda_item_id=owner_id, source=source, description=description, limit=limit
    ),
    files=lambda db, owner_id: meetings_service.list_agenda_attachments(
        db, agenda_item_id=owner_id
    ),
    remove=lambda db, attachment_id: meetings_service.remove_agenda_attachment(
        db, attachment_id=attachment_id
    ),
    context="MeetingForm",
    save_first=QT_TRANSLATE_NOOP(
        "MeetingForm",
        "Select an agenda item above to see its files. A new item takes files once the "
        "meeting is saved.",
    ),
    note=QT_TRANSLATE_NOOP(
        "MeetingForm",
        "The item's presentation, report or draft. Files are copied into the office's data "
        "folder (at most %1 MB each) and named in the minutes.",
    ),
    placeholder=QT_TRANSLATE_NOOP("MeetingForm", "Description, e.g. presentation, report"),
)


class AgendaTab(QWidget):
    """The agenda items over the files of the one selected; ``items_table`` is the agenda."""

    TEXTS = (
        QT_TRANSLATE_NOOP("MeetingForm", "Files of item %1: %2"),
        QT_TRANSLATE_NOOP("MeetingForm", "Files of the agenda items"),
    )

    def __init__(
        self, db: DatabaseHandle, names: DirectoryNames, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.locked = False
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        self.items_table = AgendaTable(names, splitter)
        self._edit_triggers = self.items_table.table.editTriggers()
        lower = QWidget(splitter)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        self.files_label = QLabel(lower)
        self.files_label.setStyleSheet("font-weight: bold;")
        self.files = AttachmentsTab(db, AGENDA_FILES, self.current_item_id, parent=lower)
        lower_layout.addWidget(self.files_label)
        lower_layout.addWidget(self.files, 1)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter)
        self.items_table.table.currentCellChanged.connect(lambda *_a: self.refresh())

    def current_item_id(self) -> int | None:
        """The saved agenda item selected (None for none or a new one)."""
        row = self.items_table.table.currentRow()
        if row < 0:
            return None
        record_id = self.items_table.record(row)[0]
        return int(record_id) if record_id is not None else None

    def retranslate(self, translate: Callable[[str], str]) -> None:
        """Texts in the UI language (the meeting form's ``translate``)."""
        self.items_table.retranslate(translate)
        self.files.retranslate()
        self._show_label()

    def refresh(self) -> None:
        """List the files of the item selected (re-read)."""
        self.files.refresh()
        self.files.set_read_only(self.locked or self.current_item_id() is None)
        self._show_label()

    def set_locked(self, locked: bool) -> None:
        """Approved minutes: the items are read-only (still selected, to open their files)."""
        self.locked = locked
        agenda = self.items_table
        agenda.table.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers if locked else self._edit_triggers
        )
        for button in (
            agenda.add_button,
            agenda.remove_button,
            agenda.up_button,
            agenda.down_button,
        ):
            button.setEnabled(not locked)
        self.refresh()

    def _show_label(self) -> None:
        row = self.items_table.table.currentRow()
        if row < 0:
            text = QCoreApplication.translate("MeetingForm", "Files of the agenda items")
        else:
            title = loc_text(self.items_table.text(row, 0))
            text = QCoreApplication.translate("MeetingForm", "Files of item %1: %2")
            text = text.replace("%1", loc_digits(row + 1)).replace("%2", title)
        self.files_label.setText(text)
