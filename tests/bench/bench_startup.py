"""Benchmark: start-up until the main window has painted once (not collected by pytest).

Run:  cd /work/main && /work/venv/bin/python tests/bench/bench_startup.py [--runs N]

Each sample is a fresh process (``QT_QPA_PLATFORM=offscreen``), timed from just before it is
spawned until its main window delivers its first paint event, so the interpreter, every
import, opening the database and building the window are all inside the figure. Three
subjects are measured in the same run:

* **bare** — a bare PySide6 ``QMainWindow`` holding a ``QTableView`` of 100 rows (the floor);
* **demo** — the real entry path (``cli.main(["--db", …])``) on the demo database;
* **scale 100** — the same on a ``demo --scale 100`` database.

The databases are cached in ``/tmp`` (``--big`` names an existing scale-100 file;
``/tmp/up100.sqlite3`` is used when present, otherwise it is built once, which takes minutes).
Prints, for each subject, the median and spread of the wall-clock time and its ratio to the
bare window, and the median CPU time the process had used by then (steadier than the wall clock
on a busy shared machine).  The application paints its frame before it opens the database, so
a second figure, **ready**, is the time until the database is open and the first page (the
dashboard) has been built and filled; for the bare window it equals its first paint. Python's bytecode cache is on for the children (kept under the cache
folder), as in an installed or frozen application. ``--clean`` drops the cached files first.

The child is this file with ``--child``: it wraps ``QApplication.exec`` to watch for the
first paint of the top-level ``QMainWindow``, prints the wall-clock time of that moment (and,
for the application, of the moment its first page is filled) and then quits the event loop
normally, so the application shuts down cleanly as after a real
session (no unclean-shutdown check is triggered on the next run).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CACHE = Path(tempfile.gettempdir()) / "qazvin-bench-startup"
BIG_DEFAULT = Path(tempfile.gettempdir()) / "up100.sqlite3"
MARK = "FIRST-PAINT "
READY = "READY "


# --- child ----------------------------------------------------------------------------------


def _watch_first_paint(*, quit_then: bool) -> None:
    """Make the next ``QApplication.exec`` report the main window's first paint (and quit)."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    original_exec = QApplication.exec

    class FirstPaint(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # Qt override
            if event.type() == QEvent.Type.Paint and isinstance(obj, QMainWindow):
                print(f"{MARK}{time.time():.6f} {time.process_time():.6f}", flush=True)
                QApplication.instance().removeEventFilter(self)
                if quit_then:  # the rest of this repaint (the children) finishes first
                    QTimer.singleShot(0, QApplication.instance().quit)
            return False

    def exec_and_watch(*_args: object) -> int:  # called bound or static, like the original
        app = QApplication.instance()
        watcher = FirstPaint(app)
        app.installEventFilter(watcher)
        return original_exec()

    QApplication.exec = exec_and_watch  # type: ignore[method-assign]


def _bare_window() -> int:
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    model = QStandardItemModel(100, 5, window)
    for row in range(100):
        for col in range(5):
            model.setItem(row, col, QStandardItem(f"{row}:{col}"))
    table = QTableView(window)
    table.setModel(model)
    window.setCentralWidget(table)
    window.resize(1280, 800)
    window.show()
    return int(app.exec())


def _watch_ready() -> None:
    """Report the moment the main window's first page is built and filled, then quit.

    From the first paint on, a 10 ms timer watches the event loop; the longest gap between its
    ticks until then is the longest time the GUI thread was blocked (frozen window)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from qazvin_diplomacy.ui.main_window import MainWindow

    original = MainWindow._after_first_paint
    state = {"last": 0.0, "gap": 0.0}

    def tick() -> None:
        now = time.perf_counter()
        state["gap"] = max(state["gap"], now - state["last"])
        state["last"] = now

    def report() -> None:
        tick()
        print(f"{READY}{time.time():.6f} {time.process_time():.6f} {state['gap']:.6f}", flush=True)
        QTimer.singleShot(0, QApplication.instance().quit)

    def after_first_paint(window: MainWindow) -> None:
        timer = QTimer(window)
        timer.setInterval(10)
        timer.timeout.connect(tick)
        state["last"] = time.perf_counter()
        timer.start()
        original(window)
        page = window.current_page()
        reading = getattr(page, "reading", None)
        if reading is not None and reading():  # the cards are read in the worker: wait for them
            page.filled.connect(report)
        else:
            report()

    MainWindow._after_first_paint = after_first_paint  # type: ignore[method-assign]


def child(subject: str, db: str | None) -> int:
    """Run one subject until its first paint / first page (called in the fresh process)."""
    _watch_first_paint(quit_then=subject == "bare")
    if subject == "bare":
        return _bare_window()
    sys.path.insert(0, str(ROOT))
    _watch_ready()
    from qazvin_diplomacy.cli import main as cli_main

    return cli_main(["--db", str(db)])


# --- parent ---------------------------------------------------------------------------------


def _sample(
    subject: str, db: Path | None, env: dict[str, str]
) -> tuple[float, float, float, float]:
    """Seconds from spawning the process to its first paint (wall clock, and CPU time used),
    to its first page being filled (wall clock), and the longest GUI-thread block between."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", subject]
    if db is not None:
        cmd += ["--db", str(db)]
    start = time.time()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, check=False)
    marks = [line for line in proc.stdout.splitlines() if line.startswith(MARK)]
    ready = [line for line in proc.stdout.splitlines() if line.startswith(READY)]
    if proc.returncode != 0 or not marks or (subject != "bare" and not ready):
        raise SystemExit(
            f"{subject}: no first paint (exit {proc.returncode})\n{proc.stderr[-2000:]}"
        )
    painted, cpu = marks[0][len(MARK) :].split()
    filled, _cpu, blocked = ready[0][len(READY) :].split() if ready else (painted, cpu, "0")
    return float(painted) - start, float(cpu), float(filled) - start, float(blocked)


def _demo_db(path: Path, scale: int | None, env: dict[str, str]) -> Path:
    if not path.exists():
        print(f"building {path} (scale {scale or 1}) …", flush=True)
        cmd = [sys.executable, "-m", "qazvin_diplomacy", "demo", "--db", str(path)]
        if scale:
            cmd += ["--scale", str(scale)]
        subprocess.run(cmd, cwd=ROOT, env=env, check=True)
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--big", type=Path, help="an existing demo --scale 100 database")
    parser.add_argument("--child", choices=["bare", "app"])
    parser.add_argument("--db")
    args = parser.parse_args()
    if args.child:
        raise SystemExit(child(args.child, args.db))

    CACHE.mkdir(exist_ok=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    # Compiled bytecode as an installed (or frozen) application has it, kept out of the tree.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(CACHE / "pycache")
    # Settings and logs of the runs stay in the cache, away from the user's own.
    for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"), ("HOME", "home")):
        env[var] = str(CACHE / sub)
    demo = _demo_db(CACHE / "demo.sqlite3", None, env)
    big_source = args.big or BIG_DEFAULT
    if not big_source.exists():
        big_source = _demo_db(CACHE / "scale100-source.sqlite3", 100, env)
    big = CACHE / "scale100.sqlite3"
    if not big.exists():  # a private copy: opening it never touches the shared file
        subprocess.run(
            [
                sys.executable,
                "-c",
                "import sqlite3,sys; s=sqlite3.connect(sys.argv[1]); d=sqlite3.connect(sys.argv[2]);"
                "s.backup(d)",
                str(big_source),
                str(big),
            ],
            check=True,
        )
    subjects: list[tuple[str, str, Path | None]] = [
        ("bare window", "bare", None),
        (f"demo ({demo.stat().st_size / 1e6:.1f} MB)", "app", demo),
        (f"scale 100 ({big.stat().st_size / 1e6:.1f} MB)", "app", big),
    ]
    for _label, subject, db in subjects:  # warm the file cache and the settings once
        _sample(subject, db, env)
    walls: dict[str, list[float]] = {label: [] for label, _s, _d in subjects}
    cpus: dict[str, list[float]] = {label: [] for label, _s, _d in subjects}
    readies: dict[str, list[float]] = {label: [] for label, _s, _d in subjects}
    blocks: dict[str, list[float]] = {label: [] for label, _s, _d in subjects}
    for _ in range(args.runs):  # interleaved, so a busy moment hits every subject alike
        for label, subject, db in subjects:
            wall, cpu, ready, blocked = _sample(subject, db, env)
            walls[label].append(wall)
            cpus[label].append(cpu)
            readies[label].append(ready)
            blocks[label].append(blocked)
    bare = statistics.median(walls[subjects[0][0]])
    bare_cpu = statistics.median(cpus[subjects[0][0]])
    print(f"until the first paint, {args.runs} runs each; CPU = the process's own CPU time then;")
    print("ready = until the database is open and the first page filled (median);")
    print("blocked = the longest the event loop stood still between the first paint and ready")
    print(
        f"{'subject':<24} {'median':>8} {'min':>7} {'max':>7} {'× bare':>7} {'CPU':>8} {'× bare':>7}"
        f" {'ready':>8} {'× bare':>7} {'blocked':>8}"
    )
    for label, values in walls.items():
        median, cpu = statistics.median(values), statistics.median(cpus[label])
        ready, blocked = statistics.median(readies[label]), statistics.median(blocks[label])
        print(
            f"{label:<24} {median:7.3f}s {min(values):6.3f}s {max(values):6.3f}s {median / bare:6.1f}×"
            f" {cpu:7.3f}s {cpu / bare_cpu:6.1f}× {ready:7.3f}s {ready / bare:6.1f}×"
            f" {blocked:7.3f}s"
        )


if __name__ == "__main__":
    if "--clean" in sys.argv:
        shutil.rmtree(CACHE, ignore_errors=True)
        sys.argv.remove("--clean")
    main()
