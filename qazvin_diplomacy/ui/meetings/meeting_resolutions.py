"""The resolutions tab of the meeting form: the session's resolutions by agenda item.

Each is edited in its own dialog (``ResolutionDialog``); "New resolution" starts one on the
agenda item selected in the agenda tab (or none); the table is re-read after each save.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.meetings import MeetingView, ResolutionStatus, ResolutionView
from qazvin_diplomacy.services import meetings as meetings_service
from qazvin_diplomacy.ui.common import ID_ROLE, fit_columns, show_error
from qazvin_diplomacy.ui.i18n import (
    QT_TRANSLATE_NOOP,
    Retranslating,
    current_language,
    direction_mark,
    loc_digits,
    loc_text,
)
from qazvin_diplomacy.ui.meetings.models import OVERDUE_COLOR, fa_en, number_text
from qazvin_diplomacy.ui.meetings.resolution import ResolutionDialog
from qazvin_diplomacy.ui.modules import UiContext
from qazvin_diplomacy.ui.widgets.jalali import show_date


class MeetingResolutions(Retranslating, QWidget):
    """The meeting's resolutions: number, agenda item, text, body, deadline, status."""

    HEADERS = (
        QT_TRANSLATE_NOOP("MeetingResolutions", "Number"),
        QT_TRANSLATE_NOOP("MeetingResolutions", "Agenda item"),
        QT_TRANSLATE_NOOP("MeetingResolutions", "Resolution"),
        QT_TRANSLATE_NOOP("MeetingResolutions", "Responsible body"),
        QT_TRANSLATE_NOOP("MeetingResolutions", "Deadline"),
        QT_TRANSLATE_NOOP("MeetingResolutions", "Status"),
    )

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting: MeetingView | None = None
        self.rows: list[ResolutionView] = []
        self.dialogs: list[ResolutionDialog] = []
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, len(self.HEADERS), self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        # The resolution's text takes what is left: the columns fit the form's width (they
        # ran past it, the responsible body cut, behind a sideways scroll bar).
        fit_columns(self.table, (60, 150, 200, 150, 80, 90), stretch=2)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.count_label = QLabel(self)
        self.new_button = QPushButton(self)
        self.open_button = QPushButton(self)
        for button in (self.new_button, self.open_button):
            button.setAutoDefault(False)
        buttons.addWidget(self.count_label, 1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        layout.addLayout(buttons)
        self.table.doubleClicked.connect(lambda idx: self.open_row(idx.row()))
        self.new_button.clicked.connect(lambda: self.new_resolution())
        self.open_button.clicked.connect(lambda: self.open_row(self.table.currentRow()))
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.new_button.setText(self.tr("New resolution"))
        self.open_button.setText(self.tr("Open"))
        self._show()

    def set_meeting(self, meeting: MeetingView | None) -> None:
        """Show the resolutions of ``meeting`` (none while it is not saved)."""
        self.meeting = meeting
        self.reload()

    def reload(self) -> None:
        """Re-read the meeting's resolutions."""
        self.rows = []
        if self.meeting is not None and self.meeting.id is not None:
            try:
                self.rows = meetings_service.list_meeting_resolutions(
                    self.ctx.db, meeting_id=self.meeting.id, today=self.ctx.today()
                )
            except KnownError as exc:
                show_error(self, exc)
        self._show()

    def _item_titles(self) -> dict[int | None, str]:
        if self.meeting is None:
            return {}
        return {
            # the UI's direction first: «2. <Persian title>» keeps its number at the start
            i.id: f"{direction_mark()}{loc_digits(n)}. {loc_text(i.title)}"
            for n, i in enumerate(self.meeting.agenda_rows, start=1)
        }

    def _show(self) -> None:
        lang = current_language()
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in self.HEADERS])
        self.table.setRowCount(len(self.rows))
        items = self._item_titles()
        for row, r in enumerate(self.rows):
            cells = (
                number_text(r.number), items.get(r.agenda_item_id, ""), loc_text(r.text),
                fa_en(r.responsible_name, r.responsible_name_en),
                show_date(r.deadline) if r.deadline else "",
                ResolutionStatus.label_of(r.status, lang),
            )  # fmt: skip
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                item.setData(ID_ROLE, r.id)
                if r.overdue:
                    item.setForeground(QColor(OVERDUE_COLOR))
                self.table.setItem(row, col, item)
            self.table.setVerticalHeaderItem(row, QTableWidgetItem(loc_digits(row + 1)))
        self.table.resizeRowsToContents()
        self.count_label.setText(loc_digits(self.tr("%n resolutions", "", len(self.rows))))
        self.new_button.setEnabled(self.meeting is not None)

    def current_item_id(self) -> int | None:
        """The agenda item selected in the form's agenda tab (None when none is)."""
        form: Any = self.window()
        agenda = getattr(form, "agenda", None)
        if agenda is None or self.meeting is None:
            return None
        row = agenda.table.currentRow()
        if row < 0:
            return None
        record_id = agenda.record(row)[0]
        return int(record_id) if record_id is not None else None

    def _dialog(self, dialog: ResolutionDialog) -> ResolutionDialog:
        dialog.saved.connect(lambda _id: self._saved())
        dialog.finished.connect(
            lambda _r: self.dialogs.remove(dialog) if dialog in self.dialogs else None
        )
        self.dialogs.append(dialog)
        dialog.show()
        return dialog

    def _saved(self) -> None:
        self.reload()
        self.ctx.hub.dataChanged.emit("meetings")

    def new_resolution(self, agenda_item_id: int | None = None) -> ResolutionDialog | None:
        """A new resolution of the meeting (on ``agenda_item_id``, default the item selected)."""
        if self.meeting is None:
            return None
        item = agenda_item_id if agenda_item_id is not None else self.current_item_id()
        return self._dialog(
            ResolutionDialog(self.ctx, None, self, meeting=self.meeting, agenda_item_id=item)
        )

    def open_row(self, row: int) -> ResolutionDialog | None:
        """Open the resolution on ``row``."""
        if not 0 <= row < len(self.rows):
            return None
        return self._dialog(ResolutionDialog(self.ctx, self.rows[row], self, meeting=self.meeting))
