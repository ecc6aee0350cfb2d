"""The follow-ups page: every follow-up of every visit, agreement and event in one list.

Mine or everyone's, due this week / overdue / done, by owner and by source, searched and
exported as shown.  A follow-up is edited in the record it comes from: double-click opens it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QPushButton, QWidget

from qazvin_diplomacy.core.calendar import SOURCE_MODULES
from qazvin_diplomacy.core.followups import FollowUpDue, FollowUpFilter, FollowUpSource
from qazvin_diplomacy.services import followups as followups_service
from qazvin_diplomacy.services.export import ExportFilters
from qazvin_diplomacy.ui import settings as S
from qazvin_diplomacy.ui.followups.models import FollowUpTableModel
from qazvin_diplomacy.ui.i18n import current_language
from qazvin_diplomacy.ui.list_page import ListFilterBar, ListPage, ListTable
from qazvin_diplomacy.ui.modules import UiContext

MINE, EVERYONE = "mine", "all"


class FollowUpFilterBar(ListFilterBar):
    """Mine / everyone's, due, owner, source and the text."""

    def __init__(
        self, ctx: UiContext, on_change: Callable[[], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(on_change, parent)
        self.app_ctx = ctx
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.scope = QComboBox(self)
        self.due = QComboBox(self)
        self.owner = QLineEdit(self)
        self.owner.setClearButtonEnabled(True)
        self.source = QComboBox(self)
        self.add_clear_button()
        layout.addWidget(self.scope)
        layout.addWidget(self.due)
        layout.addWidget(self.text, 2)
        layout.addWidget(self.owner, 1)
        layout.addWidget(self.source)
        layout.addWidget(self.clear_button)
        self.watch(self.scope, self.due, self.source)
        self.owner.textChanged.connect(lambda _t: self._timer.start())
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        lang = current_language()
        self.text.setPlaceholderText(self.tr("Search follow-ups… (Ctrl+F)"))
        self.owner.setPlaceholderText(self.tr("Owner"))
        self.clear_button.setText(self.tr("Clear filters"))
        self.refill(self.scope, [(self.tr("Everyone's"), EVERYONE), (self.tr("Mine"), MINE)])
        self.refill(self.due, [(d.label(lang), d.value) for d in FollowUpDue])
        sources = [s for s in FollowUpSource if s is not FollowUpSource.NONE]
        self.refill(
            self.source,
            [(self.tr("All sources"), None), *((s.label(lang), s.value) for s in sources)],
        )

    def my_name(self) -> str:
        """The clerk's name as set in the settings ("" when not set)."""
        return str(self.app_ctx.settings.get(S.MY_NAME)).strip()

    def clear(self) -> None:
        """Reset every filter."""
        self.text.clear()
        self.owner.clear()
        for combo in (self.scope, self.due, self.source):
            combo.setCurrentIndex(0)

    def filters(self) -> FollowUpFilter:
        """The filters as the service takes them; "mine" matches the clerk's name."""
        mine = self.scope.currentData() == MINE
        return FollowUpFilter(
            due=self.due.currentData() or FollowUpDue.OPEN.value,
            today=self.app_ctx.today(),
            owner_text=self.my_name() if mine else self.owner.text().strip(),
            source_kind=self.source.currentData(),
            text=self.text.text().strip(),
        )


class FollowUpsPage(ListPage):
    """The follow-ups list; a row opens the visit, agreement or event it belongs to."""

    export_kind = "followups"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.new_button.hide()  # a follow-up is added in its visit, agreement or event
        self.filter_bar = FollowUpFilterBar(ctx, self.apply_filters, self)
        self.search_box = self.filter_bar.text
        self.model = FollowUpTableModel(ctx.db, ctx.today(), self)
        self.table = ListTable(
            self.model, sort_column=0, widths=(100, 300, 160, 220, 100), stretch=1, parent=self
        )
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(lambda: self.export_list())
        self.add_list_tab(self.filter_bar, self.table, (self.export_button,))
        self.table.doubleClicked.connect(lambda idx: self.open_source(idx.row()))
        ctx.hub.dataChanged.connect(lambda _kind: self.refresh_current())
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.heading.setText(self.tr("Follow-ups"))
        self.export_button.setText(self.tr("Export to Excel/CSV…"))
        self.views.setTabText(0, self.tr("List"))
        self.model.retranslate()
        self._update_count()

    def empty_list_text(self) -> str:
        """Override: the empty list says what to do next."""
        return self.tr(
            "No follow-up to show. "
            "Clear the filters to see every follow-up; follow-ups are added on the form of a visit or an agreement."
        )

    def count_text(self) -> str:
        """Override: the count line."""
        if self.filter_bar.scope.currentData() == MINE and not self.filter_bar.my_name():
            return self.tr("%1 follow-ups — set your name in Settings to see yours")
        return self.tr("%1 follow-ups")

    def refresh(self) -> None:
        """Override: no country list here; re-read the list."""
        self.refresh_current()

    def refresh_current(self) -> None:
        """Re-read the list (today may have moved on)."""
        self.model.today = self.ctx.today()
        self.apply_filters()

    def export_filters(self) -> ExportFilters:
        """The follow-ups exactly as the list shows them."""
        return ExportFilters(list_filter=self.model.filters)

    def open_source(self, row: int) -> bool:
        """Open the record the follow-up of ``row`` belongs to; False when it has none."""
        task = self.model.item(row)
        module = SOURCE_MODULES.get(task.source_kind, "") if task is not None else ""
        if task is None or not module or task.source_id is None:
            self.ctx.hub.status.emit(self.tr("This follow-up belongs to no record."))
            return False
        self.ctx.hub.openRecord.emit(module, task.source_id)
        return True

    def open_record(self, task_id: int) -> bool:
        """Open the record follow-up ``task_id`` belongs to (from the dashboard card)."""
        task = followups_service.get_followup(self.ctx.db, task_id=task_id)
        module = SOURCE_MODULES.get(task.source_kind, "")
        if module and task.source_id is not None:
            self.ctx.hub.openRecord.emit(module, task.source_id)
            return True
        self.ctx.hub.status.emit(self.tr("This follow-up belongs to no record."))
        return False
