"""Directory forms: person, organization, country; and the merge confirmation.

Validation errors from the services are shown next to their fields and the typed text is
kept.  While adding a person or an organization, likely duplicates already in the directory
(same name after normalisation, same e-mail or phone) are pointed out above the buttons.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core.clock import TEHRAN, to_local
from qazvin_diplomacy.core.directory import (
    CountryView,
    DiplomaticRank,
    OrganizationInput,
    OrganizationKind,
    OrganizationView,
    PersonInput,
    PersonView,
)
from qazvin_diplomacy.core.errors import KnownError, ValidationError
from qazvin_diplomacy.core.history import History
from qazvin_diplomacy.core.languages import language_codes, language_names
from qazvin_diplomacy.services import directory, merge
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.ui.common import FieldError, PlainTextEdit, make_ltr, mark_field, show_error
from qazvin_diplomacy.ui.directory.models import archived_suffix, kind_label, pick
from qazvin_diplomacy.ui.i18n import (
    QT_TRANSLATE_NOOP,
    Retranslating,
    current_language,
    is_rtl,
    loc_digits,
    loc_text,
)
from qazvin_diplomacy.ui.widgets.jalali import JalaliDateTimeEdit


def fill_countries(combo: QComboBox, db: DatabaseHandle, current: int | None = None) -> None:
    """Countries by name in the UI language, with an empty first choice."""
    combo.clear()
    combo.addItem("—", None)
    for c in directory.list_countries(db):
        combo.addItem(pick(c.name_fa, c.name_en), c.id)
    combo.setCurrentIndex(max(combo.findData(current), 0))


def fill_organizations(
    combo: QComboBox, db: DatabaseHandle, current: int | None = None, exclude: int | None = None
) -> None:
    """An editable organization picker: type part of a name, pick from the list.

    Archived organizations are not offered, except ``current`` itself (marked), so editing a
    person of an archived organization does not silently drop the link.
    """
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.clear()
    combo.addItem("", None)
    for o in directory.list_organizations(db, limit=100_000):
        if o.id != exclude:
            combo.addItem(pick(o.name_fa, o.name_en), o.id)
    if current is not None and current != exclude and combo.findData(current) < 0:
        try:
            kept = directory.get_organization(db, current)
        except KnownError:
            kept = None
        if kept is not None:
            combo.addItem(pick(kept.name_fa, kept.name_en) + archived_suffix(), kept.id)
    completer = combo.completer()
    if completer is not None:
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    combo.setCurrentIndex(max(combo.findData(current), 0))


def picked_id(combo: QComboBox) -> tuple[int | None, bool]:
    """(id, ok) of an editable picker: ok is False when typed text matches no entry."""
    text = combo.currentText().strip()
    if not text:
        return None, True
    index = combo.findText(text, Qt.MatchFlag.MatchExactly)
    if index < 0:
        return None, False
    return combo.itemData(index), True


class _Form(Retranslating, QDialog):
    """Shared parts: rows of label + field + error label, Save/Cancel, duplicate warning."""

    saved = Signal(int)

    LABELS: tuple[tuple[str, str], ...] = ()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.outer = QVBoxLayout(self)
        self.form = QFormLayout()
        self.outer.addLayout(self.form)
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, FieldError] = {}
        self.labels: dict[str, QLabel] = {}
        self.duplicates_label = QLabel(self)
        self.duplicates_label.setWordWrap(True)
        self.duplicates_label.setStyleSheet(
            "background: #fff8e1; border: 1px solid #f0c36d; padding: 6px; color: #5d4000;"
        )
        self.duplicates_label.hide()
        self.form_error = FieldError(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.duplicate_ids: list[int] = []
        self._dup_timer = QTimer(self)
        self._dup_timer.setSingleShot(True)
        self._dup_timer.setInterval(300)
        self._dup_timer.timeout.connect(self.check_duplicates)

    def add_row(self, key: str, widget: QWidget) -> None:
        """A labelled field with its error label under it."""
        box = QVBoxLayout()
        box.setSpacing(1)
        box.addWidget(widget)
        self.errors[key] = FieldError(self)
        box.addWidget(self.errors[key])
        self.labels[key] = QLabel(self)
        self.fields[key] = widget
        self.form.addRow(self.labels[key], box)

    def finish_layout(self) -> None:
        """Duplicate warning, form error and buttons under the fields."""
        self.outer.addWidget(self.duplicates_label)
        self.outer.addWidget(self.form_error)
        self.outer.addWidget(self.buttons)

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        for key, text in self.LABELS:
            if key in self.labels:
                self.labels[key].setText(QCoreApplication.translate(type(self).__name__, text))

    def clear_errors(self) -> None:
        """Hide every error."""
        self.form_error.show_error("")
        for key, label in self.errors.items():
            label.show_error("")
            mark_field(self.fields[key], False)

    def show_field_error(self, key: str, message: str) -> None:
        """Show ``message`` next to field ``key`` (or under the form)."""
        label = self.errors.get(key)
        if label is None:
            self.form_error.show_error(message)
            return
        label.show_error(message)
        mark_field(self.fields[key], True)

    def show_validation(self, exc: ValidationError) -> None:
        """Every message of ``exc`` next to its field."""
        for key, message in exc.errors.items():
            self.show_field_error(key, message)
        first = next((self.fields[k] for k in exc.errors if k in self.fields), None)
        if first is not None:
            first.setFocus()

    def schedule_duplicate_check(self) -> None:
        """Check for duplicates shortly after typing stops."""
        self._dup_timer.start()

    def check_duplicates(self) -> None:
        """Overridden: look up likely duplicates."""

    def show_duplicates(self, lines: list[tuple[int, str]]) -> None:
        """Warn about likely duplicates (id, description); hide when none."""
        self.duplicate_ids = [i for i, _ in lines]
        if not lines:
            self.duplicates_label.hide()
            return
        text = (
            self.tr("Possibly already in the directory:")
            + "\n"
            + "\n".join(f"• {d}" for _, d in lines)
        )
        self.duplicates_label.setText(text)
        self.duplicates_label.show()

    def save(self) -> None:
        """Overridden: save through the service."""

    def store(self, attribute: str, save: Callable[[], Any]) -> bool:
        """Run ``save`` (a service call returning the stored record) and close on success.

        The record is kept as ``self.<attribute>`` before ``saved(id)`` is emitted; a
        ``ValidationError`` is shown next to its fields, another refusal in a dialog.
        """
        try:
            record = save()
        except ValidationError as exc:
            self.show_validation(exc)
            return False
        except KnownError as exc:
            show_error(self, exc)
            return False
        setattr(self, attribute, record)
        assert record.id is not None
        self.saved.emit(record.id)
        self.accept()
        return True


class PersonForm(_Form):
    """Add or edit a contact."""

    LABELS = (
        ("name_fa", QT_TRANSLATE_NOOP("PersonForm", "Name (Persian)")),
        ("name_en", QT_TRANSLATE_NOOP("PersonForm", "Name (English)")),
        ("honorific_fa", QT_TRANSLATE_NOOP("PersonForm", "Honorific")),
        ("title_fa", QT_TRANSLATE_NOOP("PersonForm", "Title / position")),
        ("title_en", QT_TRANSLATE_NOOP("PersonForm", "Title (English)")),
        ("organization_id", QT_TRANSLATE_NOOP("PersonForm", "Organization")),
        ("country_id", QT_TRANSLATE_NOOP("PersonForm", "Country")),
        ("diplomatic_rank", QT_TRANSLATE_NOOP("PersonForm", "Diplomatic rank")),
        ("functions_started_at", QT_TRANSLATE_NOOP("PersonForm", "Took up functions")),
        ("languages", QT_TRANSLATE_NOOP("PersonForm", "Languages")),
        ("phone", QT_TRANSLATE_NOOP("PersonForm", "Phone")),
        ("email", QT_TRANSLATE_NOOP("PersonForm", "E-mail")),
        ("notes", QT_TRANSLATE_NOOP("PersonForm", "Notes")),
    )

    def __init__(
        self, db: DatabaseHandle, person: PersonView | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.person = person
        self.setMinimumWidth(520)
        self.name_fa = QLineEdit(self)
        self.name_en = make_ltr(QLineEdit(self))
        self.honorific_fa = QLineEdit(self)
        self.title_fa = QLineEdit(self)
        self.title_en = make_ltr(QLineEdit(self))
        self.organization = QComboBox(self)
        fill_organizations(self.organization, db, person.organization_id if person else None)
        self.country = QComboBox(self)
        fill_countries(self.country, db, person.country_id if person else None)
        self.rank = QComboBox(self)
        self.functions_started = JalaliDateTimeEdit(self)
        self.languages = QLineEdit(self)
        self.phone = make_ltr(QLineEdit(self))
        self.email = make_ltr(QLineEdit(self))
        self.notes = PlainTextEdit(self)
        self.notes.setMaximumHeight(80)
        for key, widget in (
            ("name_fa", self.name_fa),
            ("name_en", self.name_en),
            ("honorific_fa", self.honorific_fa),
            ("title_fa", self.title_fa),
            ("title_en", self.title_en),
            ("organization_id", self.organization),
            ("country_id", self.country),
            ("diplomatic_rank", self.rank),
            ("functions_started_at", self.functions_started),
            ("languages", self.languages),
            ("phone", self.phone),
            ("email", self.email),
            ("notes", self.notes),
        ):
            self.add_row(key, widget)
        self.finish_layout()
        if person is not None:
            self.name_fa.setText(person.name_fa)
            self.name_en.setText(person.name_en)
            self.honorific_fa.setText(person.honorific_fa)
            self.title_fa.setText(person.title_fa)
            self.title_en.setText(person.title_en)
            self.languages.setText(language_names(person.languages, current_language()))
            self.phone.setText(person.phone)
            self.email.setText(person.email)
            self.notes.setPlainText(person.notes)
            if person.functions_started_at is not None:
                local = to_local(person.functions_started_at).replace(tzinfo=None)
                self.functions_started.setDateTime(local)
        else:
            for line in (self.name_fa, self.name_en, self.phone, self.email):
                line.textEdited.connect(lambda _t: self.schedule_duplicate_check())
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        super().retranslate_ui()
        self.setWindowTitle(self.tr("Edit contact") if self.person else self.tr("New contact"))
        current = self.rank.currentData() or (self.person.diplomatic_rank if self.person else None)
        self.rank.clear()
        self.rank.addItem("—", None)
        for r in DiplomaticRank:
            self.rank.addItem(r.label_fa if is_rtl() else r.value.replace("_", " "), r.value)
        self.rank.setCurrentIndex(max(self.rank.findData(current), 0))

    def person_input(self) -> PersonInput:
        """The form as the service takes it."""
        org_id, _ok = picked_id(self.organization)
        started = self.functions_started.dateTime()
        return PersonInput(
            name_fa=self.name_fa.text(),
            name_en=self.name_en.text(),
            honorific_fa=self.honorific_fa.text(),
            honorific_en=self.person.honorific_en if self.person else "",
            title_fa=self.title_fa.text(),
            title_en=self.title_en.text(),
            organization_id=org_id,
            country_id=self.country.currentData(),
            diplomatic_rank=self.rank.currentData(),
            functions_started_at=started.replace(tzinfo=TEHRAN) if started else None,
            languages=language_codes(self.languages.text()),
            phone=self.phone.text(),
            email=self.email.text(),
            biography=self.person.biography if self.person else "",
            notes=self.notes.toPlainText(),
            id=self.person.id if self.person else None,
            version=self.person.version if self.person else None,
        )

    def check_duplicates(self) -> None:
        """Point out people who look like the one being added."""
        if self.person is not None:
            return
        found = merge.likely_duplicates(self.db, person=self.person_input(), limit=5)
        lines = []
        for c in found:
            name = pick(c.name_fa, c.name_en)
            reasons = c.reasons_fa if is_rtl() else ", ".join(c.reasons)
            detail = f" — {loc_text(c.detail)}" if c.detail else ""
            lines.append((c.id, f"{name}{detail} ({reasons})"))
        self.show_duplicates(lines)

    def save(self) -> None:
        """Validate and save; errors appear next to their fields, the text stays."""
        self.clear_errors()
        local_error = ""
        _org, org_ok = picked_id(self.organization)
        if not org_ok:
            local_error = self.tr("Choose an organization from the list (or leave it empty).")
            self.show_field_error("organization_id", local_error)
        if self.functions_started.validate():
            local_error = local_error or "date"
        if local_error:
            return
        self.store("person", lambda: directory.save_person(self.db, person=self.person_input()))


class OrganizationForm(_Form):
    """Add or edit an organization."""

    LABELS = (
        ("name_fa", QT_TRANSLATE_NOOP("OrganizationForm", "Name (Persian)")),
        ("name_en", QT_TRANSLATE_NOOP("OrganizationForm", "Name (English)")),
        ("kind", QT_TRANSLATE_NOOP("OrganizationForm", "Kind")),
        ("country_id", QT_TRANSLATE_NOOP("OrganizationForm", "Country")),
        ("parent_id", QT_TRANSLATE_NOOP("OrganizationForm", "Part of")),
        ("city_fa", QT_TRANSLATE_NOOP("OrganizationForm", "City")),
        ("phone", QT_TRANSLATE_NOOP("OrganizationForm", "Phone")),
        ("email", QT_TRANSLATE_NOOP("OrganizationForm", "E-mail")),
        ("address", QT_TRANSLATE_NOOP("OrganizationForm", "Address")),
        ("notes", QT_TRANSLATE_NOOP("OrganizationForm", "Notes")),
    )

    def __init__(
        self,
        db: DatabaseHandle,
        org: OrganizationView | None = None,
        parent: QWidget | None = None,
        *,
        parent_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.org = org
        self.setMinimumWidth(500)
        self.name_fa = QLineEdit(self)
        self.name_en = make_ltr(QLineEdit(self))
        self.kind = QComboBox(self)
        self.country = QComboBox(self)
        fill_countries(self.country, db, org.country_id if org else None)
        self.parent_org = QComboBox(self)
        fill_organizations(
            self.parent_org,
            db,
            org.parent_id if org else parent_id,
            exclude=org.id if org else None,
        )
        self.city_fa = QLineEdit(self)
        self.phone = make_ltr(QLineEdit(self))
        self.email = make_ltr(QLineEdit(self))
        self.address = QLineEdit(self)
        self.notes = PlainTextEdit(self)
        self.notes.setMaximumHeight(80)
        for key, widget in (
            ("name_fa", self.name_fa),
            ("name_en", self.name_en),
            ("kind", self.kind),
            ("country_id", self.country),
            ("parent_id", self.parent_org),
            ("city_fa", self.city_fa),
            ("phone", self.phone),
            ("email", self.email),
            ("address", self.address),
            ("notes", self.notes),
        ):
            self.add_row(key, widget)
        self.finish_layout()
        if org is not None:
            self.name_fa.setText(org.name_fa)
            self.name_en.setText(org.name_en)
            self.city_fa.setText(org.city_fa)
            self.phone.setText(org.phone)
            self.email.setText(org.email)
            self.address.setText(org.address)
            self.notes.setPlainText(org.notes)
        else:
            for line in (self.name_fa, self.name_en):
                line.textEdited.connect(lambda _t: self.schedule_duplicate_check())
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        super().retranslate_ui()
        self.setWindowTitle(
            self.tr("Edit organization") if self.org else self.tr("New organization")
        )
        current = self.kind.currentData() or (self.org.kind if self.org else "other")
        self.kind.clear()
        for k in OrganizationKind:
            self.kind.addItem(kind_label(k.value), k.value)
        self.kind.setCurrentIndex(max(self.kind.findData(current), 0))

    def org_input(self) -> OrganizationInput:
        """The form as the service takes it."""
        parent_id, _ok = picked_id(self.parent_org)
        return OrganizationInput(
            name_fa=self.name_fa.text(),
            name_en=self.name_en.text(),
            kind=self.kind.currentData() or OrganizationKind.OTHER.value,
            country_id=self.country.currentData(),
            parent_id=parent_id,
            city_fa=self.city_fa.text(),
            city_en=self.org.city_en if self.org else "",
            phone=self.phone.text(),
            email=self.email.text(),
            address=self.address.text(),
            notes=self.notes.toPlainText(),
            id=self.org.id if self.org else None,
            version=self.org.version if self.org else None,
        )

    def check_duplicates(self) -> None:
        """Point out organizations with the same name."""
        if self.org is not None:
            return
        found = merge.likely_duplicate_organizations(
            self.db, name_fa=self.name_fa.text(), name_en=self.name_en.text(), limit=5
        )
        self.show_duplicates(
            [
                (c.id, pick(c.name_fa, c.name_en) + (f" — {c.detail}" if c.detail else ""))
                for c in found
            ]
        )

    def save(self) -> None:
        """Validate and save; errors appear next to their fields."""
        self.clear_errors()
        _parent, ok = picked_id(self.parent_org)
        if not ok:
            self.show_field_error(
                "parent_id", self.tr("Choose an organization from the list (or leave it empty).")
            )
            return
        self.store("org", lambda: directory.save_organization(self.db, org=self.org_input()))


class CountryForm(_Form):
    """A country's target flag, priority and notes (names are reference data)."""

    LABELS = (
        ("is_target", QT_TRANSLATE_NOOP("CountryForm", "Target country")),
        ("priority", QT_TRANSLATE_NOOP("CountryForm", "Priority")),
        ("notes", QT_TRANSLATE_NOOP("CountryForm", "Notes")),
    )

    def __init__(
        self, db: DatabaseHandle, country: CountryView, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.country = country
        self.setMinimumWidth(420)
        self.name_label = QLabel(self)
        font = self.name_label.font()
        font.setBold(True)
        font.setPointSize(font.pointSize() + 2)
        self.name_label.setFont(font)
        self.form.addRow(self.name_label)
        self.target = QCheckBox(self)
        self.target.setChecked(country.is_target)
        self.priority = QSpinBox(self)
        self.priority.setRange(0, 10)
        self.priority.setValue(country.priority)
        self.notes = PlainTextEdit(self)
        self.notes.setPlainText(country.notes)
        self.add_row("is_target", self.target)
        self.add_row("priority", self.priority)
        self.add_row("notes", self.notes)
        self.finish_layout()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        super().retranslate_ui()
        self.setWindowTitle(self.tr("Country"))
        self.name_label.setText(pick(self.country.name_fa, self.country.name_en))
        self.target.setText(self.tr("Priority / target country for the province"))
        self.priority.setSpecialValueText(self.tr("None"))

    def save(self) -> None:
        """Save through ``update_country``."""
        self.clear_errors()
        self.store(
            "country",
            lambda: directory.update_country(
                self.db,
                country_id=self.country.id,
                version=self.country.version,
                is_target=self.target.isChecked(),
                priority=self.priority.value(),
                notes=self.notes.toPlainText(),
            ),
        )


class MergeDialog(Retranslating, QDialog):
    """Confirm merging two records: which one stays, and what moves to it.

    ``kind`` is "person" or "organization"; ``records`` maps id → (name, history).  The
    user may swap which record is kept.  ``summary`` is set once merged.
    """

    merged = Signal(int)
    TEXT_WIDTH = 520  # the message's narrowest width

    def __init__(
        self,
        db: DatabaseHandle,
        kind: str,
        keep: tuple[int, str, History],
        remove: tuple[int, str, History],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.kind = kind
        self.keep, self.remove = keep, remove
        self.summary: merge.MergeSummary | None = None
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setMinimumWidth(self.TEXT_WIDTH)
        layout.addWidget(self.text)
        self.swap_button = QPushButton(self)
        self.swap_button.clicked.connect(self.swap)
        layout.addWidget(self.swap_button, 0, Qt.AlignmentFlag.AlignLeading)
        self.buttons = QDialogButtonBox(self)
        self.merge_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setAutoDefault(False)  # Enter cancels: merging cannot be undone
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)
        self.buttons.accepted.connect(self.do_merge)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language (the description depends on the kept record)."""
        self.setWindowTitle(self.tr("Merge duplicates"))
        self.swap_button.setText(self.tr("Keep the other one instead"))
        self.merge_button.setText(self.tr("Merge"))
        keep_id, keep_name, _h = self.keep
        remove_id, remove_name, history = self.remove
        counts = history.counts()
        moves = [
            (self.tr("visits"), counts["visit"]),
            (self.tr("agreements"), counts["agreement"]),
            (self.tr("events"), counts["event"]),
            (self.tr("follow-ups"), counts["followup"]),
        ]
        moved = "، ".join if is_rtl() else ", ".join
        lines = [
            self.tr("«%1» will be kept.").replace("%1", keep_name),
            self.tr(
                "«%1» will be removed; everything linked to it moves to the kept record:"
            ).replace("%1", remove_name),
            "  " + moved(f"{loc_digits(n)} {label}" for label, n in moves),
        ]
        if self.kind == "person":
            lines.append(self.tr("Also any guest lists, delegations, signatures and attachments."))
        else:
            lines.append(
                self.tr("Also its members, sub-organizations, agreement parties and attachments.")
            )
        lines.append(
            self.tr(
                "Empty fields of the kept record are filled from the other; differing phones, "
                "e-mails and notes are joined."
            )
        )
        self.text.setText("\n".join(lines))
        # A wrapped label does not tell a dialog its height: ask for the whole message, at the
        # narrowest width it can get, so no line is cut at the top or bottom.
        self.text.setMinimumHeight(self.text.heightForWidth(self.TEXT_WIDTH))

    def swap(self) -> None:
        """Keep the other record instead."""
        self.keep, self.remove = self.remove, self.keep
        self.retranslate_ui()

    def do_merge(self) -> None:
        """Merge in one transaction through the service."""
        fn = merge.merge_people if self.kind == "person" else merge.merge_organizations
        try:
            self.summary = fn(self.db, keep_id=self.keep[0], remove_id=self.remove[0])
        except KnownError as exc:
            show_error(self, exc)
            return
        self.merged.emit(self.keep[0])
        self.accept()
