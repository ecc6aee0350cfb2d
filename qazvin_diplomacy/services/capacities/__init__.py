"""The province's capacity catalogue (issue 17, item 4).

``records`` (one capacity: save with validation, read, archive, photos) and ``queries``
(the list with filters, sort and paging; the brochure's publishable items by axis).
Keyword-only functions, one transaction each, returning ``core.capacities`` dataclasses.
"""

from __future__ import annotations

from qazvin_diplomacy.services.capacities.queries import (
    brochure_capacities,
    brochure_photos,
    count_capacities,
    list_capacities,
)
from qazvin_diplomacy.services.capacities.records import (
    add_capacity_photo,
    archive_capacity,
    get_capacity,
    list_capacity_photos,
    save_capacity,
)

__all__ = [
    "add_capacity_photo",
    "archive_capacity",
    "brochure_capacities",
    "brochure_photos",
    "count_capacities",
    "get_capacity",
    "list_capacities",
    "list_capacity_photos",
    "save_capacity",
]
