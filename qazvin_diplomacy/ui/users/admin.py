"""The administrator's users dialog, the user form (also the first administrator) and passwords.

Every change goes through ``services.users`` (which refuses it to anyone but an
administrator); refused input is shown under the form, never as a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core import clock
from qazvin_diplomacy.core.access import Role
from qazvin_diplomacy.core.errors import KnownError, ValidationError
from qazvin_diplomacy.core.users import IDLE_LOCK_BOUNDS, UserView
from qazvin_diplomacy.ui.common import FieldError, make_ltr, read_only_rows, show_refusal
from qazvin_diplomacy.ui.i18n import Retranslating, current_language, loc_digits
from qazvin_diplomacy.ui.widgets.jalali import show_datetime

if TYPE_CHECKING:
    from qazvin_diplomacy.services.connection import DatabaseHandle


def _password_line(parent: QWidget) -> QLineEdit:
    line = QLineEdit(parent)
    line.setEchoMode(QLineEdit.EchoMode.Password)
    return make_ltr(line)


class _FormDialog(Retranslating, QDialog):
    """A small form: rows of (label, editor), one error line, OK / Cancel."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setModal(True)
        outer = QVBoxLayout(self)
        self.form = QFormLayout()
        outer.addLayout(self.form)
        self.error = FieldError(self)
        outer.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        self.labels: dict[str, QLabel] = {}
        self.setMinimumWidth(400)

    def row(self, key: str, editor: QWidget) -> QWidget:
        """Add ``editor`` under a label known by ``key`` (its text set in ``retranslate_ui``)."""
        label = QLabel(self)
        self.labels[key] = label
        self.form.addRow(label, editor)
        return editor

    def submit(self) -> bool:
        """OK: run :meth:`save`; accept, or show the refusal."""
        try:
            self.save()
        except KnownError as exc:
            show_refusal(self, self.error, exc)
            return False
        self.accept()
        return True

    def save(self) -> None:
        """Store the form through the service (subclasses)."""
        raise NotImplementedError

    def same_passwords(self, first: QLineEdit, again: QLineEdit) -> str:
        """The password typed twice; refused when the two differ."""
        if first.text() != again.text():
            raise ValidationError(
                {"password_again": self.tr("The two passwords differ.")},
                "The two passwords differ.",
            )
        return first.text()


class UserFormDialog(_FormDialog):
    """Add a user, edit one (role, clearance, display name), or create the first administrator."""

    def __init__(
        self,
        db: DatabaseHandle,
        parent: QWidget | None = None,
        *,
        user: UserView | None = None,
        first_admin: bool = False,
    ) -> None:
        super().__init__(parent)
        self.db, self.user, self.first_admin = db, user, first_admin
        self.login = make_ltr(QLineEdit(user.login if user else "", self))
        self.login.setMaxLength(60)
        self.login.setReadOnly(user is not None)
        self.display_name = QLineEdit(user.display_name if user else "", self)
        self.role = QComboBox(self)
        for role in Role:
            self.role.addItem(role.label(current_language()), role.value)
        self.role.setCurrentIndex(self.role.findData((user.role if user else Role.EDITOR).value))
        self.cleared = QCheckBox(self)
        self.cleared.setChecked(bool(user and user.cleared))
        self.password = _password_line(self)
        self.password_again = _password_line(self)
        self.row("login", self.login)
        self.row("display_name", self.display_name)
        if not first_admin:
            self.row("role", self.role)
            self.row("cleared", self.cleared)
        if user is None:
            self.row("password", self.password)
            self.row("password_again", self.password_again)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        if self.first_admin:
            title = self.tr("Create the administrator")
        else:
            title = self.tr("Edit user") if self.user else self.tr("New user")
        self.setWindowTitle(title)
        texts = {
            "login": self.tr("User name:"),
            "display_name": self.tr("Full name:"),
            "role": self.tr("Role:"),
            "cleared": self.tr("Confidential records:"),
            "password": self.tr("Password:"),
            "password_again": self.tr("Password again:"),
        }
        for key, label in self.labels.items():
            label.setText(texts[key])
        self.cleared.setText(self.tr("May see records flagged confidential"))
        for i in range(self.role.count()):
            self.role.setItemText(i, Role(self.role.itemData(i)).label(current_language()))

    def save(self) -> None:
        """Create or update the user through ``services.users``."""
        from qazvin_diplomacy.services import users

        role = Role(self.role.currentData())
        if self.user is not None:
            self.user = users.update_user(
                self.db,
                login=self.user.login,
                role=role,
                cleared=self.cleared.isChecked(),
                display_name=self.display_name.text(),
                version=self.user.version,
            )
            return
        password = self.same_passwords(self.password, self.password_again)
        if self.first_admin:
            self.user = users.create_first_admin(
                self.db,
                login=self.login.text(),
                password=password,
                display_name=self.display_name.text(),
            )
        else:
            self.user = users.add_user(
                self.db,
                login=self.login.text(),
                password=password,
                role=role,
                cleared=self.cleared.isChecked(),
                display_name=self.display_name.text(),
            )


class PasswordDialog(_FormDialog):
    """The signed-in user's «change password» (old, new, new again), or an administrator's
    reset of ``login``'s password (``reset=True``: new, new again)."""

    def __init__(
        self, db: DatabaseHandle, login: str, parent: QWidget | None = None, *, reset: bool = False
    ) -> None:
        super().__init__(parent)
        self.db, self.login, self.reset = db, login, reset
        self.old = _password_line(self)
        self.new = _password_line(self)
        self.again = _password_line(self)
        if not reset:
            self.row("old", self.old)
        self.row("new", self.new)
        self.row("again", self.again)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        if self.reset:
            self.setWindowTitle(self.tr("Reset the password of %1").replace("%1", self.login))
        else:
            self.setWindowTitle(self.tr("Change password"))
        texts = {
            "old": self.tr("Current password:"),
            "new": self.tr("New password:"),
            "again": self.tr("New password again:"),
        }
        for key, label in self.labels.items():
            label.setText(texts[key])

    def save(self) -> None:
        """Change or reset the password through ``services.users``."""
        from qazvin_diplomacy.services import users

        new = self.same_passwords(self.new, self.again)
        if self.reset:
            users.reset_password(self.db, login=self.login, new_password=new)
        else:
            users.change_password(
                self.db, login=self.login, old_password=self.old.text(), new_password=new
            )


class UsersDialog(Retranslating, QDialog):
    """The administrator's list of users with add / edit / disable / reset password, and the
    idle minutes after which every desk's window locks."""

    COLUMNS = 6

    def __init__(
        self,
        db: DatabaseHandle,
        parent: QWidget | None = None,
        *,
        on_change: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.on_change = on_change
        self.users: list[UserView] = []
        outer = QVBoxLayout(self)
        self.table = read_only_rows(QTableWidget(0, self.COLUMNS, self))
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        outer.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(self)
        self.edit_button = QPushButton(self)
        self.disable_button = QPushButton(self)
        self.reset_button = QPushButton(self)
        for button in (self.add_button, self.edit_button, self.disable_button, self.reset_button):
            row.addWidget(button)
        row.addStretch(1)
        outer.addLayout(row)
        idle = QHBoxLayout()
        self.idle_label = QLabel(self)
        self.idle = QSpinBox(self)
        self.idle.setRange(*IDLE_LOCK_BOUNDS)
        self.idle_save = QPushButton(self)
        idle.addWidget(self.idle_label)
        idle.addWidget(self.idle)
        idle.addWidget(self.idle_save)
        idle.addStretch(1)
        outer.addLayout(idle)
        self.error = FieldError(self)
        outer.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        self.add_button.clicked.connect(lambda: self.open_form(None))
        self.edit_button.clicked.connect(lambda: self.open_form(self.selected()))
        self.disable_button.clicked.connect(self.toggle_disabled)
        self.reset_button.clicked.connect(self.open_reset)
        self.idle_save.clicked.connect(self.save_idle)
        self.table.itemSelectionChanged.connect(self._enable_buttons)
        self.table.doubleClicked.connect(lambda: self.open_form(self.selected()))
        self.resize(760, 440)
        self.retranslate_ui()
        self.refresh()
        self.idle.setValue(self._idle_minutes())

    def _idle_minutes(self) -> int:
        from qazvin_diplomacy.services.users import idle_lock_minutes

        return idle_lock_minutes(self.db)

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.setWindowTitle(self.tr("Users"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("User name"),
                self.tr("Full name"),
                self.tr("Role"),
                self.tr("Confidential"),
                self.tr("State"),
                self.tr("Last sign-in"),
            ]
        )
        self.add_button.setText(self.tr("New user…"))
        self.edit_button.setText(self.tr("Role and clearance…"))
        self.reset_button.setText(self.tr("Reset password…"))
        self.idle_label.setText(self.tr("Lock the window after this many idle minutes (0: never):"))
        self.idle_save.setText(self.tr("Apply"))
        self._enable_buttons()
        if self.users:
            self._fill()

    def refresh(self) -> None:
        """Re-read the users."""
        from qazvin_diplomacy.services.users import list_users

        try:
            self.users = list_users(self.db)
        except KnownError as exc:
            show_refusal(self, self.error, exc)
            self.users = []
        self._fill()

    def _state(self, user: UserView) -> str:
        if user.disabled:
            return self.tr("Disabled")
        if user.locked_until is not None and user.locked_until > clock.now_utc():
            return self.tr("Locked until %1").replace(
                "%1", show_datetime(clock.to_local(user.locked_until))
            )
        return self.tr("Enabled")

    def _fill(self) -> None:
        chosen = self.selected()
        self.table.setRowCount(len(self.users))
        for r, user in enumerate(self.users):
            cells = (
                user.login,
                user.display_name,
                user.role.label(current_language()),
                self.tr("Cleared") if user.cleared or user.role is Role.ADMIN else "—",
                self._state(user),
                show_datetime(clock.to_local(user.last_login_at)) if user.last_login_at else "—",
            )
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text if c < 2 else loc_digits(text)))
            if chosen is not None and chosen.login == user.login:
                self.table.setCurrentCell(r, 0)
        self._enable_buttons()

    def selected(self) -> UserView | None:
        """The user of the selected row."""
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.users):
            return None
        return self.users[rows[0].row()]

    def _enable_buttons(self) -> None:
        user = self.selected()
        for button in (self.edit_button, self.disable_button, self.reset_button):
            button.setEnabled(user is not None)
        disabled = bool(user and user.disabled)
        self.disable_button.setText(self.tr("Enable") if disabled else self.tr("Disable"))

    def _changed(self) -> None:
        self.error.show_error("")
        self.refresh()
        if self.on_change is not None:
            self.on_change()

    def open_form(self, user: UserView | None) -> UserFormDialog:
        """The user form (a new user when ``user`` is None); the list refreshes when saved."""
        dialog = UserFormDialog(self.db, self, user=user)
        dialog.accepted.connect(self._changed)
        dialog.open()
        return dialog

    def open_reset(self) -> PasswordDialog | None:
        """Reset the selected user's password."""
        user = self.selected()
        if user is None:
            return None
        dialog = PasswordDialog(self.db, user.login, self, reset=True)
        dialog.accepted.connect(self._changed)
        dialog.open()
        return dialog

    def toggle_disabled(self) -> bool:
        """Disable the selected user, or enable them again."""
        from qazvin_diplomacy.services.users import set_disabled

        user = self.selected()
        if user is None:
            return False
        try:
            set_disabled(self.db, login=user.login, disabled=not user.disabled)
        except KnownError as exc:
            show_refusal(self, self.error, exc)
            return False
        self._changed()
        return True

    def save_idle(self) -> bool:
        """Store the idle-lock minutes for every desk."""
        from qazvin_diplomacy.services.users import set_idle_lock_minutes

        try:
            set_idle_lock_minutes(self.db, self.idle.value())
        except KnownError as exc:
            show_refusal(self, self.error, exc)
            return False
        if self.on_change is not None:
            self.on_change()
        return True
