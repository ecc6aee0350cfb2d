"""Trade delegations use-cases (هیئت‌های تجاری اعزامی و پذیرش).

Every public function takes the ``Database`` first and keyword-only arguments, runs one
transaction and returns core objects (``core.delegations``), never ORM rows.
"""

from __future__ import annotations

from qazvin_diplomacy.services.delegations.records import (
    ANY_DELEGATION,
    DELEGATION_SORT_KEYS,
    archive_delegation,
    count_delegations,
    delegation_labels,
    get_delegation,
    list_delegations,
    save_delegation,
)

__all__ = [
    "ANY_DELEGATION",
    "DELEGATION_SORT_KEYS",
    "archive_delegation",
    "count_delegations",
    "delegation_labels",
    "get_delegation",
    "list_delegations",
    "save_delegation",
]
