"""A country's profile in the office's records, for a delegation or an ambassador's visit.

Gathered from each module's own query functions (so each applies its own rules of what a
reader may see): the embassy and key people (directory), target markets with needs and
people (markets), the companies able to supply them and the year's exports, earlier
visits, agreements, open resolutions linked to any of those records, and delegations.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from qazvin_diplomacy.core.agreements import AgreementSummary
from qazvin_diplomacy.core.clock import today_local
from qazvin_diplomacy.core.delegations import DelegationFilter, DelegationView
from qazvin_diplomacy.core.directory import (
    CountryView,
    OrganizationKind,
    OrganizationView,
    PersonView,
)
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.markets import MarketFilter, MarketView, RegionView, region_rule
from qazvin_diplomacy.core.meetings import LinkKind, ResolutionDue, ResolutionFilter, ResolutionView
from qazvin_diplomacy.core.visits import VisitFilter, VisitSummary
from qazvin_diplomacy.services import delegations as delegations_service
from qazvin_diplomacy.services import directory as directory_service
from qazvin_diplomacy.services import markets as markets_service
from qazvin_diplomacy.services import meetings as meetings_service
from qazvin_diplomacy.services import visits as visits_service
from qazvin_diplomacy.services.agreements import agreements_with_country
from qazvin_diplomacy.storage.database import Database

#: How many rows of each list a briefing carries (the newest first).
VISITS_SHOWN = 15
PEOPLE_SHOWN = 40
DELEGATIONS_SHOWN = 20
RESOLUTIONS_SHOWN = 40
COMPANIES_SHOWN = 15
#: The organizations that represent a country (its embassy first).
MISSION_KINDS = (OrganizationKind.EMBASSY.value, OrganizationKind.CONSULATE.value)


@dataclass(frozen=True)
class CountryBriefing:
    """Everything the briefing prints about one country (and optionally one region)."""

    country: CountryView
    region: RegionView | None
    missions: tuple[OrganizationView, ...]
    people: tuple[PersonView, ...]
    markets: tuple[MarketView, ...]
    exports: tuple[tuple[str, int], ...]  # (company, USD) of ``export_year``
    export_year: int | None
    visits: tuple[VisitSummary, ...]
    visit_total: int
    agreements: tuple[AgreementSummary, ...]
    resolutions: tuple[ResolutionView, ...]
    delegations: tuple[DelegationView, ...]

    def place_fa(self) -> str:
        """«عراق — اقلیم کردستان» or the country alone."""
        if self.region is None:
            return self.country.name_fa
        return f"{self.country.name_fa} — {self.region.name_fa}"

    def supplier_names(self) -> tuple[str, ...]:
        """The companies named as able to supply the markets, each once, in market order."""
        seen: dict[str, None] = {}
        for market in self.markets:
            for name in market.company_names_fa:
                seen.setdefault(name, None)
        return tuple(seen)


def _region(db: Database, country: CountryView, region_id: int | None) -> RegionView | None:
    """The region asked for, refused when it is not in ``country``."""
    if region_id is None:
        return None
    region = markets_service.get_region(db, region_id=region_id)
    errors: dict[str, str] = {}
    region_rule(errors, region_id, country.id, region.country_id)
    if errors:
        raise KnownError(
            f"منطقهٔ «{region.name_fa}» در {country.name_fa} نیست؛ منطقه باید از همان کشور باشد.",
            f"The region '{region.name_en or region.name_fa}' is not in "
            f"{country.name_en or country.name_fa}.",
        )
    return region


def country_briefing(
    db: Database,
    *,
    country: CountryView,
    region_id: int | None = None,
    year: int | None = None,
    today: date | None = None,
) -> CountryBriefing:
    """The briefing of ``country`` (narrowed to ``region_id``'s markets when given).

    ``year`` is the Jalali year of the exports shown (None: the latest year recorded).
    """
    region = _region(db, country, region_id)
    day = today or today_local()
    missions = [
        org
        for kind in MISSION_KINDS
        for org in directory_service.list_organizations(db, kind=kind, country_id=country.id)
    ]
    people = directory_service.list_people(db, country_id=country.id, limit=PEOPLE_SHOWN)
    markets = markets_service.list_markets(
        db, filters=MarketFilter(country_id=country.id), limit=500, details=True
    )
    if region is not None:
        markets = [m for m in markets if m.region_id in (None, region.id)]
    markets.sort(key=lambda m: (m.priority, m.region_id is not None, m.id or 0))
    years = markets_service.export_years(db)
    export_year = year if year is not None else (years[0] if years else None)
    card = markets_service.country_card(db, country_id=country.id, year=export_year)
    visit_filter = VisitFilter(country_id=country.id)
    visits = visits_service.list_visits(
        db, filters=visit_filter, sort="start", descending=True, limit=VISITS_SHOWN
    )
    visit_total = visits_service.count_visits(db, filters=visit_filter)
    agreements = agreements_with_country(db, country_id=country.id, today=day)
    delegations = delegations_service.list_delegations(
        db,
        filters=DelegationFilter(country_id=country.id),
        sort="start_date",
        descending=True,
        limit=DELEGATIONS_SHOWN,
    )
    linked = (
        *((LinkKind.VISIT.value, v.id) for v in visits),
        *((LinkKind.AGREEMENT.value, a.id) for a in agreements),
        *((LinkKind.DELEGATION.value, d.id or 0) for d in delegations),
        *((LinkKind.MARKET.value, m.id or 0) for m in markets),
    )
    resolutions = (
        meetings_service.list_resolutions(
            db,
            filters=ResolutionFilter(due=ResolutionDue.OPEN.value, today=day, linked_to=linked),
            limit=RESOLUTIONS_SHOWN,
        )
        if linked
        else []
    )
    return CountryBriefing(
        country=country,
        region=region,
        missions=tuple(missions),
        people=tuple(people),
        markets=tuple(markets),
        exports=card.exports[:COMPANIES_SHOWN],
        export_year=export_year,
        visits=tuple(visits),
        visit_total=visit_total,
        agreements=tuple(agreements),
        resolutions=tuple(resolutions),
        delegations=tuple(delegations),
    )
