"""Benchmark: global search on the ``--scale 100`` demo (not collected by pytest).

Run:  cd /work/main && /work/venv/bin/python tests/bench/bench_search.py [DB] [--runs N]

DB defaults to /tmp/s100.db and is created with ``demo --scale 100`` when missing (~30 s).
For each query it times ``services.search.search`` (all kinds, 8 hits per kind, titles and
subtitles included) and prints median and 95th percentile in milliseconds.  The target for
3-letter queries is a median under 50 ms and a p95 under 100 ms; the exit code is 1 if a
3-letter query misses it.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from qazvin_diplomacy.services.search import search
from qazvin_diplomacy.storage.database import Database

THREE_LETTERS = ["تاج", "قزو", "سفی", "شرک", "دید", "ali", "mar", "کار", "علی", "zzq"]
OTHERS = [
    "ع",
    "ab",
    "سفیر تاجیکستان",
    "سفير تاجيكستان",
    "سفیرتاجیکستان",
    "معاونهماهنگیقزوین",
    "شرکت ۱۲",
    "Qodirzoda",
    "بازرگانی قزوین",
    "۳۳۵۵",  # a phone fragment in Persian digits
    "0912 555",
    "info@",  # an e-mail fragment
]


def _time(db: Database, query: str, runs: int) -> tuple[float, float, int]:
    search(db, query)  # warm the page cache
    samples = []
    hits = 0
    for _ in range(runs):
        started = time.perf_counter()
        hits = len(search(db, query).hits)
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    p95 = samples[min(len(samples) - 1, int(round(0.95 * (len(samples) - 1))))]
    return statistics.median(samples), p95, hits


def main(argv: list[str]) -> int:
    runs = 50
    if "--runs" in argv:
        runs = int(argv[argv.index("--runs") + 1])
        del argv[argv.index("--runs") : argv.index("--runs") + 2]
    path = Path(argv[0]) if argv else Path("/tmp/s100.db")
    if not path.exists():
        print(f"creating {path} (demo --scale 100) …", flush=True)
        subprocess.run(
            [sys.executable, "-m", "qazvin_diplomacy", "demo", "--db", str(path), "--scale", "100"],
            check=True,
            cwd=Path(__file__).resolve().parents[2],
        )
    db = Database.open(path)
    failed = False
    try:
        with db.engine.connect() as conn:
            indexed = conn.exec_driver_sql("SELECT count(*) FROM search_fts").scalar_one()
        print(f"{path}: {indexed} records indexed; {runs} runs per query")
        print(f"{'query':<22}{'median ms':>10}{'p95 ms':>9}{'hits':>6}")
        medians, p95s = [], []
        for query in THREE_LETTERS + OTHERS:
            median, p95, hits = _time(db, query, runs)
            print(f"{query:<22}{median:>10.1f}{p95:>9.1f}{hits:>6}")
            if query in THREE_LETTERS:
                medians.append(median)
                p95s.append(p95)
                failed |= median >= 50 or p95 >= 100
        print(
            f"3-letter queries: worst median {max(medians):.1f} ms, worst p95 {max(p95s):.1f} ms "
            f"(target < 50 / < 100) — {'FAIL' if failed else 'OK'}"
        )
    finally:
        db.close()
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
