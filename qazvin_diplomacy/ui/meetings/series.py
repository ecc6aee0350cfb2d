"""Meeting series (working groups, councils): their list tab and their form.

The form: names (Persian, English), chair and secretary (from the directory or typed), the
default venue and hours, the Jalali rhythm with the sessions it plans next (a holiday
flagged), the number of the first session recorded here, the standing members (people or
bodies) and notes.  The next session's number is shown; "New meeting" opens a session of
the series with that number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core.errors import KnownError, ValidationError
from qazvin_diplomacy.core.meetings import MemberInput, SeriesInput, SeriesView
from qazvin_diplomacy.services import meetings as meetings_service
from qazvin_diplomacy.ui.agreements.parties import DirectoryNames
from qazvin_diplomacy.ui.agreements.widgets import SearchPicker
from qazvin_diplomacy.ui.common import ID_ROLE, show_error
from qazvin_diplomacy.ui.form_fields import (
    FieldSet,
    FieldSpec,
    spin_box,
    text_area,
    text_field,
    time_field,
)
from qazvin_diplomacy.ui.forms_common import RowTable
from qazvin_diplomacy.ui.i18n import QT_TRANSLATE_NOOP, Retranslating, loc_digits
from qazvin_diplomacy.ui.icons import icon
from qazvin_diplomacy.ui.list_page import ListTable
from qazvin_diplomacy.ui.meetings.models import SeriesTableModel, fa_en
from qazvin_diplomacy.ui.meetings.pickers import PEOPLE, PickField
from qazvin_diplomacy.ui.meetings.record_dialog import MeetingsRecordDialog
from qazvin_diplomacy.ui.meetings.recurrence import SeriesRecurrenceBox
from qazvin_diplomacy.ui.modules import UiContext

KIND_ROLE = Qt.ItemDataRole.UserRole + 3


def person_field(
    name: str, label: str, *, id_attr: str = "", text_attr: str = "", **options: Any
) -> FieldSpec:
    """A person picked from the directory or typed: loaded from ``id_attr`` and ``text_attr``
    (default ``<name>_person_id``, ``<name>_text``), collected as ``(person id, text)``."""
    id_attr = id_attr or f"{name}_person_id"
    text_attr = text_attr or f"{name}_text"
    options.setdefault("errors", (id_attr, text_attr))
    return FieldSpec(
        name,
        label,
        lambda form, parent: PickField(form.names, PEOPLE, parent),
        load=lambda w, r: w.set_value(getattr(r, id_attr), getattr(r, text_attr)),
        collect=PickField.value,
        raw=PickField.raw,
        relabel=PickField.relabel,
        **options,
    )


class MembersTable(RowTable):
    """Standing members: a person or a body from the directory, and their role."""

    HEADERS = (
        QT_TRANSLATE_NOOP("SeriesDialog", "Member"),
        QT_TRANSLATE_NOOP("SeriesDialog", "Person or body"),
        QT_TRANSLATE_NOOP("SeriesDialog", "Role"),
    )
    FIELDS = ("member", "kind", "role")
    PREFIX = "members"
    #: Texts passed through the form's ``translate`` (listed for the translation scan).
    TEXTS = (
        QT_TRANSLATE_NOOP("SeriesDialog", "Person"),
        QT_TRANSLATE_NOOP("SeriesDialog", "Body"),
        QT_TRANSLATE_NOOP("SeriesDialog", "Add row"),
        QT_TRANSLATE_NOOP("SeriesDialog", "Remove row"),
        QT_TRANSLATE_NOOP("SeriesDialog", "Add a person: type part of a name"),
        QT_TRANSLATE_NOOP("SeriesDialog", "Add a body: type part of its name"),
    )

    def __init__(self, names: DirectoryNames, parent: QWidget | None = None) -> None:
        super().__init__(self.HEADERS, (300, 110, 200), parent)
        self.names = names
        self.add_button.hide()
        pick_row = QHBoxLayout()
        self.person_picker = SearchPicker(names.search_people, self, rows=4)
        self.body_picker = SearchPicker(names.search_organizations, self, rows=4)
        pick_row.addWidget(self.person_picker, 1)
        pick_row.addWidget(self.body_picker, 1)
        self.layout().insertLayout(0, pick_row)
        self.person_picker.activated.connect(
            lambda i, _t: self.add_member(MemberInput(person_id=i))
        )
        self.body_picker.activated.connect(
            lambda i, _t: self.add_member(MemberInput(organization_id=i))
        )

    def retranslate(self, translate: Callable[[str], str]) -> None:
        """Headers, placeholders and the members' names in the UI language."""
        super().retranslate(translate)
        self.person_picker.line.setPlaceholderText(translate("Add a person: type part of a name"))
        self.body_picker.line.setPlaceholderText(translate("Add a body: type part of its name"))
        for row in range(self.table.rowCount()):
            item, kind = self.table.item(row, 0), self.table.item(row, 1)
            is_person = kind.data(KIND_ROLE) == PEOPLE
            item.setText(self._name(int(item.data(ID_ROLE)), is_person))
            kind.setText(translate("Person" if is_person else "Body"))

    def _name(self, record_id: int, is_person: bool) -> str:
        if is_person:
            self.names.ensure_person(record_id)
            return self.names.person_name(record_id)
        self.names.ensure_org(record_id)
        return self.names.org_name(record_id)

    def add_member(self, member: MemberInput) -> int:
        """Append a member row (a person or a body)."""
        is_person = member.person_id is not None
        record_id = member.person_id if is_person else member.organization_id
        assert record_id is not None
        row = self.add_row(["", "", member.role], record_id)
        for col in (0, 1):
            item = self.table.item(row, col)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.item(row, 0).setText(self._name(record_id, is_person))
        self.table.item(row, 1).setData(KIND_ROLE, PEOPLE if is_person else "bodies")
        kind = QCoreApplication.translate("SeriesDialog", self.TEXTS[0 if is_person else 1])
        self.table.item(row, 1).setText(kind)
        return row

    def set_members(self, members: tuple[MemberInput, ...]) -> None:
        """Show ``members`` in place of the rows."""
        self.table.setRowCount(0)
        for member in members:
            self.add_member(member)

    def members(self) -> tuple[MemberInput, ...]:
        """The rows as member inputs."""
        out = []
        for row in range(self.table.rowCount()):
            record_id = int(self.table.item(row, 0).data(ID_ROLE))
            is_person = self.table.item(row, 1).data(KIND_ROLE) == PEOPLE
            out.append(
                MemberInput(
                    person_id=record_id if is_person else None,
                    organization_id=None if is_person else record_id,
                    role=self.text(row, 2),
                )
            )
        return tuple(out)


class SeriesDialog(Retranslating, MeetingsRecordDialog):
    """Create or edit a meeting series; ``saved(int)`` after each save."""

    REOPEN = "open_series"  # the page's opener, for «Reload» after a stale save

    saved = Signal(int)

    DISCARD_QUESTION = QT_TRANSLATE_NOOP(
        "SeriesDialog", "The series has unsaved changes. Close the form and discard them?"
    )
    FIELDS = (
        text_field("name_fa", QT_TRANSLATE_NOOP("SeriesDialog", "Name (Persian)"), required=True),
        text_field("name_en", QT_TRANSLATE_NOOP("SeriesDialog", "Name (English)"), ltr=True),
        person_field("chair", QT_TRANSLATE_NOOP("SeriesDialog", "Chair")),
        person_field("secretary", QT_TRANSLATE_NOOP("SeriesDialog", "Secretary"),
                     beside="chair"),
        text_field("venue", QT_TRANSLATE_NOOP("SeriesDialog", "Default venue")),
        time_field("start_time", QT_TRANSLATE_NOOP("SeriesDialog", "Start time")),
        time_field("end_time", QT_TRANSLATE_NOOP("SeriesDialog", "End time"), beside="start_time",
                   follows="start_time", follow_by=dt.timedelta(hours=2)),
        FieldSpec(
            "recurrence", QT_TRANSLATE_NOOP("SeriesDialog", "Meets"),
            lambda _form, parent: SeriesRecurrenceBox(parent),
            load=lambda w, r: w.set_rule(r.recurrence),
            collect=SeriesRecurrenceBox.rule,
            raw=SeriesRecurrenceBox.rule,
            errors=("recurrence_weekday", "recurrence_day", "recurrence_nth",
                    "recurrence_interval"),
        ),
        spin_box("first_number", QT_TRANSLATE_NOOP("SeriesDialog", "First session recorded here"),
                 minimum=1, maximum=100_000, value=1),
        text_area("notes", QT_TRANSLATE_NOOP("SeriesDialog", "Notes"), max_height=60),
    )  # fmt: skip

    def __init__(
        self, ctx: UiContext, detail: SeriesView | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, detail, parent)
        outer = self._open_layout(900, 760)
        form = QFormLayout()
        self.field_set = FieldSet(self, self.FIELDS)
        self.field_set.add_form_rows(form, self)
        outer.addLayout(form)
        self.recurrence.today = ctx.today
        self.recurrence.next_number = self.next_number
        self.next_label = QLabel(self)
        self.next_label.setStyleSheet("color: #1f5fa8; font-weight: bold;")
        outer.addWidget(self.next_label)
        self.members_label = QLabel(self)
        outer.addWidget(self.members_label)
        self.members = MembersTable(self.names, self)
        outer.addWidget(self.members, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self
        )
        self.meeting_button = QPushButton(self)
        self.buttons.addButton(self.meeting_button, QDialogButtonBox.ButtonRole.ActionRole)
        outer.addWidget(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.meeting_button.clicked.connect(self.new_meeting)
        self.first_number.valueChanged.connect(lambda _v: self._show_next())
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        if detail is not None:
            self.field_set.load(detail)
            self.members.set_members(detail.members)
        self.retranslate_ui()
        self.take_snapshot()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        if self.detail is None:
            self.setWindowTitle(self.tr("New meeting series"))
        else:
            name = fa_en(self.detail.name_fa, self.detail.name_en)
            self.setWindowTitle(self.tr("Series: %1").replace("%1", name))
        self.field_set.retranslate(self.tr)
        self.members_label.setText(self.tr("Standing members"))
        self.members.retranslate(self.tr)
        self.meeting_button.setText(self.tr("New meeting of this series"))
        self.meeting_button.setIcon(icon("new"))
        self.meeting_button.setEnabled(self.detail is not None)
        self._show_next()

    def record_id(self) -> int | None:
        """Override: the series' id."""
        return self.detail.id if self.detail is not None else None

    def next_number(self) -> int:
        """The number the next session will take."""
        if self.detail is not None and self.detail.meeting_count:
            return max(self.detail.next_number, self.first_number.value())
        return self.first_number.value()

    def _show_next(self) -> None:
        text = self.tr("Next session: number %1").replace("%1", loc_digits(self.next_number()))
        self.next_label.setText(text)
        self.recurrence.show_planned()

    def series_input(self) -> SeriesInput | None:
        """The form as a ``SeriesInput``, or None (errors shown under the fields)."""
        values = self.field_set.valid_values()
        if values is None:
            return None
        chair_id, chair_text = values.pop("chair")
        secretary_id, secretary_text = values.pop("secretary")
        return SeriesInput(
            **values,
            chair_person_id=chair_id,
            chair_text=chair_text,
            secretary_person_id=secretary_id,
            secretary_text=secretary_text,
            members=self.members.members(),
            id=self.detail.id if self.detail else None,
            version=self.detail.version if self.detail else None,
        )

    def save(self) -> bool:
        """Validate and save; the form stays open."""
        series = self.series_input()
        if series is None:
            return False
        try:
            detail = meetings_service.save_series(self.db, series=series)
        except ValidationError as exc:
            rest = self.field_set.show_errors(exc.errors)
            self.banner.setText("\n".join(rest.values()))
            self.banner.setVisible(bool(rest))
            return False
        except KnownError as exc:
            show_error(self, exc)
            return False
        self.field_set.show_errors({})
        self.banner.hide()
        self.detail = detail
        self.field_set.load(detail)
        self.members.set_members(detail.members)
        self.retranslate_ui()
        self.take_snapshot()
        assert detail.id is not None
        self.saved.emit(detail.id)
        return True

    def new_meeting(self) -> object:
        """A new session of this series (saved first when changed)."""
        if self.detail is None or (self.is_modified() and not self.save()):
            return None
        opener = getattr(self.parentWidget(), "new_meeting", None)
        return opener(self.detail.id) if callable(opener) else None

    def _raw_state(self) -> list[object]:
        return [self.field_set.raw_state(), self.members.raw_rows(with_ids=True)]


class SeriesListView(Retranslating, QWidget):
    """The series tab: every working group and council; double-click opens one."""

    openSeries = Signal(int)  # Qt naming

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.model = SeriesTableModel(ctx.db, ctx.today, self)
        self.table = ListTable(
            self.model, sort_column=0, widths=(320, 160, 190, 60, 150, 90), stretch=0, parent=self
        )
        self.table.empty_text = self.empty_text
        layout.addWidget(self.table, 1)
        footer = QHBoxLayout()
        self.count_label = QLabel(self)
        footer.addWidget(self.count_label, 1)
        layout.addLayout(footer)
        self.table.doubleClicked.connect(lambda idx: self.openSeries.emit(int(idx.data(ID_ROLE))))
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.model.retranslate()
        self._count()

    def empty_text(self) -> str:
        """What the empty list says."""
        return self.tr(
            "No working group or council yet. Press “New series” to set one up, e.g. the export "
            "working group that meets every Saturday."
        )

    def refresh(self) -> None:
        """Re-read the series."""
        self.model.reload()
        self._count()

    def _count(self) -> None:
        self.count_label.setText(self.tr("%1 series").replace("%1", loc_digits(self.model.total)))
