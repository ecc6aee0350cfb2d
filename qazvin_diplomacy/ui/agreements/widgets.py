"""Small widgets of the agreements screens: a search-and-pick field, the visit link, the axes
of cooperation and the remark dialog."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core.agreements import AgreementStatus, Axis
from qazvin_diplomacy.ui.agreements.models import date_text
from qazvin_diplomacy.ui.common import ID_ROLE, FieldError, PlainTextEdit, mark_field
from qazvin_diplomacy.ui.i18n import Retranslating, current_language, direction_mark, loc_digits

#: A search: typed text → (id, text shown) pairs.
SearchFn = Callable[[str], list[tuple[int, str]]]


class SearchPicker(QWidget):
    """Type part of a name; matches (searched in SQL by ``search``) are listed under the field.

    ``activated(int, str)`` fires on Enter or a double-click; ``current()`` is the
    highlighted match.  The list stays hidden while there is nothing to show.
    """

    activated = Signal(int, str)

    def __init__(self, search: SearchFn, parent: QWidget | None = None, *, rows: int = 5) -> None:
        super().__init__(parent)
        self.search_fn = search
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.line = QLineEdit(self)
        self.line.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setMaximumHeight(22 * rows)
        self.results.hide()
        layout.addWidget(self.line)
        layout.addWidget(self.results)
        self.line.textEdited.connect(self.find)
        self.line.returnPressed.connect(self.activate_current)
        self.results.itemDoubleClicked.connect(lambda _i: self.activate_current())
        self.setFocusProxy(self.line)

    def find(self, text: str) -> int:
        """List the matches of ``text``; returns how many."""
        self.results.clear()
        if text.strip():
            for record_id, shown in self.search_fn(text):
                item = QListWidgetItem(direction_mark() + shown)
                item.setData(ID_ROLE, record_id)
                self.results.addItem(item)
        self.results.setVisible(self.results.count() > 0)
        if self.results.count():
            self.results.setCurrentRow(0)
        return self.results.count()

    def current(self) -> tuple[int, str] | None:
        """The highlighted match (id, text), or None."""
        item = self.results.currentItem()
        if item is None:
            return None
        return int(item.data(ID_ROLE)), item.text().lstrip("\u200e\u200f")

    def activate_current(self) -> None:
        """Emit ``activated`` for the highlighted match and clear the search."""
        found = self.current()
        if found is None:
            return
        self.reset()
        self.activated.emit(*found)

    def reset(self) -> None:
        """Empty the field and the matches."""
        self.line.clear()
        self.results.clear()
        self.results.hide()


class VisitLink(QWidget):
    """The visit an agreement was signed during: its title and "Remove link" over a search."""

    def __init__(self, search: SearchFn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.label = QLabel(self)
        self.clear = QPushButton(self)
        row.addWidget(self.label, 1)
        row.addWidget(self.clear)
        layout.addLayout(row)
        self.picker = SearchPicker(search, self, rows=4)
        layout.addWidget(self.picker)
        self.visit_id: int | None = None
        self.title = ""
        self.picker.activated.connect(self.set_visit)
        self.clear.clicked.connect(lambda: self.set_visit(None, ""))

    def set_visit(self, visit_id: int | None, title: str) -> None:
        """Link the visit ``visit_id`` shown as ``title`` (None removes the link)."""
        self.visit_id = visit_id
        self.title = title if visit_id is not None else ""
        self._show()

    def retranslate(self) -> None:
        """Texts in the UI language (the agreement form's translations)."""
        self.clear.setText(QCoreApplication.translate("AgreementForm", "Remove link"))
        self.picker.line.setPlaceholderText(
            QCoreApplication.translate("AgreementForm", "Type part of a visit's title")
        )
        self._show()

    def _show(self) -> None:
        none = QCoreApplication.translate("AgreementForm", "No visit linked")
        self.label.setText(self.title if self.visit_id is not None else none)
        self.clear.setVisible(self.visit_id is not None)


class AxesBox(QWidget):
    """One tick per axis of cooperation, four to a row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.checks: dict[Axis, QCheckBox] = {}
        for i, axis in enumerate(Axis):
            check = QCheckBox(self)
            grid.addWidget(check, i // 4, i % 4)
            self.checks[axis] = check

    def axes(self) -> tuple[Axis, ...]:
        """The ticked axes, in the enum's order."""
        return tuple(a for a, c in self.checks.items() if c.isChecked())

    def set_axes(self, axes: tuple[Axis, ...]) -> None:
        """Tick exactly ``axes``."""
        for axis, check in self.checks.items():
            check.setChecked(axis in axes)

    def raw(self) -> list[bool]:
        """Each tick's state (the "modified?" snapshot)."""
        return [c.isChecked() for c in self.checks.values()]

    def retranslate(self) -> None:
        """Axis names in the UI language."""
        for axis, check in self.checks.items():
            check.setText(axis.label(current_language()))


class ExpiryLabel(QLabel):
    """The expiry computed from the validity fields (never typed), in bold."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet("color: #2f4f6f; font-weight: bold;")

    def show_expiry(
        self,
        expiry: dt.date | None,
        by_duration: bool,
        renewed_every: int | None,
        current_expiry: dt.date | None,
    ) -> str:
        """Show the first term's ``expiry`` (``by_duration``: a term in months), the renewal
        term of an automatically renewed agreement and the ``current_expiry`` of its running
        term when that differs; returns the text."""
        translate = QCoreApplication.translate
        if expiry is None:
            if by_duration:
                text = translate(
                    "AgreementForm", "Computed once the start or signing date is known"
                )
            else:
                text = translate("AgreementForm", "No expiry (open-ended)")
        else:
            text = date_text(expiry)
            if renewed_every is not None:
                text += " — " + translate(
                    "AgreementForm", "renewed automatically every %1 months"
                ).replace("%1", loc_digits(renewed_every))
                if current_expiry and current_expiry != expiry:
                    text += " — " + translate("AgreementForm", "current term ends %1").replace(
                        "%1", date_text(current_expiry)
                    )
        self.setText(direction_mark() + text)
        return text


def default_actor() -> str:
    """Who is working, to pre-fill "By": empty until the application has users (then the
    signed-in user's name). The operating system's login ("root", a shared office account)
    names no person, so it is never offered."""
    from qazvin_diplomacy.core.access import current_principal

    principal = current_principal()
    return principal.name if principal is not None else ""


class TransitionDialog(Retranslating, QDialog):
    """Asks who moves the agreement to ``target`` and why (the remark kept in its history).

    ``on_accept(actor, remark)`` returns a Persian error for the remark (the dialog then
    stays open showing it next to the field) or "" when the change went through.
    """

    def __init__(
        self,
        current: AgreementStatus,
        target: AgreementStatus,
        on_accept: Callable[[str, str], str],
        parent: QWidget | None = None,
        *,
        actor: str = "",
    ) -> None:
        super().__init__(parent)
        self.current = AgreementStatus(current)
        self.target = AgreementStatus(target)
        self.on_accept = on_accept
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        self.question = QLabel(self)
        self.question.setWordWrap(True)
        layout.addWidget(self.question)
        form = QFormLayout()
        self.actor_label = QLabel(self)
        self.actor = QLineEdit(self)
        self.actor.setText(actor or default_actor())
        self.remark_label = QLabel(self)
        self.remark = PlainTextEdit(self)
        self.remark.setMaximumHeight(90)
        box = QVBoxLayout()
        box.setSpacing(1)
        box.addWidget(self.remark)
        self.remark_error = FieldError(self)
        box.addWidget(self.remark_error)
        form.addRow(self.actor_label, self.actor)
        form.addRow(self.remark_label, box)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        # Enter in "By" must not move the status: the clerk presses "Change status" itself
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setAutoDefault(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        lang = current_language()
        self.setWindowTitle(self.tr("Change status"))
        self.question.setText(
            self.tr("Move the agreement from «%1» to «%2»?")
            .replace("%1", self.current.label(lang))
            .replace("%2", self.target.label(lang))
        )
        self.actor_label.setText(self.tr("By"))
        self.remark_label.setText(self.tr("Remark"))
        needs_reason = self.target in (AgreementStatus.TERMINATED, AgreementStatus.DRAFT)
        self.remark.setPlaceholderText(
            self.tr("Required: the reason") if needs_reason else self.tr("Optional")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Change status"))

    def try_accept(self) -> bool:
        """Run ``on_accept``; close when it succeeded, else show its message at the remark."""
        message = self.on_accept(self.actor.text().strip(), self.remark.toPlainText().strip())
        self.remark_error.show_error(message)
        mark_field(self.remark, bool(message))
        if message:
            return False
        self.accept()
        return True
