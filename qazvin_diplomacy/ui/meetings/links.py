"""What a resolution concerns: links to visits, agreements, trade delegations and target
markets, picked through the global search (one kind at a time) and listed «Kind: title»;
a double-click opens the linked record in its module.

:func:`links_field` declares it as a field of the resolution dialog (collected as the
resolution's ``links``).  :func:`linked_resolutions_html` is the other direction: the
resolutions concerning one record, as a few lines for a card (the market card).
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core.meetings import LinkInput, LinkKind, ResolutionStatus, ResolutionView
from qazvin_diplomacy.core.text import bidi_isolate
from qazvin_diplomacy.services import meetings as meetings_service
from qazvin_diplomacy.services import search as search_service
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.ui.agreements.widgets import SearchPicker
from qazvin_diplomacy.ui.common import ID_ROLE
from qazvin_diplomacy.ui.form_fields import FieldSpec
from qazvin_diplomacy.ui.i18n import (
    QT_TRANSLATE_NOOP,
    current_language,
    direction_mark,
    is_rtl,
    loc_text,
)
from qazvin_diplomacy.ui.meetings.models import number_text
from qazvin_diplomacy.ui.meetings.pickers import picked_list
from qazvin_diplomacy.ui.search import MODULE_OF_KIND
from qazvin_diplomacy.ui.widgets.jalali import show_date

translate = QCoreApplication.translate
#: The kinds a resolution may concern, in the order the kind combo offers them.
KINDS = (LinkKind.VISIT, LinkKind.AGREEMENT, LinkKind.DELEGATION, LinkKind.MARKET)
CONTEXT = "ResolutionDialog"
_TEXTS = (
    QT_TRANSLATE_NOOP("ResolutionDialog", "Type part of its title"),
    QT_TRANSLATE_NOOP("ResolutionDialog", "Remove link"),
    QT_TRANSLATE_NOOP("ResolutionDialog", "Double-click a link to open the record."),
)


class LinksField(QWidget):
    """The records a resolution concerns; ``open_requested(kind, id)`` on a double-click."""

    changed = Signal()
    open_requested = Signal(str, int)

    def __init__(self, db: DatabaseHandle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.kind = QComboBox(self)
        self.picker = SearchPicker(self.find, self, rows=4)
        row.addWidget(self.kind)
        row.addWidget(self.picker, 1)
        layout.addLayout(row)
        # Two links in view: the log below keeps its room.
        self.list, self.remove_button = picked_list(self, layout, 24 * 2 + 4)
        self.links: list[LinkInput] = []
        self.picker.activated.connect(
            lambda target_id, title: self.add(LinkInput(self.kind.currentData(), target_id, title))
        )
        self.kind.currentIndexChanged.connect(lambda _i: self.picker.line.clear())
        self.remove_button.clicked.connect(self.remove_current)
        self.list.itemDoubleClicked.connect(lambda item: self._open(self.list.row(item)))
        self.relabel()

    def find(self, text: str) -> list[tuple[int, str]]:
        """Records of the chosen kind matching ``text`` (the global search: any spelling)."""
        found = search_service.search(self.db, text, kinds=[self.kind.currentData()])
        english = current_language() == "en"
        return [
            (h.id, (h.title_en if english and h.title_en else loc_text(h.title)))
            for h in found.hits
        ]

    def add(self, link: LinkInput) -> bool:
        """Link ``link`` unless it is linked already."""
        if any((k.kind, k.target_id) == (link.kind, link.target_id) for k in self.links):
            return False
        self.links.append(link)
        self._show()
        self.changed.emit()
        return True

    def remove_current(self) -> None:
        """Take the selected link out."""
        row = self.list.currentRow()
        if 0 <= row < len(self.links):
            del self.links[row]
            self._show()
            self.changed.emit()

    def set_links(self, links: tuple[LinkInput, ...]) -> None:
        """Show ``links`` in place of those listed."""
        self.links = list(links)
        self._show()

    def value(self) -> tuple[LinkInput, ...]:
        """The links as the resolution's input."""
        return tuple(LinkInput(k.kind, k.target_id) for k in self.links)

    def relabel(self) -> None:
        """Kinds, texts and links in the UI language."""
        lang = current_language()
        chosen = self.kind.currentData()
        self.kind.blockSignals(True)
        self.kind.clear()
        for kind in KINDS:
            self.kind.addItem(kind.label(lang), kind.value)
        self.kind.setCurrentIndex(max(self.kind.findData(chosen), 0))
        self.kind.blockSignals(False)
        self.picker.line.setPlaceholderText(translate(CONTEXT, _TEXTS[0]))
        self.remove_button.setText(translate(CONTEXT, _TEXTS[1]))
        self.list.setToolTip(translate(CONTEXT, _TEXTS[2]))
        self._show()

    def _show(self) -> None:
        self.list.clear()
        lang = current_language()
        for link in self.links:
            title = bidi_isolate(loc_text(link.title) or f"#{link.target_id}")
            item = QListWidgetItem(
                f"{direction_mark()}{LinkKind.label_of(link.kind, lang)}: {title}"
            )
            item.setData(ID_ROLE, link.target_id)
            item.setToolTip(item.text())
            self.list.addItem(item)
        self.remove_button.setEnabled(bool(self.links))

    def _open(self, row: int) -> None:
        if 0 <= row < len(self.links):
            self.open_requested.emit(self.links[row].kind, self.links[row].target_id)


def links_field(label: str, **options: Any) -> FieldSpec:
    """The resolution dialog's "Concerns" field (its form has ``db`` and ``open_link``)."""

    def make(form: Any, parent: QWidget) -> LinksField:
        widget = LinksField(form.db, parent)
        widget.open_requested.connect(form.open_link)
        return widget

    return FieldSpec(
        "links", label, make,
        load=lambda w, r: w.set_links(r.links), collect=LinksField.value,
        raw=LinksField.value, relabel=LinksField.relabel, **options,
    )  # fmt: skip


def open_linked(open_record: Callable[[str, int], None], kind: str, target_id: int) -> None:
    """Open a linked record in its module (``hub.openRecord``'s module key and id)."""
    module = MODULE_OF_KIND.get(kind)
    if module is not None:
        open_record(module, target_id)


def linked_resolutions_html(
    db: DatabaseHandle, kind: str, target_ids: list[int], today: Any, heading: str
) -> str:
    """«Resolutions» and a line per resolution concerning the records (``kind``,
    ``target_ids``): number, text, deadline and status; "" when there is none."""
    rows: dict[int, ResolutionView] = {}
    for target_id in target_ids:
        for r in meetings_service.resolutions_linked_to(
            db, kind=kind, target_id=target_id, today=today
        ):
            rows.setdefault(r.id or 0, r)
    if not rows:
        return ""
    lang = current_language()
    lines = []
    for r in rows.values():
        when = show_date(r.deadline) if r.deadline else ""
        status = ResolutionStatus.label_of(r.status, lang)
        text = escape(bidi_isolate(loc_text(r.text)))
        lines.append(
            f"<li>{escape(number_text(r.number))} — {text} ({escape(when)} {escape(status)})</li>"
        )
    direction = "rtl" if is_rtl() else "ltr"
    return f"<h3 dir='{direction}'>{escape(heading)}</h3><ul>{''.join(lines)}</ul>"
