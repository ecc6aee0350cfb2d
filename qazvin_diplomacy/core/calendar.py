"""The office calendar: every dated thing of the office as one kind of entry (no Qt, no SQL).

``services.calendar`` reads visits, events, agreement signing and expiry dates, obligation
and follow-up deadlines, meetings and resolution deadlines, and official holidays into :class:`AgendaEntry` values; the calendar
page lays them out on a month grid or an hour grid, and the ``.ics`` export writes them.
Times are Tehran local time (``core.clock.TEHRAN``); an entry without a time of day is
"all day" on each of its days.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from qazvin_diplomacy.core.labels import LabelledEnum


class EntryKind(LabelledEnum):
    """What a calendar entry is; the order is the legend's order."""

    VISIT = "visit", "دیدار", "Visit"
    EVENT = "event", "رویداد", "Event"
    SIGNING = "signing", "امضای موافقت‌نامه", "Agreement signing"
    EXPIRY = "expiry", "پایان اعتبار موافقت‌نامه", "Agreement expiry"
    OBLIGATION = "obligation", "سررسید تعهد", "Obligation deadline"
    FOLLOWUP = "followup", "سررسید پیگیری", "Follow-up deadline"
    MEETING = "meeting", "جلسه", "Meeting"
    RESOLUTION = "resolution", "سررسید مصوبه", "Resolution deadline"
    DELEGATION = "delegation", "هیئت تجاری", "Trade delegation"
    HOLIDAY = "holiday", "تعطیل رسمی", "Official holiday"

    @property
    def module(self) -> str:
        """The module whose form opens an entry of this kind ("" for holidays)."""
        return _MODULES[self]

    @property
    def movable(self) -> bool:
        """Whether dragging an entry of this kind to another time or day is allowed.

        An agreement's signing date is changed in its form (it moves the expiry with it);
        the expiry is computed; holidays are confirmed in the holidays dialog.
        """
        return self in (EntryKind.VISIT, EntryKind.EVENT, EntryKind.OBLIGATION, EntryKind.FOLLOWUP)


_MODULES = {
    EntryKind.VISIT: "visits",
    EntryKind.EVENT: "events",
    EntryKind.SIGNING: "agreements",
    EntryKind.EXPIRY: "agreements",
    EntryKind.OBLIGATION: "agreements",
    EntryKind.FOLLOWUP: "",  # its source's module: see AgendaEntry.open_target
    EntryKind.MEETING: "meetings",
    EntryKind.RESOLUTION: "meetings",  # opens its meeting: see AgendaEntry.open_target
    EntryKind.DELEGATION: "delegations",
    EntryKind.HOLIDAY: "",
}

#: Module of a follow-up's ``source_kind``.
SOURCE_MODULES = {
    "visit": "visits",
    "agreement": "agreements",
    "event": "events",
    "meeting": "meetings",
    "delegation": "delegations",
}


@dataclass(frozen=True)
class AgendaEntry:
    """One thing on the calendar.

    ``record_id``/``version`` identify the stored record (the follow-up itself for a
    deadline, the agreement for its signing or expiry, 0 for a holiday); ``start``/``end``
    are set for an entry with a time of day (Tehran-aware, half-open); ``first_day`` …
    ``last_day`` are the local days it covers.  ``detail`` is the country or the guests
    (``detail_en`` in English); ``clash`` marks a visit sharing people or a venue with
    another one at the same time, or saved despite a clash.
    """

    kind: EntryKind
    record_id: int
    title: str
    first_day: dt.date
    last_day: dt.date
    start: dt.datetime | None = None
    end: dt.datetime | None = None
    title_en: str = ""
    detail: str = ""
    detail_en: str = ""
    venue: str = ""
    status: str = ""
    status_fa: str = ""
    status_en: str = ""
    version: int | None = None
    clash: bool = False
    overdue: bool = False
    source_kind: str = ""
    source_id: int | None = None
    approximate: bool = False
    #: People (guests and hosts) and venue key of a visit, for clash marking.
    people: tuple[int, ...] = ()
    venue_key: str = ""

    @property
    def key(self) -> tuple[str, int, dt.date]:
        """Identity on screen (a holiday has no record: its day tells it apart)."""
        return self.kind.value, self.record_id, self.first_day if not self.record_id else _EPOCH

    @property
    def all_day(self) -> bool:
        """No time of day, or spread over several days (shown in the all-day band)."""
        return self.start is None or self.end is None or self.first_day != self.last_day

    def covers(self, day: dt.date) -> bool:
        """Whether the entry is on ``day``."""
        return self.first_day <= day <= self.last_day

    def open_target(self) -> tuple[str, int] | None:
        """(module key, record id) whose form opens this entry; None for a holiday."""
        if self.kind is EntryKind.HOLIDAY:
            return None
        if self.kind is EntryKind.FOLLOWUP:
            module = SOURCE_MODULES.get(self.source_kind, "")
            return (module, self.source_id) if module and self.source_id else None
        if self.kind is EntryKind.OBLIGATION:
            return ("agreements", self.source_id) if self.source_id else None
        if self.kind is EntryKind.RESOLUTION:
            return ("meetings", self.source_id) if self.source_id else None
        return self.kind.module, self.record_id

    def label(self, lang: str = "fa") -> str:
        """Title, then country/guests, in ``lang`` (the Persian text when no English is stored)."""
        title = self.title_en if lang == "en" and self.title_en else self.title
        detail = self.detail_en if lang == "en" and self.detail_en else self.detail
        return f"{title} — {detail}" if detail else title


_EPOCH = dt.date(1970, 1, 1)


def local_last_day(start: dt.datetime, end: dt.datetime) -> dt.date:
    """The last local day a span ``[start, end)`` covers (ending at midnight: the day before)."""
    if end.time() == dt.time(0) and end.date() > start.date():
        return end.date() - dt.timedelta(days=1)
    return end.date()


def mark_clashes(entries: Sequence[AgendaEntry]) -> list[AgendaEntry]:
    """``entries`` with ``clash`` set on visits that share a person or a venue in time.

    Only the visits among ``entries`` are compared (the range shown); a visit already
    marked (saved with a conflict reason) stays marked.
    """
    visits = [e for e in entries if e.kind is EntryKind.VISIT and e.start and e.end]
    clashing: set[int] = set()
    by_resource: dict[object, list[AgendaEntry]] = defaultdict(list)
    for v in visits:
        for person in v.people:
            by_resource[("p", person)].append(v)
        if v.venue_key:
            by_resource[("v", v.venue_key)].append(v)
    for group in by_resource.values():
        if len(group) < 2:
            continue
        group.sort(key=lambda e: e.start or dt.datetime.min)
        latest: AgendaEntry | None = None
        for v in group:
            assert v.start is not None and v.end is not None
            if latest is not None and latest.end is not None and v.start < latest.end:
                clashing.update((v.record_id, latest.record_id))
            if latest is None or (latest.end is not None and v.end > latest.end):
                latest = v
    return [
        replace(e, clash=True)
        if e.kind is EntryKind.VISIT and e.record_id in clashing and not e.clash
        else e
        for e in entries
    ]


def sort_entries(entries: Iterable[AgendaEntry]) -> list[AgendaEntry]:
    """Holidays first, then all-day entries, then by time, kind and title."""
    return sorted(
        entries,
        key=lambda e: (
            e.kind is not EntryKind.HOLIDAY,
            not e.all_day,
            e.start.timetz().replace(tzinfo=None) if e.start else dt.time(0),
            e.first_day,
            e.kind.order,
            e.title,
        ),
    )


def by_day(
    entries: Iterable[AgendaEntry], first: dt.date, last: dt.date
) -> dict[dt.date, list[AgendaEntry]]:
    """``{day: entries on it}`` for ``first`` … ``last``, each day sorted (see :func:`sort_entries`)."""
    found: dict[dt.date, list[AgendaEntry]] = defaultdict(list)
    for e in entries:
        day = max(e.first_day, first)
        end = min(e.last_day, last)
        while day <= end:
            found[day].append(e)
            day += dt.timedelta(days=1)
    return {day: sort_entries(items) for day, items in found.items()}


def shift_time(value: dt.time | None, delta: dt.timedelta) -> dt.time | None:
    """``value`` moved by ``delta`` within its day; None if it would cross midnight."""
    if value is None:
        return None
    moved = dt.datetime.combine(_EPOCH, value) + delta
    return moved.time() if moved.date() == _EPOCH else None
