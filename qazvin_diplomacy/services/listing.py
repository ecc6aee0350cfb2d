"""The parts every paged list of a service is made of: its count, its order and its page."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Select, select

from qazvin_diplomacy.storage.database import PERSIAN_COLLATION, Database
from qazvin_diplomacy.storage.directory import Country


def count_of(db: Database, query: Select[Any]) -> int:
    """The number a ``select(func.count())`` query gives (0 when it gives none)."""
    with db.read_session() as session:
        return int(session.scalar(query) or 0)


def sorted_by(
    query: Select[Any], keys: Mapping[str, tuple[Any, ...]], sort: str, descending: bool, tie: Any
) -> Select[Any]:
    """``query`` ordered by ``keys[sort]`` (by the first of ``keys`` for a sort it does not
    know), each key reversed when ``descending``, then by ``tie`` (the id): pages never overlap."""
    default = next(iter(keys.values()))
    order = [k.desc() if descending else k for k in keys.get(sort, default)]
    return query.order_by(*order, tie)


def country_name_key(country_id: Any) -> Any:
    """A sort key: the Persian name of the country ``country_id`` points to, in Persian order."""
    name = select(Country.name_fa).where(Country.id == country_id)
    return name.scalar_subquery().collate(PERSIAN_COLLATION)
