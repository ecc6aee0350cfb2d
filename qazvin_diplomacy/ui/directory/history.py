"""A directory record's history across modules, composed from the modules' services.

Visits, agreements, events attended (or invited to) and follow-ups of a person, an
organization or a country, as plain :class:`HistoryEntry` rows for the record page.
Every read goes through a service; nothing here touches the database directly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from qazvin_diplomacy.core.clock import to_local
from qazvin_diplomacy.core.directory import OrganizationView, PersonView
from qazvin_diplomacy.core.events import EventFilter, EventSummary
from qazvin_diplomacy.core.text import compact_key
from qazvin_diplomacy.core.visits import VisitFilter, VisitSummary
from qazvin_diplomacy.services import agreements as agreements_service
from qazvin_diplomacy.services import events as events_service
from qazvin_diplomacy.services import followups as followups_service
from qazvin_diplomacy.services import visits as visits_service
from qazvin_diplomacy.storage.database import Database

#: Most rows of each kind read for one record page.
HISTORY_LIMIT = 200
#: Most recent events whose guest lists are read for "events attended".
EVENTS_SCANNED = 200

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


def _visit_entry(v: VisitSummary) -> HistoryEntry:
    return HistoryEntry(
        VISITS,
        v.id,
        to_local(v.start_at).date(),
        v.title,
        v.status.label_fa,
        "visits",
    )


def _event_entry(e: EventSummary, attended: bool | None) -> HistoryEntry:
    detail = e.venue
    if attended is not None:
        detail = ("حضور یافت" if attended else "دعوت شد") + (f"، {e.venue}" if e.venue else "")
    return HistoryEntry(EVENTS, e.id, e.start_date, e.title_fa, detail, "events", e.title_en)


def _followups_of(db: Database, sources: Iterable[HistoryEntry]) -> list[HistoryEntry]:
    rows: list[HistoryEntry] = []
    for source in sources:
        for task in followups_service.list_followups(
            db, source_kind=source.kind, source_id=source.id
        ):
            if task.id is None:
                continue
            rows.append(
                HistoryEntry(
                    FOLLOWUPS,
                    task.id,
                    task.deadline,
                    task.title,
                    "، ".join(
                        x for x in (task.owner_name_fa or task.owner_text, source.title) if x
                    ),
                    source.module,
                )
            )
    rows.sort(key=lambda r: (r.when is None, r.when or dt.date.min))
    return rows


def _recent_events(db: Database) -> list[EventSummary]:
    return events_service.list_events(
        db, filters=EventFilter(include_archived=True), limit=EVENTS_SCANNED
    )


def person_history(db: Database, person: PersonView) -> History:
    """Visits the person was a guest or host of, agreements naming them, events, follow-ups."""
    history = History()
    assert person.id is not None
    # The visits' text filter finds candidates by name in SQL; the ids confirm them.
    candidates = visits_service.list_visits(
        db,
        filters=VisitFilter(text=person.name_fa, include_archived=True),
        limit=HISTORY_LIMIT,
    )
    history.visits = [
        _visit_entry(v) for v in candidates if any(p.id == person.id for p in (*v.guests, *v.hosts))
    ]
    from qazvin_diplomacy.core.agreements import AgreementFilter

    history.agreements = [
        HistoryEntry(
            AGREEMENTS,
            a.id,
            a.signing_date,
            a.title,
            a.shown_status.label_fa,
            "agreements",
            a.title_en,
        )
        for a in agreements_service.list_agreements(
            db, filters=AgreementFilter(text=person.name_fa), limit=HISTORY_LIMIT
        )
    ]
    for event in _recent_events(db):
        for guest in events_service.list_guests(db, event_id=event.id):
            if guest.person_id == person.id:
                history.events.append(_event_entry(event, guest.attended))
                break
    history.followups = _followups_of(db, (*history.visits, *history.agreements))
    return history


def organization_history(db: Database, org: OrganizationView) -> History:
    """Agreements the organization is party to, visits and events of its members, follow-ups."""
    history = History()
    assert org.id is not None
    history.agreements = [
        HistoryEntry(
            AGREEMENTS,
            a.id,
            a.signing_date,
            a.title,
            a.shown_status.label_fa,
            "agreements",
            a.title_en,
        )
        for a in agreements_service.agreements_of_organization(db, organization_id=org.id)
    ][:HISTORY_LIMIT]
    candidates = visits_service.list_visits(
        db, filters=VisitFilter(text=org.name_fa, include_archived=True), limit=HISTORY_LIMIT
    )
    history.visits = [_visit_entry(v) for v in candidates]
    key = compact_key(org.name_fa)
    for event in _recent_events(db):
        guests = events_service.list_guests(db, event_id=event.id)
        if any(key and compact_key(g.organization_name_fa) == key for g in guests):
            history.events.append(_event_entry(event, None))
    history.followups = _followups_of(db, (*history.visits, *history.agreements))
    return history


def country_history(db: Database, country_id: int) -> History:
    """Visits from the country, agreements with it, events its people attended, follow-ups."""
    history = History()
    history.visits = [
        _visit_entry(v)
        for v in visits_service.list_visits(
            db,
            filters=VisitFilter(country_id=country_id, include_archived=True),
            limit=HISTORY_LIMIT,
        )
    ]
    history.agreements = [
        HistoryEntry(
            AGREEMENTS,
            a.id,
            a.signing_date,
            a.title,
            a.shown_status.label_fa,
            "agreements",
            a.title_en,
        )
        for a in agreements_service.agreements_with_country(db, country_id=country_id)
    ][:HISTORY_LIMIT]
    for event in _recent_events(db):
        guests = events_service.list_guests(db, event_id=event.id)
        if any(g.country_id == country_id for g in guests):
            history.events.append(_event_entry(event, None))
    history.followups = _followups_of(db, (*history.visits, *history.agreements))
    return history
