"""The resolution dialog (مصوبه): its wording, the bodies responsible, the deadline and the
status, what it concerns (visits, agreements, delegations, target markets: ``links.py``) and
its follow-up log.

Its own fields are declared once in :attr:`ResolutionDialog.FIELDS`.  A resolution is «done»
only with a closing note (checked here and by the service: the message shows under the
note).  A moved deadline and a status change are written to the log by the service (the
earlier deadline kept).  The log lists every entry; "Add to the log" records a letter sent,
a reply received, a reminder or a progress report, with its letter number, text and a file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from qazvin_diplomacy.core.errors import KnownError, ValidationError
from qazvin_diplomacy.core.meetings import (
    MANUAL_LOG_KINDS,
    LogKind,
    ResolutionInput,
    ResolutionLogEntry,
    ResolutionLogInput,
    ResolutionStatus,
    ResolutionView,
    validate_resolution_status,
)
from qazvin_diplomacy.services import meetings as meetings_service
from qazvin_diplomacy.ui.common import FieldError, refill_combo, show_error
from qazvin_diplomacy.ui.form_fields import (
    FieldSet,
    FieldSpec,
    date_field,
    enum_combo,
    text_area,
)
from qazvin_diplomacy.ui.i18n import (
    QT_TRANSLATE_NOOP,
    Retranslating,
    current_language,
    loc_digits,
    loc_text,
)
from qazvin_diplomacy.ui.meetings.links import links_field, open_linked
from qazvin_diplomacy.ui.meetings.models import number_text
from qazvin_diplomacy.ui.meetings.pickers import BODIES, PickField, PickList
from qazvin_diplomacy.ui.meetings.record_dialog import MeetingsRecordDialog
from qazvin_diplomacy.ui.meetings.series import person_field
from qazvin_diplomacy.ui.modules import UiContext
from qazvin_diplomacy.ui.widgets.jalali import JalaliDateEdit, show_date


def _body_field(name: str, label: str) -> FieldSpec:
    """The responsible body: picked from the directory (its id)."""

    def collect(w: PickField) -> int | None:
        record_id, text = w.value()
        if record_id is None and text:
            raise ValueError(
                QCoreApplication.translate(
                    "ResolutionDialog", "Choose the body from the directory list under the field."
                )
            )
        return record_id

    return FieldSpec(
        name, label, lambda form, parent: PickField(form.names, BODIES, parent),
        load=lambda w, r: w.set_value(getattr(r, name), ""),
        collect=collect, raw=PickField.raw, relabel=PickField.relabel,
    )  # fmt: skip


def _bodies_field(name: str, label: str) -> FieldSpec:
    """Co-responsible bodies: several picked from the directory."""
    return FieldSpec(
        name, label, lambda form, parent: PickList(form.names, BODIES, parent, rows=2),
        load=lambda w, r: w.set_ids(getattr(r, name)),
        collect=PickList.ids, raw=PickList.ids, relabel=PickList.relabel,
    )  # fmt: skip


def _item_combo(form: Any, parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    form.fill_items(combo)
    return combo


class LogTable(QTableWidget):
    """The follow-up log, oldest first: date, kind, letter number, text, files."""

    HEADERS = (
        QT_TRANSLATE_NOOP("ResolutionDialog", "Date"),
        QT_TRANSLATE_NOOP("ResolutionDialog", "Kind"),
        QT_TRANSLATE_NOOP("ResolutionDialog", "Letter number"),
        QT_TRANSLATE_NOOP("ResolutionDialog", "Text"),
        QT_TRANSLATE_NOOP("ResolutionDialog", "Files"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(self.HEADERS), parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.horizontalHeader().setStretchLastSection(False)
        for col, width in enumerate((100, 130, 120, 380, 60)):
            self.setColumnWidth(col, width)
        self.horizontalHeader().setSectionResizeMode(3, self.horizontalHeader().ResizeMode.Stretch)
        self.entries: list[ResolutionLogEntry] = []

    def show_entries(self, entries: list[ResolutionLogEntry], translate: Any) -> None:
        """Show ``entries``; a moved deadline and a status change say from what to what."""
        self.entries = entries
        self.setHorizontalHeaderLabels([translate(h) for h in self.HEADERS])
        self.setRowCount(len(entries))
        lang = current_language()
        for row, e in enumerate(entries):
            text = loc_text(e.text)
            if e.kind == LogKind.DEADLINE_MOVED.value:
                old = show_date(e.old_deadline) if e.old_deadline else "—"
                new = show_date(e.new_deadline) if e.new_deadline else "—"
                text = f"{old} → {new}" + (f" — {text}" if text else "")
            elif e.kind == LogKind.STATUS_CHANGED.value and e.new_status:
                old = ResolutionStatus.label_of(e.old_status, lang) if e.old_status else "—"
                new = ResolutionStatus.label_of(e.new_status, lang)
                text = f"{old} → {new}" + (f" — {text}" if text else "")
            cells = (
                show_date(e.entry_date), LogKind.label_of(e.kind, lang), e.letter_number, text,
                loc_digits(e.attachment_count) if e.attachment_count else "",
            )  # fmt: skip
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.setItem(row, col, item)
            self.setVerticalHeaderItem(row, QTableWidgetItem(loc_digits(row + 1)))


class LogEntryBox(QGroupBox):
    """Add to the log: date, kind, letter number, text and a file."""

    #: Texts passed through the dialog's ``translate`` (listed for the translation scan).
    TEXTS = (
        QT_TRANSLATE_NOOP("ResolutionDialog", "Add to the follow-up log"),
        QT_TRANSLATE_NOOP("ResolutionDialog", "What was sent, answered or reported"),
        QT_TRANSLATE_NOOP("ResolutionDialog", "Attach a file…"),
        QT_TRANSLATE_NOOP("ResolutionDialog", "Add to the log"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QFormLayout(self)
        row = QHBoxLayout()
        self.date = JalaliDateEdit(self, required=True)
        self.kind = QComboBox(self)
        self.letter_number = QLineEdit(self)
        row.addWidget(self.date, 2)
        row.addWidget(self.kind, 1)
        row.addWidget(self.letter_number, 1)
        layout.addRow(row)
        self.text = QLineEdit(self)
        layout.addRow(self.text)
        files = QHBoxLayout()
        self.file_button = QPushButton(self)
        self.file_label = QLabel(self)
        self.add_button = QPushButton(self)
        for button in (self.file_button, self.add_button):
            button.setAutoDefault(False)
        files.addWidget(self.file_button)
        files.addWidget(self.file_label, 1)
        files.addWidget(self.add_button)
        layout.addRow(files)
        self.error = FieldError(self)
        layout.addRow(self.error)
        self.file: Path | None = None
        self.file_button.clicked.connect(self.choose_file)

    def retranslate(self, translate: Any) -> None:
        """Texts in the UI language (the dialog's ``translate``)."""
        lang = current_language()
        self.setTitle(translate("Add to the follow-up log"))
        refill_combo(self.kind, [(k.label(lang), k.value) for k in MANUAL_LOG_KINDS])
        self.letter_number.setPlaceholderText(translate("Letter number"))
        self.text.setPlaceholderText(translate("What was sent, answered or reported"))
        self.file_button.setText(translate("Attach a file…"))
        self.add_button.setText(translate("Add to the log"))
        self.file_label.setText(self.file.name if self.file else "")

    def ask_file(self) -> str:
        """A file chosen by the clerk ("" when cancelled; tests replace this)."""
        name, _f = QFileDialog.getOpenFileName(self, self.file_button.text())
        return name

    def choose_file(self) -> None:
        """Choose the file to keep with the entry."""
        name = self.ask_file()
        self.file = Path(name) if name else None
        self.file_label.setText(self.file.name if self.file else "")

    def clear(self) -> None:
        """Empty the box after an entry was added."""
        self.letter_number.clear()
        self.text.clear()
        self.file = None
        self.file_label.clear()
        self.error.show_error("")


class ResolutionDialog(Retranslating, MeetingsRecordDialog):
    """Create or edit a resolution; ``saved(int)`` after each save or log entry."""

    REOPEN = "open_resolution"  # the page's opener, for «Reload» after a stale save

    saved = Signal(int)

    DISCARD_QUESTION = QT_TRANSLATE_NOOP(
        "ResolutionDialog", "The resolution has unsaved changes. Close it and discard them?"
    )
    FIELDS = (
        FieldSpec("agenda_item_id", QT_TRANSLATE_NOOP("ResolutionDialog", "Agenda item"),
                  _item_combo, load=lambda w, r: w.setCurrentIndex(
                      max(w.findData(r.agenda_item_id), 0)),
                  collect=QComboBox.currentData),
        text_area("text", QT_TRANSLATE_NOOP("ResolutionDialog", "Text"), required=True,
                  max_height=80),
        _body_field("responsible_org_id", QT_TRANSLATE_NOOP("ResolutionDialog", "Responsible body")),
        _bodies_field("co_responsible_org_ids",
                      QT_TRANSLATE_NOOP("ResolutionDialog", "Co-responsible bodies")),
        links_field(QT_TRANSLATE_NOOP("ResolutionDialog", "Concerns"),
                    beside="co_responsible_org_ids"),
        person_field("person_in_charge", QT_TRANSLATE_NOOP("ResolutionDialog", "Person in charge"),
                     id_attr="person_in_charge_id", text_attr="person_in_charge_text"),
        date_field("deadline", QT_TRANSLATE_NOOP("ResolutionDialog", "Deadline")),
        enum_combo("status", QT_TRANSLATE_NOOP("ResolutionDialog", "Status"), ResolutionStatus,
                   attr="status_combo", default=ResolutionStatus.OPEN),
        text_area("closing_note", QT_TRANSLATE_NOOP("ResolutionDialog", "Closing note"),
                  max_height=50, placeholder=QT_TRANSLATE_NOOP(
                      "ResolutionDialog", "Required to mark the resolution done: what was done")),
    )  # fmt: skip

    status_combo: QComboBox

    def __init__(
        self,
        ctx: UiContext,
        detail: ResolutionView | None = None,
        parent: QWidget | None = None,
        *,
        meeting: Any = None,
        agenda_item_id: int | None = None,
    ) -> None:
        super().__init__(ctx, detail, parent)
        self.meeting = meeting
        self.items: list[tuple[int | None, str]] = []
        meeting_id = detail.meeting_id if detail is not None else meeting.id
        if meeting is None or not getattr(meeting, "agenda_rows", ()):
            try:
                self.meeting = meetings_service.get_meeting(ctx.db, meeting_id=meeting_id)
            except KnownError:
                self.meeting = meeting
        if self.meeting is not None:
            self.items = [
                (i.id, f"{loc_digits(n)}. {i.title}")
                for n, i in enumerate(self.meeting.agenda_rows, start=1)
            ]
        outer = self._open_layout(900, 790)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold; color: #2f4f6f;")
        outer.addWidget(self.heading)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.field_set = FieldSet(self, self.FIELDS)
        self.field_set.add_form_rows(form, self)
        outer.addLayout(form)
        self.log_label = QLabel(self)
        outer.addWidget(self.log_label)
        self.log = LogTable(self)
        outer.addWidget(self.log, 1)
        self.entry = LogEntryBox(self)
        outer.addWidget(self.entry)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self
        )
        outer.addWidget(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.entry.add_button.clicked.connect(lambda: self.add_log_entry())
        self.status_combo.currentIndexChanged.connect(lambda _i: self._status_changed())
        if detail is not None:
            self.field_set.load(detail)
            self.log_entries = meetings_service.list_log(ctx.db, resolution_id=detail.id)
        else:
            self.log_entries = []
            combo = self.field_set.widgets["agenda_item_id"]
            combo.setCurrentIndex(max(combo.findData(agenda_item_id), 0))
        self.entry.date.setDate(ctx.today())
        self.retranslate_ui()
        self.take_snapshot()

    # --- building and language ------------------------------------------------------------

    def fill_items(self, combo: QComboBox) -> None:
        """The meeting's agenda items (the resolution's item chosen among them)."""
        none = QCoreApplication.translate("ResolutionDialog", "— no particular item —")
        refill_combo(combo, [(none, None), *((t, i) for i, t in self.items)])

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        lang = current_language()
        if self.detail is None:
            title = self.tr("New resolution")
        else:
            title = self.tr("Resolution %1").replace("%1", number_text(self.detail.number))
        self.setWindowTitle(title)
        if self.meeting is not None:
            self.heading.setText(f"{title} — {self.meeting.title(lang)}")
        self.field_set.retranslate(self.tr)
        self.fill_items(self.field_set.widgets["agenda_item_id"])
        self.log_label.setText(self.tr("Follow-up log"))
        self.log.show_entries(self.log_entries, self.tr)
        self.entry.retranslate(self.tr)
        self.entry.setEnabled(self.detail is not None)
        self.entry.setToolTip(
            "" if self.detail is not None else self.tr("Save the resolution first.")
        )
        self._status_changed()

    def _status_changed(self) -> None:
        done = self.status_combo.currentData() == ResolutionStatus.DONE.value
        label = self.field_set.labels["closing_note"]
        text = self.tr("Closing note")
        label.setText(text + " *" if done else text)

    def open_link(self, kind: str, target_id: int) -> None:
        """Open a record the resolution concerns in its module."""
        open_linked(self.ctx.hub.openRecord.emit, kind, target_id)

    def record_id(self) -> int | None:
        """Override: the resolution's id."""
        return self.detail.id if self.detail is not None else None

    # --- saving ------------------------------------------------------------------------

    def resolution_input(self) -> tuple[ResolutionInput | None, dict[str, str]]:
        """The dialog as a ``ResolutionInput`` and the errors found reading it (the
        closing-note rule included)."""
        values, errors = self.field_set.collect()
        person_id, person_text = values.pop("person_in_charge") or (None, "")
        status = values.pop("status")
        errors = {**validate_resolution_status(status.value, values["closing_note"]), **errors}
        if errors:
            return None, errors
        meeting_id = self.detail.meeting_id if self.detail is not None else self.meeting.id
        return ResolutionInput(
            meeting_id=meeting_id,
            **values,
            status=status.value,
            person_in_charge_id=person_id,
            person_in_charge_text=person_text,
            seq=self.detail.seq if self.detail else None,
            id=self.detail.id if self.detail else None,
            version=self.detail.version if self.detail else None,
        ), errors

    def show_errors(self, errors: dict[str, str]) -> None:
        """Each message under its field; the others in the banner."""
        rest = self.field_set.show_errors(errors)
        self.banner.setText("\n".join(rest.values()))
        self.banner.setVisible(bool(rest))

    def save(self) -> bool:
        """Validate and save; the dialog stays open (the log can be added to next)."""
        resolution, errors = self.resolution_input()
        self.show_errors(errors)
        if resolution is None:
            return False
        try:
            detail = meetings_service.save_resolution(
                self.db, resolution=resolution, today=self.ctx.today()
            )
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return False
        except KnownError as exc:
            show_error(self, exc)
            return False
        self._reload(detail)
        return True

    def _reload(self, detail: ResolutionView) -> None:
        self.detail = detail
        self.field_set.load(detail)
        assert detail.id is not None
        self.log_entries = meetings_service.list_log(self.db, resolution_id=detail.id)
        self.retranslate_ui()
        self.take_snapshot()
        self.saved.emit(detail.id)

    def add_log_entry(self) -> ResolutionLogEntry | None:
        """Record the entry typed in the box (and keep its file); None when refused."""
        if self.detail is None or self.detail.id is None:
            return None
        box = self.entry
        message = box.date.validate()
        if message:
            return None
        try:
            entry = meetings_service.add_log_entry(
                self.db,
                entry=ResolutionLogInput(
                    resolution_id=self.detail.id,
                    kind=str(box.kind.currentData()),
                    entry_date=box.date.date(),  # type: ignore[arg-type]  # validated above
                    letter_number=box.letter_number.text().strip(),
                    text=box.text.text().strip(),
                ),
            )
            if box.file is not None:
                meetings_service.add_log_attachment(self.db, log_id=entry.id, source=box.file)
        except ValidationError as exc:
            box.error.show_error("\n".join(exc.errors.values()))
            return None
        except (KnownError, OSError) as exc:
            show_error(self, exc)
            return None
        box.clear()
        self._reload(meetings_service.get_resolution(self.db, resolution_id=self.detail.id))
        return entry

    def _raw_state(self) -> list[object]:
        return [self.field_set.raw_state()]
