"""Table model of the follow-ups list over ``FollowUpView`` dataclasses, read a page at a time."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from qazvin_diplomacy.core.followups import (
    FollowUpFilter,
    FollowUpSource,
    FollowUpStatus,
    FollowUpView,
)
from qazvin_diplomacy.core.text import bidi_isolate
from qazvin_diplomacy.services import followups as followups_service
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.ui.common import ID_ROLE
from qazvin_diplomacy.ui.i18n import QT_TRANSLATE_NOOP, current_language, loc_text
from qazvin_diplomacy.ui.paged_model import PagedTableModel
from qazvin_diplomacy.ui.widgets.jalali import show_date

_ANY_INDEX = QModelIndex | QPersistentModelIndex
OVERDUE_COLOR = "#c62828"


class FollowUpTableModel(PagedTableModel[FollowUpView]):
    """Follow-ups as rows (deadline first); an overdue one is red."""

    COLUMNS = (
        (QT_TRANSLATE_NOOP("FollowUpTableModel", "Deadline"), "deadline"),
        (QT_TRANSLATE_NOOP("FollowUpTableModel", "Follow-up"), "title"),
        (QT_TRANSLATE_NOOP("FollowUpTableModel", "Owner"), None),
        (QT_TRANSLATE_NOOP("FollowUpTableModel", "Source"), "source"),
        (QT_TRANSLATE_NOOP("FollowUpTableModel", "Status"), "status"),
    )

    def __init__(self, db: DatabaseHandle, today: dt.date, parent: object | None = None) -> None:
        super().__init__(db, FollowUpFilter(today=today), parent)  # type: ignore[arg-type]
        self.today = today
        self.sort_key = "deadline"
        self.descending = False
        self.reload()

    def count_rows(self) -> int:
        """Override: follow-ups matching the filters."""
        return followups_service.count_followup_rows(self.db, filters=self.filters)

    def fetch_rows(self, offset: int, limit: int) -> list[FollowUpView]:
        """Override: one page in the chosen order."""
        return followups_service.list_followup_rows(
            self.db,
            **self.page_query(offset, limit),
        )

    def cell_data(self, task: FollowUpView, col: int, role: int) -> object:
        """Override: texts in the UI language, the task id under ``ID_ROLE``."""
        lang = current_language()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == 0:
                return show_date(task.deadline) if task.deadline else "—"
            if col == 1:
                return loc_text(task.title)
            if col == 2:
                return loc_text(task.owner_name_fa or task.owner_text)
            if col == 3:
                kind = FollowUpSource.label_of(task.source_kind, lang)
                # the title isolated: «Visit: <Persian title>» keeps its colon after "Visit"
                title = bidi_isolate(loc_text(task.source_title))
                return f"{kind}: {title}" if task.source_title else kind
            if col == 4:
                return FollowUpStatus.label_of(task.status, lang)
        if role == ID_ROLE:
            return task.id
        if role == Qt.ItemDataRole.ForegroundRole and task.is_overdue(self.today):
            return QColor(OVERDUE_COLOR)
        return None
