"""The audit trail page (سابقهٔ تغییرات): who changed what, when and at which desk.

A paged list of the entries, newest first, filtered by a date range (Tehran days), user,
table and text; the tooltip of a row's changes shows every field.  "Verify chain" checks the
hash chain (as ``audit verify`` does) and says whether it is intact or which entry is broken;
"Print" writes ``report audit`` for the chosen range and user.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtWidgets import QComboBox, QLabel, QMessageBox, QPushButton, QWidget

from qazvin_diplomacy.core.audit import AuditFilter, entity_label
from qazvin_diplomacy.services import audit as audit_service
from qazvin_diplomacy.ui.audit.models import AuditTableModel
from qazvin_diplomacy.ui.i18n import current_language, is_rtl, loc_digits
from qazvin_diplomacy.ui.icons import icon
from qazvin_diplomacy.ui.list_page import ListFilterBar, ListPage, ListTable
from qazvin_diplomacy.ui.modules import UiContext
from qazvin_diplomacy.ui.ops import print_pdf
from qazvin_diplomacy.ui.widgets.jalali import JalaliDateEdit


class AuditFilterBar(ListFilterBar):
    """Text (values, user, desk, table), user, table, date range."""

    def __init__(
        self, on_change: Callable[[], None], ctx: UiContext, parent: QWidget | None = None
    ) -> None:
        super().__init__(on_change, parent)
        self.db = ctx.db
        self.actor = QComboBox(self)
        self.entity = QComboBox(self)
        self.from_label = QLabel(self)
        self.date_from = JalaliDateEdit(self)
        self.to_label = QLabel(self)
        self.date_to = JalaliDateEdit(self)
        self.lay_out_in_a_row(
            self.actor, self.entity, self.from_label, self.date_from, self.to_label, self.date_to
        )
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language (and the user and table lists, re-read)."""
        self.text.setPlaceholderText(self.tr("Search values, user, desk… (Ctrl+K)"))
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("To"))
        self.clear_button.setText(self.tr("Clear filters"))
        self.reload_choices()

    def reload_choices(self) -> None:
        """The users and tables that have entries, "All …" first; the choice is kept."""
        actors = audit_service.audit_actors(self.db)
        entities = audit_service.audit_entities(self.db)
        self.refill(self.actor, [(self.tr("All users"), None), *((a or "—", a) for a in actors)])
        self.refill(
            self.entity,
            [
                (self.tr("All records"), None),
                *((entity_label(e, current_language()), e) for e in entities),
            ],
        )

    def clear(self) -> None:
        """Reset every filter."""
        self.text.clear()
        self.actor.setCurrentIndex(0)
        self.entity.setCurrentIndex(0)
        self.date_from.setDate(None)
        self.date_to.setDate(None)

    def filters(self) -> AuditFilter:
        """The filters as the service takes them."""
        return AuditFilter(
            date_from=self.date_from.date(),
            date_to=self.date_to.date(),
            actor=self.actor.currentData() or "",
            entity=self.entity.currentData() or "",
            text=self.text.text().strip(),
        )


class AuditPage(ListPage):
    """The audit trail: every recorded change, newest first."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.filter_bar = AuditFilterBar(self.apply_filters, ctx, self)
        self.search_box = self.filter_bar.text
        self.model = AuditTableModel(ctx.db, self)
        self.table = ListTable(
            self.model, sort_column=0, widths=(70, 130, 110, 110, 80, 150, 400), stretch=6,
            parent=self,
        )  # fmt: skip
        self.new_button.hide()  # entries are written by the changes themselves
        self.verify_button = QPushButton(self)
        self.print_button = QPushButton(self)
        self.add_list_tab(self.filter_bar, self.table, (self.verify_button, self.print_button))
        self.verify_button.clicked.connect(lambda: self.verify_chain())
        self.print_button.clicked.connect(lambda: self.print_page())
        ctx.hub.dataChanged.connect(lambda _kind: self.refresh_current())
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.heading.setText(self.tr("Audit trail"))
        self.views.setTabText(0, self.tr("Changes"))
        self.views.setTabIcon(0, icon("list"))
        self.verify_button.setText(self.tr("Verify chain"))
        self.verify_button.setIcon(icon("check"))
        self.verify_button.setToolTip(
            self.tr("Check that no entry was changed or removed since it was recorded")
        )
        self.print_button.setText(self.tr("Print"))
        self.print_button.setIcon(icon("print"))
        self.filter_bar.retranslate_ui()
        self.model.retranslate()
        self._update_count()

    def empty_list_text(self) -> str:
        """Override: the empty list says why."""
        return self.tr(
            "No change to show. Every saved change is recorded here; clear the filters to see all."
        )

    def count_text(self) -> str:
        """Override: the count line."""
        return self.tr("%1 entries")

    def refresh_current(self) -> None:
        """Re-read the users, tables and the list."""
        self.filter_bar.reload_choices()
        self.apply_filters()

    def verify_chain(self) -> str:
        """Check the hash chain and say the outcome in a message box; return its text."""
        result = audit_service.verify_audit_trail(self.ctx.db)
        if result.broken is None:
            text = self.tr("The audit trail is intact: %1 entries verified.").replace(
                "%1", loc_digits(result.entries)
            )
            if result.entries:  # the head, for the office to keep on paper
                text += "\n" + self.tr(
                    "Head of the chain (keep it on paper): entry %1, hash %2…"
                ).replace("%1", loc_digits(result.entries)).replace("%2", result.last_hash[:16])
            QMessageBox.information(self, self.tr("Audit trail"), text)
        else:
            reason = result.broken.reason_fa if is_rtl() else result.broken.reason_en
            text = (
                self.tr("The audit trail is broken at entry %1: %2")
                .replace("%1", loc_digits(result.broken.entry_id))
                .replace("%2", reason)
            )
            QMessageBox.warning(self, self.tr("Audit trail"), text)
        return text

    def print_page(self) -> None:
        """Override: print the entries of the chosen range (default: the last 30 days) and user."""
        f = self.filter_bar.filters()
        today = self.ctx.today()
        options = {
            "date_from": f.date_from or (f.date_to or today) - timedelta(days=30),
            "date_to": f.date_to or today,
            "user": f.actor or None,
        }
        print_pdf(
            self.ctx.runner, self.ctx.db, "audit", options, parent=self, title=self.tr("Print")
        )

    def selftest(self, shot: Callable[[str, QWidget], None]) -> None:
        """Override: the list."""
        self.refresh()
        shot("audit", self)
