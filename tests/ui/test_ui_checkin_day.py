"""Check-in on a day that is not the event's says so (issue 20, item 11)."""

from __future__ import annotations

import datetime as dt

from qazvin_diplomacy.core.events import EventInput, EventStatus
from qazvin_diplomacy.services import events as svc
from qazvin_diplomacy.ui.events.checkin import CheckinView

TODAY = dt.date(2025, 11, 1)


def _event(db, start: dt.date) -> int:
    event = EventInput(title_fa="ضیافت ملی", start_date=start, status=EventStatus.PLANNED)
    return svc.save_event(db, event=event).id


def test_check_in_two_weeks_before_the_event_warns(app, qtbot, db) -> None:
    view = CheckinView(db, today=lambda: TODAY)
    qtbot.addWidget(view)
    view.show()
    early = _event(db, TODAY + dt.timedelta(days=14))
    assert view.set_event(early)
    assert view.day_warning.isVisible()
    assert "۱۴" in view.day_warning.text() and "روز" in view.day_warning.text()
    today = _event(db, TODAY)
    assert view.set_event(today)
    assert not view.day_warning.isVisible()
    past = _event(db, TODAY - dt.timedelta(days=3))
    assert view.set_event(past)
    assert view.day_warning.isVisible() and "پایان" in view.day_warning.text()
