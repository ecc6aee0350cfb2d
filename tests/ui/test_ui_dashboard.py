"""The dashboard: first-run card on an empty database, visit and follow-up cards."""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from shiboken6 import isValid

from qazvin_diplomacy.core.followups import FollowUpInput
from qazvin_diplomacy.core.visits import GuestEntry, VisitInput, VisitStatus
from qazvin_diplomacy.services import health
from qazvin_diplomacy.services import visits as visits_service
from qazvin_diplomacy.ui.dashboard import DashboardPage, FirstRunCard


def test_empty_database_offers_sample_data_loaded_off_the_gui_thread(window, qtbot, db) -> None:
    page = window.show_module("dashboard")
    assert isinstance(page, DashboardPage)
    card = page.cards["first_run"]
    assert isinstance(card, FirstRunCard)
    qtbot.waitUntil(card.isVisible)  # the cards are read in the worker
    assert card.button.text() == "بارگذاری دادهٔ نمونه"
    qtbot.mouseClick(card.button, Qt.MouseButton.LeftButton)
    assert card.progress.isVisible()  # busy while the worker runs
    assert not card.button.isEnabled()
    qtbot.waitUntil(lambda: not card.progress.isVisible(), timeout=60000)
    assert not health.is_empty(db)
    qtbot.waitUntil(lambda: not card.isVisible())  # the dashboard refreshed itself
    assert "دادهٔ نمونه بارگذاری شد" in card.result.text()


def test_cards_show_todays_week_and_overdue_items(window, qtbot, db, people) -> None:
    page = window.show_module("dashboard")
    today = page.ctx.today()
    start = dt.datetime.combine(today, dt.time(9))
    visit = VisitInput(
        title="دیدار امروز با سفیر",
        start_at=start,
        end_at=start + dt.timedelta(hours=1),
        status=VisitStatus.CONFIRMED,
        guests=(GuestEntry(people["ambassador"]),),
        followups=(
            FollowUpInput(
                title="ارسال گزارش دیدار",
                owner_text="دبیرخانه",
                deadline=today - dt.timedelta(days=3),
            ),
        ),
    )
    visits_service.save_visit(db, visit=visit, conflict_reason="آزمون: ممکن است امروز جمعه باشد")
    window.hub.dataChanged.emit("visits")
    today_card = page.cards["visits_today"]
    qtbot.waitUntil(lambda: not page.reading() and today_card.isVisible())
    assert today_card.texts() == ["۰۹:۰۰ — \u2068دیدار امروز با سفیر\u2069"]  # title isolated
    assert today_card.title.text() == "دیدارهای امروز (۱)"
    assert any("دیدار امروز با سفیر" in t for t in page.cards["visits_week"].texts())
    overdue = page.cards["overdue_followups"]
    assert overdue.title.text() == "پیگیری‌های عقب‌افتاده (۱)"
    assert overdue.texts()[0].startswith("\u2068ارسال گزارش دیدار\u2069 — مهلت ")
    assert not page.cards["first_run"].isVisible()
    # double-click opens the visit in the visits module
    item = today_card.list.item(0)
    today_card.list.itemDoubleClicked.emit(item)
    visits_page = window.current_page()
    assert visits_page is window.pages["visits"]
    assert visits_page.forms and visits_page.forms[-1].title_edit.text() == "دیدار امروز با سفیر"


def test_cards_are_read_off_the_gui_thread_and_refreshes_coalesce(
    window, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = window.show_module("dashboard")
    page.wait_read()
    threads: list[threading.Thread] = []
    original = FirstRunCard.read

    def read(self: FirstRunCard, today: dt.date) -> bool:
        threads.append(threading.current_thread())
        time.sleep(0.2)  # long enough for the refreshes below to arrive while it runs
        return original(self, today)

    monkeypatch.setattr(FirstRunCard, "read", read)
    for _ in range(5):  # e.g. five saves in a row
        window.hub.dataChanged.emit("visits")
    assert page.reading()
    qtbot.waitUntil(lambda: not page.reading(), timeout=10000)
    assert len(threads) == 2  # the first read and one more for the four asked meanwhile
    assert all(t is not threading.main_thread() for t in threads)
    assert page.cards["first_run"].isVisible()


def test_closing_the_window_while_the_cards_are_read_is_safe(
    app, qtbot, paths, db, settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from qazvin_diplomacy.ui.main_window import MainWindow

    win = MainWindow(paths, db, settings)
    page = win.show_module("dashboard")
    page.wait_read()
    started = threading.Event()
    original = FirstRunCard.read

    def read(self: FirstRunCard, today: dt.date) -> bool:
        started.set()
        time.sleep(0.3)
        return original(self, today)

    monkeypatch.setattr(FirstRunCard, "read", read)
    page.refresh()
    assert started.wait(5)
    win.close()  # waits for the worker; the read's result arrives after
    win.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()  # the result reaches a deleted page: ignored, no error
    assert not isValid(page)
