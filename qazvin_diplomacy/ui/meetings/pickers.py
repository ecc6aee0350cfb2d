"""Directory pickers of the meetings forms: one person or body (typed, or picked from the
directory), and a list of bodies.

:class:`PickField` is a line: type a name; matches from the directory are listed under it and
one picked stays linked (its id) until the text is changed, when what is typed counts as a
plain name (a chair who is not in the directory).  :class:`PickList` holds several picked
records (co-responsible bodies, invited bodies) with a Remove button.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.ui.agreements.parties import DirectoryNames
from qazvin_diplomacy.ui.agreements.widgets import SearchFn, SearchPicker
from qazvin_diplomacy.ui.common import ID_ROLE
from qazvin_diplomacy.ui.i18n import direction_mark

PEOPLE, BODIES = "people", "bodies"


def search_of(names: DirectoryNames, kind: str) -> SearchFn:
    """The directory search of ``kind`` (people or bodies)."""
    return names.search_people if kind == PEOPLE else names.search_organizations


def picked_list(owner: QWidget, layout: QBoxLayout, height: int) -> tuple[QListWidget, QPushButton]:
    """What was picked, ``height`` pixels high, with its Remove button beside it, added to
    ``layout``; a long entry is cut with "…" (the whole of it in its tooltip), not scrolled."""
    row = QHBoxLayout()
    listed = QListWidget(owner)
    listed.setMaximumHeight(height)
    listed.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    listed.setTextElideMode(Qt.TextElideMode.ElideRight)
    remove = QPushButton(owner)
    remove.setAutoDefault(False)
    row.addWidget(listed, 1)
    row.addWidget(remove, 0, Qt.AlignmentFlag.AlignTop)
    layout.addLayout(row)
    return listed, remove


class PickField(SearchPicker):
    """One person or body: picked from the directory (an id) or typed (a name only)."""

    changed = Signal()

    def __init__(
        self, names: DirectoryNames, kind: str, parent: QWidget | None = None, *, rows: int = 4
    ) -> None:
        super().__init__(search_of(names, kind), parent, rows=rows)
        self.names = names
        self.kind = kind
        self.record_id: int | None = None
        self._picked_text = ""
        self.activated.connect(self._picked)
        self.line.textChanged.connect(lambda _t: self.changed.emit())

    def activate_current(self) -> None:
        """Override: keep the picked name in the line (the base class empties it)."""
        found = self.current()
        if found is None:
            return
        self.results.clear()
        self.results.hide()
        self.activated.emit(*found)

    def _picked(self, record_id: int, _text: str) -> None:
        self.set_value(record_id, "")

    def name_of(self, record_id: int) -> str:
        """The directory name of ``record_id`` in the UI language."""
        if self.kind == PEOPLE:
            self.names.ensure_person(record_id)
            return self.names.person_name(record_id)
        self.names.ensure_org(record_id)
        return self.names.org_name(record_id)

    def set_value(self, record_id: int | None, text: str) -> None:
        """Show the record ``record_id`` (its name), else the typed ``text``."""
        self.record_id = record_id
        shown = self.name_of(record_id) if record_id is not None else text
        self._picked_text = shown if record_id is not None else ""
        self.line.blockSignals(True)
        self.line.setText(shown)
        self.line.blockSignals(False)
        self.changed.emit()

    def value(self) -> tuple[int | None, str]:
        """(the record picked, "") while its name is shown, else (None, the text typed)."""
        text = self.line.text().strip()
        if self.record_id is not None and text == self._picked_text:
            return self.record_id, ""
        return None, text

    def raw(self) -> tuple[int | None, str]:
        """The value for the "modified?" snapshot."""
        return self.value()

    def relabel(self) -> None:
        """Show a picked record's name in the UI language."""
        if self.record_id is not None and self.value()[0] is not None:
            self.set_value(self.record_id, "")


class PickList(QWidget):
    """Several records picked from the directory, in order; Remove takes the selected one out."""

    changed = Signal()

    def __init__(
        self, names: DirectoryNames, kind: str, parent: QWidget | None = None, *, rows: int = 4
    ) -> None:
        super().__init__(parent)
        self.names = names
        self.kind = kind
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.picker = SearchPicker(search_of(names, kind), self, rows=4)
        layout.addWidget(self.picker)
        self.list, self.remove_button = picked_list(self, layout, 24 * rows)
        self.picker.activated.connect(lambda record_id, _t: self.add(record_id))
        self.remove_button.clicked.connect(self.remove_current)
        self.setFocusProxy(self.picker)

    def _name(self, record_id: int) -> str:
        if self.kind == PEOPLE:
            self.names.ensure_person(record_id)
            return self.names.person_name(record_id)
        self.names.ensure_org(record_id)
        return self.names.org_name(record_id)

    def add(self, record_id: int) -> bool:
        """Add ``record_id`` unless it is listed already."""
        if record_id in self.ids():
            return False
        item = QListWidgetItem(direction_mark() + self._name(record_id))
        item.setToolTip(self._name(record_id))
        item.setData(ID_ROLE, record_id)
        self.list.addItem(item)
        self.changed.emit()
        return True

    def remove_current(self) -> None:
        """Take the selected record out."""
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self.changed.emit()

    def set_ids(self, ids: tuple[int, ...]) -> None:
        """Show ``ids`` in place of the records listed."""
        self.list.clear()
        for record_id in ids:
            self.add(record_id)

    def ids(self) -> tuple[int, ...]:
        """The records listed, in order."""
        return tuple(int(self.list.item(i).data(ID_ROLE)) for i in range(self.list.count()))

    def relabel(self) -> None:
        """Names and the button in the UI language."""
        self.remove_button.setText(QCoreApplication.translate("MeetingForm", "Remove"))
        self.set_ids(self.ids())
