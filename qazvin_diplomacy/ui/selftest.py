"""Self-test of the real application: open every module view and form in both languages.

Office IT staff run it after installing (``qazvin-diplomacy selftest [--db] [--shots DIR]``);
with a shots folder a PNG of each view is saved.  Returns 0 when everything opened.
"""

from __future__ import annotations

import logging
import re
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)

from qazvin_diplomacy.core.text import has_persian
from qazvin_diplomacy.paths import AppPaths
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.ui.application import apply_language, get_application
from qazvin_diplomacy.ui.i18n import current_language
from qazvin_diplomacy.ui.registry import MODULES
from qazvin_diplomacy.ui.settings import LANGUAGE, Settings

log = logging.getLogger(__name__)

_LATIN_DIGIT = re.compile(r"[0-9]")
_ALLOWED_LATIN = re.compile(r"Ctrl\+[A-Z]|\b[A-Z]{2,}\b|[A-Za-z0-9._%+-]+@|[\\/]\w")


def latin_digit_texts(root: QWidget) -> list[str]:
    """Visible label/button texts under ``root`` showing Latin digits (a Persian-view defect).

    Fields marked left-to-right (``make_ltr``) and shortcut hints are exempt.
    """
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or widget.property("ltr_field") or widget.property("ltr_value"):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            text = widget.text()
            if _LATIN_DIGIT.search(_ALLOWED_LATIN.sub("", text)):
                found.append(text)
    return found


def persian_chrome_texts(root: QWidget) -> list[str]:
    """Visible label/button/placeholder/tab texts with Persian letters (an English-view defect).

    Data shown in lists and tables is not inspected, only the UI's own texts.
    """
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible():
            continue
        texts: list[str] = []
        if isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QTabWidget):
            texts.extend(widget.tabText(i) for i in range(widget.count()))
        found.extend(t for t in texts if has_persian(t))
    return found


class _Shooter:
    def __init__(self, shots_dir: Path | None) -> None:
        self.shots_dir = shots_dir
        self.count = 0
        self.latin: list[str] = []
        self.persian: list[str] = []
        if shots_dir is not None:
            shots_dir.mkdir(parents=True, exist_ok=True)

    def __call__(self, name: str, widget: QWidget) -> None:
        QApplication.processEvents()
        target = widget.window()
        if current_language() == "fa":
            self.latin.extend(f"{name}: {t}" for t in latin_digit_texts(target))
        else:
            self.persian.extend(f"{name}: {t}" for t in persian_chrome_texts(target))
        pixmap = target.grab()
        if pixmap.isNull() or pixmap.width() < 50:
            raise RuntimeError(f"empty screen for {name}")
        self.count += 1
        if self.shots_dir is not None:
            path = self.shots_dir / f"{current_language()}_{name}.png"
            if not pixmap.save(str(path)):
                raise RuntimeError(f"could not save {path}")


def run_selftest(paths: AppPaths, db: DatabaseHandle, shots_dir: Path | None) -> int:
    """Open every module view and form in Persian and English; 0 when all worked.

    The user's language setting is not changed.
    """
    from qazvin_diplomacy.ui.main_window import MainWindow

    app = get_application()
    settings = Settings(paths.settings_file)
    window = MainWindow(paths, db, settings)
    window.setWindowState(Qt.WindowState.WindowNoState)  # not maximized on a small test screen
    window.resize(1366, 820)
    window.show()
    shooter = _Shooter(shots_dir)
    failures: list[str] = []
    old_hook = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException, tb: object) -> None:
        # Errors raised inside Qt callbacks (slots, event overrides) end up here.
        failures.append("".join(traceback.format_exception(kind, exc, tb)))  # type: ignore[arg-type]
        old_hook(kind, exc, tb)  # type: ignore[arg-type]

    sys.excepthook = hook
    try:
        for language in ("fa", "en"):
            apply_language(app, language)
            for spec in MODULES:
                try:
                    page = window.show_module(spec.key)
                    QApplication.processEvents()
                    page.selftest(lambda name, w, key=spec.key: shooter(f"{key}_{name}", w))
                except Exception:  # every failure is reported, then the next module runs
                    failures.append(f"{language}/{spec.key}:\n{traceback.format_exc()}")
            try:
                dialog = window.open_settings()
                shooter("settings", dialog)
                dialog.reject()
            except Exception:
                failures.append(f"{language}/settings:\n{traceback.format_exc()}")
            try:
                from qazvin_diplomacy.ui import backup as backup_ui
                from qazvin_diplomacy.ui.visits import reports as reports_ui

                backup_ui.selftest(window, shooter)
                from qazvin_diplomacy.ui import holidays as holidays_ui

                holidays_ui.selftest(window, db, shooter)
                reports_ui.selftest(window.show_module("visits"), shooter)  # type: ignore[arg-type]
            except Exception:
                failures.append(f"{language}/backup+reports:\n{traceback.format_exc()}")
    finally:
        sys.excepthook = old_hook
        apply_language(app, settings.get(LANGUAGE))
        window.runner.wait()
        window.hide()  # not close(): the user's remembered window geometry stays as it was
        window.deleteLater()
        QCoreApplication.processEvents()
    for text in shooter.latin:
        log.warning("Latin digits in a Persian view: %s", text)
    for text in shooter.persian:
        log.warning("Persian text in the English interface: %s", text)
    for failure in failures:
        log.error("self-test failure %s", failure)
    print(
        f"selftest: {shooter.count} screens, {len(failures)} failures"
        + (f", saved in {shots_dir}" if shots_dir else "")
    )
    for failure in failures:
        print(failure)
    return 0 if not failures and shooter.count else 1


def _quiet_offscreen_notices() -> object:
    """Drop the offscreen platform's "This plugin does not support …" notices; keep the rest.

    Returns the previous handler, to be reinstalled afterwards.
    """
    from PySide6.QtCore import qInstallMessageHandler

    def handler(_mode: object, _context: object, message: str) -> None:
        if not message.startswith("This plugin does not support"):
            sys.stderr.write(message + "\n")

    return qInstallMessageHandler(handler)


def main(db: str | None = None, shots: str | None = None) -> int:
    """``qazvin-diplomacy selftest [--db PATH] [--shots DIR]``: run offscreen, return 0 if OK.

    Without ``--db`` a temporary database is filled with the demo data and removed after.
    """
    import os
    import tempfile

    from qazvin_diplomacy.paths import resolve_paths
    from qazvin_diplomacy.services.connection import open_for_work
    from qazvin_diplomacy.services.demo import load_demo

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    previous_handler = _quiet_offscreen_notices()
    shots_dir = Path(shots).expanduser().resolve() if shots else None
    with tempfile.TemporaryDirectory(prefix="qazvin-selftest-") as tmp:
        if db is None:
            paths = resolve_paths(base_dir=Path(tmp)).ensure()
        else:
            paths = resolve_paths(db)
        database = open_for_work(
            paths.db_path,
            backups_dir=paths.backups_dir,
            attachments_dir=paths.attachments_dir,
            accepted=paths.ensure,  # only once the file is accepted: nothing beside a refused one
        )
        try:
            if db is None:
                load_demo(database)
            return run_selftest(paths, database, shots_dir)
        finally:
            database.close()
            from PySide6.QtCore import qInstallMessageHandler

            qInstallMessageHandler(previous_handler)  # type: ignore[arg-type]
