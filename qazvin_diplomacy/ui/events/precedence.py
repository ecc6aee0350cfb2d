"""The precedence and seating tabs of an event.

Precedence: the order the rules give (``services.events.precedence_list``), ties and missing
dates flagged for a human; the user moves rows and saves the order as a manual override,
or clears it; "Rank table…" edits the office's rank table (``ui.events.rank_table``) and
re-ranks the list when it is saved.  Seating: tables, seats assigned by precedence, manual placements kept; a
seat given twice is refused with the service's Persian message.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from qazvin_diplomacy.core.access import is_admin
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.events import GuestList, Rsvp, SeatingView
from qazvin_diplomacy.core.seating import InterpreterPlacement, TableShape, TableSpec
from qazvin_diplomacy.services import events as events_service
from qazvin_diplomacy.ui.common import ID_ROLE, FieldError, read_only_rows, show_error, show_refusal
from qazvin_diplomacy.ui.events.models import PrecedenceModel, guest_name
from qazvin_diplomacy.ui.events.rank_table import RankTableDialog
from qazvin_diplomacy.ui.events.widgets import EventTab, PersonPicker
from qazvin_diplomacy.ui.i18n import is_rtl, loc_digits, loc_text


class PrecedenceTab(EventTab):
    """The order of precedence with its flags; reorder and save as a manual order, or clear."""

    def build_ui(self) -> None:
        """Intro and filter, the flags, the ordered list, its buttons."""
        self.guest_list: GuestList | None = None
        self.dirty = False
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.yes_only = QCheckBox(self)
        top.addWidget(self.intro, 1)
        top.addWidget(self.yes_only)
        layout.addLayout(top)
        self.flags = QLabel(self)
        self.flags.setWordWrap(True)
        self.flags.setTextFormat(Qt.TextFormat.PlainText)
        self.flags.setStyleSheet(
            "background: #fff0c2; border: 1px solid #e6c860; padding: 6px; color: #7a4b00;"
        )
        layout.addWidget(self.flags)
        self.model = PrecedenceModel(self)
        self.table = read_only_rows(QTableView(self))
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()  # the rank column numbers the rows already
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((60, 190, 120, 150, 300, 110)):
            self.table.setColumnWidth(col, width)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.up_button = QPushButton(self)
        self.down_button = QPushButton(self)
        self.save_button = QPushButton(self)
        self.clear_button = QPushButton(self)
        self.rank_table_button = QPushButton(self)
        for b in (self.up_button, self.down_button, self.save_button, self.clear_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.rank_table_button)
        layout.addLayout(buttons)
        self.error = FieldError(self)
        layout.addWidget(self.error)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        self.save_button.clicked.connect(self.save_order)
        self.clear_button.clicked.connect(self.clear_order)
        self.rank_table_button.clicked.connect(lambda: self.open_rank_table())
        self.rank_table_button.setVisible(is_admin())  # the rank table is the administrator's
        self.yes_only.toggled.connect(lambda _c: self.reload())

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.intro.setText(
            self.tr(
                "Heads of mission by class, then by the date and time they took up their "
                "functions (Vienna Convention, arts. 14 and 16); chargés d'affaires a.i. after "
                "them; other guests by the office's rank table. Rows marked for a decision are "
                "never guessed: move them into the right order and save it."
            )
        )
        self.yes_only.setText(self.tr("Only guests attending (receiving line)"))
        self.up_button.setText(self.tr("Move up"))
        self.down_button.setText(self.tr("Move down"))
        self.save_button.setText(self.tr("Save this order"))
        self.clear_button.setText(self.tr("Clear the manual order"))
        self.rank_table_button.setText(self.tr("Rank table…"))
        self.rank_table_button.setToolTip(
            self.tr("Edit the office's rank table that orders guests who are not heads of mission")
        )
        self.model.retranslate()
        self._show_flags()

    def set_event(self, event_id: int | None) -> None:
        """Show the order of ``event_id`` (None: nothing)."""
        self.event_id = event_id
        for b in (self.up_button, self.down_button, self.save_button, self.clear_button):
            b.setEnabled(event_id is not None)
        self.reload()

    def reload(self) -> None:
        """Re-read the order from the service (forgets unsaved moves)."""
        self.error.show_error("")
        self.dirty = False
        if self.event_id is None:
            self.guest_list = None
            self.model.set_rows([])
        else:
            self.guest_list = events_service.precedence_list(
                self.db,
                event_id=self.event_id,
                rsvp=Rsvp.YES if self.yes_only.isChecked() else None,
            )
            self.model.set_rows(self.guest_list.guests)
        self._show_flags()

    def open_rank_table(self) -> RankTableDialog:
        """Open the rank table editor (window-modal); saving it re-ranks this list."""
        dialog = RankTableDialog(self.db, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self.reload)
        dialog.status.connect(self.status.emit)
        dialog.open()
        return dialog

    def _show_flags(self) -> None:
        flags = self.guest_list.open_flags if self.guest_list else ()
        if not flags:
            self.flags.setText(
                self.tr("No tie or missing date: the order is decided by the rules.")
            )
            self.flags.setStyleSheet(
                "background: #e8f5e9; border: 1px solid #a5d6a7; padding: 6px; color: #1b5e20;"
            )
            return
        self.flags.setStyleSheet(
            "background: #fff0c2; border: 1px solid #e6c860; padding: 6px; color: #7a4b00;"
        )
        head = self.tr("%1 points need a human decision:").replace("%1", loc_digits(len(flags)))
        lines = [f"• {loc_text(f.message_fa) if is_rtl() else f.message_en}" for f in flags]
        self.flags.setText("\n".join([head, *lines]))

    def move(self, delta: int) -> None:
        """Move the selected row up or down (saved with "Save this order")."""
        row = self.table.currentIndex().row()
        if row < 0:
            return
        new = self.model.move(row, delta)
        self.table.setCurrentIndex(self.model.index(new, 0))
        self.dirty = self.dirty or new != row

    def save_order(self) -> GuestList | None:
        """Keep the shown order as the manual order of precedence."""
        if self.event_id is None:
            return None
        try:
            result = events_service.set_precedence_override(
                self.db, event_id=self.event_id, person_ids=self.model.person_ids()
            )
        except KnownError as exc:
            show_refusal(self, self.error, exc)
            return None
        self.stored(self.tr("Manual order of precedence saved."))
        return result

    def clear_order(self) -> None:
        """Forget the manual order: the rules decide again."""
        if self.event_id is None:
            return
        try:
            events_service.clear_precedence_override(self.db, event_id=self.event_id)
        except KnownError as exc:
            show_error(self, exc)
            return
        self.stored(self.tr("Manual order cleared; the rules decide again."))


class SeatingTab(EventTab):
    """Tables, seats by precedence, manual placements (kept) and the guests left unseated."""

    def build_ui(self) -> None:
        """The tables and their fields, the plan, the unseated guests, placing by hand."""
        self.seating: SeatingView | None = None
        layout = QVBoxLayout(self)
        # tables
        self.tables_box = QGroupBox(self)
        tl = QVBoxLayout(self.tables_box)
        self.tables = read_only_rows(
            QTableWidget(0, 5, self.tables_box), QAbstractItemView.SelectionMode.ExtendedSelection
        )
        self.tables.horizontalHeader().setStretchLastSection(True)
        self.tables.verticalHeader().hide()  # the table column numbers the rows already
        self.tables.setMaximumHeight(130)
        for col, width in enumerate((60, 60, 150, 240)):
            self.tables.setColumnWidth(col, width)
        tl.addWidget(self.tables)
        add = QHBoxLayout()
        self.number = QSpinBox(self.tables_box)
        self.number.setRange(1, 200)
        self.capacity = QSpinBox(self.tables_box)
        self.capacity.setRange(1, 500)
        self.capacity.setValue(10)
        self.shape = QComboBox(self.tables_box)
        self.host = PersonPicker(self.db, self.tables_box, rows=3)
        self.label = QLineEdit(self.tables_box)
        self.add_labels = [QLabel(self.tables_box) for _ in range(3)]
        add.addWidget(self.add_labels[0])
        add.addWidget(self.number)
        add.addWidget(self.add_labels[1])
        add.addWidget(self.capacity)
        add.addWidget(self.shape)
        add.addWidget(self.add_labels[2])
        add.addWidget(self.host, 2)
        add.addWidget(self.label, 1)
        tl.addLayout(add)
        tb = QHBoxLayout()
        self.add_table_button = QPushButton(self.tables_box)
        self.remove_table_button = QPushButton(self.tables_box)
        self.interpreters = QComboBox(self.tables_box)
        self.include_no_reply = QCheckBox(self.tables_box)
        self.assign_button = QPushButton(self.tables_box)
        tb.addWidget(self.add_table_button)
        tb.addWidget(self.remove_table_button)
        tb.addStretch(1)
        tb.addWidget(self.interpreters)
        tb.addWidget(self.include_no_reply)
        tb.addWidget(self.assign_button)
        tl.addLayout(tb)
        layout.addWidget(self.tables_box)
        # plan
        self.plan = read_only_rows(
            QTableWidget(0, 4, self), QAbstractItemView.SelectionMode.ExtendedSelection
        )
        self.plan.horizontalHeader().setStretchLastSection(True)
        self.plan.verticalHeader().hide()  # a row number beside the table's read «۱ ۲»
        self.plan.setColumnWidth(2, 260)
        layout.addWidget(self.plan, 1)
        self.unseated = QLabel(self)
        self.unseated.setWordWrap(True)
        layout.addWidget(self.unseated)
        # manual placement
        manual = QHBoxLayout()
        self.manual_label = QLabel(self)
        self.guest = QComboBox(self)
        self.guest.setMinimumWidth(200)
        self.table_no = QSpinBox(self)
        self.table_no.setRange(1, 200)
        self.seat_no = QSpinBox(self)
        self.seat_no.setRange(1, 500)
        self.behind = QCheckBox(self)
        self.place_button = QPushButton(self)
        self.unplace_button = QPushButton(self)
        self.manual_labels = [QLabel(self) for _ in range(2)]
        manual.addWidget(self.manual_label)
        manual.addWidget(self.guest, 2)
        manual.addWidget(self.manual_labels[0])
        manual.addWidget(self.table_no)
        manual.addWidget(self.manual_labels[1])
        manual.addWidget(self.seat_no)
        manual.addWidget(self.behind)
        manual.addWidget(self.place_button)
        manual.addWidget(self.unplace_button)
        layout.addLayout(manual)
        self.error = FieldError(self)
        layout.addWidget(self.error)
        self.add_table_button.clicked.connect(self.add_table_from_fields)
        self.remove_table_button.clicked.connect(self.remove_table)
        self.assign_button.clicked.connect(self.assign)
        self.place_button.clicked.connect(self.place)
        self.unplace_button.clicked.connect(self.unplace)
        self.behind.toggled.connect(lambda c: self.seat_no.setEnabled(not c))

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.tables_box.setTitle(self.tr("Tables"))
        self.tables.setHorizontalHeaderLabels(list(self._table_headers()))
        self.plan.setHorizontalHeaderLabels(list(self._plan_headers()))
        for label, text in zip(
            self.add_labels, (self.tr("Table"), self.tr("Seats"), self.tr("Host")), strict=True
        ):
            label.setText(text)
        self.label.setPlaceholderText(self.tr("Label (e.g. head table)"))
        current = self.shape.currentData()
        self.shape.clear()
        self.shape.addItem(self.tr("Round table"), TableShape.ROUND.value)
        self.shape.addItem(self.tr("Straight (head) table"), TableShape.STRAIGHT.value)
        self.shape.setCurrentIndex(max(self.shape.findData(current), 0))
        current = self.interpreters.currentData()
        self.interpreters.clear()
        self.interpreters.addItem(self.tr("Interpreters behind their principal"), "behind")
        self.interpreters.addItem(self.tr("Interpreters beside their principal"), "beside")
        self.interpreters.setCurrentIndex(max(self.interpreters.findData(current), 0))
        self.include_no_reply.setText(self.tr("Also seat guests without a reply"))
        self.add_table_button.setText(self.tr("Add table"))
        self.remove_table_button.setText(self.tr("Remove table"))
        self.assign_button.setText(self.tr("Save tables and assign seats by precedence"))
        self.manual_label.setText(self.tr("Place by hand:"))
        self.manual_labels[0].setText(self.tr("Table"))
        self.manual_labels[1].setText(self.tr("Seat"))
        self.behind.setText(self.tr("Behind the principal"))
        self.place_button.setText(self.tr("Place"))
        self.unplace_button.setText(self.tr("Take off the plan"))
        self.number_rows(self.tables)
        if self.seating is not None:
            self._show_plan()

    def _table_headers(self) -> tuple[str, ...]:
        return (
            self.tr("Table"),
            self.tr("Seats"),
            self.tr("Shape"),
            self.tr("Host"),
            self.tr("Label"),
        )

    def _plan_headers(self) -> tuple[str, ...]:
        return (self.tr("Table"), self.tr("Seat"), self.tr("Guest"), self.tr("Placed by hand"))

    # --- data --------------------------------------------------------------------------

    def set_event(self, event_id: int | None) -> None:
        """Show the plan of ``event_id`` (None: nothing)."""
        self.event_id = event_id
        self.setEnabled(event_id is not None)
        self.reload()

    def reload(self) -> None:
        """Re-read the saved tables and plan."""
        self.error.show_error("")
        self.tables.setRowCount(0)
        if self.event_id is None:
            self.seating = None
            self.plan.setRowCount(0)
            self.guest.clear()
            return
        self.seating = events_service.get_seating(self.db, event_id=self.event_id)
        for tv in self.seating.tables:
            host = next((s for s in tv.seats if s.host_person_id is not None), None)
            self._add_table_row(
                tv.spec, (host.host_name_fa, host.host_name_en) if host else ("", "")
            )
        self._show_plan()
        guests = events_service.list_guests(self.db, event_id=self.event_id)
        current = self.guest.currentData()
        self.guest.clear()
        for g in guests:
            self.guest.addItem(guest_name(g), g.id)
        self.guest.setCurrentIndex(max(self.guest.findData(current), 0))
        self.number.setValue(len(self.seating.tables) + 1)

    @staticmethod
    def number_rows(table: QTableWidget) -> None:
        """Row numbers of ``table`` in the digits of the UI language."""
        for row in range(table.rowCount()):
            table.setVerticalHeaderItem(row, QTableWidgetItem(loc_digits(row + 1)))

    def _add_table_row(self, spec: TableSpec, host_names: tuple[str, str]) -> None:
        row = self.tables.rowCount()
        self.tables.insertRow(row)
        host = (host_names[0] or host_names[1]) if is_rtl() else (host_names[1] or host_names[0])
        shape = (
            self.tr("Round table")
            if spec.shape == TableShape.ROUND
            else self.tr("Straight (head) table")
        )
        values = [
            loc_digits(spec.number),
            loc_digits(spec.capacity),
            shape,
            loc_text(host),
            loc_text(spec.label),
        ]
        for col, value in enumerate(values):
            item = QTableWidgetItem(value)
            if col == 0:
                item.setData(ID_ROLE, spec)
                item.setData(ID_ROLE + 1, host_names)
            self.tables.setItem(row, col, item)
        self.number_rows(self.tables)

    def table_specs(self) -> list[TableSpec]:
        """The tables as listed."""
        return [self.tables.item(r, 0).data(ID_ROLE) for r in range(self.tables.rowCount())]

    def add_table(
        self,
        number: int,
        capacity: int,
        shape: TableShape = TableShape.ROUND,
        host: tuple[int, str, str] | None = None,
        label: str = "",
    ) -> None:
        """List a table (saved with "Save tables and assign seats")."""
        spec = TableSpec(
            number=number,
            capacity=capacity,
            shape=shape,
            host_key=host[0] if host else None,
            label=label,
        )
        self._add_table_row(spec, (host[1], host[2]) if host else ("", ""))

    def add_table_from_fields(self) -> None:
        """Add the table described by the fields under the list."""
        self.add_table(
            self.number.value(),
            self.capacity.value(),
            TableShape(self.shape.currentData()),
            self.host.person(),
            self.label.text(),
        )
        self.number.setValue(self.number.value() + 1)
        self.host.set_person(None)
        self.label.clear()

    def remove_table(self) -> None:
        """Remove the selected table from the list."""
        row = self.tables.currentRow()
        if row >= 0:
            self.tables.removeRow(row)
            self.number_rows(self.tables)

    def _show_plan(self) -> None:
        assert self.seating is not None
        rows: list[tuple[str, str, str, str]] = []
        tick = "✓"
        for tv in self.seating.tables:
            for seat in tv.seats:
                if seat.guest is not None:
                    name = guest_name(seat.guest)
                    manual = tick if seat.guest.seat_manual else ""
                elif seat.host_person_id is not None:
                    host = (
                        (seat.host_name_fa or seat.host_name_en)
                        if is_rtl()
                        else (seat.host_name_en or seat.host_name_fa)
                    )
                    name = f"{loc_text(host)} ({self.tr('host')})"
                    manual = ""
                else:
                    continue
                rows.append((loc_digits(tv.spec.number), loc_digits(seat.seat), name, manual))
            for g in tv.behind:
                rows.append(
                    (
                        loc_digits(tv.spec.number),
                        self.tr("behind"),
                        guest_name(g),
                        tick if g.seat_manual else "",
                    )
                )
        self.plan.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                self.plan.setItem(r, c, QTableWidgetItem(value))
        self.number_rows(self.plan)
        if self.seating.unseated:
            names = (
                "، ".join(guest_name(g) for g in self.seating.unseated)
                if is_rtl()
                else ", ".join(guest_name(g) for g in self.seating.unseated)
            )
            self.unseated.setText(
                self.tr("Attending but without a seat (%1): %2")
                .replace("%1", loc_digits(len(self.seating.unseated)))
                .replace("%2", names)
            )
        else:
            self.unseated.setText("")
        self.unseated.setVisible(bool(self.seating.unseated))

    def plan_rows(self) -> list[tuple[str, ...]]:
        """The plan's rows as shown (tests)."""
        return [
            tuple(self.plan.item(r, c).text() for c in range(self.plan.columnCount()))
            for r in range(self.plan.rowCount())
        ]

    # --- actions -----------------------------------------------------------------------

    def assign(self) -> SeatingView | None:
        """Save the listed tables and assign seats by precedence (manual seats kept)."""
        if self.event_id is None:
            return None
        self.error.show_error("")
        try:
            self.seating = events_service.save_seating(
                self.db,
                event_id=self.event_id,
                tables=self.table_specs(),
                interpreters=InterpreterPlacement(self.interpreters.currentData()),
                include_no_reply=self.include_no_reply.isChecked(),
            )
        except KnownError as exc:
            show_refusal(self, self.error, exc)
            return None
        self.stored(self.tr("Seating plan saved."))
        return self.seating

    def place(self) -> bool:
        """Place the chosen guest by hand at the chosen table and seat (kept on re-assigning)."""
        guest_id = self.guest.currentData()
        if guest_id is None:
            return False
        self.error.show_error("")
        seat = None if self.behind.isChecked() else self.seat_no.value()
        try:
            events_service.set_seat(
                self.db, guest_id=int(guest_id), table_no=self.table_no.value(), seat_no=seat
            )
        except KnownError as exc:
            show_refusal(self, self.error, exc)
            return False
        self.stored(self.tr("Seat saved."))
        return True

    def unplace(self) -> bool:
        """Take the chosen guest off the plan."""
        guest_id = self.guest.currentData()
        if guest_id is None:
            return False
        try:
            events_service.clear_seat(self.db, guest_id=int(guest_id))
        except KnownError as exc:
            show_error(self, exc)
            return False
        self.stored()
        return True
