"""The visit form: general fields, itinerary, protocol checklist, gifts, outcome and follow-ups.

The form collects a ``core.visits.VisitInput`` and saves it through
``services.visits.save_visit``.  Errors are shown next to their field (table rows are
tinted and listed under their table); what the user typed is never cleared.  Conflicts
are listed with the clashing visit and saving goes on only with a stated reason.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core import jalali
from qazvin_diplomacy.core.clock import TEHRAN
from qazvin_diplomacy.core.errors import KnownError, ValidationError
from qazvin_diplomacy.core.followups import FollowUpInput, FollowUpStatus
from qazvin_diplomacy.core.text import to_latin_digits
from qazvin_diplomacy.core.visits import (
    ChecklistEntry,
    ChecklistItem,
    ChecklistState,
    Conflict,
    ConflictsFound,
    GiftDirection,
    GiftEntry,
    ItineraryEntry,
    VisitDetail,
    VisitInput,
    VisitStatus,
    allowed_transitions,
    complete_checklist,
)
from qazvin_diplomacy.services import visits as visits_service
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.ui.common import (
    FieldError,
    PlainTextEdit,
    show_error,
)
from qazvin_diplomacy.ui.forms_common import (
    RecordDialog,
    RowTable,
    parse_error_text,
    show_field_errors,
)
from qazvin_diplomacy.ui.i18n import (
    QT_TRANSLATE_NOOP,
    Retranslating,
    current_language,
    is_rtl,
    loc_digits,
)
from qazvin_diplomacy.ui.visits.people import PeopleEditor
from qazvin_diplomacy.ui.widgets.jalali import JalaliDateTimeEdit, show_date, show_time

_TIME_RE = re.compile(r"\s+(?=[0-9۰-۹٠-٩]{1,2}\s*:)")


def parse_cell_datetime(text: str) -> dt.datetime:
    """``۱۴۰۴/۰۸/۰۳ ۰۹:۳۰`` → naive local datetime (time optional); ValueError if invalid."""
    parts = _TIME_RE.split(text.strip(), maxsplit=1)
    day = jalali.parse_jalali(parts[0])
    t = jalali.parse_time(parts[1]) if len(parts) > 1 else dt.time(0, 0)
    return dt.datetime.combine(day, t)


def cell_datetime_text(value: dt.datetime | None) -> str:
    """Local Jalali date and time for a table cell."""
    if value is None:
        return ""
    local = _naive_local(value)
    return f"{show_date(local)} {show_time(local)}"


def _naive_local(value: dt.datetime | None) -> dt.datetime | None:
    """Tehran wall-clock time without tzinfo (a naive value is already local: the form's own)."""
    if value is None or value.tzinfo is None:
        return value
    return value.astimezone(TEHRAN).replace(tzinfo=None)


class ConflictDialog(Retranslating, QDialog):
    """Lists the conflicts of a visit being saved; OK only once a reason is written."""

    def __init__(self, conflicts: list[Conflict], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conflicts = conflicts
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.items = QLabel(self)
        self.items.setWordWrap(True)
        self.items.setTextFormat(Qt.TextFormat.PlainText)
        self.items.setStyleSheet("color: #8a1c1c;")
        layout.addWidget(self.items)
        self.reason_label = QLabel(self)
        layout.addWidget(self.reason_label)
        self.reason = PlainTextEdit(self)
        self.reason.setMaximumHeight(80)
        layout.addWidget(self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(self._update_ok)
        self.retranslate_ui()
        self._update_ok()
        self.resize(560, 320)

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.setWindowTitle(self.tr("Scheduling conflict"))
        self.intro.setText(self.tr("This visit clashes with other plans:"))
        lines = [
            f"• {c.description_fa if is_rtl() else (c.description_en or c.description_fa)}"
            for c in self.conflicts
        ]
        self.items.setText("\n".join(lines))
        self.reason_label.setText(
            self.tr("To save anyway, write the reason (it is stored with the visit):")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save anyway"))


    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.reason.toPlainText().strip())
        )

    def reason_text(self) -> str:
        """The reason typed."""
        return self.reason.toPlainText().strip()


class VisitForm(Retranslating, RecordDialog):
    """Create or edit a visit.  Signals ``saved(int)`` and ``archived(int)`` with the id."""

    saved = Signal(int)
    archived = Signal(int)

    DISCARD_QUESTION = QT_TRANSLATE_NOOP(
        "VisitForm", "The visit has unsaved changes. Close the form and discard them?"
    )

    GENERAL = (
        ("title", QT_TRANSLATE_NOOP("VisitForm", "Title")),
        ("status", QT_TRANSLATE_NOOP("VisitForm", "Status")),
        ("start_at", QT_TRANSLATE_NOOP("VisitForm", "Start")),
        ("end_at", QT_TRANSLATE_NOOP("VisitForm", "End")),
        ("venue", QT_TRANSLATE_NOOP("VisitForm", "Venue")),
        ("guests", QT_TRANSLATE_NOOP("VisitForm", "Guests")),
        ("delegation_name", QT_TRANSLATE_NOOP("VisitForm", "Delegation name")),
        ("hosts", QT_TRANSLATE_NOOP("VisitForm", "Host officials")),
        ("purpose", QT_TRANSLATE_NOOP("VisitForm", "Purpose")),
    )
    ITINERARY = (
        QT_TRANSLATE_NOOP("VisitForm", "Start"),
        QT_TRANSLATE_NOOP("VisitForm", "End"),
        QT_TRANSLATE_NOOP("VisitForm", "Activity"),
        QT_TRANSLATE_NOOP("VisitForm", "Place"),
        QT_TRANSLATE_NOOP("VisitForm", "Responsible"),
        QT_TRANSLATE_NOOP("VisitForm", "Transport"),
        QT_TRANSLATE_NOOP("VisitForm", "Interpreter"),
    )
    IT_FIELDS = (
        "start_at",
        "end_at",
        "activity",
        "place",
        "responsible_text",
        "transport",
        "interpreter",
    )
    GIFTS = (
        QT_TRANSLATE_NOOP("VisitForm", "Given / received"),
        QT_TRANSLATE_NOOP("VisitForm", "Gift"),
        QT_TRANSLATE_NOOP("VisitForm", "Person"),
        QT_TRANSLATE_NOOP("VisitForm", "Date"),
        QT_TRANSLATE_NOOP("VisitForm", "Notes"),
    )
    GIFT_FIELDS = ("direction", "description", "person_id", "gift_date", "notes")
    FOLLOWUPS = (
        QT_TRANSLATE_NOOP("VisitForm", "Task"),
        QT_TRANSLATE_NOOP("VisitForm", "Owner"),
        QT_TRANSLATE_NOOP("VisitForm", "Deadline"),
        QT_TRANSLATE_NOOP("VisitForm", "Status"),
        QT_TRANSLATE_NOOP("VisitForm", "Notes"),
    )
    FU_FIELDS = ("title", "owner_text", "deadline", "status", "notes")
    TABS = (
        QT_TRANSLATE_NOOP("VisitForm", "General"),
        QT_TRANSLATE_NOOP("VisitForm", "Itinerary"),
        QT_TRANSLATE_NOOP("VisitForm", "Protocol checklist"),
        QT_TRANSLATE_NOOP("VisitForm", "Gifts"),
        QT_TRANSLATE_NOOP("VisitForm", "Outcome and follow-ups"),
    )
    _EXTRA = (
        QT_TRANSLATE_NOOP("VisitForm", "Add row"),
        QT_TRANSLATE_NOOP("VisitForm", "Remove row"),
    )

    def __init__(
        self,
        db: Database,
        detail: VisitDetail | None = None,
        parent: QWidget | None = None,
        *,
        start: dt.datetime | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.detail = detail
        outer = self._open_layout(980, 720)
        self.tabs = QTabWidget(self)
        outer.addWidget(self.tabs, 1)
        self._build_general()
        self._build_itinerary()
        self._build_checklist()
        self._build_gifts()
        self._build_outcome()
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Save)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.archive_button = QPushButton(self)
        self.buttons.addButton(self.archive_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.archive_button.setVisible(detail is not None and not detail.archived)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.archive_button.clicked.connect(self.archive)
        outer.addWidget(self.buttons)
        if detail is not None:
            self.load(detail)
        else:
            self._fill_status(None)
            self.checklist_set(complete_checklist(()))
            if start is not None:
                self.start_edit.setDateTime(start)
                self.end_edit.setDateTime(start + dt.timedelta(hours=2))
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        self.retranslate_ui()
        self.take_snapshot()

    # --- building ----------------------------------------------------------------------

    def _build_general(self) -> None:
        page = QWidget(self)
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.title_edit = QLineEdit(page)
        self.status_combo = QComboBox(page)
        self.start_edit = JalaliDateTimeEdit(page, required=True)
        self.end_edit = JalaliDateTimeEdit(page, required=True)
        self.venue_edit = QLineEdit(page)
        self.guests = PeopleEditor(self.db, page, with_roles=True, allow_new=True)
        self.delegation_edit = QLineEdit(page)
        self.hosts = PeopleEditor(self.db, page, allow_new=True)
        self.purpose_edit = PlainTextEdit(page)
        self.purpose_edit.setMaximumHeight(70)
        self.fields: dict[str, QWidget] = {
            "title": self.title_edit,
            "status": self.status_combo,
            "start_at": self.start_edit,
            "end_at": self.end_edit,
            "venue": self.venue_edit,
            "guests": self.guests,
            "delegation_name": self.delegation_edit,
            "hosts": self.hosts,
            "purpose": self.purpose_edit,
        }
        self.field_errors: dict[str, FieldError] = {}
        self.field_labels: dict[str, QLabel] = {}
        for key, _text in self.GENERAL:
            box = QVBoxLayout()
            box.setSpacing(1)
            box.addWidget(self.fields[key])
            error = FieldError(page)
            box.addWidget(error)
            label = QLabel(page)
            form.addRow(label, box)
            self.field_errors[key] = error
            self.field_labels[key] = label
        self.guests.changed.connect(self._people_changed)
        self.hosts.changed.connect(self._people_changed)
        self.tabs.addTab(page, "")

    def _build_itinerary(self) -> None:
        self.itinerary = RowTable(self.ITINERARY, (150, 150, 220, 150, 150, 120), self)
        self.itinerary.add_button.clicked.connect(self.add_itinerary_row)
        self.tabs.addTab(self.itinerary, "")

    def _build_checklist(self) -> None:
        page = QWidget(self)
        grid = QGridLayout(page)
        self.check_groups: dict[ChecklistItem, QButtonGroup] = {}
        self.check_labels: dict[ChecklistItem, QLabel] = {}
        self.check_buttons: dict[tuple[ChecklistItem, ChecklistState], QRadioButton] = {}
        states = (ChecklistState.DONE, ChecklistState.NOT_DONE, ChecklistState.NOT_NEEDED)
        for row, key in enumerate(ChecklistItem):
            label = QLabel(page)
            grid.addWidget(label, row, 0)
            self.check_labels[key] = label
            group = QButtonGroup(page)
            for col, state in enumerate(states, start=1):
                button = QRadioButton(page)
                group.addButton(button, col)
                grid.addWidget(button, row, col)
                self.check_buttons[(key, state)] = button
            self.check_groups[key] = group
        grid.setRowStretch(len(ChecklistItem), 1)
        grid.setColumnStretch(4, 1)
        self.checklist_error = FieldError(page)
        grid.addWidget(self.checklist_error, len(ChecklistItem) + 1, 0, 1, 4)
        self.tabs.addTab(page, "")

    def _build_gifts(self) -> None:
        self.gifts = RowTable(self.GIFTS, (110, 240, 200, 120), self)
        self.gifts.add_button.clicked.connect(lambda: self.add_gift_row())
        self.gift_warning = QLabel(self.gifts)
        self.gift_warning.setWordWrap(True)
        self.gift_warning.setStyleSheet("color: #b26a00; font-weight: bold;")
        self.gift_warning.hide()
        self.gifts.layout().addWidget(self.gift_warning)
        self.gifts.table.cellChanged.connect(lambda _r, _c: self.check_gifts())
        self.tabs.addTab(self.gifts, "")

    def _build_outcome(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.outcome_label = QLabel(page)
        layout.addWidget(self.outcome_label)
        self.outcome_edit = PlainTextEdit(page)
        self.outcome_edit.setMaximumHeight(120)
        layout.addWidget(self.outcome_edit)
        self.followups_label = QLabel(page)
        layout.addWidget(self.followups_label)
        self.followups = RowTable(self.FOLLOWUPS, (280, 180, 120, 130), page)
        self.followups.add_button.clicked.connect(lambda: self.add_followup_row())
        layout.addWidget(self.followups, 1)
        self.tabs.addTab(page, "")

    # --- language ----------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Texts for the current language (data re-shown with the UI's digits)."""
        if self.detail is None:
            self.setWindowTitle(self.tr("New visit"))
        else:
            self.setWindowTitle(self.tr("Visit: %1").replace("%1", self.detail.title))
        for i, text in enumerate(self.TABS):
            self.tabs.setTabText(i, self.tr(text))
        for key, text in self.GENERAL:
            suffix = " *" if key in ("title", "start_at", "end_at", "guests") else ""
            self.field_labels[key].setText(self.tr(text) + suffix)
        self.title_edit.setPlaceholderText(self.tr("e.g. Visit of the ambassador of Japan"))
        self.venue_edit.setPlaceholderText(self.tr("e.g. Governorate, meeting hall"))
        self.delegation_edit.setPlaceholderText(
            self.tr("Only when the guests come as a named delegation")
        )
        for table in (self.itinerary, self.gifts, self.followups):
            table.retranslate(self.tr)
        lang = current_language()
        for key, label in self.check_labels.items():
            label.setText(key.label_fa if lang == "fa" else key.label_en)
        for (_key, state), button in self.check_buttons.items():
            button.setText(state.label_fa if lang == "fa" else state.label_en)
        self.outcome_label.setText(self.tr("Outcome of the visit"))
        self.followups_label.setText(self.tr("Follow-up tasks"))
        self.archive_button.setText(self.tr("Delete (archive)"))
        current = self.status_combo.currentData()
        for i in range(self.status_combo.count()):
            status = VisitStatus(self.status_combo.itemData(i))
            self.status_combo.setItemText(i, status.label(lang))
        if current is not None:
            self.status_combo.setCurrentIndex(self.status_combo.findData(current))
        for row in range(self.gifts.table.rowCount()):
            combo = self.gifts.combo(row, 0)
            for i in range(combo.count()):
                d = GiftDirection(combo.itemData(i))
                combo.setItemText(i, d.label_fa if lang == "fa" else d.label_en)
        for row in range(self.followups.table.rowCount()):
            combo = self.followups.combo(row, 3)
            for i in range(combo.count()):
                combo.setItemText(i, self._fu_label(FollowUpStatus(combo.itemData(i))))


    # --- filling -----------------------------------------------------------------------

    def _fill_status(self, current: VisitStatus | None) -> None:
        self.status_combo.clear()
        choices = list(VisitStatus) if current is None else [current, *allowed_transitions(current)]
        for status in choices:
            self.status_combo.addItem(status.label(current_language()), status.value)
        self.status_combo.setCurrentIndex(0)

    def load(self, detail: VisitDetail) -> None:
        """Show a stored visit."""
        self.detail = detail
        self.title_edit.setText(detail.title)
        self._fill_status(VisitStatus(detail.status))
        self.start_edit.setDateTime(_naive_local(detail.start_at))
        self.end_edit.setDateTime(_naive_local(detail.end_at))
        self.venue_edit.setText(detail.venue)
        self.delegation_edit.setText(detail.delegation_name)
        self.purpose_edit.setPlainText(detail.purpose)
        self.outcome_edit.setPlainText(detail.outcome)
        for g in detail.guests:
            ref = detail.person(g.person_id)
            self.guests.add_person(
                g.person_id,
                ref.name_fa if ref else str(g.person_id),
                ref.name_en if ref else "",
                g.role,
            )
        for h in detail.hosts:
            ref = detail.person(h)
            self.hosts.add_person(h, ref.name_fa if ref else str(h), ref.name_en if ref else "")
        for item in detail.itinerary:
            self.add_itinerary_row(item)
        self.checklist_set(detail.checklist)
        for gift in detail.gifts:
            self.add_gift_row(gift)
        for task in detail.followups:
            self.add_followup_row(task)
        if detail.archived:
            self.banner.setText(
                self.tr("This visit is archived. Restore it from the archive view to edit it.")
            )
            self.banner.show()
            self.save_button.setEnabled(False)

    def checklist_set(self, entries: tuple[ChecklistEntry, ...] | list[ChecklistEntry]) -> None:
        """Tick the checklist states."""
        for entry in complete_checklist(entries):
            self.check_buttons[(entry.key, entry.state)].setChecked(True)

    def add_itinerary_row(self, item: ItineraryEntry | None = None) -> int:
        """Append an itinerary row (a new one starts at the visit's start)."""
        if item is None or isinstance(item, bool):
            start = self.start_edit.dateTime()
            values = [cell_datetime_text(start), cell_datetime_text(start), "", "", "", "", ""]
            return self.itinerary.add_row(values)
        values = [
            cell_datetime_text(item.start_at),
            cell_datetime_text(item.end_at),
            item.activity,
            item.place,
            item.responsible_text,
            item.transport,
            item.interpreter,
        ]
        return self.itinerary.add_row(values, item.id)

    def _people_choices(self) -> list[tuple[int, str]]:
        lang = current_language()
        seen: dict[int, str] = {}
        for pid, fa, en in self.guests.people() + self.hosts.people():
            seen.setdefault(pid, (en or fa) if lang == "en" else (fa or en))
        if self.detail is not None:
            for ref in self.detail.people:
                seen.setdefault(ref.id, ref.display(lang))
        return list(seen.items())

    def add_gift_row(self, gift: GiftEntry | None = None) -> int:
        """Append a gift row."""
        row = self.gifts.add_row(
            [
                "",
                gift.description if gift else "",
                "",
                show_date(gift.gift_date) if gift and gift.gift_date else "",
                gift.notes if gift else "",
            ],
            gift.id if gift else None,
        )
        direction = QComboBox(self.gifts.table)
        for d in GiftDirection:
            direction.addItem(d.label_fa if is_rtl() else d.label_en, d.value)
        if gift is not None:
            direction.setCurrentIndex(direction.findData(gift.direction.value))
        self.gifts.table.setCellWidget(row, 0, direction)
        person = QComboBox(self.gifts.table)
        self._fill_person_combo(person, gift.person_id if gift else None)
        self.gifts.table.setCellWidget(row, 2, person)
        direction.currentIndexChanged.connect(lambda _i: self.check_gifts())
        person.currentIndexChanged.connect(lambda _i: self.check_gifts())
        return row

    def _fill_person_combo(self, combo: QComboBox, selected: int | None) -> None:
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("—", None)
        for pid, name in self._people_choices():
            combo.addItem(name, pid)
        combo.setCurrentIndex(max(combo.findData(selected), 0) if selected is not None else 0)
        combo.blockSignals(False)

    def _people_changed(self) -> None:
        for row in range(self.gifts.table.rowCount()):
            combo = self.gifts.combo(row, 2)
            self._fill_person_combo(combo, combo.currentData())

    def _fu_label(self, status: FollowUpStatus) -> str:
        if current_language() == "fa":
            return status.label_fa
        return status.value.replace("_", " ").capitalize()

    def add_followup_row(self, task: FollowUpInput | None = None) -> int:
        """Append a follow-up row."""
        row = self.followups.add_row(
            [
                task.title if task else "",
                task.owner_text if task else "",
                show_date(task.deadline) if task and task.deadline else "",
                "",
                task.notes if task else "",
            ],
            task.id if task else None,
            task.version if task else None,
        )
        if task is not None and not task.owner_text:
            owner = getattr(task, "owner_name_fa", "")
            if owner:
                self.followups.table.item(row, 1).setText(owner)
        combo = QComboBox(self.followups.table)
        for status in FollowUpStatus:
            combo.addItem(self._fu_label(status), status.value)
        combo.setCurrentIndex(max(combo.findData(task.status if task else "open"), 0))
        self.followups.table.setCellWidget(row, 3, combo)
        return row

    # --- collecting --------------------------------------------------------------------

    def collect(self) -> tuple[VisitInput, dict[str, str]]:
        """The form as a ``VisitInput`` plus the errors found while reading it."""
        errors: dict[str, str] = {}
        for key, edit in (("start_at", self.start_edit), ("end_at", self.end_edit)):
            message = edit.validate()
            if message:
                errors[key] = message
        itinerary = []
        for row in range(self.itinerary.table.rowCount()):
            values = [self.itinerary.text(row, c) for c in range(len(self.IT_FIELDS))]
            times: list[dt.datetime | None] = []
            for col in (0, 1):
                try:
                    times.append(parse_cell_datetime(values[col]) if values[col] else None)
                except ValueError as exc:
                    times.append(None)
                    errors[f"itinerary.{row}.{self.IT_FIELDS[col]}"] = parse_error_text(exc)
            record_id, _v = self.itinerary.record(row)
            itinerary.append(
                ItineraryEntry(
                    start_at=times[0],
                    end_at=times[1],
                    activity=values[2],
                    place=values[3],
                    responsible_text=values[4],
                    transport=values[5],
                    interpreter=values[6],
                    id=record_id,
                )
            )
        checklist = []
        for key in self.check_groups:
            state = next(
                (s for (k, s), b in self.check_buttons.items() if k == key and b.isChecked()),
                ChecklistState.NOT_DONE,
            )
            checklist.append(ChecklistEntry(key, state))
        gifts = []
        for row in range(self.gifts.table.rowCount()):
            gift_date = None
            date_text = self.gifts.text(row, 3)
            if date_text:
                try:
                    gift_date = jalali.parse_jalali(date_text)
                except ValueError as exc:
                    errors[f"gifts.{row}.gift_date"] = parse_error_text(exc)
            record_id, _v = self.gifts.record(row)
            gifts.append(
                GiftEntry(
                    direction=GiftDirection(self.gifts.combo(row, 0).currentData()),
                    description=self.gifts.text(row, 1),
                    person_id=self.gifts.combo(row, 2).currentData(),
                    gift_date=gift_date,
                    notes=self.gifts.text(row, 4),
                    id=record_id,
                )
            )
        followups = []
        for row in range(self.followups.table.rowCount()):
            deadline = None
            text = self.followups.text(row, 2)
            if text:
                try:
                    deadline = jalali.parse_jalali(text)
                except ValueError as exc:
                    errors[f"followups.{row}.deadline"] = parse_error_text(exc)
            record_id, version = self.followups.record(row)
            followups.append(
                FollowUpInput(
                    title=self.followups.text(row, 0),
                    owner_text=self.followups.text(row, 1),
                    deadline=deadline,
                    status=str(self.followups.combo(row, 3).currentData()),
                    notes=self.followups.text(row, 4),
                    id=record_id,
                    version=version,
                )
            )
        visit = VisitInput(
            title=self.title_edit.text(),
            start_at=self.start_edit.dateTime(),
            end_at=self.end_edit.dateTime(),
            purpose=self.purpose_edit.toPlainText(),
            status=VisitStatus(self.status_combo.currentData() or VisitStatus.REQUESTED.value),
            venue=self.venue_edit.text(),
            delegation_name=self.delegation_edit.text(),
            outcome=self.outcome_edit.toPlainText(),
            guests=self.guests.guest_entries(),
            hosts=tuple(self.hosts.ids()),
            itinerary=tuple(itinerary),
            checklist=tuple(checklist),
            gifts=tuple(gifts),
            followups=tuple(followups),
            id=self.detail.id if self.detail else None,
            version=self.detail.version if self.detail else None,
        )
        return visit, errors

    # --- errors ------------------------------------------------------------------------

    def show_errors(self, errors: dict[str, str]) -> None:
        """Show each message next to its field (or under its table row); clear the others."""
        show_field_errors(self.fields, self.field_errors, errors)
        self.checklist_error.show_error(errors.get("checklist", ""))
        for prefix, table, fields in (
            ("itinerary", self.itinerary, self.IT_FIELDS),
            ("gifts", self.gifts, self.GIFT_FIELDS),
            ("followups", self.followups, self.FU_FIELDS),
        ):
            table.show_row_errors(errors, prefix, fields, self.tr("Row"))
        general = errors.get("", "")
        self.banner.setText(general)
        self.banner.setVisible(bool(general))
        tab_of = {"itinerary": 1, "checklist": 2, "gifts": 3, "followups": 4}
        if errors:
            first = next(iter(errors)).split(".")[0]
            self.tabs.setCurrentIndex(tab_of.get(first, 0))

    # --- actions -----------------------------------------------------------------------

    def check_gifts(self) -> dict[int, str]:
        """Warn (under the gifts table) about gifts already given to the same person."""
        visit, _errors = self.collect_gifts_only()
        warnings = visits_service.gift_warnings(self.db, visit=visit) if visit.gifts else {}
        lines = [
            f"{self.tr('Row')} {loc_digits(i + 1)}: {text}" for i, text in sorted(warnings.items())
        ]
        self.gift_warning.setText("\n".join(lines))
        self.gift_warning.setVisible(bool(lines))
        return warnings

    def collect_gifts_only(self) -> tuple[VisitInput, dict[str, str]]:
        """A ``VisitInput`` holding just the gifts rows (for the repeated-gift check)."""
        gifts = []
        for row in range(self.gifts.table.rowCount()):
            if (
                self.gifts.table.cellWidget(row, 0) is None
                or self.gifts.table.cellWidget(row, 2) is None
            ):
                continue
            gifts.append(
                GiftEntry(
                    direction=GiftDirection(self.gifts.combo(row, 0).currentData()),
                    description=self.gifts.text(row, 1),
                    person_id=self.gifts.combo(row, 2).currentData(),
                )
            )
        return VisitInput(gifts=tuple(gifts), id=self.detail.id if self.detail else None), {}

    def ask_conflict_reason(self, conflicts: list[Conflict]) -> str | None:
        """Show the conflicts; the reason typed, or None when the user cancels."""
        dialog = ConflictDialog(conflicts, self)
        self.conflict_dialog = dialog
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.reason_text():
            return dialog.reason_text()
        return None

    def save(self) -> bool:
        """Validate and save; True when stored (the dialog then closes)."""
        visit, errors = self.collect()
        self.show_errors(errors)
        if errors:
            return False
        warnings = self.check_gifts()
        if warnings and not self.confirm(
            self.tr("Repeated gift"),
            "\n".join(warnings.values()) + "\n\n" + self.tr("Save anyway?"),
        ):
            self.tabs.setCurrentIndex(3)
            return False
        reason: str | None = None
        while True:
            try:
                detail = visits_service.save_visit(self.db, visit=visit, conflict_reason=reason)
            except ValidationError as exc:
                self.show_errors(exc.errors)
                return False
            except ConflictsFound as exc:
                reason = self.ask_conflict_reason(exc.conflicts)
                if reason is None:
                    return False
                continue
            except KnownError as exc:
                show_error(self, exc)
                return False
            break
        self.detail = detail
        self.saved.emit(detail.id)
        self.accept()
        return True

    def _raw_state(self) -> list[object]:
        """Every input's raw content (no validation, nothing marked), in a fixed order."""
        return [
            self.title_edit.text(),
            self.status_combo.currentData(),
            *(
                to_latin_digits(w.text())
                for w in (
                    self.start_edit.date_edit.line,
                    self.start_edit.time_line,
                    self.end_edit.date_edit.line,
                    self.end_edit.time_line,
                )
            ),
            self.venue_edit.text(),
            self.delegation_edit.text(),
            self.purpose_edit.toPlainText(),
            self.outcome_edit.toPlainText(),
            self.guests.guest_entries(),
            self.hosts.ids(),
            [b.isChecked() for b in self.check_buttons.values()],
            self.itinerary.raw_rows(),
            self.gifts.raw_rows(),
            self.followups.raw_rows(),
        ]

    def archive(self) -> bool:
        """Archive (delete for users) the visit after confirmation."""
        if self.detail is None:
            return False
        detail = self.detail
        return self.archive_record(
            self.tr("Delete visit"),
            self.tr(
                "Move this visit to the archive? It can be restored later from the archive view."
            ),
            lambda: visits_service.archive_visit(
                self.db, visit_id=detail.id, version=detail.version
            ),
            detail.id,
        )
