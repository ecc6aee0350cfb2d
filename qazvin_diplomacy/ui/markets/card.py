"""A country's market card: needs, influential people, companies, exports, visits, agreements
and the secretariat's resolutions concerning its markets; its «Country report» button prints
the country briefing."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from qazvin_diplomacy.core.formatting import format_count
from qazvin_diplomacy.core.markets import MarketPersonRole, MarketPriority, MarketStatus
from qazvin_diplomacy.core.text import bidi_isolate
from qazvin_diplomacy.services import markets as markets_service
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.services.markets import CountryCard
from qazvin_diplomacy.ui.common import TaskRunner
from qazvin_diplomacy.ui.i18n import Retranslating, current_language, is_rtl, loc_digits, loc_text
from qazvin_diplomacy.ui.meetings.links import linked_resolutions_html
from qazvin_diplomacy.ui.widgets.jalali import show_date

_SEP = {"fa": "، ", "en": ", "}


def _value(text: str) -> str:
    """A stored text for the card: escaped, in the UI's digits, isolated so that a Persian
    value in the English card (or a Latin one in the Persian card) keeps its own order."""
    return escape(bidi_isolate(loc_text(text)))


class MarketCardDialog(Retranslating, QDialog):
    """The card of one country, opened from the map or the market list (not modal)."""

    def __init__(
        self,
        db: DatabaseHandle,
        country_id: int,
        year: int | None,
        parent: QWidget | None = None,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.country_id = country_id
        self.year = year
        self.runner = runner
        self.setModal(False)
        self.resize(720, 640)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.report_button = buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.report_button.setVisible(runner is not None)
        self.report_button.clicked.connect(lambda: self.print_briefing())
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.card: CountryCard = markets_service.country_card(db, country_id=country_id, year=year)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        lang = current_language()
        card = self.card
        name = card.name_fa if lang == "fa" else (card.name_en or card.name_fa)
        self.setWindowTitle(self.tr("Market card: %1").replace("%1", name))
        self.report_button.setText(self.tr("Country report"))
        self.report_button.setToolTip(
            self.tr("The country briefing (PDF): embassy and people, needs, suppliers, "
                    "visits, agreements, open resolutions, delegations, with a map")
        )  # fmt: skip
        self.browser.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if is_rtl() else Qt.LayoutDirection.LeftToRight
        )
        self.browser.setHtml(self.html())

    def print_briefing(self) -> object | None:
        """The country briefing as PDF, written off the GUI thread and opened."""
        if self.runner is None:
            return None
        from qazvin_diplomacy.ui.ops import print_pdf

        return print_pdf(
            self.runner, self.db, "country-briefing", {"country": self.card.iso2}, parent=self,
            title=self.report_button.text(),
        )  # fmt: skip

    def html(self) -> str:
        """The card as HTML in the UI language and direction."""
        lang = current_language()
        card = self.card
        parts = [f"<h2>{escape(card.name_fa if lang == 'fa' else card.name_en)}</h2>"]
        parts.append(f"<h3>{escape(self.tr('Target markets'))}</h3>")
        if not card.markets:
            parts.append(f"<p>{escape(self.tr('No target market recorded for this country.'))}</p>")
        for m in card.markets:
            place = m.place_fa() if lang == "fa" else m.place_en()
            head = (
                f"{escape(loc_text(place))} — {escape(loc_text(m.subject(lang)))} "
                f"({escape(MarketPriority.label_of(m.priority, lang))}، "
                f"{escape(MarketStatus.label_of(m.status, lang))})"
            )
            if lang != "fa":
                head = head.replace("،", ",")
            parts.append(f"<h4>{head}</h4><ul>")
            rows = [
                (self.tr("Needs and demand"), m.demand_notes),
                (self.tr("Barriers"), m.barriers),
                (self.tr("Sources"), m.sources),
                (self.tr("Information date"), show_date(m.info_date) if m.info_date else ""),
            ]
            for title, value in rows:
                if value:
                    parts.append(f"<li><b>{escape(title)}:</b> {_value(value)}</li>")
            if m.person_rows:
                people = _SEP[lang].join(
                    f"{_value(p.name_fa if lang == 'fa' else (p.name_en or p.name_fa))} "
                    f"({escape(MarketPersonRole.label_of(p.role, lang))})"
                    for p in m.person_rows
                )
                parts.append(f"<li><b>{escape(self.tr('Influential people'))}:</b> {people}</li>")
            if m.company_names_fa:
                names = _SEP[lang].join(_value(n) for n in m.company_names_fa)
                parts.append(
                    f"<li><b>{escape(self.tr('Companies able to supply'))}:</b> {names}</li>"
                )
            parts.append("</ul>")
        if card.exports:
            title = self.tr("Exports recorded in %1").replace(
                "%1", loc_digits(card.export_year or "")
            )
            parts.append(f"<h3>{escape(title)}</h3><table cellpadding='3'>")
            for company, usd in card.exports[:15]:
                parts.append(
                    f"<tr><td>{_value(company)}</td>"
                    f"<td>{escape(format_count(usd, lang))} {escape(self.tr('USD'))}</td></tr>"
                )
            parts.append("</table>")
        history = card.history
        for title, entries in (
            (self.tr("Visits"), history.visits),
            (self.tr("Agreements"), history.agreements),
            (self.tr("Follow-ups"), history.followups),
        ):
            if not entries:
                continue
            parts.append(f"<h3>{escape(title)}</h3><ul>")
            for e in entries[:10]:
                when = show_date(e.when) if e.when else ""
                text = e.title if lang == "fa" else (e.title_en or e.title)
                parts.append(f"<li>{escape(when)} {_value(text)}</li>")
            parts.append("</ul>")
        ids = [m.id for m in card.markets if m.id is not None]
        parts.append(linked_resolutions_html(self.db, "market", ids, None, self.tr("Resolutions")))
        direction = "rtl" if is_rtl() else "ltr"
        return f"<div dir='{direction}'>{''.join(parts)}</div>"
