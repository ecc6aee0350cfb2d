"""English interface in English: stored English titles and venues, reference numbers that
keep their order, digits in the interface's digits."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from qazvin_diplomacy.core.agreements import AgreementInput
from qazvin_diplomacy.core.calendar import EntryKind
from qazvin_diplomacy.core.events import EventInput
from qazvin_diplomacy.core.formatting import reference_text
from qazvin_diplomacy.core.visits import VisitInput, VisitStatus
from qazvin_diplomacy.services import agreements as agreements_service
from qazvin_diplomacy.services import events as events_service
from qazvin_diplomacy.services import visits as visits_service
from qazvin_diplomacy.services.calendar import agenda_between
from qazvin_diplomacy.ui.agreements.models import AgreementTableModel
from qazvin_diplomacy.ui.application import apply_language
from qazvin_diplomacy.ui.calendar.canvas import entry_text
from qazvin_diplomacy.ui.events.models import EventTableModel
from qazvin_diplomacy.ui.visits.models import VisitTableModel

FSI, LRI, RLI, PDI = "\u2068", "\u2066", "\u2067", "\u2069"


def _cell(model, row: int, col: int) -> str:
    return model.data(model.index(row, col), Qt.ItemDataRole.DisplayRole)


@pytest.fixture
def english(app):
    apply_language(app, "en")
    yield
    apply_language(app, "fa")


def test_reference_keeps_its_order_and_takes_the_reader_digits() -> None:
    assert reference_text("۱۴۰۴/ه/۷") == f"{RLI}۱۴۰۴/ه/۷{PDI}"
    assert reference_text("1404/ه/7") == f"{RLI}۱۴۰۴/ه/۷{PDI}"
    assert reference_text("۱۴۰۴/ه/۷", "en") == f"{LRI}1404/ه/7{PDI}"
    assert reference_text("RM-12") == f"{FSI}RM-12{PDI}"  # a Latin code stays as typed
    assert reference_text("") == ""


def test_visit_list_and_calendar_show_the_english_title(db, english) -> None:
    start = dt.datetime(2025, 11, 1, 10, 0)
    visits_service.save_visit(
        db,
        visit=VisitInput(
            title="دیدار سفیر ژاپن",
            title_en="Visit of the Ambassador of Japan",
            start_at=start,
            end_at=start + dt.timedelta(hours=1),
            status=VisitStatus.PLANNED,
            delegation_name="هیئت ژاپن",
        ),
    )
    model = VisitTableModel(db)
    model.reload()
    assert _cell(model, 0, 0) == "Visit of the Ambassador of Japan"
    (entry,) = agenda_between(db, start=start.date(), end=start.date(), kinds=[EntryKind.VISIT])
    assert "Visit of the Ambassador of Japan" in entry_text(entry)
    assert "دیدار سفیر" not in entry_text(entry)  # the delegation's name has no English field


def test_event_list_shows_english_title_and_venue(db, english) -> None:
    events_service.save_event(
        db,
        event=EventInput(
            title_fa="جشن پنجاه بدر",
            title_en="Panjah Bedar festival",
            start_date=dt.date(2026, 5, 10),
            venue="باغ نشاط",
            venue_en="Neshat Garden",
        ),
    )
    model = EventTableModel(db)
    model.reload()
    assert _cell(model, 0, 0) == "Panjah Bedar festival"
    assert _cell(model, 0, 3) == "Neshat Garden"


def test_agreement_reference_is_isolated_in_both_languages(db, app) -> None:
    agreements_service.save_agreement(
        db, agreement=AgreementInput(title="تفاهم‌نامه گردشگری", reference_number="1404/ه/7")
    )
    model = AgreementTableModel(db)
    model.reload()
    assert _cell(model, 0, 0) == f"{RLI}۱۴۰۴/ه/۷{PDI}"
    apply_language(app, "en")
    try:
        assert _cell(model, 0, 0) == f"{LRI}1404/ه/7{PDI}"
    finally:
        apply_language(app, "fa")
