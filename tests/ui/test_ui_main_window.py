"""The main window: language switch, shortcuts, module registry, geometry, icons, LTR fields."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QLineEdit

from qazvin_diplomacy.ui import settings as S
from qazvin_diplomacy.ui.calendar.page import MONTH
from qazvin_diplomacy.ui.common import make_ltr
from qazvin_diplomacy.ui.icons import icon_pixmap
from qazvin_diplomacy.ui.main_window import MainWindow, SettingsDialog
from qazvin_diplomacy.ui.modules import ModulePage
from qazvin_diplomacy.ui.registry import MODULES, all_cards
from qazvin_diplomacy.ui.visits.page import CALENDAR_TAB


def test_persian_by_default_right_to_left(window: MainWindow, app) -> None:
    assert app.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.nav.item(0).text() == "پیشخوان"
    assert window.nav.item(1).text() == "دیدارها"
    assert window.act_save.text() == "ذخیره"


def test_switching_language_flips_layout_and_is_remembered(window: MainWindow, app, paths) -> None:
    page = window.show_module("visits")
    window.set_language("en")
    assert app.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert window.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert page.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert window.nav.item(1).text() == "Visits"
    assert page.heading.text() == "Visits"  # retranslated live
    assert page.filter_bar.clear_button.text() == "Clear filters"
    assert page.views.tabText(CALENDAR_TAB) == "Calendar"
    assert page.calendar.view_buttons[MONTH].text() == "Month"
    assert S.Settings(paths.settings_file).get(S.LANGUAGE) == "en"
    window.set_language("fa")
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert page.heading.text() == "دیدارها"
    assert page.calendar.view_buttons[MONTH].text() == "ماه"


def test_settings_dialog_changes_language(window: MainWindow, app, qtbot) -> None:
    dialog = window.open_settings()
    assert isinstance(dialog, SettingsDialog)
    combo = dialog.editors[S.LANGUAGE.key]
    assert isinstance(combo, QComboBox)
    assert dialog.labels[S.LANGUAGE.key].text() == "زبان"
    combo.setCurrentIndex(combo.findData("en"))
    dialog.accept()
    assert app.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert window.act_new.text() == "New"


def test_ltr_fields_stay_left_to_right_in_persian_layout(app, qtbot) -> None:
    email = make_ltr(QLineEdit())
    qtbot.addWidget(email)
    name = QLineEdit()
    qtbot.addWidget(name)
    assert email.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert name.layoutDirection() == Qt.LayoutDirection.RightToLeft
    from qazvin_diplomacy.ui.application import apply_language

    apply_language(app, "en")
    apply_language(app, "fa")
    assert email.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_directional_icons_mirror_in_rtl_but_check_mark_does_not() -> None:
    def dark_columns(name: str, rtl: bool) -> list[int]:
        img = icon_pixmap(name, rtl=rtl).toImage()
        return [x for x in range(img.width()) if img.pixelColor(x, 32).alpha() > 0]

    back_ltr, back_rtl = dark_columns("back", False), dark_columns("back", True)
    assert back_ltr and back_rtl
    assert min(back_ltr) < 20 and min(back_rtl) > 10  # LTR back points left, RTL back right
    assert [63 - x for x in reversed(back_ltr)] == back_rtl
    assert dark_columns("check", False) == dark_columns("check", True)
    assert dark_columns("logo", False) == dark_columns("logo", True)


def test_every_registered_module_has_a_page_and_nav_entry(window: MainWindow) -> None:
    assert [
        window.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(window.nav.count())
    ] == [m.key for m in MODULES]
    for spec in MODULES:
        assert isinstance(window.show_module(spec.key), ModulePage)
        assert window.current_page() is window.pages[spec.key]
    orders = [c.order for c in all_cards()]
    assert orders == sorted(orders)


def test_shortcuts_are_routed_to_the_current_page(window: MainWindow, qtbot) -> None:
    page = window.show_module("visits")
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(page.forms) == 1 and page.forms[0].isVisible()
    page.forms[0].close()
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.focusWidget() is page.search_box  # Ctrl+F: the page's filter
    QTest.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.focusWidget() is window.global_search.box  # Ctrl+K: always the global search
    QTest.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.focusWidget() is window.global_search.box
    assert [s.toString() for s in window.act_search.shortcuts()] == ["Ctrl+K"]
    assert window.act_filter.shortcut().toString() == "Ctrl+F"
    assert window.act_print.shortcut().toString() == "Ctrl+P"
    assert window.act_save.shortcut().toString() == "Ctrl+S"


def test_ctrl_f_on_the_check_in_tab_does_not_filter_the_hidden_events_list(
    window: MainWindow, qtbot
) -> None:
    page = window.show_module("events")
    window.activateWindow()
    page.views.setCurrentWidget(page.checkin)
    assert not page.search_box.isVisible()
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.focusWidget() is not page.search_box


def test_window_geometry_is_remembered(app, qtbot, paths, db, settings) -> None:
    first = MainWindow(paths, db, settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 500)
    first.close()
    second = MainWindow(paths, db, S.Settings(paths.settings_file))
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (700, 500)
    assert S.Settings(paths.settings_file).get(S.LANGUAGE) == "fa"  # state kept apart from choices


def test_font_falls_back_to_a_system_persian_font_with_a_warning(app, tmp_path, caplog) -> None:
    from qazvin_diplomacy.ui.fonts import BUNDLED_FAMILY, register_fonts

    assert register_fonts() == BUNDLED_FAMILY
    with caplog.at_level("WARNING"):
        family = register_fonts(tmp_path)  # no font files there
    assert family
    assert "Vazirmatn could not be loaded" in caplog.text


def test_navigation_shows_every_module_name_whole(window: MainWindow, app, qtbot) -> None:
    """With every module registered, the longest name fits the navigation in both languages."""
    window.resize(1280, 800)
    window.show()
    for lang in ("fa", "en"):
        window.set_language(lang)
        qtbot.wait(10)
        nav = window.nav
        metrics = nav.fontMetrics()
        widest = max(metrics.horizontalAdvance(nav.item(r).text()) for r in range(nav.count()))
        room = nav.viewport().width() - nav.iconSize().width() - 16  # icon and item padding
        assert widest <= room, (lang, widest, room)
        assert not nav.horizontalScrollBar().isVisible()
    window.set_language("fa")
