"""The seal of the audit trail's head: entries cut off the end are detected by this desk's
witness, by a backup's manifest and by a head kept on paper; the triggers refuse UPDATE and
DELETE; a restore replaces the trail on purpose without a false alarm."""

from __future__ import annotations

import errno
import json
import logging
import re
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from qazvin_diplomacy.cli import main
from qazvin_diplomacy.core.backups import MANIFEST_NAME, BackupRefused
from qazvin_diplomacy.core.directory import OrganizationInput
from qazvin_diplomacy.services import audit
from qazvin_diplomacy.services.audit_seal import (
    Head,
    current_head,
    flush_witnesses,
    read_witness,
    witness_path,
    write_witness,
)
from qazvin_diplomacy.services.backup import (
    create_backup,
    restore_backup,
    restore_backup_to_server,
    verify_backup,
)
from qazvin_diplomacy.services.connection import open_database
from qazvin_diplomacy.services.directory import save_organization
from qazvin_diplomacy.services.health import check
from qazvin_diplomacy.storage.audit import drop_seal_ddl
from qazvin_diplomacy.storage.database import Database


def _org(db: object, name: str) -> None:
    save_organization(db, org=OrganizationInput(name))  # type: ignore[arg-type]


def _target(db: Database) -> str:
    return db.url or str(db.path)


def _cut_tail(db: Database, after: int) -> None:
    """Delete every entry after ``after``, as someone with the owner's rights would: the seal's
    triggers dropped first."""
    with db.engine.begin() as conn:
        for drop in drop_seal_ddl(db.dialect):
            conn.exec_driver_sql(drop)
        conn.execute(text("DELETE FROM audit_entry WHERE id > :n"), {"n": after})


def _verify_cli(db: Database, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    code = main(["audit", "verify", "--db", _target(db), *extra])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_entries_cut_off_the_end_are_reported_by_the_witness(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    for n in range(3):
        _org(db, f"سازمان {n}")
    code, out = _verify_cli(db, capsys)  # this desk witnesses the head
    head = current_head(db)
    assert code == 0 and head is not None, out
    assert f"entry {head.entry}, hash {head.hash[:16]}…" in out
    assert read_witness(db) == head
    _cut_tail(db, head.entry - 2)
    assert audit.verify_audit_trail(db).broken is not None  # the links alone still verify
    code, out = _verify_cli(db, capsys)
    assert code == 1 and len(out.strip().splitlines()) == 1, out
    assert (
        f"entries after entry {head.entry - 2} were removed: the last entry should be at least "
        f"{head.entry}, found {head.entry - 2}" in out
    )
    assert "حذف شده‌اند" in out and "Traceback" not in out
    report = check(db)
    assert any(f"entries after entry {head.entry - 2} were removed" in p for p in report.problems)
    assert read_witness(db) == head  # a broken chain never lowers the witness


def test_every_commit_updates_the_witness(database_target: Path | str, tmp_path: Path) -> None:
    """The window and the CLI open through ``open_database``: each commit moves the witness."""
    db = open_database(database_target, backups_dir=tmp_path / "b", attachments_dir=tmp_path / "a")
    try:
        _org(db, "دانشگاه بین‌المللی قزوین")
        flush_witnesses()  # written by a background thread: the save did not wait for it
        first = read_witness(db)  # type: ignore[arg-type]
        assert first is not None and first == current_head(db)  # type: ignore[arg-type]
        _org(db, "اتاق بازرگانی قزوین")
        flush_witnesses()
        second = read_witness(db)  # type: ignore[arg-type]
        assert second is not None and second.entry > first.entry
        _cut_tail(db, first.entry)  # type: ignore[arg-type]
        result = audit.verify_audit_trail(db)  # type: ignore[arg-type]
        assert result.broken is not None and result.broken.entry_id == first.entry + 1
    finally:
        db.close()


def test_a_replaced_last_entry_is_reported(db: Database) -> None:
    _org(db, "الف")
    head = audit.verify_audit_trail(db)
    assert head.intact
    witnessed = read_witness(db)
    assert witnessed is not None
    _cut_tail(db, witnessed.entry - 1)
    _org(db, "ب")  # the chain grows again over the cut: same number, another entry
    result = audit.verify_audit_trail(db)
    assert result.broken is not None and result.broken.entry_id == witnessed.entry
    assert "differs from the one this desk saw" in result.broken.reason_en


def test_the_paper_record_is_checked_with_expect(
    db: Database,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    for n in range(3):
        _org(db, f"سازمان {n}")
    code, out = _verify_cli(db, capsys)
    found = re.search(r"entry (\d+), hash ([0-9a-f]{16})…", out)
    assert code == 0 and found, out
    paper = f"{found[1]}:{found[2][:8]}"
    assert _verify_cli(db, capsys, "--expect", paper)[0] == 0
    assert _verify_cli(db, capsys, "--expect", f"{found[1]}:{'0' * 8}")[0] == 1
    # Another desk, no witness of its own: only the paper shows the cut.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "another-desk"))
    last = int(found[1])
    _cut_tail(db, last - 1)
    assert _verify_cli(db, capsys)[0] == 0
    code, out = _verify_cli(db, capsys, "--expect", paper)
    assert code == 1 and len(out.strip().splitlines()) == 1, out
    assert f"entry {last} of the paper record is missing; the last entry is {last - 1}" in out
    with pytest.raises(SystemExit) as usage:
        main(["audit", "verify", "--db", _target(db), "--expect", "twelve"])
    out = capsys.readouterr().err
    assert usage.value.code == 2 and "NUMBER:HASH-PREFIX" in out and "Traceback" not in out


def test_a_corrupt_or_unwritable_witness_never_stops_the_work(
    database_target: Path | str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    db = open_database(database_target, backups_dir=tmp_path / "b", attachments_dir=tmp_path / "a")
    try:
        _org(db, "الف")
        flush_witnesses()
        path = witness_path(db)  # type: ignore[arg-type]
        for garbage in (b"\x00\xff not json", b'{"entry": "x"}', b"[]", b""):
            path.write_bytes(garbage)
            with caplog.at_level(logging.WARNING):
                assert read_witness(db) is None  # type: ignore[arg-type]
                assert audit.verify_audit_trail(db).intact  # type: ignore[arg-type]
            assert read_witness(db) == current_head(db)  # type: ignore[arg-type]
        assert "treated as no witness" in caplog.text

        def held(*_args: object) -> None:  # Windows: an antivirus holds the file
            error = PermissionError(errno.EACCES, "in use")
            error.winerror = 32  # type: ignore[attr-defined]
            raise error

        monkeypatch.setattr("qazvin_diplomacy.services.files.RETRY_DELAYS", (0.0,))
        monkeypatch.setattr("os.replace", held)
        before = path.read_bytes()
        _org(db, "ب")  # saved all the same
        flush_witnesses()
        assert path.read_bytes() == before
        assert not list(path.parent.glob("*.tmp"))  # no temporary file left behind
        monkeypatch.undo()
        path.unlink()
        path.parent.rmdir()
        path.parent.write_text("a file where the folder should be")
        with caplog.at_level(logging.WARNING):
            _org(db, "پ")
            flush_witnesses()
        assert "not written" in caplog.text
    finally:
        db.close()


def test_the_seal_refuses_update_and_delete(db: Database) -> None:
    _org(db, "الف")
    before = audit.count_audit_entries(db)
    for statement in ("DELETE FROM audit_entry", "UPDATE audit_entry SET actor = 'x'"):
        with pytest.raises(DBAPIError, match="append-only"), db.engine.begin() as conn:
            conn.execute(text(statement))
    assert audit.count_audit_entries(db) == before
    assert audit.verify_audit_trail(db).intact


def test_restoring_an_older_backup_is_no_truncation_for_the_desk_that_did_it(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _org(db, "پیش از پشتیبان")
    out = tmp_path / "older.qdbackup"
    manifest = create_backup(db, out=out)
    at_backup = current_head(db)
    assert at_backup is not None and manifest.audit_head == (at_backup.entry, at_backup.hash)
    for n in range(3):
        _org(db, f"پس از پشتیبان {n}")
    assert audit.verify_audit_trail(db).intact
    replaced = read_witness(db)
    assert replaced is not None and replaced.entry > at_backup.entry
    if db.url:
        restore_backup_to_server(source=out, db=db)
        restored = db
    else:
        db.close()
        restore_backup(
            source=out, db_path=db.path, backups_dir=db.backups_dir,
            attachments_dir=db.attachments_dir,
        )  # fmt: skip
        restored = Database.open(db.path)
    try:
        head = current_head(restored)
        assert head is not None and head.entry == at_backup.entry + 1  # the restore's entry
        assert read_witness(restored) == head
        entry = audit.list_audit_entries(restored, limit=1)[0]
        assert entry.action == "restore" and entry.entity == "database"
        assert entry.changes["replaced_head"] == [replaced.entry, replaced.hash]
        assert entry.changes["manifest_head"] == [at_backup.entry, at_backup.hash]
        code, said = _verify_cli(restored, capsys)
        assert code == 0, said
        # Another desk that had seen the replaced head: the restore in the trail explains it.
        write_witness(restored, replaced, replace=True)
        assert audit.verify_audit_trail(restored).intact
        # The seal is back after the restore.
        with pytest.raises(DBAPIError), restored.engine.begin() as conn:
            conn.execute(text("DELETE FROM audit_entry"))
    finally:
        if restored is not db:
            restored.close()


def test_a_backup_whose_manifest_head_differs_is_refused(db: Database, tmp_path: Path) -> None:
    _org(db, "الف")
    out = tmp_path / "office.qdbackup"
    create_backup(db, out=out)
    forged = tmp_path / "forged.qdbackup"
    with zipfile.ZipFile(out) as source, zipfile.ZipFile(forged, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == MANIFEST_NAME:
                manifest = json.loads(data)
                manifest["audit_head"]["entry"] += 5  # the packed trail lost its last entries
                data = json.dumps(manifest).encode("utf-8")
            target.writestr(item, data)
    with pytest.raises(BackupRefused) as refused:
        verify_backup(forged)
    assert "audit trail does not match the manifest" in refused.value.message_en
    assert isinstance(Head(1, "0" * 64).shown(), str)


@pytest.mark.sqlite_only(reason="a database file deleted and made anew at the same path")
def test_a_database_made_anew_at_the_same_path_is_no_truncation(
    database_target: Path | str, tmp_path: Path
) -> None:
    """The witness belongs to one chain (its entry 1): a new file at the old path starts its
    own, and the desk's checks do not call it truncated once it has a first entry."""

    def opened() -> Database:
        return open_database(  # type: ignore[return-value]
            database_target, backups_dir=tmp_path / "b", attachments_dir=tmp_path / "a"
        )

    db = opened()
    for n in range(4):
        _org(db, f"سازمان {n}")
    assert audit.verify_audit_trail(db).intact  # the witness records the chain's entry 1
    old = read_witness(db)
    db.close()
    for leftover in Path(database_target).parent.glob(Path(database_target).name + "*"):
        leftover.unlink()
    db = opened()
    try:
        _org(db, "سازمان تازه")
        result = audit.verify_audit_trail(db)
        assert result.intact, result.broken
        assert old is not None and read_witness(db) == current_head(db) != old
        _org(db, "سازمان دیگر")
        head = current_head(db)
        assert head is not None and audit.verify_audit_trail(db).intact
        _cut_tail(db, head.entry - 1)  # the new chain is watched like the old one
        assert audit.verify_audit_trail(db).broken is not None
    finally:
        db.close()
