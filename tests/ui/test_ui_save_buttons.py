"""The foot of a small record dialog (ui/form_fields.py): the error line, Save and Cancel, and
a service call whose refusal is shown under the fields, in the line or in a box."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout

from qazvin_diplomacy.core.errors import StaleRecordError, ValidationError
from qazvin_diplomacy.ui.form_fields import FieldSet, add_save_buttons, stored, text_field


class _Dialog(QDialog):
    def __init__(self) -> None:
        super().__init__()
        self.saves = 0
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.field_set = FieldSet(self, (text_field("title", "Title"),))
        self.field_set.add_form_rows(form, self)
        layout.addLayout(form)
        self.error, self.buttons = add_save_buttons(self, layout, self.save)

    def save(self) -> None:
        self.saves += 1


def test_save_calls_the_dialog_and_cancel_rejects(app: QApplication) -> None:
    dialog = _Dialog()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.saves == 1 and dialog.error.isHidden()
    dialog.show()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()


def test_a_refusal_goes_under_its_field_and_the_rest_in_the_error_line(
    app: QApplication,
) -> None:
    dialog = _Dialog()
    assert stored(dialog, dialog.field_set, dialog.error, lambda x, *, y: x + y, 2, y=3) == 5

    def refuse() -> int:
        raise ValidationError({"title": "عنوان را بنویسید.", "": "ثبت نشد."})

    assert stored(dialog, dialog.field_set, dialog.error, refuse) is None
    assert dialog.field_set.errors["title"].text() == "عنوان را بنویسید."
    assert dialog.error.text() == "ثبت نشد."


def test_any_other_error_is_shown_in_a_box(app: QApplication, monkeypatch) -> None:
    shown: list[BaseException] = []
    monkeypatch.setattr("qazvin_diplomacy.ui.form_fields.show_error", lambda _p, e: shown.append(e))
    dialog = _Dialog()

    def stale() -> int:
        raise StaleRecordError("نامه")

    assert stored(dialog, dialog.field_set, dialog.error, stale) is None
    assert isinstance(shown[0], StaleRecordError) and dialog.error.isHidden()
