"""The meetings module's counted dashboard cards: their titles and empty notes in Persian and
English, the count in the title."""

from __future__ import annotations

import pytest

from qazvin_diplomacy.core.jalali import from_jalali
from qazvin_diplomacy.ui.application import apply_language
from qazvin_diplomacy.ui.common import TaskRunner
from qazvin_diplomacy.ui.meetings.cards import OverdueByBodyCard, WeekResolutionsCard
from qazvin_diplomacy.ui.modules import Hub, UiContext


@pytest.fixture
def ctx(app, paths, db, settings) -> UiContext:
    today = from_jalali(1404, 9, 1)
    return UiContext(
        paths=paths, db=db, settings=settings, runner=TaskRunner(), hub=Hub(), today=lambda: today
    )


def test_titles_count_and_say_so_when_empty_in_both_languages(app, ctx, qtbot) -> None:
    cards = [OverdueByBodyCard(ctx), WeekResolutionsCard(ctx)]
    for card in cards:
        qtbot.addWidget(card)
        card.refresh()
    overdue, week = cards
    assert overdue.title.text() == "مصوبات گذشته از مهلت به تفکیک دستگاه (۰)"
    assert week.title.text() == "مصوبات با مهلت این هفته (۰)"
    assert overdue.empty.text() and week.empty.text() and overdue.texts() == []
    apply_language(app, "en")
    try:
        assert overdue.title.text() == "Overdue resolutions by body (0)"
        assert week.empty.text() == "No resolution is due this week."
    finally:
        apply_language(app, "fa")
