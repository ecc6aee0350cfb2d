"""The QApplication: fonts, language (translations, direction, locale) and ``run_gui``.

Persian is the default: right-to-left layout, ``QLocale(Persian, Iran)`` as the default
locale (Persian digits), our ``.ts`` translations and Qt's ``qtbase_fa``.  English flips
the whole window to left-to-right.  The choice is stored in the settings INI file.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from qazvin_diplomacy import APP_NAME, APP_TITLE_EN, __version__
from qazvin_diplomacy.paths import AppPaths
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.ui import settings as S
from qazvin_diplomacy.ui.fonts import register_fonts, ui_font
from qazvin_diplomacy.ui.i18n import install_translators
from qazvin_diplomacy.ui.icons import icon

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


def run_gui(paths: AppPaths, db: Database) -> int:
    """Show the main window on ``db`` and run the event loop; returns the exit code."""
    from qazvin_diplomacy.ui.main_window import MainWindow

    app = get_application()
    settings = S.Settings(paths.settings_file)
    setup_fonts(app, settings.get(S.FONT_SIZE))
    apply_language(app, settings.get(S.LANGUAGE))
    window = MainWindow(paths, db, settings)
    window.show()
    code = app.exec()
    window.runner.wait()
    if window.ctx.db is not db:  # a restore swapped the database in: close the new one too
        window.ctx.db.close()
    return int(code)
