"""The atlas map: one ``QGraphicsPathItem`` per country, coloured by priority or by exports.

The outlines come from ``services.markets.world_shapes`` (decoded TopoJSON, longitude and
latitude); they are projected once by ``core.topojson.projected_rings`` (the projection the
printed maps share) into ``QPainterPath``s cached for the process, so a new colouring only
changes brushes; the colours are ``core.atlas``'s.  Hovering a country shows its Persian
name (English in the English interface); clicking one emits :attr:`WorldMap.countryClicked`.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

from qazvin_diplomacy.core import atlas, topojson
from qazvin_diplomacy.core.atlas import EXPORT_STEPS, EXPORTS, IRAN, PRIORITY, export_bucket
from qazvin_diplomacy.core.markets import CountryAtlasEntry
from qazvin_diplomacy.services import markets as markets_service
from qazvin_diplomacy.ui.i18n import is_rtl, loc_digits

SCALE = 4.0  # scene units per degree of longitude
LAND = QColor(atlas.LAND)
NO_CODE = QColor(atlas.NO_CODE)
BORDER = QColor(atlas.BORDER)
SEA = QColor(atlas.SEA)
HOVER = QColor(atlas.HIGHLIGHT)
#: Priority 1, 2, 3: strongest colour first.
PRIORITY_COLORS = {p: QColor(c) for p, c in atlas.PRIORITY_FILLS.items()}
#: Export buckets, lowest to highest (USD thresholds in :data:`EXPORT_STEPS`).
EXPORT_COLORS = tuple(QColor(c) for c in atlas.EXPORT_FILLS)
IRAN_COLOR = QColor(atlas.IRAN_FILL)


def project(lon: float, lat: float) -> QPointF:
    """Scene point of a longitude/latitude (x grows east, y grows south)."""
    x, y = topojson.project(lon, lat)
    return QPointF(x * SCALE, -y * SCALE)


@cache
def country_paths() -> tuple[tuple[str, str, QPainterPath], ...]:
    """(alpha-2 code, English name, path) of every country; built once per process."""
    found = []
    for country in markets_service.world_shapes():
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.OddEvenFill)
        for ring in topojson.projected_rings(country.shape):
            path.moveTo(QPointF(ring[0][0] * SCALE, -ring[0][1] * SCALE))
            for x, y in ring[1:]:
                path.lineTo(QPointF(x * SCALE, -y * SCALE))
            path.closeSubpath()
        if not path.isEmpty():
            found.append((country.iso2, country.name_en, path))
    return tuple(found)


def country_color(entry: CountryAtlasEntry | None, mode: str) -> QColor | None:
    """The fill of a country with ``entry`` in ``mode``; None: the plain land colour."""
    fill = atlas.country_fill(entry, mode)
    return None if fill is None else QColor(fill)


class CountryItem(QGraphicsPathItem):
    """A country's outline; hover highlights it, a click reports its code."""

    def __init__(self, iso2: str, name_en: str, path: QPainterPath, owner: WorldMap) -> None:
        super().__init__(path)
        self.iso2 = iso2
        self.name_en = name_en
        self.owner = owner
        self.fill = NO_CODE if not iso2 else LAND
        self.setAcceptHoverEvents(True)
        self.setPen(QPen(BORDER, 0))  # cosmetic: one pixel at any zoom
        self.setBrush(QBrush(self.fill))
        self.setFlag(QGraphicsPathItem.GraphicsItemFlag.ItemIsSelectable, False)

    def set_fill(self, color: QColor) -> None:
        """Paint the country in ``color`` (kept for after the hover)."""
        self.fill = color
        self.setBrush(QBrush(color))

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # Qt override
        """Override: outline the country under the mouse."""
        self.setPen(QPen(HOVER, 0))
        self.setZValue(1)
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # Qt override
        """Override: back to the plain border."""
        self.setPen(QPen(BORDER, 0))
        self.setZValue(0)
        super().hoverLeaveEvent(event)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # Qt override
        """Override: a left click opens the country's card."""
        if event.button() == Qt.MouseButton.LeftButton and self.iso2:
            self.owner.countryClicked.emit(self.iso2)
            event.accept()
            return
        super().mousePressEvent(event)


class WorldMap(QGraphicsView):
    """The world map of the atlas; :meth:`set_data` colours it."""

    countryClicked = Signal(str)  # alpha-2 code

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setBackgroundBrush(QBrush(SEA))
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # a map is never mirrored
        self.items_by_code: dict[str, CountryItem] = {}
        self.labels: list[tuple[QGraphicsSimpleTextItem, QPointF]] = []
        self.anchors: dict[str, QPointF] = {}  # where a country's label goes, once computed
        self.mode = PRIORITY
        self.entries: Mapping[str, CountryAtlasEntry] = {}
        self.names: Mapping[str, tuple[str, str, int]] = {}
        for iso2, name_en, path in country_paths():
            item = CountryItem(iso2, name_en, path, self)
            self.scene().addItem(item)
            if iso2:
                self.items_by_code[iso2] = item
        bounds = self.scene().itemsBoundingRect()
        self.scene().setSceneRect(bounds.adjusted(-8, -8, 8, 8))
        self.focus_rect: QRectF | None = None

    def set_data(
        self,
        entries: Mapping[str, CountryAtlasEntry],
        names: Mapping[str, tuple[str, str, int]],
        mode: str,
    ) -> None:
        """Colour every country from ``entries`` (by alpha-2 code) in ``mode`` and label
        the countries that have target markets; ``names`` gives (fa, en, id) by code."""
        self.entries, self.names, self.mode = entries, names, mode
        for iso2, item in self.items_by_code.items():
            color = country_color(entries.get(iso2), mode)
            if iso2 == IRAN and color is None:
                color = IRAN_COLOR
            item.set_fill(color or LAND)
            item.setToolTip(self.tooltip(iso2))
        self._label_markets()

    def tooltip(self, iso2: str) -> str:
        """The hover text: the country's name in the UI language, and its figures."""
        fa, en, _id = self.names.get(iso2, ("", "", 0))
        name = (fa if is_rtl() else en) or en or fa
        entry = self.entries.get(iso2)
        if entry is None:
            return name
        lines = [name]
        if entry.market_count:
            lines.append(
                self.tr("Target markets: %1 (best priority %2)")
                .replace("%1", loc_digits(entry.market_count))
                .replace("%2", loc_digits(entry.priority or 0))
            )
        if entry.export_records:
            lines.append(
                self.tr("Exports: %1 USD").replace("%1", loc_digits(f"{entry.export_usd:,}"))
            )
        return "\n".join(lines)

    def _label_markets(self) -> None:
        """Name the countries that have target markets (text never scaled with the map)."""
        for label, _anchor in self.labels:
            self.scene().removeItem(label)
        self.labels = []
        font = self.font()
        font.setPointSizeF(max(font.pointSizeF() - 1, 7))
        ordered = sorted(self.entries.values(), key=lambda e: (e.priority or 9, -e.export_usd))
        for entry in ordered:
            iso2 = entry.iso2
            item = self.items_by_code.get(iso2)
            if item is None or not entry.market_count:
                continue
            fa, en, _id = self.names.get(iso2, (entry.name_fa, entry.name_en, 0))
            label = QGraphicsSimpleTextItem(fa if is_rtl() else en)
            label.setFont(font)
            label.setBrush(QBrush(QColor("#1b1b1b")))
            label.setFlag(QGraphicsSimpleTextItem.GraphicsItemFlag.ItemIgnoresTransformations)
            label.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            label.setZValue(2)
            self.scene().addItem(label)
            anchor = self.anchors.get(iso2)
            if anchor is None:
                anchor = self.anchors[iso2] = _largest_part(item.path()).center()
            self.labels.append((label, anchor))
        self._place_labels()

    def _place_labels(self) -> None:
        """Centre each label on its country at the current zoom; a label that would overlap
        one already placed (higher priority first) is hidden."""
        scale = self.transform().m11() or 1.0
        taken: list[QRectF] = []
        for label, anchor in self.labels:
            box = label.boundingRect()
            w, h = box.width(), box.height()
            label.setPos(anchor.x() - w / 2 / scale, anchor.y() - h / 2 / scale)
            centre = self.mapFromScene(anchor)
            on_screen = QRectF(centre.x() - w / 2, centre.y() - h / 2, w, h)
            free = not any(on_screen.intersects(other) for other in taken)
            label.setVisible(free)
            if free:
                taken.append(on_screen)

    def focus_on(self, rect: QRectF | None) -> None:
        """Show ``rect`` of the scene (None: the whole world) and keep it on resize."""
        self.focus_rect = rect
        self._fit()

    def _fit(self) -> None:
        target = self.focus_rect or self.scene().sceneRect()
        self.fitInView(target, Qt.AspectRatioMode.KeepAspectRatio)
        self._place_labels()

    def resizeEvent(self, event: object) -> None:  # Qt override
        """Override: the map fills the view whatever its size."""
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._fit()

    def item_at_code(self, iso2: str) -> CountryItem | None:
        """The item of a country (None when the map has no shape for it)."""
        return self.items_by_code.get(iso2)


def region_rect(west: float, south: float, east: float, north: float) -> QRectF:
    """The scene rectangle of a longitude/latitude box."""
    return QRectF(project(west, north), project(east, south))


#: Iran's neighbourhood: from the Balkans to western China, Arabia to the Russian plain.
NEIGHBOURHOOD = (18.0, 10.0, 90.0, 58.0)


def _largest_part(path: QPainterPath) -> QRectF:
    """The bounding box of the largest closed part of ``path`` (labels go on the mainland)."""
    best = QRectF()
    for polygon in path.toSubpathPolygons():
        rect = polygon.boundingRect()
        if rect.width() * rect.height() > best.width() * best.height():
            best = rect
    return best


__all__ = [
    "EXPORTS",
    "EXPORT_COLORS",
    "EXPORT_STEPS",
    "PRIORITY",
    "PRIORITY_COLORS",
    "WorldMap",
    "country_color",
    "country_paths",
    "export_bucket",
    "NEIGHBOURHOOD",
    "region_rect",
]
