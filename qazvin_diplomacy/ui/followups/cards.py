"""The dashboard card «پیگیری‌های این هفته»: open follow-ups due this week (Saturday–Friday)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from qazvin_diplomacy.core.followups import FollowUpDue, FollowUpFilter, FollowUpView
from qazvin_diplomacy.core.text import bidi_isolate
from qazvin_diplomacy.services import followups
from qazvin_diplomacy.ui.dashboard import ListCard
from qazvin_diplomacy.ui.i18n import loc_digits, loc_text
from qazvin_diplomacy.ui.modules import UiContext
from qazvin_diplomacy.ui.widgets.jalali import show_date


class WeekFollowUpsCard(ListCard):
    """Open follow-ups whose deadline is in this week; a row opens its visit, agreement…"""

    LIMIT = 10

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.count = 0
        self.open_module = "followups"
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.title.setText(
            self.tr("This week's follow-ups (%1)").replace("%1", loc_digits(self.count))
        )
        self.empty.setText(self.tr("No follow-up is due this week."))

    def read(self, today: dt.date) -> tuple[int, list[FollowUpView]]:
        """How many are due this week, and the first ones."""
        week = FollowUpFilter(due=FollowUpDue.WEEK.value, today=today)
        count = followups.count_followup_rows(self.ctx.db, filters=week)
        return count, followups.due_this_week(self.ctx.db, today=today, limit=self.LIMIT)

    def show_data(self, data: tuple[int, list[FollowUpView]]) -> None:
        """Show the follow-ups due this week."""
        self.count, rows = data
        shown = []
        for task in rows:
            deadline = show_date(task.deadline, weekday=True) if task.deadline else ""
            owner = task.owner_name_fa or task.owner_text
            text = f"{deadline} — {bidi_isolate(loc_text(task.title))}"
            if owner:
                text += f" — {bidi_isolate(loc_text(owner))}"
            tip = task.source_title or text
            shown.append((task.id or 0, text, tip))
        self.set_rows(shown)
        self.retranslate_ui()
