"""The sections other modules add to the visit dossier's country profile, listed explicitly.

A module that has something to say about the guests' country (agreements today) writes a
provider here — ``provider(db, country_id, visit)`` returning a :class:`ProfileSection` or
None — and adds it to :data:`COUNTRY_SECTIONS`; ``reports.visit_dossier`` passes that tuple
to ``services.visit_reports.visit_dossier``.
"""

from __future__ import annotations

from collections.abc import Iterable

from qazvin_diplomacy.core.agreements import AgreementSummary, PartySide
from qazvin_diplomacy.core.visits import VisitDetail
from qazvin_diplomacy.reports.catalog import day_or_dash
from qazvin_diplomacy.services.agreements import agreements_with_country
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.services.visit_reports import (
    CountrySectionProvider,
    ProfileSection,
)

AGREEMENT_HEADER = ("عنوان", "نوع", "طرف خارجی", "امضا", "انقضا", "وضعیت")


def agreement_rows(rows: Iterable[AgreementSummary]) -> tuple[tuple[str, ...], ...]:
    """Title, kind, foreign parties, signing, expiry and status of each agreement."""
    return tuple(
        (
            r.title,
            r.kind.label_fa,
            r.parties_text(PartySide.FOREIGN),
            day_or_dash(r.signing_date),
            day_or_dash(r.expires_on),
            r.shown_status.label_fa,
        )
        for r in rows
    )


def agreements_section(db: DatabaseHandle, country_id: int, visit: VisitDetail) -> ProfileSection:
    """The agreements with the guests' country."""
    today = visit.start_at.date() if visit.start_at is not None else None
    rows = agreements_with_country(db, country_id=country_id, today=today)
    return ProfileSection(
        title="موافقت‌نامه‌ها با این کشور",
        header=AGREEMENT_HEADER,
        rows=agreement_rows(rows),
        empty_text="موافقت‌نامه‌ای با این کشور ثبت نشده است.",
        order=10,
    )


#: Every section of the country profile, printed by ``order`` then title.
COUNTRY_SECTIONS: tuple[CountrySectionProvider, ...] = (agreements_section,)
