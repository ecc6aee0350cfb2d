"""The TopoJSON decoder (arcs, transform, reversed arcs, the bundled map), the shared
projection and the atlas colours."""

from __future__ import annotations

import json

import pytest

from qazvin_diplomacy.core import atlas
from qazvin_diplomacy.core.markets import CountryAtlasEntry
from qazvin_diplomacy.core.topojson import (
    Y_STRETCH,
    Shape,
    decode_arcs,
    decode_objects,
    project,
    projected_rings,
    unwrap_ring,
)
from qazvin_diplomacy.paths import resources_dir

# A square made of two arcs, the second walked backwards (~1), in a quantized grid.
TOPOLOGY = {
    "type": "Topology",
    "transform": {"scale": [0.5, 2.0], "translate": [10.0, -4.0]},
    "arcs": [
        [[0, 0], [4, 0], [0, 2]],  # (0,0) → (4,0) → (4,2)
        [[0, 0], [0, 2], [4, 0]],  # (0,0) → (0,2) → (4,2)
    ],
    "objects": {
        "countries": {
            "type": "GeometryCollection",
            "geometries": [
                {"type": "Polygon", "arcs": [[0, -2]], "id": "999", "properties": {"name": "Sq"}},
                {"type": None, "id": "000"},
            ],
        }
    },
}


def test_arcs_are_delta_decoded_and_transformed() -> None:
    arcs = decode_arcs(TOPOLOGY)
    assert arcs[0] == [(10.0, -4.0), (12.0, -4.0), (12.0, 0.0)]
    assert arcs[1] == [(10.0, -4.0), (10.0, 0.0), (12.0, 0.0)]


def test_a_reversed_arc_closes_the_ring_without_repeating_points() -> None:
    (shape,) = decode_objects(TOPOLOGY, "countries")
    assert shape.id == "999" and shape.name == "Sq"
    (ring,) = shape.polygons[0]
    assert ring == ((10.0, -4.0), (12.0, -4.0), (12.0, 0.0), (10.0, 0.0), (10.0, -4.0))
    assert shape.bounds() == (10.0, -4.0, 12.0, 0.0)


def test_not_a_topology_is_refused() -> None:
    with pytest.raises(ValueError):
        decode_objects({"type": "FeatureCollection"}, "countries")


def test_unwrap_keeps_a_ring_crossing_the_antimeridian_in_one_piece() -> None:
    ring = ((178.0, 65.0), (-179.0, 66.0), (-175.0, 64.0), (179.0, 63.0), (178.0, 65.0))
    out = unwrap_ring(ring)
    assert max(abs(b[0] - a[0]) for a, b in zip(out, out[1:], strict=False)) < 10
    assert out[1][0] - out[0][0] == 3.0  # -179 is 3 degrees east of 178, not 357 west
    assert [lat for _lon, lat in out] == [lat for _lon, lat in ring]


def test_the_bundled_map_has_iran_where_it_is() -> None:
    topology = json.loads((resources_dir() / "maps" / "countries-110m.json").read_text("utf-8"))
    shapes = {s.id: s for s in decode_objects(topology, "countries")}
    west, south, east, north = shapes["364"].bounds()  # ISO 3166-1 numeric of Iran
    assert 43.5 < west < 44.5 and 62.8 < east < 63.6
    assert 24.8 < south < 25.5 and 39.4 < north < 40.0
    assert len(shapes) > 170


def test_projected_rings_stretch_latitude_unwrap_and_leave_antarctica_out() -> None:
    square = ((10.0, 10.0), (20.0, 10.0), (20.0, 20.0), (10.0, 10.0))
    south = ((0.0, -80.0), (10.0, -80.0), (10.0, -70.0), (0.0, -80.0))
    across = ((178.0, 65.0), (-179.0, 66.0), (-175.0, 64.0), (178.0, 65.0))
    shape = Shape("1", "x", ((square,), (south,), (across,)))
    rings = projected_rings(shape)
    assert len(rings) == 2  # the polygon south of SOUTH_LIMIT is not drawn
    assert rings[0][2] == (20.0, 20.0 * Y_STRETCH) == project(20.0, 20.0)
    assert rings[1][1][0] - rings[1][0][0] == 3.0  # one piece across the antimeridian
    assert len(projected_rings(shape, south_limit=-90)) == 3


def test_atlas_colours_by_priority_and_by_export_bucket() -> None:
    entry = CountryAtlasEntry(1, "IQ", "عراق", "Iraq", priority=2, market_count=1,
                              export_usd=2_500_000, export_records=3)  # fmt: skip
    assert atlas.country_fill(entry, atlas.PRIORITY) == atlas.PRIORITY_FILLS[2]
    assert atlas.country_fill(entry, atlas.EXPORTS) == atlas.EXPORT_FILLS[2]
    no_exports = CountryAtlasEntry(2, "TJ", "تاجیکستان", "Tajikistan", priority=1)
    assert atlas.country_fill(no_exports, atlas.EXPORTS) is None  # not guessed as zero
    assert atlas.country_fill(None, atlas.PRIORITY) is None
    assert [atlas.export_bucket(v) for v in (0, 99_999, 100_000, 20_000_000)] == [0, 0, 1, 4]
    assert atlas.export_ranges()[-1] == (20_000_000, None)
