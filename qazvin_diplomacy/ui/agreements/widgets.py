"""Small widgets of the agreements screens: a search-and-pick field and the remark dialog."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core.agreements import AgreementStatus
from qazvin_diplomacy.ui.common import ID_ROLE, FieldError, PlainTextEdit, mark_field
from qazvin_diplomacy.ui.i18n import Retranslating, current_language, direction_mark

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


def default_actor() -> str:
    """Who is working, to pre-fill "By": empty until the application has users (then the
    signed-in user's name). The operating system's login ("root", a shared office account)
    names no person, so it is never offered."""
    return ""


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
