"""Nothing clipped, nothing misplaced (issue 15, item 1): measured on the demo data."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QScrollArea

from qazvin_diplomacy.services.demo import load_demo
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
