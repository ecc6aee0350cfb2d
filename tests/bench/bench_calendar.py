"""Benchmark: the office calendar's month, week and day views on the ``--scale 100`` demo.

Run: ``python tests/bench/bench_calendar.py [DB]`` (builds /tmp/bench-s100.sqlite3 when no
database is given, as ``bench_visits_ui.py`` does). Each figure is one user step through the
real widgets offscreen — read the range through ``services.calendar`` (one query per kind)
and paint the view — on the busiest month, its busiest week and day; also the service
query alone and a drag's feedback (one repaint). Prints the median of 7 runs and the peak
memory. Wall-clock and CPU time are both shown: on a machine shared with other work the CPU
time is what the step itself costs. Not part of the test suite (no timing assertions).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "bench"))

RUNS = 7


def main(argv: list[str]) -> None:
    """Print the figures."""
    from bench_visits_ui import _database, _settle
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QWidget

    from qazvin_diplomacy.core import jalali
    from qazvin_diplomacy.core.calendar import EntryKind
    from qazvin_diplomacy.paths import resolve_paths
    from qazvin_diplomacy.services.calendar import agenda_between
    from qazvin_diplomacy.storage.database import Database
    from qazvin_diplomacy.ui.application import apply_language, get_application
    from qazvin_diplomacy.ui.calendar.canvas import HOUR_HEIGHT
    from qazvin_diplomacy.ui.calendar.page import DAY, MONTH, WEEK
    from qazvin_diplomacy.ui.main_window import MainWindow
    from qazvin_diplomacy.ui.settings import Settings

    path = _database(argv)
    db = Database.open(path)
    paths = resolve_paths(path, base_dir=Path(tempfile.mkdtemp()))
    app = get_application()
    apply_language(app, "fa")
    window = MainWindow(paths, db, Settings(paths.settings_file))
    window.resize(1280, 800)
    window.show()
    _settle(app)
    today = window.ctx.today()
    year, month, _ = jalali.to_jalali(today)
    first, last = jalali.month_range(year, month)
    visits = agenda_between(db, start=first, end=last, kinds=[EntryKind.VISIT])
    days = Counter(e.first_day for e in visits)
    busiest = max(days, key=lambda d: days[d]) if days else today
    page = window.show_module("calendar")
    _settle(app)
    names = ("query month", "month view", "week view", "day view", "drag feedback")
    timings: dict[str, list[float]] = {name: [] for name in names}
    cpu: dict[str, list[float]] = {name: [] for name in names}
    window.runner.wait()  # the dashboard's background read is not part of any step
    _settle(app)

    def measure(name: str, step: Callable[[], object]) -> None:
        wall, used = time.perf_counter(), time.process_time()
        step()
        timings[name].append(time.perf_counter() - wall)
        cpu[name].append(time.process_time() - used)

    counts: dict[str, int] = {}
    for _ in range(RUNS):
        measure("query month", lambda: agenda_between(db, start=first, end=last, today=today))
        for name, index in (("month view", MONTH), ("week view", WEEK), ("day view", DAY)):
            page.state.day = busiest
            page.set_view(DAY if index != DAY else WEEK)  # leave, so every step re-reads
            _settle(app)

            def show(index: int = index) -> None:
                page.set_view(index)  # reads the range; painted while the events settle
                _settle(app)

            measure(name, show)
            counts[name] = len(page.state.entries)
        page.set_view(WEEK)
        _settle(app)
        canvas = page.week.hours
        canvas.repaint()
        if canvas.boxes:
            # A drag: the press, then the mouse half an hour lower, drawn where it would land.
            rect, entry = canvas.boxes[0]
            press = rect.center().toPoint()
            QTest.mousePress(canvas, Qt.MouseButton.LeftButton, pos=press)
            QTest.mouseMove(canvas, QPoint(press.x(), press.y() + 10))
            _settle(app)
            lower = QPoint(press.x(), press.y() + 10 + HOUR_HEIGHT // 2)

            def drag(canvas: QWidget = canvas, lower: QPoint = lower) -> None:
                QTest.mouseMove(canvas, lower)
                _settle(app)

            measure("drag feedback", drag)
            canvas._press = canvas._pressed = canvas.drag_target = None  # no move is saved
            QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=lower)
    print(f"database: {path}; busiest day {busiest} ({days.get(busiest, 0)} visits)")
    for name, values in timings.items():
        if not values:
            continue
        shown = f" ({counts[name]} entries)" if name in counts else ""
        print(
            f"{name:14s} median {statistics.median(values) * 1000:7.1f} ms   "
            f"max {max(values) * 1000:7.1f} ms   "
            f"CPU median {statistics.median(cpu[name]) * 1000:7.1f} ms{shown}"
        )
    try:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak memory (RSS): {peak:.0f} MB")
    except ImportError:  # Windows
        pass
    window.close()
    db.close()


if __name__ == "__main__":
    main(sys.argv[1:])
