"""The "selected guest" box of the guests tab: invitation, reply, companions and remarks.

Its fields are declared once in :attr:`GuestEditor.FIELDS` (``ui/form_fields.py``); each
name is a ``GuestInput``/``GuestView`` attribute and the service's error key.  The guests
tab owns the actions (save, quick replies, withdraw) and passes its ``tr`` to
:meth:`GuestEditor.retranslate`, so the texts stay in the ``GuestsTab`` context.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from qazvin_diplomacy.core.events import GuestInput, GuestView, InvitationChannel, Rsvp
from qazvin_diplomacy.ui.common import FieldError, mark_field
from qazvin_diplomacy.ui.events.invite_dialog import fill_channels
from qazvin_diplomacy.ui.events.models import guest_name
from qazvin_diplomacy.ui.form_fields import (
    FieldSet,
    FieldSpec,
    date_field,
    fill_combo,
    spin_box,
    text_field,
)
from qazvin_diplomacy.ui.i18n import QT_TRANSLATE_NOOP, is_rtl, loc_text
from qazvin_diplomacy.ui.widgets.jalali import JalaliDateEdit


def _select(combo: QComboBox, value: object) -> None:
    combo.setCurrentIndex(max(combo.findData(value), 0))


def _choice_field(
    name: str,
    label: str,
    fill: Callable[[QComboBox], None],
    load: Callable[[QComboBox, GuestView], None],
    collect: Callable[[QComboBox], Any],
    **options: Any,
) -> FieldSpec:
    """A combo filled by ``fill`` on each retranslation (the first while the tab is built).

    It starts empty, as the box's other combos do, so its minimum width is an empty
    combo's: long choices do not widen the box beside the guest table.
    """
    return FieldSpec(
        name,
        label,
        lambda _f, parent: QComboBox(parent),
        load=load,
        collect=collect,
        relabel=fill,
        **options,
    )


def _channel_field(name: str, label: str, **options: Any) -> FieldSpec:
    """How the invitation was sent ("—" when not recorded)."""

    def load(combo: QComboBox, g: GuestView) -> None:
        _select(combo, g.invitation_channel.value if g.invitation_channel else None)

    def collect(combo: QComboBox) -> InvitationChannel | None:
        data = combo.currentData()
        return InvitationChannel(data) if data else None

    return _choice_field(name, label, fill_channels, load, collect, **options)


def _rsvp_field(name: str, label: str, **options: Any) -> FieldSpec:
    """The guest's reply."""
    return _choice_field(
        name,
        label,
        lambda combo: fill_combo(combo, Rsvp, combo.currentData()),
        lambda combo, g: _select(combo, g.rsvp.value),
        lambda combo: Rsvp(combo.currentData()),
        **options,
    )


def _person_field(name: str, label: str, **options: Any) -> FieldSpec:
    """Another guest of the event ("—" for none); the choices are set by the editor."""

    def load(combo: QComboBox, g: GuestView) -> None:
        value = getattr(g, name)
        combo.setCurrentIndex(max(combo.findData(value), 0) if value is not None else 0)

    def collect(combo: QComboBox) -> int | None:
        data = combo.currentData()
        return int(data) if data is not None else None

    return FieldSpec(
        name, label, lambda _f, parent: QComboBox(parent), load=load, collect=collect, **options
    )


class GuestEditor(QGroupBox):
    """The selected guest's invitation and reply; ``show_guest`` fills it, ``collect`` reads it."""

    FIELDS = (
        spin_box("companions", QT_TRANSLATE_NOOP("GuestsTab", "Companions"), minimum=0, maximum=20),
        date_field(
            "invitation_sent_on",
            QT_TRANSLATE_NOOP("GuestsTab", "Invitation sent on"),
            attr="sent_on",
        ),
        _channel_field(
            "invitation_channel", QT_TRANSLATE_NOOP("GuestsTab", "Sent by"), attr="channel"
        ),
        _rsvp_field("rsvp", QT_TRANSLATE_NOOP("GuestsTab", "Reply")),
        date_field("rsvp_on", QT_TRANSLATE_NOOP("GuestsTab", "Reply date")),
        _person_field(
            "interpreter_for_person_id",
            QT_TRANSLATE_NOOP("GuestsTab", "Interpreter for"),
            attr="interpreter_for",
        ),
        text_field("remarks", QT_TRANSLATE_NOOP("GuestsTab", "Remarks (interpreter, dietary…)")),
    )
    TEXTS = {
        "title": QT_TRANSLATE_NOOP("GuestsTab", "Selected guest"),
        "none": QT_TRANSLATE_NOOP("GuestsTab", "Select a guest in the list."),
        "yes": QT_TRANSLATE_NOOP("GuestsTab", "Replied: attending"),
        "no": QT_TRANSLATE_NOOP("GuestsTab", "Replied: declined"),
        "save": QT_TRANSLATE_NOOP("GuestsTab", "Save guest"),
        "remove": QT_TRANSLATE_NOOP("GuestsTab", "Withdraw invitation"),
    }

    # the widgets FIELDS puts on the editor
    companions: QSpinBox
    sent_on: JalaliDateEdit
    channel: QComboBox
    rsvp: QComboBox
    rsvp_on: JalaliDateEdit
    interpreter_for: QComboBox
    remarks: QLineEdit

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.translate: Callable[[str], str] = lambda text: text
        form = QFormLayout(self)
        self.name_label = QLabel(self)
        self.name_label.setWordWrap(True)
        font = self.name_label.font()
        font.setBold(True)
        self.name_label.setFont(font)
        form.addRow(self.name_label)
        self.field_set = FieldSet(self, self.FIELDS)
        self.field_set.add_form_rows(form, self)
        self.errors = self.field_set.errors
        quick = QHBoxLayout()
        self.yes_button = QPushButton(self)
        self.no_button = QPushButton(self)
        quick.addWidget(self.yes_button)
        quick.addWidget(self.no_button)
        form.addRow(quick)
        actions = QHBoxLayout()
        self.save_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        actions.addWidget(self.save_button)
        actions.addWidget(self.remove_button)
        form.addRow(actions)
        self.general_error = FieldError(self)
        form.addRow(self.general_error)

    def retranslate(self, translate: Callable[[str], str]) -> None:
        """Texts for the current language, through the guests tab's ``tr``."""
        self.translate = translate
        self.setTitle(translate(self.TEXTS["title"]))
        self.field_set.retranslate(translate)
        for button, key in (
            (self.yes_button, "yes"),
            (self.no_button, "no"),
            (self.save_button, "save"),
            (self.remove_button, "remove"),
        ):
            button.setText(translate(self.TEXTS[key]))

    def show_guest(self, g: GuestView | None, others: Sequence[GuestView]) -> None:
        """Fill the fields with guest ``g`` (disabled when None); ``others`` are the event's
        guests, offered as the one ``g`` interprets for."""
        self.setEnabled(g is not None)
        self.clear_errors()
        if g is None:
            self.name_label.setText(self.translate(self.TEXTS["none"]))
            return
        self.name_label.setText(
            f"{guest_name(g)}\n{loc_text(g.title_fa if is_rtl() else (g.title_en or g.title_fa))}"
        )
        self.interpreter_for.clear()
        self.interpreter_for.addItem("—", None)
        for other in others:
            if other.person_id != g.person_id:
                self.interpreter_for.addItem(guest_name(other), other.person_id)
        self.field_set.load(g)

    def collect(self, g: GuestView) -> tuple[GuestInput, dict[str, str]]:
        """The fields as a ``GuestInput`` for guest ``g``, with the date errors found."""
        values, errors = self.field_set.collect()
        return GuestInput(person_id=g.person_id, **values, id=g.id, version=g.version), errors

    def clear_errors(self) -> None:
        """Hide every message."""
        for label in self.errors.values():
            label.show_error("")
        mark_field(self.remarks, False)
        self.general_error.show_error("")

    def show_errors(self, errors: dict[str, str]) -> None:
        """Each message under its field; when none names a field, all of them below."""
        shown = False
        for key, message in errors.items():
            label = self.errors.get(key)
            if label is not None:
                label.show_error(message)
                shown = True
        if not shown:
            self.general_error.show_error("؛ ".join(errors.values()))
