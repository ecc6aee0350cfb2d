"""The delegations module's dashboard card: the trade delegations ahead (هیئت‌های پیش رو).

Read through ``services.delegations`` in the dashboard's worker: delegations still under
way or to come (ending today or later), neither held nor cancelled, soonest first.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from qazvin_diplomacy.core.delegations import (
    DelegationDirection,
    DelegationFilter,
    DelegationStatus,
    DelegationView,
)
from qazvin_diplomacy.core.text import bidi_isolate
from qazvin_diplomacy.services import delegations as delegations_service
from qazvin_diplomacy.ui.dashboard import ListCard
from qazvin_diplomacy.ui.i18n import current_language, loc_text
from qazvin_diplomacy.ui.modules import UiContext
from qazvin_diplomacy.ui.widgets.jalali import show_date

#: Statuses a delegation ahead may have (held and cancelled ones are behind us).
AHEAD = {
    DelegationStatus.REQUESTED.value,
    DelegationStatus.PLANNED.value,
    DelegationStatus.CONFIRMED.value,
    DelegationStatus.POSTPONED.value,
}


class DelegationsAheadCard(ListCard):
    """The next delegations, sent or received; a row opens the delegation."""

    LIMIT = 6

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.open_module = "delegations"
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.title.setText(self.tr("Delegations ahead"))
        self.empty.setText(self.tr("No trade delegation is planned."))

    def read(self, today: dt.date) -> list[DelegationView]:
        """The delegations ending today or later that are still to happen."""
        found = delegations_service.list_delegations(
            self.ctx.db, filters=DelegationFilter(date_from=today), sort="start_date", limit=50
        )
        return [d for d in found if d.status in AHEAD][: self.LIMIT]

    def show_data(self, data: list[DelegationView]) -> None:
        """Dates, direction, title and place of each."""
        lang = current_language()
        rows = []
        for d in data:
            when = show_date(d.start_date) if d.start_date else ""
            title = d.title_en if lang == "en" and d.title_en else d.title
            way = DelegationDirection(d.direction).label(lang)
            place = d.place_fa() if lang == "fa" else (d.place_en() or d.place_fa())
            text = f"{when} — {way}: {bidi_isolate(loc_text(title))}"
            rows.append((d.id or 0, text, loc_text(place) or text))
        self.set_rows(rows)
