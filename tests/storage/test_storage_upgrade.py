"""A database written by an earlier revision of the application opens with every row intact.

``tests/fixtures/demo-0002_visits.sqlite3.gz`` was created by this project's own ``demo``
command at commit 5861173 (schema revision 0002_visits), before agreements, events and the
search index existed.  Revision 0008 appends phone numbers (and an organization's e-mail) to
the stored search keys of people and organizations: those keys must *start* with the old ones.
"""

from __future__ import annotations

import gzip
import shutil
import sqlite3
from pathlib import Path

from qazvin_diplomacy.services.health import check
from qazvin_diplomacy.services.search import search
from qazvin_diplomacy.storage.database import Database, head_revision

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "demo-0002_visits.sqlite3.gz"


REKEYED = ("person", "organization")  # search_key extended by revision 0008


def _snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(path) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
                " AND name != 'alembic_version' AND name NOT LIKE 'search_fts%'"
            )
        ]
        return {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall() for t in tables}


def _search_key_column(path: Path, table: str) -> int:
    with sqlite3.connect(path) as conn:
        names = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
    return names.index("search_key")


def test_earlier_revision_database_upgrades_with_every_row(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    with gzip.open(FIXTURE) as src, path.open("wb") as dst:
        shutil.copyfileobj(src, dst)
    before = _snapshot(path)
    with sqlite3.connect(path) as conn:
        phoned = conn.execute(
            "SELECT count(*) FROM person WHERE phone LIKE '+98 28 3355%' AND archived_at IS NULL"
        ).fetchone()[0]
    assert sum(len(rows) for rows in before.values()) > 300
    db = Database.open(path, backups_dir=tmp_path / "backups")
    try:
        assert db.schema_revision() == head_revision() != "0002_visits"
        report = check(db)
        assert report.healthy, report.problems
        # The new search index covers the old records.
        assert search(db, "نوذری").hits
        # Revision 0008: old contacts are found by a phone fragment, in the national form too.
        found = search(db, "۰۲۸-۳۳۵۵", kinds=["person"], limit_per_kind=100)
        assert phoned and len(found.group("person").hits) == phoned
    finally:
        db.close()
    after = _snapshot(path)
    rekeyed = 0
    for table, rows in before.items():
        # Columns added by later revisions come after the old ones: compare the old prefix.
        width = len(rows[0]) if rows else 0
        new_rows = [row[:width] for row in after[table]]
        if table in REKEYED:
            key = _search_key_column(path, table)
            for old, new in zip(rows, new_rows, strict=True):
                assert str(new[key]).startswith(str(old[key])), (table, new[key])
                rekeyed += new[key] != old[key]
            rows = [row[:key] + row[key + 1 :] for row in rows]
            new_rows = [row[:key] + row[key + 1 :] for row in new_rows]
        assert new_rows == rows, table
    assert rekeyed > 20  # the demo's contacts have phone numbers
    assert list((tmp_path / "backups").glob("old-before-migration-0002_visits-*.sqlite3"))
