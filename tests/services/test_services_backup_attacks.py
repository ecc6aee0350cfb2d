"""Hostile input to backup, restore and attachments, at the service level.

The command-line refusals are in ``tests/cli/test_cli_backup_attacks.py``; here: the disk
used while a zip bomb is refused, scrypt never run with a crafted header, and stored
attachment files that no longer match their SHA-256 name (replaced, reported by ``check``).
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest

from qazvin_diplomacy.core.backups import (
    DATABASE_NAME,
    MANIFEST_NAME,
    BackupManifest,
    BackupPasswordError,
    BackupRefused,
)
from qazvin_diplomacy.services import backup_crypto
from qazvin_diplomacy.services.attachments import add_attachment, stored_path
from qazvin_diplomacy.services.backup import create_backup, restore_backup
from qazvin_diplomacy.services.backup import verify as backup_verify
from qazvin_diplomacy.services.health import check
from qazvin_diplomacy.storage.database import Database

pytestmark = pytest.mark.sqlite_only(
    reason="the .qdbackup format holds the SQLite file; a server's backup is issue 18 item 5"
)

MIB = 1024 * 1024


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def with_database(source: Path, out: Path, data: bytes) -> Path:
    """A copy of a plain backup whose database member is ``data`` (manifest kept consistent)."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            raw = zin.read(info.filename)
            if info.filename == MANIFEST_NAME:
                manifest = json.loads(raw)
                manifest["members"][0].update(
                    size=len(data), sha256=hashlib.sha256(data).hexdigest()
                )
                raw = json.dumps(manifest).encode()
            elif info.filename == DATABASE_NAME:
                raw = data
            zout.writestr(info.filename, raw)
    return out


@pytest.mark.parametrize("limit", [8 * MIB, None], ids=["over-a-lowered-limit", "not-sqlite"])
def test_a_zip_bomb_never_grows_the_disk_beside_the_database(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit: int | None
) -> None:
    good = tmp_path / "good.qdbackup"
    create_backup(db, out=good)
    head = b"SQLite format 3\x00" if limit else b""
    bomb = with_database(good, tmp_path / "bomb.qdbackup", head + bytes(64 * MIB))
    if limit:
        monkeypatch.setattr(backup_verify, "MAX_DATABASE_BYTES", limit)
    live = tmp_path / "live"
    live.mkdir()
    (live / "office.sqlite3").write_bytes(db.path.read_bytes())
    before = sorted(p.name for p in live.iterdir())
    # Sample the disk used beside the database every time a member is read from the archive.
    peak = [0]
    real_read = zipfile.ZipExtFile.read

    def sampling_read(self, n=-1):
        peak[0] = max(peak[0], folder_bytes(live))
        return real_read(self, n)

    monkeypatch.setattr(zipfile.ZipExtFile, "read", sampling_read)
    with pytest.raises(BackupRefused):
        restore_backup(
            source=bomb,
            db_path=live / "office.sqlite3",
            backups_dir=live / "office-backups",
            attachments_dir=live / "office-attachments",
        )
    assert sorted(p.name for p in live.iterdir()) == before
    # Nothing of the 64 MiB was written: at most the database copy and one chunk.
    assert peak[0] <= db.path.stat().st_size + 2 * MIB


@pytest.mark.parametrize(
    ("log2_n", "r", "p"),
    [(20, 32, 4), (20, 8, 1), (18, 8, 1), (17, 32, 1), (17, 8, 4), (17, 1, 1)],
)
def test_scrypt_runs_only_with_the_parameters_the_program_writes(
    monkeypatch: pytest.MonkeyPatch, log2_n: int, r: int, p: int
) -> None:
    calls: list[tuple[int, int, int]] = []
    real = backup_crypto.derive_key

    def counting(password: str, salt: bytes, n: int, r_: int, p_: int) -> bytes:
        calls.append((n, r_, p_))
        return real(password, salt, n, r_, p_)

    monkeypatch.setattr(backup_crypto, "derive_key", counting)
    monkeypatch.setattr(backup_crypto, "SCRYPT_LOG2_N", 14)
    sealed = io.BytesIO()
    writer = backup_crypto.EncryptingWriter(sealed, "x")
    writer.write(b"payload")
    writer.close()
    raw = bytearray(sealed.getvalue())
    assert calls == [(14, 8, 1)]
    backup_crypto.decrypt_file(io.BytesIO(bytes(raw)), io.BytesIO(), "x")
    assert len(calls) == 2  # the written parameters are accepted
    raw[9:12] = bytes([log2_n, r, p])
    with pytest.raises(BackupPasswordError):
        backup_crypto.decrypt_file(io.BytesIO(bytes(raw)), io.BytesIO(), "x")
    assert len(calls) == 2  # refused before scrypt ran


def test_a_deeply_nested_manifest_is_malformed_not_a_crash() -> None:
    with pytest.raises(ValueError, match="nested"):
        BackupManifest.from_json(b'{"members": ' + b"[" * 100_000 + b"]" * 100_000 + b"}")


def test_attaching_the_genuine_file_replaces_a_forged_stored_copy(
    db: Database, tmp_path: Path
) -> None:
    genuine = tmp_path / "letter.txt"
    genuine.write_bytes("نامه سفارت".encode())
    view = add_attachment(db, owner_kind="person", owner_id=None, source=genuine)
    stored = stored_path(db, view.sha256)
    assert check(db).healthy
    stored.write_bytes(b"forged")
    problems = check(db).problems
    assert len(problems) == 1 and "SHA-256" in problems[0]
    again = add_attachment(db, owner_kind="person", owner_id=None, source=genuine)
    assert again.sha256 == view.sha256
    assert stored.read_bytes() == genuine.read_bytes()
    assert check(db).healthy
    assert [p.name for p in stored.parent.iterdir()] == [stored.name]  # no .part left


def test_restore_repairs_a_damaged_stored_copy_and_refuses_nothing_good(
    db: Database, tmp_path: Path
) -> None:

    letter = tmp_path / "letter.txt"
    letter.write_bytes(b"a letter")
    view = add_attachment(db, owner_kind="person", owner_id=None, source=letter)
    out = tmp_path / "good.qdbackup"
    create_backup(db, out=out)
    target = tmp_path / "restored"
    attachments_dir = target / "attachments"
    forged = attachments_dir / view.sha256[:2] / view.sha256
    forged.parent.mkdir(parents=True)
    forged.write_bytes(b"forged before the restore")
    result = restore_backup(
        source=out,
        db_path=target / "office.sqlite3",
        backups_dir=target / "backups",
        attachments_dir=attachments_dir,
    )
    assert result.attachments_added == 1 and result.attachments_set_aside == ()
    assert forged.read_bytes() == b"a letter"
