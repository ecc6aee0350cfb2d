"""A directory record's history across modules, as plain rows for its page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

VISITS, AGREEMENTS, EVENTS, FOLLOWUPS = "visit", "agreement", "event", "followup"


@dataclass(frozen=True)
class HistoryEntry:
    """One row of a record's history; ``module`` is the module key that opens it."""

    kind: str
    id: int
    when: dt.date | None
    title: str
    detail: str = ""
    module: str = ""
    title_en: str = ""
    detail_en: str = ""  # ``detail`` for the English interface ("" when it has none)


@dataclass
class History:
    """A record's history, by kind."""

    visits: list[HistoryEntry] = field(default_factory=list)
    agreements: list[HistoryEntry] = field(default_factory=list)
    events: list[HistoryEntry] = field(default_factory=list)
    followups: list[HistoryEntry] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """How many rows of each kind."""
        return {
            VISITS: len(self.visits),
            AGREEMENTS: len(self.agreements),
            EVENTS: len(self.events),
            FOLLOWUPS: len(self.followups),
        }

    @property
    def total(self) -> int:
        """Rows of every kind."""
        return sum(self.counts().values())
