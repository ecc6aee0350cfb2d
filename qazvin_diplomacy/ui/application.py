"""The QApplication: fonts, language (translations, direction, locale) and ``run_gui``.

Persian is the default: right-to-left layout, ``QLocale(Persian, Iran)`` as the default
locale (Persian digits), our ``.ts`` translations and Qt's ``qtbase_fa``.  English flips
the whole window to left-to-right.  The choice is stored in the settings INI file.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from qazvin_diplomacy import APP_NAME, APP_TITLE_EN, APP_TITLE_FA, __version__
from qazvin_diplomacy.core import clock
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.text import bidi_isolate
from qazvin_diplomacy.paths import AppPaths
from qazvin_diplomacy.ui import settings as S
from qazvin_diplomacy.ui.fonts import register_fonts, ui_font
from qazvin_diplomacy.ui.i18n import install_translators, loc_digits
from qazvin_diplomacy.ui.icons import icon
from qazvin_diplomacy.ui.single_instance import attach

if TYPE_CHECKING:
    from qazvin_diplomacy.services.connection import DatabaseHandle

log = logging.getLogger(__name__)

_font_family: str | None = None


def get_application(argv: list[str] | None = None) -> QApplication:
    """The running QApplication, created (with the app's name and fonts) if needed."""
    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName("QazvinGovernorate")
        QCoreApplication.setApplicationName(APP_NAME)
        QCoreApplication.setApplicationVersion(__version__)
        app = QApplication(argv if argv is not None else sys.argv[:1])
        QGuiApplication.setApplicationDisplayName(APP_TITLE_EN)
    assert isinstance(app, QApplication)
    setup_fonts(app)
    return app


def setup_fonts(app: QApplication, point_size: int | None = None) -> str:
    """Register the bundled font once and make it the application font; returns the family."""
    global _font_family
    if _font_family is None:
        _font_family = register_fonts()
    size = point_size or app.font().pointSize() or 10
    if point_size is not None or app.font().family() != _font_family:
        app.setFont(ui_font(_font_family, max(size, 9)))
    return _font_family


def apply_language(app: QApplication, language: str) -> None:
    """Switch the whole application to ``language`` ("fa" or "en").

    Installs the translators (each widget then gets ``LanguageChange`` and runs its
    ``retranslate_ui``), sets the default locale and flips the layout direction.
    """
    install_translators(app, language)
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.Persian, QLocale.Country.Iran))
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    app.setWindowIcon(icon("logo"))
    app.processEvents()


def run_gui(
    paths: AppPaths,
    db: DatabaseHandle | None = None,
    *,
    open_database: Callable[[], DatabaseHandle] | None = None,
    refused: Callable[[KnownError], int] | None = None,
) -> int:
    """Show the main window and run the event loop; returns the exit code.

    With ``db`` the window is built on it.  Otherwise the window's frame is shown first and
    ``open_database`` runs just after its first paint (so SQLAlchemy and the services are
    imported only then); a :class:`KnownError` from it closes the frame, is handed to
    ``refused`` (which tells the user) and its return value is the exit code.  Any other
    error is raised from here, as when the database was opened before the window.
    """
    from qazvin_diplomacy.ui.main_window import MainWindow

    app = get_application()
    settings = S.Settings(paths.settings_file)
    setup_fonts(app, settings.get(S.FONT_SIZE))
    apply_language(app, settings.get(S.LANGUAGE))
    opened: DatabaseHandle | None = db
    refusal: int | None = None
    failure: BaseException | None = None

    def open_later() -> DatabaseHandle | None:
        nonlocal opened, refusal, failure
        assert open_database is not None
        try:
            opened = open_database()
        except KnownError as exc:
            window.hide()  # no close event: there is no session to save
            refusal = refused(exc) if refused is not None else 1
            app.exit(refusal)
        except BaseException as exc:  # raised again once the loop has ended
            window.hide()
            failure = exc
            app.exit(1)
        return opened

    window = MainWindow(paths, db, settings, open_later=None if db is not None else open_later)
    window.show()
    attach(window, app)  # a second start on this database brings this window forward
    # The installer (Restart Manager) and Windows' log-off end the program without closing
    # the window: the on-exit work runs when the application quits, whichever way.
    app.aboutToQuit.connect(window.shut_down)
    warn_if_clock_zone_differs(window)
    code = app.exec()
    app.aboutToQuit.disconnect(window.shut_down)
    window.runner.wait()
    if failure is not None:
        raise failure
    if refusal is not None:
        return refusal
    if opened is not None and opened is not db:
        opened.close()  # opened here, so closed here (the caller closes its own ``db``)
    if window.attached and window.ctx.db is not opened:  # a restore swapped one in
        window.ctx.db.close()
    return int(code)


def warn_if_clock_zone_differs(window: QMainWindow) -> str | None:
    """Warn (log and status bar) when Windows' time zone is not Tehran's; returns the text.

    An offline Windows 10 without the 2022 Iran time-zone update still moves the clock to
    UTC+04:30 in the first half of the year; the clock is set to the right wall time, so
    the system's UTC — and every time the program stores — is an hour off.
    """
    offset = clock.system_offset_mismatch()
    if offset is None:
        return None
    shown = clock.format_offset(offset)
    log.warning("the system time zone is UTC%s, Tehran is UTC+03:30", shown)
    text = QCoreApplication.translate(
        "MainWindow",
        "The computer's time zone is UTC%1, not Tehran's UTC+03:30: times may be an hour off. "
        "Install the Windows time-zone update or correct the time zone.",
    ).replace("%1", bidi_isolate(loc_digits(shown)))
    window.statusBar().showMessage(text)
    return text


def can_show_dialogs() -> bool:
    """False where a modal dialog could never be seen or closed (offscreen, no display)."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform.startswith(("offscreen", "minimal")):
        return False
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication) and app.platformName() in ("offscreen", "minimal"):
        return False
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def show_error(text: str) -> None:
    """Show ``text`` in a right-to-left error dialog, where one can be shown (callers log it)."""
    if not can_show_dialogs():
        return
    app = get_application()
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    box = QMessageBox(QMessageBox.Icon.Critical, APP_TITLE_FA, text)
    box.exec()
