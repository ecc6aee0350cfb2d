"""iCalendar (.ics) files from the interface: where to save, one visit or event, the lists' menu action."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QWidget

from qazvin_diplomacy.core.calendar import EntryKind
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.ui.common import ID_ROLE, show_error
from qazvin_diplomacy.ui.modules import UiContext


def ask_ics_path(parent: QWidget, suggested: str) -> Path | None:
    """Where to save an iCalendar file (None: cancelled); the suffix becomes .ics."""
    name, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("CalendarPage", "Export to calendar (.ics)"),
        str(Path.home() / suggested),
        QCoreApplication.translate("CalendarPage", "iCalendar file (*.ics)"),
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".ics" else path.with_suffix(".ics")


def export_record_ics(ctx: UiContext, parent: QWidget, kind: EntryKind, record_id: int) -> bool:
    """Ask for a file and write one visit or event to it as .ics (from the lists' menus)."""
    from qazvin_diplomacy.services.agenda_ics import export_record

    path = ask_ics_path(parent, f"{kind.value}-{record_id}.ics")
    if path is None:
        return False
    try:
        export_record(ctx.db, path=path, kind=kind, record_id=record_id)
    except KnownError as exc:
        show_error(parent, exc)
        return False
    ctx.hub.status.emit(
        QCoreApplication.translate("CalendarPage", "Saved to %1").replace("%1", path.name)
    )
    return True


class IcsAction(QAction):
    """ "Export to calendar (.ics)…" in a list's context menu: the visit or event of the current row.

    A list page adds it with one line; it reads the record id from the row (``ID_ROLE``)
    and follows language changes by itself.
    """

    def __init__(self, ctx: UiContext, table: QAbstractItemView, kind: EntryKind) -> None:
        super().__init__(table)
        self.ctx, self.table, self.kind = ctx, table, kind
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        table.addAction(self)
        table.installEventFilter(self)
        self.triggered.connect(self.export)
        self.retranslate()

    def retranslate(self) -> None:
        """The text in the current language."""
        self.setText(QCoreApplication.translate("CalendarPage", "Export to calendar (.ics)…"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        """Override: follow the table's language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def export(self) -> bool:
        """Save the current row's record as .ics (nothing without a row)."""
        index = self.table.currentIndex()
        record_id = index.data(ID_ROLE) if index.isValid() else None
        if record_id is None:
            return False
        return export_record_ics(self.ctx, self.table, self.kind, int(record_id))
