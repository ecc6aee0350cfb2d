"""The obligations tab of the agreement form: the agreement's follow-up tasks.

Obligations are follow-ups (``core.followups.FollowUpInput``), so the table is the visit
form's follow-up table with the agreement's headers; an owner picked from the directory
stays linked to the person while the name shown in the cell is left as it is.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt

from qazvin_diplomacy.core.followups import FollowUpInput
from qazvin_diplomacy.ui.i18n import QT_TRANSLATE_NOOP
from qazvin_diplomacy.ui.visits.followups import FollowUpsTable

OWNER_ROLE = Qt.ItemDataRole.UserRole + 2


class ObligationsTable(FollowUpsTable):
    """Obligation rows: text, owner, deadline, status (a combo box) and notes."""

    HEADERS = (
        QT_TRANSLATE_NOOP("AgreementForm", "Obligation"),
        QT_TRANSLATE_NOOP("AgreementForm", "Owner"),
        QT_TRANSLATE_NOOP("AgreementForm", "Deadline"),
        QT_TRANSLATE_NOOP("AgreementForm", "Status"),
        QT_TRANSLATE_NOOP("AgreementForm", "Notes"),
    )
    PREFIX = "obligations"
    WIDTHS = (300, 180, 120, 130)
    #: Error keys shown in another column than their field's.
    COLUMNS = {"owner_person_id": 1}

    def clear(self) -> None:
        """No rows, no messages."""
        self.table.setRowCount(0)
        self.show_errors({}, "")

    def show_section_errors(self, errors: Mapping[str, str], row_word: str) -> None:
        """The messages of the obligation rows under the table."""
        self.show_row_errors(errors, self.PREFIX, self.FIELDS, row_word, columns=self.COLUMNS)

    def error_text(self, _key: str) -> str:
        """The row messages shown under the table."""
        return self.errors.text() if not self.errors.isHidden() else ""

    def add_entry(self, task: FollowUpInput | None = None) -> int:
        """Append an obligation row, remembering an owner who is a person of the directory."""
        row = super().add_entry(task)
        owner_item = self.table.item(row, 1)
        if owner_item is not None and task is not None:
            owner_item.setData(OWNER_ROLE, (task.owner_person_id, owner_item.text()))
        return row

    def owner(self, row: int) -> tuple[int | None, str]:
        """The stored owner person while the name shown is unchanged, else the text typed."""
        owner_person, owner_text = super().owner(row)
        owner_item = self.table.item(row, 1)
        stored = owner_item.data(OWNER_ROLE) if owner_item is not None else None
        if stored and stored[0] is not None and stored[1] == owner_text:
            return stored[0], ""
        return owner_person, owner_text
