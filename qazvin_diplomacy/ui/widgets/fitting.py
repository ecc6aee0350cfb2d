"""Fitting a 1024×700 screen: windows no larger than the screen, long pages that scroll,
rows that wrap.

``fit_to_screen`` sizes a window within the screen it opens on, ``scrolling`` puts a long
form tab in a scroll area (the form's buttons stay on screen), and :class:`FlowLayout` lines
its items up like words, so a row of check boxes (the calendar's legend) wraps on a narrow
window instead of making it wider than the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QScrollArea, QWidget

#: What the window manager's title bar and frame take above and around a window (pixels).
FRAME_ALLOWANCE = 40


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize ``window`` to ``width`` × ``height``, or less where its screen is smaller."""
    screen = window.screen()
    if screen is not None:
        room = screen.availableGeometry()
        width = min(width, room.width())
        height = min(height, room.height() - FRAME_ALLOWANCE)
    window.resize(width, height)


def scrolling(page: QWidget) -> QScrollArea:
    """``page`` in a frameless scroll area: a long form tab scrolls on a low screen
    (1024×700) instead of pushing the form's Save button below the screen's edge."""
    area = QScrollArea(page.parentWidget())
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(page)
    return area


class FlowLayout(QLayout):
    """Items left to right (right to left in a Persian window), wrapping onto new rows.

    Its minimum width is that of its widest item; its height follows the width given.
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    # --- QLayout's item list ---------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:  # Qt override
        """Override: keep ``item`` in order."""
        self._items.append(item)

    def count(self) -> int:  # Qt override
        """Override: the number of items."""
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # Qt override
        """Override: the item at ``index`` (None past the end)."""
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # Qt override
        """Override: remove and return the item at ``index``."""
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    # --- sizes -------------------------------------------------------------------------------

    def expandingDirections(self) -> Qt.Orientation:  # Qt override
        """Override: it does not ask for more room than its rows need."""
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # Qt override
        """Override: the height depends on the width (the rows wrap)."""
        return True

    def heightForWidth(self, width: int) -> int:  # Qt override
        """Override: the height of the rows laid out in ``width``."""
        return self._place(QRect(0, 0, width, 0), move=False)

    def sizeHint(self) -> QSize:  # Qt override
        """Override: every item on one row."""
        visible = [i.sizeHint() for i in self._items if not i.isEmpty()]
        width = sum(s.width() for s in visible) + self._spacing * max(len(visible) - 1, 0)
        return QSize(width, max((s.height() for s in visible), default=0))

    def minimumSize(self) -> QSize:  # Qt override
        """Override: as narrow as the widest item."""
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def setGeometry(self, rect: QRect) -> None:  # Qt override
        """Override: place the items in ``rect``, wrapping when a row is full."""
        super().setGeometry(rect)
        self._place(rect, move=True)

    def _place(self, rect: QRect, *, move: bool) -> int:
        """Lay the items out in ``rect`` (moving them when ``move``); the height used."""
        rtl = self.parentWidget() is not None and (
            self.parentWidget().layoutDirection() == Qt.LayoutDirection.RightToLeft
        )
        x, y, row_height = 0, 0, 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if x > 0 and x + hint.width() > rect.width():
                x, y = 0, y + row_height + self._spacing
                row_height = 0
            if move:
                left = rect.right() - x - hint.width() + 1 if rtl else rect.x() + x
                item.setGeometry(QRect(QPoint(left, rect.y() + y), hint))
            x += hint.width() + self._spacing
            row_height = max(row_height, hint.height())
        return y + row_height
