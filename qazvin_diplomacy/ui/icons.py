"""Icons drawn in code (no image files to ship or download).

Directional icons (back/forward, next/previous) are mirrored in the right-to-left UI;
logos, check marks and the other symbols never are.  Ask again after a language change.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QTransform

from qazvin_diplomacy.ui.i18n import is_rtl

SIZE = 64
INK = QColor("#2f4f6f")
ACCENT = QColor("#b5651d")

#: Icons that point somewhere along the reading direction and flip in RTL.
DIRECTIONAL = frozenset({"back", "forward", "prev", "next"})


def _pen(p: QPainter, color: QColor = INK, width: float = 5.0) -> None:
    pen = QPen(
        color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin
    )
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)


def _arrow(p: QPainter) -> None:  # points left (= "back" in LTR)
    _pen(p)
    p.drawLine(QPointF(50, 32), QPointF(14, 32))
    p.drawPolyline([QPointF(28, 18), QPointF(14, 32), QPointF(28, 46)])


def _chevron(p: QPainter) -> None:  # points left (= "previous" in LTR)
    _pen(p, width=6)
    p.drawPolyline([QPointF(40, 14), QPointF(22, 32), QPointF(40, 50)])


def _home(p: QPainter) -> None:
    _pen(p)
    p.drawPolyline([QPointF(8, 32), QPointF(32, 10), QPointF(56, 32)])
    p.drawRect(QRectF(16, 30, 32, 24))
    p.fillRect(QRectF(28, 40, 8, 14), ACCENT)


def _calendar(p: QPainter) -> None:
    _pen(p)
    p.drawRoundedRect(QRectF(8, 12, 48, 44), 4, 4)
    p.fillRect(QRectF(8, 12, 48, 10), INK)
    for x in (20, 32, 44):
        for y in (32, 44):
            p.fillRect(QRectF(x - 3, y - 3, 6, 6), ACCENT if (x, y) == (44, 44) else INK)


def _agenda(p: QPainter) -> None:  # a page of the office calendar: entries in colours
    _pen(p)
    p.drawRoundedRect(QRectF(8, 10, 48, 46), 4, 4)
    p.fillRect(QRectF(8, 10, 48, 9), INK)
    for y, color in ((26, ACCENT), (36, INK), (46, QColor("#2e7d32"))):
        p.fillRect(QRectF(15, y, 34, 6), color)


def _list(p: QPainter) -> None:
    _pen(p)
    for y in (18, 32, 46):
        p.drawPoint(QPointF(12, y))
        p.drawLine(QPointF(22, y), QPointF(54, y))


def _capacity(p: QPainter) -> None:
    # Three rising bars on a baseline: the province's capacities (growth).
    _pen(p)
    p.drawLine(QPointF(8, 54), QPointF(56, 54))
    p.setBrush(INK)
    for i, top in enumerate((38, 26, 12)):
        p.drawRect(QRectF(12 + i * 16, top, 8, 54 - top))
    p.setBrush(ACCENT)
    p.setPen(ACCENT)
    p.drawEllipse(QRectF(44, 4, 6, 6))


def _week(p: QPainter) -> None:
    _pen(p, width=4)
    p.drawRect(QRectF(6, 14, 52, 36))
    for x in range(6, 58, 52 // 7 + 1):
        p.drawLine(QPointF(x, 14), QPointF(x, 50))


def _plus(p: QPainter) -> None:
    _pen(p, width=7)
    p.drawLine(QPointF(32, 12), QPointF(32, 52))
    p.drawLine(QPointF(12, 32), QPointF(52, 32))


def _save(p: QPainter) -> None:
    _pen(p)
    p.drawRoundedRect(QRectF(10, 10, 44, 44), 4, 4)
    p.drawRect(QRectF(20, 10, 24, 14))
    p.fillRect(QRectF(18, 36, 28, 18), ACCENT)


def _print(p: QPainter) -> None:
    _pen(p)
    p.drawRect(QRectF(18, 8, 28, 16))
    p.drawRoundedRect(QRectF(8, 24, 48, 22), 3, 3)
    p.fillRect(QRectF(18, 38, 28, 18), QColor("white"))
    p.drawRect(QRectF(18, 38, 28, 18))


def _search(p: QPainter) -> None:
    _pen(p, width=6)
    p.drawEllipse(QRectF(10, 10, 30, 30))
    p.drawLine(QPointF(36, 36), QPointF(54, 54))


def _archive(p: QPainter) -> None:
    _pen(p)
    p.drawRect(QRectF(8, 12, 48, 12))
    p.drawRect(QRectF(12, 24, 40, 30))
    p.drawLine(QPointF(26, 34), QPointF(38, 34))


def _restore(p: QPainter) -> None:
    _pen(p)
    p.drawArc(QRectF(12, 12, 40, 40), 90 * 16, 270 * 16)
    p.drawPolyline([QPointF(22, 6), QPointF(32, 12), QPointF(24, 22)])


def _settings(p: QPainter) -> None:
    _pen(p, width=6)
    p.drawEllipse(QRectF(22, 22, 20, 20))
    for i in range(8):
        t = QTransform().translate(32, 32).rotate(i * 45)
        p.drawLine(t.map(QPointF(0, -16)), t.map(QPointF(0, -26)))


def _check(p: QPainter) -> None:
    _pen(p, QColor("#2e7d32"), 8)
    p.drawPolyline([QPointF(12, 34), QPointF(26, 48), QPointF(52, 16)])


def _followup(p: QPainter) -> None:  # a clipboard with a ticked line: tasks to follow up
    _pen(p)
    p.drawRoundedRect(QRectF(14, 10, 36, 46), 4, 4)
    p.drawLine(QPointF(24, 10), QPointF(40, 10))
    _pen(p, QColor("#2e7d32"), 5)
    p.drawPolyline([QPointF(20, 32), QPointF(27, 39), QPointF(42, 24)])


def _globe(p: QPainter) -> None:  # the atlas of target markets: a globe with a marker
    _pen(p)
    p.drawEllipse(QRectF(10, 12, 40, 40))
    p.drawEllipse(QRectF(22, 12, 16, 40))
    p.drawLine(QPointF(10, 32), QPointF(50, 32))
    p.setBrush(ACCENT)
    p.setPen(Qt.PenStyle.NoPen)
    p.drawEllipse(QRectF(42, 6, 14, 14))


def _meeting(p: QPainter) -> None:  # a round table with three seats: a meeting (جلسه)
    _pen(p)
    p.drawEllipse(QRectF(18, 24, 28, 18))
    p.setBrush(INK)
    for x, y in ((32, 12), (10, 46), (54, 46)):
        p.drawEllipse(QRectF(x - 5, y - 5, 10, 10))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.fillRect(QRectF(27, 30, 10, 6), ACCENT)


def _event(p: QPainter) -> None:  # a ceremony: a pennant on its pole, with a star
    _pen(p, width=5)
    p.drawLine(QPointF(16, 8), QPointF(16, 58))
    path = QPainterPath(QPointF(16, 10))
    path.lineTo(QPointF(54, 20))
    path.lineTo(QPointF(16, 32))
    path.closeSubpath()
    p.drawPath(path)
    _pen(p, ACCENT, 4)
    p.drawEllipse(QRectF(25, 17, 8, 8))


def _briefcase(p: QPainter) -> None:  # trade delegations: a briefcase with its clasp
    _pen(p)
    p.drawRoundedRect(QRectF(8, 20, 48, 32), 4, 4)
    p.drawRoundedRect(QRectF(24, 10, 16, 10), 3, 3)
    p.drawLine(QPointF(8, 34), QPointF(56, 34))
    p.setBrush(ACCENT)
    p.setPen(Qt.PenStyle.NoPen)
    p.drawRect(QRectF(28, 30, 8, 8))


def _lock(p: QPainter) -> None:  # a padlock: a record flagged confidential (محرمانه)
    _pen(p, width=6)
    p.drawArc(QRectF(20, 8, 24, 30), 0, 180 * 16)
    p.drawLine(QPointF(20, 23), QPointF(20, 30))
    p.drawLine(QPointF(44, 23), QPointF(44, 30))
    p.fillRect(QRectF(12, 28, 40, 28), ACCENT)
    p.fillRect(QRectF(29, 36, 6, 12), INK)


def _logo(p: QPainter) -> None:
    # A stylised dome with a star: the application's mark (never mirrored).
    path = QPainterPath()
    path.moveTo(10, 54)
    path.cubicTo(10, 20, 54, 20, 54, 54)
    path.closeSubpath()
    p.fillPath(path, INK)
    p.setBrush(ACCENT)
    p.setPen(Qt.PenStyle.NoPen)
    p.drawEllipse(QRectF(28, 6, 8, 8))


_PAINTERS: dict[str, Callable[[QPainter], None]] = {
    "back": _arrow,
    "forward": _arrow,
    "prev": _chevron,
    "next": _chevron,
    "home": _home,
    "calendar": _calendar,
    "agenda": _agenda,
    "list": _list,
    "week": _week,
    "new": _plus,
    "save": _save,
    "print": _print,
    "search": _search,
    "archive": _archive,
    "restore": _restore,
    "settings": _settings,
    "check": _check,
    "followup": _followup,
    "globe": _globe,
    "meeting": _meeting,
    "event": _event,
    "briefcase": _briefcase,
    "capacity": _capacity,
    "lock": _lock,
    "logo": _logo,
}
#: Names whose drawing points the other way before any mirroring.
_POINTS_RIGHT = frozenset({"forward", "next"})


def icon_pixmap(name: str, size: int = SIZE, *, rtl: bool | None = None) -> QPixmap:
    """Draw icon ``name``; directional ones are mirrored when ``rtl`` (default: the UI's)."""
    rtl = is_rtl() if rtl is None else rtl
    pix = QPixmap(SIZE, SIZE)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    flip = (name in _POINTS_RIGHT) != (name in DIRECTIONAL and rtl)
    if flip:
        p.setTransform(QTransform(-1, 0, 0, 1, SIZE, 0))
    _PAINTERS[name](p)
    p.end()
    if size != SIZE:
        pix = pix.scaled(
            size,
            size,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    return pix


def icon(name: str, *, rtl: bool | None = None) -> QIcon:
    """A ``QIcon`` of ``name`` for the current (or given) direction."""
    return QIcon(icon_pixmap(name, rtl=rtl))


def nav_icon(name: str) -> QIcon:
    """A navigation icon: ``name`` as usual, and all white while its item is selected (the
    dark ink would vanish on the selected item's navy background)."""
    normal = icon_pixmap(name)
    white = QPixmap(normal.size())
    white.fill(Qt.GlobalColor.transparent)
    p = QPainter(white)
    p.drawPixmap(0, 0, normal)
    p.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
    p.fillRect(white.rect(), Qt.GlobalColor.white)
    p.end()
    result = QIcon(normal)
    result.addPixmap(white, QIcon.Mode.Selected)
    return result
