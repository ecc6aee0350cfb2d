"""What every exported list is made of: the filters, columns and table types and the cell helpers.

The lists themselves are in :mod:`.tables` (the protocol office's lists) and :mod:`.economy`
(the economic-diplomacy secretariat's).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any, TypeVar

from qazvin_diplomacy.core.agreements import (
    AgreementFilter,
    AgreementKind,
    AgreementStatus,
    Axis,
)
from qazvin_diplomacy.core.capacities import (
    CapacityFilter,
)
from qazvin_diplomacy.core.clock import TEHRAN
from qazvin_diplomacy.core.delegations import (
    DelegationFilter,
)
from qazvin_diplomacy.core.directory import OrganizationKind
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.events import EventFilter, EventKind, EventStatus
from qazvin_diplomacy.core.followups import FollowUpFilter, FollowUpStatus
from qazvin_diplomacy.core.formatting import jalali_text
from qazvin_diplomacy.core.jalali import format_time
from qazvin_diplomacy.core.letters import LetterFilter
from qazvin_diplomacy.core.markets import (
    MarketFilter,
)
from qazvin_diplomacy.core.meetings import (
    MeetingFilter,
    MeetingStatus,
    ResolutionDue,
    ResolutionFilter,
)
from qazvin_diplomacy.core.visits import VisitFilter, VisitStatus
from qazvin_diplomacy.storage.database import Database

MAX_EXPORT_ROWS = 1_000_000  # Excel's limit is 1,048,576 rows per sheet
EXPORT_PAGE = 500  # agreements and events are read (and reported) a page at a time

#: A list page's own filter object, taken as is by the matching kind.
ListFilter = (
    VisitFilter
    | AgreementFilter
    | EventFilter
    | LetterFilter
    | FollowUpFilter
    | MeetingFilter
    | ResolutionFilter
    | MarketFilter
    | DelegationFilter
    | CapacityFilter
)
#: ``progress(done, total)`` while the rows are read; it may raise to stop the export.
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ExportFilters:
    """The list's filters as the user set them; each kind uses the ones that apply to it.

    Generic fields (what the command line fills): ``text`` (every kind), ``country_id``
    (people, organizations, visits, agreements: a party's country, events: an invited
    guest's country), ``organization_id`` (people, agreements: a party, events: one of its
    people invited), ``kind`` (organization, agreement or event kind), ``status`` (visits,
    agreements, events, follow-ups), ``axis`` (agreements), ``date_from`` / ``date_to``
    (visit and event dates, agreement signing dates, follow-up deadlines; Tehran dates,
    inclusive; meetings: their date, resolutions: their deadline), ``targets_only``
    (countries), ``include_archived`` (all but countries), ``series_id`` (meetings and
    resolutions).  For resolutions ``organization_id`` is the responsible body and
    ``status`` a state of ``core.meetings.ResolutionDue`` (open, overdue, week, done …);
    for meetings ``status`` is a meeting status (draft, held, approved).

    ``list_filter``: the page's own ``VisitFilter`` / ``AgreementFilter`` / ``EventFilter``
    for visits / agreements / events; when given, the generic fields are not used.
    ``sort`` / ``descending``: the list's order (visits and agreements: the services' sort
    keys; events sort by date only); None keeps the list's default order.  ``today``: the
    day that rolls auto-renewed agreements forward (None: today in Tehran).
    """

    text: str = ""
    country_id: int | None = None
    organization_id: int | None = None
    kind: str | None = None
    status: str | None = None
    axis: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    targets_only: bool = False
    include_archived: bool = False
    list_filter: ListFilter | None = None
    sort: str | None = None
    descending: bool | None = None
    today: date | None = None
    #: Meetings and resolutions: of this meeting series.
    series_id: int | None = None
    #: Capacities: of this county (code or name) / only those flagged publishable.
    county: str | None = None
    publishable_only: bool = False


@dataclass(frozen=True)
class ExportColumn:
    """A column: Persian and English header and width in characters."""

    header_fa: str
    header_en: str
    width: int = 18


@dataclass(frozen=True)
class ExportTable:
    """A list ready to write: a sheet title, columns and rows of plain values."""

    kind: str
    title_fa: str
    title_en: str
    columns: list[ExportColumn]
    rows: list[list[Any]] = field(default_factory=list)


def iso_date(d: date | None) -> str:
    return d.isoformat() if d else ""


def local_iso(moment: datetime | None) -> str:
    return moment.astimezone(TEHRAN).isoformat() if moment else ""


def sheet_digits(lang: str) -> str:
    """Digits of the sheet: Persian in a Persian sheet, Latin in an English one."""
    return "latin" if lang == "en" else "fa"


def jalali(moment: datetime | date | None, lang: str, *, with_time: bool = False) -> str:
    return jalali_text(moment, digits=sheet_digits(lang), with_time=with_time)


def clock(moment: time | None, lang: str) -> str:
    return format_time(moment, digits=sheet_digits(lang)) if moment else ""


_E = TypeVar(
    "_E",
    VisitStatus,
    AgreementKind,
    AgreementStatus,
    Axis,
    EventKind,
    EventStatus,
    OrganizationKind,
    FollowUpStatus,
    MeetingStatus,
    ResolutionDue,
)
_F = TypeVar("_F", VisitFilter, AgreementFilter, EventFilter, MarketFilter)
_T = TypeVar("_T")


def member(enum: type[_E], value: str | None, what_fa: str, what_en: str) -> _E | None:
    """``value`` as a member of ``enum`` (None when empty); a Persian error names the choices."""
    if not value:
        return None
    try:
        return enum(value.strip().lower())
    except ValueError:
        choices_fa = "، ".join(f"{m.value} ({m.label_fa})" for m in enum)
        raise KnownError(
            f"{what_fa} «{value}» شناخته نیست؛ یکی از این‌ها: {choices_fa}.",
            f"Unknown {what_en} '{value}'; one of: {', '.join(m.value for m in enum)}.",
        ) from None


def own_filter(f: ExportFilters, kind: type[_F]) -> _F | None:
    """The page's own filter when it is of the list's type (another type is a bug)."""
    if f.list_filter is None:
        return None
    if not isinstance(f.list_filter, kind):
        raise TypeError(f"{kind.__name__} expected, got {type(f.list_filter).__name__}")
    return f.list_filter


def paged(
    fetch: Callable[[int, int], list[_T]], total: int, progress: Progress | None
) -> Iterator[_T]:
    """Every row of a list read ``EXPORT_PAGE`` at a time (at most ``MAX_EXPORT_ROWS``)."""
    total = min(total, MAX_EXPORT_ROWS)
    done = 0
    if progress is not None:
        progress(0, total)
    while done < total:
        page = fetch(done, min(EXPORT_PAGE, total - done))
        if not page:
            break
        yield from page
        done += len(page)
        if progress is not None:
            progress(min(done, total), total)


def listed(
    db: Database,
    f: ExportFilters,
    list_page: Callable[..., list[_T]],
    count: Callable[..., int],
    filters: object,
    progress: Progress | None,
    sort: str,
    *,
    descending: bool = False,
    **extra: Any,
) -> Iterator[_T]:
    """Every row of a service's paged list matching ``filters``, read as :func:`paged` does.

    ``list_page(db, filters=…, sort=…, descending=…, offset=…, limit=…, **extra)`` gives a
    page and ``count(db, filters=…)`` the total; the order is the page's (``f.sort``,
    ``f.descending``), else ``sort`` and ``descending``.
    """
    order = f.sort or sort
    down = descending if f.descending is None else f.descending

    def fetch(offset: int, limit: int) -> list[_T]:
        return list_page(
            db, filters=filters, sort=order, descending=down, offset=offset, limit=limit, **extra
        )

    return paged(fetch, count(db, filters=filters), progress)


def joined(names: Sequence[str]) -> str:
    return "، ".join(n for n in names if n)
