"""The trade delegations page: delegations sent and received, filtered and paged.

Filters: text, direction, status, country and a date range (a delegation is kept when its
stay overlaps it).  A double-click opens the delegation's form.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QPushButton, QWidget

from qazvin_diplomacy.core.delegations import (
    DelegationDirection,
    DelegationFilter,
    DelegationStatus,
    DelegationView,
)
from qazvin_diplomacy.services import delegations as delegations_service
from qazvin_diplomacy.ui.delegations.form import DelegationDialog
from qazvin_diplomacy.ui.delegations.models import DelegationTableModel
from qazvin_diplomacy.ui.forms_common import keep_open_form
from qazvin_diplomacy.ui.i18n import current_language
from qazvin_diplomacy.ui.list_page import ListFilterBar, ListPage, ListTable
from qazvin_diplomacy.ui.modules import UiContext
from qazvin_diplomacy.ui.widgets.jalali import JalaliDateEdit


class DelegationFilterBar(ListFilterBar):
    """Text, direction, status, country and a Jalali date range."""

    def __init__(
        self, ctx: UiContext, on_change: Callable[[], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(on_change, parent, ctx)
        self.direction = QComboBox(self)
        self.status = QComboBox(self)
        self.country = QComboBox(self)
        self.from_label = QLabel(self)  # the range said in words, as in the other lists
        self.date_from = JalaliDateEdit(self)
        self.to_label = QLabel(self)
        self.date_to = JalaliDateEdit(self)
        self.lay_out_in_a_row(
            self.direction,
            self.status,
            self.country,
            self.from_label,
            self.date_from,
            self.to_label,
            self.date_to,
        )
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        lang = current_language()
        self.text.setPlaceholderText(self.tr("Search delegations… (Ctrl+F)"))
        self.clear_button.setText(self.tr("Clear filters"))
        self.date_from.setToolTip(self.tr("From (Jalali date)"))
        self.date_to.setToolTip(self.tr("To (Jalali date)"))
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("To"))
        self.refill(
            self.direction,
            [
                (self.tr("Sent and received"), None),
                *((d.label(lang), d.value) for d in DelegationDirection),
            ],
        )
        self.refill(
            self.status,
            [
                (self.tr("All statuses"), None),
                *((s.label(lang), s.value) for s in DelegationStatus),
            ],
        )
        if self.ctx is not None and self.countries_loaded:
            self.load_countries()

    def clear(self) -> None:
        """Reset every filter."""
        self.text.clear()
        for combo in (self.direction, self.status, self.country):
            combo.setCurrentIndex(0)
        self.date_from.setDate(None)
        self.date_to.setDate(None)

    def filters(self) -> DelegationFilter:
        """The filters as the service takes them."""
        return DelegationFilter(
            direction=self.direction.currentData(),
            status=self.status.currentData(),
            country_id=self.country.currentData(),
            date_from=self.date_from.date(),
            date_to=self.date_to.date(),
            text=self.text.text().strip(),
        )


class DelegationsPage(ListPage):
    """The list of trade delegations sent and received."""

    export_kind = "delegations"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.forms: list[QDialog] = []
        self.filter_bar = DelegationFilterBar(ctx, self.apply_filters, self)
        self.search_box = self.filter_bar.text
        self.model = DelegationTableModel(ctx.db, self)
        self.table = ListTable(
            self.model, sort_column=3, widths=(80, 280, 200, 95, 95, 160, 110), stretch=1,
            parent=self,
        )  # fmt: skip
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(lambda: self.export_list())
        self.add_list_tab(self.filter_bar, self.table, (self.export_button,))
        self.table.doubleClicked.connect(lambda idx: self.edit_row(idx.row()))
        ctx.hub.dataChanged.connect(lambda _kind: self.refresh_current())
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.heading.setText(self.tr("Trade delegations"))
        self.new_button.setText(self.tr("New delegation"))
        self.views.setTabText(0, self.tr("Delegations"))
        self.export_button.setText(self.tr("Export to Excel/CSV…"))
        self.model.retranslate()
        self._update_count()

    def count_text(self) -> str:
        """Override: the count line."""
        return self.tr("%1 delegations")

    def empty_list_text(self) -> str:
        """Override: the empty list says what to do next."""
        return self.tr(
            "No delegation to show. Clear the filters, or record one with “New delegation”."
        )

    def refresh_current(self) -> None:
        """Re-read the list."""
        self.apply_filters()

    def new_record(self) -> DelegationDialog:
        """Ctrl+N / New: the form of a new delegation."""
        return self._open_form(None)

    def edit_row(self, row: int) -> DelegationDialog | None:
        """Open the form of the delegation in ``row``."""
        found = self.model.item(row)
        return None if found is None else self.open_record(found.id or 0)

    def open_record(self, delegation_id: int) -> DelegationDialog:
        """Open delegation ``delegation_id``'s form (from the list or the search)."""
        view = delegations_service.get_delegation(self.ctx.db, delegation_id=delegation_id)
        return self._open_form(view)

    def _open_form(self, delegation: DelegationView | None) -> DelegationDialog:
        form = DelegationDialog(self.ctx.db, delegation, self)
        form.accepted.connect(lambda: self.ctx.hub.dataChanged.emit("delegations"))
        form.finished.connect(lambda _r: form.deleteLater())
        return keep_open_form(self.forms, form)

    def selftest(self, shot: Callable[[str, QWidget], None]) -> None:
        """Override: the list, then a delegation's form on each tab."""
        shot("list", self)
        form = self.edit_row(0) if self.model.total else self.new_record()
        if form is not None:
            names = ("form", "form_members", "form_programme", "form_links", "form_followups")
            for index, name in enumerate(names):
                form.tabs.setCurrentIndex(index)
                shot(name, form)
            form.reject()
