"""Benchmark: several desks working on one database at once, and not one acknowledged write lost.

Run:  python tests/bench/bench_desks.py [--backend postgresql|sqlite|both] [--seconds 60]
                                        [--desks N] [--url postgresql://…] [--hot 12]

N desk processes (default 8 on PostgreSQL, 4 on one SQLite file in WAL) work for a bounded
time through the services, as the window does: open a list page (visits or resolutions:
count + one page), search, save a visit with optimistic locking (read it, think a few
milliseconds, save what was read with a change: a desk that lost the race is refused
«stale» and counted), add a resolution to a meeting, check an event's guest in.  The
visits saved are a small hot set (``--hot``) so desks do collide.

At the end every acknowledged write is read back: each visit's acknowledged versions are all
different and its stored text is the one of the newest acknowledged save, every resolution
added exists with its text, every guest checked in is checked in.  The exit code is 1 when
any acknowledged write was lost.

The database is the demo's: built once as an SQLite file, then (PostgreSQL) copied with
``transfer`` into a new database on the server of ``--url`` (default ``QD_TEST_PG_URL``, as
``.ci/postgres.sh start`` prints it; the password from ``PGPASSWORD``), dropped afterwards.
Loopback only: the server is the throwaway one.
"""

from __future__ import annotations

import argparse
import dataclasses
import multiprocessing
import os
import random
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import create_engine, make_url, select
from sqlalchemy.pool import NullPool

from qazvin_diplomacy.core.errors import KnownError, StaleRecordError
from qazvin_diplomacy.core.meetings import ResolutionFilter, ResolutionInput
from qazvin_diplomacy.core.visits import ConflictsFound

#: Operation → weight in the mix.
MIX = {"list": 30, "search": 20, "save_visit": 25, "add_resolution": 15, "check_in": 10}
THINK_S = (0.0, 0.03)  # between reading a visit and saving it


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def build_demo(folder: Path) -> Path:
    """The demo database as an SQLite file (made once per run)."""
    from qazvin_diplomacy.services.demo import load_demo
    from qazvin_diplomacy.services.directory import ensure_reference_data
    from qazvin_diplomacy.storage.database import Database

    path = folder / "demo.sqlite3"
    db = Database.open(path)
    ensure_reference_data(db)
    load_demo(db)
    db.close()
    return path


def work_sets(target: str, hot: int) -> dict[str, list[Any]]:
    """What the desks work on: hot visits, open meetings, guests of live events, search words."""
    from qazvin_diplomacy.core.meetings import MeetingStatus
    from qazvin_diplomacy.services.connection import open_database
    from qazvin_diplomacy.storage.directory import Person
    from qazvin_diplomacy.storage.events import Event, EventGuest
    from qazvin_diplomacy.storage.meetings import Meeting
    from qazvin_diplomacy.storage.visits import Visit

    db = open_database(target)
    try:
        with db.read_session() as s:  # type: ignore[attr-defined]
            visits = s.scalars(
                select(Visit.id).where(Visit.archived_at.is_(None)).order_by(Visit.id).limit(hot)
            ).all()
            meetings = s.scalars(
                select(Meeting.id).where(
                    Meeting.archived_at.is_(None), Meeting.status != MeetingStatus.APPROVED.value
                )
            ).all()
            guests = s.scalars(
                select(EventGuest.id)
                .join(Event, Event.id == EventGuest.event_id)
                .where(Event.status != "cancelled", Event.archived_at.is_(None))
            ).all()
            names = s.scalars(select(Person.name_fa).order_by(Person.id).limit(40)).all()
    finally:
        db.close()
    words = sorted({w for n in names for w in n.split() if len(w) >= 3})
    return {
        "visits": list(visits),
        "meetings": list(meetings),
        "guests": list(guests),
        "words": words,
    }


def desk(args: tuple[str, int, float, dict[str, list[Any]], int]) -> dict[str, Any]:
    """One desk: the mix for ``seconds`` once it is connected; its timings and acknowledged writes."""
    target, number, seconds, sets, seed = args
    from qazvin_diplomacy.services import meetings as meetings_svc
    from qazvin_diplomacy.services.connection import open_database
    from qazvin_diplomacy.services.events.checkin import mark_attended
    from qazvin_diplomacy.services.search import search
    from qazvin_diplomacy.services.visits import count_visits, get_visit, list_visits, save_visit

    rng = random.Random(seed)
    db = open_database(target)
    timings: dict[str, list[float]] = defaultdict(list)
    stale = other = 0
    reasons: dict[str, int] = defaultdict(int)
    acked: dict[str, list[Any]] = {"visits": [], "resolutions": [], "guests": []}
    ops = list(MIX)
    weights = [MIX[o] for o in ops]
    n = 0
    deadline = time.monotonic() + seconds
    try:
        while time.monotonic() < deadline:
            op = rng.choices(ops, weights)[0]
            n += 1
            token = f"desk {number} op {n}"
            start = time.perf_counter()
            try:
                if op == "list":
                    if rng.random() < 0.5:
                        count_visits(db)
                        list_visits(db, offset=rng.randrange(0, 60), limit=100)
                    else:
                        f = ResolutionFilter()
                        meetings_svc.count_resolutions(db, filters=f)
                        meetings_svc.list_resolutions(db, filters=f, limit=200)
                elif op == "search":
                    search(db, rng.choice(sets["words"]))
                elif op == "save_visit":
                    visit = get_visit(db, rng.choice(sets["visits"]))
                    read_s = time.perf_counter() - start
                    time.sleep(rng.uniform(*THINK_S))
                    start = time.perf_counter() - read_s  # the clerk's thinking is not latency
                    edited = dataclasses.replace(visit, outcome=token)
                    try:
                        saved = save_visit(db, visit=edited)
                    except ConflictsFound:
                        saved = save_visit(db, visit=edited, conflict_reason="هم‌زمانی آزمایشی")
                    acked["visits"].append((saved.id, saved.version, token))
                elif op == "add_resolution":
                    meeting = rng.choice(sets["meetings"])
                    view = meetings_svc.save_resolution(
                        db, resolution=ResolutionInput(meeting_id=meeting, text=f"مصوبه {token}")
                    )
                    acked["resolutions"].append((view.id, view.text))
                else:
                    guest = rng.choice(sets["guests"])
                    mark_attended(db, guest_id=guest, at=datetime.now(UTC))
                    acked["guests"].append(guest)
            except StaleRecordError:
                stale += 1
                timings[f"{op} (stale)"].append(time.perf_counter() - start)
                continue
            except KnownError as exc:
                other += 1
                reasons[f"{op}: {exc.message_en[:70]}"] += 1
                continue
            timings[op].append(time.perf_counter() - start)
    finally:
        db.close()  # type: ignore[attr-defined]
    return {
        "timings": dict(timings),
        "stale": stale,
        "other": other,
        "reasons": dict(reasons),
        "acked": acked,
    }


def verify(target: str, results: list[dict[str, Any]]) -> list[str]:
    """Every acknowledged write read back; the lost ones named."""
    from qazvin_diplomacy.services.connection import open_database
    from qazvin_diplomacy.services.visits import get_visit
    from qazvin_diplomacy.storage.events import EventGuest
    from qazvin_diplomacy.storage.meetings import Resolution

    lost: list[str] = []
    by_visit: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for r in results:
        for visit_id, version, token in r["acked"]["visits"]:
            by_visit[visit_id].append((version, token))
    db = open_database(target, read_only=True)
    try:
        for visit_id, saves in by_visit.items():
            versions = [v for v, _ in saves]
            if len(set(versions)) != len(versions):
                lost.append(f"visit {visit_id}: two saves acknowledged with the same version")
            newest = max(saves)
            stored = get_visit(db, visit_id)
            if (stored.version, stored.outcome) != newest:
                lost.append(
                    f"visit {visit_id}: stored {stored.version} {stored.outcome!r}, "
                    f"acknowledged {newest}"
                )
        with db.read_session() as s:  # type: ignore[attr-defined]
            for r in results:
                for res_id, text in r["acked"]["resolutions"]:
                    if s.scalar(select(Resolution.text).where(Resolution.id == res_id)) != text:
                        lost.append(f"resolution {res_id} missing or changed")
                for guest in r["acked"]["guests"]:
                    if not s.scalar(select(EventGuest.attended).where(EventGuest.id == guest)):
                        lost.append(f"guest {guest}: check-in lost")
    finally:
        db.close()
    return lost


def run(label: str, target: str, desks: int, seconds: float, hot: int) -> tuple[list[str], int]:
    """Run the desks against ``target``; print the figures; return table lines and lost writes."""
    sets = work_sets(target, hot)
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(desks) as pool:
        results = pool.map(
            desk, [(target, i + 1, seconds, sets, 1000 + i) for i in range(desks)], chunksize=1
        )
    elapsed = seconds
    merged: dict[str, list[float]] = defaultdict(list)
    for r in results:
        for op, values in r["timings"].items():
            merged[op].extend(values)
    stale = sum(r["stale"] for r in results)
    other = sum(r["other"] for r in results)
    done = sum(len(v) for op, v in merged.items() if "stale" not in op)
    lost = verify(target, results)
    acked = sum(len(r["acked"][k]) for r in results for k in r["acked"])
    lines = []
    print(f"\n{label}: {desks} desks, {seconds:.0f} s")
    for op in sorted(merged):
        values = merged[op]
        line = (
            f"{op:<16} {len(values):>6} ops  {len(values) / elapsed:7.1f}/s  "
            f"p50 {_percentile(values, 0.5) * 1000:7.1f} ms  p95 {_percentile(values, 0.95) * 1000:7.1f} ms"
        )
        print(line)
        lines.append(line)
    summary = (
        f"total {done / elapsed:.1f} ops/s; stale-save refusals {stale}; other refusals {other}; "
        f"acknowledged writes {acked}, lost {len(lost)}"
    )
    print(summary)
    reasons: dict[str, int] = defaultdict(int)
    for r in results:
        for reason, count in r["reasons"].items():
            reasons[reason] += count
    for reason, count in sorted(reasons.items(), key=lambda kv: -kv[1])[:5]:
        print(f"  refused {count}× — {reason}")
    for item in lost[:20]:
        print("LOST:", item)
    return lines, len(lost)


def _pg_database(url: str, name: str, *, drop: bool = False) -> str:
    admin = create_engine(
        make_url(url).set(drivername="postgresql+psycopg"),
        isolation_level="AUTOCOMMIT",
        poolclass=NullPool,
    )
    with admin.connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        if not drop:
            conn.exec_driver_sql(f"CREATE DATABASE {name}")
    admin.dispose()
    return make_url(url).set(database=name).render_as_string(hide_password=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=("postgresql", "sqlite", "both"), default="both")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--desks", type=int, default=0, help="default 8 (PostgreSQL) / 4 (SQLite)")
    parser.add_argument("--url", default=os.environ.get("QD_TEST_PG_URL", ""))
    parser.add_argument("--hot", type=int, default=12, help="visits the desks save (contention)")
    args = parser.parse_args()
    from qazvin_diplomacy.services.transfer import transfer_database

    lost = 0
    work = Path(tempfile.mkdtemp(prefix="qd-bench-desks-"))
    os.chdir(work)  # a server database's desk folders go here
    try:
        demo = build_demo(work)
        if args.backend in ("sqlite", "both"):
            path = work / "office.sqlite3"
            shutil.copyfile(demo, path)
            lost += run(
                "SQLite (WAL, one file)", str(path), args.desks or 4, args.seconds, args.hot
            )[1]
        if args.backend in ("postgresql", "both"):
            if not args.url:
                print("PostgreSQL skipped: no --url and no QD_TEST_PG_URL (.ci/postgres.sh start)")
            else:
                name = f"qd_bench_{os.getpid()}"
                url = _pg_database(args.url, name)
                try:
                    transfer_database(demo, url)
                    lost += run("PostgreSQL", url, args.desks or 8, args.seconds, args.hot)[1]
                finally:
                    _pg_database(args.url, name, drop=True)
    finally:
        os.chdir("/")
        shutil.rmtree(work, ignore_errors=True)
    return 1 if lost else 0


if __name__ == "__main__":
    sys.exit(main())
