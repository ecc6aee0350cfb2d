"""Start the window: the application, the main window's frame, then the database.

``app.run_gui`` calls :func:`run_gui` here once this is the only window on the database.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow

from qazvin_diplomacy.core import clock
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.text import bidi_isolate
from qazvin_diplomacy.paths import AppPaths
from qazvin_diplomacy.ui import settings as S
from qazvin_diplomacy.ui.application import apply_language, get_application, setup_fonts
from qazvin_diplomacy.ui.i18n import loc_digits
from qazvin_diplomacy.ui.main_window import MainWindow
from qazvin_diplomacy.ui.single_instance import attach

if TYPE_CHECKING:
    from qazvin_diplomacy.services.connection import DatabaseHandle

log = logging.getLogger(__name__)


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
