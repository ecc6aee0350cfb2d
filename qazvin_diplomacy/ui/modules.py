"""The one place where modules and dashboard cards are registered.

A later issue adds a module by appending a :class:`ModuleSpec` to :data:`MODULES` (its
page factory, its navigation title and icon, and any dashboard cards it contributes).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from qazvin_diplomacy.core.clock import today_local
from qazvin_diplomacy.paths import AppPaths
from qazvin_diplomacy.ui import events as events_module
from qazvin_diplomacy.ui.common import TaskRunner
from qazvin_diplomacy.ui.i18n import QT_TRANSLATE_NOOP, Retranslating
from qazvin_diplomacy.ui.settings import Settings

if TYPE_CHECKING:
    from qazvin_diplomacy.storage.database import Database
    from qazvin_diplomacy.ui.dashboard import DashboardCard


class Hub(QObject):
    """Signals shared by every page: data changed (by kind), status-bar messages."""

    dataChanged = Signal(str)  # Qt naming; the kind, e.g. "visits", "*"
    status = Signal(str)
    openRecord = Signal(str, int)  # module key, record id


@dataclass
class UiContext:
    """What every page needs, passed down once (no global state below the UI)."""

    paths: AppPaths
    db: Database
    settings: Settings
    runner: TaskRunner
    hub: Hub
    today: Callable[[], dt.date] = field(default=today_local)


class ModulePage(Retranslating, QWidget):
    """Base of a module's page; the main window routes its shortcuts here.

    Subclasses override the actions they support, ``retranslate_ui`` and ``selftest``.
    """

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def retranslate_ui(self) -> None:
        """Set every visible text for the current language."""

    def refresh(self) -> None:
        """Re-read the page's data through the services."""

    def new_record(self) -> None:
        """Ctrl+N."""

    def save(self) -> None:
        """Ctrl+S."""

    def focus_search(self) -> bool:
        """Ctrl+F: focus the page's filter box; False when it has none on screen (e.g. the
        events page's check-in tab, where the events list and its filter are hidden)."""
        box = getattr(self, "search_box", None)
        if isinstance(box, QWidget) and box.isVisible():
            box.setFocus()
            if hasattr(box, "selectAll"):
                box.selectAll()
            return True
        return False

    def print_page(self) -> None:
        """Ctrl+P."""

    def selftest(self, shot: Callable[[str, QWidget], None]) -> None:
        """Open each view and form of the page, calling ``shot(name, widget)`` for each."""
        shot("page", self)


@dataclass(frozen=True)
class CardSpec:
    """A dashboard card a module contributes; ``order`` sorts cards on the dashboard."""

    key: str
    factory: Callable[[UiContext], DashboardCard]
    order: int = 100


@dataclass(frozen=True)
class ModuleSpec:
    """A module: key, English title (translated in context "Modules"), icon, page factory."""

    key: str
    title: str
    icon: str
    factory: Callable[[UiContext], ModulePage]
    cards: tuple[CardSpec, ...] = ()

    def translated_title(self) -> str:
        """The title in the current UI language."""
        return QCoreApplication.translate("Modules", self.title)


# --- factories (imported lazily so a module's code loads when first opened) ------------


def _dashboard_page(ctx: UiContext) -> ModulePage:
    from qazvin_diplomacy.ui.dashboard import DashboardPage

    return DashboardPage(ctx)


def _first_run_card(ctx: UiContext) -> DashboardCard:
    from qazvin_diplomacy.ui.dashboard import FirstRunCard

    return FirstRunCard(ctx)


def _overdue_card(ctx: UiContext) -> DashboardCard:
    from qazvin_diplomacy.ui.dashboard import OverdueFollowUpsCard

    return OverdueFollowUpsCard(ctx)


def _visits_page(ctx: UiContext) -> ModulePage:
    from qazvin_diplomacy.ui.visits.page import VisitsPage

    return VisitsPage(ctx)


def _visits_today_card(ctx: UiContext) -> DashboardCard:
    from qazvin_diplomacy.ui.visits.cards import TodayVisitsCard

    return TodayVisitsCard(ctx)


def _visits_week_card(ctx: UiContext) -> DashboardCard:
    from qazvin_diplomacy.ui.visits.cards import WeekVisitsCard

    return WeekVisitsCard(ctx)


def _directory_page(ctx: UiContext) -> ModulePage:
    from qazvin_diplomacy.ui.directory.page import DirectoryPage

    return DirectoryPage(ctx)


def _agreements_page(ctx: UiContext) -> ModulePage:
    from qazvin_diplomacy.ui.agreements.page import AgreementsPage

    return AgreementsPage(ctx)


def _agreements_expiring_card(ctx: UiContext) -> DashboardCard:
    from qazvin_diplomacy.ui.agreements.cards import ExpiringAgreementsCard

    return ExpiringAgreementsCard(ctx)


def _agreements_obligations_card(ctx: UiContext) -> DashboardCard:
    from qazvin_diplomacy.ui.agreements.cards import OverdueObligationsCard

    return OverdueObligationsCard(ctx)


def _agreements_reviews_card(ctx: UiContext) -> DashboardCard:
    from qazvin_diplomacy.ui.agreements.cards import StalledReviewsCard

    return StalledReviewsCard(ctx)


def _followups_page(ctx: UiContext) -> ModulePage:
    from qazvin_diplomacy.ui.followups.page import FollowUpsPage

    return FollowUpsPage(ctx)


def _followups_week_card(ctx: UiContext) -> DashboardCard:
    from qazvin_diplomacy.ui.followups.cards import WeekFollowUpsCard

    return WeekFollowUpsCard(ctx)


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
    ModuleSpec("directory", QT_TRANSLATE_NOOP("Modules", "Directory"), "list", _directory_page),
    ModuleSpec(
        "events",
        QT_TRANSLATE_NOOP("Modules", "Events"),
        "week",
        events_module.page,
        cards=(
            CardSpec("events_upcoming", events_module.upcoming_card, order=30),
            CardSpec("events_awaiting_replies", events_module.awaiting_card, order=40),
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
        "check",
        _followups_page,
        cards=(CardSpec("followups_week", _followups_week_card, order=48),),
    ),
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
