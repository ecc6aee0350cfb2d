"""The country briefing's data: each module's records about one country (and region)."""

from __future__ import annotations

import pytest

from qazvin_diplomacy.core.errors import KnownError, NotFoundError
from qazvin_diplomacy.services import directory
from qazvin_diplomacy.services.country_briefing import country_briefing


def _iraq(db):
    return directory.country_by_code(db, "IQ")


def test_the_briefing_gathers_every_module_about_the_country(db, iraq_on_record) -> None:
    b = country_briefing(db, country=_iraq(db))
    assert [o.name_fa for o in b.missions] == ["سفارت جمهوری عراق در تهران"]
    assert "نصیر عبدالمحسن" in [p.name_fa for p in b.people]
    assert [m.region_fa for m in b.markets] == ["اقلیم کردستان عراق", "جنوب عراق"]  # priority
    assert b.supplier_names() == ("صنایع شوینده نیلوفرپاک",)
    assert (b.export_year, b.exports) == (1404, (("صنایع شوینده نیلوفرپاک", 2_500_000),))
    assert [v.title for v in b.visits] == ["دیدار سفیر عراق با استاندار"]
    assert b.visit_total == 1
    assert [d.title for d in b.delegations] == ["اعزام هیئت تجاری به اربیل"]
    # Open and linked to the country's visit: the done one and the unlinked one stay out.
    assert [r.text for r in b.resolutions] == ["پیگیری گشایش نمایشگاه در اربیل"]


def test_a_region_narrows_the_markets_to_it_and_the_whole_country(db, iraq_on_record) -> None:
    b = country_briefing(db, country=_iraq(db), region_id=iraq_on_record["krg"])
    assert b.place_fa() == "عراق — اقلیم کردستان عراق"
    assert [m.region_fa for m in b.markets] == ["اقلیم کردستان عراق"]


def test_a_region_of_another_country_is_refused(db, iraq_on_record) -> None:
    with pytest.raises(KnownError) as refused:
        country_briefing(db, country=_iraq(db), region_id=iraq_on_record["sughd"])
    assert "سغد" in refused.value.message and "Sughd" in refused.value.message_en
    with pytest.raises(NotFoundError):
        country_briefing(db, country=_iraq(db), region_id=999_999)


def test_a_country_without_records_gives_an_empty_briefing(db, iraq_on_record) -> None:
    b = country_briefing(db, country=directory.country_by_code(db, "BR"))
    assert (b.missions, b.markets, b.visits, b.resolutions, b.delegations) == ((),) * 5
    assert b.exports == ()
