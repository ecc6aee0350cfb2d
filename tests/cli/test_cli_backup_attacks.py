"""Hostile backups and password files on the command line: refused in one line, nothing written.

Every attack runs ``restore`` (or ``backup``) against a live office folder and checks the exit
code, the one-line Persian — English message, and that the folder holding the live database
is byte for byte as it was: no file changed, nothing created beside it.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import shutil
import struct
import time
import zipfile
from pathlib import Path

import pytest

from qazvin_diplomacy.cli import main
from qazvin_diplomacy.core.backups import DATABASE_NAME, MANIFEST_NAME
from qazvin_diplomacy.services import backup_crypto
from qazvin_diplomacy.services.attachments import add_attachment
from qazvin_diplomacy.services.backup import common as backup_common
from qazvin_diplomacy.services.backup import create_backup
from qazvin_diplomacy.services.backup import verify as backup_verify
from qazvin_diplomacy.services.directory import ensure_reference_data
from qazvin_diplomacy.storage.database import Database

PASSWORD = "گذرواژه-قوی-۱۴۰۵"
LETTER = "متن نامه سفارت درباره سفر هیئت".encode()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A live office (database with one attachment) and a sound plain backup of it."""
    base = tmp_path_factory.mktemp("template")
    live = base / "office" / "office.sqlite3"
    live.parent.mkdir()
    letter = base / "letter.txt"
    letter.write_bytes(LETTER)
    db = Database.open(live)
    try:
        ensure_reference_data(db)
        add_attachment(db, owner_kind="person", owner_id=None, source=letter)
        create_backup(db, out=base / "good.qdbackup")
    finally:
        db.close()
    return base


@pytest.fixture
def office(tmp_path: Path, template: Path) -> Path:
    """A fresh copy of the live office; returns its database path."""
    shutil.copytree(template / "office", tmp_path / "office")
    shutil.copy2(template / "good.qdbackup", tmp_path / "good.qdbackup")
    return tmp_path / "office" / "office.sqlite3"


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every path under ``folder`` with its bytes (None for a folder)."""
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes() if p.is_file() else None)
        for p in sorted(folder.rglob("*"))
    }


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    code = main(argv)
    return code, capsys.readouterr().err


def assert_one_line_refusal(code: int, err: str, *words: str) -> None:
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("خطا: ") and " — " in lines[0]  # Persian — English
    assert "Traceback" not in err
    for word in words:
        assert word in lines[0]


def restore_refused(
    office: Path, backup: Path, capsys, *words: str, password_file: Path | None = None
) -> str:
    """Restore ``backup`` over the live office: refused, and the office folder unchanged."""
    before = snapshot(office.parent)
    argv = ["restore", "--in", str(backup), "--db", str(office)]
    if password_file is not None:
        argv += ["--password-file", str(password_file)]
    code, err = run(argv, capsys)
    assert_one_line_refusal(code, err, *words)
    assert snapshot(office.parent) == before
    return err


def rewrite(
    source: Path, out: Path, *, manifest=None, replace: dict[str, bytes] | None = None
) -> Path:
    """Copy a plain backup, changing the manifest (a function of its JSON, or raw bytes) or members."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == MANIFEST_NAME and manifest is not None:
                data = (
                    manifest
                    if isinstance(manifest, bytes)
                    else json.dumps(manifest(json.loads(data))).encode()
                )
            elif replace and info.filename in replace:
                data = replace[info.filename]
            zout.writestr(info.filename, data)
    return out


def listing(member: str, data: bytes):
    """A manifest change that lists ``member`` with the size and hash of ``data``."""

    def change(manifest: dict) -> dict:
        for item in manifest["members"]:
            if item["path"] == member:
                item.update(size=len(data), sha256=hashlib.sha256(data).hexdigest())
        return manifest

    return change


def attachment_name(backup: Path) -> str:
    with zipfile.ZipFile(backup) as zf:
        return next(n for n in zf.namelist() if n.startswith("attachments/"))


# --------------------------------------------------------------------------- item 3


def test_a_forged_attachment_is_refused(office: Path, tmp_path: Path, capsys) -> None:
    good = tmp_path / "good.qdbackup"
    name = attachment_name(good)
    forged = b"not the letter the name promises"
    # The manifest's own checksum matches the forged bytes: only the name gives it away.
    bad = rewrite(
        good, tmp_path / "forged.qdbackup", manifest=listing(name, forged), replace={name: forged}
    )
    restore_refused(office, bad, capsys, "SHA-256", "tampered")
    # The same forgery restored into a new, empty folder leaves nothing either.
    target = tmp_path / "new" / "office.sqlite3"
    code, err = run(["restore", "--in", str(bad), "--db", str(target)], capsys)
    assert_one_line_refusal(code, err, "SHA-256")
    assert not target.exists() and list((tmp_path / "new").iterdir()) == []


def test_check_finds_a_stored_attachment_that_does_not_match_its_name(office: Path, capsys) -> None:
    code, _err = run(["check", "--db", str(office)], capsys)
    assert code == 0
    stored = next(p for p in (office.parent / "office-attachments").rglob("*") if p.is_file())
    stored.write_bytes(b"forged")
    capsys.readouterr()
    assert main(["check", "--db", str(office)]) == 1
    out = capsys.readouterr().out
    assert any("SHA-256" in line and line.startswith("مشکل") for line in out.splitlines())


# --------------------------------------------------------------------------- item 4


def _hostile_header(log2_n: int, r: int, p: int) -> bytes:
    return struct.pack(
        ">8sBBBBI16s4s",
        backup_crypto.MAGIC,
        backup_crypto.FORMAT,
        log2_n,
        r,
        p,
        backup_crypto.CHUNK_SIZE,
        b"\x01" * 16,
        b"\x02" * 4,
    )


def test_a_hostile_scrypt_header_is_refused_before_any_work(
    office: Path, tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[int, int, int]] = []
    real = backup_crypto.derive_key

    def counting(password: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
        calls.append((log2_n, r, p))
        return real(password, salt, log2_n, r, p)

    monkeypatch.setattr(backup_crypto, "derive_key", counting)
    secret = tmp_path / "secret.txt"
    secret.write_text(PASSWORD + "\n", encoding="utf-8")
    bad = tmp_path / "hostile.qdbackup"
    bad.write_bytes(_hostile_header(20, 32, 4) + b"\x00" * 4096)
    started = time.perf_counter()
    restore_refused(office, bad, capsys, "گذرواژه", password_file=secret)
    assert time.perf_counter() - started < 2
    assert calls == []  # scrypt never ran with n=2**20, r=32, p=4 (4 GiB, 40 s)


def test_a_manifest_nested_too_deeply_is_refused(office: Path, tmp_path: Path, capsys) -> None:
    nested = b"[" * 200_000 + b"]" * 200_000
    bad = rewrite(tmp_path / "good.qdbackup", tmp_path / "nested.qdbackup", manifest=nested)
    restore_refused(office, bad, capsys, "manifest")


def _declare_size(path: Path, member: str, size: int) -> None:
    """Rewrite the uncompressed size the ZIP headers give for ``member`` (no data changes)."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    start = data.find(name)
    while start != -1:
        if data[start - 46 : start - 42] == b"PK\x01\x02":  # central directory entry
            data[start - 46 + 24 : start - 46 + 28] = struct.pack("<I", size)
        elif data[start - 30 : start - 26] == b"PK\x03\x04":  # local header
            data[start - 30 + 22 : start - 30 + 26] = struct.pack("<I", size)
        start = data.find(name, start + 1)
    path.write_bytes(bytes(data))


def test_a_database_member_declaring_3_gb_is_refused_before_a_byte_is_written(
    office: Path, tmp_path: Path, capsys
) -> None:
    three_gb = 3 * 1024**3

    def huge(manifest: dict) -> dict:
        manifest["members"][0]["size"] = three_gb
        return manifest

    bad = rewrite(tmp_path / "good.qdbackup", tmp_path / "huge.qdbackup", manifest=huge)
    _declare_size(bad, DATABASE_NAME, three_gb)
    with zipfile.ZipFile(bad) as zf:
        assert zf.getinfo(DATABASE_NAME).file_size == three_gb
    restore_refused(office, bad, capsys, "مجاز")


def test_a_zip_bomb_database_is_refused(
    office: Path, tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 48 MiB that deflate to about 50 KB, starting like an SQLite file, over a lowered limit.
    bomb = b"SQLite format 3\x00" + bytes(48 * 1024 * 1024)
    monkeypatch.setattr(backup_verify, "MAX_DATABASE_BYTES", 8 * 1024 * 1024)
    good = tmp_path / "good.qdbackup"
    bad = rewrite(
        good,
        tmp_path / "bomb.qdbackup",
        manifest=listing(DATABASE_NAME, bomb),
        replace={DATABASE_NAME: bomb},
    )
    assert bad.stat().st_size < 1024 * 1024
    restore_refused(office, bad, capsys, "مجاز")
    # Under the default limit, zeros that are no SQLite file stop at the first chunk.
    monkeypatch.undo()
    zeros = bytes(48 * 1024 * 1024)
    bad = rewrite(
        good,
        tmp_path / "zeros.qdbackup",
        manifest=listing(DATABASE_NAME, zeros),
        replace={DATABASE_NAME: zeros},
    )
    restore_refused(office, bad, capsys, "SQLite")


def test_a_backup_larger_than_the_free_disk_space_is_refused(
    office: Path, tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    usage = shutil.disk_usage(tmp_path)
    monkeypatch.setattr(
        backup_common.shutil, "disk_usage", lambda _p: usage._replace(free=10 * 1024 * 1024)
    )
    restore_refused(office, tmp_path / "good.qdbackup", capsys, "فضای خالی")


# --------------------------------------------------------------------------- item 8


@pytest.mark.parametrize(
    "encoded",
    [
        codecs.BOM_UTF8 + (PASSWORD + "\r\n").encode("utf-8"),  # Notepad's "UTF-8 with BOM"
        (PASSWORD + "\r\n").encode("utf-16"),  # Notepad's "Unicode" (UTF-16 LE with a BOM)
        codecs.BOM_UTF16_BE + (PASSWORD + "\n").encode("utf-16-be"),
    ],
    ids=["utf-8-bom", "utf-16-le", "utf-16-be"],
)
def test_a_byte_order_mark_is_not_part_of_the_password(
    office: Path, tmp_path: Path, capsys, encoded: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backup_crypto, "SCRYPT_LOG2_N", 14)
    marked = tmp_path / "marked.txt"
    marked.write_bytes(encoded)
    plain = tmp_path / "plain.txt"
    plain.write_text(PASSWORD, encoding="utf-8")
    out = tmp_path / "sealed.qdbackup"
    assert (
        main(["backup", "--db", str(office), "--out", str(out), "--password-file", str(marked)])
        == 0
    )
    target = tmp_path / "restored" / "office.sqlite3"
    assert (
        main(["restore", "--in", str(out), "--db", str(target), "--password-file", str(plain)]) == 0
    )
    assert target.is_file()


@pytest.mark.parametrize(
    "raw",
    [
        PASSWORD.encode("cp1256", errors="replace"),  # an old Windows Arabic-script code page
        b"\xff\xfe\x00",  # a UTF-16 mark followed by half a character
        (PASSWORD + "\n").encode("utf-16-le"),  # UTF-16 without its mark: NUL characters
    ],
    ids=["cp1256", "broken-utf-16", "utf-16-without-bom"],
)
def test_a_password_file_that_is_not_utf8_text_is_refused(
    office: Path, tmp_path: Path, capsys, raw: bytes
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_bytes(raw)
    out = tmp_path / "usb" / "sealed.qdbackup"
    before = snapshot(office.parent)
    code, err = run(
        ["backup", "--db", str(office), "--out", str(out), "--password-file", str(secret)], capsys
    )
    assert_one_line_refusal(code, err, "UTF-8")
    assert not out.parent.exists()
    assert snapshot(office.parent) == before
    restore_refused(office, tmp_path / "good.qdbackup", capsys, "UTF-8", password_file=secret)
