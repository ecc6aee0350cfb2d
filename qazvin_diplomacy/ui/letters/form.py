"""The letter form: write a letter for the register (it gets its number when saved).

Kind, date, addressee, subject, the record it belongs to (visit, agreement or event and its
id), enclosures, the body (one paragraph a line) and the «رونوشت» list (one a line).  A
registered letter opened again keeps its number and date; only its texts change.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core.clock import today_local
from qazvin_diplomacy.core.letters import LetterInput, LetterKind, LetterLink, LetterView
from qazvin_diplomacy.services import letters as letters_service
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.ui.form_fields import (
    FieldSet,
    add_save_buttons,
    date_field,
    enum_combo,
    lines_area,
    spin_box,
    stored,
    text_area,
    text_field,
)
from qazvin_diplomacy.ui.i18n import QT_TRANSLATE_NOOP, Retranslating


class LetterDialog(Retranslating, QDialog):
    """Write a new letter (``letter`` None) or correct a registered one's texts."""

    FIELDS = (
        enum_combo("kind", QT_TRANSLATE_NOOP("LetterDialog", "Kind"), LetterKind,
                   default=LetterKind.LETTER),
        date_field("date", QT_TRANSLATE_NOOP("LetterDialog", "Date"), required=True),
        text_field("addressee", QT_TRANSLATE_NOOP("LetterDialog", "Addressee"), required=True),
        text_field("subject", QT_TRANSLATE_NOOP("LetterDialog", "Subject"), required=True),
        enum_combo("link_kind", QT_TRANSLATE_NOOP("LetterDialog", "Belongs to"), LetterLink,
                   default=LetterLink.NONE),
        spin_box("link_id", QT_TRANSLATE_NOOP("LetterDialog", "Record number"),
                 maximum=10_000_000, collect=lambda w: w.value() or None),
        text_field("attachments_note", QT_TRANSLATE_NOOP("LetterDialog", "Enclosures"),
                   placeholder=QT_TRANSLATE_NOOP("LetterDialog", "None")),
        text_area("body", QT_TRANSLATE_NOOP("LetterDialog", "Text (a paragraph a line)")),
        lines_area("cc", QT_TRANSLATE_NOOP("LetterDialog", "Copies to (one a line)"),
                   max_height=90),
    )  # fmt: skip

    def __init__(
        self, db: DatabaseHandle, letter: LetterView | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.letter = letter
        self.saved: LetterView | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.field_set = FieldSet(self, self.FIELDS)
        self.field_set.add_form_rows(form, self)
        layout.addLayout(form)
        self.field_set.widgets["link_id"].setSpecialValueText("—")  # 0: no record
        self.error, self.buttons = add_save_buttons(self, layout, self.save)
        if letter is not None:
            self.field_set.load(letter)
            self.field_set.widgets["date"].setEnabled(False)  # the number's date stays
        else:
            self.field_set.widgets["date"].setDate(today_local())
        self.retranslate_ui()
        self.resize(620, 560)

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        if self.letter is None:
            self.setWindowTitle(self.tr("New letter"))
        else:
            self.setWindowTitle(self.tr("Letter %1").replace("%1", self.letter.number))
        self.field_set.retranslate(self.tr)

    def letter_input(self) -> LetterInput | None:
        """The letter as typed, or None (errors shown under the fields)."""
        values = self.field_set.valid_values()
        if values is None:
            return None
        return LetterInput(**values)

    def save(self) -> bool:
        """Register the letter (or save its texts); close when it worked."""
        letter = self.letter_input()
        if letter is None:
            return False
        old = self.letter

        def store() -> LetterView:
            if old is None:
                return letters_service.register_letter(self.db, letter=letter)
            return letters_service.update_letter(
                self.db, letter_id=old.id, letter=letter, version=old.version
            )

        self.saved = stored(self, self.field_set, self.error, store)
        if self.saved is None:
            return False
        self.accept()
        return True
