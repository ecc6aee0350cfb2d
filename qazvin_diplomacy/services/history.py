"""A person's, organization's or country's history across modules, read exactly in SQL.

Visits they were guests or hosts of, agreements they signed or are party to, events they
were invited to (with attendance), and the follow-ups of those — plus the tasks a person owns.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from qazvin_diplomacy.core.agreements import AgreementFilter, AgreementSummary
from qazvin_diplomacy.core.clock import to_local
from qazvin_diplomacy.core.events import EventFilter, EventSummary
from qazvin_diplomacy.core.followups import FollowUpView
from qazvin_diplomacy.core.history import (
    AGREEMENTS,
    EVENTS,
    FOLLOWUPS,
    VISITS,
    History,
    HistoryEntry,
)
from qazvin_diplomacy.core.visits import VisitFilter, VisitSummary
from qazvin_diplomacy.services import agreements as agreements_service
from qazvin_diplomacy.services import events as events_service
from qazvin_diplomacy.services import followups as followups_service
from qazvin_diplomacy.services import visits as visits_service
from qazvin_diplomacy.storage.database import Database

#: Most rows of each kind read for one record page (newest first).
HISTORY_LIMIT = 200


def _visit_entry(v: VisitSummary) -> HistoryEntry:
    return HistoryEntry(
        VISITS,
        v.id,
        to_local(v.start_at).date(),
        v.title,
        v.status.label_fa,
        "visits",
        v.title_en,
        v.status.label_en,
    )


def _agreement_entry(a: AgreementSummary) -> HistoryEntry:
    return HistoryEntry(
        AGREEMENTS,
        a.id,
        a.signing_date,
        a.title,
        a.shown_status.label_fa,
        "agreements",
        a.title_en,
        a.shown_status.label_en,
    )


def _event_entry(e: EventSummary, attended: bool | None = None) -> HistoryEntry:
    detail, detail_en = e.venue, e.venue_in("en")
    if attended is not None:
        detail = ("حضور یافت" if attended else "دعوت شد") + (f"، {e.venue}" if e.venue else "")
        detail_en = ("attended" if attended else "invited") + (
            f", {detail_en}" if detail_en else ""
        )
    return HistoryEntry(
        EVENTS, e.id, e.start_date, e.title_fa, detail, "events", e.title_en, detail_en
    )


def _task_entry(task: FollowUpView, source_title: str = "") -> HistoryEntry:
    module = {
        "visit": "visits",
        "agreement": "agreements",
        "event": "events",
        "delegation": "delegations",
    }.get(task.source_kind, "")
    detail = "، ".join(x for x in (task.owner_name_fa or task.owner_text, source_title) if x)
    return HistoryEntry(FOLLOWUPS, task.id or 0, task.deadline, task.title, detail, module)


def _followups(
    db: Database, sources: Iterable[HistoryEntry], owned: Iterable[FollowUpView] = ()
) -> list[HistoryEntry]:
    rows: dict[int, HistoryEntry] = {}
    for source in sources:
        for task in followups_service.list_followups(
            db, source_kind=source.kind, source_id=source.id
        ):
            if task.id is not None:
                rows[task.id] = _task_entry(task, source.title)
    for task in owned:
        if task.id is not None and task.id not in rows:
            rows[task.id] = _task_entry(task)
    return sorted(rows.values(), key=lambda r: (r.when is None, r.when or dt.date.min))


def _visits(db: Database, filters: VisitFilter) -> list[HistoryEntry]:
    return [
        _visit_entry(v)
        for v in visits_service.list_visits(
            db, filters=filters, sort="start", descending=True, limit=HISTORY_LIMIT
        )
    ]


def _agreements(db: Database, filters: AgreementFilter) -> list[HistoryEntry]:
    return [
        _agreement_entry(a)
        for a in agreements_service.list_agreements(db, filters=filters, limit=HISTORY_LIMIT)
    ]


def person_history(db: Database, *, person_id: int) -> History:
    """Visits as guest or host, agreements signed or reviewed, invitations, follow-ups."""
    history = History()
    history.visits = _visits(db, VisitFilter(person_id=person_id, include_archived=True))
    history.agreements = _agreements(
        db, AgreementFilter(person_id=person_id, include_archived=True)
    )
    for event in events_service.list_events(
        db, filters=EventFilter(person_id=person_id, include_archived=True), limit=HISTORY_LIMIT
    ):
        guest = next(
            (
                g
                for g in events_service.list_guests(db, event_id=event.id)
                if g.person_id == person_id
            ),
            None,
        )
        history.events.append(_event_entry(event, guest.attended if guest else None))
    history.followups = _followups(
        db,
        (*history.visits, *history.agreements),
        followups_service.list_owned_followups(db, person_id=person_id),
    )
    return history


def organization_history(db: Database, *, organization_id: int) -> History:
    """Agreements it is party to, visits and invitations of its people, follow-ups."""
    return _related_history(db, organization_id=organization_id)


def country_history(db: Database, *, country_id: int) -> History:
    """Visits from the country, agreements with it, events its people were invited to, follow-ups."""
    return _related_history(db, country_id=country_id)


def _related_history(db: Database, **criteria: int) -> History:
    """The history of what each module's filter ``criteria`` select (archived records too)."""
    history = History()
    history.visits = _visits(db, VisitFilter(**criteria, include_archived=True))
    history.agreements = _agreements(db, AgreementFilter(**criteria, include_archived=True))
    history.events = [
        _event_entry(e)
        for e in events_service.list_events(
            db, filters=EventFilter(**criteria, include_archived=True), limit=HISTORY_LIMIT
        )
    ]
    history.followups = _followups(db, (*history.visits, *history.agreements))
    return history
