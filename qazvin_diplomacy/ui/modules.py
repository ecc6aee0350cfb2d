"""What a module of the window is: its page's base, its registration record, its context.

Every page, card and dialog imports these types; the list of modules itself is
``ui.registry.MODULES``, which alone imports the pages (lazily).
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
from qazvin_diplomacy.ui.common import TaskRunner
from qazvin_diplomacy.ui.i18n import Retranslating
from qazvin_diplomacy.ui.settings import Settings

if TYPE_CHECKING:
    from qazvin_diplomacy.services.connection import DatabaseHandle


class Hub(QObject):
    """Signals shared by every page: data changed (by kind), status-bar messages."""

    dataChanged = Signal(str)  # Qt naming; the kind, e.g. "visits", "*"
    status = Signal(str)
    openRecord = Signal(str, int)  # module key, record id


@dataclass
class UiContext:
    """What every page needs, passed down once (no global state below the UI)."""

    paths: AppPaths
    db: DatabaseHandle
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
    """A dashboard card a module contributes; ``order`` sorts cards on the dashboard.

    ``factory`` makes a ``ui.dashboard.DashboardCard``.
    """

    key: str
    factory: Callable[[UiContext], QWidget]
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
