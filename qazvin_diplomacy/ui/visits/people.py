"""Choosing people from the directory for a visit (guests, host officials), and adding a contact."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core.directory import PersonInput, PersonView
from qazvin_diplomacy.core.errors import KnownError, ValidationError
from qazvin_diplomacy.core.visits import GuestEntry, GuestRole, PersonRef, default_guest_role
from qazvin_diplomacy.services import directory
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.ui.common import ID_ROLE, FieldError, make_ltr, mark_field, show_error
from qazvin_diplomacy.ui.i18n import QT_TRANSLATE_NOOP, Retranslating, current_language, is_rtl

ROLE_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.UserRole + 2
TITLE_ROLE = Qt.ItemDataRole.UserRole + 3


def person_text(name_fa: str, name_en: str, title_fa: str = "", org: str = "") -> str:
    """How a person is listed: name, then title and organization."""
    name = (name_en or name_fa) if not is_rtl() else (name_fa or name_en)
    extra = (
        "، ".join(x for x in (title_fa, org) if x)
        if is_rtl()
        else ", ".join(x for x in (title_fa, org) if x)
    )
    return f"{name} ({extra})" if extra else name


def list_person_matches(
    results: QListWidget, db: DatabaseHandle, text: str, shown: Callable[[str], str] = str
) -> None:
    """Put the directory's people matching ``text`` (searched in SQL) in ``results``, the first current.

    Each item keeps the id under ``ID_ROLE``, (name_fa, name_en) under ``NAME_ROLE`` and
    (title_fa, title_en) under ``TITLE_ROLE``; ``shown`` makes its text.  Blank text lists none.
    """
    results.clear()
    if not text.strip():
        return
    for p in directory.list_people(db, text=text, limit=20):
        item = QListWidgetItem(
            shown(person_text(p.name_fa, p.name_en, p.title_fa, p.organization_name_fa))
        )
        item.setData(ID_ROLE, p.id)
        item.setData(NAME_ROLE, (p.name_fa, p.name_en))
        item.setData(TITLE_ROLE, (p.title_fa, p.title_en))
        results.addItem(item)
    if results.count():
        results.setCurrentRow(0)


class NewContactDialog(Retranslating, QDialog):
    """A short form adding a contact to the directory; ``person`` is set once saved."""

    LABELS = (
        ("name_fa", QT_TRANSLATE_NOOP("NewContactDialog", "Name (Persian)")),
        ("name_en", QT_TRANSLATE_NOOP("NewContactDialog", "Name (English)")),
        ("title_fa", QT_TRANSLATE_NOOP("NewContactDialog", "Title / position")),
        ("country_id", QT_TRANSLATE_NOOP("NewContactDialog", "Country")),
        ("email", QT_TRANSLATE_NOOP("NewContactDialog", "E-mail")),
        ("phone", QT_TRANSLATE_NOOP("NewContactDialog", "Phone")),
    )

    def __init__(self, db: DatabaseHandle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.person: PersonView | None = None
        self.setMinimumWidth(420)
        form = QFormLayout(self)
        self.name_fa = QLineEdit(self)
        self.name_en = make_ltr(QLineEdit(self))
        self.title_fa = QLineEdit(self)
        self.country = QComboBox(self)
        self.country.addItem("—", None)
        for c in directory.list_countries(db):
            self.country.addItem(c.name_fa if is_rtl() else c.name_en, c.id)
        self.email = make_ltr(QLineEdit(self))
        self.phone = make_ltr(QLineEdit(self))
        self.fields: dict[str, QWidget] = {
            "name_fa": self.name_fa,
            "name_en": self.name_en,
            "title_fa": self.title_fa,
            "country_id": self.country,
            "email": self.email,
            "phone": self.phone,
        }
        self.errors: dict[str, FieldError] = {}
        self.labels: dict[str, QLabel] = {}
        for key, _text in self.LABELS:
            box = QVBoxLayout()
            box.setSpacing(1)
            box.addWidget(self.fields[key])
            self.errors[key] = FieldError(self)
            box.addWidget(self.errors[key])
            self.labels[key] = QLabel(self)
            form.addRow(self.labels[key], box)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.setWindowTitle(self.tr("New contact"))
        for key, text in self.LABELS:
            self.labels[key].setText(self.tr(text))

    def save(self) -> None:
        """Save through the directory service; errors are shown next to their fields."""
        for key, label in self.errors.items():
            label.show_error("")
            mark_field(self.fields[key], False)
        person = PersonInput(
            name_fa=self.name_fa.text(),
            name_en=self.name_en.text(),
            title_fa=self.title_fa.text(),
            country_id=self.country.currentData(),
            email=self.email.text(),
            phone=self.phone.text(),
        )
        try:
            self.person = directory.save_person(self.db, person=person)
        except ValidationError as exc:
            for key, message in exc.errors.items():
                label = self.errors.get(key)
                if label is not None:
                    label.show_error(message)
                    mark_field(self.fields[key], True)
            return
        except KnownError as exc:
            show_error(self, exc)
            return
        self.accept()


class PeopleEditor(Retranslating, QWidget):
    """Search the directory, add people to a list, remove them; optionally with guest roles.

    The matches float in a popup under the search box (the form does not move): Down/Up
    walk through them, Enter or a single click picks one, Esc closes them.  A guest is
    added with the role their title suggests (an ambassador heads the delegation); the role
    combo changes the role of the guest selected in the list.
    """

    changed = Signal()

    def __init__(
        self,
        db: DatabaseHandle,
        parent: QWidget | None = None,
        *,
        with_roles: bool = False,
        allow_new: bool = False,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.with_roles = with_roles
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.add_button = QPushButton(self)
        self.new_button = QPushButton(self)
        self.new_button.setVisible(allow_new)
        row.addWidget(self.search, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.new_button)
        layout.addLayout(row)
        # A floating list (it takes no focus: typing goes on in the search box).
        self.results = QListWidget(self)
        self.results.setWindowFlags(Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint)
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results.hide()
        chosen_row = QHBoxLayout()
        self.chosen = QListWidget(self)
        self.chosen.setMaximumHeight(80)
        side = QVBoxLayout()
        self.role = QComboBox(self)  # the role of the guest selected in the list
        self.role.setVisible(with_roles)
        self.role.setEnabled(False)
        self.remove_button = QPushButton(self)
        side.addWidget(self.role)
        side.addWidget(self.remove_button)
        side.addStretch()
        chosen_row.addWidget(self.chosen, 1)
        chosen_row.addLayout(side)
        layout.addLayout(chosen_row)
        self.search.textEdited.connect(self.find)
        self.search.returnPressed.connect(self.add_selected)
        self.search.installEventFilter(self)
        self.results.itemClicked.connect(self._clicked)
        self.add_button.clicked.connect(self.add_selected)
        self.new_button.clicked.connect(self.new_contact)
        self.remove_button.clicked.connect(self.remove_selected)
        self.chosen.currentRowChanged.connect(self._show_role)
        self.role.activated.connect(lambda _i: self.set_role_of_selected())
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.search.setPlaceholderText(self.tr("Type part of a name to search the directory"))
        self.add_button.setText(self.tr("Add"))
        self.new_button.setText(self.tr("New contact…"))
        self.remove_button.setText(self.tr("Remove"))
        self.role.setToolTip(self.tr("Role of the guest selected in the list"))
        self.role.blockSignals(True)
        self.role.clear()
        for role in GuestRole:
            self.role.addItem(role.label_fa if is_rtl() else role.label_en, role.value)
        self.role.blockSignals(False)
        self._show_role(self.chosen.currentRow())
        for i in range(self.chosen.count()):
            self._label(self.chosen.item(i))

    # --- the matches popup -------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        """Override: Down/Up walk the matches and Esc closes them, while typing goes on."""
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if self.results.isVisible() and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                step = 1 if key == Qt.Key.Key_Down else -1
                row = min(max(self.results.currentRow() + step, 0), self.results.count() - 1)
                self.results.setCurrentRow(row)
                return True
            if self.results.isVisible() and key == Qt.Key.Key_Escape:
                self.results.hide()
                return True
        if watched is self.search and event.type() == QEvent.Type.FocusOut:
            QTimer.singleShot(150, self._hide_if_left)  # a click on a match comes first
        return super().eventFilter(watched, event)

    def _hide_if_left(self) -> None:
        if not self.search.hasFocus():
            self.results.hide()

    def _place_results(self) -> None:
        width = self.search.width()
        rows = min(self.results.count(), 8)
        height = rows * max(self.results.sizeHintForRow(0), 20) + 6
        self.results.resize(width, height)
        self.results.setLayoutDirection(self.layoutDirection())
        self.results.move(self.search.mapToGlobal(QPoint(0, self.search.height())))

    def find(self, text: str) -> None:
        """List directory matches for ``text`` (searched in SQL) in the popup."""
        list_person_matches(self.results, self.db, text)
        if self.results.count():
            self._place_results()
            self.results.show()
        else:
            self.results.hide()

    def _clicked(self, item: QListWidgetItem) -> None:
        self.results.setCurrentItem(item)
        self.add_selected()

    def add_selected(self) -> None:
        """Add the highlighted match, with the role its title suggests."""
        item = self.results.currentItem() if self.results.count() else None
        if item is None:
            return
        name_fa, name_en = item.data(NAME_ROLE)
        title_fa, title_en = item.data(TITLE_ROLE) or ("", "")
        self.add_person(
            int(item.data(ID_ROLE)), name_fa, name_en, self._role_for(title_fa, title_en)
        )
        self.search.clear()
        self.results.clear()
        self.results.hide()

    def _role_for(self, title_fa: str, title_en: str = "") -> GuestRole:
        has_head = any(e.role is GuestRole.HEAD for e in self.guest_entries())
        return default_guest_role(title_fa, title_en, has_head=has_head)

    # --- roles -------------------------------------------------------------------------

    def _show_role(self, row: int) -> None:
        item = self.chosen.item(row) if row >= 0 else None
        self.role.setEnabled(item is not None)
        if item is not None:
            self.role.setCurrentIndex(max(self.role.findData(item.data(ROLE_ROLE)), 0))

    def set_role_of_selected(self, role: GuestRole | None = None) -> bool:
        """Give the guest selected in the list ``role`` (default: the combo's); False when none."""
        item = self.chosen.currentItem()
        if item is None:
            return False
        value = (role or GuestRole(self.role.currentData())).value
        if item.data(ROLE_ROLE) != value:
            item.setData(ROLE_ROLE, value)
            self._label(item)
            self.changed.emit()
        self._show_role(self.chosen.currentRow())
        return True

    def add_person(
        self, person_id: int, name_fa: str, name_en: str = "", role: GuestRole = GuestRole.MEMBER
    ) -> None:
        """Add a person (ignored when already listed)."""
        if person_id in self.ids():
            return
        item = QListWidgetItem()
        item.setData(ID_ROLE, person_id)
        item.setData(ROLE_ROLE, role.value)
        item.setData(NAME_ROLE, (name_fa, name_en))
        self._label(item)
        self.chosen.addItem(item)
        self.changed.emit()

    def _label(self, item: QListWidgetItem) -> None:
        name_fa, name_en = item.data(NAME_ROLE)
        text = PersonRef(0, name_fa, name_en).display(current_language())
        if self.with_roles:
            role = GuestRole(item.data(ROLE_ROLE))
            text += f" — {role.label_fa if is_rtl() else role.label_en}"
        item.setText(text)

    def remove_selected(self) -> None:
        """Remove the highlighted person."""
        row = self.chosen.currentRow()
        if row >= 0:
            self.chosen.takeItem(row)
            self.changed.emit()

    def new_contact(self) -> NewContactDialog:
        """Open the new-contact dialog; the saved contact is added to the list."""
        dialog = NewContactDialog(self.db, self)
        dialog.accepted.connect(lambda: self._added(dialog))
        dialog.open()
        return dialog

    def _added(self, dialog: NewContactDialog) -> None:
        person = dialog.person
        if person is not None:
            role = self._role_for(person.title_fa, person.title_en)
            self.add_person(person.id, person.name_fa, person.name_en, role)

    def ids(self) -> list[int]:
        """Ids of the listed people, in order."""
        return [int(self.chosen.item(i).data(ID_ROLE)) for i in range(self.chosen.count())]

    def people(self) -> list[tuple[int, str, str]]:
        """(id, name_fa, name_en) of the listed people."""
        out = []
        for i in range(self.chosen.count()):
            item = self.chosen.item(i)
            name_fa, name_en = item.data(NAME_ROLE)
            out.append((int(item.data(ID_ROLE)), name_fa, name_en))
        return out

    def guest_entries(self) -> tuple[GuestEntry, ...]:
        """The listed people as guests with their roles."""
        return tuple(
            GuestEntry(
                int(self.chosen.item(i).data(ID_ROLE)),
                GuestRole(self.chosen.item(i).data(ROLE_ROLE)),
            )
            for i in range(self.chosen.count())
        )
