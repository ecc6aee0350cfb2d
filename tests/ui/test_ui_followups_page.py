"""The follow-ups page and the dashboard card «پیگیری‌های این هفته» (issue 20, item 4)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from qazvin_diplomacy.core.followups import FollowUpDue, FollowUpInput, FollowUpStatus
from qazvin_diplomacy.core.jalali import from_jalali
from qazvin_diplomacy.core.visits import GuestEntry, VisitInput
from qazvin_diplomacy.services import followups as followups_service
from qazvin_diplomacy.services import visits as visits_service
from qazvin_diplomacy.ui import settings as S
from qazvin_diplomacy.ui.followups.cards import WeekFollowUpsCard
from qazvin_diplomacy.ui.followups.page import MINE, FollowUpsPage

TODAY = from_jalali(1404, 8, 12)  # a Monday; its week runs 1404/08/10 (Sat) to 08/16 (Fri)


@pytest.fixture
def tasks(db, people) -> dict[str, int]:
    """A visit with three follow-ups: next week, this week (owned by the clerk), overdue; one done."""
    visit = VisitInput(
        title="دیدار سفیر ژاپن",
        start_at=dt.datetime.combine(TODAY - dt.timedelta(days=5), dt.time(10)),
        end_at=dt.datetime.combine(TODAY - dt.timedelta(days=5), dt.time(11)),
        guests=(GuestEntry(people["ambassador"]),),
        followups=(
            FollowUpInput("ارسال نامه تشکر", deadline=TODAY + dt.timedelta(days=8)),
            FollowUpInput(
                "پیگیری سفر هیئت تجاری", owner_text="مریم احمدی", deadline=TODAY + dt.timedelta(2)
            ),
            FollowUpInput("ارسال عکس‌ها", deadline=TODAY - dt.timedelta(days=3)),
            FollowUpInput("بایگانی صورتجلسه", deadline=TODAY, status=FollowUpStatus.DONE.value),
        ),
    )
    detail = visits_service.save_visit(db, visit=visit, conflict_reason="آزمون")
    return {t.title: t.id for t in detail.followups} | {"visit": detail.id}


@pytest.fixture
def page(window, tasks, monkeypatch) -> FollowUpsPage:
    window.ctx.today = lambda: TODAY
    page = window.show_module("followups")
    assert isinstance(page, FollowUpsPage)
    return page


def _titles(page: FollowUpsPage) -> list[str]:
    return [page.model.item(r).title for r in range(page.model.rowCount())]


def test_a_follow_up_due_next_week_is_listed(page) -> None:
    assert _titles(page) == ["ارسال عکس‌ها", "پیگیری سفر هیئت تجاری", "ارسال نامه تشکر"]
    assert "دیدار سفیر ژاپن" in page.model.index(0, 3).data()  # its source
    # … isolated, so "Visit: <Persian title>" keeps its colon in the English list
    assert page.model.index(0, 3).data().endswith("\u2068دیدار سفیر ژاپن\u2069")


def test_due_this_week_overdue_done(page) -> None:
    bar = page.filter_bar
    for due, expected in (
        (FollowUpDue.WEEK, ["پیگیری سفر هیئت تجاری"]),
        (FollowUpDue.OVERDUE, ["ارسال عکس‌ها"]),
        (FollowUpDue.DONE, ["بایگانی صورتجلسه"]),
    ):
        bar.due.setCurrentIndex(bar.due.findData(due.value))
        assert _titles(page) == expected


def test_mine_follows_the_name_in_the_settings(page, window) -> None:
    bar = page.filter_bar
    bar.scope.setCurrentIndex(bar.scope.findData(MINE))
    assert "تنظیمات" in page.count_label.text()  # says how to get "mine"
    window.settings.set(S.MY_NAME, "مریم احمدی")
    page.refresh_current()
    assert _titles(page) == ["پیگیری سفر هیئت تجاری"]


def test_owner_and_source_filters(page, qtbot) -> None:
    bar = page.filter_bar
    bar.source.setCurrentIndex(bar.source.findData("agreement"))
    assert _titles(page) == []
    bar.source.setCurrentIndex(bar.source.findData("visit"))
    bar.owner.setText("احمدی")
    qtbot.waitUntil(lambda: _titles(page) == ["پیگیری سفر هیئت تجاری"], timeout=3000)


def test_export_writes_the_list_as_filtered(page, qtbot, tmp_path: Path) -> None:
    bar = page.filter_bar
    bar.due.setCurrentIndex(bar.due.findData(FollowUpDue.OVERDUE.value))
    target = tmp_path / "followups.xlsx"
    task = page.export_list(target)
    qtbot.waitUntil(lambda: task.outcome != "", timeout=30_000)
    sheet = openpyxl.load_workbook(target).active
    titles = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True) if row[0]]
    assert titles == ["ارسال عکس‌ها"]


def test_double_click_opens_the_visit(page, window, tasks) -> None:
    assert page.open_source(0)
    visits = window.pages["visits"]
    assert visits.forms and visits.forms[-1].detail.id == tasks["visit"]


def test_dashboard_card_shows_this_weeks_follow_ups(window, tasks, qtbot) -> None:
    card = WeekFollowUpsCard(window.ctx)
    qtbot.addWidget(card)
    card.fill(card.read(TODAY))
    assert card.count == 1 and "پیگیری‌های این هفته" in card.title.text()
    assert any("پیگیری سفر هیئت تجاری" in text for text in card.texts())


def test_overdue_stays_overdue(db, tasks) -> None:
    overdue = followups_service.list_overdue(db, today=TODAY)
    assert [t.title for t in overdue] == ["ارسال عکس‌ها"]
