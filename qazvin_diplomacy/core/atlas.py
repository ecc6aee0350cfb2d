"""What the atlas map shows, whoever draws it: the colours by priority or by exports.

The Qt map (``ui/markets/map_view.py``) and the printed maps (``reports/world_map.py``)
colour countries by the same rules and keys, as ``#rrggbb`` strings each turns into its own
colour type.
"""

from __future__ import annotations

from qazvin_diplomacy.core.markets import CountryAtlasEntry

__all__ = [
    "BORDER",
    "EXPORTS",
    "EXPORT_FILLS",
    "EXPORT_STEPS",
    "HIGHLIGHT",
    "IRAN",
    "IRAN_FILL",
    "LAND",
    "NO_CODE",
    "PRIORITY",
    "PRIORITY_FILLS",
    "SEA",
    "country_fill",
    "export_bucket",
    "export_ranges",
]

PRIORITY, EXPORTS = "priority", "exports"
LAND = "#e4e2dc"
NO_CODE = "#d5d3cc"  # shapes without an ISO code (disputed areas)
BORDER = "#8c8a84"
SEA = "#f4f8fb"
HIGHLIGHT = "#1f4e79"  # a hovered country, the country a briefing is about
IRAN = "IR"
IRAN_FILL = "#2e7d32"
#: Priority 1, 2, 3: strongest colour first.
PRIORITY_FILLS = {1: "#c0392b", 2: "#e67e22", 3: "#f1c40f"}
#: Export buckets, lowest to highest (USD thresholds in :data:`EXPORT_STEPS`).
EXPORT_FILLS = ("#d6e9f5", "#a6cee3", "#6baed6", "#3182bd", "#08519c")
EXPORT_STEPS = (0, 100_000, 1_000_000, 5_000_000, 20_000_000)


def export_bucket(usd: int) -> int:
    """Index in :data:`EXPORT_FILLS` of an export total (0 for the smallest bucket)."""
    bucket = 0
    for i, step in enumerate(EXPORT_STEPS):
        if usd >= step:
            bucket = i
    return bucket


def export_ranges() -> list[tuple[int, int | None]]:
    """(lowest, next step or None) of each export bucket, for a legend."""
    return list(zip(EXPORT_STEPS, [*EXPORT_STEPS[1:], None], strict=True))


def country_fill(entry: CountryAtlasEntry | None, mode: str) -> str | None:
    """The fill of a country with ``entry`` in ``mode``; None: the plain land colour."""
    if entry is None:
        return None
    if mode == PRIORITY:
        return PRIORITY_FILLS.get(entry.priority or 0)
    if entry.export_records:
        return EXPORT_FILLS[export_bucket(entry.export_usd)]
    return None
