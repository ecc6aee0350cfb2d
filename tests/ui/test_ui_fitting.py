"""The wrapping legend row (ui/widgets/flow.py): a 1024-pixel window is not widened by it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QWidget

from qazvin_diplomacy.core.calendar import EntryKind
from qazvin_diplomacy.ui.widgets.fitting import FlowLayout


def _row(direction: Qt.LayoutDirection) -> tuple[QWidget, list[QCheckBox]]:
    host = QWidget()
    host.setLayoutDirection(direction)
    flow = FlowLayout(host)
    boxes = [QCheckBox(f"kind number {n}", host) for n in range(6)]
    for box in boxes:
        flow.addWidget(box)
    return host, boxes


def test_items_wrap_when_the_row_is_narrow_and_run_right_to_left_in_persian(app, qtbot) -> None:
    host, boxes = _row(Qt.LayoutDirection.RightToLeft)
    qtbot.addWidget(host)
    flow = host.layout()
    one_row = sum(b.sizeHint().width() for b in boxes)
    assert flow.minimumSize().width() < one_row / 3  # never as wide as all of them
    width = one_row // 2
    assert flow.heightForWidth(width) >= 2 * boxes[0].sizeHint().height()  # two rows or more
    host.resize(width, flow.heightForWidth(width))
    host.show()
    flow.setGeometry(host.rect())
    first, second = boxes[0].geometry(), boxes[1].geometry()
    assert first.right() == host.rect().right()  # the first item at the right edge
    assert second.right() < first.left()  # the next one to its left
    assert boxes[-1].geometry().top() > first.top()  # the last ones on a row below
    assert all(host.rect().contains(b.geometry()) for b in boxes)


def test_the_calendar_legend_wraps_instead_of_widening_the_page(window) -> None:
    page = window.show_module("calendar")
    boxes = [page.kind_boxes[k] for k in EntryKind]
    legend_width = sum(b.sizeHint().width() for b in boxes)
    # before, the seven kinds on one row made the page (and the window) too wide for 1024 px
    assert page.minimumSizeHint().width() < legend_width
