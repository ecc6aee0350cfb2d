"""The meeting form: the session's header, attendance, agenda and resolutions; its minutes.

The general tab (``general.py``) holds the meeting's own fields (declared once in
:attr:`MeetingForm.FIELDS`): series and number (empty: the series' next), Jalali date (a
holiday or Friday flagged so the session can be moved), hours, venue, chair, notes; and the
status.  A new meeting is filled in as its series says (``new_meeting_input``: the next planned
date, venue, chair, hours, the standing members); choosing another series refills what was
not changed by hand.  The agenda tab (``agenda.py``) keeps each item's files.  The status follows the
status-moves pattern: draft → held → minutes approved, the moves not possible now greyed with
the reason.  Approved minutes are read-only; "New version" reopens them as a correction (the
approved version is kept, with the reason).  Resolutions are kept one by one in their own
dialog, from the resolutions tab, once the meeting is saved.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import fields
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QPushButton,
    QTabWidget,
    QWidget,
)

from qazvin_diplomacy.core.errors import KnownError, ValidationError
from qazvin_diplomacy.core.meetings import MEETING_MOVES, MeetingInput, MeetingStatus, MeetingView
from qazvin_diplomacy.core.status_moves import StatusMove
from qazvin_diplomacy.services import meetings as meetings_service
from qazvin_diplomacy.ui import settings as S
from qazvin_diplomacy.ui.common import menu_button, refill_combo, show_error
from qazvin_diplomacy.ui.form_fields import (
    FieldSet,
    FieldSpec,
    confidential_box,
    date_field,
    enum_combo,
    raw_value,
    spin_box,
    text_area,
    text_field,
    time_field,
)
from qazvin_diplomacy.ui.i18n import QT_TRANSLATE_NOOP, Retranslating, current_language
from qazvin_diplomacy.ui.icons import icon
from qazvin_diplomacy.ui.meetings.agenda import AgendaTab
from qazvin_diplomacy.ui.meetings.general import MeetingGeneral
from qazvin_diplomacy.ui.meetings.meeting_resolutions import MeetingResolutions
from qazvin_diplomacy.ui.meetings.minutes import AttendeesTab
from qazvin_diplomacy.ui.meetings.models import fa_en
from qazvin_diplomacy.ui.meetings.record_dialog import MeetingsRecordDialog
from qazvin_diplomacy.ui.meetings.series import person_field
from qazvin_diplomacy.ui.modules import UiContext
from qazvin_diplomacy.ui.ops import print_pdf, report_path
from qazvin_diplomacy.ui.status_moves import show_status_moves
from qazvin_diplomacy.ui.widgets.jalali import JalaliDateEdit

GENERAL_TAB, ATTENDANCE_TAB, AGENDA_TAB, RESOLUTIONS_TAB = range(4)
#: Fields a series does not fill in for a new meeting.
NOT_FROM_SERIES = ("series_id", "number", "status")
#: (report kind, English label in context "MeetingForm", suffix) of the print menu.
PRINTS = (
    ("minutes", QT_TRANSLATE_NOOP("MeetingForm", "Minutes (PDF)"), ".pdf"),
    ("minutes", QT_TRANSLATE_NOOP("MeetingForm", "Minutes (Word, to edit)"), ".docx"),
    ("resolution-letters", QT_TRANSLATE_NOOP("MeetingForm", "Letters to the bodies (PDF)"), ".pdf"),
    ("resolution-letters",
     QT_TRANSLATE_NOOP("MeetingForm", "Letters to the bodies (Word, to edit)"), ".docx"),
)  # fmt: skip


def _series_combo(form: Any, parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    combo.setMinimumWidth(320)
    form.fill_series(combo)
    return combo


def _load_series(combo: QComboBox, record: Any) -> None:
    combo.setCurrentIndex(max(combo.findData(record.series_id), 0))


def _number_load(spin: Any, record: Any) -> None:
    spin.setValue(int(record.number or 0))


class MeetingForm(Retranslating, MeetingsRecordDialog):
    """Create or edit a meeting; ``saved(int)`` after each save."""

    saved = Signal(int)

    DISCARD_QUESTION = QT_TRANSLATE_NOOP(
        "MeetingForm", "The meeting has unsaved changes. Close the form and discard them?"
    )
    PRINT_REPORT = "minutes"
    PRINT_OPTION = "meeting"
    FIELDS = (
        FieldSpec("series_id", QT_TRANSLATE_NOOP("MeetingForm", "Series"), _series_combo,
                  load=_load_series, collect=QComboBox.currentData, required=True),
        spin_box("number", QT_TRANSLATE_NOOP("MeetingForm", "Session number"), maximum=100_000,
                 load=_number_load, collect=lambda w: w.value() or None, beside="series_id"),
        date_field("meeting_date", QT_TRANSLATE_NOOP("MeetingForm", "Date"), required=True),
        time_field("start_time", QT_TRANSLATE_NOOP("MeetingForm", "Start time")),
        time_field("end_time", QT_TRANSLATE_NOOP("MeetingForm", "End time"), beside="start_time",
                   follows="start_time", follow_by=dt.timedelta(hours=2)),
        text_field("venue", QT_TRANSLATE_NOOP("MeetingForm", "Venue")),
        person_field("chair", QT_TRANSLATE_NOOP("MeetingForm", "Chair")),
        enum_combo("status", QT_TRANSLATE_NOOP("MeetingForm", "Status"), MeetingStatus,
                   attr="status_combo", default=MeetingStatus.DRAFT, collect=None),
        confidential_box(QT_TRANSLATE_NOOP("MeetingForm", "Confidential")),
        text_area("notes", QT_TRANSLATE_NOOP("MeetingForm", "Notes"), max_height=70),
    )  # fmt: skip
    TABS = (
        QT_TRANSLATE_NOOP("MeetingForm", "General"),
        QT_TRANSLATE_NOOP("MeetingForm", "Attendance"),
        QT_TRANSLATE_NOOP("MeetingForm", "Agenda"),
        QT_TRANSLATE_NOOP("MeetingForm", "Resolutions"),
    )

    number: Any
    meeting_date: JalaliDateEdit
    status_combo: QComboBox

    def __init__(
        self,
        ctx: UiContext,
        detail: MeetingView | None = None,
        parent: QWidget | None = None,
        *,
        series_id: int | None = None,
    ) -> None:
        super().__init__(ctx, detail, parent)
        self.series_rows: dict[int, Any] = {}
        self.defaults: dict[str, object] | None = None  # the raw values the series filled in
        outer = self._open_layout(1100, 760)
        self.tabs = QTabWidget(self)
        outer.addWidget(self.tabs, 1)
        self.field_set = FieldSet(self, self.FIELDS)
        self.general = MeetingGeneral(self.field_set, self)
        self.attendance = AttendeesTab(self.names, self)
        self.attendance.standing = self._standing_members
        self.agenda_tab = AgendaTab(ctx.db, self.names, self)
        self.agenda = self.agenda_tab.items_table
        self.resolutions = MeetingResolutions(ctx, self)
        for tab in (self.general, self.attendance, self.agenda_tab, self.resolutions):
            self.tabs.addTab(tab, "")
        self.agenda_tab.files.attention.connect(lambda: self.tabs.setCurrentIndex(AGENDA_TAB))
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Save)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.version_button = QPushButton(self)
        self.buttons.addButton(self.version_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button, self.print_menu = menu_button(self)
        bottom = QHBoxLayout()
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.buttons, 1)
        outer.addLayout(bottom)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        self.version_button.clicked.connect(lambda: self.new_version())
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        combo = self.field_set.widgets["series_id"]
        if detail is not None:
            self.load(detail)
        elif series_id is not None:
            combo.setCurrentIndex(max(combo.findData(series_id), 0))
        self._series_changed()
        combo.currentIndexChanged.connect(lambda _i: self._series_changed())
        self.meeting_date.dateChanged.connect(
            lambda _d: self.general.show_holiday(self.meeting_date.date())
        )
        self.status_combo.currentIndexChanged.connect(lambda _i: self.update_status_moves())
        self.retranslate_ui()
        self.take_snapshot()

    # --- building ----------------------------------------------------------------------

    def fill_series(self, combo: QComboBox) -> None:
        """The series to choose from (the form's own series too when it is archived)."""
        rows = meetings_service.list_series(self.db, today=self.ctx.today())
        self.series_rows = {s.id: s for s in rows}
        refill_combo(combo, [(fa_en(s.name_fa, s.name_en), s.id) for s in rows])

    def fill_in_from_series(self) -> None:
        """A new meeting: the fields, attendees and invited bodies the series fills in
        (``new_meeting_input``), each unless changed by hand since the series last filled it."""
        series_id = self.field_set.widgets["series_id"].currentData()
        if self.detail is None and self.meeting_date.date() is None:
            self.meeting_date.setDate(self.ctx.today())
        if self.detail is not None or series_id is None:
            return
        try:
            given = meetings_service.new_meeting_input(
                self.db, series_id=series_id, today=self.ctx.today()
            )
        except KnownError as exc:
            show_error(self, exc)
            return
        view = MeetingView(**{f.name: getattr(given, f.name) for f in fields(given)})
        now, previous = self._fillable(), self.defaults or {}
        for spec in self.field_set.specs:
            if (
                spec.load is not None
                and spec.name in now
                and (self.defaults is None or now[spec.name] == previous.get(spec.name))
            ):
                spec.load(self.field_set.widgets[spec.name], view)
        if self.defaults is None or now["attendance"] == previous.get("attendance"):
            self.attendance.table.set_attendees(given.attendees)
            self.attendance.invited.set_ids(given.invited_org_ids)
        self.number.setValue(0)  # "next": the number is taken when the meeting is saved
        self.defaults = self._fillable()

    def _fillable(self) -> dict[str, object]:
        state: dict[str, object] = {
            spec.name: (spec.raw or raw_value)(self.field_set.widgets[spec.name])
            for spec in self.field_set.specs
            if spec.name not in NOT_FROM_SERIES
        }
        state["attendance"] = self.attendance.raw_state()
        return state

    # --- language ----------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        if self.detail is None:
            self.setWindowTitle(self.tr("New meeting"))
        else:
            self.setWindowTitle(self.detail.title(current_language()))
        self.field_set.retranslate(self.tr)
        for i, text in enumerate(self.TABS):
            self.tabs.setTabText(i, self.tr(text))
        self.attendance.retranslate(self.tr)
        self.agenda_tab.retranslate(self.tr)
        self.resolutions.retranslate_ui()
        self.version_button.setText(self.tr("New version (correction)…"))
        self.version_button.setToolTip(
            self.tr("Reopen the approved minutes to correct them; the approved version is kept")
        )
        self.print_button.setText(self.tr("Print / PDF"))
        self.print_button.setIcon(icon("print"))
        self.print_menu.clear()
        for kind, label, suffix in PRINTS:
            action = self.print_menu.addAction(self.tr(label))
            action.triggered.connect(lambda _c=False, k=kind, s=suffix: self.print_kind(k, s))
        self.number.setSpecialValueText(self.tr("next"))
        self._show_next_number()
        self.general.show_holiday(self.meeting_date.date())
        self._update_record_state()

    # --- status and lock ---------------------------------------------------------------

    def saved_status(self) -> MeetingStatus | None:
        """The status as stored (None for a new meeting)."""
        return MeetingStatus(self.detail.status) if self.detail is not None else None

    def status_moves(self) -> list[StatusMove]:
        """Each status as the combo lists it: whether the meeting may move there now, and why."""
        saved = self.saved_status()
        allowed = set(MEETING_MOVES[saved]) if saved is not None else {MeetingStatus.HELD}
        reasons = {
            MeetingStatus.DRAFT: self.tr("Back to draft only from held."),
            MeetingStatus.HELD: self.tr("Approved minutes change only through a new version."),
            MeetingStatus.APPROVED: self.tr("The minutes are approved once the meeting is held."),
        }
        moves = []
        for status in MeetingStatus:
            ok = (
                status in allowed
                or status is saved
                or (saved is None and status is MeetingStatus.DRAFT)
            )
            why = "" if ok else reasons[status]
            moves.append(StatusMove(status, ok, why, why))
        return moves

    def update_status_moves(self) -> None:
        """Grey the statuses the meeting cannot move to now, and say where it can go."""
        show_status_moves(
            self.status_combo,
            self.general.status_hint,
            self.saved_status(),
            self.status_moves(),
            from_text=self.tr("From %1 the meeting can move to: %2."),
            held=MeetingStatus.APPROVED,
            held_text=self.tr("Approval: %1"),
        )

    def locked(self) -> bool:
        """Whether the minutes are approved (read-only)."""
        return self.detail is not None and self.detail.locked

    def _update_record_state(self) -> None:
        locked = self.locked()
        for name, widget in self.field_set.widgets.items():
            widget.setEnabled(not locked or name == "status")
        self.status_combo.setEnabled(not locked)
        self.attendance.setEnabled(not locked)
        self.agenda_tab.set_locked(locked)
        self.save_button.setEnabled(not locked)
        self.version_button.setVisible(locked)
        self.print_button.setEnabled(self.detail is not None)
        self.resolutions.set_meeting(self.detail)
        self.tabs.setTabEnabled(RESOLUTIONS_TAB, self.detail is not None)
        self.tabs.setTabToolTip(
            RESOLUTIONS_TAB, "" if self.detail is not None else self.tr("Save the meeting first.")
        )
        self.general.show_lock(self.detail.minutes_version if locked and self.detail else None)
        self.update_status_moves()

    # --- series, number, holiday --------------------------------------------------------

    def _standing_members(self) -> tuple[Any, ...]:
        series = self.series_rows.get(self.field_set.widgets["series_id"].currentData())
        return series.members if series is not None else ()

    def _series_changed(self) -> None:
        self.fill_in_from_series()
        self._show_next_number()

    def _show_next_number(self) -> None:
        series = self.series_rows.get(self.field_set.widgets["series_id"].currentData())
        own = series is not None and self.detail is not None and self.detail.series_id == series.id
        self.general.show_next_number(series, own=own)

    # --- loading and collecting ---------------------------------------------------------

    def load(self, d: MeetingView) -> None:
        """Show meeting ``d``."""
        self.field_set.load(d)
        self.attendance.table.set_attendees(d.attendee_rows)
        self.attendance.invited.set_ids(d.invited_org_ids)
        self.agenda.set_items(d.agenda_rows)
        self.agenda_tab.refresh()

    def record_id(self) -> int | None:
        """Override: the meeting's id."""
        return self.detail.id if self.detail is not None else None

    def collect(self) -> tuple[MeetingInput | None, dict[str, str]]:
        """The form as a ``MeetingInput`` plus the errors found while reading it."""
        values, errors = self.field_set.collect()
        values.pop("status", None)
        chair_id, chair_text = values.pop("chair") or (None, "")
        if values.get("series_id") is None:
            errors.setdefault("series_id", self.tr("Choose the working group or council."))
        if errors:
            return None, errors
        meeting = MeetingInput(
            **values,
            chair_person_id=chair_id,
            chair_text=chair_text,
            attendees=self.attendance.table.attendees(),
            invited_org_ids=self.attendance.invited.ids(),
            agenda=self.agenda.items(),
            links=self.detail.links if self.detail is not None else (),
            id=self.detail.id if self.detail else None,
            version=self.detail.version if self.detail else None,
        )
        return meeting, errors

    def show_errors(self, errors: dict[str, str]) -> None:
        """Each message next to its field or under its table; the rest in the banner."""
        rest = self.field_set.show_errors(errors)
        rest = self.attendance.table.show_row_errors(
            rest, "attendees", self.attendance.table.FIELDS, self.tr("Row")
        )
        rest = self.agenda.show_row_errors(rest, "agenda", self.agenda.FIELDS, self.tr("Row"))
        self.banner.setText("\n".join(rest.values()))
        self.banner.setVisible(bool(rest))
        if errors:
            first = next(iter(errors)).split(".")[0]
            tab = {"attendees": ATTENDANCE_TAB, "agenda": AGENDA_TAB}.get(first, GENERAL_TAB)
            self.tabs.setCurrentIndex(tab)

    # --- actions -----------------------------------------------------------------------

    def save(self) -> bool:
        """Save the meeting, then move its status if another one was chosen; stays open."""
        target = MeetingStatus(self.status_combo.currentData() or MeetingStatus.DRAFT.value)
        try:
            if not self.locked():
                meeting, errors = self.collect()
                self.show_errors(errors)
                if meeting is None:
                    return False
                self.detail = meetings_service.save_meeting(self.db, meeting=meeting)
            self._move_status(target)
        except ValidationError as exc:
            self.show_errors(exc.errors)
            self._after_save()
            return False
        except KnownError as exc:
            show_error(self, exc)
            self._after_save()
            return False
        self._after_save()
        self.take_snapshot()
        assert self.detail is not None and self.detail.id is not None
        self.saved.emit(self.detail.id)
        return True

    def _move_status(self, target: MeetingStatus) -> None:
        assert self.detail is not None and self.detail.id is not None
        if target.value == self.detail.status:
            return
        if target is MeetingStatus.APPROVED:
            if not self.confirm(
                self.tr("Approve the minutes"),
                self.tr(
                    "Approve these minutes? They will be locked; a later correction makes a new version."
                ),
            ):
                return
            self.detail = meetings_service.approve_minutes(
                self.db, meeting_id=self.detail.id, version=self.detail.version,
                approved_by=str(self.ctx.settings.get(S.MY_NAME) or "").strip(),
            )  # fmt: skip
        else:
            self.detail = meetings_service.set_meeting_status(
                self.db, meeting_id=self.detail.id, status=target.value, version=self.detail.version
            )

    def _after_save(self) -> None:
        if self.detail is not None:
            self.load(self.detail)
        self.retranslate_ui()

    def ask_reason(self) -> str | None:
        """The correction's reason typed by the clerk, None when cancelled (tests replace this)."""
        text, ok = QInputDialog.getMultiLineText(
            self, self.tr("New version of the minutes"),
            self.tr("Why are the approved minutes corrected? The reason is kept with the approved version."),
        )  # fmt: skip
        return text.strip() if ok and text.strip() else None

    def new_version(self, reason: str | None = None) -> bool:
        """Reopen approved minutes as the next version (the approved one is kept)."""
        if self.detail is None or not self.locked():
            return False
        reason = reason if reason is not None else self.ask_reason()
        if not reason:
            return False
        try:
            self.detail = meetings_service.start_correction(
                self.db, meeting_id=self.detail.id, reason=reason, version=self.detail.version
            )
        except KnownError as exc:
            show_error(self, exc)
            return False
        self._after_save()
        self.take_snapshot()
        assert self.detail.id is not None
        self.saved.emit(self.detail.id)
        return True

    def print_kind(self, kind: str, suffix: str = ".pdf") -> object:
        """Print the minutes or the letters to the bodies (PDF or Word) off the GUI thread."""
        if self.detail is None:
            self.banner.setText(self.tr("Save the meeting first; then it can be printed."))
            self.banner.show()
            return None
        self.print_job = print_pdf(
            self._runner(), self.db, kind, {"meeting": self.detail.id}, parent=self,
            out=report_path(kind, suffix),
        )  # fmt: skip
        return self.print_job

    def _raw_state(self) -> list[object]:
        return [self.field_set.raw_state(), self.attendance.raw_state(), self.agenda.raw_rows()]
