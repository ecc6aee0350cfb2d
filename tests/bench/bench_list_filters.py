"""Benchmark: every list page's filters on the ``--scale 100`` demo, through the real filter bars.

Run: ``python tests/bench/bench_list_filters.py [DB] [--runs N] [--only MODULE,…] [--profile]``
(builds /tmp/bench-s100.sqlite3 when no database is given, as ``bench_visits_ui.py`` does).
For each list page (every tab with a filter bar: people and organizations, meetings and
resolutions …) each choice field is set to its first choice, each check box ticked, and the
text box given «تهران» and «سفیر» (the bar's own change handler, not its typing timer); the
step ends when the table has painted and its first cell was read. Each filter is undone
between runs. Prints the median wall-clock and CPU time of ``--runs`` runs (3), the rows
left, and the peak memory; ``--profile`` prints cProfile's top functions of each step over
100 ms of CPU. Not part of the test suite (no timing assertions).
"""

from __future__ import annotations

import cProfile
import io
import os
import pstats
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "bench"))

MODULES = (
    "visits",
    "events",
    "agreements",
    "directory",
    "meetings",
    "delegations",
    "followups",
    "markets",
    "capacities",
    "letters",
)
TEXTS = ("تهران", "سفیر")


def _show(widget) -> None:
    """Bring the tab holding ``widget`` to the front (every enclosing tab widget)."""
    from PySide6.QtWidgets import QStackedWidget, QTabWidget

    child, parent = widget, widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QStackedWidget) and parent.indexOf(child) >= 0:
            parent.setCurrentWidget(child)
            tabs = parent.parentWidget()
            if isinstance(tabs, QTabWidget):
                tabs.setCurrentWidget(child)
        child, parent = parent, parent.parentWidget()


def _views(widget) -> list:
    """The tables and trees inside ``widget`` (not the combo boxes' pop-up lists)."""
    from PySide6.QtWidgets import QTableView, QTreeView

    return widget.findChildren(QTableView) + widget.findChildren(QTreeView)


def _steps(bar) -> list[tuple[str, Callable[[], None], Callable[[], None]]]:
    """(name, apply, undo) for each field of ``bar``."""
    from PySide6.QtWidgets import QCheckBox, QComboBox

    steps: list[tuple[str, Callable[[], None], Callable[[], None]]] = []
    for combo in bar.findChildren(QComboBox):
        if combo.count() < 2 or not combo.isVisibleTo(bar):
            continue
        name = combo.objectName() or next((k for k, v in vars(bar).items() if v is combo), "choice")
        start = combo.currentIndex()
        choice = 1 if start != 1 else 0
        steps.append(
            (
                f"{name} = {combo.itemText(choice)[:18]}",
                lambda c=combo, i=choice: c.setCurrentIndex(i),
                lambda c=combo, i=start: c.setCurrentIndex(i),
            )
        )
    for box in bar.findChildren(QCheckBox):
        if not box.isVisibleTo(bar):
            continue
        name = next((k for k, v in vars(bar).items() if v is box), "check")
        steps.append(
            (name, lambda b=box: b.setChecked(not b.isChecked()), lambda b=box: b.toggle())
        )

    def typed(text: str) -> Callable[[], None]:
        def apply() -> None:
            bar.text.blockSignals(True)
            bar.text.setText(text)
            bar.text.blockSignals(False)
            if hasattr(bar, "on_change"):
                bar.on_change()
            else:  # a directory tab: its own text box and filters
                bar.apply_filters()

        return apply

    for text in TEXTS:
        steps.append((f"text «{text}»", typed(text), typed("")))
    return steps


def main(argv: list[str]) -> None:
    """Print the figures."""
    from bench_visits_ui import _database, _settle

    from qazvin_diplomacy.paths import resolve_paths
    from qazvin_diplomacy.storage.database import Database
    from qazvin_diplomacy.ui.application import apply_language, get_application
    from qazvin_diplomacy.ui.list_page import ListFilterBar
    from qazvin_diplomacy.ui.main_window import MainWindow
    from qazvin_diplomacy.ui.settings import Settings

    runs, only, profile, args = 3, None, False, []
    rest = iter(argv)
    for arg in rest:
        if arg == "--runs":
            runs = int(next(rest))
        elif arg == "--only":
            only = next(rest).split(",")
        elif arg == "--profile":
            profile = True
        else:
            args.append(arg)
    path = _database(args)
    db = Database.open(path)
    paths = resolve_paths(path, base_dir=Path(tempfile.mkdtemp()))
    app = get_application()
    apply_language(app, "fa")
    window = MainWindow(paths, db, Settings(paths.settings_file))
    window.resize(1366, 768)
    window.show()
    _settle(app)
    window.runner.wait()
    _settle(app)
    print(f"database: {path}; load average {os.getloadavg()[0]:.1f}")
    for key in only or MODULES:
        page = window.show_module(key)
        _settle(app)
        window.runner.wait()
        _settle(app)
        bars = page.findChildren(ListFilterBar) or list(getattr(page, "lists", []))
        for bar in bars:
            _show(bar)
            _settle(app)
            tables = [
                t
                for t in (_views(bar) or _views(bar.parentWidget()))
                if t.isVisible() and t.model() is not None and t.model().columnCount() > 1
            ]
            table = tables[0] if tables else None
            for name, apply, undo in _steps(bar):
                wall: list[float] = []
                cpu: list[float] = []
                rows = 0
                for _ in range(runs):
                    profiler = cProfile.Profile() if profile else None
                    started, used = time.perf_counter(), time.process_time()
                    if profiler:
                        profiler.enable()
                    apply()
                    _settle(app)
                    if table is not None:
                        model = table.model()
                        rows = model.rowCount()
                        if rows:
                            model.data(model.index(0, 0))
                    if profiler:
                        profiler.disable()
                    wall.append(time.perf_counter() - started)
                    cpu.append(time.process_time() - used)
                    undo()
                    _settle(app)
                    window.runner.wait()
                    _settle(app)
                    if profiler and cpu[-1] > 0.1:
                        out = io.StringIO()
                        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(25)
                        print(out.getvalue())
                print(
                    f"{key:12s} {type(bar).__name__:22s} {name:34s} "
                    f"median {statistics.median(wall) * 1000:7.1f} ms   "
                    f"CPU {statistics.median(cpu) * 1000:7.1f} ms   {rows} rows",
                    flush=True,
                )
    try:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak memory (RSS): {peak:.0f} MB; load average {os.getloadavg()[0]:.1f}")
    except ImportError:  # Windows
        pass
    window.close()
    db.close()


if __name__ == "__main__":
    main(sys.argv[1:])
