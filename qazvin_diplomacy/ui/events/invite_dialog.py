"""Invite by filter: everyone matching a region, country, kind of organization or rank.

A preview lists who matches (and who is already invited and will be skipped) before
anything is written; the run then reports every skipped person.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core.directory import OrganizationKind
from qazvin_diplomacy.core.errors import KnownError, ValidationError
from qazvin_diplomacy.core.events import InvitationChannel, InviteCriteria, InviteResult
from qazvin_diplomacy.services import directory
from qazvin_diplomacy.services import events as events_service
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.ui.common import FieldError, known_message, refill_combo, show_refusal
from qazvin_diplomacy.ui.i18n import (
    QT_TRANSLATE_NOOP,
    Retranslating,
    current_language,
    direction_mark,
    is_rtl,
    loc_digits,
    loc_text,
)
from qazvin_diplomacy.ui.widgets.jalali import JalaliDateEdit

#: Country regions (``country.region``) with English names (Persian in the .ts).
REGIONS: tuple[tuple[str, str], ...] = (
    ("middle_east", QT_TRANSLATE_NOOP("Regions", "Middle East")),
    ("central_asia", QT_TRANSLATE_NOOP("Regions", "Central Asia")),
    ("caucasus", QT_TRANSLATE_NOOP("Regions", "Caucasus")),
    ("south_asia", QT_TRANSLATE_NOOP("Regions", "South Asia")),
    ("east_asia", QT_TRANSLATE_NOOP("Regions", "East Asia")),
    ("southeast_asia", QT_TRANSLATE_NOOP("Regions", "Southeast Asia")),
    ("europe", QT_TRANSLATE_NOOP("Regions", "Europe")),
    ("africa", QT_TRANSLATE_NOOP("Regions", "Africa")),
    ("north_america", QT_TRANSLATE_NOOP("Regions", "North America")),
    ("latin_america", QT_TRANSLATE_NOOP("Regions", "Latin America")),
    ("oceania", QT_TRANSLATE_NOOP("Regions", "Oceania")),
)


def fill_channels(combo: QComboBox, *, with_none: bool = True) -> None:
    """Put the invitation channels in ``combo`` (keeping the current choice)."""
    channels = [(c.label(current_language()), c.value) for c in InvitationChannel]
    refill_combo(combo, [("—", None), *channels] if with_none else channels)


def invite_report(result: InviteResult) -> str:
    """What an invitation run did, in the UI language, with every skipped person."""
    if is_rtl():
        lines = [result.message_fa]
        lines += [f"• {r.reason_fa}" for r in result.skipped]
        return "\n".join(lines)
    from PySide6.QtCore import QCoreApplication

    text = QCoreApplication.translate("InviteReport", "%1 people invited.").replace(
        "%1", str(len(result.invited))
    )
    lines = [text]
    if result.skipped:
        lines.append(
            QCoreApplication.translate(
                "InviteReport", "%1 skipped (already invited or archived):"
            ).replace("%1", str(len(result.skipped)))
        )
        lines += [f"• {r.name_fa}" for r in result.skipped]
    return "\n".join(lines)


class InviteByFilterDialog(Retranslating, QDialog):
    """Invite everyone matching a filter; a preview first, then a report of who was skipped."""

    invited = Signal(object)  # InviteResult

    def __init__(
        self,
        db: DatabaseHandle,
        event_id: int,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.event_id = event_id
        self.today = today
        self.result: InviteResult | None = None
        self.preview_ids: list[int] = []
        self.resize(620, 560)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.heads = QCheckBox(self)
        self.ad_interim = QCheckBox(self)
        self.ad_interim.setChecked(True)
        self.region = QComboBox(self)
        self.country = QComboBox(self)
        self.org_kind = QComboBox(self)
        self.sent_on = JalaliDateEdit(self)
        self.channel = QComboBox(self)
        self.labels = [QLabel(self) for _ in range(5)]
        form.addRow(self.heads)
        form.addRow(self.ad_interim)
        form.addRow(self.labels[0], self.region)
        form.addRow(self.labels[1], self.country)
        form.addRow(self.labels[2], self.org_kind)
        form.addRow(self.labels[3], self.sent_on)
        form.addRow(self.labels[4], self.channel)
        layout.addLayout(form)
        self.error = FieldError(self)
        layout.addWidget(self.error)
        self.preview_button = QPushButton(self)
        layout.addWidget(self.preview_button, 0, Qt.AlignmentFlag.AlignLeading)
        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
        layout.addWidget(self.preview, 1)
        self.buttons = QDialogButtonBox(self)
        self.invite_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        layout.addWidget(self.buttons)
        self.invite_button.setEnabled(False)
        self.preview_button.clicked.connect(self.run_preview)
        self.invite_button.clicked.connect(self.invite)
        self.close_button.clicked.connect(self.reject)
        for widget in (self.heads, self.ad_interim):
            widget.toggled.connect(lambda _c: self._criteria_changed())
        for combo in (self.region, self.country, self.org_kind):
            combo.currentIndexChanged.connect(lambda _i: self._criteria_changed())
        self._countries = directory.list_countries(db)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.setWindowTitle(self.tr("Invite by filter"))
        self.heads.setText(
            self.tr("All heads of mission (ambassadors, envoys, chargés d'affaires)")
        )
        self.ad_interim.setText(self.tr("Include chargés d'affaires ad interim"))
        for label, text in zip(
            self.labels,
            (
                self.tr("Region"),
                self.tr("Country"),
                self.tr("Organization kind"),
                self.tr("Invitation sent on"),
                self.tr("Sent by"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.preview_button.setText(self.tr("Preview who would be invited"))
        self.invite_button.setText(self.tr("Invite"))
        self._fill(self.region, self.tr("Any region"), [(k, self.tr_region(t)) for k, t in REGIONS])
        self._fill(
            self.country,
            self.tr("Any country"),
            [(c.id, c.name_fa if is_rtl() else c.name_en) for c in self._countries],
        )
        self._fill(
            self.org_kind,
            self.tr("Any kind of organization"),
            [
                (k.value, k.label_fa if is_rtl() else k.value.replace("_", " ").capitalize())
                for k in OrganizationKind
            ],
        )
        fill_channels(self.channel)

    @staticmethod
    def tr_region(text: str) -> str:
        """A region name in the UI language."""
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("Regions", text)

    @staticmethod
    def _fill(combo: QComboBox, any_text: str, items: list[tuple[object, str]]) -> None:
        refill_combo(combo, [(any_text, None), *((text, key) for key, text in items)])

    def criteria(self) -> InviteCriteria:
        """The filter as the service takes it."""
        return InviteCriteria(
            heads_of_mission=self.heads.isChecked(),
            include_ad_interim=self.ad_interim.isChecked(),
            region=self.region.currentData(),
            country_id=self.country.currentData(),
            organization_kind=self.org_kind.currentData(),
        )

    def _criteria_changed(self) -> None:
        self.invite_button.setEnabled(False)
        self.preview.clear()
        self.error.show_error("")

    def show_lines(self, lines: list[str]) -> None:
        """Show ``lines`` in the preview, each laid out in the UI's direction (a line starting
        with a bullet or a Latin name would otherwise be guessed left to right)."""
        option = self.preview.document().defaultTextOption()
        option.setTextDirection(
            Qt.LayoutDirection.RightToLeft if is_rtl() else Qt.LayoutDirection.LeftToRight
        )
        # and on the UI's side: a plain-text edit otherwise keeps every line at the left
        side = Qt.AlignmentFlag.AlignRight if is_rtl() else Qt.AlignmentFlag.AlignLeft
        option.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute)
        self.preview.document().setDefaultTextOption(option)
        self.preview.setPlainText("\n".join(direction_mark() + line for line in lines))

    def run_preview(self) -> list[int]:
        """List who matches, marking those already invited (they will be skipped)."""
        self.error.show_error("")
        try:
            ids = events_service.matching_people(self.db, criteria=self.criteria())
        except ValidationError as exc:
            self.error.show_error(next(iter(exc.errors.values()), known_message(exc)))
            self.invite_button.setEnabled(False)
            return []
        invited = {g.person_id for g in events_service.list_guests(self.db, event_id=self.event_id)}
        lines = []
        for pid in ids[:300]:
            p = directory.get_person(self.db, pid)
            name = loc_text((p.name_fa or p.name_en) if is_rtl() else (p.name_en or p.name_fa))
            title = loc_text(p.title_fa) if is_rtl() else (p.title_en or p.title_fa)
            mark = f" — {self.tr('already invited, will be skipped')}" if pid in invited else ""
            lines.append(f"• {name}" + (f" ({title})" if title else "") + mark)
        if len(ids) > 300:
            lines.append("…")
        new = sum(1 for pid in ids if pid not in invited)
        head = (
            self.tr("%1 people match; %2 will be invited, %3 are already invited.")
            .replace("%1", loc_digits(len(ids)))
            .replace("%2", loc_digits(new))
            .replace("%3", loc_digits(len(ids) - new))
        )
        self.show_lines([head, "", *lines])
        self.preview_ids = ids
        self.invite_button.setEnabled(new > 0)
        return ids

    def invite(self) -> InviteResult | None:
        """Invite everyone matching; the report (who was skipped) replaces the preview.

        A "sent on" date that is typed but not a valid Jalali date refuses the whole run:
        nothing is invited, the dialog stays open with what was typed and the error shown.
        """
        self.error.show_error("")
        message = self.sent_on.validate()
        if message:
            self.error.show_error(message)
            self.sent_on.setFocus()
            return None
        sent_on = self.sent_on.date()
        channel = self.channel.currentData()
        try:
            result = events_service.invite_by_filter(
                self.db,
                event_id=self.event_id,
                criteria=self.criteria(),
                sent_on=sent_on,
                channel=InvitationChannel(channel) if channel else None,
            )
        except KnownError as exc:
            show_refusal(self, self.error, exc)
            return None
        self.result = result
        self.show_lines(invite_report(result).split("\n"))
        self.invite_button.setEnabled(False)
        self.invited.emit(result)
        return result
