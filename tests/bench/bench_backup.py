"""Benchmark: backup, verify and restore of a scale-100 demo database (not collected by pytest).

Run:  cd /work/main && /work/venv/bin/python tests/bench/bench_backup.py [DB] [--attachments N]

DB defaults to a fresh scale-100 demo (``qazvin-diplomacy demo --db DB --scale 100`` makes the
same). ``--attachments N`` first adds N random 1 MiB files (incompressible, like scans).
Prints seconds and file sizes for plain and password-protected backups.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from qazvin_diplomacy.services.attachments import add_attachment
from qazvin_diplomacy.services.backup import create_backup, restore_backup, verify_backup
from qazvin_diplomacy.services.demo import load_demo
from qazvin_diplomacy.storage.database import Database


def _timed(label: str, fn) -> object:
    start = time.perf_counter()
    result = fn()
    print(f"{label:<34} {time.perf_counter() - start:7.2f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db", nargs="?")
    parser.add_argument("--attachments", type=int, default=0)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-backup-"))
    try:
        if args.db:
            source = work / "office.sqlite3"
            shutil.copyfile(args.db, source)
            db = Database.open(source)
        else:
            db = Database.open(work / "office.sqlite3")
            _timed("demo scale 100", lambda: load_demo(db, scale=100))
        for i in range(args.attachments):
            f = work / f"scan{i}.pdf"
            f.write_bytes(os.urandom(1024 * 1024))
            add_attachment(db, owner_kind="person", owner_id=1, source=f)
            f.unlink()
        print(f"database {db.path.stat().st_size / 1e6:.1f} MB, attachments {args.attachments} MiB")
        for password in (None, "گذرواژه آزمایشی"):
            kind = "encrypted" if password else "plain"
            out = work / f"{kind}.qdbackup"
            _timed(
                f"create ({kind})",
                lambda out=out, password=password: create_backup(db, out=out, password=password),
            )
            print(f"{'  file size':<34} {out.stat().st_size / 1e6:7.1f} MB")
            _timed(
                f"verify ({kind})",
                lambda out=out, password=password: verify_backup(out, password=password),
            )
            target = work / f"restore-{kind}"
            _timed(
                f"restore into empty folder ({kind})",
                lambda out=out, password=password, target=target: restore_backup(
                    source=out,
                    password=password,
                    db_path=target / "office.sqlite3",
                    backups_dir=target / "backups",
                    attachments_dir=target / "attachments",
                ),
            )
            _timed(
                f"restore over it again ({kind})",
                lambda out=out, password=password, target=target: restore_backup(
                    source=out,
                    password=password,
                    db_path=target / "office.sqlite3",
                    backups_dir=target / "backups",
                    attachments_dir=target / "attachments",
                ),
            )
        db.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
