"""Holiday services: merge of fixed and lunar holidays with the office's corrections; wiring."""

from __future__ import annotations

import datetime as dt

import pytest

from qazvin_diplomacy.core.errors import NotFoundError, StaleRecordError, ValidationError
from qazvin_diplomacy.core.jalali import from_jalali
from qazvin_diplomacy.core.visits import TEHRAN, ConflictKind, VisitInput, VisitStatus
from qazvin_diplomacy.services import holidays as svc
from qazvin_diplomacy.services import visits as visits_svc
from qazvin_diplomacy.services.visit_reports import daily_programme, weekly_agenda

ASHURA = from_jalali(1404, 4, 15)  # tabular 10 Muharram 1447 (Sunday 6 July 2025)


def _by_key(rows, key, occurrence=1):
    return next(r for r in rows if r.key == key and r.occurrence == occurrence)


def test_holidays_in_merges_fixed_and_approximate_lunar(db) -> None:
    found = svc.holidays_in(db, from_jalali(1404, 1, 1), from_jalali(1404, 1, 31))
    names = [(h.date, h.name_fa, h.approximate) for h in found]
    assert (from_jalali(1404, 1, 1), "نوروز", False) in names
    assert (from_jalali(1404, 1, 11), "عید سعید فطر", True) in names
    assert [h.date for h in found] == sorted(h.date for h in found)
    assert svc.holidays_in(db, ASHURA, ASHURA)[0].key == "ashura"
    assert svc.holidays_in(db, ASHURA, ASHURA - dt.timedelta(days=1)) == []


def test_confirm_moves_and_makes_exact(db) -> None:
    row = svc.confirm_holiday(db, jalali_year=1404, key="ashura", day=ASHURA + dt.timedelta(days=1))
    assert row.date == ASHURA + dt.timedelta(days=1) and not row.approximate
    assert row.computed == ASHURA and row.entry_id is not None
    assert svc.holidays_in(db, ASHURA, ASHURA) == []
    moved = svc.holidays_in(db, ASHURA, ASHURA + dt.timedelta(days=1))
    assert [(h.key, h.approximate) for h in moved] == [("ashura", False)]
    # Confirming again updates the same entry (optimistic locking on its version).
    again = svc.confirm_holiday(db, jalali_year=1404, key="ashura", day=ASHURA, version=row.version)
    assert again.entry_id == row.entry_id and again.date == ASHURA
    with pytest.raises(StaleRecordError):
        svc.confirm_holiday(db, jalali_year=1404, key="ashura", day=ASHURA, version=row.version)
    reset = svc.reset_holiday(db, jalali_year=1404, key="ashura")
    assert reset.approximate and reset.entry_id is None
    assert _by_key(svc.year_holidays(db, 1404), "ashura").approximate


def test_cancel_removes_the_holiday_for_that_year_only(db) -> None:
    svc.cancel_holiday(db, jalali_year=1404, key="ashura")
    row = _by_key(svc.year_holidays(db, 1404), "ashura")
    assert row.cancelled and row.holiday() is None
    assert svc.holidays_in(db, ASHURA, ASHURA) == []
    assert any(h.key == "ashura" for h in svc.holidays_in(db, *_year(1405)))


def _year(year: int) -> tuple[dt.date, dt.date]:
    return from_jalali(year, 1, 1), from_jalali(year + 1, 1, 1) - dt.timedelta(days=1)


def test_second_occurrence_is_corrected_separately(db) -> None:
    rows = svc.year_holidays(db, 1404)
    second = _by_key(rows, "eid_fitr_1", 2)
    svc.confirm_holiday(db, jalali_year=1404, key="eid_fitr_1", occurrence=2, day=second.computed)
    rows = svc.year_holidays(db, 1404)
    assert _by_key(rows, "eid_fitr_1", 1).approximate
    assert not _by_key(rows, "eid_fitr_1", 2).approximate


def test_validation_of_corrections(db) -> None:
    with pytest.raises(ValidationError) as outside:
        svc.confirm_holiday(db, jalali_year=1404, key="ashura", day=from_jalali(1405, 4, 15))
    assert outside.value.field == "date" and "۱۴۰۴" in outside.value.errors["date"]
    with pytest.raises(ValidationError) as far:
        svc.confirm_holiday(db, jalali_year=1404, key="ashura", day=ASHURA + dt.timedelta(days=40))
    assert "فاصله" in far.value.errors["date"]
    with pytest.raises(NotFoundError):
        svc.confirm_holiday(db, jalali_year=1404, key="no_such", day=ASHURA)
    with pytest.raises(NotFoundError):
        svc.confirm_holiday(db, jalali_year=1404, key="ashura", occurrence=2, day=ASHURA)
    with pytest.raises(ValidationError):
        svc.year_holidays(db, 1200)


def test_office_holidays_add_update_remove(db) -> None:
    day = from_jalali(1404, 7, 20)
    with pytest.raises(ValidationError) as no_name:
        svc.add_holiday(db, day=day, name_fa="  ")
    assert no_name.value.field == "name_fa"
    row = svc.add_holiday(db, day=day, name_fa="عزای عمومی", name_en="Public mourning")
    assert row.kind == "office" and not row.approximate
    assert [h.name_en for h in svc.holidays_in(db, day, day)] == ["Public mourning"]
    with pytest.raises(ValidationError) as twice:
        svc.add_holiday(db, day=day, name_fa="دوباره")
    assert twice.value.field == "date"
    moved = svc.update_holiday(
        db, row.entry_id, day=day + dt.timedelta(days=1), name_fa="عزای عمومی", version=row.version
    )
    assert svc.holidays_in(db, day, day) == []
    assert any(r.kind == "office" for r in svc.year_holidays(db, 1404))
    with pytest.raises(NotFoundError):
        lunar = svc.confirm_holiday(db, jalali_year=1404, key="ashura", day=ASHURA)
        svc.remove_holiday(db, lunar.entry_id)  # not an office holiday
    svc.remove_holiday(db, moved.entry_id, version=moved.version)
    assert not any(r.kind == "office" for r in svc.year_holidays(db, 1404))


def test_a_visit_on_approximate_ashura_gets_a_holiday_conflict(db) -> None:
    start = dt.datetime(ASHURA.year, ASHURA.month, ASHURA.day, 10, 0, tzinfo=TEHRAN)
    visit = VisitInput(
        title="دیدار آزمایشی",
        start_at=start,
        end_at=start + dt.timedelta(hours=1),
        status=VisitStatus.PLANNED,
    )
    found = visits_svc.find_conflicts(db, visit=visit)
    assert [c.kind for c in found] == [ConflictKind.OFF_DAY]
    assert "عاشورای حسینی" in found[0].description_fa and "تقریبی" in found[0].description_fa
    assert "approximate" in found[0].description_en and "Ashura" in found[0].description_en
    # Once the office says it is a day later, the planned day is free.
    svc.confirm_holiday(db, jalali_year=1404, key="ashura", day=ASHURA + dt.timedelta(days=1))
    assert visits_svc.find_conflicts(db, visit=visit) == []


def test_agenda_and_programme_mark_approximate_holidays(db) -> None:
    agenda = weekly_agenda(db, day=ASHURA)
    marked = {d.day: (d.holiday, d.holiday_approximate) for d in agenda.days if d.holiday}
    assert marked[ASHURA] == ("عاشورای حسینی", True)
    assert marked[ASHURA - dt.timedelta(days=1)] == ("تاسوعای حسینی", True)
    svc.confirm_holiday(db, jalali_year=1404, key="ashura", day=ASHURA)
    programme = daily_programme(db, day=ASHURA)
    assert (programme.holiday, programme.holiday_approximate) == ("عاشورای حسینی", False)
