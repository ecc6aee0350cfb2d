"""Benchmark: the atlas map's redraw on the ``--scale 100`` demo (5,000 companies, 20,000 exports).

Run: ``python tests/bench/bench_map.py [DB]`` (builds /tmp/bench-markets-s100.sqlite3 when no
database is given).  A redraw is what a change of colouring, year or sector costs: the
per-country figures read through the service (``atlas_entries``), every country recoloured
and labelled (``WorldMap.set_data``) and the view painted (``QWidget.repaint`` of a 1280×720
map, offscreen).  Also measured once: building the map (decoding the TopoJSON and the paths).
Prints the median and worst of 20 redraws per mode.  Target: a redraw under 100 ms.
Not part of the test suite (no timing assertions).
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
RUNS = 20


def _database(argv: list[str]) -> Path:
    if argv:
        return Path(argv[0])
    path = Path(tempfile.gettempdir()) / "bench-markets-s100.sqlite3"
    if not path.exists():
        print(f"creating {path} (demo --scale 100) …", flush=True)
        subprocess.run(
            [sys.executable, "-m", "qazvin_diplomacy", "demo", "--db", str(path), "--scale", "100"],
            check=True,
            cwd=ROOT,
        )
    return path


def main(argv: list[str]) -> None:
    """Print the figures."""
    from qazvin_diplomacy.core.markets import MarketFilter
    from qazvin_diplomacy.services import markets as markets_service
    from qazvin_diplomacy.services.connection import open_database
    from qazvin_diplomacy.ui.application import apply_language, get_application
    from qazvin_diplomacy.ui.markets.map_view import EXPORTS, PRIORITY, WorldMap

    db = open_database(_database(argv), read_only=True)
    with db.read_session() as session:
        from sqlalchemy import func, select

        from qazvin_diplomacy.storage.markets import Company, ExportRecord, TargetMarket

        counts = [
            session.scalar(select(func.count()).select_from(t))
            for t in (Company, ExportRecord, TargetMarket)
        ]
    print(f"companies {counts[0]:,}, export records {counts[1]:,}, markets {counts[2]:,}")
    app = get_application()
    apply_language(app, "fa")
    started = time.perf_counter()
    view = WorldMap()
    view.resize(1280, 720)
    view.show()
    app.processEvents()
    print(f"build map (decode + paths + items): {(time.perf_counter() - started) * 1000:.0f} ms")
    names = markets_service.country_names(db)
    for mode, year, sector in (
        (PRIORITY, 1404, None),
        (EXPORTS, 1404, None),
        (PRIORITY, 1404, "food"),
    ):
        query, total = [], []
        for i in range(RUNS):
            t0 = time.perf_counter()
            entries = markets_service.atlas_entries(
                db, year=year - (i % 2), filters=MarketFilter(sector=sector)
            )
            t1 = time.perf_counter()
            view.set_data(entries, names, mode)
            view.viewport().repaint()
            t2 = time.perf_counter()
            query.append((t1 - t0) * 1000)
            total.append((t2 - t0) * 1000)
        print(
            f"redraw {mode:8} sector={sector or '-':5}: median {statistics.median(total):5.1f} ms, "
            f"worst {max(total):5.1f} ms (of which the query: median {statistics.median(query):5.1f} ms)"
        )
    db.close()


if __name__ == "__main__":
    main(sys.argv[1:])
