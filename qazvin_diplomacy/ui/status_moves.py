"""A record form's status guide: every status listed in its combo, those it cannot move to
now greyed with the reason as their tip, a line saying where it can go, and the record's
history of decisions under the form (visits, events).

The rules are the record's ``core`` ``status_moves`` (a ``core.status_moves.StatusMove``
per status); the texts naming the record come from the form's own translation context.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from qazvin_diplomacy.core.status_moves import StatusMove
from qazvin_diplomacy.ui.form_fields import FieldSet, label_of
from qazvin_diplomacy.ui.i18n import current_language


def add_status_notes(
    field_set: FieldSet, form: QFormLayout, parent: QWidget
) -> tuple[QLabel, QLabel]:
    """The guide's two grey notes, hidden while empty: the hint beside the ``status`` field
    (the moves allowed from the saved status, and why) and the history of decisions at the
    end of ``form``.  Returns (hint, history)."""
    hint, history = QLabel(parent), QLabel(parent)
    for label in (hint, history):
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setStyleSheet("color: #555;")
        label.hide()
    field_set.boxes["status"].insertWidget(1, hint)
    form.addRow(history)
    return hint, history


def show_note(label: QLabel, text: str) -> None:
    """Show ``text`` in ``label``, hidden when empty."""
    label.setText(text)
    label.setVisible(bool(text))


def show_status_moves(
    combo: QComboBox,
    hint: QLabel,
    saved: Enum | None,
    moves: Iterable[StatusMove],
    *,
    from_text: str,
    held: Enum,
    held_text: str,
) -> None:
    """Keep every status in ``combo``; grey out those a record saved as ``saved`` (None: new)
    cannot move to now, with the reason as their tip, and say in ``hint`` where it can go.

    ``from_text`` ("From %1 the … can move to: %2.") and ``held_text`` ("Held: %1", shown
    while ``held`` is closed) are translated by the caller.
    """
    model = combo.model()
    assert isinstance(model, QStandardItemModel)
    by_status = {m.status: m for m in moves}
    english = current_language() == "en"

    def why(status: Enum) -> str:
        return by_status[status].why_en if english else by_status[status].why_fa

    kind = type(held)
    for i in range(combo.count()):
        status = kind(combo.itemData(i))
        model.item(i).setEnabled(by_status[status].allowed or status is saved)
        model.item(i).setToolTip(why(status))
    lines = []
    if saved is not None:
        targets = [s for s, m in by_status.items() if m.allowed and s is not saved]
        names = ("، " if not english else ", ").join(f"«{label_of(s)}»" for s in targets)
        lines.append(from_text.replace("%1", f"«{label_of(saved)}»").replace("%2", names))
    if combo.currentData() is not None and why(kind(combo.currentData())):
        lines.append(why(kind(combo.currentData())))
    if not by_status[held].allowed and saved is not held:
        lines.append(held_text.replace("%1", why(held)))
    show_note(hint, "\n".join(dict.fromkeys(line for line in lines if line)))
