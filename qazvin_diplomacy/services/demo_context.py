"""What the demo's contributors (``demo_visits``, ``demo_events``, ``demo_agreements`` …) share."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy.orm import Session


@dataclass
class DemoContext:
    """What contributors share: the session, the random source, keys of what exists."""

    session: Session
    rng: random.Random
    scale: int
    today: date
    countries: dict[str, int] = field(default_factory=dict)  # iso2 -> id
    organizations: dict[str, int] = field(default_factory=dict)  # key -> id
    people: dict[str, int] = field(default_factory=dict)  # key -> id
    synthetic_people: list[int] = field(default_factory=list)
    pools: dict[str, Any] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    def count(self, what: str, n: int) -> None:
        """Add ``n`` to the count of ``what`` written."""
        self.counts[what] = self.counts.get(what, 0) + n
