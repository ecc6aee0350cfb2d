"""Benchmark: the resolutions list at 15,000 resolutions (the ``--scale 100`` demo).

Run:  python tests/bench/bench_resolutions.py [DB]

DB defaults to /tmp/qd-meetings-scale100.sqlite3, created with ``demo --scale 100`` (20
series, 2,000 meetings, 15,000 resolutions) when missing.  Each line is what opening or
filtering the list costs the page: the count and the first page of 200 rows (names,
overdue days and log counts included), median of several runs.  Target: < 200 ms each.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from qazvin_diplomacy.core.clock import today_local
from qazvin_diplomacy.core.meetings import ResolutionFilter
from qazvin_diplomacy.services import meetings as svc
from qazvin_diplomacy.storage.database import Database

DEFAULT_DB = Path("/tmp/qd-meetings-scale100.sqlite3")
TARGET_MS = 200.0
RUNS = 7


def open_scale_db(path: Path) -> Database:
    """Open the scale demo, building it (about a minute) when missing."""
    if not path.exists():
        from qazvin_diplomacy.services.demo import load_demo
        from qazvin_diplomacy.services.directory import ensure_reference_data

        print(f"building {path} (demo --scale 100) …", flush=True)
        db = Database.open(path)
        ensure_reference_data(db)
        load_demo(db, scale=100)
        return db
    return Database.open(path)


def timed(action: Callable[[], object]) -> float:
    """Median milliseconds of ``RUNS`` runs (after one warm-up)."""
    action()
    runs = []
    for _ in range(RUNS):
        start = time.perf_counter()
        action()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def page(
    db: Database, f: ResolutionFilter, sort: str = "deadline", offset: int = 0
) -> Callable[[], object]:
    """What the list page does when opened or filtered: count, then one page."""

    def run() -> object:
        total = svc.count_resolutions(db, filters=f)
        return total, svc.list_resolutions(db, filters=f, sort=sort, offset=offset, limit=200)

    return run


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DB
    db = open_scale_db(path)
    today = today_local()
    total = svc.count_resolutions(db)
    body = svc.body_summary(db, today=today)[0].organization_id
    series = svc.list_series(db)[-1].id
    print(f"{total:,} resolutions in {path}")
    cases = {
        "open (all states)": page(db, ResolutionFilter(today=today)),
        "open only": page(db, ResolutionFilter(due="open", today=today)),
        "overdue": page(db, ResolutionFilter(due="overdue", today=today)),
        "due this week": page(db, ResolutionFilter(due="week", today=today)),
        "body (responsible or co)": page(db, ResolutionFilter(body_id=body, today=today)),
        "overdue of a body": page(db, ResolutionFilter(due="overdue", body_id=body, today=today)),
        "series": page(db, ResolutionFilter(series_id=series, today=today)),
        "text «نمایشگاه»": page(db, ResolutionFilter(text="نمایشگاه", today=today)),
        "open + text + deadline range": page(
            db,
            ResolutionFilter(
                due="open",
                text="اطلس",
                deadline_from=today.replace(year=today.year - 1),
                deadline_to=today,
                today=today,
            ),
        ),
        "sort by body": page(db, ResolutionFilter(today=today), sort="body"),
        "sort by meeting date": page(db, ResolutionFilter(today=today), sort="meeting_date"),
        "last page": page(db, ResolutionFilter(today=today), offset=max(total - 200, 0)),
        "per-body summary": lambda: svc.body_summary(db, today=today),
        "dashboard": lambda: svc.dashboard(db, today=today),
    }
    worst = 0.0
    for name, action in cases.items():
        ms = timed(action)
        worst = max(worst, ms)
        flag = "" if ms < TARGET_MS else "  <-- over target"
        print(f"{name:32s} {ms:8.1f} ms{flag}")
    db.close()
    print(f"worst {worst:.1f} ms (target < {TARGET_MS:.0f} ms)")
    return 0 if worst < TARGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
