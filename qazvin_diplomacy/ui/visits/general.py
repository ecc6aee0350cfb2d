"""The general tab of the visit form: the visit's own fields (all but the outcome), the status
moves allowed from the saved status, and the visit's history of decisions (earlier clash
reasons, an undone "held")."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QFormLayout, QWidget

from qazvin_diplomacy.core.clock import now_local
from qazvin_diplomacy.core.visits import (
    LogKind,
    VisitDetail,
    VisitLogItem,
    VisitStatus,
    status_moves,
)
from qazvin_diplomacy.ui.form_fields import FieldSet, label_of
from qazvin_diplomacy.ui.i18n import current_language
from qazvin_diplomacy.ui.status_moves import add_status_notes, show_note, show_status_moves
from qazvin_diplomacy.ui.widgets.jalali import JalaliDateTimeEdit, show_datetime


def history_text(log: Iterable[VisitLogItem], heading: str) -> str:
    """The visit's decisions (earlier clash reasons, undone "held") as lines under ``heading``
    ("" when there is none)."""
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
    return heading + "\n" + "\n".join(lines) if lines else ""


class GeneralTab(QWidget):
    """The rows of ``names`` from ``field_set``, the status guide and the history.

    ``record`` gives the visit as stored (None while it is new): its status is where the
    moves start from and its log is the history shown.  Texts are in the form's context.
    """

    def __init__(
        self,
        field_set: FieldSet,
        names: Sequence[str],
        record: Callable[[], VisitDetail | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.record = record
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        field_set.add_form_rows(form, self, names)
        self.status_hint, self.history_label = add_status_notes(field_set, form, self)
        self.status_combo = field_set.widgets["status"]
        self.start_edit = field_set.widgets["start_at"]
        assert isinstance(self.status_combo, QComboBox)
        assert isinstance(self.start_edit, JalaliDateTimeEdit)
        self.status_combo.currentIndexChanged.connect(lambda _i: self.update_status_moves())
        self.start_edit.dateTimeChanged.connect(lambda _v: self.update_status_moves())

    def saved_status(self) -> VisitStatus | None:
        """The status as stored (None for a new visit)."""
        detail = self.record()
        return VisitStatus(detail.status) if detail is not None else None

    def update_status_moves(self) -> None:
        """Grey out the statuses the visit cannot move to now and explain the chosen one."""
        saved = self.saved_status()
        show_status_moves(
            self.status_combo,
            self.status_hint,
            saved,
            status_moves(saved, self.start_edit.dateTime(), now_local()),
            from_text=QCoreApplication.translate("VisitForm", "From %1 the visit can move to: %2."),
            held=VisitStatus.HELD,
            held_text=QCoreApplication.translate("VisitForm", "Held: %1"),
        )

    def refresh(self) -> None:
        """The status guide and the history for the record as it is now, in the UI language."""
        self.update_status_moves()
        detail = self.record()
        log = detail.log if detail is not None else ()
        heading = QCoreApplication.translate("VisitForm", "History:")
        show_note(self.history_label, history_text(log, heading))
