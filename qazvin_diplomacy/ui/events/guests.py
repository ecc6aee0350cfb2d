"""The guests tab of an event: invite (one person or by filter), replies, invitation details.

Every action here is saved at once through ``services.events`` (no separate Save): the
invitation list is shared with the check-in desk and must not wait for the event form.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core.directory import OrganizationKind
from qazvin_diplomacy.core.errors import KnownError, ValidationError
from qazvin_diplomacy.core.events import (
    GuestInput,
    GuestView,
    InvitationChannel,
    InviteCriteria,
    InviteResult,
    Rsvp,
)
from qazvin_diplomacy.services import directory
from qazvin_diplomacy.services import events as events_service
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.ui.common import FieldError, known_message, mark_field, show_error
from qazvin_diplomacy.ui.events.models import GuestTableModel, guest_name
from qazvin_diplomacy.ui.events.widgets import PersonPicker
from qazvin_diplomacy.ui.i18n import (
    QT_TRANSLATE_NOOP,
    Retranslating,
    current_language,
    is_rtl,
    loc_digits,
    loc_text,
)
from qazvin_diplomacy.ui.widgets.jalali import JalaliDateEdit

#: Country regions (``country.region``) with English names (Persian in the .ts).
REGIONS: tuple[tuple[str, str], ...] = (
    ("middle_east", QT_TRANSLATE_NOOP("Regions", "Middle East")),
    ("central_asia", QT_TRANSLATE_NOOP("Regions", "Central Asia")),
    ("caucasus", QT_TRANSLATE_NOOP("Regions", "Caucasus")),
    ("south_asia", QT_TRANSLATE_NOOP("Regions", "South Asia")),
    ("east_asia", QT_TRANSLATE_NOOP("Regions", "East Asia")),
    ("southeast_asia", QT_TRANSLATE_NOOP("Regions", "Southeast Asia")),
    ("europe", QT_TRANSLATE_NOOP("Regions", "Europe")),
    ("africa", QT_TRANSLATE_NOOP("Regions", "Africa")),
    ("north_america", QT_TRANSLATE_NOOP("Regions", "North America")),
    ("latin_america", QT_TRANSLATE_NOOP("Regions", "Latin America")),
    ("oceania", QT_TRANSLATE_NOOP("Regions", "Oceania")),
)


#: Guest table columns (``GuestTableModel.COLUMNS``): reply and attendance are shown right
#: after the name, then the others at these widths; the remarks (last) stretch.
GUEST_NAME_COL, GUEST_REPLY_COL, GUEST_ATTENDED_COL = 0, 6, 8
GUEST_FIRST_COLUMNS = (GUEST_REPLY_COL, GUEST_ATTENDED_COL)
GUEST_COLUMN_WIDTHS = {
    0: 190,
    1: 100,
    2: 170,
    3: 85,
    4: 95,
    5: 100,
    6: 85,
    7: 95,
    8: 70,
    9: 75,
    10: 160,
}


def fill_channels(combo: QComboBox, *, with_none: bool = True) -> None:
    """Put the invitation channels in ``combo`` (keeping the current choice)."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    if with_none:
        combo.addItem("—", None)
    for channel in InvitationChannel:
        combo.addItem(channel.label(current_language()), channel.value)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    combo.blockSignals(False)


def invite_report(result: InviteResult) -> str:
    """What an invitation run did, in the UI language, with every skipped person."""
    if is_rtl():
        lines = [result.message_fa]
        lines += [f"• {r.reason_fa}" for r in result.skipped]
        return "\n".join(lines)
    from PySide6.QtCore import QCoreApplication

    text = QCoreApplication.translate("InviteReport", "%1 people invited.").replace(
        "%1", str(len(result.invited))
    )
    lines = [text]
    if result.skipped:
        lines.append(
            QCoreApplication.translate(
                "InviteReport", "%1 skipped (already invited or archived):"
            ).replace("%1", str(len(result.skipped)))
        )
        lines += [f"• {r.name_fa}" for r in result.skipped]
    return "\n".join(lines)


class InviteByFilterDialog(Retranslating, QDialog):
    """Invite everyone matching a filter; a preview first, then a report of who was skipped."""

    invited = Signal(object)  # InviteResult

    def __init__(
        self,
        db: Database,
        event_id: int,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.event_id = event_id
        self.today = today
        self.result: InviteResult | None = None
        self.preview_ids: list[int] = []
        self.resize(620, 560)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.heads = QCheckBox(self)
        self.ad_interim = QCheckBox(self)
        self.ad_interim.setChecked(True)
        self.region = QComboBox(self)
        self.country = QComboBox(self)
        self.org_kind = QComboBox(self)
        self.sent_on = JalaliDateEdit(self)
        self.channel = QComboBox(self)
        self.labels = [QLabel(self) for _ in range(5)]
        form.addRow(self.heads)
        form.addRow(self.ad_interim)
        form.addRow(self.labels[0], self.region)
        form.addRow(self.labels[1], self.country)
        form.addRow(self.labels[2], self.org_kind)
        form.addRow(self.labels[3], self.sent_on)
        form.addRow(self.labels[4], self.channel)
        layout.addLayout(form)
        self.error = FieldError(self)
        layout.addWidget(self.error)
        self.preview_button = QPushButton(self)
        layout.addWidget(self.preview_button, 0, Qt.AlignmentFlag.AlignLeading)
        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
        layout.addWidget(self.preview, 1)
        self.buttons = QDialogButtonBox(self)
        self.invite_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        layout.addWidget(self.buttons)
        self.invite_button.setEnabled(False)
        self.preview_button.clicked.connect(self.run_preview)
        self.invite_button.clicked.connect(self.invite)
        self.close_button.clicked.connect(self.reject)
        for widget in (self.heads, self.ad_interim):
            widget.toggled.connect(lambda _c: self._criteria_changed())
        for combo in (self.region, self.country, self.org_kind):
            combo.currentIndexChanged.connect(lambda _i: self._criteria_changed())
        self._countries = directory.list_countries(db)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.setWindowTitle(self.tr("Invite by filter"))
        self.heads.setText(
            self.tr("All heads of mission (ambassadors, envoys, chargés d'affaires)")
        )
        self.ad_interim.setText(self.tr("Include chargés d'affaires ad interim"))
        for label, text in zip(
            self.labels,
            (
                self.tr("Region"),
                self.tr("Country"),
                self.tr("Organization kind"),
                self.tr("Invitation sent on"),
                self.tr("Sent by"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.preview_button.setText(self.tr("Preview who would be invited"))
        self.invite_button.setText(self.tr("Invite"))
        self._fill(self.region, self.tr("Any region"), [(k, self.tr_region(t)) for k, t in REGIONS])
        self._fill(
            self.country,
            self.tr("Any country"),
            [(c.id, c.name_fa if is_rtl() else c.name_en) for c in self._countries],
        )
        self._fill(
            self.org_kind,
            self.tr("Any kind of organization"),
            [
                (k.value, k.label_fa if is_rtl() else k.value.replace("_", " ").capitalize())
                for k in OrganizationKind
            ],
        )
        fill_channels(self.channel)

    @staticmethod
    def tr_region(text: str) -> str:
        """A region name in the UI language."""
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("Regions", text)

    @staticmethod
    def _fill(combo: QComboBox, any_text: str, items: list[tuple[object, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(any_text, None)
        for key, text in items:
            combo.addItem(text, key)
        combo.setCurrentIndex(max(combo.findData(current), 0) if current is not None else 0)
        combo.blockSignals(False)

    def criteria(self) -> InviteCriteria:
        """The filter as the service takes it."""
        return InviteCriteria(
            heads_of_mission=self.heads.isChecked(),
            include_ad_interim=self.ad_interim.isChecked(),
            region=self.region.currentData(),
            country_id=self.country.currentData(),
            organization_kind=self.org_kind.currentData(),
        )

    def _criteria_changed(self) -> None:
        self.invite_button.setEnabled(False)
        self.preview.clear()
        self.error.show_error("")

    def run_preview(self) -> list[int]:
        """List who matches, marking those already invited (they will be skipped)."""
        self.error.show_error("")
        try:
            ids = events_service.matching_people(self.db, criteria=self.criteria())
        except ValidationError as exc:
            self.error.show_error(next(iter(exc.errors.values()), known_message(exc)))
            self.invite_button.setEnabled(False)
            return []
        invited = {g.person_id for g in events_service.list_guests(self.db, event_id=self.event_id)}
        lines = []
        for pid in ids[:300]:
            p = directory.get_person(self.db, pid)
            name = loc_text((p.name_fa or p.name_en) if is_rtl() else (p.name_en or p.name_fa))
            title = loc_text(p.title_fa) if is_rtl() else (p.title_en or p.title_fa)
            mark = f" — {self.tr('already invited, will be skipped')}" if pid in invited else ""
            lines.append(f"• {name}" + (f" ({title})" if title else "") + mark)
        if len(ids) > 300:
            lines.append("…")
        new = sum(1 for pid in ids if pid not in invited)
        head = (
            self.tr("%1 people match; %2 will be invited, %3 are already invited.")
            .replace("%1", loc_digits(len(ids)))
            .replace("%2", loc_digits(new))
            .replace("%3", loc_digits(len(ids) - new))
        )
        self.preview.setPlainText("\n".join([head, "", *lines]))
        self.preview_ids = ids
        self.invite_button.setEnabled(new > 0)
        return ids

    def invite(self) -> InviteResult | None:
        """Invite everyone matching; the report (who was skipped) replaces the preview.

        A "sent on" date that is typed but not a valid Jalali date refuses the whole run:
        nothing is invited, the dialog stays open with what was typed and the error shown.
        """
        self.error.show_error("")
        message = self.sent_on.validate()
        if message:
            self.error.show_error(message)
            self.sent_on.setFocus()
            return None
        sent_on = self.sent_on.date()
        channel = self.channel.currentData()
        try:
            result = events_service.invite_by_filter(
                self.db,
                event_id=self.event_id,
                criteria=self.criteria(),
                sent_on=sent_on,
                channel=InvitationChannel(channel) if channel else None,
            )
        except ValidationError as exc:
            self.error.show_error("؛ ".join(exc.errors.values()) or known_message(exc))
            return None
        except KnownError as exc:
            show_error(self, exc)
            return None
        self.result = result
        self.preview.setPlainText(invite_report(result))
        self.invite_button.setEnabled(False)
        self.invited.emit(result)
        return result


class GuestsTab(Retranslating, QWidget):
    """Invite people, and record invitation, reply, companions and remarks of each guest."""

    changed = Signal()
    status = Signal(str)

    def __init__(
        self,
        db: Database,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.today = today
        self.event_id: int | None = None
        self.dialog: InviteByFilterDialog | None = None
        outer = QVBoxLayout(self)
        # invite
        invite_row = QHBoxLayout()
        self.picker = PersonPicker(db, self)
        self.invite_button = QPushButton(self)
        self.filter_button = QPushButton(self)
        invite_row.addWidget(self.picker, 1)
        invite_row.addWidget(self.invite_button, 0, Qt.AlignmentFlag.AlignTop)
        invite_row.addWidget(self.filter_button, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(invite_row)
        self.invite_error = FieldError(self)
        outer.addWidget(self.invite_error)
        # filters and the list
        filter_row = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.rsvp_filter = QComboBox(self)
        self.count_label = QLabel(self)
        filter_row.addWidget(self.search, 2)
        filter_row.addWidget(self.rsvp_filter, 1)
        filter_row.addWidget(self.count_label, 1)
        outer.addLayout(filter_row)
        splitter = QSplitter(self)
        self.model = GuestTableModel(self)
        self.table = QTableView(splitter)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Reply and attendance (what the office scans) come right after the name, so they
        # show at the form's default width; the remarks, last, take what is left.
        header.setStretchLastSection(True)
        for col, width in GUEST_COLUMN_WIDTHS.items():
            self.table.setColumnWidth(col, width)
        for visual, col in enumerate(GUEST_FIRST_COLUMNS, start=1):
            header.moveSection(header.visualIndex(col), visual)
        splitter.addWidget(self.table)
        self.editor = QGroupBox(splitter)
        self._build_editor()
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        outer.addWidget(splitter, 1)
        # bulk: invitations sent
        bulk = QHBoxLayout()
        self.bulk_label = QLabel(self)
        self.bulk_date = JalaliDateEdit(self)
        self.bulk_channel = QComboBox(self)
        self.bulk_button = QPushButton(self)
        bulk.addWidget(self.bulk_label)
        bulk.addWidget(self.bulk_date, 1)
        bulk.addWidget(self.bulk_channel, 1)
        bulk.addWidget(self.bulk_button)
        bulk.addStretch(1)
        outer.addLayout(bulk)

        self.invite_button.clicked.connect(self.invite_picked)
        self.picker.picked.connect(lambda _pid: self.invite_error.show_error(""))
        self.filter_button.clicked.connect(self.open_filter_dialog)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.rsvp_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.table.selectionModel().currentRowChanged.connect(
            lambda cur, _p: self.show_guest(cur.row())
        )
        self.bulk_button.clicked.connect(self.mark_all_sent)
        self.retranslate_ui()
        self.set_event(None)

    def _build_editor(self) -> None:
        form = QFormLayout(self.editor)
        self.name_label = QLabel(self.editor)
        self.name_label.setWordWrap(True)
        font = self.name_label.font()
        font.setBold(True)
        self.name_label.setFont(font)
        self.companions = QSpinBox(self.editor)
        self.companions.setRange(0, 20)
        self.sent_on = JalaliDateEdit(self.editor)
        self.channel = QComboBox(self.editor)
        self.rsvp = QComboBox(self.editor)
        self.rsvp_on = JalaliDateEdit(self.editor)
        self.interpreter_for = QComboBox(self.editor)
        self.remarks = QLineEdit(self.editor)
        self.field_labels = [QLabel(self.editor) for _ in range(7)]
        self.errors: dict[str, FieldError] = {}
        fields: list[tuple[str, QWidget]] = [
            ("companions", self.companions),
            ("invitation_sent_on", self.sent_on),
            ("invitation_channel", self.channel),
            ("rsvp", self.rsvp),
            ("rsvp_on", self.rsvp_on),
            ("interpreter_for_person_id", self.interpreter_for),
            ("remarks", self.remarks),
        ]
        form.addRow(self.name_label)
        for label, (key, widget) in zip(self.field_labels, fields, strict=True):
            box = QVBoxLayout()
            box.setSpacing(1)
            box.addWidget(widget)
            self.errors[key] = FieldError(self.editor)
            box.addWidget(self.errors[key])
            form.addRow(label, box)
        quick = QHBoxLayout()
        self.yes_button = QPushButton(self.editor)
        self.no_button = QPushButton(self.editor)
        quick.addWidget(self.yes_button)
        quick.addWidget(self.no_button)
        form.addRow(quick)
        actions = QHBoxLayout()
        self.save_button = QPushButton(self.editor)
        self.remove_button = QPushButton(self.editor)
        actions.addWidget(self.save_button)
        actions.addWidget(self.remove_button)
        form.addRow(actions)
        self.general_error = FieldError(self.editor)
        form.addRow(self.general_error)
        self.save_button.clicked.connect(self.save_guest)
        self.remove_button.clicked.connect(self.remove_guest)
        self.yes_button.clicked.connect(lambda: self.quick_reply(Rsvp.YES))
        self.no_button.clicked.connect(lambda: self.quick_reply(Rsvp.NO))

    # --- language ----------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.invite_button.setText(self.tr("Invite"))
        self.filter_button.setText(self.tr("Invite by filter…"))
        self.search.setPlaceholderText(self.tr("Filter guests by name"))
        current = self.rsvp_filter.currentData()
        self.rsvp_filter.blockSignals(True)
        self.rsvp_filter.clear()
        self.rsvp_filter.addItem(self.tr("All replies"), None)
        for r in Rsvp:
            self.rsvp_filter.addItem(r.label(current_language()), r.value)
        self.rsvp_filter.setCurrentIndex(max(self.rsvp_filter.findData(current), 0))
        self.rsvp_filter.blockSignals(False)
        self.editor.setTitle(self.tr("Selected guest"))
        for label, text in zip(
            self.field_labels,
            (
                self.tr("Companions"),
                self.tr("Invitation sent on"),
                self.tr("Sent by"),
                self.tr("Reply"),
                self.tr("Reply date"),
                self.tr("Interpreter for"),
                self.tr("Remarks (interpreter, dietary…)"),
            ),
            strict=True,
        ):
            label.setText(text)
        fill_channels(self.channel)
        fill_channels(self.bulk_channel, with_none=False)
        current = self.rsvp.currentData()
        self.rsvp.clear()
        for r in Rsvp:
            self.rsvp.addItem(r.label(current_language()), r.value)
        self.rsvp.setCurrentIndex(max(self.rsvp.findData(current), 0))
        self.yes_button.setText(self.tr("Replied: attending"))
        self.no_button.setText(self.tr("Replied: declined"))
        self.save_button.setText(self.tr("Save guest"))
        self.remove_button.setText(self.tr("Withdraw invitation"))
        self.bulk_label.setText(self.tr("Record invitations as sent on"))
        self.bulk_button.setText(self.tr("Apply to all guests"))
        self.model.retranslate()
        self._update_count()
        self.show_guest(self.table.currentIndex().row())

    # --- data --------------------------------------------------------------------------

    def set_event(self, event_id: int | None) -> None:
        """Show the guests of ``event_id`` (None: an unsaved event, nothing to show)."""
        self.event_id = event_id
        for widget in (self.picker, self.invite_button, self.filter_button, self.bulk_button):
            widget.setEnabled(event_id is not None)
        self.reload()

    def reload(self) -> None:
        """Re-read the guests (filters in SQL), keeping the selection."""
        current = self.current_guest()
        if self.event_id is None:
            self.model.set_rows([])
        else:
            rsvp = self.rsvp_filter.currentData()
            self.model.set_rows(
                events_service.list_guests(
                    self.db,
                    event_id=self.event_id,
                    text=self.search.text(),
                    rsvp=Rsvp(rsvp) if rsvp else None,
                )
            )
        self._update_count()
        row = self.model.row_of(current.id) if current and current.id else -1
        if row < 0 and self.model.rows:
            row = 0  # the editor is ready for the first guest
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))
        self.show_guest(row)

    def _update_count(self) -> None:
        rows = self.model.rows
        yes = sum(g.rsvp is Rsvp.YES for g in rows)
        no = sum(g.rsvp is Rsvp.NO for g in rows)
        self.count_label.setText(
            self.tr("%1 guests — attending %2, declined %3, no reply %4")
            .replace("%1", loc_digits(len(rows)))
            .replace("%2", loc_digits(yes))
            .replace("%3", loc_digits(no))
            .replace("%4", loc_digits(len(rows) - yes - no))
        )

    def current_guest(self) -> GuestView | None:
        """The guest selected in the table."""
        return self.model.guest(self.table.currentIndex().row())

    def select_person(self, person_id: int) -> bool:
        """Select the row of ``person_id`` (tests, and after inviting)."""
        for row, g in enumerate(self.model.rows):
            if g.person_id == person_id:
                self.table.setCurrentIndex(self.model.index(row, 0))
                return True
        return False

    def show_guest(self, row: int) -> None:
        """Fill the editor with the guest of ``row`` (disabled when none)."""
        g = self.model.guest(row)
        self.editor.setEnabled(g is not None)
        self._clear_errors()
        if g is None:
            self.name_label.setText(self.tr("Select a guest in the list."))
            return
        self.name_label.setText(
            f"{guest_name(g)}\n{loc_text(g.title_fa if is_rtl() else (g.title_en or g.title_fa))}"
        )
        self.companions.setValue(g.companions)
        self.sent_on.setDate(g.invitation_sent_on)
        self.channel.setCurrentIndex(
            max(
                self.channel.findData(g.invitation_channel.value if g.invitation_channel else None),
                0,
            )
        )
        self.rsvp.setCurrentIndex(max(self.rsvp.findData(g.rsvp.value), 0))
        self.rsvp_on.setDate(g.rsvp_on)
        self.interpreter_for.clear()
        self.interpreter_for.addItem("—", None)
        for other in self.model.rows:
            if other.person_id != g.person_id:
                self.interpreter_for.addItem(guest_name(other), other.person_id)
        self.interpreter_for.setCurrentIndex(
            max(self.interpreter_for.findData(g.interpreter_for_person_id), 0)
            if g.interpreter_for_person_id is not None
            else 0
        )
        self.remarks.setText(g.remarks)

    def _clear_errors(self) -> None:
        for label in self.errors.values():
            label.show_error("")
        mark_field(self.remarks, False)
        self.general_error.show_error("")

    def _show_errors(self, errors: dict[str, str]) -> None:
        shown = False
        for key, message in errors.items():
            label = self.errors.get(key)
            if label is not None:
                label.show_error(message)
                shown = True
        if not shown:
            self.general_error.show_error("؛ ".join(errors.values()))

    # --- actions -----------------------------------------------------------------------

    def invite_picked(self) -> GuestView | None:
        """Invite the person chosen in the picker (an already invited person is refused)."""
        self.invite_error.show_error("")
        if self.event_id is None:
            return None
        pid = self.picker.person_id()
        if pid is None:
            self.picker.pick_current()
            pid = self.picker.person_id()
        if pid is None:
            self.invite_error.show_error(self.tr("Choose a person from the directory first."))
            return None
        try:
            guest = events_service.invite_guest(
                self.db, event_id=self.event_id, guest=GuestInput(person_id=pid)
            )
        except ValidationError as exc:
            self.invite_error.show_error("؛ ".join(exc.errors.values()) or known_message(exc))
            return None
        except KnownError as exc:
            show_error(self, exc)
            return None
        self.picker.set_person(None)
        self.reload()
        self.select_person(pid)
        self.status.emit(self.tr("%1 invited.").replace("%1", guest_name(guest)))
        self.changed.emit()
        return guest

    def open_filter_dialog(self) -> InviteByFilterDialog | None:
        """Open the invite-by-filter dialog (non-modal)."""
        if self.event_id is None:
            return None
        dialog = InviteByFilterDialog(self.db, self.event_id, self, today=self.today)
        dialog.invited.connect(self._invited)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _invited(self, result: InviteResult) -> None:
        self.reload()
        self.status.emit(
            result.message_fa
            if is_rtl()
            else self.tr("%1 people invited, %2 skipped.")
            .replace("%1", str(len(result.invited)))
            .replace("%2", str(len(result.skipped)))
        )
        self.changed.emit()

    def collect(self, g: GuestView) -> tuple[GuestInput, dict[str, str]]:
        """The editor as a ``GuestInput`` for guest ``g``, with the date errors found."""
        errors = {}
        for key, edit in (("invitation_sent_on", self.sent_on), ("rsvp_on", self.rsvp_on)):
            message = edit.validate()
            if message:
                errors[key] = message
        channel = self.channel.currentData()
        interpreter = self.interpreter_for.currentData()
        return (
            GuestInput(
                person_id=g.person_id,
                companions=self.companions.value(),
                invitation_sent_on=self.sent_on.date(),
                invitation_channel=InvitationChannel(channel) if channel else None,
                rsvp=Rsvp(self.rsvp.currentData()),
                rsvp_on=self.rsvp_on.date(),
                interpreter_for_person_id=int(interpreter) if interpreter is not None else None,
                remarks=self.remarks.text(),
                id=g.id,
                version=g.version,
            ),
            errors,
        )

    def save_guest(self) -> GuestView | None:
        """Save the editor's fields of the selected guest."""
        g = self.current_guest()
        if g is None:
            return None
        self._clear_errors()
        guest, errors = self.collect(g)
        if errors:
            self._show_errors(errors)
            return None
        try:
            saved = events_service.update_guest(self.db, guest=guest)
        except ValidationError as exc:
            self._show_errors(exc.errors)
            return None
        except KnownError as exc:
            show_error(self, exc)
            return None
        self.reload()
        self.status.emit(self.tr("Guest saved."))
        self.changed.emit()
        return saved

    def quick_reply(self, rsvp: Rsvp) -> GuestView | None:
        """Record the selected guest's reply dated today."""
        g = self.current_guest()
        if g is None:
            return None
        try:
            saved = events_service.record_rsvp(
                self.db, guest_id=g.id or 0, rsvp=rsvp, rsvp_on=self.today(), version=g.version
            )
        except ValidationError as exc:
            self._show_errors(exc.errors)
            return None
        except KnownError as exc:
            show_error(self, exc)
            return None
        self.reload()
        self.status.emit(self.tr("Reply recorded."))
        self.changed.emit()
        return saved

    def confirm(self, title: str, text: str) -> bool:
        """Ask a yes/no question (tests replace this)."""
        from PySide6.QtWidgets import QMessageBox

        return QMessageBox.question(self, title, text) == QMessageBox.StandardButton.Yes

    def remove_guest(self) -> bool:
        """Withdraw the selected invitation after confirmation."""
        g = self.current_guest()
        if g is None or not self.confirm(
            self.tr("Withdraw invitation"),
            self.tr("Withdraw the invitation of %1?").replace("%1", guest_name(g)),
        ):
            return False
        try:
            events_service.remove_guest(self.db, guest_id=g.id or 0, version=g.version)
        except KnownError as exc:
            show_error(self, exc)
            return False
        self.reload()
        self.changed.emit()
        return True

    def mark_all_sent(self) -> int:
        """Record every invitation of the event as sent on the chosen date and channel."""
        if self.event_id is None:
            return 0
        message = self.bulk_date.validate()
        day = self.bulk_date.date()
        if message or day is None:
            self.bulk_date.set_error(message or self.tr("A date is required."))
            return 0
        count = events_service.record_invitations_sent(
            self.db,
            event_id=self.event_id,
            sent_on=day,
            channel=InvitationChannel(self.bulk_channel.currentData()),
        )
        self.reload()
        self.status.emit(
            self.tr("%1 invitations recorded as sent.").replace("%1", loc_digits(count))
        )
        self.changed.emit()
        return count
