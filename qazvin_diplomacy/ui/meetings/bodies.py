"""The "By responsible body" tab: what each body owes — its open, overdue and done resolutions.

Read through ``services.meetings.body_summary`` (counted in SQL, the most overdue first); a
double-click (or "Show its resolutions") opens the resolutions tab on that body's open ones.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from qazvin_diplomacy.services import meetings as meetings_service
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.services.meetings import BodySummary
from qazvin_diplomacy.ui.common import ID_ROLE
from qazvin_diplomacy.ui.i18n import QT_TRANSLATE_NOOP, Retranslating, loc_digits
from qazvin_diplomacy.ui.list_page import ListTable
from qazvin_diplomacy.ui.meetings.models import OVERDUE_COLOR, fa_en
from qazvin_diplomacy.ui.modules import UiContext
from qazvin_diplomacy.ui.paged_model import TranslatedColumns
from qazvin_diplomacy.ui.widgets.jalali import show_date

_ANY_INDEX = QModelIndex | QPersistentModelIndex


class BodySummaryModel(TranslatedColumns, QAbstractTableModel):
    """One row per responsible body: open, overdue, done, cancelled, the oldest overdue deadline."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("BodySummaryModel", "Responsible body"),
        QT_TRANSLATE_NOOP("BodySummaryModel", "Open resolutions"),
        QT_TRANSLATE_NOOP("BodySummaryModel", "Past deadline"),
        QT_TRANSLATE_NOOP("BodySummaryModel", "Done"),
        QT_TRANSLATE_NOOP("BodySummaryModel", "Cancelled"),
        QT_TRANSLATE_NOOP("BodySummaryModel", "Oldest overdue deadline"),
    )

    def __init__(self, db: DatabaseHandle, parent: object | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.rows: list[BodySummary] = []
        self.descending = False  # ListTable's sort indicator (the rows come sorted)

    def reload(self, today: object) -> None:
        """Re-read the summary for ``today``."""
        self.beginResetModel()
        try:
            self.rows = meetings_service.body_summary(self.db, today=today)  # type: ignore[arg-type]
        finally:
            self.endResetModel()

    @property
    def total(self) -> int:
        """How many bodies are listed."""
        return len(self.rows)

    def rowCount(self, parent: _ANY_INDEX = QModelIndex()) -> int:  # noqa: B008
        """Override: one row per body."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _ANY_INDEX = QModelIndex()) -> int:  # noqa: B008
        """Override: fixed columns."""
        return 0 if parent.isValid() else len(self.COLUMNS)

    def name(self, row: BodySummary) -> str:
        """The body's name in the UI language («no body named» for None)."""
        if row.organization_id is None:
            return self.tr("(no responsible body named)")
        return fa_en(row.name_fa, row.name_en)

    def data(self, index: _ANY_INDEX, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Override: names and counts in the UI language; overdue rows red."""
        if not index.isValid():
            return None
        b = self.rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == 0:
                return self.name(b)
            if col == 5:
                return show_date(b.oldest_overdue) if b.oldest_overdue else ""
            return loc_digits((b.open, b.overdue, b.done, b.cancelled)[col - 1])
        if role == ID_ROLE:
            return b.organization_id
        if role == Qt.ItemDataRole.ForegroundRole and b.overdue and col in (0, 2, 5):
            return QColor(OVERDUE_COLOR)
        return None


class BodiesView(Retranslating, QWidget):
    """What each body owes; ``bodyChosen(int, str)`` opens its resolutions."""

    bodyChosen = Signal(int, str)  # Qt naming

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.model = BodySummaryModel(ctx.db, self)
        self.table = ListTable(
            self.model,
            sort_column=0,
            widths=(360, 90, 90, 90, 90, 160),
            stretch=0,
            parent=self,  # type: ignore[arg-type]
        )
        self.table.setSortingEnabled(False)
        self.table.empty_text = self.empty_text
        layout.addWidget(self.table, 1)
        footer = QHBoxLayout()
        self.count_label = QLabel(self)
        self.show_button = QPushButton(self)
        footer.addWidget(self.count_label, 1)
        footer.addWidget(self.show_button)
        layout.addLayout(footer)
        self.table.doubleClicked.connect(lambda idx: self.choose(idx.row()))
        self.show_button.clicked.connect(lambda: self.choose(self.table.currentIndex().row()))
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.hint.setText(
            self.tr("What each body owes: double-click a body to see its open resolutions.")
        )
        self.show_button.setText(self.tr("Show its resolutions"))
        self.model.retranslate()
        self._count()

    def empty_text(self) -> str:
        """What the empty list says."""
        return self.tr("No resolution names a responsible body yet.")

    def refresh(self) -> None:
        """Re-read the summary."""
        self.model.reload(self.ctx.today())
        self._count()

    def _count(self) -> None:
        self.count_label.setText(self.tr("%1 bodies").replace("%1", loc_digits(self.model.total)))

    def choose(self, row: int) -> bool:
        """Open the resolutions of the body on ``row``; False for none or «no body named»."""
        if not 0 <= row < len(self.model.rows):
            return False
        body = self.model.rows[row]
        if body.organization_id is None:
            return False
        self.bodyChosen.emit(body.organization_id, self.model.name(body))
        return True
