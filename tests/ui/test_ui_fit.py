"""Nothing clipped, nothing misplaced (issue 15, item 1): measured on the demo data."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QScrollArea

from qazvin_diplomacy.services.demo import load_demo
from qazvin_diplomacy.ui.common import ID_ROLE
from qazvin_diplomacy.ui.dashboard import DashboardPage, ListCard


@pytest.fixture
def demo_window(window, db):
    """The main window at 1280×800 on the demo data."""
    load_demo(db)
    window.resize(1280, 800)
    QApplication.processEvents()
    return window


def test_dashboard_cards_fit_their_rows_and_scroll_as_one_page(demo_window, qtbot) -> None:
    page = demo_window.show_module("dashboard")
    assert isinstance(page, DashboardPage)
    page.refresh()
    page.wait_read()
    QApplication.processEvents()  # one round of layout, as before the first paint
    # The heading and every card are inside one scroll area: the page scrolls as a whole.
    assert isinstance(page.scroll, QScrollArea)
    body = page.scroll.widget()
    assert body.isAncestorOf(page.heading)
    cards = [c for c in page.cards.values() if isinstance(c, ListCard) and c.isVisible()]
    assert len(cards) >= 6
    wrapped = 0
    for card in cards:
        assert body.isAncestorOf(card)
        lst = card.list
        fm = lst.fontMetrics()
        width = lst.viewport().width()
        for i in range(lst.count()):
            rect = lst.visualRect(lst.model().index(i, 0))
            need = fm.boundingRect(
                QRect(0, 0, width - 2 * lst.MARGIN, 10000),
                int(Qt.TextFlag.TextWordWrap),
                lst.item(i).text(),
            )
            wrapped += need.height() > fm.height() * 1.5
            assert rect.height() >= need.height(), (card.title.text(), lst.item(i).text())
            assert rect.bottom() <= lst.viewport().height()  # the row is inside the list
        # Sized to content: no empty band under the last row.
        assert lst.height() <= lst.heightForWidth(lst.width()) + 4
    assert wrapped >= 1  # the event line that used to stop mid-sentence wraps onto two lines
    # Below the fold at 1280×800, yet reachable: the page scrolls.
    bar = page.scroll.verticalScrollBar()
    assert body.height() <= page.scroll.viewport().height() or bar.maximum() > 0


def _list_page(window, key: str):
    page = window.show_module(key)
    page.refresh()
    QApplication.processEvents()
    return page


@pytest.mark.parametrize(("key", "attr"), [("visits", "table"), ("events", "table")])
def test_list_title_column_gets_the_room_it_needs(demo_window, key, attr) -> None:
    """At the default window size the title column is as wide as its longest title while
    the other columns are narrowed to their content, never below their header."""
    table = getattr(_list_page(demo_window, key), attr)
    stretch = table.property("fit_stretch")
    header = table.horizontalHeader()
    assert table.model().rowCount() > 0
    assert table.columnWidth(stretch) >= table.sizeHintForColumn(stretch)
    for col in range(header.count()):
        if not header.isSectionHidden(col):
            assert table.columnWidth(col) >= header.sectionSizeHint(col), col  # header whole


def test_people_list_gives_names_the_room_and_says_when_empty(demo_window) -> None:
    page = _list_page(demo_window, "directory")
    tab = page.people_tab
    page.tabs.setCurrentWidget(tab)
    QApplication.processEvents()
    view = tab.view
    assert view.columnWidth(0) >= view.sizeHintForColumn(0)
    tab.text.setText("نامی که در فهرست نیست")
    page.apply_filters()
    assert tab.model.rowCount() == 0
    assert "«مخاطب جدید»" in view.empty_message()


def test_empty_directory_lists_say_what_to_do_next(app, qtbot, paths, db, settings) -> None:
    from qazvin_diplomacy.ui.common import TaskRunner
    from qazvin_diplomacy.ui.directory.page import DirectoryPage
    from qazvin_diplomacy.ui.modules import Hub, UiContext

    ctx = UiContext(paths=paths, db=db, settings=settings, runner=TaskRunner(), hub=Hub())
    page = DirectoryPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    orgs = page.orgs_tab
    page.tabs.setCurrentWidget(orgs)
    orgs.apply_filters()
    assert orgs.model.rowCount() == 0
    assert "«سازمان جدید»" in orgs.view.empty_message()
    people = page.people_tab
    people.apply_filters()
    assert "اکسل" in people.view.empty_message()
    countries = page.countries_tab
    countries.text.setText("کشوری که نیست")
    countries.apply_filters()
    assert "«فقط کشورهای هدف»" in countries.view.empty_message()


def test_merge_dialog_shows_its_whole_message(demo_window, qtbot) -> None:
    page = _list_page(demo_window, "directory")
    tab = page.people_tab
    page.tabs.setCurrentWidget(tab)
    tab.select_ids([tab.model.index(r, 0).data(ID_ROLE) for r in (0, 1)])
    dialog = page.merge_selected()
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    label = dialog.text
    assert label.text().count("\n") >= 4
    assert label.height() >= label.heightForWidth(label.width())  # no line cut top or bottom
    dialog.reject()


def test_event_form_end_time_sits_beside_the_start_time(app, qtbot, db) -> None:
    from qazvin_diplomacy.ui.events.form import EventForm

    form = EventForm(db)
    qtbot.addWidget(form)
    form.resize(1080, 760)
    form.show()
    QApplication.processEvents()
    start, end = form.start_time, form.end_time
    end_label = form.labels["end_time"]

    def gap(a, b) -> int:  # the horizontal distance between two widgets of the row
        ra = QRect(a.mapTo(form, a.rect().topLeft()), a.size())
        rb = QRect(b.mapTo(form, b.rect().topLeft()), b.size())
        return max(ra.left() - rb.right(), rb.left() - ra.right())

    assert gap(start, end_label) < 40  # the label follows the start box …
    assert gap(end_label, end) < 40  # … and its own box follows the label
    # The label says its whole text.
    assert end_label.width() >= end_label.fontMetrics().horizontalAdvance(end_label.text())


def test_date_value_sits_beside_its_label_in_either_language(app, qtbot) -> None:
    from qazvin_diplomacy.ui.application import apply_language
    from qazvin_diplomacy.ui.widgets.jalali import JalaliDateEdit

    edit = JalaliDateEdit()
    qtbot.addWidget(edit)
    assert edit.line.alignment() & Qt.AlignmentFlag.AlignRight  # RTL: the label's side
    assert edit.line.alignment() & Qt.AlignmentFlag.AlignAbsolute
    apply_language(app, "en")
    try:
        assert edit.line.alignment() & Qt.AlignmentFlag.AlignLeft
    finally:
        apply_language(app, "fa")


def test_an_invalid_filter_date_does_not_make_the_row_jump(demo_window) -> None:
    page = _list_page(demo_window, "visits")
    bar = page.filter_bar
    QApplication.processEvents()
    before = bar.height(), bar.sizeHint().height()
    bar.date_from.setText("۱۴۰۵/۱۳/۴۰")
    QApplication.processEvents()
    assert bar.date_from.error()  # refused, outlined, the message in the tooltip
    assert bar.date_from.line.toolTip() == bar.date_from.error()
    assert not bar.date_from.error_label.isVisible()
    assert (bar.height(), bar.sizeHint().height()) == before
