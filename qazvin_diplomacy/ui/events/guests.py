"""The guests tab of an event: invite (one person or by filter), replies, invitation details.

Every action here is saved at once through ``services.events`` (no separate Save): the
invitation list is shared with the check-in desk and must not wait for the event form.
The selected guest's fields are ``guest_editor.py``; inviting by filter is
``invite_dialog.py``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
)

from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.events import (
    GuestInput,
    GuestView,
    InvitationChannel,
    InviteResult,
    Rsvp,
)
from qazvin_diplomacy.services import events as events_service
from qazvin_diplomacy.ui.common import (
    FieldError,
    ask,
    keep_headers_whole,
    read_only_rows,
    show_error,
    show_refusal,
)
from qazvin_diplomacy.ui.events.guest_editor import GuestEditor
from qazvin_diplomacy.ui.events.invite_dialog import InviteByFilterDialog, fill_channels
from qazvin_diplomacy.ui.events.models import GuestTableModel, guest_name
from qazvin_diplomacy.ui.events.widgets import EventTab, PersonPicker
from qazvin_diplomacy.ui.i18n import current_language, is_rtl, loc_digits
from qazvin_diplomacy.ui.widgets.jalali import JalaliDateEdit

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


class GuestsTab(EventTab):
    """Invite people, and record invitation, reply, companions and remarks of each guest."""

    def build_ui(self) -> None:
        """Invite row, filters, the guest list beside the selected guest's editor, bulk row."""
        self.dialog: InviteByFilterDialog | None = None
        outer = QVBoxLayout(self)
        # invite
        invite_row = QHBoxLayout()
        self.picker = PersonPicker(self.db, self)
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
        self.table = read_only_rows(QTableView(splitter))
        self.table.setModel(self.model)
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
        keep_headers_whole(self.table)
        splitter.addWidget(self.table)
        self.editor = GuestEditor(splitter)
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
        self.editor.save_button.clicked.connect(self.save_guest)
        self.editor.remove_button.clicked.connect(self.remove_guest)
        self.editor.yes_button.clicked.connect(lambda: self.quick_reply(Rsvp.YES))
        self.editor.no_button.clicked.connect(lambda: self.quick_reply(Rsvp.NO))

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
        self.editor.retranslate(self.tr)
        fill_channels(self.bulk_channel, with_none=False)
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
        self.editor.show_guest(self.model.guest(row), self.model.rows)

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
        except KnownError as exc:
            show_refusal(self, self.invite_error, exc)
            return None
        self.picker.set_person(None)
        self.stored(self.tr("%1 invited.").replace("%1", guest_name(guest)))
        self.select_person(pid)
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
        self.stored(
            result.message_fa
            if is_rtl()
            else self.tr("%1 people invited, %2 skipped.")
            .replace("%1", str(len(result.invited)))
            .replace("%2", str(len(result.skipped)))
        )

    def save_guest(self) -> GuestView | None:
        """Save the editor's fields of the selected guest."""
        g = self.current_guest()
        if g is None:
            return None
        self.editor.clear_errors()
        guest, errors = self.editor.collect(g)
        if errors:
            self.editor.show_errors(errors)
            return None
        try:
            saved = events_service.update_guest(self.db, guest=guest)
        except KnownError as exc:
            show_refusal(self, self.editor.show_errors, exc)
            return None
        self.stored(self.tr("Guest saved."))
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
        except KnownError as exc:
            show_refusal(self, self.editor.show_errors, exc)
            return None
        self.stored(self.tr("Reply recorded."))
        return saved

    def confirm(self, title: str, text: str) -> bool:
        """Ask a yes/no question, "No" being the default and Escape (tests replace this)."""
        return ask(self, title, text)

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
        self.stored()
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
        self.stored(self.tr("%1 invitations recorded as sent.").replace("%1", loc_digits(count)))
        return count
