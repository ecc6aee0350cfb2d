"""The protocol checklist tab of the visit form: one row of done / not done / not needed per item."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QButtonGroup, QGridLayout, QLabel, QRadioButton, QWidget

from qazvin_diplomacy.core.visits import (
    ChecklistEntry,
    ChecklistItem,
    ChecklistState,
    complete_checklist,
)
from qazvin_diplomacy.ui.common import FieldError
from qazvin_diplomacy.ui.form_fields import label_of


class ChecklistTab(QWidget):
    """A radio button per (item, state); the ``"checklist"`` error under the grid."""

    STATES = (ChecklistState.DONE, ChecklistState.NOT_DONE, ChecklistState.NOT_NEEDED)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        self.groups: dict[ChecklistItem, QButtonGroup] = {}
        self.labels: dict[ChecklistItem, QLabel] = {}
        self.buttons: dict[tuple[ChecklistItem, ChecklistState], QRadioButton] = {}
        for row, key in enumerate(ChecklistItem):
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
        grid.setRowStretch(len(ChecklistItem), 1)
        grid.setColumnStretch(4, 1)
        self.error = FieldError(self)
        grid.addWidget(self.error, len(ChecklistItem) + 1, 0, 1, 4)

    def retranslate(self) -> None:
        """Item and state names in the UI language."""
        for key, label in self.labels.items():
            label.setText(label_of(key))
        for (_key, state), button in self.buttons.items():
            button.setText(label_of(state))

    def set_entries(self, entries: Iterable[ChecklistEntry]) -> None:
        """Tick the checklist states (items not listed: their default)."""
        for entry in complete_checklist(tuple(entries)):
            self.buttons[(entry.key, entry.state)].setChecked(True)

    def entries(self) -> tuple[ChecklistEntry, ...]:
        """The state ticked for each item (not done when none is)."""
        checklist = []
        for key in self.groups:
            state = next(
                (s for (k, s), b in self.buttons.items() if k == key and b.isChecked()),
                ChecklistState.NOT_DONE,
            )
            checklist.append(ChecklistEntry(key, state))
        return tuple(checklist)

    def raw_state(self) -> list[bool]:
        """Every button's tick, for the form's "modified?" snapshot."""
        return [b.isChecked() for b in self.buttons.values()]
