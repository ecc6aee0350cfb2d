"""A database on removable media is announced in the window, not only in the log."""

from __future__ import annotations

from qazvin_diplomacy.ui.main_window import MainWindow


def _window(qtbot, paths, db, settings) -> MainWindow:
    win = MainWindow(paths, db, settings)
    qtbot.addWidget(win)
    win.show()
    return win


def test_removable_media_warning_is_shown_and_translated(app, qtbot, paths, db, settings) -> None:
    db.location = "removable"  # what Database.open found (a USB stick, or a USB disk)
    win = _window(qtbot, paths, db, settings)
    try:
        assert win.media_warning.isVisible()
        assert "جداشدنی" in win.media_warning.text()
        assert "پشتیبان" in win.media_warning.toolTip()
        win.set_language("en")
        assert win.media_warning.text() == "The database is on removable media (USB)"
        win.set_language("fa")
    finally:
        win.runner.wait()


def test_no_warning_on_a_local_disk(app, qtbot, paths, db, settings) -> None:
    assert db.location == "local"
    win = _window(qtbot, paths, db, settings)
    try:
        assert not win.media_warning.isVisible()
    finally:
        win.runner.wait()
