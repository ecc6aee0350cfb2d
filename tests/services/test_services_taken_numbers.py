"""A number or name already taken by another record of its scope is refused; the record itself,
saved again, and the same value in another scope are not (services.records.another_with)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from qazvin_diplomacy.core.directory import OrganizationInput
from qazvin_diplomacy.core.errors import ValidationError
from qazvin_diplomacy.core.jalali import from_jalali
from qazvin_diplomacy.core.markets import RegionInput
from qazvin_diplomacy.core.meetings import MeetingInput, ResolutionInput, SeriesInput
from qazvin_diplomacy.services import directory
from qazvin_diplomacy.services import markets as markets_service
from qazvin_diplomacy.services import meetings as svc


def test_a_resolution_number_is_taken_once_per_meeting(db) -> None:
    body = directory.save_organization(db, org=OrganizationInput("اتاق بازرگانی قزوین")).id
    series = svc.save_series(db, series=SeriesInput("کارگروه توسعه صادرات غیرنفتی"))
    meetings = [
        svc.save_meeting(db, meeting=MeetingInput(series_id=series.id, meeting_date=day))
        for day in (from_jalali(1404, 8, 3), from_jalali(1404, 8, 10))
    ]
    first = ResolutionInput(meetings[0].id, "گزارش", responsible_org_id=body, seq=1)
    saved = svc.save_resolution(db, resolution=first)
    again = replace(first, text="گزارش کامل", id=saved.id, version=saved.version)
    assert svc.save_resolution(db, resolution=again).text == "گزارش کامل"
    with pytest.raises(ValidationError) as caught:
        svc.save_resolution(db, resolution=replace(first, text="دیگر"))
    assert list(caught.value.errors) == ["seq"]
    other = svc.save_resolution(db, resolution=replace(first, meeting_id=meetings[1].id))
    assert other.seq == 1


def test_a_region_name_is_taken_once_per_country(db) -> None:
    directory.ensure_reference_data(db)
    iq = directory.country_by_code(db, "IQ").id  # type: ignore[union-attr]
    af = directory.country_by_code(db, "AF").id  # type: ignore[union-attr]
    region = markets_service.save_region(db, region=RegionInput(iq, "جنوب"))
    kept = RegionInput(iq, "جنوب", "South", id=region.id, version=region.version)
    assert markets_service.save_region(db, region=kept).name_en == "South"
    with pytest.raises(ValidationError) as caught:
        markets_service.save_region(db, region=RegionInput(iq, "جنوب"))
    assert list(caught.value.errors) == ["name_fa"]
    assert markets_service.save_region(db, region=RegionInput(af, "جنوب")).country_id == af
