"""Benchmark: the visits list and calendar on the ``--scale 100`` demo (about 50,000 visits).

Run: ``python tests/bench/bench_visits_ui.py [DB]`` (builds /tmp/bench-s100.sqlite3 when no
database is given). Measures opening the visits list, scrolling to the end, filtering by
country and showing a month, each through the real widgets offscreen; prints the median of
5 runs (wall clock, and the process's CPU time, which a machine busy with other work disturbs
less) and the process's peak memory. Not part of the test suite (no timing assertions).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def _database(argv: list[str]) -> Path:
    if argv:
        return Path(argv[0])
    path = Path(tempfile.gettempdir()) / "bench-s100.sqlite3"
    if not path.exists():
        subprocess.run(
            [sys.executable, "-m", "qazvin_diplomacy", "demo", "--db", str(path), "--scale", "100"],
            check=True,
            cwd=ROOT,
        )
    return path


def _settle(app) -> None:
    for _ in range(3):
        app.processEvents()


def main(argv: list[str]) -> None:
    """Print the figures."""
    from qazvin_diplomacy.paths import resolve_paths
    from qazvin_diplomacy.services.directory import country_by_code
    from qazvin_diplomacy.storage.database import Database
    from qazvin_diplomacy.ui.application import apply_language, get_application
    from qazvin_diplomacy.ui.calendar.page import MONTH
    from qazvin_diplomacy.ui.main_window import MainWindow
    from qazvin_diplomacy.ui.settings import Settings
    from qazvin_diplomacy.ui.visits.page import CALENDAR_TAB

    path = _database(argv)
    db = Database.open(path)
    paths = resolve_paths(path, base_dir=Path(tempfile.mkdtemp()))
    app = get_application()
    apply_language(app, "fa")
    window = MainWindow(paths, db, Settings(paths.settings_file))
    window.resize(1366, 768)
    window.show()
    _settle(app)
    iraq = country_by_code(db, "IQ")
    names = ("open list", "scroll to end", "filter by country", "month grid")
    timings: dict[str, list[float]] = {name: [] for name in names}
    cpu: dict[str, list[float]] = {name: [] for name in names}
    clock: list[float] = []

    def start() -> None:
        clock[:] = [time.perf_counter(), time.process_time()]

    def stop(name: str) -> None:
        timings[name].append(time.perf_counter() - clock[0])
        cpu[name].append(time.process_time() - clock[1])

    for _ in range(5):
        window.show_module("dashboard")
        _settle(app)
        window.runner.wait()  # the dashboard's background read is not part of any step
        _settle(app)
        page = window.page("visits")
        page.model.reload()
        start()
        window.show_module("visits")
        page.views.setCurrentIndex(0)
        _settle(app)
        rows = page.model.rowCount()
        page.table.model().data(page.table.model().index(0, 0))
        stop("open list")

        start()
        page.table.scrollToBottom()
        _settle(app)
        last = page.table.model().index(rows - 1, 0)
        page.table.model().data(last)
        stop("scroll to end")

        bar = page.filter_bar
        bar.load_countries()
        start()
        bar.country.setCurrentIndex(bar.country.findData(iraq.id))  # the bar applies it
        _settle(app)
        filtered = page.model.rowCount()
        page.table.model().data(page.table.model().index(0, 0))
        stop("filter by country")
        bar.country.setCurrentIndex(0)
        _settle(app)

        start()
        page.views.setCurrentIndex(CALENDAR_TAB)
        page.calendar.set_view(MONTH)
        _settle(app)
        stop("month grid")
        page.views.setCurrentIndex(0)
    print(f"database: {path} — {rows} visits; Iraq filter: {filtered} visits")
    for name, values in timings.items():
        print(
            f"{name:18s} median {statistics.median(values) * 1000:7.1f} ms   "
            f"max {max(values) * 1000:7.1f} ms   "
            f"CPU median {statistics.median(cpu[name]) * 1000:7.1f} ms"
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
