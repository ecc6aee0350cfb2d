"""A directory record's page: its details and its history across modules.

Visits, agreements, events and follow-ups are listed in tabs; double-click (or Enter) opens
the item in its module when that module is registered (visits, agreements, events), and
shows a short summary otherwise.  People and organizations can be archived (after a
confirmation) and restored from here; an archived record's page says so in a banner and
offers Restore instead of Archive.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core.clock import time_recorded, to_local
from qazvin_diplomacy.core.directory import CountryView, OrganizationView, PersonView
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.history import History, HistoryEntry
from qazvin_diplomacy.core.languages import language_names
from qazvin_diplomacy.core.text import bidi_isolate
from qazvin_diplomacy.services import directory
from qazvin_diplomacy.services.history import country_history, organization_history, person_history
from qazvin_diplomacy.ui.common import ask, show_error
from qazvin_diplomacy.ui.directory.models import kind_label, pick
from qazvin_diplomacy.ui.i18n import (
    current_language,
    direction_mark,
    is_rtl,
    loc_digits,
    loc_text,
)
from qazvin_diplomacy.ui.modules import UiContext
from qazvin_diplomacy.ui.registry import MODULES
from qazvin_diplomacy.ui.widgets.jalali import show_date, show_datetime

PERSON, ORGANIZATION, COUNTRY = "person", "organization", "country"


def module_registered(key: str) -> bool:
    """True when a module with ``key`` is in the registry."""
    return any(spec.key == key for spec in MODULES)


class HistoryTable(QTableWidget):
    """Date, title and detail of history entries; ``activated_entry`` on double-click/Enter."""

    activated_entry = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.entries: list[HistoryEntry] = []
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.setColumnWidth(2, 200)
        self.cellDoubleClicked.connect(lambda row, _c: self._activate(row))

    def keyPressEvent(self, event) -> None:  # Qt override
        """Override: Enter opens the current row."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self._activate(self.currentRow())
            return
        super().keyPressEvent(event)

    def _activate(self, row: int) -> None:
        if 0 <= row < len(self.entries):
            self.activated_entry.emit(self.entries[row])

    def set_entries(self, entries: list[HistoryEntry]) -> None:
        """Show ``entries``."""
        self.entries = entries
        self.setRowCount(len(entries))
        for row, e in enumerate(entries):
            title = e.title if is_rtl() or not e.title_en else e.title_en
            detail = e.detail if is_rtl() or not e.detail_en else e.detail_en
            for col, text in enumerate(
                (show_date(e.when) if e.when else "—", loc_text(title), loc_text(detail))
            ):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.setItem(row, col, item)

    def retranslate_ui(self) -> None:
        """Header texts."""
        self.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Title"), self.tr("Details")])


def _beside_label(value: str, *, ltr: bool) -> str:
    """A detail value laid out in the window's direction: a left-to-right one (English name,
    phone, e-mail, code) isolated, so its own order holds; one without any letter (a date)
    led by the window's direction mark.  Persian text is left as it is."""
    if ltr:
        return direction_mark() + bidi_isolate(value)
    if not any(unicodedata.bidirectional(ch) in ("L", "R", "AL") for ch in value):
        return direction_mark() + value
    return value


class RecordView(QDialog):
    """The page of one person, organization or country (non-modal)."""

    edit_requested = Signal(str, int)
    changed = Signal(str)

    def __init__(self, ctx: UiContext, kind: str, record_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind
        self.record_id = record_id
        self.record: PersonView | OrganizationView | CountryView | None = None
        self.history = History()
        self.summary_boxes: list[QMessageBox] = []
        self.resize(760, 620)
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setPointSize(font.pointSize() + 5)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.archived_banner = QLabel(self)
        self.archived_banner.setWordWrap(True)
        self.archived_banner.setStyleSheet(
            "background: #eeeeee; color: #424242; padding: 6px; border-radius: 4px;"
        )
        self.archived_banner.hide()
        layout.addWidget(self.archived_banner)
        self.details = QFormLayout()
        layout.addLayout(self.details)
        self.tabs = QTabWidget(self)
        self.tables = {k: HistoryTable(self) for k in ("visit", "agreement", "event", "followup")}
        for table in self.tables.values():
            self.tabs.addTab(table, "")
            table.activated_entry.connect(self.open_entry)
        layout.addWidget(self.tabs, 1)
        buttons = QHBoxLayout()
        self.edit_button = QPushButton(self)
        self.archive_button = QPushButton(self)
        self.restore_button = QPushButton(self)
        self.close_button = QPushButton(self)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.archive_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.archive_button.setVisible(False)
        self.restore_button.setVisible(False)
        self.edit_button.clicked.connect(
            lambda: self.edit_requested.emit(self.kind, self.record_id)
        )
        self.archive_button.clicked.connect(lambda: self.archive())
        self.restore_button.clicked.connect(lambda: self.restore())
        self.close_button.clicked.connect(self.close)
        self.reload()

    # --- data --------------------------------------------------------------------------

    def reload(self) -> None:
        """Re-read the record and its history through the services."""
        db = self.ctx.db
        if self.kind == PERSON:
            person = directory.get_person(db, self.record_id)
            self.record = person
            self.history = person_history(db, person_id=person.id)
        elif self.kind == ORGANIZATION:
            org = directory.get_organization(db, self.record_id)
            self.record = org
            self.history = organization_history(db, organization_id=org.id)
        else:
            country = next(
                (c for c in directory.list_countries(db) if c.id == self.record_id), None
            )
            if country is None:
                raise KnownError("کشور پیدا نشد.", "Country not found.")
            self.record = country
            self.history = country_history(db, country_id=self.record_id)
        self.tables["visit"].set_entries(self.history.visits)
        self.tables["agreement"].set_entries(self.history.agreements)
        self.tables["event"].set_entries(self.history.events)
        self.tables["followup"].set_entries(self.history.followups)
        archivable = isinstance(self.record, PersonView | OrganizationView)
        archived = self.is_archived()
        self.archive_button.setVisible(archivable and not archived)
        self.restore_button.setVisible(archived)
        self.edit_button.setEnabled(not archived)
        self.archived_banner.setVisible(archived)
        self.retranslate_ui()

    def is_archived(self) -> bool:
        """True when the record shown is an archived person or organization."""
        return isinstance(self.record, PersonView | OrganizationView) and self.record.archived

    def _detail_rows(self) -> list[tuple[str, str, bool]]:
        """(label, value, ltr) rows of the record's details."""
        r = self.record
        rows: list[tuple[str, str, bool]] = []
        if isinstance(r, PersonView):
            started = ""
            if r.functions_started_at is not None:  # no time of day where only the date is known
                local = to_local(r.functions_started_at)
                timed = time_recorded(local)
                started = show_datetime(local) if timed else show_date(local.date())
            rows = [
                (self.tr("Title"), pick(r.title_fa, r.title_en), False),
                (
                    self.tr("Organization"),
                    pick(r.organization_name_fa, r.organization_name_en),
                    False,
                ),
                (self.tr("Country"), pick(r.country_name_fa, r.country_name_en), False),
                (self.tr("Took up functions"), started, False),
                (self.tr("Languages"), language_names(r.languages, current_language()), False),
                (self.tr("Phone"), r.phone, True),
                (self.tr("E-mail"), r.email, True),
                (self.tr("Notes"), loc_text(r.notes), False),
            ]
            if r.name_en and is_rtl():
                rows.insert(0, (self.tr("Name (English)"), r.name_en, True))
        elif isinstance(r, OrganizationView):
            rows = [
                (self.tr("Kind"), kind_label(r.kind), False),
                (self.tr("Country"), pick(r.country_name_fa, r.country_name_en), False),
                (self.tr("City"), loc_text(r.city_fa or r.city_en), False),
                (self.tr("Phone"), r.phone, True),
                (self.tr("E-mail"), r.email, True),
                (self.tr("Address"), loc_text(r.address), False),
                (self.tr("Notes"), loc_text(r.notes), False),
            ]
        elif isinstance(r, CountryView):
            rows = [
                (self.tr("Code"), f"{r.iso2} / {r.iso3}", True),
                (
                    self.tr("Target country"),
                    self.tr("Yes") if r.is_target else self.tr("No"),
                    False,
                ),
                (self.tr("Priority"), loc_digits(r.priority) if r.priority else "—", False),
                (self.tr("Notes"), loc_text(r.notes), False),
            ]
        return [row for row in rows if row[1]]

    def record_name(self) -> str:
        """The record's name in the UI language."""
        r = self.record
        if r is None:
            return ""
        return pick(r.name_fa, r.name_en)

    # --- language ----------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        kinds = {
            PERSON: self.tr("Contact"),
            ORGANIZATION: self.tr("Organization"),
            COUNTRY: self.tr("Country"),
        }
        self.setWindowTitle(f"{kinds[self.kind]}: {self.record_name()}")
        self.heading.setText(self.record_name())
        self.archived_banner.setText(
            self.tr(
                "This record is archived: it is hidden from the lists and the search, and its "
                "history stays linked. Restore it to edit it or use it again."
            )
        )
        while self.details.rowCount():
            self.details.removeRow(0)
        # Every value stays next to its label, on the window's side; a left-to-right value
        # (English name, phone, e-mail, code) is isolated so its own order holds.
        side = Qt.AlignmentFlag.AlignRight if is_rtl() else Qt.AlignmentFlag.AlignLeft
        for label, value, ltr in self._detail_rows():
            field = QLabel(_beside_label(value, ltr=ltr), self)
            field.setWordWrap(True)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            field.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignTop)
            field.setProperty("ltr_value", ltr)
            self.details.addRow(QLabel(label, self), field)
        counts = self.history.counts()
        for i, (key, text) in enumerate(
            (
                ("visit", self.tr("Visits (%1)")),
                ("agreement", self.tr("Agreements (%1)")),
                ("event", self.tr("Events (%1)")),
                ("followup", self.tr("Follow-ups (%1)")),
            )
        ):
            self.tabs.setTabText(i, text.replace("%1", loc_digits(counts[key])))
        for table in self.tables.values():
            table.retranslate_ui()
        self.edit_button.setText(self.tr("Edit"))
        self.archive_button.setText(self.tr("Archive"))
        self.restore_button.setText(self.tr("Restore"))
        self.close_button.setText(self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        """Override: retranslate on language change."""
        if event.type() == QEvent.Type.LanguageChange and self.record is not None:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- actions -----------------------------------------------------------------------

    def open_entry(self, entry: HistoryEntry) -> QMessageBox | None:
        """Open a history entry in its module, or show a summary when it has none."""
        if entry.module and module_registered(entry.module):
            self.ctx.hub.openRecord.emit(entry.module, entry.id)
            return None
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Summary"), "", parent=self)
        when = show_date(entry.when) if entry.when else ""
        box.setText(
            "\n".join(x for x in (loc_text(entry.title), when, loc_text(entry.detail)) if x)
        )
        box.setModal(False)
        box.show()
        self.summary_boxes.append(box)
        return box

    def confirm_archive(self) -> bool:
        """Ask before archiving (tests replace this)."""
        if isinstance(self.record, OrganizationView):
            text = self.tr(
                "Move the organization «%1» to the archive? It is hidden from the lists and the "
                "search; its history stays linked and it can be restored from its page."
            )
        else:
            text = self.tr(
                "Move «%1» to the archive? They are hidden from the lists and the search; "
                "their history stays linked and they can be restored from their page."
            )
        return ask(self, self.tr("Archive"), text.replace("%1", self.record_name()))

    def archive(self) -> bool:
        """Archive this person or organization after a confirmation; the page stays open."""
        if self._archived() is not False or not self.confirm_archive():
            return False
        return self._set_archived(
            directory.archive_person,
            directory.archive_organization,
            self.tr("Moved to the archive."),
        )

    def restore(self) -> bool:
        """Bring this archived person or organization back into the lists and the search."""
        if self._archived() is not True:
            return False
        return self._set_archived(
            directory.restore_person,
            directory.restore_organization,
            self.tr("Restored from the archive."),
        )

    def _archived(self) -> bool | None:
        """Whether the saved person or organization shown is archived (None: no such record)."""
        r = self.record
        if not isinstance(r, PersonView | OrganizationView) or r.id is None:
            return None
        return r.archived

    def _set_archived(
        self,
        for_person: Callable[..., object],
        for_organization: Callable[..., object],
        status: str,
    ) -> bool:
        """Archive or restore the record shown through the service calls given."""
        r = self.record
        assert isinstance(r, PersonView | OrganizationView)
        try:
            if isinstance(r, PersonView):
                for_person(self.ctx.db, person_id=r.id, version=r.version or 0)
            else:
                for_organization(self.ctx.db, organization_id=r.id, version=r.version or 0)
        except KnownError as exc:  # stale copy, or an organization with active members
            show_error(self, exc)
            return False
        self._after_change(status)
        return True

    def _after_change(self, status: str) -> None:
        try:
            self.reload()
        except KnownError as exc:
            show_error(self, exc)
        self.ctx.hub.status.emit(status)
        self.changed.emit(self.kind)
