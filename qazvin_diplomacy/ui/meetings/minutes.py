"""The attendance and agenda tabs of the meeting form.

- :class:`AttendeesTab`: who was expected, picked from the directory (their body comes
  with them) or typed; present / absent / represented by whom; the standing members of the
  series added in one go; and the bodies invited.
- :class:`AgendaTable`: the agenda items in order (moved up and down), each with its
  presenter and the discussion notes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from qazvin_diplomacy.core.meetings import (
    AgendaItemInput,
    Attendance,
    AttendeeInput,
    MemberInput,
)
from qazvin_diplomacy.services import directory
from qazvin_diplomacy.ui.agreements.parties import DirectoryNames
from qazvin_diplomacy.ui.agreements.widgets import SearchPicker
from qazvin_diplomacy.ui.form_fields import fill_combo, relabel_combo
from qazvin_diplomacy.ui.forms_common import RowTable
from qazvin_diplomacy.ui.i18n import QT_TRANSLATE_NOOP
from qazvin_diplomacy.ui.meetings.pickers import BODIES, PickList

#: A name cell keeps (record id, the name shown) so a changed name counts as typed text.
LINK_ROLE = Qt.ItemDataRole.UserRole + 4


def _linked(table: RowTable, row: int, col: int) -> tuple[int | None, str]:
    """(record id, "") while the cell shows the picked record's name, else (None, text)."""
    item = table.table.item(row, col)
    text = table.text(row, col)
    link = item.data(LINK_ROLE) if item is not None else None
    if link and link[0] is not None and link[1] == text:
        return int(link[0]), ""
    return None, text


def _link(table: RowTable, row: int, col: int, record_id: int | None, name: str) -> None:
    item = table.table.item(row, col)
    item.setText(name)
    item.setData(LINK_ROLE, (record_id, name) if record_id is not None else None)


class AttendeesTable(RowTable):
    """Attendee rows: name, body, attendance (a combo), represented by, role."""

    HEADERS = (
        QT_TRANSLATE_NOOP("MeetingForm", "Name"),
        QT_TRANSLATE_NOOP("MeetingForm", "Body"),
        QT_TRANSLATE_NOOP("MeetingForm", "Attendance"),
        QT_TRANSLATE_NOOP("MeetingForm", "Represented by"),
        QT_TRANSLATE_NOOP("MeetingForm", "Role"),
    )
    FIELDS = ("name_text", "organization_id", "attendance", "represented_by_text", "role")
    PREFIX = "attendees"

    def __init__(self, names: DirectoryNames, parent: QWidget | None = None) -> None:
        super().__init__(self.HEADERS, (220, 220, 120, 180), parent)
        self.names = names
        self.add_button.clicked.connect(lambda: self.add_attendee())

    def retranslate(self, translate: Callable[[str], str]) -> None:
        """Headers, buttons, names and the attendance combos in the UI language."""
        super().retranslate(translate)
        for row in range(self.table.rowCount()):
            relabel_combo(self.combo(row, 2), Attendance)
            for col in (0, 1, 3):
                record_id, _text = _linked(self, row, col)
                if record_id is not None:
                    _link(self, row, col, record_id, self._name(record_id, col == 1))

    def _name(self, record_id: int, body: bool) -> str:
        if body:
            self.names.ensure_org(record_id)
            return self.names.org_name(record_id)
        self.names.ensure_person(record_id)
        return self.names.person_name(record_id)

    def add_attendee(self, a: AttendeeInput | None = None) -> int:
        """Append an attendee row (an empty one to type a name when ``a`` is None)."""
        a = a or AttendeeInput()
        row = self.add_row(["", "", "", "", a.role])
        for col, record_id, text, body in (
            (0, a.person_id, a.name_text, False),
            (1, a.organization_id, "", True),
            (3, a.represented_by_person_id, a.represented_by_text, False),
        ):
            name = self._name(record_id, body) if record_id is not None else text
            _link(self, row, col, record_id, name)
        combo = QComboBox(self.table)
        fill_combo(combo, Attendance, a.attendance)
        self.table.setCellWidget(row, 2, combo)
        return row

    def add_person(self, person_id: int) -> int:
        """Append a person of the directory, with the body they work for."""
        person = directory.get_person(self.names.db, person_id)
        return self.add_attendee(
            AttendeeInput(person_id=person_id, organization_id=person.organization_id)
        )

    def person_ids(self) -> set[int]:
        """The people of the directory already listed."""
        return {i for row in range(self.table.rowCount()) if (i := _linked(self, row, 0)[0])}

    def set_attendees(self, rows: tuple[AttendeeInput, ...]) -> None:
        """Show ``rows`` in place of the rows."""
        self.table.setRowCount(0)
        for a in rows:
            self.add_attendee(a)

    def attendees(self) -> tuple[AttendeeInput, ...]:
        """The rows as attendee inputs (empty rows dropped)."""
        out = []
        for row in range(self.table.rowCount()):
            person_id, name_text = _linked(self, row, 0)
            organization_id, _body_text = _linked(self, row, 1)
            by_person, by_text = _linked(self, row, 3)
            if person_id is None and not name_text and organization_id is None:
                continue
            out.append(
                AttendeeInput(
                    person_id=person_id,
                    name_text=name_text,
                    organization_id=organization_id,
                    attendance=str(self.combo(row, 2).currentData()),
                    represented_by_person_id=by_person,
                    represented_by_text=by_text,
                    role=self.text(row, 4),
                )
            )
        return tuple(out)


class AttendeesTab(QWidget):
    """Attendees with their attendance, the series' standing members, the invited bodies."""

    TEXTS = (
        QT_TRANSLATE_NOOP("MeetingForm", "Add row"),
        QT_TRANSLATE_NOOP("MeetingForm", "Remove row"),
        QT_TRANSLATE_NOOP("MeetingForm", "Remove"),
        QT_TRANSLATE_NOOP("MeetingForm", "Add an attendee: type part of a name from the directory"),
        QT_TRANSLATE_NOOP("MeetingForm", "Add the standing members"),
        QT_TRANSLATE_NOOP("MeetingForm", "Invited bodies"),
        QT_TRANSLATE_NOOP("MeetingForm", "Invite a body: type part of its name"),
    )

    def __init__(self, names: DirectoryNames, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.standing: Callable[[], tuple[MemberInput, ...]] = lambda: ()
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.picker = SearchPicker(names.search_people, self, rows=4)
        self.standing_button = QPushButton(self)
        self.standing_button.setAutoDefault(False)
        row.addWidget(self.picker, 1)
        row.addWidget(self.standing_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)
        self.table = AttendeesTable(names, self)
        layout.addWidget(self.table, 1)
        self.invited_label = QLabel(self)
        layout.addWidget(self.invited_label)
        self.invited = PickList(names, BODIES, self, rows=3)
        layout.addWidget(self.invited)
        self.picker.activated.connect(lambda person_id, _t: self.add_person(person_id))
        self.standing_button.clicked.connect(self.add_standing_members)

    def retranslate(self, translate: Callable[[str], str]) -> None:
        """Texts in the UI language (the meeting form's ``translate``)."""
        self.picker.line.setPlaceholderText(
            translate("Add an attendee: type part of a name from the directory")
        )
        self.standing_button.setText(translate("Add the standing members"))
        self.table.retranslate(translate)
        self.invited_label.setText(translate("Invited bodies"))
        self.invited.picker.line.setPlaceholderText(
            translate("Invite a body: type part of its name")
        )
        self.invited.remove_button.setText(translate("Remove"))
        self.invited.relabel()

    def add_person(self, person_id: int) -> int:
        """Add a person of the directory unless listed already (-1 then)."""
        if person_id in self.table.person_ids():
            return -1
        return self.table.add_person(person_id)

    def add_standing_members(self) -> int:
        """Add the series' standing members not listed yet (people as attendees, bodies as
        invited bodies); returns how many were added."""
        added = 0
        for member in self.standing():
            if member.person_id is not None:
                added += self.add_person(member.person_id) >= 0
            elif member.organization_id is not None:
                added += self.invited.add(member.organization_id)
        return added

    def raw_state(self) -> list[object]:
        """The rows and the invited bodies (the "modified?" snapshot)."""
        return [self.table.attendees(), self.invited.ids()]


class AgendaTable(RowTable):
    """Agenda items in order: title, presenter, discussion notes; Up/Down move the selected one."""

    HEADERS = (
        QT_TRANSLATE_NOOP("MeetingForm", "Agenda item"),
        QT_TRANSLATE_NOOP("MeetingForm", "Presenter"),
        QT_TRANSLATE_NOOP("MeetingForm", "Discussion notes"),
    )
    FIELDS = ("title", "presenter_text", "notes")
    PREFIX = "agenda"
    TEXTS = (QT_TRANSLATE_NOOP("MeetingForm", "Up"), QT_TRANSLATE_NOOP("MeetingForm", "Down"))

    def __init__(self, names: DirectoryNames, parent: QWidget | None = None) -> None:
        super().__init__(self.HEADERS, (300, 200), parent)
        self.names = names
        self.up_button = QPushButton(self)
        self.down_button = QPushButton(self)
        row = self.layout().itemAt(1).layout()  # RowTable's buttons: add, remove, stretch
        row.insertWidget(2, self.up_button)
        row.insertWidget(3, self.down_button)
        self.table.setWordWrap(True)
        self.add_button.clicked.connect(lambda: self.add_item())
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))

    def retranslate(self, translate: Callable[[str], str]) -> None:
        """Headers and buttons in the UI language."""
        super().retranslate(translate)
        self.up_button.setText(translate("Up"))
        self.down_button.setText(translate("Down"))

    def add_item(self, item: AgendaItemInput | None = None) -> int:
        """Append an agenda item (an empty one when ``item`` is None)."""
        item = item or AgendaItemInput(title="")
        presenter = item.presenter_text
        if item.presenter_person_id is not None:
            self.names.ensure_person(item.presenter_person_id)
            presenter = self.names.person_name(item.presenter_person_id)
        row = self.add_row([item.title, "", item.notes], item.id)
        _link(self, row, 1, item.presenter_person_id, presenter)
        return row

    def set_items(self, items: tuple[AgendaItemInput, ...]) -> None:
        """Show ``items`` in place of the rows."""
        self.table.setRowCount(0)
        for item in items:
            self.add_item(item)

    def items(self) -> tuple[AgendaItemInput, ...]:
        """The rows as agenda items, in order (rows without a title dropped)."""
        out = []
        for row in range(self.table.rowCount()):
            title = self.text(row, 0)
            person_id, presenter = _linked(self, row, 1)
            if not title and not presenter and not self.text(row, 2):
                continue
            out.append(
                AgendaItemInput(
                    title=title,
                    presenter_person_id=person_id,
                    presenter_text=presenter,
                    notes=self.text(row, 2),
                    id=self.record(row)[0],
                )
            )
        return tuple(out)

    def move_current(self, step: int) -> bool:
        """Move the selected item up (-1) or down (1); False at an end."""
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return False
        taken = [self.table.takeItem(row, c) for c in range(self.table.columnCount())]
        other = [self.table.takeItem(target, c) for c in range(self.table.columnCount())]
        for c in range(self.table.columnCount()):
            self.table.setItem(target, c, taken[c])
            self.table.setItem(row, c, other[c])
        self.table.setCurrentCell(target, self.table.currentColumn())
        return True


def item_titles(items: tuple[AgendaItemInput, ...]) -> list[tuple[int | None, str]]:
    """(id, «1. title») of agenda items, for choosing the item a resolution came from."""
    return [(i.id, f"{n}. {i.title}") for n, i in enumerate(items, start=1)]
