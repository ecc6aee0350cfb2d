"""Table model of the outgoing-letters register over ``LetterView`` dataclasses, read a page at a time."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from qazvin_diplomacy.core.letters import LetterFilter, LetterView
from qazvin_diplomacy.services import letters as letters_service
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.ui.common import ID_ROLE
from qazvin_diplomacy.ui.i18n import QT_TRANSLATE_NOOP, current_language, loc_digits, loc_text
from qazvin_diplomacy.ui.paged_model import PagedTableModel
from qazvin_diplomacy.ui.widgets.jalali import show_date

_ANY_INDEX = QModelIndex | QPersistentModelIndex

#: (English header, sort key or None)
COLUMNS: tuple[tuple[str, str | None], ...] = (
    (QT_TRANSLATE_NOOP("LetterTableModel", "Number"), "number"),
    (QT_TRANSLATE_NOOP("LetterTableModel", "Date"), "date"),
    (QT_TRANSLATE_NOOP("LetterTableModel", "Kind"), "kind"),
    (QT_TRANSLATE_NOOP("LetterTableModel", "Addressee"), "addressee"),
    (QT_TRANSLATE_NOOP("LetterTableModel", "Subject"), "subject"),
    (QT_TRANSLATE_NOOP("LetterTableModel", "Linked record"), None),
    (QT_TRANSLATE_NOOP("LetterTableModel", "Printed copies"), None),
)


class LetterTableModel(PagedTableModel[LetterView]):
    """Registered letters as rows, newest number first; lazy paging through the service."""

    COLUMNS = COLUMNS

    def __init__(self, db: DatabaseHandle, parent: object | None = None) -> None:
        super().__init__(db, LetterFilter(), parent)
        self.sort_key = "number"
        self.reload()

    def count_rows(self) -> int:
        """Override: letters matching the filters."""
        return letters_service.count_letters(self.db, filters=self.filters)

    def fetch_rows(self, offset: int, limit: int) -> list[LetterView]:
        """Override: one page of letters in the chosen order."""
        return letters_service.list_letters(
            self.db,
            **self.page_query(offset, limit),
        )

    def cell_data(self, v: LetterView, col: int, role: int) -> object:
        """Override: texts in the UI language, ids under ``ID_ROLE``."""
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            lang = current_language()
            if col == 0:
                return v.number
            if col == 1:
                return show_date(v.date)
            if col == 2:
                return v.kind.label(lang)
            if col == 3:
                return loc_text(v.addressee)
            if col == 4:
                return loc_text(v.subject)
            if col == 5:
                if v.link_id is None:
                    return ""
                return f"{v.link_kind.label(lang)} {loc_digits(v.link_id)}"
            if col == 6:
                return loc_digits(v.printed_copies)
        if role == ID_ROLE:
            return v.id
        return None
