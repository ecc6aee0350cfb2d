"""The parties and signatories tabs of the agreement form, both picked from the directory.

Each signatory signs for one of the parties: the signatories tab offers the party rows of
the parties tab (``party_ids()``) and is refilled when they change.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core.agreements import PartyEntry, PartySide, SignatoryEntry
from qazvin_diplomacy.services import directory
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.ui.agreements.widgets import SearchPicker
from qazvin_diplomacy.ui.common import ID_ROLE, FieldError, refill_combo
from qazvin_diplomacy.ui.forms_common import RowTable
from qazvin_diplomacy.ui.i18n import QT_TRANSLATE_NOOP, current_language, is_rtl, loc_text
from qazvin_diplomacy.ui.visits.people import person_text

translate = QCoreApplication.translate


def _tr(text: str) -> str:
    """``text`` in the agreement form's translations."""
    return translate("AgreementForm", text)


class DirectoryNames:
    """Names of the organizations and people shown in the tabs, as read from the directory."""

    def __init__(self, db: DatabaseHandle) -> None:
        self.db = db
        self.orgs: dict[int, tuple[str, str, int | None]] = {}  # id → (fa, en, country)
        self.people: dict[int, tuple[str, str, str, str]] = {}  # id → names, titles

    def search_organizations(self, text: str) -> list[tuple[int, str]]:
        """Organizations matching ``text``, each with its country."""
        found = []
        for o in directory.list_organizations(self.db, text=text, limit=20):
            assert o.id is not None
            self.orgs[o.id] = (o.name_fa, o.name_en, o.country_id)
            country = o.country_name_fa if is_rtl() else o.country_name_en
            name = self.org_name(o.id)
            found.append((o.id, f"{name} ({country})" if country else name))
        return found

    def search_people(self, text: str) -> list[tuple[int, str]]:
        """People matching ``text``, each with title and organization."""
        found = []
        for p in directory.list_people(self.db, text=text, limit=20):
            assert p.id is not None
            self.people[p.id] = (p.name_fa, p.name_en, p.title_fa, p.title_en)
            org = p.organization_name_fa if is_rtl() else p.organization_name_en
            found.append((p.id, person_text(p.name_fa, p.name_en, p.title_fa, org)))
        return found

    def ensure_org(self, org_id: int) -> None:
        """Read the organization's names unless known."""
        if org_id not in self.orgs:
            view = directory.get_organization(self.db, org_id)
            self.orgs[org_id] = (view.name_fa, view.name_en, view.country_id)

    def ensure_person(self, person_id: int) -> tuple[str, str, str, str]:
        """The person's names and titles (read unless known)."""
        if person_id not in self.people:
            p = directory.get_person(self.db, person_id)
            self.people[person_id] = (p.name_fa, p.name_en, p.title_fa, p.title_en)
        return self.people[person_id]

    def org_name(self, org_id: int) -> str:
        """The organization's name in the UI language."""
        fa, en, _c = self.orgs.get(org_id, (str(org_id), "", None))
        return loc_text(fa or en) if is_rtl() else (en or fa)

    def person_name(self, person_id: int) -> str:
        """The person's name in the UI language."""
        fa, en, _tf, _te = self.people.get(person_id, (str(person_id), "", "", ""))
        return loc_text(fa or en) if is_rtl() else (en or fa)


def _fixed_item(text: str, record_id: int) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setData(ID_ROLE, record_id)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


class _PickedRows(QWidget):
    """A hint, a directory search with its buttons, the rows picked and the section's error.

    ``rows`` is the table; its column ``id_col`` holds each row's record id.  Subclasses
    make the widgets beside the search in ``_beside()`` (an ``add_button`` among them) and
    add a picked record's row in ``add_record(id)``.
    """

    PREFIX = ""
    HEADERS: tuple[str, ...] = ()
    FIELDS: tuple[str, ...] = ()
    id_col = 0

    def __init__(
        self,
        search: Callable[[str], list[tuple[int, str]]],
        widths: tuple[int, ...],
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.picker = SearchPicker(search, self)
        row = QHBoxLayout()
        row.addWidget(self.picker, 1)
        for widget in self._beside():
            row.addWidget(widget, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)
        self.rows = RowTable(self.HEADERS, widths, self)
        self.rows.add_button.hide()
        layout.addWidget(self.rows, 1)
        self.error = FieldError(self)
        layout.addWidget(self.error)
        self.picker.activated.connect(lambda record_id, _t: self.add_record(record_id))
        self.add_button.clicked.connect(self._add_picked)

    def _beside(self) -> list[QWidget]:
        self.add_button = QPushButton(self)
        return [self.add_button]

    def add_record(self, record_id: int) -> int:
        """Add a row for the record picked (subclasses)."""
        raise NotImplementedError

    def _add_picked(self) -> None:
        found = self.picker.current()
        if found is not None:
            self.picker.reset()
            self.add_record(found[0])

    def ids(self) -> list[int]:
        """The record ids of the rows, in order."""
        ids = []
        for row in range(self.rows.table.rowCount()):
            item = self.rows.table.item(row, self.id_col)
            if item is not None:
                ids.append(int(item.data(ID_ROLE)))
        return ids

    def raw_state(self) -> list[list[object]]:
        """The rows' raw content (the "modified?" snapshot); the name column as its record id,
        since its text follows the UI language."""
        rows = self.rows.raw_rows(with_ids=True)
        for row in rows:
            cell = row[self.id_col]
            row[self.id_col] = cell[0] if isinstance(cell, tuple) else cell
        return rows

    def clear(self) -> None:
        """No rows, no messages."""
        self.rows.table.setRowCount(0)
        self.rows.show_errors({}, "")

    def show_section_errors(self, errors: Mapping[str, str], row_word: str) -> None:
        """The section's message under it and the row messages under the table."""
        self.error.show_error(errors.get(self.PREFIX, ""))
        self.rows.show_row_errors(errors, self.PREFIX, self.FIELDS, row_word)

    def error_text(self, key: str) -> str:
        """The message shown for the section (``key`` is the prefix) or for its rows."""
        label = self.error if key == self.PREFIX else self.rows.errors
        return label.text() if not label.isHidden() else ""


class PartiesTab(_PickedRows):
    """The parties: organizations with their side, country and locality.

    ``changed()`` when a row is added or removed.
    """

    changed = Signal()

    HEADERS = (
        QT_TRANSLATE_NOOP("AgreementForm", "Side"),
        QT_TRANSLATE_NOOP("AgreementForm", "Organization"),
        QT_TRANSLATE_NOOP("AgreementForm", "Country"),
        QT_TRANSLATE_NOOP("AgreementForm", "Province / city (Persian)"),
        QT_TRANSLATE_NOOP("AgreementForm", "Province / city (English)"),
    )
    FIELDS = ("side", "organization_id", "country_id", "locality_fa", "locality_en")
    PREFIX = "parties"
    id_col = 1

    def __init__(self, names: DirectoryNames, parent: QWidget | None = None) -> None:
        super().__init__(names.search_organizations, (130, 260, 150, 160), parent)
        self.names = names
        self.countries = directory.list_countries(names.db)
        self.rows.remove_button.clicked.connect(self.changed.emit)

    def _beside(self) -> list[QWidget]:
        self.side = QComboBox(self)
        for side in PartySide:
            self.side.addItem("", side.value)
        self.add_button = QPushButton(self)
        return [self.side, self.add_button]

    def retranslate(self) -> None:
        """Texts and the rows' names in the UI language."""
        lang = current_language()
        self.hint.setText(
            translate(
                "AgreementForm",
                "Find an organization, choose the side and add it. The country comes from the "
                "organization unless you choose another.",
            )
        )
        self.picker.line.setPlaceholderText(
            translate("AgreementForm", "Type part of an organization's name")
        )
        for i in range(self.side.count()):
            self.side.setItemText(i, PartySide(self.side.itemData(i)).label(lang))
        self.add_button.setText(translate("AgreementForm", "Add party"))
        self.rows.retranslate(_tr)
        for row in range(self.rows.table.rowCount()):
            side = self.rows.combo(row, 0)
            for i in range(side.count()):
                side.setItemText(i, PartySide(side.itemData(i)).label(lang))
            country = self.rows.combo(row, 2)
            country.setItemText(0, translate("AgreementForm", "(organization's country)"))
            for i in range(1, country.count()):
                c = self.countries[i - 1]
                country.setItemText(i, c.name_fa if lang == "fa" else c.name_en)
            item = self.rows.table.item(row, 1)
            if item is not None:
                item.setText(self.names.org_name(int(item.data(ID_ROLE))))

    def add_party(
        self,
        organization_id: int,
        side: PartySide | None = None,
        country_id: int | None = None,
        locality_fa: str = "",
        locality_en: str = "",
    ) -> int:
        """Append a party row (the side defaults to the one chosen beside the search)."""
        if organization_id in self.ids():
            return -1
        self.names.ensure_org(organization_id)
        side = PartySide(side or self.side.currentData() or PartySide.IRANIAN.value)
        table = self.rows.table
        row = self.rows.add_row(["", "", "", locality_fa, locality_en])
        table.setItem(row, 1, _fixed_item(self.names.org_name(organization_id), organization_id))
        side_combo = QComboBox(table)
        for s in PartySide:
            side_combo.addItem(s.label(current_language()), s.value)
        side_combo.setCurrentIndex(side_combo.findData(side.value))
        table.setCellWidget(row, 0, side_combo)
        country = QComboBox(table)
        country.addItem(translate("AgreementForm", "(organization's country)"), None)
        for c in self.countries:
            country.addItem(c.name_fa if is_rtl() else c.name_en, c.id)
        if country_id is not None:
            country.setCurrentIndex(max(country.findData(country_id), 0))
        table.setCellWidget(row, 2, country)
        self.changed.emit()
        return row

    def add_record(self, record_id: int) -> int:
        """Add the organization picked, on the side chosen beside the search."""
        return self.add_party(record_id)

    def load(self, parties: tuple[PartyEntry, ...]) -> None:
        """Add a row per stored party (names as read with the agreement)."""
        for p in parties:
            name_fa = getattr(p, "organization_name_fa", "")
            if name_fa:
                name_en = getattr(p, "organization_name_en", "")
                self.names.orgs[p.organization_id] = (name_fa, name_en, None)
            self.add_party(
                p.organization_id, PartySide(p.side), p.country_id, p.locality_fa, p.locality_en
            )

    def entries(self) -> tuple[PartyEntry, ...]:
        """The rows as party entries."""
        parties = []
        for row in range(self.rows.table.rowCount()):
            item = self.rows.table.item(row, 1)
            if item is None:
                continue
            parties.append(
                PartyEntry(
                    organization_id=int(item.data(ID_ROLE)),
                    side=PartySide(self.rows.combo(row, 0).currentData()),
                    country_id=self.rows.combo(row, 2).currentData(),
                    locality_fa=self.rows.text(row, 3),
                    locality_en=self.rows.text(row, 4),
                )
            )
        return tuple(parties)


class SignatoriesTab(_PickedRows):
    """The signatories: people of the directory, the party each signs for and their titles.

    ``party_ids()`` gives the organizations of the parties tab, offered in the "Signs for"
    column.
    """

    HEADERS = (
        QT_TRANSLATE_NOOP("AgreementForm", "Signatory"),
        QT_TRANSLATE_NOOP("AgreementForm", "Signs for"),
        QT_TRANSLATE_NOOP("AgreementForm", "Position (Persian)"),
        QT_TRANSLATE_NOOP("AgreementForm", "Position (English)"),
    )
    FIELDS = ("person_id", "party_organization_id", "title_fa", "title_en")
    PREFIX = "signatories"

    def __init__(
        self,
        names: DirectoryNames,
        party_ids: Callable[[], list[int]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(names.search_people, (220, 220, 200), parent)
        self.names = names
        self.party_ids = party_ids

    def retranslate(self) -> None:
        """Texts and the rows' names in the UI language."""
        self.hint.setText(
            translate(
                "AgreementForm",
                "Each signatory must belong to one of the parties (or to a unit of one). "
                "Empty titles take the person's title from the directory.",
            )
        )
        self.picker.line.setPlaceholderText(
            translate("AgreementForm", "Type part of a name to search the directory")
        )
        self.add_button.setText(translate("AgreementForm", "Add signatory"))
        self.rows.retranslate(_tr)
        for row in range(self.rows.table.rowCount()):
            self._fill_party_combo(self.rows.combo(row, 1))
            item = self.rows.table.item(row, 0)
            if item is not None:
                item.setText(self.names.person_name(int(item.data(ID_ROLE))))

    def refresh_parties(self) -> None:
        """Offer the current parties in every row's "Signs for" column."""
        for row in range(self.rows.table.rowCount()):
            self._fill_party_combo(self.rows.combo(row, 1))

    def _fill_party_combo(self, combo: QComboBox, selected: int | None = None) -> None:
        refill_combo(
            combo,
            [
                (translate("AgreementForm", "(automatic)"), None),
                *((self.names.org_name(org_id), org_id) for org_id in self.party_ids()),
            ],
            selected if selected is not None else combo.currentData(),
        )

    def add_signatory(
        self,
        person_id: int,
        title_fa: str | None = None,
        title_en: str | None = None,
        party_organization_id: int | None = None,
    ) -> int:
        """Append a signatory row; titles default to the person's in the directory."""
        if person_id in self.ids():
            return -1
        _fa, _en, dir_fa, dir_en = self.names.ensure_person(person_id)
        table = self.rows.table
        row = self.rows.add_row(
            [
                "",
                "",
                dir_fa if title_fa is None else title_fa,
                dir_en if title_en is None else title_en,
            ]
        )
        table.setItem(row, 0, _fixed_item(self.names.person_name(person_id), person_id))
        english = table.item(row, 3)
        if english is not None:
            english.setTextAlignment(
                Qt.AlignmentFlag.AlignLeft
                | Qt.AlignmentFlag.AlignAbsolute
                | Qt.AlignmentFlag.AlignVCenter
            )
        combo = QComboBox(table)
        self._fill_party_combo(combo, party_organization_id)
        table.setCellWidget(row, 1, combo)
        return row

    def add_record(self, record_id: int) -> int:
        """Add the person picked, with the directory's titles."""
        return self.add_signatory(record_id)

    def load(self, signatories: tuple[SignatoryEntry, ...]) -> None:
        """Add a row per stored signatory (names as read with the agreement)."""
        for s in signatories:
            name_fa = getattr(s, "name_fa", "")
            if name_fa:
                self.names.people[s.person_id] = (name_fa, getattr(s, "name_en", ""), "", "")
            self.add_signatory(s.person_id, s.title_fa, s.title_en, s.party_organization_id)

    def entries(self) -> tuple[SignatoryEntry, ...]:
        """The rows as signatory entries."""
        signatories = []
        for row in range(self.rows.table.rowCount()):
            item = self.rows.table.item(row, 0)
            if item is None:
                continue
            signatories.append(
                SignatoryEntry(
                    person_id=int(item.data(ID_ROLE)),
                    title_fa=self.rows.text(row, 2),
                    title_en=self.rows.text(row, 3),
                    party_organization_id=self.rows.combo(row, 1).currentData(),
                )
            )
        return tuple(signatories)
