"""The meetings module's dashboard cards: the next meetings, overdue resolutions by body and
the resolutions due this week (read through ``services.meetings`` in the dashboard's worker)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QListWidgetItem, QWidget

from qazvin_diplomacy.core.meetings import (
    MeetingView,
    ResolutionDue,
    ResolutionFilter,
    ResolutionView,
)
from qazvin_diplomacy.core.text import bidi_isolate
from qazvin_diplomacy.services import meetings as meetings_service
from qazvin_diplomacy.services.meetings import BodySummary
from qazvin_diplomacy.ui.common import ID_ROLE
from qazvin_diplomacy.ui.dashboard import ListCard
from qazvin_diplomacy.ui.i18n import QT_TRANSLATE_NOOP, current_language, loc_digits, loc_text
from qazvin_diplomacy.ui.meetings.models import fa_en, number_text
from qazvin_diplomacy.ui.modules import UiContext
from qazvin_diplomacy.ui.widgets.jalali import show_date, show_time


def meetings_page(card: QWidget) -> Any:
    """The main window's meetings page, shown (None outside the main window)."""
    show = getattr(card.window(), "show_module", None)
    return show("meetings") if callable(show) else None


class NextMeetingsCard(ListCard):
    """The coming sessions, soonest first; a row opens the meeting."""

    LIMIT = 6

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.open_module = "meetings"
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.title.setText(self.tr("Next meetings"))
        self.empty.setText(self.tr("No meeting is planned."))

    def read(self, today: dt.date) -> list[MeetingView]:
        """The next meetings."""
        return meetings_service.next_meetings(self.ctx.db, today=today, limit=self.LIMIT)

    def show_data(self, data: list[MeetingView]) -> None:
        """Show the next meetings: date, time, series and number."""
        lang = current_language()
        rows = []
        for m in data:
            when = show_date(m.meeting_date, weekday=True)
            if m.start_time:
                when += " " + show_time(m.start_time)
            text = f"{when} — {bidi_isolate(loc_text(m.title(lang)))}"
            if m.holiday_fa:
                text += " — " + self.tr("holiday: %1").replace("%1", m.holiday_fa)
            rows.append((m.id or 0, text, loc_text(m.venue) or text))
        self.set_rows(rows)


class _CountedCard(ListCard):
    """A card of resolutions ``DUE`` (overdue, this week) whose title counts them all
    (``TITLE``: "… (%1)"); ``first(today)`` gives its rows.  Texts in the subclass's context."""

    TITLE = ""
    EMPTY = ""
    DUE = ResolutionDue.OVERDUE

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.count = 0
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.title.setText(self.tr(self.TITLE).replace("%1", loc_digits(self.count)))
        self.empty.setText(self.tr(self.EMPTY))

    def read(self, today: dt.date) -> tuple[int, list[Any]]:
        """How many resolutions are ``DUE``, and the first rows."""
        due = ResolutionFilter(due=self.DUE.value, today=today)
        return meetings_service.count_resolutions(self.ctx.db, filters=due), self.first(today)

    def first(self, today: dt.date) -> list[Any]:
        """The rows shown."""
        raise NotImplementedError


class OverdueByBodyCard(_CountedCard):
    """Bodies with overdue resolutions, the most overdue first; a row lists what the body owes."""

    LIMIT = 8
    TITLE = QT_TRANSLATE_NOOP("OverdueByBodyCard", "Overdue resolutions by body (%1)")
    EMPTY = QT_TRANSLATE_NOOP("OverdueByBodyCard", "No resolution is overdue.")

    def first(self, today: dt.date) -> list[BodySummary]:
        """The bodies that owe the most overdue resolutions."""
        return meetings_service.overdue_by_body(self.ctx.db, today=today, limit=self.LIMIT)

    def show_data(self, data: tuple[int, list[BodySummary]]) -> None:
        """One row per body: its overdue count and its oldest deadline."""
        self.count, bodies = data
        rows = []
        for b in bodies:
            name = fa_en(b.name_fa, b.name_en) if b.organization_id else self.tr("(no body named)")
            text = self.tr("%1 overdue").replace("%1", loc_digits(b.overdue))
            text = f"{bidi_isolate(name)} — {text}"
            if b.oldest_overdue:
                text += " — " + self.tr("since %1").replace("%1", show_date(b.oldest_overdue))
            rows.append((b.organization_id or 0, text, text))
        self.set_rows(rows)
        self.retranslate_ui()

    def _activated(self, item: QListWidgetItem) -> None:
        """Override of ``ListCard``: the meetings page lists what the body owes."""
        body_id = item.data(ID_ROLE)
        page = meetings_page(self)
        if body_id and page is not None:
            page.show_body(int(body_id), "")


class WeekResolutionsCard(_CountedCard):
    """Open resolutions whose deadline falls this week (Saturday to Friday)."""

    LIMIT = 10
    TITLE = QT_TRANSLATE_NOOP("WeekResolutionsCard", "Resolutions due this week (%1)")
    EMPTY = QT_TRANSLATE_NOOP("WeekResolutionsCard", "No resolution is due this week.")
    DUE = ResolutionDue.WEEK

    def first(self, today: dt.date) -> list[ResolutionView]:
        """The first resolutions due this week."""
        return meetings_service.due_this_week(self.ctx.db, today=today, limit=self.LIMIT)

    def show_data(self, data: tuple[int, list[ResolutionView]]) -> None:
        """Deadline, number, body."""
        self.count, rows = data
        shown = []
        for r in rows:
            deadline = show_date(r.deadline, weekday=True) if r.deadline else ""
            body = fa_en(r.responsible_name, r.responsible_name_en)
            text = f"{deadline} — {number_text(r.number)} — {bidi_isolate(loc_text(r.text))}"
            if body:
                text += f" — {bidi_isolate(body)}"
            shown.append((r.id or 0, text, loc_text(r.text)))
        self.set_rows(shown)
        self.retranslate_ui()

    def _activated(self, item: QListWidgetItem) -> None:
        """Override of ``ListCard``: open the resolution on the meetings page."""
        resolution_id = item.data(ID_ROLE)
        page = meetings_page(self)
        if resolution_id and page is not None:
            page.open_resolution(int(resolution_id))
