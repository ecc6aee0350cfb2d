"""Weekly agenda with hosts and off-day flags; itinerary banners and bilingual labels."""

from __future__ import annotations

import datetime as dt

import pytest
from test_reports_visits_register import column_streams

from qazvin_diplomacy.core.visits import GuestEntry, VisitInput, VisitStatus
from qazvin_diplomacy.reports import weekly_agenda as agenda_module
from qazvin_diplomacy.reports.catalog import render_report
from qazvin_diplomacy.services.demo import load_demo
from qazvin_diplomacy.services.visit_reports import weekly_agenda
from qazvin_diplomacy.services.visits import list_visits, save_visit, visits_between

TODAY = dt.date(2026, 11, 24)  # Tuesday 1405/09/03
PRINTED = dt.datetime(2026, 11, 24, 10, 30)
FRIDAY = dt.datetime(2026, 11, 27, 10, 0)  # Friday 1405/09/07


def _words(text: str) -> list[str]:
    return text.replace("\u200c", "").split()


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo database (today fixed) plus a visit booked on a Friday."""
    from qazvin_diplomacy.services.directory import ensure_reference_data
    from qazvin_diplomacy.storage.database import Database

    db = Database.open(tmp_path_factory.mktemp("agenda") / "office.sqlite3")
    ensure_reference_data(db)
    load_demo(db, today=TODAY)
    held = next(v for v in list_visits(db) if v.hosts and v.guests)
    friday = save_visit(
        db,
        visit=VisitInput(
            title="دیدار جمعه با هیئت Alborz Steel",
            start_at=FRIDAY,
            end_at=FRIDAY + dt.timedelta(hours=2),
            status=VisitStatus.PLANNED,
            guests=(GuestEntry(held.guests[0].id),),
            hosts=(held.hosts[0].id,),
        ),
        conflict_reason="آزمون",
    )
    yield db, friday
    db.close()


def test_weekly_agenda_has_a_host_column_and_flags_visits_on_a_friday(demo, tmp_path):
    db, friday = demo
    out = tmp_path / "week.pdf"
    render_report("weekly-agenda", db, out, week="1405/09/03", printed_at=PRINTED)
    assert agenda_module.HEADER[3] == "میزبان"
    start = dt.date(2026, 11, 21)
    expected = visits_between(db, start=start, end=start + dt.timedelta(days=6))
    assert friday.id in {v.id for v in expected}
    columns = column_streams(out, agenda_module.WIDTHS)
    hosts, status = columns[3], columns[5]
    assert _words(" ".join(hosts)) == [w for v in expected for w in _words(v.host_names())]
    # Exactly the Friday visit carries the flag under its status.
    assert status.count(agenda_module.OFF_DAY_FLAG) == 1
    flagged = status.index(agenda_module.OFF_DAY_FLAG)
    assert status[flagged - 1] == VisitStatus.PLANNED.label_fa.replace("\u200c", "")
    titles = columns[1]
    assert "Alborz Steel" in " ".join(titles[-2:])  # the Friday visit is the week's last


def test_weekly_agenda_flags_visits_on_an_official_holiday(demo, tmp_path):
    db, friday = demo
    nowruz = dt.datetime(2026, 3, 22, 9, 0)  # 1405/01/02, a Nowruz holiday (a Sunday)
    save_visit(
        db,
        visit=VisitInput(
            title="دیدار نوروزی",
            start_at=nowruz,
            end_at=nowruz + dt.timedelta(hours=1),
            status=VisitStatus.CONFIRMED,
            hosts=friday.hosts[:1],
            delegation_name="هیئت",
        ),
        conflict_reason="آزمون",
    )
    out = tmp_path / "nowruz.pdf"
    render_report("weekly-agenda", db, out, week="1405/01/02", printed_at=PRINTED)
    status = column_streams(out, agenda_module.WIDTHS)[5]
    week = weekly_agenda(db, day=nowruz.date())
    on_off_days = sum(len(d.visits) for d in week.days if d.is_off_day)
    assert status.count(agenda_module.OFF_DAY_FLAG) == on_off_days >= 1
