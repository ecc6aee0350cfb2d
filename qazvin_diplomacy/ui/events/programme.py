"""The programme tab of the event form: one row per item, times typed as ``HH:MM``."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from qazvin_diplomacy.core import jalali
from qazvin_diplomacy.core.events import ProgrammeEntry
from qazvin_diplomacy.ui.forms_common import RowTable
from qazvin_diplomacy.ui.i18n import QT_TRANSLATE_NOOP
from qazvin_diplomacy.ui.widgets.jalali import show_time


class ProgrammeTab(RowTable):
    """Programme rows: start and end time, the item and its speaker (Persian and English)."""

    HEADERS = (
        QT_TRANSLATE_NOOP("EventForm", "Start"),
        QT_TRANSLATE_NOOP("EventForm", "End"),
        QT_TRANSLATE_NOOP("EventForm", "Item (Persian)"),
        QT_TRANSLATE_NOOP("EventForm", "Item (English)"),
        QT_TRANSLATE_NOOP("EventForm", "Speaker / performer"),
        QT_TRANSLATE_NOOP("EventForm", "Speaker (English)"),
    )
    FIELDS = ("start_time", "end_time", "item_fa", "item_en", "speaker", "speaker_en")
    PREFIX = "programme"
    LTR_COLUMNS = (3, 5)  # the English item and speaker

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.HEADERS, (70, 70, 260, 220, 170, 150), parent)
        self.add_button.clicked.connect(lambda: self.edit_new_row(self.add_entry()))

    def add_entry(self, item: ProgrammeEntry | None = None) -> int:
        """Append a programme row (an empty one when ``item`` is None)."""
        if item is None:
            return self.add_row([""] * len(self.FIELDS))
        return self.add_row(
            [
                show_time(item.start_time) if item.start_time else "",
                show_time(item.end_time) if item.end_time else "",
                item.item_fa,
                item.item_en,
                item.speaker,
                item.speaker_en,
            ],
            item.id,
        )

    def set_entries(self, items: tuple[ProgrammeEntry, ...]) -> None:
        """Show ``items`` in place of the rows shown."""
        self.table.setRowCount(0)
        for item in items:
            self.add_entry(item)

    def entries(self, errors: dict[str, str]) -> tuple[ProgrammeEntry, ...]:
        """The rows as entries; an unreadable time goes into ``errors`` by row and column."""
        return tuple(
            ProgrammeEntry(
                item_fa=self.text(row, 2),
                start_time=self.parsed(row, 0, jalali.parse_time, errors),
                end_time=self.parsed(row, 1, jalali.parse_time, errors),
                item_en=self.text(row, 3),
                speaker=self.text(row, 4),
                speaker_en=self.text(row, 5),
                id=self.record(row)[0],
            )
            for row in range(self.table.rowCount())
        )
