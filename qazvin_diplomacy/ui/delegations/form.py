"""The trade delegation form: main fields, members, programme, markets and agreements, and
the follow-ups after the trip (the visit form's follow-up table, shared follow-up tasks).

The region list follows the chosen country (a region belongs to one country, as on the
market form); the status offers the moves a visit's status may make.  Members and the
programme are row tables (``members.py``); the target markets concerned and the agreements
signed on the trip are ticked in lists.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core.delegations import (
    DelegationDirection,
    DelegationInput,
    DelegationStatus,
    DelegationView,
)
from qazvin_diplomacy.core.errors import ValidationError
from qazvin_diplomacy.core.visits import allowed_transitions
from qazvin_diplomacy.services import agreements as agreements_service
from qazvin_diplomacy.services import delegations as delegations_service
from qazvin_diplomacy.services import markets as markets_service
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.ui.common import ID_ROLE
from qazvin_diplomacy.ui.delegations.members import MembersTable, ProgrammeTable
from qazvin_diplomacy.ui.form_fields import (
    FieldSet,
    FieldSpec,
    add_save_buttons,
    confidential_box,
    date_field,
    enum_combo,
    filled_combo,
    service_result,
    text_area,
    text_field,
)
from qazvin_diplomacy.ui.i18n import QT_TRANSLATE_NOOP, Retranslating, is_rtl
from qazvin_diplomacy.ui.markets.place import fill_countries, fill_regions
from qazvin_diplomacy.ui.meetings.links import linked_resolutions_html
from qazvin_diplomacy.ui.visits.followups import FollowUpsTable
from qazvin_diplomacy.ui.visits.people import PeopleEditor


class CheckedList(QListWidget):
    """Records to tick (id under ``ID_ROLE``)."""

    def fill(self, rows: list[tuple[str, int]], ticked: tuple[int, ...]) -> None:
        """Show ``rows`` (text, id), ticking ``ticked``."""
        self.clear()
        for text, record_id in rows:
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, record_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if record_id in ticked else Qt.CheckState.Unchecked
            )
            self.addItem(item)

    def ids(self) -> tuple[int, ...]:
        """The ticked ids."""
        return tuple(
            int(self.item(i).data(ID_ROLE))
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        )


def _load_head(editor: PeopleEditor, d: DelegationView) -> None:
    if d.head_person_id is not None:
        editor.add_person(d.head_person_id, d.head_fa, d.head_en)


def _statuses(current: DelegationStatus | None) -> list[DelegationStatus]:
    if current is None:
        return list(DelegationStatus)
    return [current, *allowed_transitions(current)]


class DelegationDialog(Retranslating, QDialog):
    """Record a new trade delegation (``delegation`` None) or edit one."""

    FIELDS = (
        enum_combo("direction", QT_TRANSLATE_NOOP("DelegationDialog", "Direction"),
                   DelegationDirection),
        text_field("title", QT_TRANSLATE_NOOP("DelegationDialog", "Title"), required=True),
        text_field("title_en", QT_TRANSLATE_NOOP("DelegationDialog", "Title (English)")),
        filled_combo("country_id", QT_TRANSLATE_NOOP("DelegationDialog", "Country"),
                     required=True),
        filled_combo("region_id", QT_TRANSLATE_NOOP("DelegationDialog", "Region")),
        text_field("city", QT_TRANSLATE_NOOP("DelegationDialog", "City")),
        date_field("start_date", QT_TRANSLATE_NOOP("DelegationDialog", "From"), required=True),
        date_field("end_date", QT_TRANSLATE_NOOP("DelegationDialog", "To"), required=True),
        FieldSpec("head_person_id", QT_TRANSLATE_NOOP("DelegationDialog", "Head (directory)"),
                  lambda form, parent: PeopleEditor(form.db, parent),
                  load=_load_head, collect=lambda w: (w.ids() or [None])[0],
                  raw=PeopleEditor.ids),
        text_field("head_text", QT_TRANSLATE_NOOP("DelegationDialog", "Head (typed name)")),
        enum_combo("status", QT_TRANSLATE_NOOP("DelegationDialog", "Status"), DelegationStatus,
                   choices=_statuses),
        confidential_box(QT_TRANSLATE_NOOP("DelegationDialog", "Confidential")),
        text_area("objectives", QT_TRANSLATE_NOOP("DelegationDialog", "Objectives"),
                  max_height=80),
        text_area("budget_notes", QT_TRANSLATE_NOOP("DelegationDialog", "Budget notes"),
                  max_height=50),
        text_area("outcome", QT_TRANSLATE_NOOP("DelegationDialog", "Outcome report"),
                  max_height=80),
    )  # fmt: skip

    def __init__(
        self,
        db: DatabaseHandle,
        delegation: DelegationView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.delegation = delegation
        self.saved: DelegationView | None = None
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        main = QWidget(self)
        form = QFormLayout(main)
        self.field_set = FieldSet(self, self.FIELDS)
        self.field_set.add_form_rows(form, main)
        self.tabs.addTab(main, "")
        self.members = MembersTable(db, self)
        self.tabs.addTab(self.members, "")
        self.programme = ProgrammeTable(self)
        self.tabs.addTab(self.programme, "")
        links = QWidget(self)
        links_layout = QVBoxLayout(links)
        self.markets_label, self.agreements_label = QLabel(links), QLabel(links)
        self.markets = CheckedList(links)
        self.agreements = CheckedList(links)
        for widget in (self.markets_label, self.markets, self.agreements_label, self.agreements):
            links_layout.addWidget(widget)
        self.resolutions = QLabel(links)  # the secretariat's resolutions concerning it
        self.resolutions.setWordWrap(True)
        links_layout.addWidget(self.resolutions)
        self.tabs.addTab(links, "")
        self.followups = FollowUpsTable(self)
        self.tabs.addTab(self.followups, "")
        layout.addWidget(self.tabs, 1)
        self.error, self.buttons = add_save_buttons(self, layout, self.save)
        self.country = self.field_set.widgets["country_id"]
        self.region = self.field_set.widgets["region_id"]
        self.retranslate_ui()
        if delegation is not None:
            self.field_set.load(delegation)
            self.fill_regions()
            self.region.setCurrentIndex(max(self.region.findData(delegation.region_id), 0))
            self.members.set_members(delegation.members)
            self.programme.set_items(delegation.programme)
            for task in delegation.followups or ():
                self.followups.add_entry(task)
        self._fill_links()
        self.country.currentIndexChanged.connect(lambda _i: self.fill_regions())
        self.resize(760, 780)

    def retranslate_ui(self) -> None:
        """Texts and choice lists for the current language."""
        self.setWindowTitle(
            self.tr("Trade delegation") if self.delegation else self.tr("New trade delegation")
        )
        self.field_set.retranslate(self.tr)
        for index, text in enumerate(
            (
                self.tr("Delegation"),
                self.tr("Members"),
                self.tr("Programme"),
                self.tr("Links"),
                self.tr("Follow-ups"),
            )
        ):
            self.tabs.setTabText(index, text)
        self.members.retranslate_ui(self.tr)
        self.programme.retranslate(self.tr)
        # The follow-up table is the visit form's: its headers are translated there.
        self.followups.retranslate(lambda text: QCoreApplication.translate("VisitForm", text))
        if self.delegation is not None and self.delegation.id is not None:
            self.resolutions.setText(
                linked_resolutions_html(
                    self.db, "delegation", [self.delegation.id], None,
                    self.tr("Resolutions concerning this delegation"),
                )
            )  # fmt: skip
        self.markets_label.setText(self.tr("Target markets concerned"))
        self.agreements_label.setText(self.tr("Agreements signed on the trip"))
        fill_countries(self.db, self.country)
        self.fill_regions()

    def fill_regions(self) -> None:
        """The regions of the chosen country only."""
        fill_regions(self.db, self.country, self.region, self.tr("The whole country"))

    def _fill_links(self) -> None:
        d = self.delegation
        rtl = is_rtl()
        markets = markets_service.list_markets(self.db, limit=2000)
        self.markets.fill(
            [(f"{m.place_fa() if rtl else m.place_en()} — {m.subject('fa' if rtl else 'en')}",
              m.id or 0) for m in markets],
            d.market_ids if d else (),
        )  # fmt: skip
        agreements = agreements_service.list_agreements(self.db, limit=2000)
        self.agreements.fill(
            [(a.title if rtl else (a.title_en or a.title), a.id) for a in agreements],
            d.agreement_ids if d else (),
        )

    def delegation_input(self) -> DelegationInput | None:
        """The delegation as typed, or None (errors shown under the fields)."""
        values, errors = self.field_set.collect()
        row_errors: dict[str, str] = {}
        programme = self.programme.items(row_errors)
        followups = self.followups.entries(row_errors)
        if errors or row_errors:
            self.field_set.show_errors(errors)
            if row_errors:
                self.error.show_error("\n".join(row_errors.values()))
            return None
        values["direction"] = DelegationDirection(values["direction"]).value
        values["status"] = DelegationStatus(values["status"]).value
        values["members"] = self.members.members()
        values["programme"] = programme
        values["followups"] = followups
        values["market_ids"] = self.markets.ids()
        values["agreement_ids"] = self.agreements.ids()
        if self.delegation is not None:
            values["id"], values["version"] = self.delegation.id, self.delegation.version
        return DelegationInput(**values)

    def _show_refusal(self, exc: ValidationError) -> None:
        rest = self.field_set.show_errors(exc.errors)
        table = self.followups
        others = table.show_row_errors(rest, table.PREFIX, table.FIELDS, self.tr("Row"))
        if len(others) < len(rest):
            self.tabs.setCurrentWidget(table)
        self.error.show_error("\n".join(others.values()))

    def save(self) -> bool:
        """Save the delegation; close when it worked."""
        delegation = self.delegation_input()
        if delegation is None:
            return False
        saved = service_result(
            self,
            lambda: delegations_service.save_delegation(self.db, delegation=delegation),
            self._show_refusal,
        )
        if saved is None:
            return False
        self.saved = saved
        self.accept()
        return True
