"""Table model of the audit trail over ``AuditRecord`` dataclasses, read a page at a time."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt

from qazvin_diplomacy.core.audit import AuditFilter, AuditRecord, action_label, entity_label
from qazvin_diplomacy.core.audit_fields import CHANGED_FA, ROUTINE_FIELDS, field_label, value_text
from qazvin_diplomacy.core.clock import to_local
from qazvin_diplomacy.services import audit as audit_service
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.ui.common import ID_ROLE
from qazvin_diplomacy.ui.i18n import QT_TRANSLATE_NOOP, current_language, loc_digits
from qazvin_diplomacy.ui.paged_model import PagedTableModel
from qazvin_diplomacy.ui.widgets.jalali import show_date, show_time

#: (English header, sort key or None)
COLUMNS: tuple[tuple[str, str | None], ...] = (
    (QT_TRANSLATE_NOOP("AuditTableModel", "No."), "time"),
    (QT_TRANSLATE_NOOP("AuditTableModel", "When (Tehran)"), "time"),
    (QT_TRANSLATE_NOOP("AuditTableModel", "User"), "actor"),
    (QT_TRANSLATE_NOOP("AuditTableModel", "Desk"), "desk"),
    (QT_TRANSLATE_NOOP("AuditTableModel", "Action"), "action"),
    (QT_TRANSLATE_NOOP("AuditTableModel", "Record"), "entity"),
    (QT_TRANSLATE_NOOP("AuditTableModel", "Changes"), None),
)


def changes_text(entry: AuditRecord, *, everything: bool = False) -> str:
    """The changed fields and their values in the UI language, «field: از «before» به
    «after»» in Persian, "field: before → after" in English; one line without the fields
    every record has and the empty ones (``everything``: all of them, a line each)."""
    language = current_language()
    lines = entry.change_lines(
        CHANGED_FA if language == "fa" else "{field}: {before} → {after}",
        label=partial(field_label, language=language),
        value=partial(value_text, language=language),
        hidden=() if everything else ROUTINE_FIELDS,
        blanks=everything,
    )
    # Each line isolated, so its parts keep their order beside the other lines'.
    isolate = "\u2068{}\u2069" if language == "fa" else "\u2066{}\u2069"
    return ("\n" if everything else " · ").join(isolate.format(line) for line in lines)


class AuditTableModel(PagedTableModel[AuditRecord]):
    """Audit entries as rows, newest first; lazy paging through the service."""

    COLUMNS = COLUMNS

    def __init__(self, db: DatabaseHandle, parent: object | None = None) -> None:
        super().__init__(db, AuditFilter(), parent)
        self.sort_key = "time"
        self.reload()

    def count_rows(self) -> int:
        """Override: entries matching the filters."""
        return audit_service.count_audit_entries(self.db, filters=self.filters)

    def fetch_rows(self, offset: int, limit: int) -> list[AuditRecord]:
        """Override: one page of entries in the chosen order."""
        return audit_service.list_audit_entries(self.db, **self.page_query(offset, limit))

    def cell_data(self, e: AuditRecord, col: int, role: int) -> object:
        """Override: texts in the UI language, the entry's number under ``ID_ROLE``."""
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return loc_digits(e.id)
            if col == 1:
                local = to_local(e.recorded_at)
                return f"{show_date(local.date())} {show_time(local)}"
            if col == 2:
                return e.actor
            if col == 3:
                return e.desk
            if col == 4:
                return action_label(e.action, current_language())
            if col == 5:
                name = entity_label(e.entity, current_language())
                return f"{name} {loc_digits(e.entity_id)}" if e.entity_id else name
            if col == 6:
                return changes_text(e)
        if role == Qt.ItemDataRole.ToolTipRole and col == 6:
            return changes_text(e, everything=True)
        if role == ID_ROLE:
            return e.id
        return None
