"""The capacity catalogue's rules: enums by code or label, validation of every field."""

from __future__ import annotations

import pytest

from qazvin_diplomacy.core.capacities import (
    CapacityAxis,
    CapacityInput,
    County,
    validate_capacity,
)
from qazvin_diplomacy.core.errors import ValidationError


def _errors(**changes) -> dict[str, str]:
    values = {"title": "گردشگری الموت", "axis": "tourism", "county": "qazvin"} | changes
    try:
        validate_capacity(CapacityInput(**values))
    except ValidationError as exc:
        return exc.errors
    return {}


def test_axes_and_counties_are_labelled_and_found_by_label() -> None:
    assert [a.value for a in CapacityAxis] == [
        "tourism",
        "production",
        "trade",
        "investment",
        "science_technology",
        "agriculture",
    ]
    assert County.find("بوئین زهرا") is County.BUIN_ZAHRA
    assert County.find("Buin Zahra") is County.BUIN_ZAHRA
    assert CapacityAxis.find("علم و فناوری") is CapacityAxis.SCIENCE_TECHNOLOGY
    assert {c.label_en for c in County} == {
        "Qazvin",
        "Alborz",
        "Abyek",
        "Buin Zahra",
        "Takestan",
        "Avaj",
    }


def test_a_complete_capacity_passes() -> None:
    assert _errors(title_en="Alamut", area=120.0, jobs=350, investment=18_000_000) == {}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": "  "}, "title"),
        ({"axis": "mining"}, "axis"),
        ({"county": "Karaj"}, "county"),
        ({"status": "sold"}, "status"),
        ({"area": 0.0}, "area"),
        ({"area": -5.0}, "area"),
        ({"area_unit": "acre"}, "area_unit"),
        ({"jobs": -1}, "jobs"),
        ({"investment": 0}, "investment"),
        ({"currency": "BTC"}, "currency"),
        ({"title_en": "دره الموت"}, "title_en"),
        ({"description_en": "Valley of الموت"}, "description_en"),
        ({"publishable": True}, "title_en"),
        ({"title": "ا" * 301}, "title"),
    ],
)
def test_each_rule_names_its_field(changes, field) -> None:
    errors = _errors(**changes)
    assert field in errors
    assert any("\u0600" <= ch <= "\u06ff" for ch in errors[field])  # a Persian message
