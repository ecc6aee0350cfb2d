"""The agreement form's validity fields: the computed expiry shown as they change."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QCheckBox, QSpinBox

from qazvin_diplomacy.core.agreements import AgreementDetail, first_expiry, renewal_term
from qazvin_diplomacy.ui.agreements.widgets import ExpiryLabel
from qazvin_diplomacy.ui.form_fields import FieldSet
from qazvin_diplomacy.ui.widgets.jalali import JalaliDateEdit


class ValidityMixin:
    """Mixed into ``AgreementForm``: the expiry computed from its validity fields (never typed).

    Uses the form's ``field_set`` and the widgets it declares (``signing_date``,
    ``start_date``, ``end_date``, ``duration_spin``, ``renewal_spin``, ``auto_renew``,
    ``expiry_label``) and ``detail``.
    """

    field_set: FieldSet
    detail: AgreementDetail | None
    signing_date: JalaliDateEdit
    start_date: JalaliDateEdit
    end_date: JalaliDateEdit
    duration_spin: QSpinBox
    renewal_spin: QSpinBox
    auto_renew: QCheckBox
    expiry_label: ExpiryLabel

    def _validity_changed(self) -> None:
        self.field_set.update_shown()
        self.update_expiry()

    def _duration(self) -> int | None:
        return self.duration_spin.value() if self.field_set.is_shown("duration_months") else None

    def _end(self) -> dt.date | None:
        return self.end_date.date() if self.field_set.is_shown("end_date") else None

    def computed_expiry(self) -> dt.date | None:
        """The first term's expiry from the fields as they are now (never typed)."""
        return first_expiry(
            self.start_date.date(), self._end(), self._duration(), self.signing_date.date()
        )

    def update_expiry(self) -> str:
        """Show the computed expiry (and the running term of a renewed one); returns the text."""
        renewal = self.renewal_spin.value() or None
        renewed = renewal_term(self._duration(), renewal) if self.auto_renew.isChecked() else None
        current = self.detail.current_expiry if self.detail is not None else None
        return self.expiry_label.show_expiry(
            self.computed_expiry(), self._duration() is not None, renewed, current
        )
