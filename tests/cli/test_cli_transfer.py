"""``transfer --from --to``: the whole database into an empty one, reported table by table."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from qazvin_diplomacy.cli import main


def test_transfer_prints_each_table_and_audit_verify_passes_on_the_copy(
    database_target: Path | str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """From the fresh database of this run (a file, or PostgreSQL) to a new file."""
    copy = tmp_path / "usb" / "copy.sqlite3"
    assert main(["transfer", "--quiet", "--from", str(database_target), "--to", str(copy)]) == 0
    out = capsys.readouterr().out
    rows = dict(line.split("\t")[:2] for line in out.splitlines() if "\t" in line)
    assert int(rows["country"]) > 100 and "audit_entry" in rows
    assert "OK — انتقال انجام شد" in out and "checksums match" in out
    assert main(["audit", "verify", "--db", str(copy)]) == 0


def test_transfer_into_a_database_with_rows_exits_1_with_one_line(
    database_target: Path | str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.sqlite3"
    assert main(["transfer", "--quiet", "--from", str(database_target), "--to", str(other)]) == 0
    capsys.readouterr()
    before = hashlib.sha256(other.read_bytes()).digest()
    assert main(["transfer", "--quiet", "--from", str(database_target), "--to", str(other)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("خطا: ") and "not empty" in err
    assert "Traceback" not in err
    assert hashlib.sha256(other.read_bytes()).digest() == before
