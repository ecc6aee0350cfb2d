"""The main window: navigation pane of modules, a page stack, a toolbar, a status bar.

Keyboard shortcuts (new Ctrl+N, save Ctrl+S, page filter Ctrl+F, print Ctrl+P) are routed
to the current page; Ctrl+K always goes to the global search box.  A record form is a
window of its own with its own Ctrl+S / Ctrl+P / Ctrl+N (``forms_common.RecordDialog``).  Pages are created when first shown.  The settings dialog switches the
language live: every widget's ``retranslate_ui`` runs and the layout direction flips.
The window paints before it reads data: its first page is filled, and the full integrity
check started in the background (``ui.integrity``), just after the first paint.  Started
without a database (``MainWindow(paths, None, settings, open_later=…)``, as ``run_gui`` does)
it paints its frame — title, navigation, toolbar, status bar, an "opening the database" line —
before SQLAlchemy or any service is imported, and opens the database right after that paint.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from qazvin_diplomacy import APP_TITLE_EN, APP_TITLE_FA
from qazvin_diplomacy.core.access import (
    current_principal,
    is_admin,
)
from qazvin_diplomacy.paths import AppPaths
from qazvin_diplomacy.ui import settings as S
from qazvin_diplomacy.ui.application import apply_language, setup_fonts
from qazvin_diplomacy.ui.common import TaskRunner, make_ltr
from qazvin_diplomacy.ui.i18n import Retranslating, current_language, is_rtl
from qazvin_diplomacy.ui.icons import icon, nav_icon
from qazvin_diplomacy.ui.modules import Hub, ModulePage, ModuleSpec, UiContext
from qazvin_diplomacy.ui.registry import MODULES
from qazvin_diplomacy.ui.users.window import UserSession
from qazvin_diplomacy.ui.widgets.fitting import FRAME_ALLOWANCE
from qazvin_diplomacy.ui.widgets.jalali import set_holiday_provider

if TYPE_CHECKING:
    from qazvin_diplomacy.services.connection import DatabaseHandle
    from qazvin_diplomacy.ui.users import IdleLock, SignInDialog

GEOMETRY_KEY = "main_window/geometry"
SPLITTER_KEY = "main_window/splitter"


class SettingsDialog(QDialog):
    """The settings dialog, built from the declared settings (``ui.settings.SETTINGS``)."""

    def __init__(self, settings: S.Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.form = QFormLayout(self)
        self.editors: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        for setting in S.SETTINGS:
            editor: QWidget
            value = settings.get(setting)
            if setting.choices:
                combo = QComboBox(self)
                for key, label in setting.translated_choices():
                    combo.addItem(label, key)
                combo.setCurrentIndex(max(combo.findData(value), 0))
                editor = combo
            elif setting.type is int:
                spin = QSpinBox(self)
                spin.setRange(*setting.bounds)
                spin.setValue(int(value))
                editor = spin
            else:
                line = QLineEdit(str(value), self)
                editor = line
            label = QLabel(setting.translated_title(), self)
            self.form.addRow(label, editor)
            self.editors[setting.key] = editor
            self.labels[setting.key] = label
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.form.addRow(self.buttons)
        self.setWindowTitle(self.tr("Settings"))

    def add_tool(self, text: str, open_tool: Callable[[], object], visible: bool = True) -> None:
        """A button beside OK opening another dialog from this one (holidays, users …)."""
        button = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.clicked.connect(lambda: open_tool())
        button.setVisible(visible)

    def value(self, setting: S.Setting) -> object:
        """The value currently shown for ``setting``."""
        editor = self.editors[setting.key]
        if isinstance(editor, QComboBox):
            return editor.currentData()
        if isinstance(editor, QSpinBox):
            return editor.value()
        assert isinstance(editor, QLineEdit)
        return editor.text()

    def store(self) -> list[S.Setting]:
        """Write the shown values; returns the settings that changed."""
        changed = []
        for setting in S.SETTINGS:
            new = setting.type(self.value(setting))
            if new != self.settings.get(setting):
                self.settings.set(setting, new)
                changed.append(setting)
        return changed


class MainWindow(Retranslating, UserSession, QMainWindow):
    """The application window."""

    # Until the first paint no page is built (class defaults: Qt may call in before __init__ ends).
    _painted = False
    _defer_pages = True
    _attached = False
    ctx: UiContext

    def __init__(
        self,
        paths: AppPaths,
        db: DatabaseHandle | None,
        settings: S.Settings,
        *,
        open_later: Callable[[], DatabaseHandle | None] | None = None,
    ) -> None:
        """Build the window on ``db``; or, with ``db`` None, only its frame (see the module).

        ``open_later`` then opens the database just after the first paint; when it returns
        None (the database was refused) the window stays an empty frame.
        """
        super().__init__()
        self.runner = TaskRunner(self)
        self.hub = Hub(self)
        self.paths = paths
        self.settings = settings
        self.open_later = open_later
        self.pages: dict[str, ModulePage] = {}
        self.specs: list[ModuleSpec] = list(MODULES)

        self.nav = QListWidget(self)
        self.nav.setIconSize(QSize(28, 28))
        self.nav.setMinimumWidth(150)
        self.nav.setMaximumWidth(260)
        self.nav.setSpacing(2)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setStyleSheet(
            "QListWidget { background: #eef2f6; border: none; font-size: 11pt; }"
            "QListWidget::item { padding: 8px; }"
            "QListWidget::item:selected, QListWidget::item:selected:!active"
            " { background: #2f4f6f; color: white; }"
        )
        for spec in self.specs:
            item = QListWidgetItem(self.nav)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
        self.stack = QStackedWidget(self)
        self.opening = QLabel(self.stack)  # until the database is open
        self.opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.opening)
        self.splitter = QSplitter(self)
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.setIconSize(QSize(20, 20))
        self.addToolBar(self.toolbar)
        self.act_new = self._action("new", QKeySequence.StandardKey.New, self._route_new)
        self.act_save = self._action("save", QKeySequence.StandardKey.Save, self._route_save)
        self.act_search = self._action("search", None, self._route_search)
        self.act_search.setShortcut(QKeySequence("Ctrl+K"))
        self.act_filter = QAction(self)  # Ctrl+F: the page's own filter box (no toolbar button)
        self.act_filter.setShortcut(QKeySequence.StandardKey.Find)
        self.act_filter.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.act_filter.triggered.connect(self._route_filter)
        self.addAction(self.act_filter)
        self.act_print = self._action("print", QKeySequence.StandardKey.Print, self._route_print)
        self.toolbar.addSeparator()
        self.act_settings = self._action("settings", None, self.open_settings)

        self.db_label = QLabel(self)
        self.db_label.setText(str(db.path if db is not None else paths.db_path))
        make_ltr(self.db_label)
        self.statusBar().addPermanentWidget(self.db_label)
        # A database on a USB stick can be pulled out mid-write: say so for as long as it is open.
        self.media_warning = QLabel(self)
        self.media_warning.setStyleSheet(
            "QLabel { background: #fff3cd; color: #664d03; padding: 2px 8px; }"
        )
        self.statusBar().addPermanentWidget(self.media_warning)
        self.media_warning.setVisible(False)
        self.user_label = QLabel(self)  # who is signed in (a database with users)
        self.statusBar().addPermanentWidget(self.user_label)
        self.user_label.setVisible(False)
        self.idle_lock: IdleLock | None = None
        self.sign_in_dialog: SignInDialog | None = None
        self.hub.status.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.hub.openRecord.connect(self.open_record)

        self.nav.currentRowChanged.connect(self._show_row)
        self._shut_down = False
        self.retranslate_ui()
        self._restore_geometry()
        self._first_row: int | None = None  # the first page: built after the first paint
        self.nav.setCurrentRow(0)
        if db is not None:
            self.attach_database(db)

    @property
    def attached(self) -> bool:
        """Whether the window works on a database yet (see :meth:`attach_database`)."""
        return self._attached

    def attach_database(self, db: DatabaseHandle) -> None:
        """Work on ``db``: what reads it (search box, backups, integrity watch) is built now."""
        from qazvin_diplomacy.services.holidays import holidays_in
        from qazvin_diplomacy.ui.backup import BackupControl
        from qazvin_diplomacy.ui.calendar.reminders import Reminders
        from qazvin_diplomacy.ui.integrity import IntegrityWatch
        from qazvin_diplomacy.ui.live_refresh import ChangeWatch
        from qazvin_diplomacy.ui.ops import set_reports_folder
        from qazvin_diplomacy.ui.search import GlobalSearch

        self.ctx = UiContext(
            paths=self.paths, db=db, settings=self.settings, runner=self.runner, hub=self.hub
        )
        self._attached = True
        # Calendars and date pickers show the office's holidays (lunar ones corrected).
        set_holiday_provider(lambda first, last: holidays_in(self.ctx.db, first, last))
        set_reports_folder(self.paths.reports_dir)  # printed reports where the clerk finds them
        self.backup = BackupControl(self)  # backup / restore menu, automatic backups
        self.global_search = GlobalSearch(self.ctx, self)
        self.toolbar.addWidget(self.global_search)
        self.db_label.setText(getattr(db, "url", None) or str(db.path))
        # A database on a USB stick can be pulled out mid-write: say so for as long as it is open.
        self.media_warning.setVisible(db.location == "removable")
        self.integrity = IntegrityWatch(self.ctx, self)
        self.reminders = Reminders(self.ctx, self)  # today's items, overdue follow-ups
        self.changes = ChangeWatch(self.ctx, self)  # other desks' saves refresh the pages
        self.stack.removeWidget(self.opening)
        self.opening.deleteLater()

    def _action(
        self, icon_name: str, shortcut: QKeySequence.StandardKey | None, slot: object
    ) -> QAction:
        action = QAction(self)
        action.setData(icon_name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.toolbar.addAction(action)
        return action

    def _fit_nav(self) -> None:
        """The navigation as wide as its longest module name (in this language), never cut."""
        scroll = self.nav.verticalScrollBar().sizeHint().width()
        needed = self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + scroll + 8
        self.nav.setMinimumWidth(max(150, min(needed, self.nav.maximumWidth())))

    # --- language ----------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Texts and directional icons for the current language."""
        self.setWindowTitle(APP_TITLE_FA if is_rtl() else APP_TITLE_EN)
        for row, spec in enumerate(self.specs):
            item = self.nav.item(row)
            item.setText(spec.translated_title())
            item.setIcon(nav_icon(spec.icon))
        self._fit_nav()
        texts = {
            self.act_new: (self.tr("New"), self.tr("New record (Ctrl+N)")),
            self.act_save: (self.tr("Save"), self.tr("Save (Ctrl+S)")),
            self.act_search: (self.tr("Search"), self.tr("Search (Ctrl+K)")),
            self.act_print: (self.tr("Print"), self.tr("Print (Ctrl+P)")),
            self.act_settings: (self.tr("Settings"), self.tr("Settings")),
        }
        for action, (text, tip) in texts.items():
            action.setText(text)
            action.setToolTip(tip)
            action.setIcon(icon(str(action.data())))
        self.toolbar.setWindowTitle(self.tr("Toolbar"))
        self.db_label.setToolTip(self.tr("Database file"))
        if not self._attached:
            self.opening.setText(self.tr("Opening the database…"))
        self._show_user()
        self.media_warning.setText(self.tr("The database is on removable media (USB)"))
        self.media_warning.setToolTip(
            self.tr(
                "A USB stick or disk can be pulled out while the program writes. Keep the database "
                "on this computer's disk; use removable media for backups only."
            )
        )

    def set_language(self, language: str) -> None:
        """Switch the UI language live and remember the choice."""
        self.settings.set(S.LANGUAGE, language)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        apply_language(app, language)
        self.retranslate_ui()
        self.hub.status.emit(self.tr("Language changed."))

    def open_settings(self) -> SettingsDialog:
        """Show the settings dialog (non-blocking); changes apply when accepted."""
        dialog = SettingsDialog(self.settings, self)
        dialog.accepted.connect(lambda: self._apply_settings(dialog))
        # The office's holidays and which database this desk uses are the administrator's.
        admin = is_admin()
        dialog.add_tool(self.tr("Official holidays…"), lambda: self.open_holidays(dialog), admin)
        connection = self.tr("Connection to the office's server…")
        dialog.add_tool(connection, lambda: self.open_connection(dialog), admin)
        self._add_user_buttons(dialog)
        dialog.open()
        return dialog

    def open_connection(self, parent: QWidget | None = None) -> QDialog:
        """«اتصال به سرور اداره» (``ui.server_connection``); a new choice reopens the window."""
        from qazvin_diplomacy.ui.server_connection import open_connection_dialog

        return open_connection_dialog(self, parent)

    def open_holidays(self, parent: QWidget | None = None) -> QDialog:
        """Show the holidays dialog (``ui.holidays``); calendars refresh after each change."""
        from qazvin_diplomacy.ui.holidays import HolidaysDialog

        dialog = HolidaysDialog(
            self.ctx.db, parent or self, on_change=lambda: self.hub.dataChanged.emit("holidays")
        )
        dialog.open()
        return dialog

    def _apply_settings(self, dialog: SettingsDialog) -> None:
        old_language = current_language()
        changed = dialog.store()
        if S.FONT_SIZE in changed:
            app = QApplication.instance()
            assert isinstance(app, QApplication)
            setup_fonts(app, self.settings.get(S.FONT_SIZE))
        language = self.settings.get(S.LANGUAGE)
        if language != old_language:
            self.set_language(language)

    # --- pages -------------------------------------------------------------------------

    def page(self, key: str) -> ModulePage:
        """The page of module ``key``, created on first use."""
        page = self.pages.get(key)
        if page is None:
            spec = next(s for s in self.specs if s.key == key)
            page = spec.factory(self.ctx)
            self.pages[key] = page
            self.stack.addWidget(page)
        return page

    def show_module(self, key: str) -> ModulePage:
        """Select module ``key`` in the navigation and show its page."""
        row = next(i for i, s in enumerate(self.specs) if s.key == key)
        self.nav.setCurrentRow(row)
        self._fill_first_page()
        return self.page(key)

    def current_page(self) -> ModulePage | None:
        """The page on screen."""
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, ModulePage) else None

    def open_record(self, key: str, record_id: int) -> None:
        """Show module ``key`` and open record ``record_id`` in it."""
        page = self.show_module(key)
        opener = getattr(page, "open_record", None)
        if callable(opener):
            opener(record_id)

    def replace_database(self, db: DatabaseHandle) -> None:
        """Work on ``db`` from now on (a restore, another database): pages rebuilt, user rechecked."""
        self.ctx.db = db
        self.db_label.setText(getattr(db, "url", None) or str(db.path))
        with contextlib.suppress(RuntimeError):  # only pages listen; they are rebuilt below
            self.hub.dataChanged.disconnect()
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        self.recheck_user()  # its users may differ; then the current page (or the sign-in)

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        if self._defer_pages:  # the window appears first; its page is built right after
            self._first_row = row
            return
        page = self.page(self.specs[row].key)
        self.stack.setCurrentWidget(page)
        page.refresh()

    def _fill_first_page(self) -> None:
        self._defer_pages = False
        row, self._first_row = self._first_row, None
        if row is not None:
            self._show_row(row)

    def _after_first_paint(self) -> None:
        if not self._attached:
            db = self.open_later() if self.open_later is not None else None
            if db is None:
                return
            self.attach_database(db)
        if self.needs_sign_in():
            self.ask_sign_in()  # the pages are built once a user has signed in
            return
        if current_principal() is not None:
            self.signed_in(current_principal())
            return
        self._start_work()

    def _start_work(self) -> None:
        """Build the first page and start the background checks."""
        self._fill_first_page()
        self.integrity.start()
        self.reminders.start()
        self.changes.start()

    def event(self, event: QEvent) -> bool:
        """Override: after the first paint, build the first page and start the full check."""
        if not self._painted and event.type() == QEvent.Type.Paint:
            self._painted = True
            QTimer.singleShot(0, self, self._after_first_paint)  # once this paint is on screen
        return super().event(event)

    def _route_new(self) -> None:
        if page := self.current_page():
            page.new_record()

    def _route_save(self) -> None:
        if page := self.current_page():
            page.save()

    def _route_search(self) -> None:
        """Ctrl+K: the global search box, always."""
        if self._attached:
            self.global_search.focus()

    def _route_filter(self) -> None:
        """Ctrl+F: the page's filter box; the global search when the page shows none."""
        if not self._attached:
            return
        page = self.current_page()
        if page is None or not page.focus_search():
            self.global_search.focus()

    def _route_print(self) -> None:
        if page := self.current_page():
            page.print_page()

    # --- geometry ----------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self.settings.load_state(GEOMETRY_KEY)
        if geometry is None or not self.restoreGeometry(geometry):
            # 1280×800, or the whole screen when that and its title bar do not fit (a
            # 1024×768 office laptop): a window past the screen's edge hides the navigation
            # on the right and the status line at the bottom.
            room = self.screen().availableGeometry()
            if room.width() < 1280 or room.height() < 800 + FRAME_ALLOWANCE:
                self.setGeometry(room)
                self.setWindowState(Qt.WindowState.WindowMaximized)
            else:
                self.resize(1280, 800)
        splitter = self.settings.load_state(SPLITTER_KEY)
        if splitter is None or not self.splitter.restoreState(splitter):
            self.splitter.setSizes([190, 1090])

    def save_geometry(self) -> None:
        """Remember window geometry and the splitter (window state, not user choices)."""
        self.settings.save_state(GEOMETRY_KEY, self.saveGeometry())
        self.settings.save_state(SPLITTER_KEY, self.splitter.saveState())

    def shut_down(self) -> None:
        """Save the window state, finish background work, make the on-exit backup — once.

        Runs on closing the window and again on ``QCoreApplication.aboutToQuit``: the
        installer's Restart Manager and a Windows log-off end the program that way."""
        if self._shut_down:
            return
        self._shut_down = True
        self.save_geometry()
        if self.idle_lock is not None:
            self.idle_lock.stop()
        if not self._attached or self.awaits_first_sign_in():  # nothing opened or begun
            return
        self.integrity.cancel()
        self.changes.stop()
        self.runner.wait(10000)
        self.backup.on_exit()
        from qazvin_diplomacy.ui.ops import set_reports_folder  # not at startup: see attach

        set_reports_folder(None)  # this window's folder goes with it, and its holidays: a
        set_holiday_provider(None)  # date picker shown later must not read a closed database

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt override
        """Override: the on-exit work before closing."""
        self.shut_down()
        super().closeEvent(event)
