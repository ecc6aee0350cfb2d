"""The outcome tab of the visit form: the outcome text and the follow-up tasks table."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from qazvin_diplomacy.core.followups import FollowUpInput, FollowUpStatus
from qazvin_diplomacy.ui.form_fields import FieldSet, fill_combo, relabel_combo
from qazvin_diplomacy.ui.forms_common import RowTable, date_cell_text
from qazvin_diplomacy.ui.i18n import QT_TRANSLATE_NOOP, current_language


def followup_label(status: FollowUpStatus) -> str:
    """A follow-up status in the UI language."""
    if current_language() == "fa":
        return status.label_fa
    return status.value.replace("_", " ").capitalize()


class FollowUpsTable(RowTable):
    """Follow-up rows: task, owner, deadline, status (a combo box) and notes."""

    HEADERS = (
        QT_TRANSLATE_NOOP("VisitForm", "Task"),
        QT_TRANSLATE_NOOP("VisitForm", "Owner"),
        QT_TRANSLATE_NOOP("VisitForm", "Deadline"),
        QT_TRANSLATE_NOOP("VisitForm", "Status"),
        QT_TRANSLATE_NOOP("VisitForm", "Notes"),
    )
    FIELDS = ("title", "owner_text", "deadline", "status", "notes")
    PREFIX = "followups"
    WIDTHS = (280, 180, 120, 130)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.HEADERS, self.WIDTHS, parent)
        self.add_button.clicked.connect(lambda: self.edit_new_row(self.add_entry()))

    def retranslate(self, translate: Callable[[str], str]) -> None:
        """Headers, buttons and the status combos in the UI language."""
        super().retranslate(translate)
        for row in range(self.table.rowCount()):
            relabel_combo(self.combo(row, 3), FollowUpStatus, followup_label)

    def add_entry(self, task: FollowUpInput | None = None) -> int:
        """Append a follow-up row (the owner is the typed text, else the person's name)."""
        row = self.add_row(
            [
                task.title if task else "",
                (task.owner_text or getattr(task, "owner_name_fa", "")) if task else "",
                date_cell_text(task.deadline) if task else "",
                "",
                task.notes if task else "",
            ],
            task.id if task else None,
            task.version if task else None,
        )
        combo = QComboBox(self.table)
        fill_combo(combo, FollowUpStatus, task.status if task else "open", text=followup_label)
        self.table.setCellWidget(row, 3, combo)
        return row

    def owner(self, row: int) -> tuple[int | None, str]:
        """The owner of ``row``: (person id or None, the text typed)."""
        return None, self.text(row, 1)

    def entries(self, errors: dict[str, str]) -> tuple[FollowUpInput, ...]:
        """The rows as follow-up inputs; an unreadable deadline goes into ``errors``."""
        followups = []
        for row in range(self.table.rowCount()):
            deadline = self.optional_date(row, "deadline", errors)
            owner_person, owner_text = self.owner(row)
            record_id, version = self.record(row)
            followups.append(
                FollowUpInput(
                    title=self.text(row, 0),
                    owner_person_id=owner_person,
                    owner_text=owner_text,
                    deadline=deadline,
                    status=str(self.combo(row, 3).currentData()),
                    notes=self.text(row, 4),
                    id=record_id,
                    version=version,
                )
            )
        return tuple(followups)


class OutcomeTab(QWidget):
    """The outcome of the visit (a declared field of the form) above the follow-up tasks."""

    FOLLOWUPS_TITLE = QT_TRANSLATE_NOOP("VisitForm", "Follow-up tasks")
    FIELDS = ("outcome",)  # the form's declared fields shown on this tab

    def __init__(self, fields: FieldSet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        fields.add_stacked(layout, self, self.FIELDS)
        self.followups_label = QLabel(self)
        layout.addWidget(self.followups_label)
        self.followups = FollowUpsTable(self)
        layout.addWidget(self.followups, 1)

    def retranslate(self, translate: Callable[[str], str]) -> None:
        """The follow-ups' title and table in the UI language (the outcome is the form's)."""
        self.followups_label.setText(translate(self.FOLLOWUPS_TITLE))
        self.followups.retranslate(translate)
