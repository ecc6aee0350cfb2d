"""The events module (رویدادها): events, guests, precedence, seating and check-in.

The factories below are what ``ui.modules`` registers; they import the module's code only
when first called, so the main window starts without loading it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from qazvin_diplomacy.ui.dashboard import DashboardCard
    from qazvin_diplomacy.ui.modules import ModulePage, UiContext


def page(ctx: UiContext) -> ModulePage:
    """The events page."""
    from qazvin_diplomacy.ui.events.page import EventsPage

    return EventsPage(ctx)


def upcoming_card(ctx: UiContext) -> DashboardCard:
    """Dashboard card: upcoming events with reply counts."""
    from qazvin_diplomacy.ui.events.cards import UpcomingEventsCard

    return UpcomingEventsCard(ctx)


def awaiting_card(ctx: UiContext) -> DashboardCard:
    """Dashboard card: events close to their date with guests not yet answered."""
    from qazvin_diplomacy.ui.events.cards import AwaitingRepliesCard

    return AwaitingRepliesCard(ctx)
