"""The office's letter settings: number pattern, letterhead, signatory, R.S.V.P. telephone, emblem.

They live in the database (``services.letters``): every desk using the same database numbers
and heads its letters alike, and the command line prints the same letterhead.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core.errors import ValidationError
from qazvin_diplomacy.core.letters import OfficeSettings
from qazvin_diplomacy.services import letters as letters_service
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.ui.common import show_error
from qazvin_diplomacy.ui.form_fields import (
    FieldSet,
    add_save_buttons,
    lines_area,
    stored,
    text_field,
)
from qazvin_diplomacy.ui.i18n import QT_TRANSLATE_NOOP, Retranslating


def default_emblem_path() -> Path:
    """The neutral emblem printed until the office chooses its own."""
    from qazvin_diplomacy.reports.letter import default_emblem

    return default_emblem()


class OfficeSettingsDialog(Retranslating, QDialog):
    """Edit the letter settings; the emblem is chosen from a PNG or JPEG file."""

    FIELDS = (
        text_field("number_pattern", QT_TRANSLATE_NOOP("OfficeSettingsDialog", "Number pattern"),
                   required=True),
        lines_area("letterhead", QT_TRANSLATE_NOOP("OfficeSettingsDialog", "Letterhead lines")),
        lines_area("letterhead_en",
                     QT_TRANSLATE_NOOP("OfficeSettingsDialog", "Letterhead lines in English")),
        text_field("signatory_name", QT_TRANSLATE_NOOP("OfficeSettingsDialog", "Signatory")),
        text_field("signatory_title",
                   QT_TRANSLATE_NOOP("OfficeSettingsDialog", "Signatory's title")),
        text_field("rsvp_phone", QT_TRANSLATE_NOOP("OfficeSettingsDialog", "R.S.V.P. telephone"),
                   ltr=True),
    )  # fmt: skip

    def __init__(self, db: DatabaseHandle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.settings: OfficeSettings = letters_service.get_office_settings(db)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.field_set = FieldSet(self, self.FIELDS)
        self.field_set.add_form_rows(form, self)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        form.addRow("", self.hint)
        self.emblem_label = QLabel(self)
        self.emblem = QLabel(self)
        self.emblem.setFixedSize(72, 72)
        self.emblem.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.choose_button = QPushButton(self)
        self.neutral_button = QPushButton(self)
        row = QHBoxLayout()
        row.addWidget(self.emblem)
        row.addWidget(self.choose_button)
        row.addWidget(self.neutral_button)
        row.addStretch(1)
        form.addRow(self.emblem_label, row)
        layout.addLayout(form)
        self.error, self.buttons = add_save_buttons(self, layout, self.save)
        self.choose_button.clicked.connect(lambda: self.choose_emblem())
        self.neutral_button.clicked.connect(lambda: self.set_emblem(None))
        self.field_set.load(self.settings)
        self._show_emblem()
        self.retranslate_ui()
        self.resize(600, 520)

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.setWindowTitle(self.tr("Letter settings"))
        self.field_set.retranslate(self.tr)
        self.hint.setText(
            self.tr(
                "{year}: the Jalali year, {seq}: the letter's number in that year, "
                "{yy}: the year's last two digits."
            )  # fmt: skip
        )
        self.emblem_label.setText(self.tr("Emblem"))
        self.choose_button.setText(self.tr("Choose an image…"))
        self.neutral_button.setText(self.tr("Neutral emblem"))

    def _show_emblem(self) -> None:
        path = letters_service.emblem_path(self.db, self.settings) or default_emblem_path()
        pixmap = QPixmap(str(path))
        self.emblem.setPixmap(
            pixmap.scaled(
                68,
                68,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )  # fmt: skip
        )

    def ask_image(self) -> Path | None:
        """Ask for the emblem's image file (tests replace this)."""
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Emblem"), str(Path.home()), self.tr("Images (*.png *.jpg *.jpeg)")
        )
        return Path(name) if name else None

    def choose_emblem(self) -> bool:
        """Keep an image as the emblem; False when none was chosen or it was refused."""
        path = self.ask_image()
        return path is not None and self.set_emblem(path)

    def set_emblem(self, path: Path | None) -> bool:
        """Use ``path`` as the emblem (None: the neutral one)."""
        try:
            self.settings = letters_service.set_emblem(self.db, source=path)
        except ValidationError as exc:
            self.error.show_error("\n".join(exc.errors.values()))
            return False
        except Exception as exc:  # a known error or a bug: shown, not raised
            show_error(self, exc)
            return False
        self.error.show_error("")
        self._show_emblem()
        return True

    def save(self) -> bool:
        """Store the settings; close when they were accepted."""
        values = self.field_set.valid_values()
        if values is None:
            return False
        settings = replace(self.settings, **values)
        save = letters_service.save_office_settings
        saved = stored(self, self.field_set, self.error, save, self.db, settings=settings)
        if saved is None:
            return False
        self.settings = saved
        self.accept()
        return True
