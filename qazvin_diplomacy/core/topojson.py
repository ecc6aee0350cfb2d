"""A small TopoJSON decoder: the world-atlas country shapes as plain polygons, no Qt.

TopoJSON (https://github.com/topojson/topojson-specification) stores each shared border
once, as an *arc*; a geometry lists the arcs its rings are made of.  In a quantized file
(with a ``transform``) every arc is delta-encoded: its first point is absolute, each
following one the difference from the previous, all in integer grid units; the grid maps
to longitude/latitude through ``scale`` and ``translate``.  A negative arc index ``~i``
(``-i - 1``) means arc ``i`` walked backwards.  When rings are stitched, the first point
of each arc after the first repeats the previous arc's last point and is dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = [
    "SOUTH_LIMIT",
    "Y_STRETCH",
    "Point",
    "Ring",
    "Shape",
    "bounds",
    "decode_arcs",
    "decode_objects",
    "project",
    "projected_rings",
    "unwrap_ring",
]

Point = tuple[float, float]
Ring = tuple[Point, ...]

#: The flat map's projection (shared by the Qt map and the printed one): plate carrée with
#: latitude stretched a little so the middle latitudes read well.
Y_STRETCH = 1.2
SOUTH_LIMIT = -58.0  # polygons wholly south of this (Antarctica) are not drawn


@dataclass(frozen=True)
class Shape:
    """One feature: its id (the ISO 3166-1 numeric code in world-atlas), name and polygons.

    ``polygons`` is a tuple of polygons, each a tuple of rings (the outer ring first, then
    its holes) of (longitude, latitude) points.
    """

    id: str
    name: str
    polygons: tuple[tuple[Ring, ...], ...]

    def bounds(self) -> tuple[float, float, float, float]:
        """(min lon, min lat, max lon, max lat) over every ring."""
        return bounds(p for polygon in self.polygons for ring in polygon for p in ring)


def bounds(points: Iterable[Point]) -> tuple[float, float, float, float]:
    """The bounding box (min x, min y, max x, max y) of ``points``; ValueError when empty."""
    xs: list[float] = []
    ys: list[float] = []
    for x, y in points:
        xs.append(x)
        ys.append(y)
    if not xs:
        raise ValueError("no points")
    return min(xs), min(ys), max(xs), max(ys)


def unwrap_ring(ring: Sequence[Point]) -> Ring:
    """``ring`` without jumps across the antimeridian, for drawing on a flat map.

    A ring crossing ±180° (Chukotka, Fiji) jumps by about 360° of longitude between two
    points; each jump is undone by shifting what follows by 360°, so the ring stays one
    piece (reaching past 180° or below -180°) instead of drawing a line across the world.
    A ring whose points then lie mostly beyond ±180° is shifted back by 360°.
    """
    if not ring:
        return ()
    shift = 0.0
    out: list[Point] = [ring[0]]
    previous = ring[0][0]
    for lon, lat in ring[1:]:
        if lon - previous > 180:
            shift -= 360
        elif previous - lon > 180:
            shift += 360
        previous = lon
        out.append((lon + shift, lat))
    mean = sum(lon for lon, _lat in out) / len(out)
    if mean > 180:
        out = [(lon - 360, lat) for lon, lat in out]
    elif mean < -180:
        out = [(lon + 360, lat) for lon, lat in out]
    return tuple(out)


def decode_arcs(topology: Mapping[str, Any]) -> list[list[Point]]:
    """Every arc as absolute (longitude, latitude) points (delta decoding and transform)."""
    transform = topology.get("transform")
    arcs: list[list[Point]] = []
    if transform is None:
        for arc in topology["arcs"]:
            arcs.append([(float(p[0]), float(p[1])) for p in arc])
        return arcs
    sx, sy = transform["scale"]
    tx, ty = transform["translate"]
    for arc in topology["arcs"]:
        x = y = 0
        points: list[Point] = []
        for position in arc:
            x += position[0]
            y += position[1]
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(indexes: Sequence[int], arcs: Sequence[Sequence[Point]]) -> Ring:
    """The closed ring made of the arcs ``indexes`` (``~i``: arc ``i`` reversed)."""
    points: list[Point] = []
    for index in indexes:
        arc = list(arcs[~index])[::-1] if index < 0 else list(arcs[index])
        if points:
            arc = arc[1:]  # the shared point is already there
        points.extend(arc)
    return tuple(points)


def _polygons(
    geometry: Mapping[str, Any], arcs: Sequence[Sequence[Point]]
) -> list[tuple[Ring, ...]]:
    kind = geometry.get("type")
    if kind == "Polygon":
        return [tuple(_ring(r, arcs) for r in geometry["arcs"])]
    if kind == "MultiPolygon":
        return [tuple(_ring(r, arcs) for r in polygon) for polygon in geometry["arcs"]]
    if kind == "GeometryCollection":
        found: list[tuple[Ring, ...]] = []
        for child in geometry.get("geometries", ()):
            found.extend(_polygons(child, arcs))
        return found
    return []  # points and lines are not drawn on a country map


def decode_objects(topology: Mapping[str, Any], name: str) -> list[Shape]:
    """The features of the object ``name`` (e.g. "countries") as :class:`Shape`s.

    Features without polygons (a null geometry) are left out; a feature without an id gets
    "" (world-atlas has a few: disputed areas).
    """
    if topology.get("type") != "Topology":
        raise ValueError("not a TopoJSON topology")
    arcs = decode_arcs(topology)
    shapes: list[Shape] = []
    collection = topology["objects"][name]
    for geometry in collection.get("geometries", [collection]):
        polygons = _polygons(geometry, arcs)
        if not polygons:
            continue
        props = geometry.get("properties") or {}
        shapes.append(
            Shape(
                id=str(geometry.get("id", "")),
                name=str(props.get("name", "")),
                polygons=tuple(polygons),
            )
        )
    return shapes


def project(lon: float, lat: float) -> Point:
    """The map point of a longitude/latitude: x grows east, y grows north (in degrees)."""
    return lon, lat * Y_STRETCH


def projected_rings(shape: Shape, *, south_limit: float = SOUTH_LIMIT) -> list[Ring]:
    """Every ring of ``shape`` unwrapped at the antimeridian and projected (:func:`project`);
    a polygon whose outer ring lies wholly south of ``south_limit`` is left out."""
    rings: list[Ring] = []
    for polygon in shape.polygons:
        if not polygon or max(lat for _lon, lat in polygon[0]) < south_limit:
            continue
        for ring in polygon:
            if ring:
                rings.append(tuple(project(lon, lat) for lon, lat in unwrap_ring(ring)))
    return rings
