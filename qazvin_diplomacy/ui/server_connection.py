"""«Connection to the office's server»: which database the window works on.

A desk works on its own SQLite file (the default) or on the office's PostgreSQL server
(``postgresql://user@host:port/dbname``).  The choice is kept in the settings INI file; the
password never is: it is asked for in a dialog when the server wants one, or kept in the
Windows credential store (``keyring``) when the clerk ticks "Remember".  "Test connection"
runs off the GUI thread and says in Persian what failed.  On a server database every desk
keeps its attachments in one shared folder (a UNC path such as ``\\\\server\\share\\qazvin``).
Accepting a new choice reopens the window on that database.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.paths import AppPaths, resolve_paths
from qazvin_diplomacy.ui import settings as S
from qazvin_diplomacy.ui.common import TaskRunner, known_message, make_ltr, show_error
from qazvin_diplomacy.ui.i18n import QT_TRANSLATE_NOOP, Retranslating

if TYPE_CHECKING:
    from qazvin_diplomacy.services.connection import DatabaseHandle

#: The server database the window opens (empty: this computer's file, the default).
SERVER_URL = S.Setting(
    "connection/server_url", str, "", QT_TRANSLATE_NOOP("Settings", "Server database address")
)
#: The folder every desk on that server keeps its attachments in (empty: this desk's folder).
SHARED_ATTACHMENTS = S.Setting(
    "connection/attachments_dir",
    str,
    "",
    QT_TRANSLATE_NOOP("Settings", "Shared attachments folder"),
)


def _is_server(target: object) -> bool:
    from qazvin_diplomacy.paths import SERVER_SCHEMES

    return isinstance(target, str) and target.strip().lower().startswith(SERVER_SCHEMES)


def _same_server(a: str, b: str) -> bool:
    from qazvin_diplomacy.services.connection import shown_url

    return _is_server(a) and _is_server(b) and shown_url(a) == shown_url(b)


def window_target(settings: S.Settings, db_override: str | None) -> str | None:
    """What the window opens: ``--db`` when given, else the settings' server, else None
    (this computer's file)."""
    if db_override is not None:
        return db_override
    return settings.get(SERVER_URL).strip() or None


def shared_folder(settings: S.Settings, target: str | None) -> Path | None:
    """The settings' shared attachments folder when ``target`` is the settings' server."""
    shared = settings.get(SHARED_ATTACHMENTS).strip()
    if shared and _is_server(target) and _same_server(target or "", settings.get(SERVER_URL)):
        return Path(shared)
    return None


def window_paths(
    settings: S.Settings, target: str | None, base_dir: Path | None = None
) -> AppPaths:
    """The paths of ``target`` (see ``paths.resolve_paths``); a server database named in the
    settings keeps its attachments in the settings' shared folder."""
    paths = resolve_paths(target, base_dir=base_dir)
    shared = shared_folder(settings, target)
    return dataclasses.replace(paths, attachments_dir=shared) if shared is not None else paths


def open_window_database(
    paths: AppPaths, target: str | None, settings: S.Settings
) -> DatabaseHandle:
    """Open the window's database: ``target`` (a server URL) or ``paths.db_path``.

    A shared attachments folder (the settings') that cannot be reached is refused before
    anything is opened; the password of a server is asked for in a dialog when none is known.
    """
    from qazvin_diplomacy.services.connection import (
        check_shared_folder,
        open_for_work,
        set_password_prompt,
    )

    server = _is_server(target)
    if shared_folder(settings, target) is not None:
        check_shared_folder(paths.attachments_dir)
    set_password_prompt(ask_password if server else None)
    return open_for_work(
        target if server and target is not None else paths.db_path,
        backups_dir=paths.backups_dir,
        attachments_dir=paths.attachments_dir,
        accepted=paths.ensure,
    )


def ask_password(shown_url: str, parent: QWidget | None = None) -> str:
    """The password of ``shown_url``, typed in a dialog; ``KnownError`` when cancelled."""
    text, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("ServerConnectionDialog", "Server password"),
        QCoreApplication.translate(
            "ServerConnectionDialog", "Password of the server database %1:"
        ).replace("%1", shown_url),
        QLineEdit.EchoMode.Password,
    )
    if not ok:
        raise KnownError(
            "گذرواژهٔ پایگاه داده سرور داده نشد؛ برنامه به آن وصل نشد.",
            "No password was given for the server database; it was not opened.",
        )
    return text


class ServerConnectionDialog(Retranslating, QDialog):
    """The settings section «اتصال به سرور اداره» (see the module doc).

    ``target()`` is the chosen database once accepted: a server URL, or None for this
    computer's file.
    """

    def __init__(
        self, settings: S.Settings, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.runner = runner
        self.test_job: Any = None
        outer = QVBoxLayout(self)
        self.local_radio = QRadioButton(self)
        self.server_radio = QRadioButton(self)
        outer.addWidget(self.local_radio)
        outer.addWidget(self.server_radio)
        form = QFormLayout()
        self.url_edit = make_ltr(QLineEdit(self))
        self.url_edit.setPlaceholderText("postgresql://user@server:5432/qazvin")
        self.password_edit = make_ltr(QLineEdit(self))
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember_check = QCheckBox(self)
        self.folder_edit = make_ltr(QLineEdit(self))
        self.folder_edit.setPlaceholderText("\\\\server\\share\\qazvin")
        self.browse_button = QPushButton(self)
        self.browse_button.setAutoDefault(False)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.browse_button)
        self.url_label, self.password_label, self.folder_label = (QLabel(self) for _ in range(3))
        form.addRow(self.url_label, self.url_edit)
        form.addRow(self.password_label, self.password_edit)
        form.addRow("", self.remember_check)
        form.addRow(self.folder_label, folder_row)
        outer.addLayout(form)
        test_row = QHBoxLayout()
        self.test_button = QPushButton(self)
        self.test_button.setAutoDefault(False)
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        outer.addLayout(test_row)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.result_label)
        outer.addStretch(1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)

        url = settings.get(SERVER_URL)
        self.url_edit.setText(url)
        self.folder_edit.setText(settings.get(SHARED_ATTACHMENTS))
        (self.server_radio if url else self.local_radio).setChecked(True)
        self.local_radio.toggled.connect(self._update_enabled)
        self.test_button.clicked.connect(self.test_connection)
        self.browse_button.clicked.connect(self._browse)
        self._update_enabled()
        self.retranslate_ui()
        self.resize(620, 360)

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.setWindowTitle(self.tr("Connection to the office's server"))
        self.local_radio.setText(self.tr("This computer's database file (one desk; the default)"))
        self.server_radio.setText(self.tr("The office's server (PostgreSQL), shared by every desk"))
        self.url_label.setText(self.tr("Server address"))
        self.password_label.setText(self.tr("Password"))
        self.password_edit.setPlaceholderText(self.tr("Asked for when empty"))
        self.remember_check.setText(self.tr("Remember the password in Windows' credential store"))
        self.folder_label.setText(self.tr("Shared attachments folder"))
        self.browse_button.setText(self.tr("Browse…"))
        self.test_button.setText(self.tr("Test connection"))

    def _update_enabled(self) -> None:
        server = self.server_radio.isChecked()
        for widget in (
            self.url_edit,
            self.password_edit,
            self.remember_check,
            self.folder_edit,
            self.browse_button,
            self.test_button,
        ):
            widget.setEnabled(server)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Shared attachments folder"))
        if folder:
            self.folder_edit.setText(folder)

    def target(self) -> str | None:
        """The chosen database: the server URL typed (without a password written into it),
        or None for this computer's file."""
        from qazvin_diplomacy.services.connection import split_password

        url = split_password(self.url_edit.text())[0]
        return url if self.server_radio.isChecked() and url else None

    def _password(self) -> str | None:
        return self.password_edit.text() or None

    def _show_result(self, text: str, ok: bool) -> None:
        self.result_label.setStyleSheet(f"color: {'#2e7d32' if ok else '#c62828'};")
        self.result_label.setText(text)

    def _check_input(self) -> str | None:
        """The refusal of what is typed (a message), None when it can be tried."""
        from qazvin_diplomacy.services.connection import check_shared_folder

        url = self.url_edit.text().strip()
        if not _is_server(url):
            return self.tr("Type the server's address: postgresql://user@server:port/database")
        folder = self.folder_edit.text().strip()
        if folder:
            try:
                check_shared_folder(Path(folder))
            except KnownError as exc:
                return known_message(exc)
        return None

    def test_connection(self) -> Any:
        """Connect off the GUI thread and say what was found or what failed; the job."""
        from qazvin_diplomacy.services.connection import check_server
        from qazvin_diplomacy.ui.ops import run_op

        refusal = self._check_input()
        if refusal is not None:
            self._show_result(refusal, False)
            return None
        url, password = self.url_edit.text().strip(), self._password()
        self.test_button.setEnabled(False)
        self._show_result(self.tr("Connecting…"), True)

        def done(revision: str | None) -> None:
            self.test_button.setEnabled(True)
            if revision is None:
                text = self.tr(
                    "Connected. The database is empty: its tables are made when it is first opened."
                )
            else:
                text = self.tr("Connected. The database is ready for this version of the program.")
            self._show_result(text, True)

        def failed(exc: BaseException) -> None:
            self.test_button.setEnabled(True)
            self._show_result(
                known_message(exc) if isinstance(exc, KnownError) else str(exc), False
            )

        self.test_job = run_op(
            self.runner,
            lambda _job: check_server(url, password=password),
            on_done=done,
            on_failed=failed,
            parent=self,
        )
        return self.test_job

    def accept(self) -> None:
        """Override: refuse an unusable choice; store it (the password only in the credential
        store, and only when asked to) and close."""
        from qazvin_diplomacy.services.connection import (
            remember_password,
            split_password,
            use_password,
        )

        if self.server_radio.isChecked():
            refusal = self._check_input()
            if refusal is not None:
                self._show_result(refusal, False)
                return
            url, in_url = split_password(self.url_edit.text())
            password = self._password() or in_url
            if password is not None:
                if self.remember_check.isChecked():
                    try:
                        remember_password(url, password)
                    except KnownError as exc:
                        self._show_result(known_message(exc), False)
                        return
                else:
                    use_password(url, password)
            self.settings.set(SERVER_URL, url)
            self.settings.set(SHARED_ATTACHMENTS, self.folder_edit.text().strip())
        else:
            self.settings.set(SERVER_URL, "")
        super().accept()


def switch_database(window: Any, target: str | None) -> DatabaseHandle | None:
    """Reopen the main ``window`` on ``target`` (a server URL, None: this computer's file).

    A refusal (unreachable server, wrong password, folder out of reach …) is shown and the
    window stays on its database; returns the new database, or None.
    """
    here = window.paths  # the same data folder, reports folder and mode as now
    paths = dataclasses.replace(
        window_paths(window.settings, target, here.settings_file.parent),
        reports_dir=here.reports_dir,
        portable=here.portable,
    )
    try:
        db = open_window_database(paths, target, window.settings)
    except KnownError as exc:
        show_error(window, exc)
        return None
    old = window.ctx.db
    window.runner.wait()
    window.paths = paths
    window.ctx.paths = paths
    window.replace_database(db)
    old.close()
    window.hub.status.emit(
        QCoreApplication.translate("ServerConnectionDialog", "Now working on %1").replace(
            "%1", getattr(db, "url", None) or str(db.path)
        )
    )
    return db


def open_connection_dialog(window: Any, parent: QWidget | None = None) -> ServerConnectionDialog:
    """Show the connection settings; on OK with another database, reopen the window on it."""
    dialog = ServerConnectionDialog(window.settings, window.runner, parent or window)
    before = (window.settings.get(SERVER_URL), window.settings.get(SHARED_ATTACHMENTS))

    def accepted() -> None:
        after = (window.settings.get(SERVER_URL), window.settings.get(SHARED_ATTACHMENTS))
        if after != before or getattr(window.ctx.db, "url", None) != _shown(dialog.target()):
            switch_database(window, dialog.target())

    dialog.accepted.connect(accepted)
    dialog.open()
    return dialog


def _shown(target: str | None) -> str | None:
    from qazvin_diplomacy.services.connection import shown_url

    return shown_url(target) if target is not None else None
