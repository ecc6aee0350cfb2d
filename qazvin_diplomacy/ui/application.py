"""The QApplication: fonts, language (translations, direction, locale) and error dialogs.

Persian is the default: right-to-left layout, ``QLocale(Persian, Iran)`` as the default
locale (Persian digits), our ``.ts`` translations and Qt's ``qtbase_fa``.  English flips
the whole window to left-to-right.  The choice is stored in the settings INI file.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from qazvin_diplomacy import APP_NAME, APP_TITLE_EN, APP_TITLE_FA, __version__
from qazvin_diplomacy.ui.fonts import register_fonts, ui_font
from qazvin_diplomacy.ui.i18n import install_translators
from qazvin_diplomacy.ui.icons import icon

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
