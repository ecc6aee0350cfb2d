"""Capacities: save with validation in one transaction, list with filters and paging,
the brochure's publishable items, search, archive, photos."""

from __future__ import annotations

from dataclasses import replace

import pytest

from qazvin_diplomacy.core.capacities import CapacityFilter, CapacityInput
from qazvin_diplomacy.core.errors import KnownError, StaleRecordError, ValidationError
from qazvin_diplomacy.services.capacities import (
    add_capacity_photo,
    archive_capacity,
    brochure_capacities,
    count_capacities,
    get_capacity,
    list_capacities,
    list_capacity_photos,
    save_capacity,
)
from qazvin_diplomacy.services.search import search
from qazvin_diplomacy.storage.directory import Organization


@pytest.fixture
def org_id(db) -> int:
    with db.session() as session:
        org = Organization(
            name_fa="شرکت شهرک‌های صنعتی استان قزوین", name_en="Qazvin Industrial Parks"
        )
        session.add(org)
        session.commit()
        return org.id


def _save(db, **values):
    base = {"title": "شهرک صنعتی البرز", "axis": "production", "county": "alborz"}
    return save_capacity(db, capacity=CapacityInput(**(base | values)))


def test_save_reads_back_with_labels_accepted_for_codes(db, org_id) -> None:
    saved = _save(
        db,
        axis="تولید",
        county="Buin Zahra",
        status="آماده واگذاری",
        title_en="Alborz Industrial City",
        area=3600.0,
        jobs=60000,
        investment=250_000_000,
        contact_org_id=org_id,
        publishable=True,
    )
    got = get_capacity(db, capacity_id=saved.id)
    assert (got.axis, got.county, got.status) == ("production", "buin_zahra", "ready")
    assert got.investment == 250_000_000
    assert got.contact_name_en == "Qazvin Industrial Parks"
    updated = save_capacity(db, capacity=replace(got, jobs=70000, photos=[]))
    assert updated.jobs == 70000 and updated.version == got.version + 1


def test_refusals_write_nothing(db) -> None:
    with pytest.raises(ValidationError) as caught:
        _save(db, axis="mining", jobs=-3)
    assert {"axis", "jobs"} <= set(caught.value.errors)
    with pytest.raises(ValidationError) as caught:
        _save(db, contact_org_id=999_999)
    assert "contact_org_id" in caught.value.errors
    assert count_capacities(db) == 0


def test_a_stale_copy_is_refused(db) -> None:
    saved = _save(db)
    _save(db, id=saved.id, version=saved.version, jobs=5)
    with pytest.raises(StaleRecordError):
        _save(db, id=saved.id, version=saved.version, jobs=6)


def test_filters_and_paging(db) -> None:
    _save(db, title="دره الموت", axis="tourism", county="qazvin", status="ready")
    _save(db, title="کشمش تاکستان", axis="agriculture", county="takestan", status="active")
    _save(
        db,
        title="زیتون طارم",
        axis="agriculture",
        county="qazvin",
        title_en="Tarom olives",
        publishable=True,
    )
    assert count_capacities(db) == 3
    assert count_capacities(db, filters=CapacityFilter(axis="agriculture")) == 2
    assert count_capacities(db, filters=CapacityFilter(axis="کشاورزی", county="qazvin")) == 1
    assert count_capacities(db, filters=CapacityFilter(status="active")) == 1
    assert count_capacities(db, filters=CapacityFilter(publishable=True)) == 1
    assert count_capacities(db, filters=CapacityFilter(publishable=False)) == 2
    assert [c.title for c in list_capacities(db, filters=CapacityFilter(text="الموت"))] == [
        "دره الموت"
    ]
    # By axis (the catalogue's order), then title; pages do not overlap.
    everything = [c.title for c in list_capacities(db)]
    assert everything[0] == "دره الموت"
    pages = list_capacities(db, offset=0, limit=2) + list_capacities(db, offset=2, limit=2)
    assert [c.title for c in pages] == everything


def test_brochure_holds_publishable_live_items_only_grouped_by_axis(db) -> None:
    _save(db, title="الف", axis="tourism", title_en="A", publishable=True)
    _save(db, title="ب", axis="tourism")  # not publishable
    gone = _save(db, title="ج", axis="agriculture", title_en="C", publishable=True)
    _save(db, title="د", axis="production", title_en="D", publishable=True)
    archive_capacity(db, capacity_id=gone.id)
    groups = brochure_capacities(db)
    assert [(axis.value, [c.title for c in items]) for axis, items in groups] == [
        ("tourism", ["الف"]),
        ("production", ["د"]),
    ]
    assert [a.value for a, _ in brochure_capacities(db, axis="production")] == ["production"]


def test_search_finds_a_capacity_and_forgets_it_when_archived(db) -> None:
    saved = _save(db, title="گردشگری دره الموت", axis="tourism", county="qazvin")
    groups = {g.kind: g for g in search(db, "الموت").groups}
    assert [h.id for h in groups["capacity"].hits] == [saved.id]
    assert "گردشگری" in groups["capacity"].hits[0].subtitle
    archive_capacity(db, capacity_id=saved.id)
    assert "capacity" not in {g.kind for g in search(db, "الموت").groups}
    with pytest.raises(KnownError):
        _save(db, id=saved.id, title="دیگر")


def test_photos_are_attachments(db, tmp_path) -> None:
    saved = _save(db)
    photo = tmp_path / "alborz.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 64)
    added = add_capacity_photo(db, capacity_id=saved.id, source=photo, description="نمای شهرک")
    assert [p.id for p in list_capacity_photos(db, capacity_id=saved.id)] == [added.id]
    assert [p.original_name for p in get_capacity(db, capacity_id=saved.id).photos] == [
        "alborz.png"
    ]
