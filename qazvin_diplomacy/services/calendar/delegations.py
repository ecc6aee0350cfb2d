"""Trade delegations on the office calendar: one all-day entry over the days of the trip.

One indexed range query (``start_date`` with the archived flag); a delegation spanning the
range's start is found through its end date.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from qazvin_diplomacy.core.calendar import AgendaEntry, EntryKind
from qazvin_diplomacy.core.delegations import DelegationDirection, DelegationStatus
from qazvin_diplomacy.storage.delegations import TradeDelegation
from qazvin_diplomacy.storage.directory import Country


def delegation_entries(session: Session, first: dt.date, last: dt.date) -> list[AgendaEntry]:
    """Delegations (not archived) whose stay overlaps days ``first`` … ``last``."""
    rows = session.execute(
        select(
            TradeDelegation.id,
            TradeDelegation.version,
            TradeDelegation.title,
            TradeDelegation.title_en,
            TradeDelegation.direction,
            TradeDelegation.start_date,
            TradeDelegation.end_date,
            TradeDelegation.status,
            TradeDelegation.city,
            Country.name_fa,
            Country.name_en,
        )
        .join(Country, Country.id == TradeDelegation.country_id)
        .where(
            TradeDelegation.archived_at.is_(None),
            TradeDelegation.start_date <= last,
            TradeDelegation.end_date >= first,
        )
        .order_by(TradeDelegation.start_date, TradeDelegation.id)
    ).all()
    found = []
    for did, version, title, title_en, direction, start, end, status, city, c_fa, c_en in rows:
        way = DelegationDirection.find(direction) or DelegationDirection.OUTGOING
        state = DelegationStatus.find(status) or DelegationStatus.REQUESTED
        found.append(
            AgendaEntry(
                kind=EntryKind.DELEGATION,
                record_id=did,
                version=version,
                title=title,
                title_en=title_en,
                first_day=start,
                last_day=max(start, end),
                detail=f"{way.label_fa} — {c_fa}",
                detail_en=f"{way.label_en} — {c_en or c_fa}",
                venue=city,
                status=state.value,
                status_fa=state.label_fa,
                status_en=state.label_en,
            )
        )
    return found
