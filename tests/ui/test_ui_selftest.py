"""The self-test opens every view and form in both languages and saves screenshots."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from qazvin_diplomacy.core.visits import GuestEntry, VisitInput
from qazvin_diplomacy.services import visits as visits_service
from qazvin_diplomacy.ui.selftest import latin_digit_texts, run_selftest
from qazvin_diplomacy.ui.settings import LANGUAGE, Settings


@pytest.mark.slow
def test_selftest_opens_everything_and_saves_shots(app, paths, db, people, tmp_path) -> None:
    start = dt.datetime.combine(dt.date.today(), dt.time(10))
    visits_service.save_visit(
        db,
        visit=VisitInput(
            title="دیدار آزمایشی",
            start_at=start,
            end_at=start + dt.timedelta(hours=1),
            guests=(GuestEntry(people["ambassador"]),),
        ),
        conflict_reason="آزمون",
    )
    shots = tmp_path / "shots"
    assert run_selftest(paths, db, shots) == 0
    names = {p.name for p in shots.glob("*.png")}
    for lang in ("fa", "en"):
        assert f"{lang}_dashboard_dashboard.png" in names
        assert f"{lang}_visits_visits_month.png" in names
        assert f"{lang}_visits_visit_form_0.png" in names  # the stored visit's form
        assert f"{lang}_settings.png" in names
    assert all(p.stat().st_size > 5000 for p in shots.glob("*.png"))
    assert Settings(paths.settings_file).get(LANGUAGE) == "fa"  # user choice untouched
    assert app.layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_latin_digit_check_finds_latin_digits_in_labels(app, qtbot) -> None:
    from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    for text in ("۱۴۰۴/۰۸/۰۳", "1404/08/03", "Ctrl+S"):
        layout.addWidget(QLabel(text))
    root.show()
    assert latin_digit_texts(root) == ["1404/08/03"]
