"""The visit form: general fields, itinerary, protocol checklist, gifts, outcome and follow-ups,
attachments.

The form collects a ``core.visits.VisitInput`` and saves it through
``services.visits.save_visit``.  Its simple fields are declared once in
:attr:`VisitForm.FIELDS` (see ``ui/form_fields.py``) and laid out by the general tab
(``general.py``, with the status guide and the history); each table tab is its own widget
(``itinerary.py``, ``checklist.py``, ``gifts.py``, ``followups.py``; the files are the
shared ``ui/attachments_tab.py`` with ``VISIT_FILES`` from ``attachments.py``).  Errors are shown
next to their field (table rows are tinted and listed under their table); what the user
typed is never cleared.  Conflicts are listed with the clashing visit and saving goes on
only with a stated reason.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core.errors import KnownError, ValidationError
from qazvin_diplomacy.core.followups import FollowUpInput
from qazvin_diplomacy.core.visits import (
    Conflict,
    ConflictsFound,
    GiftEntry,
    ItineraryEntry,
    VisitDetail,
    VisitInput,
    VisitStatus,
    complete_checklist,
    needs_status_reason,
)
from qazvin_diplomacy.services import visits as visits_service
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.ui.attachments_tab import AttachmentsTab
from qazvin_diplomacy.ui.common import PlainTextEdit, show_error
from qazvin_diplomacy.ui.form_fields import (
    FieldSet,
    FieldSpec,
    confidential_box,
    datetime_field,
    enum_combo,
    text_area,
    text_field,
)
from qazvin_diplomacy.ui.forms_common import RecordDialog
from qazvin_diplomacy.ui.i18n import (
    QT_TRANSLATE_NOOP,
    Retranslating,
    current_language,
    is_rtl,
)
from qazvin_diplomacy.ui.visits.attachments import VISIT_FILES
from qazvin_diplomacy.ui.visits.checklist import ChecklistTab
from qazvin_diplomacy.ui.visits.followups import OutcomeTab
from qazvin_diplomacy.ui.visits.general import GeneralTab
from qazvin_diplomacy.ui.visits.gifts import GiftsTab
from qazvin_diplomacy.ui.visits.itinerary import ItineraryTab, naive_local
from qazvin_diplomacy.ui.visits.people import PeopleEditor
from qazvin_diplomacy.ui.widgets.jalali import JalaliDateTimeEdit

GENERAL_TAB, ITINERARY_TAB, CHECKLIST_TAB, GIFTS_TAB, OUTCOME_TAB, ATTACHMENTS_TAB = range(6)


def _load_guests(editor: PeopleEditor, detail: VisitDetail) -> None:
    for g in detail.guests:
        ref = detail.person(g.person_id)
        editor.add_person(
            g.person_id,
            ref.name_fa if ref else str(g.person_id),
            ref.name_en if ref else "",
            g.role,
        )


def _load_hosts(editor: PeopleEditor, detail: VisitDetail) -> None:
    for h in detail.hosts:
        ref = detail.person(h)
        editor.add_person(h, ref.name_fa if ref else str(h), ref.name_en if ref else "")


def _people_field(name: str, label: str, **options: object) -> FieldSpec:
    """Guests (with their roles) or host officials, picked from the directory."""
    guests = name == "guests"
    return FieldSpec(
        name,
        label,
        lambda form, parent: PeopleEditor(form.db, parent, with_roles=guests, allow_new=True),
        load=_load_guests if guests else _load_hosts,
        collect=PeopleEditor.guest_entries if guests else (lambda w: tuple(w.ids())),
        raw=PeopleEditor.guest_entries if guests else PeopleEditor.ids,
        **options,  # type: ignore[arg-type]
    )


class ConflictDialog(Retranslating, QDialog):
    """Lists the conflicts of a visit being saved; OK only once a reason is written.

    ``previous`` is the reason given for an earlier clash of this visit: it is filled in, to be
    kept or changed (the earlier one stays in the visit's history).
    """

    def __init__(
        self, conflicts: list[Conflict], parent: QWidget | None = None, previous: str = ""
    ) -> None:
        super().__init__(parent)
        self.conflicts = conflicts
        self.previous = previous
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
        self.reason.setPlainText(previous)
        self.retranslate_ui()
        self._update_ok()
        self.resize(560, 320)

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.setWindowTitle(self.tr("Scheduling conflict"))
        self.intro.setText(
            self.tr(
                "The clash changed since the reason below was given. Keep it or write the new one:"
            )
            if self.previous
            else self.tr("This visit clashes with other plans:")
        )
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
    PRINT_REPORT = "visit-dossier"
    PRINT_OPTION = "visit"

    #: The visit's own fields, declared once: the general tab shows them in this order
    #: (``outcome`` is on the outcome tab).  Each name is a ``VisitInput``/``VisitDetail``
    #: attribute and the service's error key; see CONTRIBUTING.md, "Add a field to a form".
    FIELDS = (
        text_field(
            "title",
            QT_TRANSLATE_NOOP("VisitForm", "Title"),
            attr="title_edit",
            required=True,
            placeholder=QT_TRANSLATE_NOOP("VisitForm", "e.g. Visit of the ambassador of Japan"),
        ),
        text_field(
            "title_en",
            QT_TRANSLATE_NOOP("VisitForm", "English title"),
            attr="title_en_edit",
            ltr=True,
            placeholder=QT_TRANSLATE_NOOP("VisitForm", "For the English itinerary and documents"),
        ),
        text_field(
            "reference_number",
            QT_TRANSLATE_NOOP("VisitForm", "Reference number"),
            attr="reference_edit",
            isolated=True,
            placeholder=QT_TRANSLATE_NOOP("VisitForm", "The office's reference or letter number"),
        ),
        enum_combo(
            "status",
            QT_TRANSLATE_NOOP("VisitForm", "Status"),
            VisitStatus,
            attr="status_combo",
            default=VisitStatus.REQUESTED,
        ),
        confidential_box(QT_TRANSLATE_NOOP("VisitForm", "Confidential")),
        datetime_field(
            "start_at",
            QT_TRANSLATE_NOOP("VisitForm", "Start"),
            attr="start_edit",
            required=True,
            to_local=naive_local,
        ),
        datetime_field(
            "end_at",
            QT_TRANSLATE_NOOP("VisitForm", "End"),
            attr="end_edit",
            required=True,
            to_local=naive_local,
            follows="start_at",
            follow_by=dt.timedelta(hours=1),
        ),
        text_field(
            "venue",
            QT_TRANSLATE_NOOP("VisitForm", "Venue"),
            attr="venue_edit",
            placeholder=QT_TRANSLATE_NOOP("VisitForm", "e.g. Governorate, meeting hall"),
        ),
        _people_field("guests", QT_TRANSLATE_NOOP("VisitForm", "Guests"), required=True),
        text_field(
            "delegation_name",
            QT_TRANSLATE_NOOP("VisitForm", "Delegation name"),
            attr="delegation_edit",
            placeholder=QT_TRANSLATE_NOOP(
                "VisitForm", "Only when the guests come as a named delegation"
            ),
        ),
        _people_field("hosts", QT_TRANSLATE_NOOP("VisitForm", "Host officials")),
        text_area(
            "purpose", QT_TRANSLATE_NOOP("VisitForm", "Purpose"), attr="purpose_edit", max_height=70
        ),
        text_area(
            "outcome",
            QT_TRANSLATE_NOOP("VisitForm", "Outcome of the visit"),
            attr="outcome_edit",
            max_height=120,
        ),
    )
    TABS = (
        QT_TRANSLATE_NOOP("VisitForm", "General"),
        QT_TRANSLATE_NOOP("VisitForm", "Itinerary"),
        QT_TRANSLATE_NOOP("VisitForm", "Protocol checklist"),
        QT_TRANSLATE_NOOP("VisitForm", "Gifts"),
        QT_TRANSLATE_NOOP("VisitForm", "Outcome and follow-ups"),
        QT_TRANSLATE_NOOP("VisitForm", "Attachments"),
    )
    _EXTRA = (
        QT_TRANSLATE_NOOP("VisitForm", "Add row"),
        QT_TRANSLATE_NOOP("VisitForm", "Remove row"),
    )

    # the widgets FIELDS puts on the form (for type checkers and readers)
    title_edit: QLineEdit
    title_en_edit: QLineEdit
    reference_edit: QLineEdit
    status_combo: QComboBox
    start_edit: JalaliDateTimeEdit
    end_edit: JalaliDateTimeEdit
    venue_edit: QLineEdit
    guests: PeopleEditor
    delegation_edit: QLineEdit
    hosts: PeopleEditor
    purpose_edit: PlainTextEdit
    outcome_edit: PlainTextEdit

    def __init__(
        self,
        db: DatabaseHandle,
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
        self.field_set = FieldSet(self, self.FIELDS)
        self.fields = self.field_set.widgets
        self.field_errors = self.field_set.errors
        self.field_labels = self.field_set.labels
        on_general = [s.name for s in self.FIELDS if s.name not in OutcomeTab.FIELDS]
        self.general = GeneralTab(self.field_set, on_general, lambda: self.detail, self)
        self.status_hint, self.history_label = self.general.status_hint, self.general.history_label
        self.guests.changed.connect(self._people_changed)
        self.hosts.changed.connect(self._people_changed)
        self.itinerary = ItineraryTab(self.start_edit.dateTime, self)
        self.checklist = ChecklistTab(self._people_choices, self)
        self.check_buttons = self.checklist.buttons
        self.gifts = GiftsTab(db, self._people_choices, self._visit_id, self)
        self.gift_warning = self.gifts.warning
        self.outcome = OutcomeTab(self.field_set, self)
        self.followups = self.outcome.followups
        self.attachments = AttachmentsTab(db, VISIT_FILES, self._visit_id, parent=self)
        self.attachments.attention.connect(lambda: self.tabs.setCurrentIndex(ATTACHMENTS_TAB))
        general = self.scrolled(self.general)
        pages = (general, self.itinerary, self.checklist, self.gifts, self.outcome)
        for page in (*pages, self.attachments):
            self.tabs.addTab(page, "")
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
            self.checklist.set_entries(complete_checklist(()))
            if start is not None:
                self.start_edit.setDateTime(start)  # the end follows (start + 1 h)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        self.retranslate_ui()
        self.take_snapshot()

    # --- language ----------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Texts for the current language (data re-shown with the UI's digits)."""
        if self.detail is None:
            self.setWindowTitle(self.tr("New visit"))
        else:
            self.setWindowTitle(self.tr("Visit: %1").replace("%1", self.detail.title))
        for i, text in enumerate(self.TABS):
            self.tabs.setTabText(i, self.tr(text))
        self.field_set.retranslate(self.tr)
        self.itinerary.retranslate(self.tr)
        self.gifts.retranslate(self.tr)
        self.outcome.retranslate(self.tr)
        self.checklist.retranslate(self.tr)
        self.attachments.retranslate()
        self.archive_button.setText(self.tr("Delete (archive)"))
        self.general.refresh()

    # --- status ------------------------------------------------------------------------

    def ask_reason(self, title: str, prompt: str) -> str | None:
        """A reason typed by the clerk, None when cancelled (tests replace this)."""
        text, ok = QInputDialog.getMultiLineText(self, title, prompt)
        return text.strip() if ok and text.strip() else None

    # --- filling -----------------------------------------------------------------------

    def load(self, detail: VisitDetail) -> None:
        """Show a stored visit."""
        self.detail = detail
        self.field_set.load(detail)
        self.general.refresh()
        for item in detail.itinerary:
            self.itinerary.add_entry(item)
        self.checklist.set_entries(detail.checklist)  # owners: among _people_choices()
        self.attachments.refresh()
        for gift in detail.gifts:
            self.gifts.add_entry(gift)
        for task in detail.followups:
            self.followups.add_entry(task)
        if detail.archived:
            self.banner.setText(
                self.tr("This visit is archived. Restore it from the archive view to edit it.")
            )
            self.banner.show()
            self.save_button.setEnabled(False)

    def add_itinerary_row(self, item: ItineraryEntry | None = None) -> int:
        """Append an itinerary row (a new one starts at the visit's start)."""
        return self.itinerary.add_entry(item)

    def add_gift_row(self, gift: GiftEntry | None = None) -> int:
        """Append a gift row."""
        return self.gifts.add_entry(gift)

    def add_followup_row(self, task: FollowUpInput | None = None) -> int:
        """Append a follow-up row."""
        return self.followups.add_entry(task)

    def _visit_id(self) -> int | None:
        return self.detail.id if self.detail else None

    def _people_choices(self) -> list[tuple[int, str]]:
        lang = current_language()
        seen: dict[int, str] = {}
        for pid, fa, en in self.guests.people() + self.hosts.people():
            seen.setdefault(pid, (en or fa) if lang == "en" else (fa or en))
        if self.detail is not None:
            for ref in self.detail.people:
                seen.setdefault(ref.id, ref.display(lang))
        return list(seen.items())

    def _people_changed(self) -> None:
        self.gifts.refresh_people()
        self.checklist.refresh_people()

    # --- collecting --------------------------------------------------------------------

    def collect(self) -> tuple[VisitInput, dict[str, str]]:
        """The form as a ``VisitInput`` plus the errors found while reading it."""
        values, errors = self.field_set.collect()
        visit = VisitInput(
            **values,
            itinerary=self.itinerary.entries(errors),
            checklist=self.checklist.entries(errors),
            gifts=self.gifts.entries(errors),
            followups=self.followups.entries(errors),
            id=self.detail.id if self.detail else None,
            version=self.detail.version if self.detail else None,
        )
        return visit, errors

    # --- errors ------------------------------------------------------------------------

    def show_errors(self, errors: dict[str, str]) -> None:
        """Show each message next to its field (or under its table row); clear the others."""
        rest = self.field_set.show_errors(errors)
        self.checklist.show_errors(rest)
        for table in (self.itinerary, self.gifts, self.followups):
            table.show_row_errors(rest, table.PREFIX, table.FIELDS, self.tr("Row"))
        general = rest.get("", "")
        self.banner.setText(general)
        self.banner.setVisible(bool(general))
        tab_of = {
            "itinerary": ITINERARY_TAB,
            "checklist": CHECKLIST_TAB,
            "gifts": GIFTS_TAB,
            "followups": OUTCOME_TAB,
            "outcome": OUTCOME_TAB,
        }
        if errors:
            first = next(iter(errors)).split(".")[0]
            self.tabs.setCurrentIndex(tab_of.get(first, GENERAL_TAB))

    # --- actions -----------------------------------------------------------------------

    def check_gifts(self) -> dict[int, str]:
        """Warn (under the gifts table) about gifts already given to the same person."""
        return self.gifts.check()

    def ask_conflict_reason(self, conflicts: list[Conflict], previous: str = "") -> str | None:
        """Show the conflicts (``previous``: the reason given for an earlier clash, filled in);
        the reason typed, or None when the user cancels."""
        dialog = ConflictDialog(conflicts, self, previous)
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
            self.tabs.setCurrentIndex(GIFTS_TAB)
            return False
        status_reason = ""
        if needs_status_reason(self.general.saved_status(), VisitStatus(visit.status)):
            asked = self.ask_reason(
                self.tr("Undo “held”"),
                self.tr("Why is this visit no longer held? The reason is kept in its history."),
            )
            if asked is None:  # cancelled, or OK with no reason: say why nothing was saved
                self.banner.setText(
                    self.tr("Not saved: taking back “held” needs a reason, kept in its history.")
                )
                self.banner.show()
                return False
            status_reason = asked
        reason: str | None = None
        while True:
            try:
                detail = visits_service.save_visit(
                    self.db, visit=visit, conflict_reason=reason, status_reason=status_reason
                )
            except ValidationError as exc:
                self.show_errors(exc.errors)
                return False
            except ConflictsFound as exc:
                reason = self.ask_conflict_reason(exc.conflicts, exc.previous_reason)
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
            self.field_set.raw_state(),
            self.checklist.raw_state(),
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
