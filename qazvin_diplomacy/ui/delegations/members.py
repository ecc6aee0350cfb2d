"""The delegation form's members tab and programme tab (row tables).

A member row is a directory person (picked with the directory search), a company or
university of the markets module (picked from the list), or a name typed in a new row;
its kind and role are combos.  The programme is an ordered list of days (Jalali), times,
places and activities.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QWidget,
)

from qazvin_diplomacy.core.delegations import (
    DelegationMember,
    MemberKind,
    MemberRole,
    ProgrammeItem,
)
from qazvin_diplomacy.core.markets import CompanyKind
from qazvin_diplomacy.services import markets as markets_service
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.ui.common import refill_combo
from qazvin_diplomacy.ui.form_fields import fill_combo
from qazvin_diplomacy.ui.forms_common import RowTable
from qazvin_diplomacy.ui.i18n import QT_TRANSLATE_NOOP, current_language, is_rtl
from qazvin_diplomacy.ui.visits.people import PeopleEditor
from qazvin_diplomacy.ui.widgets.jalali import show_date

#: Item data of a member row's name cell: ("person" | "company", id) or None (typed).
LINK_ROLE = Qt.ItemDataRole.UserRole + 7
_ACADEMIC = {CompanyKind.UNIVERSITY.value, CompanyKind.SCIENCE_PARK.value}
#: Texts of the members tab, translated by the form (its ``tr``).
ADD_TYPED = QT_TRANSLATE_NOOP("DelegationDialog", "Add a typed name")
ADD_COMPANY = QT_TRANSLATE_NOOP("DelegationDialog", "Add company or university")
FIND_PERSON = QT_TRANSLATE_NOOP("DelegationDialog", "Add a person from the directory…")


class MembersTable(RowTable):
    """Kind, role and name of each member; linked names are read-only."""

    FIELDS = ("kind", "role", "name")
    PREFIX = "members"
    HEADERS = (
        QT_TRANSLATE_NOOP("DelegationDialog", "Kind"),
        QT_TRANSLATE_NOOP("DelegationDialog", "Role"),
        QT_TRANSLATE_NOOP("DelegationDialog", "Name"),
    )

    def __init__(self, db: DatabaseHandle, parent: QWidget | None = None) -> None:
        super().__init__(self.HEADERS, (150, 150, 300), parent)
        self.db = db
        pickers = QHBoxLayout()
        self.people = PeopleEditor(db, self)
        self.people.chosen.hide()  # a picked person becomes a row of the table
        self.people.remove_button.hide()
        self.people.changed.connect(self._take_people)
        self.company = QComboBox(self)
        self.add_company_button = QPushButton(self)
        pickers.addWidget(self.people, 2)
        pickers.addWidget(self.company, 2)
        pickers.addWidget(self.add_company_button)
        self.layout().insertLayout(0, pickers)  # type: ignore[union-attr]
        self.add_button.clicked.connect(lambda: self.add_member(DelegationMember(kind="other")))
        self.add_company_button.clicked.connect(self.add_chosen_company)
        self._kinds: dict[int, str] = {}
        self.fill_companies()

    def fill_companies(self) -> None:
        """The companies and universities of the markets module, by name."""
        rtl = is_rtl()
        companies = markets_service.list_companies(self.db, limit=20_000)
        self._kinds = {c.id or 0: c.kind for c in companies}
        refill_combo(
            self.company,
            [
                ("—", None),
                *((c.name_fa if rtl else (c.name_en or c.name_fa), c.id) for c in companies),
            ],
        )

    def retranslate_ui(self, translate) -> None:
        """Headers, buttons and combo labels in the current language."""
        self.retranslate(translate)
        self.add_button.setText(translate(ADD_TYPED))
        self.add_company_button.setText(translate(ADD_COMPANY))
        self.people.search.setPlaceholderText(translate(FIND_PERSON))
        lang = current_language()
        for row in range(self.table.rowCount()):
            for col, enum in ((0, MemberKind), (1, MemberRole)):
                combo = self.combo(row, col)
                for i in range(combo.count()):
                    combo.setItemText(i, enum(combo.itemData(i)).label(lang))

    def _take_people(self) -> None:
        for person_id, name_fa, name_en in self.people.people():
            self.add_member(
                DelegationMember(
                    kind="official", person_id=person_id, name_fa=name_fa, name_en=name_en
                )
            )
        self.people.chosen.clear()

    def add_chosen_company(self) -> None:
        """Add the company chosen in the list (a university as an academic member)."""
        company_id = self.company.currentData()
        if company_id is None:
            return
        academic = self._kinds.get(company_id) in _ACADEMIC
        self.add_member(
            DelegationMember(
                kind="university" if academic else "company",
                role="academic" if academic else "trader",
                company_id=company_id,
                name_fa=self.company.currentText(),
            )
        )

    def add_member(self, m: DelegationMember) -> int:
        """Append a member row."""
        row = self.add_row(["", "", m.display_name(current_language())])
        for col, enum, value in ((0, MemberKind, m.kind), (1, MemberRole, m.role)):
            combo = QComboBox(self.table)
            fill_combo(combo, list(enum), value)
            self.table.setCellWidget(row, col, combo)
        item = self.table.item(row, 2)
        assert item is not None
        if m.person_id is not None or m.company_id is not None:
            link = ("person", m.person_id) if m.person_id is not None else ("company", m.company_id)
            item.setData(LINK_ROLE, link)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        return row

    def set_members(self, members: tuple[DelegationMember, ...]) -> None:
        """Show ``members`` (replacing the rows)."""
        self.table.setRowCount(0)
        for m in members:
            self.add_member(m)

    def members(self) -> tuple[DelegationMember, ...]:
        """The rows as members (empty typed rows are left out)."""
        out = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 2)
            link = item.data(LINK_ROLE) if item is not None else None
            kind = str(self.combo(row, 0).currentData())
            role = str(self.combo(row, 1).currentData())
            if link is None:
                name = self.text(row, 2)
                if name:
                    out.append(DelegationMember(kind=kind, role=role, name_text=name))
            elif link[0] == "person":
                out.append(DelegationMember(kind=kind, role=role, person_id=int(link[1])))
            else:
                out.append(DelegationMember(kind=kind, role=role, company_id=int(link[1])))
        return tuple(out)


class ProgrammeTable(RowTable):
    """Day (Jalali), time, place, activity and notes of each programme item, in order."""

    FIELDS = ("day", "time_text", "place", "activity", "notes")
    PREFIX = "programme"
    HEADERS = (
        QT_TRANSLATE_NOOP("DelegationDialog", "Day"),
        QT_TRANSLATE_NOOP("DelegationDialog", "Time"),
        QT_TRANSLATE_NOOP("DelegationDialog", "Place"),
        QT_TRANSLATE_NOOP("DelegationDialog", "Activity"),
        QT_TRANSLATE_NOOP("DelegationDialog", "Notes"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.HEADERS, (110, 70, 180, 260, 120), parent)
        self.add_button.clicked.connect(lambda: self.add_row(["", "", "", "", ""]))

    def set_items(self, items: tuple[ProgrammeItem, ...]) -> None:
        """Show ``items`` (replacing the rows)."""
        self.table.setRowCount(0)
        for p in items:
            day = show_date(p.day) if p.day else ""
            self.add_row([day, p.time_text, p.place, p.activity, p.notes])

    def items(self, errors: dict[str, str]) -> tuple[ProgrammeItem, ...]:
        """The rows as programme items; an unreadable day goes into ``errors``."""
        out = []
        for row in range(self.table.rowCount()):
            texts = [self.text(row, c) for c in range(5)]
            if not any(texts):
                continue
            day = self.optional_date(row, "day", errors)
            out.append(ProgrammeItem(day, *texts[1:]))
        return tuple(out)
