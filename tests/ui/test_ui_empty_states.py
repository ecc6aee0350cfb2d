"""Every empty list and archive says so in a sentence with the next action."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QColor, QImage

from qazvin_diplomacy.ui.agreements.page import AgreementsPage
from qazvin_diplomacy.ui.application import apply_language
from qazvin_diplomacy.ui.common import TaskRunner
from qazvin_diplomacy.ui.events.page import EventsPage
from qazvin_diplomacy.ui.followups.page import FollowUpsPage
from qazvin_diplomacy.ui.letters.page import LettersPage
from qazvin_diplomacy.ui.list_page import ListPage
from qazvin_diplomacy.ui.meetings.page import MeetingsPage
from qazvin_diplomacy.ui.modules import Hub, UiContext
from qazvin_diplomacy.ui.visits.page import VisitsPage


def _page(cls: type[ListPage], qtbot, paths, db, settings) -> ListPage:
    ctx = UiContext(
        paths=paths,
        db=db,
        settings=settings,
        runner=TaskRunner(),
        hub=Hub(),
        today=lambda: dt.date(2025, 11, 1),
    )
    page = cls(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.refresh()
    return page


def _ink(table) -> int:
    """How many pixels of the empty table's viewport differ from its background."""
    image: QImage = table.viewport().grab().toImage()
    background = QColor(image.pixel(2, 2))
    return sum(
        QColor(image.pixel(x, y)) != background
        for x in range(0, image.width(), 3)
        for y in range(0, min(image.height(), 120), 3)
    )


@pytest.mark.parametrize(
    ("cls", "words"),
    [
        (VisitsPage, "«دیدار جدید»"),
        (EventsPage, "«رویداد جدید»"),
        (AgreementsPage, "«موافقت‌نامهٔ جدید»"),
        (LettersPage, "«نامهٔ جدید»"),
        (MeetingsPage, "«جلسهٔ جدید»"),
    ],
)
def test_an_empty_list_says_what_to_do_next(cls, words, app, qtbot, paths, db, settings) -> None:
    page = _page(cls, qtbot, paths, db, settings)
    assert page.model.rowCount() == 0
    message = page.table.empty_message()
    assert words in message and "فیلتر" in message
    assert page.new_button.text() in message  # names the very button to press
    assert _ink(page.table) > 20  # the sentence is drawn
    apply_language(app, "en")
    try:
        assert "New" in page.table.empty_message()
        assert not any("\u0600" <= ch <= "\u06ff" for ch in page.table.empty_message())
    finally:
        apply_language(app, "fa")


@pytest.mark.parametrize("cls", [VisitsPage, AgreementsPage])
def test_an_empty_archive_says_how_records_get_there(
    cls, app, qtbot, paths, db, settings
) -> None:  # app: in Persian whatever the worker's previous test left behind
    page = _page(cls, qtbot, paths, db, settings)
    page.views.setCurrentWidget(page.archive_table.parentWidget())
    assert page.archive_model.rowCount() == 0
    assert "بایگانی خالی است" in page.archive_table.empty_message()


def test_a_list_with_rows_draws_no_sentence(qtbot, paths, demo_data, db, settings) -> None:
    page = _page(VisitsPage, qtbot, paths, db, settings)
    assert page.model.rowCount() > 0
    assert page.table.empty_message() == ""


def test_an_empty_follow_ups_list_says_where_follow_ups_are_added(
    app, qtbot, paths, db, settings
) -> None:
    page = _page(FollowUpsPage, qtbot, paths, db, settings)
    assert page.model.rowCount() == 0
    message = page.table.empty_message()
    assert "فیلتر" in message and "فرم دیدار" in message
