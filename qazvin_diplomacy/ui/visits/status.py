"""The visit form's status guide (``ui.status_moves`` with the visit's rules and texts) and
the visit's history of decisions (earlier clash reasons, undone "held")."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel

from qazvin_diplomacy.core.clock import now_local
from qazvin_diplomacy.core.visits import LogKind, VisitLogItem, VisitStatus, status_moves
from qazvin_diplomacy.ui.form_fields import label_of
from qazvin_diplomacy.ui.i18n import current_language
from qazvin_diplomacy.ui.status_moves import show_status_moves
from qazvin_diplomacy.ui.widgets.jalali import JalaliDateTimeEdit, show_datetime


def _tr(text: str) -> str:
    return QCoreApplication.translate("VisitForm", text)


def show_moves(
    combo: QComboBox, hint: QLabel, saved: VisitStatus | None, start: JalaliDateTimeEdit
) -> None:
    """Keep every status in ``combo``; grey out those a visit saved as ``saved`` (None: new)
    cannot move to now, with the reason as their tip, and say in ``hint`` where it can go."""
    show_status_moves(
        combo,
        hint,
        saved,
        status_moves(saved, start.dateTime(), now_local()),
        from_text=_tr("From %1 the visit can move to: %2."),
        held=VisitStatus.HELD,
        held_text=_tr("Held: %1"),
    )


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
