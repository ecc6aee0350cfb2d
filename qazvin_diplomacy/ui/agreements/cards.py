"""Dashboard cards of the agreements module, read from ``services.agreements.agreement_alerts``.

Three cards: agreements expiring in the next 90 days, obligations past their deadline and
drafts waiting for legal review longer than 30 days.  Each hides itself while it has
nothing to say; a double-click opens the agreement.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from qazvin_diplomacy.core.agreements import (
    EXPIRY_ALERT_DAYS,
    LEGAL_REVIEW_ALERT_DAYS,
    AgreementAlerts,
    PartySide,
)
from qazvin_diplomacy.core.text import bidi_isolate
from qazvin_diplomacy.services import agreements as agreements_service
from qazvin_diplomacy.ui.agreements.models import date_text
from qazvin_diplomacy.ui.dashboard import ListCard
from qazvin_diplomacy.ui.i18n import current_language, is_rtl, loc_digits, loc_text
from qazvin_diplomacy.ui.modules import UiContext


class _AlertsCard(ListCard):
    """A card over one part of the agreement alerts."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.open_module = "agreements"
        self.alerts: AgreementAlerts | None = None
        self.count = 0
        self.retranslate_ui()

    def read(self, today: dt.date) -> AgreementAlerts:
        """The agreement alerts of ``today``."""
        return agreements_service.agreement_alerts(self.ctx.db, today=today)

    def is_relevant(self) -> bool:
        """Shown only while there is something to act on."""
        return self.count > 0

    def _title(self, agreement_title: str, title_en: str = "") -> str:
        """An agreement's title in the UI language (its English title in English if stored)."""
        return bidi_isolate(loc_text(title_en if title_en and not is_rtl() else agreement_title))


class ExpiringAgreementsCard(_AlertsCard):
    """Signed or in-force agreements whose term ends within 90 days."""

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.title.setText(
            self.tr("Agreements expiring within %1 days (%2)")
            .replace("%1", loc_digits(EXPIRY_ALERT_DAYS))
            .replace("%2", loc_digits(self.count))
        )
        self.empty.setText(self.tr("No agreement expires soon."))

    def show_data(self, alerts: AgreementAlerts) -> None:
        """Show the expiring agreements."""
        self.alerts = alerts
        rows = []
        lang = current_language()
        for e in alerts.expiring:
            a = e.agreement
            text = f"{date_text(e.expires_on)} — {self._title(a.title, a.title_en)} — " + self.tr(
                "%1 days left"
            ).replace("%1", loc_digits(e.days_left))
            if e.renews:
                text += " — " + self.tr("renews automatically")
            tip = "\n".join(
                x
                for x in (loc_text(a.title), loc_text(a.parties_text(PartySide.FOREIGN, lang)))
                if x
            )
            rows.append((a.id, text, tip))
        self.count = len(rows)
        self.set_rows(rows)
        self.retranslate_ui()


class OverdueObligationsCard(_AlertsCard):
    """Open obligations of live agreements past their deadline."""

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.title.setText(
            self.tr("Agreement obligations past deadline (%1)").replace(
                "%1", loc_digits(self.count)
            )
        )
        self.empty.setText(self.tr("No obligation is overdue."))

    def show_data(self, alerts: AgreementAlerts) -> None:
        """Show the overdue obligations."""
        self.alerts = alerts
        rows = []
        for o in alerts.overdue_obligations:
            task = o.obligation
            deadline = date_text(task.deadline) if task.deadline else ""
            text = (
                f"{bidi_isolate(loc_text(task.title))} — {self.tr('deadline')} {deadline} — "
                + self.tr("%1 days overdue").replace("%1", loc_digits(o.days_overdue))
            )
            tip = "\n".join(
                x
                for x in (
                    loc_text(o.agreement_title),
                    loc_text(task.owner_name_fa or task.owner_text),
                )
                if x
            )
            rows.append((o.agreement_id, text, tip))
        self.count = len(rows)
        self.set_rows(rows)
        self.retranslate_ui()


class StalledReviewsCard(_AlertsCard):
    """Agreements waiting in legal review for more than 30 days."""

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.title.setText(
            self.tr("Waiting for legal review over %1 days (%2)")
            .replace("%1", loc_digits(LEGAL_REVIEW_ALERT_DAYS))
            .replace("%2", loc_digits(self.count))
        )
        self.empty.setText(self.tr("No agreement waits too long for legal review."))

    def show_data(self, alerts: AgreementAlerts) -> None:
        """Show the stalled legal reviews."""
        self.alerts = alerts
        rows = []
        for s in alerts.stalled_reviews:
            text = f"{self._title(s.agreement.title, s.agreement.title_en)} — " + self.tr(
                "since %1 (%2 days)"
            ).replace("%1", date_text(s.since)).replace("%2", loc_digits(s.days_waiting))
            rows.append((s.agreement.id, text, loc_text(s.agreement.title)))
        self.count = len(rows)
        self.set_rows(rows)
        self.retranslate_ui()
