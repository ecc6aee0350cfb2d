"""The gifts tab of the visit form: given/received rows and the repeated-gift warning."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from qazvin_diplomacy.core.visits import GiftDirection, GiftEntry, VisitInput
from qazvin_diplomacy.services import visits as visits_service
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.ui.common import refill_combo
from qazvin_diplomacy.ui.form_fields import fill_combo, relabel_combo
from qazvin_diplomacy.ui.forms_common import RowTable, date_cell_text
from qazvin_diplomacy.ui.i18n import QT_TRANSLATE_NOOP, loc_digits


def _tr(text: str) -> str:
    return QCoreApplication.translate("VisitForm", text)


class GiftsTab(RowTable):
    """Gift rows (direction and person are combo boxes) and a warning when a gift repeats.

    ``people()`` gives the (id, name) choices of the person column (the visit's guests and
    hosts); ``visit_id()`` the visit being edited, for the repeated-gift check.
    """

    HEADERS = (
        QT_TRANSLATE_NOOP("VisitForm", "Given / received"),
        QT_TRANSLATE_NOOP("VisitForm", "Gift"),
        QT_TRANSLATE_NOOP("VisitForm", "Person"),
        QT_TRANSLATE_NOOP("VisitForm", "Date"),
        QT_TRANSLATE_NOOP("VisitForm", "Notes"),
    )
    FIELDS = ("direction", "description", "person_id", "gift_date", "notes")
    PREFIX = "gifts"

    def __init__(
        self,
        db: DatabaseHandle,
        people: Callable[[], list[tuple[int, str]]],
        visit_id: Callable[[], int | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.HEADERS, (110, 240, 200, 120), parent)
        self.db = db
        self.people = people
        self.visit_id = visit_id
        self.add_button.clicked.connect(lambda: self.add_entry())
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b26a00; font-weight: bold;")
        self.warning.hide()
        self.layout().addWidget(self.warning)
        self.table.cellChanged.connect(lambda _r, _c: self.check())

    def retranslate(self, translate: Callable[[str], str]) -> None:
        """Headers, buttons and the direction combos in the UI language."""
        super().retranslate(translate)
        for row in range(self.table.rowCount()):
            relabel_combo(self.combo(row, 0), GiftDirection)

    def add_entry(self, gift: GiftEntry | None = None) -> int:
        """Append a gift row."""
        row = self.add_row(
            [
                "",
                gift.description if gift else "",
                "",
                date_cell_text(gift.gift_date) if gift else "",
                gift.notes if gift else "",
            ],
            gift.id if gift else None,
        )
        direction = QComboBox(self.table)
        fill_combo(direction, GiftDirection, gift.direction.value if gift else None)
        self.table.setCellWidget(row, 0, direction)
        person = QComboBox(self.table)
        self._fill_person_combo(person, gift.person_id if gift else None)
        self.table.setCellWidget(row, 2, person)
        direction.currentIndexChanged.connect(lambda _i: self.check())
        person.currentIndexChanged.connect(lambda _i: self.check())
        return row

    def _fill_person_combo(self, combo: QComboBox, selected: int | None) -> None:
        refill_combo(combo, [("—", None), *((name, pid) for pid, name in self.people())], selected)

    def refresh_people(self) -> None:
        """Offer the current guests and hosts in every row's person column."""
        for row in range(self.table.rowCount()):
            combo = self.combo(row, 2)
            self._fill_person_combo(combo, combo.currentData())

    def entries(self, errors: dict[str, str]) -> tuple[GiftEntry, ...]:
        """The rows as entries; an unreadable date goes into ``errors``."""
        gifts = []
        for row in range(self.table.rowCount()):
            gift_date = self.optional_date(row, "gift_date", errors)
            record_id, _v = self.record(row)
            gifts.append(
                GiftEntry(
                    direction=GiftDirection(self.combo(row, 0).currentData()),
                    description=self.text(row, 1),
                    person_id=self.combo(row, 2).currentData(),
                    gift_date=gift_date,
                    notes=self.text(row, 4),
                    id=record_id,
                )
            )
        return tuple(gifts)

    def gifts_only(self) -> VisitInput:
        """A ``VisitInput`` holding just the complete gift rows (for the repeated-gift check)."""
        gifts = []
        for row in range(self.table.rowCount()):
            if self.table.cellWidget(row, 0) is None or self.table.cellWidget(row, 2) is None:
                continue
            gifts.append(
                GiftEntry(
                    direction=GiftDirection(self.combo(row, 0).currentData()),
                    description=self.text(row, 1),
                    person_id=self.combo(row, 2).currentData(),
                )
            )
        return VisitInput(gifts=tuple(gifts), id=self.visit_id())

    def check(self) -> dict[int, str]:
        """Warn (under the table) about gifts already given to the same person."""
        visit = self.gifts_only()
        warnings = visits_service.gift_warnings(self.db, visit=visit) if visit.gifts else {}
        lines = [
            f"{_tr('Row')} {loc_digits(i + 1)}: {text}" for i, text in sorted(warnings.items())
        ]
        self.warning.setText("\n".join(lines))
        self.warning.setVisible(bool(lines))
        return warnings
