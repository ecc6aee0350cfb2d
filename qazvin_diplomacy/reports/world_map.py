"""The atlas map on paper: a ReportLab flowable drawing the country outlines as paths.

The outlines are the Qt map's (``services.markets.world_shapes``), projected by the same
``core.topojson.projected_rings`` and coloured by ``core.atlas``'s rules; each country is
one even-odd filled path clipped to the map's frame.  A map may focus on a box (a country
and its neighbours) and label some countries; its key is :class:`MapLegend`, swatches laid
out right to left.  In a Word file the same map is a PNG drawn with Pillow
(:meth:`WorldMapFlowable.word_image`), without labels (Pillow cannot shape Persian).
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

from reportlab.lib import colors
from reportlab.platypus.flowables import Flowable

from qazvin_diplomacy.core import atlas
from qazvin_diplomacy.core.topojson import Ring, bounds, projected_rings
from qazvin_diplomacy.reports.fonts import FONT_BOLD, FONT_REGULAR
from qazvin_diplomacy.reports.rtl import text_width
from qazvin_diplomacy.reports.rtl_draw import draw_text
from qazvin_diplomacy.services import markets as markets_service

Box = tuple[float, float, float, float]  # (min x, min y, max x, max y) in map units

#: Label boxes of a focused map keep this many map units around the country.
FOCUS_MARGIN = 0.6


@dataclass(frozen=True)
class ProjectedCountry:
    """A country's rings in map units (x east, y north) and their bounding box."""

    iso2: str
    rings: tuple[Ring, ...]
    box: Box

    def anchor(self) -> tuple[float, float]:
        """Where its label goes: the centre of its largest ring's box (the mainland)."""
        best = max(self.rings, key=lambda r: _area(bounds(r)))
        x0, y0, x1, y1 = bounds(best)
        return (x0 + x1) / 2, (y0 + y1) / 2


def _area(box: Box) -> float:
    return (box[2] - box[0]) * (box[3] - box[1])


@cache
def projected_world() -> tuple[ProjectedCountry, ...]:
    """Every country of the bundled map, projected once per process."""
    found = []
    for country in markets_service.world_shapes():
        rings = tuple(projected_rings(country.shape))
        if rings:
            box = bounds(p for ring in rings for p in ring)
            found.append(ProjectedCountry(country.iso2, rings, box))
    return tuple(found)


def world_box() -> Box:
    """The box of every drawn country."""
    boxes = [c.box for c in projected_world()]
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def country_box(iso2: str, *, margin: float = 0.35, aspect: float = 1.6) -> Box | None:
    """A box around ``iso2``'s mainland and its neighbours (``margin`` of its size on each
    side, at least 6 map units), widened to ``aspect`` (width / height); None when the map
    has no shape for it."""
    found = next((c for c in projected_world() if c.iso2 == iso2), None)
    if found is None:
        return None
    biggest = max(found.rings, key=lambda r: _area(bounds(r)))
    x0, y0, x1, y1 = bounds(biggest)
    pad_x = max((x1 - x0) * margin, 6.0)
    pad_y = max((y1 - y0) * margin, 6.0)
    x0, y0, x1, y1 = x0 - pad_x, y0 - pad_y, x1 + pad_x, y1 + pad_y
    w, h = x1 - x0, y1 - y0
    if w / h < aspect:
        grow = (h * aspect - w) / 2
        x0, x1 = x0 - grow, x1 + grow
    else:
        grow = (w / aspect - h) / 2
        y0, y1 = y0 - grow, y1 + grow
    return x0, y0, x1, y1


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@dataclass(frozen=True)
class MapPicture:
    """What a map shows: fills by alpha-2 code, outlined countries, labels and the box."""

    fills: Mapping[str, str]
    focus: Box | None = None
    outlined: frozenset[str] = frozenset()
    labels: Sequence[tuple[str, str]] = ()  # (alpha-2 code, text) in the order to place
    home_fill: str | None = atlas.IRAN_FILL  # Iran, when ``fills`` gives it nothing

    def fill_of(self, iso2: str) -> str:
        """The fill of one country."""
        if iso2 in self.fills:
            return self.fills[iso2]
        if iso2 == atlas.IRAN and self.home_fill:
            return self.home_fill
        return atlas.LAND if iso2 else atlas.NO_CODE


@dataclass
class _Frame:
    """Map units → points inside a width × height frame (aspect kept, centred)."""

    box: Box
    width: float
    height: float
    scale: float = field(init=False)
    dx: float = field(init=False)
    dy: float = field(init=False)

    def __post_init__(self) -> None:
        x0, y0, x1, y1 = self.box
        self.scale = min(self.width / (x1 - x0), self.height / (y1 - y0))
        self.dx = (self.width - (x1 - x0) * self.scale) / 2 - x0 * self.scale
        self.dy = (self.height - (y1 - y0) * self.scale) / 2 - y0 * self.scale

    def point(self, x: float, y: float) -> tuple[float, float]:
        """A map point in the frame's points (y up, as ReportLab draws)."""
        return x * self.scale + self.dx, y * self.scale + self.dy

    def visible(self) -> Box:
        """The map units the whole frame shows."""
        return (
            -self.dx / self.scale,
            -self.dy / self.scale,
            (self.width - self.dx) / self.scale,
            (self.height - self.dy) / self.scale,
        )


class WorldMapFlowable(Flowable):
    """A map of ``picture`` in a ``width`` × ``height`` frame (points), with a thin border."""

    LABEL_SIZE = 7.0

    def __init__(self, picture: MapPicture, width: float, height: float) -> None:
        super().__init__()
        self.picture = picture
        self.width = width
        self.height = height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Override: the map keeps its size (narrowed to the frame when wider)."""
        if self.width > availWidth:
            self.height *= availWidth / self.width
            self.width = availWidth
        return self.width, self.height

    def frame(self) -> _Frame:
        """The transformation of this map."""
        return _Frame(self.picture.focus or world_box(), self.width, self.height)

    def drawn_countries(self) -> list[ProjectedCountry]:
        """The countries inside the visible box (the others are not drawn at all)."""
        seen = self.frame().visible()
        return [c for c in projected_world() if _overlaps(c.box, seen)]

    def draw(self) -> None:
        """Override: sea, countries, outlined countries on top, labels, border."""
        canvas = self.canv
        frame = self.frame()
        canvas.saveState()
        clip = canvas.beginPath()
        clip.rect(0, 0, self.width, self.height)
        canvas.clipPath(clip, stroke=0, fill=0)
        canvas.setFillColor(colors.HexColor(atlas.SEA))
        canvas.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        canvas.setLineWidth(0.25)
        canvas.setStrokeColor(colors.HexColor(atlas.BORDER))
        drawn = self.drawn_countries()
        for country in drawn:
            self._country(frame, country, self.picture.fill_of(country.iso2))
        canvas.setLineWidth(1.2)
        canvas.setStrokeColor(colors.HexColor(atlas.HIGHLIGHT))
        for country in drawn:
            if country.iso2 in self.picture.outlined:
                self._country(frame, country, None)
        self._labels(frame, {c.iso2: c for c in drawn})
        canvas.restoreState()
        canvas.setLineWidth(0.5)
        canvas.setStrokeColor(colors.HexColor(atlas.BORDER))
        canvas.rect(0, 0, self.width, self.height, stroke=1, fill=0)

    def _country(self, frame: _Frame, country: ProjectedCountry, fill: str | None) -> None:
        path = self.canv.beginPath()
        for ring in country.rings:
            path.moveTo(*frame.point(*ring[0]))
            for x, y in ring[1:]:
                path.lineTo(*frame.point(x, y))
            path.close()
        if fill is not None:
            self.canv.setFillColor(colors.HexColor(fill))
        self.canv.drawPath(path, stroke=1, fill=int(fill is not None), fillMode=0)  # even-odd

    def _labels(self, frame: _Frame, drawn: Mapping[str, ProjectedCountry]) -> None:
        """Each label centred on its country; one that would overlap a placed one is left out."""
        taken: list[Box] = []
        size = self.LABEL_SIZE
        for iso2, text in self.picture.labels:
            country = drawn.get(iso2)
            if country is None or not text:
                continue
            x, y = frame.point(*country.anchor())
            w = text_width(text, FONT_BOLD, size)
            box = (x - w / 2 - 1, y - size * 0.45, x + w / 2 + 1, y + size * 0.95)
            if any(_overlaps(box, other) for other in taken):
                continue
            taken.append(box)
            self.canv.setFillColor(colors.Color(1, 1, 1, alpha=0.7))
            self.canv.rect(box[0], box[1], box[2] - box[0], box[3] - box[1], stroke=0, fill=1)
            self.canv.setFillColor(colors.HexColor("#1b1b1b"))
            draw_text(self.canv, text, x, y, font_name=FONT_BOLD, font_size=size, align="center")

    def word_image(self, dpi: int = 150) -> tuple[bytes, float]:
        """The map as a PNG for a Word file (labels left out) and its width in points."""
        from PIL import Image, ImageDraw

        zoom = dpi / 72
        w, h = round(self.width * zoom), round(self.height * zoom)
        frame = _Frame(self.picture.focus or world_box(), w, h)
        image = Image.new("RGB", (w, h), atlas.SEA)
        pen = ImageDraw.Draw(image)
        for country in self.drawn_countries():
            fill = self.picture.fill_of(country.iso2)
            outline = atlas.HIGHLIGHT if country.iso2 in self.picture.outlined else atlas.BORDER
            for ring in country.rings:  # holes (rare at this scale) are filled over
                points = [frame.point(x, y) for x, y in ring]
                pen.polygon([(px, h - py) for px, py in points], fill=fill, outline=outline)
        pen.rectangle((0, 0, w - 1, h - 1), outline=atlas.BORDER)
        out = io.BytesIO()
        image.save(out, format="PNG", optimize=True)
        return out.getvalue(), self.width


@dataclass(frozen=True)
class LegendItem:
    """A swatch and its text."""

    fill: str
    text: str


class MapLegend(Flowable):
    """The map's key on one or more lines, first item on the right (read right to left)."""

    SIZE = 8.0
    SWATCH = 8.0
    GAP = 12.0

    def __init__(self, items: Sequence[LegendItem]) -> None:
        super().__init__()
        self.items = list(items)
        self._lines: list[list[tuple[LegendItem, float]]] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Override: as many items per line as fit."""
        self.width = availWidth
        self._lines = [[]]
        used = 0.0
        for item in self.items:
            w = self.SWATCH + 4 + text_width(item.text, FONT_REGULAR, self.SIZE)
            if self._lines[-1] and used + w > availWidth:
                self._lines.append([])
                used = 0.0
            self._lines[-1].append((item, w))
            used += w + self.GAP
        self.height = len(self._lines) * self.SIZE * 2 + 4
        return self.width, self.height

    def word_lines(self) -> list[str]:
        """The key as text lines for a Word file: «■ text» per item."""
        return ["    ".join(f"■ {item.text}" for item in self.items)]

    def draw(self) -> None:
        """Override: swatch then text, from the right edge leftwards."""
        canvas = self.canv
        y = self.height - self.SIZE * 1.6
        for line in self._lines:
            x = self.width
            for item, w in line:
                canvas.setFillColor(colors.HexColor(item.fill))
                canvas.setStrokeColor(colors.HexColor(atlas.BORDER))
                canvas.rect(x - self.SWATCH, y - 1, self.SWATCH, self.SWATCH, stroke=1, fill=1)
                canvas.setFillColor(colors.HexColor("#1a1a1a"))
                draw_text(
                    canvas, item.text, x - self.SWATCH - 4, y,
                    font_name=FONT_REGULAR, font_size=self.SIZE, align="right",
                )  # fmt: skip
                x -= w + self.GAP
            y -= self.SIZE * 2


__all__ = [
    "LegendItem",
    "MapLegend",
    "MapPicture",
    "WorldMapFlowable",
    "country_box",
    "projected_world",
    "world_box",
]
