"""Opening a calendar entry's record in its module's form (page and reminders share it)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from qazvin_diplomacy.core.calendar import AgendaEntry
from qazvin_diplomacy.ui.modules import UiContext


def open_entry_form(page: QWidget, ctx: UiContext, entry: AgendaEntry) -> QWidget | None:
    """Open ``entry``'s record in its module's form (the calendar stays on screen)."""
    target = entry.open_target()
    if target is None:
        return None
    module, record_id = target
    pages = getattr(page.window(), "page", None)
    if not callable(pages):  # not inside the main window: let it route the request
        ctx.hub.openRecord.emit(module, record_id)
        return None
    opener = getattr(pages(module), "open_record", None)
    return opener(record_id) if callable(opener) else None
