"""Backups and restore: round trips, encryption, every refusal, migration, cancel, automatic backups."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import struct
import zipfile
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from qazvin_diplomacy.core.backups import (
    DATABASE_NAME,
    MANIFEST_NAME,
    BackupCancelled,
    BackupError,
    BackupManifest,
    BackupPasswordError,
    BackupPasswordRequired,
    BackupRefused,
    attachment_member,
    auto_backup_name,
    auto_backup_time,
    member_kind,
    unsafe_member_reason,
)
from qazvin_diplomacy.core.directory import OrganizationInput
from qazvin_diplomacy.services import backup_crypto
from qazvin_diplomacy.services.attachments import add_attachment
from qazvin_diplomacy.services.backup import (
    auto_backup,
    create_backup,
    is_encrypted,
    restore_backup,
    verify_backup,
)
from qazvin_diplomacy.services.demo import load_demo
from qazvin_diplomacy.services.directory import save_organization
from qazvin_diplomacy.services.health import check
from qazvin_diplomacy.storage.database import Database, head_revision, make_engine, migrate

pytestmark = pytest.mark.sqlite_only(
    reason="the .qdbackup format holds the SQLite file; a server's backup is issue 18 item 5"
)

PASSWORD = "رمز عبور قزوین ۱۴۰۴"
BIG = 2_600_000  # spans three 1 MiB encryption chunks


# --------------------------------------------------------------------------- helpers


def table_rows(path: Path) -> dict[str, list[tuple]]:
    """Every table's rows, in a stable order (read-only); the audit entries a restore appends
    (action ``restore``, see ``test_a_restore_is_recorded…``) left out."""
    with closing(sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        rows = {
            t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables
        }
    rows["audit_entry"] = [r for r in rows.get("audit_entry", []) if r[4] != "restore"]
    return rows


def folder_files(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by relative path, with its bytes."""
    if not folder.exists():
        return {}
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def tree(folder: Path) -> list[str]:
    """Every path under ``folder`` (files and folders)."""
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


@pytest.fixture
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """A cheaper scrypt work factor for the many tamper tests (the reader accepts it)."""
    monkeypatch.setattr(backup_crypto, "SCRYPT_LOG2_N", 14)


@pytest.fixture
def demo(db: Database, tmp_path: Path) -> Database:
    """The demo data with three attachments: a large random one, a Persian-named one, an empty one."""
    load_demo(db, scale=1)
    sources = tmp_path / "sources"
    sources.mkdir()
    big = sources / "scan.pdf"
    big.write_bytes(os.urandom(BIG))
    letter = sources / "نامه سفارت.txt"
    letter.write_text("متن نامه سفارت درباره سفر هیئت", encoding="utf-8")
    empty = sources / "empty.txt"
    empty.write_bytes(b"")
    for source in (big, letter, empty):
        add_attachment(db, owner_kind="person", owner_id=1, source=source)
    return db


@pytest.fixture
def target(tmp_path: Path) -> dict[str, Path]:
    """Paths of a second, empty installation to restore into."""
    base = tmp_path / "restored"
    return {
        "db_path": base / "office.sqlite3",
        "backups_dir": base / "backups",
        "attachments_dir": base / "attachments",
    }


def make_plain(demo: Database, tmp_path: Path) -> Path:
    out = tmp_path / "plain.qdbackup"
    create_backup(demo, out=out)
    return out


def rewrite_zip(
    source: Path,
    out: Path,
    *,
    manifest=None,
    replace: dict[str, bytes] | None = None,
    extra: dict[str, bytes] | None = None,
) -> Path:
    """Copy a plain backup, optionally changing the manifest, member contents or adding members."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == MANIFEST_NAME and manifest is not None:
                data = json.dumps(manifest(json.loads(data))).encode()
            elif replace and info.filename in replace:
                data = replace[info.filename]
            zout.writestr(info.filename, data)
        for name, data in (extra or {}).items():
            zout.writestr(name, data)
    return out


def assert_refused(
    path: Path,
    target: dict[str, Path],
    *,
    error: type[Exception] = BackupRefused,
    password: str | None = None,
) -> BackupError:
    """The file is refused by verify and by restore, and restore writes nothing at all."""
    base = target["db_path"].parent
    base.mkdir(parents=True, exist_ok=True)
    before = tree(base)
    with pytest.raises(error) as verified:
        verify_backup(path, password=password)
    with pytest.raises(error) as restored:
        restore_backup(source=path, password=password, **target)
    assert tree(base) == before
    assert verified.value.message and restored.value.message
    return restored.value


# --------------------------------------------------------------------------- round trips


def test_plain_round_trip_is_exact(demo: Database, tmp_path: Path, target: dict[str, Path]) -> None:
    out = tmp_path / "office.qdbackup"
    manifest = create_backup(demo, out=out)  # the database is open and in use
    assert zipfile.is_zipfile(out) and not is_encrypted(out)
    assert manifest.schema_revision == head_revision()
    assert len(manifest.attachments) == 3 and not manifest.damaged
    assert verify_backup(out) == manifest
    result = restore_backup(source=out, **target)
    assert result.previous_backup is None and not result.migrated
    assert result.attachments_added == 3
    demo.close()
    assert table_rows(target["db_path"]) == table_rows(demo.path)
    assert folder_files(target["attachments_dir"]) == folder_files(demo.attachments_dir)
    assert len(folder_files(target["attachments_dir"])) == 3
    assert not any(p.name.startswith(".") for p in target["db_path"].parent.iterdir())
    reopened = Database.open(target["db_path"], attachments_dir=target["attachments_dir"])
    assert check(reopened).healthy
    reopened.close()


def test_encrypted_round_trip_uses_strong_parameters(
    demo: Database, tmp_path: Path, target: dict[str, Path]
) -> None:
    out = tmp_path / "usb.qdbackup"
    create_backup(demo, out=out, password=PASSWORD)
    raw = out.read_bytes()
    assert is_encrypted(out)
    magic, fmt, log2_n, r, p, chunk, _salt, _prefix = struct.unpack(">8sBBBBI16s4s", raw[:36])
    assert (magic, log2_n, r, p, chunk) == (b"QZDBAK1\x00", 17, 8, 1, 1024 * 1024)
    # Nothing readable leaks: no ZIP headers, no file names, no SQLite header.
    for leak in (b"PK\x03\x04", MANIFEST_NAME.encode(), DATABASE_NAME.encode(), b"SQLite format 3"):
        assert leak not in raw
    with pytest.raises(BackupPasswordRequired):
        verify_backup(out)
    restore_backup(source=out, password=PASSWORD, **target)
    demo.close()
    assert table_rows(target["db_path"]) == table_rows(demo.path)
    assert folder_files(target["attachments_dir"]) == folder_files(demo.attachments_dir)


def test_restore_over_existing_database_keeps_the_previous_one(
    demo: Database, tmp_path: Path
) -> None:
    out = make_plain(demo, tmp_path)
    expected = table_rows(demo.path)
    save_organization(demo, org=OrganizationInput(name_fa="سازمانی که بعد از پشتیبان آمد"))
    changed = table_rows(demo.path)
    assert changed != expected
    demo.close()
    result = restore_backup(
        source=out,
        db_path=demo.path,
        backups_dir=demo.backups_dir,
        attachments_dir=demo.attachments_dir,
    )
    assert result.attachments_added == 0
    assert table_rows(demo.path) == expected
    assert result.previous_backup is not None and result.previous_backup.parent == demo.backups_dir
    assert table_rows(result.previous_backup) == changed
    for suffix in ("-wal", "-shm", "-journal"):
        assert not demo.path.with_name(demo.path.name + suffix).exists()


def test_committed_rows_only_in_the_wal_are_kept_and_never_replayed(
    tmp_path: Path, demo: Database
) -> None:
    out = make_plain(demo, tmp_path)
    restored_rows = table_rows(demo.path)
    demo.close()
    # Leave the database as a crash would: a -wal holding committed rows, not yet checkpointed.
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    conn = sqlite3.connect(demo.path, isolation_level=None)
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute(
        "INSERT INTO organization (name_fa, name_en, kind, city_fa, city_en, phone, email, address, "
        "notes, search_key, uuid, created_at, updated_at, version) VALUES ('فقط در WAL', '', 'other', "
        "'', '', '', '', '', '', '', 'u-wal', '2025-01-01', '2025-01-01', 1)"
    )
    for suffix in ("", "-wal", "-shm"):
        src = demo.path.with_name(demo.path.name + suffix)
        (crashed / (demo.path.name + suffix)).write_bytes(src.read_bytes())
    conn.close()
    db_path = crashed / demo.path.name
    assert db_path.with_name(db_path.name + "-wal").stat().st_size > 0
    result = restore_backup(
        source=out,
        db_path=db_path,
        backups_dir=crashed / "bk",
        attachments_dir=demo.attachments_dir,
    )
    previous = table_rows(result.previous_backup)
    assert any("فقط در WAL" in row for row in previous["organization"])
    assert table_rows(db_path) == restored_rows
    assert not db_path.with_name(db_path.name + "-wal").exists()


def test_restore_refuses_while_the_database_is_open(demo: Database, tmp_path: Path) -> None:
    out = make_plain(demo, tmp_path)
    save_organization(demo, org=OrganizationInput(name_fa="سازمان تازه"))
    before = table_rows(demo.path)
    with demo.engine.begin() as conn:  # another user of the file holds a read transaction
        conn.exec_driver_sql("SELECT count(*) FROM organization").fetchall()
        with pytest.raises(BackupError) as info:
            restore_backup(
                source=out,
                db_path=demo.path,
                backups_dir=demo.backups_dir,
                attachments_dir=demo.attachments_dir,
            )
    assert "ببندید" in info.value.message
    assert table_rows(demo.path) == before
    assert check(demo).healthy


def test_restore_over_a_damaged_database_keeps_its_bytes(demo: Database, tmp_path: Path) -> None:
    out = make_plain(demo, tmp_path)
    demo.close()
    expected = table_rows(demo.path)
    broken = tmp_path / "broken" / "office.sqlite3"
    broken.parent.mkdir()
    garbage = b"SQLite format 3\x00" + os.urandom(8192)
    broken.write_bytes(garbage)
    result = restore_backup(
        source=out,
        db_path=broken,
        backups_dir=broken.parent / "bk",
        attachments_dir=broken.parent / "att",
    )
    assert result.previous_backup is not None and result.previous_backup.read_bytes() == garbage
    assert table_rows(broken) == expected


def test_progress_is_monotonic_and_complete(
    demo: Database, tmp_path: Path, target, fast_kdf
) -> None:
    calls: list[tuple[int, int]] = []
    out = tmp_path / "p.qdbackup"
    create_backup(demo, out=out, password="x", progress=lambda d, t: calls.append((d, t)))
    assert len(calls) >= 3
    assert all(a[0] < b[0] for a, b in zip(calls, calls[1:], strict=False))
    assert calls[-1][0] == calls[-1][1]
    calls.clear()
    restore_backup(source=out, password="x", progress=lambda d, t: calls.append((d, t)), **target)
    assert all(a[0] < b[0] for a, b in zip(calls, calls[1:], strict=False))
    assert all(d <= t for d, t in calls) and calls[-1][0] == calls[-1][1]


# --------------------------------------------------------------------------- refusals


def test_wrong_password_is_refused(demo: Database, tmp_path: Path, target, fast_kdf) -> None:
    out = tmp_path / "e.qdbackup"
    create_backup(demo, out=out, password=PASSWORD)
    error = assert_refused(out, target, error=BackupPasswordError, password="گذرواژه دیگر")
    assert "گذرواژه نادرست است یا پرونده دستکاری شده است" in error.message


def _flip(raw: bytes, offset: int) -> bytes:
    data = bytearray(raw)
    data[offset] ^= 0x01
    return bytes(data)


BLOCK = backup_crypto.CHUNK_SIZE + backup_crypto.TAG_SIZE
HEADER = backup_crypto.HEADER_SIZE
TAMPERINGS = {
    "magic-adjacent header byte (salt)": lambda raw: _flip(raw, 20),
    "header chunk size": lambda raw: raw[:12] + struct.pack(">I", 512 * 1024) + raw[16:],
    "first chunk": lambda raw: _flip(raw, HEADER + 10),
    "middle chunk": lambda raw: _flip(raw, HEADER + BLOCK + BLOCK // 2),
    "last chunk": lambda raw: _flip(raw, len(raw) - 5),
    "last tag byte": lambda raw: _flip(raw, len(raw) - 1),
    "truncated by a few bytes": lambda raw: raw[:-7],
    "truncated at a chunk boundary": lambda raw: raw[: HEADER + 2 * BLOCK],
    "header only": lambda raw: raw[:HEADER],
    "bytes appended": lambda raw: raw + b"\x00" * 16,
    "chunks swapped": lambda raw: (
        raw[:HEADER]
        + raw[HEADER + BLOCK : HEADER + 2 * BLOCK]
        + raw[HEADER : HEADER + BLOCK]
        + raw[HEADER + 2 * BLOCK :]
    ),
}


@pytest.mark.parametrize("how", sorted(TAMPERINGS))
def test_tampered_encrypted_file_is_refused(
    demo, tmp_path: Path, target, fast_kdf, how: str
) -> None:
    out = tmp_path / "e.qdbackup"
    create_backup(demo, out=out, password=PASSWORD)
    raw = out.read_bytes()
    assert len(raw) > HEADER + 2 * BLOCK  # at least three chunks
    bad = tmp_path / "tampered.qdbackup"
    bad.write_bytes(TAMPERINGS[how](raw))
    # Refused by the authentication itself, before the ZIP layer is even looked at.
    assert_refused(bad, target, error=BackupPasswordError, password=PASSWORD)


def test_a_non_zip_file_is_refused(tmp_path: Path, target) -> None:
    bad = tmp_path / "photo.qdbackup"
    bad.write_bytes(b"\x89PNG\r\n" + os.urandom(3000))
    error = assert_refused(bad, target)
    assert "ZIP" in error.message
    assert_refused(tmp_path / "missing.qdbackup", target)


def test_a_flipped_byte_in_a_plain_backup_is_refused(demo, tmp_path: Path, target) -> None:
    out = make_plain(demo, tmp_path)
    raw = out.read_bytes()
    bad = tmp_path / "flipped.qdbackup"
    bad.write_bytes(_flip(raw, len(raw) // 2))
    assert_refused(bad, target)


@pytest.mark.parametrize(
    "name",
    ["../evil", "attachments/../../evil", "/etc/evil", "C:/Windows/evil", "C:evil", "a\\..\\evil"],
)
def test_an_escaping_member_path_is_refused(demo, tmp_path: Path, target, name: str) -> None:
    out = make_plain(demo, tmp_path)

    def list_it(manifest: dict) -> dict:
        manifest["members"].append({"path": name, "size": 4, "sha256": "0" * 64})
        return manifest

    bad = rewrite_zip(out, tmp_path / "evil.qdbackup", manifest=list_it, extra={name: b"evil"})
    error = assert_refused(bad, target)
    assert "ناامن" in error.message
    assert not any(p.name == "evil" for p in tmp_path.rglob("*"))


def test_unknown_or_unlisted_members_are_refused(demo, tmp_path: Path, target) -> None:
    out = make_plain(demo, tmp_path)
    bad = rewrite_zip(out, tmp_path / "extra.qdbackup", extra={"readme.txt": b"hi"})
    assert "ناشناخته" in assert_refused(bad, target).message
    sha = "ab" * 32
    bad = rewrite_zip(out, tmp_path / "unlisted.qdbackup", extra={attachment_member(sha): b"x"})
    assert "فهرست" in assert_refused(bad, target).message


def test_a_checksum_mismatch_is_refused(demo, tmp_path: Path, target) -> None:
    out = make_plain(demo, tmp_path)

    def corrupt(manifest: dict) -> dict:
        manifest["members"][0]["sha256"] = "f" * 64
        return manifest

    bad = rewrite_zip(out, tmp_path / "sum.qdbackup", manifest=corrupt)
    assert "checksum" in assert_refused(bad, target).message

    def rename(manifest: dict) -> dict:  # an attachment's listed hash no longer its name
        manifest["members"][1]["sha256"] = "f" * 64
        return manifest

    bad = rewrite_zip(out, tmp_path / "name.qdbackup", manifest=rename)
    assert "SHA-256" in assert_refused(bad, target).message
    # Same size, different content, manifest untouched (the ZIP's own CRC is consistent).
    with zipfile.ZipFile(out) as zf:
        database = bytearray(zf.read(DATABASE_NAME))
    database[-100] ^= 0xFF
    bad = rewrite_zip(out, tmp_path / "content.qdbackup", replace={DATABASE_NAME: bytes(database)})
    assert_refused(bad, target)


def test_a_newer_schema_or_format_is_refused(demo, tmp_path: Path, target) -> None:
    out = make_plain(demo, tmp_path)

    def newer_schema(manifest: dict) -> dict:
        manifest["schema_revision"] = "0099_from_the_future"
        return manifest

    def newer_format(manifest: dict) -> dict:
        manifest["format_version"] = 2
        return manifest

    error = assert_refused(rewrite_zip(out, tmp_path / "s.qdbackup", manifest=newer_schema), target)
    assert "جدیدتر" in error.message
    error = assert_refused(rewrite_zip(out, tmp_path / "f.qdbackup", manifest=newer_format), target)
    assert "جدیدتر" in error.message


def test_a_packed_database_from_a_newer_version_is_refused(demo, tmp_path: Path, target) -> None:
    out = make_plain(demo, tmp_path)
    with zipfile.ZipFile(out) as zf:
        data = zf.read(DATABASE_NAME)
    newer = tmp_path / "newer.sqlite3"
    newer.write_bytes(data)
    with closing(sqlite3.connect(newer)) as conn:
        conn.execute("UPDATE alembic_version SET version_num='0099_future'")
        conn.commit()
    data = newer.read_bytes()
    import hashlib

    def fix(manifest: dict) -> dict:
        manifest["members"][0].update(size=len(data), sha256=hashlib.sha256(data).hexdigest())
        return manifest

    bad = rewrite_zip(out, tmp_path / "n.qdbackup", manifest=fix, replace={DATABASE_NAME: data})
    assert_refused(bad, target)


# --------------------------------------------------------------------------- migration


def test_an_older_schema_backup_is_migrated(tmp_path: Path, target) -> None:
    old_path = tmp_path / "old" / "office.sqlite3"
    old_path.parent.mkdir()
    engine = make_engine(old_path)
    migrate(engine, "0001_foundation")
    engine.dispose()
    with closing(sqlite3.connect(old_path)) as conn:
        conn.execute(
            "INSERT INTO country (iso2, iso3, name_fa, name_en, region, is_target, priority, notes, "
            "search_key, uuid, created_at, updated_at, version) VALUES ('IQ', 'IRQ', 'عراق', 'Iraq', "
            "'west_asia', 1, 1, '', 'عراق iraq', 'u-iq', '2024-01-01', '2024-01-01', 1)"
        )
        conn.commit()
    old_db = Database(
        old_path, make_engine(old_path), tmp_path / "old" / "bk", tmp_path / "old" / "att"
    )
    assert old_db.schema_revision() == "0001_foundation"
    out = tmp_path / "old.qdbackup"
    assert create_backup(old_db, out=out).schema_revision == "0001_foundation"
    old_db.close()
    result = restore_backup(source=out, **target)
    assert (result.schema_from, result.schema_to) == ("0001_foundation", head_revision())
    assert result.migrated
    rows = table_rows(target["db_path"])
    assert [r for r in rows["country"] if "عراق" in r]
    assert rows["alembic_version"] == [(head_revision(),)]
    assert any(
        "before-migration-0001_foundation" in p.name for p in target["backups_dir"].iterdir()
    )


# --------------------------------------------------------------------------- cancel


def test_cancelled_backup_leaves_nothing(demo: Database, tmp_path: Path) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    calls = {"n": 0}

    def cancel() -> bool:
        calls["n"] += 1
        return calls["n"] > 2

    before_db_folder = tree(demo.path.parent)
    with pytest.raises(BackupCancelled):
        create_backup(demo, out=folder / "b.qdbackup", password="x", cancel=cancel)
    assert list(folder.iterdir()) == []
    assert tree(demo.path.parent) == before_db_folder
    # An existing backup of the same name survives a cancelled overwrite.
    (folder / "b.qdbackup").write_bytes(b"older backup")
    with pytest.raises(BackupCancelled):
        create_backup(demo, out=folder / "b.qdbackup", cancel=lambda: True)
    assert [p.name for p in folder.iterdir()] == ["b.qdbackup"]
    assert (folder / "b.qdbackup").read_bytes() == b"older backup"


def test_a_failing_backup_leaves_nothing(demo: Database, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()

    def boom(done: int, total: int) -> None:
        if done > BIG:
            raise OSError(28, "No space left on device")

    with pytest.raises(BackupError) as info:
        create_backup(demo, out=folder / "b.qdbackup", progress=boom)
    assert "دیسک" in info.value.message
    assert list(folder.iterdir()) == []


@pytest.mark.slow
def test_cancelled_restore_at_every_point_leaves_the_old_database(
    demo: Database, tmp_path: Path, fast_kdf
) -> None:
    out = tmp_path / "b.qdbackup"
    create_backup(demo, out=out, password="x")
    save_organization(demo, org=OrganizationInput(name_fa="سازمان پس از پشتیبان"))
    demo.close()
    old_rows = table_rows(demo.path)
    for extra in demo.attachments_dir.rglob("*"):
        if extra.is_file():
            extra.unlink()  # so a restore would have attachments to add
    paths = {
        "db_path": demo.path,
        "backups_dir": demo.backups_dir,
        "attachments_dir": demo.attachments_dir,
    }
    calls = {"n": 0}
    restore_backup(
        source=out,
        password="x",
        cancel=lambda: calls.__setitem__("n", calls["n"] + 1) or False,
        db_path=tmp_path / "probe" / "x.sqlite3",
        backups_dir=tmp_path / "probe" / "bk",
        attachments_dir=tmp_path / "probe" / "att",
    )
    assert calls["n"] >= 5
    for k in range(1, calls["n"] + 1):
        seen = {"n": 0}

        def cancel(seen=seen, k=k) -> bool:
            seen["n"] += 1
            return seen["n"] >= k

        before = tree(demo.path.parent)
        with pytest.raises(BackupCancelled):
            restore_backup(source=out, password="x", cancel=cancel, **paths)
        assert table_rows(demo.path) == old_rows, k
        assert tree(demo.path.parent) == before, k


# --------------------------------------------------------------------------- automatic


def test_auto_backup_once_a_day_keeping_the_newest(demo: Database, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / "office-before-migration-0001_foundation-20240101-000000.sqlite3").write_bytes(
        b"keep me"
    )
    (folder / "manual.qdbackup").write_bytes(b"keep me too")
    start = datetime(2025, 3, 1, 9, 30)
    made = []
    for day in range(5):
        path = auto_backup(demo, backups_dir=folder, keep=3, now=start + timedelta(days=day))
        assert path is not None and path.exists()
        made.append(path)
        assert (
            auto_backup(demo, backups_dir=folder, keep=3, now=start + timedelta(days=day, hours=8))
            is None
        )
    autos = sorted(p.name for p in folder.iterdir() if auto_backup_time(p.name))
    assert autos == sorted(p.name for p in made[-3:])
    assert (folder / "manual.qdbackup").read_bytes() == b"keep me too"
    assert (folder / "office-before-migration-0001_foundation-20240101-000000.sqlite3").exists()
    verify_backup(made[-1])
    # Lowering the setting prunes on the next run, even when no backup is due.
    assert (
        auto_backup(demo, backups_dir=folder, keep=1, now=start + timedelta(days=4, hours=1))
        is None
    )
    assert [p for p in folder.iterdir() if auto_backup_time(p.name)] == [made[-1]]
    with pytest.raises(ValueError):
        auto_backup(demo, backups_dir=folder, keep=0)


# --------------------------------------------------------------------------- pure pieces


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("database.sqlite3", True),
        ("attachments/ab/" + "ab" * 32, True),
        ("../evil", False),
        ("a/../../evil", False),
        ("/abs", False),
        ("C:/x", False),
        ("d:x", False),
        ("a\\b", False),
        ("a//b", False),
        ("./a", False),
        ("", False),
    ],
)
def test_member_names(name: str, safe: bool) -> None:
    assert (unsafe_member_reason(name) is None) is safe


def test_member_kinds_and_auto_names() -> None:
    sha = "0f" + "1" * 62
    assert member_kind(attachment_member(sha)) == "attachment"
    assert member_kind("attachments/aa/" + sha) is None  # folder must be the hash's prefix
    assert member_kind("attachments/0f/" + sha.upper()) is None
    assert member_kind(MANIFEST_NAME) == "manifest"
    when = datetime(2025, 10, 25, 7, 5, 9)
    assert auto_backup_time(auto_backup_name(when)) == when
    assert auto_backup_time("auto-backup-20251025-070509.qdbackup.part") is None


def test_manifest_json_round_trip_and_rejects_junk() -> None:
    raw = json.dumps(
        {
            "format_version": 1,
            "app_version": "0.1.0",
            "schema_revision": "0002_visits",
            "created_at": "2025-10-25T07:05:09+00:00",
            "members": [{"path": DATABASE_NAME, "size": 3, "sha256": "a" * 64}],
        }
    ).encode()
    manifest = BackupManifest.from_json(raw)
    assert BackupManifest.from_json(manifest.to_json()) == manifest
    for junk in (
        b"[]",
        b"{",
        "ن".encode(),
        raw.replace(b'"size": 3', b'"size": -1'),
        raw.replace(b"+00:00", b""),
        raw.replace(b'"a', b'"z'),
    ):
        with pytest.raises(ValueError):
            BackupManifest.from_json(junk)


def test_decrypt_needs_the_header(tmp_path: Path) -> None:
    with pytest.raises(BackupRefused):
        backup_crypto.decrypt_file(io.BytesIO(b"PK\x03\x04"), io.BytesIO(), "x")


def _sealed(plain: bytes, password: str = "x") -> bytes:
    sink = io.BytesIO()
    writer = backup_crypto.EncryptingWriter(sink, password)
    for i in range(0, len(plain), 1000):
        writer.write(plain[i : i + 1000])
    writer.close()
    return sink.getvalue()


def _opened(sealed: bytes, password: str = "x") -> bytes:
    out = io.BytesIO()
    backup_crypto.decrypt_file(io.BytesIO(sealed), out, password)
    return out.getvalue()


@pytest.mark.parametrize("size", [0, 1, 4096, 4096 * 3, 4096 * 3 + 1])
def test_chunked_encryption_round_trip(
    monkeypatch: pytest.MonkeyPatch, fast_kdf, size: int
) -> None:
    monkeypatch.setattr(backup_crypto, "CHUNK_SIZE", 4096)
    plain = os.urandom(size)
    sealed = _sealed(plain)
    chunks = max(1, -(-size // 4096))  # a full last chunk is itself the final one
    assert len(sealed) == backup_crypto.HEADER_SIZE + size + 16 * chunks
    assert _opened(sealed) == plain


def test_chunked_encryption_detects_cuts_reordering_and_wrong_keys(
    monkeypatch: pytest.MonkeyPatch, fast_kdf
) -> None:
    monkeypatch.setattr(backup_crypto, "CHUNK_SIZE", 4096)
    block, head = 4096 + 16, backup_crypto.HEADER_SIZE
    sealed = _sealed(os.urandom(4096 * 3 + 10))  # three full chunks and a short final one
    other = _sealed(os.urandom(4096 * 3 + 10))
    bad = {
        "cut at each chunk boundary": [sealed[: head + k * block] for k in range(4)],
        "chunk dropped": [sealed[: head + block] + sealed[head + 2 * block :]],
        "chunks swapped": [
            sealed[:head]
            + sealed[head + block : head + 2 * block]
            + sealed[head : head + block]
            + sealed[head + 2 * block :]
        ],
        "chunk from another file": [
            sealed[: head + block]
            + other[head + block : head + 2 * block]
            + sealed[head + 2 * block :]
        ],
        "a byte flipped after magic and format": [
            _flip(sealed, i) for i in range(9, len(sealed), 331)
        ],
    }
    for how, variants in bad.items():
        for variant in variants:
            with pytest.raises(BackupPasswordError):
                _opened(variant)
            assert how
    with pytest.raises(BackupPasswordError):
        _opened(sealed, "y")


def test_a_rotten_attachment_is_carried_over_set_aside_and_reported(
    demo: Database, tmp_path: Path, target
) -> None:
    stored = sorted(
        p for p in demo.attachments_dir.rglob("*") if p.is_file() and p.stat().st_size > 100
    )[0]
    genuine = stored.read_bytes()
    rotten = _flip(genuine, 50)
    stored.write_bytes(rotten)
    out = tmp_path / "b.qdbackup"
    manifest = create_backup(demo, out=out)
    assert manifest.damaged == (attachment_member(stored.name),)
    assert verify_backup(out).damaged == manifest.damaged
    result = restore_backup(source=out, **target)
    assert result.attachments_set_aside == manifest.damaged
    restored = target["attachments_dir"] / stored.parent.name / stored.name
    # Kept as found, but never under the name of the genuine file it does not match.
    assert not restored.exists()
    assert restored.with_name(stored.name + ".damaged").read_bytes() == rotten
    reopened = Database.open(target["db_path"], attachments_dir=target["attachments_dir"])
    try:
        assert any("پیدا نشد" in p for p in check(reopened).problems)
        source = tmp_path / "genuine.pdf"
        source.write_bytes(genuine)
        add_attachment(reopened, owner_kind="person", owner_id=1, source=source)
        assert restored.read_bytes() == genuine
        assert check(reopened).healthy
    finally:
        reopened.close()


def test_an_orphan_wal_never_meets_the_restored_database(
    demo: Database, tmp_path: Path, target
) -> None:

    out = make_plain(demo, tmp_path)
    target["db_path"].parent.mkdir(parents=True)
    orphan = target["db_path"].with_name(target["db_path"].name + "-wal")
    orphan.write_bytes(b"left by a database that is gone" * 100)
    restore_backup(source=out, **target)
    assert not orphan.exists()
    kept = [p for p in target["backups_dir"].iterdir() if p.name.endswith("-wal")]
    assert len(kept) == 1 and kept[0].read_bytes() == b"left by a database that is gone" * 100
    reopened = Database.open(target["db_path"], attachments_dir=target["attachments_dir"])
    assert check(reopened).healthy
    reopened.close()
