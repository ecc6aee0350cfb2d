"""Dashboard cards contributed by the visits module: today's and this week's visits."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from qazvin_diplomacy.core.text import bidi_isolate
from qazvin_diplomacy.core.visits import AgendaCards, VisitSummary
from qazvin_diplomacy.services import visits as visits_service
from qazvin_diplomacy.ui.dashboard import ListCard
from qazvin_diplomacy.ui.i18n import current_language, loc_digits, loc_text
from qazvin_diplomacy.ui.modules import UiContext
from qazvin_diplomacy.ui.visits.models import status_label
from qazvin_diplomacy.ui.widgets.jalali import show_date, show_time


def visit_line(v: VisitSummary, *, with_date: bool) -> tuple[int, str, str]:
    """(id, text, tooltip) of a visit in a dashboard list."""
    when = (
        f"{show_date(v.start_at)} {show_time(v.start_at)}" if with_date else show_time(v.start_at)
    )
    guests = v.guest_names(current_language())
    title = v.title_in(current_language())
    text = f"{when} — {bidi_isolate(loc_text(title))}"
    tip = "\n".join(loc_text(x) for x in (title, guests, v.venue, status_label(v.status)) if x)
    return v.id, text, tip


class _AgendaCard(ListCard):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.open_module = "visits"
        self.agenda: AgendaCards | None = None
        self.retranslate_ui()

    def read(self, today: dt.date) -> AgendaCards:
        """Today's and this week's visits."""
        return visits_service.today_and_week(self.ctx.db, today=today)


class TodayVisitsCard(_AgendaCard):
    """Visits (not cancelled) taking place today."""

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        n = len(self.agenda.today_visits) if self.agenda else 0
        self.title.setText(self.tr("Today's visits (%1)").replace("%1", loc_digits(n)))
        self.empty.setText(self.tr("No visit today."))

    def show_data(self, agenda: AgendaCards) -> None:
        """Show today's visits."""
        self.agenda = agenda
        self.set_rows([visit_line(v, with_date=False) for v in agenda.today_visits])
        self.retranslate_ui()


class WeekVisitsCard(_AgendaCard):
    """Visits (not cancelled) of this Saturday–Friday week."""

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        n = len(self.agenda.week_visits) if self.agenda else 0
        self.title.setText(self.tr("This week's visits (%1)").replace("%1", loc_digits(n)))
        self.empty.setText(self.tr("No visit this week."))

    def show_data(self, agenda: AgendaCards) -> None:
        """Show this week's visits."""
        self.agenda = agenda
        self.set_rows([visit_line(v, with_date=True) for v in agenda.week_visits])
        self.retranslate_ui()
