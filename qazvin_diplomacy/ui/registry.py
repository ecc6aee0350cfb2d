"""The one place where modules and dashboard cards are registered.

A module is added by appending a :class:`~qazvin_diplomacy.ui.modules.ModuleSpec` to
:data:`MODULES`: its page factory, its navigation title and icon, and any dashboard cards it
contributes (a card factory returns a ``ui.dashboard.DashboardCard``).  The factories import
the module's code when first called, so the window starts without loading it; they are the
only imports of pages and cards from here (the import-cycle test allows exactly these).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from qazvin_diplomacy.ui.i18n import QT_TRANSLATE_NOOP
from qazvin_diplomacy.ui.modules import CardSpec, ModulePage, ModuleSpec, UiContext

# --- factories (imported lazily so a module's code loads when first opened) ------------


def _capacities_page(ctx: UiContext) -> ModulePage:
    from qazvin_diplomacy.ui.capacities.page import CapacitiesPage

    return CapacitiesPage(ctx)


def _dashboard_page(ctx: UiContext) -> ModulePage:
    from qazvin_diplomacy.ui.dashboard import DashboardPage

    return DashboardPage(ctx)


def _first_run_card(ctx: UiContext) -> QWidget:
    from qazvin_diplomacy.ui.dashboard import FirstRunCard

    return FirstRunCard(ctx)


def _overdue_card(ctx: UiContext) -> QWidget:
    from qazvin_diplomacy.ui.dashboard import OverdueFollowUpsCard

    return OverdueFollowUpsCard(ctx)


def _visits_page(ctx: UiContext) -> ModulePage:
    from qazvin_diplomacy.ui.visits.page import VisitsPage

    return VisitsPage(ctx)


def _visits_today_card(ctx: UiContext) -> QWidget:
    from qazvin_diplomacy.ui.visits.cards import TodayVisitsCard

    return TodayVisitsCard(ctx)


def _visits_week_card(ctx: UiContext) -> QWidget:
    from qazvin_diplomacy.ui.visits.cards import WeekVisitsCard

    return WeekVisitsCard(ctx)


def _calendar_page(ctx: UiContext) -> ModulePage:
    from qazvin_diplomacy.ui.calendar.page import CalendarPage

    return CalendarPage(ctx)


def _letters_page(ctx: UiContext) -> ModulePage:
    from qazvin_diplomacy.ui.letters.page import LettersPage

    return LettersPage(ctx)


def _directory_page(ctx: UiContext) -> ModulePage:
    from qazvin_diplomacy.ui.directory.page import DirectoryPage

    return DirectoryPage(ctx)


def _events_page(ctx: UiContext) -> ModulePage:
    from qazvin_diplomacy.ui.events.page import EventsPage

    return EventsPage(ctx)


def _events_upcoming_card(ctx: UiContext) -> QWidget:
    from qazvin_diplomacy.ui.events.cards import UpcomingEventsCard

    return UpcomingEventsCard(ctx)


def _events_awaiting_card(ctx: UiContext) -> QWidget:
    from qazvin_diplomacy.ui.events.cards import AwaitingRepliesCard

    return AwaitingRepliesCard(ctx)


def _events_draft_card(ctx: UiContext) -> QWidget:
    from qazvin_diplomacy.ui.events.cards import DraftEventsCard

    return DraftEventsCard(ctx)


def _agreements_page(ctx: UiContext) -> ModulePage:
    from qazvin_diplomacy.ui.agreements.page import AgreementsPage

    return AgreementsPage(ctx)


def _agreements_expiring_card(ctx: UiContext) -> QWidget:
    from qazvin_diplomacy.ui.agreements.cards import ExpiringAgreementsCard

    return ExpiringAgreementsCard(ctx)


def _agreements_obligations_card(ctx: UiContext) -> QWidget:
    from qazvin_diplomacy.ui.agreements.cards import OverdueObligationsCard

    return OverdueObligationsCard(ctx)


def _agreements_reviews_card(ctx: UiContext) -> QWidget:
    from qazvin_diplomacy.ui.agreements.cards import StalledReviewsCard

    return StalledReviewsCard(ctx)


def _followups_page(ctx: UiContext) -> ModulePage:
    from qazvin_diplomacy.ui.followups.page import FollowUpsPage

    return FollowUpsPage(ctx)


def _followups_week_card(ctx: UiContext) -> QWidget:
    from qazvin_diplomacy.ui.followups.cards import WeekFollowUpsCard

    return WeekFollowUpsCard(ctx)


def _markets_page(ctx: UiContext) -> ModulePage:
    from qazvin_diplomacy.ui.markets.page import MarketsPage

    return MarketsPage(ctx)


def _markets_exports_card(ctx: UiContext) -> QWidget:
    from qazvin_diplomacy.ui.markets.cards import ExportsMapCard

    return ExportsMapCard(ctx)


def _meetings_page(ctx: UiContext) -> ModulePage:
    from qazvin_diplomacy.ui.meetings.page import MeetingsPage

    return MeetingsPage(ctx)


def _meetings_next_card(ctx: UiContext) -> QWidget:
    from qazvin_diplomacy.ui.meetings.cards import NextMeetingsCard

    return NextMeetingsCard(ctx)


def _meetings_overdue_card(ctx: UiContext) -> QWidget:
    from qazvin_diplomacy.ui.meetings.cards import OverdueByBodyCard

    return OverdueByBodyCard(ctx)


def _meetings_week_card(ctx: UiContext) -> QWidget:
    from qazvin_diplomacy.ui.meetings.cards import WeekResolutionsCard

    return WeekResolutionsCard(ctx)


def _delegations_ahead_card(ctx: UiContext) -> QWidget:
    from qazvin_diplomacy.ui.delegations.cards import DelegationsAheadCard

    return DelegationsAheadCard(ctx)


def _audit_page(ctx: UiContext) -> ModulePage:
    from qazvin_diplomacy.ui.audit.page import AuditPage

    return AuditPage(ctx)


def _delegations_page(ctx: UiContext) -> ModulePage:
    from qazvin_diplomacy.ui.delegations.page import DelegationsPage

    return DelegationsPage(ctx)


#: Every module, in navigation order.  Add new modules here.
MODULES: list[ModuleSpec] = [
    ModuleSpec(
        "dashboard",
        QT_TRANSLATE_NOOP("Modules", "Dashboard"),
        "home",
        _dashboard_page,
        cards=(
            CardSpec("first_run", _first_run_card, order=0),
            CardSpec("overdue_followups", _overdue_card, order=50),
        ),
    ),
    ModuleSpec(
        "visits",
        QT_TRANSLATE_NOOP("Modules", "Visits"),
        "calendar",
        _visits_page,
        cards=(
            CardSpec("visits_today", _visits_today_card, order=10),
            CardSpec("visits_week", _visits_week_card, order=20),
        ),
    ),
    ModuleSpec("calendar", QT_TRANSLATE_NOOP("Modules", "Calendar"), "agenda", _calendar_page),
    ModuleSpec("directory", QT_TRANSLATE_NOOP("Modules", "Directory"), "list", _directory_page),
    ModuleSpec(
        "events",
        QT_TRANSLATE_NOOP("Modules", "Events"),
        "event",
        _events_page,
        cards=(
            CardSpec("events_upcoming", _events_upcoming_card, order=30),
            CardSpec("events_draft_near", _events_draft_card, order=25),
            CardSpec("events_awaiting_replies", _events_awaiting_card, order=40),
        ),
    ),
    ModuleSpec(
        "agreements",
        QT_TRANSLATE_NOOP("Modules", "Agreements"),
        "check",
        _agreements_page,
        cards=(
            CardSpec("agreements_expiring", _agreements_expiring_card, order=35),
            CardSpec("agreements_obligations", _agreements_obligations_card, order=45),
            CardSpec("agreements_reviews", _agreements_reviews_card, order=47),
        ),
    ),
    ModuleSpec(
        "followups",
        QT_TRANSLATE_NOOP("Modules", "Follow-ups"),
        "followup",
        _followups_page,
        cards=(CardSpec("followups_week", _followups_week_card, order=48),),
    ),
    ModuleSpec(
        "meetings",
        QT_TRANSLATE_NOOP("Modules", "Meetings"),
        "meeting",
        _meetings_page,
        cards=(
            CardSpec("meetings_next", _meetings_next_card, order=25),
            CardSpec("meetings_overdue", _meetings_overdue_card, order=49),
            CardSpec("meetings_week", _meetings_week_card, order=51),
        ),
    ),
    ModuleSpec("letters", QT_TRANSLATE_NOOP("Modules", "Outgoing letters"), "print", _letters_page),
    ModuleSpec(
        "markets",
        QT_TRANSLATE_NOOP("Modules", "Target markets"),
        "globe",
        _markets_page,
        cards=(CardSpec("markets_exports_map", _markets_exports_card, order=55),),
    ),
    ModuleSpec(
        "capacities",
        QT_TRANSLATE_NOOP("Modules", "Province capacities"),
        "capacity",
        _capacities_page,
    ),
    ModuleSpec(
        "delegations",
        QT_TRANSLATE_NOOP("Modules", "Trade delegations"),
        "briefcase",
        _delegations_page,
        cards=(CardSpec("delegations_ahead", _delegations_ahead_card, order=32),),
    ),
    ModuleSpec("audit", QT_TRANSLATE_NOOP("Modules", "Audit trail"), "archive", _audit_page),
]


def all_cards() -> list[CardSpec]:
    """Every module's dashboard cards, in display order."""
    return sorted((c for m in MODULES for c in m.cards), key=lambda c: c.order)


def module(key: str) -> ModuleSpec:
    """The module registered under ``key``."""
    for spec in MODULES:
        if spec.key == key:
            return spec
    raise KeyError(key)
