"""The protocol checklist tab of the visit form: per item its state, who sees to it and by when."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from qazvin_diplomacy.core.clock import today_local
from qazvin_diplomacy.core.visits import (
    ChecklistEntry,
    ChecklistItem,
    ChecklistState,
    complete_checklist,
)
from qazvin_diplomacy.ui.common import FieldError
from qazvin_diplomacy.ui.form_fields import follow_text_direction, label_of
from qazvin_diplomacy.ui.forms_common import date_cell_text, read_optional_date
from qazvin_diplomacy.ui.i18n import QT_TRANSLATE_NOOP

PREFIX = "checklist"

#: Column titles and hints, in the visit form's context.
TEXTS = (
    QT_TRANSLATE_NOOP("VisitForm", "Owner"),
    QT_TRANSLATE_NOOP("VisitForm", "Deadline"),
    QT_TRANSLATE_NOOP("VisitForm", "A person of the visit, or type a name"),
    QT_TRANSLATE_NOOP("VisitForm", "e.g. %1"),  # %1: today's date, never a past year
)


class ChecklistTab(QWidget):
    """A radio button per (item, state), then the item's owner and deadline.

    The owner is an editable combo: one of the visit's people (``people()``: (id, name)
    pairs) or a name typed freely.  Errors go under the grid: ``"checklist"`` and the
    deadline of an item, ``"checklist.<item>.deadline"``.
    """

    STATES = (ChecklistState.DONE, ChecklistState.NOT_DONE, ChecklistState.NOT_NEEDED)

    def __init__(
        self,
        people: Callable[[], list[tuple[int, str]]] = list,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.people = people
        grid = QGridLayout(self)
        self.groups: dict[ChecklistItem, QButtonGroup] = {}
        self.labels: dict[ChecklistItem, QLabel] = {}
        self.buttons: dict[tuple[ChecklistItem, ChecklistState], QRadioButton] = {}
        self.owners: dict[ChecklistItem, QComboBox] = {}
        self.deadlines: dict[ChecklistItem, QLineEdit] = {}
        self.notes: dict[ChecklistItem, str] = {}
        self.owner_title = QLabel(self)
        self.deadline_title = QLabel(self)
        # the titles start where their boxes start (right in a right-to-left window)
        grid.addWidget(self.owner_title, 0, 4, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.deadline_title, 0, 5, Qt.AlignmentFlag.AlignLeft)
        for row, key in enumerate(ChecklistItem, start=1):
            label = QLabel(self)
            grid.addWidget(label, row, 0)
            self.labels[key] = label
            group = QButtonGroup(self)
            for col, state in enumerate(self.STATES, start=1):
                button = QRadioButton(self)
                group.addButton(button, col)
                grid.addWidget(button, row, col)
                self.buttons[(key, state)] = button
            self.groups[key] = group
            owner = QComboBox(self)
            owner.setEditable(True)
            owner.setMinimumWidth(180)
            grid.addWidget(owner, row, 4)
            self.owners[key] = owner
            deadline = QLineEdit(self)
            deadline.setMaximumWidth(120)
            deadline.textChanged.connect(lambda text, d=deadline: follow_text_direction(d, text))
            grid.addWidget(deadline, row, 5)
            self.deadlines[key] = deadline
        last = len(ChecklistItem) + 1
        grid.setRowStretch(last, 1)
        grid.setColumnStretch(4, 1)
        self.error = FieldError(self)
        grid.addWidget(self.error, last + 1, 0, 1, 6)

    def retranslate(self, translate: Callable[[str], str] = lambda t: t) -> None:
        """Item and state names and the column titles in the UI language."""
        for key, label in self.labels.items():
            label.setText(label_of(key))
        for (_key, state), button in self.buttons.items():
            button.setText(label_of(state))
        self.owner_title.setText(translate(TEXTS[0]))
        self.deadline_title.setText(translate(TEXTS[1]))
        for key in ChecklistItem:
            self.owners[key].lineEdit().setPlaceholderText(translate(TEXTS[2]))
            self.deadlines[key].setPlaceholderText(
                translate(TEXTS[3]).replace("%1", date_cell_text(today_local()))
            )

    def refresh_people(self) -> None:
        """Offer the visit's current people as owners (a typed or chosen owner is kept)."""
        choices = self.people()
        for combo in self.owners.values():
            person, text = combo.currentData(), combo.currentText()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem("", None)
            for pid, name in choices:
                combo.addItem(name, pid)
            index = combo.findData(person) if person is not None else -1
            if index < 0 and person is not None:
                combo.addItem(text, person)  # a person no longer among the visit's
                index = combo.count() - 1
            combo.setCurrentIndex(max(index, 0))
            if index < 0:
                combo.setEditText(text)
            combo.blockSignals(False)

    def set_entries(self, entries: Iterable[ChecklistEntry]) -> None:
        """Show the checklist (items not listed: their default; owners among ``people()``)."""
        self.refresh_people()
        for entry in complete_checklist(tuple(entries)):
            self.buttons[(entry.key, entry.state)].setChecked(True)
            self.notes[entry.key] = entry.note
            combo = self.owners[entry.key]
            pid = entry.owner_person_id
            index = combo.findData(pid) if pid is not None else -1
            if pid is not None and index < 0:
                combo.addItem(str(pid), pid)  # not among people(): shown by its id
                index = combo.count() - 1
            if index >= 0:
                combo.setCurrentIndex(index)
            else:
                combo.setCurrentIndex(0)
                combo.setEditText(entry.owner_text)
            self.deadlines[entry.key].setText(date_cell_text(entry.deadline))

    def _owner(self, key: ChecklistItem) -> tuple[int | None, str]:
        combo = self.owners[key]
        text = combo.currentText().strip()
        pid = combo.currentData()
        if pid is not None and text == combo.itemText(combo.currentIndex()):
            return pid, ""
        return None, text

    def entries(self, errors: dict[str, str] | None = None) -> tuple[ChecklistEntry, ...]:
        """The state ticked for each item (not done when none is), its owner and deadline;
        an unreadable deadline goes into ``errors``."""
        errors = {} if errors is None else errors
        checklist = []
        for key in self.groups:
            state = next(
                (s for (k, s), b in self.buttons.items() if k == key and b.isChecked()),
                ChecklistState.NOT_DONE,
            )
            pid, text = self._owner(key)
            deadline = read_optional_date(
                self.deadlines[key].text(), f"{PREFIX}.{key.value}.deadline", errors
            )
            entry = ChecklistEntry(key, state, self.notes.get(key, ""))
            checklist.append(
                replace(entry, owner_text=text, owner_person_id=pid, deadline=deadline)
            )
        return tuple(checklist)

    def show_errors(self, errors: Mapping[str, str]) -> None:
        """The checklist's errors under the grid (a deadline's after its item's name)."""
        lines = []
        for name, message in errors.items():
            parts = name.split(".")
            if parts[0] != PREFIX:
                continue
            if len(parts) > 1 and parts[1] in ChecklistItem._value2member_map_:
                message = f"{label_of(ChecklistItem(parts[1]))}: {message}"
            lines.append(message)
        self.error.show_error("\n".join(lines))

    def raw_state(self) -> list[object]:
        """Every tick, owner and deadline, for the form's "modified?" snapshot."""
        return [b.isChecked() for b in self.buttons.values()] + [
            (self.owners[k].currentData(), self.owners[k].currentText(), self.deadlines[k].text())
            for k in ChecklistItem
        ]
