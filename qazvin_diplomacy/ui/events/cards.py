"""Dashboard cards of the events module: upcoming events and events awaiting replies."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from qazvin_diplomacy.core.events import EventStatus, EventSummary
from qazvin_diplomacy.core.text import bidi_isolate
from qazvin_diplomacy.services import events as events_service
from qazvin_diplomacy.ui.dashboard import ListCard
from qazvin_diplomacy.ui.events.models import event_date_text
from qazvin_diplomacy.ui.i18n import QT_TRANSLATE_NOOP, is_rtl, loc_digits, loc_text
from qazvin_diplomacy.ui.modules import UiContext


def _title(e: EventSummary) -> str:
    return bidi_isolate(loc_text(e.title_fa if is_rtl() else (e.title_en or e.title_fa)))


class _EventsCard(ListCard):
    """A card listing events, one ``line`` each; ``TITLE`` (with ``%1`` for the count) and
    ``EMPTY`` are translated in the subclass's own context."""

    TITLE = ""
    EMPTY = ""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.open_module = "events"
        self.events: list[EventSummary] = []
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.title.setText(self.tr(self.TITLE).replace("%1", loc_digits(len(self.events))))
        self.empty.setText(self.tr(self.EMPTY))

    def line(self, e: EventSummary) -> tuple[int, str, str]:
        """(id, text, tooltip) of an event."""
        raise NotImplementedError

    def show_data(self, events: list[EventSummary]) -> None:
        """Show ``events``."""
        self.events = events
        self.set_rows([self.line(e) for e in self.events])
        self.retranslate_ui()


class UpcomingEventsCard(_EventsCard):
    """Open events of the next two months with their reply counts."""

    DAYS = 60
    TITLE = QT_TRANSLATE_NOOP("UpcomingEventsCard", "Upcoming events (%1)")
    EMPTY = QT_TRANSLATE_NOOP("UpcomingEventsCard", "No event in the next two months.")

    def line(self, e: EventSummary) -> tuple[int, str, str]:
        """(id, text, tooltip) of an event with its replies."""
        c = e.counts
        replies = (
            self.tr("invited %1: attending %2, declined %3, no reply %4")
            .replace("%1", loc_digits(c.invited))
            .replace("%2", loc_digits(c.yes))
            .replace("%3", loc_digits(c.no))
            .replace("%4", loc_digits(c.no_reply))
        )
        text = f"{event_date_text(e)} — {_title(e)} — {replies}"
        return e.id, text, text

    def read(self, today: dt.date) -> list[EventSummary]:
        """The open events of the next two months."""
        return events_service.upcoming_events(self.ctx.db, today=today, days=self.DAYS)


class AwaitingRepliesCard(_EventsCard):
    """Events of the next two weeks with guests who have not answered."""

    WINDOW = 14
    TITLE = QT_TRANSLATE_NOOP("AwaitingRepliesCard", "Events awaiting replies (%1)")
    EMPTY = QT_TRANSLATE_NOOP(
        "AwaitingRepliesCard", "Every guest of the coming events has replied."
    )

    def read(self, today: dt.date) -> list[EventSummary]:
        """The events of the next two weeks still waiting for replies."""
        return events_service.events_awaiting_replies(
            self.ctx.db, today=today, within_days=self.WINDOW
        )

    def line(self, e: EventSummary) -> tuple[int, str, str]:
        """(id, text, tooltip) of an event with its replies still missing and the days left."""
        days = (e.start_date - self.ctx.today()).days
        text = f"{event_date_text(e)} — {_title(e)} — " + self.tr(
            "%1 without reply, %2 days left"
        ).replace("%1", loc_digits(e.counts.no_reply)).replace("%2", loc_digits(days))
        return e.id, text, text

    def is_relevant(self) -> bool:
        """Shown only when some event is waiting for replies."""
        return bool(self.events)


class DraftEventsCard(AwaitingRepliesCard):
    """A warning: events of the next two weeks still in draft while invitations await replies
    (the event is close and nobody has moved it on)."""

    TITLE = QT_TRANSLATE_NOOP("DraftEventsCard", "Close at hand and still a draft (%1)")
    EMPTY = QT_TRANSLATE_NOOP("DraftEventsCard", "No draft event is close at hand.")

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setStyleSheet(
            "#DashboardCard { background: #fff8e1; border: 1px solid #e6a23c; border-radius: 6px; }"
        )

    def read(self, today: dt.date) -> list[EventSummary]:
        """The events awaiting replies that are still drafts."""
        return [e for e in super().read(today) if e.status == EventStatus.DRAFT]
