"""The visit form's status guide: every status listed, the moves allowed now explained, and
the visit's history of decisions (earlier clash reasons, undone "held")."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QComboBox, QLabel

from qazvin_diplomacy.core.clock import now_local
from qazvin_diplomacy.core.visits import LogKind, VisitLogItem, VisitStatus, status_moves
from qazvin_diplomacy.ui.form_fields import label_of
from qazvin_diplomacy.ui.i18n import current_language
from qazvin_diplomacy.ui.widgets.jalali import JalaliDateTimeEdit, show_datetime


def _tr(text: str) -> str:
    return QCoreApplication.translate("VisitForm", text)


def show_moves(
    combo: QComboBox, hint: QLabel, saved: VisitStatus | None, start: JalaliDateTimeEdit
) -> None:
    """Keep every status in ``combo``; grey out those a visit saved as ``saved`` (None: new)
    cannot move to now, with the reason as their tip, and say in ``hint`` where it can go."""
    model = combo.model()
    assert isinstance(model, QStandardItemModel)
    moves = {m.status: m for m in status_moves(saved, start.dateTime(), now_local())}
    english = current_language() == "en"

    def why(status: VisitStatus) -> str:
        return moves[status].why_en if english else moves[status].why_fa

    for i in range(combo.count()):
        status = VisitStatus(combo.itemData(i))
        model.item(i).setEnabled(moves[status].allowed or status is saved)
        model.item(i).setToolTip(why(status))
    lines = []
    if saved is not None:
        targets = [s for s, m in moves.items() if m.allowed and s is not saved]
        names = ("، " if not english else ", ").join(f"«{label_of(s)}»" for s in targets)
        lines.append(
            _tr("From %1 the visit can move to: %2.")
            .replace("%1", f"«{label_of(saved)}»")
            .replace("%2", names)
        )
    chosen = VisitStatus(combo.currentData() or VisitStatus.REQUESTED.value)
    if why(chosen):
        lines.append(why(chosen))
    if not moves[VisitStatus.HELD].allowed and saved is not VisitStatus.HELD:
        lines.append(_tr("Held: %1").replace("%1", why(VisitStatus.HELD)))
    text = "\n".join(dict.fromkeys(line for line in lines if line))
    hint.setText(text)
    hint.setVisible(bool(text))


def history_text(log: Iterable[VisitLogItem]) -> str:
    """The visit's history as lines under a heading ("" when there is none)."""
    english = current_language() == "en"
    lines = []
    for entry in log:
        what = entry.kind.label_en if english else entry.kind.label_fa
        if entry.kind is LogKind.STATUS_UNDONE:
            old, new = VisitStatus(entry.old_value), VisitStatus(entry.new_value)
            what = f"{what} ({label_of(old)} → {label_of(new)})"
            detail = entry.reason
        else:
            detail = entry.old_value
        lines.append(f"{show_datetime(entry.at)} — {what}: {detail}")
    return _tr("History:") + "\n" + "\n".join(lines) if lines else ""
