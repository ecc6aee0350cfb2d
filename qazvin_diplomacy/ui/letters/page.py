"""The outgoing-letters page (نامه‌های صادره): the register (اندیکاتور) with search and export.

New letters are written in the letter form and numbered when saved; "Print" writes the
selected letter as PDF or Word (``report letter``) off the GUI thread and keeps the file as
its printed copy; "Open printed copy" opens the last one kept.  Invitations are numbered
when they are printed from the events page.  "Letter settings…" sets the number pattern,
letterhead, signatory and emblem.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QSpinBox, QWidget

from qazvin_diplomacy.core.access import is_admin
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.letters import LetterFilter, LetterKind
from qazvin_diplomacy.services import letters as letters_service
from qazvin_diplomacy.services.attachments import export_attachment
from qazvin_diplomacy.ui.common import ID_ROLE, show_error
from qazvin_diplomacy.ui.i18n import current_language
from qazvin_diplomacy.ui.icons import icon
from qazvin_diplomacy.ui.letters.form import LetterDialog
from qazvin_diplomacy.ui.letters.models import LetterTableModel
from qazvin_diplomacy.ui.letters.office import OfficeSettingsDialog
from qazvin_diplomacy.ui.list_page import ListFilterBar, ListPage, ListTable
from qazvin_diplomacy.ui.modules import UiContext
from qazvin_diplomacy.ui.ops import open_file, print_pdf, report_path, temp_folder
from qazvin_diplomacy.ui.widgets.jalali import JalaliDateEdit

#: The formats a letter is printed to: (suffix, English label in context "LettersPage").
FORMATS = ((".pdf", "PDF"), (".docx", "Word"))


class LetterFilterBar(ListFilterBar):
    """Text (number, addressee, subject), kind, Jalali year, date range."""

    def __init__(self, on_change: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(on_change, parent)
        self.kind = QComboBox(self)
        self.year = QSpinBox(self)
        self.year.setRange(0, 1600)  # 0: every year
        self.from_label = QLabel(self)
        self.date_from = JalaliDateEdit(self)
        self.to_label = QLabel(self)
        self.date_to = JalaliDateEdit(self)
        fields = (self.kind, self.year, self.from_label, self.date_from, self.to_label)
        self.lay_out_in_a_row(*fields, self.date_to)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.text.setPlaceholderText(self.tr("Search number, addressee, subject… (Ctrl+K)"))
        self.year.setSpecialValueText(self.tr("Every year"))
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("To"))
        self.clear_button.setText(self.tr("Clear filters"))
        lang = current_language()
        self.refill(
            self.kind,
            [(self.tr("All kinds"), None), *((k.label(lang), k.value) for k in LetterKind)],
        )

    def clear(self) -> None:
        """Reset every filter."""
        self.text.clear()
        self.kind.setCurrentIndex(0)
        self.year.setValue(0)
        self.date_from.setDate(None)
        self.date_to.setDate(None)

    def filters(self) -> LetterFilter:
        """The filters as the service takes them."""
        kind = self.kind.currentData()
        return LetterFilter(
            text=self.text.text().strip(),
            kind=LetterKind(kind) if kind else None,
            year=self.year.value() or None,
            date_from=self.date_from.date(),
            date_to=self.date_to.date(),
        )


class LettersPage(ListPage):
    """The outgoing-letters register."""

    export_kind = "letters"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.filter_bar = LetterFilterBar(self.apply_filters, self)
        self.search_box = self.filter_bar.text
        self.model = LetterTableModel(ctx.db, self)
        self.table = ListTable(
            self.model, sort_column=0, widths=(120, 90, 90, 220, 300, 110, 70), stretch=4,
            parent=self,
        )  # fmt: skip
        self.open_button = QPushButton(self)
        self.format = QComboBox(self)
        for suffix, label in FORMATS:
            self.format.addItem(label, suffix)
        self.print_button = QPushButton(self)
        self.copy_button = QPushButton(self)
        self.export_button = QPushButton(self)
        self.settings_button = QPushButton(self)
        self.add_head_button(self.settings_button)
        self.add_list_tab(
            self.filter_bar,
            self.table,
            (self.open_button, self.format, self.print_button, self.copy_button,
             self.export_button),
        )  # fmt: skip
        self.table.doubleClicked.connect(lambda idx: self.open_letter(int(idx.data(ID_ROLE))))
        self.open_button.clicked.connect(lambda: self._on_selected(self.open_letter))
        self.print_button.clicked.connect(lambda: self._on_selected(self.print_letter))
        self.copy_button.clicked.connect(lambda: self._on_selected(self.open_printed_copy))
        self.export_button.clicked.connect(lambda: self.export_list())
        self.settings_button.clicked.connect(lambda: self.edit_settings())
        self.settings_button.setVisible(is_admin())  # the office's settings are the administrator's
        ctx.hub.dataChanged.connect(self._data_changed)
        self.retranslate_ui()

    # --- language ----------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.heading.setText(self.tr("Outgoing letters"))
        self.new_button.setText(self.tr("New letter"))
        self.new_button.setIcon(icon("new"))
        self.views.setTabText(0, self.tr("Register"))
        self.views.setTabIcon(0, icon("list"))
        self.open_button.setText(self.tr("Open"))
        self.format.setToolTip(self.tr("Print as PDF or as a Word file to edit"))
        self.print_button.setText(self.tr("Print"))
        self.print_button.setIcon(icon("print"))
        self.copy_button.setText(self.tr("Open printed copy"))
        self.export_button.setText(self.tr("Export to Excel/CSV…"))
        self.export_button.setToolTip(
            self.tr("Every letter of the register as filtered and sorted, as .xlsx or .csv")
        )
        self.settings_button.setText(self.tr("Letter settings…"))
        self.model.retranslate()
        self._update_count()

    def empty_list_text(self) -> str:
        """Override: the empty list says what to do next."""
        return self.tr(
            "No letter to show. "
            "Clear the filters to see the whole register, or press “New letter” to register one."
        )

    def count_text(self) -> str:
        """Override: the count line of the register."""
        return self.tr("%1 letters")

    # --- data --------------------------------------------------------------------------

    def refresh_current(self) -> None:
        """Re-read the register."""
        self.apply_filters()

    def _on_selected(self, action: Callable[[int], object]) -> None:
        self.with_selected(action, self.tr("Select a letter first."))

    def _data_changed(self, kind: str) -> None:
        if kind in ("letters", "events", "*"):
            self.refresh_current()

    # --- actions -----------------------------------------------------------------------

    def new_record(self) -> LetterDialog:
        """Override: write a new letter (numbered when saved)."""
        dialog = LetterDialog(self.ctx.db, None, self)
        dialog.accepted.connect(lambda: self._saved(dialog))
        dialog.open()
        return dialog

    def open_letter(self, letter_id: int) -> LetterDialog | None:
        """Open a registered letter to correct its texts (its number stays)."""
        try:
            letter = letters_service.get_letter(self.ctx.db, letter_id=letter_id)
        except KnownError as exc:
            show_error(self, exc)
            return None
        dialog = LetterDialog(self.ctx.db, letter, self)
        dialog.accepted.connect(lambda: self._saved(dialog))
        dialog.open()
        return dialog

    def _saved(self, dialog: LetterDialog) -> None:
        if dialog.saved is not None:
            self.ctx.hub.status.emit(self.tr("Letter %1 saved").replace("%1", dialog.saved.number))
        self.ctx.hub.dataChanged.emit("letters")

    def print_letter(self, letter_id: int, suffix: str | None = None) -> object:
        """Write the letter as PDF or Word (the chosen format), open it, keep the printed copy."""
        suffix = suffix or str(self.format.currentData())
        return print_pdf(
            self.ctx.runner,
            self.ctx.db,
            "letter",
            {"letter": letter_id},
            parent=self,
            out=report_path("letter", suffix),
            on_done=lambda _path: self.ctx.hub.dataChanged.emit("letters"),
            title=self.tr("Print"),
        )

    def print_page(self) -> None:
        """Override: Ctrl+P prints the selected letter."""
        self._on_selected(self.print_letter)

    def open_printed_copy(self, letter_id: int) -> Path | None:
        """Open the last printed copy kept of the letter (a message when there is none)."""
        copies = letters_service.printed_copies(self.ctx.db, letter_id=letter_id)
        if not copies:
            self.ctx.hub.status.emit(self.tr("This letter has not been printed yet."))
            return None
        try:
            path = export_attachment(
                self.ctx.db, attachment_id=copies[-1].id, folder=temp_folder("letters")
            )
        except (KnownError, OSError) as exc:
            show_error(self, exc)
            return None
        open_file(path)
        return path

    def edit_settings(self) -> OfficeSettingsDialog:
        """The number pattern, letterhead, signatory and emblem."""
        dialog = OfficeSettingsDialog(self.ctx.db, self)
        dialog.open()
        return dialog

    def selftest(self, shot: Callable[[str, QWidget], None]) -> None:
        """Override: the register, the letter form and the settings."""
        self.refresh()
        shot("letters", self)
        form = LetterDialog(self.ctx.db, None, self)
        shot("letter_form", form)
        form.close()
        settings = OfficeSettingsDialog(self.ctx.db, self)
        shot("letter_settings", settings)
        settings.close()
