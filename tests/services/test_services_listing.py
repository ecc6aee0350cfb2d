"""The shared parts of the services' paged lists (services/listing.py)."""

from __future__ import annotations

from sqlalchemy import select

from qazvin_diplomacy.services.listing import sorted_by
from qazvin_diplomacy.storage.markets import TargetMarket

KEYS = {
    "priority": (TargetMarket.priority,),
    "status": (TargetMarket.status, TargetMarket.info_date),
}


def _order(sort: str, descending: bool) -> str:
    query = sorted_by(select(TargetMarket.id), KEYS, sort, descending, TargetMarket.id)
    return str(query).split("ORDER BY")[1].strip()


def test_a_known_sort_orders_by_its_keys_then_the_id() -> None:
    assert _order("status", False) == (
        "target_market.status, target_market.info_date, target_market.id"
    )


def test_descending_reverses_the_keys_not_the_tie() -> None:
    assert _order("status", True) == (
        "target_market.status DESC, target_market.info_date DESC, target_market.id"
    )


def test_an_unknown_sort_falls_back_to_the_first_key() -> None:
    assert _order("no such column", False) == "target_market.priority, target_market.id"
